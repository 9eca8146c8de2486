// (:Unit)-[:ASSISTS {since, until, role}]->(household | village | county), with provenance:
// the relationship carries batch and row, and the batch WROTE the target (what: 'ASSISTS').
UNWIND $rows AS r
MATCH (b:Batch {id: r.batch})
MATCH (u:Unit {id: r.unit})
OPTIONAL MATCH (h:Household {id: r.target}) WHERE r.level = 'household'
OPTIONAL MATCH (v:Village {code: r.target}) WHERE r.level = 'village'
OPTIONAL MATCH (c:County {code: r.target}) WHERE r.level = 'county'
WITH b, u, r, coalesce(h, v, c) AS t
WHERE t IS NOT NULL
MERGE (u)-[a:ASSISTS]->(t)
SET a.since = r.since, a.until = r.until, a.role = r.role, a.batch = r.batch, a.row = r.row
MERGE (b)-[w:WROTE {row: r.row}]->(t)
SET w.action = r.action, w.what = 'ASSISTS', w.unit = r.unit
RETURN count(*) AS written
