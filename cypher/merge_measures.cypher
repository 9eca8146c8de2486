// (:Unit)-[:PROVIDES]->(:Measure {type, cost, start, end, content})-[:FOR]->(:Household),
// and (:Measure)-[:OF_TYPE]->(:MeasureType).
UNWIND $rows AS r
MATCH (u:Unit {id: r.unit})
MATCH (h:Household {id: r.household})
MATCH (mt:MeasureType {code: r.type})
MERGE (m:Measure {id: r.id})
WITH m, u, h, mt, r, m.type IS NULL AS created
SET m.type = r.type, m.cost = r.cost, m.start = r.start, m.end = r.end,
    m.content = r.content, m.household = r.household
MERGE (u)-[:PROVIDES]->(m)
MERGE (m)-[:FOR]->(h)
MERGE (m)-[:OF_TYPE]->(mt)
RETURN sum(toInteger(created)) AS created, 0 AS updated
