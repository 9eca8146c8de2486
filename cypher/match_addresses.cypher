// Matching: which causes each measure type addresses, as the graph holds it
// ((:MeasureType)-[:ADDRESSES]->(:Cause), editable by planners).
MATCH (m:MeasureType)
OPTIONAL MATCH (m)-[:ADDRESSES]->(c:Cause)
RETURN m.code AS type, collect(c.code) AS causes
ORDER BY type
