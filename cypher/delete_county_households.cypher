// Deletes up to $limit households of a county with their members, measures and status
// history; returns how many households. Called in a loop (graphreg generate --replace).
MATCH (h:Household {county: $county})
WITH h LIMIT $limit
OPTIONAL MATCH (h)<-[:MEMBER_OF]-(p:Person)
OPTIONAL MATCH (h)<-[:FOR]-(m:Measure)
OPTIONAL MATCH (h)-[:STATUS_CHANGED]->(s:StatusChange)
WITH collect(DISTINCT h) AS hs, collect(DISTINCT p) AS ps, collect(DISTINCT m) AS ms,
     collect(DISTINCT s) AS ss
FOREACH (n IN hs + ps + ms + ss | DETACH DELETE n)
RETURN size(hs) AS deleted
