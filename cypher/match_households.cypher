// Matching: a county's households that need a helper, with what the proposal must know.
// need = 'unassisted': no unit assists it now (ASSISTS with no `until` or `until` >= $today)
//        and no measure for it runs now (no `end` or `end` >= $today);
// need = 'mistargeted': helped, but no measure for it is of a type that addresses its main
//        cause, and no unit assisting it now has a skill (measure type) that does, while some
//        measure type could.
// Registered and not exited: status in $active. Locked households ($locked) are left out.
MATCH (h:Household {county: $county})-[:LIVES_IN]->(v:Village)
WHERE h.status IN $active AND NOT h.id IN $locked
OPTIONAL MATCH (h)-[:HAS_CAUSE {main: true}]->(mc:Cause)
CALL (h) {
  OPTIONAL MATCH (h)-[:HAS_CAUSE {main: false}]->(oc:Cause)
  RETURN collect(oc.code) AS others
}
CALL (h) {
  OPTIONAL MATCH (u:Unit)-[a:ASSISTS]->(h)
  WHERE a.until IS NULL OR a.until >= $today
  RETURN collect(DISTINCT u.id) AS helpers
}
WITH h, v, mc, others, helpers,
     CASE
       WHEN size(helpers) = 0
            AND NOT EXISTS { MATCH (m:Measure)-[:FOR]->(h) WHERE m.end IS NULL OR m.end >= $today }
            THEN 'unassisted'
       WHEN mc IS NOT NULL
            AND EXISTS { MATCH (:MeasureType)-[:ADDRESSES]->(mc) }
            AND NOT EXISTS { MATCH (h)<-[:FOR]-(:Measure)-[:OF_TYPE]->(:MeasureType)
                                   -[:ADDRESSES]->(mc) }
            AND NOT EXISTS { MATCH (u:Unit)-[a:ASSISTS]->(h)
                             WHERE (a.until IS NULL OR a.until >= $today)
                               AND EXISTS { MATCH (t:MeasureType)-[:ADDRESSES]->(mc)
                                            WHERE t.code IN coalesce(u.skills, []) } }
            THEN 'mistargeted'
     END AS need
WHERE need IS NOT NULL
RETURN h.id AS id, v.code AS village, h.county AS county, need, mc.code AS main_cause,
       others AS other_causes, helpers, coalesce(h.head_name, '') AS head_name
ORDER BY id
