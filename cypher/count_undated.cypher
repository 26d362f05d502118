// How many relations have no date: those a time window leaves out of a path search.
MATCH ()-[r]->()
WHERE r.date IS NULL
RETURN count(r) AS undated
