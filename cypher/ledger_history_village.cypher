// Which batches and rows made a village what it is: its poor-village listing, its population,
// pairings to it,
// and the household rows that placed households in it.
MATCH (v:Village {code: $id})
CALL (v) {
  MATCH (b:Batch)-[w:WROTE]->(v)
  RETURN b, w, CASE w.what WHEN 'ASSISTS' THEN 'assigned unit ' + w.unit
                WHEN 'population' THEN 'population of village ' + v.code
                ELSE 'village ' + v.code END AS what
  UNION
  MATCH (b:Batch)-[w:WROTE]->(h:Household)-[:LIVES_IN]->(v)
  WHERE w.what IS NULL
  RETURN b, w, 'household ' + h.id AS what
}
RETURN b.time AS time, b.id AS batch, b.kind AS kind, b.file AS file, b.sha256 AS sha256,
       b.operator AS operator, w.row AS row, w.action AS action, what
ORDER BY time, b.seq, row, what
