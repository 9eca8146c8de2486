// Division rows → (:Province). Returns how many were created and renamed.
UNWIND $rows AS r
MERGE (n:Province {code: r.code})
WITH n, r, n.name IS NULL AS created, n.name IS NOT NULL AND n.name <> r.name AS changed
SET n.name = r.name
RETURN sum(toInteger(created)) AS created, sum(toInteger(changed)) AS updated
