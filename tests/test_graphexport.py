"""GraphML and GEXF exports read back with NetworkX: same nodes, edges and clean attributes."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from graphreg.db import Store
from graphreg.errors import InputError
from graphreg.graphexport import export_graph
from graphreg.ids import mask_id
from test_diagram_data import COUNTY, H1, H2, H4, IDS, V1



def _check_clean(g: nx.Graph) -> None:
    for _, d in list(g.nodes(data=True)) + [(None, d) for *_, d in g.edges(data=True)]:
        for k, v in d.items():
            assert v is not None and not isinstance(v, (list, dict, tuple)), (k, v)
            assert k != "pid"


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_village_reads_back(small: Store, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"v.{fmt}"
    info = export_graph(small, "village", V1, out)
    assert (info["nodes"], info["edges"], info["format"]) == (13, 15, fmt)
    g = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert (g.number_of_nodes(), g.number_of_edges()) == (13, 15)
    _check_clean(g)
    h1 = g.nodes[f"Household:{H1}"]
    assert h1["label"] == "王大山户" and h1["kind"] == "Household"
    assert h1["size"] == 2 and h1["income"] == 2100
    assert mask_id(IDS["王大山"]) in h1["members"]
    assert g.nodes["Measure:M1"]["start_date"] == "2016-01-01"
    assert g.nodes["Measure:M1"]["ident"] == "M1" and g.nodes["Measure:M1"]["cost"] == 3000
    assert g.nodes["Cause:1"]["code"] == "1"  # one type per name: codes as text
    text = out.read_text(encoding="utf-8")
    assert not any(n in text for n in IDS.values())


def test_export_household_county_path(small: Store, tmp_path: Path) -> None:
    info = export_graph(small, "household", H1, tmp_path / "h.graphml")
    g = nx.read_graphml(tmp_path / "h.graphml")
    assert (info["nodes"], g.number_of_nodes(), g.number_of_edges()) == (16, 16, 18)
    assert g.nodes["Batch:B2018-02"]["file"] == "ledgers/measures_2018.csv"
    _check_clean(g)
    c = export_graph(small, "county", COUNTY, tmp_path / "c.gexf", max_nodes=10)
    g = nx.read_gexf(tmp_path / "c.gexf")
    assert (c["nodes"], g.number_of_nodes(), g.number_of_edges()) == (9, 9, 7)
    assert g.nodes[f"Folded:Village:{V1}"]["households"] == 3
    _check_clean(g)
    p = export_graph(small, "path", H2, tmp_path / "p.graphml", other=H4)
    assert (p["nodes"], p["edges"]) == (7, 8)
    with pytest.raises(InputError, match="unknown graph format 'csv'"):
        export_graph(small, "village", V1, tmp_path / "x.csv")
    with pytest.raises(InputError, match="unknown selection 'planet'"):
        export_graph(small, "planet", V1, tmp_path / "x.gexf")
