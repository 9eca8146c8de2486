"""Matching against a real Neo4j: the problem read from the graph, exact proposals on small
graphs built here, apply with provenance and idempotence, and a generated county."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from typer.testing import CliRunner

from graphreg.cli.app import app
from graphreg.db import Store
from graphreg.errors import InputError
from graphreg.geography import import_geography, read_division
from graphreg.matching import (NO_FITTING_SKILL, NO_UNIT_IN_REACH, UNITS_FULL, Weights,
                               apply_proposal, build_instance, propose_assignments, read_locks)
from graphreg.matching.propose import _households, _units
from graphreg.synth import FaultRates, generate, write_registry

COUNTY = "520423"
V1, V2 = "520423001210", "520423001251"   # township 520423001
V3 = "520423002231"                       # township 520423002
TODAY = dt.date(2026, 12, 3)


@pytest.fixture(scope="module")
def geo() -> dict[str, list[dict[str, Any]]]:
    return read_division(counties=[COUNTY])


def _household(hid: str, village: str, main: int, others: list[int] | None = None,
               status: str = "未脱贫") -> dict[str, Any]:
    return {"id": hid, "village": village, "county": COUNTY, "head_name": f"户主{hid}",
            "size": 3, "attribute": "一般贫困户", "standard": "国家", "status": status,
            "registered_year": 2014, "income": 2000, "main_cause": main,
            "other_causes": others or []}


def _unit(uid: str, kind: str, base: str | None, capacity: int, skills: list[str],
          county: str = COUNTY) -> dict[str, Any]:
    return {"id": uid, "name": f"单位{uid}", "kind": kind, "county": county, "base": base,
            "capacity": capacity, "skills": skills}


def _assist(unit: str, target: str, level: str = "household",
            until: dt.date | None = None) -> dict[str, Any]:
    return {"unit": unit, "target": target, "level": level, "since": dt.date(2016, 1, 1),
            "until": until, "role": "帮扶责任人"}


def _small_county(store: Store, geo: dict[str, list[dict[str, Any]]]) -> None:
    """H1 illness and H2 schooling (other cause: illness) in V1, unassisted; H3 lack of labour
    in V3, helped by C0 with an industry measure (mistargeted); H4 illness in V3, helped by C0
    with a medical measure (fine); H5 exited; H6 unassisted whose old helper's ASSISTS ended."""
    import_geography(store, geo)
    store.write("merge_households", [
        _household("H1", V1, 1), _household("H2", V1, 3, [1]), _household("H3", V3, 8),
        _household("H4", V3, 1), _household("H5", V1, 1, status="脱贫"),
        _household("H6", V2, 7)])
    store.write("merge_units", [
        _unit("CD1", "cadre", "520423001", 2, []),
        _unit("HW", "department", COUNTY, 1, ["medical", "health"]),
        _unit("RS", "department", COUNTY, 5, ["labour"]),
        _unit("C0", "cadre", V3, 3, []),
        _unit("OLD", "cadre", V2, 1, ["training"]),
        _unit("EW", "east_west", None, 3, ["education"], county="330106")])
    store.write("merge_assists", [
        _assist("C0", "H3"), _assist("C0", "H4"), _assist("EW", COUNTY, "county"),
        _assist("OLD", "H6", until=dt.date(2019, 12, 31))])
    store.write("merge_measures", [
        {"id": "M1", "unit": "RS", "household": "H3", "type": "industry", "cost": 100,
         "start": dt.date(2017, 1, 1), "end": dt.date(2018, 1, 1), "content": "x"},
        {"id": "M2", "unit": "HW", "household": "H4", "type": "medical", "cost": 100,
         "start": dt.date(2017, 1, 1), "end": dt.date(2018, 1, 1), "content": "x"}])


def _pairs(rows: list[dict[str, Any]]) -> dict[str, str]:
    return {r["household"]: r["unit"] for r in rows}


def test_the_problem_as_read_from_the_graph(store: Store, geo: Any) -> None:
    _small_county(store, geo)
    hh = store.query("match_households", county=COUNTY, active=["未脱贫", "返贫", "预脱贫"],
                     locked=[], today=TODAY)
    assert [(r["id"], r["need"], r["main_cause"], r["other_causes"], r["helpers"]) for r in hh] == [
        ("H1", "unassisted", 1, [], []), ("H2", "unassisted", 3, [1], []),
        ("H3", "mistargeted", 8, [], ["C0"]), ("H6", "unassisted", 7, [], [])]
    units = {r["id"]: (r["capacity"], r["load"], r["base"], r["paired"])
             for r in store.query("match_units", county=COUNTY, today=TODAY)}
    assert units == {"CD1": (2, 0, "520423001", False), "HW": (1, 0, COUNTY, False),
                     "RS": (5, 0, COUNTY, False), "C0": (3, 2, V3, False),
                     "OLD": (1, 0, V2, False), "EW": (3, 0, None, True)}


def test_exact_proposal_with_reasons(store: Store, geo: Any, tmp_path: Path) -> None:
    _small_county(store, geo)
    prop = propose_assignments(store, counties=[COUNTY], today=TODAY)
    # H1 illness: HW (main, county) 10 + load 10 = 20 beats CD1 (none, township) 65 + 5.
    # H2 schooling: EW (main, paired) 15 + load 3 = 18.
    # H3 lack of labour, mistargeted: only RS fits (main, county) 10 + 2.
    # H6 lack of skills: OLD (training: main, same village) 0 + 10 = 10 (its old ASSISTS ended).
    assert _pairs(prop.rows) == {"H1": "HW", "H2": "EW", "H3": "RS", "H6": "OLD"}
    by = {r["household"]: r for r in prop.rows}
    assert [(by[h]["cause_fit"], by[h]["addressed"], by[h]["level"], by[h]["distance"],
             by[h]["cost"], by[h]["load_before"], by[h]["load_after"])
            for h in ("H1", "H2", "H3", "H6")] == [
        ("main", "1 因病 by medical, health", "county", 2, 10, 0, 1),
        ("main", "3 因学 by education", "paired", None, 15, 0, 1),
        ("main", "8 缺劳力 by labour", "county", 2, 10, 0, 1),
        ("main", "7 缺技术 by training", "village", 0, 0, 0, 1)]
    s = prop.counties[0]
    assert (s.households, s.unassisted, s.mistargeted, s.covered, s.cost) == (
        4, 3, 1, 4, 20 + 18 + 12 + 10)
    # propose changes nothing
    assert {r["id"]: r["load"] for r in store.query("match_units", county=COUNTY, today=TODAY)
            } == {"CD1": 0, "HW": 0, "RS": 0, "C0": 2, "OLD": 0, "EW": 0}
    assert len(store.query("match_households", county=COUNTY, active=["未脱贫"], locked=[],
                           today=TODAY)) == 4

    # locks: HW and OLD locked, H2 locked
    prop2 = propose_assignments(store, counties=[COUNTY], today=TODAY, lock_units=["HW", "OLD"],
                                lock_households=["H2"])
    # H1: CD1 (none, township) 65 + 5 = 70 < RS (none, county) 70 + 2; H6 lack of skills:
    # RS (labour: main, county) 10 + 2 + ... vs CD1 (none) → RS
    assert _pairs(prop2.rows) == {"H1": "CD1", "H3": "RS", "H6": "RS"}

    # reach=village: no unit with room is based in V1; in V3 only C0, which already helps H3
    prop3 = propose_assignments(store, counties=[COUNTY], today=TODAY, lock_units=["RS"],
                                weights=Weights(reach="village"))
    reasons = {r["household"]: r["reason"] for r in prop3.rows if not r["unit"]}
    assert reasons == {"H1": NO_UNIT_IN_REACH, "H2": NO_UNIT_IN_REACH, "H3": NO_UNIT_IN_REACH}
    assert _pairs(prop3.rows)["H6"] == "OLD"
    # capacity: HW alone, one place, two illness households → one is told units are full
    store.write("merge_households", [_household("H7", V1, 1)])
    prop4 = propose_assignments(store, counties=[COUNTY], today=TODAY,
                                lock_units=["CD1", "RS", "EW", "OLD", "C0"])
    got = {r["household"]: r["unit"] or r["reason"] for r in prop4.rows}
    assert sorted(got.values()) == sorted(["HW", UNITS_FULL, NO_FITTING_SKILL, UNITS_FULL,
                                           UNITS_FULL])
    assert got["H3"] == NO_FITTING_SKILL


def test_apply_writes_with_provenance_and_twice_changes_nothing(
        store: Store, geo: Any, tmp_path: Path) -> None:
    _small_county(store, geo)
    prop = propose_assignments(store, counties=[COUNTY], today=TODAY)
    path = tmp_path / "proposal.csv"
    assert prop.write(path) == 4
    res = apply_proposal(store, path, operator="李四", today=TODAY)
    assert (res.pairs, res.created, res.unchanged, res.skipped_rows, res.batch_created) == (
        4, 4, 0, 0, True)
    written = store.query("match_units", county=COUNTY, today=TODAY)
    assert {r["id"]: r["load"] for r in written} == {
        "CD1": 0, "HW": 1, "RS": 1, "C0": 2, "OLD": 1, "EW": 1}
    # nobody needs a helper now: H3 is helped by RS, whose skill addresses its main cause
    hh = store.query("match_households", county=COUNTY, active=["未脱贫"], locked=[],
                     today=TODAY)
    assert hh == []
    again = apply_proposal(store, path, operator="李四", today=TODAY + dt.timedelta(days=3))
    assert (again.batch, again.created, again.unchanged, again.batch_created) == (
        res.batch, 0, 4, False)
    assert {r["id"]: r["load"] for r in store.query(
        "match_units", county=COUNTY, today=TODAY)} == {r["id"]: r["load"] for r in written}
    prop2 = propose_assignments(store, counties=[COUNTY], today=TODAY)
    assert prop2.rows == [] and prop2.counties[0].households == 0


def test_apply_json_edited_file_and_errors(store: Store, geo: Any, tmp_path: Path) -> None:
    _small_county(store, geo)
    prop = propose_assignments(store, counties=[COUNTY], today=TODAY)
    path = tmp_path / "proposal.json"
    prop.write(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["kind"] == "graphreg-match-proposal" and doc["totals"]["covered"] == 4
    # a planner moves H1 from HW to CD1 and drops H2
    for r in doc["rows"]:
        if r["household"] == "H1":
            r["unit"] = "CD1"
    doc["rows"] = [r for r in doc["rows"] if r["household"] != "H2"]
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    res = apply_proposal(store, path, operator="王五", today=TODAY)
    assert res.created == 3
    rels = store.query("match_units", county=COUNTY, today=TODAY)
    assert {r["id"]: r["load"] for r in rels}["CD1"] == 1

    bad = tmp_path / "bad.csv"
    with open(bad, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["household", "unit"])
        w.writerow(["H6", "NOPE"])
        w.writerow(["H9", "RS"])
    with pytest.raises(InputError, match=r"row 2: unit 'NOPE'.*row 3: household 'H9'"):
        apply_proposal(store, bad, today=TODAY)
    with open(bad, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["household", "unit"])
        # OLD (capacity 1) already carries H6 (applied above): H6 is unchanged, H1 and H2 new
        w.writerows([["H6", "OLD"], ["H1", "OLD"], ["H2", "OLD"]])
    with pytest.raises(InputError, match=r"OLD \(1 \+ 2 > capacity 1\)"):
        apply_proposal(store, bad, today=TODAY)
    assert {r["id"]: r["load"] for r in store.query("match_units", county=COUNTY,
                                                     today=TODAY)}["OLD"] == 1  # all or none
    res2 = apply_proposal(store, bad, today=TODAY, allow_over_capacity=True)
    assert res2.created == 2
    with open(bad, "w", encoding="utf-8", newline="") as fh:
        fh.write("household,unit\nH6,OLD\nH6,OLD\n")
    with pytest.raises(InputError, match="row 3: repeats"):
        apply_proposal(store, bad, today=TODAY)
    with open(bad, "w", encoding="utf-8", newline="") as fh:
        fh.write("household,who\nH6,OLD\n")
    with pytest.raises(InputError, match="lacks column"):
        apply_proposal(store, bad, today=TODAY)


def test_xlsx_round_trip(store: Store, geo: Any, tmp_path: Path) -> None:
    from openpyxl import load_workbook
    _small_county(store, geo)
    path = tmp_path / "p.xlsx"
    assert propose_assignments(store, counties=[COUNTY], today=TODAY).write(path) == 4
    wb = load_workbook(path)
    ws = wb["proposal"]
    assert ws["B2"].value == "H1" and ws["G2"].value == "HW"
    assert ws.cell(row=2, column=2).data_type == "s"  # ids stay text
    ws["G3"] = None  # the planner clears H2's unit
    wb.save(path)
    res = apply_proposal(store, path, today=TODAY)
    assert (res.pairs, res.created, res.skipped_rows) == (3, 3, 1)
    assert [w[:3] for w in store.query("match_batch", id=res.batch)[0]["written"]] == [
        ["H1", "HW", 2], ["H3", "RS", 4], ["H6", "OLD", 5]]


def test_provenance_properties(store: Store, geo: Any, tmp_path: Path) -> None:
    _small_county(store, geo)
    path = tmp_path / "p.csv"
    propose_assignments(store, counties=[COUNTY], today=TODAY).write(path)
    res = apply_proposal(store, path, operator="李四", today=TODAY)
    batch = store.query("match_batch", id=res.batch)
    assert batch == [{"kind": "match-proposal", "file": str(path.resolve()), "sha256": res.sha256,
                      "operator": "李四", "rows": 4,
                      "written": [["H1", "HW", 2, "帮扶责任人"], ["H2", "EW", 3, "帮扶责任人"],
                                  ["H3", "RS", 4, "帮扶责任人"], ["H6", "OLD", 5, "帮扶责任人"]],
                      "wrote": 4}]


def test_lock_file(tmp_path: Path) -> None:
    p = tmp_path / "locks.csv"
    p.write_text("kind,id\nhousehold,H1\n\nunit,U9\nhousehold,H2\n", encoding="utf-8")
    assert read_locks(p) == (["H1", "H2"], ["U9"])
    p.write_text("village,V1\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        read_locks(p)


def _needs_from_rows(reg: Any, today: dt.date) -> dict[str, str]:
    """The households that need a helper, worked out from the generator's rows in Python (an
    independent check of cypher/match_households.cypher)."""
    from graphreg.model import ADDRESSES
    skills = {u["id"]: set(u["skills"]) for u in reg.units}
    helpers: dict[str, set[str]] = {}
    for a in reg.assists:
        if a["level"] == "household" and (a["until"] is None or a["until"] >= today):
            helpers.setdefault(a["target"], set()).add(a["unit"])
    running: set[str] = set()
    types: dict[str, set[str]] = {}
    for m in reg.measures:
        types.setdefault(m["household"], set()).add(m["type"])
        if m["end"] is None or m["end"] >= today:
            running.add(m["household"])
    out = {}
    for h in reg.households:
        if h["status"] not in ("未脱贫", "返贫", "预脱贫"):
            continue
        hid, main = h["id"], h["main_cause"]
        fits = {t for t, cs in ADDRESSES.items() if main in cs}
        if not helpers.get(hid) and hid not in running:
            out[hid] = "unassisted"
        elif fits and not (types.get(hid, set()) & fits) and not any(
                skills[u] & fits for u in helpers.get(hid, ())):
            out[hid] = "mistargeted"
    return out


def test_generated_county_covers_every_household_that_can_be_covered(
        store: Store, geo: Any) -> None:
    reg = generate(geo, households=600, seed=5,
                   rates=FaultRates(unassisted=0.15, mistargeted=0.10, overlap=0.0))
    # The generator gives departments skills but no capacity, cadres capacity but no skills:
    # give each department 8 places so that skills meet capacity.
    for u in reg.units:
        if u["kind"] == "department":
            u["capacity"] = 8
    import_geography(store, geo)
    write_registry(store, reg)
    prop = propose_assignments(store, counties=[COUNTY], today=TODAY)
    expected = _needs_from_rows(reg, TODAY)
    assert {r["household"]: r["need"] for r in prop.rows} == expected
    planted = {f[0] if isinstance(f, tuple) else f for f in reg.faults["unassisted"]}
    assert planted <= set(expected) and len(expected) >= 100
    # independent check of coverage: a maximum flow (NetworkX) on the same candidate pairs
    hh = _households(store.query("match_households", county=COUNTY,
                                 active=["未脱贫", "返贫", "预脱贫"], locked=[], today=TODAY))
    units = _units(store.query("match_units", county=COUNTY, today=TODAY), set())
    addresses = {r["type"]: r["causes"] for r in store.query("match_addresses")}
    inst = build_instance(hh, units, addresses, Weights())
    G = nx.DiGraph()
    for h, u in zip(inst.pair_h, inst.pair_u):
        G.add_edge("s", ("h", h), capacity=1)
        G.add_edge(("h", h), ("u", u), capacity=1)
    for u, free in enumerate(inst.free):
        G.add_edge(("u", u), "t", capacity=free)
    best = nx.maximum_flow_value(G, "s", "t") if inst.pair_h else 0
    s = prop.counties[0]
    assert s.covered == best == len(prop.pairs)
    assert s.covered >= s.greedy_covered and s.covered > 0
    assert s.covered + sum(s.unserved.values()) == len(expected)
    # no unit beyond its capacity, and every unserved household has a reason
    after: dict[str, int] = {}
    for r in prop.pairs:
        assert r["load_after"] <= r["capacity"]
        after[r["unit"]] = r["load_after"]
    assert all(r["reason"] for r in prop.rows if not r["unit"])


# ---- the command line ------------------------------------------------------------------
def test_propose_then_apply_twice(store: Store, geo: Any, tmp_path: Path) -> None:
    _small_county(store, geo)
    runner = CliRunner()
    out = tmp_path / "proposal.csv"
    locks = tmp_path / "locks.csv"
    locks.write_text("kind,id\nunit,OLD\n", encoding="utf-8")
    r = runner.invoke(app, ["match", "propose", "--county", COUNTY, "--out", str(out),
                            "--lock-household", "H2", "--locks", str(locks),
                            "--weight", "township=5", "--json"])
    assert r.exit_code == 0, r.output
    figures = json.loads(r.stdout)
    assert figures["rows"] == 3 and figures["totals"]["covered"] == 3
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(x["household"], x["unit"], x["cause_fit"]) for x in rows] == [
        ("H1", "HW", "main"), ("H3", "RS", "main"), ("H6", "RS", "main")]
    r = runner.invoke(app, ["match", "apply", str(out), "--operator", "李四", "--json"])
    assert r.exit_code == 0, r.output
    first = json.loads(r.stdout)
    assert (first["created"], first["unchanged"], first["batch_created"]) == (3, 0, True)
    r = runner.invoke(app, ["match", "apply", str(out), "--json"])
    again = json.loads(r.stdout)
    assert (again["batch"], again["created"], again["unchanged"], again["batch_created"]) == (
        first["batch"], 0, 3, False)


def test_bad_input_exits_2_with_a_message(store: Store, tmp_path: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(app, ["match", "propose", "--weight", "township=far",
                            "--out", str(tmp_path / "p.csv")])
    assert r.exit_code == 2 and "township must be a whole number" in r.output
    r = runner.invoke(app, ["match", "apply", str(tmp_path / "missing.csv")])
    assert r.exit_code == 2 and "cannot read the proposal" in r.output
