// Which batches and rows made a household what it is: the household itself, pairings to it,
// its members, status changes and measures. Empty when the household does not exist.
MATCH (h:Household {id: $id})
CALL (h) {
  MATCH (b:Batch)-[w:WROTE]->(h)
  RETURN b, w, CASE w.what WHEN 'ASSISTS' THEN 'assigned unit ' + w.unit
                ELSE 'household ' + h.id END AS what
  UNION
  MATCH (b:Batch)-[w:WROTE]->(p:Person)-[:MEMBER_OF]->(h)
  RETURN b, w, 'member ' + p.masked + ' ' + p.name AS what
  UNION
  MATCH (b:Batch)-[w:WROTE]->(s:StatusChange)<-[:STATUS_CHANGED]-(h)
  RETURN b, w, 'status ' + toString(s.year) + ' ' + s.status AS what
  UNION
  MATCH (b:Batch)-[w:WROTE]->(m:Measure)-[:FOR]->(h)
  RETURN b, w, 'measure ' + m.id + ' ' + m.type AS what
}
RETURN b.time AS time, b.id AS batch, b.kind AS kind, b.file AS file, b.sha256 AS sha256,
       b.operator AS operator, w.row AS row, w.action AS action, what
ORDER BY time, b.seq, row, what
