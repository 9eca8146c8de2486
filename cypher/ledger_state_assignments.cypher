// Assignments as ledger rows. $keys: unit ids, or null for all.
MATCH (u:Unit)-[a:ASSISTS]->(t)
WHERE $keys IS NULL OR u.id IN $keys
WITH u, a, t, CASE WHEN t:Household THEN 'household' WHEN t:Village THEN 'village'
                   ELSE 'county' END AS level
RETURN u.id AS unit, level, CASE level WHEN 'household' THEN t.id ELSE t.code END AS target,
       a.since AS since, a.until AS until, a.role AS role
ORDER BY unit, level, target
