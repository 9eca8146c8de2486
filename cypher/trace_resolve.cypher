// What an ID names: a household id, unit id, measure id or division code. Rows
// {kind, key, name, element} (element: the node's elementId, used by trace_path).
CALL () {
  MATCH (n:Household {id: $id}) RETURN n
  UNION MATCH (n:Unit {id: $id}) RETURN n
  UNION MATCH (n:Measure {id: $id}) RETURN n
  UNION MATCH (n:Village {code: $id}) RETURN n
  UNION MATCH (n:Township {code: $id}) RETURN n
  UNION MATCH (n:County {code: $id}) RETURN n
  UNION MATCH (n:City {code: $id}) RETURN n
  UNION MATCH (n:Province {code: $id}) RETURN n
}
RETURN labels(n)[0] AS kind, coalesce(n.id, n.code) AS key,
       coalesce(n.name, n.head_name + '户', n.id) AS name, elementId(n) AS element
ORDER BY kind
