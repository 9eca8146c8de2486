// County codes that hold households, optionally limited to a province or a list of counties.
MATCH (c:County)
WHERE ($province IS NULL OR c.code STARTS WITH $province)
  AND ($counties IS NULL OR c.code IN $counties)
  AND EXISTS { MATCH (h:Household {county: c.code}) }
RETURN c.code AS code, c.name AS name
ORDER BY code
