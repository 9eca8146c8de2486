// A county with its flags and the contiguous areas it belongs to (projection).
MATCH (c:County {code: $county})
RETURN c.code AS code, c.name AS name, coalesce(c.poverty_county, false) AS poverty_county,
       COLLECT { MATCH (c)-[:PART_OF]->(a:Area) RETURN a.code ORDER BY a.code } AS areas
