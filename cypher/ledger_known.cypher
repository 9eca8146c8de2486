// Which of the given codes exist in the graph, by kind (reference checks before an import).
CALL () { UNWIND $villages AS c MATCH (n:Village {code: c}) RETURN collect(n.code) AS villages }
CALL () { UNWIND $townships AS c MATCH (n:Township {code: c}) RETURN collect(n.code) AS townships }
CALL () { UNWIND $counties AS c MATCH (n:County {code: c}) RETURN collect(n.code) AS counties }
CALL () { UNWIND $households AS c MATCH (n:Household {id: c}) RETURN collect(n.id) AS households }
CALL () { UNWIND $units AS c MATCH (n:Unit {id: c}) RETURN collect(n.id) AS units }
RETURN villages, townships, counties, households, units
