// Matching (apply): (:Unit)-[:ASSISTS {since, role, batch, row}]->(:Household) for each
// proposed pair ($rows: {unit, household, since, role, batch, row}) that has no current
// ASSISTS yet (no `until`, or `until` >= since); pairs that have one are left alone, so
// applying twice changes nothing. (:Batch)-[:WROTE {row}]->(:Household) keeps the history.
UNWIND $rows AS r
MATCH (u:Unit {id: r.unit})
MATCH (h:Household {id: r.household})
MATCH (b:Batch {id: r.batch})
WITH u, h, b, r,
     NOT EXISTS { MATCH (u)-[a:ASSISTS]->(h) WHERE a.until IS NULL OR a.until >= r.since } AS fresh
FOREACH (_ IN CASE WHEN fresh THEN [1] ELSE [] END |
  CREATE (u)-[:ASSISTS {since: r.since, role: r.role, batch: r.batch, row: r.row}]->(h)
  MERGE (b)-[:WROTE {row: r.row}]->(h))
RETURN sum(toInteger(fresh)) AS created, 0 AS updated
