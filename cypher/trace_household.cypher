// Everything connected to one household, one fact per row:
// {fact, date, end, entity, name, info, cost, batch, row}. batch/row: where the fact came from
// (the import batch and ledger row stamped on the node or relationship; null if none).
MATCH (h:Household {id: $id})
CALL (h) {
  RETURN 'household' AS fact, null AS date, null AS end, h.id AS entity,
         h.head_name + '户' AS name,
         {size: h.size, attribute: h.attribute, standard: h.standard, status: h.status,
          registered_year: h.registered_year, income: h.income} AS info,
         null AS cost, h.batch AS batch, h.row AS row
  UNION ALL
  MATCH (h)-[r:LIVES_IN]->(v:Village)
  OPTIONAL MATCH (v)-[:IN]->(t:Township)-[:IN]->(c:County)
  RETURN 'lives_in' AS fact, null AS date, null AS end, v.code AS entity, v.name AS name,
         {township: t.name, county: c.name, county_code: c.code, poor_village: v.poor} AS info,
         null AS cost, r.batch AS batch, r.row AS row
  UNION ALL
  MATCH (p:Person)-[r:MEMBER_OF]->(h)
  RETURN 'member' AS fact, null AS date, null AS end, p.masked AS entity, p.name AS name,
         {relation: p.relation, birth_year: p.birth_year} AS info,
         null AS cost, coalesce(r.batch, p.batch) AS batch, coalesce(r.row, p.row) AS row
  UNION ALL
  MATCH (h)-[r:HAS_CAUSE]->(c:Cause)
  RETURN 'cause' AS fact, null AS date, null AS end, toString(c.code) AS entity,
         c.name AS name, {main: r.main} AS info,
         null AS cost, r.batch AS batch, r.row AS row
  UNION ALL
  MATCH (u:Unit)-[r:ASSISTS]->(h)
  RETURN 'assists' AS fact, r.since AS date, r.until AS end, u.id AS entity, u.name AS name,
         {unit_kind: u.kind, role: r.role, level: 'household'} AS info,
         null AS cost, r.batch AS batch, r.row AS row
  UNION ALL
  MATCH (h)-[:LIVES_IN]->(v:Village)<-[r:ASSISTS]-(u:Unit)
  RETURN 'assists' AS fact, r.since AS date, r.until AS end, u.id AS entity, u.name AS name,
         {unit_kind: u.kind, role: r.role, level: 'village'} AS info,
         null AS cost, r.batch AS batch, r.row AS row
  UNION ALL
  MATCH (h)-[:LIVES_IN]->(:Village)-[:IN]->(:Township)-[:IN]->(c:County)<-[r:ASSISTS]-(u:Unit)
  RETURN 'assists' AS fact, r.since AS date, r.until AS end, u.id AS entity, u.name AS name,
         {unit_kind: u.kind, role: r.role, level: 'county'} AS info,
         null AS cost, r.batch AS batch, r.row AS row
  UNION ALL
  MATCH (u:Unit)-[:PROVIDES]->(m:Measure)-[:FOR]->(h)
  RETURN 'measure' AS fact, m.start AS date, m.end AS end, m.id AS entity, m.type AS name,
         {unit: u.id, unit_name: u.name, content: m.content} AS info,
         m.cost AS cost, m.batch AS batch, m.row AS row
  UNION ALL
  MATCH (h)-[:STATUS_CHANGED]->(s:StatusChange)
  RETURN 'status' AS fact, coalesce(s.date, date({year: s.year, month: 1, day: 1})) AS date,
         null AS end, toString(s.year) AS entity, s.status AS name, {year: s.year} AS info,
         null AS cost, s.batch AS batch, s.row AS row
}
RETURN fact, date, end, entity, name, info, cost, batch, row
