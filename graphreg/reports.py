"""Writing results as CSV and JSON files.

CSV cells that begin with ``=``, ``+``, ``-`` or ``@`` are prefixed with ``'`` so that a
spreadsheet shows them instead of running them as formulas (numbers are left alone).

    >>> safe_cell("=SUM(A1)"), safe_cell("-5"), safe_cell(-5), safe_cell("王伟")
    ("'=SUM(A1)", '-5', -5, '王伟')
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def safe_cell(v: Any) -> Any:
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@") and not _NUMBER.match(v):
        return "'" + v
    return v


def _plain(v: Any) -> Any:
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if hasattr(v, "to_native"):
        return v.to_native().isoformat()
    if isinstance(v, (set, frozenset, tuple)):
        return list(v)
    return v


def _cell(v: Any) -> Any:
    if isinstance(v, (list, tuple, set, frozenset)):
        return safe_cell(";".join(map(str, v)))
    return safe_cell(_plain(v))


def write_csv(path: Path, rows: Iterable[dict[str, Any]], columns: Sequence[str], *,
              encoding: str = "utf-8") -> int:
    """Write ``rows`` with a header of ``columns``; returns the number of rows written.
    ``utf-8`` files get a byte-order mark so that Excel reads Chinese correctly."""
    path.parent.mkdir(parents=True, exist_ok=True)
    enc = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    n = 0
    with open(path, "w", encoding=enc, newline="") as fh:
        w = csv.writer(fh)
        w.writerow(columns)
        for r in rows:
            w.writerow([_cell(r.get(c)) for c in columns])
            n += 1
    return n


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=_plain)


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_json(data) + "\n", encoding="utf-8")
