// A county's registered households with village, status and main cause (projection).
MATCH (h:Household {county: $county})-[:LIVES_IN]->(v:Village)
OPTIONAL MATCH (h)-[:HAS_CAUSE {main: true}]->(c:Cause)
RETURN h.id AS id, v.code AS village, h.status AS status, h.size AS size, c.code AS main_cause,
       h.head_name AS head_name
ORDER BY id
