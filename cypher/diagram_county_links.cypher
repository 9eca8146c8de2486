// Who helps whom in a county: rows {unit, target, level, rel, measures, cost}. rel ASSISTS
// (unit assists household, village or county) or MEASURES (unit gives the household
// `measures` measures costing `cost` in all).
MATCH (c:County {code: $county})
CALL (c) {
  MATCH (u:Unit)-[a:ASSISTS]->(h:Household {county: c.code})
  RETURN u.id AS unit, h.id AS target, 'household' AS level, 'ASSISTS' AS rel,
         0 AS measures, 0 AS cost
  UNION ALL
  MATCH (u:Unit)-[a:ASSISTS]->(v:Village {county: c.code})
  RETURN u.id AS unit, v.code AS target, 'village' AS level, 'ASSISTS' AS rel,
         0 AS measures, 0 AS cost
  UNION ALL
  MATCH (u:Unit)-[a:ASSISTS]->(c)
  RETURN u.id AS unit, c.code AS target, 'county' AS level, 'ASSISTS' AS rel,
         0 AS measures, 0 AS cost
  UNION ALL
  MATCH (u:Unit)-[:PROVIDES]->(m:Measure)-[:FOR]->(h:Household {county: c.code})
  RETURN u.id AS unit, h.id AS target, 'household' AS level, 'MEASURES' AS rel,
         count(m) AS measures, sum(m.cost) AS cost
}
RETURN unit, target, level, rel, measures, cost
ORDER BY unit, target, rel
