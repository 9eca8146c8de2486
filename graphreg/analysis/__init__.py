"""Analyses over NetworkX graphs projected county by county from Neo4j, each cross-checked by
a Cypher aggregate: gaps, mistargeting, overlaps, concentration, coverage."""

from .common import ACTIVE_STATUSES
from .concentration import (Concentration, HouseholdHelp, concentrated_villages, concentration,
                            gini, household_help, top_share)
from .coverage import CoverageCounts, coverage_counts
from .gaps import (CountyGap, HouseholdGap, UnassistedHousehold, VillageGap, household_gaps,
                   poor_villages_without_team, poverty_counties_without_designated,
                   unassisted_households)
from .mistargeting import Mistargeted, mistargeted_households
from .overlaps import (Overhelped, Overlap, SharedPerson, UnitPair, overhelped_households,
                       overlapping_help, shared_persons, similar_units)

__all__ = ["ACTIVE_STATUSES", "Concentration", "CountyGap", "CoverageCounts", "HouseholdGap",
           "HouseholdHelp", "Mistargeted", "Overhelped", "Overlap", "SharedPerson",
           "UnassistedHousehold", "UnitPair", "VillageGap", "concentrated_villages",
           "concentration", "coverage_counts", "gini", "household_gaps", "household_help",
           "mistargeted_households", "overhelped_households", "overlapping_help",
           "poor_villages_without_team", "poverty_counties_without_designated",
           "shared_persons", "similar_units", "top_share", "unassisted_households"]
