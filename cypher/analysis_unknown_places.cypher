// Which of the filter codes name nothing in the graph: counties, villages or townships, the
// contiguous area, the province.
RETURN [x IN $counties WHERE NOT EXISTS { MATCH (:County {code: x}) }] AS counties,
       [x IN $villages WHERE NOT EXISTS { MATCH (:Village {code: x}) }
                         AND NOT EXISTS { MATCH (:Township {code: x}) }] AS villages,
       [x IN $areas WHERE NOT EXISTS { MATCH (:Area {code: x}) }] AS areas,
       [x IN $provinces WHERE NOT EXISTS { MATCH (:Province {code: x}) }] AS provinces
