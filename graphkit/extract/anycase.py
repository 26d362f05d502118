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

Examples
--------
>>> gate = AnyCase(r"round|series\\s+[a-h]\\b")
>>> gate.found("Acme closed a Series B."), gate.found("Acme hired staff."), gate.found("A ROUND ſeries")
(True, False, True)
>>> AnyCase(r"[A-Z]+")
Traceback (most recent call last):
...
ValueError: AnyCase needs lower-case ASCII letters: '[A-Z]+'
"""

from __future__ import annotations

import re

_ESCAPE = re.compile(r"\\.")
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
