// The import batches that wrote an entity or the facts hanging off it: rows
// {batch, kind, file, sha256, time, operator, rows, row, action, what, node_kind, node}
// ordered by time (action/what: set by issue 3's importer on WROTE, e.g. created, ASSISTS).
// $element: the entity's elementId.
MATCH (n) WHERE elementId(n) = $element
CALL (n) {
  RETURN n AS x
  UNION
  MATCH (n)-[:STATUS_CHANGED|HAS_CAUSE]->(x) RETURN x
  UNION
  MATCH (x:Person|Measure)-[:MEMBER_OF|FOR]->(n) RETURN x
  UNION
  MATCH (n)-[:PROVIDES]->(x:Measure) RETURN x
}
MATCH (b:Batch)-[w:WROTE]->(x)
RETURN b.id AS batch, b.kind AS kind, b.file AS file, b.sha256 AS sha256, b.time AS time,
       b.operator AS operator, b.rows AS rows, w.row AS row, w.action AS action,
       w.what AS what, labels(x)[0] AS node_kind,
       coalesce(x.id, x.code, x.key, x.masked) AS node
ORDER BY time, batch, row
