// For each county: the synthetic registry fingerprint it holds (if any) and whether it holds
// households at all (generated or imported).
MATCH (c:County) WHERE c.code IN $counties
RETURN c.code AS county, c.synthetic AS synthetic,
       EXISTS { MATCH (:Household {county: c.code}) } AS has_households
ORDER BY county
