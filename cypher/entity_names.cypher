// Every entity's name and aliases: the candidates for "did you mean" suggestions.
MATCH (n:Entity)
RETURN n.name AS name, n.aliases AS aliases
