// Matching: the units that may serve a county: those of the county (u.county) and those
// paired with it by an ASSISTS relationship to the county (designated, east-west), with their
// capacity, skills (measure-type codes), base (village, township or county code) and load
// (households they assist now: ASSISTS with no `until` or `until` >= $today).
CALL () {
  MATCH (u:Unit {county: $county}) RETURN u
  UNION
  MATCH (u:Unit)-[:ASSISTS]->(:County {code: $county}) RETURN u
}
CALL (u) {
  OPTIONAL MATCH (u)-[:BASED_IN]->(b)
  RETURN head(collect(b.code)) AS base
}
CALL (u) {
  OPTIONAL MATCH (u)-[a:ASSISTS]->(h:Household)
  WHERE a.until IS NULL OR a.until >= $today
  RETURN count(DISTINCT h) AS load
}
RETURN u.id AS id, coalesce(u.name, '') AS name, coalesce(u.kind, '') AS kind,
       u.county AS county, coalesce(u.capacity, 0) AS capacity,
       coalesce(u.skills, []) AS skills, base, load,
       EXISTS { MATCH (u)-[:ASSISTS]->(:County {code: $county}) } AS paired
ORDER BY id
