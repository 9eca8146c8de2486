"""Concentration: is help spread over the households or piled on a few?

Per village and per county: households, measures and cost, the share of cost going to the top
10% of households, and the Gini coefficient of cost per household; and the households ranked by
help received.

    >>> gini([0, 0, 0, 10])
    0.75
    >>> top_share([5, 1, 1, 1, 1, 1, 0, 0, 0, 0])
    0.5
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx

from .common import helping_units, households, measures_for


def gini(values: Sequence[float]) -> float:
    """The Gini coefficient of non-negative ``values`` (0: equal; near 1: one takes all).

    Empty input or a zero total gives 0.0. Rounded to 4 places.

    >>> gini([]), gini([3, 3, 3]), gini([1, 0])
    (0.0, 0.0, 0.5)
    """
    xs = sorted(values)
    n, total = len(xs), sum(xs)
    if n == 0 or total == 0:
        return 0.0
    weighted = sum(i * x for i, x in enumerate(xs, start=1))
    return round(2 * weighted / (n * total) - (n + 1) / n, 4)


def top_share(values: Sequence[float], share: float = 0.1) -> float:
    """The part of the total held by the top ``share`` of values (at least one value).

    >>> top_share([]), top_share([1, 1]), top_share([9, 1], 0.5)
    (0.0, 0.5, 0.9)
    """
    xs = sorted(values, reverse=True)
    total = sum(xs)
    if not xs or total == 0:
        return 0.0
    k = max(1, math.ceil(len(xs) * share - 1e-9))
    return round(sum(xs[:k]) / total, 4)


@dataclass(frozen=True, order=True)
class HouseholdHelp:
    """Help received by one household up to the day asked."""

    household: str
    village: str
    cost: float
    measures: int
    units: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def household_help(G: nx.DiGraph, *, day: dt.date | None = None) -> list[HouseholdHelp]:
    """Cost and number of measures started on or before ``day`` (defaults to the graph's
    ``date``; ``None``: all), and units helping on that day, for every household registered
    by then, ranked by cost, then measures, then household id.

    >>> from graphreg.project import empty_county_graph, add_household, add_measure
    >>> G = empty_county_graph()
    >>> for h in ("h1", "h2"):
    ...     add_household(G, {"id": h, "village": "v1", "status": "未脱贫"})
    >>> add_measure(G, {"id": "m1", "type": "medical", "unit": "u1", "household": "h2", "cost": 500})
    >>> [(r.household, r.cost) for r in household_help(G)]
    [('h2', 500), ('h1', 0)]
    """
    day = G.graph.get("date") if day is None else day
    out = []
    for n, d in households(G):
        cost, k = 0, 0
        for _, md, _u in measures_for(G, n):
            if day is None or md.get("start") is None or md["start"] <= day:
                cost += md.get("cost") or 0
                k += 1
        out.append(HouseholdHelp(d["id"], d["village"], cost, k, len(helping_units(G, n, day))))
    out.sort(key=lambda r: (-r.cost, -r.measures, r.household))
    return out


@dataclass(frozen=True, order=True)
class Concentration:
    """How help is spread over the households of one village or county."""

    level: str
    code: str
    name: str
    households: int
    measures: int
    cost: float
    #: Share of cost going to the top 10% of households (at least one).
    top10_share: float
    gini: float
    #: The households at the top, most help first (the top 10%, at least one).
    top_households: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["top_households"] = list(self.top_households)
        return d


def concentration(G: nx.DiGraph, *, level: str = "village", day: dt.date | None = None,
                  help_rows: list[HouseholdHelp] | None = None) -> list[Concentration]:
    """Concentration of cost per village (``level="village"``) or for the whole county graph
    (``"county"``), ordered by code. Households with no measures count with cost 0.

    Parameters
    ----------
    G: a county graph (:mod:`graphreg.project`).
    level: ``village`` or ``county``.
    day: see :func:`household_help`.
    help_rows: the result of :func:`household_help`, if already computed.

    Returns
    -------
    One :class:`Concentration` per village (or one for the county) with households.

    >>> from graphreg.project import empty_county_graph, add_household, add_measure
    >>> G = empty_county_graph("c1")
    >>> for i in range(10):
    ...     add_household(G, {"id": f"h{i}", "village": "v1", "status": "未脱贫"})
    ...     add_measure(G, {"id": f"m{i}", "type": "medical", "unit": "u1",
    ...                     "household": f"h{i}", "cost": 910 if i == 0 else 10})
    >>> c = concentration(G)[0]
    >>> c.households, c.cost, c.top10_share, c.top_households
    (10, 1000, 0.91, ('h0',))
    """
    if level not in ("village", "county"):
        raise ValueError(f"level {level!r}: use 'village' or 'county'")
    rows = household_help(G, day=day) if help_rows is None else help_rows
    groups: dict[str, list[HouseholdHelp]] = defaultdict(list)
    for r in rows:  # already ranked
        groups[r.village if level == "village" else G.graph.get("county", "")].append(r)
    out = []
    for code, rs in groups.items():
        costs = [r.cost for r in rs]
        k = max(1, math.ceil(len(rs) * 0.1 - 1e-9))
        node = G.nodes.get(f"V:{code}" if level == "village" else f"K:{code}", {})
        out.append(Concentration(level, code, node.get("label") or code, len(rs),
                                 sum(r.measures for r in rs), sum(costs), top_share(costs),
                                 gini(costs), tuple(r.household for r in rs[:k])))
    return sorted(out)


def concentrated_villages(G: nx.DiGraph, *, share: float = 0.5, min_households: int = 10,
                          day: dt.date | None = None,
                          help_rows: list[HouseholdHelp] | None = None) -> list[Concentration]:
    """Villages with at least ``min_households`` households where the top 10% of households
    receive at least ``share`` of the cost, ordered by code.

    >>> from graphreg.project import empty_county_graph
    >>> concentrated_villages(empty_county_graph())
    []
    """
    return [c for c in concentration(G, level="village", day=day, help_rows=help_rows)
            if c.households >= min_households and c.top10_share >= share]
