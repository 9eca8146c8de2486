// The villages of a county that are marked poor or hold households (projection).
MATCH (v:Village {county: $county})
WHERE v.poor = true OR EXISTS { MATCH (:Household)-[:LIVES_IN]->(v) }
RETURN v.code AS code, v.name AS name, coalesce(v.poor, false) AS poor
ORDER BY code
