// Faults the synthetic generator planted, kept so a run can be checked against them.
UNWIND $rows AS r
MERGE (f:PlantedFault {key: r.key})
WITH f, r, f.kind IS NULL AS created
SET f.kind = r.kind, f.household = r.household, f.detail = r.detail
RETURN sum(toInteger(created)) AS created, 0 AS updated
