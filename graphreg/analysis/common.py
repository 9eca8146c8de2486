"""Small helpers shared by the analyses: which households count, who helps them, on which day.

    >>> import datetime as dt
    >>> from graphreg.project import empty_county_graph, add_household, add_assist
    >>> G = empty_county_graph()
    >>> add_household(G, {"id": "h1", "village": "v1", "status": "未脱贫"})
    >>> add_assist(G, {"unit": "c1", "household": "h1", "since": dt.date(2016, 1, 1)})
    >>> sorted(helping_units(G, "H:h1", dt.date(2016, 12, 31))), helping_units(G, "H:h1", dt.date(2015, 12, 31))
    (['c1'], set())
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import networkx as nx

from ..project import Scope, active_on

#: Statuses of a household still in the registry's care (not exited).
ACTIVE_STATUSES: tuple[str, ...] = ("未脱贫", "返贫", "预脱贫")


def households(G: nx.DiGraph, *, active: tuple[str, ...] | None = None
               ) -> Iterator[tuple[str, dict[str, Any]]]:
    """Household nodes registered as of the graph's year, in id order; only those whose status
    is in ``active`` when it is given."""
    for n in sorted(n for n, d in G.nodes(data=True) if d.get("kind") == "household"):
        d = G.nodes[n]
        if d.get("status") is None:
            continue
        if active is not None and d["status"] not in active:
            continue
        yield n, d


def measures_for(G: nx.DiGraph, h: str) -> Iterator[tuple[str, dict[str, Any], str]]:
    """``(measure node, measure data, providing unit id)`` for every measure for ``h``."""
    for m in G.predecessors(h):
        md = G.nodes[m]
        if md.get("kind") != "measure":
            continue
        unit = next((G.nodes[u]["id"] for u in G.predecessors(m)
                     if G.nodes[u].get("kind") == "unit"), "")
        yield m, md, unit


def assists_to(G: nx.DiGraph, target: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(unit id, edge data)`` for every unit assisting ``target`` directly."""
    for u in G.predecessors(target):
        e = G.edges[u, target]
        if e.get("rel") == "assists":
            yield G.nodes[u]["id"], e


def helping_units(G: nx.DiGraph, h: str, day: dt.date | None) -> set[str]:
    """Units helping household ``h`` directly on ``day`` (assisting it or giving it a measure)."""
    out = {u for u, e in assists_to(G, h) if active_on(e.get("since"), e.get("until"), day)}
    out |= {u for _, md, u in measures_for(G, h) if active_on(md.get("start"), md.get("end"), day)}
    return out


def restrict(G: nx.DiGraph, scope: Scope) -> nx.DiGraph:
    """Drop the households (with their measures and members) and villages outside the scope's
    village filter, in place; returns ``G``."""
    if not scope.villages:
        return G
    drop = [n for n, d in G.nodes(data=True)
            if d.get("kind") in ("household", "village")
            and not scope.holds_village(d["village"] if d["kind"] == "household" else d["code"])]
    for n in list(drop):
        if G.nodes[n]["kind"] == "household":
            drop += [p for p in G.predecessors(n) if G.nodes[p]["kind"] == "measure"]
            for p in G.predecessors(n):  # members stay listed in the household left out
                if G.nodes[p]["kind"] == "person":
                    pd = G.nodes[p]
                    pd["elsewhere"] = tuple(sorted({*pd.get("elsewhere", ()), G.nodes[n]["id"]}))
    G.remove_nodes_from(drop)
    G.remove_nodes_from([n for n, d in G.nodes(data=True)
                         if d.get("kind") == "person" and G.out_degree(n) == 0])
    return G
