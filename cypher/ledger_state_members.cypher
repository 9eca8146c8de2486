// Members as ledger rows, one per membership. $keys: household ids, or null for all.
MATCH (p:Person)-[:MEMBER_OF]->(h:Household)
WHERE $keys IS NULL OR h.id IN $keys
RETURN h.id AS household, p.name AS name, p.relation AS relation, p.birth_year AS birth_year,
       p.pid AS pid, p.masked AS masked
ORDER BY household, p.relation <> '户主', birth_year, pid
