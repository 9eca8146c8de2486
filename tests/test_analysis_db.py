"""The engine against a real Neo4j on small graphs written in the test: exact findings, the
Cypher cross-checks, the mapping read from the graph, filters, errors, reports."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import pytest

from graphreg.analysis import run as engine
from graphreg.analysis.run import ANALYSES, analyse, report
from graphreg.db import Store
from graphreg.errors import CrossCheckError, InputError
from graphreg.geography import import_geography, read_division
from graphreg.project import set_measure_type_causes

d = dt.date
COUNTY = "520423"


@lru_cache(maxsize=1)
def _geo() -> dict[str, list[dict[str, str]]]:
    geo = read_division(counties=[COUNTY])
    geo["villages"] = [v for v in geo["villages"] if v["kind"] == "rural"][:3]
    return geo


@pytest.fixture
def small(store: Store) -> dict[str, str]:
    """Two villages of 520423; five households; a work team in one village; a cadre; measures."""
    geo = _geo()
    import_geography(store, geo)
    v1, v2 = geo["villages"][0]["code"], geo["villages"][1]["code"]
    store.write("merge_poor_villages", [{"code": v1, "poor": True, "since": 2014},
                                        {"code": v2, "poor": True, "since": 2014}])
    store.write("synth_county_flags", [{"code": COUNTY, "poverty_county": True, "area": "A1",
                                        "area_name": "测试片区"}])
    hs = [  # id, village, main, others
        ("H1", v1, 1, []), ("H2", v1, 1, [3]), ("H3", v2, 8, []), ("H4", v2, 4, []),
        ("H5", v1, 1, [])]
    store.write("merge_households", [{
        "id": h, "village": v, "county": COUNTY, "head_name": "王" + h, "size": 2,
        "attribute": "一般贫困户", "standard": "国家", "status": "未脱贫", "registered_year": 2014,
        "income": 2000, "main_cause": m, "other_causes": o} for h, v, m, o in hs])
    store.write("merge_status_changes", [
        {"household": h, "year": 2014, "status": "未脱贫", "date": d(2014, 6, 1)} for h, *_ in hs]
        + [{"household": "H5", "year": 2018, "status": "脱贫", "date": d(2018, 9, 1)}])
    store.write("merge_persons", [
        {"pid": "P1", "masked": "5204**1", "name": "王一", "relation": "户主", "household": "H1",
         "birth_year": 1970},
        {"pid": "P1", "masked": "5204**1", "name": "王一", "relation": "之父", "household": "H3",
         "birth_year": 1970}])
    store.write("merge_units", [
        {"id": u, "name": u, "kind": k, "county": COUNTY, "base": COUNTY, "capacity": 0,
         "skills": []} for u, k in (("WT", "work_team"), ("CD", "cadre"), ("HW", "department"),
                                    ("JY", "department"), ("EN", "enterprise"))])
    store.write("merge_assists", [
        {"unit": "WT", "target": v1, "level": "village", "since": d(2015, 1, 1), "until": None,
         "role": "驻村"},
        {"unit": "CD", "target": "H3", "level": "household", "since": d(2015, 1, 1),
         "until": d(2019, 6, 30), "role": "帮扶责任人"}])
    store.write("merge_measures", [
        {"id": i, "unit": u, "household": h, "type": t, "cost": c, "start": s, "end": e,
         "content": t} for i, u, h, t, c, s, e in (
            ("M1", "HW", "H1", "medical", 1000, d(2016, 1, 1), None),
            ("M2", "EN", "H1", "medical", 500, d(2017, 1, 1), d(2021, 6, 30)),
            ("M3", "JY", "H2", "education", 300, d(2016, 3, 1), None),
            ("M4", "HW", "H3", "medical", 200, d(2016, 1, 1), d(2018, 1, 1)))])
    return {"v1": v1, "v2": v2}


def test_analyse_small_graph_exact(store: Store, small: dict[str, str]) -> None:
    res = analyse(store, as_of=2020, analyses=ANALYSES)
    assert [(g.household, g.level) for g in res.gaps] == [("H3", "ended"), ("H4", "none")]
    assert [u.household for u in res.unassisted] == ["H4"]
    assert [(m.household, m.kind) for m in res.mistargeted] == [("H2", "secondary_only")]
    assert [(g.as_dict()["main_cause"], g.as_dict()["cause"]) for g in res.gaps] == [
        (8, "缺劳力"), (4, "因灾")]
    assert {k: res.mistargeted[0].as_dict()[k] for k in ("cause", "types", "type_names")} == {
        "cause": "因病", "types": ["education"], "type_names": "教育扶持"}
    assert [(o.household, o.unit_a, o.unit_b) for o in res.overlaps] == [("H1", "EN", "HW")]
    assert [(s.pid, s.households) for s in res.shared_persons] == [("P1", ("H1", "H3"))]
    assert [v.village for v in res.villages_without_team] == [small["v2"]]
    assert [c.county for c in res.counties_without_designated] == [COUNTY]
    assert res.overhelped == [] and res.similar_units == []
    assert [(r.household, r.cost) for r in res.ranking] == [
        ("H1", 1500), ("H2", 300), ("H3", 200), ("H4", 0), ("H5", 0)]
    assert res.cross_checks >= 15
    # one county projected, so the largest graph is all of it
    assert res.projected_nodes == res.largest_county_nodes > 0
    assert set(res.timings) == {"project", "networkx", "cross_checks"}
    assert all(t >= 0 for t in res.timings.values())
    assert sum(res.timings.values()) <= res.seconds + 0.01
    top2 = analyse(store, as_of=2020, analyses=["concentration"],
                   options=engine.AnalysisOptions(top=2))
    assert [(r.household, r.cost) for r in top2.ranking] == [("H1", 1500), ("H2", 300)]
    every = analyse(store, as_of=2020, analyses=["concentration"],
                    options=engine.AnalysisOptions(top=0))  # 0: all (gave 1 row before)
    assert [r.household for r in every.ranking] == ["H1", "H2", "H3", "H4", "H5"]
    # as of 2017 H3's cadre and measure still run; H5 had not exited yet
    res = analyse(store, as_of=2017, analyses=ANALYSES)
    assert [(g.household, g.level) for g in res.gaps] == [("H4", "none"), ("H5", "village_only")]
    assert [(m.household, m.kind) for m in res.mistargeted] == [
        ("H2", "secondary_only"), ("H3", "unaddressed")]


def test_mistargeting_follows_the_mapping_in_the_graph(store: Store, small: dict[str, str]) -> None:
    set_measure_type_causes(store, "education", [1, 3])
    assert analyse(store, as_of=2020, analyses=["mistargeting"]).mistargeted == []
    with pytest.raises(InputError):
        set_measure_type_causes(store, "nonsense", [1])


def test_village_filter_and_unknown_codes(store: Store, small: dict[str, str]) -> None:
    res = analyse(store, villages=[small["v2"]], as_of=2020, analyses=ANALYSES)
    assert [g.household for g in res.gaps] == ["H3", "H4"]
    assert [(s.pid, s.households) for s in res.shared_persons] == [("P1", ("H1", "H3"))]
    assert res.counties_without_designated == []  # a village filter does not judge the county
    with pytest.raises(InputError):
        analyse(store, county_codes=["110101"])
    # a mistyped code among good ones is refused, not silently dropped
    with pytest.raises(InputError) as e:
        analyse(store, county_codes=[COUNTY, "999999"], villages=[small["v1"], "520423999999",
                                                                  "520423999"])
    assert str(e.value).startswith("Unknown code: county 999999; village or township "
                                   "520423999999, 520423999. ")
    with pytest.raises(InputError, match="Unknown code: area A9"):
        analyse(store, area="A9")
    with pytest.raises(InputError):
        analyse(store, analyses=["astrology"])
    with pytest.raises(InputError):
        report(store, "county", "999999")
    with pytest.raises(InputError):
        report(store, "planet", COUNTY)
    # a real county with no registry: no years to report ("year 0 is out of range" before)
    import_geography(store, read_division(counties=["520102"]))
    with pytest.raises(InputError, match="No household is registered in county 520102"):
        report(store, "county", "520102")
    empty = report(store, "county", "520102", as_of=2020)
    assert [(r.year, r.households) for r in empty.years] == [(2020, 0)]


def test_empty_database(store: Store) -> None:
    res = analyse(store)
    assert res.counties == [] and res.summary()["households"] == 0


def test_a_wrong_analysis_is_a_cross_check_error(store: Store, small: dict[str, str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    real = engine.household_gaps
    monkeypatch.setattr(engine, "household_gaps", lambda G, **kw: real(G, **kw)[1:])
    with pytest.raises(CrossCheckError, match="gaps"):
        analyse(store, as_of=2020, analyses=ANALYSES)


def test_report_levels(store: Store, small: dict[str, str]) -> None:
    rep = report(store, "county", COUNTY, as_of=2020)
    assert [r.year for r in rep.years] == list(range(2014, 2021))
    y2018 = rep.years[4]
    assert (y2018.year, y2018.households, y2018.in_poverty, y2018.exits) == (2018, 5, 4, 1)
    last = rep.years[-1]
    assert (last.people, last.assisted, last.targeted, last.overlaps) == (10, 2, 1, 1)
    assert last.assisted_share == 0.5 and last.targeted_share == 0.25
    y2016 = rep.years[2]
    assert (y2016.cost, y2016.cost_per_household) == (1500, 300.0)
    t1, t2 = small["v1"][:9], small["v2"][:9]
    want = [(t1, 5)] if t1 == t2 else sorted([(t1, 3), (t2, 2)])
    assert [(p.code, p.households) for p in rep.parts] == want
    v = report(store, "village", small["v2"], as_of=2020)
    assert (v.years[-1].households, v.parts) == (2, [])  # a village has no places below it
    assert set(rep.timings) == {"project", "networkx", "cross_checks"}
    assert sum(rep.timings.values()) <= rep.seconds + 0.01
    a = report(store, "area", "A1", as_of=2020)
    assert a.name == "测试片区" and a.years[-1].households == 5


def test_overhelped_and_similar_units_agree_with_cypher(store: Store, small: dict[str, str]) -> None:
    v = small["v2"]
    counts = {"X1": 2, "X2": 2, "X3": 3, "X4": 3, "X5": 7, "X6": 6}
    store.write("merge_households", [{
        "id": h, "village": v, "county": COUNTY, "head_name": h, "size": 1,
        "attribute": "一般贫困户", "standard": "国家", "status": "未脱贫", "registered_year": 2014,
        "income": 2000, "main_cause": 1, "other_causes": []} for h in counts])
    store.write("merge_units", [{"id": f"S{i}", "name": f"S{i}", "kind": "social",
                                 "county": COUNTY, "base": COUNTY, "capacity": 0, "skills": []}
                                for i in range(7)])
    store.write("merge_assists", [
        {"unit": f"S{i}", "target": h, "level": "household", "since": d(2016, 1, 1),
         "until": None, "role": "社会帮扶"} for h, n in counts.items() for i in range(n)])
    res = analyse(store, as_of=2020, analyses=["overhelped", "similar_units"])
    # village v2 peers: H3 (CD ended before 2020: not helped), X1..X6
    assert [(o.household, o.units, o.village_median) for o in res.overhelped] == [("X5", 7, 3)]
    # S0 and S1 help all six; S2 only four, under min_households=5
    got = [(p.unit_a, p.unit_b, p.shared, p.jaccard) for p in res.similar_units]
    assert got == [("S0", "S1", 6, 1.0)]
    res = analyse(store, as_of=2020, analyses=["similar_units"],
                  options=engine.AnalysisOptions(min_unit_households=2, jaccard=0.6))
    got = [(p.unit_a, p.unit_b, p.shared) for p in res.similar_units]
    # S3, S4, S5 help X5 and X6 (identical); S2 = {X3..X6}: with S0/S1 4/6
    assert got == [("S0", "S1", 6), ("S0", "S2", 4), ("S1", "S2", 4), ("S3", "S4", 2),
                   ("S3", "S5", 2), ("S4", "S5", 2)]
    # X7, helped by seven units since 2016 but registered only in 2019, is not judged (nor a
    # peer) before 2019 (it was flagged as of 2018 before)
    store.write("merge_households", [{
        "id": "X7", "village": v, "county": COUNTY, "head_name": "X7", "size": 1,
        "attribute": "一般贫困户", "standard": "国家", "status": "未脱贫", "registered_year": 2019,
        "income": 2000, "main_cause": 1, "other_causes": []}])
    store.write("merge_assists", [
        {"unit": f"S{i}", "target": "X7", "level": "household", "since": d(2016, 1, 1),
         "until": None, "role": "社会帮扶"} for i in range(7)])
    over = {y: [(o.household, o.units, o.village_median) for o in analyse(
        store, as_of=y, analyses=["overhelped"]).overhelped] for y in (2018, 2020)}
    # (as of 2018 H3 still has its cadre: peers 1, 2, 2, 3, 3, 6)
    assert over == {2018: [("X5", 7, 2.5)], 2020: [("X5", 7, 3), ("X7", 7, 3)]}


def test_cli_commands(store: Store, small: dict[str, str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from typer.testing import CliRunner

    from cli.app import app
    run = CliRunner().invoke
    r = run(app, ["gaps", "--county", COUNTY, "--as-of", "2020", "--json"])
    assert r.exit_code == 0, r.output
    assert [(g["household"], g["level"]) for g in json.loads(r.stdout)] == [
        ("H3", "ended"), ("H4", "none")]
    r = run(app, ["gaps", "--province", "52", "--as-of", "2020", "--level", "none", "--limit",
                  "1", "--json"])
    assert [g["household"] for g in json.loads(r.stdout)] == ["H4"]
    r = run(app, ["overlaps", "--kind", "shared_persons", "--json"])
    assert [s["households"] for s in json.loads(r.stdout)] == [["H1", "H3"]]
    r = run(app, ["mistargeted", "--village", small["v1"], "--json"])
    assert [m["household"] for m in json.loads(r.stdout)] == ["H2"]
    csv = tmp_path / "r.csv"
    r = run(app, ["report", "county", COUNTY, "--as-of", "2020", "--json", "--csv", str(csv)])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["as_of"] == 2020 and data["years"][-1]["households"] == 5
    assert csv.read_text("utf-8-sig").splitlines()[0].startswith("part,code,name,year")
    r = run(app, ["report", "township", small["v1"][:9], "--as-of", "2020"])
    assert r.exit_code == 0 and "by year" in r.stdout and "2020" in r.stdout
    r = run(app, ["overlaps", "--kind", "overhelped"])
    assert r.exit_code == 0 and "households helped by many more units" in r.stdout
    r = run(app, ["report", "county", "999999"])
    assert r.exit_code == 2
    r = run(app, ["analyse", "--county", COUNTY, "--as-of", "2020", "--out", str(tmp_path),
                  "--json"])
    assert r.exit_code == 0 and (tmp_path / "mistargeted.csv").exists()
    r = run(app, ["concentration", "--level", "households", "--limit", "2", "--json"])
    assert [h["household"] for h in json.loads(r.stdout)] == ["H1", "H2"]


def test_poverty_incidence_from_an_imported_population_ledger(
        store: Store, small: dict[str, str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    from graphreg.ledger import import_ledgers
    from graphreg.trace import trace
    v1, v2 = small["v1"], small["v2"]
    v3 = _geo()["villages"][2]["code"]  # a rural village with no registered household
    rep = report(store, "county", COUNTY, as_of=2020)
    assert rep.years[-1].poverty_incidence is None  # no population known
    assert rep.population_unknown == sorted([v1, v2, v3]) and "3 villages" in rep.notes()[0]
    f = tmp_path / "population.csv"
    f.write_text(f"行政村代码,户籍人口,统计年度\n{v2},40,2014\n", encoding="utf-8")
    res = import_ledgers(store, [("village-population", f)], key=b"k")
    assert (res.exit_code, [(x.created, x.updated) for x in res.files]) == (0, [(1, 0)])
    # v2: H3 and H4 (2 people each) in poverty in 2020 -> 4 of 40
    assert report(store, "village", v2, as_of=2020).years[-1].poverty_incidence == 0.1
    f.write_text(f"code,population\n{v2},40\n{v1},60\n", encoding="utf-8")
    import_ledgers(store, [("village-population", f)], key=b"k")
    # the county still misses v3's population, though nobody there is registered: no
    # incidence rather than one from part of the county
    rep = report(store, "county", COUNTY, as_of=2020)
    assert rep.years[-1].poverty_incidence is None and rep.population_unknown == [v3]
    f.write_text(f"code,population\n{v3},100\n", encoding="utf-8")
    import_ledgers(store, [("village-population", f)], key=b"k")
    rep = report(store, "county", COUNTY, as_of=2020)
    # 2020: H1, H2, H3, H4 in poverty (H5 exited in 2018), 8 people of 200; 2017: all 10
    assert [(r.year, r.people_in_poverty, r.poverty_incidence) for r in rep.years[-4:]] == [
        (2017, 10, 0.05), (2018, 8, 0.04), (2019, 8, 0.04), (2020, 8, 0.04)]
    assert rep.population_unknown == [] and rep.notes() == []
    assert rep.years[-1].population == 200
    assert sum(p.population or 0 for p in rep.parts) == 200
    assert v3[:9] in [p.code for p in rep.parts]
    r3 = report(store, "village", v3, as_of=2020)
    assert [(r.year, r.households, r.poverty_incidence) for r in r3.years][-2:] == [
        (2019, 0, 0.0), (2020, 0, 0.0)]
    # a population smaller than the people registered there is reported, not hidden
    f.write_text(f"code,population\n{v1},1\n", encoding="utf-8")
    res = import_ledgers(store, [("village-population", f)], key=b"k")
    assert [(w.row, w.column, w.message) for w in res.warnings] == [
        (2, "population", f"population 1 is smaller than the 6 people registered in village "
                          f"{v1}; check the number and the village code")]
    rep = report(store, "county", COUNTY, as_of=2020)
    assert rep.population_too_small == [{"village": v1, "people": 6, "population": 1}]
    assert rep.notes() == [f"Village {v1}: 6 people registered but a population of 1; "
                           "correct its village-population row."]
    f.write_text(f"code,population\n{v1},60\n", encoding="utf-8")
    import_ledgers(store, [("village-population", f)], key=b"k")
    facts = [r for r in trace(store, "village", v1).facts if r.fact == "population"]
    assert [(r.info["population"], r.row) for r in facts] == [(60, 2)]
    bad = tmp_path / "bad.csv"
    bad.write_text(f"code,population\n{v1},0\n", encoding="utf-8")
    with pytest.raises(Exception, match="row 2.*population"):
        import_ledgers(store, [("village-population", bad)], key=b"k")


@pytest.mark.parametrize("option, value, message", [
    ("concentration_share", -1, "--share is -1; it must be between 0 and 1"),
    ("concentration_share", 1.5, "--share is 1.5; it must be between 0 and 1"),
    ("jaccard", 2, "--jaccard is 2; it must be above 0 and at most 1"),
    ("jaccard", 0, "--jaccard is 0; it must be above 0 and at most 1"),
    ("excess", -0.5, "--excess is -0.5; it must be 0 or more"),
    ("min_unit_households", 0, "--min-households is 0; it must be 1 or more"),
    ("concentration_share", float("nan"), "--share is nan; it must be between 0 and 1"),
    ("excess", float("nan"), "--excess is nan; it must be 0 or more")])
def test_thresholds_out_of_range_are_refused(option: str, value: float, message: str) -> None:
    with pytest.raises(InputError) as e:
        engine.AnalysisOptions(**{option: value})
    assert str(e.value) == message


def test_concentration_share_out_of_range_exits_2_before_touching_the_graph() -> None:
    from typer.testing import CliRunner

    from graphreg.cli.app import app
    r = CliRunner().invoke(app, ["concentration", "--share", "-1"],
                           env={"NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_PASSWORD": "x"})
    assert r.exit_code == 2 and "--share is -1" in r.output, r.output
