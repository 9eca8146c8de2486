// Deletes up to $limit nodes with their relationships; returns how many. Called in a loop.
MATCH (n) WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
