// (:Unit)-[:ASSISTS {since, until, role}]->(target); level says whether the target is a
// household, a village or a county.
UNWIND $rows AS r
MATCH (u:Unit {id: r.unit})
OPTIONAL MATCH (h:Household {id: r.target}) WHERE r.level = 'household'
OPTIONAL MATCH (v:Village {code: r.target}) WHERE r.level = 'village'
OPTIONAL MATCH (c:County {code: r.target}) WHERE r.level = 'county'
WITH u, r, coalesce(h, v, c) AS t
WHERE t IS NOT NULL
MERGE (u)-[a:ASSISTS]->(t)
WITH a, r, a.role IS NULL AS created
SET a.since = r.since, a.until = r.until, a.role = r.role
RETURN sum(toInteger(created)) AS created, 0 AS updated
