"""Applying a reviewed proposal: write its pairs as ASSISTS relationships, with provenance.

The file is a proposal written by :meth:`graphreg.matching.propose.Proposal.write` and possibly
edited by a planner (rows deleted, a unit changed, a unit filled in for a household the
proposal could not serve). Only the ``household`` and ``unit`` columns are read (and ``role``
when present); rows with an empty ``unit`` are skipped. A household listed twice with two
units is refused unless ``allow_several_units`` says it is intended. The file is recorded as a
``(:Batch {id, kind: 'match-proposal', file (absolute path), sha256, time, operator, rows})``
whose id comes from the file's checksum, and each relationship written carries ``batch`` and
``row``: the spreadsheet row number in a CSV or .xlsx file (the header is row 1, as in the
ledgers), the 1-based position in a JSON file. A pair that already has a current ASSISTS
relationship is left alone, so applying the same file twice changes nothing.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "p.csv"
    >>> _ = p.write_text("household,unit,reason\\nH1,U1,\\nH2,,no unit\\n", encoding="utf-8")
    >>> read_proposal(p)
    [ProposedPair(row=2, household='H1', unit='U1', role='帮扶责任人')]
"""

from __future__ import annotations

import csv
import datetime as dt
import getpass
import hashlib
import io
import json
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError

if TYPE_CHECKING:
    from ..db import Store

#: The role written on proposed ASSISTS relationships when the file has no ``role`` column.
DEFAULT_ROLE = "帮扶责任人"


@dataclass(frozen=True)
class ProposedPair:
    row: int
    household: str
    unit: str
    role: str = DEFAULT_ROLE


@dataclass
class ApplyResult:
    """What applying a proposal did."""

    batch: str
    file: str
    sha256: str
    pairs: int
    created: int
    unchanged: int
    skipped_rows: int
    batch_created: bool

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _cell(v: Any) -> str:
    s = "" if v is None else str(v).strip()
    # undo the formula guard of graphreg.reports.safe_cell
    return s[1:] if s[:2] in ("'=", "'+", "'-", "'@") else s


def _records(path: Path, data: bytes) -> list[tuple[int, dict[str, Any]]]:
    """(row number, record) pairs: spreadsheet rows (header = 1) for CSV and .xlsx, the
    1-based position for JSON."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        try:
            doc = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            raise InputError(f"{path}: not valid JSON ({e}); write it with "
                             "`graphreg match propose --out FILE.json`") from None
        rows = doc.get("rows") if isinstance(doc, dict) else doc
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise InputError(f"{path}: expected a list of rows (objects with `household` and "
                             "`unit`) under the key `rows`")
        return list(enumerate(rows, start=1))
    if suffix == ".csv":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError:
                raise InputError(
                    f"{path}: neither UTF-8 nor GB18030; save it as CSV UTF-8") from None
        table = list(csv.reader(io.StringIO(text, newline="")))
        fields = [c.strip() for c in table[0]] if table else []
        missing = [c for c in ("household", "unit") if c not in fields]
        if missing:
            raise InputError(f"{path}, row 1: the header lacks column(s) {', '.join(missing)}; "
                             "keep the header that `graphreg match propose` wrote")
        return [(i, dict(zip(fields, r))) for i, r in enumerate(table, start=1)
                if i > 1 and any(c.strip() for c in r)]
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        try:
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as e:  # openpyxl raises several kinds for a damaged file
            raise InputError(f"{path}: not a readable .xlsx file ({e}); save it again from "
                             "the spreadsheet as .xlsx") from None
        ws = wb["proposal"] if "proposal" in wb.sheetnames else wb.worksheets[0]
        it = ws.iter_rows(values_only=True)
        header = [str(c).strip() if c is not None else "" for c in next(it, ())]
        missing = [c for c in ("household", "unit") if c not in header]
        if missing:
            raise InputError(f"{path}, sheet {ws.title}, row 1: the header lacks column(s) "
                             f"{', '.join(missing)}; keep the header that `graphreg match "
                             "propose` wrote")
        return [(i, dict(zip(header, row))) for i, row in enumerate(it, start=2)
                if any(c is not None and str(c).strip() for c in row)]
    raise InputError(f"{path}: a proposal is a .csv, .xlsx or .json file")


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise InputError(
            f"{path}: cannot read the proposal ({e.strerror}); check the path") from None


def read_proposal(path: Path, *, allow_several_units: bool = False) -> list[ProposedPair]:
    """The pairs of a proposal file, rows with an empty unit skipped.

    Parameters
    ----------
    path: a ``.csv``, ``.xlsx`` or ``.json`` proposal.
    allow_several_units: accept a household listed with two or more units.

    Returns
    -------
    One :class:`ProposedPair` per row with a unit, in file order.
    """
    data = _read(path)
    return _pairs(path, _records(path, data), allow_several_units)


def _pairs(path: Path, records: list[tuple[int, dict[str, Any]]],
           allow_several_units: bool = False) -> list[ProposedPair]:
    out = []
    seen: dict[tuple[str, str], int] = {}
    first_unit: dict[str, tuple[str, int]] = {}
    for i, r in records:
        line = f"row {i}"
        unit, household = _cell(r.get("unit")), _cell(r.get("household"))
        if not unit:
            continue
        if not household:
            raise InputError(f"{path}, {line}, column household: empty while unit is {unit!r}; "
                             "fill in the household or clear the unit")
        key = (household, unit)
        if key in seen:
            raise InputError(f"{path}, {line}: repeats the pair household {household} / unit "
                             f"{unit} of row {seen[key]}; delete one of them")
        prev = first_unit.get(household)
        if prev is not None and prev[0] != unit and not allow_several_units:
            raise InputError(f"{path}, {line}: household {household} is already given unit "
                             f"{prev[0]} on row {prev[1]}; keep one unit per household (clear "
                             "the unit of one row), or apply with --allow-several-units if "
                             "both should help it")
        first_unit.setdefault(household, (unit, i))
        seen[key] = i
        out.append(ProposedPair(i, household, unit, _cell(r.get("role")) or DEFAULT_ROLE))
    return out


def apply_proposal(store: "Store", path: Path, *, operator: str | None = None,
                   today: dt.date | None = None, allow_over_capacity: bool = False,
                   allow_several_units: bool = False) -> ApplyResult:
    """Write the pairs of a proposal file as ``(:Unit)-[:ASSISTS]->(:Household)``.

    Everything is checked first (households and units exist, no unit goes over its capacity)
    and written in one transaction: all pairs or none.

    Parameters
    ----------
    store: the database.
    path: the proposal (``.csv``, ``.xlsx`` or ``.json``).
    operator: who applies it (default: the login name).
    today: ``since`` of the new relationships, and the day that decides which are current.
    allow_over_capacity: write even if a unit ends above its capacity.
    allow_several_units: accept a household listed with two or more units (otherwise refused).

    Returns
    -------
    An :class:`ApplyResult`.
    """
    data = _read(path)
    today = today or dt.date.today()
    sha = hashlib.sha256(data).hexdigest()
    records = _records(path, data)
    pairs = _pairs(path, records, allow_several_units)
    skipped = len(records) - len(pairs)
    unit_ids = sorted({p.unit for p in pairs})
    units = {r["id"]: r for r in store.query("match_unit_loads", ids=unit_ids, today=today)}
    found = store.query("match_existing", households=sorted({p.household for p in pairs}),
                        rows=[{"unit": p.unit, "household": p.household} for p in pairs],
                        today=today)[0]
    households = set(found["households"])
    existing = {tuple(x) for x in found["pairs"]}
    def at(p: ProposedPair) -> str:
        return f"row {p.row}"

    unknown = [f"{at(p)}: unit {p.unit!r} is not in the graph" for p in pairs
               if p.unit not in units]
    unknown += [f"{at(p)}: household {p.household!r} is not in the graph" for p in pairs
                if p.household not in households]
    if unknown:
        more = f" (and {len(unknown) - 10} more)" if len(unknown) > 10 else ""
        raise InputError(f"{path}: " + "; ".join(unknown[:10]) + more +
                         ". Correct the ids or delete those rows, then apply again.")
    new = [p for p in pairs if (p.unit, p.household) not in existing]
    adds = Counter(p.unit for p in new)
    over = [f"{u} ({units[u]['load']} + {n} > capacity {units[u]['capacity']})"
            for u, n in sorted(adds.items()) if units[u]["load"] + n > units[u]["capacity"]]
    if over and not allow_over_capacity:
        raise InputError(f"{path}: these units would carry more households than their capacity: "
                         + "; ".join(over[:10]) + ". Move some rows to other units, or apply "
                         "with --allow-over-capacity.")
    batch_id = f"match-{sha[:16]}"
    batch = {"id": batch_id, "file": str(path.resolve()), "sha256": sha,
             "operator": operator or getpass.getuser(), "rows": len(pairs)}
    rows = [{"unit": p.unit, "household": p.household, "since": today, "role": p.role,
             "batch": batch_id, "row": p.row} for p in new]
    written = store.write_all([("match_apply_batch", [batch]), ("match_apply_assists", rows)])
    created = written["match_apply_assists"].created
    return ApplyResult(batch=batch_id, file=str(path.resolve()), sha256=sha, pairs=len(pairs),
                       created=created, unchanged=len(pairs) - created, skipped_rows=skipped,
                       batch_created=written["match_apply_batch"].created > 0)
