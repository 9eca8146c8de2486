"""A synthetic registry calibrated to the published figures, with planted faults.

Household data is private, so graphreg makes its own: households living in real villages of the
chosen counties, members with valid (synthetic) ID-card numbers, causes of poverty, the assisting
units of the real kinds and the measures they give. Calibration (DOMAIN.md): about 3.04 people
per household; the main cause drawn from :data:`graphreg.model.MAIN_CAUSE_SHARES` (illness 43%,
published; the rest assumed); a work team for every poor village; responsible cadres carrying
several households each; county departments, designated units, enterprises and an east–west
partner per county.

Known faults are planted at settable rates and recorded in :attr:`Registry.faults`:

- ``unassisted``: no responsible cadre and no measure at all;
- ``mistargeted``: helped, but no measure addresses the main cause;
- ``overlap``: a second unit gives a measure of a type the household already gets from another
  unit, in an overlapping period.

Every other household has a cadre, one to three measures of distinct types from distinct
providers, at least one of which addresses its main cause, so the analyses must find exactly
the planted sets. The same seed gives the same registry.

    >>> from graphreg.geography import read_division
    >>> geo = read_division(counties=["520423"])
    >>> reg = generate(geo, households=200, seed=7)
    >>> len(reg.households), reg == generate(geo, households=200, seed=7)
    (200, True)
    >>> sorted(reg.faults)
    ['mistargeted', 'overlap', 'unassisted']
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .ids import hash_id, make_id, mask_id
from .model import ADDRESSES, MAIN_CAUSE_SHARES, MEASURE_TYPES

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


@dataclass(frozen=True)
class FaultRates:
    """Shares of households given each planted fault (disjoint)."""

    unassisted: float = 0.03
    mistargeted: float = 0.04
    overlap: float = 0.03

    def __post_init__(self) -> None:
        for k in ("unassisted", "mistargeted", "overlap"):
            v = getattr(self, k)
            if not 0 <= v <= 1:
                raise ValueError(f"fault rate {k}={v} must lie between 0 and 1")
        if self.unassisted + self.mistargeted + self.overlap > 1:
            raise ValueError("fault rates add up to more than 1")


@dataclass
class Registry:
    """Rows ready for the ``merge_*`` statements, and the planted faults."""

    poor_villages: list[dict[str, Any]] = field(default_factory=list)
    households: list[dict[str, Any]] = field(default_factory=list)
    persons: list[dict[str, Any]] = field(default_factory=list)
    units: list[dict[str, Any]] = field(default_factory=list)
    assists: list[dict[str, Any]] = field(default_factory=list)
    measures: list[dict[str, Any]] = field(default_factory=list)
    #: kind → sorted household ids (``overlap``: sorted (household, type, unit_a, unit_b)).
    faults: dict[str, list[Any]] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {"poor_villages": len(self.poor_villages), "households": len(self.households),
                "persons": len(self.persons), "units": len(self.units),
                "assists": len(self.assists), "measures": len(self.measures),
                **{f"planted_{k}": len(v) for k, v in self.faults.items()}}

    def fault_rows(self) -> list[dict[str, Any]]:
        rows = []
        for kind, items in self.faults.items():
            for it in items:
                if kind == "overlap":
                    h, t, a, b = it
                    rows.append({"key": f"{kind}:{h}:{t}:{a}:{b}", "kind": kind, "household": h,
                                 "detail": f"{t} {a} {b}"})
                else:
                    rows.append({"key": f"{kind}:{it}", "kind": kind, "household": it, "detail": ""})
        return rows


def _pick_weighted(rng: random.Random, weights: dict[int, float]) -> int:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _size(rng: random.Random) -> int:
    # mean 3.04 (DOMAIN.md): sizes 1..7
    return rng.choices((1, 2, 3, 4, 5, 6, 7), weights=(16, 24, 25, 18, 10, 5, 2))[0]


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def generate(geography: dict[str, list[dict[str, Any]]], *, households: int, seed: int = 1,
             rates: FaultRates | None = None, poor_village_share: float = 0.3,
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
    townships_by_county: dict[str, list[str]] = defaultdict(list)
    for t in geography["townships"]:
        townships_by_county[t["parent"]].append(t["code"])
    counties = sorted(by_county)
    total_villages = sum(len(by_county[c]) for c in counties)
    if not counties:
        return reg  # no rural village: nothing to generate
    faults: dict[str, list[Any]] = {"unassisted": [], "mistargeted": [], "overlap": []}
    quota_left = households
    used_ids: set[str] = set()
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
        for v in poor:
            reg.poor_villages.append({"code": v["code"], "poor": True, "since": 2014})
        # ---- units of the county -------------------------------------------------------
        dept_for_type: dict[str, str] = {}
        for code, name, types in DEPARTMENTS:
            uid = f"DP{county}{code}"
            reg.units.append({"id": uid, "name": f"{county}{name}", "kind": "department",
                              "county": county, "base": county, "capacity": 0,
                              "skills": list(types)})
            for t in types:
                dept_for_type[t] = uid
        helpers: list[dict[str, Any]] = []
        for i in range(2):
            helpers.append({"id": f"DU{county}{i + 1}", "name": f"定点帮扶单位{county}-{i + 1}",
                            "kind": "designated", "county": county, "base": county,
                            "capacity": 0, "skills": list(SKILLS_BY_KIND["designated"])})
        for i in range(3):
            helpers.append({"id": f"EN{county}{i + 1}", "name": f"帮扶企业{county}-{i + 1}",
                            "kind": "enterprise", "county": county, "base": county,
                            "capacity": 0, "skills": list(SKILLS_BY_KIND["enterprise"])})
        helpers.append({"id": f"EW{county}", "name": f"东部协作城市({county})", "kind": "east_west",
                        "county": county, "base": county, "capacity": 0,
                        "skills": list(SKILLS_BY_KIND["east_west"])})
        reg.units.extend(helpers)
        for h in helpers:
            if h["kind"] in ("designated", "east_west"):
                reg.assists.append({"unit": h["id"], "target": county, "level": "county",
                                    "since": dt.date(2015, 1, 1), "until": None,
                                    "role": "定点扶贫" if h["kind"] == "designated" else "东西部协作"})
        for v in poor:
            uid = f"WT{v['code']}"
            reg.units.append({"id": uid, "name": f"{v['name']}驻村工作队", "kind": "work_team",
                              "county": county, "base": v["code"], "capacity": 0,
                              "skills": ["industry", "training"]})
            reg.assists.append({"unit": uid, "target": v["code"], "level": "village",
                                "since": dt.date(2015, 3, 1), "until": None, "role": "驻村帮扶"})
        # ---- households ----------------------------------------------------------------
        cadres: list[dict[str, Any]] = []
        cadre_load = 0
        n_unassisted = round(n_hh * rates.unassisted)
        n_mis = round(n_hh * rates.mistargeted)
        n_ov = round(n_hh * rates.overlap)
        kinds = (["unassisted"] * n_unassisted + ["mistargeted"] * n_mis + ["overlap"] * n_ov)
        kinds += ["ok"] * (n_hh - len(kinds))
        rng.shuffle(kinds)
        seq_by_village: dict[str, int] = defaultdict(int)
        for kind in kinds:
            v = rng.choice(poor) if rng.random() < 0.7 else rng.choice(others)
            seq_by_village[v["code"]] += 1
            hid = f"{v['code']}{seq_by_village[v['code']]:04d}"
            main = _pick_weighted(rng, MAIN_CAUSE_SHARES)
            while main not in TARGETABLE and kind not in ("mistargeted", "unassisted"):
                main = _pick_weighted(rng, MAIN_CAUSE_SHARES)  # 其他: no measure addresses it
            other = rng.sample([c for c in MAIN_CAUSE_SHARES if c not in (main, 99)],
                               rng.choice((0, 0, 1, 1, 2)))
            size = _size(rng)
            head = _name(rng)
            reg.households.append({
                "id": hid, "village": v["code"], "county": county, "head_name": head,
                "size": size, "attribute": rng.choices(("一般贫困户", "低保贫困户", "五保户"),
                                                       weights=(75, 20, 5))[0],
                "standard": "国家", "status": "未脱贫", "registered_year": 2014,
                "income": rng.randrange(1200, 2800), "main_cause": main,
                "other_causes": sorted(other)})
            for m in range(size):
                birth = _date(rng, dt.date(1940, 1, 1), dt.date(2012, 12, 31))
                number = make_id(county, birth, rng.randrange(1000))
                while number in used_ids:  # one number, one person
                    number = make_id(county, birth, rng.randrange(1000))
                used_ids.add(number)
                reg.persons.append({
                    "pid": hash_id(number, key), "masked": mask_id(number),
                    "name": head if m == 0 else _name(rng),
                    "relation": "户主" if m == 0 else rng.choice(RELATIONS),
                    "household": hid, "birth_year": birth.year})
            if kind == "unassisted":
                faults["unassisted"].append(hid)
                continue
            # a responsible cadre, carrying 3-8 households
            if not cadres or cadre_load >= cadres[-1]["capacity"] - rng.randrange(0, 3):
                town = v["code"][:9]
                cadres.append({"id": f"CD{county}{len(cadres) + 1:05d}", "name": _name(rng),
                               "kind": "cadre", "county": county, "base": town,
                               "capacity": rng.randrange(5, 9), "skills": []})
                cadre_load = 0
            cadre = cadres[-1]
            cadre_load += 1
            since = _date(rng, dt.date(2015, 1, 1), dt.date(2016, 6, 30))
            reg.assists.append({"unit": cadre["id"], "target": hid, "level": "household",
                                "since": since, "until": None, "role": "帮扶责任人"})
            fits = sorted(t for t in TYPES if main in ADDRESSES[t])
            misses = sorted(t for t in TYPES if main not in ADDRESSES[t])
            n_measures = rng.choice((1, 2, 2, 3))
            if kind == "mistargeted":
                types = rng.sample(misses, n_measures)
                faults["mistargeted"].append(hid)
            else:
                first = rng.choice(fits)
                types = [first] + rng.sample([t for t in TYPES if t != first], n_measures - 1)
            periods = []
            for k, t in enumerate(types):
                start = _date(rng, dt.date(2015, 6, 1), dt.date(2019, 6, 30))
                end = start + dt.timedelta(days=rng.randrange(180, 1000))
                periods.append((start, end))
                reg.measures.append({
                    "id": f"M{hid}{k + 1:02d}", "unit": dept_for_type[t], "household": hid,
                    "type": t, "cost": rng.randrange(5, 400) * 100, "start": start, "end": end,
                    "content": MEASURE_TYPES[t]})
            if kind == "overlap":
                k = rng.randrange(len(types))
                t, (start, end) = types[k], periods[k]
                other_unit = rng.choice([h for h in helpers if t in h["skills"]] or helpers)
                s2 = _date(rng, start, end)
                reg.measures.append({
                    "id": f"M{hid}{len(types) + 1:02d}", "unit": other_unit["id"],
                    "household": hid, "type": t, "cost": rng.randrange(5, 400) * 100,
                    "start": s2, "end": s2 + dt.timedelta(days=rng.randrange(90, 720)),
                    "content": MEASURE_TYPES[t]})
                a, b = sorted((dept_for_type[t], other_unit["id"]))
                faults["overlap"].append((hid, t, a, b))
        reg.units.extend(cadres)
    reg.faults = {k: sorted(v) for k, v in faults.items()}
    return reg


#: The order in which a registry's parts are written, with their statements.
WRITE_ORDER = (("poor_villages", "merge_poor_villages"), ("households", "merge_households"),
               ("persons", "merge_persons"), ("units", "merge_units"),
               ("assists", "merge_assists"), ("measures", "merge_measures"))


def write_registry(store: "Store", reg: Registry, *, batch_size: int = 5000,
                   progress: "Callable[[str, int, int], None] | None" = None
                   ) -> dict[str, "WriteSummary"]:
    """Merge a generated registry into the graph (idempotent) and record its planted faults."""
    out = {}
    parts = [(name, stmt, getattr(reg, name)) for name, stmt in WRITE_ORDER]
    parts.append(("planted_faults", "merge_planted_faults", reg.fault_rows()))
    for name, stmt, rows in parts:
        done = 0

        def tick(n: int, name: str = name, total: int = len(rows)) -> None:
            nonlocal done
            done += n
            if progress:
                progress(name, done, total)

        out[name] = store.write(stmt, rows, batch_size=batch_size, progress=tick)
    return out
