// (:Unit)-[:PROVIDES]->(:Measure)-[:FOR]->(:Household), (:Measure)-[:OF_TYPE]->(:MeasureType),
// with provenance. A changed unit, household or type moves the measure's relationships.
UNWIND $rows AS r
MATCH (b:Batch {id: r.batch})
MATCH (u:Unit {id: r.unit})
MATCH (h:Household {id: r.household})
MATCH (mt:MeasureType {code: r.type})
MERGE (m:Measure {id: r.id})
SET m.type = r.type, m.cost = r.cost, m.start = r.start, m.end = r.end, m.content = r.content,
    m.household = r.household, m.batch = r.batch, m.row = r.row
MERGE (b)-[w:WROTE {row: r.row}]->(m)
SET w.action = r.action
WITH m, u, h, mt, r
CALL (m, u, h, mt) {
  OPTIONAL MATCH (x:Unit)-[o1:PROVIDES]->(m) WHERE x <> u
  OPTIONAL MATCH (m)-[o2:FOR]->(y:Household) WHERE y <> h
  OPTIONAL MATCH (m)-[o3:OF_TYPE]->(z:MeasureType) WHERE z <> mt
  DELETE o1, o2, o3
}
MERGE (u)-[p:PROVIDES]->(m)
SET p.batch = r.batch, p.row = r.row
MERGE (m)-[f:FOR]->(h)
SET f.batch = r.batch, f.row = r.row
MERGE (m)-[t:OF_TYPE]->(mt)
SET t.batch = r.batch, t.row = r.row
RETURN count(*) AS written
