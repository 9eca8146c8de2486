"""Benchmark: one random county instance solved by the flow solver and the greedy baseline.

Default: 50,000 households, 3,000 units of capacity 3–30 (a current load of up to 30% of it),
10 candidate units per household with a random cause fit and level, the default weights.
The same instance is solved with OR-Tools ``SimpleMinCostFlow`` (the proposal's solver) and
with the greedy baseline, in the same run; then NetworkX (``max_flow_min_cost``, network
simplex) and OR-Tools on a smaller instance for the ratio against NetworkX.

    python bench/bench_matching.py                       # the issue's instance
    python bench/bench_matching.py --nx-households 50000 --nx-units 3000   # NetworkX at full size

With ``--county CODE`` it instead runs the whole proposal through Neo4j on a generated county:
a throwaway managed Neo4j in a temporary home (on a free port; the jars come from the graphreg
cache), a registry generated with 15% unassisted and 10% mistargeted households, and county
departments given ``--department-capacity`` places each (the generator gives departments
skills but no capacity, cadres capacity but no skills); then it prints the flow proposal's and
the greedy baseline's coverage, cause fit and highest load.

    python bench/bench_matching.py --county 520423 --county-households 5000
"""

from __future__ import annotations

import argparse
import platform
import time

from graphreg.matching import random_instance, solve_flow, solve_greedy, solve_networkx
from graphreg.matching.solve import Solution


def _line(name: str, s: Solution, inst_h: int) -> str:
    return (f"  {name:<9} {s.seconds:8.3f} s   covered {s.served:>6} of {inst_h} "
            f"({100 * s.served / inst_h:5.1f}%)   cost {s.cost:>9}")


def _fit_main(inst, s: Solution) -> float:  # type: ignore[no-untyped-def]
    return 100 * sum(inst.pair_fit[k] == 0 for k in s.chosen) / max(1, s.served)


def _max_load(inst, s: Solution) -> int:  # type: ignore[no-untyped-def]
    return max((round(100 * (inst.load[u] + n) / inst.capacity[u])
                for u, n in enumerate(s.unit_counts(inst)) if n), default=0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--households", type=int, default=50_000)
    ap.add_argument("--units", type=int, default=3_000)
    ap.add_argument("--candidates", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--nx-households", type=int, default=3_000)
    ap.add_argument("--nx-units", type=int, default=180)
    ap.add_argument("--no-networkx", action="store_true")
    ap.add_argument("--county", help="run through Neo4j on this generated county instead")
    ap.add_argument("--county-households", type=int, default=5_000)
    ap.add_argument("--department-capacity", type=int, default=40)
    a = ap.parse_args()
    if a.county:
        county_bench(a.county, a.county_households, a.department_capacity, a.seed)
        return
    print(f"python {platform.python_version()} on {platform.machine()}, "
          f"{platform.processor() or platform.system()}")

    t0 = time.perf_counter()
    inst = random_instance(a.households, a.units, candidates=a.candidates, seed=a.seed)
    print(f"instance: {a.households} households, {a.units} units (capacity 3-30, "
          f"{sum(inst.free)} places free), {len(inst.pair_h)} candidate pairs; built in "
          f"{time.perf_counter() - t0:.2f} s")
    flow = solve_flow(inst)
    greedy = solve_greedy(inst)
    print(_line("flow", flow, a.households))
    print(_line("greedy", greedy, a.households))
    print(f"  time ratio flow/greedy: {flow.seconds / greedy.seconds:.1f}x")
    print(f"  flow covers {flow.served - greedy.served} more households; cost per covered "
          f"household {flow.cost / max(1, flow.served):.2f} (flow) vs "
          f"{greedy.cost / max(1, greedy.served):.2f} (greedy)")
    print(f"  main cause addressed: {_fit_main(inst, flow):.1f}% (flow) vs "
          f"{_fit_main(inst, greedy):.1f}% (greedy); highest unit load: "
          f"{_max_load(inst, flow)}% vs {_max_load(inst, greedy)}% of capacity; most new "
          f"households on one unit: {max(flow.unit_counts(inst))} vs "
          f"{max(greedy.unit_counts(inst))}")
    if a.no_networkx:
        return
    small = random_instance(a.nx_households, a.nx_units, candidates=a.candidates,
                            seed=a.seed + 1)
    print(f"NetworkX cross-check: {a.nx_households} households, {a.nx_units} units, "
          f"{len(small.pair_h)} candidate pairs")
    f2, n2, g2 = solve_flow(small), solve_networkx(small), solve_greedy(small)
    print(_line("flow", f2, a.nx_households))
    print(_line("networkx", n2, a.nx_households))
    print(_line("greedy", g2, a.nx_households))
    same = (f2.served, f2.cost) == (n2.served, n2.cost)
    print(f"  same optimum: {same}; time ratio networkx/flow: {n2.seconds / f2.seconds:.0f}x")
    if not same:
        raise SystemExit("flow and NetworkX disagree")


def county_bench(county: str, households: int, dept_capacity: int, seed: int) -> None:
    import shutil
    import socket
    import tempfile
    from dataclasses import replace
    from pathlib import Path

    from graphreg.db import connect
    from graphreg.geography import import_geography, read_division
    from graphreg.matching import propose_assignments
    from graphreg.schema import apply_schema
    from graphreg.server import ManagedServer
    from graphreg.settings import Settings
    from graphreg.synth import FaultRates, generate, write_registry

    with socket.socket() as sk:
        sk.bind(("127.0.0.1", 0))
        port = int(sk.getsockname()[1])
    home = Path(tempfile.mkdtemp(prefix="graphreg-bench-"))
    settings = replace(Settings.from_env({}), home=home, bolt_port=port, heap="1g",
                       pagecache="512m")
    server = ManagedServer(settings)
    try:
        t0 = time.perf_counter()
        store = connect(settings)
        print(f"throwaway Neo4j in {home} on port {port}: {time.perf_counter() - t0:.1f} s")
        geo = read_division(counties=[county])
        reg = generate(geo, households=households, seed=seed,
                       rates=FaultRates(unassisted=0.15, mistargeted=0.10))
        for u in reg.units:
            if u["kind"] == "department":
                u["capacity"] = dept_capacity
        t0 = time.perf_counter()
        apply_schema(store)
        import_geography(store, geo)
        write_registry(store, reg)
        print(f"county {county}: {households} households generated and written in "
              f"{time.perf_counter() - t0:.1f} s")
        t0 = time.perf_counter()
        prop = propose_assignments(store, counties=[county])
        print(f"proposal in {time.perf_counter() - t0:.2f} s")
        s = prop.counties[0]
        print(f"  in need: {s.households} ({s.unassisted} unassisted, {s.mistargeted} "
              f"mistargeted); units with room: {s.units} ({s.free_capacity} places); "
              f"candidate pairs: {s.candidate_pairs}")
        print(f"  flow:   covered {s.covered}, main cause addressed {s.fit_main}, secondary "
              f"{s.fit_secondary}, highest load {s.max_load_pct}%, most new households on one unit "
              f"{s.max_new}, cost {s.cost}, "
              f"{s.seconds:.3f} s (reading the graph {s.read_seconds:.2f} s)")
        print(f"  greedy: covered {s.greedy_covered}, main cause addressed "
              f"{s.greedy_fit_main}, highest load {s.greedy_max_load_pct}%, most new households "
              f"on one unit {s.greedy_max_new}, cost "
              f"{s.greedy_cost}, {s.greedy_seconds:.3f} s")
        print(f"  unserved: {s.unserved}")
        store.close()
    finally:
        server.stop()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
