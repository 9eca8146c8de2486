// Every village of a place that counts in the denominator of poverty incidence (rural villages,
// and any village holding households or a population), with its population (null: unknown).
// $level: village, township, county or province (code prefix) or area (its counties).
CALL () {
  WITH $level AS level WHERE level <> 'area'
  MATCH (v:Village) WHERE v.code STARTS WITH $code
  RETURN v
  UNION
  WITH $level AS level WHERE level = 'area'
  MATCH (:Area {code: $code})<-[:PART_OF]-(c:County)
  MATCH (v:Village {county: c.code})
  RETURN v
}
WITH v
WHERE v.kind = 'rural' OR v.population IS NOT NULL OR EXISTS { MATCH (:Household)-[:LIVES_IN]->(v) }
RETURN v.code AS code, v.population AS population
ORDER BY code
