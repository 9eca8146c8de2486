"""Every kind of diagram: exact nodes and edges on the small registry, drawn offline in Chromium,
and a large generated county that folds to its size limit."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from graphreg.db import Store
from graphreg.errors import InputError
from graphreg.geography import import_geography, read_division
from graphreg.synth import generate, write_registry
from graphreg.visualizations import (county_diagram, household_diagram, overlap_diagram,
                                     path_diagram, trace_diagram, unit_diagram,
                                     village_diagram)
from test_diagram import check_page
from test_diagram_data import (COUNTY, H1, H2, H4, IDS, V1)



def shots(tmp_path: Path) -> Path:
    d = Path(os.environ.get("GRAPHREG_SHOTS", tmp_path))
    d.mkdir(parents=True, exist_ok=True)
    return d


def test_household_diagram(small: Store, tmp_path: Path) -> None:
    out = tmp_path / "h.html"
    info = household_diagram(small, H1, out)
    assert info["by_kind"] == {"Batch": 2, "Cause": 2, "Household": 1, "Measure": 2,
                               "Person": 2, "StatusChange": 2, "Unit:cadre": 1,
                               "Unit:department": 1, "Unit:enterprise": 1,
                               "Unit:work_team": 1, "Village": 1}
    assert info["by_relation"] == {"ASSISTS": 2, "FOR": 2, "HAS_CAUSE": 2, "LIVES_IN": 1,
                                   "MEMBER_OF": 2, "PROVIDES": 2, "STATUS_CHANGED": 2,
                                   "WROTE": 5}
    text = out.read_text(encoding="utf-8")
    assert "王大山户 帮扶关系" in text and "来源：批次 B2018-02 第 12 行" in text
    assert not any(n in text for n in IDS.values())
    no_batches = household_diagram(small, H1, tmp_path / "h2.html", batches=False)
    assert (no_batches["nodes"], no_batches["edges"]) == (14, 13)
    with pytest.raises(InputError, match="household 'nope'"):
        household_diagram(small, "nope", tmp_path / "x.html")


def test_unit_diagram(small: Store, tmp_path: Path) -> None:
    info = unit_diagram(small, "EN", tmp_path / "u.html")
    assert info["by_kind"] == {"Batch": 1, "County": 1, "Household": 2, "Measure": 2,
                               "Unit:enterprise": 1, "Village": 2}
    assert info["by_relation"] == {"BASED_IN": 1, "FOR": 2, "LIVES_IN": 2, "PROVIDES": 2,
                                   "WROTE": 1}


def test_village_and_unit_diagrams_fold_above_max_nodes(small: Store, tmp_path: Path) -> None:
    v = village_diagram(small, V1, tmp_path / "v.html", max_nodes=10)
    assert (v["nodes"], v["edges"]) == (10, 12)
    assert v["by_relation"] == {"ASSISTS": 3, "HAS_CAUSE": 3, "LIVES_IN": 3, "MEASURES": 3}
    assert "3 项帮扶措施已合并" in (tmp_path / "v.html").read_text(encoding="utf-8")
    u = unit_diagram(small, "EN", tmp_path / "u.html", max_nodes=5)
    assert u["by_kind"] == {"County": 1, "Folded:Village": 2, "Unit:enterprise": 1}
    assert u["by_relation"] == {"BASED_IN": 1, "FOLDED_MEASURES": 2}
    text = (tmp_path / "u.html").read_text(encoding="utf-8")
    assert "2 项帮扶措施已合并" in text and "2 户贫困户已按所在村合并" in text
    assert "金额(元)：1500" in text  # the folded edge keeps the measure's cost


def test_county_diagram_levels(small: Store, tmp_path: Path) -> None:
    full = county_diagram(small, COUNTY, tmp_path / "c0.html")
    assert (full["level"], full["nodes"], full["edges"], full["households"]) == (0, 13, 13, 4)
    assert full["by_relation"] == {"ASSISTS": 5, "LIVES_IN": 4, "MEASURES": 4}
    assert full["physics"] is True
    one = county_diagram(small, COUNTY, tmp_path / "c1.html", max_nodes=10)
    assert (one["level"], one["nodes"], one["edges"], one["households"]) == (1, 9, 7, 4)
    assert one["by_kind"]["Folded:Village"] == 2 and one["physics"] is False
    assert one["by_relation"] == {"ASSISTS": 2, "FOLDED_ASSISTS": 2, "FOLDED_MEASURES": 3}
    text = (tmp_path / "c1.html").read_text(encoding="utf-8")
    assert "4 户贫困户已按所在村合并为 2 个村节点" in text and "已关闭物理模拟" in text
    two = county_diagram(small, COUNTY, tmp_path / "c2.html", max_nodes=5)
    assert (two["level"], two["nodes"], two["edges"]) == (2, 7, 5)
    assert two["by_kind"] == {"County": 1, "Folded:Township": 1, "Folded:Unit": 1,
                              "Unit:department": 1, "Unit:designated": 1,
                              "Unit:enterprise": 1, "Unit:work_team": 1}
    text = (tmp_path / "c2.html").read_text(encoding="utf-8")
    assert "2 名帮扶责任人已按所驻乡镇合并" in text and "合并后仍有 7 个节点" in text
    with pytest.raises(InputError, match="county '999999'"):
        county_diagram(small, "999999", tmp_path / "x.html")


def test_overlap_diagram(small: Store, tmp_path: Path) -> None:
    info = overlap_diagram(small, COUNTY, tmp_path / "o.html")
    assert (info["nodes"], info["edges"], info["pairs"], info["pairs_drawn"]) == (4, 4, 4, 4)
    cut = overlap_diagram(small, COUNTY, tmp_path / "o2.html", max_nodes=3)
    assert (cut["nodes"], cut["edges"], cut["pairs"], cut["pairs_drawn"]) == (3, 3, 4, 3)
    assert "只画出共同户数最多的 3 对" in (tmp_path / "o2.html").read_text(encoding="utf-8")
    two = overlap_diagram(small, COUNTY, tmp_path / "o3.html", min_shared=2)
    assert (two["nodes"], two["edges"]) == (2, 1)


def test_path_and_trace_diagrams(small: Store, tmp_path: Path) -> None:
    p = path_diagram(small, H2, H4, tmp_path / "p.html")
    assert (p["nodes"], p["edges"], p["paths"], p["length"]) == (7, 8, 4, 4)
    t = trace_diagram(small, "household", H1, tmp_path / "t.html")
    assert (t["nodes"], t["edges"]) == (16, 18)


@pytest.mark.browser
def test_every_diagram_kind_draws_offline(small: Store, tmp_path: Path) -> None:
    d = shots(tmp_path)
    pages = {
        "household": (household_diagram, (small, H1), (16, 18)),
        "unit": (unit_diagram, (small, "EN"), (9, 8)),
        "county": (county_diagram, (small, COUNTY), (13, 13)),
        "county_folded": (lambda s, c, p: county_diagram(s, c, p, max_nodes=10),
                          (small, COUNTY), (9, 7)),
        "overlap": (overlap_diagram, (small, COUNTY), (4, 4)),
        "path": (path_diagram, (small, H2, H4), (7, 8)),
        "trace_unit": (lambda s, u, p: trace_diagram(s, "unit", u, p), (small, "CD1"), None),
    }
    for name, (fn, args, expected) in pages.items():
        out = tmp_path / f"{name}.html"
        info = fn(*args, out)
        data = check_page(out, d / f"{name}.png")
        assert (data["nodes"], data["edges"]) == (info["nodes"], info["edges"]), name
        if expected:
            assert (data["nodes"], data["edges"]) == expected, name


@pytest.mark.browser
@pytest.mark.slow
def test_large_county_folds_and_opens_quickly(store: Store, tmp_path: Path) -> None:
    geo = read_division(counties=[COUNTY])
    import_geography(store, geo)
    reg = generate(geo, households=1500, seed=5)
    write_registry(store, reg)
    out = tmp_path / "big.html"
    t0 = time.monotonic()
    info = county_diagram(store, COUNTY, out, max_nodes=250)
    build_s = time.monotonic() - t0
    assert info["households"] == 1500
    assert info["level"] == 2 and info["nodes"] <= 250 and info["physics"] is False
    text = out.read_text(encoding="utf-8")
    assert "1500 户贫困户已按所在村合并" in text
    data = check_page(out, shots(tmp_path) / "county_large.png")
    assert (data["nodes"], data["edges"]) == (info["nodes"], info["edges"])
    assert 0 < data["seconds"] < 20  # from navigation to drawn, on a loaded 2-core machine
    print(f"large county: {info['nodes']} nodes, {info['edges']} edges, built in "
          f"{build_s:.1f} s, drawn in {data['seconds']} s")
