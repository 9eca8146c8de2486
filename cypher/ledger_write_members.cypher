// Household members. pid is the keyed hash of the ID-card number, masked the display form;
// the number itself never reaches the database. A person who is already a member of another
// household keeps that membership and their details: the new membership is added with this
// row's relation on it (reported as a duplicate identity, never merged silently).
UNWIND $rows AS r
MATCH (b:Batch {id: r.batch})
MATCH (h:Household {id: r.household})
MERGE (p:Person {pid: r.pid})
WITH b, h, p, r, EXISTS { (p)-[:MEMBER_OF]->(o:Household) WHERE o.id <> r.household } AS elsewhere
CALL (p, r, elsewhere) {
  WITH p, r WHERE NOT elsewhere
  SET p.masked = r.masked, p.name = r.name, p.relation = r.relation,
      p.birth_year = r.birth_year, p.batch = r.batch, p.row = r.row
}
MERGE (p)-[m:MEMBER_OF]->(h)
SET m.relation = CASE WHEN elsewhere THEN r.relation END, m.batch = r.batch, m.row = r.row
MERGE (b)-[w:WROTE {row: r.row}]->(p)
SET w.action = r.action
RETURN count(*) AS written
