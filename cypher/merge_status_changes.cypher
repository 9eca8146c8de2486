// Yearly status history (dynamic adjustment). Rows: {household, year, status, date}.
// One change per household and year (the last of the year wins); never overwritten by a
// later year. Household.status keeps the latest status for quick reads.
UNWIND $rows AS r
MATCH (h:Household {id: r.household})
MERGE (s:StatusChange {key: r.household + ':' + toString(r.year)})
WITH h, s, r, s.status IS NULL AS created, s.status IS NOT NULL AND s.status <> r.status AS changed
SET s.household = r.household, s.year = r.year, s.status = r.status, s.date = r.date
MERGE (h)-[:STATUS_CHANGED]->(s)
WITH h, created, changed
CALL (h) {
  MATCH (h)-[:STATUS_CHANGED]->(x:StatusChange)
  WITH x ORDER BY x.year DESC LIMIT 1
  SET h.status = x.status
}
RETURN sum(toInteger(created)) AS created, sum(toInteger(changed)) AS updated
