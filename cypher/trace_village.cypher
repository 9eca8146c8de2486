// Everything connected to one village, one fact per row (see trace_household): the village,
// its population when known, its township and county, its households, the units assisting it
// or its households, the measures its households get, and each household's status history.
MATCH (v:Village {code: $id})
CALL (v) {
  OPTIONAL MATCH (v)-[:IN]->(t:Township)-[:IN]->(c:County)
  RETURN 'village' AS fact, null AS date, null AS end, v.code AS entity, v.name AS name,
         {township: t.name, county: c.name, county_code: c.code, poor_village: v.poor,
          poor_since: v.poor_since, kind: v.kind} AS info,
         null AS cost, v.batch AS batch, v.row AS row
  UNION ALL
  WITH v WHERE v.population IS NOT NULL
  RETURN 'population' AS fact, null AS date, null AS end, v.code AS entity, v.name AS name,
         {population: v.population, year: v.population_year} AS info,
         null AS cost, v.population_batch AS batch, v.population_row AS row
  UNION ALL
  MATCH (h:Household)-[r:LIVES_IN]->(v)
  RETURN 'household' AS fact, null AS date, null AS end, h.id AS entity,
         h.head_name + '户' AS name,
         {size: h.size, status: h.status, attribute: h.attribute} AS info,
         null AS cost, coalesce(h.batch, r.batch) AS batch, coalesce(h.row, r.row) AS row
  UNION ALL
  MATCH (u:Unit)-[r:ASSISTS]->(v)
  RETURN 'assists' AS fact, r.since AS date, r.until AS end, u.id AS entity, u.name AS name,
         {unit_kind: u.kind, role: r.role, level: 'village', target: v.code} AS info,
         null AS cost, r.batch AS batch, r.row AS row
  UNION ALL
  MATCH (u:Unit)-[r:ASSISTS]->(h:Household)-[:LIVES_IN]->(v)
  RETURN 'assists' AS fact, r.since AS date, r.until AS end, u.id AS entity, u.name AS name,
         {unit_kind: u.kind, role: r.role, level: 'household', target: h.id} AS info,
         null AS cost, r.batch AS batch, r.row AS row
  UNION ALL
  MATCH (u:Unit)-[:PROVIDES]->(m:Measure)-[:FOR]->(h:Household)-[:LIVES_IN]->(v)
  RETURN 'measure' AS fact, m.start AS date, m.end AS end, m.id AS entity, m.type AS name,
         {unit: u.id, unit_name: u.name, household: h.id, content: m.content} AS info,
         m.cost AS cost, m.batch AS batch, m.row AS row
  UNION ALL
  MATCH (h:Household)-[:LIVES_IN]->(v)
  MATCH (h)-[:STATUS_CHANGED]->(s:StatusChange)
  RETURN 'status' AS fact, coalesce(s.date, date({year: s.year, month: 1, day: 1})) AS date,
         null AS end, h.id AS entity, s.status AS name, {year: s.year} AS info,
         null AS cost, s.batch AS batch, s.row AS row
}
RETURN fact, date, end, entity, name, info, cost, batch, row
