"""Write a diagram graph as ONE self-contained HTML file that opens with no network.

The nodes and edges go into a pyvis :class:`~pyvis.network.Network` (pyvis holds the
vis-network options and data); the page itself comes from graphreg's own template, with the
vis-network script and style that ship inside pyvis copied inline, so the file references no
CDN, font or other URL. Labels and tooltips are plain text; the file is always UTF-8.

The page sets ``window.graphreg = {nodes, edges, drawn, positioned, ...}`` once vis-network
has drawn, which the browser check (:func:`visualizations.browser.inspect_page`) reads.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("Village:1", kind="Village", props={"name": "大寨村", "code": "1"})
    >>> g.add_node("Household:2", kind="Household", props={"id": "2", "head_name": "王伟"})
    >>> _ = g.add_edge("Household:2", "Village:1", rel="LIVES_IN", props={})
    >>> html, info = render_html(g, title="测试")
    >>> info["nodes"], info["edges"], info["by_kind"]
    (2, 1, {'Household': 1, 'Village': 1})
    >>> network_references(html)
    []
"""

from __future__ import annotations

import html as htmlmod
import json
import re
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

from .style import (NODE_STYLES, edge_style, edge_tooltip, label_of, legend_icon, style_of,
                    tooltip_of)

FONT = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, SimHei, sans-serif"
VIS_VERSION = "vis-9.1.2"

#: What counts as a reference the browser would fetch (attributes, CSS, imports, source maps).
_FETCHING = re.compile(
    r"""(?:\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//"""
    r"""|url\(\s*["']?\s*(?:https?:)?//|@import|sourceMappingURL|<link\b|<iframe\b"""
    r"""|\bfetch\(\s*["']https?:|\bimportScripts\()""", re.I)


def network_references(html: str) -> list[str]:
    """Every place in ``html`` that would make a browser fetch something from a network.

    >>> network_references('<script src="https://cdn.example/x.js"></script>')
    ['src="https://']
    >>> network_references('<p>http://example.org is text</p>')
    []
    """
    return [m.group(0) for m in _FETCHING.finditer(html)]


def _asset(name: str) -> str:
    text = resources.files("pyvis").joinpath("templates", "lib", VIS_VERSION, name
                                              ).read_text("utf-8")
    # The source-map comment makes DevTools fetch a file that is not there: drop it.
    return re.sub(r"//[#@]\s*sourceMappingURL=\S*", "", text)


def _script_json(value: Any) -> str:
    """JSON safe inside a <script> element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("</", "<\\/").replace("<!--", "<\\!--")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _ids(g: nx.MultiDiGraph) -> dict[Any, int]:
    return {n: i for i, n in enumerate(g.nodes)}


def to_pyvis(g: nx.MultiDiGraph, *, positions: dict[Any, tuple[float, float]] | None = None
             ) -> Network:
    """Turn a diagram graph into a styled pyvis network (plain-text labels and tooltips).

    Node attributes: ``kind``, ``props`` (and optionally ``size``, ``label``, ``title``).
    Edge attributes: ``rel``, ``props`` (and optionally ``width``, ``label``).
    """
    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    ids = _ids(g)
    for n, data in g.nodes(data=True):
        kind = data.get("kind", "Other")
        props = data.get("props", {})
        st = style_of(kind)
        opts: dict[str, Any] = {
            "shape": st["shape"], "color": st["color"],
            "title": data.get("title") or tooltip_of(kind, props),
            "size": data.get("size", st["size"]), "kind": kind,
            "font": {"face": FONT, "size": 14 if st["shape"] != "box" else 15,
                     "color": "#ffffff" if st["shape"] in ("box", "database", "ellipse")
                     else "#263238"},
        }
        if positions is not None and n in positions:
            x, y = positions[n]
            opts.update(x=round(float(x), 1), y=round(float(y), 1))
        net.add_node(ids[n], label=data.get("label") or label_of(kind, props), **opts)
    for a, b, data in g.edges(data=True):
        rel = data.get("rel", "")
        es = edge_style(rel)
        opts = {"title": data.get("title") or edge_tooltip(rel, data.get("props", {})),
                "color": es["color"], "width": data.get("width", 1.5)}
        if data.get("label"):
            opts["label"] = str(data["label"])
        if data.get("arrows") is False:  # an undirected relation (e.g. shared households)
            opts["arrows"] = {"to": {"enabled": False}}
        net.add_edge(ids[a], ids[b], **opts)
    return net


def _options(physics: bool) -> dict[str, Any]:
    return {
        "physics": {"enabled": physics, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 90,
                                         "avoidOverlap": 0.4},
                    "stabilization": {"enabled": physics, "iterations": 400, "fit": True}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "smooth": {"enabled": physics, "type": "continuous"},
                  "font": {"face": FONT, "size": 11, "align": "middle"}},
        "nodes": {"borderWidth": 1},
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False,
                        "hideEdgesOnDrag": not physics},
        "layout": {"improvedLayout": physics and False},
    }


_TEMPLATE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="graphreg">
<title>{title}</title>
<style>{vis_css}</style>
<style>
html, body {{ margin: 0; height: 100%; font-family: {font}; color: #263238; background: #fafafa; }}
header {{ padding: 8px 16px 4px; border-bottom: 1px solid #e0e0e0; background: #fff; }}
h1 {{ font-size: 18px; margin: 0 0 4px; }}
.sub {{ font-size: 13px; color: #546e7a; }}
.note {{ font-size: 13px; background: #fff8e1; border: 1px solid #ffe082; padding: 4px 8px;
         margin: 6px 0 2px; border-radius: 3px; }}
#wrap {{ display: flex; height: calc(100% - {header_px}px); }}
#network {{ flex: 1; height: 100%; background: #fff; }}
#legend {{ width: 210px; padding: 8px 12px; font-size: 13px; overflow-y: auto;
           border-left: 1px solid #e0e0e0; background: #fff; }}
#legend h2 {{ font-size: 14px; margin: 6px 0; }}
#legend div {{ margin: 3px 0; white-space: nowrap; }}
.sym {{ display: inline-block; vertical-align: -2px; margin: 0 5px 0 3px; }}
.line {{ display: inline-block; width: 20px; height: 3px; vertical-align: middle; margin-right: 0; }}
.n {{ color: #78909c; }}
div.vis-tooltip {{ white-space: pre; font-family: {font}; font-size: 13px; line-height: 1.45; }}
</style>
</head>
<body>
<header>
<h1>{title}</h1>
<div class="sub">{subtitle}</div>
{notes}
</header>
<div id="wrap">
<div id="network"></div>
<aside id="legend"><h2>图例</h2>{legend_nodes}<h2>关系</h2>{legend_edges}</aside>
</div>
<script>{vis_js}</script>
<script>
(function () {{
  var nodes = new vis.DataSet({nodes});
  var edges = new vis.DataSet({edges});
  var options = {options};
  var info = {info};
  info.nodes = nodes.length; info.edges = edges.length; info.drawn = false;
  window.graphreg = info;
  var container = document.getElementById("network");
  var network = new vis.Network(container, {{nodes: nodes, edges: edges}}, options);
  window.graphregNetwork = network;
  network.once("afterDrawing", function () {{
    info.positioned = Object.keys(network.getPositions()).length;
    info.drawn = true;
    document.body.setAttribute("data-drawn", "1");
  }});
  network.on("stabilizationIterationsDone", function () {{
    network.setOptions({{physics: {{enabled: false}}}});
  }});
}})();
</script>
</body>
</html>
"""


def render_html(g: nx.MultiDiGraph, *, title: str, subtitle: str = "",
                notes: list[str] | None = None,
                positions: dict[Any, tuple[float, float]] | None = None,
                extra: dict[str, Any] | None = None) -> tuple[str, dict[str, Any]]:
    """The page for a diagram graph, and its counts.

    Parameters
    ----------
    g: the diagram graph (see :func:`to_pyvis`).
    title: the page heading (also the window title).
    subtitle: a line under the heading.
    notes: sentences shown in a highlighted box (for example what was folded).
    positions: precomputed node positions; when given, physics is off.
    extra: more values for ``window.graphreg`` and the returned counts.

    Returns
    -------
    ``(html, {"nodes", "edges", "by_kind", "by_relation", "physics", ...})``.
    """
    physics = positions is None
    net = to_pyvis(g, positions=positions)
    by_kind = dict(sorted(Counter(d.get("kind", "Other") for _, d in g.nodes(data=True)).items()))
    by_rel = dict(sorted(Counter(d.get("rel", "") for _, _, d in g.edges(data=True)).items()))
    info: dict[str, Any] = {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                            "by_kind": by_kind, "by_relation": by_rel, "physics": physics,
                            **(extra or {})}
    order = list(NODE_STYLES)
    legend_nodes = "".join(
        f'<div>{legend_icon(k)}{htmlmod.escape(style_of(k)["name"])} '
        f'<span class="n">{n}</span></div>'
        for k, n in sorted(by_kind.items(),
                           key=lambda kv: order.index(kv[0]) if kv[0] in order else 99))
    legend_edges = "".join(
        f'<div><span class="line" style="background:{edge_style(r)["color"]}"></span> '
        f'{htmlmod.escape(edge_style(r)["name"])} <span class="n">{n}</span></div>'
        for r, n in by_rel.items())
    note_html = "".join(f'<div class="note">{htmlmod.escape(t)}</div>' for t in (notes or []))
    page = _TEMPLATE.format(
        title=htmlmod.escape(title), subtitle=htmlmod.escape(subtitle), notes=note_html,
        header_px=64 + 34 * len(notes or []), font=FONT,
        vis_css=_asset("vis-network.css"), vis_js=_asset("vis-network.min.js"),
        legend_nodes=legend_nodes, legend_edges=legend_edges,
        nodes=_script_json(net.nodes), edges=_script_json(net.edges),
        options=_script_json(_options(physics)), info=_script_json(info))
    return page, info


def write_page(g: nx.MultiDiGraph, path: Path, **kwargs: Any) -> dict[str, Any]:
    """Write :func:`render_html` to ``path`` as UTF-8 (whatever the locale); return its counts."""
    page, info = render_html(g, **kwargs)
    refs = network_references(page)
    if refs:  # a guard: graphreg's pages must never reach out
        raise RuntimeError(f"the diagram page would fetch from the network: {refs[:3]}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(page.encode("utf-8"))
    return info
