// Tests: the population of a province's villages that hold households or are poor (what a
// report covers), read straight from the graph.
MATCH (v:Village) WHERE v.code STARTS WITH $province AND v.population IS NOT NULL
  AND (v.poor = true OR EXISTS { MATCH (:Household)-[:LIVES_IN]->(v) })
RETURN sum(v.population) AS population
