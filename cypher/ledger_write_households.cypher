// Households from a ledger, with village and causes, and provenance (batch, row, WROTE).
// Rows: {batch, row, action, id, village, head_name, size, attribute, standard, status,
// registered_year, income, main_cause, other_causes}. The county is the village's county;
// a blank status keeps the household's status (未脱贫 for a new one); a household with a
// status history (StatusChange) keeps the status of its latest change: the file's status is ignored.
UNWIND $rows AS r
MATCH (b:Batch {id: r.batch})
MATCH (v:Village {code: r.village})
MERGE (h:Household {id: r.id})
SET h.village = r.village, h.county = v.county, h.head_name = r.head_name, h.size = r.size,
    h.attribute = r.attribute, h.standard = r.standard,
    h.status = CASE WHEN EXISTS { (h)-[:STATUS_CHANGED]->(:StatusChange) } THEN h.status
                    ELSE coalesce(r.status, h.status, '未脱贫') END,
    h.registered_year = r.registered_year, h.income = r.income, h.batch = r.batch, h.row = r.row
MERGE (b)-[w:WROTE {row: r.row}]->(h)
SET w.action = r.action
WITH h, v, r
CALL (h, v) {
  MATCH (h)-[old:LIVES_IN]->(o:Village) WHERE o <> v
  DELETE old
}
MERGE (h)-[l:LIVES_IN]->(v)
SET l.batch = r.batch, l.row = r.row
WITH h, r
CALL (h, r) {
  MATCH (h)-[old:HAS_CAUSE]->(c:Cause) WHERE NOT c.code IN [r.main_cause] + r.other_causes
  DELETE old
}
CALL (h, r) {
  MATCH (c:Cause {code: r.main_cause})
  MERGE (h)-[hc:HAS_CAUSE]->(c)
  SET hc.main = true, hc.batch = r.batch, hc.row = r.row
}
CALL (h, r) {
  UNWIND r.other_causes AS oc
  MATCH (c:Cause {code: oc})
  MERGE (h)-[hc:HAS_CAUSE]->(c)
  SET hc.main = false, hc.batch = r.batch, hc.row = r.row
}
RETURN count(*) AS written
