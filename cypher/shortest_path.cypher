// The shortest connections between entities $source and $target (keys, different), any relation
// type, ignoring direction, up to 6 hops; every hop dated inside the window when one is given
// ($since inclusive, $before exclusive; the event date, else the date first reported).
MATCH (a:Entity {key: $source}), (b:Entity {key: $target})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE all(r IN relationships(p)
          WHERE ($since IS NULL OR coalesce(r.date, r.first_reported) >= $since)
            AND ($before IS NULL OR coalesce(r.date, r.first_reported) < $before))
RETURN [n IN nodes(p) | {key: n.key, name: n.name, labels: labels(n)}] AS nodes,
       [r IN relationships(p) | {type: type(r), source: startNode(r).key, target: endNode(r).key,
                                 date: r.date, first_reported: r.first_reported,
                                 amount_usd: r.amount_usd, amount: r.amount,
                                 round: r.round, source_count: r.source_count,
                                 evidence: r.evidence}] AS hops
