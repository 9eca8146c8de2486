// A county at a glance, one fact per row (see trace_household): the county, units assisting it,
// every unit of the county with the households it helps and what its measures cost, the
// households by current status, and the status history: per year and status, how many of its
// households entered it that year (registered, exited, returned).
MATCH (c:County {code: $id})
CALL (c) {
  OPTIONAL MATCH (c)-[:IN]->(ci:City)-[:IN]->(p:Province)
  RETURN 'county' AS fact, null AS date, null AS end, c.code AS entity, c.name AS name,
         {city: ci.name, province: p.name, poverty_county: c.poverty_county,
          key_county: c.key_county} AS info,
         null AS cost, c.batch AS batch, c.row AS row
  UNION ALL
  MATCH (u:Unit)-[r:ASSISTS]->(c)
  RETURN 'assists' AS fact, r.since AS date, r.until AS end, u.id AS entity, u.name AS name,
         {unit_kind: u.kind, role: r.role, level: 'county'} AS info,
         null AS cost, r.batch AS batch, r.row AS row
  UNION ALL
  MATCH (u:Unit {county: c.code})
  OPTIONAL MATCH (u)-[:ASSISTS]->(h:Household)
  WITH u, count(DISTINCT h) AS assisted
  OPTIONAL MATCH (u)-[:PROVIDES]->(m:Measure)
  WITH u, assisted, count(m) AS measures, sum(m.cost) AS cost, min(m.start) AS first
  RETURN 'unit' AS fact, first AS date, null AS end, u.id AS entity, u.name AS name,
         {unit_kind: u.kind, households_assisted: assisted, measures: measures} AS info,
         cost, u.batch AS batch, u.row AS row
  UNION ALL
  MATCH (h:Household {county: c.code})
  WITH h.status AS status, count(*) AS n
  RETURN 'households' AS fact, null AS date, null AS end, status AS entity, status AS name,
         {households: n} AS info, null AS cost, null AS batch, null AS row
  UNION ALL
  MATCH (h:Household {county: c.code})-[:STATUS_CHANGED]->(s:StatusChange)
  WITH s.year AS year, s.status AS status, count(*) AS n
  RETURN 'status' AS fact, date({year: year, month: 1, day: 1}) AS date, null AS end,
         toString(year) AS entity, status AS name, {households: n} AS info,
         null AS cost, null AS batch, null AS row
}
RETURN fact, date, end, entity, name, info, cost, batch, row
