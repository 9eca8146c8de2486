// Cross-check of shared_persons: members of a county's households (optionally within village
// prefixes) who are members of more than one household anywhere.
MATCH (p:Person)-[:MEMBER_OF]->(h:Household {county: $county})
WHERE $villages IS NULL OR any(x IN $villages WHERE h.village STARTS WITH x)
WITH DISTINCT p
WHERE COUNT { (p)-[:MEMBER_OF]->(:Household) } > 1
RETURN count(p) AS n
