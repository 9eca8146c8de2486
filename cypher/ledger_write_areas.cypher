// Contiguous areas (:Area {code, name}) and (:County)-[:PART_OF]->(:Area), with provenance.
UNWIND $rows AS r
MATCH (b:Batch {id: r.batch})
MATCH (c:County {code: r.county})
MERGE (a:Area {code: r.area})
SET a.name = r.area_name, a.batch = r.batch, a.row = r.row
MERGE (c)-[p:PART_OF]->(a)
SET p.batch = r.batch, p.row = r.row
MERGE (b)-[w:WROTE {row: r.row}]->(a)
SET w.action = r.action, w.what = 'PART_OF', w.county = r.county
RETURN count(*) AS written
