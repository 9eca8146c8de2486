"""Benchmark: similar units (Jaccard over the households two units help) without a projection.

Builds one county graph in memory the way :mod:`graphreg.project` does (no database needed):
cadres helping 5-8 households each, a few departments and enterprises helping thousands (the
"large unit" that blows up a projection), and planted near-duplicate unit pairs. Then, from one
run, times and measures peak Python memory (tracemalloc) of

- ours: :func:`graphreg.analysis.overlaps.similar_units` (inverted index + length filter);
- the naive way: NetworkX's bipartite projection onto units with Jaccard weights
  (``overlap_weighted_projected_graph(..., jaccard=True)``), then the pairs above the threshold;
- the floor: reading every household's helping units once (any method must do at least this).

and prints ours against the naive way and against the floor, checking that both ways find the
same pairs.

    python bench/bench_similar_units.py                       # 10k and 50k households
    python bench/bench_similar_units.py --households 5000 50000
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import networkx as nx

from graphreg.analysis.common import helping_units
from graphreg.analysis.overlaps import similar_units
from graphreg.project import add_assist, add_household, empty_county_graph


def county(households: int, seed: int) -> tuple[nx.DiGraph, int]:
    """A county graph; returns it and the number of planted near-duplicate pairs."""
    rng = random.Random(seed)
    G = empty_county_graph("000000")
    ids = [f"h{i:07d}" for i in range(households)]
    for i, h in enumerate(ids):
        add_household(G, {"id": h, "village": f"v{i // 40:05d}", "status": "未脱贫"})
    # a responsible cadre per 5-8 households
    i, c = 0, 0
    while i < households:
        n = rng.randrange(5, 9)
        for h in ids[i:i + n]:
            add_assist(G, {"unit": f"cd{c:06d}", "household": h})
        i, c = i + n, c + 1
    # large units: each department helps a quarter of the county, each enterprise a tenth
    for d in range(6):
        for h in rng.sample(ids, households // 4):
            add_assist(G, {"unit": f"dept{d}", "household": h})
    for e in range(4):
        for h in rng.sample(ids, households // 10):
            add_assist(G, {"unit": f"ent{e}", "household": h})
    # planted: pairs of social organisations helping nearly the same 10-20 households
    pairs = max(1, households // 2000)
    for p in range(pairs):
        hs = rng.sample(ids, rng.randrange(10, 21))
        for h in hs:
            add_assist(G, {"unit": f"soA{p:04d}", "household": h})
        for h in hs[:-1]:  # one household fewer: Jaccard (n-1)/n >= 0.9
            add_assist(G, {"unit": f"soB{p:04d}", "household": h})
    return G, pairs


def naive(G: nx.DiGraph, threshold: float, min_households: int) -> list[tuple[str, str]]:
    """The bipartite projection onto units, Jaccard-weighted, then the pairs above threshold."""
    B = nx.Graph()
    units = set()
    for n, d in G.nodes(data=True):
        if d.get("kind") == "household":
            for u in helping_units(G, n, None):
                B.add_edge(u, n)
                units.add(u)
    big = [u for u in units if B.degree(u) >= min_households]
    P = nx.bipartite.overlap_weighted_projected_graph(B, big, jaccard=True)
    return sorted(tuple(sorted((a, b))) for a, b, w in P.edges(data="weight")  # type: ignore[misc]
                  if w >= threshold - 1e-12)


def floor(G: nx.DiGraph) -> int:
    """Read every household's helping units once."""
    return sum(len(helping_units(G, n, None)) for n, d in G.nodes(data=True)
               if d.get("kind") == "household")


def measure(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    """(result, seconds, peak MB of Python allocations during the call)."""
    tracemalloc.start()
    t = time.perf_counter()
    out = fn()
    s = time.perf_counter() - t
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return out, s, peak


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--households", type=int, nargs="+", default=[10_000, 50_000])
    ap.add_argument("--threshold", type=float, default=0.8)
    ap.add_argument("--min-households", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv)
    print(f"{'households':>10} {'units':>7} {'way':>6} {'seconds':>8} {'peak MB':>8} "
          f"{'pairs':>6} {'x ours':>7}")
    ok = True
    for n in a.households:
        G, planted = county(n, a.seed)
        units = sum(1 for _, d in G.nodes(data=True) if d.get("kind") == "unit")
        ours, t_ours, m_ours = measure(lambda: similar_units(
            G, threshold=a.threshold, min_households=a.min_households))
        theirs, t_naive, m_naive = measure(lambda: naive(G, a.threshold, a.min_households))
        _, t_floor, m_floor = measure(lambda: floor(G))
        found = sorted((p.unit_a, p.unit_b) for p in ours)
        same = found == theirs and len(found) == planted
        ok &= same
        for way, t, m, k in (("ours", t_ours, m_ours, len(found)),
                             ("naive", t_naive, m_naive, len(theirs)),
                             ("floor", t_floor, m_floor, "")):
            print(f"{n:>10,} {units:>7,} {way:>6} {t:>8.2f} {m:>8.1f} {k!s:>6} "
                  f"{t / t_ours:>7.2f}")
        print(f"{'':>10} naive/ours: time x{t_naive / t_ours:.1f}, memory x{m_naive / m_ours:.1f};"
              f" ours/floor: time x{t_ours / t_floor:.1f}; same pairs as naive and as planted "
              f"({planted}): {same}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
