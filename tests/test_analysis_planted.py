"""On generated registries with planted faults of every kind, each analysis finds exactly the
planted set, with and without an as-of year; every total is cross-checked in Cypher."""

from __future__ import annotations

import pytest

from graphreg.analysis.run import ANALYSES, analyse, compare_with_planted, report
from graphreg.db import Store
from graphreg.geography import import_geography, read_division
from graphreg.schema import apply_schema, wipe
from graphreg.synth import CHECK_YEAR, FaultRates, generate, write_registry

RATES = FaultRates(unassisted=0.03, mistargeted=0.04, overlap=0.03, help_ended=0.02,
                   secondary_only=0.02, overhelped=0.01, shared_person=0.01, similar_units=0.002,
                   village_no_team=0.1, county_no_designated=0.5, concentrated=0.1)


@pytest.fixture(scope="module")
def registry(session_store: Store):  # type: ignore[no-untyped-def]
    """One registry for the whole module (the analyses only read it)."""
    store = session_store
    wipe(store)
    apply_schema(store)
    geo = read_division(counties=["520423", "520425"])
    import_geography(store, geo)
    reg = generate(geo, households=1500, seed=11, rates=RATES, poverty_county_share=1.0)
    write_registry(store, reg)
    return reg


def _assert_exact(check: dict[str, dict[str, int]]) -> None:
    for kind, c in check.items():
        assert c["missed"] == 0 and c["extra"] == 0, (kind, c)


def test_every_planted_fault_found_exactly(session_store: Store, registry) -> None:  # type: ignore[no-untyped-def]
    counts = registry.counts()
    for kind in ("unassisted", "mistargeted", "overlap", "help_ended", "secondary_only",
                 "overhelped", "shared_person", "similar_units", "village_no_team",
                 "county_no_designated", "concentrated"):
        assert counts[f"planted_{kind}"] > 0, kind
    res = analyse(session_store, as_of=CHECK_YEAR, analyses=ANALYSES)
    check = compare_with_planted(session_store, res)
    assert set(check) == {"unassisted", "overlap", "unassisted_level", "village_no_team",
                          "county_no_designated", "help_ended", "mistargeted", "secondary_only",
                          "overhelped", "shared_person", "similar_units", "concentrated"}
    _assert_exact(check)
    assert check["help_ended"]["planted"] == counts["planted_help_ended"]
    assert res.cross_checks > 0
    # with no as-of year: the same, except that ended help still counts as help
    res = analyse(session_store, analyses=ANALYSES)
    check = compare_with_planted(session_store, res)
    assert "help_ended" not in check
    _assert_exact(check)


def test_filters_limit_to_the_scope(session_store: Store, registry) -> None:  # type: ignore[no-untyped-def]
    res = analyse(session_store, county_codes=["520425"], as_of=CHECK_YEAR, analyses=ANALYSES)
    assert [c.county for c in res.counties] == ["520425"]
    assert all(g.household.startswith("520425") for g in res.gaps)
    _assert_exact(compare_with_planted(session_store, res))
    village = res.gaps[0].village
    one = analyse(session_store, villages=[village], as_of=CHECK_YEAR, analyses=["gaps"])
    assert {g.village for g in one.gaps} == {village}
    assert [g for g in res.gaps if g.village == village] == one.gaps


def test_report_county_trend(session_store: Store, registry) -> None:  # type: ignore[no-untyped-def]
    rep = report(session_store, "county", "520423", as_of=CHECK_YEAR)
    assert [r.year for r in rep.years] == list(range(2014, CHECK_YEAR + 1))
    hh = [h for h in registry.households if h["county"] == "520423"]
    last = rep.years[-1]
    assert last.households == len(hh)
    assert last.people == sum(h["size"] for h in hh)
    exits = sum(1 for s in registry.status_changes
                if s["household"].startswith("520423") and s["status"] == "脱贫")
    assert sum(r.exits for r in rep.years) == exits
    assert rep.years[0].households == sum(1 for h in hh if h["registered_year"] == 2014)
    assert sum(p.households for p in rep.parts) == last.households
    assert all(len(p.code) == 9 for p in rep.parts)
