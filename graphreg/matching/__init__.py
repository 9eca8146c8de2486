"""Matching: propose which unit helps which household, and explain why.

Per county, the households that need a helper (unassisted or mistargeted) and the units with
room left become a minimum-cost flow problem (OR-Tools ``SimpleMinCostFlow``): cover as many
households as possible, then prefer units whose skills address the main cause, units close by
in the division tree, and spread load. Every proposed pair is explained; households that
cannot be served get a reason. A planner reviews the proposal file and applies it.

- :func:`propose_assignments` (reads the graph, changes nothing) → :class:`Proposal`;
- :func:`apply_proposal` writes a reviewed proposal file with provenance;
- :class:`Weights` holds the integer costs; :func:`build_instance`, :func:`solve_flow`,
  :func:`solve_greedy`, :func:`solve_networkx`, :func:`solve_brute_force` work without a
  database.

    >>> from graphreg.matching import NeedyHousehold, HelperUnit, solve_county, Weights
    >>> hh = [NeedyHousehold("h1", "520423101001", "520423", "unassisted", main_cause=3)]
    >>> us = [HelperUnit("JY", capacity=10, skills=("education",), base="520423"),
    ...       HelperUnit("CD", capacity=5, skills=(), base="520423101001")]
    >>> rows, summary = solve_county("520423", hh, us, {"education": [3]}, Weights())
    >>> rows[0]["unit"], rows[0]["cause_fit"], rows[0]["level"]
    ('JY', 'main', 'county')
"""

from .apply import ApplyResult, ProposedPair, apply_proposal, read_proposal
from .problem import (
                      FIT_NAMES,
                      LEVEL_NAMES,
                      NO_FITTING_SKILL,
                      NO_UNIT_IN_REACH,
                      UNITS_FULL,
                      HelperUnit,
                      Instance,
                      NeedyHousehold,
                      Weights,
                      build_instance,
)
from .propose import (
                      ACTIVE_STATUSES,
                      COLUMNS,
                      CountySummary,
                      Proposal,
                      parse_as_of,
                      propose_assignments,
                      read_locks,
                      solve_county,
)
from .solve import (
                      Solution,
                      random_instance,
                      solve_brute_force,
                      solve_flow,
                      solve_greedy,
                      solve_networkx,
)

__all__ = [
    "ACTIVE_STATUSES", "COLUMNS", "FIT_NAMES", "LEVEL_NAMES", "NO_FITTING_SKILL",
    "NO_UNIT_IN_REACH", "UNITS_FULL", "ApplyResult", "CountySummary", "HelperUnit", "Instance",
    "NeedyHousehold", "Proposal", "ProposedPair", "Solution", "Weights", "apply_proposal",
    "build_instance", "parse_as_of", "propose_assignments", "random_instance", "read_locks", "read_proposal",
    "solve_brute_force", "solve_county", "solve_flow", "solve_greedy", "solve_networkx",
]
