// TEST FIXTURE ONLY (stands in for issue 3's ledger importer): record a (:Batch $batch) and
// stamp batch/row on the nodes it wrote, with (:Batch)-[:WROTE {row}]->(node). Rows:
// {what: household|measure|status|unit|assists, key, unit (for assists), row}.
MERGE (b:Batch {id: $batch.id})
SET b.kind = $batch.kind, b.file = $batch.file, b.sha256 = $batch.sha256,
    b.time = $batch.time, b.operator = $batch.operator, b.rows = $batch.rows
WITH b
UNWIND $rows AS r
OPTIONAL MATCH (h:Household {id: r.key}) WHERE r.what IN ['household', 'assists']
OPTIONAL MATCH (m:Measure {id: r.key}) WHERE r.what = 'measure'
OPTIONAL MATCH (s:StatusChange {key: r.key}) WHERE r.what = 'status'
OPTIONAL MATCH (u:Unit {id: coalesce(r.unit, r.key)}) WHERE r.what IN ['unit', 'assists']
OPTIONAL MATCH (u)-[a:ASSISTS]->(h) WHERE r.what = 'assists'
WITH b, r, CASE r.what WHEN 'household' THEN h WHEN 'measure' THEN m WHEN 'status' THEN s
                       WHEN 'unit' THEN u ELSE null END AS n, a
FOREACH (x IN CASE WHEN n IS NULL THEN [] ELSE [n] END |
  SET x.batch = b.id, x.row = r.row
  MERGE (b)-[w:WROTE {row: r.row}]->(x))
FOREACH (x IN CASE WHEN a IS NULL THEN [] ELSE [a] END | SET x.batch = b.id, x.row = r.row)
RETURN count(*) AS created, 0 AS updated
