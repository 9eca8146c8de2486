// Matching (apply): the provenance node of an applied proposal file. The id derives from the
// file's checksum, so applying the same file twice finds the same Batch and changes nothing.
UNWIND $rows AS r
MERGE (b:Batch {id: r.id})
ON CREATE SET b.kind = 'match-proposal', b.file = r.file, b.sha256 = r.sha256,
              b.time = datetime(), b.operator = r.operator, b.rows = r.rows, b.fresh = true
WITH b, coalesce(b.fresh, false) AS created
REMOVE b.fresh
RETURN sum(toInteger(created)) AS created, 0 AS updated
