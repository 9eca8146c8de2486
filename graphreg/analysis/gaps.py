"""Gaps: registered households, poor villages and poverty counties that nobody helps.

Household gaps are told apart by level (see :func:`household_gaps`): ``none`` (no help at all),
``village_only`` (only a work team in the village, no responsible cadre or measure) and
``ended`` (its own help ended before the day asked).

    >>> from graphreg.project import empty_county_graph, add_household, add_assist
    >>> G = empty_county_graph()
    >>> for h in ("h1", "h2"):
    ...     add_household(G, {"id": h, "village": "v1", "status": "未脱贫", "main_cause": 1})
    >>> add_assist(G, {"unit": "c1", "kind": "cadre", "household": "h1"})
    >>> [g.household for g in unassisted_households(G)]
    ['h2']
    >>> [(g.household, g.level) for g in household_gaps(G)]
    [('h2', 'none')]
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx

from ..model import CAUSES
from ..project import active_on
from .common import ACTIVE_STATUSES, assists_to, households, measures_for

__all__ = [
    "ACTIVE_STATUSES",
    "GAP_LEVELS",
    "CountyGap",
    "HouseholdGap",
    "UnassistedHousehold",
    "VillageGap",
    "household_gaps",
    "poor_villages_without_team",
    "poverty_counties_without_designated",
    "unassisted_households",
]

#: Household gap levels, most severe first.
GAP_LEVELS: tuple[str, ...] = ("none", "village_only", "ended")


@dataclass(frozen=True, order=True)
class UnassistedHousehold:
    """A household with no unit assisting it directly and no measure."""

    household: str
    village: str
    main_cause: int | None
    #: True when its village still has village-level help (a work team), so the gap is
    #: "no responsible cadre or measure" rather than "nothing at all".
    village_help: bool

    def as_dict(self) -> dict[str, Any]:
        return asdict(self) | {"cause": CAUSES.get(self.main_cause or 0)}


def unassisted_households(G: nx.DiGraph, *, active: tuple[str, ...] = ACTIVE_STATUSES
                          ) -> list[UnassistedHousehold]:
    """Registered, not exited households with no direct help at any time, by household id.

    Parameters
    ----------
    G: a county graph (:mod:`graphreg.project`).
    active: the statuses that count as still registered.

    Returns
    -------
    One :class:`UnassistedHousehold` per household that no unit ``assists`` and no measure is
    ``for`` (dates are not looked at; see :func:`household_gaps` for a given day).
    """
    out = []
    for n, d in households(G, active=active):
        if any(G.nodes[p]["kind"] in ("unit", "measure") for p in G.predecessors(n)):
            continue
        village = f"V:{d['village']}"
        village_help = village in G and any(True for _ in assists_to(G, village))
        out.append(UnassistedHousehold(d["id"], d["village"], d.get("main_cause"), village_help))
    return sorted(out)


@dataclass(frozen=True, order=True)
class HouseholdGap:
    """A registered, not exited household without direct help on the day asked."""

    household: str
    village: str
    #: ``none``, ``village_only`` or ``ended`` (see :func:`household_gaps`).
    level: str
    main_cause: int | None
    #: The last day its own help ran (``ended`` only).
    help_ended: dt.date | None = None

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["help_ended"] = self.help_ended.isoformat() if self.help_ended else None
        d["cause"] = CAUSES.get(self.main_cause or 0)
        return d


def household_gaps(G: nx.DiGraph, *, day: dt.date | None = None,
                   active: tuple[str, ...] = ACTIVE_STATUSES) -> list[HouseholdGap]:
    """Registered, not exited households with no direct help on ``day``, by household id.

    A household has direct help when a unit ``assists`` it (a responsible cadre) or a measure is
    ``for`` it, with a period covering ``day`` (``None``: any time; defaults to the graph's
    ``date``, the end of its as-of year). Each gap gets one level, checked in this order:

    - ``ended``: it had direct help, and all of it ended before ``day``;
    - ``village_only``: its village has a unit assisting it on ``day`` (a work team);
    - ``none``: nothing at all.

    Parameters
    ----------
    G: a county graph (:mod:`graphreg.project`).
    day: the day help must be active on.
    active: the statuses that count as registered and not exited.

    Returns
    -------
    A sorted list of :class:`HouseholdGap`; empty when every household is helped.

    >>> import datetime as dt
    >>> from graphreg.project import empty_county_graph, add_household, add_assist
    >>> G = empty_county_graph(as_of=2020)
    >>> add_household(G, {"id": "h1", "village": "v1", "status": "未脱贫", "registered_year": 2014})
    >>> add_assist(G, {"unit": "c1", "household": "h1", "since": dt.date(2015, 1, 1),
    ...                "until": dt.date(2019, 6, 30)})
    >>> [(g.level, str(g.help_ended)) for g in household_gaps(G)]
    [('ended', '2019-06-30')]
    """
    day = G.graph.get("date") if day is None else day
    out = []
    for n, d in households(G, active=active):
        ends: list[dt.date | None] = []
        helped = False
        for _, e in assists_to(G, n):
            if active_on(e.get("since"), e.get("until"), day):
                helped = True
                break
            ends.append(e.get("until"))
        if not helped:
            for _, md, _u in measures_for(G, n):
                if active_on(md.get("start"), md.get("end"), day):
                    helped = True
                    break
                ends.append(md.get("end"))
        if helped:
            continue
        ended = [e for e in ends if e is not None and day is not None and e < day]
        if ended:
            out.append(HouseholdGap(d["id"], d["village"], "ended", d.get("main_cause"), max(ended)))
            continue
        village = f"V:{d['village']}"
        vhelp = village in G and any(active_on(e.get("since"), e.get("until"), day)
                                     for _, e in assists_to(G, village))
        out.append(HouseholdGap(d["id"], d["village"], "village_only" if vhelp else "none",
                                d.get("main_cause")))
    return sorted(out)


@dataclass(frozen=True, order=True)
class VillageGap:
    """A village marked poor with no work team assisting it on the day asked."""

    village: str
    name: str
    households: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def poor_villages_without_team(G: nx.DiGraph, *, day: dt.date | None = None,
                               team_kinds: tuple[str, ...] = ("work_team",)) -> list[VillageGap]:
    """Villages marked poor that no unit of ``team_kinds`` assists on ``day``, by code.

    Parameters
    ----------
    G: a county graph (:mod:`graphreg.project`).
    day: the day (defaults to the graph's ``date``; ``None`` there: any time).
    team_kinds: the unit kinds that count as a village work team.

    Returns
    -------
    A sorted list of :class:`VillageGap` with the village's registered household count.

    >>> from graphreg.project import empty_county_graph, add_village, add_assist
    >>> G = empty_county_graph()
    >>> for v in ("v1", "v2", "v3"):
    ...     _ = add_village(G, {"code": v, "poor": v != "v3"})
    >>> add_assist(G, {"unit": "t1", "kind": "work_team", "village": "v1"})
    >>> [g.village for g in poor_villages_without_team(G)]
    ['v2']
    """
    day = G.graph.get("date") if day is None else day
    out = []
    for n, d in G.nodes(data=True):
        if d.get("kind") != "village" or not d.get("poor"):
            continue
        if any(G.nodes[f"U:{u}"].get("unit_kind") in team_kinds
               and active_on(e.get("since"), e.get("until"), day) for u, e in assists_to(G, n)):
            continue
        n_h = sum(1 for p in G.predecessors(n) if G.nodes[p]["kind"] == "household"
                  and G.nodes[p].get("status") is not None)
        out.append(VillageGap(d["code"], d.get("label") or d["code"], n_h))
    return sorted(out)


@dataclass(frozen=True, order=True)
class CountyGap:
    """A poverty county with no designated unit assisting it on the day asked."""

    county: str
    name: str
    areas: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["areas"] = list(self.areas)
        return d


def poverty_counties_without_designated(G: nx.DiGraph, *, day: dt.date | None = None,
                                        kinds: tuple[str, ...] = ("designated",)
                                        ) -> list[CountyGap]:
    """Poverty counties in ``G`` that no unit of ``kinds`` assists on ``day``.

    Parameters
    ----------
    G: a county graph (:mod:`graphreg.project`).
    day: the day (defaults to the graph's ``date``; ``None`` there: any time).
    kinds: the unit kinds that count (定点扶贫单位 by default).

    Returns
    -------
    A list with at most one :class:`CountyGap` per county node.

    >>> from graphreg.project import empty_county_graph, add_county
    >>> G = empty_county_graph()
    >>> _ = add_county(G, {"code": "520423", "name": "镇宁", "poverty_county": True})
    >>> [g.county for g in poverty_counties_without_designated(G)]
    ['520423']
    """
    day = G.graph.get("date") if day is None else day
    out = []
    for n, d in G.nodes(data=True):
        if d.get("kind") != "county" or not d.get("poverty_county"):
            continue
        if any(G.nodes[f"U:{u}"].get("unit_kind") in kinds
               and active_on(e.get("since"), e.get("until"), day) for u, e in assists_to(G, n)):
            continue
        out.append(CountyGap(d["code"], d.get("label") or d["code"], tuple(d.get("areas") or ())))
    return sorted(out)
