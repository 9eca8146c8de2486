// The households of a village, for writing one handbook each. No rows: unknown or empty.
MATCH (v:Village {code: $code})
OPTIONAL MATCH (h:Household)-[:LIVES_IN]->(v)
RETURN v.name AS village, h.id AS id
ORDER BY id
