"""The main job end to end: server, schema, real geography, synthetic registry, analyses,
reports and a diagram. ``graphreg demo`` and ``make demo`` call :func:`run_demo`."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .analysis.run import (ANALYSES, analyse, compare_with_planted, report,
                           write_coverage_report, write_reports)
from .db import connect
from .geography import import_geography, read_division
from .ids import load_key
from .reports import write_csv, write_json
from .schema import apply_schema
from .settings import Settings
from .errors import InputError
from .synth import CHECK_YEAR, FaultRates, generate, write_registry

Progress = Callable[[str, int, int], None]

UNASSISTED_COLUMNS = ("household", "village", "main_cause", "cause", "village_help")
OVERLAP_COLUMNS = ("household", "type", "type_name", "unit_a", "unit_b", "measure_a", "measure_b",
                   "start", "end")
COUNTY_COLUMNS = ("county", "name", "households", "unassisted", "overlaps")


@dataclass
class DemoResult:
    out: Path
    steps: dict[str, float] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)


def fingerprint(geo: dict[str, list[dict[str, Any]]], *, households: int, seed: int,
                rates: FaultRates) -> str:
    """What identifies one generator run: the same run again is harmless, another one is not."""
    counties = ",".join(sorted(c["code"] for c in geo["counties"]))
    return f"seed={seed};households={households};rates={rates!r};counties={counties}"


def delete_county_registry(store: Any, county: str, *, batch: int = 5000) -> int:
    """Delete a county's households (members, measures, status history), its units and planted
    faults. Returns the households deleted."""
    total = 0
    while True:
        n = store.value("delete_county_households", county=county, limit=batch) or 0
        total += n
        if n < batch:
            break
    store.query("delete_county_rest", county=county)
    return total


def load_synthetic(store: Any, geo: dict[str, list[dict[str, Any]]], *, households: int,
                   seed: int, rates: FaultRates, key: bytes, replace: bool = False,
                   progress: Progress | None = None) -> tuple[Any, dict[str, Any]]:
    """Generate a registry for the counties of ``geo`` and write it, with its geography.

    Running the same generation again changes nothing. A county that already holds another
    registry (another seed or size, or imported ledgers) is refused with :class:`InputError`,
    unless ``replace`` is true: then that county's registry is deleted first.
    """
    if households < 1:
        raise InputError("--households must be 1 or more")
    fp = fingerprint(geo, households=households, seed=seed, rates=rates)
    import_geography(store, geo, progress=progress)
    state = store.query("synthetic_state", counties=[c["code"] for c in geo["counties"]])
    clash = [r["county"] for r in state if r["has_households"] and r["synthetic"] != fp]
    if clash and not replace:
        raise InputError(
            f"County {', '.join(clash[:5])}{' …' if len(clash) > 5 else ''} already holds another "
            "registry (another seed or size, or imported ledgers). Generating into it would mix "
            "two registries. Use --replace to delete that registry first, or choose other "
            "counties.")
    for c in clash:
        delete_county_registry(store, c)
    reg = generate(geo, households=households, seed=seed, rates=rates, key=key)
    written = write_registry(store, reg, progress=progress)
    store.write("mark_synthetic", [{"county": c["code"], "fingerprint": fp}
                                   for c in geo["counties"]])
    return reg, written


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
    run the analyses and write their reports, coverage reports (the province, and the county
    and village with most households) and a diagram of that village."""
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
        reg, w = load_synthetic(store, geo, households=households, seed=seed,
                                rates=FaultRates(), key=load_key(settings.home), replace=True,
                                progress=progress)
        res.facts["registry"] = reg.counts()
        res.facts["written"] = {k: v.as_dict() for k, v in w.items()}
        step("generate and write registry", t)
        t = time.monotonic()
        a = analyse(store, province=province, analyses=ANALYSES, as_of=CHECK_YEAR,
                    progress=progress)
        res.facts["analysis"] = a.summary()
        res.facts["planted_check"] = compare_with_planted(store, a)
        step("analyse", t)
        t = time.monotonic()
        out.mkdir(parents=True, exist_ok=True)
        res.files += write_reports(a, out)
        write_json(out / "registry.json", {"registry": reg.counts(), "planted_check":
                                           res.facts["planted_check"]})
        res.files.append(out / "registry.json")
        rep = report(store, "province", province, as_of=CHECK_YEAR, progress=progress)
        res.files += write_coverage_report(rep, out)
        res.facts["report"] = {"province": province, "years": len(rep.years),
                               "places": len(rep.parts), "cross_checks": rep.cross_checks,
                               "last_year": rep.years[-1].as_dict() if rep.years else None}
        if reg.households:
            busiest = Counter(h["village"] for h in reg.households).most_common(1)[0][0]
            res.files += write_coverage_report(
                report(store, "county", busiest[:6], as_of=CHECK_YEAR), out)
            res.files += write_coverage_report(
                report(store, "village", busiest, as_of=CHECK_YEAR), out)
            path = out / f"village-{busiest}.html"
            res.facts["diagram"] = village_diagram(store, busiest, path)
            res.files.append(path)
        step("reports", t)
        write_json(out / "demo.json", {"steps_seconds": res.steps, **res.facts})
        res.files.append(out / "demo.json")
    return res
