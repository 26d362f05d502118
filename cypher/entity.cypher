// What the graph records about entity $key itself.
MATCH (n:Entity {key: $key})
RETURN n.key AS key, n.name AS name, labels(n) AS labels, n.aliases AS aliases,
       n.mentions AS mentions, n.articles AS articles
