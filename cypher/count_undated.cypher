// How many relations have no date (neither an event date nor a first-reported date): those a
// time window leaves out of a path search.
MATCH ()-[r]->()
WHERE r.date IS NULL AND r.first_reported IS NULL
RETURN count(r) AS undated
