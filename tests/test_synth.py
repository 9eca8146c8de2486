"""The generator: same seed same registry, settable rates, planted faults as documented,
status histories. (That the analyses find exactly the planted sets is in
tests/test_analysis_planted.py.)"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from functools import lru_cache

import pytest

from graphreg.model import ADDRESSES
from graphreg.geography import read_division
from graphreg.synth import (CHECK_YEAR, FAULT_KINDS, HOUSEHOLD_FAULTS, FaultRates, Registry,
                            generate)


@lru_cache(maxsize=1)
def geo() -> dict[str, list[dict[str, str]]]:
    return read_division(counties=["520423"])


@lru_cache(maxsize=1)
def reg() -> Registry:
    return generate(geo(), households=1000, seed=5,
                    rates=FaultRates(county_no_designated=1.0, concentrated=0.2))


def test_same_seed_same_registry_and_backward_compatible_rates() -> None:
    a = generate(geo(), households=150, seed=3, rates=FaultRates(0.1, 0.1, 0.1))
    assert a == generate(geo(), households=150, seed=3, rates=FaultRates(0.1, 0.1, 0.1))
    assert a != generate(geo(), households=150, seed=4, rates=FaultRates(0.1, 0.1, 0.1))
    assert len(a.households) == 150
    assert (len(a.faults["unassisted"]), len(a.faults["mistargeted"]), len(a.faults["overlap"])) \
        == (15, 15, 15)


def test_rates_are_checked() -> None:
    with pytest.raises(ValueError):
        FaultRates(unassisted=1.5)
    with pytest.raises(ValueError):
        FaultRates(unassisted=0.5, mistargeted=0.3, overlap=0.1, help_ended=0.1,
                   secondary_only=0.1)
    with pytest.raises(ValueError):
        FaultRates(similar_units=-0.1)


def test_zero_rates_plant_nothing_and_empty_geography() -> None:
    zero = FaultRates(**{k: 0.0 for k in FAULT_KINDS})
    r = generate(geo(), households=200, seed=1, rates=zero)
    assert all(v == [] for v in r.faults.values()) and set(r.faults) == set(FAULT_KINDS)
    empty = generate({"villages": [], "townships": []}, households=10)
    assert empty.households == [] and empty.faults["unassisted"] == []


def test_household_faults_are_disjoint_and_sized_by_rate() -> None:
    r = reg()
    ids = [(f[0] if isinstance(f, tuple) else f) for k in HOUSEHOLD_FAULTS for f in r.faults[k]]
    assert len(ids) == len(set(ids))
    assert Counter({k: len(r.faults[k]) for k in HOUSEHOLD_FAULTS}) == Counter(
        unassisted=30, mistargeted=40, overlap=30, help_ended=20, secondary_only=20)
    assert len(r.faults["overhelped"]) == 10 and len(r.faults["shared_person"]) == 10
    assert len(r.faults["similar_units"]) == 2
    assert r.faults["county_no_designated"] in ([], ["520423"])


def test_planted_faults_look_as_documented() -> None:
    r = reg()
    measures = defaultdict(list)
    for m in r.measures:
        measures[m["household"]].append(m)
    assists = defaultdict(list)
    for a in r.assists:
        assists[a["target"]].append(a)
    rows = {h["id"]: h for h in r.households}
    assert set(r.unassisted_levels) == set(r.faults["unassisted"])
    for h in r.faults["unassisted"]:
        assert not measures[h] and not assists[h]
        village_team = any(a["target"] == h[:12] for a in r.assists)
        assert r.unassisted_levels[h] == ("village_only" if village_team else "none")
    for h in r.faults["help_ended"]:
        assert all(m["end"] < dt.date(CHECK_YEAR, 1, 1) for m in measures[h])
        assert all(a["until"] < dt.date(CHECK_YEAR, 1, 1) for a in assists[h])
    for h in r.faults["mistargeted"]:
        causes = {rows[h]["main_cause"], *rows[h]["other_causes"]}
        assert measures[h] and all(not ADDRESSES[m["type"]] & causes for m in measures[h])
    for h in r.faults["secondary_only"]:
        main, others = rows[h]["main_cause"], set(rows[h]["other_causes"])
        assert all(main not in ADDRESSES[m["type"]] and ADDRESSES[m["type"]] & others
                   for m in measures[h])
    for h in r.faults["overhelped"]:
        assert sum(a["role"] == "帮扶责任人" for a in assists[h]) == 10
    assert len({p["pid"] for p in r.persons}) == len(r.persons)  # one number, one person
    extra = {m["pid"]: m["household"] for m in r.shared_members}
    for pid, a, b in r.faults["shared_person"]:
        assert {p["household"] for p in r.persons if p["pid"] == pid} | {extra[pid]} == {a, b}
    for a, b in r.faults["similar_units"]:
        sa = {x["target"] for x in r.assists if x["unit"] == a}
        sb = {x["target"] for x in r.assists if x["unit"] == b}
        assert len(sa) == 6 and len(sb) == 7 and sa < sb
    for v in r.faults["concentrated"]:
        costs = sorted((sum(m["cost"] for m in measures[h]) for h in rows if h[:12] == v),
                       reverse=True)
        assert costs[0] >= 0.95 * sum(costs)
    from graphreg.analysis.concentration import top_share
    from graphreg.synth import CONCENTRATION_SHARE
    by_village = defaultdict(list)
    for h in rows:
        by_village[h[:12]].append(sum(m["cost"] for m in measures[h]))
    flagged = sorted(v for v, c in by_village.items()
                     if len(c) >= 10 and top_share(c) >= CONCENTRATION_SHARE)
    assert flagged == r.faults["concentrated"] and flagged
    teams = {a["target"] for a in r.assists if a["level"] == "village"}
    assert not teams & set(r.faults["village_no_team"])


def test_status_history_registration_exits_and_returns() -> None:
    r = reg()
    hist = defaultdict(list)
    for s in r.status_changes:
        hist[s["household"]].append((s["year"], s["status"]))
    rows = {h["id"]: h for h in r.households}
    assert set(hist) == set(rows)
    faulty = {f[0] if isinstance(f, tuple) else f for k in HOUSEHOLD_FAULTS for f in r.faults[k]}
    statuses = Counter()
    for h, changes in hist.items():
        changes.sort()
        assert changes[0] == (rows[h]["registered_year"], "未脱贫")
        assert rows[h]["status"] == changes[-1][1]
        assert all(y <= CHECK_YEAR for y, _ in changes)
        if h in faulty:
            assert changes == changes[:1]
        statuses.update(s for _, s in changes[1:])
    assert statuses["脱贫"] > 100 and 0 < statuses["返贫"] < statuses["脱贫"]
    assert {rows[h]["registered_year"] for h in rows} == {2014, 2015, 2016, 2017, 2018}


def test_no_help_starts_before_the_household_is_registered() -> None:
    from graphreg.geography import read_division
    from graphreg.synth import generate
    reg = generate(read_division(counties=["520423"]), households=3000, seed=4)
    first = {h["id"]: h["registered_year"] for h in reg.households}
    assert sum(y > 2014 for y in first.values()) > 100  # late registrations exist
    assert [m["id"] for m in reg.measures if m["start"].year < first[m["household"]]] == []
    assert [a for a in reg.assists if a["level"] == "household"
            and a["since"].year < first[a["target"]]] == []
    assert all(m["end"] is None or m["end"] >= m["start"] for m in reg.measures)
