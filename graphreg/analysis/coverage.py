"""Coverage and assessment counts per year: who is registered, helped, targeted, exits, returns.

:func:`coverage_counts` gives additive counts for one county graph, per year and per group (a
village, a township, the county), so that :func:`graphreg.analysis.run.report` can add them
over counties and turn them into shares.

    >>> from graphreg.project import empty_county_graph, add_household, add_assist
    >>> G = empty_county_graph()
    >>> add_household(G, {"id": "h1", "village": "v1", "size": 3, "status": "脱贫",
    ...                   "history": [(2014, "未脱贫"), (2016, "脱贫")]})
    >>> add_assist(G, {"unit": "c1", "household": "h1"})
    >>> c = coverage_counts(G, [2015, 2016])
    >>> c[("", 2015)].in_poverty, c[("", 2015)].assisted, c[("", 2016)].exits
    (1, 1, 1)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, fields
from typing import Any

import networkx as nx

from ..project import active_on, status_as_of, year_end
from .common import ACTIVE_STATUSES, helping_units, measures_for
from .overlaps import overlapping_help

EXITED = "脱贫"
RETURNED = "返贫"


@dataclass
class CoverageCounts:
    """Additive counts for one group and year (see :func:`coverage_counts`)."""

    households: int = 0          # registered by the end of the year (any status)
    people: int = 0
    in_poverty: int = 0          # registered and not exited at the end of the year
    people_in_poverty: int = 0
    assisted: int = 0            # in poverty and directly helped on 31 December
    targeted: int = 0            # in poverty with an active measure addressing the main cause
    entries: int = 0             # first registered that year
    exits: int = 0               # status changed to 脱贫 that year
    returns: int = 0             # status changed to 返贫 that year
    overlaps: int = 0            # overlapping pairs of same-type measures running on 31 December
    cost: float = 0              # cost of measures started that year

    def add(self, other: CoverageCounts) -> CoverageCounts:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def coverage_counts(G: nx.DiGraph, years: Iterable[int], *,
                    group: Callable[[dict[str, Any]], str] | None = None,
                    active: tuple[str, ...] = ACTIVE_STATUSES
                    ) -> dict[tuple[str, int], CoverageCounts]:
    """Counts per ``(group, year)`` for the households of ``G``.

    Parameters
    ----------
    G: a county graph (:mod:`graphreg.project`); statuses are re-read from each household's
        history for every year, whatever the graph's as-of year.
    years: the years to count.
    group: household data → group key (default: one group ``""``).
    active: the statuses that count as in poverty.

    Returns
    -------
    A dict keyed by ``(group, year)``; groups without households are absent.
    """
    ys = sorted(set(years))
    key = group or (lambda _d: "")
    mapping = G.graph.get("addresses", {})
    out: dict[tuple[str, int], CoverageCounts] = {}
    overlaps_by_household: dict[str, list[tuple[dt.date, dt.date | None]]] = {}
    for o in overlapping_help(G, day=None):
        overlaps_by_household.setdefault(o.household, []).append((o.start, o.end))
    for n, d in G.nodes(data=True):
        if d.get("kind") != "household":
            continue
        g = key(d)
        history = d.get("history") or ()
        first = min((y for y, _ in history), default=d.get("registered_year"))
        ms = [md for _, md, _u in measures_for(G, n)]
        for y in ys:
            st = status_as_of(history, y, current=d.get("latest_status", d.get("status")),
                              registered_year=d.get("registered_year"))
            if st is None:
                continue
            day = year_end(y)
            c = out.setdefault((g, y), CoverageCounts())
            c.households += 1
            c.people += d.get("size") or 0
            c.entries += first == y
            c.exits += any(yy == y and s == EXITED for yy, s in history)
            c.returns += any(yy == y and s == RETURNED for yy, s in history)
            c.cost += sum(md.get("cost") or 0 for md in ms
                          if md.get("start") is not None and md["start"].year == y)
            c.overlaps += sum(1 for s, e in overlaps_by_household.get(d["id"], ())
                              if active_on(s, e, day))
            if st not in active:
                continue
            c.in_poverty += 1
            c.people_in_poverty += d.get("size") or 0
            c.assisted += bool(helping_units(G, n, day))
            main = d.get("main_cause")
            c.targeted += main is not None and any(
                main in mapping.get(md["type"], ()) for md in ms
                if active_on(md.get("start"), md.get("end"), day))
    return out

