// A county's registered households with village, status, causes and status history (projection).
MATCH (h:Household {county: $county})-[:LIVES_IN]->(v:Village)
RETURN h.id AS id, v.code AS village, h.status AS status, h.size AS size,
       COLLECT { MATCH (h)-[:HAS_CAUSE {main: true}]->(c:Cause) RETURN c.code }[0] AS main_cause,
       COLLECT { MATCH (h)-[:HAS_CAUSE {main: false}]->(c:Cause) RETURN c.code } AS other_causes,
       COLLECT { MATCH (h)-[:STATUS_CHANGED]->(s:StatusChange) RETURN [s.year, s.status] } AS history,
       h.registered_year AS registered_year, h.head_name AS head_name
ORDER BY id
