"""Case-insensitive tests that run fast: a lower-case pattern searched in the lower-cased text.

``re.IGNORECASE`` makes the regex engine give up its quick scan for a pattern's first
characters, so a check such as "does the sentence name a round?" costs a slow walk over every
position. :class:`AnyCase` compiles the same pattern without the flag and searches the text's
``str.lower()`` form instead, which gives the same answer whenever lower-casing keeps each
character's place and folds it the way the flag would: always except for "İ" (two characters
once lower-cased), "ı" and "ſ" (the flag matches them to "i" and "s"). Texts holding one of
those three are searched with the flagged pattern.

The pattern must spell its letters in lower case (escapes such as ``\\s`` aside) and hold only
ASCII letters, so that both forms mean the same; anything else is refused at import.

:func:`may_match` is a cheaper test still, to run before a pattern that most sentences do not
match: it asks whether the text (as :func:`fold` gives it) holds one of the words that every
match of the pattern must hold, words read off the pattern itself ("led", "part", ... of
``(?:led|took\\s+part)\\s+the``), so they follow the pattern when it changes.

Examples
--------
>>> gate = AnyCase(r"round|series\\s+[a-h]\\b")
>>> gate.found("Acme closed a Series B."), gate.found("Acme hired staff."), gate.found("A ROUND ſeries")
(True, False, True)
>>> sorted(needed_words(re.compile(r"\\b(?:led|took\\s+part)\\s+(?:in\\s+)?the\\s+round", re.IGNORECASE)))
['round']
>>> may_match(re.compile(r"(?:led|co-led)\\s+by", re.IGNORECASE), fold("It was LED by X")), needed_words(re.compile(r"\\w+"))
(True, None)
>>> AnyCase(r"[A-Z]+")
Traceback (most recent call last):
...
ValueError: AnyCase needs lower-case ASCII letters: '[A-Z]+'
"""

from __future__ import annotations

import re
import re._parser as sre_parse
from collections.abc import Iterator

_ESCAPE = re.compile(r"\\.|\(\?P")
_UNFOLDED = ("İ", "ı", "ſ")


class AnyCase:
    """A case-insensitive pattern whose :meth:`found` is a fast ``re.IGNORECASE`` search."""

    __slots__ = ("any_case", "lower_case")

    def __init__(self, pattern: str) -> None:
        letters = [char for char in _ESCAPE.sub("", pattern) if char.isalpha()]
        if any(not char.isascii() or char.isupper() for char in letters):
            raise ValueError(f"AnyCase needs lower-case ASCII letters: {pattern!r}")
        self.any_case = re.compile(pattern, re.IGNORECASE)
        self.lower_case = re.compile(pattern)

    def found(self, text: str) -> bool:
        """Whether the pattern occurs in ``text``, whatever the case (as ``re.IGNORECASE`` reads it)."""
        if text.isascii() or not any(char in text for char in _UNFOLDED):
            return self.lower_case.search(text.lower()) is not None
        return self.any_case.search(text) is not None


def fold(text: str) -> str:
    """The text as :func:`may_match` reads it: case-folded, "ı" and "İ" as "i"."""
    # casefold() and IGNORECASE agree on every character but "ı" and "İ" (the flag matches both to "i";
    # casefold() gives "i" and a combining dot for "İ"). Two replace() calls beat translate().
    return text.casefold().replace("ı", "i").replace("\u0307", "")


def needed_words(pattern: re.Pattern) -> frozenset[str] | None:
    """Words (folded) one of which every match of ``pattern`` holds; None when none can be told."""
    return max(_word_sets(sre_parse.parse(pattern.pattern, pattern.flags)), key=_telling, default=None)


def _telling(words: frozenset[str]) -> tuple[int, int]:
    """How much a word set tells: the longest shortest word, then the fewest words."""
    return min(map(len, words)), -len(words)


def _word_sets(items) -> list[frozenset[str]]:
    """Word sets of a sequence (its literal runs and required parts): a match holds a word of each."""
    sets: list[frozenset[str]] = []
    run = ""
    for op, value in [*items, (None, None)]:
        if op is sre_parse.LITERAL and (chr(value).isascii() or chr(value).lower() == chr(value).upper()):
            run += fold(chr(value))  # a cased non-ASCII letter may fold otherwise under IGNORECASE
            continue
        if run:
            sets.append(frozenset((run,)))
            run = ""
        if op is sre_parse.SUBPATTERN:
            sets.extend(_word_sets(value[3]))
        elif op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT) and value[0] >= 1:
            sets.extend(_word_sets(value[2]))
        elif op is sre_parse.BRANCH:
            alternatives = [max(_word_sets(alternative), key=_telling, default=None) for alternative in value[1]]
            if None not in alternatives:
                sets.append(frozenset().union(*alternatives))
    return sets


# Each pattern's most telling word sets (up to three, of words of three letters or more), each as one
# plain alternation: searched without IGNORECASE, they are fast.
_WORDS: dict[int, tuple[re.Pattern, list[re.Pattern]]] = {}


def may_match(pattern: re.Pattern, folded: str) -> bool:
    """False when ``pattern`` cannot match the text whose :func:`fold` is ``folded`` (a quick test)."""
    known = _WORDS.get(id(pattern))
    if known is None or known[0] is not pattern:
        sets = sorted(_word_sets(sre_parse.parse(pattern.pattern, pattern.flags)), key=_telling, reverse=True)
        tests = [re.compile("|".join(map(re.escape, sorted(words)))) for words in sets if _telling(words)[0] >= 3]
        known = _WORDS[id(pattern)] = (pattern, tests[:3])
    for test in known[1]:  # a plain loop: all() over a generator costs more than the searches
        if test.search(folded) is None:
            return False
    return True


# Each IGNORECASE pattern's twin without the flag, or None when the pattern has letters that are not
# lower-case ASCII (then the two need not mean the same).
_TWINS: dict[int, tuple[re.Pattern, re.Pattern | None]] = {}


def finditer(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for an IGNORECASE pattern, run on ``text.lower()`` when that gives
    the same matches (see :class:`AnyCase`): offsets are the text's, but group texts come back in
    lower case, so callers must only use offsets, placeholder keys and case-folded groups.

    >>> [(m.start(), m.group()) for m in finditer(re.compile(r"led\\s+by", re.IGNORECASE), "Led by X, led  by Y")]
    [(0, 'led by'), (10, 'led  by')]
    """
    twin, subject = _twin(pattern, text)
    return twin.finditer(subject)


def search(pattern: re.Pattern, text: str) -> re.Match | None:
    """``pattern.search(text)`` the way :func:`finditer` runs it (group texts in lower case)."""
    twin, subject = _twin(pattern, text)
    return twin.search(subject)


def _twin(pattern: re.Pattern, text: str) -> tuple[re.Pattern, str]:
    """The pattern and text to search: the flagless twin and ``text.lower()`` when they find the same."""
    known = _TWINS.get(id(pattern))
    if known is None or known[0] is not pattern:
        letters = [char for char in _ESCAPE.sub("", pattern.pattern) if char.isalpha()]
        lower = all(char.isascii() and char.islower() for char in letters) and pattern.flags & re.IGNORECASE \
            and "(?-" not in pattern.pattern  # no part that turns the flag off
        known = _TWINS[id(pattern)] = (pattern, re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
                                       if lower else None)
    if known[1] is not None and (text.isascii() or not any(char in text for char in _UNFOLDED)):
        return known[1], text.lower()
    return pattern, text
