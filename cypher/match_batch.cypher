// Matching: an applied proposal (Batch $id) and the ASSISTS relationships it wrote, as
// [household, unit, row, role] in row order.
MATCH (b:Batch {id: $id})
CALL (b) {
  OPTIONAL MATCH (u:Unit)-[a:ASSISTS {batch: b.id}]->(h:Household)
  WITH u, a, h ORDER BY a.row
  RETURN collect([h.id, u.id, a.row, a.role]) AS written
}
RETURN b.kind AS kind, b.file AS file, b.sha256 AS sha256, b.operator AS operator,
       b.rows AS rows, written, COUNT { (b)-[:WROTE]->(:Household) } AS wrote
