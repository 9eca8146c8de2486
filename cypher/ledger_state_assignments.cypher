// Assignments as ledger rows. $keys: unit ids, or null for all (keys are looked up by index).
CALL () {
  WITH $keys AS keys WHERE keys IS NOT NULL
  UNWIND keys AS k
  MATCH (u:Unit {id: k})
  RETURN u
  UNION
  WITH $keys AS keys WHERE keys IS NULL
  MATCH (u:Unit)
  RETURN u
}
MATCH (u)-[a:ASSISTS]->(t)
WITH u, a, t, CASE WHEN t:Household THEN 'household' WHEN t:Village THEN 'village'
                   ELSE 'county' END AS level
RETURN u.id AS unit, level, CASE level WHEN 'household' THEN t.id ELSE t.code END AS target,
       a.since AS since, a.until AS until, a.role AS role
ORDER BY unit, level, target
