"""Funding phrasings read on a masked sentence (names as ``⟦i⟧``) that the core patterns leave out.

* "H, the X-backed custody provider" / "The X-backed company" -> BACKED_BY(H or the company, X)
* "The company, whose other investors include A and B" / "T's investors, including A" -> A, B invested
* "T has sold a 20% stake to A" -> A invested in T
* "A, an early investor, ..." -> A invested in the story's company
* "Y, which counts X among the startups in its portfolio", "Y portfolio company X" -> Y invested in X
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

from graphkit.extract.anycase import fold, may_match
from graphkit.extract.relations import FoundRelation, _first_entity, list_after

PLACEHOLDER_KEY = re.compile(r"⟦(\w+)⟧")
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
# "SoftBank, an early investor, will sell shares": an investor of the story's company
_APPOSITIVE_INVESTOR = re.compile(r"⟦(?P<investor>\w+)⟧,\s+(?:an?|its|the)\s+(?:(?:early|existing|longtime|long-time|"
                                  r"major|big|key|largest|biggest|lead|minority|anchor|strategic)\s+)*"
                                  r"(?:investor|backer|shareholder)\s*,")
# "Sequoia is its largest shareholder" ("its" read as Sequoia itself: the story's company)
_IS_ITS_INVESTOR = re.compile(r"⟦(?P<investor>\w+)⟧\s+(?:is|was|remains|became|has\s+been)\s+(?:also\s+)?"
                              r"⟦(?P<its>r\d+)⟧['’]s\s+(?:[\w-]+\s+){0,2}?(?:investor|backer|shareholder)\b")
# "Y, which also counts X among the startups in its venture portfolio"; "Y portfolio company X"
_COUNTS_PORTFOLIO = re.compile(r"⟦(?P<investor>\w+)⟧,?\s+(?:which\s+|that\s+|who\s+)?(?:also\s+)?counts?\s+"
                               r"(?P<items>[^.;]{0,80}?)\bamong\s+[^.;⟦]{0,40}?(?:⟦r\d+⟧[^.;⟦]{0,20}?)?portfolio")
_PORTFOLIO_COMPANY = re.compile(r"⟦(?P<investor>\w+)⟧(?:['’]s)?\s+portfolio\s+compan(?:y|ies)\s+(?:include\s+|"
                                r"includes\s+|such\s+as\s+|like\s+)?(?=⟦)")
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
    if "investor" in text or "backer" in text or "shareholder" in text:
        for match in _APPOSITIVE_INVESTOR.finditer(text):
            add("INVESTED_IN", names.get(match.group("investor")), company)
        for match in _IS_ITS_INVESTOR.finditer(text):
            investor, own = names.get(match.group("investor")), names.get(match.group("its"))
            add("INVESTED_IN", investor, company if own == investor else own, event=False)
    if "portfolio" in text:
        for match in _COUNTS_PORTFOLIO.finditer(text):
            for key in list_after(match.group("items")):
                add("INVESTED_IN", names.get(match.group("investor")), names.get(key))
        for match in _PORTFOLIO_COMPANY.finditer(text):
            for key in list_after(text[match.end():]):
                add("INVESTED_IN", names.get(match.group("investor")), names.get(key))
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


# The words that let a sentence into extra_rivalry (one search: cheaper than a loop of "in" tests).
_RIVALRY_WORDS = re.compile(r"compet|rival|vy|vie|battl|up against|players")
_RIVAL_VERB = r"(?:compet(?:es|ing|ed)|vy(?:ing)|vies|vied|battles|battling|battled|rivals|rivalled|rivaled)"
# "⟦A⟧ battles ⟦B⟧", "⟦A⟧, which competes with ⟦B⟧", "⟦A⟧ is vying with ⟦B⟧"
_SUBJECT_RIVALS = re.compile(r"⟦(?P<a>\w+)⟧,?\s+(?:which\s+|that\s+)?(?:is\s+|are\s+|has\s+been\s+)?(?:also\s+|now\s+)?"
                             + _RIVAL_VERB + r"\s+(?:(?:head-on\s+)?(?:with|against)\s+)?(?=(?:\S+\s+){0,2}?⟦)",
                             re.IGNORECASE)
# "The exchange, which competes with ⟦B⟧" (the story's company)
_THE_RIVALS = re.compile(r"(?:^|[.;]\s+)\W*[Tt]he\s+(?:⟦\w+⟧-\w+\s+|[\w-]+\s+){0,2}?(?:" + _NOUN[3:-1] +
                         r"|exchange|bank|carmaker|automaker|insurer)(?:,\s+(?:which|that)\s+|\s+)(?:is\s+|also\s+)?"
                         + _RIVAL_VERB + r"\s+(?:(?:with|against)\s+)?")
# "The start-up's nearest competitor is ⟦B⟧", "⟦A⟧'s main rival, ⟦B⟧"
_POSSESSIVE_RIVAL = re.compile(r"(?:⟦(?P<a>\w+)⟧|(?:^|[.;]\s+)\W*[Tt]he\s+(?:[\w-]+\s+){0,2}?(?:" + _NOUN[3:-1] +
                               r"|exchange|bank))['’]s\s+(?:\w+\s+)?(?:rivals?|competitors?)(?:,\s+|\s+(?:is|are|"
                               r"include|includes|remains?)\s+)")
# "A and B are the main competitors of ⟦C⟧"
_COMPETITORS_OF = re.compile(r"\b(?:are|is|were|was)\s+(?:the\s+|its\s+)?(?:\w+\s+)?(?:competitors?|rivals?)\s+"
                             r"(?:of|to)\s+⟦(?P<c>\w+)⟧", re.IGNORECASE)
# "whose sedans go up against models from ⟦B⟧"
_UP_AGAINST = re.compile(r"\b(?:go|goes|going|went|come|comes|came|stack|stacks|square|squares)\s+up\s+against\s+"
                         r"(?:[\w-]+\s+){0,2}?(?:from\s+|by\s+)?(?=⟦)|"
                         r"\b(?:compete|competes|competing|vie|vies)\s+(?:head-on\s+)?(?:with|against)\s+(?:those|"
                         r"(?:[\w-]+\s+)?(?:products|models|offerings|devices|services|cars|phones|robots))\s+"
                         r"(?:of|from|by|made\s+by)\s+(?=⟦)", re.IGNORECASE)
# "A and B, the two biggest players in ..."
_PLAYERS_APPOSITION = re.compile(r"⟦(?P<a>\w+)⟧\s+and\s+⟦(?P<b>\w+)⟧,\s+(?:the\s+)?(?:two\s+)?(?:biggest|largest|"
                                 r"leading|top|main|dominant)\s+(?:players|rivals|competitors|companies|firms)\b",
                                 re.IGNORECASE)
# "Boeing, its main rival, ..." ("its" is the company named before, not Boeing)
_ITS_RIVAL_APPOSITION = re.compile(r"⟦(?P<b>\w+)⟧,\s+⟦(?P<its>r\d+)⟧['’]s\s+(?:\w+\s+)?(?:rival|competitor|challenger)\b")
_INSERTED = re.compile(r",\s+(?:(?:which|who|whose|a|an|the|its|their|both)\b|⟦\w+⟧['’]s\s)[^,;]*,")
_PAIR_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+(?:and|&)\s+")


def extra_rivalry(text: str, names: dict[str, str], company: str | None,
                  previous: str | None = None) -> list[FoundRelation]:
    """COMPETES_WITH pairs of the phrasings above; ``company`` is what "the exchange" means and
    ``previous`` the previous sentence's subject ("B, its main rival": its = that subject)."""
    pairs: list[tuple[str | None, str | None]] = []
    lowered = text.casefold()
    if not _RIVALRY_WORDS.search(lowered):
        return []
    folded = fold(text)  # for may_match: "vie" and "vy" let through many sentences ("review", "heavy")
    for match in _SUBJECT_RIVALS.finditer(text) if may_match(_SUBJECT_RIVALS, folded) else ():
        pairs.extend((names.get(match.group("a")), names.get(key)) for key in list_after(text[match.end():]))
    for match in _THE_RIVALS.finditer(text) if may_match(_THE_RIVALS, folded) else ():
        pairs.extend((company, names.get(key)) for key in list_after(text[match.end():]))
    for match in _POSSESSIVE_RIVAL.finditer(text) if may_match(_POSSESSIVE_RIVAL, folded) else ():
        first = names.get(match.group("a")) if match.group("a") else company
        pairs.extend((first, names.get(key)) for key in list_after(text[match.end():]))
    for match in _COMPETITORS_OF.finditer(text) if may_match(_COMPETITORS_OF, folded) else ():
        clause = _INSERTED.sub(" ", re.split(r"[;:]", text[:match.start()])[-1])
        items = [PLACEHOLDER_KEY.findall(item) for item in _PAIR_SPLIT.split(clause)]
        heads = [keys[-1] for keys in items if keys]
        pairs.extend((names.get(key), names.get(match.group("c"))) for key in heads)
    for match in _ITS_RIVAL_APPOSITION.finditer(text) if may_match(_ITS_RIVAL_APPOSITION, folded) else ():
        own = names.get(match.group("its"))
        pairs.append((names.get(match.group("b")), company if own == names.get(match.group("b")) else own))
    for match in _PLAYERS_APPOSITION.finditer(text) if may_match(_PLAYERS_APPOSITION, folded) else ():
        pairs.append((names.get(match.group("a")), names.get(match.group("b"))))
    for match in _UP_AGAINST.finditer(text) if may_match(_UP_AGAINST, folded) else ():
        first = _first_entity(text[:match.start()])
        pairs.extend((names.get(first) if first else company, names.get(key)) for key in list_after(text[match.end():]))
    return [FoundRelation("COMPETES_WITH", a, b, False, False) for a, b in pairs if a and b and a != b]


def owner_units(text: str, names: dict[str, str]) -> dict[str, str]:
    """Owners whose named unit acts in the sentence, mapped to that unit ("X's investment arm, Y")."""
    return {names[m.group("owner")]: names[m.group("unit")] for m in _OWNER_UNIT.finditer(text)
            if m.group("owner") in names and m.group("unit") in names}
