// Marks batches whose rows were written in several transactions as complete.
UNWIND $rows AS r
MATCH (b:Batch {id: r.id})
SET b.complete = true
RETURN count(*) AS written
