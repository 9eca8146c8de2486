// Shortest paths between two nodes (elementIds $a and $b) through help and geography,
// direction ignored. One row per path: nodes as {kind, props}, rels as {rel, props, from, to}
// with from/to the positions of its start and end node in the nodes list.
MATCH (a) WHERE elementId(a) = $a
MATCH (b) WHERE elementId(b) = $b
MATCH p = allShortestPaths((a)-[:ASSISTS|LIVES_IN|IN|BASED_IN|PROVIDES|FOR*..12]-(b))
WITH p LIMIT $limit
WITH nodes(p) AS ns, relationships(p) AS rs
RETURN [n IN ns | {kind: CASE WHEN n:Unit THEN 'Unit:' + coalesce(n.kind, '') ELSE labels(n)[0] END,
                   props: properties(n)}] AS nodes,
       [r IN rs | {rel: type(r), props: properties(r),
                   from: [i IN range(0, size(ns) - 1) WHERE ns[i] = startNode(r)][0],
                   to: [i IN range(0, size(ns) - 1) WHERE ns[i] = endNode(r)][0]}] AS rels
