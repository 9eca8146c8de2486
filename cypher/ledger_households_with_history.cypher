// Of $keys (household ids), those that have a status history (any StatusChange): their
// status follows the latest StatusChange and a households file's status column is ignored.
UNWIND $keys AS k
MATCH (h:Household {id: k})
WHERE EXISTS { (h)-[:STATUS_CHANGED]->(:StatusChange) }
RETURN h.id AS id
