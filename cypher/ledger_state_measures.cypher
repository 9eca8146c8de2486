// Measures as ledger rows. $keys: measure ids, or null for all.
MATCH (m:Measure)
WHERE $keys IS NULL OR m.id IN $keys
OPTIONAL MATCH (u:Unit)-[:PROVIDES]->(m)
OPTIONAL MATCH (m)-[:FOR]->(h:Household)
WITH m, min(u.id) AS unit, min(h.id) AS household
RETURN m.id AS id, unit, household, m.type AS type, m.cost AS cost, m.start AS start,
       m.end AS end, m.content AS content
ORDER BY id
