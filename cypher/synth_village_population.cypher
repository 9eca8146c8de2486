// Generated village populations (户籍人口) from rows {code, population, year}.
UNWIND $rows AS r
MATCH (v:Village {code: r.code})
WITH v, r, v.population IS NULL OR v.population <> r.population AS changed
SET v.population = r.population, v.population_year = r.year
RETURN 0 AS created, sum(toInteger(changed)) AS updated
