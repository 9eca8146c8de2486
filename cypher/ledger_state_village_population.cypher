// Village populations as ledger rows. $keys: village codes
// or null for all (keys are looked up by index).
CALL () {
  WITH $keys AS keys WHERE keys IS NOT NULL
  UNWIND keys AS k
  MATCH (v:Village {code: k})
  RETURN v
  UNION
  WITH $keys AS keys WHERE keys IS NULL
  MATCH (v:Village)
  RETURN v
}
WITH v WHERE v.population IS NOT NULL
RETURN v.code AS code, v.population AS population, v.population_year AS year
ORDER BY code
