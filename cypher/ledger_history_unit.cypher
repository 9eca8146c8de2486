// Which batches and rows made a unit what it is: the unit, its pairings and its measures.
MATCH (u:Unit {id: $id})
CALL (u) {
  MATCH (b:Batch)-[w:WROTE]->(u)
  RETURN b, w, 'unit ' + u.id AS what
  UNION
  MATCH (u)-[:ASSISTS]->(t)<-[w:WROTE {what: 'ASSISTS'}]-(b:Batch)
  WHERE w.unit = u.id
  RETURN b, w, 'assists ' + coalesce(t.id, t.code) AS what
  UNION
  MATCH (u)-[:PROVIDES]->(m:Measure)<-[w:WROTE]-(b:Batch)
  RETURN b, w, 'measure ' + m.id + ' for ' + m.household AS what
}
RETURN b.time AS time, b.id AS batch, b.kind AS kind, b.file AS file, b.sha256 AS sha256,
       b.operator AS operator, w.row AS row, w.action AS action, what
ORDER BY time, b.seq, row, what
