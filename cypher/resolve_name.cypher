// Entities whose name or one of whose aliases is $lower (a typed name, trimmed and lower-cased),
// for names that resolve_key.cypher does not find.
MATCH (n:Entity)
WHERE toLower(n.name) = $lower
   OR any(alias IN coalesce(n.aliases, []) WHERE toLower(alias) = $lower)
RETURN n.key AS key, n.name AS name, labels(n) AS labels
ORDER BY key
