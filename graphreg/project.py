"""Projections from Neo4j to NetworkX, one county at a time so memory stays bounded.

A county graph is a :class:`networkx.DiGraph` whose node keys are strings with a kind prefix:

============  ===================  ==============================================
prefix        ``kind`` attribute   attributes
============  ===================  ==============================================
``H:<id>``    ``household``        id, village, status, size, main_cause, label
``U:<id>``    ``unit``             id, unit_kind, label
``M:<id>``    ``measure``          id, type, cost, start, end, label
``V:<code>``  ``village``          code, label
``C:<code>``  ``cause``            code, label
============  ===================  ==============================================

Edges carry ``rel``: ``assists`` (unit → household or village; since, until, role),
``provides`` (unit → measure), ``for`` (measure → household), ``lives_in`` (household →
village), ``main_cause`` (household → cause).

    >>> G = empty_county_graph()
    >>> add_household(G, {"id": "h1", "village": "v1", "status": "未脱贫", "size": 3,
    ...                   "main_cause": 1, "head_name": "王伟"})
    >>> sorted(G.nodes)
    ['C:1', 'H:h1', 'V:v1']
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import networkx as nx

from .db import Store
from .model import CAUSES


def _date(v: Any) -> dt.date | None:
    if v is None:
        return None
    return v.to_native() if hasattr(v, "to_native") else v


def empty_county_graph(county: str = "") -> nx.DiGraph:
    return nx.DiGraph(county=county)


def add_household(G: nx.DiGraph, r: dict[str, Any]) -> None:
    h, v = f"H:{r['id']}", f"V:{r['village']}"
    G.add_node(h, kind="household", id=r["id"], village=r["village"], status=r.get("status"),
               size=r.get("size"), main_cause=r.get("main_cause"),
               label=r.get("head_name") or r["id"])
    if v not in G:
        G.add_node(v, kind="village", code=r["village"], label=r.get("village_name") or r["village"])
    G.add_edge(h, v, rel="lives_in")
    if r.get("main_cause") is not None:
        c = f"C:{r['main_cause']}"
        if c not in G:
            G.add_node(c, kind="cause", code=r["main_cause"], label=CAUSES.get(r["main_cause"], "?"))
        G.add_edge(h, c, rel="main_cause")


def _add_unit(G: nx.DiGraph, r: dict[str, Any]) -> str:
    u = f"U:{r['unit']}"
    if u not in G:
        G.add_node(u, kind="unit", id=r["unit"], unit_kind=r.get("kind"),
                   label=r.get("name") or r["unit"])
    return u


def add_assist(G: nx.DiGraph, r: dict[str, Any]) -> None:
    target = f"H:{r['household']}" if "household" in r else f"V:{r['village']}"
    if target not in G:
        if "household" in r:
            return  # a household outside the projection
        G.add_node(target, kind="village", code=r["village"], label=r["village"])
    G.add_edge(_add_unit(G, r), target, rel="assists", since=_date(r.get("since")),
               until=_date(r.get("until")), role=r.get("role"))


def add_measure(G: nx.DiGraph, r: dict[str, Any]) -> None:
    h = f"H:{r['household']}"
    if h not in G:
        return
    m = f"M:{r['id']}"
    G.add_node(m, kind="measure", id=r["id"], type=r["type"], cost=r.get("cost"),
               start=_date(r.get("start")), end=_date(r.get("end")), label=r["type"])
    G.add_edge(_add_unit(G, r), m, rel="provides")
    G.add_edge(m, h, rel="for")


def project_county(store: Store, county: str) -> nx.DiGraph:
    """The households of ``county`` with their help, as a county graph (see module doc)."""
    G = empty_county_graph(county)
    for r in store.query("project_households", county=county):
        add_household(G, r)
    for r in store.query("project_village_assists", county=county):
        add_assist(G, r)
    for r in store.query("project_assists", county=county):
        add_assist(G, r)
    for r in store.query("project_measures", county=county):
        add_measure(G, r)
    return G


def counties(store: Store, *, province: str | None = None,
             county_codes: list[str] | None = None) -> list[dict[str, Any]]:
    """Counties that hold households, in code order."""
    return store.query("counties_with_households", province=province, counties=county_codes)
