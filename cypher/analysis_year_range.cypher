// The first registration year and the last status-history year of some counties' households.
MATCH (h:Household) WHERE h.county IN $counties
OPTIONAL CALL (h) {
  MATCH (h)-[:STATUS_CHANGED]->(s:StatusChange) RETURN max(s.year) AS changed
}
RETURN min(h.registered_year) AS first, max(changed) AS last,
       max(h.registered_year) AS last_registered
