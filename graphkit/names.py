"""Typed entity names -> graph entities: the one rule set ``explore`` and ``view --focus`` share.

A typed name resolves, in this order, by

1. its key (:func:`graphkit.graph.node_key`: case, accents and corporate suffixes ignored),
2. a name or alias equal to it, case ignored,
3. a unique word prefix: the typed words are the leading words of the names or aliases of
   exactly one entity ("Boyu" -> "Boyu Capital").

Steps 1 and 2 are lookups the caller does (an index on Neo4j, a dict on a graph file); step 3 and
the suggestions for a name that does not resolve are computed here over ``(key, name)`` pairs:
every entity's name and each of its aliases. Suggestions are the names that contain the typed
words, then difflib's close matches, at most five.

Examples
--------
>>> names = [("boyu capital", "Boyu Capital"), ("sensetime", "SenseTime"), ("softbank", "SoftBank Group"),
...          ("softbank vision", "SoftBank Vision Fund")]
>>> prefix_match("boyu", names), prefix_match("SoftBank", names)
('boyu capital', None)
>>> suggestions("Softbank", names)
['SoftBank Group', 'SoftBank Vision Fund']
>>> suggestions("Sensetme", names)
['SenseTime']
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from graphkit.errors import GraphkitError

SUGGESTIONS = 5
CLOSE_MATCH_CUTOFF = 0.5


class EntityNotFoundError(GraphkitError):
    """No entity has the name; ``suggestions`` are the closest names and aliases."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = f"; closest matches: {', '.join(suggestions)}" if suggestions else ""
        super().__init__(f"no entity named {name!r}{hint}")


def _words(text: str) -> list[str]:
    return text.casefold().split()


def prefix_match(typed: str, names: Iterable[tuple[str, str]]) -> str | None:
    """Return the key of the one entity a name or alias of which starts with the typed words, else None."""
    words = _words(typed)
    if not words:
        return None
    keys = {key for key, name in names if _words(name)[:len(words)] == words}
    return keys.pop() if len(keys) == 1 else None


def suggestions(typed: str, names: Iterable[tuple[str, str]], limit: int = SUGGESTIONS) -> list[str]:
    """Return up to ``limit`` names and aliases: those containing the typed words, then close matches."""
    by_folded: dict[str, str] = {}
    for _, name in names:
        by_folded.setdefault(name.casefold(), name)
    words = _words(typed)
    containing = sorted((folded for folded in by_folded if words and all(word in folded for word in words)),
                        key=lambda folded: (len(folded), folded))
    close = difflib.get_close_matches(" ".join(words), list(by_folded), n=limit, cutoff=CLOSE_MATCH_CUTOFF)
    return [by_folded[folded] for folded in dict.fromkeys([*containing, *close])][:limit]


def resolve_among(typed: str, names: Iterable[tuple[str, str]]) -> str:
    """Return the key a unique word prefix picks, or raise :class:`EntityNotFoundError` with suggestions.

    For a name that the caller's exact lookups (key, name or alias) did not find.
    """
    names = list(names)
    key = prefix_match(typed, names)
    if key is None:
        raise EntityNotFoundError(typed, suggestions(typed, names))
    return key
