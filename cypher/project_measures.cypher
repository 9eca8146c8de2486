// Measures for a county's households with their providing unit (projection).
MATCH (u:Unit)-[:PROVIDES]->(m:Measure)-[:FOR]->(h:Household {county: $county})
RETURN m.id AS id, m.type AS type, m.cost AS cost, m.start AS start, m.end AS end,
       u.id AS unit, u.kind AS kind, u.name AS name, h.id AS household
ORDER BY id
