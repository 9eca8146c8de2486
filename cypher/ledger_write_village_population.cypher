// Village populations (户籍人口): the denominator of poverty incidence, with provenance kept
// apart from the poor-village listing's (population_batch, population_row).
UNWIND $rows AS r
MATCH (b:Batch {id: r.batch})
MATCH (v:Village {code: r.code})
SET v.population = r.population, v.population_year = r.year, v.population_batch = r.batch,
    v.population_row = r.row
MERGE (b)-[w:WROTE {row: r.row}]->(v)
SET w.action = r.action, w.what = 'population'
RETURN count(*) AS written
