"""Projections from Neo4j to NetworkX, one county at a time so memory stays bounded.

A county graph is a :class:`networkx.DiGraph` whose node keys are strings with a kind prefix:

============  ===================  ==============================================
prefix        ``kind`` attribute   attributes
============  ===================  ==============================================
``H:<id>``    ``household``        id, village, status, size, main_cause, other_causes,
                                   registered_year, history, label
``U:<id>``    ``unit``             id, unit_kind, label
``M:<id>``    ``measure``          id, type, cost, start, end, label
``V:<code>``  ``village``          code, poor, label
``K:<code>``  ``county``           code, poverty_county, areas, label
``C:<code>``  ``cause``            code, label
``P:<pid>``   ``person``           pid, masked, elsewhere (households in other counties), label
============  ===================  ==============================================

Edges carry ``rel``: ``assists`` (unit → household, village or county; since, until, role),
``provides`` (unit → measure), ``for`` (measure → household), ``lives_in`` (household →
village), ``main_cause`` and ``other_cause`` (household → cause), ``member_of`` (person →
household).

``status`` is the household's status as of the end of the year asked (``G.graph["as_of"]``),
taken from its status history: the change with the greatest year not after it (``None``: not
registered yet). A household without any status history counts from ``registered_year`` with
its current status. The graph attribute ``addresses`` holds the measure-type → causes mapping
read from the graph's ``(:MeasureType)-[:ADDRESSES]->(:Cause)``.

    >>> G = empty_county_graph()
    >>> add_household(G, {"id": "h1", "village": "v1", "status": "未脱贫", "size": 3,
    ...                   "main_cause": 1, "head_name": "王伟"})
    >>> sorted(G.nodes)
    ['C:1', 'H:h1', 'V:v1']
    >>> status_as_of([(2014, "未脱贫"), (2017, "脱贫"), (2019, "返贫")], 2018)
    '脱贫'
    >>> status_as_of([(2016, "未脱贫")], 2015) is None
    True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from .db import Store
from .errors import InputError
from .model import ADDRESSES, CAUSES


def _date(v: Any) -> dt.date | None:
    if v is None:
        return None
    return v.to_native() if hasattr(v, "to_native") else v


def year_end(year: int | None) -> dt.date | None:
    """The day on which help must be active to count for ``year`` (``None``: no date filter).

    >>> year_end(2020)
    datetime.date(2020, 12, 31)
    """
    return None if year is None else dt.date(year, 12, 31)


def status_as_of(history: Sequence[tuple[int, str]], year: int | None, *,
                 current: str | None = None, registered_year: int | None = None) -> str | None:
    """A household's status at the end of ``year`` from its ``(year, status)`` history.

    Parameters
    ----------
    history: the household's status changes, any order.
    year: the year asked; ``None`` gives ``current`` (the latest status).
    current: the household's latest status (``Household.status``).
    registered_year: used only when ``history`` is empty: the household then counts as
        registered with ``current`` from that year on.

    Returns
    -------
    The status, or ``None`` when the household was not registered by then.

    >>> status_as_of([], 2016, current="未脱贫", registered_year=2015)
    '未脱贫'
    """
    if year is None:
        return current
    if not history:
        return current if (registered_year or 0) <= year else None
    best: tuple[int, str] | None = None
    for y, s in history:
        if y <= year and (best is None or y > best[0]):
            best = (y, s)
    return best[1] if best else None


def active_on(start: dt.date | None, end: dt.date | None, day: dt.date | None) -> bool:
    """True when a period ``[start, end]`` (open ends allowed) covers ``day`` (``None``: always).

    >>> d = dt.date
    >>> active_on(d(2016, 1, 1), d(2019, 12, 31), d(2020, 12, 31)), active_on(None, None, d(2020, 1, 1))
    (False, True)
    """
    if day is None:
        return True
    return (start is None or start <= day) and (end is None or end >= day)


def empty_county_graph(county: str = "", *, as_of: int | None = None,
                       addresses: dict[str, frozenset[int]] | None = None) -> nx.DiGraph:
    """An empty county graph; ``addresses`` defaults to :data:`graphreg.model.ADDRESSES`."""
    return nx.DiGraph(county=county, as_of=as_of, date=year_end(as_of),
                      addresses=dict(ADDRESSES if addresses is None else addresses))


def _cause(G: nx.DiGraph, code: int) -> str:
    c = f"C:{code}"
    if c not in G:
        G.add_node(c, kind="cause", code=code, label=CAUSES.get(code, "?"))
    return c


def add_village(G: nx.DiGraph, r: dict[str, Any]) -> str:
    """Add (or complete) a village node from ``{code, name?, poor?}``."""
    v = f"V:{r['code']}"
    if v not in G:
        G.add_node(v, kind="village", code=r["code"], label=r.get("name") or r["code"],
                   poor=bool(r.get("poor")))
    else:
        d = G.nodes[v]
        if r.get("name"):
            d["label"] = r["name"]
        if "poor" in r:
            d["poor"] = bool(r["poor"])
    return v


def add_household(G: nx.DiGraph, r: dict[str, Any]) -> None:
    """Add a household from a ``project_households`` row (``history`` optional)."""
    h = f"H:{r['id']}"
    history = tuple(sorted((int(y), s) for y, s in (r.get("history") or ())))
    status = status_as_of(history, G.graph.get("as_of"), current=r.get("status"),
                          registered_year=r.get("registered_year"))
    G.add_node(h, kind="household", id=r["id"], village=r["village"], status=status,
               size=r.get("size"), main_cause=r.get("main_cause"),
               other_causes=tuple(sorted(r.get("other_causes") or ())),
               registered_year=r.get("registered_year"), history=history,
               latest_status=r.get("status"), label=r.get("head_name") or r["id"])
    v = add_village(G, {"code": r["village"], "name": r.get("village_name")})
    G.add_edge(h, v, rel="lives_in")
    if r.get("main_cause") is not None:
        G.add_edge(h, _cause(G, r["main_cause"]), rel="main_cause")
    for c in r.get("other_causes") or ():
        G.add_edge(h, _cause(G, c), rel="other_cause")


def _add_unit(G: nx.DiGraph, r: dict[str, Any]) -> str:
    u = f"U:{r['unit']}"
    if u not in G:
        G.add_node(u, kind="unit", id=r["unit"], unit_kind=r.get("kind"),
                   label=r.get("name") or r["unit"])
    return u


def add_assist(G: nx.DiGraph, r: dict[str, Any]) -> None:
    """Add ``unit -assists-> target`` from a row naming ``household``, ``village`` or ``county``."""
    if "household" in r:
        target = f"H:{r['household']}"
        if target not in G:
            return  # a household outside the projection
    elif "village" in r:
        target = add_village(G, {"code": r["village"]})
    else:
        target = add_county(G, {"code": r["county"]})
    G.add_edge(_add_unit(G, r), target, rel="assists", since=_date(r.get("since")),
               until=_date(r.get("until")), role=r.get("role"))


def add_county(G: nx.DiGraph, r: dict[str, Any]) -> str:
    """Add (or complete) the county node from ``{code, name?, poverty_county?, areas?}``."""
    k = f"K:{r['code']}"
    if k not in G:
        G.add_node(k, kind="county", code=r["code"], label=r.get("name") or r["code"],
                   poverty_county=bool(r.get("poverty_county")), areas=tuple(r.get("areas") or ()))
    else:
        d = G.nodes[k]
        if r.get("name"):
            d["label"] = r["name"]
        if "poverty_county" in r:
            d["poverty_county"] = bool(r["poverty_county"])
        if r.get("areas") is not None:
            d["areas"] = tuple(r["areas"])
    return k


def add_measure(G: nx.DiGraph, r: dict[str, Any]) -> None:
    h = f"H:{r['household']}"
    if h not in G:
        return
    m = f"M:{r['id']}"
    G.add_node(m, kind="measure", id=r["id"], type=r["type"], cost=r.get("cost"),
               start=_date(r.get("start")), end=_date(r.get("end")), label=r["type"])
    G.add_edge(_add_unit(G, r), m, rel="provides")
    G.add_edge(m, h, rel="for")


def add_person(G: nx.DiGraph, r: dict[str, Any]) -> None:
    """Add a person from ``{pid, masked, household, elsewhere?}`` (``elsewhere``: household ids
    in other counties)."""
    h = f"H:{r['household']}"
    if h not in G:
        return
    p = f"P:{r['pid']}"
    if p not in G:
        G.add_node(p, kind="person", pid=r["pid"], masked=r.get("masked"),
                   elsewhere=tuple(sorted(r.get("elsewhere") or ())), label=r.get("masked") or "")
    G.add_edge(p, h, rel="member_of")


def measure_type_causes(store: Store) -> dict[str, frozenset[int]]:
    """The measure-type → causes mapping as it stands in the graph (``ADDRESSES`` edges)."""
    return {r["type"]: frozenset(r["causes"]) for r in store.query("analysis_measure_type_causes")}


def project_county(store: Store, county: str, *, as_of: int | None = None,
                   addresses: dict[str, frozenset[int]] | None = None,
                   persons: bool = True) -> nx.DiGraph:
    """The households of ``county`` with their help, villages, county flags and members, as a
    county graph (see module doc). ``as_of`` sets the year statuses are taken for; the
    measure-type mapping is read from the graph unless ``addresses`` is given."""
    G = empty_county_graph(county, as_of=as_of,
                           addresses=measure_type_causes(store) if addresses is None else addresses)
    for r in store.query("analysis_project_county", county=county):
        add_county(G, r)
    for r in store.query("analysis_project_villages", county=county):
        add_village(G, r)
    for r in store.query("project_households", county=county):
        add_household(G, r)
    for r in store.query("project_village_assists", county=county):
        add_assist(G, r)
    for r in store.query("analysis_project_county_assists", county=county):
        add_assist(G, r)
    for r in store.query("project_assists", county=county):
        add_assist(G, r)
    for r in store.query("project_measures", county=county):
        add_measure(G, r)
    if persons:
        for r in store.query("analysis_project_persons", county=county):
            add_person(G, r)
    return G


@dataclass(frozen=True)
class Scope:
    """Where an analysis looks: a province, counties, a contiguous area and/or villages
    (village or township code prefixes). Empty means everywhere.

    >>> Scope(villages=("520423100",)).holds_village("520423100201")
    True
    """

    province: str | None = None
    counties: tuple[str, ...] = ()
    area: str | None = None
    villages: tuple[str, ...] = ()

    def holds_village(self, code: str) -> bool:
        return not self.villages or any(code.startswith(p) for p in self.villages)

    def village_param(self) -> list[str] | None:
        """The ``$villages`` parameter of the ``analysis_count_*`` statements."""
        return list(self.villages) or None


def counties(store: Store, *, province: str | None = None,
             county_codes: Iterable[str] | None = None, area: str | None = None,
             villages: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Counties that hold households, in code order, within all the filters given.

    ``villages`` are village or township codes (prefixes): their counties are kept.
    """
    vs = [v.strip() for v in villages] if villages else None
    cc = list(county_codes) if county_codes else None
    for v in vs or ():
        if not v.isdigit() or len(v) < 6:
            raise InputError(f"--village {v!r} is not a village or township code (9 or 12 "
                             "digits, e.g. 520423100201); check the code.")
    return store.query("analysis_scope_counties", province=province, counties=cc, area=area,
                       village_counties=sorted({v[:6] for v in vs}) if vs else None)


def set_measure_type_causes(store: Store, measure_type: str, causes: Iterable[int]) -> None:
    """Change, in the graph, which causes ``measure_type`` addresses (the mapping every
    mistargeting analysis reads). Raises :class:`InputError` for an unknown type or cause."""
    from .model import CAUSES as _CAUSES
    codes = sorted({int(c) for c in causes})
    bad = [c for c in codes if c not in _CAUSES]
    if bad:
        raise InputError(f"unknown cause code(s) {bad}; use {', '.join(map(str, _CAUSES))}")
    if not store.query("analysis_set_measure_type_causes", type=measure_type, causes=codes):
        raise InputError(f"no measure type {measure_type!r} in the graph; apply the schema "
                         "(`graphreg db schema`) or check the code")
