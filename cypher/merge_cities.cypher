// Division rows → (:City)-[:IN]->(:Province). Returns how many were created and renamed.
UNWIND $rows AS r
MATCH (p:Province {code: r.parent})
MERGE (n:City {code: r.code})
WITH n, p, r, n.name IS NULL AS created, n.name IS NOT NULL AND n.name <> r.name AS changed
SET n.name = r.name
MERGE (n)-[:IN]->(p)
RETURN sum(toInteger(created)) AS created, sum(toInteger(changed)) AS updated
