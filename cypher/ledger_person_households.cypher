// The households each given person key is a member of; extra: a membership added to a
// person whose home household is another one (it carries its own relation).
UNWIND $pids AS pid
MATCH (p:Person {pid: pid})-[m:MEMBER_OF]->(h:Household)
RETURN pid, h.id AS household, m.relation IS NOT NULL AS extra
