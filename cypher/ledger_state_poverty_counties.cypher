// Listed counties as ledger rows. $keys: county codes, or null for all.
MATCH (c:County)
WHERE c.poverty_county IS NOT NULL AND ($keys IS NULL OR c.code IN $keys)
RETURN c.code AS code, c.poverty_county AS poverty_county, c.key_county AS key_county,
       c.poverty_exit AS exit_year
ORDER BY code
