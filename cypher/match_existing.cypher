// Matching (apply): which of the named households ($households) exist, and which of the
// pairs ($rows: {unit, household}) already have a current ASSISTS relationship.
CALL () {
  UNWIND $households AS id
  MATCH (h:Household {id: id})
  RETURN collect(h.id) AS households
}
CALL () {
  UNWIND $rows AS r
  MATCH (u:Unit {id: r.unit})-[a:ASSISTS]->(h:Household {id: r.household})
  WHERE a.until IS NULL OR a.until >= $today
  RETURN collect(DISTINCT [u.id, h.id]) AS pairs
}
RETURN households, pairs
