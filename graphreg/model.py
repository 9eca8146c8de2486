"""The registry's code lists: causes of poverty, measure types and what they address, unit kinds.

Sources are in ../shared/DOMAIN.md. The cause codes are the national list; measure types are the
ones seen on real household forms and in the "five batches". The measure→cause mapping is loaded
into the graph as ``(:MeasureType)-[:ADDRESSES]->(:Cause)`` so that a planner can change it there;
this module only holds the default.

    >>> CAUSES[1]
    '因病'
    >>> cause_code("因病"), cause_code("1"), cause_code(" １ ")
    (1, 1, 1)
    >>> sorted(ADDRESSES["medical"])
    [1, 2]
"""

from __future__ import annotations

import unicodedata

#: 致贫原因, the national code list (DOMAIN.md), plus two codes some local systems add.
CAUSES: dict[int, str] = {
    1: "因病", 2: "因残", 3: "因学", 4: "因灾", 5: "缺土地", 6: "缺水", 7: "缺技术",
    8: "缺劳力", 9: "缺资金", 10: "交通条件落后", 11: "自身发展动力不足", 99: "其他",
}
CAUSES_EN: dict[int, str] = {
    1: "illness", 2: "disability", 3: "schooling costs", 4: "disaster", 5: "lack of land",
    6: "lack of water", 7: "lack of skills", 8: "lack of labour", 9: "lack of capital",
    10: "poor transport", 11: "lack of own drive", 99: "other",
}
#: Main-cause shares used by the synthetic generator. Illness is published (42.4% in 2013,
#: 44.1% after the 2015–16 re-check); the others are ASSUMED, chosen to sum to 1.
MAIN_CAUSE_SHARES: dict[int, float] = {
    1: 0.43, 2: 0.06, 3: 0.08, 4: 0.03, 5: 0.03, 6: 0.02, 7: 0.10, 8: 0.12, 9: 0.08,
    10: 0.02, 11: 0.02, 99: 0.01,
}

#: 帮扶措施 types: code → Chinese name.
MEASURE_TYPES: dict[str, str] = {
    "industry": "产业扶贫", "education": "教育扶持", "medical": "医疗扶持", "housing": "危房改造",
    "labour": "劳动力转移", "subsidy": "惠农补贴", "resettlement": "库区移民",
    "pension": "养老保险", "dibao": "低保金", "credit": "金融扶贫", "health": "健康扶贫",
    "relocation": "易地搬迁", "ecology": "生态补偿", "infrastructure": "水路基础设施",
    "disaster_relief": "救灾救助", "training": "技能培训",
}

#: Which causes each measure type addresses (DOMAIN.md; entries marked * are assumptions).
ADDRESSES: dict[str, frozenset[int]] = {
    "medical": frozenset({1, 2}), "health": frozenset({1, 2}),
    "education": frozenset({3}),
    "housing": frozenset({4}), "disaster_relief": frozenset({4}),
    "industry": frozenset({5, 7, 9}), "credit": frozenset({5, 7, 9}),
    "labour": frozenset({7, 8}),
    "infrastructure": frozenset({6, 10}),
    "relocation": frozenset({4, 5, 6, 10}),          # * relocation removes the place's lacks
    "training": frozenset({7, 11}),                   # * skills training and motivation
    "dibao": frozenset({2, 8}),                       # * safety net for those who cannot work
    "pension": frozenset({8}),                        # *
    "subsidy": frozenset({9}),                        # *
    "ecology": frozenset({9}),                        # * compensation as income
    "resettlement": frozenset({5}),                   # *
}

#: 帮扶主体 kinds.
UNIT_KINDS: dict[str, str] = {
    "work_team": "驻村工作队", "cadre": "帮扶责任人", "designated": "定点扶贫单位",
    "east_west": "东西部协作", "enterprise": "万企帮万村企业", "social": "社会扶贫组织",
    "department": "行业部门",
}

HOUSEHOLD_ATTRIBUTES = ("一般贫困户", "低保贫困户", "五保户")
STATUSES = ("未脱贫", "脱贫", "预脱贫", "返贫", "监测")
STANDARDS = ("国家", "省定", "市定")


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", str(text)).strip()


_CAUSE_BY_NAME = {v: k for k, v in CAUSES.items()} | {"因婚": 99, "因丧": 99}
_MEASURE_BY_NAME = {v: k for k, v in MEASURE_TYPES.items()}


def cause_code(value: str | int) -> int:
    """A cause given as code or Chinese name → its code. Raises ``ValueError`` if unknown."""
    v = _norm(str(value))
    if v.isdigit() and int(v) in CAUSES:
        return int(v)
    if v in _CAUSE_BY_NAME:
        return _CAUSE_BY_NAME[v]
    raise ValueError(
        f"unknown cause of poverty {value!r}; use a national code "
        f"({', '.join(map(str, CAUSES))}) or its Chinese name ({'、'.join(CAUSES.values())})")


def measure_type(value: str) -> str:
    """A measure type given as code or Chinese name → its code. Raises ``ValueError``."""
    v = _norm(value)
    if v in MEASURE_TYPES:
        return v
    if v in _MEASURE_BY_NAME:
        return _MEASURE_BY_NAME[v]
    raise ValueError(
        f"unknown measure type {value!r}; use one of {', '.join(MEASURE_TYPES)} "
        f"or its Chinese name ({'、'.join(MEASURE_TYPES.values())})")


def code_list_rows() -> dict[str, list[dict[str, object]]]:
    """Rows for loading the code lists into the graph (see ``cypher/load_code_lists.cypher``)."""
    return {
        "causes": [{"code": c, "name": n, "name_en": CAUSES_EN[c]} for c, n in CAUSES.items()],
        "measure_types": [{"code": c, "name": n, "addresses": sorted(ADDRESSES.get(c, ()))}
                          for c, n in MEASURE_TYPES.items()],
    }
