"""Templates and exports: the same columns the importer reads, written from the same spec.

CSV is written in UTF-8 with a byte-order mark by default (Excel opens it correctly) or in any
encoding asked for (``gb18030`` for older Excel). ``.xlsx`` paths get a workbook. Cells that
begin with ``=``, ``+``, ``-`` or ``@`` are protected from being run as formulas; the importer
reads them back unchanged.

    >>> header_row(kind("areas"))
    ['片区代码', '片区名称', '县代码']
    >>> header_row(kind("areas"), headers="en")
    ['area', 'area_name', 'county']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

from ..db import Store
from ..errors import InputError
from ..reports import write_csv
from .spec import Kind, kind
from .values import cell

Headers = Literal["zh", "en"]


def header_row(k: Kind, *, headers: Headers = "zh") -> list[str]:
    """The header of a ``k`` ledger, in Chinese (default) or English."""
    return [c.zh if headers == "zh" else c.name for c in k.columns]


def _write(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]], encoding: str
           ) -> int:
    if path.is_dir():
        raise InputError(f"{path}: is a directory; give a file name with --out, e.g. "
                         f"{path / 'ledger.csv'}")
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise InputError(f"{path}: a ledger is written as .csv or .xlsx (what `graphreg "
                         f"import` reads); name the file {path.with_suffix('.csv').name} or "
                         f"{path.with_suffix('.xlsx').name}")
    enc = encoding.lower().replace("_", "-")
    enc = "utf-8-sig" if enc in ("utf-8", "utf8") else encoding
    if path.suffix.lower() != ".xlsx":
        try:
            "".encode(enc)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}; use utf-8 or gb18030") from None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix.lower() == ".xlsx":
            return _write_xlsx(path, header, rows)
        return write_csv(path, (dict(zip(header, r)) for r in rows), header, encoding=enc)
    except UnicodeEncodeError as e:
        path.unlink(missing_ok=True)
        raise InputError(f"{path}: the text {e.object[e.start:e.end]!r} cannot be written in "
                         f"encoding {encoding!r}; use --encoding utf-8 (or gb18030 for older "
                         "Excel)") from None
    except OSError as e:
        raise InputError(f"{path}: cannot write the file ({e.strerror or e}); choose a path "
                         "in a folder you can write to with --out") from None


def _write_xlsx(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> int:
    import openpyxl
    n = 0
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(list(header))
    for r in rows:
        ws.append(list(r))
        for c in ws[ws.max_row]:
            c.data_type = "s"  # text, never a formula; codes keep their leading zeros
        n += 1
    wb.save(path)
    return n




def write_template(kind_name: str, path: Path, *, headers: Headers = "zh",
                   encoding: str = "utf-8") -> Path:
    """Write an empty ledger of kind ``kind_name`` (header only) to ``path`` (.csv or .xlsx).

    Returns the path written.
    """
    try:
        k = kind(kind_name)
    except ValueError as e:
        raise InputError(str(e)) from None
    _write(path, header_row(k, headers=headers), [], encoding)
    return path


def ledger_rows(store: Store, kind_name: str) -> list[dict[str, Any]]:
    """The graph's records of ``kind_name`` as ledger rows (field → value)."""
    try:
        k = kind(kind_name)
    except ValueError as e:
        raise InputError(str(e)) from None
    return store.query(k.state_statement, keys=None)


def export_ledger(store: Store, kind_name: str, path: Path, *, headers: Headers = "zh",
                  encoding: str = "utf-8") -> int:
    """Write every record of ``kind_name`` in the graph to ``path`` in ledger form.

    Parameters
    ----------
    store: the database.
    kind_name: a record kind (households, members, units, …).
    path: a .csv file (or .xlsx).
    headers: ``"zh"`` Chinese column names (default) or ``"en"``.
    encoding: CSV encoding; ``utf-8`` is written with a byte-order mark.

    Returns
    -------
    The number of rows written. Member rows carry the person key and the masked number, never
    the ID-card number (graphreg does not have it).
    """
    rows = ledger_rows(store, kind_name)
    k = kind(kind_name)
    return _write(path, header_row(k, headers=headers),
                  ([cell(r.get(c.name)) for c in k.columns] for r in rows), encoding)
