// Causes of poverty (national code list). Names are refreshed; codes never change.
UNWIND $causes AS r
MERGE (c:Cause {code: r.code})
SET c.name = r.name, c.name_en = r.name_en;
// Measure types and the default measure→cause mapping. The mapping is written only when a
// measure type is first created, so a planner's later edits in the graph are kept.
UNWIND $measure_types AS r
MERGE (m:MeasureType {code: r.code})
ON CREATE SET m.name = r.name, m.fresh = true
WITH m, r WHERE m.fresh
REMOVE m.fresh
WITH m, r
UNWIND r.addresses AS code
MATCH (k:Cause {code: code})
MERGE (m)-[:ADDRESSES]->(k);
