// Members as ledger rows, one per membership; a membership of a person who belongs to another
// household first carries its own relation. Those extra memberships come last, so that
// importing the export again gives every person the same first household. $keys: household
// ids, or null for all (keys are looked up by index).
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
MATCH (p:Person)-[m:MEMBER_OF]->(h)
RETURN h.id AS household, p.name AS name,
       CASE m.relation WHEN '' THEN null ELSE coalesce(m.relation, p.relation) END AS relation,
       p.birth_year AS birth_year, p.pid AS pid, p.masked AS masked
ORDER BY m.relation IS NOT NULL, household, p.relation <> '户主', birth_year, pid
