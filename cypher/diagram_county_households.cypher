// The households of a county with their village and township (for the county network).
MATCH (h:Household {county: $county})-[:LIVES_IN]->(v:Village)
OPTIONAL MATCH (v)-[:IN]->(t:Township)
RETURN h.id AS id, h.head_name AS head_name, h.status AS status, h.size AS size,
       h.attribute AS attribute, v.code AS village, v.name AS village_name,
       t.code AS township, t.name AS township_name
ORDER BY id
