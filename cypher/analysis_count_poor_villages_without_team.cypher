// Cross-check of poor_villages_without_team: villages of a county marked poor that no unit
// of $team_kinds assists on $day.
MATCH (v:Village {county: $county})
WHERE v.poor = true
  AND ($villages IS NULL OR any(p IN $villages WHERE v.code STARTS WITH p))
  AND NOT EXISTS { MATCH (u:Unit)-[a:ASSISTS]->(v) WHERE u.kind IN $team_kinds AND ($day IS NULL OR ((a.since IS NULL OR a.since <= $day) AND (a.until IS NULL OR a.until >= $day))) }
RETURN count(v) AS n
