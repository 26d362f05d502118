// Investors sharing investments with entity $key, most shared investments first.
// A shared investment is a company both fund (INVESTED_IN it, or it is BACKED_BY them); within a
// window ($since inclusive, $before exclusive) both relations must be dated inside it (the event
// date, else the date first reported). `undated` counts shared companies left out because one of
// the two relations has neither date.
MATCH (me:Entity {key: $key})-[mine:INVESTED_IN|BACKED_BY]-(company)
WHERE (type(mine) = 'INVESTED_IN' AND startNode(mine) = me)
   OR (type(mine) = 'BACKED_BY' AND endNode(mine) = me)
MATCH (company)-[theirs:INVESTED_IN|BACKED_BY]-(other)
WHERE other <> me
  AND ((type(theirs) = 'INVESTED_IN' AND endNode(theirs) = company)
    OR (type(theirs) = 'BACKED_BY' AND startNode(theirs) = company))
WITH other, company, coalesce(mine.date, mine.first_reported) AS my_date,
     coalesce(theirs.date, theirs.first_reported) AS their_date
WITH other, company,
     ($since IS NOT NULL OR $before IS NOT NULL) AND (my_date IS NULL OR their_date IS NULL) AS undated,
     ($since IS NULL OR (my_date >= $since AND their_date >= $since))
       AND ($before IS NULL OR (my_date < $before AND their_date < $before)) AS inside
WITH other,
     collect(DISTINCT CASE WHEN inside THEN company.name END) AS shared,
     collect(DISTINCT CASE WHEN undated THEN company.key END) AS undated_companies
RETURN other.key AS key, other.name AS name, labels(other) AS labels, size(shared) AS shared_count,
       shared, size(undated_companies) AS undated
ORDER BY shared_count DESC, name
