// Matching (apply): capacity and current load of the named units ($ids); current ASSISTS to
// households have no `until` or `until` >= $today.
UNWIND $ids AS id
MATCH (u:Unit {id: id})
CALL (u) {
  OPTIONAL MATCH (u)-[a:ASSISTS]->(h:Household)
  WHERE a.until IS NULL OR a.until >= $today
  RETURN count(DISTINCT h) AS load
}
RETURN u.id AS id, coalesce(u.capacity, 0) AS capacity, load
