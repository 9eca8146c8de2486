// Tests: the population of all a province's villages that have one, read straight from the
// graph.
MATCH (v:Village) WHERE v.code STARTS WITH $province AND v.population IS NOT NULL
RETURN sum(v.population) AS population
