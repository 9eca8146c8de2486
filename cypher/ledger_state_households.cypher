// Households as ledger rows (export, and the comparison that makes imports idempotent).
// $keys: household ids, or null for all (keys are looked up by index).
CALL () {
  WITH $keys AS keys WHERE keys IS NOT NULL
  UNWIND keys AS k
  MATCH (h:Household {id: k})
  RETURN h
  UNION
  WITH $keys AS keys WHERE keys IS NULL
  MATCH (h:Household)
  RETURN h
}
CALL (h) {
  OPTIONAL MATCH (h)-[:HAS_CAUSE {main: true}]->(c:Cause)
  RETURN min(c.code) AS main_cause
}
CALL (h) {
  OPTIONAL MATCH (h)-[:HAS_CAUSE {main: false}]->(c:Cause)
  WITH c ORDER BY c.code
  RETURN collect(c.code) AS other_causes
}
RETURN h.id AS id, h.village AS village, h.head_name AS head_name, h.size AS size,
       h.attribute AS attribute, h.standard AS standard, h.status AS status,
       h.registered_year AS registered_year, h.income AS income, main_cause, other_causes
ORDER BY id
