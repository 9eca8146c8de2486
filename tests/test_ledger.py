"""Ledger import, export, provenance and history against the real Neo4j server.

Each test builds a few rows, imports them and asserts exact values in the graph."""

from __future__ import annotations

import csv
import datetime as dt
import threading
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from graphreg.db import Store
from graphreg.geography import import_geography, read_division
from graphreg.ids import hash_id, load_key, make_id
from graphreg.ledger import (
    KINDS,
    LedgerError,
    duplicate_identities,
    export_ledger,
    graph_snapshot,
    header_row,
    history,
    import_ledgers,
    ledger_rows,
    status_as_of,
    write_template,
)
from graphreg.schema import apply_schema, wipe
from graphreg.settings import Settings
from graphreg.synth import FaultRates, generate, write_registry

KEY = b"test-key"
V1, V2, V3 = "520423001210", "520423001251", "520424002001"
A = make_id("520423", dt.date(1970, 1, 2), 5)    # 520423197001020055
B = make_id("520423", dt.date(1990, 5, 6), 7)    # 52042319900506007X
C = make_id("520423", dt.date(1985, 3, 4), 9)
D = dt.date


def small_geography(store: Store) -> None:
    geo = read_division(counties=["520423", "520424"])
    geo["villages"] = [v for v in geo["villages"] if v["code"] in {V1, V2, V3}]
    geo["townships"] = [t for t in geo["townships"] if t["code"] in {"520423001", "520424002"}]
    import_geography(store, geo)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def one(store: Store, label_key: str, **params: Any) -> dict[str, Any]:
    rows = [r for r in ledger_rows(store, label_key) if all(r[k] == v for k, v in params.items())]
    assert len(rows) == 1, rows
    return rows[0]


@pytest.fixture
def geo(store: Store) -> Store:
    small_geography(store)
    return store


@pytest.fixture
def core_files(tmp_path: Path) -> list[tuple[str, Path]]:
    """Households (UTF-8 with BOM, headers with spaces and English mixed in), members (GB18030),
    units, assignments and measures, all valid, imported together."""
    h = write(tmp_path / "households.csv",
              " 户编号 ,village, Head_Name ,家庭人口数,主要致贫原因,其他致贫原因,识别年度,人均纯收入,脱贫标志\n"
              f"H1,{V1},NA,３,因病,缺资金;2,2014,\"2,100\",\n"
              f"H2,{V2},Nan,2,8,,２０１５,1800.5,未脱贫\n", "utf-8-sig")
    m = write(tmp_path / "members.csv",
              "户编号,姓名,身份证号码,与户主关系\n"
              f"H1,NA,{A},户主\nH1,王芳,{B.lower()},之妻\nH2,Nan,{C},户主\n", "gb18030")
    u = write(tmp_path / "units.csv",
              "unit_id,name,kind,county,base,capacity,skills\n"
              "U1,卫生健康局,行业部门,520423,520423,0,医疗扶持;health\n"
              "U2,李干部,cadre,520423,520423001,5,\n")
    a = write(tmp_path / "assignments.csv",
              "帮扶单位编号,帮扶层级,帮扶对象编号,开始日期,结束日期,帮扶角色\n"
              "U2,户,H1,2016/3/1,,帮扶责任人\n"
              f"U1,村,{V1},2016年3月1日,2018.12.31,驻村帮扶\n"
              "U1,县,520423,20150101,,定点扶贫\n")
    e = write(tmp_path / "measures.csv",
              "措施编号,帮扶单位编号,户编号,措施类型,投入资金,开始日期,结束日期,帮扶内容\n"
              "M1,U1,H1,医疗扶持,\"1,200\",2016.3.1,2017-01-01,住院报销\n"
              "M2,U1,H2,health,０,2017-05-01,,=HYPERLINK(\"x\")\n")
    return [("households", h), ("members", m), ("units", u), ("assignments", a), ("measures", e)]


def test_core_kinds_import_exactly_and_again_change_nothing(geo: Store,
                                                            core_files: list) -> None:
    res = import_ledgers(geo, core_files, key=KEY, operator="张科员")
    assert [(f.kind, f.encoding, f.rows, f.created, f.updated, f.unchanged, f.rejected)
            for f in res.files] == [
        ("households", "utf-8-sig", 2, 2, 0, 0, 0), ("members", "gb18030", 3, 3, 0, 0, 0),
        ("units", "utf-8", 2, 2, 0, 0, 0), ("assignments", "utf-8", 3, 3, 0, 0, 0),
        ("measures", "utf-8", 2, 2, 0, 0, 0)]
    assert res.errors == [] and res.warnings == [] and res.exit_code == 0
    assert ledger_rows(geo, "households") == [
        {"id": "H1", "village": V1, "head_name": "NA", "size": 3, "attribute": None,
         "standard": None, "status": "未脱贫", "registered_year": 2014, "income": 2100,
         "main_cause": 1, "other_causes": [2, 9]},
        {"id": "H2", "village": V2, "head_name": "Nan", "size": 2, "attribute": None,
         "standard": None, "status": "未脱贫", "registered_year": 2015, "income": 1800.5,
         "main_cause": 8, "other_causes": []}]
    assert ledger_rows(geo, "members") == [
        {"household": "H1", "name": "NA", "relation": "户主", "birth_year": 1970,
         "pid": hash_id(A, KEY), "masked": "5204**********0055"},
        {"household": "H1", "name": "王芳", "relation": "之妻", "birth_year": 1990,
         "pid": hash_id(B, KEY), "masked": "5204**********007X"},
        {"household": "H2", "name": "Nan", "relation": "户主", "birth_year": 1985,
         "pid": hash_id(C, KEY), "masked": C[:4] + "*" * 10 + C[-4:]}]
    assert ledger_rows(geo, "units") == [
        {"id": "U1", "name": "卫生健康局", "kind": "department", "county": "520423",
         "base": "520423", "capacity": 0, "skills": ["medical", "health"]},
        {"id": "U2", "name": "李干部", "kind": "cadre", "county": "520423", "base": "520423001",
         "capacity": 5, "skills": []}]
    got = [{**r, "since": r["since"].to_native(),
            "until": r["until"] and r["until"].to_native()} for r in ledger_rows(geo, "assignments")]
    assert got == [
        {"unit": "U1", "level": "county", "target": "520423", "since": D(2015, 1, 1),
         "until": None, "role": "定点扶贫"},
        {"unit": "U1", "level": "village", "target": V1, "since": D(2016, 3, 1),
         "until": D(2018, 12, 31), "role": "驻村帮扶"},
        {"unit": "U2", "level": "household", "target": "H1", "since": D(2016, 3, 1),
         "until": None, "role": "帮扶责任人"}]
    m1, m2 = ledger_rows(geo, "measures")
    assert (m1["cost"], m1["start"].to_native(), m1["end"].to_native(), m1["type"]) == (
        1200, D(2016, 3, 1), D(2017, 1, 1), "medical")
    assert (m2["cost"], m2["end"], m2["content"]) == (0, None, '=HYPERLINK("x")')
    # the county comes from the village; no ID-card number is stored anywhere in clear
    snap = graph_snapshot(geo, ignore=())
    text = repr(snap)
    assert sorted(dict(p)["county"] for labels, p in snap["nodes"] if labels == ("Household",)) \
        == ["520423", "520423"]
    assert A not in text and B not in text and C not in text
    # every node and relationship the import wrote carries its batch and row
    batches = {f.kind: f.batch for f in res.files}
    for labels, props in snap["nodes"]:
        p = dict(props)
        if labels in (("Household",), ("Person",), ("Unit",), ("Measure",)):
            assert p["batch"] in batches.values() and p["row"] >= 2
    for rel in snap["relationships"]:
        if rel[0] in ("LIVES_IN", "HAS_CAUSE", "MEMBER_OF", "ASSISTS", "PROVIDES", "FOR",
                      "OF_TYPE", "BASED_IN"):
            p = dict(rel[5])
            assert p.get("batch") in batches.values() and p["row"] >= 2, rel

    # importing the same files again: every row unchanged, not one property touched; the
    # import is still recorded as batches (an audit log of who imported what)
    before = graph_snapshot(geo, ignore=(), skip_labels=("Batch",))
    again = import_ledgers(geo, core_files, key=KEY)
    assert [(f.created, f.updated, f.unchanged) for f in again.files] == [
        (0, 0, 2), (0, 0, 3), (0, 0, 2), (0, 0, 3), (0, 0, 2)]
    assert graph_snapshot(geo, ignore=(), skip_labels=("Batch",)) == before
    assert sum(1 for r in geo.query("ledger_snapshot_nodes") if "Batch" in r["labels"]) == 10


def test_changed_row_updates_the_graph_and_history_tells_which_batch(
        geo: Store, core_files: list, tmp_path: Path) -> None:
    first = import_ledgers(geo, core_files, key=KEY, operator="张科员")
    changed = write(tmp_path / "households-2017.csv",
                    "户编号,行政村代码,户主姓名,家庭人口数,主要致贫原因,其他致贫原因,识别年度,人均纯收入\n"
                    f"H2,{V2},Nan,2,8,,2015,1800.5\n"
                    f"H1,{V2},NA,4,缺技术,,2014,2100\n")
    res = import_ledgers(geo, [("households", changed)], key=KEY, operator="李科长")
    assert [(f.created, f.updated, f.unchanged) for f in res.files] == [(0, 1, 1)]
    h1 = one(geo, "households", id="H1")
    assert (h1["village"], h1["size"], h1["main_cause"], h1["other_causes"]) == (V2, 4, 7, [])
    assert geo.query("ledger_snapshot_relationships") and sorted(
        r["to_key"] for r in geo.query("ledger_snapshot_relationships")
        if r["type"] == "LIVES_IN" and r["from_key"] == "H1") == [V2]
    hist = history(geo, "household", "H1")
    assert [(r["kind"], r["file"], r["operator"], r["row"], r["action"], r["what"])
            for r in hist] == [
        ("households", "households.csv", "张科员", 2, "created", "household H1"),
        ("members", "members.csv", "张科员", 2, "created", "member 5204**********0055 NA"),
        ("members", "members.csv", "张科员", 3, "created", "member 5204**********007X 王芳"),
        ("assignments", "assignments.csv", "张科员", 2, "created", "assigned unit U2"),
        ("measures", "measures.csv", "张科员", 2, "created", "measure M1 medical"),
        ("households", "households-2017.csv", "李科长", 3, "updated", "household H1")]
    assert hist[0]["sha256"] == first.files[0].sha256 and len(hist[0]["sha256"]) == 64
    assert [r["what"] for r in history(geo, "unit", "U1")] == [
        "unit U1", f"assists {V1}", "assists 520423", "measure M1 for H1", "measure M2 for H2"]
    # the village's history: every household row that wrote a household now living there
    assert [(r["file"], r["row"], r["action"], r["what"]) for r in history(geo, "village", V2)] \
        == [("households.csv", 2, "created", "household H1"),
            ("households.csv", 3, "created", "household H2"),
            ("households-2017.csv", 3, "updated", "household H1")]
    with pytest.raises(Exception, match="no household 'H9' in the graph"):
        history(geo, "household", "H9")


def test_excel_sheets_dates_numbers_and_codes_saved_as_numbers(geo: Store, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "说明"
    wb.active.append(["这一页是说明"])
    ws = wb.create_sheet("台账")
    ws.append(["户编号", "行政村代码", "户主姓名", "家庭人口数", "主要致贫原因", "识别年度"])
    ws.append(["H7", int(V1), "null", 3.0, 1, 2014])
    ws2 = wb.create_sheet("措施")
    ws2.append(["措施编号", "帮扶单位编号", "户编号", "措施类型", "投入资金", "开始日期", "结束日期"])
    ws2.append(["M7", "U1", "H7", "产业扶贫", 1500.5, dt.datetime(2016, 3, 1), 42795])
    wb.save(tmp_path / "book.xlsx")
    write(tmp_path / "u.csv", "单位编号,单位名称,类别,所在县代码\nU1,农业农村局,department,520423\n")
    with pytest.raises(Exception, match="no sheet 'Sheet9'; the sheets are 说明, 台账, 措施"):
        import_ledgers(geo, [("households", tmp_path / "book.xlsx")], key=KEY, sheet="Sheet9")
    import_ledgers(geo, [("households", tmp_path / "book.xlsx"), ("units", tmp_path / "u.csv")],
                   key=KEY, sheet="台账")
    res = import_ledgers(geo, [("measures", tmp_path / "book.xlsx")], key=KEY, sheet="措施")
    assert res.files[0].encoding == "xlsx" and res.files[0].created == 1
    assert one(geo, "households", id="H7")["head_name"] == "null"
    m = one(geo, "measures", id="M7")
    assert (m["cost"], m["start"].to_native(), m["end"].to_native()) == (
        1500.5, D(2016, 3, 1), D(2017, 3, 1))


def test_skip_mode_writes_good_rows_and_rejects_bad_ones_with_reasons(
        geo: Store, tmp_path: Path) -> None:
    h = write(tmp_path / "hh.csv",
              "户编号,行政村代码,户主姓名,家庭人口数,主要致贫原因\n"
              f"H1,{V1},王伟,3,1\nH2,{V1},李强,0,1\nH3,{V1},=cmd|' /C calc'!A0,2,因懒\n")
    m = write(tmp_path / "mm.csv", f"户编号,姓名,身份证号码\nH1,王伟,{A}\nH2,李强,{B}\n")
    res = import_ledgers(geo, [("households", h), ("members", m)], key=KEY, on_error="skip")
    assert res.exit_code == 1 and res.written
    assert [(f.rows, f.created, f.rejected) for f in res.files] == [(3, 1, 2), (2, 1, 1)]
    assert [r["id"] for r in ledger_rows(geo, "households")] == ["H1"]
    assert [(p.row, p.column) for p in res.errors] == [
        (3, "size"), (4, "main_cause"), (3, "household")]
    with open(tmp_path / "hh.rejected.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows == [
        ["row", "户编号", "行政村代码", "户主姓名", "家庭人口数", "主要致贫原因", "reason"],
        ["3", "H2", V1, "李强", "0", "1",
         "size: household size cannot be 0; it must be 1 or more"],
        ["4", "H3", V1, "'=cmd|' /C calc'!A0", "2", "因懒",
         "main_cause: unknown cause of poverty '因懒'; use a national code (1, 2, 3, 4, 5, 6, 7, 8, "
         "9, 10, 11, 99) or its Chinese name (因病、因残、因学、因灾、缺土地、缺水、缺技术、缺劳力、"
         "缺资金、交通条件落后、自身发展动力不足、其他)"]]
    with open(tmp_path / "mm.rejected.csv", encoding="utf-8-sig", newline="") as fh:
        assert list(csv.reader(fh))[1][:2] == ["3", "H2"]
    assert res.files[0].rejected_file == str(tmp_path / "hh.rejected.csv")


def test_abort_is_the_default_and_writes_nothing(geo: Store, tmp_path: Path) -> None:
    h = write(tmp_path / "hh.csv", "户编号,行政村代码,户主姓名,家庭人口数,主要致贫原因\n"
              f"H1,{V1},王伟,3,1\nH2,{V1},李强,2,99\nH3,{V1},赵六,-1,1\n")
    before = graph_snapshot(geo, ignore=())
    with pytest.raises(LedgerError) as err:
        import_ledgers(geo, [("households", h)], key=KEY)
    assert err.value.exit_code == 2 and err.value.result.exit_code == 2
    assert str(err.value).startswith(
        f"1 problem found; nothing was written:\n  {h}, row 4, column size ('-1'): household "
        "size cannot be -1; it must be 1 or more\n")
    assert graph_snapshot(geo, ignore=()) == before
    assert not (tmp_path / "hh.rejected.csv").exists()


def test_concurrent_imports_of_overlapping_files_make_no_duplicates(geo: Store,
                                                                   tmp_path: Path) -> None:
    head = "户编号,行政村代码,户主姓名,家庭人口数,主要致贫原因\n"
    f1 = write(tmp_path / "a.csv", head + "".join(f"H{i},{V1},户主{i},2,1\n" for i in range(60)))
    f2 = write(tmp_path / "b.csv", head + "".join(f"H{i},{V1},户主{i},2,1\n" for i in range(30, 90)))
    barrier = threading.Barrier(2)
    results: list[Any] = []

    def run(path: Path) -> None:
        barrier.wait()
        results.append(import_ledgers(geo, [("households", path)], key=KEY))

    threads = [threading.Thread(target=run, args=(p,)) for p in (f1, f2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 2
    assert geo.value("count_households") == 90
    rows = ledger_rows(geo, "households")
    assert len(rows) == 90 and len({r["id"] for r in rows}) == 90
    lives = [r for r in geo.query("ledger_snapshot_relationships") if r["type"] == "LIVES_IN"]
    causes = [r for r in geo.query("ledger_snapshot_relationships") if r["type"] == "HAS_CAUSE"]
    assert len(lives) == 90 and len(causes) == 90
    again = import_ledgers(geo, [("households", f1), ("households", f2)], key=KEY)
    assert sum(f.unchanged for f in again.files) == 120


def test_status_changes_keep_history_and_answer_as_of_a_year(geo: Store, tmp_path: Path) -> None:
    write(tmp_path / "h.csv", "户编号,行政村代码,户主姓名,家庭人口数,主要致贫原因,识别年度\n"
          f"H1,{V1},甲,3,1,2014\nH2,{V1},乙,2,1,2016\nH3,{V1},丙,2,1,2015\n")
    write(tmp_path / "s.csv", "户编号,年度,脱贫标志,变更日期\n"
          "H1,2014,未脱贫,2014-10-01\nH1,2017,exited,2017-11-20\nH1,2019,返贫,\n"
          "H2,2016,registered,\nH2,2018,脱贫,2018-12-01\n")
    import_ledgers(geo, [("households", tmp_path / "h.csv"),
                         ("status-changes", tmp_path / "s.csv")], key=KEY)
    assert status_as_of(geo, None, 2013) == {"H1": None, "H2": None, "H3": None}
    assert status_as_of(geo, None, 2016) == {"H1": "未脱贫", "H2": "未脱贫", "H3": "未脱贫"}
    assert status_as_of(geo, None, 2017) == {"H1": "脱贫", "H2": "未脱贫", "H3": "未脱贫"}
    assert status_as_of(geo, ["H1", "H2"], 2019) == {"H1": "返贫", "H2": "脱贫"}
    assert [(r["id"], r["status"]) for r in ledger_rows(geo, "households")] == [
        ("H1", "返贫"), ("H2", "脱贫"), ("H3", "未脱贫")]
    # a later file corrects 2017 and adds 2020; other years are kept, not overwritten
    write(tmp_path / "s2.csv", "户编号,年度,脱贫标志,变更日期\nH1,2017,预脱贫,\nH1,2020,监测,\nH2,2018,脱贫,2018.12.1\n")
    res = import_ledgers(geo, [("status-changes", tmp_path / "s2.csv")], key=KEY)
    assert [(f.created, f.updated, f.unchanged) for f in res.files] == [(1, 1, 1)]
    assert [(r["household"], r["year"], r["status"]) for r in ledger_rows(geo, "status-changes")] \
        == [("H1", 2014, "未脱贫"), ("H1", 2017, "预脱贫"), ("H1", 2019, "返贫"),
            ("H1", 2020, "监测"), ("H2", 2016, "未脱贫"), ("H2", 2018, "脱贫")]
    assert status_as_of(geo, ["H1"], 2018) == {"H1": "预脱贫"}
    assert one(geo, "households", id="H1")["status"] == "监测"
    # a change for an earlier year does not touch the current status
    write(tmp_path / "s3.csv", "户编号,年度,脱贫标志\nH2,2015,未脱贫\n")
    import_ledgers(geo, [("status-changes", tmp_path / "s3.csv")], key=KEY)
    assert one(geo, "households", id="H2")["status"] == "脱贫"
    assert status_as_of(geo, ["H2"], 2015) == {"H2": "未脱贫"}
    # the household file again (no status column): nothing changes, the status stays
    res = import_ledgers(geo, [("households", tmp_path / "h.csv")], key=KEY)
    assert [(f.created, f.updated, f.unchanged) for f in res.files] == [(0, 0, 3)]
    assert [r["status"] for r in ledger_rows(geo, "households")] == ["监测", "脱贫", "未脱贫"]


def test_the_same_person_in_two_households_is_reported(geo: Store, tmp_path: Path) -> None:
    write(tmp_path / "h.csv", "户编号,行政村代码,户主姓名,家庭人口数,主要致贫原因\n"
          f"H1,{V1},甲,2,1\nH2,{V2},乙,2,1\n")
    write(tmp_path / "m.csv", f"户编号,姓名,身份证号码\nH1,甲,{A}\nH1,丁,{B}\nH2,乙,{C}\n")
    import_ledgers(geo, [("households", tmp_path / "h.csv"), ("members", tmp_path / "m.csv")],
                   key=KEY)
    assert duplicate_identities(geo) == []
    write(tmp_path / "m2.csv", f"户编号,姓名,身份证号码\nH2,丁,{B}\n")
    res = import_ledgers(geo, [("members", tmp_path / "m2.csv")], key=KEY)
    assert res.exit_code == 0 and res.errors == []
    assert [(w.row, w.column, w.value, w.message) for w in res.warnings] == [
        (2, "id_number", "5204**********007X",
         "duplicate identity: 5204**********007X (丁) is also a member of household H1; both "
         "memberships are kept, check which one is right")]
    assert duplicate_identities(geo) == [
        {"pid": hash_id(B, KEY), "masked": "5204**********007X", "name": "丁",
         "households": ["H1", "H2"]}]


def test_export_is_formula_safe_and_reads_back_unchanged(geo: Store, core_files: list,
                                                         tmp_path: Path) -> None:
    import_ledgers(geo, core_files, key=KEY)
    out = tmp_path / "out" / "measures.csv"
    assert export_ledger(geo, "measures", out) == 2
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0] == "措施编号,帮扶单位编号,户编号,措施类型,投入资金,开始日期,结束日期,帮扶内容"
    assert lines[2] == "M2,U1,H2,health,0,2017-05-01,,\"'=HYPERLINK(\"\"x\"\")\""
    res = import_ledgers(geo, [("measures", out)], key=KEY)
    assert [(f.created, f.updated, f.unchanged) for f in res.files] == [(0, 0, 2)]
    gb = tmp_path / "households.csv"
    export_ledger(geo, "households", gb, encoding="gb18030", headers="en")
    assert gb.read_bytes().decode("gb18030").splitlines()[0] == ",".join(
        header_row(KINDS["households"], headers="en"))
    res = import_ledgers(geo, [("households", gb)], key=KEY)
    assert res.files[0].encoding == "gb18030" and res.files[0].unchanged == 2
    xl = tmp_path / "members.xlsx"
    assert export_ledger(geo, "members", xl) == 3
    res = import_ledgers(geo, [("members", xl)], key=KEY)
    assert [(f.created, f.updated, f.unchanged) for f in res.files] == [(0, 0, 3)]


@pytest.mark.parametrize("name", sorted(KINDS))
def test_template_lists_the_columns_and_imports_as_an_empty_ledger(store: Store, name: str,
                                                                    tmp_path: Path) -> None:
    path = write_template(name, tmp_path / f"{name}.csv")
    text = path.read_text("utf-8-sig").strip()
    assert text.split(",") == [c.zh for c in KINDS[name].columns]
    res = import_ledgers(store, [(name, path)], key=KEY)
    assert [(f.rows, f.created) for f in res.files] == [(0, 0)]


def test_round_trip_generate_export_wipe_import_gives_the_same_graph(store: Store,
                                                                     tmp_path: Path) -> None:
    geo = read_division(counties=["520423"])
    import_geography(store, geo)
    reg = generate(geo, households=120, seed=3, rates=FaultRates(0.05, 0.05, 0.05), key=KEY)
    write_registry(store, reg)
    extra = [
        ("poverty-counties", write(tmp_path / "pc.csv", "县代码,是否贫困县,是否重点县,摘帽年度\n"
                                   "520423,是,是,2019\n")),
        ("areas", write(tmp_path / "ar.csv", "片区代码,片区名称,县代码\nA09,滇桂黔石漠化区,520423\n")),
        ("status-changes", write(tmp_path / "sc.csv", "户编号,年度,脱贫标志,变更日期\n"
                                 f"{reg.households[0]['id']},2018,脱贫,2018-12-01\n"
                                 f"{reg.households[1]['id']},2019,监测,\n")),
    ]
    import_ledgers(store, extra, key=KEY)
    skip = ("Batch", "PlantedFault")
    before = graph_snapshot(store, skip_labels=skip)
    files = []
    for name in KINDS:
        path = tmp_path / "export" / f"{name}.csv"
        export_ledger(store, name, path)
        files.append((name, path))
    wipe(store)
    apply_schema(store)
    import_geography(store, geo)
    res = import_ledgers(store, files, key=b"another-key-the-pids-travel-in-the-file")
    assert res.errors == [] and all(f.updated == f.unchanged == 0 for f in res.files)
    after = graph_snapshot(store, skip_labels=skip)
    assert sum(after["nodes"].values()) == sum(before["nodes"].values())
    assert sum(after["relationships"].values()) == sum(before["relationships"].values())
    assert after == before
    # every exported row was created again, and the registry's parts are all there
    assert all(f.created == f.rows for f in res.files)
    counts = {f.kind: f.created for f in res.files}
    assert (counts["households"], counts["members"], counts["units"], counts["measures"],
            counts["assignments"], counts["poor-villages"]) == (
        120, len(reg.persons) + len(reg.shared_members), len(reg.units), len(reg.measures),
        len(reg.assists), len(reg.poor_villages))
    assert counts["status-changes"] == len(reg.status_changes) + 2
    assert counts["areas"] >= 1 and counts["poverty-counties"] == 1
    again = import_ledgers(store, files, key=KEY)
    assert all(f.created == f.updated == 0 for f in again.files)


def test_cli_import_skip_history_export_and_template(geo: Store, core_files: list,
                                                     tmp_path: Path) -> None:
    from graphreg.cli.app import app
    runner = CliRunner()
    hpath, mpath = core_files[0][1], core_files[1][1]
    r = runner.invoke(app, ["import", "households", str(hpath), f"members={mpath}",
                            "--operator", "王科员", "--json"])
    assert r.exit_code == 0, r.output
    assert '"created": 2' in r.output and '"created": 3' in r.output
    bad = write(tmp_path / "bad.csv", "户编号,行政村代码,户主姓名,家庭人口数,主要致贫原因\n"
                f"H5,{V1},甲,2,1\nH6,{V1},乙,0,1\n")
    r = runner.invoke(app, ["import", "households", str(bad)])
    assert r.exit_code == 2 and "nothing was written" in r.output
    r = runner.invoke(app, ["import", "households", str(bad), "--on-error", "skip"])
    assert r.exit_code == 1 and (tmp_path / "bad.rejected.csv").exists()
    r = runner.invoke(app, ["history", "household", "H1", "--json"])
    assert r.exit_code == 0 and '"operator": "王科员"' in r.output
    r = runner.invoke(app, ["history", "village", "999"])
    assert r.exit_code == 2 and "no village '999'" in r.output
    out = tmp_path / "x.csv"
    r = runner.invoke(app, ["export", "households", "--out", str(out)])
    assert r.exit_code == 0 and out.read_text("utf-8-sig").count("\n") == 4
    r = runner.invoke(app, ["template", "areas", "--out", str(tmp_path / "t.csv"),
                            "--headers", "en"])
    assert r.exit_code == 0 and (tmp_path / "t.csv").read_bytes() == \
        b"\xef\xbb\xbfarea,area_name,county\r\n"
    assert load_key(Settings.from_env().home)  # the CLI used the home's key


def test_docs_ledgers_md_is_written_from_the_specs() -> None:
    from graphreg.ledger.docs import markdown
    doc = Path(__file__).parent.parent / "docs" / "ledgers.md"
    assert doc.read_text("utf-8") == markdown(), "run: python -c \"from graphreg.ledger.docs " \
        "import markdown; open('docs/ledgers.md','w').write(markdown())\""
    for k in KINDS.values():
        assert f"## {k.name} ({k.zh})" in markdown()


def test_large_imports_commit_in_chunks_and_mark_their_batches_complete(
        geo: Store, core_files: list) -> None:
    seen: list[tuple[str, int, int]] = []
    res = import_ledgers(geo, core_files, key=KEY, transaction_rows=3,
                         progress=lambda k, d, n: seen.append((k, d, n)))
    assert [f.created for f in res.files] == [2, 3, 2, 3, 2]
    assert seen == [("households", 2, 2), ("members", 3, 3), ("units", 2, 2),
                    ("assignments", 3, 3), ("measures", 2, 2)]
    batches = [dict(p) for labels, p in graph_snapshot(geo, ignore=())["nodes"]
               if labels == ("Batch",)]
    assert len(batches) == 5 and all(b["complete"] is True for b in batches)
    assert len(ledger_rows(geo, "members")) == 3 and len(ledger_rows(geo, "assignments")) == 3


def test_skip_mode_rejects_every_row_of_a_file_with_a_bad_header(geo: Store,
                                                                  tmp_path: Path) -> None:
    h = write(tmp_path / "h.csv", f"户编号,行政村代码,户主姓名,家庭人口数,主要致贫原因\nH1,{V1},甲,2,1\n")
    m = write(tmp_path / "m.csv", "户编号,姓名,与户主关系\nH1,甲,户主\nH1,乙,之妻\n")
    res = import_ledgers(geo, [("households", h), ("members", m)], key=KEY, on_error="skip")
    assert res.exit_code == 1
    assert [(f.kind, f.created, f.rejected) for f in res.files] == [
        ("households", 1, 0), ("members", 0, 2)]
    assert [(p.row, p.column) for p in res.errors] == [(1, "id_number")]
    with open(tmp_path / "m.rejected.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert [r[0] for r in rows] == ["row", "2", "3"] and rows[1][-1].startswith(
        "required column 身份证号码 (id_number) is missing")
    assert ledger_rows(geo, "members") == []
    with pytest.raises(Exception, match="--on-error must be abort or skip, not 'ignore'"):
        import_ledgers(geo, [("households", h)], key=KEY, on_error="ignore")  # type: ignore[arg-type]
