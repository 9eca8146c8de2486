// Status history as ledger rows. $keys: household ids, or null for all.
MATCH (h:Household)-[:STATUS_CHANGED]->(s:StatusChange)
WHERE $keys IS NULL OR h.id IN $keys
RETURN h.id AS household, s.year AS year, s.status AS status, s.date AS date
ORDER BY household, year
