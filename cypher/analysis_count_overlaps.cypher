// Cross-check of overlapping_help: pairs of same-type measures for one household of a county
// from two different units in overlapping periods (open end: still running), both active on
// $day when it is given.
MATCH (ua:Unit)-[:PROVIDES]->(a:Measure)-[:FOR]->(h:Household {county: $county}),
      (ub:Unit)-[:PROVIDES]->(b:Measure)-[:FOR]->(h)
WHERE ($villages IS NULL OR any(p IN $villages WHERE h.village STARTS WITH p))
  AND a.id < b.id AND a.type = b.type AND ua <> ub
  AND coalesce(a.start, date('0001-01-01')) <= coalesce(b.end, date('9999-12-31'))
  AND coalesce(b.start, date('0001-01-01')) <= coalesce(a.end, date('9999-12-31'))
  AND ($day IS NULL OR ((a.start IS NULL OR a.start <= $day) AND (a.end IS NULL OR a.end >= $day)
       AND (b.start IS NULL OR b.start <= $day) AND (b.end IS NULL OR b.end >= $day)))
RETURN count(*) AS n
