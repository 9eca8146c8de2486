// The unit-overlap network of a county: pairs of units that help (assist, or give a measure
// to) the same households, with how many households they share. Rows {a, b, shared} with a, b
// unit maps {id, name, kind}, a.id < b.id.
MATCH (h:Household {county: $county})
CALL (h) {
  MATCH (u:Unit)-[:ASSISTS]->(h) RETURN u
  UNION
  MATCH (u:Unit)-[:PROVIDES]->(:Measure)-[:FOR]->(h) RETURN u
}
WITH h, collect(u) AS us
UNWIND us AS a
UNWIND us AS b
WITH a, b, h WHERE a.id < b.id
WITH a, b, count(h) AS shared
WHERE shared >= $min_shared
RETURN a {.id, .name, .kind} AS a, b {.id, .name, .kind} AS b, shared
ORDER BY shared DESC, a.id, b.id
