// Whether a household, unit or village with this key exists (for `graphreg history`).
OPTIONAL MATCH (h:Household {id: $id}) WHERE $subject = 'household'
OPTIONAL MATCH (u:Unit {id: $id}) WHERE $subject = 'unit'
OPTIONAL MATCH (v:Village {code: $id}) WHERE $subject = 'village'
RETURN coalesce(h, u, v) IS NOT NULL AS found
