// Units assisting a county as a whole (designated units, east-west partners) (projection).
MATCH (u:Unit)-[a:ASSISTS]->(c:County {code: $county})
RETURN u.id AS unit, u.kind AS kind, u.name AS name, c.code AS county, a.since AS since,
       a.until AS until, a.role AS role
ORDER BY unit
