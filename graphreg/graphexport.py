"""GraphML and GEXF exports of any selection, with attributes that Gephi and NetworkX read back.

A selection is what a diagram shows: a village, a household's or unit's neighbourhood, a
county's unit–household network (optionally folded), or the shortest paths between two
entities. Attributes are cleaned for the formats: no None (left out), no lists (joined with
``;``), no nested maps (flattened), dates as ISO text, and one type per attribute name across
the whole graph (text wherever the values disagree), and the names the formats reserve renamed
(:data:`RENAMED`: ``id`` → ``ident``, ``start``/``end`` → ``start_date``/``end_date``). The keyed ID hash (``pid``) is never
exported; ID numbers appear only masked.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("A", kind="Cause", props={"code": 1, "name": "因病"})
    >>> g.add_node("B", kind="Village", props={"code": "5204", "poor": None, "x": [1, 2]})
    >>> _ = g.add_edge("A", "B", key="R", rel="R", props={})
    >>> c = clean_graph(g)
    >>> c.nodes["A"]["code"], c.nodes["B"]["code"], "poor" in c.nodes["B"], c.nodes["B"]["x"]
    ('1', '5204', False, '1;2')
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from .errors import InputError

if TYPE_CHECKING:
    from .db import Store

FORMATS = ("graphml", "gexf")
#: Property names the formats reserve (GEXF takes ``id`` as the node id and ``start``/``end``
#: as time spells), renamed in both formats so the two files hold the same attributes.
RENAMED = {"id": "ident", "start": "start_date", "end": "end_date", "label": "prop_label"}
SELECTIONS = ("village", "household", "unit", "county", "path")


def _value(v: Any) -> Any:
    if hasattr(v, "to_native"):
        v = v.to_native()
    if isinstance(v, (dt.date, dt.datetime, dt.time)):
        return v.isoformat()
    if isinstance(v, (list, tuple, set)):
        return ";".join(str(_value(x)) for x in v if x is not None)
    if isinstance(v, dict):
        return ";".join(f"{k}={_value(x)}" for k, x in v.items() if x is not None)
    return v


def _flat(data: dict[str, Any], skip: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in data.items():
        if k in skip:
            continue
        if k == "props" and isinstance(v, dict):
            for pk, pv in v.items():
                if pk == "pid" or pv is None:
                    continue
                name = RENAMED.get(str(pk), str(pk))
                out[name if name not in out else f"prop_{name}"] = _value(pv)
        elif v is not None:
            out[k] = _value(v)
    return {k: v for k, v in out.items() if v is not None and v != ""}


def _unify(items: list[dict[str, Any]]) -> None:
    kinds: dict[str, set[type]] = {}
    for d in items:
        for k, v in d.items():
            kinds.setdefault(k, set()).add(bool if isinstance(v, bool) else
                                           int if isinstance(v, int) else
                                           float if isinstance(v, float) else str)
    for d in items:
        for k, v in list(d.items()):
            ts = kinds[k]
            if ts == {int, float}:
                d[k] = float(v)
            elif len(ts) > 1:
                d[k] = "是" if v is True else "否" if v is False else str(v)
            elif ts == {str}:
                d[k] = str(v)


def clean_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of a diagram graph with flat, typed, None-free attributes (see module doc)."""
    from graphreg.visualizations.style import label_of
    out = nx.MultiDiGraph()
    nodes = []
    for n, d in g.nodes(data=True):
        a = _flat(d, {"title", "size"})
        a["label"] = str(d.get("label") or label_of(d.get("kind", ""), d.get("props", {})))
        nodes.append((str(n), a))
    edges = []
    for u, v, k, d in g.edges(keys=True, data=True):
        edges.append((str(u), str(v), str(k), _flat(d, {"title", "width", "label", "arrows"})))
    _unify([a for _, a in nodes])
    _unify([a for _, _, _, a in edges])
    out.add_nodes_from(nodes)
    for u, v, k, a in edges:
        out.add_edge(u, v, key=k, **a)
    return out


def selection_graph(store: "Store", selection: str, ident: str, *, other: str | None = None,
                    max_nodes: int = 100000) -> nx.MultiDiGraph:
    """The diagram graph of a selection (what the matching diagram would draw).

    Parameters
    ----------
    store: the graph.
    selection: ``village``, ``household``, ``unit``, ``county`` or ``path``.
    ident: the village code, household id, unit id, county code, or first ID of a path.
    other: the second ID of a path.
    max_nodes: fold a county network above this size (see
        :func:`graphreg.visualizations.county_network`).

    Raises
    ------
    InputError: unknown selection or ID.
    """
    from graphreg.visualizations import diagrams as d
    if selection == "village":
        rows = store.query("diagram_village", code=str(ident).strip())
        if not rows:
            raise InputError(f"village {ident!r}: no such village in the graph.")
        return d.graph_from_rows(rows)
    if selection in ("household", "unit"):
        return d._neighbourhood(store, selection, ident, batches=True)
    if selection == "county":
        return d.county_network(store, ident, max_nodes=max_nodes)[0]
    if selection == "path":
        if not other:
            raise InputError("export path: give two IDs (A and B).")
        from .trace import trace_path
        res = trace_path(store, ident, other)
        g = nx.MultiDiGraph()
        for p in res.paths:
            keys = [d.add_node(g, n) for n in p["nodes"]]
            for r in p["rels"]:
                g.add_edge(keys[r["from"]], keys[r["to"]], key=r["rel"], rel=r["rel"],
                           props=r["props"])
        return g
    raise InputError(f"export: unknown selection {selection!r}; use one of "
                     f"{', '.join(SELECTIONS)}.")


def export_graph(store: "Store", selection: str, ident: str, path: Path, *,
                 fmt: str | None = None, other: str | None = None,
                 max_nodes: int = 100000) -> dict[str, Any]:
    """Write a selection as GraphML or GEXF (format from ``fmt`` or the file's suffix).

    Parameters
    ----------
    store: the graph.
    selection: see :func:`selection_graph`.
    ident, other: the IDs (``other`` only for ``path``).
    path: the file to write (``.graphml`` or ``.gexf``), UTF-8.
    fmt: ``graphml`` or ``gexf``; default from the suffix.
    max_nodes: fold a county network above this size.

    Returns
    -------
    ``{"file", "format", "nodes", "edges"}``.

    Raises
    ------
    InputError: unknown format, selection or ID.
    """
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise InputError(f"{path}: unknown graph format {fmt!r}; name the file .graphml or "
                         ".gexf, or pass --format graphml|gexf.")
    g = clean_graph(selection_graph(store, selection, ident, other=other,
                                    max_nodes=max_nodes))
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "graphml":
        nx.write_graphml(g, path, encoding="utf-8", prettyprint=True)
    else:
        nx.write_gexf(g, path, encoding="utf-8", prettyprint=True)
    return {"file": str(path), "format": fmt, "nodes": g.number_of_nodes(),
            "edges": g.number_of_edges()}
