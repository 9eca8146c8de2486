MATCH (h:Household) RETURN count(h) AS n
