// Yearly status history with provenance: one (:StatusChange) per household and year, never
// overwritten by another year; Household.status follows the latest year.
UNWIND $rows AS r
MATCH (b:Batch {id: r.batch})
MATCH (h:Household {id: r.household})
MERGE (s:StatusChange {key: r.household + ':' + toString(r.year)})
SET s.household = r.household, s.year = r.year, s.status = r.status, s.date = r.date,
    s.batch = r.batch, s.row = r.row
MERGE (h)-[sc:STATUS_CHANGED]->(s)
SET sc.batch = r.batch, sc.row = r.row
MERGE (b)-[w:WROTE {row: r.row}]->(s)
SET w.action = r.action
WITH DISTINCT h
CALL (h) {
  MATCH (h)-[:STATUS_CHANGED]->(x:StatusChange)
  WITH x ORDER BY x.year DESC LIMIT 1
  SET h.status = x.status
}
RETURN count(*) AS households
