MATCH (f:PlantedFault) RETURN f.kind AS kind, f.household AS household, f.detail AS detail
ORDER BY kind, household, detail
