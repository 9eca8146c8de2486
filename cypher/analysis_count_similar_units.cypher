// Cross-check of similar_units: pairs of units, each helping at least $min_households of a
// county's households on $day, whose household sets have Jaccard similarity >= $threshold.
MATCH (h:Household {county: $county})
WHERE $villages IS NULL OR any(p IN $villages WHERE h.village STARTS WITH p)
CALL (h) {
  MATCH (u:Unit)-[a:ASSISTS]->(h) WHERE ($day IS NULL OR ((a.since IS NULL OR a.since <= $day) AND (a.until IS NULL OR a.until >= $day))) RETURN u.id AS u
  UNION
  MATCH (u:Unit)-[:PROVIDES]->(m:Measure)-[:FOR]->(h) WHERE ($day IS NULL OR ((m.start IS NULL OR m.start <= $day) AND (m.end IS NULL OR m.end >= $day))) RETURN u.id AS u
}
WITH u, collect(h) AS hs
WHERE size(hs) >= $min_households
UNWIND hs AS h
WITH h, collect({u: u, n: size(hs)}) AS us
UNWIND us AS a
UNWIND us AS b
WITH a, b WHERE a.u < b.u
WITH a.u AS ua, b.u AS ub, a.n AS na, b.n AS nb, count(*) AS shared
WHERE toFloat(shared) / (na + nb - shared) >= $threshold - 1.0e-12
RETURN count(*) AS n
