"""Matching without a database: costs, candidate pairs, reasons, and the solvers against brute
force on small random instances (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphreg.errors import InputError
from graphreg.matching import (NO_FITTING_SKILL, NO_UNIT_IN_REACH, HelperUnit, Instance,
                               NeedyHousehold, Weights, build_instance, random_instance,
                               solve_brute_force, solve_county, solve_flow, solve_greedy,
                               solve_networkx)
from graphreg.matching.problem import (COUNTY, MAIN, NONE, PAIRED, SECONDARY, TOWNSHIP, VILLAGE,
                                       cause_fit, tree_distance, tree_level)

V1, V2, V3 = "520423101001", "520423101002", "520423102001"
ADDR = {"medical": [1, 2], "education": [3], "labour": [7, 8]}


# ---- costs and geometry -------------------------------------------------------------------
def test_levels_and_distances_in_the_division_tree() -> None:
    c = "520423"
    assert tree_level(V1, V1, county=c, paired=False) == VILLAGE
    assert tree_level(V2, V1, county=c, paired=False) == TOWNSHIP  # same township
    assert tree_level("520423101", V1, county=c, paired=False) == TOWNSHIP
    assert tree_level(V3, V1, county=c, paired=False) == COUNTY
    assert tree_level("520423", V1, county=c, paired=False) == COUNTY
    assert tree_level("330106", V1, county=c, paired=False) is None
    assert tree_level("330106", V1, county=c, paired=True) == PAIRED
    assert tree_level(None, V1, county=c, paired=False, unit_county=c) == COUNTY
    assert [tree_distance(b, V1) for b in (V1, "520423101", V2, "520423", "520423102", V3,
                                           "330106")] == [0, 1, 2, 2, 3, 4, None]


def test_cause_fit_main_then_secondary_then_none() -> None:
    assert cause_fit(["medical"], 1, [], ADDR) == MAIN
    assert cause_fit(["education"], 1, [3], ADDR) == SECONDARY
    assert cause_fit(["labour"], 1, [3], ADDR) == NONE
    assert cause_fit([], None, [], ADDR) == NONE


def test_weights_costs_and_parsing() -> None:
    w = Weights()
    assert w.pair_cost(fit=MAIN, level=VILLAGE) == 0
    assert w.pair_cost(fit=NONE, level=PAIRED) == 75
    assert [w.load_step(j, 3) for j in (1, 2, 3)] == [3, 6, 10]
    w2 = Weights.parse(["township=7", "reach=county", "allow_unfitting=no", "load=0"])
    assert (w2.township, w2.reach_level, w2.allow_unfitting, w2.load) == (7, COUNTY, False, 0)
    for bad in (["township"], ["nope=1"], ["township=x"], ["township=-1"], ["reach=city"],
                ["allow_unfitting=maybe"]):
        with pytest.raises(InputError):
            Weights.parse(bad)


# ---- candidate pairs and reasons ----------------------------------------------------------
def _hh(hid: str, need: str = "unassisted", main: int | None = 1, others: tuple[int, ...] = (),
        village: str = V1, helpers: tuple[str, ...] = ()) -> NeedyHousehold:
    return NeedyHousehold(hid, village, "520423", need, main, others, helpers)


def test_build_instance_pairs_and_reasons() -> None:
    hh = [_hh("a"), _hh("b", "mistargeted", main=8), _hh("c", "mistargeted", main=3,
                                                        helpers=("JY",)),
          _hh("d", "mistargeted", main=1, others=(3,))]
    units = [HelperUnit("CD", capacity=3, load=1, base="520423101"),
             HelperUnit("HW", capacity=2, skills=("medical",), base="520423"),
             HelperUnit("JY", capacity=2, skills=("education",), base="520423"),
             HelperUnit("FULL", capacity=2, load=2, skills=("labour",), base=V1),
             HelperUnit("FAR", capacity=2, skills=("labour",), base="330106")]
    inst = build_instance(hh, units, ADDR)
    pairs = sorted((inst.households[h], inst.units[u], c)
                   for h, u, c in zip(inst.pair_h, inst.pair_u, inst.pair_cost))
    # a: CD (none, township 65), HW (main, county 10), JY (none, county 70);
    # b (mistargeted, main 8): only labour units fit: FULL has no room, FAR is not paired;
    # c (mistargeted, main 3): JY already helps it;
    # d (mistargeted, main 1, other 3): HW (main); not JY, which only addresses cause 3.
    assert pairs == [("a", "CD", 65), ("a", "HW", 10), ("a", "JY", 70), ("d", "HW", 10)]
    assert inst.no_pair_reason == {1: NO_FITTING_SKILL, 2: NO_FITTING_SKILL}
    inst2 = build_instance(hh[:1], units[:1], ADDR, Weights(reach="village"))
    assert inst2.pair_h == [] and inst2.no_pair_reason == {0: NO_UNIT_IN_REACH}
    inst3 = build_instance(hh[:1], units[:1], ADDR, Weights(allow_unfitting=False))
    assert inst3.no_pair_reason == {0: NO_FITTING_SKILL}


def test_solve_county_explains_each_pair_and_each_gap() -> None:
    hh = [_hh("a", main=1), _hh("b", main=1), _hh("c", main=3, others=(1,))]
    units = [HelperUnit("HW", capacity=2, load=1, skills=("medical",), base="520423",
                        name="卫健局", kind="department")]
    rows, s = solve_county("520423", hh, units, ADDR, Weights())
    # one place left at HW: main-cause households cost 10 + load, c only secondary (40):
    # a and b tie; the solver must take one of them, c goes unserved
    served = [r for r in rows if r["unit"]]
    assert len(served) == 1 and served[0]["household"] in ("a", "b")
    r = served[0]
    assert (r["cause_fit"], r["addressed"], r["level"], r["distance"], r["cost"],
            r["load_before"], r["load_after"], r["capacity"]) == (
        "main", "1 因病 by medical", "county", 2, 10, 1, 2, 2)
    assert {x["household"]: x["reason"] for x in rows if not x["unit"]}.keys() == \
        {"a", "b", "c"} - {r["household"]}
    assert s.covered == 1 and s.cost == 20 and s.unserved == {
        "units within reach are full (their capacity went to other households)": 2}
    assert (s.greedy_covered, s.greedy_cost) == (1, 20)


# ---- solvers -------------------------------------------------------------------------------
@st.composite
def instances(draw: st.DrawFn) -> Instance:
    n_h = draw(st.integers(1, 5))
    n_u = draw(st.integers(1, 3))
    caps = draw(st.lists(st.integers(0, 3), min_size=n_u, max_size=n_u))
    loads = [draw(st.integers(0, c)) for c in caps]
    w = Weights(load=draw(st.integers(0, 5)))
    inst = Instance(households=[f"h{i}" for i in range(n_h)], units=[f"u{i}" for i in range(n_u)],
                    capacity=caps, load=loads, weights=w)
    for h in range(n_h):
        for u in range(n_u):
            if draw(st.booleans()):
                inst.add_pair(h, u, fit=draw(st.integers(0, 2)), level=draw(st.integers(0, 3)))
    return inst


def _check_feasible(inst: Instance, chosen: list[int]) -> None:
    hs = [inst.pair_h[k] for k in chosen]
    assert len(hs) == len(set(hs)), "a household got two units"
    used = [0] * len(inst.units)
    for k in chosen:
        used[inst.pair_u[k]] += 1
    for u, n in enumerate(used):
        assert inst.load[u] + n <= inst.capacity[u], "capacity exceeded"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_flow_equals_brute_force_and_respects_capacity(inst: Instance) -> None:
    flow, brute = solve_flow(inst), solve_brute_force(inst)
    _check_feasible(inst, flow.chosen)
    assert (flow.served, flow.cost) == (brute.served, brute.cost)
    assert flow.extra["solver_cost"] == flow.cost  # the solver's objective is our cost
    nx_sol = solve_networkx(inst)
    _check_feasible(inst, nx_sol.chosen)
    assert (nx_sol.served, nx_sol.cost) == (brute.served, brute.cost)
    greedy = solve_greedy(inst)
    _check_feasible(inst, greedy.chosen)
    assert greedy.served <= flow.served
    if greedy.served == flow.served:
        assert greedy.cost >= flow.cost


def test_flow_and_networkx_agree_on_a_random_county() -> None:
    inst = random_instance(400, 60, candidates=5, seed=11)
    a, b, g = solve_flow(inst), solve_networkx(inst), solve_greedy(inst)
    _check_feasible(inst, a.chosen)
    assert (a.served, a.cost) == (b.served, b.cost)
    assert g.served < a.served or g.cost > a.cost


def test_greedy_loses_coverage_where_the_flow_does_not() -> None:
    inst = Instance(households=["h1", "h2"], units=["u1", "u2"], capacity=[1, 1], load=[0, 0])
    inst.add_pair(0, 0, fit=MAIN, level=VILLAGE)
    inst.add_pair(0, 1, fit=NONE, level=COUNTY)
    inst.add_pair(1, 0, fit=MAIN, level=VILLAGE)
    assert solve_greedy(inst).chosen == [0]
    assert solve_flow(inst).chosen == [1, 2]


def test_load_is_spread() -> None:
    # two equal units, four households: the convex load cost sends two to each
    inst = Instance(households=[f"h{i}" for i in range(4)], units=["u1", "u2"],
                    capacity=[4, 4], load=[0, 0])
    for h in range(4):
        inst.add_pair(h, 0, fit=MAIN, level=VILLAGE)
        inst.add_pair(h, 1, fit=MAIN, level=VILLAGE)
    assert solve_flow(inst).unit_counts(inst) == [2, 2]
    inst.weights = Weights(load=0)
    assert solve_flow(inst).cost == 0


@st.composite
def county_problems(draw: st.DrawFn) -> tuple[list[NeedyHousehold], list[HelperUnit]]:
    villages = [V1, V2, V3]
    skills = sorted(ADDR)
    hh = [NeedyHousehold(f"h{i}", draw(st.sampled_from(villages)), "520423",
                         draw(st.sampled_from(["unassisted", "mistargeted"])),
                         draw(st.sampled_from([1, 3, 8, 99])),
                         tuple(draw(st.lists(st.sampled_from([1, 3, 8]), max_size=2, unique=True))))
          for i in range(draw(st.integers(1, 5)))]
    units = []
    for i in range(draw(st.integers(1, 3))):
        cap = draw(st.integers(0, 3))
        units.append(HelperUnit(
            f"u{i}", capacity=cap, load=draw(st.integers(0, cap)),
            skills=tuple(draw(st.lists(st.sampled_from(skills), max_size=2, unique=True))),
            base=draw(st.sampled_from([V1, "520423101", "520423", "520423102", "330106"])),
            paired=draw(st.booleans())))
    return hh, units


@settings(max_examples=150, deadline=None)
@given(county_problems())
def test_county_proposal_is_optimal_and_its_explanations_add_up(
        problem: tuple[list[NeedyHousehold], list[HelperUnit]]) -> None:
    hh, units = problem
    rows, s = solve_county("520423", hh, units, ADDR, Weights())
    brute = solve_brute_force(build_instance(hh, units, ADDR, Weights()))
    assert (s.covered, s.cost) == (brute.served, brute.cost)
    assert [r["household"] for r in rows] == [h.id for h in hh]
    by_unit = {u.id: u for u in units}
    for u in units:
        mine = [r for r in rows if r["unit"] == u.id]
        for r in mine:  # load before/after describe the whole proposal for that unit
            assert (r["load_before"], r["load_after"]) == (u.load, u.load + len(mine))
            assert r["load_after"] <= u.capacity
    for r in rows:
        if r["unit"]:
            h = next(x for x in hh if x.id == r["household"])
            assert r["unit"] not in h.helpers
            if h.need == "mistargeted":
                assert r["cause_fit"] == "main"
            assert by_unit[r["unit"]].free > 0
        else:
            assert r["reason"]
