// Poverty-county list: flags on the county with provenance.
UNWIND $rows AS r
MATCH (b:Batch {id: r.batch})
MATCH (c:County {code: r.code})
SET c.poverty_county = r.poverty_county, c.key_county = r.key_county,
    c.poverty_exit = r.exit_year, c.batch = r.batch, c.row = r.row
MERGE (b)-[w:WROTE {row: r.row}]->(c)
SET w.action = r.action
RETURN count(*) AS written
