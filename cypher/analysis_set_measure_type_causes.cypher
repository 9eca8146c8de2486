// Replace which causes a measure type addresses ((:MeasureType)-[:ADDRESSES]->(:Cause)).
MATCH (t:MeasureType {code: $type})
OPTIONAL MATCH (t)-[r:ADDRESSES]->(:Cause)
DELETE r
WITH DISTINCT t
CALL (t) {
  UNWIND $causes AS code
  MATCH (c:Cause {code: code})
  MERGE (t)-[:ADDRESSES]->(c)
}
RETURN t.code AS type
