// Units assisting a county's villages (work teams, enterprises) (projection).
MATCH (u:Unit)-[a:ASSISTS]->(v:Village {county: $county})
RETURN u.id AS unit, u.kind AS kind, u.name AS name, v.code AS village, a.since AS since,
       a.until AS until, a.role AS role
ORDER BY unit, village
