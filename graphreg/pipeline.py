"""The main job end to end: server, schema, real geography, synthetic registry, analyses,
reports and a diagram. ``graphreg demo`` and ``make demo`` call :func:`run_demo`."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .analysis.run import analyse, compare_with_planted
from .db import connect
from .geography import import_geography, read_division
from .ids import load_key
from .reports import write_csv, write_json
from .schema import apply_schema
from .settings import Settings
from .synth import FaultRates, generate, write_registry

Progress = Callable[[str, int, int], None]

UNASSISTED_COLUMNS = ("household", "village", "main_cause", "village_help")
OVERLAP_COLUMNS = ("household", "type", "unit_a", "unit_b", "measure_a", "measure_b", "start", "end")
COUNTY_COLUMNS = ("county", "name", "households", "unassisted", "overlaps")


@dataclass
class DemoResult:
    out: Path
    steps: dict[str, float] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)


def write_analysis_reports(res: Any, out: Path) -> list[Path]:
    """The analyses as CSV and JSON files in ``out``; returns the paths written."""
    files = [out / "unassisted.csv", out / "overlaps.csv", out / "counties.csv", out / "analysis.json"]
    write_csv(files[0], (u.as_dict() for u in res.unassisted), UNASSISTED_COLUMNS)
    write_csv(files[1], (o.as_dict() for o in res.overlaps), OVERLAP_COLUMNS)
    write_csv(files[2], (vars(c) for c in res.counties), COUNTY_COLUMNS)
    write_json(files[3], {"summary": res.summary(),
                          "counties": [vars(c) for c in res.counties],
                          "unassisted": [u.as_dict() for u in res.unassisted],
                          "overlaps": [o.as_dict() for o in res.overlaps]})
    return files


def run_demo(out: Path, *, province: str = "52", households: int = 100_000, seed: int = 1,
             settings: Settings | None = None, progress: Progress | None = None,
             log: Callable[[str], None] | None = None) -> DemoResult:
    """Start Neo4j, load a province's real geography, generate a registry for its counties,
    run the analyses and write reports and a diagram of the village with most households."""
    from .visualizations import village_diagram  # late: pyvis is only needed here

    settings = settings or Settings.from_env()
    res = DemoResult(out=out)
    say = log or (lambda _m: None)

    def step(name: str, t0: float) -> None:
        res.steps[name] = round(time.monotonic() - t0, 1)
        say(f"{name}: {res.steps[name]}s")

    t = time.monotonic()
    store = connect(settings)
    step("start server", t)
    with store:
        t = time.monotonic()
        apply_schema(store)
        step("schema", t)
        t = time.monotonic()
        geo = read_division(provinces=[province])
        g = import_geography(store, geo, progress=progress)
        res.facts["geography"] = {k: v.as_dict() for k, v in g.levels.items()}
        step("geography", t)
        t = time.monotonic()
        reg = generate(geo, households=households, seed=seed, rates=FaultRates(),
                       key=load_key(settings.home))
        res.facts["registry"] = reg.counts()
        step("generate", t)
        t = time.monotonic()
        w = write_registry(store, reg, progress=progress)
        res.facts["written"] = {k: v.as_dict() for k, v in w.items()}
        step("write registry", t)
        t = time.monotonic()
        a = analyse(store, province=province, progress=progress)
        res.facts["analysis"] = a.summary()
        res.facts["planted_check"] = compare_with_planted(store, a)
        step("analyse", t)
        t = time.monotonic()
        out.mkdir(parents=True, exist_ok=True)
        res.files += write_analysis_reports(a, out)
        write_json(out / "registry.json", {"registry": reg.counts(), "planted_check":
                                           res.facts["planted_check"]})
        res.files.append(out / "registry.json")
        if reg.households:
            busiest = Counter(h["village"] for h in reg.households).most_common(1)[0][0]
            path = out / f"village-{busiest}.html"
            res.facts["diagram"] = village_diagram(store, busiest, path)
            res.files.append(path)
        step("reports", t)
        write_json(out / "demo.json", {"steps_seconds": res.steps, **res.facts})
        res.files.append(out / "demo.json")
    return res
