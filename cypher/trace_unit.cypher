// Everything connected to one assisting unit, one fact per row (see trace_household).
MATCH (u:Unit {id: $id})
CALL (u) {
  RETURN 'unit' AS fact, null AS date, null AS end, u.id AS entity, u.name AS name,
         {unit_kind: u.kind, county: u.county, capacity: u.capacity, skills: u.skills} AS info,
         null AS cost, u.batch AS batch, u.row AS row
  UNION ALL
  MATCH (u)-[r:BASED_IN]->(b)
  RETURN 'based_in' AS fact, null AS date, null AS end, b.code AS entity, b.name AS name,
         {level: labels(b)[0]} AS info, null AS cost, r.batch AS batch, r.row AS row
  UNION ALL
  MATCH (u)-[r:ASSISTS]->(t)
  RETURN 'assists' AS fact, r.since AS date, r.until AS end, coalesce(t.id, t.code) AS entity,
         coalesce(t.name, t.head_name + '户') AS name,
         {level: toLower(labels(t)[0]), role: r.role, status: t.status, village: t.village} AS info,
         null AS cost, r.batch AS batch, r.row AS row
  UNION ALL
  MATCH (u)-[:PROVIDES]->(m:Measure)-[:FOR]->(h:Household)
  RETURN 'measure' AS fact, m.start AS date, m.end AS end, m.id AS entity, m.type AS name,
         {household: h.id, household_name: h.head_name + '户', content: m.content} AS info,
         m.cost AS cost, m.batch AS batch, m.row AS row
}
RETURN fact, date, end, entity, name, info, cost, batch, row
