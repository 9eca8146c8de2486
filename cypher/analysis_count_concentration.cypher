// Cross-check of household_help / concentration: households of a county registered as of
// $year, and the number and cost of their measures started on or before $day.
MATCH (h:Household {county: $county})
WHERE $villages IS NULL OR any(p IN $villages WHERE h.village STARTS WITH p)
WITH h, CASE
  WHEN $year IS NULL THEN h.status
  WHEN EXISTS { (h)-[:STATUS_CHANGED]->(:StatusChange) }
    THEN COLLECT { MATCH (h)-[:STATUS_CHANGED]->(s:StatusChange) WHERE s.year <= $year
                   RETURN s.status ORDER BY s.year DESC LIMIT 1 }[0]
  WHEN coalesce(h.registered_year, 0) <= $year THEN h.status
END AS st
WITH h WHERE st IS NOT NULL
OPTIONAL CALL (h) {
  MATCH (:Unit)-[:PROVIDES]->(m:Measure)-[:FOR]->(h)
  WHERE $day IS NULL OR m.start IS NULL OR m.start <= $day
  RETURN count(m) AS measures, coalesce(sum(m.cost), 0) AS cost
}
RETURN count(h) AS households, coalesce(sum(measures), 0) AS measures, coalesce(sum(cost), 0) AS cost
