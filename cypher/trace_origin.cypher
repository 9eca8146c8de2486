// The county an entity belongs to and whether it holds a generated (synthetic) registry: facts
// there that no import batch wrote came from `graphreg generate`.
MATCH (n) WHERE elementId(n) = $element
OPTIONAL MATCH (c:County {code: CASE WHEN n:County THEN n.code ELSE n.county END})
RETURN c.code AS county, c.synthetic IS NOT NULL AS synthetic
