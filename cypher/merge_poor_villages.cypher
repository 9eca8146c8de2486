// Marks villages as poor (贫困村) from rows {code, poor, since}.
UNWIND $rows AS r
MATCH (v:Village {code: r.code})
WITH v, r, coalesce(v.poor, false) <> r.poor AS changed
SET v.poor = r.poor, v.poor_since = r.since
RETURN 0 AS created, sum(toInteger(changed)) AS updated
