"""Which part of a sentence holds the values (amount, round, date) of one of its relations.

A sentence may tell two deals: "It is the second investment in Megvii from Alibaba, as Ant
Financial had invested in the company in a US$460 million deal in October last year." The amount
and the date belong to the relation whose investor is the subject of the clause that holds them
(Ant Financial), never to another investor of the sentence (Alibaba). A clause whose subject is
the company that raised, or no name at all, is shared by every relation of the sentence
(:func:`own_text`). In a sentence of several amounts, the one tied to an investor ("a $15 million
investment led by X") is that investor's (:func:`tied_amount`); a relative clause telling an
earlier deal ("X, which backed its seed round in 2023, also participated") gives no values to the
deal the rest of the sentence tells (:func:`without_past_clauses`).

Examples
--------
>>> text = "Tarn led a $5 million round in Quillon; Orla invested $1 million."
>>> spans = [(text.index(n), text.index(n) + len(n), n) for n in ("Tarn", "Quillon", "Orla")]
>>> own_text(text, spans, "Orla", {"Tarn", "Orla"})
' Orla invested $1 million.'
>>> own_text(text, spans, "Tarn", {"Tarn", "Orla"})
'Tarn led a $5 million round in Quillon'
"""

from __future__ import annotations

import re

# Where a new clause with its own subject may start: "; ", ", as ", ", while ", ", and " ...
_CLAUSE_START = re.compile(r";|,\s+(?=(?:as|while|whereas|but|although|though|and|after|since|when)\s)", re.IGNORECASE)
_WORD = re.compile(r"\b[a-z]{3,}\b")
# A name that only describes the next one ("the Alibaba-affiliate Ant Financial", "Alibaba's Ant
# Financial") is not the clause's subject.
_MODIFIES_NEXT = re.compile(r"^\s*(?:-|['’]s\b)")


def _clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the clauses of ``text``; a list of names before ", and" is no clause."""
    cuts, start = [], 0
    for match in _CLAUSE_START.finditer(text):
        before = text[start:match.start()]
        if match.group(0) != ";" and not _WORD.search(re.sub(r"\band\b", "", before)):
            continue  # "A, B, and C invested": the names share one clause
        cuts.append((start, match.start()))
        start = match.end()
    cuts.append((start, len(text)))
    return cuts


# Between the names of a subject list: "A, B and C", "A and the angel investor B".
_LIST_GAP = re.compile(r"^(?:\s*,)?\s*(?:(?:and|&)\s+)?(?:[a-z][\w-]*\s+){0,3}$")
# Between a describing name and the one it describes: "Alibaba-affiliate Ant Financial", "Amazon's Fund".
_MODIFIER_GAP = re.compile(r"^(?:-[\w-]+|['’]s)\s+(?:[a-z][\w-]*\s+){0,2}$")


def _subjects(text: str, spans: list[tuple[int, int, str]], start: int, end: int) -> set[str]:
    """The names of the subject that opens the clause ``text[start:end]`` (a list of names counts)."""
    names: set[str] = set()
    previous, describing = None, False
    for span_start, span_end, name in spans:
        if not start <= span_start < end:
            continue
        if previous is not None and not (_MODIFIER_GAP if describing else _LIST_GAP).match(text[previous:span_start]):
            break
        describing = _MODIFIES_NEXT.match(text[span_end:span_end + 4]) is not None
        if not describing:
            names.add(name)
        previous = span_end
    return names


def own_text(text: str, spans: list[tuple[int, int, str]], investor: str, investors: set[str]) -> str:
    """The parts of ``text`` whose values belong to ``investor``'s relation.

    ``spans`` are the sentence's names (start, end, entity); ``investors`` the investors of all the
    sentence's funding relations. A clause whose subject is another of them (and not ``investor``)
    is left out; a sentence of one clause is all the relation's.
    """
    others = investors - {investor}
    clauses = _clauses(text)
    if not others or len(clauses) < 2:
        return text
    spans = sorted(spans)
    kept = []
    for start, end in clauses:
        subjects = _subjects(text, spans, start, end)
        if investor in subjects or not subjects & others:
            kept.append(text[start:end])
    return " ".join(kept)


# Between an amount and the investor it comes from: "a $45 million credit facility from X", "a $15
# million equity investment led by Y" (a short noun phrase, no other name or amount between; not a
# conversion in brackets: "3 billion yuan ($410 million) in a round from X").
_TIED = re.compile(r"^(?!\s*\))[^⟦;$€£¥\d]{0,50}?\b(?:from|by)\s+(?:(?:[a-z][\w-]*|[A-Z][\w-]*['’]s)\s+){0,2}$")


def tied_amount(text: str, spans: list[tuple[int, int, str]], investor: str,
                amounts: list[tuple[int, str]]) -> int | None:
    """The offset of the amount a sentence of several amounts ties to ``investor`` ("made up of a $45
    million facility from A and a $15 million investment led by B": $15 million is B's), else None.

    ``amounts`` are (offset, text) of the sentence's amounts.
    """
    if len(amounts) < 2:
        return None
    for start, _, name in sorted(spans):
        if name != investor:
            continue
        before = [(offset, amount) for offset, amount in amounts if offset + len(amount) <= start]
        if not before:
            continue
        offset, amount = before[-1]
        gap = text[offset + len(amount):start]
        if not any(offset + len(amount) <= other < start for other, _, _ in spans) and _TIED.match(gap):
            return offset
    return None


# ", which backed the company's €5 million seed round in 2023," / ", who bought a stake in 2021,": a past
# event of the name before it. When the rest of the sentence has its own deal verb ("X, which ..., also
# participated"), the clause's amount, round and date are not this deal's.
_PAST_CLAUSE = re.compile(r",\s+(?:which|who)\s+[^,;]*?(?:\d|\b(?:seed|series|round)\b)[^,;]*,", re.IGNORECASE)
_DEAL_VERB = re.compile(r"\b(?:participat\w*|took\s+part|taking\s+part|joined|joins|invest\w*|co-invest\w*|led|"
                        r"co-led|leads|backed|backs|bought|buys|buy|acquir\w*|raised|raises|raising|secured)\b",
                        re.IGNORECASE)


_DEAL_NOUN_BEFORE = re.compile(r"\b(?:round|deal|investment|funding|financing|raise|tranche|series\s+[a-h]\w*)$",
                               re.IGNORECASE)


def without_past_clauses(text: str) -> str:
    """``text`` without the relative clauses that tell an earlier deal of a name, when the rest of
    the sentence tells a deal of its own.

    >>> without_past_clauses("Pell, which backed its $5 million seed round in 2023, also participated.")
    'Pell also participated.'
    >>> without_past_clauses("The round, which totalled $20 million, was led by Pell.")
    'The round, which totalled $20 million, was led by Pell.'
    >>> without_past_clauses("Pell, which has held a stake since 2019, will sell its shares.")
    'Pell, which has held a stake since 2019, will sell its shares.'
    """
    if ", which" not in text and ", who" not in text:
        return text

    def drop(match: re.Match) -> str:
        # "The round, which totalled $20 million, was led by X": that clause tells this deal.
        return match.group(0) if _DEAL_NOUN_BEFORE.search(text[max(0, match.start() - 40):match.start()]) else ""

    rest = _PAST_CLAUSE.sub(drop, text)
    return rest if rest != text and _DEAL_VERB.search(rest) else text
