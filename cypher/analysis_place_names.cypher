// Names of townships, counties and villages by code (for report rows).
CALL () {
  MATCH (n:Township) WHERE n.code IN $codes RETURN n.code AS code, n.name AS name
  UNION
  MATCH (n:County) WHERE n.code IN $codes RETURN n.code AS code, n.name AS name
  UNION
  MATCH (n:Village) WHERE n.code IN $codes RETURN n.code AS code, n.name AS name
}
RETURN code, name ORDER BY code
