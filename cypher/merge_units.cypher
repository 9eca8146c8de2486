// Assisting units (帮扶主体) and where they are based (a village, township or county code).
UNWIND $rows AS r
MERGE (u:Unit {id: r.id})
WITH u, r, u.kind IS NULL AS created
SET u.name = r.name, u.kind = r.kind, u.county = r.county, u.capacity = r.capacity,
    u.skills = r.skills
WITH u, r, created
OPTIONAL MATCH (v:Village {code: r.base})
OPTIONAL MATCH (t:Township {code: r.base})
OPTIONAL MATCH (c:County {code: r.base})
WITH u, created, coalesce(v, t, c) AS base
FOREACH (b IN CASE WHEN base IS NULL THEN [] ELSE [base] END | MERGE (u)-[:BASED_IN]->(b))
RETURN sum(toInteger(created)) AS created, 0 AS updated
