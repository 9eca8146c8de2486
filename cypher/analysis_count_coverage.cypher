// Cross-check of coverage_counts: per year of $years, a county's households (optionally within
// village prefixes) registered by the end of the year, those not exited, those of them helped
// directly and targeted (an active measure's type addresses the main cause) on 31 December,
// entries, exits and returns that year, and the cost of measures started that year.
MATCH (h:Household {county: $county})
WHERE $villages IS NULL OR any(p IN $villages WHERE h.village STARTS WITH p)
WITH h, EXISTS { (h)-[:STATUS_CHANGED]->(:StatusChange) } AS has_history,
     COLLECT { MATCH (h)-[:STATUS_CHANGED]->(s:StatusChange) RETURN s.year ORDER BY s.year LIMIT 1 }[0] AS first
UNWIND $years AS y
WITH h, y, has_history, coalesce(first, h.registered_year) AS first, date({year: y, month: 12, day: 31}) AS day,
     CASE
       WHEN has_history
         THEN COLLECT { MATCH (h)-[:STATUS_CHANGED]->(s:StatusChange) WHERE s.year <= y
                        RETURN s.status ORDER BY s.year DESC LIMIT 1 }[0]
       WHEN coalesce(h.registered_year, 0) <= y THEN h.status
     END AS st
WHERE st IS NOT NULL
WITH h, y, day, first, st, st IN $active AS poor
RETURN y AS year, count(h) AS households, sum(CASE WHEN poor THEN 1 ELSE 0 END) AS in_poverty,
       sum(CASE WHEN poor AND (
             EXISTS { MATCH (:Unit)-[a:ASSISTS]->(h)
                      WHERE (a.since IS NULL OR a.since <= day) AND (a.until IS NULL OR a.until >= day) }
             OR EXISTS { MATCH (:Unit)-[:PROVIDES]->(m:Measure)-[:FOR]->(h)
                         WHERE (m.start IS NULL OR m.start <= day) AND (m.end IS NULL OR m.end >= day) })
           THEN 1 ELSE 0 END) AS assisted,
       sum(CASE WHEN poor AND EXISTS {
             MATCH (:Unit)-[:PROVIDES]->(m:Measure)-[:FOR]->(h),
                   (h)-[:HAS_CAUSE {main: true}]->(c:Cause)<-[:ADDRESSES]-(t:MeasureType)
             WHERE t.code = m.type
               AND (m.start IS NULL OR m.start <= day) AND (m.end IS NULL OR m.end >= day) }
           THEN 1 ELSE 0 END) AS targeted,
       sum(CASE WHEN first = y THEN 1 ELSE 0 END) AS entries,
       sum(COUNT { (h)-[:STATUS_CHANGED]->(s:StatusChange) WHERE s.year = y AND s.status = '脱贫' }) AS exits,
       sum(COUNT { (h)-[:STATUS_CHANGED]->(s:StatusChange) WHERE s.year = y AND s.status = '返贫' }) AS returns,
       sum(reduce(t = 0, c IN COLLECT { MATCH (:Unit)-[:PROVIDES]->(m:Measure)-[:FOR]->(h)
                                        WHERE m.start.year = y RETURN coalesce(m.cost, 0) }
                  | t + c)) AS cost
ORDER BY year
