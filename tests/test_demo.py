"""The main job (`graphreg demo`) end to end on a small province: every file it promises, the
planted faults found exactly, and coverage reports with poverty incidence."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from graphreg.db import Store
from graphreg.pipeline import run_demo
from graphreg.settings import Settings


def test_demo_on_ningxia_writes_every_report(store: Store, settings: Settings,
                                             tmp_path: Path) -> None:
    out = tmp_path / "out"
    res = run_demo(out, province="64", households=800, seed=5, settings=settings)
    check = res.facts["planted_check"]
    assert all(c["missed"] == 0 and c["extra"] == 0 for c in check.values()), check
    assert res.facts["registry"]["households"] == 800
    names = sorted(p.name for p in res.files)
    village = next(n[len("village-"):-len(".html")] for n in names if n.startswith("village-"))
    for want in ("unassisted.csv", "gaps.csv", "mistargeted.csv", "concentration.csv",
                 "analysis.json", "registry.json", "demo.json", "report-province-64.csv",
                 "report-province-64.json", f"report-county-{village[:6]}.csv",
                 f"report-village-{village}.json"):
        assert want in names and (out / want).stat().st_size > 0, want
    with open(out / "report-province-64.csv", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    years = [r for r in rows if r["part"] == "year"]
    assert [int(r["year"]) for r in years] == list(range(2014, 2021))
    assert sum(int(r["households"]) for r in rows if r["part"] == "place") == 800
    # every village of the generated counties has a population: incidence is known every year
    for r in years:
        inc = float(r["poverty_incidence"])
        assert inc == round(int(r["people_in_poverty"]) / _population(store, "64"), 4)
    rep = json.loads((out / f"report-village-{village}.json").read_text("utf-8"))
    assert rep["parts"] == [] and rep["years"][-1]["poverty_incidence"] is not None
    demo = json.loads((out / "demo.json").read_text("utf-8"))
    assert demo["report"]["places"] == len([r for r in rows if r["part"] == "place"])


def _population(store: Store, province: str) -> int:
    """The population of the villages the report covers, read straight from the graph."""
    return int(store.value("test_population", province=province))
