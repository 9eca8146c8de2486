// A person already in the graph also listed as a member of another household.
// Rows: {pid, household, relation}.
UNWIND $rows AS r
MATCH (p:Person {pid: r.pid})
MATCH (h:Household {id: r.household})
MERGE (p)-[m:MEMBER_OF]->(h)
WITH m, r, m.relation IS NULL AS created
SET m.relation = r.relation
RETURN sum(toInteger(created)) AS created, 0 AS updated
