// Assisting units and where they are based (a village, township or county code).
UNWIND $rows AS r
MATCH (b:Batch {id: r.batch})
MERGE (u:Unit {id: r.id})
SET u.name = r.name, u.kind = r.kind, u.county = r.county, u.capacity = r.capacity,
    u.skills = r.skills, u.batch = r.batch, u.row = r.row
MERGE (b)-[w:WROTE {row: r.row}]->(u)
SET w.action = r.action
WITH u, r
CALL (u, r) {
  MATCH (u)-[old:BASED_IN]->(x) WHERE r.base IS NULL OR x.code <> r.base
  DELETE old
}
CALL (u, r) {
  OPTIONAL MATCH (v:Village {code: r.base})
  OPTIONAL MATCH (t:Township {code: r.base})
  OPTIONAL MATCH (c:County {code: r.base})
  WITH u, r, coalesce(v, t, c) AS base
  WHERE base IS NOT NULL
  MERGE (u)-[x:BASED_IN]->(base)
  SET x.batch = r.batch, x.row = r.row
}
RETURN count(*) AS written
