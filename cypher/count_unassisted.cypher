// Cross-check: registered (not exited) households of a county with no unit assisting them
// directly and no measure.
MATCH (h:Household {county: $county})
WHERE h.status IN $active
  AND NOT EXISTS { MATCH (:Unit)-[:ASSISTS]->(h) }
  AND NOT EXISTS { MATCH (:Measure)-[:FOR]->(h) }
RETURN count(h) AS n
