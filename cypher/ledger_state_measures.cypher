// Measures as ledger rows. $keys: measure ids, or null for all (keys are looked up by index).
CALL () {
  WITH $keys AS keys WHERE keys IS NOT NULL
  UNWIND keys AS k
  MATCH (m:Measure {id: k})
  RETURN m
  UNION
  WITH $keys AS keys WHERE keys IS NULL
  MATCH (m:Measure)
  RETURN m
}
OPTIONAL MATCH (u:Unit)-[:PROVIDES]->(m)
OPTIONAL MATCH (m)-[:FOR]->(h:Household)
WITH m, min(u.id) AS unit, min(h.id) AS household
RETURN m.id AS id, unit, household, m.type AS type, m.cost AS cost, m.start AS start,
       m.end AS end, m.content AS content
ORDER BY id
