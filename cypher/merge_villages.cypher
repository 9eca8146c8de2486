// Division rows → (:Village)-[:IN]->(:Township). kind: rural (村委会), urban (居委会) or other.
UNWIND $rows AS r
MATCH (p:Township {code: r.parent})
MERGE (n:Village {code: r.code})
WITH n, p, r, n.name IS NULL AS created, n.name IS NOT NULL AND n.name <> r.name AS changed
SET n.name = r.name, n.kind = r.kind, n.county = r.county
MERGE (n)-[:IN]->(p)
RETURN sum(toInteger(created)) AS created, sum(toInteger(changed)) AS updated
