// Units as ledger rows. $keys: unit ids, or null for all.
MATCH (u:Unit)
WHERE $keys IS NULL OR u.id IN $keys
OPTIONAL MATCH (u)-[:BASED_IN]->(x)
WITH u, min(x.code) AS base
RETURN u.id AS id, u.name AS name, u.kind AS kind, u.county AS county, base,
       u.capacity AS capacity, u.skills AS skills
ORDER BY id
