// Cross-check of household_gaps: registered, not exited households (status as of $year from
// the status history; $year null: current status) of a county, optionally within village or
// township code prefixes, with no direct help active on $day (null: any time), by level.
MATCH (h:Household {county: $county})
WHERE $villages IS NULL OR any(p IN $villages WHERE h.village STARTS WITH p)
WITH h, CASE
  WHEN $year IS NULL THEN h.status
  WHEN EXISTS { (h)-[:STATUS_CHANGED]->(:StatusChange) }
    THEN COLLECT { MATCH (h)-[:STATUS_CHANGED]->(s:StatusChange) WHERE s.year <= $year
                   RETURN s.status ORDER BY s.year DESC LIMIT 1 }[0]
  WHEN coalesce(h.registered_year, 0) <= $year THEN h.status
END AS st
WITH h WHERE st IN $active
WITH h,
  EXISTS { MATCH (:Unit)-[a:ASSISTS]->(h) WHERE ($day IS NULL OR ((a.since IS NULL OR a.since <= $day) AND (a.until IS NULL OR a.until >= $day))) }
  OR EXISTS { MATCH (:Unit)-[:PROVIDES]->(m:Measure)-[:FOR]->(h) WHERE ($day IS NULL OR ((m.start IS NULL OR m.start <= $day) AND (m.end IS NULL OR m.end >= $day))) } AS helped,
  EXISTS { MATCH (:Unit)-[a:ASSISTS]->(h) WHERE a.until < $day }
  OR EXISTS { MATCH (:Unit)-[:PROVIDES]->(m:Measure)-[:FOR]->(h) WHERE m.end < $day } AS ended,
  EXISTS { MATCH (:Unit)-[a:ASSISTS]->(:Village {code: h.village}) WHERE ($day IS NULL OR ((a.since IS NULL OR a.since <= $day) AND (a.until IS NULL OR a.until >= $day))) } AS village_help
WHERE NOT helped
RETURN count(h) AS total,
       sum(CASE WHEN ended THEN 1 ELSE 0 END) AS ended,
       sum(CASE WHEN NOT ended AND village_help THEN 1 ELSE 0 END) AS village_only,
       sum(CASE WHEN NOT ended AND NOT village_help THEN 1 ELSE 0 END) AS none
