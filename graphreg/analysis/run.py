"""One engine: run the analyses county by county over NetworkX projections, cross-check every
total against a Cypher aggregate, compare with planted faults, and build coverage reports.

Every county is projected on its own (:func:`graphreg.project.project_county`), analysed, checked
and dropped before the next, so memory is bounded by the largest county, not the province.
"""

from __future__ import annotations

import heapq
import time
from collections.abc import Callable, Collection
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx

from ..db import Store
from ..errors import CrossCheckError, InputError
from ..project import Scope, measure_type_causes, project_county, year_end
from ..project import counties as list_counties
from .common import ACTIVE_STATUSES, restrict
from .concentration import (Concentration, HouseholdHelp, concentrated_villages, concentration,
                            household_help)
from .coverage import CoverageCounts, coverage_counts
from .gaps import (CountyGap, HouseholdGap, UnassistedHousehold, VillageGap, household_gaps,
                   poor_villages_without_team, poverty_counties_without_designated,
                   unassisted_households)
from .mistargeting import Mistargeted, mistargeted_households
from .overlaps import (Overhelped, Overlap, SharedPerson, UnitPair, overhelped_households,
                       overlapping_help, shared_persons, similar_units)

Progress = Callable[[str, int, int], None]

#: The analyses :func:`analyse` can run. Unassisted households and same-type overlaps (the
#: first analyses) always run; ``analyses=None`` runs only those, ``ANALYSES`` runs everything.
ANALYSES: tuple[str, ...] = ("gaps", "mistargeting", "overlaps", "overhelped", "shared_persons",
                             "similar_units", "concentration")


@dataclass(frozen=True)
class AnalysisOptions:
    """Thresholds of the analyses (see each function for what they mean)."""

    #: overhelped: units above the village median.
    excess: float = 4
    #: overhelped: fewest other helped households in the village.
    min_peers: int = 3
    #: similar units: least Jaccard similarity.
    jaccard: float = 0.8
    #: similar units: fewest households a unit must help.
    min_unit_households: int = 5
    #: concentration: top-10% share that flags a village.
    concentration_share: float = 0.5
    #: concentration: fewest households of a flagged village.
    concentration_min_households: int = 10
    #: how many households of the ranking by help received to keep (0: all).
    top: int = 100

    def __post_init__(self) -> None:
        # field: (value, allowed, what to say)
        checks = {
            "excess": (self.excess, self.excess >= 0, "0 or more"),
            "min_peers": (self.min_peers, self.min_peers >= 0, "0 or more"),
            "jaccard": (self.jaccard, 0 < self.jaccard <= 1, "above 0 and at most 1"),
            "min_unit_households": (self.min_unit_households, self.min_unit_households >= 1,
                                    "1 or more"),
            "concentration_share": (self.concentration_share,
                                    0 <= self.concentration_share <= 1, "between 0 and 1"),
            "concentration_min_households": (self.concentration_min_households,
                                             self.concentration_min_households >= 1, "1 or more"),
            "top": (self.top, self.top >= 0, "0 or more")}
        for name, (v, ok, want) in checks.items():
            if not ok:  # NaN fails every comparison, so it is refused too
                raise InputError(f"{OPTION_NAMES.get(name, name)} is {v}; it must be {want}")


#: The command-line option that sets each :class:`AnalysisOptions` field, for messages.
OPTION_NAMES = {"excess": "--excess", "jaccard": "--jaccard", "min_unit_households":
                "--min-households", "concentration_share": "--share"}


@dataclass
class CountyTotals:
    county: str
    name: str
    households: int
    unassisted: int
    overlaps: int
    gaps: int = 0
    mistargeted: int = 0
    overhelped: int = 0
    shared_persons: int = 0
    similar_units: int = 0
    measures: int = 0
    cost: float = 0


@dataclass
class AnalysisResult:
    """Findings of :func:`analyse`, each list in a stable order."""

    unassisted: list[UnassistedHousehold] = field(default_factory=list)
    overlaps: list[Overlap] = field(default_factory=list)
    counties: list[CountyTotals] = field(default_factory=list)
    seconds: float = 0.0
    as_of: int | None = None
    ran: tuple[str, ...] = ("overlaps",)
    gaps: list[HouseholdGap] = field(default_factory=list)
    villages_without_team: list[VillageGap] = field(default_factory=list)
    counties_without_designated: list[CountyGap] = field(default_factory=list)
    mistargeted: list[Mistargeted] = field(default_factory=list)
    overhelped: list[Overhelped] = field(default_factory=list)
    shared_persons: list[SharedPerson] = field(default_factory=list)
    similar_units: list[UnitPair] = field(default_factory=list)
    concentration: list[Concentration] = field(default_factory=list)
    concentrated: list[Concentration] = field(default_factory=list)
    ranking: list[HouseholdHelp] = field(default_factory=list)
    cross_checks: int = 0
    #: nodes of the largest county graph (what bounds memory) and of all county graphs
    largest_county_nodes: int = 0
    projected_nodes: int = 0
    #: seconds of the county loop: reading county graphs from Neo4j (``project``), the
    #: NetworkX analyses (``networkx``) and the Cypher aggregates checking them (``cross_checks``)
    timings: dict[str, float] = field(default_factory=dict)
    #: the cross-check statements that took longest, with their seconds
    slowest_checks: dict[str, float] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        """Totals for people and scripts (stable keys)."""
        out: dict[str, Any] = {
            "counties": len(self.counties),
            "households": sum(c.households for c in self.counties),
            "unassisted": len(self.unassisted),
            "unassisted_village_help_only": sum(u.village_help for u in self.unassisted),
            "overlaps": len(self.overlaps),
            "households_with_overlap": len({o.household for o in self.overlaps})}
        if self.as_of is not None:
            out["as_of"] = self.as_of
        if "gaps" in self.ran:
            for level in ("none", "village_only", "ended"):
                out[f"gaps_{level}"] = sum(g.level == level for g in self.gaps)
            out["poor_villages_without_team"] = len(self.villages_without_team)
            out["poverty_counties_without_designated"] = len(self.counties_without_designated)
        if "mistargeting" in self.ran:
            out["mistargeted_unaddressed"] = sum(m.kind == "unaddressed" for m in self.mistargeted)
            out["mistargeted_secondary_only"] = sum(m.kind == "secondary_only"
                                                    for m in self.mistargeted)
        if "overhelped" in self.ran:
            out["overhelped"] = len(self.overhelped)
        if "shared_persons" in self.ran:
            out["shared_persons"] = len(self.shared_persons)
        if "similar_units" in self.ran:
            out["similar_unit_pairs"] = len(self.similar_units)
        if "concentration" in self.ran:
            out["concentrated_villages"] = len(self.concentrated)
            out["measures"] = sum(c.measures for c in self.counties)
            out["cost"] = sum(c.cost for c in self.counties)
        if len(self.ran) > 1 or self.as_of is not None:
            out["cross_checks"] = self.cross_checks
        out["seconds"] = round(self.seconds, 2)
        return out


class _TimedStore:
    """The cross-check statements, timed: :attr:`seconds` is the time spent in Neo4j on them
    (what Cypher alone takes to count what the analyses find)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        #: seconds per statement name, so a slow one can be named
        self.by_statement: dict[str, float] = {}

    @property
    def seconds(self) -> float:
        return sum(self.by_statement.values())

    def _add(self, name: str, t: float) -> None:
        self.by_statement[name] = self.by_statement.get(name, 0.0) + time.perf_counter() - t

    def query(self, name: str, **params: Any) -> list[dict[str, Any]]:
        t = time.perf_counter()
        try:
            return self.store.query(name, **params)
        finally:
            self._add(name, t)

    def value(self, name: str, **params: Any) -> Any:
        t = time.perf_counter()
        try:
            return self.store.value(name, **params)
        finally:
            self._add(name, t)

    def slowest(self, n: int = 3) -> dict[str, float]:
        """The ``n`` statements that took longest in all, with their seconds."""
        top = sorted(self.by_statement.items(), key=lambda kv: -kv[1])[:n]
        return {k: round(v, 3) for k, v in top}


def _timings(total: float, project: float, cypher: float) -> dict[str, float]:
    """Where the county loop's ``total`` seconds went: reading county graphs from Neo4j
    (``project``), the NetworkX analyses (``networkx``, the rest) and the Cypher aggregates that
    cross-check them (``cross_checks``)."""
    return {"project": round(project, 3), "networkx": round(total - project - cypher, 3),
            "cross_checks": round(cypher, 3)}


def _check(county: str, pairs: list[tuple[str, Any, Any]]) -> None:
    bad = [f"{what}: NetworkX {mine}, Cypher {theirs}" for what, mine, theirs in pairs
           if mine != theirs]
    if not bad:
        return
    first = {what: (mine, theirs) for what, mine, theirs in pairs
             if what in ("unassisted", "overlaps")}
    lead = ""
    if len(first) == 2 and any(m != t for m, t in first.values()):
        (u, wu), (o, wo) = first["unassisted"], first["overlaps"]
        lead = (f"NetworkX found {u} unassisted households and {o} overlaps, Cypher counts "
                f"{wu} and {wo}. ")
    raise CrossCheckError(
        f"County {county}: {lead}The analyses disagree with the Cypher cross-checks ("
        + "; ".join(bad) + "). The graph changed during the run or an analysis is wrong; "
        "run again, and report it if it repeats.")


def analyse(store: Store, *, province: str | None = None, county_codes: list[str] | None = None,
            area: str | None = None, villages: list[str] | None = None,
            as_of: int | None = None, analyses: Collection[str] | None = None,
            options: AnalysisOptions | None = None,
            progress: Progress | None = None) -> AnalysisResult:
    """Run the analyses for every county that holds households within the filters, projected
    to NetworkX one county at a time, each total checked against a Cypher aggregate.

    Parameters
    ----------
    store: the database.
    province, county_codes, area, villages: filters (province code, county codes, contiguous
        area code, village or township codes); all of them apply.
    as_of: statuses as of the end of that year (from the status history) and help active on
        its 31 December; ``None``: current statuses and help at any time.
    analyses: names from :data:`ANALYSES`; unassisted households and same-type overlapping
        help (the first analyses) always run, and are all that runs with ``None``.
    options: thresholds (:class:`AnalysisOptions`).
    progress: ``progress(county, done, total)`` after each county.

    Returns
    -------
    An :class:`AnalysisResult`. Raises :class:`CrossCheckError` when a NetworkX total and its
    Cypher aggregate disagree, :class:`InputError` when the filters match no household.
    """
    t0 = time.monotonic()
    opts = options or AnalysisOptions()
    unknown = sorted(set(analyses or ()) - set(ANALYSES))
    if unknown:
        raise InputError(f"unknown analysis {', '.join(unknown)}; use {', '.join(ANALYSES)}")
    run = set(analyses or ()) | {"overlaps"}
    scope = Scope(province, tuple(county_codes or ()), area, tuple(villages or ()))
    res = AnalysisResult(as_of=as_of, ran=tuple(a for a in ANALYSES if a in run))
    _refuse_unknown_places(store, province, county_codes, area, villages)
    cs = list_counties(store, province=province, county_codes=county_codes, area=area,
                       villages=villages)
    if (province or county_codes or area or villages) and not cs:
        raise InputError(f"No households are registered in {_where(scope)}. Check the code(s), "
                         "or generate a registry there first (`graphreg generate`).")
    addresses = measure_type_causes(store)
    day = year_end(as_of)
    vparam = scope.village_param()
    base = {"villages": vparam, "year": as_of, "day": day, "active": list(ACTIVE_STATUSES)}
    shared: dict[str, SharedPerson] = {}
    ranking: list[HouseholdHelp] = []
    cypher = _TimedStore(store)
    project_s = 0.0
    loop_t0 = time.perf_counter()
    for i, c in enumerate(cs, start=1):
        code = c["code"]
        t = time.perf_counter()
        G = restrict(project_county(store, code, as_of=as_of, addresses=addresses,
                                    persons="shared_persons" in run), scope)
        project_s += time.perf_counter() - t
        res.projected_nodes += G.number_of_nodes()
        res.largest_county_nodes = max(res.largest_county_nodes, G.number_of_nodes())
        tot = CountyTotals(code, c["name"], sum(1 for _, d in G.nodes(data=True)
                                                 if d["kind"] == "household"), 0, 0)
        checks: list[tuple[str, Any, Any]] = []
        q = {"county": code, **base}
        un = unassisted_households(G)
        ov = overlapping_help(G, day=day)
        want = cypher.query("analysis_count_gaps", **{**q, "day": None})[0]
        checks.append(("unassisted", len(un), want["total"]))
        checks.append(("overlaps", len(ov), cypher.value("analysis_count_overlaps", **q)))
        res.unassisted += un
        res.overlaps += ov
        tot.unassisted, tot.overlaps = len(un), len(ov)
        if "gaps" in run:
            gaps = household_gaps(G, day=day)
            want = cypher.query("analysis_count_gaps", **q)[0]
            for level in ("none", "village_only", "ended"):
                checks.append((f"gaps {level}", sum(g.level == level for g in gaps), want[level]))
            vg = poor_villages_without_team(G, day=day)
            checks.append(("poor villages without team", len(vg), cypher.value(
                "analysis_count_poor_villages_without_team", **q, team_kinds=["work_team"])))
            cg = [] if vparam else poverty_counties_without_designated(G, day=day)
            if not vparam:
                checks.append(("poverty county without designated unit", len(cg), cypher.value(
                    "analysis_count_counties_without_designated", county=code, day=day,
                    kinds=["designated"])))
            res.gaps += gaps
            res.villages_without_team += vg
            res.counties_without_designated += cg
            tot.gaps = len(gaps)
        if "mistargeting" in run:
            mt = mistargeted_households(G, day=day)
            want = cypher.query("analysis_count_mistargeted", **q)[0]
            for kind in ("unaddressed", "secondary_only"):
                checks.append((f"mistargeted {kind}", sum(m.kind == kind for m in mt), want[kind]))
            res.mistargeted += mt
            tot.mistargeted = len(mt)
        if "overhelped" in run:
            oh = overhelped_households(G, day=day, excess=opts.excess, min_peers=opts.min_peers)
            checks.append(("overhelped", len(oh), cypher.value(
                "analysis_count_overhelped", **q, excess=opts.excess, min_peers=opts.min_peers)))
            res.overhelped += oh
            tot.overhelped = len(oh)
        if "shared_persons" in run:
            sp = shared_persons(G)
            checks.append(("shared persons", len(sp),
                           cypher.value("analysis_count_shared_persons", **q)))
            for s in sp:
                shared[s.pid] = s
            tot.shared_persons = len(sp)
        if "similar_units" in run:
            su = similar_units(G, threshold=opts.jaccard, min_households=opts.min_unit_households,
                               day=day)
            checks.append(("similar unit pairs", len(su), cypher.value(
                "analysis_count_similar_units", **q, threshold=opts.jaccard,
                min_households=opts.min_unit_households)))
            res.similar_units += su
            tot.similar_units = len(su)
        if "concentration" in run:
            hh = household_help(G, day=day)
            want = cypher.query("analysis_count_concentration", **q)[0]
            tot.measures, tot.cost = sum(r.measures for r in hh), sum(r.cost for r in hh)
            checks += [("registered households", len(hh), want["households"]),
                       ("measures", tot.measures, want["measures"]),
                       ("cost", tot.cost, want["cost"])]
            res.concentration += concentration(G, level="village", help_rows=hh)
            res.concentration += concentration(G, level="county", help_rows=hh)
            res.concentrated += concentrated_villages(
                G, share=opts.concentration_share,
                min_households=opts.concentration_min_households, help_rows=hh)
            ranking = heapq.nsmallest(opts.top, ranking + hh[:opts.top], key=_by_help) \
                if opts.top else ranking + hh
        _check(code, checks)
        res.cross_checks += len(checks)
        res.counties.append(tot)
        del G
        if progress:
            progress(code, i, len(cs))
    res.timings = _timings(time.perf_counter() - loop_t0, project_s, cypher.seconds)
    res.slowest_checks = cypher.slowest()
    res.shared_persons = sorted(shared.values())
    res.ranking = sorted(ranking, key=_by_help)
    for name in ("unassisted", "overlaps", "gaps", "villages_without_team",
                 "counties_without_designated", "mistargeted", "overhelped", "similar_units",
                 "concentration", "concentrated"):
        getattr(res, name).sort()
    res.seconds = time.monotonic() - t0
    return res


def _by_help(r: HouseholdHelp) -> tuple[float, int, str]:
    """Most help first: cost, then measures, then household id."""
    return (-r.cost, -r.measures, r.household)


def _refuse_unknown_places(store: Store, province: str | None, county_codes: list[str] | None,
                           area: str | None, villages: list[str] | None) -> None:
    """Raise :class:`InputError` naming every filter code that is nothing in the graph (a
    mistyped code would otherwise narrow the run silently)."""
    r = store.query("analysis_unknown_places", counties=list(county_codes or []),
                    villages=list(villages or []), areas=[area] if area else [],
                    provinces=[province] if province else [])[0]
    bad = [f"{what} {', '.join(r[key])}" for what, key in (
        ("province", "provinces"), ("county", "counties"), ("area", "areas"),
        ("village or township", "villages")) if r[key]]
    if bad:
        raise InputError(f"Unknown code: {'; '.join(bad)}. Check the code (villages have 12 "
                         "digits, townships 9, counties 6) or import that geography first "
                         "(`graphreg geography import`).")


def _where(scope: Scope) -> str:
    parts = []
    if scope.province:
        parts.append(f"province {scope.province}")
    if scope.counties:
        parts.append(f"counties {', '.join(scope.counties)}")
    if scope.area:
        parts.append(f"area {scope.area}")
    if scope.villages:
        parts.append(f"villages {', '.join(scope.villages)}")
    return " and ".join(parts) or "the database"


def planted_faults(store: Store, counties: Collection[str] | None = None
                   ) -> dict[str, set[Any]]:
    """The generator's planted faults by kind, as the keys :func:`compare_with_planted` uses,
    limited to ``counties`` when given."""
    out: dict[str, set[Any]] = {}
    for r in store.query("planted_faults"):
        kind, h, detail = r["kind"], r["household"], r["detail"] or ""
        if kind == "overlap":
            t, a, b = detail.split()
            key: Any = (h, t, a, b)
        elif kind == "unassisted":
            key = (h, detail) if detail else (h, "")
        elif kind == "shared_person":
            pid, a, b = detail.split()
            key = (pid, a, b)
            if counties is not None and a[:6] not in counties and b[:6] not in counties:
                continue
            out.setdefault(kind, set()).add(key)
            continue
        elif kind == "similar_units":
            key = tuple(detail.split())
        else:
            key = h
        if counties is not None and h[:6] not in counties:
            continue
        out.setdefault(kind, set()).add(key)
    return out


def found_faults(res: AnalysisResult) -> dict[str, set[Any]]:
    """The findings of ``res`` under the planted-fault kinds they should match."""
    found: dict[str, set[Any]] = {
        "unassisted": {u.household for u in res.unassisted},
        "overlap": {(o.household, o.type, o.unit_a, o.unit_b) for o in res.overlaps}}
    if "gaps" in res.ran:
        found["unassisted_level"] = {(g.household, g.level) for g in res.gaps
                                     if g.level != "ended"}
        found["village_no_team"] = {v.village for v in res.villages_without_team}
        found["county_no_designated"] = {c.county for c in res.counties_without_designated}
        if res.as_of is not None:
            found["help_ended"] = {g.household for g in res.gaps if g.level == "ended"}
    if "mistargeting" in res.ran:
        found["mistargeted"] = {m.household for m in res.mistargeted if m.kind == "unaddressed"}
        found["secondary_only"] = {m.household for m in res.mistargeted
                                   if m.kind == "secondary_only"}
    if "overhelped" in res.ran:
        found["overhelped"] = {o.household for o in res.overhelped}
    if "shared_persons" in res.ran:
        found["shared_person"] = {(s.pid, *s.households) for s in res.shared_persons}
    if "similar_units" in res.ran:
        found["similar_units"] = {(p.unit_a, p.unit_b) for p in res.similar_units}
    if "concentration" in res.ran:
        found["concentrated"] = {c.code for c in res.concentrated}
    return found


def compare_with_planted(store: Store, res: AnalysisResult) -> dict[str, dict[str, int]]:
    """How the findings match the generator's planted faults: planted, found, matched, missed
    and extra per kind, for the kinds the run looked for, within the counties it analysed.

    Planted faults hold with no as-of year or as of :data:`graphreg.synth.CHECK_YEAR`;
    ``help_ended`` is compared only when the run has an as-of year.
    """
    planted = planted_faults(store, {c.county for c in res.counties})
    found = found_faults(res)
    if "unassisted_level" in found:
        planted["unassisted_level"] = planted.get("unassisted", set())
    planted["unassisted"] = {h for h, _ in planted.get("unassisted", set())}
    return {k: {"planted": len(planted.get(k, set())), "found": len(found[k]),
                "matched": len(planted.get(k, set()) & found[k]),
                "missed": len(planted.get(k, set()) - found[k]),
                "extra": len(found[k] - planted.get(k, set()))} for k in found}


# ---- coverage and assessment reports ---------------------------------------------------------

#: Report levels and what their rows below are grouped by.
LEVELS: dict[str, str] = {"village": "village", "township": "village", "county": "township",
                          "area": "county", "province": "county"}


@dataclass
class CoverageRow:
    """Coverage of one place (or the whole report) in one year."""

    code: str
    name: str
    year: int
    households: int
    people: int
    in_poverty: int
    people_in_poverty: int
    assisted: int
    targeted: int
    entries: int
    exits: int
    returns: int
    overlaps: int
    cost: float
    assisted_share: float | None
    targeted_share: float | None
    cost_per_household: float | None
    #: people registered in the place's villages (户籍人口); None when any village lacks it
    population: int | None
    poverty_incidence: float | None

    @classmethod
    def make(cls, code: str, name: str, year: int, c: CoverageCounts,
             population: int | None) -> CoverageRow:
        share = (lambda a, b: round(a / b, 4) if b else None)
        return cls(code, name, year, c.households, c.people, c.in_poverty, c.people_in_poverty,
                   c.assisted, c.targeted, c.entries, c.exits, c.returns, c.overlaps, c.cost,
                   share(c.assisted, c.in_poverty), share(c.targeted, c.in_poverty),
                   round(c.cost / c.households, 2) if c.households else None,
                   population, share(c.people_in_poverty, population) if population else None)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


#: Columns of a coverage row, in order (for tables and CSV).
COVERAGE_COLUMNS: tuple[str, ...] = tuple(CoverageRow.__dataclass_fields__)


@dataclass
class CoverageReport:
    """``graphreg report LEVEL CODE``: the trend by year and the places one level down."""

    level: str
    code: str
    name: str
    as_of: int
    #: One row per year, first registration year to ``as_of``.
    years: list[CoverageRow]
    #: One row per place one level down (as of ``as_of``), by code; none for a village.
    parts: list[CoverageRow]
    cross_checks: int = 0
    seconds: float = 0.0
    #: Villages of the place (rural, or with households or a population) whose population is
    #: unknown: while any is, poverty incidence is left empty.
    population_unknown: list[str] = field(default_factory=list)
    #: Villages with more people registered than their population (a wrong population):
    #: ``{village, people, population}``.
    population_too_small: list[dict[str, Any]] = field(default_factory=list)
    #: seconds of the county loop by phase (see :attr:`AnalysisResult.timings`)
    timings: dict[str, float] = field(default_factory=dict)
    #: the cross-check statements that took longest, with their seconds
    slowest_checks: dict[str, float] = field(default_factory=dict)

    def notes(self) -> list[str]:
        """Why figures are missing or doubtful, in words for people."""
        out = []
        if self.population_unknown:
            n = len(self.population_unknown)
            out.append(f"Poverty incidence is left empty where a village's population is "
                       f"unknown: {n} village{'s' if n > 1 else ''} "
                       f"({', '.join(self.population_unknown[:5])}{' …' if n > 5 else ''}); "
                       "import a village-population ledger (`graphreg template "
                       "village-population`).")
        for v in self.population_too_small[:5]:
            out.append(f"Village {v['village']}: {v['people']} people registered but a "
                       f"population of {v['population']}; correct its village-population row.")
        if len(self.population_too_small) > 5:
            out.append(f"… and {len(self.population_too_small) - 5} more villages with more "
                       "people registered than their population.")
        return out

    def rows(self) -> list[dict[str, Any]]:
        """The report as flat rows for CSV: ``part`` is ``year`` (the trend) or ``place`` (the
        places one level down); the other columns are :data:`COVERAGE_COLUMNS`."""
        return [{"part": "year", **r.as_dict()} for r in self.years] + \
               [{"part": "place", **r.as_dict()} for r in self.parts]

    def as_dict(self) -> dict[str, Any]:
        return {"level": self.level, "code": self.code, "name": self.name, "as_of": self.as_of,
                "years": [r.as_dict() for r in self.years],
                "parts": [r.as_dict() for r in self.parts],
                "cross_checks": self.cross_checks, "seconds": round(self.seconds, 2),
                "population_unknown": self.population_unknown,
                "population_too_small": self.population_too_small, "notes": self.notes()}


def report(store: Store, level: str, code: str, *, as_of: int | None = None,
           progress: Progress | None = None) -> CoverageReport:
    """Coverage and assessment of a village, township, county, contiguous area or province.

    For each year from the first registration to ``as_of`` (default: the last year of the
    status history): registered households and people, those still in poverty, the share of
    them helped directly on 31 December and the share targeted (an active measure addresses the
    main cause), entries, exits (脱贫) and returns (返贫), overlapping same-type measures running
    on 31 December, cost of measures started that year and per registered household, and
    poverty incidence (people in poverty / population) where the population of every village
    is known (the ``village-population`` ledger). The same figures as of ``as_of`` for each
    place one level down (:data:`LEVELS`; none for a village). Every count per year except
    overlaps (which :func:`analyse` checks) is checked county by county against
    ``analysis_count_coverage``.

    Parameters
    ----------
    store: the database.
    level: ``village``, ``township``, ``county``, ``area`` or ``province``.
    code: the place's code.
    as_of: the last year reported.
    progress: ``progress(county, done, total)``.

    Returns
    -------
    A :class:`CoverageReport`. Raises :class:`InputError` for an unknown level or code.
    """
    t0 = time.monotonic()
    if level not in LEVELS:
        raise InputError(f"unknown level {level!r}; use one of {', '.join(LEVELS)}")
    rows = store.query("analysis_place", level=level, code=code)
    if not rows:
        raise InputError(f"No {level} with code {code!r} in the graph. Check the code (e.g. "
                         "`graphreg geography import` loads the real division codes).")
    name = rows[0]["name"] or code
    scope = {"village": Scope(villages=(code,)), "township": Scope(villages=(code,)),
             "county": Scope(counties=(code,)), "area": Scope(area=code),
             "province": Scope(province=code)}[level]
    cs = list_counties(store, province=scope.province, county_codes=scope.counties or None,
                       area=scope.area, villages=scope.villages or None)
    if not cs and level in ("village", "township", "county"):
        # no households there, but people may live there: incidence 0 needs its county
        cs = [{"code": code[:6], "name": ""}]
    codes = [c["code"] for c in cs]
    yr = store.query("analysis_year_range", counties=codes)[0] if codes else {}
    first = yr.get("first")
    last = as_of if as_of is not None else max(
        (y for y in (yr.get("last"), yr.get("last_registered")) if y is not None), default=None)
    if first is None or last is None:
        if as_of is None:
            raise InputError(f"No household is registered in {level} {code} ({name}), so there "
                             "is no year to report; give --as-of YEAR to see it for that year.")
        first = last = as_of
    years = list(range(min(first, last), last + 1))
    part_len = {"village": 12, "township": 9, "county": 6}[LEVELS[level]]
    addresses = measure_type_causes(store)
    totals: dict[int, CoverageCounts] = {y: CoverageCounts() for y in years}
    parts: dict[str, CoverageCounts] = {}
    population: dict[str, int | None] = {}
    unknown: list[str] = []
    too_small: list[dict[str, Any]] = []
    people: dict[str, int] = {}
    checks = 0
    cypher = _TimedStore(store)
    project_s = 0.0
    loop_t0 = time.perf_counter()
    for i, c in enumerate(cs, start=1):
        t = time.perf_counter()
        G = restrict(project_county(store, c["code"], as_of=last, addresses=addresses,
                                    persons=False), scope)
        project_s += time.perf_counter() - t
        counts = coverage_counts(G, years, group=lambda d: d["village"][:part_len])
        county_years: dict[int, CoverageCounts] = {}
        for (g, y), cc in counts.items():
            county_years.setdefault(y, CoverageCounts()).add(cc)
            totals[y].add(cc)
            if y == last:
                parts.setdefault(g, CoverageCounts()).add(cc)
        want = {r["year"]: r for r in cypher.query(
            "analysis_count_coverage", county=c["code"], villages=scope.village_param(),
            years=years, active=list(ACTIVE_STATUSES))}
        pairs = []
        for y in years:
            mine = county_years.get(y, CoverageCounts())
            for k in ("households", "in_poverty", "assisted", "targeted", "entries", "exits",
                      "returns", "cost"):
                pairs.append((f"{y} {k}", getattr(mine, k), want.get(y, {}).get(k, 0)))
        _check(c["code"], pairs)
        checks += len(pairs)
        for _, d in G.nodes(data=True):
            if d.get("kind") == "household":
                people[d["village"]] = people.get(d["village"], 0) + (d.get("size") or 0)
        del G
        if progress:
            progress(c["code"], i, len(cs))
    timings = _timings(time.perf_counter() - loop_t0, project_s, cypher.seconds)
    # the denominator: every village of the place, households or not; unknown if any lacks it
    for r in store.query("report_village_populations", level=level, code=code):
        v, pop, g = r["code"], r["population"], r["code"][:part_len]
        if pop is None:
            unknown.append(v)
            population[g] = None
        elif population.get(g, 0) is not None:
            population[g] = (population.get(g) or 0) + int(pop)
        if pop is not None and people.get(v, 0) > pop:
            too_small.append({"village": v, "people": people[v], "population": int(pop)})
        if level != "village" and pop is not None:
            parts.setdefault(g, CoverageCounts())  # a place with people but no households
    names = {r["code"]: r["name"] for r in store.query("analysis_place_names", codes=sorted(parts))}
    pop_total = None if not population or any(v is None for v in population.values()) \
        else sum(v or 0 for v in population.values())
    year_rows = [CoverageRow.make(code, name, y, totals[y], pop_total) for y in years]
    part_rows = [] if level == "village" else [
        CoverageRow.make(g, names.get(g, g), last, parts[g], population.get(g))
        for g in sorted(parts)]
    return CoverageReport(level, code, name, last, year_rows, part_rows, checks,
                          time.monotonic() - t0, sorted(unknown),
                          sorted(too_small, key=lambda v: v["village"]), timings,
                          cypher.slowest())


#: CSV files :func:`write_reports` writes besides the first analyses' ones, with their columns.
REPORT_FILES: dict[str, tuple[str, tuple[str, ...]]] = {
    "gaps": ("gaps.csv", ("household", "village", "level", "main_cause", "cause", "help_ended")),
    "villages_without_team": ("poor_villages_without_team.csv", ("village", "name", "households")),
    "counties_without_designated": ("poverty_counties_without_designated.csv",
                                    ("county", "name", "areas")),
    "mistargeted": ("mistargeted.csv", ("household", "village", "main_cause", "cause", "kind", "types",
                                    "type_names")),
    "overhelped": ("overhelped.csv", ("household", "village", "units", "village_median", "peers")),
    "shared_persons": ("shared_persons.csv", ("pid", "masked", "households")),
    "similar_units": ("similar_units.csv", ("unit_a", "unit_b", "shared", "households_a",
                                            "households_b", "jaccard")),
    "concentration": ("concentration.csv", ("level", "code", "name", "households", "measures",
                                            "cost", "top10_share", "gini", "top_households")),
    "concentrated": ("concentrated_villages.csv", ("level", "code", "name", "households",
                                                   "measures", "cost", "top10_share", "gini",
                                                   "top_households")),
    "ranking": ("households_ranked.csv", ("household", "village", "cost", "measures", "units")),
}


def write_coverage_report(rep: CoverageReport, out: Any) -> list[Any]:
    """Write ``rep`` as ``report-<level>-<code>.csv`` (:meth:`CoverageReport.rows`) and
    ``.json`` in folder ``out``; returns the paths written."""
    from pathlib import Path

    from ..reports import write_json
    stem = Path(out) / f"report-{rep.level}-{rep.code}"
    csv_path, json_path = stem.with_suffix(".csv"), stem.with_suffix(".json")
    write_coverage_csv(rep, csv_path)
    write_json(json_path, rep.as_dict())
    return [csv_path, json_path]


def write_coverage_csv(rep: CoverageReport, path: Any) -> int:
    """Write ``rep`` as CSV (:meth:`CoverageReport.rows`) to ``path``; returns the rows
    written."""
    from ..reports import write_csv
    rows = rep.rows()
    write_csv(path, rows, ("part",) + COVERAGE_COLUMNS)
    return len(rows)


def write_reports(res: AnalysisResult, out: Any) -> list[Any]:
    """Every finding of ``res`` as CSV files in folder ``out`` (plus the first analyses' files
    and ``analysis.json`` from :func:`graphreg.pipeline.write_analysis_reports`); returns the
    paths written."""
    from pathlib import Path

    from ..pipeline import write_analysis_reports
    from ..reports import write_csv, write_json
    out = Path(out)
    files = write_analysis_reports(res, out)
    for attr, (name, columns) in REPORT_FILES.items():
        path = out / name
        write_csv(path, (r.as_dict() for r in getattr(res, attr)), columns)
        files.append(path)
    full = out / "analysis-full.json"
    write_json(full, {"summary": res.summary(), "counties": [vars(c) for c in res.counties],
                      **{attr: [r.as_dict() for r in getattr(res, attr)]
                         for attr in ("unassisted", "overlaps", *REPORT_FILES)}})
    files.append(full)
    return files
