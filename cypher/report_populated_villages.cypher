// The villages of a county with a known population (户籍人口), households or not: the
// denominator of poverty incidence covers every village of a place.
MATCH (v:Village {county: $county})
WHERE v.population IS NOT NULL
RETURN v.code AS code, v.population AS population
ORDER BY code
