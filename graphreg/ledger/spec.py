"""One declarative spec per record kind: its columns (Chinese and English headers), which are
required, how each cell is read, the business key, and the Cypher statements that write it and
read it back. Import, validation, templates, export and docs/ledgers.md all derive from here.

    >>> KINDS["households"].column("户主姓名").name
    'head_name'
    >>> KINDS["households"].column(" Head_Name ").name
    'head_name'
    >>> [k for k in ORDER][:3]
    ['areas', 'poverty-counties', 'poor-villages']
    >>> parse_status("exited"), parse_unit_kind("驻村工作队"), parse_level("村")
    ('脱贫', 'work_team', 'village')
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..model import (
    CAUSES,
    HOUSEHOLD_ATTRIBUTES,
    STANDARDS,
    UNIT_KINDS,
    cause_code,
    measure_type,
)
from .values import (
    normalise,
    parse_bool,
    parse_code,
    parse_date,
    parse_int,
    parse_list,
    parse_number,
    parse_text,
    parse_year,
)

Parser = Callable[[str], Any]

#: 脱贫标志 values: stored Chinese name ← accepted spellings.
STATUS_NAMES: dict[str, tuple[str, ...]] = {
    "未脱贫": ("registered", "poor", "未脱贫"), "脱贫": ("exited", "已脱贫", "脱贫"),
    "预脱贫": ("pre_exit", "pre-exit", "预脱贫"), "返贫": ("returned", "返贫"),
    "监测": ("monitored", "监测对象", "监测"),
}
#: 帮扶主体 kinds (graphreg.model.UNIT_KINDS, county departments 行业部门 included).
UNIT_KIND_NAMES: dict[str, str] = UNIT_KINDS
LEVELS: dict[str, tuple[str, ...]] = {
    "household": ("household", "户", "贫困户"), "village": ("village", "村", "贫困村"),
    "county": ("county", "县", "贫困县"),
}
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def _choice(what: str, table: dict[str, tuple[str, ...]]) -> Parser:
    lookup = {normalise(a).lower(): k for k, aliases in table.items() for a in (k, *aliases)}

    def parse(v: str) -> str:
        k = lookup.get(v.lower())
        if k is None:
            raise ValueError(f"unknown {what} {v!r}; use one of {'、'.join(table)}")
        return k
    return parse


parse_status = _choice("status (脱贫标志)", STATUS_NAMES)
parse_level = _choice("level", LEVELS)
parse_unit_kind = _choice("unit kind", {k: (v,) for k, v in UNIT_KIND_NAMES.items()})
parse_attribute = _choice("household attribute", {a: () for a in HOUSEHOLD_ATTRIBUTES})
parse_standard = _choice("identification standard", {s: () for s in STANDARDS})


def parse_cause(v: str) -> int:
    return cause_code(v)


def parse_causes(v: str) -> list[int]:
    return sorted({cause_code(x) for x in parse_list(v)})


def parse_measure_type(v: str) -> str:
    return measure_type(v)


def parse_skills(v: str) -> list[str]:
    return [measure_type(x) for x in parse_list(v)]


def parse_pid(v: str) -> str:
    t = v.lower()
    if not _HEX64.match(t):
        raise ValueError("a person key (pid) is the 64-character hex hash graphreg exports; "
                         "leave it blank and give the ID-card number instead")
    return t


def _at_least(parser: Parser, low: float, what: str) -> Parser:
    def parse(v: str) -> Any:
        x = parser(v)
        if x < low:
            raise ValueError(f"{what} cannot be {x}; it must be {low} or more")
        return x
    return parse


@dataclass(frozen=True)
class Column:
    """One column of a ledger. ``name`` is the English header and the record field."""

    name: str
    zh: str
    parse: Parser
    required: bool = False
    aliases: tuple[str, ...] = ()
    fmt: str = "text"
    #: what the value must exist as: village, county, household, unit, base (village, township
    #: or county) or target (household, village or county by the row's level)
    ref: str | None = None
    default: Any = None
    #: a blank cell keeps the value the graph has (the write statement coalesces)
    keep: bool = False

    @property
    def headers(self) -> tuple[str, ...]:
        return (self.zh, self.name, *self.aliases)


Check = Callable[[dict[str, Any]], list[tuple[str, str]]]


@dataclass(frozen=True)
class Kind:
    """A record kind (a ledger type)."""

    name: str
    zh: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    doc: str
    #: cross-field checks: record → [(column, message)]
    check: Check | None = None
    #: (field, fields that must agree for the same value of field across rows)
    consistent: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: columns read from the file but not stored as such (the ID-card number)
    input_only: tuple[str, ...] = ()
    #: record fields that are not columns (derived, e.g. the person key)
    derived: tuple[str, ...] = ()
    _lookup: dict[str, Column] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for c in self.columns:
            for h in c.headers:
                self._lookup[_header_key(h)] = c

    @property
    def statement(self) -> str:
        """The statement that writes rows of this kind."""
        return "ledger_write_" + self.name.replace("-", "_")

    @property
    def state_statement(self) -> str:
        """The statement that reads the graph back as rows of this kind (export and diff)."""
        return "ledger_state_" + self.name.replace("-", "_")

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields compared with the graph (stored columns and derived fields)."""
        return tuple(c.name for c in self.columns if c.name not in self.input_only) + tuple(
            d for d in self.derived if d not in {c.name for c in self.columns})

    def column(self, header: str) -> Column | None:
        """The column a header names (Chinese or English, any case, spaces ignored)."""
        return self._lookup.get(_header_key(header))

    def key_of(self, record: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(record.get(k) for k in self.key)


def _header_key(h: str) -> str:
    return re.sub(r"[\s_\-()（）]", "", normalise(h).lower())


# ---- cross-field checks ----------------------------------------------------------------------
def _check_household(r: dict[str, Any]) -> list[tuple[str, str]]:
    if r.get("main_cause") is not None and r["main_cause"] in (r.get("other_causes") or []):
        return [("other_causes", f"the main cause {r['main_cause']} ({CAUSES[r['main_cause']]}) "
                 "is also listed as another cause; list it only as the main cause")]
    return []


def _check_member(r: dict[str, Any]) -> list[tuple[str, str]]:
    if not r.get("id_number") and not r.get("pid"):
        return [("id_number", "no ID-card number; write the member's 18-character number")]
    if not r.get("id_number") and not r.get("masked"):
        return [("masked", "a row with a person key (pid) needs the masked number too")]
    return []


def _ordered(a: str, b: str) -> Check:
    def check(r: dict[str, Any]) -> list[tuple[str, str]]:
        x, y = r.get(a), r.get(b)
        if x is not None and y is not None and y < x:
            return [(b, f"{b} {y} is before {a} {x}; correct one of the two")]
        return []
    return check


def _check_status(r: dict[str, Any]) -> list[tuple[str, str]]:
    d: datetime.date | None = r.get("date")
    if d is not None and r.get("year") is not None and d.year != r["year"]:
        return [("date", f"the date {d} is not in the year {r['year']}; a change is recorded "
                 "in the year it happened")]
    return []


def _check_village(r: dict[str, Any]) -> list[tuple[str, str]]:
    return _ordered("since", "exit_year")(r)


# ---- the kinds -------------------------------------------------------------------------------
C = Column
_KINDS = (
    Kind("areas", "连片特困地区", (
        C("area", "片区代码", parse_code, True, ("area_code",), "code"),
        C("area_name", "片区名称", parse_text, True, ("片区",), "text"),
        C("county", "县代码", parse_code, True, ("county_code", "县级代码"), "6-digit county code",
          ref="county"),
    ), ("area", "county"),
        "Contiguous areas of extreme poverty and their counties: one row per county.",
        consistent=(("area", ("area_name",)),)),
    Kind("poverty-counties", "贫困县名单", (
        C("code", "县代码", parse_code, True, ("county_code", "county"), "6-digit county code",
          ref="county"),
        C("poverty_county", "是否贫困县", parse_bool, False, ("贫困县",), "是/否 (default 是)",
          default=True),
        C("key_county", "是否重点县", parse_bool, False, ("重点县",), "是/否"),
        C("exit_year", "摘帽年度", parse_year, False, ("退出年度",), "year"),
    ), ("code",), "National poverty counties (贫困县), key counties (重点县) and exit years."),
    Kind("poor-villages", "贫困村名单", (
        C("code", "行政村代码", parse_code, True, ("村代码", "village_code", "village", "贫困村编号"),
          "12-digit village code", ref="village"),
        C("poor", "是否贫困村", parse_bool, False, ("贫困村",), "是/否 (default 是)", default=True),
        C("since", "认定年度", parse_year, False, ("纳入年度",), "year"),
        C("exit_year", "出列年度", parse_year, False, ("退出年度",), "year, not before since"),
    ), ("code",), "Poor villages (贫困村) with the year they were listed and exited.",
        check=_check_village),
    Kind("village-population", "村人口", (
        C("code", "行政村代码", parse_code, True, ("村代码", "village_code", "village"),
          "12-digit village code", ref="village"),
        C("population", "户籍人口", _at_least(parse_int, 1, "population"), True,
          ("人口", "总人口", "农村户籍人口"), "people registered in the village (户籍人口), ≥ 1"),
        C("year", "统计年度", parse_year, False, ("年度",), "year the population was counted"),
    ), ("code",), "Village populations (户籍人口), the denominator of poverty incidence "
        "(贫困发生率) in `graphreg report`; one row per village, the latest count."),
    Kind("households", "贫困户", (
        C("id", "户编号", parse_code, True, ("贫困户编号", "household_id", "household", "户号"),
          "household number"),
        C("village", "行政村代码", parse_code, True, ("村代码", "village_code", "贫困村编号"),
          "12-digit village code", ref="village"),
        C("head_name", "户主姓名", parse_text, True, ("户主",), "text"),
        C("size", "家庭人口数", _at_least(parse_int, 1, "household size"), True,
          ("家庭人口", "人口数", "household_size"), "whole number ≥ 1"),
        C("attribute", "贫困户属性", parse_attribute, False, ("户属性",), "、".join(HOUSEHOLD_ATTRIBUTES)),
        C("standard", "识别标准", parse_standard, False, (), "、".join(STANDARDS)),
        C("status", "脱贫标志", parse_status, False, ("脱贫状态", "状态"),
          "、".join(STATUS_NAMES) + " (blank: kept as it is, 未脱贫 for a new household; "
          "only seeds the status of a household without status changes: once it has any, "
          "its status is the latest change's and this column is ignored)", keep=True),
        C("registered_year", "识别年度", parse_year, False, ("建档立卡年度", "纳入年度", "year"),
          "year"),
        C("income", "人均纯收入", _at_least(parse_number, 0, "income"), False,
          ("人均纯收入(元)", "per_capita_income"), "yuan per person and year, ≥ 0"),
        C("main_cause", "主要致贫原因", parse_cause, True, ("致贫原因", "cause"),
          "cause code 1-11, 99 or its Chinese name"),
        C("other_causes", "其他致贫原因", parse_causes, False, (),
          "causes separated by ; or 、", default=()),
    ), ("id",), "Registered poor households (建档立卡贫困户), one row per household.",
        check=_check_household),
    Kind("members", "家庭成员", (
        C("household", "户编号", parse_code, True, ("贫困户编号", "household_id"),
          "household number", ref="household"),
        C("name", "姓名", parse_text, True, ("成员姓名", "member_name"), "text"),
        C("id_number", "身份证号码", parse_text, False, ("身份证号", "证件号码", "id_card"),
          "18 characters, last may be X (required unless pid is given)"),
        C("relation", "与户主关系", parse_text, False, ("关系",), "户主, 之妻, 之子 …"),
        C("birth_year", "出生年份", parse_year, False, ("出生年",), "year (default: from the ID)"),
        C("pid", "人员标识", parse_pid, False, ("person_key",),
          "the keyed hash graphreg exports; instead of the ID-card number"),
        C("masked", "证件号掩码", parse_text, False, ("masked_id",), "first 4 and last 4 characters"),
    ), ("household", "pid"), "Members of the households, with their ID-card numbers (stored only "
        "as a keyed hash and a masked form).", check=_check_member, input_only=("id_number",)),
    Kind("units", "帮扶主体", (
        C("id", "单位编号", parse_code, True, ("帮扶单位编号", "帮扶人编号", "unit_id", "unit"), "code"),
        C("name", "单位名称", parse_text, True, ("名称", "帮扶单位", "帮扶人"), "text"),
        C("kind", "类别", parse_unit_kind, True, ("帮扶主体类别", "类型", "unit_kind"),
          "、".join(f"{k} {v}" for k, v in UNIT_KIND_NAMES.items())),
        C("county", "所在县代码", parse_code, True, ("县代码", "county_code"), "6-digit county code",
          ref="county"),
        C("base", "驻地代码", parse_code, False, ("所在地代码", "base_code"),
          "village, township or county code", ref="base"),
        C("capacity", "帮扶能力", _at_least(parse_int, 0, "capacity"), False, ("可帮扶户数",),
          "whole number ≥ 0"),
        C("skills", "专长措施", parse_skills, False, ("擅长措施",), "measure types separated by ;",
          default=()),
    ), ("id",), "Assisting units and people (帮扶主体): work teams, cadres, departments, "
        "designated units, east–west partners, enterprises, social organisations."),
    Kind("assignments", "结对帮扶", (
        C("unit", "帮扶单位编号", parse_code, True, ("单位编号", "帮扶人编号", "unit_id"), "unit code",
          ref="unit"),
        C("level", "帮扶层级", parse_level, True, ("对象层级",), "household/户, village/村, county/县"),
        C("target", "帮扶对象编号", parse_code, True, ("对象编号", "target_code"),
          "household number, village code or county code", ref="target"),
        C("since", "开始日期", parse_date, True, ("结对日期", "start"), "date"),
        C("until", "结束日期", parse_date, False, ("end",), "date, not before since"),
        C("role", "帮扶角色", parse_text, False, ("角色",), "text"),
    ), ("unit", "target"), "Pairing lists (结对帮扶): which unit helps which household, village or "
        "county, from when until when.", check=_ordered("since", "until")),
    Kind("measures", "帮扶台账", (
        C("id", "措施编号", parse_code, True, ("measure_id",), "code"),
        C("unit", "帮扶单位编号", parse_code, True, ("单位编号", "unit_id"), "unit code", ref="unit"),
        C("household", "户编号", parse_code, True, ("贫困户编号", "household_id"), "household number",
          ref="household"),
        C("type", "措施类型", parse_measure_type, True, ("帮扶措施", "measure_type"),
          "measure type code or its Chinese name"),
        C("cost", "投入资金", _at_least(parse_number, 0, "cost"), False,
          ("资金", "投入资金(元)", "资金(元)"), "yuan, ≥ 0"),
        C("start", "开始日期", parse_date, True, ("实施日期", "date"), "date"),
        C("end", "结束日期", parse_date, False, (), "date, not before start"),
        C("content", "帮扶内容", parse_text, False, ("内容",), "text"),
    ), ("id",), "Assistance ledgers (帮扶台账): one row per measure given to a household.",
        check=_ordered("start", "end")),
    Kind("status-changes", "动态调整", (
        C("household", "户编号", parse_code, True, ("贫困户编号", "household_id"), "household number",
          ref="household"),
        C("year", "年度", parse_year, True, ("调整年度",), "year"),
        C("status", "脱贫标志", parse_status, True, ("状态", "变更后状态"), "、".join(STATUS_NAMES)),
        C("date", "变更日期", parse_date, False, ("调整日期",), "date within the year"),
    ), ("household", "year"), "Yearly status changes (动态调整): registered, exited, returned, "
        "monitored. Kept as history; one change per household and year.", check=_check_status),
)

#: Record kinds by name.
KINDS: dict[str, Kind] = {k.name: k for k in _KINDS}
#: The order in which kinds are written in one import (references before what refers to them).
ORDER: tuple[str, ...] = tuple(k.name for k in _KINDS)


def kind(name: str) -> Kind:
    """The kind called ``name`` (``_`` accepted for ``-``), or ``ValueError``."""
    k = KINDS.get(name.strip().lower().replace("_", "-"))
    if k is None:
        raise ValueError(f"unknown record kind {name!r}; use one of {', '.join(KINDS)}")
    return k
