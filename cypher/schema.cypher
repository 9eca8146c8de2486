// The graph's schema: one uniqueness constraint per business key, indexes the queries use.
// Every statement is IF NOT EXISTS, so applying the schema twice changes nothing.
CREATE CONSTRAINT province_code IF NOT EXISTS FOR (n:Province) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT city_code IF NOT EXISTS FOR (n:City) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT county_code IF NOT EXISTS FOR (n:County) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT township_code IF NOT EXISTS FOR (n:Township) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT village_code IF NOT EXISTS FOR (n:Village) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT area_code IF NOT EXISTS FOR (n:Area) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT household_id IF NOT EXISTS FOR (n:Household) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_pid IF NOT EXISTS FOR (n:Person) REQUIRE n.pid IS UNIQUE;
CREATE CONSTRAINT cause_code IF NOT EXISTS FOR (n:Cause) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT measure_type_code IF NOT EXISTS FOR (n:MeasureType) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT unit_id IF NOT EXISTS FOR (n:Unit) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT measure_id IF NOT EXISTS FOR (n:Measure) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT batch_id IF NOT EXISTS FOR (n:Batch) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT status_change_key IF NOT EXISTS FOR (n:StatusChange) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT planted_fault_key IF NOT EXISTS FOR (n:PlantedFault) REQUIRE n.key IS UNIQUE;
CREATE INDEX household_status IF NOT EXISTS FOR (n:Household) ON (n.status);
CREATE INDEX village_poor IF NOT EXISTS FOR (n:Village) ON (n.poor);
CREATE INDEX county_poverty IF NOT EXISTS FOR (n:County) ON (n.poverty_county);
CREATE INDEX unit_kind IF NOT EXISTS FOR (n:Unit) ON (n.kind);
CREATE INDEX measure_type IF NOT EXISTS FOR (n:Measure) ON (n.type);
CREATE INDEX village_name IF NOT EXISTS FOR (n:Village) ON (n.name);
CREATE INDEX household_county IF NOT EXISTS FOR (n:Household) ON (n.county);
CREATE INDEX unit_county IF NOT EXISTS FOR (n:Unit) ON (n.county);
