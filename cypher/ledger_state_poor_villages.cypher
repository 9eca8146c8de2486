// Listed villages as ledger rows. $keys: village codes, or null for all.
MATCH (v:Village)
WHERE v.poor IS NOT NULL AND ($keys IS NULL OR v.code IN $keys)
RETURN v.code AS code, v.poor AS poor, v.poor_since AS since, v.poor_exit AS exit_year
ORDER BY code
