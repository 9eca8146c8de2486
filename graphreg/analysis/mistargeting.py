"""Mistargeting: help that misses the household's main cause of poverty.

Which causes a measure type addresses is read from the graph
(``(:MeasureType)-[:ADDRESSES]->(:Cause)``, projected into ``G.graph["addresses"]``), so a
planner who changes the mapping there changes the result.

    >>> from graphreg.project import empty_county_graph, add_household, add_measure
    >>> G = empty_county_graph(addresses={"medical": frozenset({1}), "education": frozenset({3})})
    >>> add_household(G, {"id": "h1", "village": "v1", "status": "未脱贫", "main_cause": 1,
    ...                   "other_causes": [3]})
    >>> add_measure(G, {"id": "m1", "type": "education", "unit": "u1", "household": "h1"})
    >>> [(m.household, m.kind) for m in mistargeted_households(G)]
    [('h1', 'secondary_only')]
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx

from ..model import CAUSES, MEASURE_TYPES
from ..project import active_on
from .common import ACTIVE_STATUSES, households, measures_for

#: Kinds of mistargeting: no measure addresses any of the household's causes' main one and
#: some measure addresses none of its causes (``unaddressed``), or every measure addresses
#: only secondary causes (``secondary_only``).
MISTARGET_KINDS: tuple[str, ...] = ("unaddressed", "secondary_only")


@dataclass(frozen=True, order=True)
class Mistargeted:
    """A household whose active measures do not address its main cause."""

    household: str
    village: str
    main_cause: int | None
    #: ``unaddressed`` or ``secondary_only``.
    kind: str
    #: The types of its active measures, sorted.
    types: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["types"] = list(self.types)
        d["cause"] = CAUSES.get(self.main_cause or 0)
        d["type_names"] = "、".join(MEASURE_TYPES.get(t, t) for t in self.types)
        return d


def mistargeted_households(G: nx.DiGraph, *, day: dt.date | None = None,
                           active: tuple[str, ...] = ACTIVE_STATUSES,
                           addresses: dict[str, frozenset[int]] | None = None
                           ) -> list[Mistargeted]:
    """Registered, not exited households with at least one measure active on ``day`` none of
    which addresses the main cause, by household id.

    Parameters
    ----------
    G: a county graph (:mod:`graphreg.project`).
    day: the day measures must be active on (defaults to the graph's ``date``; ``None``: any).
    active: the statuses that count as registered and not exited.
    addresses: measure type → causes; defaults to the mapping projected from the graph.

    Returns
    -------
    A sorted list of :class:`Mistargeted`. ``kind`` is ``secondary_only`` when every active
    measure addresses one of the household's other causes, else ``unaddressed``. Households
    without a recorded main cause or without active measures are not judged (the latter are
    gaps, see :func:`graphreg.analysis.gaps.household_gaps`).
    """
    day = G.graph.get("date") if day is None else day
    mapping = G.graph.get("addresses", {}) if addresses is None else addresses
    out = []
    for n, d in households(G, active=active):
        main = d.get("main_cause")
        if main is None:
            continue
        types = [md["type"] for _, md, _u in measures_for(G, n)
                 if active_on(md.get("start"), md.get("end"), day)]
        if not types:
            continue
        if any(main in mapping.get(t, ()) for t in types):
            continue
        others = set(d.get("other_causes") or ())
        kind = "secondary_only" if all(others & set(mapping.get(t, ())) for t in types) \
            else "unaddressed"
        out.append(Mistargeted(d["id"], d["village"], main, kind, tuple(sorted(set(types)))))
    return sorted(out)
