// Status history as ledger rows. $keys: household ids
// or null for all (keys are looked up by index).
CALL () {
  WITH $keys AS keys WHERE keys IS NOT NULL
  UNWIND keys AS k
  MATCH (h:Household {id: k})
  RETURN h
  UNION
  WITH $keys AS keys WHERE keys IS NULL
  MATCH (h:Household)
  RETURN h
}
MATCH (h)-[:STATUS_CHANGED]->(s:StatusChange)
RETURN h.id AS household, s.year AS year, s.status AS status, s.date AS date
ORDER BY household, year
