"""Each analysis on small graphs built in the test: exact households, pairs and numbers,
including empty inputs and ties. No database needed."""

from __future__ import annotations

import datetime as dt

import pytest

from graphreg.analysis import (concentrated_villages, concentration, coverage_counts, gini,
                               household_gaps, household_help, mistargeted_households,
                               overhelped_households, overlapping_help,
                               poor_villages_without_team, poverty_counties_without_designated,
                               shared_persons, similar_units, top_share, unassisted_households)
from graphreg.analysis.common import restrict
from graphreg.project import (Scope, add_assist, add_county, add_household, add_measure,
                              add_person, add_village, empty_county_graph)

d = dt.date
MAP = {"medical": frozenset({1, 2}), "education": frozenset({3}), "labour": frozenset({7, 8}),
       "housing": frozenset({4})}


def hh(G, hid, village="v1", status="未脱贫", main=1, others=(), history=None, year=2014, size=3):  # type: ignore[no-untyped-def]
    add_household(G, {"id": hid, "village": village, "status": status, "main_cause": main,
                      "other_causes": list(others), "registered_year": year, "size": size,
                      "history": history})


def meas(G, mid, hid, t="medical", unit="u1", start=d(2016, 1, 1), end=None, cost=100):  # type: ignore[no-untyped-def]
    add_measure(G, {"id": mid, "type": t, "unit": unit, "household": hid, "start": start,
                    "end": end, "cost": cost})


# ---- empty inputs ----------------------------------------------------------------------------
def test_every_analysis_on_an_empty_graph_finds_nothing() -> None:
    G = empty_county_graph("c1", as_of=2020)
    assert unassisted_households(G) == []
    assert household_gaps(G) == []
    assert poor_villages_without_team(G) == []
    assert poverty_counties_without_designated(G) == []
    assert mistargeted_households(G) == []
    assert overlapping_help(G) == []
    assert overhelped_households(G) == []
    assert shared_persons(G) == []
    assert similar_units(G) == []
    assert household_help(G) == []
    assert concentration(G) == [] and concentrated_villages(G) == []
    assert coverage_counts(G, [2019, 2020]) == {}
    assert gini([]) == 0.0 and top_share([]) == 0.0


# ---- gaps ------------------------------------------------------------------------------------
def gap_graph(as_of: int | None = 2020):  # type: ignore[no-untyped-def]
    G = empty_county_graph("c1", as_of=as_of, addresses=MAP)
    add_village(G, {"code": "v1", "poor": True})
    add_village(G, {"code": "v2", "poor": True})
    add_assist(G, {"unit": "wt1", "kind": "work_team", "village": "v1", "since": d(2015, 3, 1)})
    hh(G, "h1")                                   # nothing, village with team -> village_only
    hh(G, "h2", village="v2")                     # nothing, village without team -> none
    hh(G, "h3")                                   # cadre until 2019 -> ended
    add_assist(G, {"unit": "c1", "kind": "cadre", "household": "h3", "since": d(2015, 1, 1),
                   "until": d(2019, 6, 30)})
    meas(G, "m3", "h3", start=d(2016, 1, 1), end=d(2018, 3, 1))
    hh(G, "h4")                                   # measure running -> helped
    meas(G, "m4", "h4", start=d(2016, 1, 1))
    hh(G, "h5", status="脱贫")                     # exited -> not a gap
    hh(G, "h6", history=[(2021, "未脱贫")], status="未脱贫")  # registered after 2020
    hh(G, "h7")                                   # help starts after the day -> none/village
    add_assist(G, {"unit": "c2", "kind": "cadre", "household": "h7", "since": d(2021, 2, 1)})
    return G


def test_household_gaps_by_level_as_of_a_year() -> None:
    got = [(g.household, g.level, g.help_ended) for g in household_gaps(gap_graph())]
    assert got == [("h1", "village_only", None), ("h2", "none", None),
                   ("h3", "ended", d(2019, 6, 30)), ("h7", "village_only", None)]


def test_household_gaps_without_a_year_count_help_at_any_time() -> None:
    # no year: current statuses (h6 counts) and help at any time (h3, h7 are helped)
    G = gap_graph(as_of=None)
    assert [(g.household, g.level) for g in household_gaps(G)] == [
        ("h1", "village_only"), ("h2", "none"), ("h6", "village_only")]


def test_unassisted_ignores_dates_and_tells_village_help() -> None:
    G = gap_graph(as_of=None)
    got = [(u.household, u.village_help) for u in unassisted_households(G)]
    assert got == [("h1", True), ("h2", False), ("h6", True)]


def test_poor_villages_without_team_respects_dates() -> None:
    G = empty_county_graph("c1", as_of=2020)
    for v in ("v1", "v2", "v3", "v4"):
        add_village(G, {"code": v, "poor": v != "v4", "name": f"村{v}"})
    add_assist(G, {"unit": "t1", "kind": "work_team", "village": "v1", "since": d(2015, 1, 1)})
    add_assist(G, {"unit": "t2", "kind": "work_team", "village": "v2", "since": d(2015, 1, 1),
                   "until": d(2019, 12, 31)})
    add_assist(G, {"unit": "e1", "kind": "enterprise", "village": "v3"})  # not a work team
    hh(G, "h1", village="v2")
    got = [(g.village, g.name, g.households) for g in poor_villages_without_team(G)]
    assert got == [("v2", "村v2", 1), ("v3", "村v3", 0)]
    assert [g.village for g in poor_villages_without_team(G, day=d(2018, 1, 1))] == ["v3"]


def test_poverty_counties_without_designated() -> None:
    G = empty_county_graph("520423", as_of=2020)
    add_county(G, {"code": "520423", "name": "镇宁", "poverty_county": True, "areas": ["A1"]})
    add_assist(G, {"unit": "ew", "kind": "east_west", "county": "520423"})
    assert [(c.county, c.areas) for c in poverty_counties_without_designated(G)] == [
        ("520423", ("A1",))]
    add_assist(G, {"unit": "du", "kind": "designated", "county": "520423"})
    assert poverty_counties_without_designated(G) == []
    H = empty_county_graph("520424")
    add_county(H, {"code": "520424", "poverty_county": False})
    assert poverty_counties_without_designated(H) == []


# ---- mistargeting ----------------------------------------------------------------------------
def test_mistargeting_kinds_and_mapping_from_the_graph() -> None:
    G = empty_county_graph("c1", as_of=2020, addresses=MAP)
    hh(G, "h1", main=1)                        # medical: targeted
    meas(G, "m1", "h1", "medical")
    hh(G, "h2", main=1, others=(3,))           # education only: secondary_only
    meas(G, "m2", "h2", "education")
    hh(G, "h3", main=1, others=(3,))           # education + housing: unaddressed
    meas(G, "m3a", "h3", "education")
    meas(G, "m3b", "h3", "housing")
    hh(G, "h4", main=1)                        # medical ended, labour running: unaddressed
    meas(G, "m4a", "h4", "medical", end=d(2019, 1, 1))
    meas(G, "m4b", "h4", "labour")
    hh(G, "h5", main=4)                        # no measures: not judged
    hh(G, "h6", main=3, status="脱贫")          # exited: not judged
    meas(G, "m6", "h6", "labour")
    got = [(m.household, m.kind, m.types) for m in mistargeted_households(G)]
    assert got == [("h2", "secondary_only", ("education",)),
                   ("h3", "unaddressed", ("education", "housing")),
                   ("h4", "unaddressed", ("labour",))]
    # with no date, h4's ended medical measure counts
    assert [m.household for m in mistargeted_households(G, day=None) if m.household == "h4"] == ["h4"]
    G.graph["date"] = None
    assert [m.household for m in mistargeted_households(G)] == ["h2", "h3"]
    # a planner maps education to illness too: h2 and h3 become targeted
    assert mistargeted_households(G, addresses={**MAP, "education": frozenset({1, 3})}) == []


# ---- overlaps --------------------------------------------------------------------------------
def test_overlapping_help_on_a_day_and_same_unit_not_counted() -> None:
    G = empty_county_graph("c1")
    hh(G, "h1")
    meas(G, "m1", "h1", unit="u1", start=d(2016, 1, 1), end=d(2018, 12, 31))
    meas(G, "m2", "h1", unit="u2", start=d(2018, 6, 1), end=None)
    meas(G, "m3", "h1", unit="u1", start=d(2017, 1, 1), end=d(2017, 2, 1))  # same unit as m1
    meas(G, "m4", "h1", t="labour", unit="u3", start=d(2016, 1, 1))
    got = [(o.unit_a, o.unit_b, o.measure_a, o.measure_b, o.start, o.end)
           for o in overlapping_help(G)]
    assert got == [("u1", "u2", "m1", "m2", d(2018, 6, 1), d(2018, 12, 31))]
    assert overlapping_help(G, day=d(2019, 12, 31)) == []
    assert len(overlapping_help(G, day=d(2018, 7, 1))) == 1


def test_overhelped_median_of_peers_with_ties() -> None:
    G = empty_county_graph("c1")
    counts = {"h1": 2, "h2": 2, "h3": 3, "h4": 3, "h5": 7, "h6": 6}
    for h, n in counts.items():
        hh(G, h)
        for i in range(n):
            add_assist(G, {"unit": f"u{i}", "household": h})
    hh(G, "h7")  # unhelped: not a peer
    got = [(o.household, o.units, o.village_median, o.peers) for o in overhelped_households(G)]
    # h5: peers 2,2,3,3,6 -> median 3, 7-3=4 -> yes; h6: peers 2,2,3,3,7 -> 3, 6-3=3 -> no
    assert got == [("h5", 7, 3, 5)]
    assert [o.household for o in overhelped_households(G, excess=3)] == ["h5", "h6"]
    assert overhelped_households(G, min_peers=6) == []


def test_shared_persons_across_households_and_counties() -> None:
    G = empty_county_graph("c1")
    for h in ("h1", "h2", "h3"):
        hh(G, h, village="v1" if h != "h3" else "v2")
    add_person(G, {"pid": "p1", "masked": "m1", "household": "h1"})
    add_person(G, {"pid": "p1", "masked": "m1", "household": "h3"})
    add_person(G, {"pid": "p2", "masked": "m2", "household": "h2", "elsewhere": ["x9"]})
    add_person(G, {"pid": "p3", "masked": "m3", "household": "h2"})
    assert [(s.pid, s.households) for s in shared_persons(G)] == [
        ("p1", ("h1", "h3")), ("p2", ("h2", "x9"))]
    # restricted to village v1, h3 is outside but p1 is still listed there
    restrict(G, Scope(villages=("v1",)))
    assert [(s.pid, s.households) for s in shared_persons(G)] == [
        ("p1", ("h1", "h3")), ("p2", ("h2", "x9"))]


def test_similar_units_exact_pairs_threshold_ties_and_big_unit() -> None:
    G = empty_county_graph("c1")
    sets = {"a": range(6), "b": range(6), "c": range(5), "d": range(3, 9),
            "big": range(60), "small": range(2)}
    for i in range(60):
        hh(G, f"h{i:02d}")
    for u, rng in sets.items():
        for i in rng:
            add_assist(G, {"unit": u, "household": f"h{i:02d}"})
    got = [(p.unit_a, p.unit_b, p.shared, p.jaccard) for p in similar_units(G, threshold=0.8)]
    # a~b = 6/6, a~c = b~c = 5/6 (0.8333); d shares 3 of 9; big is never paired; small too few
    assert got == [("a", "b", 6, 1.0), ("a", "c", 5, 0.8333), ("b", "c", 5, 0.8333)]
    # exactly at the threshold counts
    assert [(p.unit_a, p.unit_b) for p in similar_units(G, threshold=5 / 6)] == [
        ("a", "b"), ("a", "c"), ("b", "c")]
    assert [(p.unit_a, p.unit_b) for p in similar_units(G, threshold=0.9)] == [("a", "b")]
    assert [(p.unit_a, p.unit_b) for p in similar_units(G, threshold=1 / 3, min_households=6)] \
        == [("a", "b"), ("a", "d"), ("b", "d")]
    with pytest.raises(ValueError):
        similar_units(G, threshold=0)


# ---- concentration ---------------------------------------------------------------------------
def test_gini_and_top_share_exact() -> None:
    assert gini([1, 1, 1, 1]) == 0.0
    assert gini([0, 0, 0, 4]) == 0.75
    assert gini([1, 2, 3, 4]) == 0.25
    assert top_share([10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]) == round(2 / 11, 4)  # k=2
    assert top_share([0, 0]) == 0.0


def test_concentration_ranking_with_ties_and_flag() -> None:
    G = empty_county_graph("c1", as_of=2020)
    add_village(G, {"code": "v1", "name": "甲村"})
    for i in range(10):
        hh(G, f"h{i}")
    meas(G, "m0", "h0", cost=900)
    meas(G, "m1", "h1", cost=50)
    meas(G, "m2", "h2", cost=50)
    meas(G, "m2b", "h2", t="labour", cost=0)
    meas(G, "m9", "h9", cost=50)
    meas(G, "late", "h3", cost=10_000, start=d(2021, 1, 1))   # after the day: not counted
    ranked = [(r.household, r.cost, r.measures) for r in household_help(G)]
    assert ranked[:4] == [("h0", 900, 1), ("h2", 50, 2), ("h1", 50, 1), ("h9", 50, 1)]
    assert [r[0] for r in ranked[4:]] == ["h3", "h4", "h5", "h6", "h7", "h8"]
    (c,) = concentration(G)
    assert (c.code, c.name, c.households, c.measures, c.cost, c.top10_share, c.top_households) \
        == ("v1", "甲村", 10, 5, 1050, round(900 / 1050, 4), ("h0",))
    assert c.gini == gini([900, 50, 50, 50, 0, 0, 0, 0, 0, 0])
    assert [x.code for x in concentrated_villages(G)] == ["v1"]
    assert concentrated_villages(G, min_households=11) == []
    (k,) = concentration(G, level="county")
    assert (k.level, k.code, k.cost) == ("county", "c1", 1050)


# ---- coverage --------------------------------------------------------------------------------
def test_coverage_counts_per_year_and_group() -> None:
    G = empty_county_graph("c1", addresses=MAP)
    hh(G, "h1", village="v1", main=1, size=3,
       history=[(2014, "未脱贫"), (2016, "脱贫"), (2018, "返贫")])
    meas(G, "m1", "h1", "medical", start=d(2015, 5, 1), end=d(2016, 12, 31), cost=300)
    hh(G, "h2", village="v2", main=8, size=2, history=[(2015, "未脱贫")])
    add_assist(G, {"unit": "c1", "household": "h2", "since": d(2015, 6, 1)})
    meas(G, "m2", "h2", "medical", start=d(2016, 1, 1), unit="u1", cost=100)
    meas(G, "m3", "h2", "medical", start=d(2016, 6, 1), unit="u2", cost=50)
    c = coverage_counts(G, range(2014, 2019), group=lambda h: h["village"])
    got = {k: (v.households, v.in_poverty, v.assisted, v.targeted, v.entries, v.exits,
               v.returns, v.overlaps, v.cost) for k, v in c.items()}
    assert got == {
        ("v1", 2014): (1, 1, 0, 0, 1, 0, 0, 0, 0),
        ("v1", 2015): (1, 1, 1, 1, 0, 0, 0, 0, 300),
        ("v1", 2016): (1, 0, 0, 0, 0, 1, 0, 0, 0),
        ("v1", 2017): (1, 0, 0, 0, 0, 0, 0, 0, 0),
        ("v1", 2018): (1, 1, 0, 0, 0, 0, 1, 0, 0),
        ("v2", 2015): (1, 1, 1, 0, 1, 0, 0, 0, 0),
        ("v2", 2016): (1, 1, 1, 0, 0, 0, 0, 1, 150),
        ("v2", 2017): (1, 1, 1, 0, 0, 0, 0, 1, 0),
        ("v2", 2018): (1, 1, 1, 0, 0, 0, 0, 1, 0),
    }
    assert c[("v1", 2018)].people == 3 and c[("v1", 2016)].people_in_poverty == 0
