// A unit and its neighbourhood: where it is based, what it assists (households, villages,
// counties), the measures it provides and their households, the villages of those households,
// and (when $batches) the import batches that wrote them. Rows {a, rel, rprops, b}; the first
// row is the unit itself, so an unknown id gives no rows.
MATCH (u:Unit {id: $id})
CALL (u) {
  RETURN u AS a, null AS r, null AS b
  UNION
  MATCH (u)-[r:BASED_IN]->(b) RETURN u AS a, r, b
  UNION
  MATCH (u)-[r:ASSISTS]->(b) RETURN u AS a, r, b
  UNION
  MATCH (u)-[r:PROVIDES]->(b:Measure) RETURN u AS a, r, b
  UNION
  MATCH (u)-[:PROVIDES]->(a:Measure)-[r:FOR]->(b:Household) RETURN a, r, b
  UNION
  MATCH (u)-[:ASSISTS]->(a:Household)-[r:LIVES_IN]->(b:Village) RETURN a, r, b
  UNION
  MATCH (u)-[:PROVIDES]->(:Measure)-[:FOR]->(a:Household)-[r:LIVES_IN]->(b:Village)
  RETURN a, r, b
  UNION
  MATCH (a:Batch)-[r:WROTE]->(u) WHERE $batches RETURN a, r, u AS b
  UNION
  MATCH (a:Batch)-[r:WROTE]->(b:Measure)<-[:PROVIDES]-(u) WHERE $batches RETURN a, r, b
}
WITH a, r, b
RETURN {kind: CASE WHEN a:Unit THEN 'Unit:' + coalesce(a.kind, '') ELSE labels(a)[0] END,
        props: properties(a)} AS a,
       CASE WHEN r IS NULL THEN null ELSE type(r) END AS rel,
       CASE WHEN r IS NULL THEN null ELSE properties(r) END AS rprops,
       CASE WHEN b IS NULL THEN null ELSE
       {kind: CASE WHEN b:Unit THEN 'Unit:' + coalesce(b.kind, '') ELSE labels(b)[0] END,
        props: properties(b)} END AS b
