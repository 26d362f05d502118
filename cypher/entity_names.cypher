// Every entity's key, name and aliases: the candidates for word-prefix resolution and for
// "did you mean" suggestions (graphkit.names).
MATCH (n:Entity)
RETURN n.key AS key, n.name AS name, n.aliases AS aliases
