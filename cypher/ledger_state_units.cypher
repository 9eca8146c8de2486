// Units as ledger rows. $keys: unit ids, or null for all (keys are looked up by index).
CALL () {
  WITH $keys AS keys WHERE keys IS NOT NULL
  UNWIND keys AS k
  MATCH (u:Unit {id: k})
  RETURN u
  UNION
  WITH $keys AS keys WHERE keys IS NULL
  MATCH (u:Unit)
  RETURN u
}
OPTIONAL MATCH (u)-[:BASED_IN]->(x)
WITH u, min(x.code) AS base
RETURN u.id AS id, u.name AS name, u.kind AS kind, u.county AS county, base,
       u.capacity AS capacity, u.skills AS skills
ORDER BY id
