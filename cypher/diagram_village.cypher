// One village for a diagram: the village, its households, the units assisting them or the
// village, the measures its households get (with their providers) and the households' main
// causes. One row per relationship as {a, rel, rprops, b}; the first row is the village itself
// (rel null), so an unknown code gives no rows. Nodes are {kind, props}; households carry the
// names and MASKED ID numbers of their members, never the keyed hash.
MATCH (v:Village {code: $code})
CALL (v) {
  RETURN v AS a, null AS r, null AS b
  UNION
  MATCH (a:Household)-[r:LIVES_IN]->(v) RETURN a, r, v AS b
  UNION
  MATCH (a:Unit)-[r:ASSISTS]->(v) RETURN a, r, v AS b
  UNION
  MATCH (h:Household)-[:LIVES_IN]->(v)
  MATCH (a:Unit)-[r:ASSISTS]->(h) RETURN a, r, h AS b
  UNION
  MATCH (h:Household)-[:LIVES_IN]->(v)
  MATCH (a:Measure)-[r:FOR]->(h) RETURN a, r, h AS b
  UNION
  MATCH (h:Household)-[:LIVES_IN]->(v)
  MATCH (a:Unit)-[r:PROVIDES]->(m:Measure)-[:FOR]->(h) RETURN a, r, m AS b
  UNION
  MATCH (a:Household)-[:LIVES_IN]->(v)
  MATCH (a)-[r:HAS_CAUSE {main: true}]->(b:Cause) RETURN a, r, b
}
WITH a, r, b
RETURN
  {kind: CASE WHEN a:Unit THEN 'Unit:' + coalesce(a.kind, '') ELSE labels(a)[0] END,
   props: CASE WHEN a:Household
     THEN a {.*, members: [(p:Person)-[:MEMBER_OF]->(a) | p.name + ' ' + p.masked]}
     ELSE properties(a) END} AS a,
  CASE WHEN r IS NULL THEN null ELSE type(r) END AS rel,
  CASE WHEN r IS NULL THEN null ELSE properties(r) END AS rprops,
  CASE WHEN b IS NULL THEN null ELSE
  {kind: CASE WHEN b:Unit THEN 'Unit:' + coalesce(b.kind, '') ELSE labels(b)[0] END,
   props: CASE WHEN b:Household
     THEN b {.*, members: [(p:Person)-[:MEMBER_OF]->(b) | p.name + ' ' + p.masked]}
     ELSE properties(b) END} END AS b
