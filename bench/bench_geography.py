"""Loading the real division tree: graphreg's batched writer against the naive way (one
transaction per row) and against the engine's limit (Neo4j's offline bulk importer,
`neo4j-admin database import full`, on the same rows).

    python bench/bench_geography.py                # whole country (620,573 villages), ~5 min
    python bench/bench_geography.py --province 52  # Guizhou, ~1 min

Prints, from one run: seconds and rows/s for each way and the ratios.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _server import bench_server  # noqa: E402

from graphreg.geography import LEVELS, import_geography, read_division  # noqa: E402
from graphreg.server import ManagedServer  # noqa: E402

LABEL = {"provinces": "Province", "cities": "City", "counties": "County",
         "townships": "Township", "villages": "Village"}


def naive_rate(store, rows: dict, sample: int) -> float:  # type: ignore[no-untyped-def]
    """Rows per second writing villages one transaction per row (a sample)."""
    vs = rows["villages"][-sample:]
    t = time.perf_counter()
    for r in vs:
        store.write("merge_villages", [r], batch_size=1)
    return len(vs) / (time.perf_counter() - t)


def bulk_import_seconds(settings, rows: dict) -> float:  # type: ignore[no-untyped-def]
    """Seconds for neo4j-admin's offline importer to build the same nodes and IN relationships."""
    srv = ManagedServer(settings)
    srv.stop()
    with tempfile.TemporaryDirectory(prefix="graphreg-bulk-") as tmp:
        d = Path(tmp)
        args = []
        for level in LEVELS:
            f = d / f"{level}.csv"
            with open(f, "w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh)
                w.writerow([f"code:ID({LABEL[level]})", "name", ":LABEL"])
                w.writerows([r["code"], r["name"], LABEL[level]] for r in rows[level])
            args.append(f"--nodes={f}")
        parents = {"cities": "provinces", "counties": "cities", "townships": "counties",
                   "villages": "townships"}
        for level, parent in parents.items():
            f = d / f"in_{level}.csv"
            with open(f, "w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh)
                w.writerow([f":START_ID({LABEL[level]})", f":END_ID({LABEL[parent]})", ":TYPE"])
                w.writerows([r["code"], r["parent"], "IN"] for r in rows[level])
            args.append(f"--relationships={f}")
        env = dict(os.environ, NEO4J_HOME=str(srv.home), NEO4J_CONF=str(srv.home / "conf"))
        t = time.perf_counter()
        p = subprocess.run([srv.java(), "-cp", f"{srv.lib}/*", "org.neo4j.cli.AdminTool",
                            "database", "import", "full", "neo4j", "--overwrite-destination=true",
                            "--skip-bad-relationships=true", *args],
                           capture_output=True, text=True, env=env)
        secs = time.perf_counter() - t
        if p.returncode != 0:
            raise SystemExit("bulk import failed:\n" + p.stdout[-2000:] + p.stderr[-2000:])
    return secs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--province", action="append", help="limit to a province (repeatable)")
    ap.add_argument("--naive-sample", type=int, default=2000)
    a = ap.parse_args()
    rows = read_division(provinces=a.province)
    n = sum(len(rows[k]) for k in LEVELS)
    with bench_server() as (settings, store):
        t = time.perf_counter()
        import_geography(store, rows)
        ours = time.perf_counter() - t
        t = time.perf_counter()
        import_geography(store, rows)
        again = time.perf_counter() - t
        naive = naive_rate(store, rows, min(a.naive_sample, len(rows["villages"])))
        bulk = bulk_import_seconds(settings, rows)
    naive_secs = n / naive
    print(f"rows (all levels): {n:,} ({len(rows['villages']):,} villages)")
    print(f"graphreg batched UNWIND MERGE : {ours:8.1f} s  {n / ours:9,.0f} rows/s")
    print(f"  re-import (all unchanged)   : {again:8.1f} s  {n / again:9,.0f} rows/s")
    print(f"naive, one transaction per row: {naive_secs:8.1f} s  {naive:9,.0f} rows/s "
          f"(re-merging {min(a.naive_sample, len(rows['villages'])):,} existing villages, "
          "extrapolated)")
    print(f"engine limit, offline bulk import: {bulk:5.1f} s  {n / bulk:9,.0f} rows/s")
    print(f"ratio naive / ours, both re-merging unchanged rows: {naive_secs / again:8.1f}x")
    print(f"ratio ours / engine limit     : {ours / bulk:8.1f}x")


if __name__ == "__main__":
    main()
