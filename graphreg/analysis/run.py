"""Run the analyses county by county, cross-check each total against Cypher, compare with
planted faults."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..db import Store
from ..errors import CrossCheckError, InputError
from ..project import counties as list_counties
from ..project import project_county
from .gaps import ACTIVE_STATUSES, UnassistedHousehold, unassisted_households
from .overlaps import Overlap, overlapping_help


@dataclass
class CountyTotals:
    county: str
    name: str
    households: int
    unassisted: int
    overlaps: int


@dataclass
class AnalysisResult:
    unassisted: list[UnassistedHousehold] = field(default_factory=list)
    overlaps: list[Overlap] = field(default_factory=list)
    counties: list[CountyTotals] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> dict[str, Any]:
        return {"counties": len(self.counties),
                "households": sum(c.households for c in self.counties),
                "unassisted": len(self.unassisted),
                "unassisted_village_help_only": sum(u.village_help for u in self.unassisted),
                "overlaps": len(self.overlaps),
                "households_with_overlap": len({o.household for o in self.overlaps}),
                "seconds": round(self.seconds, 2)}


def analyse(store: Store, *, province: str | None = None, county_codes: list[str] | None = None,
            progress: Callable[[str, int, int], None] | None = None) -> AnalysisResult:
    """Unassisted households and overlapping help for every county that holds households
    (limited to a province or counties), projected to NetworkX one county at a time.

    Each county's totals are checked against ``count_unassisted`` and ``count_overlaps``;
    a disagreement raises :class:`CrossCheckError`.
    """
    t0 = time.monotonic()
    res = AnalysisResult()
    cs = list_counties(store, province=province, county_codes=county_codes)
    if (province or county_codes) and not cs:
        where = f"province {province}" if province else f"counties {', '.join(county_codes or [])}"
        raise InputError(f"No households are registered in {where}. Check the code, or generate "
                         "a registry there first (`graphreg generate`).")
    for i, c in enumerate(cs, start=1):
        G = project_county(store, c["code"])
        un = unassisted_households(G)
        ov = overlapping_help(G)
        want_un = store.value("count_unassisted", county=c["code"], active=list(ACTIVE_STATUSES))
        want_ov = store.value("count_overlaps", county=c["code"])
        if want_un != len(un) or want_ov != len(ov):
            raise CrossCheckError(
                f"County {c['code']}: NetworkX found {len(un)} unassisted households and "
                f"{len(ov)} overlaps, Cypher counts {want_un} and {want_ov}. The graph changed "
                "during the run or an analysis is wrong; run again, and report it if it repeats.")
        n_h = sum(1 for _, d in G.nodes(data=True) if d["kind"] == "household")
        res.unassisted += un
        res.overlaps += ov
        res.counties.append(CountyTotals(c["code"], c["name"], n_h, len(un), len(ov)))
        if progress:
            progress(c["code"], i, len(cs))
    res.seconds = time.monotonic() - t0
    return res


def compare_with_planted(store: Store, res: AnalysisResult) -> dict[str, dict[str, int]]:
    """How the findings match the generator's planted faults: found, missed, extra per kind."""
    planted: dict[str, set[Any]] = {"unassisted": set(), "overlap": set()}
    for r in store.query("planted_faults"):
        if r["kind"] == "unassisted":
            planted["unassisted"].add(r["household"])
        elif r["kind"] == "overlap":
            t, a, b = r["detail"].split()
            planted["overlap"].add((r["household"], t, a, b))
    found = {"unassisted": {u.household for u in res.unassisted},
             "overlap": {(o.household, o.type, o.unit_a, o.unit_b) for o in res.overlaps}}
    return {k: {"planted": len(planted[k]), "found": len(found[k]),
                "matched": len(planted[k] & found[k]), "missed": len(planted[k] - found[k]),
                "extra": len(found[k] - planted[k])} for k in planted}
