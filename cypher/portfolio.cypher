// What entity $key invested in or backs: INVESTED_IN out of it and BACKED_BY into it.
// Time window: $since (inclusive) and $before (exclusive), ISO date prefixes or null. With a
// window, relations without a date are returned flagged `undated` (the caller counts and drops them).
MATCH (entity:Entity {key: $key})-[r:INVESTED_IN|BACKED_BY]-(company)
WHERE (type(r) = 'INVESTED_IN' AND startNode(r) = entity)
   OR (type(r) = 'BACKED_BY' AND endNode(r) = entity)
WITH company, r, ($since IS NOT NULL OR $before IS NOT NULL) AND r.date IS NULL AS undated
WHERE undated OR (($since IS NULL OR r.date >= $since) AND ($before IS NULL OR r.date < $before))
RETURN company.key AS key, company.name AS name, labels(company) AS labels, type(r) AS relation,
       r.amount_usd AS amount_usd, r.amount AS amount, r.round AS round, r.date AS date, r.led AS led,
       r.source_count AS source_count, r.conflicts AS conflicts, r.evidence AS evidence, undated
ORDER BY coalesce(date, '') DESC, name, relation
