"""Reading ledger files as offices save them: CSV (UTF-8, UTF-8 with BOM, GB18030/GBK) and .xlsx.

Everything comes back as text: no cell is ever turned into a blank because it reads "NA", "Nan"
or "null". Row numbers are the spreadsheet's (the header is row 1).

    >>> t = decode_text("户编号,户主姓名\\n1,NA\\n".encode("gb18030"), Path("a.csv"))
    >>> t.encoding, parse_csv_text(t.text)
    ('gb18030', [['户编号', '户主姓名'], ['1', 'NA']])
"""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from .values import normalise

_GB = ("gb2312", "gbk", "gb18030", "hz", "big5", "cp936")


@dataclass
class Table:
    """A file's header and rows as text. ``numeric`` holds (row, column index) of cells that
    were numbers in Excel (a long ID number stored as a number has lost its last digits)."""

    path: Path
    header: list[str]
    rows: list[tuple[int, list[str]]]
    encoding: str
    sheet: str | None = None
    numeric: set[tuple[int, int]] = field(default_factory=set)


@dataclass
class Decoded:
    text: str
    encoding: str


def decode_text(data: bytes, path: Path, encoding: str | None = None) -> Decoded:
    """Bytes → text. With ``encoding`` use it; otherwise UTF-8 (with or without BOM), then
    GB18030 (which includes GBK and GB2312), then the encoding charset-normalizer detects."""
    if encoding:
        enc = encoding.lower().replace("_", "-")
        if enc in ("utf-8", "utf8"):
            enc = "utf-8-sig"
        try:
            return Decoded(data.decode(enc), encoding)
        except LookupError:
            raise InputError(f"{path}: unknown encoding {encoding!r}; use utf-8, gb18030 or "
                             "another Python codec name") from None
        except UnicodeDecodeError as e:
            line = data[:e.start].count(b"\n") + 1
            raise InputError(
                f"{path}: line {line} is not valid {encoding} (byte {e.start}); the file is in "
                "another encoding: leave out --encoding to detect it, or try --encoding "
                f"{'utf-8' if enc.startswith('gb') else 'gb18030'}") from None
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8-sig" if data[:3] == b"\xef\xbb\xbf"
                       else "utf-8")
    except UnicodeDecodeError:
        pass
    # Not UTF-8: offices in China save GB18030/GBK (its subset). Short GBK text also decodes
    # as Korean or Japanese code pages, so GB18030 is tried before charset-normalizer guesses.
    try:
        return Decoded(data.decode("gb18030"), "gb18030")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes
    best = from_bytes(data).best()
    if best is not None:
        enc = "gb18030" if best.encoding in _GB else best.encoding
        try:
            return Decoded(data.decode(enc), enc)
        except (UnicodeDecodeError, LookupError):
            pass
    raise InputError(f"{path}: could not tell the file's encoding (it is not UTF-8 or GB18030); "
                     "save it as CSV UTF-8 from Excel, or pass --encoding NAME")


def parse_csv_text(text: str) -> list[list[str]]:
    """CSV text → lists of cells. Comma-separated; a header with more tabs or semicolons than
    commas switches to that separator (Excel in some locales saves ``;``).

    >>> parse_csv_text("a;b\\n1;2,5\\n")
    [['a', 'b'], ['1', '2,5']]
    """
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    delimiter = max(",\t;", key=lambda d: (first.count(d), d == ","))
    return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


def _xlsx_cell(v: object) -> tuple[str, bool]:
    if v is None:
        return "", False
    if isinstance(v, bool):
        return ("是" if v else "否"), False
    if isinstance(v, datetime.datetime):
        return (v.date().isoformat() if v.time() == datetime.time() else v.isoformat()), False
    if isinstance(v, datetime.date):
        return v.isoformat(), False
    if isinstance(v, float):
        return (str(int(v)) if v.is_integer() else repr(v)), True
    if isinstance(v, int):
        return str(v), True
    return str(v), False


def read_table(path: Path, *, encoding: str | None = None, sheet: str | None = None) -> Table:
    """Read ``path`` (.csv, .txt, .xlsx) into a :class:`Table`. Blank rows are dropped; cells
    are NFKC-normalised and stripped. Raises :class:`InputError` for unreadable files."""
    if not path.exists():
        raise InputError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a ledger file; name a .csv or .xlsx "
                         "file in it")
    suffix = path.suffix.lower()
    numeric: set[tuple[int, int]] = set()
    sheet_name = None
    if suffix in (".xlsx", ".xlsm"):
        import openpyxl
        try:
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as e:  # openpyxl raises several kinds for a broken or foreign file
            raise InputError(f"{path}: not a readable .xlsx workbook ({type(e).__name__}: {e}); "
                             "open it in Excel and save it again as .xlsx") from None
        try:
            if sheet is not None:
                if sheet not in wb.sheetnames:
                    raise InputError(f"{path}: no sheet {sheet!r}; the sheets are "
                                     f"{', '.join(wb.sheetnames)}; pass one with --sheet")
                ws = wb[sheet]
            else:
                ws = wb.worksheets[0]
            sheet_name = ws.title
            raw: list[list[str]] = []
            for r, values in enumerate(ws.iter_rows(values_only=True), start=1):
                cells = []
                for c, v in enumerate(values):
                    text, is_num = _xlsx_cell(v)
                    if is_num:
                        numeric.add((r, c))
                    cells.append(text)
                raw.append(cells)
        finally:
            wb.close()
        enc = "xlsx"
    elif suffix == ".xls":
        raise InputError(f"{path}: old .xls workbooks are not read; open it in Excel and save "
                         "it as .xlsx or as CSV UTF-8")
    else:
        try:
            data = path.read_bytes()
        except OSError as e:
            raise InputError(f"{path}: cannot read the file ({e.strerror or e}); check the "
                             "path and its permissions") from None
        if data[:4] == b"PK\x03\x04":
            raise InputError(f"{path}: this is an Excel file (.xlsx), not CSV text; rename it "
                             "to .xlsx, or save it from Excel as CSV UTF-8")
        if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            raise InputError(f"{path}: this is an old Excel workbook (.xls), not CSV text; "
                             "open it in Excel and save it as .xlsx or as CSV UTF-8")
        dec = decode_text(data, path, encoding)
        raw = parse_csv_text(dec.text)
        enc = dec.encoding
    cleaned = [[normalise(c) for c in row] for row in raw]
    first = next((i for i, row in enumerate(cleaned) if any(row)), None)
    if first is None:
        raise InputError(f"{path}: the file is empty; it needs a header row and data rows "
                         "(get one with `graphreg template KIND`)")
    header = cleaned[first]
    rows = [(i + 1, row) for i, row in enumerate(cleaned) if i > first and any(row)]
    return Table(path, header, rows, enc, sheet_name, numeric)
