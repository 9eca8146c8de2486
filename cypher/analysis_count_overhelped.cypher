// Cross-check of overhelped_households: households of a county, registered as of $year (any
// status; $year null: all), helped (on $day) by at least
// $excess more units than the median of the other helped households of their village
// (villages with at least $min_peers such others). The peers' median is read off the sorted
// list of the village's counts with one copy of the household's own count taken out.
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
CALL (h) {
  MATCH (u:Unit)-[a:ASSISTS]->(h)
  WHERE ($day IS NULL OR ((a.since IS NULL OR a.since <= $day) AND (a.until IS NULL OR a.until >= $day)))
  RETURN u.id AS u
  UNION
  MATCH (u:Unit)-[:PROVIDES]->(m:Measure)-[:FOR]->(h)
  WHERE ($day IS NULL OR ((m.start IS NULL OR m.start <= $day) AND (m.end IS NULL OR m.end >= $day)))
  RETURN u.id AS u
}
WITH h, count(u) AS k
ORDER BY k
WITH h.village AS village, collect(k) AS ks
WHERE size(ks) - 1 >= $min_peers
UNWIND ks AS k
WITH DISTINCT village, ks, k, size([x IN ks WHERE x < k]) AS i, size([x IN ks WHERE x = k]) AS copies
WITH k, copies, ks[0..i] + ks[i + 1..] AS peers
WITH k, copies, peers, size(peers) AS n
WITH k, copies, CASE WHEN n % 2 = 1 THEN toFloat(peers[n / 2])
                     ELSE (peers[n / 2 - 1] + peers[n / 2]) / 2.0 END AS median
WHERE k - median >= $excess
RETURN coalesce(sum(copies), 0) AS n
