"""The matching problem: who may help whom, and what each pair costs.

A county's problem has households that need a helper (:class:`NeedyHousehold`), units that can
take more households (:class:`HelperUnit`) and the measure-type → cause mapping read from the
graph. :func:`build_instance` turns them into an :class:`Instance`: candidate pairs with integer
costs and, for each pair, the reasons a planner sees (cause fit, level in the division tree).

Costs (all integers, settable in :class:`Weights`):

- cause fit: the unit's skills address the household's main cause (``cause_main``), else one
  of its other causes (``cause_secondary``), else none (``cause_none``, offered only when
  ``allow_unfitting`` is true). A *mistargeted* household (helped, but nothing addresses its
  main cause) is only offered units that address its main cause: anything else would leave it
  mistargeted. An *unassisted* household may get any unit in reach;
- level: the unit is based in the household's village (``village``), its township
  (``township``), its county (``county``) or outside the county but paired with it by an
  ``ASSISTS`` relationship to the county, as designated and east–west units are (``paired``);
  ``reach`` is the furthest level allowed at all;
- load: the household that brings a unit of capacity ``c`` to load ``j`` costs
  ``load × ⌊10·j / c⌋``, so each extra household costs at least as much as the one before
  (a convex cost: the optimum spreads households over units).

    >>> w = Weights()
    >>> w.pair_cost(fit=MAIN, level=VILLAGE), w.pair_cost(fit=SECONDARY, level=COUNTY)
    (0, 40)
    >>> [w.load_step(j, 4) for j in (1, 2, 3, 4)]
    [2, 5, 7, 10]
    >>> tree_level("520423101001", "520423101001", county="520423", paired=False)
    0
    >>> tree_level("520423101", "520423101001", county="520423", paired=False)
    1
    >>> tree_level("110105", "520423101001", county="520423", paired=True)
    3
    >>> tree_distance("520423102", "520423101001")
    3
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from ..errors import InputError

#: Cause fit of a pair: the unit addresses the main cause, a secondary cause, or none.
MAIN, SECONDARY, NONE = 0, 1, 2
FIT_NAMES: tuple[str, ...] = ("main", "secondary", "none")
#: Level of a pair in the division tree: the unit is based in the household's village, its
#: township, its county, or outside the county and paired with it.
VILLAGE, TOWNSHIP, COUNTY, PAIRED = 0, 1, 2, 3
LEVEL_NAMES: tuple[str, ...] = ("village", "township", "county", "paired")

#: Why a household gets no proposal.
NO_UNIT_IN_REACH = "no unit with capacity within reach"
NO_FITTING_SKILL = "no unit with a fitting skill"
UNITS_FULL = "units within reach are full (their capacity went to other households)"


@dataclass(frozen=True)
class Weights:
    """Integer costs of a pair; the proposal minimises their sum over the proposed pairs.

    The proposal first covers as many households as possible, then minimises cost. Defaults:
    cause fit weighs more than distance (a fitting county department beats a village cadre
    with no fitting skill), distance more than load.
    """

    cause_main: int = 0
    cause_secondary: int = 30
    cause_none: int = 60
    village: int = 0
    township: int = 5
    county: int = 10
    paired: int = 15
    #: cost per tenth of a unit's capacity in use (see :meth:`load_step`).
    load: int = 1
    #: offer units whose skills address none of an unassisted household's causes.
    allow_unfitting: bool = True
    #: the furthest level allowed: village, township, county or paired.
    reach: str = "paired"

    def __post_init__(self) -> None:
        for f in fields(self):
            v = getattr(self, f.name)
            if f.type in ("int", int) and (isinstance(v, bool) or not isinstance(v, int) or v < 0):
                raise InputError(f"weight {f.name}={v!r} must be a whole number 0 or more")
        if self.reach not in LEVEL_NAMES:
            raise InputError(f"reach={self.reach!r} is not a level; use one of "
                             f"{', '.join(LEVEL_NAMES)}")

    @property
    def reach_level(self) -> int:
        return LEVEL_NAMES.index(self.reach)

    def pair_cost(self, *, fit: int, level: int) -> int:
        """Cost of a pair with this cause fit and level (load not included)."""
        return ((self.cause_main, self.cause_secondary, self.cause_none)[fit]
                + (self.village, self.township, self.county, self.paired)[level])

    def load_step(self, j: int, capacity: int) -> int:
        """Cost of the household that brings a unit of ``capacity`` to load ``j``."""
        return self.load * ((10 * j) // capacity) if capacity > 0 else 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def parse(cls, items: Iterable[str], base: "Weights | None" = None) -> "Weights":
        """Weights from ``name=value`` strings (as given on the command line).

        >>> Weights.parse(["township=7", "allow_unfitting=no"]).township
        7
        """
        known = {f.name: f for f in fields(cls)}
        values = (base or cls()).as_dict()
        for item in items:
            name, sep, raw = item.partition("=")
            name, raw = name.strip(), raw.strip()
            if not sep or name not in known:
                raise InputError(f"--weight {item!r}: write NAME=VALUE with NAME one of "
                                 f"{', '.join(known)}")
            if name == "allow_unfitting":
                if raw.lower() not in ("1", "0", "true", "false", "yes", "no"):
                    raise InputError(f"--weight {item!r}: allow_unfitting is yes or no")
                values[name] = raw.lower() in ("1", "true", "yes")
            elif name == "reach":
                values[name] = raw
            else:
                try:
                    values[name] = int(raw)
                except ValueError:
                    raise InputError(f"--weight {item!r}: {name} must be a whole number") from None
        return cls(**values)


@dataclass(frozen=True)
class NeedyHousehold:
    """A registered, not exited household that needs a helper.

    ``need`` is ``unassisted`` (no unit assists it and no measure is for it) or
    ``mistargeted`` (helped, but no measure addresses its main cause). ``helpers`` are the
    units assisting it now (never proposed again).
    """

    id: str
    village: str
    county: str
    need: str
    main_cause: int | None = None
    other_causes: tuple[int, ...] = ()
    helpers: tuple[str, ...] = ()
    head_name: str = ""


@dataclass(frozen=True)
class HelperUnit:
    """A unit that may take households: ``capacity`` in all, ``load`` households now."""

    id: str
    capacity: int
    load: int = 0
    skills: tuple[str, ...] = ()
    base: str | None = None
    county: str | None = None
    paired: bool = False
    name: str = ""
    kind: str = ""

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.load)


def tree_level(base: str | None, village: str, *, county: str, paired: bool,
               unit_county: str | None = None) -> int | None:
    """Level of a unit based at ``base`` for a household in ``village`` (None: out of reach).

    Codes are prefixes of each other: township = village[:9], county = village[:6].
    """
    if base:
        if base == village:
            return VILLAGE
        if len(base) >= 9 and base[:9] == village[:9]:
            return TOWNSHIP
        if base[:6] == village[:6]:
            return COUNTY
    elif unit_county == county:
        return COUNTY  # a county unit with no recorded base
    return PAIRED if paired else None


def tree_distance(base: str | None, village: str) -> int | None:
    """Steps in the division tree from the household's village to the unit's base, or None
    when the base lies outside the household's county (or is unknown)."""
    if not base or base[:6] != village[:6]:
        return None
    depth = {6: 0, 9: 1, 12: 2}
    if len(base) not in depth:
        return None
    common = 2 if base == village else (1 if len(base) >= 9 and base[:9] == village[:9] else 0)
    return (2 - common) + (depth[len(base)] - common)


def cause_fit(skills: Sequence[str], main: int | None, others: Sequence[int],
              addresses: Mapping[str, Iterable[int]]) -> int:
    """:data:`MAIN`, :data:`SECONDARY` or :data:`NONE` for a unit with ``skills``.

    >>> cause_fit(["medical"], 1, [3], {"medical": [1, 2], "education": [3]})
    0
    >>> cause_fit(["education"], 1, [3], {"medical": [1, 2], "education": [3]})
    1
    """
    covered: set[int] = set()
    for s in skills:
        covered.update(addresses.get(s, ()))
    if main is not None and main in covered:
        return MAIN
    if any(c in covered for c in others):
        return SECONDARY
    return NONE


@dataclass
class Instance:
    """A county's matching problem as candidate pairs with integer costs.

    Households and units are numbered by position. Pair ``k`` joins household
    ``pair_h[k]`` to unit ``pair_u[k]`` at cost ``pair_cost[k]``; ``pair_fit`` and
    ``pair_level`` say why (see :data:`FIT_NAMES`, :data:`LEVEL_NAMES`). A unit's ``free``
    capacity is how many more households it may take; the load cost of its ``j``-th household
    overall is ``weights.load_step(j, capacity)``.
    """

    households: list[str]
    units: list[str]
    capacity: list[int]
    load: list[int]
    weights: Weights = field(default_factory=Weights)
    pair_h: list[int] = field(default_factory=list)
    pair_u: list[int] = field(default_factory=list)
    pair_cost: list[int] = field(default_factory=list)
    pair_fit: list[int] = field(default_factory=list)
    pair_level: list[int] = field(default_factory=list)
    #: household index → why it has no candidate pair at all.
    no_pair_reason: dict[int, str] = field(default_factory=dict)

    @property
    def free(self) -> list[int]:
        return [max(0, c - l) for c, l in zip(self.capacity, self.load)]

    def add_pair(self, h: int, u: int, *, fit: int, level: int) -> None:
        self.pair_h.append(h)
        self.pair_u.append(u)
        self.pair_fit.append(fit)
        self.pair_level.append(level)
        self.pair_cost.append(self.weights.pair_cost(fit=fit, level=level))

    def load_costs(self, u: int) -> list[int]:
        """Cost of each further household unit ``u`` may take, in order."""
        c, l = self.capacity[u], self.load[u]
        return [self.weights.load_step(j, c) for j in range(l + 1, c + 1)]

    def cost_of(self, chosen: Iterable[int]) -> int:
        """Total cost of a set of chosen pair indices (pair costs plus load costs)."""
        total, extra = 0, [0] * len(self.units)
        for k in chosen:
            total += self.pair_cost[k]
            extra[self.pair_u[k]] += 1
        for u, n in enumerate(extra):
            if n:
                total += sum(self.load_costs(u)[:n])
        return total


def build_instance(households: Sequence[NeedyHousehold], units: Sequence[HelperUnit],
                   addresses: Mapping[str, Iterable[int]], weights: Weights | None = None
                   ) -> Instance:
    """The candidate pairs of one county's households and units.

    Parameters
    ----------
    households: the households that need a helper (one county).
    units: the units that may serve that county (in it, or paired with it).
    addresses: measure-type code → the cause codes it addresses (from the graph).
    weights: the costs (:class:`Weights`).

    Returns
    -------
    An :class:`Instance`; households with no pair have a reason in ``no_pair_reason``.

    Examples
    --------
    >>> hh = [NeedyHousehold("h1", "520423101001", "520423", "unassisted", 1),
    ...       NeedyHousehold("h2", "520423101001", "520423", "mistargeted", 3)]
    >>> us = [HelperUnit("u1", capacity=2, skills=("medical",), base="520423101")]
    >>> inst = build_instance(hh, us, {"medical": [1, 2]})
    >>> list(zip(inst.pair_h, inst.pair_u, inst.pair_cost)), inst.no_pair_reason
    ([(0, 0, 5)], {1: 'no unit with a fitting skill'})
    """
    weights = weights or Weights()
    inst = Instance(households=[h.id for h in households], units=[u.id for u in units],
                    capacity=[u.capacity for u in units], load=[u.load for u in units],
                    weights=weights)
    skill_sets = [tuple(u.skills) for u in units]
    open_units = [ui for ui, u in enumerate(units) if u.free > 0]
    # Households of one village with the same causes and need have the same candidates (but
    # for the units already helping them): work them out once per such profile.
    profiles: dict[tuple[Any, ...], tuple[list[tuple[int, int, int]], int]] = {}
    for hi, h in enumerate(households):
        key = (h.village, h.county, h.main_cause, tuple(h.other_causes), h.need)
        if key not in profiles:
            cands, in_reach = [], 0
            for ui in open_units:
                u = units[ui]
                level = tree_level(u.base, h.village, county=h.county, paired=u.paired,
                                   unit_county=u.county)
                if level is None or level > weights.reach_level:
                    continue
                in_reach += 1
                fit = cause_fit(skill_sets[ui], h.main_cause, h.other_causes, addresses)
                if (fit != MAIN and h.need != "unassisted") or (
                        fit == NONE and not weights.allow_unfitting):
                    cands.append((ui, -1, level))  # in reach, but no fitting skill
                    continue
                cands.append((ui, fit, level))
            profiles[key] = (cands, in_reach)
        cands, _ = profiles[key]
        helpers = set(h.helpers)
        in_reach = fitting = 0
        for ui, fit, level in cands:
            if units[ui].id in helpers:
                continue
            in_reach += 1
            if fit < 0:
                continue
            fitting += 1
            inst.add_pair(hi, ui, fit=fit, level=level)
        if not fitting:
            inst.no_pair_reason[hi] = NO_FITTING_SKILL if in_reach else NO_UNIT_IN_REACH
    return inst
