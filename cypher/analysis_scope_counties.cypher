// Counties that hold households, within the filters given (each null = no filter):
// a province code prefix, a list of county codes, a contiguous area code, the counties of
// the villages asked for.
MATCH (c:County)
WHERE ($province IS NULL OR c.code STARTS WITH $province)
  AND ($counties IS NULL OR c.code IN $counties)
  AND ($area IS NULL OR EXISTS { MATCH (c)-[:PART_OF]->(:Area {code: $area}) })
  AND ($village_counties IS NULL OR c.code IN $village_counties)
  AND EXISTS { MATCH (h:Household {county: c.code}) }
RETURN c.code AS code, c.name AS name
ORDER BY code
