// How many division nodes of each level the graph holds.
CALL { MATCH (n:Province) RETURN count(n) AS provinces }
CALL { MATCH (n:City) RETURN count(n) AS cities }
CALL { MATCH (n:County) RETURN count(n) AS counties }
CALL { MATCH (n:Township) RETURN count(n) AS townships }
CALL { MATCH (n:Village) RETURN count(n) AS villages }
RETURN provinces, cities, counties, townships, villages
