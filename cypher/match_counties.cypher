// Matching: the counties that have registered, not exited households (status in $active).
MATCH (h:Household)
WHERE h.status IN $active
RETURN DISTINCT h.county AS county
ORDER BY county
