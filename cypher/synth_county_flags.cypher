// County flags from a poverty-county list: poverty_county, and the contiguous area
// ((:County)-[:PART_OF]->(:Area)) when one is given. Rows: {code, poverty_county, area, area_name}.
UNWIND $rows AS r
MATCH (c:County {code: r.code})
WITH c, r, coalesce(c.poverty_county, false) <> r.poverty_county AS changed
SET c.poverty_county = r.poverty_county
WITH c, r, changed
CALL (c, r) {
  WITH c, r WHERE r.area IS NOT NULL
  MERGE (a:Area {code: r.area})
  ON CREATE SET a.name = r.area_name
  MERGE (c)-[:PART_OF]->(a)
}
RETURN 0 AS created, sum(toInteger(changed)) AS updated
