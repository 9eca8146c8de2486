// Every relationship with its type, its ends' keys and its properties.
MATCH (a)-[r]->(b)
RETURN type(r) AS type, labels(a) AS from_labels,
       coalesce(a.id, a.code, a.pid, a.key) AS from_key, labels(b) AS to_labels,
       coalesce(b.id, b.code, b.pid, b.key) AS to_key, properties(r) AS props
