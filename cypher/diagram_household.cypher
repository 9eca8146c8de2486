// A household and its neighbourhood: village, members (masked IDs), causes, units assisting it
// or its village, measures and their providers, status history, and the import batches that
// wrote any of these. One row per relationship {a, rel, rprops, b}; the first row is the
// household itself (rel null), so an unknown id gives no rows.
MATCH (h:Household {id: $id})
CALL (h) {
  RETURN h AS a, null AS r, null AS b
  UNION
  MATCH (h)-[r:LIVES_IN]->(b:Village) RETURN h AS a, r, b
  UNION
  MATCH (a:Person)-[r:MEMBER_OF]->(h) RETURN a, r, h AS b
  UNION
  MATCH (h)-[r:HAS_CAUSE]->(b:Cause) RETURN h AS a, r, b
  UNION
  MATCH (a:Unit)-[r:ASSISTS]->(h) RETURN a, r, h AS b
  UNION
  MATCH (h)-[:LIVES_IN]->(b:Village)<-[r:ASSISTS]-(a:Unit) RETURN a, r, b
  UNION
  MATCH (a:Measure)-[r:FOR]->(h) RETURN a, r, h AS b
  UNION
  MATCH (a:Unit)-[r:PROVIDES]->(b:Measure)-[:FOR]->(h) RETURN a, r, b
  UNION
  MATCH (h)-[r:STATUS_CHANGED]->(b:StatusChange) RETURN h AS a, r, b
  UNION
  MATCH (a:Batch)-[r:WROTE]->(h) WHERE $batches RETURN a, r, h AS b
  UNION
  MATCH (a:Batch)-[r:WROTE]->(b)-[:FOR]->(h) WHERE $batches RETURN a, r, b
  UNION
  MATCH (a:Batch)-[r:WROTE]->(b)<-[:STATUS_CHANGED]-(h) WHERE $batches RETURN a, r, b
}
WITH a, r, b
RETURN {kind: CASE WHEN a:Unit THEN 'Unit:' + coalesce(a.kind, '') ELSE labels(a)[0] END,
        props: properties(a)} AS a,
       CASE WHEN r IS NULL THEN null ELSE type(r) END AS rel,
       CASE WHEN r IS NULL THEN null ELSE properties(r) END AS rprops,
       CASE WHEN b IS NULL THEN null ELSE
       {kind: CASE WHEN b:Unit THEN 'Unit:' + coalesce(b.kind, '') ELSE labels(b)[0] END,
        props: properties(b)} END AS b
