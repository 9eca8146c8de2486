"""Trace: exact facts and provenance rows on the small hand-made registry."""

from __future__ import annotations

import datetime as dt

import pytest

from graphreg.db import Store
from graphreg.errors import InputError
from graphreg.ids import mask_id
from graphreg.trace import trace, trace_path
from test_diagram_data import (COUNTY, H1, H2, H3, H4, IDS, TOWNSHIP, V1)

d = dt.date



def test_trace_household_facts_and_sources(small: Store) -> None:
    t = trace(small, "household", H1)
    assert (t.kind, t.id, t.name) == ("household", H1, "王大山户")
    got = [(f.fact, f.date, f.end, f.entity, f.name, f.cost, f.batch, f.row) for f in t.facts]
    masked = sorted([mask_id(IDS["王大山"]), mask_id(IDS["刘秀英"])])
    assert got == [
        ("household", None, None, H1, "王大山户", None, "B2016-01", 5),
        ("lives_in", None, None, V1, "祝英村村民委员会", None, None, None),
        ("member", None, None, masked[0], {mask_id(IDS["王大山"]): "王大山",
                                           mask_id(IDS["刘秀英"]): "刘秀英"}[masked[0]],
         None, None, None),
        ("member", None, None, masked[1], {mask_id(IDS["王大山"]): "王大山",
                                           mask_id(IDS["刘秀英"]): "刘秀英"}[masked[1]],
         None, None, None),
        ("cause", None, None, "1", "因病", None, None, None),
        ("cause", None, None, "8", "缺劳力", None, None, None),
        ("assists", d(2015, 1, 1), None, "DU", "定点帮扶单位乙", None, None, None),
        ("assists", d(2015, 3, 1), None, "CD1", "陈建国", None, "B2018-02", 14),
        ("assists", d(2015, 3, 1), None, "WT", "祝英村驻村工作队", None, None, None),
        ("measure", d(2016, 1, 1), d(2016, 12, 31), "M1", "medical", 3000, "B2018-02", 12),
        ("measure", d(2016, 6, 1), d(2017, 5, 31), "M3", "medical", 1500, "B2018-02", 13),
        ("status", d(2014, 10, 1), None, "2014", "未脱贫", None, "B2016-01", 7),
        ("status", d(2018, 12, 1), None, "2018", "脱贫", None, "B2018-02", 3),
    ]
    assert t.of("household")[0].info["status"] == "脱贫"
    assert [f.info["main"] for f in t.of("cause")] == [True, False]
    assert [f.info["level"] for f in t.of("assists")] == ["county", "household", "village"]
    assert t.of("measure")[1].info["unit_name"] == "帮扶企业甲"
    # no clear ID number anywhere in the result
    text = repr(t.as_dict())
    assert not any(n in text for n in IDS.values())
    assert [(b["batch"], b["row"], b["node_kind"], b["node"]) for b in t.batches] == [
        ("B2016-01", 5, "Household", H1), ("B2016-01", 7, "StatusChange", f"{H1}:2014"),
        ("B2018-02", 3, "StatusChange", f"{H1}:2018"), ("B2018-02", 12, "Measure", "M1"),
        ("B2018-02", 13, "Measure", "M3")]
    assert t.batches[0]["file"] == "ledgers/households_2016.xlsx"
    assert t.batches[0]["operator"] == "镇宁县扶贫办"
    assert t.batches[0]["time"] == "2016-03-02T10:00:00"


def test_trace_timeline_orders_by_date(small: Store) -> None:
    t = trace(small, "household", H1)
    assert [(f.date, f.entity) for f in t.timeline()] == [
        (d(2014, 10, 1), "2014"), (d(2015, 1, 1), "DU"), (d(2015, 3, 1), "CD1"),
        (d(2015, 3, 1), "WT"), (d(2016, 1, 1), "M1"), (d(2016, 6, 1), "M3"),
        (d(2018, 12, 1), "2018")]
    rows = t.rows(timeline=True)
    assert rows[4]["name"] == "医疗扶持" and rows[4]["source"] == "B2018-02:12"
    assert rows[4]["date"] == "2016-01-01" and rows[4]["cost"] == 3000


def test_trace_unit_village_county(small: Store) -> None:
    cd1 = trace(small, "unit", "CD1")
    assert [(f.fact, f.entity, f.date, f.end) for f in cd1.facts] == [
        ("unit", "CD1", None, None), ("based_in", TOWNSHIP, None, None),
        ("assists", H1, d(2015, 3, 1), None), ("assists", H2, d(2015, 4, 1), d(2019, 12, 31))]
    en = trace(small, "unit", "EN")
    assert [(f.entity, f.info["household"], f.cost) for f in en.of("measure")] == [
        ("M3", H1, 1500), ("M4", H4, 5000)]
    v = trace(small, "village", V1)
    assert [f.entity for f in v.of("household")] == [H1, H2, H3]
    assert [(f.entity, f.info["target"]) for f in v.of("assists")] == [
        ("CD1", H1), ("WT", V1), ("CD1", H2)]
    assert [f.entity for f in v.of("measure")] == ["M1", "M3", "M2"]
    # each household's history, not only its current status (H4 lives in another village)
    assert [(f.entity, f.date, f.name, f.batch, f.row) for f in v.of("status")] == [
        (H1, d(2014, 10, 1), "未脱贫", "B2016-01", 7), (H2, d(2014, 10, 1), "未脱贫", None, None),
        (H3, d(2014, 10, 1), "未脱贫", None, None), (H1, d(2018, 12, 1), "脱贫", "B2018-02", 3)]
    c = trace(small, "county", COUNTY)
    units = {f.entity: (f.info["households_assisted"], f.info["measures"], f.cost)
             for f in c.of("unit")}
    assert units == {"CD1": (2, 0, 0), "CD2": (1, 0, 0), "DP": (0, 2, 3800),
                     "DU": (0, 0, 0), "EN": (0, 2, 6500), "WT": (0, 0, 0)}
    assert {f.name: f.info["households"] for f in c.of("households")} == {"脱贫": 1, "未脱贫": 3}
    assert [(f.entity, f.name, f.info["households"]) for f in c.of("status")] == [
        ("2014", "未脱贫", 4), ("2018", "脱贫", 1)]
    assert [f.entity for f in c.of("assists")] == ["DU"]


def test_trace_path_shortest(small: Store) -> None:
    p = trace_path(small, H1, "EN")
    assert [[n.split(" ")[1] for n in path] for path in p.as_dict()["paths"]] == [
        [H1, "M3", "EN"]]
    assert [(r["relation"], r["direction"]) for r in p.rows()] == [("FOR", "<-"),
                                                                  ("PROVIDES", "<-")]
    p2 = trace_path(small, H2, H4)
    assert p2.as_dict()["length"] == 4
    assert sorted(tuple(n.split(" ")[1] for n in path) for path in p2.as_dict()["paths"]) == sorted([
        (H2, "CD1", TOWNSHIP, "CD2", H4), (H2, "CD1", TOWNSHIP, "520423001251", H4),
        (H2, V1, TOWNSHIP, "CD2", H4), (H2, V1, TOWNSHIP, "520423001251", H4)])


def test_trace_errors(small: Store) -> None:
    with pytest.raises(InputError, match="household 'nope': nothing in the graph"):
        trace(small, "household", "nope")
    with pytest.raises(InputError, match="unknown kind 'person'"):
        trace(small, "person", H1)
    with pytest.raises(InputError, match="household '520423': nothing"):
        trace(small, "household", COUNTY)  # a county code is not a household
    with pytest.raises(InputError, match="same entity"):
        trace_path(small, H1, H1)


def test_facts_of_a_generated_registry_say_so(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from graphreg.geography import read_division
    from graphreg.ledger import import_ledgers
    from graphreg.pipeline import load_synthetic
    from graphreg.synth import FaultRates
    from graphreg.trace import GENERATED
    geo = read_division(counties=["520423"])
    reg, _ = load_synthetic(store, geo, households=30, seed=2, rates=FaultRates(), key=b"k")
    h = next(x["id"] for x in reg.households if any(m["household"] == x["id"]
                                                     for m in reg.measures))
    t = trace(store, "household", h)
    assert t.facts and {r["source"] for r in t.rows()} == {GENERATED}
    # a later ledger row is cited as such; the rest stays generated
    f = tmp_path / "population.csv"
    f.write_text(f"code,population\n{h[:12]},300\n", encoding="utf-8")
    res = import_ledgers(store, [("village-population", f)], key=b"k")
    v = {r["fact"]: r["source"] for r in trace(store, "village", h[:12]).rows()}
    assert v["population"] == f"{res.files[0].batch}:2" and v["village"] == GENERATED
