// After its households: a county's units, planted faults, poor-village flags, village
// populations and fingerprint.
MATCH (c:County {code: $county})
CALL (c) { MATCH (u:Unit {county: c.code}) DETACH DELETE u }
CALL (c) { MATCH (f:PlantedFault) WHERE f.household STARTS WITH c.code DETACH DELETE f }
CALL (c) { MATCH (v:Village {county: c.code}) REMOVE v.poor, v.poor_since, v.population, v.population_year }
REMOVE c.synthetic
RETURN c.code AS county
