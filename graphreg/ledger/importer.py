"""Importing ledgers: read, validate every row, compare with the graph, write in one transaction.

The steps, for one or several files (of one or several kinds) imported together:

1. read each file as text (:mod:`graphreg.ledger.read`) and map its header to the kind's columns;
2. parse every cell and run the kind's checks, collecting every :class:`Problem` (file, row,
   column, value, message with the fix);
3. check keys repeated with different values, and references (village, county, unit, household
   codes) against the graph and against the valid rows of the same import;
4. read the graph's current rows for the same keys and sort each row into created, updated or
   unchanged, so that importing the same file again writes nothing;
5. write a ``(:Batch)`` per file and the created and updated rows, all in ONE transaction.

With ``on_error="abort"`` (the default) any problem stops the import before step 5 and nothing
is written (:class:`LedgerError`, exit code 2). With ``on_error="skip"`` the good rows are
written and the rejected ones go, with the reason, to ``<file stem>.rejected.csv`` beside the
input (exit code 1).
"""

from __future__ import annotations

import csv
import datetime
import getpass
import hashlib
import os
import secrets
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..db import Store
from ..errors import InputError
from ..ids import hash_id, mask_id, validate_id
from ..reports import safe_cell
from ..schema import refresh_statistics
from .read import Table, read_table
from .spec import KINDS as KINDS_BY_NAME
from .spec import ORDER, Column, Kind
from .spec import kind as get_kind
from .values import cell

OnError = Literal["abort", "skip"]


@dataclass(frozen=True)
class Problem:
    """One problem with an input: where, what value, what is wrong and how to fix it.
    ``row`` is the spreadsheet row (the header is row 1)."""

    file: str
    row: int
    column: str
    value: str
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        col = f", column {self.column}" if self.column else ""
        val = f" ({self.value!r})" if self.value else ""
        return f"{self.file}, row {self.row}{col}{val}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "row": self.row, "column": self.column, "value": self.value,
                "message": self.message, "severity": self.severity}


@dataclass
class FileReport:
    """What happened to one input file."""

    kind: str
    file: str
    encoding: str
    batch: str | None = None
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    rejected_file: str | None = None
    sha256: str = ""

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class ImportResult:
    """The outcome of :func:`import_ledgers`."""

    files: list[FileReport]
    errors: list[Problem]
    warnings: list[Problem]
    written: bool
    on_error: OnError

    @property
    def exit_code(self) -> int:
        """0: every row imported; 1: some rows rejected (``skip``); 2: aborted, nothing written."""
        if not self.errors:
            return 0
        return 1 if self.written else 2

    @property
    def rejected_rows(self) -> int:
        """How many data rows were rejected (one row may have several problems)."""
        return sum(f.rejected for f in self.files)

    def summary(self) -> str:
        """Rejected rows and problems, counted apart.

        >>> r = ImportResult([FileReport("households", "h.csv", "utf-8", rejected=6)],
        ...                  [Problem("h.csv", 2, "size", "0", "bad")] * 12, [], True, "skip")
        >>> r.summary()
        '6 rows rejected (12 problems); see the .rejected.csv files'
        """
        rows, n = self.rejected_rows, len(self.errors)
        return (f"{rows} row{'s' if rows != 1 else ''} rejected ({n} problem"
                f"{'s' if n != 1 else ''}); see the .rejected.csv files")

    def as_dict(self) -> dict[str, Any]:
        return {"written": self.written, "exit_code": self.exit_code,
                "rejected_rows": self.rejected_rows, "problems": len(self.errors),
                "files": [f.as_dict() for f in self.files],
                "errors": [p.as_dict() for p in self.errors],
                "warnings": [p.as_dict() for p in self.warnings]}


class LedgerError(InputError):
    """The import was aborted: nothing was written. ``result`` holds every problem."""

    def __init__(self, result: ImportResult) -> None:
        self.result = result
        n = len(result.errors)
        rows = result.rejected_rows
        #: one line without the problems, for callers that list them elsewhere (the CLI)
        self.headline = (
            f"{n} problem{'s' if n != 1 else ''} found ({rows} row{'s' if rows != 1 else ''} "
            "rejected, listed above); nothing was written. Correct the rows and import again, "
            "or use --on-error skip to import the good rows and get the rejected ones in a "
            ".rejected.csv file.")
        shown = "\n".join(f"  {p}" for p in result.errors[:20])
        more = f"\n  … and {n - 20} more" if n > 20 else ""
        super().__init__(
            f"{n} problem{'s' if n != 1 else ''} found; nothing was written:\n{shown}{more}\n"
            "Correct the rows and import again, or use --on-error skip to import the good rows "
            "and get the rejected ones in a .rejected.csv file.")


@dataclass
class _Row:
    """A data row on its way through validation."""

    table: Table
    kind: Kind
    row: int
    cells: list[str]
    record: dict[str, Any]
    reasons: list[str] = field(default_factory=list)
    action: str = ""
    raw: dict[str, str] = field(default_factory=dict)

    def shown(self, column: str) -> str:
        """The cell as the file has it (after normalisation)."""
        return self.raw.get(column, cell(self.record.get(column)))

    @property
    def ok(self) -> bool:
        return not self.reasons


@dataclass
class _File:
    kind: Kind
    table: Table
    columns: dict[int, Column]
    report: FileReport
    key: bytes = b""
    rows: list[_Row] = field(default_factory=list)
    header_problems: list[Problem] = field(default_factory=list)


def rejected_path(path: Path) -> Path:
    """Where the rejected rows of ``path`` go: ``<stem>.rejected.csv`` beside it.

    >>> rejected_path(Path("/data/households.xlsx"))
    PosixPath('/data/households.rejected.csv')
    """
    return path.with_name(path.stem + ".rejected.csv")


class _Collector:
    def __init__(self) -> None:
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []

    def error(self, r: _Row | None, f: _File, row: int, column: str, value: str,
              message: str) -> None:
        self.errors.append(Problem(str(f.table.path), row, column, value, message))
        if r is not None:
            r.reasons.append(f"{column}: {message}" if column else message)

    def warning(self, f: _File, row: int, column: str, value: str, message: str) -> None:
        self.warnings.append(Problem(str(f.table.path), row, column, value, message, "warning"))


# ---- step 1 and 2: header and cells -----------------------------------------------------------
def _map_header(f: _File, c: _Collector) -> None:
    seen: dict[str, int] = {}
    for i, h in enumerate(f.table.header):
        if not h:
            continue
        col = f.kind.column(h)
        if col is None:
            c.warning(f, 1, h, "", f"column {h!r} is not part of a {f.kind.name} ledger and is "
                      "ignored")
            continue
        if col.name in seen:
            p = Problem(str(f.table.path), 1, h, "", f"column {col.name} ({col.zh}) appears twice "
                        f"(columns {seen[col.name] + 1} and {i + 1}); keep one of them")
            f.header_problems.append(p)
            continue
        seen[col.name] = i
        f.columns[i] = col
    present = {col.name for col in f.columns.values()}
    for col in f.kind.columns:
        if col.required and col.name not in present:
            f.header_problems.append(Problem(
                str(f.table.path), 1, col.name, "",
                f"required column {col.zh} ({col.name}) is missing; add it to the header row "
                f"(see `graphreg template {f.kind.name}`)"))
    if f.kind.name == "members" and not present & {"id_number", "pid"}:
        f.header_problems.append(Problem(
            str(f.table.path), 1, "id_number", "",
            "required column 身份证号码 (id_number) is missing; add it to the header row "
            "(see `graphreg template members`)"))
    c.errors.extend(f.header_problems)


def _unquote(v: str) -> str:
    # graphreg's exports protect cells from spreadsheet formulas with a leading apostrophe
    return v[1:] if len(v) > 1 and v[0] == "'" and v[1] in "=+-@" else v


def _parse_row(f: _File, row: int, cells: list[str], c: _Collector) -> _Row:
    r = _Row(f.table, f.kind, row, cells, {})
    for i, col in f.columns.items():
        v = _unquote(cells[i]) if i < len(cells) else ""
        r.raw[col.name] = v
        if v == "":
            if col.required:
                c.error(r, f, row, col.name, "", f"{col.zh} ({col.name}) is empty; it is required")
            r.record[col.name] = (list(col.default) if isinstance(col.default, tuple)
                                  else col.default)
            continue
        try:
            r.record[col.name] = col.parse(v)
        except ValueError as e:
            c.error(r, f, row, col.name, v, str(e))
            r.record[col.name] = None
    for col in f.kind.columns:
        r.record.setdefault(col.name, list(col.default) if isinstance(col.default, tuple)
                            else col.default)
    if r.ok and f.kind.check:
        for name, msg in f.kind.check(r.record):
            c.error(r, f, row, name, r.shown(name), msg)
    if f.kind.name == "members" and r.ok:
        _derive_person(f, r, c)

    return r


def _derive_person(f: _File, r: _Row, c: _Collector) -> None:
    number = r.record.pop("id_number", None)
    if number:
        idx = next(i for i, col in f.columns.items() if col.name == "id_number")
        shown = mask_id(number) if len(number) > 8 else number
        hint = ("the cell is a number in Excel, which loses the last digits: format the "
                "column as text and type the numbers again")
        if (r.row, idx) in f.table.numeric:
            # an 18-digit number is beyond a spreadsheet's 15 significant digits: whatever
            # it reads back as, it is not the number that was typed, even if it passes the check
            c.error(r, f, r.row, "id_number", shown, f"the ID-card number is not text; {hint}")
            return
        try:
            clean = validate_id(number)
        except ValueError as e:
            c.error(r, f, r.row, "id_number", shown, str(e))
            return
        r.record["pid"] = hash_id(clean, f.key)
        r.record["masked"] = mask_id(clean)
        born = int(clean[6:10])
        if r.record.get("birth_year") is None:
            r.record["birth_year"] = born
        elif r.record["birth_year"] != born:
            c.error(r, f, r.row, "birth_year", str(r.record["birth_year"]),
                    f"the birth year {r.record['birth_year']} disagrees with the ID-card number "
                    f"(born {born}); correct one of the two")


# ---- step 3: keys and references ---------------------------------------------------------------
def _parsed_key(k: Kind, r: _Row) -> tuple[Any, ...] | None:
    """The row's key, or None when a key cell is blank or could not be read."""
    if not r.record:
        return None
    key = tuple(r.record.get(x) for x in k.key)
    if any(v is None or isinstance(v, list) for v in key):
        return None
    return key


def _shown_key(k: Kind, r: _Row) -> str:
    return " / ".join(str(r.record.get("masked" if x == "pid" else x)) for x in k.key)


def _same_key_checks(files: list[_File], c: _Collector) -> None:
    by_kind: dict[str, list[_File]] = defaultdict(list)
    for f in files:
        by_kind[f.kind.name].append(f)
    for fs in by_kind.values():
        k = fs[0].kind
        first: dict[tuple[Any, ...], _Row] = {}
        for f in fs:
            for r in f.rows:
                key = _parsed_key(k, r)
                if key is None:
                    continue
                prev = first.get(key)
                if prev is None:
                    first[key] = r
                    continue
                if not r.ok:
                    continue  # rejected anyway
                if not prev.ok:
                    # the first row is rejected for another reason: the later one is not
                    # imported in its place, the conflict is reported
                    where = f"row {prev.row}" + ("" if prev.table is r.table else
                                                 f" of {prev.table.path}")
                    c.error(r, f, r.row, k.key[0], r.shown(k.key[0]),
                            f"{_shown_key(k, r)} is also on {where}, which is rejected; "
                            f"keep one row per {' and '.join(k.key)} and correct it")
                    continue
                diff = [x for x in k.fields if prev.record.get(x) != r.record.get(x)]
                if not diff:
                    r.action = "duplicate"
                    continue
                where = f"row {prev.row}" + ("" if prev.table is r.table else
                                             f" of {prev.table.path}")
                shown = _shown_key(k, r)
                c.error(r, f, r.row, diff[0], r.shown(diff[0]),
                        f"{shown} is already on {where} with {diff[0]} {prev.shown(diff[0])!r}; "
                        f"keep one row per {' and '.join(k.key)}")
        for field_, agree in k.consistent:
            seen: dict[Any, _Row] = {}
            for f in fs:
                for r in f.rows:
                    if not r.ok:
                        continue
                    prev = seen.setdefault(r.record[field_], r)
                    for a in agree:
                        if prev.record.get(a) != r.record.get(a):
                            c.error(r, f, r.row, a, r.shown(a),
                                    f"{field_} {r.record[field_]} is called "
                                    f"{prev.shown(a)!r} on row {prev.row}; use one "
                                    "name for one code")


def _known(store: Store, files: list[_File]) -> dict[str, set[str]]:
    want: dict[str, set[str]] = defaultdict(set)
    for f in files:
        for r in f.rows:
            for col in f.kind.columns:
                v = r.record.get(col.name)
                if v is None or col.ref is None:
                    continue
                if col.ref == "base":
                    for t in ("villages", "townships", "counties"):
                        want[t].add(v)
                elif col.ref == "target":
                    level = r.record.get("level") or "household"
                    want[{"household": "households", "village": "villages",
                          "county": "counties"}[level]].add(v)
                else:
                    want[col.ref + "s" if col.ref != "county" else "counties"].add(v)
    names = ("villages", "townships", "counties", "households", "units")
    res = store.query("ledger_known", **{n: sorted(want.get(n, ())) for n in names})
    return {n: set(res[0][n]) if res else set() for n in names}


_WHAT = {"village": "village code", "county": "county code", "household": "household",
         "unit": "unit", "base": "village, township or county code"}
_FIX = {"village": "check the code against the division table or import the geography first "
        "(`graphreg geography import`)",
        "county": "check the code or import the geography first (`graphreg geography import`)",
        "household": "import the household first (households ledger) or correct the number",
        "unit": "import the unit first (units ledger) or correct the code",
        "base": "check the code or import the geography first"}


def _reference_checks(store: Store, files: list[_File], c: _Collector) -> None:
    known = _known(store, files)
    ordered = sorted(files, key=lambda f: ORDER.index(f.kind.name))
    for f in ordered:
        for r in f.rows:
            if not r.ok:
                continue
            for col in f.kind.columns:
                v = r.record.get(col.name)
                if v is None or col.ref is None:
                    continue
                ref = col.ref
                if ref == "target":
                    ref = r.record["level"]
                if ref == "base":
                    ok = v in known["villages"] or v in known["townships"] or v in known["counties"]
                else:
                    ok = v in known["counties" if ref == "county" else ref + "s"]
                if not ok:
                    c.error(r, f, r.row, col.name, v,
                            f"no {_WHAT[ref]} {v} in the graph or in this import; {_FIX[ref]}")
        # rows that passed become known to the kinds written after this one
        if f.kind.name in ("households", "units"):
            target = known["households" if f.kind.name == "households" else "units"]
            target.update(r.record["id"] for r in f.rows if r.ok)


def _population_checks(store: Store, files: list[_File], c: _Collector) -> None:
    """Warn about a village population smaller than the people registered there (the poverty
    incidence would exceed 100%): usually a typo or the wrong village code."""
    rows = [(f, r) for f in files if f.kind.name == "village-population" for r in f.rows
            if r.ok]
    if not rows:
        return
    people = {x["code"]: x["people"] for x in store.query(
        "ledger_village_people", codes=sorted({r.record["code"] for _, r in rows}))}
    for f, r in rows:
        n, pop = people.get(r.record["code"], 0), r.record["population"]
        if n > pop:
            c.warning(f, r.row, "population", str(pop),
                      f"population {pop} is smaller than the {n} people registered in village "
                      f"{r.record['code']}; check the number and the village code")


def _identity_checks(store: Store, files: list[_File], c: _Collector) -> None:
    """Warn about people listed in more than one household, and mark each such row that is
    not the person's first (home) household as ``extra``: it adds a membership with its own
    relation and leaves the person's details as the home row set them."""
    members = [(f, r) for f in files if f.kind.name == "members" for r in f.rows if r.ok]
    if not members:
        return
    homes: dict[str, set[str]] = defaultdict(set)
    home: dict[str, str] = {}
    for row in store.query("ledger_person_households",
                           pids=sorted({r.record["pid"] for _, r in members})):
        homes[row["pid"]].add(row["household"])
        if not row["extra"]:
            home[row["pid"]] = row["household"]
    for f, r in members:
        pid, hh = r.record["pid"], r.record["household"]
        first = home.setdefault(pid, hh)
        r.record["extra"] = first != hh
        others = sorted(homes[pid] - {hh})
        if others:
            c.warning(f, r.row, "id_number", r.record["masked"],
                      f"duplicate identity: {r.record['masked']} ({r.record['name']}) is also a "
                      f"member of household {', '.join(others)}; both memberships are kept, "
                      "check which one is right")
        homes[pid].add(hh)


# ---- step 4: compare with the graph ------------------------------------------------------------
def _plain(v: Any) -> Any:
    if hasattr(v, "to_native"):
        return v.to_native()
    if isinstance(v, tuple):
        return list(v)
    return v


def _classify(store: Store, files: list[_File]) -> None:
    by_kind: dict[str, list[_Row]] = defaultdict(list)
    for f in files:
        by_kind[f.kind.name].extend(r for r in f.rows if r.ok and r.action != "duplicate")
    for name, rows in by_kind.items():
        k = get_kind(name)
        if not rows:
            continue
        keys = sorted({r.record[k.key[0]] for r in rows})
        kept = {c.name for c in k.columns if c.keep}
        state = {k.key_of(s): s for s in store.query(k.state_statement, keys=keys)}
        # a household with status changes takes its status from the latest one; the
        # households file's status column only seeds households without history
        history = ({x["id"] for x in store.query("ledger_households_with_history", keys=keys)}
                   if name == "households" else set())
        for r in rows:
            s = state.get(k.key_of(r.record))
            ignored = {"status"} if name == "households" and r.record["id"] in history else set()
            if s is None:
                r.action = "created"
            elif any(_plain(s.get(x)) != r.record.get(x) for x in k.fields
                     if not (x in kept and r.record.get(x) is None) and x not in ignored):
                r.action = "updated"
            else:
                r.action = "unchanged"


# ---- the whole import --------------------------------------------------------------------------
def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _write_rejected(f: _File) -> Path | None:
    bad = [r for r in f.rows if not r.ok]
    if not bad and not f.header_problems:
        return None
    out = rejected_path(f.table.path)
    width = max([len(f.table.header)] + [len(r.cells) for r in f.rows])
    with open(out, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["row", *f.table.header, *[""] * (width - len(f.table.header)), "reason"])
        header_reason = "; ".join(p.message for p in f.header_problems)
        for r in f.rows:
            if r.ok and not header_reason:
                continue
            reason = header_reason or "; ".join(r.reasons)
            w.writerow([r.row, *[safe_cell(x) for x in r.cells],
                        *[""] * (width - len(r.cells)), safe_cell(reason)])
    return out


def parse_inputs(kind_name: str, files: Sequence[str | Path]) -> list[tuple[str, Path]]:
    """Command-line file arguments → (kind, path) pairs; ``KIND=path`` names another kind.

    >>> parse_inputs("households", ["h.csv", "members=m.csv"])
    [('households', PosixPath('h.csv')), ('members', PosixPath('m.csv'))]
    """
    out = []
    for f in files:
        name, sep, rest = str(f).partition("=")
        if sep and name.replace("_", "-") in KINDS_BY_NAME:
            out.append((name.replace("_", "-"), Path(rest)))
        else:
            out.append((kind_name, Path(f)))
    return out


#: Imports writing at most this many rows commit in ONE transaction; larger ones commit in
#: chunks of CHUNK_ROWS (a server's transaction memory is limited), see :func:`import_ledgers`.
TRANSACTION_ROWS = 20_000
CHUNK_ROWS = 5_000


def import_ledgers(store: Store, inputs: Sequence[tuple[str, Path]], *, key: bytes,
                   on_error: OnError = "abort", encoding: str | None = None,
                   sheet: str | None = None, operator: str | None = None,
                   transaction_rows: int = TRANSACTION_ROWS,
                   progress: Callable[[str, int, int], None] | None = None) -> ImportResult:
    """Import ledger files into the graph.

    Parameters
    ----------
    store: the database.
    inputs: (kind, path) pairs; kinds are names from :data:`graphreg.ledger.spec.KINDS`. Files
        imported together may refer to each other (members to the households of the same import).
    key: the ID-number hashing key (:func:`graphreg.ids.load_key`).
    on_error: ``"abort"`` writes nothing if any row is bad (raises :class:`LedgerError`);
        ``"skip"`` writes the good rows and puts the bad ones in ``<stem>.rejected.csv``.
    encoding: force a CSV encoding (default: detected).
    sheet: the .xlsx sheet to read (default: the first).
    operator: who imports (default: ``$USER``).
    transaction_rows: every row is validated before anything is written; when at most this
        many rows are to be written they commit in ONE transaction (all or nothing). Larger
        imports commit in chunks of :data:`CHUNK_ROWS` rows: the batches are marked
        ``complete: false`` until the last chunk commits, and since imports are idempotent,
        running an interrupted import again finishes it.
    progress: called as ``progress(kind, rows_done, rows_total)`` while writing.

    Returns
    -------
    An :class:`ImportResult` (per-file counts, errors, warnings; ``exit_code``).
    """
    if on_error not in ("abort", "skip"):
        raise InputError(f"--on-error must be abort or skip, not {on_error!r}")
    if not inputs:
        raise InputError("no file to import; name at least one FILE")
    c = _Collector()
    files: list[_File] = []
    for kind_name, path in inputs:
        try:
            k = get_kind(kind_name)
        except ValueError as e:
            raise InputError(str(e)) from None
        t = read_table(Path(path), encoding=encoding, sheet=sheet)
        report = FileReport(k.name, str(t.path), t.encoding, sha256=_sha256(t.path))
        f = _File(k, t, {}, report, key)
        _map_header(f, c)
        if not t.rows:
            c.warning(f, 1, "", "", "the file has a header row but no data rows, so nothing "
                      "was imported from it; check that this is the right file"
                      + (" and sheet (--sheet)" if t.sheet else ""))
        if not f.header_problems:
            f.rows = [_parse_row(f, row, cells, c) for row, cells in t.rows]
        else:
            f.rows = [_Row(t, k, row, cells, {}, ["bad header"]) for row, cells in t.rows]
        files.append(f)
    _same_key_checks(files, c)
    _reference_checks(store, files, c)
    _identity_checks(store, files, c)
    _population_checks(store, files, c)
    c.errors.sort(key=lambda p: (p.file, p.row))
    if c.errors and on_error == "abort":
        for f in files:
            f.report.rows = len(f.rows)
            f.report.rejected = sum(1 for r in f.rows if not r.ok)
        raise LedgerError(ImportResult([f.report for f in files], c.errors, c.warnings, False,
                                       on_error))
    _classify(store, files)
    now = datetime.datetime.now(datetime.UTC)
    who = operator or os.environ.get("USER") or getpass.getuser()
    batches: list[dict[str, Any]] = []
    parts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for i, f in enumerate(files):
        rep = f.report
        rep.batch = f"B{now:%Y%m%d%H%M%S}-{secrets.token_hex(4)}-{i + 1}"
        rep.rows = len(f.rows)
        for r in f.rows:
            if not r.ok:
                rep.rejected += 1
            elif r.action in ("unchanged", "duplicate"):
                rep.unchanged += 1
            else:
                setattr(rep, r.action, getattr(rep, r.action) + 1)
                row = {x: v for x, v in r.record.items() if x not in f.kind.input_only}
                parts[f.kind.name].append(dict(row, batch=rep.batch, row=r.row, action=r.action))
        batches.append({"id": rep.batch, "kind": f.kind.name, "file": Path(rep.file).name,
                        "sha256": rep.sha256, "time": now, "seq": i + 1, "operator": who,
                        "rows": rep.rows,
                        "created": rep.created, "updated": rep.updated,
                        "unchanged": rep.unchanged, "rejected": rep.rejected})
    work = [(get_kind(n).statement, n, parts[n]) for n in ORDER if parts.get(n)]
    total = sum(len(rows) for _, _, rows in work)
    if total <= transaction_rows:
        for b in batches:
            b["complete"] = True
        store.write_all([("ledger_write_batch", batches)] +
                        [(stmt, rows) for stmt, _, rows in work])
        if progress:
            for _, name, rows in work:
                progress(name, len(rows), len(rows))
    else:
        for b in batches:
            b["complete"] = False
        store.write("ledger_write_batch", batches)
        for stmt, name, rows in work:
            store.write(stmt, rows, batch_size=CHUNK_ROWS, report=progress, task=name)
        store.write("ledger_finish_batch", [{"id": b["id"]} for b in batches])
        refresh_statistics(store)
    if on_error == "skip":
        for f in files:
            out = _write_rejected(f)
            f.report.rejected_file = str(out) if out else None
    return ImportResult([f.report for f in files], c.errors, c.warnings, True, on_error)
