// Listed villages as ledger rows. $keys: village codes
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
WITH v WHERE v.poor IS NOT NULL
RETURN v.code AS code, v.poor AS poor, v.poor_since AS since, v.poor_exit AS exit_year
ORDER BY code
