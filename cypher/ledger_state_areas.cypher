// Area memberships as ledger rows. $keys: area codes, or null for all.
MATCH (c:County)-[:PART_OF]->(a:Area)
WHERE $keys IS NULL OR a.code IN $keys
RETURN a.code AS area, a.name AS area_name, c.code AS county
ORDER BY area, county
