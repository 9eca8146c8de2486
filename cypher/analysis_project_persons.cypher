// Members of a county's households, with any households in other counties they are also
// listed in (projection).
MATCH (p:Person)-[:MEMBER_OF]->(h:Household {county: $county})
RETURN p.pid AS pid, p.masked AS masked, h.id AS household,
       COLLECT { MATCH (p)-[:MEMBER_OF]->(o:Household) WHERE o.county <> $county RETURN o.id } AS elsewhere
ORDER BY pid, household
