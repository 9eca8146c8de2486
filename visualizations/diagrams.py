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
    >>> node_key("Folded:Village", {"code": "520423001210"})
    'Folded:Village:520423001210'

    """
    label = kind.split(":")[0]
    if label == "Folded":  # Folded:Village:<code>, Folded:Township:<code>
        return f"{kind}:{props.get('code')}"
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


def village_diagram(store: "Store", village_code: str, path: Path, *, max_nodes: int = 800
                    ) -> dict[str, Any]:
    """Write a diagram of one village: its households, the units assisting them or the
    village, the measures they get (and who provides them), and their main causes.

    Parameters
    ----------
    store: the graph.
    village_code: the 12-digit village code.
    path: the HTML file to write (one self-contained file, UTF-8, no network needed).
    max_nodes: above this many nodes, measures are folded into unit→household edges (the
        page says so); above :data:`PHYSICS_LIMIT` the layout is precomputed.

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
    notes: list[str] = []
    if g.number_of_nodes() > max_nodes:  # a village's households stay: only measures fold
        full = g.number_of_nodes()
        n = fold_measures(g)
        notes.append(f"完整图有 {full} 个节点，超过上限 {max_nodes}：{n} 项帮扶措施已合并为"
                     "“帮扶主体→贫困户”的连线（悬停可见项数和金额）。")
        _style_folded(g)
    return write_page(g, Path(path), title=f"{name} 帮扶网络", subtitle=subtitle,
                      **_big_page(g, notes), extra={"diagram": "village", "code": code})


def _big_page(g: nx.MultiDiGraph, notes: list[str] | None = None) -> dict[str, Any]:
    """Notes, and a precomputed layout for pages above :data:`PHYSICS_LIMIT` nodes."""
    notes = list(notes or [])
    if g.number_of_nodes() <= PHYSICS_LIMIT:
        return {"notes": notes}
    notes.append(f"本图有 {g.number_of_nodes()} 个节点：已关闭物理模拟，使用预先计算的布局。")
    return {"positions": layout(g), "notes": notes}


def fold_measures(g: nx.MultiDiGraph) -> int:
    """Replace every measure node by a unit→household ``MEASURES`` edge (counts and cost).

    Returns how many measure nodes were folded.

    >>> g = nx.MultiDiGraph()
    >>> for n, k in (("U", "Unit:department"), ("M1", "Measure"), ("M2", "Measure"),
    ...              ("H", "Household")):
    ...     g.add_node(n, kind=k, props={"cost": 100})
    >>> for m in ("M1", "M2"):
    ...     _ = g.add_edge("U", m, key="PROVIDES", rel="PROVIDES", props={})
    ...     _ = g.add_edge(m, "H", key="FOR", rel="FOR", props={})
    >>> fold_measures(g), sorted(g.nodes), g.edges["U", "H", "MEASURES"]["props"]
    (2, ['H', 'U'], {'measures': 2, 'cost': 200})
    """
    measures = [n for n, d in g.nodes(data=True) if d.get("kind") == "Measure"]
    for m in measures:
        cost = g.nodes[m]["props"].get("cost") or 0
        units = [u for u, _, k in g.in_edges(m, keys=True) if k == "PROVIDES"]
        homes = [h for _, h, k in g.out_edges(m, keys=True) if k == "FOR"]
        for u in units:
            for h in homes:
                _add_edge(g, u, h, "MEASURES", measures=1, cost=cost)
        g.remove_node(m)
    return len(measures)


def fold_households(g: nx.MultiDiGraph, keep: set[str] | None = None) -> int:
    """Fold households (with their members and status changes) into one node per village.

    Edges of a household move to its village's folded node; parallel edges merge and count
    ``households``. Returns how many households were folded.
    """
    keep = keep or set()
    folded = 0
    villages: dict[str, str] = {}
    for n, d in list(g.nodes(data=True)):
        if d.get("kind") != "Household" or n in keep:
            continue
        code = str(d["props"].get("village") or str(d["props"].get("id", ""))[:12])
        key = villages.get(code)
        if key is None:
            vnode = f"Village:{code}"
            name = g.nodes[vnode]["props"].get("name") if vnode in g else code
            key = node_key("Folded:Village", {"code": code})
            if key not in g:
                g.add_node(key, kind="Folded:Village",
                           props={"code": code, "name": name, "households": 0})
            villages[code] = key
            if vnode in g:  # the village itself becomes the folded node
                for a, _, k in list(g.in_edges(vnode, keys=True)):
                    if g.nodes[a].get("kind") != "Household":
                        _add_edge(g, a, key, k)
                for _, b, k in list(g.out_edges(vnode, keys=True)):
                    _add_edge(g, key, b, k)
                g.remove_node(vnode)
        g.nodes[key]["props"]["households"] += 1

        def counts(e: dict[str, Any]) -> dict[str, float]:
            return {c: v for c, v in e.get("props", {}).items()
                    if c in ("measures", "cost") and isinstance(v, (int, float))}

        for a, _, k, e in list(g.in_edges(n, keys=True, data=True)):
            if g.nodes[a].get("kind") in ("Person", "Batch"):
                continue
            _add_edge(g, a, key, f"FOLDED_{k}", households=1, **counts(e))
        for _, b, k, e in list(g.out_edges(n, keys=True, data=True)):
            if g.nodes[b].get("kind") in ("StatusChange",) or b == key or b.startswith("Village:"):
                continue
            _add_edge(g, key, b, f"FOLDED_{k}", households=1, **counts(e))
        for m in [a for a, _ in g.in_edges(n) if g.nodes[a].get("kind") == "Person"] + \
                 [b for _, b in g.out_edges(n) if g.nodes[b].get("kind") == "StatusChange"]:
            g.remove_node(m)
        g.remove_node(n)
        folded += 1
    for n in [n for n, d in g.nodes(data=True) if d.get("kind") == "Batch" and g.degree(n) == 0]:
        g.remove_node(n)
    return folded


def shrink(g: nx.MultiDiGraph, max_nodes: int, *, keep: set[str] | None = None
           ) -> list[str]:
    """Fold a neighbourhood graph until it has at most ``max_nodes`` nodes: first measures
    into unit→household edges, then households into their villages. Returns notes saying what
    was folded (empty when nothing was)."""
    notes: list[str] = []
    full = g.number_of_nodes()
    if full > max_nodes:
        n = fold_measures(g)
        if n:
            notes.append(f"完整图有 {full} 个节点，超过上限 {max_nodes}：{n} 项帮扶措施已合并为"
                         "“帮扶主体→贫困户”的连线（悬停可见项数和金额）。")
    if g.number_of_nodes() > max_nodes:
        n = fold_households(g, keep)
        if n:
            notes.append(f"{n} 户贫困户已按所在村合并（连线上的数字为户数；家庭成员和状态变更未画出）。")
    _style_folded(g)
    return notes


def _neighbourhood(store: "Store", kind: str, ident: str, *, batches: bool
                   ) -> nx.MultiDiGraph:
    rows = store.query(f"diagram_{kind}", id=str(ident).strip(), batches=batches)
    if not rows:
        raise InputError(f"{kind} {ident!r}: nothing in the graph has that ID. Check the ID, or "
                         f"use `graphreg trace {kind} ID` to look it up.")
    g = graph_from_rows(rows)
    for n, d in g.nodes(data=True):  # the keyed hash never reaches a page
        d["props"].pop("pid", None)
    return g


def household_diagram(store: "Store", household_id: str, path: Path, *,
                      batches: bool = True, max_nodes: int = 800) -> dict[str, Any]:
    """Write a diagram of a household and its neighbourhood.

    Shows its village, members (ID numbers masked), causes (main and other), the units
    assisting it or its village, its measures and their providers, its status history and,
    when ``batches``, the import batches that wrote these facts.

    Parameters
    ----------
    store: the graph.
    household_id: the household's id.
    path: the HTML file to write.
    batches: include the (:Batch) nodes (provenance).
    max_nodes: fold measures above this many nodes (see :func:`shrink`).

    Returns
    -------
    The page's counts (see :func:`village_diagram`).

    Raises
    ------
    InputError: no household has that id.
    """
    g = _neighbourhood(store, "household", household_id, batches=batches)
    notes = shrink(g, max_nodes, keep={f"Household:{household_id}"})
    head = g.nodes[f"Household:{household_id}"]["props"]
    return write_page(g, Path(path), title=f"{head.get('head_name')}户 帮扶关系",
                      subtitle=f"贫困户编号 {household_id} · 脱贫标志 {head.get('status')} · "
                               "悬停查看详情；身份证号已遮蔽",
                      **_big_page(g, notes), extra={"diagram": "household", "id": household_id})


def unit_diagram(store: "Store", unit_id: str, path: Path, *, batches: bool = True,
                 max_nodes: int = 800) -> dict[str, Any]:
    """Write a diagram of an assisting unit and its neighbourhood.

    Shows where it is based, what it assists (households, villages, the county), the measures
    it provides with their households, those households' villages and, when ``batches``, the
    import batches that wrote them.

    Parameters
    ----------
    store: the graph.
    unit_id: the unit's id.
    path: the HTML file to write.
    batches: include the (:Batch) nodes (provenance).
    max_nodes: above this many nodes, measures are folded into unit→household edges, then
        households into their villages (see :func:`shrink`); the page says what was folded.

    Returns
    -------
    The page's counts (see :func:`village_diagram`).

    Raises
    ------
    InputError: no unit has that id.
    """
    g = _neighbourhood(store, "unit", unit_id, batches=batches)
    notes = shrink(g, max_nodes)
    u = g.nodes[f"Unit:{unit_id}"]
    from .style import style_of
    return write_page(g, Path(path), title=f"{u['props'].get('name')} 帮扶网络",
                      subtitle=f"{style_of(u['kind'])['name']} · 编号 {unit_id} · 悬停查看详情",
                      **_big_page(g, notes), extra={"diagram": "unit", "id": unit_id})


def _group(kind: str, props: dict[str, Any]) -> str | None:
    """The township a node belongs to (for :func:`layout`), or None."""
    code = str(props.get("code") or "")
    if kind in ("Township", "Folded:Township", "Folded:Unit"):
        return code[:9] or None
    if kind in ("Village", "Folded:Village"):
        return code[:9] or None
    if kind == "Household":
        return str(props.get("village") or props.get("id") or "")[:9] or None
    return None


def layout(g: nx.MultiDiGraph) -> dict[Any, tuple[float, float]]:
    """Precomputed positions for a large page: townships round a ring, each with its villages,
    households and the units that work only there around it; units working across townships
    (departments, designated units, enterprises...) and the county in the middle.

    Deterministic (sunflower spirals, no randomness), linear in the number of nodes.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("T1", kind="Folded:Township", props={"code": "520423001"})
    >>> g.add_node("T2", kind="Folded:Township", props={"code": "520423002"})
    >>> g.add_node("U", kind="Unit:department", props={"id": "DP"})
    >>> _ = g.add_edge("U", "T1"); _ = g.add_edge("U", "T2")
    >>> pos = layout(g)
    >>> sorted(pos), pos["U"]
    (['T1', 'T2', 'U'], (0.0, 0.0))
    """
    import math
    groups: dict[Any, str | None] = {n: _group(d.get("kind", ""), d.get("props", {}))
                                     for n, d in g.nodes(data=True)}
    und = g.to_undirected(as_view=True)
    for n in g.nodes:
        if groups[n] is None and not g.nodes[n].get("kind", "").startswith("County"):
            near = {groups[m] for m in und.neighbors(n)} - {None}
            if len(near) == 1:
                groups[n] = near.pop()
    members: dict[str | None, list[Any]] = {}
    for n in sorted(g.nodes, key=str):
        members.setdefault(groups[n], []).append(n)
    golden = math.pi * (3 - math.sqrt(5))

    def spiral(nodes: list[Any], cx: float, cy: float, step: float) -> dict[Any, tuple[float, float]]:
        # the group's own township/village first, at the centre
        nodes = sorted(nodes, key=lambda n: (0 if "Township" in g.nodes[n].get("kind", "")
                                             else 1 if "Village" in g.nodes[n].get("kind", "")
                                             else 2, str(n)))
        return {n: (round(cx + step * math.sqrt(k) * math.cos(k * golden), 1),
                    round(cy + step * math.sqrt(k) * math.sin(k * golden), 1))
                for k, n in enumerate(nodes)}

    ring = sorted(k for k in members if k is not None)
    step = 48.0
    biggest = max((len(members[k]) for k in ring), default=1)
    group_r = step * math.sqrt(biggest) + 40
    middle = members.get(None, [])
    inner = 60.0 * math.sqrt(len(middle)) + 60
    radius = max(inner + group_r + 80, len(ring) * 2.2 * group_r / (2 * math.pi))
    pos = spiral(middle, 0.0, 0.0, 60.0) if middle else {}
    for i, key in enumerate(ring):
        a = 2 * math.pi * i / max(1, len(ring))
        pos.update(spiral(members[key], radius * math.cos(a), radius * math.sin(a), step))
    return pos


def _add_edge(g: nx.MultiDiGraph, a: str, b: str, rel: str, **counts: float) -> None:
    if g.has_edge(a, b, key=rel):
        p = g.edges[a, b, rel]["props"]
        for k, v in counts.items():
            p[k] = p.get(k, 0) + v
    else:
        g.add_edge(a, b, key=rel, rel=rel, props=dict(counts))


def _style_folded(g: nx.MultiDiGraph) -> None:
    for _, d in g.nodes(data=True):
        n = d["props"].get("households")
        if d["kind"].startswith("Folded") and n:
            d["size"] = 10 + 3 * float(n) ** 0.5
    few = g.number_of_edges() <= 150  # numbers on hundreds of edges are unreadable
    for _, _, d in g.edges(data=True):
        n = d["props"].get("households")
        if n and n > 1:
            d["width"] = 1 + min(8.0 if few else 3.0, float(n) ** 0.5)
            if few:
                d["label"] = str(int(n))


def county_network(store: "Store", county: str, *, max_nodes: int = 800
                   ) -> tuple[nx.MultiDiGraph, list[str], int]:
    """The unit–household network of a county, folded until it has at most ``max_nodes``.

    Level 0: units, households, their villages (and the county when units assist it).
    Level 1: households folded into their village (edges carry how many households).
    Level 2: villages folded into their township, and responsible cadres into one node per
    township they are based in.

    Returns
    -------
    ``(graph, notes, level)``: the diagram graph, sentences saying what was folded, and the
    folding level used.

    Raises
    ------
    InputError: no county has that code.
    """
    code = str(county).strip()
    place = place_names(store, code)
    if place is None or len(code) != 6:
        raise InputError(f"county {code!r}: no such county in the graph. Give a 6-digit county "
                         "code from the imported geography (e.g. 520423).")
    hh = store.query("diagram_county_households", county=code)
    units = {u["id"]: u for u in store.query("diagram_county_units", county=code)}
    links = store.query("diagram_county_links", county=code)
    by_id = {h["id"]: h for h in hh}
    village_of = {h["id"]: h["village"] for h in hh}
    names = {h["village"]: h["village_name"] for h in hh}
    town_of = {h["village"]: h["township"] for h in hh}
    town_names = {h["township"]: h["township_name"] for h in hh}
    for l in links:
        if l["level"] == "village" and l["target"] not in names:
            names[l["target"]] = l["target"]
            town_of[l["target"]] = l["target"][:9]
            town_names.setdefault(l["target"][:9], l["target"][:9])
    county_node = {"kind": "County", "props": {"code": code, "name": place[0]}}

    def unit_node(uid: str) -> dict[str, Any]:
        u = units.get(uid, {"id": uid, "name": uid, "kind": ""})
        return {"kind": f"Unit:{u['kind']}", "props": {"id": uid, "name": u["name"],
                                                       "kind": u["kind"],
                                                       "capacity": u.get("capacity")}}

    def build(level: int) -> nx.MultiDiGraph:
        g = nx.MultiDiGraph()

        def place_key(household: str | None, village: str | None) -> str:
            v = village if village else village_of[household]  # type: ignore[index]
            if level == 0:
                return add_node(g, {"kind": "Village", "props": {"code": v, "name": names[v]}})
            if level == 1:
                return add_node(g, {"kind": "Folded:Village",
                                    "props": {"code": v, "name": names[v], "households": 0}})
            t = town_of.get(v) or v[:9]
            return add_node(g, {"kind": "Folded:Township",
                                "props": {"code": t, "name": town_names.get(t, t),
                                          "households": 0}})

        def unit_key(uid: str) -> str:
            u = units.get(uid)
            if level == 2 and u and u["kind"] == "cadre":
                t = (u.get("base") or "")[:9] or "?"
                key = f"Folded:Unit:{t}"
                if key not in g:
                    g.add_node(key, kind="Folded:Unit",
                               props={"name": f"{town_names.get(t, t)} 帮扶责任人", "code": t,
                                      "units": 0, "households": 0})
                return key
            return add_node(g, unit_node(uid))

        for h in hh:
            p = place_key(h["id"], None)
            if level == 0:
                k = add_node(g, {"kind": "Household", "props": {
                    "id": h["id"], "village": h["village"], "head_name": h["head_name"],
                    "status": h["status"],
                    "size": h["size"], "attribute": h["attribute"]}})
                _add_edge(g, k, p, "LIVES_IN")
            else:
                g.nodes[p]["props"]["households"] += 1
        counted: set[tuple[str, str]] = set()
        for uid in units:
            k = unit_key(uid)
            if g.nodes[k]["kind"] == "Folded:Unit" and (k, uid) not in counted:
                counted.add((k, uid))
                g.nodes[k]["props"]["units"] += 1
        for l in links:
            src = unit_key(l["unit"])
            if l["level"] == "county":
                dst = add_node(g, county_node)
                _add_edge(g, src, dst, "ASSISTS")
            elif l["level"] == "village":
                _add_edge(g, src, place_key(None, l["target"]), "ASSISTS")
            elif level == 0:
                dst = f"Household:{l['target']}"
                if l["rel"] == "ASSISTS":
                    _add_edge(g, src, dst, "ASSISTS")
                else:
                    _add_edge(g, src, dst, "MEASURES", measures=l["measures"], cost=l["cost"])
            else:
                dst = place_key(l["target"], None)
                if l["rel"] == "ASSISTS":
                    _add_edge(g, src, dst, "FOLDED_ASSISTS", households=1)
                    if g.nodes[src]["kind"] == "Folded:Unit":
                        g.nodes[src]["props"]["households"] += 1
                else:
                    _add_edge(g, src, dst, "FOLDED_MEASURES", households=1,
                              measures=l["measures"], cost=l["cost"])
        _style_folded(g)
        return g

    notes: list[str] = []
    level = 0
    g = build(0)
    full = g.number_of_nodes()
    while g.number_of_nodes() > max_nodes and level < 2:
        level += 1
        g = build(level)
    n_v = len({village_of[h] for h in by_id})
    if level >= 1:
        notes.append(f"完整网络有 {full} 个节点，超过上限 {max_nodes}：{len(hh)} 户贫困户已按所在村"
                     f"合并为 {n_v} 个村节点（连线上的数字为户数）。")
    if level >= 2:
        n_t = len({town_of.get(village_of[h]) for h in by_id})
        n_c = sum(1 for u in units.values() if u["kind"] == "cadre")
        notes.append(f"村已按乡镇合并为 {n_t} 个乡镇节点；{n_c} 名帮扶责任人已按所驻乡镇合并。")
    if level >= 1 or g.number_of_nodes() > PHYSICS_LIMIT:
        notes.append("为保证大图能在几秒内打开，已关闭物理模拟，使用预先计算的布局。")
    if g.number_of_nodes() > max_nodes:
        notes.append(f"合并后仍有 {g.number_of_nodes()} 个节点（上限 {max_nodes}）。")
    return g, notes, level


#: Above this many nodes a page gets a precomputed layout instead of live physics.
PHYSICS_LIMIT = 300


def county_diagram(store: "Store", county: str, path: Path, *, max_nodes: int = 800
                   ) -> dict[str, Any]:
    """Write the unit–household network of a county, folded when it is large.

    Above ``max_nodes`` nodes, households are folded into their village, then villages into
    their township (and responsible cadres by township); a folded page has physics off and a
    precomputed layout so it opens in seconds, and says on the page what was folded.

    Parameters
    ----------
    store: the graph.
    county: the 6-digit county code.
    path: the HTML file to write.
    max_nodes: the most nodes to draw before folding.

    Returns
    -------
    The page's counts plus ``level`` (0 none, 1 households into villages, 2 villages into
    townships), ``households`` and ``full_nodes``.

    Raises
    ------
    InputError: unknown county, or ``max_nodes`` < 1.
    """
    if max_nodes < 1:
        raise InputError(f"--max-nodes {max_nodes}: must be 1 or more.")
    g, notes, level = county_network(store, county, max_nodes=max_nodes)
    place = place_names(store, county)
    name = place[0] if place else county
    big = level > 0 or g.number_of_nodes() > PHYSICS_LIMIT
    households = sum(1 for _, d in g.nodes(data=True) if d["kind"] == "Household") or sum(
        int(d["props"].get("households", 0)) for _, d in g.nodes(data=True)
        if d["kind"] in ("Folded:Village", "Folded:Township"))
    return write_page(
        g, Path(path), title=f"{name} 帮扶主体—贫困户网络",
        subtitle=f"县代码 {county} · {households} 户贫困户 · 悬停查看详情",
        notes=notes, positions=layout(g) if big else None,
        extra={"diagram": "county", "code": county, "level": level,
               "households": households, "max_nodes": max_nodes})


def overlap_diagram(store: "Store", county: str, path: Path, *, min_shared: int = 1,
                    max_nodes: int = 400) -> dict[str, Any]:
    """Write the unit-overlap network of a county: units joined when they share households.

    A unit "helps" a household when it assists it or gives it a measure; the edge between two
    units carries how many households both help (its width and label). Node size grows with
    the households a unit helps. When more than ``max_nodes`` units would be drawn, only the
    strongest pairs are kept (the page says how many were left out).

    Parameters
    ----------
    store: the graph.
    county: the 6-digit county code.
    path: the HTML file to write.
    min_shared: leave out pairs sharing fewer households.
    max_nodes: the most units to draw.

    Returns
    -------
    The page's counts plus ``pairs`` (all pairs found) and ``pairs_drawn``.

    Raises
    ------
    InputError: unknown county.
    """
    code = str(county).strip()
    place = place_names(store, code)
    if place is None or len(code) != 6:
        raise InputError(f"county {code!r}: no such county in the graph. Give a 6-digit county "
                         "code from the imported geography (e.g. 520423).")
    rows = store.query("diagram_overlap", county=code, min_shared=int(min_shared))
    helped = {r["id"]: r["households"] for r in store.query("diagram_unit_households",
                                                             county=code)}
    g = nx.MultiDiGraph()
    drawn = 0
    for r in rows:  # strongest first
        new = sum(1 for u in (r["a"], r["b"]) if f"Unit:{u['id']}" not in g)
        if g.number_of_nodes() + new > max_nodes:
            continue
        keys = []
        for u in (r["a"], r["b"]):
            k = add_node(g, {"kind": f"Unit:{u['kind']}", "props": {
                "id": u["id"], "name": u["name"], "kind": u["kind"],
                "households": helped.get(u["id"], 0)}})
            g.nodes[k]["size"] = 8 + 2.5 * helped.get(u["id"], 0) ** 0.5
            keys.append(k)
        g.add_edge(keys[0], keys[1], key="SHARES", rel="SHARES",
                   props={"shared": r["shared"]}, label=str(r["shared"]), arrows=False,
                   width=1 + min(8.0, r["shared"] ** 0.5))
        drawn += 1
    notes = []
    if drawn < len(rows):
        notes.append(f"共有 {len(rows)} 对帮扶主体共同帮扶同一贫困户；为控制在 {max_nodes} 个节点以内，"
                     f"只画出共同户数最多的 {drawn} 对。")
    big = g.number_of_nodes() > PHYSICS_LIMIT
    if big:
        notes.append("已关闭物理模拟，使用预先计算的布局。")
    return write_page(g, Path(path), title=f"{place[0]} 帮扶主体重叠网络",
                      subtitle=f"县代码 {code} · 连线：两个帮扶主体共同帮扶的贫困户数"
                               f"（至少 {min_shared} 户）",
                      notes=notes, positions=layout(g) if big else None,
                      extra={"diagram": "overlap", "code": code, "pairs": len(rows),
                             "pairs_drawn": drawn})


def trace_diagram(store: "Store", kind: str, ident: str, path: Path, *,
                  max_nodes: int = 800) -> dict[str, Any]:
    """Write the diagram of a trace: the entity, everything connected, and the batches.

    ``household`` and ``unit`` draw the neighbourhood with provenance (import batches);
    ``village`` draws :func:`village_diagram`; ``county`` draws :func:`county_diagram`.

    Raises
    ------
    InputError: unknown kind or ID.
    """
    if kind == "household":
        return household_diagram(store, ident, path, batches=True)
    if kind == "unit":
        return unit_diagram(store, ident, path, batches=True)
    if kind == "village":
        return village_diagram(store, ident, path)
    if kind == "county":
        return county_diagram(store, ident, path, max_nodes=max_nodes)
    raise InputError(f"trace diagram: unknown kind {kind!r}; use household, unit, village or "
                     "county.")


def path_diagram(store: "Store", a: str, b: str, path: Path, *, limit: int = 10
                 ) -> dict[str, Any]:
    """Write the shortest paths between two entities (see :func:`graphreg.trace.trace_path`).

    Returns
    -------
    The page's counts plus ``paths`` (how many shortest paths) and ``length``.
    """
    from graphreg.trace import trace_path
    res = trace_path(store, a, b, limit=limit)
    g = nx.MultiDiGraph()
    for p in res.paths:
        keys = [add_node(g, n) for n in p["nodes"]]
        for r in p["rels"]:
            s, t = keys[r["from"]], keys[r["to"]]
            if not g.has_edge(s, t, key=r["rel"]):
                g.add_edge(s, t, key=r["rel"], rel=r["rel"], props=_clean(r["props"]))
    notes = [] if res.paths else [f"{a} 与 {b} 在 12 步之内没有通过帮扶或行政区划相连。"]
    length = len(res.paths[0]["rels"]) if res.paths else None
    return write_page(g, Path(path), title=f"{res.a['name']} ↔ {res.b['name']} 最短关联路径",
                      subtitle=f"{len(res.paths)} 条最短路径，每条 {length} 步（帮扶与行政区划关系）",
                      notes=notes, extra={"diagram": "path", "paths": len(res.paths),
                                          "length": length})


#: The diagram kinds :func:`diagram` draws.
DIAGRAM_KINDS = ("village", "household", "unit", "county", "overlap", "path")


def diagram(store: "Store", kind: str, ident: str, path: Path, *, other: str | None = None,
            max_nodes: int = 800, min_shared: int = 1, batches: bool = True) -> dict[str, Any]:
    """Write any kind of diagram (the one entry point the CLI uses).

    Parameters
    ----------
    store: the graph.
    kind: one of :data:`DIAGRAM_KINDS`.
    ident: village code, household id, unit id, county code (county/overlap), or the first ID
        of a path.
    path: the HTML file to write.
    other: the second ID (``path`` only).
    max_nodes: size limit for ``county`` (folding) and ``overlap`` (strongest pairs).
    min_shared: ``overlap`` only: least shared households for a pair to be drawn.
    batches: ``household``/``unit``: include the import batches.

    Returns
    -------
    The page's counts.

    Raises
    ------
    InputError: unknown kind or ID, or a path without its second ID.
    """
    if kind == "village":
        return village_diagram(store, ident, path, max_nodes=max_nodes)
    if kind == "household":
        return household_diagram(store, ident, path, batches=batches, max_nodes=max_nodes)
    if kind == "unit":
        return unit_diagram(store, ident, path, batches=batches, max_nodes=max_nodes)
    if kind == "county":
        return county_diagram(store, ident, path, max_nodes=max_nodes)
    if kind == "overlap":
        return overlap_diagram(store, ident, path, min_shared=min_shared,
                               max_nodes=max_nodes)
    if kind == "path":
        if not other:
            raise InputError("diagram --kind path: give the second ID with --to.")
        return path_diagram(store, ident, other, path)
    raise InputError(f"diagram: unknown kind {kind!r}; use one of {', '.join(DIAGRAM_KINDS)}.")
