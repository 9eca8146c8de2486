// Cross-check of mistargeted_households: registered, not exited households with measures
// active on $day none of whose types addresses the main cause (per the graph's
// (:MeasureType)-[:ADDRESSES]->(:Cause)); secondary_only when every type addresses another cause.
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
MATCH (h)-[:HAS_CAUSE {main: true}]->(mc:Cause)
WITH h, mc, COLLECT { MATCH (:Unit)-[:PROVIDES]->(m:Measure)-[:FOR]->(h) WHERE ($day IS NULL OR ((m.start IS NULL OR m.start <= $day) AND (m.end IS NULL OR m.end >= $day))) RETURN m.type } AS types
WHERE size(types) > 0
  AND NOT EXISTS { MATCH (t:MeasureType)-[:ADDRESSES]->(mc) WHERE t.code IN types }
WITH h, types, COLLECT { MATCH (h)-[:HAS_CAUSE {main: false}]->(o:Cause) RETURN o.code } AS others
WITH h, all(t IN types WHERE EXISTS {
  MATCH (:MeasureType {code: t})-[:ADDRESSES]->(c:Cause) WHERE c.code IN others }) AS sec
RETURN count(h) AS total, sum(CASE WHEN sec THEN 1 ELSE 0 END) AS secondary_only,
       sum(CASE WHEN sec THEN 0 ELSE 1 END) AS unaddressed
