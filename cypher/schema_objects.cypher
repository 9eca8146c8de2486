// Constraints and indexes, for checking that the schema is in place.
SHOW INDEXES YIELD name, type, labelsOrTypes, properties
RETURN name, type, labelsOrTypes, properties ORDER BY name
