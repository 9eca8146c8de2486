// Each household's status at the end of $year: its latest StatusChange with year <= $year.
// A household with no recorded change at all counts with its current status from its
// registration year on (unknown registration year: always). Null: not registered yet.
CALL () {
  WITH $ids AS ids WHERE ids IS NOT NULL
  UNWIND ids AS k
  MATCH (h:Household {id: k})
  RETURN h
  UNION
  WITH $ids AS ids WHERE ids IS NULL
  MATCH (h:Household)
  RETURN h
}
CALL (h) {
  OPTIONAL MATCH (h)-[:STATUS_CHANGED]->(s:StatusChange)
  WITH s ORDER BY s.year DESC
  RETURN collect(s) AS changes
}
WITH h, changes, [s IN changes WHERE s.year <= $year] AS before
RETURN h.id AS household,
       CASE WHEN size(before) > 0 THEN before[0].status
            WHEN size(changes) = 0 AND coalesce(h.registered_year, $year) <= $year THEN h.status
            ELSE null END AS status
ORDER BY household
