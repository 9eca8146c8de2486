"""Regression tests for the tester's ledger findings (re-import and status history, Excel ID
numbers, skip summary, duplicates of rejected rows, separators, disguised files, empty files,
paths, problems printed once)."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest
import test_ledger
from test_ledger import KEY, V1, A, one, write
from typer.testing import CliRunner

from graphreg.db import Store
from graphreg.errors import InputError
from graphreg.ledger import (
    export_ledger,
    import_ledgers,
    ledger_rows,
    status_as_of,
    write_template,
)

geo = test_ledger.geo  # the fixture: a small geography


def flat(r: object) -> str:
    """CLI output with Rich's line wrapping undone."""
    return " ".join(r.output.split())  # type: ignore[attr-defined]


HH = "户编号,行政村代码,户主姓名,家庭人口数,主要致贫原因,脱贫标志\n"


def test_reimporting_households_keeps_the_status_of_the_latest_change(geo: Store,
                                                                       tmp_path: Path) -> None:
    h = write(tmp_path / "hh.csv", HH + f"H1,{V1},甲,3,1,未脱贫\nH2,{V1},乙,2,1,未脱贫\n")
    st = write(tmp_path / "st.csv", "户编号,年度,脱贫标志\nH1,2019,脱贫\n")
    import_ledgers(geo, [("households", h)], key=KEY)
    import_ledgers(geo, [("status-changes", st)], key=KEY)
    assert one(geo, "households", id="H1")["status"] == "脱贫"
    res = import_ledgers(geo, [("households", h)], key=KEY)
    assert [(f.created, f.updated, f.unchanged) for f in res.files] == [(0, 0, 2)]
    assert [(r["id"], r["status"]) for r in ledger_rows(geo, "households")] == [
        ("H1", "脱贫"), ("H2", "未脱贫")]
    # a changed row still updates, but the status keeps following the history
    h2 = write(tmp_path / "hh2.csv", HH + f"H1,{V1},甲,4,1,返贫\nH2,{V1},乙,2,1,监测\n")
    res = import_ledgers(geo, [("households", h2)], key=KEY)
    assert [(f.created, f.updated, f.unchanged) for f in res.files] == [(0, 2, 0)]
    assert [(r["id"], r["size"], r["status"]) for r in ledger_rows(geo, "households")] == [
        ("H1", 4, "脱贫"), ("H2", 2, "监测")]  # H2 has no history: the file seeds its status
    assert status_as_of(geo, ["H1"], 2019) == {"H1": "脱贫"}


def test_an_id_number_in_a_numeric_excel_cell_is_always_rejected(geo: Store,
                                                                  tmp_path: Path) -> None:
    write(tmp_path / "hh.csv", HH + f"H1,{V1},甲,3,1,\n")
    import_ledgers(geo, [("households", tmp_path / "hh.csv")], key=KEY)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["户编号", "姓名", "身份证号码"])
    ws.append(["H1", "甲", int(A)])               # passes the check digit as a number
    ws.append(["H1", "乙", 520423197001012000])   # the tester's number
    ws.append(["H1", "丙", float(A)])
    wb.save(tmp_path / "m.xlsx")
    res = import_ledgers(geo, [("members", tmp_path / "m.xlsx")], key=KEY, on_error="skip")
    hint = ("the ID-card number is not text; the cell is a number in Excel, which loses the last "
            "digits: format the column as text and type the numbers again")
    assert [(p.row, p.column, p.message) for p in res.errors] == [
        (2, "id_number", hint), (3, "id_number", hint), (4, "id_number", hint)]
    assert res.files[0].rejected == 3 and ledger_rows(geo, "members") == []


def test_skip_summary_counts_rows_and_problems_apart(geo: Store, tmp_path: Path) -> None:
    from graphreg.cli.app import app
    bad = write(tmp_path / "bad.csv", HH + f"H1,{V1},甲,0,因懒,\nH2,{V1},乙,3,1,\n")
    res = import_ledgers(geo, [("households", bad)], key=KEY, on_error="skip")
    assert (res.rejected_rows, len(res.errors)) == (1, 2)
    assert res.summary() == "1 row rejected (2 problems); see the .rejected.csv files"
    r = CliRunner().invoke(app, ["import", "households", str(bad), "--on-error", "skip"])
    assert r.exit_code == 1
    assert "1 row rejected (2 problems)" in r.output


def test_a_key_repeated_after_a_rejected_row_is_reported_and_not_imported(
        geo: Store, tmp_path: Path) -> None:
    h = write(tmp_path / "hh.csv", HH + f"H1,{V1},甲,0,1,\nH1,{V1},乙,2,1,\nH2,{V1},丙,2,1,\n")
    res = import_ledgers(geo, [("households", h)], key=KEY, on_error="skip")
    assert [(p.row, p.column, p.message) for p in res.errors] == [
        (2, "size", "household size cannot be 0; it must be 1 or more"),
        (3, "id", "H1 is also on row 2, which is rejected; keep one row per id and correct it")]
    assert [r["id"] for r in ledger_rows(geo, "households")] == ["H2"]
    assert res.files[0].rejected == 2


def test_semicolon_and_tab_separated_files_are_read(geo: Store, tmp_path: Path) -> None:
    s = write(tmp_path / "s.csv", HH.replace(",", ";") + f"H1;{V1};甲;3;1;\n")
    t = write(tmp_path / "t.csv", HH.replace(",", "\t") + f"H2\t{V1}\t乙\t2\t1\t\n")
    res = import_ledgers(geo, [("households", s), ("households", t)], key=KEY)
    assert [f.created for f in res.files] == [1, 1]
    assert [r["id"] for r in ledger_rows(geo, "households")] == ["H1", "H2"]


def test_an_excel_file_named_csv_is_recognised(store: Store, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.save(tmp_path / "hh.csv")
    with pytest.raises(InputError, match=r"hh.csv: this is an Excel file \(.xlsx\), not CSV "
                       "text; rename it to .xlsx"):
        import_ledgers(store, [("households", tmp_path / "hh.csv")], key=KEY)


def test_a_header_only_file_gives_a_warning(store: Store, tmp_path: Path) -> None:
    h = write(tmp_path / "hh.csv", HH)
    res = import_ledgers(store, [("households", h)], key=KEY)
    assert res.exit_code == 0 and [(f.rows, f.created) for f in res.files] == [(0, 0)]
    assert [(p.row, p.message) for p in res.warnings] == [
        (1, "the file has a header row but no data rows, so nothing was imported from it; "
            "check that this is the right file")]


def test_directories_missing_and_unwritable_paths_and_encodings_are_input_errors(
        geo: Store, tmp_path: Path) -> None:
    from graphreg.cli.app import app
    runner = CliRunner()
    (tmp_path / "adir").mkdir()
    r = runner.invoke(app, ["import", "households", str(tmp_path / "adir")])
    assert r.exit_code == 2 and isinstance(r.exception, SystemExit)
    assert "is a directory, not a ledger file" in flat(r) and "Traceback" not in flat(r)
    r = runner.invoke(app, ["import", "households", str(tmp_path / "nope.csv")])
    assert r.exit_code == 2 and "nope.csv: no such file" in flat(r)
    for cmd in (["template", "households"], ["export", "households"]):
        r = runner.invoke(app, [*cmd, "--out", str(tmp_path / "adir")])
        assert r.exit_code == 2 and f"{tmp_path / 'adir'}: is a directory" in flat(r)
    with pytest.raises(InputError, match="is a directory; give a file name with --out"):
        write_template("households", tmp_path / "adir")
    for cmd in (["template", "households"], ["export", "households"]):
        r = runner.invoke(app, [*cmd, "--out", str(tmp_path / "x.json")])
        assert r.exit_code == 2 and "x.json: a ledger is written as .csv or .xlsx" in flat(r)
        assert "name the file x.csv or x.xlsx" in flat(r)
        assert not (tmp_path / "x.json").exists()
    if os.geteuid() != 0:
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(0o500)
        r = runner.invoke(app, ["template", "households", "--out", str(ro / "t.csv")])
        assert r.exit_code == 2 and "cannot write the file" in flat(r)
        ro.chmod(0o700)
    r = runner.invoke(app, ["template", "households", "--out", str(tmp_path / "t.csv"),
                            "--encoding", "ascii"])
    assert r.exit_code == 2 and "cannot be written in encoding 'ascii'" in flat(r)
    assert not (tmp_path / "t.csv").exists()
    write(tmp_path / "hh.csv", HH + f"H1,{V1},甲,3,1,\n")
    import_ledgers(geo, [("households", tmp_path / "hh.csv")], key=KEY)
    with pytest.raises(InputError, match=r"x.csv: the text '户编号' cannot be written in encoding "
                       r"'ascii'; use --encoding utf-8"):
        export_ledger(geo, "households", tmp_path / "x.csv", encoding="ascii")


def test_cli_prints_each_problem_once(geo: Store, tmp_path: Path) -> None:
    from graphreg.cli.app import app
    bad = write(tmp_path / "bad.csv", HH + f"H1,{V1},甲,0,1,\n")
    runner = CliRunner()
    msg = "household size cannot be 0"
    for extra, code in (([], 2), (["--json"], 2), (["--on-error", "skip"], 1),
                        (["--on-error", "skip", "--json"], 1)):
        r = runner.invoke(app, ["import", "households", str(bad), *extra])
        assert r.exit_code == code
        assert msg not in " ".join(r.stderr.split())  # stderr: one summary line, no list
        assert msg in " ".join(r.stdout.split()) or "household size" in r.stdout
        if "--json" in extra:
            assert r.stdout.count(msg) == 1
    assert " ".join(r.stderr.split()) == "1 row rejected (1 problem); see the .rejected.csv files"
    r = runner.invoke(app, ["import", "households", str(bad)])
    assert " ".join(r.stderr.split()) == (
        "error: 1 problem found (1 row rejected, listed above); nothing was written. Correct "
        "the rows and import again, or use --on-error skip to import the good rows and get the "
        "rejected ones in a .rejected.csv file.")
