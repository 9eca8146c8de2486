"""A synthetic registry calibrated to the published figures, with planted faults.

Household data is private, so graphreg makes its own: households living in real villages of the
chosen counties, members with valid (synthetic) ID-card numbers, causes of poverty, the assisting
units of the real kinds and the measures they give. Calibration (DOMAIN.md): about 3.04 people
per household; the main cause drawn from :data:`graphreg.model.MAIN_CAUSE_SHARES` (illness 43%,
published; the rest assumed); a work team for every poor village; responsible cadres carrying
several households each; county departments, designated units, enterprises and an east–west
partner per county.

Known faults are planted at settable rates (:class:`FaultRates`) and recorded in
:attr:`Registry.faults`. They hold as of the end of :data:`CHECK_YEAR` and, except
``help_ended``, with no as-of year too:

- ``unassisted``: no responsible cadre and no measure at all (its gap level, ``none`` when its
  village has no work team, else ``village_only``, in :attr:`Registry.unassisted_levels`);
- ``help_ended``: its cadre and measures all ended before :data:`CHECK_YEAR`;
- ``mistargeted``: helped, but no measure addresses the main cause nor any other cause;
- ``secondary_only``: every measure addresses a secondary cause, none the main one;
- ``overlap``: a second unit gives a measure of a type the household already gets from another
  unit, in an overlapping period;
- ``overhelped``: nine more responsible cadres than usual assist the household (at most one
  per village with at least four other households);
- ``shared_person``: one member is also listed in another household (pid, two households);
- ``similar_units``: two social organisations assisting (nearly) the same six households;
- ``village_no_team``: a poor village without a work team;
- ``county_no_designated``: a poverty county that no designated unit assists;
- ``concentrated``: a village where one household gets at least 95% of the cost.

Every other household has a cadre, one to three measures of distinct types from distinct
providers, at least one of which addresses its main cause, all running on 31 December of
:data:`CHECK_YEAR`, so the analyses must find exactly the planted sets. Every household gets a
status history: registered (未脱贫) in its registration year (2014, some 2015–2018), and some
fault-free households exit (脱贫) in a later year, a few of them returning (返贫) after. The
same seed gives the same registry.

    >>> from graphreg.geography import read_division
    >>> geo = read_division(counties=["520423"])
    >>> reg = generate(geo, households=200, seed=7)
    >>> len(reg.households), reg == generate(geo, households=200, seed=7)
    (200, True)
    >>> sorted(reg.faults)[:4]
    ['concentrated', 'county_no_designated', 'help_ended', 'mistargeted']
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .ids import hash_id, make_id, mask_id
from .model import ADDRESSES, MAIN_CAUSE_SHARES, MEASURE_TYPES
from .schema import refresh_statistics

if TYPE_CHECKING:
    from collections.abc import Callable

    from .db import Store, WriteSummary

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅春花文斌建国永福学德荣志海林成飞国庆兴贵珍凤云"
RELATIONS = ("之妻", "之子", "之女", "之父", "之母", "之孙子", "之孙女", "之儿媳")

#: County departments (行业部门) and the measure types each delivers.
DEPARTMENTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("HW", "卫生健康局", ("medical", "health")),
    ("JY", "教育局", ("education",)),
    ("ZJ", "住房和城乡建设局", ("housing",)),
    ("NY", "农业农村局", ("industry", "subsidy")),
    ("RS", "人力资源和社会保障局", ("labour", "training", "pension")),
    ("MZ", "民政局", ("dibao", "disaster_relief")),
    ("XY", "农村信用合作联社", ("credit",)),
    ("SL", "水务和交通局", ("infrastructure",)),
    ("FG", "发展和改革局", ("relocation", "ecology", "resettlement")),
)
#: Units that may give a second, overlapping measure of the same type.
OVERLAP_KINDS = ("designated", "enterprise", "east_west")
SKILLS_BY_KIND = {
    "designated": tuple(sorted(MEASURE_TYPES)),
    "enterprise": ("industry", "labour", "training", "credit"),
    "east_west": ("industry", "labour", "education", "medical", "training"),
}
TYPES = tuple(sorted(MEASURE_TYPES))
#: Causes some measure type addresses (all but 99 其他, which no measure can target).
TARGETABLE = frozenset(c for cs in ADDRESSES.values() for c in cs)
#: The year the planted faults hold for (as of its 31 December): every measure of a
#: fault-free household runs on that day.
CHECK_YEAR = 2020
_RUNNING = dt.date(CHECK_YEAR, 12, 31)
#: Household faults (each household gets at most one of these).
HOUSEHOLD_FAULTS = ("unassisted", "mistargeted", "overlap", "help_ended", "secondary_only")
#: Every planted fault kind.
FAULT_KINDS = HOUSEHOLD_FAULTS + ("overhelped", "shared_person", "similar_units",
                                  "village_no_team", "county_no_designated", "concentrated")
#: Extra responsible cadres assisting an ``overhelped`` household.
OVERHELP_EXTRA = 9
#: Households assisted by both units of a planted ``similar_units`` pair (the second unit
#: assists one more: Jaccard 6/7).
SIMILAR_SET = 6


@dataclass(frozen=True)
class FaultRates:
    """How many faults to plant.

    The first five are shares of households and are disjoint (they add up to at most 1);
    ``overhelped`` and ``shared_person`` are shares of households chosen among the fault-free
    ones; ``similar_units`` is planted unit pairs per household; ``village_no_team`` a share of
    poor villages; ``county_no_designated`` a share of poverty counties; ``concentrated`` a
    share of villages with at least ten households.
    """

    unassisted: float = 0.03
    mistargeted: float = 0.04
    overlap: float = 0.03
    help_ended: float = 0.02
    secondary_only: float = 0.02
    overhelped: float = 0.01
    shared_person: float = 0.01
    similar_units: float = 0.002
    village_no_team: float = 0.05
    county_no_designated: float = 0.1
    concentrated: float = 0.02

    def __post_init__(self) -> None:
        for k in FAULT_KINDS:
            v = getattr(self, k)
            if not 0 <= v <= 1:
                raise ValueError(f"fault rate {k}={v} must lie between 0 and 1")
        if sum(getattr(self, k) for k in HOUSEHOLD_FAULTS) > 1:
            raise ValueError(f"fault rates {', '.join(HOUSEHOLD_FAULTS)} add up to more than 1")


@dataclass
class Registry:
    """Rows ready for the ``merge_*`` statements, and the planted faults."""

    poor_villages: list[dict[str, Any]] = field(default_factory=list)
    #: {code, population, year} for every rural village of the generated counties.
    village_population: list[dict[str, Any]] = field(default_factory=list)
    households: list[dict[str, Any]] = field(default_factory=list)
    persons: list[dict[str, Any]] = field(default_factory=list)
    units: list[dict[str, Any]] = field(default_factory=list)
    assists: list[dict[str, Any]] = field(default_factory=list)
    measures: list[dict[str, Any]] = field(default_factory=list)
    #: kind → sorted items: household ids; ``overlap``: (household, type, unit_a, unit_b);
    #: ``shared_person``: (pid, household_a, household_b);
    #: ``similar_units``: (unit_a, unit_b); village and county kinds: codes.
    faults: dict[str, list[Any]] = field(default_factory=dict)
    #: {household, year, status, date} for ``merge_status_changes``.
    status_changes: list[dict[str, Any]] = field(default_factory=list)
    #: {code, poverty_county, area, area_name} for ``synth_county_flags``.
    counties: list[dict[str, Any]] = field(default_factory=list)
    #: unassisted household → its gap level (``none`` or ``village_only``).
    unassisted_levels: dict[str, str] = field(default_factory=dict)
    #: {pid, household, relation}: a person of :attr:`persons` also listed in a second
    #: household (the ``shared_person`` fault), for ``synth_merge_memberships``.
    shared_members: list[dict[str, Any]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {"poor_villages": len(self.poor_villages), "households": len(self.households),
                "persons": len(self.persons), "units": len(self.units),
                "assists": len(self.assists), "measures": len(self.measures),
                "status_changes": len(self.status_changes),
                "poverty_counties": sum(1 for c in self.counties if c["poverty_county"]),
                **{f"planted_{k}": len(v) for k, v in self.faults.items()}}

    def fault_rows(self) -> list[dict[str, Any]]:
        """Rows for ``merge_planted_faults``: ``household`` holds the household (or, for the
        village, county and unit-pair kinds, the village or county code)."""
        rows = []
        for kind, items in self.faults.items():
            for it in items:
                if kind == "overlap":
                    h, t, a, b = it
                    rows.append({"key": f"{kind}:{h}:{t}:{a}:{b}", "kind": kind, "household": h,
                                 "detail": f"{t} {a} {b}"})
                elif kind == "unassisted":
                    rows.append({"key": f"{kind}:{it}", "kind": kind, "household": it,
                                 "detail": self.unassisted_levels.get(it, "")})
                elif kind == "shared_person":
                    pid, a, b = it
                    rows.append({"key": f"{kind}:{pid}", "kind": kind, "household": a,
                                 "detail": f"{pid} {a} {b}"})
                elif kind == "similar_units":
                    a, b = it
                    rows.append({"key": f"{kind}:{a}:{b}", "kind": kind,
                                 "household": _unit_county(a), "detail": f"{a} {b}"})
                else:
                    rows.append({"key": f"{kind}:{it}", "kind": kind, "household": it, "detail": ""})
        return rows


def _unit_county(unit: str) -> str:
    return unit[2:8]


def _pick_weighted(rng: random.Random, weights: dict[int, float]) -> int:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _size(rng: random.Random) -> int:
    # mean 3.04 (DOMAIN.md): sizes 1..7
    return rng.choices((1, 2, 3, 4, 5, 6, 7), weights=(16, 24, 25, 18, 10, 5, 2))[0]


def _member(rng: random.Random, m: int, head: dt.date) -> tuple[str, dt.date]:
    """Relation to the head and birth date of member ``m`` (0 is the head), plausible in age:
    a spouse within 6 years of the head, children 20–38 years younger, grandchildren 40–58,
    parents 20–35 years older; nobody born after 2013 (registration was in 2014)."""
    if m == 0:
        return "户主", head
    relation = "之妻" if m == 1 else rng.choice(RELATIONS[1:])
    lo, hi = {"之妻": (-6, 6), "之子": (20, 38), "之女": (20, 38), "之儿媳": (18, 36),
              "之孙子": (40, 58), "之孙女": (40, 58), "之父": (-35, -20),
              "之母": (-35, -20)}[relation]
    year = min(2013, max(1920, head.year + rng.randint(lo, hi)))
    return relation, _date(rng, dt.date(year, 1, 1), dt.date(year, 12, 31))


def _cadre_skills(seed: int, county: str, n: int) -> list[str]:
    """Three measure types a responsible cadre can arrange (from a generator of its own, so the
    rest of the registry does not depend on it)."""
    return sorted(random.Random(f"{seed}:{county}:{n}").sample(TYPES, 3))


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def _fits(cause: int) -> list[str]:
    return sorted(t for t in TYPES if cause in ADDRESSES[t])


def _causes_and_types(rng: random.Random, kind: str) -> tuple[int, list[int], list[str]]:
    """Main cause, other causes and measure types for a household of fault ``kind``."""
    n_measures = rng.choice((1, 2, 2, 3))
    main = _pick_weighted(rng, MAIN_CAUSE_SHARES)
    while main not in TARGETABLE and kind not in ("mistargeted", "unassisted"):
        main = _pick_weighted(rng, MAIN_CAUSE_SHARES)  # 其他: no measure addresses it
    pool = [c for c in MAIN_CAUSE_SHARES if c not in (main, 99)]
    if kind == "secondary_only":
        # a secondary cause with measure types that leave the main cause alone
        choices = [c for c in sorted(TARGETABLE) if c != main
                   and any(main not in ADDRESSES[t] for t in _fits(c))]
        second = rng.choice(choices)
        other = sorted({second, *rng.sample([c for c in pool if c != second], rng.choice((0, 1)))})
        types = sorted({t for t in _fits(second) if main not in ADDRESSES[t]})
        return main, other, rng.sample(types, min(n_measures, len(types)))
    other = sorted(rng.sample(pool, rng.choice((0, 0, 1, 1, 2))))
    if kind == "mistargeted":
        miss = [t for t in TYPES if not ADDRESSES[t] & {main, *other}]
        if not miss:  # pragma: no cover - every cause pair leaves some type out
            other = []
            miss = [t for t in TYPES if main not in ADDRESSES[t]]
        return main, other, rng.sample(miss, min(n_measures, len(miss)))
    if kind == "unassisted":
        return main, other, []
    first = rng.choice(_fits(main))
    return main, other, [first] + rng.sample([t for t in TYPES if t != first], n_measures - 1)


def generate(geography: dict[str, list[dict[str, Any]]], *, households: int, seed: int = 1,
             rates: FaultRates | None = None, poor_village_share: float = 0.3,
             poverty_county_share: float = 0.7, exit_share: float = 0.3,
             return_share: float = 0.2, late_share: float = 0.1,
             key: bytes = b"graphreg-synthetic") -> Registry:
    """Make a registry of about ``households`` households over the counties in ``geography``.

    Parameters
    ----------
    geography: rows from :func:`graphreg.geography.read_division` (villages are used).
    households: how many households in all, spread over counties by rural village count.
    seed: the same seed and inputs give the same registry.
    rates: planted fault rates (:class:`FaultRates`).
    poor_village_share: share of rural villages marked poor (128,000 of about 490,000 rural
        villages nationally is 26%).
    poverty_county_share: share of counties marked poverty counties (in one synthetic
        contiguous area per province, code ``<province>A1``).
    exit_share: share of fault-free households that exit (脱贫) in a year after registering.
    return_share: share of those that return to poverty (返贫) in a later year.
    late_share: share of households registered in 2015–2018 instead of 2014.
    key: the ID-hash key (the store's key when writing, see :func:`graphreg.ids.load_key`).

    Returns
    -------
    A :class:`Registry`.
    """
    if households < 0:
        raise ValueError("households must be 0 or more")
    rates = rates or FaultRates()
    rng = random.Random(seed)
    reg = Registry()
    by_county: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for v in geography["villages"]:
        if v["kind"] == "rural":
            by_county[v["county"]].append(v)
    counties = sorted(by_county)
    county_name = {c["code"]: c["name"] for c in geography.get("counties", [])}
    total_villages = sum(len(by_county[c]) for c in counties)
    faults: dict[str, list[Any]] = {k: [] for k in FAULT_KINDS}
    reg.faults = faults
    if not counties:
        return reg  # no rural village: nothing to generate
    poverty = sorted(c for c in counties if rng.random() < poverty_county_share)
    no_designated = set(rng.sample(poverty, round(len(poverty) * rates.county_no_designated)))
    for c in counties:
        pc = c in poverty
        reg.counties.append({"code": c, "poverty_county": pc,
                             "area": f"{c[:2]}A1" if pc else None,
                             "area_name": f"合成连片特困地区({c[:2]})" if pc else None})
    faults["county_no_designated"] = sorted(no_designated)
    quota_left = households
    used_ids: set[str] = set()
    kind_of: dict[str, str] = {}
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ci, county in enumerate(counties):
        villages = sorted(by_county[county], key=lambda v: v["code"])
        n_hh = quota_left if ci == len(counties) - 1 else round(
            households * len(villages) / total_villages)
        n_hh = min(n_hh, quota_left)
        quota_left -= n_hh
        n_poor = max(1, round(len(villages) * poor_village_share))
        poor = sorted(rng.sample(villages, n_poor), key=lambda v: v["code"])
        poor_codes = {v["code"] for v in poor}
        others = [v for v in villages if v["code"] not in poor_codes] or poor
        no_team = {v["code"] for v in rng.sample(poor, round(len(poor) * rates.village_no_team))}
        faults["village_no_team"] += sorted(no_team)
        for v in poor:
            reg.poor_villages.append({"code": v["code"], "poor": True, "since": 2014})
        # ---- units of the county -------------------------------------------------------
        dept_for_type: dict[str, str] = {}
        for code, name, types in DEPARTMENTS:
            uid = f"DP{county}{code}"
            reg.units.append({"id": uid, "name": f"{county_name.get(county, county)}{name}", "kind": "department",
                              "county": county, "base": county, "capacity": 0,
                              "skills": list(types)})
            for t in types:
                dept_for_type[t] = uid
        helpers: list[dict[str, Any]] = []
        for i in range(2):
            helpers.append({"id": f"DU{county}{i + 1}", "name": f"{county_name.get(county, county)}定点帮扶单位{i + 1}",
                            "kind": "designated", "county": county, "base": county,
                            "capacity": 0, "skills": list(SKILLS_BY_KIND["designated"])})
        for i in range(3):
            helpers.append({"id": f"EN{county}{i + 1}", "name": f"{county_name.get(county, county)}帮扶企业{i + 1}",
                            "kind": "enterprise", "county": county, "base": county,
                            "capacity": 0, "skills": list(SKILLS_BY_KIND["enterprise"])})
        helpers.append({"id": f"EW{county}",
                        "name": f"东部协作城市({county_name.get(county, county)})",
                        "kind": "east_west",
                        "county": county, "base": county, "capacity": 0,
                        "skills": list(SKILLS_BY_KIND["east_west"])})
        reg.units.extend(helpers)
        for h in helpers:
            if h["kind"] == "east_west" or (h["kind"] == "designated"
                                            and county not in no_designated):
                reg.assists.append({"unit": h["id"], "target": county, "level": "county",
                                    "since": dt.date(2015, 1, 1), "until": None,
                                    "role": "定点扶贫" if h["kind"] == "designated" else "东西部协作"})
        for v in poor:
            if v["code"] in no_team:
                continue
            uid = f"WT{v['code']}"
            reg.units.append({"id": uid, "name": f"{v['name']}驻村工作队", "kind": "work_team",
                              "county": county, "base": v["code"], "capacity": 0,
                              "skills": ["industry", "training"]})
            reg.assists.append({"unit": uid, "target": v["code"], "level": "village",
                                "since": dt.date(2015, 3, 1), "until": None, "role": "驻村帮扶"})
        # ---- households ----------------------------------------------------------------
        cadres: list[dict[str, Any]] = []
        cadre_of: dict[str, str] = {}
        units_of: dict[str, set[str]] = {}
        cadre_load = 0
        kinds: list[str] = []
        for k in HOUSEHOLD_FAULTS:
            kinds += [k] * round(n_hh * getattr(rates, k))
        kinds = kinds[:n_hh] + ["ok"] * (n_hh - len(kinds))
        rng.shuffle(kinds)
        seq_by_village: dict[str, int] = defaultdict(int)
        county_households: list[dict[str, Any]] = []
        for kind in kinds:
            v = rng.choice(poor) if rng.random() < 0.7 else rng.choice(others)
            seq_by_village[v["code"]] += 1
            hid = f"{v['code']}{seq_by_village[v['code']]:04d}"
            kind_of[hid] = kind
            main, other, types = _causes_and_types(rng, kind)
            size = _size(rng)
            head = _name(rng)
            year = 2014 if rng.random() >= late_share else rng.randrange(2015, 2019)
            if kind != "ok":
                year = 2014  # planted faults on households registered from the start
            row = {"id": hid, "village": v["code"], "county": county, "head_name": head,
                   "size": size, "attribute": rng.choices(("一般贫困户", "低保贫困户", "五保户"),
                                                          weights=(75, 20, 5))[0],
                   "standard": "国家", "status": "未脱贫", "registered_year": year,
                   "income": rng.randrange(1200, 2800), "main_cause": main,
                   "other_causes": other}
            reg.households.append(row)
            county_households.append(row)
            _history(rng, reg, row, exit_share if kind == "ok" else 0.0, return_share)
            head_birth = _date(rng, dt.date(1945, 1, 1), dt.date(1990, 12, 31))
            for m in range(size):
                relation, birth = _member(rng, m, head_birth)
                number = make_id(county, birth, rng.randrange(1000))
                while number in used_ids:  # one number, one person
                    number = make_id(county, birth, rng.randrange(1000))
                used_ids.add(number)
                person = {"pid": hash_id(number, key), "masked": mask_id(number),
                          "name": head if m == 0 else _name(rng), "relation": relation,
                          "household": hid, "birth_year": birth.year}
                reg.persons.append(person)
                members[hid].append(person)
            if kind == "unassisted":
                level = "village_only" if v["code"] in poor_codes and v["code"] not in no_team \
                    else "none"
                faults["unassisted"].append(hid)
                reg.unassisted_levels[hid] = level
                continue
            # a responsible cadre, carrying 3-8 households
            if not cadres or cadre_load >= cadres[-1]["capacity"] - rng.randrange(0, 3):
                town = v["code"][:9]
                cadres.append({"id": f"CD{county}{len(cadres) + 1:05d}", "name": _name(rng),
                               "kind": "cadre", "county": county, "base": town,
                               "capacity": rng.randrange(5, 9),
                               "skills": _cadre_skills(seed, county, len(cadres) + 1)})
                cadre_load = 0
            cadre = cadres[-1]
            cadre_load += 1
            cadre_of[hid] = cadre["id"]
            since = _date(rng, dt.date(2015, 1, 1), dt.date(2016, 6, 30))
            until = _date(rng, dt.date(2018, 1, 1), dt.date(2019, 12, 31)) \
                if kind == "help_ended" else None
            reg.assists.append({"unit": cadre["id"], "target": hid, "level": "household",
                                "since": since, "until": until, "role": "帮扶责任人"})
            if kind in ("mistargeted", "secondary_only", "help_ended"):
                faults[kind].append(hid)
            units = {cadre["id"]}
            periods = []
            for k, t in enumerate(types):
                if kind == "help_ended":
                    start = _date(rng, dt.date(2015, 6, 1), dt.date(2017, 12, 31))
                    end: dt.date | None = _date(rng, start + dt.timedelta(days=180),
                                                dt.date(2019, 12, 31))
                else:
                    start = _date(rng, dt.date(2015, 6, 1), dt.date(2020, 6, 30))
                    end = None if rng.random() < 0.4 else _date(
                        rng, dt.date(2021, 1, 1), dt.date(2023, 12, 31))
                periods.append((start, end))
                units.add(dept_for_type[t])
                reg.measures.append({
                    "id": f"M{hid}{k + 1:02d}", "unit": dept_for_type[t], "household": hid,
                    "type": t, "cost": rng.randrange(5, 400) * 100, "start": start, "end": end,
                    "content": MEASURE_TYPES[t]})
            if kind == "overlap":
                k = rng.randrange(len(types))
                t, (start, end) = types[k], periods[k]
                other_unit = rng.choice([h for h in helpers if t in h["skills"]] or helpers)
                s2 = _date(rng, start, min(end or _RUNNING, _RUNNING))
                e2 = _date(rng, dt.date(2021, 1, 1), dt.date(2022, 12, 31))
                reg.measures.append({
                    "id": f"M{hid}{len(types) + 1:02d}", "unit": other_unit["id"],
                    "household": hid, "type": t, "cost": rng.randrange(5, 400) * 100,
                    "start": s2, "end": e2, "content": MEASURE_TYPES[t]})
                a, b = sorted((dept_for_type[t], other_unit["id"]))
                faults["overlap"].append((hid, t, a, b))
                units.add(other_unit["id"])
            units_of[hid] = units
        reg.units.extend(cadres)
        _plant_county(rng, reg, rates, county, county_households, kind_of, cadres, cadre_of,
                      units_of)
    _plant_shared_persons(rng, reg, rates, kind_of, members)
    _no_help_before_registration(reg)
    reg.village_population = _village_population(seed, counties, by_county, reg)
    reg.faults = {k: sorted(v) for k, v in faults.items()}
    return reg


def _no_help_before_registration(reg: Registry) -> None:
    """Move the start of household help drawn before the household was registered to 1
    January of its registration year (help is given to registered households)."""
    registered = {h["id"]: dt.date(h["registered_year"], 1, 1) for h in reg.households}
    for a in reg.assists:
        first = registered.get(a["target"]) if a["level"] == "household" else None
        if first and a["since"] < first:
            a["since"] = first
    for m in reg.measures:
        first = registered.get(m["household"])
        if first and m["start"] < first:
            m["start"] = first
            if m["end"] is not None and m["end"] < first:
                m["end"] = first


#: Synthetic poverty incidence in 2014 (registered people / village population) drawn per
#: village, for poor villages and for the others. Assumed: no per-village figures are
#: published (DOMAIN.md); only the ranges' order (poor villages far above the rest) is meant.
INCIDENCE_POOR = (0.15, 0.45)
INCIDENCE_OTHER = (0.03, 0.12)


def _village_population(seed: int, counties: list[str],
                        by_county: dict[str, list[dict[str, Any]]],
                        reg: Registry) -> list[dict[str, Any]]:
    """A population (户籍人口, counted in 2014) for every rural village of the generated counties,
    so that reports show poverty incidence: the people registered there divided by an incidence
    drawn from :data:`INCIDENCE_POOR` or :data:`INCIDENCE_OTHER`; a village with nobody
    registered gets about the median population of its county's other villages. Its own random stream, so the rest of the registry does not
    depend on it."""
    rng = random.Random(f"{seed}/population")
    people: dict[str, int] = defaultdict(int)
    for h in reg.households:
        people[h["village"]] += h["size"]
    poor = {v["code"] for v in reg.poor_villages}
    rows = []
    for county in counties:
        pops: dict[str, int] = {}
        empty = []
        for v in sorted(by_county[county], key=lambda v: v["code"]):
            n = people.get(v["code"], 0)
            if not n:
                empty.append(v["code"])
                continue
            low, high = INCIDENCE_POOR if v["code"] in poor else INCIDENCE_OTHER
            pops[v["code"]] = max(n, round(n / rng.uniform(low, high)))
        # villages with nobody registered: on the scale of the county's other villages (the
        # registry is smaller than the real one, so are its villages), or 100-400 people
        typical = statistics.median(pops.values()) if pops else None
        for code in empty:
            pops[code] = max(1, round(typical * rng.uniform(0.5, 1.5))) if typical \
                else rng.randrange(100, 401)
        rows += [{"code": c, "population": pops[c], "year": 2014} for c in sorted(pops)]
    return rows


def _history(rng: random.Random, reg: Registry, row: dict[str, Any], exit_share: float,
             return_share: float) -> None:
    """Status changes of one household: registered, and maybe exited and returned."""
    year = row["registered_year"]
    changes = [(year, "未脱贫")]
    if rng.random() < exit_share and year < CHECK_YEAR:
        out = rng.randrange(max(year + 1, 2016), CHECK_YEAR + 1)
        changes.append((out, "脱贫"))
        if out < CHECK_YEAR and rng.random() < return_share:
            changes.append((rng.randrange(out + 1, CHECK_YEAR + 1), "返贫"))
    for y, status in changes:
        reg.status_changes.append({"household": row["id"], "year": y, "status": status,
                                   "date": _date(rng, dt.date(y, 3, 1), dt.date(y, 11, 30))})
    row["status"] = changes[-1][1]


def _plant_county(rng: random.Random, reg: Registry, rates: FaultRates, county: str,
                  rows: list[dict[str, Any]], kind_of: dict[str, str],
                  cadres: list[dict[str, Any]], cadre_of: dict[str, str],
                  units_of: dict[str, set[str]]) -> None:
    """Plant the overhelped, similar-units and concentrated faults of one county."""
    faults = reg.faults
    n_hh = len(rows)
    by_village: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        by_village[r["village"]].append(r["id"])
    ok = [r["id"] for r in rows if kind_of[r["id"]] == "ok"]
    # overhelped: at most one per village with >= 4 other households helped on CHECK_YEAR
    taken: set[str] = set()
    want = round(n_hh * rates.overhelped)
    if want and len(cadres) > OVERHELP_EXTRA:
        helped = {h for h in units_of if kind_of[h] != "help_ended"}
        cands = [h for h in ok if sum(1 for x in by_village[h[:12]] if x in helped and x != h) >= 4]
        used_villages: set[str] = set()
        for h in rng.sample(cands, len(cands)):
            if len(taken) >= want:
                break
            if h[:12] in used_villages:
                continue
            used_villages.add(h[:12])
            taken.add(h)
            extra = rng.sample([c for c in cadres if c["id"] != cadre_of[h]], OVERHELP_EXTRA)
            for c in sorted(extra, key=lambda c: c["id"]):
                reg.assists.append({"unit": c["id"], "target": h, "level": "household",
                                    "since": dt.date(2016, 9, 1), "until": None,
                                    "role": "帮扶责任人"})
            faults["overhelped"].append(h)
    # similar units: two social organisations assisting nearly the same households
    pairs = round(n_hh * rates.similar_units)
    free = [h for h in ok if h not in taken and len(units_of.get(h, ())) <= 2]
    rng.shuffle(free)
    for i in range(pairs):
        group = free[i * (SIMILAR_SET + 1):(i + 1) * (SIMILAR_SET + 1)]
        if len(group) < SIMILAR_SET + 1:
            break
        a, b = f"SO{county}{i + 1:03d}A", f"SO{county}{i + 1:03d}B"
        for uid in (a, b):
            reg.units.append({"id": uid, "name": f"社会扶贫组织{county}-{i + 1}{uid[-1]}",
                              "kind": "social", "county": county, "base": county,
                              "capacity": 0, "skills": ["training"]})
        for j, h in enumerate(group):
            for uid in ((a, b) if j < SIMILAR_SET else (b,)):
                reg.assists.append({"unit": uid, "target": h, "level": "household",
                                    "since": dt.date(2016, 1, 1), "until": None,
                                    "role": "社会帮扶"})
        faults["similar_units"].append((a, b))
    # concentrated: one household of a village with >= 10 households takes >= 95% of the cost
    eligible = sorted(v for v, hs in by_village.items() if len(hs) >= 10)
    chosen = rng.sample(eligible, round(len(eligible) * rates.concentrated))
    if chosen:
        by_household: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for m in reg.measures:
            if m["household"][:6] == county:
                by_household[m["household"]].append(m)
        for v in sorted(chosen):
            cands = [h for h in by_village[v] if kind_of[h] == "ok" and by_household[h]]
            if not cands:
                continue
            h = rng.choice(cands)
            rest = sum(m["cost"] for x in by_village[v] for m in by_household[x]) \
                - by_household[h][0]["cost"]
            by_household[h][0]["cost"] = 20 * max(rest, 100)
            faults["concentrated"].append(v)
    # no other village may look concentrated by chance: halve its top costs until it does not
    if eligible:
        _spread_costs(rows, sorted(set(eligible) - set(chosen)), by_village,
                      [m for m in reg.measures if m["household"][:6] == county])


#: The top-10% cost share above which the analyses flag a village (their default), and the
#: share every village not planted ``concentrated`` is kept under.
CONCENTRATION_SHARE = 0.5
_SPREAD_BELOW = 0.4


def _spread_costs(rows: list[dict[str, Any]], villages: list[str],
                  by_village: dict[str, list[str]], measures: list[dict[str, Any]]) -> None:
    from .analysis.concentration import top_share
    by_household: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in measures:
        by_household[m["household"]].append(m)
    for v in villages:
        hs = by_village[v]
        while True:
            costs = {h: sum(m["cost"] for m in by_household[h]) for h in hs}
            if top_share(list(costs.values())) < _SPREAD_BELOW:
                break
            top = max(hs, key=lambda h: (costs[h], h))
            if all(m["cost"] <= 100 for m in by_household[top]):
                break
            for m in by_household[top]:
                m["cost"] = max(100, m["cost"] // 200 * 100)


def _plant_shared_persons(rng: random.Random, reg: Registry, rates: FaultRates,
                          kind_of: dict[str, str], members: dict[str, list[dict[str, Any]]]
                          ) -> None:
    """List a member of one household in a second, fault-free household too."""
    ids = [h["id"] for h in reg.households]
    ok = [h for h in ids if kind_of[h] == "ok"]
    want = min(round(len(ids) * rates.shared_person), len(ok))
    if not want or len(ids) < 2:
        return
    rows = {h["id"]: h for h in reg.households}
    used: set[str] = set()
    for h2 in sorted(rng.sample(ok, want)):
        h1 = rng.choice(ids)
        while h1 == h2:
            h1 = rng.choice(ids)
        person = next((p for p in members[h1] if p["pid"] not in used), None)
        if person is None:
            continue
        used.add(person["pid"])
        reg.shared_members.append({"pid": person["pid"], "household": h2,
                                   "relation": rng.choice(RELATIONS)})
        rows[h2]["size"] += 1
        a, b = sorted((h1, h2))
        reg.faults["shared_person"].append((person["pid"], a, b))


#: The order in which a registry's parts are written, with their statements.
WRITE_ORDER = (("poor_villages", "merge_poor_villages"),
               ("village_population", "synth_village_population"),
               ("counties", "synth_county_flags"),
               ("households", "merge_households"), ("persons", "merge_persons"),
               ("shared_members", "synth_merge_memberships"),
               ("status_changes", "merge_status_changes"), ("units", "merge_units"),
               ("assists", "merge_assists"), ("measures", "merge_measures"))


def write_registry(store: Store, reg: Registry, *, batch_size: int = 5000,
                   progress: Callable[[str, int, int], None] | None = None
                   ) -> dict[str, WriteSummary]:
    """Merge a generated registry into the graph (idempotent) and record its planted faults."""
    out = {}
    parts = [(name, stmt, getattr(reg, name)) for name, stmt in WRITE_ORDER]
    parts.append(("planted_faults", "merge_planted_faults", reg.fault_rows()))
    for name, stmt, rows in parts:
        out[name] = store.write(stmt, rows, batch_size=batch_size, report=progress, task=name)
    refresh_statistics(store)
    return out
