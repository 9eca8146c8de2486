"""Benchmark: every analysis on a generated province at several sizes, time and peak memory.

Starts its own managed Neo4j (a temporary GRAPHREG_HOME and a free port, like the tests), loads
the real geography of one province, and for each size: generates a registry with planted faults,
writes it, then runs in a fresh child process (so its memory is its own) all analyses
(``analyse`` as of the generator's check year, with the Cypher cross-checks) and the province's
coverage report, and compares the findings with the planted faults. Prints, from one run, time
and peak memory (the child's own VmHWM, i.e. peak RSS; with --tracemalloc also Python's traced peak) per size
and their ratios to the first size; where the time goes (reading from Neo4j, NetworkX, the Cypher
cross-checks) with ours against Cypher's own aggregates (the engine's limit); and peak memory
against the naive way, the whole province's graphs held at once (``--no-naive`` skips it).

    python bench/bench_analysis.py                      # 100k and 1M households
    python bench/bench_analysis.py --sizes 20000 100000 # quicker
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import resource
import socket
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _peak_rss_mb() -> float:
    """This process's own peak resident memory: VmHWM (Linux; reset by exec, unlike
    ru_maxrss, which a spawned child inherits from the parent it was forked from)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _analyse(env: dict[str, str], province: str, year: int, trace: bool, q: Any) -> None:
    """Child process: run every analysis and the report; send back figures."""
    os.environ.update(env)
    import tracemalloc

    from graphreg.analysis.run import ANALYSES, analyse, compare_with_planted, report
    from graphreg.db import connect
    from graphreg.settings import Settings
    if trace:
        tracemalloc.start()
    store = connect(Settings.from_env(), start=False)
    t0 = time.perf_counter()
    res = analyse(store, province=province, as_of=year, analyses=ANALYSES)
    t1 = time.perf_counter()
    rep = report(store, "province", province, as_of=year)
    t2 = time.perf_counter()
    check = compare_with_planted(store, res)
    store.close()
    q.put({"analyse_s": round(t1 - t0, 1), "report_s": round(t2 - t1, 1),
           "analyse_phases": res.timings, "report_phases": rep.timings,
           "slowest_checks": {"analyse": res.slowest_checks, "report": rep.slowest_checks},
           "projected_nodes": res.projected_nodes,
           "total_s": round(t2 - t0, 1),
           "rss_mb": _peak_rss_mb(),
           "traced_peak_mb": round(tracemalloc.get_traced_memory()[1] / 2**20, 1) if trace else None,
           "largest_county_nodes": res.largest_county_nodes, "cross_checks": res.cross_checks
           + rep.cross_checks, "summary": res.summary(),
           "planted_exact": all(c["missed"] == 0 and c["extra"] == 0 for c in check.values()),
           "planted_check": check,
           "report_last_year": rep.years[-1].as_dict() if rep.years else None})


def _whole_province(env: dict[str, str], province: str, year: int, q: Any) -> None:
    """Child process, the naive way: every county graph of the province held at once (what one
    projection of the whole province would hold, before any analysis); send back time, peak
    memory and node count."""
    os.environ.update(env)
    from graphreg.db import connect
    from graphreg.project import counties, measure_type_causes, project_county
    from graphreg.settings import Settings
    store = connect(Settings.from_env(), start=False)
    t0 = time.perf_counter()
    addresses = measure_type_causes(store)
    graphs = [project_county(store, c["code"], as_of=year, addresses=addresses)
              for c in counties(store, province=province)]
    t1 = time.perf_counter()
    store.close()
    q.put({"seconds": round(t1 - t0, 1), "rss_mb": _peak_rss_mb(),
           "nodes": sum(G.number_of_nodes() for G in graphs)})


def _in_child(target: Any, *args: Any) -> dict[str, Any]:
    """Run ``target(*args, queue)`` in a fresh process (its memory is its own); its answer."""
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=target, args=(*args, q))
    p.start()
    out: dict[str, Any] = q.get()
    p.join()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--province", default="52")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--heap", default="3g")
    ap.add_argument("--pagecache", default="4g")
    ap.add_argument("--tracemalloc", action="store_true",
                    help="also trace Python allocations (slower)")
    ap.add_argument("--no-naive", dest="naive", action="store_false",
                    help="skip the naive way (the whole province's graphs held at once)")
    ap.add_argument("--json", type=Path, help="write the figures here too")
    a = ap.parse_args(argv)

    from graphreg.db import connect
    from graphreg.geography import import_geography, read_division
    from graphreg.ids import load_key
    from graphreg.schema import apply_schema, wipe
    from graphreg.server import ManagedServer
    from graphreg.settings import Settings
    from graphreg.synth import CHECK_YEAR, generate, write_registry

    home = Path(tempfile.mkdtemp(prefix="graphreg-bench-"))
    s = replace(Settings.from_env({k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}),
                home=home, bolt_port=_free_port(), heap=a.heap, pagecache=a.pagecache)
    env = {"GRAPHREG_HOME": str(home), "GRAPHREG_BOLT_PORT": str(s.bolt_port),
           "GRAPHREG_NEO4J_HEAP": s.heap, "GRAPHREG_NEO4J_PAGECACHE": s.pagecache}
    for k in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        os.environ.pop(k, None)
    os.environ.update(env)
    server = ManagedServer(s)
    rows: list[dict[str, Any]] = []
    try:
        t = time.perf_counter()
        store = connect(s)
        print(f"server on port {s.bolt_port} ({time.perf_counter() - t:.0f}s)", file=sys.stderr)
        apply_schema(store)
        geo = read_division(provinces=[a.province])
        t = time.perf_counter()
        import_geography(store, geo)
        print(f"geography {len(geo['villages'])} villages ({time.perf_counter() - t:.0f}s)",
              file=sys.stderr)
        for n in a.sizes:
            wipe(store)
            apply_schema(store)
            import_geography(store, geo)
            t = time.perf_counter()
            reg = generate(geo, households=n, seed=a.seed, key=load_key(home))
            gen_s = time.perf_counter() - t
            counts = reg.counts()
            t = time.perf_counter()
            write_registry(store, reg)
            write_s = time.perf_counter() - t
            del reg
            print(f"{n}: generated {gen_s:.0f}s, written {write_s:.0f}s", file=sys.stderr)
            out = _in_child(_analyse, env, a.province, CHECK_YEAR, a.tracemalloc)
            if a.naive:
                out["naive"] = _in_child(_whole_province, env, a.province, CHECK_YEAR)
            rows.append({"households": n, "generate_s": round(gen_s, 1),
                         "write_s": round(write_s, 1), "registry": counts, **out})
            r = rows[-1]
            print(f"{n}: analyse {r['analyse_s']}s {r['analyse_phases']}, report "
                  f"{r['report_s']}s {r['report_phases']}, rss {r['rss_mb']} MB, "
                  f"planted exact: {r['planted_exact']}; slowest cross-checks "
                  f"{r['slowest_checks']}", file=sys.stderr)
            if a.naive:
                print(f"{n}: naive (whole province held): {r['naive']}", file=sys.stderr)
        store.close()
    finally:
        server.stop()
        import shutil
        shutil.rmtree(home, ignore_errors=True)  # the bench's own database
    base = rows[0]
    print(f"{'households':>11} {'analyse s':>10} {'report s':>9} {'total s':>8} {'rss MB':>8} "
          f"{'traced MB':>9} {'x data':>7} {'x time':>7} {'x mem':>6} planted")
    for r in rows:
        print(f"{r['households']:>11,} {r['analyse_s']:>10} {r['report_s']:>9} {r['total_s']:>8} "
              f"{r['rss_mb']:>8} {r['traced_peak_mb']!s:>9} "
              f"{r['households'] / base['households']:>7.1f} "
              f"{r['total_s'] / base['total_s']:>7.2f} {r['rss_mb'] / base['rss_mb']:>6.2f} "
              f"{'exact' if r['planted_exact'] else 'MISMATCH'}")
    _print_ratios(rows, a.naive)
    if a.json:
        a.json.write_text(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
    return 0 if all(r["planted_exact"] for r in rows) else 1


def _print_ratios(rows: list[dict[str, Any]], naive: bool) -> None:
    """Where the time goes, and ours against the engine's limit and the naive way.

    Engine's limit: the Cypher aggregates that cross-check the analyses count the same
    findings inside Neo4j, with no rows leaving it (``cross_checks``); ours reads each county
    into NetworkX (``project``) and analyses it there (``networkx``), giving every finding as
    a row. Naive way: the whole province's graphs held at once instead of one county at a time.
    """
    print()
    print(f"{'households':>11} {'part':>8} {'project s':>10} {'networkx s':>11} "
          f"{'cypher s':>9} {'ours/cypher':>12}")
    for r in rows:
        for part in ("analyse", "report"):
            t = r[f"{part}_phases"]
            ours = t["project"] + t["networkx"]
            ratio = f"{ours / t['cross_checks']:.2f}" if t["cross_checks"] else "-"
            print(f"{r['households']:>11,} {part:>8} {t['project']:>10.1f} {t['networkx']:>11.1f} "
                  f"{t['cross_checks']:>9.1f} {ratio:>12}")
    if naive:
        print()
        print(f"{'households':>11} {'largest county nodes':>21} {'all nodes':>10} "
              f"{'ours MB':>8} {'naive MB':>9} {'naive/ours':>11}")
        for r in rows:
            nv = r["naive"]
            print(f"{r['households']:>11,} {r['largest_county_nodes']:>21,} {nv['nodes']:>10,} "
                  f"{r['rss_mb']:>8} {nv['rss_mb']:>9} {nv['rss_mb'] / r['rss_mb']:>11.2f}")


if __name__ == "__main__":
    sys.exit(main())
