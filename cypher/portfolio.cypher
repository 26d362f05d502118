// What entity $key invested in or backs: INVESTED_IN out of it and BACKED_BY into it.
// Time window: $since (inclusive) and $before (exclusive), ISO date prefixes or null, on the event
// date, else the date the relation was first reported. With a window, relations with neither are
// returned flagged `undated` (the caller counts and drops them).
MATCH (entity:Entity {key: $key})-[r:INVESTED_IN|BACKED_BY]-(company)
WHERE (type(r) = 'INVESTED_IN' AND startNode(r) = entity)
   OR (type(r) = 'BACKED_BY' AND endNode(r) = entity)
WITH company, r, coalesce(r.date, r.first_reported) AS dated
WITH company, r, dated, ($since IS NOT NULL OR $before IS NOT NULL) AND dated IS NULL AS undated
WHERE undated OR (($since IS NULL OR dated >= $since) AND ($before IS NULL OR dated < $before))
RETURN company.key AS key, company.name AS name, labels(company) AS labels, type(r) AS relation,
       r.amount_usd AS amount_usd, r.amount AS amount, r.round AS round, r.date AS date,
       r.first_reported AS first_reported, r.led AS led, r.source_count AS source_count,
       r.conflicts AS conflicts, r.evidence AS evidence, undated
ORDER BY coalesce(date, first_reported, '') DESC, name, relation
