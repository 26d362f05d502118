// Every relation of entity $key, in and out, with the entity at the other end and the evidence.
// Time window: $since (inclusive) and $before (exclusive), ISO date prefixes or null, on the event
// date, else the date the relation was first reported. With a window, relations with neither are
// returned flagged `undated` (the caller counts and drops them).
MATCH (entity:Entity {key: $key})-[r]-(other)
WITH entity, r, other, coalesce(r.date, r.first_reported) AS dated
WITH entity, r, other, dated, ($since IS NOT NULL OR $before IS NOT NULL) AND dated IS NULL AS undated
WHERE undated OR (($since IS NULL OR dated >= $since) AND ($before IS NULL OR dated < $before))
RETURN type(r) AS relation, CASE WHEN startNode(r) = entity THEN 'out' ELSE 'in' END AS direction,
       other.key AS key, other.name AS name, labels(other) AS labels,
       r.amount_usd AS amount_usd, r.amount AS amount, r.round AS round, r.date AS date,
       r.first_reported AS first_reported, r.led AS led, r.source_count AS source_count,
       r.conflicts AS conflicts, r.evidence AS evidence, undated
ORDER BY relation, direction, coalesce(date, first_reported, '') DESC, name
