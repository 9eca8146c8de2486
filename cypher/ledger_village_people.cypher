// People registered (sum of household sizes) in each of the given villages that has any.
UNWIND $codes AS code
MATCH (h:Household)-[:LIVES_IN]->(:Village {code: code})
RETURN code, sum(h.size) AS people
