// The measure-type → cause mapping as it stands in the graph (a planner may change it there).
MATCH (t:MeasureType)
RETURN t.code AS type, COLLECT { MATCH (t)-[:ADDRESSES]->(c:Cause) RETURN c.code ORDER BY c.code } AS causes
ORDER BY type
