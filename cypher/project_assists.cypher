// Units assisting a county's households directly (projection).
MATCH (u:Unit)-[a:ASSISTS]->(h:Household {county: $county})
RETURN u.id AS unit, u.kind AS kind, u.name AS name, h.id AS household, a.since AS since,
       a.until AS until, a.role AS role
ORDER BY unit, household
