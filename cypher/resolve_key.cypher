// The entity whose key is $key (graphkit.graph.node_key of a typed name: case, accents and
// corporate suffixes ignored). :Entity carries the unique key on both backends: an index lookup.
MATCH (n:Entity {key: $key})
RETURN n.key AS key, n.name AS name, labels(n) AS labels
