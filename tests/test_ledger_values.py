"""Reading cells and files as offices save them (no database needed)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from graphreg.errors import InputError
from graphreg.ledger import KINDS
from graphreg.ledger.read import read_table
from graphreg.ledger.values import (
    cell,
    parse_bool,
    parse_date,
    parse_int,
    parse_number,
    parse_year,
)


@pytest.mark.parametrize("text", ["2016-03-01", "2016/3/1", "2016.3.1", "2016年3月1日",
                                  "2016 年 3 月 1 日", "20160301", "42430", "2016-03-01 00:00:00"])
def test_dates_in_every_office_spelling(text: str) -> None:
    assert parse_date(text) == dt.date(2016, 3, 1)


@pytest.mark.parametrize("text, message", [
    ("2016-02-30", "'2016-02-30' is not a real date (month 2 of 2016 has no day 30); check the "
                   "day and month"),
    ("2016-13-01", "'2016-13-01' is not a real date (month 13 of 2016 has no day 1); check the "
                   "day and month"),
    ("3/1/2016", "'3/1/2016' is not a date; write it as 2016-03-01, 2016/3/1, 2016.3.1 or "
                 "2016年3月1日"),
])
def test_impossible_dates_say_why(text: str, message: str) -> None:
    with pytest.raises(ValueError) as e:
        parse_date(text)
    assert str(e.value) == message


def test_numbers_years_and_flags() -> None:
    assert [parse_number(x) for x in ("1,234,567", "1,234.50", "¥300", "300元", "-0.5", "7")] \
        == [1234567, 1234.5, 300, 300, -0.5, 7]
    for bad in ("1,23", "12,34.5", "1.2.3", "", "一百"):
        with pytest.raises(ValueError):
            parse_number(bad)
    assert parse_int("3.0") == 3 and parse_year("2016年") == 2016 and parse_year("2016.0") == 2016
    with pytest.raises(ValueError, match="not a whole number"):
        parse_int("2.5")
    assert (parse_bool("是"), parse_bool("Y"), parse_bool("FALSE"), parse_bool("0")) == (
        True, True, False, False)
    assert cell(dt.date(2016, 3, 1)) == "2016-03-01" and cell(False) == "否" and cell(3.0) == "3"


def test_headers_in_chinese_english_any_case_and_spacing() -> None:
    h = KINDS["households"]
    for header in ("户主姓名", " 户主姓名 ", "head_name", "HEAD_NAME", "Head Name", "户主",
                   "户主姓名"):
        col = h.column(header)
        assert col is not None and col.name == "head_name", header
    assert h.column("人均纯收入（元）").name == "income"
    assert h.column("序号") is None


def test_csv_encodings_are_detected_and_na_is_a_value(tmp_path: Path) -> None:
    text = "户编号,户主姓名,备注\nH1,NA,\nH2,Nan,null\n\n,,\nH3,ＡＢＣ１２,\n"
    for enc, name in (("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gb18030", "gb18030"),
                      ("gbk", "gb18030")):
        p = tmp_path / f"{enc}.csv"
        p.write_bytes(text.encode(enc))
        t = read_table(p)
        assert t.encoding == name
        assert t.header == ["户编号", "户主姓名", "备注"]
        assert t.rows == [(2, ["H1", "NA", ""]), (3, ["H2", "Nan", "null"]),
                          (6, ["H3", "ABC12", ""])]


def test_tab_separated_and_leading_blank_rows_keep_spreadsheet_row_numbers(tmp_path: Path
                                                                           ) -> None:
    p = tmp_path / "t.txt"
    p.write_text("\n\n户编号\t户主姓名\nH1\t王伟\n", encoding="utf-8")
    t = read_table(p)
    assert t.header == ["户编号", "户主姓名"] and t.rows == [(4, ["H1", "王伟"])]


def test_unreadable_inputs_say_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file; check the path"):
        read_table(tmp_path / "missing.csv")
    p = tmp_path / "gb.csv"
    p.write_bytes("户编号\nH1\n".encode("gb18030"))
    with pytest.raises(InputError, match="try --encoding gb18030"):
        read_table(p, encoding="utf-8")
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        read_table(p, encoding="klingon")
    x = tmp_path / "broken.xlsx"
    x.write_bytes(b"not a zip")
    with pytest.raises(InputError, match="not a readable .xlsx workbook"):
        read_table(x)


def test_xlsx_exports_write_text_cells_never_formulas(tmp_path: Path) -> None:
    import openpyxl

    from graphreg.ledger.export import _write
    _write(tmp_path / "f.xlsx", ["a", "b"], [["=1+2", "-3"], ["@x", "052042"]], "utf-8")
    ws = openpyxl.load_workbook(tmp_path / "f.xlsx").active
    assert [(c.value, c.data_type) for row in ws.iter_rows(min_row=2) for c in row] == [
        ("=1+2", "s"), ("-3", "s"), ("@x", "s"), ("052042", "s")]
    t = read_table(tmp_path / "f.xlsx")
    assert t.rows == [(2, ["=1+2", "-3"]), (3, ["@x", "052042"])] and t.numeric == set()
