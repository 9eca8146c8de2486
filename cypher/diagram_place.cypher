// Names of a division code and its parents, for a diagram's heading: one row or none.
CALL () {
  MATCH (n:Village {code: $code}) RETURN n
  UNION MATCH (n:Township {code: $code}) RETURN n
  UNION MATCH (n:County {code: $code}) RETURN n
  UNION MATCH (n:City {code: $code}) RETURN n
  UNION MATCH (n:Province {code: $code}) RETURN n
}
OPTIONAL MATCH path = (n)-[:IN*1..4]->(:Province)
WITH n, path ORDER BY length(path) DESC LIMIT 1
RETURN labels(n)[0] AS kind, n.name AS name,
       [x IN CASE WHEN path IS NULL THEN [] ELSE reverse(nodes(path)[1..]) END | x.name] AS parents
