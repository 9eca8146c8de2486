// Records which generator run (seed, size, rates, selection) wrote a county's registry.
UNWIND $rows AS r
MATCH (c:County {code: r.county})
SET c.synthetic = r.fingerprint
RETURN 0 AS created, count(c) AS updated
