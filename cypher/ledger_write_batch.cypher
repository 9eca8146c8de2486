// One (:Batch) per imported file: where the rows came from and who imported them.
UNWIND $rows AS r
CREATE (b:Batch {id: r.id})
SET b.kind = r.kind, b.file = r.file, b.sha256 = r.sha256, b.time = r.time, b.seq = r.seq,
    b.operator = r.operator, b.rows = r.rows, b.created = r.created, b.updated = r.updated,
    b.unchanged = r.unchanged, b.rejected = r.rejected, b.complete = r.complete
RETURN count(*) AS written
