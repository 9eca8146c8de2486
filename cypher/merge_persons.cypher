// Household members. pid is the keyed hash of the ID-card number; masked is for display.
UNWIND $rows AS r
MATCH (h:Household {id: r.household})
MERGE (p:Person {pid: r.pid})
WITH p, h, r, p.masked IS NULL AS created
SET p.masked = r.masked, p.name = r.name, p.relation = r.relation, p.birth_year = r.birth_year
MERGE (p)-[:MEMBER_OF]->(h)
RETURN sum(toInteger(created)) AS created, 0 AS updated
