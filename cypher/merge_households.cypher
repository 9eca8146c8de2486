// Households with their village and causes. Rows: {id, village, county, head_name, size,
// attribute, standard, status, registered_year, income, main_cause, other_causes}.
UNWIND $rows AS r
MATCH (v:Village {code: r.village})
MERGE (h:Household {id: r.id})
WITH h, v, r, h.village IS NULL AS created
SET h.village = r.village, h.county = r.county, h.head_name = r.head_name, h.size = r.size,
    h.attribute = r.attribute, h.standard = r.standard, h.status = r.status,
    h.registered_year = r.registered_year, h.income = r.income
MERGE (h)-[:LIVES_IN]->(v)
WITH h, r, created
CALL (h, r) {
  MATCH (c:Cause {code: r.main_cause})
  MERGE (h)-[hc:HAS_CAUSE]->(c)
  SET hc.main = true
}
CALL (h, r) {
  UNWIND r.other_causes AS oc
  MATCH (c:Cause {code: oc})
  MERGE (h)-[hc:HAS_CAUSE]->(c)
  SET hc.main = false
}
RETURN sum(toInteger(created)) AS created, 0 AS updated
