"""Regression tests for the tester's matching findings: a household given two units, row
numbers and file paths in provenance, and --as-of taking a year."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import test_matching_store
from graphreg.cli.app import app
from test_matching_store import COUNTY, TODAY, _small_county
from typer.testing import CliRunner

from graphreg.db import Store
from graphreg.errors import InputError
from graphreg.matching import apply_proposal, parse_as_of, read_proposal

geo = test_matching_store.geo  # the fixture: one county's division


def _proposal(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["household", "unit"])
        w.writerows(rows)
    return path


def test_a_household_given_two_units_is_refused_unless_allowed(store: Store, geo: Any,
                                                               tmp_path: Path) -> None:
    _small_county(store, geo)
    p = _proposal(tmp_path / "p.csv", [["H1", "HW"], ["H2", "EW"], ["H1", "RS"]])
    with pytest.raises(InputError) as e:
        apply_proposal(store, p, today=TODAY)
    assert str(e.value) == (
        f"{p}, row 4: household H1 is already given unit HW on row 2; keep one unit per "
        "household (clear the unit of one row), or apply with --allow-several-units if both "
        "should help it")
    assert store.query("match_existing", households=["H1"], rows=[], today=TODAY)[0][
        "pairs"] == []  # nothing written
    r = CliRunner().invoke(app, ["match", "apply", str(p)])
    assert r.exit_code == 2 and "--allow-several-units" in " ".join(r.output.split())
    res = apply_proposal(store, p, today=TODAY, allow_several_units=True)
    assert res.created == 3


def test_provenance_row_is_the_spreadsheet_row_and_the_file_is_absolute(
        store: Store, geo: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _small_county(store, geo)
    # a blank line and a row without unit: rows keep the spreadsheet numbering (header = 1)
    (tmp_path / "p.csv").write_text("household,unit\nH1,HW\n\nH2,\nH3,RS\n", encoding="utf-8")
    assert [(p.row, p.household) for p in read_proposal(tmp_path / "p.csv")] == [
        (2, "H1"), (5, "H3")]
    monkeypatch.chdir(tmp_path)
    res = apply_proposal(store, Path("p.csv"), operator="李四", today=TODAY)
    batch = store.query("match_batch", id=res.batch)[0]
    assert batch["file"] == str(tmp_path / "p.csv") == res.file
    assert [w[:3] for w in batch["written"]] == [["H1", "HW", 2], ["H3", "RS", 5]]


def test_as_of_takes_a_year_or_a_day(store: Store, geo: Any, tmp_path: Path) -> None:
    assert parse_as_of("2019") == dt.date(2019, 12, 31)
    assert parse_as_of("2019-06-30") == dt.date(2019, 6, 30)
    with pytest.raises(InputError, match="neither a year nor a day"):
        parse_as_of("19")
    _small_county(store, geo)
    runner = CliRunner()
    out = {}
    for as_of in ("2026", "2026-12-31"):
        path = tmp_path / f"p{as_of}.csv"
        r = runner.invoke(app, ["match", "propose", "--county", COUNTY, "--out", str(path),
                                "--as-of", as_of, "--json"])
        assert r.exit_code == 0, r.output
        out[as_of] = (json.loads(r.stdout)["rows"], path.read_text("utf-8-sig"))
    assert out["2026"] == out["2026-12-31"] and out["2026"][0] == 4
    r = runner.invoke(app, ["match", "propose", "--county", COUNTY, "--out",
                            str(tmp_path / "x.csv"), "--as-of", "next year"])
    assert r.exit_code == 2 and "neither a year nor a day" in r.output


def test_unknown_locks_and_counties_are_refused(store: Store, geo: Any, tmp_path: Path) -> None:
    from graphreg.matching import propose_assignments
    _small_county(store, geo)
    with pytest.raises(InputError) as e:
        propose_assignments(store, counties=[COUNTY, "999999"], today=TODAY,
                            lock_households=["H1", "NOPE"], lock_units=["HW", "U9", "U8"])
    assert str(e.value) == (
        "Not in the graph: household NOPE; unit U8, U9; county 999999. Check the ids (a lock "
        "or county that matches nothing would silently change nothing).")
    r = CliRunner().invoke(app, ["match", "propose", "--county", COUNTY, "--lock-household",
                                 "UNKNOWN", "--out", str(tmp_path / "p.csv")])
    assert r.exit_code == 2 and "household UNKNOWN" in r.output
    assert not (tmp_path / "p.csv").exists()
