// Cross-check: pairs of measures of one type for one household from two different units in
// overlapping periods (an open end counts as still running).
MATCH (ua:Unit)-[:PROVIDES]->(a:Measure)-[:FOR]->(h:Household {county: $county}),
      (ub:Unit)-[:PROVIDES]->(b:Measure)-[:FOR]->(h)
WHERE a.id < b.id AND a.type = b.type AND ua <> ub
  AND a.start <= coalesce(b.end, date('9999-12-31'))
  AND b.start <= coalesce(a.end, date('9999-12-31'))
RETURN count(*) AS n
