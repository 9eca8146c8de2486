"""Diagrams of the registry graph, one function per kind, each writing one offline HTML file.

Every function reads what it needs with a ``cypher/diagram_*.cypher`` statement, builds a
diagram graph (a NetworkX ``MultiDiGraph`` whose nodes carry ``kind`` and ``props`` and whose
edges carry ``rel`` and ``props``), and writes it with :func:`visualizations.page.write_page`.
Each returns the counts of what the page holds: ``{"nodes", "edges", "by_kind", ...}``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from graphreg.errors import InputError

from .page import write_page

if TYPE_CHECKING:
    from graphreg.db import Store

#: The business key property of each label.
KEYS = {"Province": "code", "City": "code", "County": "code", "Township": "code",
        "Village": "code", "Area": "code", "Household": "id", "Unit": "id", "Measure": "id",
        "Cause": "code", "MeasureType": "code", "StatusChange": "key", "Person": "pid",
        "Batch": "id", "PlantedFault": "key"}


def node_key(kind: str, props: dict[str, Any]) -> str:
    """A stable node id: ``Label:business key``.

    >>> node_key("Unit:cadre", {"id": "CD1"}), node_key("Cause", {"code": 1})
    ('Unit:CD1', 'Cause:1')
    """
    label = kind.split(":")[0]
    return f"{label}:{props.get(KEYS.get(label, 'id'))}"


def _native(value: Any) -> Any:
    if hasattr(value, "to_native"):
        return value.to_native()
    if isinstance(value, list):
        return [_native(v) for v in value]
    return value


def _clean(props: dict[str, Any] | None) -> dict[str, Any]:
    return {k: _native(v) for k, v in (props or {}).items()}


def add_node(g: nx.MultiDiGraph, node: dict[str, Any]) -> str:
    """Add a ``{kind, props}`` map from a query to ``g`` (once) and return its key."""
    props = _clean(node["props"])
    key = node_key(node["kind"], props)
    if key not in g:
        g.add_node(key, kind=node["kind"], props=props)
    return key


def graph_from_rows(rows: list[dict[str, Any]], g: nx.MultiDiGraph | None = None
                    ) -> nx.MultiDiGraph:
    """Build (or extend) a diagram graph from ``{a, rel, rprops, b}`` rows.

    The same relationship (same ends and type) is added once, whatever the number of rows.

    >>> rows = [{"a": {"kind": "Village", "props": {"code": "1", "name": "村"}}, "rel": None,
    ...          "rprops": None, "b": None},
    ...         {"a": {"kind": "Household", "props": {"id": "9"}}, "rel": "LIVES_IN",
    ...          "rprops": {}, "b": {"kind": "Village", "props": {"code": "1"}}}] * 2
    >>> g = graph_from_rows(rows)
    >>> sorted(g.nodes), g.number_of_edges()
    (['Household:9', 'Village:1'], 1)
    """
    g = nx.MultiDiGraph() if g is None else g
    for row in rows:
        a = add_node(g, row["a"])
        if row.get("rel") is None or row.get("b") is None:
            continue
        b = add_node(g, row["b"])
        rel = row["rel"]
        if not g.has_edge(a, b, key=rel):
            g.add_edge(a, b, key=rel, rel=rel, props=_clean(row.get("rprops")))
    return g


def place_names(store: "Store", code: str) -> tuple[str, list[str]] | None:
    """``(name, [province, city, ...parents])`` of a division code, or None if unknown."""
    rows = store.query("diagram_place", code=code)
    if not rows:
        return None
    return rows[0]["name"], list(rows[0]["parents"])


def village_diagram(store: "Store", village_code: str, path: Path) -> dict[str, Any]:
    """Write a diagram of one village: its households, the units assisting them or the
    village, the measures they get (and who provides them), and their main causes.

    Parameters
    ----------
    store: the graph.
    village_code: the 12-digit village code.
    path: the HTML file to write (one self-contained file, UTF-8, no network needed).

    Returns
    -------
    ``{"nodes": n, "edges": m, "by_kind": {kind: count}, "by_relation": {...}, ...}``.

    Raises
    ------
    InputError: no village has that code.
    """
    code = str(village_code).strip()
    rows = store.query("diagram_village", code=code)
    if not rows:
        raise InputError(
            f"village {code!r}: no such village in the graph. Give a 12-digit village code "
            "from the imported geography (e.g. `graphreg geography import --province 52` first, "
            "then a code such as 520423001210).")
    g = graph_from_rows(rows)
    place = place_names(store, code)
    name = place[0] if place else code
    parents = " · ".join(place[1]) if place else ""
    n_hh = sum(1 for _, d in g.nodes(data=True) if d["kind"] == "Household")
    n_units = sum(1 for _, d in g.nodes(data=True) if d["kind"].startswith("Unit"))
    subtitle = (f"{parents} · 村代码 {code} · {n_hh} 户贫困户 · {n_units} 个帮扶主体 · "
                "悬停查看详情；身份证号已遮蔽")
    return write_page(g, Path(path), title=f"{name} 帮扶网络", subtitle=subtitle,
                      extra={"diagram": "village", "code": code})
