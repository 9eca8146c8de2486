"""Overlaps: help piled up or counted twice.

- :func:`overlapping_help`: the same measure type for one household from two units in
  overlapping periods;
- :func:`overhelped_households`: households helped by many more units than the other
  households of their village (median);
- :func:`shared_persons`: one person (same ID number) listed in two or more households;
- :func:`similar_units`: pairs of units whose household sets are nearly the same (Jaccard),
  counted per household with a length filter, never through a full projection.

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
import statistics
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from itertools import combinations
from typing import Any

import networkx as nx

from ..model import MEASURE_TYPES
from ..project import active_on
from .common import helping_units, households

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
        d["type_name"] = MEASURE_TYPES.get(self.type, self.type)
        return d


def overlapping_help(G: nx.DiGraph, *, day: dt.date | None = None) -> list[Overlap]:
    """Every pair of measures of the same type for the same household from two different units
    whose periods overlap (an open end counts as running), ordered by household, type, units.

    Parameters
    ----------
    G: a county graph (:mod:`graphreg.project`).
    day: when given, only measures active on that day count (so the overlap covers it).
        Households of any status are looked at.

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
            if md["kind"] != "measure" or not active_on(md.get("start"), md.get("end"), day):
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


@dataclass(frozen=True, order=True)
class Overhelped:
    """A household helped by many more units than the other helped households of its village."""

    household: str
    village: str
    units: int
    village_median: float
    peers: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def overhelped_households(G: nx.DiGraph, *, day: dt.date | None = None, excess: float = 4,
                          min_peers: int = 3) -> list[Overhelped]:
    """Households helped by at least ``excess`` more units than the median of their village.

    A unit helps a household when it assists it or gives it a measure active on ``day``
    (defaults to the graph's ``date``). The median is taken over the *other* households of
    the same village that some unit helps (its peers), so one household cannot raise its own
    bar; villages with fewer than ``min_peers`` peers are not judged. Any status counts, but
    only households registered by the graph's as-of year.

    Parameters
    ----------
    G: a county graph (:mod:`graphreg.project`).
    day: the day help must be active on.
    excess: how many units above the peers' median make a household stand out.
    min_peers: the fewest peers a comparison needs.

    Returns
    -------
    A sorted list of :class:`Overhelped`.

    >>> from graphreg.project import empty_county_graph, add_household, add_assist
    >>> G = empty_county_graph()
    >>> for h, n in (("h1", 1), ("h2", 1), ("h3", 2), ("h4", 6)):
    ...     add_household(G, {"id": h, "village": "v1", "status": "未脱贫"})
    ...     for i in range(n):
    ...         add_assist(G, {"unit": f"u{i}", "household": h})
    >>> [(o.household, o.units, o.village_median) for o in overhelped_households(G)]
    [('h4', 6, 1)]
    """
    day = G.graph.get("date") if day is None else day
    by_village: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for n, d in households(G):  # registered as of the graph's year, any status
        k = len(helping_units(G, n, day))
        if k:
            by_village[d["village"]].append((d["id"], k))
    out = []
    for village, rows in by_village.items():
        if len(rows) - 1 < min_peers:
            continue
        counts = sorted(k for _, k in rows)
        for hid, k in rows:
            peers = list(counts)
            peers.remove(k)
            med = statistics.median(peers)
            if k - med >= excess:
                out.append(Overhelped(hid, village, k, med, len(peers)))
    return sorted(out)


@dataclass(frozen=True, order=True)
class SharedPerson:
    """One person (one ID number) listed as a member of two or more households."""

    pid: str
    masked: str
    households: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["households"] = list(self.households)
        return d


def shared_persons(G: nx.DiGraph) -> list[SharedPerson]:
    """Persons who are members of more than one household, counting households in other
    counties (the person node's ``elsewhere``), ordered by pid. Any status counts.

    Parameters
    ----------
    G: a county graph (:mod:`graphreg.project`).

    Returns
    -------
    A sorted list of :class:`SharedPerson` with all their household ids, sorted.

    >>> from graphreg.project import empty_county_graph, add_household, add_person
    >>> G = empty_county_graph()
    >>> for h in ("h1", "h2"):
    ...     add_household(G, {"id": h, "village": "v1", "status": "未脱贫"})
    >>> add_person(G, {"pid": "p1", "masked": "5204**", "household": "h1"})
    >>> add_person(G, {"pid": "p1", "masked": "5204**", "household": "h2"})
    >>> add_person(G, {"pid": "p2", "masked": "5204**", "household": "h2"})
    >>> [(s.pid, s.households) for s in shared_persons(G)]
    [('p1', ('h1', 'h2'))]
    """
    out = []
    for n, d in G.nodes(data=True):
        if d.get("kind") != "person":
            continue
        hs = {G.nodes[h]["id"] for h in G.successors(n)} | set(d.get("elsewhere") or ())
        if len(hs) > 1:
            out.append(SharedPerson(d["pid"], d.get("masked") or "", tuple(sorted(hs))))
    return sorted(out)


@dataclass(frozen=True, order=True)
class UnitPair:
    """Two units whose sets of helped households are nearly the same."""

    unit_a: str
    unit_b: str
    shared: int
    households_a: int
    households_b: int
    jaccard: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def similar_units(G: nx.DiGraph, *, threshold: float = 0.8, min_households: int = 5,
                  day: dt.date | None = None) -> list[UnitPair]:
    """Pairs of units each helping at least ``min_households`` households of ``G`` whose
    household sets have a Jaccard similarity of at least ``threshold``.

    The sets are never projected onto a unit–unit graph. Each household's helping units are
    listed once (an inverted index: household → units); a pair is counted there only when the
    two set sizes allow the threshold at all (``|A| ≥ threshold·|B|``, the length filter of
    all-pairs similarity search), so a unit helping thousands of households is never paired
    with the small ones. Memory grows with the number of candidate pairs, not with the square
    of the units.

    Parameters
    ----------
    G: a county graph (:mod:`graphreg.project`).
    threshold: the least Jaccard similarity reported, between 0 (exclusive) and 1.
    min_households: units helping fewer households are left out.
    day: the day help must be active on (defaults to the graph's ``date``).

    Returns
    -------
    Pairs ordered by ``unit_a, unit_b`` (``unit_a`` sorts first); ``jaccard`` rounded to 4 places.

    >>> from graphreg.project import empty_county_graph, add_household, add_assist
    >>> G = empty_county_graph()
    >>> for i in range(5):
    ...     add_household(G, {"id": f"h{i}", "village": "v1", "status": "未脱贫"})
    ...     for u in ("a", "b") + (("c",) if i < 3 else ()):
    ...         add_assist(G, {"unit": u, "household": f"h{i}"})
    >>> [(p.unit_a, p.unit_b, p.jaccard) for p in similar_units(G, min_households=3, threshold=0.6)]
    [('a', 'b', 1.0), ('a', 'c', 0.6), ('b', 'c', 0.6)]

    References
    ----------
    R. J. Bayardo, Y. Ma, R. Srikant, "Scaling up all pairs similarity search", WWW 2007.
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold {threshold} must lie in (0, 1]")
    day = G.graph.get("date") if day is None else day
    index: list[list[str]] = []
    size: Counter[str] = Counter()
    for n, d in G.nodes(data=True):
        if d.get("kind") != "household":
            continue
        us = sorted(helping_units(G, n, day))
        if len(us) > 1:
            index.append(us)
        size.update(us)
    shared: Counter[tuple[str, str]] = Counter()
    for us in index:
        us = [u for u in us if size[u] >= min_households]
        for a, b in combinations(us, 2):
            sa, sb = size[a], size[b]
            if min(sa, sb) >= threshold * max(sa, sb):
                shared[a, b] += 1
    out = []
    for (a, b), c in shared.items():
        j = c / (size[a] + size[b] - c)
        if j >= threshold - 1e-12:
            out.append(UnitPair(a, b, c, size[a], size[b], round(j, 4)))
    return sorted(out)
