// Which of the given household ids, unit ids and county codes are not in the graph.
RETURN [x IN $households WHERE NOT EXISTS { MATCH (:Household {id: x}) }] AS households,
       [x IN $units WHERE NOT EXISTS { MATCH (:Unit {id: x}) }] AS units,
       [x IN $counties WHERE NOT EXISTS { MATCH (:County {code: x}) }] AS counties
