"""Solvers for an :class:`~graphreg.matching.problem.Instance`.

:func:`solve_flow` is the one the proposal uses: a maximum flow of minimum cost with OR-Tools'
``SimpleMinCostFlow`` (source → household → unit → sink; each unit's capacity is a row of
parallel arcs of rising load cost). It covers as many households as can be covered and, among
such proposals, finds one of least total cost. :func:`solve_networkx` solves the same network
with NetworkX (``max_flow_min_cost``, network simplex) as an independent cross-check on small
instances; :func:`solve_brute_force` enumerates every assignment of tiny instances;
:func:`solve_greedy` is the baseline a planner would do by hand (each household in turn takes
its cheapest unit with room).

    >>> from graphreg.matching.problem import Instance, MAIN, NONE, VILLAGE, COUNTY
    >>> inst = Instance(households=["h1", "h2"], units=["u1", "u2"], capacity=[1, 1],
    ...                 load=[0, 0])
    >>> inst.add_pair(0, 0, fit=MAIN, level=VILLAGE)
    >>> inst.add_pair(0, 1, fit=NONE, level=COUNTY)
    >>> inst.add_pair(1, 0, fit=MAIN, level=VILLAGE)
    >>> g, f = solve_greedy(inst), solve_flow(inst)
    >>> (g.served, g.cost), (f.served, f.cost)
    ((1, 10), (2, 90))
    >>> solve_networkx(inst).cost == solve_brute_force(inst).cost == f.cost
    True
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field

import numpy as np

from .problem import Instance, Weights


@dataclass
class Solution:
    """Chosen pair indices of an instance, with the totals a planner compares."""

    method: str
    chosen: list[int]
    served: int
    cost: int
    seconds: float = 0.0
    extra: dict[str, float] = field(default_factory=dict)

    def unit_counts(self, inst: Instance) -> list[int]:
        n = [0] * len(inst.units)
        for k in self.chosen:
            n[inst.pair_u[k]] += 1
        return n


def _finish(inst: Instance, method: str, chosen: list[int], t0: float) -> Solution:
    chosen = sorted(chosen)
    return Solution(method, chosen, len(chosen), inst.cost_of(chosen), time.perf_counter() - t0)


def _unit_arcs(inst: Instance) -> list[tuple[int, int, int]]:
    """(unit, capacity, cost) arcs to the sink: runs of equal load cost merged into one arc."""
    out = []
    for u in range(len(inst.units)):
        costs = inst.load_costs(u)
        for cost, run in itertools.groupby(costs):
            out.append((u, len(list(run)), cost))
    return out


def solve_flow(inst: Instance) -> Solution:
    """Maximum coverage at minimum cost with OR-Tools ``SimpleMinCostFlow``.

    Parameters
    ----------
    inst: the instance.

    Returns
    -------
    A :class:`Solution`; ``chosen`` are the pair indices carrying flow.
    """
    from ortools.graph.python import min_cost_flow

    t0 = time.perf_counter()
    H, U, P = len(inst.households), len(inst.units), len(inst.pair_h)
    if P == 0:
        empty = _finish(inst, "flow", [], t0)
        empty.extra["solver_cost"] = 0.0
        return empty
    source, sink = H + U, H + U + 1
    ua = _unit_arcs(inst)
    tails = np.concatenate([np.full(H, source), np.asarray(inst.pair_h),
                            np.array([H + u for u, _, _ in ua], dtype=np.int64)])
    heads = np.concatenate([np.arange(H), H + np.asarray(inst.pair_u),
                            np.full(len(ua), sink)])
    caps = np.concatenate([np.ones(H + P, dtype=np.int64),
                           np.array([c for _, c, _ in ua], dtype=np.int64)])
    costs = np.concatenate([np.zeros(H, dtype=np.int64), np.asarray(inst.pair_cost),
                            np.array([c for _, _, c in ua], dtype=np.int64)])
    mcf = min_cost_flow.SimpleMinCostFlow()
    arcs = mcf.add_arcs_with_capacity_and_unit_cost(
        tails.astype(np.int32), heads.astype(np.int32), caps, costs)
    mcf.set_node_supply(source, H)
    mcf.set_node_supply(sink, -H)
    status = mcf.solve_max_flow_with_min_cost()
    if status != mcf.OPTIMAL:
        raise RuntimeError(f"OR-Tools min-cost flow ended with status {status}")
    flows = mcf.flows(arcs[H:H + P])
    chosen = [int(k) for k in np.nonzero(flows)[0]]
    sol = _finish(inst, "flow", chosen, t0)
    sol.extra["solver_cost"] = float(mcf.optimal_cost())
    return sol


def solve_networkx(inst: Instance) -> Solution:
    """The same maximum flow of minimum cost with NetworkX (``max_flow_min_cost``), as an
    independent cross-check. Slow: use it on small instances."""
    import networkx as nx

    t0 = time.perf_counter()
    G = nx.DiGraph()
    G.add_node("s")
    G.add_node("t")
    for h in range(len(inst.households)):
        G.add_edge("s", ("h", h), capacity=1, weight=0)
    for k, (h, u, c) in enumerate(zip(inst.pair_h, inst.pair_u, inst.pair_cost)):
        G.add_edge(("h", h), ("p", k), capacity=1, weight=c)  # a node per pair: no multi-edges
        G.add_edge(("p", k), ("u", u), capacity=1, weight=0)
    for i, (u, cap, cost) in enumerate(_unit_arcs(inst)):
        G.add_edge(("u", u), ("a", i), capacity=cap, weight=cost)
        G.add_edge(("a", i), "t", capacity=cap, weight=0)
    flow = nx.max_flow_min_cost(G, "s", "t")
    chosen = [k for k in range(len(inst.pair_h)) if flow[("h", inst.pair_h[k])][("p", k)] > 0]
    return _finish(inst, "networkx", chosen, t0)


def solve_greedy(inst: Instance) -> Solution:
    """The baseline: households in order, each takes its cheapest pair (pair cost plus the
    unit's next load cost) whose unit still has room. Ties go to the earlier pair."""
    t0 = time.perf_counter()
    by_h: list[list[int]] = [[] for _ in inst.households]
    for k, h in enumerate(inst.pair_h):
        by_h[h].append(k)
    free = inst.free
    taken = [0] * len(inst.units)
    step = inst.weights.load_step
    chosen = []
    for ks in by_h:
        best, best_cost = -1, 0
        for k in ks:
            u = inst.pair_u[k]
            if free[u] <= 0:
                continue
            c = inst.pair_cost[k] + step(inst.load[u] + taken[u] + 1, inst.capacity[u])
            if best < 0 or c < best_cost:
                best, best_cost = k, c
        if best >= 0:
            u = inst.pair_u[best]
            free[u] -= 1
            taken[u] += 1
            chosen.append(best)
    return _finish(inst, "greedy", chosen, t0)


def solve_brute_force(inst: Instance, *, limit: int = 2_000_000) -> Solution:
    """Every assignment enumerated (each household: one of its pairs or none); the best
    covers the most households, then costs least. For tiny instances only."""
    t0 = time.perf_counter()
    by_h: list[list[int | None]] = [[None] for _ in inst.households]
    for k, h in enumerate(inst.pair_h):
        by_h[h].append(k)
    size = 1
    for opts in by_h:
        size *= len(opts)
    if size > limit:
        raise ValueError(f"{size} assignments to enumerate; brute force allows {limit}")
    free = inst.free
    best: tuple[int, int] | None = None
    best_chosen: list[int] = []
    for combo in itertools.product(*by_h):
        chosen = [k for k in combo if k is not None]
        used = [0] * len(inst.units)
        ok = True
        for k in chosen:
            u = inst.pair_u[k]
            used[u] += 1
            if used[u] > free[u]:
                ok = False
                break
        if not ok:
            continue
        key = (-len(chosen), inst.cost_of(chosen))
        if best is None or key < best:
            best, best_chosen = key, chosen
    return _finish(inst, "brute_force", best_chosen, t0)


def random_instance(households: int, units: int, *, candidates: int = 10,
                    capacity: tuple[int, int] = (3, 30), load_share: float = 0.3,
                    seed: int = 1, weights: Weights | None = None) -> Instance:
    """A random county instance: each household gets ``candidates`` distinct random units
    with a random cause fit and level; units get a random capacity and a current load of up
    to ``load_share`` of it. Used by the benchmark and the property tests.

    >>> inst = random_instance(100, 20, candidates=5, seed=3)
    >>> len(inst.pair_h), max(inst.capacity) <= 30
    (500, True)
    """
    rng = np.random.default_rng(seed)
    cap = rng.integers(capacity[0], capacity[1] + 1, size=units)
    load = (rng.random(units) * load_share * cap).astype(np.int64)
    inst = Instance(households=[f"H{i}" for i in range(households)],
                    units=[f"U{i}" for i in range(units)], capacity=cap.tolist(),
                    load=load.tolist(), weights=weights or Weights())
    k = min(candidates, units)
    # k distinct units per household: argsort of random keys (vectorised)
    picks = np.argsort(rng.random((households, units)), axis=1)[:, :k] if units <= 256 else \
        _distinct_picks(rng, households, units, k)
    fits = rng.choice(3, size=(households, k), p=[0.5, 0.3, 0.2])
    levels = rng.choice(4, size=(households, k), p=[0.2, 0.4, 0.35, 0.05])
    w = inst.weights
    cause = np.array([w.cause_main, w.cause_secondary, w.cause_none])
    lev = np.array([w.village, w.township, w.county, w.paired])
    inst.pair_h = np.repeat(np.arange(households), k).tolist()
    inst.pair_u = picks.reshape(-1).tolist()
    inst.pair_fit = fits.reshape(-1).tolist()
    inst.pair_level = levels.reshape(-1).tolist()
    inst.pair_cost = (cause[fits] + lev[levels]).reshape(-1).tolist()
    return inst


def _distinct_picks(rng: np.random.Generator, n: int, m: int, k: int) -> np.ndarray:
    out = rng.integers(0, m, size=(n, k))
    for _ in range(100):  # redraw rows with a repeated unit
        s = np.sort(out, axis=1)
        bad = np.nonzero((s[:, 1:] == s[:, :-1]).any(axis=1))[0]
        if not len(bad):
            break
        out[bad] = rng.integers(0, m, size=(len(bad), k))
    return out
