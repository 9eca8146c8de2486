"""A small hand-made registry shared by the diagram, trace, handbook and export tests.

Village 祝英村 (520423001210) in 白马湖街道, 镇宁县 (real codes) holds three households;
大新村 (520423001251), same township, holds one:

- H1 王大山户 (520423001210 0001): 2 members, main cause 因病 (1), other 缺劳力 (8).
  Cadre CD1 assists it since 2015-03-01; 卫生健康局 DP gives M1 medical 3000 元
  (2016-01-01..2016-12-31); enterprise EN gives M3 medical 1500 元 (2016-06-01..2017-05-31).
  Status 2014 未脱贫, 2018 脱贫.
- H2 李小花户 (…0002): 1 member, main cause 因学 (3). CD1 assists it; DP gives M2 education
  800 元 (2017-09-01..2018-06-30). Status 2014 未脱贫.
- H3 张老三户 (…0003): 1 member, main cause 因病 (1); no help at all. Status 2014 未脱贫.
- H4 赵四户 in 大新村: 1 member, main cause 缺资金 (9); CD2 assists it; EN gives M4 industry
  5000 元 (2018-03-01..2019-02-28).
- Work team WT (based in 祝英村) assists 祝英村 since 2015-03-01; designated unit DU assists
  the county.
"""

from __future__ import annotations

import datetime as dt

from graphreg.db import Store
from graphreg.geography import import_geography, read_division
from graphreg.ids import hash_id, make_id, mask_id

COUNTY = "520423"
TOWNSHIP = "520423001"
V1 = "520423001210"   # 祝英村村民委员会
V2 = "520423001251"   # 大新村村民委员会
H1, H2, H3, H4 = (f"{V1}0001", f"{V1}0002", f"{V1}0003", f"{V2}0001")
KEY = b"test-key"

#: ID-card numbers of the members (synthetic, valid check digits).
IDS = {
    "王大山": make_id(COUNTY, dt.date(1960, 5, 4), 11),
    "刘秀英": make_id(COUNTY, dt.date(1962, 8, 9), 12),
    "李小花": make_id(COUNTY, dt.date(1980, 1, 2), 13),
    "张老三": make_id(COUNTY, dt.date(1950, 3, 3), 14),
    "赵四": make_id(COUNTY, dt.date(1975, 7, 7), 15),
}


def build_small_registry(store: Store) -> None:
    """Write the registry described in the module docstring (geography of one township)."""
    geo = read_division(counties=[COUNTY])
    geo["townships"] = [t for t in geo["townships"] if t["code"] == TOWNSHIP]
    geo["villages"] = [v for v in geo["villages"] if v["code"] in (V1, V2)]
    import_geography(store, geo)
    store.write("merge_poor_villages", [{"code": V1, "poor": True, "since": 2014}])

    def hh(hid: str, village: str, head: str, size: int, main: int, other: list[int]
           ) -> dict[str, object]:
        return {"id": hid, "village": village, "county": COUNTY, "head_name": head,
                "size": size, "attribute": "一般贫困户", "standard": "国家", "status": "未脱贫",
                "registered_year": 2014, "income": 2100, "main_cause": main,
                "other_causes": other}

    store.write("merge_households", [
        hh(H1, V1, "王大山", 2, 1, [8]), hh(H2, V1, "李小花", 1, 3, []),
        hh(H3, V1, "张老三", 1, 1, []), hh(H4, V2, "赵四", 1, 9, [])])

    def person(name: str, household: str, relation: str, year: int) -> dict[str, object]:
        return {"pid": hash_id(IDS[name], KEY), "masked": mask_id(IDS[name]), "name": name,
                "relation": relation, "household": household, "birth_year": year}

    store.write("merge_persons", [
        person("王大山", H1, "户主", 1960), person("刘秀英", H1, "之妻", 1962),
        person("李小花", H2, "户主", 1980), person("张老三", H3, "户主", 1950),
        person("赵四", H4, "户主", 1975)])

    def unit(uid: str, name: str, kind: str, base: str, skills: list[str]) -> dict[str, object]:
        return {"id": uid, "name": name, "kind": kind, "county": COUNTY, "base": base,
                "capacity": 5 if kind == "cadre" else 0, "skills": skills}

    store.write("merge_units", [
        unit("WT", "祝英村驻村工作队", "work_team", V1, ["industry", "training"]),
        unit("CD1", "陈建国", "cadre", TOWNSHIP, []),
        unit("CD2", "周明", "cadre", TOWNSHIP, []),
        unit("DP", "镇宁县卫生健康局", "department", COUNTY, ["medical", "education"]),
        unit("EN", "帮扶企业甲", "enterprise", COUNTY, ["industry", "medical"]),
        unit("DU", "定点帮扶单位乙", "designated", COUNTY, ["industry"])])
    d = dt.date
    store.write("merge_assists", [
        {"unit": "WT", "target": V1, "level": "village", "since": d(2015, 3, 1), "until": None,
         "role": "驻村帮扶"},
        {"unit": "CD1", "target": H1, "level": "household", "since": d(2015, 3, 1),
         "until": None, "role": "帮扶责任人"},
        {"unit": "CD1", "target": H2, "level": "household", "since": d(2015, 4, 1),
         "until": d(2019, 12, 31), "role": "帮扶责任人"},
        {"unit": "CD2", "target": H4, "level": "household", "since": d(2016, 1, 1),
         "until": None, "role": "帮扶责任人"},
        {"unit": "DU", "target": COUNTY, "level": "county", "since": d(2015, 1, 1),
         "until": None, "role": "定点扶贫"}])
    store.write("merge_measures", [
        {"id": "M1", "unit": "DP", "household": H1, "type": "medical", "cost": 3000,
         "start": d(2016, 1, 1), "end": d(2016, 12, 31), "content": "大病医疗救助"},
        {"id": "M2", "unit": "DP", "household": H2, "type": "education", "cost": 800,
         "start": d(2017, 9, 1), "end": d(2018, 6, 30), "content": "雨露计划助学"},
        {"id": "M3", "unit": "EN", "household": H1, "type": "medical", "cost": 1500,
         "start": d(2016, 6, 1), "end": d(2017, 5, 31), "content": "企业医疗补助"},
        {"id": "M4", "unit": "EN", "household": H4, "type": "industry", "cost": 5000,
         "start": d(2018, 3, 1), "end": d(2019, 2, 28), "content": "养牛产业分红"}])
    store.write("merge_status_changes", [
        {"household": H1, "year": 2014, "status": "未脱贫", "date": d(2014, 10, 1)},
        {"household": H1, "year": 2018, "status": "脱贫", "date": d(2018, 12, 1)},
        {"household": H2, "year": 2014, "status": "未脱贫", "date": d(2014, 10, 1)},
        {"household": H3, "year": 2014, "status": "未脱贫", "date": d(2014, 10, 1)},
        {"household": H4, "year": 2014, "status": "未脱贫", "date": d(2014, 10, 1)}])


BATCH_HH = {"id": "B2016-01", "kind": "households", "file": "ledgers/households_2016.xlsx",
            "sha256": "a" * 64, "time": dt.datetime(2016, 3, 2, 10, 0), "operator": "镇宁县扶贫办",
            "rows": 3}
BATCH_M = {"id": "B2018-02", "kind": "measures", "file": "ledgers/measures_2018.csv",
           "sha256": "b" * 64, "time": dt.datetime(2018, 12, 20, 9, 30), "operator": "白马湖街道",
           "rows": 4}


def stamp_provenance(store: Store) -> None:
    """Stand in for issue 3's importer: two batches that wrote part of H1's and H2's facts."""
    store.write("trace_test_batch", [
        {"what": "household", "key": H1, "row": 5}, {"what": "household", "key": H2, "row": 6},
        {"what": "status", "key": f"{H1}:2014", "row": 7}], batch=BATCH_HH)
    store.write("trace_test_batch", [
        {"what": "measure", "key": "M1", "row": 12}, {"what": "measure", "key": "M3", "row": 13},
        {"what": "assists", "key": H1, "unit": "CD1", "row": 14},
        {"what": "status", "key": f"{H1}:2018", "row": 3}], batch=BATCH_M)


def test_small_registry_counts(store: Store) -> None:
    build_small_registry(store)
    assert store.value("count_households") == 4
