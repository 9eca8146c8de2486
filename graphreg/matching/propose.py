"""Proposals from the graph: read each county's problem, solve it, explain every pair.

:func:`propose_assignments` reads the graph and changes nothing. Its :class:`Proposal` holds
one row per proposed pair (household, unit and why) and one row per household that cannot be
served (unit empty, reason given), so the whole proposal is one table a planner can edit and
hand to :func:`graphreg.matching.apply.apply_proposal`.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..model import CAUSES
from ..reports import write_csv, write_json
from .problem import (FIT_NAMES, LEVEL_NAMES, MAIN, NONE, SECONDARY, UNITS_FULL, HelperUnit,
                      Instance, NeedyHousehold, Weights, build_instance, tree_distance)
from .solve import Solution, solve_flow, solve_greedy

if TYPE_CHECKING:
    from ..db import Store

#: Statuses of a household still in the registry's care (registered, not exited).
ACTIVE_STATUSES: tuple[str, ...] = ("未脱贫", "返贫", "预脱贫")

#: Columns of a proposal file. ``household`` and ``unit`` are what apply reads (plus an
#: optional ``role``); the rest explains the pair. A row with an empty ``unit`` is a household
#: that cannot be served, with the ``reason``.
COLUMNS: tuple[str, ...] = (
    "county", "household", "head_name", "village", "need", "main_cause", "unit", "unit_name",
    "unit_kind", "unit_base", "cause_fit", "addressed", "level", "distance", "cost",
    "load_before", "load_after", "capacity", "reason")


@dataclass
class CountySummary:
    """Figures of one county's proposal, with the greedy baseline on the same data."""

    county: str
    households: int = 0
    unassisted: int = 0
    mistargeted: int = 0
    units: int = 0
    free_capacity: int = 0
    candidate_pairs: int = 0
    covered: int = 0
    unserved: dict[str, int] = field(default_factory=dict)
    cost: int = 0
    fit_main: int = 0
    fit_secondary: int = 0
    #: highest load after the proposal, in % of capacity, over the units given households.
    max_load_pct: int = 0
    #: most households newly given to one unit.
    max_new: int = 0
    seconds: float = 0.0
    greedy_covered: int = 0
    greedy_cost: int = 0
    greedy_fit_main: int = 0
    greedy_max_load_pct: int = 0
    greedy_max_new: int = 0
    greedy_seconds: float = 0.0
    #: time spent reading the county from the graph.
    read_seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Proposal:
    """Rows (see :data:`COLUMNS`), per-county figures and the settings of the run."""

    rows: list[dict[str, Any]]
    counties: list[CountySummary]
    weights: Weights
    created: str
    locked_households: list[str] = field(default_factory=list)
    locked_units: list[str] = field(default_factory=list)

    @property
    def pairs(self) -> list[dict[str, Any]]:
        return [r for r in self.rows if r["unit"]]

    def totals(self) -> dict[str, Any]:
        keys = ("households", "covered", "cost", "fit_main", "greedy_covered", "greedy_cost",
                "greedy_fit_main")
        out: dict[str, Any] = {k: sum(getattr(c, k) for c in self.counties) for k in keys}
        out["max_load_pct"] = max((c.max_load_pct for c in self.counties), default=0)
        out["greedy_max_load_pct"] = max((c.greedy_max_load_pct for c in self.counties), default=0)
        out["max_new"] = max((c.max_new for c in self.counties), default=0)
        out["greedy_max_new"] = max((c.greedy_max_new for c in self.counties), default=0)
        out["seconds"] = round(sum(c.seconds for c in self.counties), 3)
        out["greedy_seconds"] = round(sum(c.greedy_seconds for c in self.counties), 3)
        return out

    def as_dict(self) -> dict[str, Any]:
        return {"kind": "graphreg-match-proposal", "created": self.created,
                "weights": self.weights.as_dict(), "locked_households": self.locked_households,
                "locked_units": self.locked_units, "totals": self.totals(),
                "counties": [c.as_dict() for c in self.counties], "rows": self.rows}

    def write(self, path: Path) -> int:
        """Write the proposal as ``.csv`` (rows only), ``.xlsx`` (rows as text-safe cells, and
        the county figures on a second sheet: best for editing in a spreadsheet) or ``.json``
        (rows, figures, weights). Returns the number of rows written."""
        suffix = path.suffix.lower()
        if suffix == ".json":
            write_json(path, self.as_dict())
            return len(self.rows)
        if suffix == ".csv":
            return write_csv(path, self.rows, COLUMNS)
        if suffix == ".xlsx":
            return self._write_xlsx(path)
        raise InputError(f"{path}: a proposal is written as .csv, .xlsx or .json; name the "
                         "file so")

    def _write_xlsx(self, path: Path) -> int:
        # Household ids have 16 digits: a spreadsheet opening the CSV shows them as rounded
        # numbers. In .xlsx they are text cells and survive editing.
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = "proposal"
        ws.append(list(COLUMNS))
        for r in self.rows:
            ws.append([r.get(c) for c in COLUMNS])
        ws.freeze_panes = "A2"
        summary = wb.create_sheet("counties")
        cols = list(CountySummary.__dataclass_fields__)
        summary.append(cols)
        for c in self.counties:
            d = c.as_dict()
            summary.append([str(d[k]) if isinstance(d[k], dict) else d[k] for k in cols])
        path.parent.mkdir(parents=True, exist_ok=True)
        wb.save(path)
        return len(self.rows)


def _addressed(skills: Sequence[str], cause: int | None,
               addresses: Mapping[str, Iterable[int]]) -> str:
    if cause is None:
        return ""
    by = [s for s in skills if cause in set(addresses.get(s, ()))]
    return f"{cause} {CAUSES.get(cause, '')} by {', '.join(by)}" if by else ""


def _max_load_pct(inst: Instance, sol: Solution) -> int:
    extra = sol.unit_counts(inst)
    return max((round(100 * (inst.load[u] + n) / inst.capacity[u])
                for u, n in enumerate(extra) if n and inst.capacity[u]), default=0)


def solve_county(county: str, households: Sequence[NeedyHousehold], units: Sequence[HelperUnit],
                 addresses: Mapping[str, Iterable[int]], weights: Weights, *,
                 compare_greedy: bool = True) -> tuple[list[dict[str, Any]], CountySummary]:
    """Solve one county and explain it: the proposal rows and the county's figures.

    Parameters
    ----------
    county: the county code.
    households, units: the problem (see :func:`graphreg.matching.problem.build_instance`).
    addresses: measure-type code → cause codes it addresses.
    weights: the costs.
    compare_greedy: also run the greedy baseline and put its figures in the summary.

    Returns
    -------
    ``(rows, summary)``: rows as in :data:`COLUMNS`, households in id order.

    Examples
    --------
    >>> hh = [NeedyHousehold("h1", "520423101001", "520423", "unassisted", 1)]
    >>> us = [HelperUnit("u1", capacity=3, load=1, skills=("medical",), base="520423101")]
    >>> rows, s = solve_county("520423", hh, us, {"medical": [1]}, Weights())
    >>> r = rows[0]
    >>> r["unit"], r["cause_fit"], r["level"], r["distance"], r["load_before"], r["load_after"]
    ('u1', 'main', 'township', 1, 1, 2)
    >>> s.covered, s.cost
    (1, 11)
    """
    inst = build_instance(households, units, addresses, weights)
    sol = solve_flow(inst)
    summary = CountySummary(
        county=county, households=len(households),
        unassisted=sum(h.need == "unassisted" for h in households),
        mistargeted=sum(h.need == "mistargeted" for h in households),
        units=sum(u.free > 0 for u in units), free_capacity=sum(u.free for u in units),
        candidate_pairs=len(inst.pair_h), covered=sol.served, cost=sol.cost,
        fit_main=sum(inst.pair_fit[k] == MAIN for k in sol.chosen),
        fit_secondary=sum(inst.pair_fit[k] == SECONDARY for k in sol.chosen),
        max_load_pct=_max_load_pct(inst, sol), max_new=max(sol.unit_counts(inst), default=0),
        seconds=round(sol.seconds, 4))
    if compare_greedy:
        g = solve_greedy(inst)
        summary.greedy_covered, summary.greedy_cost = g.served, g.cost
        summary.greedy_fit_main = sum(inst.pair_fit[k] == MAIN for k in g.chosen)
        summary.greedy_max_load_pct = _max_load_pct(inst, g)
        summary.greedy_max_new = max(g.unit_counts(inst), default=0)
        summary.greedy_seconds = round(g.seconds, 4)
    after = [l + n for l, n in zip(inst.load, sol.unit_counts(inst))]
    pair_of = {inst.pair_h[k]: k for k in sol.chosen}
    rows: list[dict[str, Any]] = []
    reasons: Counter[str] = Counter()
    for hi, h in enumerate(households):
        row: dict[str, Any] = {
            "county": county, "household": h.id, "head_name": h.head_name, "village": h.village,
            "need": h.need, "main_cause": h.main_cause}
        k = pair_of.get(hi)
        if k is None:
            reason = inst.no_pair_reason.get(hi, UNITS_FULL)
            reasons[reason] += 1
            row.update({c: None for c in COLUMNS if c not in row})
            row["unit"] = ""
            row["reason"] = reason
        else:
            u = units[inst.pair_u[k]]
            fit = inst.pair_fit[k]
            cause = h.main_cause if fit == MAIN else next(
                (c for c in h.other_causes if _addressed(u.skills, c, addresses)), None
            ) if fit == SECONDARY else None
            ui = inst.pair_u[k]
            row.update({
                "unit": u.id, "unit_name": u.name, "unit_kind": u.kind, "unit_base": u.base,
                "cause_fit": FIT_NAMES[fit],
                "addressed": _addressed(u.skills, cause, addresses) if fit != NONE else "",
                "level": LEVEL_NAMES[inst.pair_level[k]],
                "distance": tree_distance(u.base, h.village), "cost": inst.pair_cost[k],
                "load_before": inst.load[ui], "load_after": after[ui],
                "capacity": inst.capacity[ui], "reason": ""})
        rows.append(row)
    summary.unserved = dict(sorted(reasons.items()))
    return rows, summary


def _households(rows: Iterable[dict[str, Any]]) -> list[NeedyHousehold]:
    return [NeedyHousehold(
        id=r["id"], village=r["village"], county=r["county"], need=r["need"],
        main_cause=r["main_cause"], other_causes=tuple(sorted(r["other_causes"] or ())),
        helpers=tuple(r["helpers"] or ()), head_name=r["head_name"]) for r in rows]


def _units(rows: Iterable[dict[str, Any]], locked: set[str]) -> list[HelperUnit]:
    return [HelperUnit(
        id=r["id"], capacity=int(r["capacity"] or 0), load=int(r["load"] or 0),
        skills=tuple(r["skills"] or ()), base=r["base"], county=r["county"],
        paired=bool(r["paired"]), name=r["name"], kind=r["kind"])
        for r in rows if r["id"] not in locked]


def read_locks(path: Path) -> tuple[list[str], list[str]]:
    """Households and units to lock, from a file of lines ``household,ID`` or ``unit,ID``
    (a header line ``kind,id`` and blank lines are skipped).

    Returns
    -------
    ``(households, units)``.
    """
    import csv

    hh: list[str] = []
    uu: list[str] = []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise InputError(
            f"{path}: cannot read the lock file ({e.strerror}); check the path") from None
    for n, rec in enumerate(csv.reader(text.splitlines()), start=1):
        if not rec or not "".join(rec).strip():
            continue
        kind = rec[0].strip().lower()
        if n == 1 and kind == "kind":
            continue
        if kind not in ("household", "unit") or len(rec) < 2 or not rec[1].strip():
            raise InputError(f"{path}, line {n}: write `household,ID` or `unit,ID` "
                             f"(got {','.join(rec)!r})")
        (hh if kind == "household" else uu).append(rec[1].strip())
    return hh, uu


def propose_assignments(store: "Store", *, counties: Sequence[str] | None = None,
                        weights: Weights | None = None, lock_households: Iterable[str] = (),
                        lock_units: Iterable[str] = (), today: dt.date | None = None,
                        active: Sequence[str] = ACTIVE_STATUSES, compare_greedy: bool = True,
                        progress: Callable[[str, int, int], None] | None = None) -> Proposal:
    """Propose which unit helps which household, county by county. Changes nothing.

    Parameters
    ----------
    store: the database.
    counties: county codes; default every county with registered, not exited households.
    weights: the costs (:class:`~graphreg.matching.problem.Weights`).
    lock_households: households left out of the run.
    lock_units: units given no new household (what they carry still counts).
    today: the day that decides which ASSISTS are current (default: today).
    active: the statuses that count as registered and not exited.
    compare_greedy: also run the greedy baseline (its figures go into the summaries).
    progress: ``progress(task, done, total)``, called after each county.

    Returns
    -------
    A :class:`Proposal`. Raises :class:`InputError` when a locked household or unit or a
    county is not in the graph.
    """
    weights = weights or Weights()
    today = today or dt.date.today()
    locked_h = sorted(set(lock_households))
    locked_u = set(lock_units)
    unknown = store.query("match_unknown_ids", households=locked_h, units=sorted(locked_u),
                          counties=list(counties or []))[0]
    bad = [f"{what} {', '.join(unknown[key])}" for what, key in (
        ("household", "households"), ("unit", "units"), ("county", "counties")) if unknown[key]]
    if bad:
        raise InputError(f"Not in the graph: {'; '.join(bad)}. Check the ids (a lock or county "
                         "that matches nothing would silently change nothing).")
    addresses = {r["type"]: list(r["causes"]) for r in store.query("match_addresses")}
    if counties is None:
        counties = [r["county"] for r in store.query("match_counties", active=list(active))]
    rows: list[dict[str, Any]] = []
    summaries = []
    for i, county in enumerate(counties):
        t0 = time.perf_counter()
        hh = _households(store.query("match_households", county=county, active=list(active),
                                     locked=locked_h, today=today))
        units = _units(store.query("match_units", county=county, today=today), locked_u)
        read = time.perf_counter() - t0
        county_rows, summary = solve_county(county, hh, units, addresses, weights,
                                            compare_greedy=compare_greedy)
        summary.read_seconds = round(read, 3)
        rows.extend(county_rows)
        summaries.append(summary)
        if progress:
            progress("counties", i + 1, len(counties))
    return Proposal(rows=rows, counties=summaries, weights=weights,
                    created=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                    locked_households=locked_h, locked_units=sorted(locked_u))


def parse_as_of(text: str) -> dt.date:
    """``--as-of`` as the other commands take it: a year (31 December of that year) or a day.

    Parameters
    ----------
    text: ``YYYY`` or ``YYYY-MM-DD``.

    Returns
    -------
    The day.

    >>> parse_as_of("2019"), parse_as_of("2019-06-30")
    (datetime.date(2019, 12, 31), datetime.date(2019, 6, 30))
    """
    t = text.strip()
    if len(t) == 4 and t.isdigit():
        return dt.date(int(t), 12, 31)
    try:
        return dt.date.fromisoformat(t)
    except ValueError:
        raise InputError(f"--as-of {text!r} is neither a year nor a day; write 2019 (the end "
                         "of that year) or 2019-06-30") from None
