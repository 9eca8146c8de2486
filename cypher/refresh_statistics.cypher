// After a bulk write: resample the indexes whose statistics are out of date, wait for it, and
// clear the query caches, so the next queries are planned on the data as it now is (a plan
// made while a registry was being written can be thousands of times slower).
CALL db.prepareForReplanning(300)
