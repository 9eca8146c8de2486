"""Overlaps: two units giving the same kind of help to one household at the same time.

    >>> import datetime as dt
    >>> from graphreg.project import empty_county_graph, add_household, add_measure
    >>> G = empty_county_graph()
    >>> add_household(G, {"id": "h1", "village": "v1", "status": "未脱贫", "main_cause": 1})
    >>> d = dt.date
    >>> add_measure(G, {"id": "m1", "type": "medical", "unit": "u1", "household": "h1",
    ...                 "start": d(2016, 1, 1), "end": d(2016, 12, 31)})
    >>> add_measure(G, {"id": "m2", "type": "medical", "unit": "u2", "household": "h1",
    ...                 "start": d(2016, 6, 1), "end": d(2017, 5, 31)})
    >>> [(o.household, o.type, o.unit_a, o.unit_b, str(o.start), str(o.end))
    ...  for o in overlapping_help(G)]
    [('h1', 'medical', 'u1', 'u2', '2016-06-01', '2016-12-31')]
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import asdict, dataclass
from itertools import combinations
from typing import Any

import networkx as nx

_OPEN = dt.date.max


@dataclass(frozen=True, order=True)
class Overlap:
    """Two measures of one type for one household, from two units, in overlapping periods."""

    household: str
    type: str
    unit_a: str
    unit_b: str
    measure_a: str
    measure_b: str
    start: dt.date
    end: dt.date | None  # None: both still running

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["start"] = self.start.isoformat()
        d["end"] = self.end.isoformat() if self.end else None
        return d


def overlapping_help(G: nx.DiGraph) -> list[Overlap]:
    """Every pair of measures of the same type for the same household from two different units
    whose periods overlap (an open end counts as running), ordered by household, type, units.

    Parameters
    ----------
    G: a county graph (:mod:`graphreg.project`).

    Returns
    -------
    One :class:`Overlap` per overlapping pair; ``unit_a`` sorts before ``unit_b``.
    """
    out: list[Overlap] = []
    for n, d in G.nodes(data=True):
        if d.get("kind") != "household":
            continue
        by_type: dict[str, list[tuple[str, str, dt.date, dt.date]]] = defaultdict(list)
        for m in G.predecessors(n):
            md = G.nodes[m]
            if md["kind"] != "measure":
                continue
            for u in G.predecessors(m):
                if G.nodes[u]["kind"] == "unit":
                    by_type[md["type"]].append(
                        (G.nodes[u]["id"], md["id"], md["start"] or dt.date.min, md["end"] or _OPEN))
        for t, ms in by_type.items():
            for a, b in combinations(sorted(ms, key=lambda x: (x[0], x[1])), 2):
                if a[0] == b[0]:
                    continue
                start, end = max(a[2], b[2]), min(a[3], b[3])
                if start <= end:
                    out.append(Overlap(d["id"], t, a[0], b[0], a[1], b[1], start,
                                       None if end == _OPEN else end))
    return sorted(out)
