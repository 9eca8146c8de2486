// Listed counties as ledger rows. $keys: county codes
// or null for all (keys are looked up by index).
CALL () {
  WITH $keys AS keys WHERE keys IS NOT NULL
  UNWIND keys AS k
  MATCH (c:County {code: k})
  RETURN c
  UNION
  WITH $keys AS keys WHERE keys IS NULL
  MATCH (c:County)
  RETURN c
}
WITH c WHERE c.poverty_county IS NOT NULL
RETURN c.code AS code, c.poverty_county AS poverty_county, c.key_county AS key_county,
       c.poverty_exit AS exit_year
ORDER BY code
