// Poor-village list: flags on the village (poor, poor_since, poor_exit) with provenance.
UNWIND $rows AS r
MATCH (b:Batch {id: r.batch})
MATCH (v:Village {code: r.code})
SET v.poor = r.poor, v.poor_since = r.since, v.poor_exit = r.exit_year, v.batch = r.batch,
    v.row = r.row
MERGE (b)-[w:WROTE {row: r.row}]->(v)
SET w.action = r.action
RETURN count(*) AS written
