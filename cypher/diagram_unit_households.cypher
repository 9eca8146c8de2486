// How many households of a county each unit helps (assists or gives a measure to).
MATCH (h:Household {county: $county})
CALL (h) {
  MATCH (u:Unit)-[:ASSISTS]->(h) RETURN u
  UNION
  MATCH (u:Unit)-[:PROVIDES]->(:Measure)-[:FOR]->(h) RETURN u
}
RETURN u.id AS id, count(DISTINCT h) AS households
