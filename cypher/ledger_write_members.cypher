// Household members. pid is the keyed hash of the ID-card number, masked the display form;
// the number itself never reaches the database. A person who is already a member of another
// household (r.extra, decided by the importer) keeps that membership and their details: the
// new membership carries this row's relation ('' when blank), a duplicate identity: reported,
// never merged.
UNWIND $rows AS r
MATCH (b:Batch {id: r.batch})
MATCH (h:Household {id: r.household})
MERGE (p:Person {pid: r.pid})
FOREACH (_ IN CASE WHEN r.extra THEN [] ELSE [1] END |
  SET p.masked = r.masked, p.name = r.name, p.relation = r.relation,
      p.birth_year = r.birth_year, p.batch = r.batch, p.row = r.row)
MERGE (p)-[m:MEMBER_OF]->(h)
SET m.relation = CASE WHEN r.extra THEN coalesce(r.relation, '') END, m.batch = r.batch,
    m.row = r.row
MERGE (b)-[w:WROTE {row: r.row}]->(p)
SET w.action = r.action
RETURN count(*) AS written
