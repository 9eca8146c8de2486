// Every node with its labels and properties (graph comparisons: round trips, aborted imports).
MATCH (n)
RETURN labels(n) AS labels, properties(n) AS props
