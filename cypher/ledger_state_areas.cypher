// Area memberships as ledger rows. $keys: area codes
// or null for all (keys are looked up by index).
CALL () {
  WITH $keys AS keys WHERE keys IS NOT NULL
  UNWIND keys AS k
  MATCH (a:Area {code: k})
  RETURN a
  UNION
  WITH $keys AS keys WHERE keys IS NULL
  MATCH (a:Area)
  RETURN a
}
MATCH (c:County)-[:PART_OF]->(a)
RETURN a.code AS area, a.name AS area_name, c.code AS county
ORDER BY area, county
