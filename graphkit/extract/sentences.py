"""Split text into sentences, robust to abbreviations, initials, quotes, ellipses and headlines.

Each line of the input is a block of its own: headlines and bylines rarely end with a full stop,
so a line break always ends a sentence. Inside a line, a sentence ends at ``.``, ``!`` or ``?``
(optionally followed by a closing quote) before a space and a capital, digit or opening quote —
unless the full stop belongs to a known abbreviation ("Inc.", "Mr.", "U.S.") or an initial.

Examples
--------
>>> split_sentences("Acme Inc. raised $5m. Mr. Lee said so... Then it ended")
['Acme Inc. raised $5m.', 'Mr. Lee said so...', 'Then it ended']
>>> split_sentences("Headline without a stop\\nBody text. More text.")
['Headline without a stop', 'Body text.', 'More text.']
"""

from __future__ import annotations

import re

# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = frozenset("""inc ltd co corp plc llc mr mrs ms dr prof sr jr st no vs etc dept
gov govt sen rep gen col lt sgt est approx fig vol jan feb mar apr jun jul aug sep sept oct nov dec
u.s u.k e.u u.n a.i""".split())

_BOUNDARY = re.compile(r"""(?:\.{3}|…|[.!?])["'”’)\]]*(?=\s+["'“‘(]?[A-Z0-9$€£])""")
_LABEL_BEFORE = re.compile(r"\b(?:series|class|round|phase|tier|type|plan|grade|part|section|category|stage)\s+$",
                           re.IGNORECASE)
_WORD_BEFORE = re.compile(r"(?<![A-Za-z0-9])([A-Za-z][A-Za-z.]*)\.$")


def _ends_with_abbreviation(text: str) -> bool:
    match = _WORD_BEFORE.search(text)
    if not match:
        return False
    word = match.group(1).casefold()
    if len(word) == 1 and _LABEL_BEFORE.search(text[:match.start()]):
        return False  # "a Series B." ends the sentence: the letter is a label, not an initial
    # A single capital before the stop is an initial ("Jeff D. Smith", "U.S.").
    return word in ABBREVIATIONS or len(word) == 1 or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word) is not None


def split_sentences(text: str) -> list[str]:
    """Return the sentences of ``text`` in order, stripped, empty ones left out."""
    sentences: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        start = 0
        for match in _BOUNDARY.finditer(line):
            candidate = line[start:match.end()]
            if match.group().startswith(".") and not match.group().startswith("...") \
                    and _ends_with_abbreviation(line[start:match.start() + 1]):
                continue
            sentences.append(candidate.strip())
            start = match.end()
        rest = line[start:].strip()
        if rest:
            sentences.append(rest)
    return [sentence for sentence in sentences if sentence]
