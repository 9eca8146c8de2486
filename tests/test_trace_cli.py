"""The inspect commands end to end through the CLI (JSON, CSV, exit codes)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphreg.cli.app import app
from graphreg.db import Store
from test_diagram_data import H1, H2, V1, build_small_registry, stamp_provenance

runner = CliRunner()


@pytest.fixture
def small(store: Store) -> Store:
    build_small_registry(store)
    stamp_provenance(store)
    return store


def test_cli_trace_diagram_handbook_export(small: Store, tmp_path: Path) -> None:
    r = runner.invoke(app, ["trace", "household", H1, "--timeline", "--json",
                            "--csv", str(tmp_path / "t.csv")])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert [f["entity"] for f in data["facts"]] == ["2014", "DU", "CD1", "WT", "M1", "M3",
                                                    "2018"]
    assert data["batches"][0]["file"] == "ledgers/households_2016.xlsx"
    with open(tmp_path / "t.csv", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert [(x["entity"], x["source"]) for x in rows][4] == ("M1", "B2018-02:12")
    r = runner.invoke(app, ["trace", "path", H1, "EN", "--json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["length"] == 2
    r = runner.invoke(app, ["diagram", V1, "--out", str(tmp_path / "v.html"), "--json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["nodes"] == 13
    r = runner.invoke(app, ["diagram", H2, "--kind", "path", "--to", "EN",
                            "--out", str(tmp_path / "p.html"), "--json"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["handbook", "--village", V1, "--out", str(tmp_path / "hb"),
                            "--json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["households"] == 3
    r = runner.invoke(app, ["export-graph", "village", V1, "--out", str(tmp_path / "v.gexf")])
    assert r.exit_code == 0 and (tmp_path / "v.gexf").exists()
    r = runner.invoke(app, ["diagram", "999999999999", "--out", str(tmp_path / "x.html")])
    assert r.exit_code == 2 and "no such village" in r.output
    r = runner.invoke(app, ["trace", "unit", "NOPE"])
    assert r.exit_code == 2
    r = runner.invoke(app, ["handbook"])
    assert r.exit_code == 2 and "give a household id" in r.output
