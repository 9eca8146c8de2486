"""Analyses over NetworkX graphs projected from Neo4j, each cross-checked by a Cypher count."""

from .gaps import ACTIVE_STATUSES, UnassistedHousehold, unassisted_households
from .overlaps import Overlap, overlapping_help

__all__ = ["ACTIVE_STATUSES", "Overlap", "UnassistedHousehold", "overlapping_help",
           "unassisted_households"]
