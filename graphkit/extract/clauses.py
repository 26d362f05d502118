"""Funding phrasings read on a masked sentence (names as ``⟦i⟧``) that the core patterns leave out.

* "H, the X-backed custody provider" / "The X-backed company" -> BACKED_BY(H or the company, X)
* "The company, whose other investors include A and B" / "T's investors, including A" -> A, B invested
* "T has sold a 20% stake to A" -> A invested in T
* "X's investment arm, Y" / "its venture unit, Y": Y, not its owner, is the one that invests

Examples
--------
>>> names = {"0": "Vexa", "1": "Orbit Ventures", "r5": "Vexa"}
>>> [(r.type, r.source, r.target) for r in extra_funding("⟦0⟧, the ⟦1⟧-backed payments app, grew.", names, None)]
[('BACKED_BY', 'Vexa', 'Orbit Ventures')]
>>> owner_units("⟦0⟧'s investment arm, ⟦1⟧, joined.", names)
{'Vexa': 'Orbit Ventures'}
"""

from __future__ import annotations

import re

from graphkit.extract.relations import FoundRelation, _first_entity, list_after

_NOUN = (r"(?:company|startup|start-up|firm|business|provider|platform|maker|developer|operator|lender|app|"
         r"exchange|group|chain|studio|retailer|producer|manufacturer)")
# "H, the X-backed crypto custody provider"
_APPOSITION_BACKED = re.compile(r"⟦(?P<head>\w+)⟧,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?⟦(?P<backer>\w+)⟧\s*-"
                                r"(?:backed|funded|financed)\s+(?:[\w-]+\s+){0,3}?" + _NOUN + r"\b")
# "The X-backed company" (standing for the story's company)
_THE_BACKED = re.compile(r"(?:^|[.;]\s+)\W*[Tt]he\s+⟦(?P<backer>\w+)⟧\s*-(?:backed|funded|financed)\s+"
                         r"(?:[\w-]+\s+){0,2}?" + _NOUN + r"\b")
# "The company, whose (other) investors include A and B"
_THE_WHOSE = re.compile(r"(?:^|[.;]\s+)\W*[Tt]he\s+(?:⟦\w+⟧\s*-\w+\s+)?(?:[\w-]+\s+){0,2}?" + _NOUN +
                        r",\s+whose\s+(?:\w+\s+)?(?:investors|backers|shareholders)\s+(?:also\s+)?"
                        r"(?:include|included|includes|are)\s+")
# "T's investors, including A"
_INVESTORS_COMMA = re.compile(r"⟦(?P<target>\w+)⟧['’]s\s+(?:\w+\s+){0,2}?(?:investors|backers|shareholders),\s+"
                              r"(?:including|such\s+as|among\s+them)\s+", re.IGNORECASE)
# "T has sold a 20% stake to A"
_SOLD_STAKE = re.compile(r"\b(?:sold|sells|selling|sell|offloaded|issued)\s+(?:an?\s+)?(?:[\w.%-]+\s+){0,3}?"
                         r"(?:stake|shares|holding)\s+(?:in\s+itself\s+)?to\s+", re.IGNORECASE)
# "X's investment arm, Y" / "its venture unit, Y"
_OWNER_UNIT = re.compile(r"⟦(?P<owner>\w+)⟧['’]s\s+(?:[\w-]+\s+){0,2}?(?:arm|unit|fund|vehicle|division|"
                         r"subsidiary|affiliate|office)\s*,\s+⟦(?P<unit>\w+)⟧")


def extra_funding(text: str, names: dict[str, str], company: str | None) -> list[FoundRelation]:
    """Relations stated by the phrasings of the module doc; ``company`` is what "the company" means."""
    found: list[FoundRelation] = []

    def add(type_: str, source: str | None, target: str | None, event: bool = False) -> None:
        if source and target and source != target:
            found.append(FoundRelation(type_, source, target, False, event))

    if "-backed" in text or "-funded" in text or "-financed" in text:
        for match in _APPOSITION_BACKED.finditer(text):
            add("BACKED_BY", names.get(match.group("head")), names.get(match.group("backer")))
        for match in _THE_BACKED.finditer(text):
            add("BACKED_BY", company, names.get(match.group("backer")))
    if "whose" in text:
        for match in _THE_WHOSE.finditer(text):
            for key in list_after(text[match.end():]):
                add("INVESTED_IN", names.get(key), company)
    if "," in text:
        for match in _INVESTORS_COMMA.finditer(text):
            for key in list_after(text[match.end():]):
                add("INVESTED_IN", names.get(key), names.get(match.group("target")))
    if " to " in text:
        for match in _SOLD_STAKE.finditer(text):
            seller = names.get(_first_entity(text[:match.start()]) or "")
            for key in list_after(text[match.end():]):
                add("INVESTED_IN", names.get(key), seller, True)
    return found


def owner_units(text: str, names: dict[str, str]) -> dict[str, str]:
    """Owners whose named unit acts in the sentence, mapped to that unit ("X's investment arm, Y")."""
    return {names[m.group("owner")]: names[m.group("unit")] for m in _OWNER_UNIT.finditer(text)
            if m.group("owner") in names and m.group("unit") in names}
