// The households each given person key is a member of (duplicate-identity check).
UNWIND $pids AS pid
MATCH (p:Person {pid: pid})-[:MEMBER_OF]->(h:Household)
RETURN pid, h.id AS household
