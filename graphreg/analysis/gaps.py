"""Gaps: registered households that nobody helps.

    >>> from graphreg.project import empty_county_graph, add_household, add_assist
    >>> G = empty_county_graph()
    >>> for h in ("h1", "h2"):
    ...     add_household(G, {"id": h, "village": "v1", "status": "未脱贫", "main_cause": 1})
    >>> add_assist(G, {"unit": "c1", "kind": "cadre", "household": "h1"})
    >>> [g.household for g in unassisted_households(G)]
    ['h2']
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx

#: Statuses of a household still in the registry's care (not exited).
ACTIVE_STATUSES: tuple[str, ...] = ("未脱贫", "返贫", "预脱贫")


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
        return asdict(self)


def unassisted_households(G: nx.DiGraph, *, active: tuple[str, ...] = ACTIVE_STATUSES
                          ) -> list[UnassistedHousehold]:
    """Registered, not exited households with no direct help, ordered by household id.

    Parameters
    ----------
    G: a county graph (:mod:`graphreg.project`).
    active: the statuses that count as still registered.

    Returns
    -------
    One :class:`UnassistedHousehold` per household that no unit ``assists`` and no measure is
    ``for``.
    """
    out = []
    for n, d in G.nodes(data=True):
        if d.get("kind") != "household" or d.get("status") not in active:
            continue
        helped = any(G.nodes[p]["kind"] in ("unit", "measure") for p in G.predecessors(n))
        if helped:
            continue
        village = f"V:{d['village']}"
        village_help = village in G and any(
            G.edges[p, village].get("rel") == "assists" for p in G.predecessors(village))
        out.append(UnassistedHousehold(d["id"], d["village"], d.get("main_cause"), village_help))
    return sorted(out)
