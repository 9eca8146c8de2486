// Cross-check of poverty_counties_without_designated: 1 when the county is a poverty county
// that no unit of $kinds assists on $day, else 0.
MATCH (c:County {code: $county})
WHERE c.poverty_county = true
  AND NOT EXISTS { MATCH (u:Unit)-[a:ASSISTS]->(c) WHERE u.kind IN $kinds AND ($day IS NULL OR ((a.since IS NULL OR a.since <= $day) AND (a.until IS NULL OR a.until >= $day))) }
RETURN count(c) AS n
