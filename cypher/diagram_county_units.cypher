// The units of a county (Unit.county) and the units assisting the county or its villages and
// households from elsewhere, with where each is based.
MATCH (c:County {code: $county})
CALL (c) {
  MATCH (u:Unit {county: c.code}) RETURN u
  UNION
  MATCH (u:Unit)-[:ASSISTS]->(c) RETURN u
  UNION
  MATCH (u:Unit)-[:ASSISTS]->(:Household {county: c.code}) RETURN u
}
OPTIONAL MATCH (u)-[:BASED_IN]->(b)
RETURN u.id AS id, u.name AS name, u.kind AS kind, u.capacity AS capacity,
       collect(b.code)[0] AS base
ORDER BY id
