"""Cell values as offices type them → clean Python values, and back to cell text.

Every parser takes the cell text (already NFKC-normalised and stripped by the reader) and returns
the value or raises ``ValueError`` with a message that says what is wrong and how to fix it.
Blank cells never reach a parser (the reader decides blank vs. required). "NA", "Nan" and "null"
are ordinary text here: only an empty cell is blank.

    >>> parse_date("2016/3/1"), parse_date("2016.3.1"), parse_date("2016年3月1日")
    (datetime.date(2016, 3, 1), datetime.date(2016, 3, 1), datetime.date(2016, 3, 1))
    >>> parse_date("42430")
    datetime.date(2016, 3, 1)
    >>> parse_number("1,234.50"), parse_number("3.0"), parse_int("１２")
    (1234.5, 3, 12)
    >>> parse_bool("是"), parse_bool("no")
    (True, False)
    >>> parse_list("1;2、3")
    ['1', '2', '3']
    >>> cell(datetime.date(2016, 3, 1)), cell(True), cell([1, 2]), cell(None)
    ('2016-03-01', '是', '1;2', '')
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from typing import Any

_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_EXCEL_EPOCH = datetime.date(1899, 12, 30)
_NUMBER = re.compile(r"^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$")
_LIST_SEP = re.compile(r"[;,、|/]")

TRUE = ("是", "y", "yes", "true", "1", "t")
FALSE = ("否", "n", "no", "false", "0", "f")


def normalise(text: str) -> str:
    """Full-width letters, digits and punctuation folded (NFKC), outer spaces removed.

    >>> normalise(" ５２０４２３ ")
    '520423'
    """
    return unicodedata.normalize("NFKC", text).strip()


def parse_text(v: str) -> str:
    """Text as written (after normalisation)."""
    return v


def parse_code(v: str) -> str:
    """A code (village, county, household, unit…): text without inner spaces."""
    v = v.replace(" ", "")
    if v.endswith(".0") and v[:-2].isdigit():  # a code saved as a number by a spreadsheet
        v = v[:-2]
    return v


def parse_number(v: str) -> int | float:
    """A number; thousands separators allowed; whole numbers come back as ``int``."""
    t = v.replace(" ", "").replace("，", ",")
    if t.startswith(("¥", "￥")):
        t = t[1:]
    t = t.removesuffix("元")
    if not _NUMBER.match(t):
        raise ValueError(f"{v!r} is not a number; write digits such as 1234 or 1,234.50")
    x = float(t.replace(",", ""))
    return int(x) if x.is_integer() else x


def parse_int(v: str) -> int:
    """A whole number."""
    x = parse_number(v)
    if not isinstance(x, int):
        raise ValueError(f"{v!r} is not a whole number; write a whole number such as 3")
    return x


def parse_year(v: str) -> int:
    """A year from 1900 to 2100 (also accepted: 2016年)."""
    t = v.removesuffix("年")
    t = t.removesuffix(".0")
    if not (t.isdigit() and len(t) == 4):
        raise ValueError(f"{v!r} is not a year; write four digits such as 2016")
    y = int(t)
    if not 1900 <= y <= 2100:
        raise ValueError(f"year {y} is out of range; write a year between 1900 and 2100")
    return y


def parse_date(v: str) -> datetime.date:
    """A date: 2016-03-01, 2016/3/1, 2016.3.1, 2016年3月1日, 20160301 or an Excel day number."""
    t = v.replace(" 00:00:00", "").replace("T00:00:00", "")
    m = _DATE.match(t) or _COMPACT_DATE.match(t)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        try:
            return datetime.date(y, mo, d)
        except ValueError:
            raise ValueError(f"{v!r} is not a real date (month {mo} of {y} has no day {d}); "
                             "check the day and month") from None
    if t.isdigit() and 10000 <= int(t) <= 80000:  # an Excel day number (1927..2119)
        return _EXCEL_EPOCH + datetime.timedelta(days=int(t))
    raise ValueError(f"{v!r} is not a date; write it as 2016-03-01, 2016/3/1, 2016.3.1 "
                     "or 2016年3月1日")


def parse_bool(v: str) -> bool:
    """是/否, yes/no, true/false, 1/0, y/n."""
    t = v.lower()
    if t in TRUE:
        return True
    if t in FALSE:
        return False
    raise ValueError(f"{v!r} is neither yes nor no; write 是 or 否")


def parse_list(v: str) -> list[str]:
    """Several values separated by ``;`` ``,`` ``、`` ``|`` or ``/``."""
    return [p.strip() for p in _LIST_SEP.split(v) if p.strip()]


def cell(v: Any) -> str:
    """A value as cell text, the form the parsers read back."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "是" if v else "否"
    if hasattr(v, "to_native"):
        v = v.to_native()
    if isinstance(v, datetime.datetime):
        v = v.date()
    if isinstance(v, datetime.date):
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        return ";".join(cell(x) for x in v)
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)
