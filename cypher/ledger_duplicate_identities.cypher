// People (same ID-number hash) listed as members of more than one household.
MATCH (p:Person)-[:MEMBER_OF]->(h:Household)
WITH p, collect(h.id) AS households
WHERE size(households) > 1
UNWIND households AS hid
WITH p, hid ORDER BY hid
RETURN p.pid AS pid, p.masked AS masked, p.name AS name, collect(hid) AS households
ORDER BY masked, pid
