CALL { MATCH (c:Cause) RETURN count(c) AS causes }
CALL { MATCH (m:MeasureType) RETURN count(m) AS measure_types }
CALL { MATCH (:MeasureType)-[a:ADDRESSES]->(:Cause) RETURN count(a) AS addresses }
RETURN causes, measure_types, addresses
