// The name of a place of the given level (village, township, county, area, province) and code.
CALL () {
  MATCH (n:Village {code: $code}) WHERE $level = 'village' RETURN n.name AS name
  UNION
  MATCH (n:Township {code: $code}) WHERE $level = 'township' RETURN n.name AS name
  UNION
  MATCH (n:County {code: $code}) WHERE $level = 'county' RETURN n.name AS name
  UNION
  MATCH (n:Area {code: $code}) WHERE $level = 'area' RETURN n.name AS name
  UNION
  MATCH (n:Province {code: $code}) WHERE $level = 'province' RETURN n.name AS name
}
RETURN name
