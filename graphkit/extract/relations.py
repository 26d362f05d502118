"""Find funding and rivalry relations in a sentence whose names are already known.

Each name in the sentence is replaced by a placeholder (``⟦3⟧``), and references to an entity
named earlier ("it", "its", "the company", "the startup") by ``⟦R⟧``; trigger patterns then read
the masked sentence, and lists of names ("from Tarn, Orla Capital and others") are walked
token by token. Patterns are general phrasings of funding news:

* INVESTED_IN: "X invests in Y", "X led/joined Y's round", "X led a round in Y", "Y raised $N
  from X, Z and W", "round led by X", "round backed by X", "Y's investors include X",
  "Y counts X as an investor", "X bought 26% of Y", "X's stake in Y", "X, an angel investor in Y",
  "Y and its investor X", "investment in Y from X".
* BACKED_BY: "X-backed Y", "Y, backed by X" (no specific investment event).
* COMPETES_WITH: "X competes with Y", "X's rival Y", "rival Y" (against the sentence's subject),
  "Y, an X competitor", "X and Y are the two biggest players", "dominated by four companies, A, B,
  C and D" (every pair).

Examples
--------
>>> names = ["Quillon", "Tarn", "Orla Capital"]
>>> sentence = "Quillon is raising US$600 million from Tarn and Orla Capital."
>>> spans = [(sentence.index(n), sentence.index(n) + len(n), n) for n in names]
>>> [(r.type, r.source, r.target) for r in find_relations(sentence, spans)]
[('INVESTED_IN', 'Tarn', 'Quillon'), ('INVESTED_IN', 'Orla Capital', 'Quillon')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from graphkit.extract.anycase import finditer, fold, may_match

PLACEHOLDER = re.compile(r"⟦(\w+)⟧")
_TOKEN = re.compile(r"⟦\w+⟧|['’]s\b|[\w$€£¥%.+-]+|[,;:()\"“”—–]|\S")
# Words that end a list of names: prepositions and verbs start a new clause.
_BREAK = frozenset("""at of in on to for with by from after before since who whom that while but because
said says according valued values value per than about into through during among amid is was are were has
have had will would could can may might plans plan led backed as which's than where when despite until
whose""".split())
_CONTINUE = frozenset(("including", "include", "includes", "like", "such", "notably", "namely", "plus"))
_REFERENCE = re.compile(
    r"\b(?:(?P<its>[Ii]ts)|(?P<it>[Ii]t)|(?P<np>[Tt]he\s+(?:[\w-]+\s+){0,3}?(?:company|startup|start-up|firm|"
    r"business|carmaker|automaker|chipmaker|maker|developer|giant|platform|lender|bank|group|venture|unicorn|"
    r"airline|carrier|retailer|operator|insurer|manufacturer|producer|conglomerate|chain)\b(?!\s+⟦)))\b(?!['’-])")
_ANY_WORD = re.compile(r"\w")
_LOWER_WORD = re.compile(r"[a-z-]+")
_MODIFIER_AFTER = re.compile(r"\s*-(?:backed|based|listed|led|owned|funded)")
_CLAUSE_BREAK = re.compile(r"[,;:(]|['’]s\b")
_ROUND_AHEAD = re.compile(r"\s+(?:[^\s⟦,;:]+\s+){0,3}?(?:round|funding|financing|investment|deal|consortium|raise)\b",
                          re.IGNORECASE)
_NAMES_FOLLOW = re.compile(r"\s*(?:such\s+as\s+|including\s+|like\s+|include\s+|are\s+)?⟦", re.IGNORECASE)
_NOUN_PHRASE_BEFORE = re.compile(r"^\W*[A-Z][a-z]+s\s+(?:at|of|from|with|for|in)\s+(?:the\s+)?$")
# A name right after these words acts in a deal rather than receiving it.
_AGENT = re.compile(r"\b(?:by|from|with|including|include|includes|and|as\s+well\s+as)\s+(?:\w+\s+){0,2}?⟦(\w+)⟧",
                    re.IGNORECASE)
_MAIN_NOUN = re.compile(r"(?:company|startup|start-up|firm|business)$")
_WORD = r"(?:(?!⟦)[^\s,;:]+\s+)"
# Cheap checks that let most sentences skip the patterns of a relation family.
_FUNDING_WORDS = re.compile(r"invest|led\b|lead|join|particip|part\b|stake|%|per\s?cent|from\b|back|fund|count|put|pour|"
                            r"pump|inject|"
                            r"shareholder|round")
_PARTICIPATE_WORDS = re.compile(r"(?:led|lead|join|particip|part|back|invested)[^⟦]*?(?:round|investment|funding|"
                                r"financing|raise|deal|series|tranche)")
_INVEST_WORDS = re.compile(r"invest|put|pour|pump|inject|plough|plow")
_STAKE_WORDS = re.compile(r"stake|%|per\s?cent")
_INVESTOR_NOUNS = re.compile(r"investor|backer|shareholder|participant")
_RIVALRY_WORDS = re.compile(r"compet|rival|vy|vie|players|dominated|challeng|take on|battl|fight|fought|war\b")
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}

_INVEST = re.compile(r"\b(?:invest(?:s|ed|ing)?|co-invest(?:s|ed|ing)?|(?:made|make|makes|making)\s+(?:an?\s+)?"
                     r"(?:\w+\s+)?investments?|(?:put|puts|putting|pour(?:s|ed|ing)?|pump(?:s|ed|ing)?|"
                     r"inject(?:s|ed|ing)?|plough(?:s|ed)?|plow(?:s|ed)?)(?=\s+\S*\d))\s+" + _WORD +
                     r"{0,4}?(?:in|into)\s+", re.IGNORECASE)
_PARTICIPATE = re.compile(
    r"\b(?:led|leads|lead|leading|co-led|co-leads|joined|joins|join|joining|participated|participates|"
    r"participating|took\s+part|takes\s+part|backs|backed|back|invested)\s+(?:in\s+)?" + _WORD +
    r"{0,7}?(?:round|investment|funding|financing|raise|deal|series\s+[a-h]\w*|tranche)\s+" + _WORD +
    r"{0,4}?(?:in|into|for|of|at)\s+", re.IGNORECASE)
_PARTICIPATE_POSSESSIVE = re.compile(
    r"\b(?:led|leads|lead|co-led|joined|joins|join|joining|participated\s+in|participates\s+in|backs|backed)\s+"
    r"(?:in\s+)?⟦(?P<target>\w+)⟧['’]s\s+" + _WORD + r"{0,4}?(?:round|funding|financing|raise|series)",
    re.IGNORECASE)
_STAKE = re.compile(
    r"\b(?:buy|buys|bought|buying|acquire[sd]?|acquiring|take|takes|took|taken|taking|hold|holds|held|own|owns|owned|has|have|"
    r"purchase[sd]?|purchasing)\s+(?:an?\s+)?(?:(?:about|around|roughly|nearly|almost|some|over|more\s+than|"
    r"less\s+than|just\s+under|just\s+over)\s+)?(?:(?:\d+(?:\.\d+)?\s?%|\d+(?:\.\d+)?\s+per\s?cent)(?:\s+stake)?|"
    r"(?:\w+\s+){0,2}?stake)\s+(?:in|of)\s+", re.IGNORECASE)
_POSSESSIVE_STAKE = re.compile(r"⟦(?P<source>\w+)⟧['’]s\s+" + _WORD + r"{0,2}?(?:investment|stake)s?\s+in\s+",
                               re.IGNORECASE)
_RAISE = re.compile(
    r"\b(?:rais(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|sought|seek(?:s|ing)?|collect(?:s|ed|ing)?|nab(?:s|bed)?|"
    r"receiv(?:e|es|ed|ing)|land(?:s|ed)?|clos(?:e|es|ed|ing)|pull(?:s|ed)?|got|gets|scor(?:e|es|ed)|"
    r"bag(?:s|ged)?|attract(?:s|ed)|obtain(?:s|ed)|announc(?:e|es|ed|ing)|complet(?:e|es|ed|ing)|snag(?:s|ged)?|"
    r"draw(?:s|n)?|drew|win(?:s)?|won|pick(?:s|ed)?\s+up|rake(?:s|d)?\s+in|haul(?:s|ed)?\s+in|"
    r"take(?:s|n)?\s+in|took\s+in)\b\s+" + _WORD +
    r"{0,12}?from\s+", re.IGNORECASE)
_INVESTMENT_FROM = re.compile(r"\binvestments?\s+in\s+⟦(?P<target>\w+)⟧\s+from\s+", re.IGNORECASE)
_LED_BY = re.compile(r"\b(?:round|funding|fundraising|rais(?:e|es|ed|ing)|investment|financing|series\s+[a-h]\w*|deal|"
                     r"tranche|"
                     r"consortium|syndicate|offering)\b"
                     r"[^.;⟦]{0,60}?\b(?:led|co-led|spearheaded)\s+(?:mostly\s+|jointly\s+)?by\s+", re.IGNORECASE)
_BACKED_BY = re.compile(r"\b(?:backed|funded|financed|supported)\s+by\s+", re.IGNORECASE)
_HYPHEN_BACKED = re.compile(r"⟦(?P<source>\w+)⟧\s*-(?P<kind>backed|funded|led)\s+(?P<rest>(?:(?!⟦)[^\s,;:]+\s+){0,4}?)"
                            r"(?:⟦(?P<target>\w+)⟧)?")
_BACKS = re.compile(r"⟦(?P<source>\w+)⟧,?\s+(?:which\s+|who\s+)?(?:has\s+|have\s+|had\s+|also\s+|previously\s+|already\s+)*"
                    r"(?:backs|backed)\s+(?=⟦)", re.IGNORECASE)
_OTHER_INVESTORS = re.compile(r"^\W*(?:(?:other|existing|previous|earlier|current|returning|new)\s+)?(?:investors|backers|"
                              r"participants|co-investors)"
                              r"(?:\s+in\s+the\s+(?:round|deal|company|startup|start-up))?\s+(?:also\s+)?"
                              r"(?:include|included|including|are|were)\s+", re.IGNORECASE)
_INVESTORS_INCLUDE = re.compile(
    r"⟦(?P<target>\w+)⟧['’]s\s+(?:\w+\s+){0,2}?(?:investors|backers|shareholders)\s+(?:also\s+)?"
    r"(?:include|includes|included|including|are|such\s+as)\s+", re.IGNORECASE)
_COUNTS = re.compile(r"\bcounts?\s+", re.IGNORECASE)
_AS_INVESTOR = re.compile(r"^\W*(?:\S+\s+){0,12}?(?:as\s+(?:an?\s+)?(?:\w+\s+)?|among\s+(?:its|their|the|⟦\w+⟧['’]s)\s+"
                          r"(?:\w+\s+)?)"
                          r"(?:investors?|backers?|shareholders?)\b", re.IGNORECASE)
_INVESTOR_IN = re.compile(
    r"⟦(?P<source>\w+)⟧(?:,\s+[^,.;⟦]{0,80}?(?:⟦\w+⟧['’]s[^,.;⟦]{0,60}?)?,)?,?\s+(?:who\s+|which\s+)?(?:was|is|has\s+been|had\s+been|became|becomes|,)?\s*"
    r"(?:also\s+)?(?:an?\s+|the\s+)?(?:early\s+|angel\s+|lead\s+|seed\s+|major\s+|key\s+|big\s+|largest\s+|"
    r"biggest\s+|existing\s+|strategic\s+)*(?:investor|backer|shareholder)\s+(?:in|of)\s+", re.IGNORECASE)
_ITS_INVESTOR = re.compile(r"⟦(?P<target>\w+)⟧['’]s\s+(?:\w+\s+){0,2}?(?:investor|backer|shareholder)s?\s+"
                           r"⟦(?P<source>\w+)⟧", re.IGNORECASE)
_WITH_PARTICIPLE = re.compile(r"\bwith\s+", re.IGNORECASE)
_PARTICIPLE_AFTER = re.compile(r"^\s+(?:also\s+)?(?P<verb>leading|co-leading|participating|joining|investing|"
                               r"taking\s+part|co-investing)\b",
                               re.IGNORECASE)
_THE_ROUND = re.compile(r"\b(?P<verb>took\s+part|takes\s+part|taking\s+part|participated|participates|joined|joins|"
                        r"co-invested|invested|led|leads|co-led|co-leads|headed|anchored|anchors)\s+(?:in\s+)?"
                        r"(?:the|this|its|a|an)\s+(?:[\w$.,-]+\s+){0,4}?(?:round|deal|financing|raise|fundraising|"
                        r"funding|investment|tranche)\b(?!\s+(?:in|into|for|of)\s+⟦)", re.IGNORECASE)
# "led an investment round of US$600 million into ⟦X⟧": the round's own investee, named after its amount.
_LATER_INVESTEE = re.compile(r"^[^⟦;:,]{0,60}?\b(?:in|into)\s+(?=(?:[\w’'-]+\s+){0,2}?⟦)", re.IGNORECASE)
_JOINED_BY = re.compile(r"\b(?:joined|accompanied)\s+by\s+(?:(?:new|existing|returning)\s+(?:investors?|backers?|"
                        r"newcomers?)\s+|newcomers?\s+)?", re.IGNORECASE)
_LED_BY_IN = re.compile(r"\b(?:investment|round|funding|financing|stake)\s+in\s+⟦(?P<target>\w+)⟧\s+(?:was\s+|is\s+|has\s+been\s+)?"
                        r"(?:led|co-led|made|provided|backed)\s+by\s+", re.IGNORECASE)
_WHICH_INCLUDED = re.compile(r"\b(?:round|deal|financing|raise|funding|investment),?\s+(?:which|that)\s+(?:also\s+)?"
                             r"(?:included|includes|drew|attracted|saw\s+participation\s+from|featured)\s+",
                             re.IGNORECASE)
_CAME_FROM = re.compile(r"\b(?:funding|financing|capital|money|investment|cash|backing)\s+(?:came|comes|is\s+coming|"
                        r"was\s+provided|were\s+provided|was\s+made|will\s+come)\s+(?:from|by)\s+|\b(?:investment|round|"
                        r"funding|financing)\s+(?:was|is|has\s+been)\s+(?:made|provided|supplied)\s+by\s+",
                        re.IGNORECASE)
_AMONG_INVESTORS = re.compile(r"\b(?:are|is|were|was)\s+(?:among|one\s+of)\s+the\s+(?:\w+\s+)?(?:investors|backers|"
                              r"shareholders)\s+in\s+", re.IGNORECASE)
_WHOSE_INVESTORS = re.compile(r"⟦(?P<target>\w+)⟧,?\s+whose\s+(?:\w+\s+)?(?:investors|backers|shareholders)\s+"
                              r"(?:also\s+)?(?:include|included|includes|are)\s+", re.IGNORECASE)
_IN_WHICH = re.compile(r"⟦(?P<target>\w+)⟧,?\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?)?in\s+which\s+", re.IGNORECASE)
_IN_WHICH_VERB = re.compile(r"^\s+(?:has\s+|have\s+|had\s+|also\s+|already\s+|previously\s+)*(?:invested|"
                            r"holds?\s+(?:a\s+)?(?:\w+\s+)?stake|owns?\s+(?:a\s+)?(?:\w+\s+)?stake|has\s+a\s+stake)\b",
                            re.IGNORECASE)
_INVESTED_ALONE = re.compile(r"\b(?:also\s+)?(?:invested|co-invested|participated|took\s+part|chipped\s+in|joined|"
                             r"returned|followed\s+on)"
                             r"(?=\s*(?:[.;]|$|,\s+(?:the\s+)?(?:company|startup|start-up|firm)\s+said))",
                             re.IGNORECASE)
_PARTICIPATION_FROM = re.compile(r"\bparticipation\s+(?:from|by|of)\s+|\b(?:round|financing|funding|deal)\s+(?:also\s+)?"
                                 r"(?:included|includes|featured|features|drew|attracted)\s+(?:participation\s+"
                                 r"from\s+)?(?:(?:new|existing|angel|individual|strategic|other|returning)\s+){0,2}"
                                 r"(?:(?:investors?|backers?)\s+(?:such\s+as\s+|including\s+|like\s+)?)?(?=⟦)",
                                 re.IGNORECASE)
_INVESTORS_IN = re.compile(r"\b(?:investors|backers|shareholders)\s+in\s+⟦(?P<target>\w+)⟧\s+(?:also\s+)?"
                           r"(?:include|includes|included|including|are|were)\s+", re.IGNORECASE)
_JOIN_WITH = re.compile(r"\bjoin(?:s|ed|ing)?\s+(?:hands\s+|forces\s+)?with\s+", re.IGNORECASE)
# "X is joining (hands with) Y and other investors in a $600 million funding round into Z": X and Y invest in Z.
_JOINING = re.compile(r"\bjoin(?:s|ed|ing)?\s+(?:hands\s+with\s+|forces\s+with\s+|with\s+)?(?=⟦)", re.IGNORECASE)
_INTO_ROUND = re.compile(r"^(?:,?\s+and\s+(?:other|several|a\s+group\s+of|a\s+number\s+of)\s+(?:[\w-]+\s+)?"
                         r"(?:investors|backers|firms|funds|companies))?\s+in\s+(?:an?|the|its)\s+[^⟦;]{0,50}?"
                         r"\b(?:round|investment|funding|financing|raise)\s+(?:in|into|for|of)\s+"
                         r"(?=(?:[\w’'-]+\s+){0,2}?⟦)", re.IGNORECASE)
_COMPETE = re.compile(r"\b(?:compet(?:e|es|ed|ing)|vy(?:ing)?|vies|vied)\s+(?:\w+ly\s+|head-on\s+)?"
                      r"(?:with|against)\s+|\b(?:competition|rivalry)\s+(?:\w+\s+)?(?:from|with)\s+|"
                      r"\b(?:battl(?:e|es|ed|ing)|fight(?:s|ing)?|fought)\s+(?:against\s+|with\s+)?(?=⟦)",
                      re.IGNORECASE)
_RIVAL = re.compile(r"\b(?:rivals?|challengers?)\s+(?:to\s+|of\s+|is\s+|are\s+|include\s+|includes\s+|such\s+as\s+|"
                    r"like\s+|including\s+)?(?=⟦)|"
                    r"\b(?:to\s+|will\s+|would\s+|could\s+)(?:challenge|take\s+on)\s+(?=⟦)", re.IGNORECASE)
_POSSESSIVE_RIVAL = re.compile(r"⟦(?P<a>\w+)⟧['’]s\s+(?:\w+\s+)?(?:rival|competitor)s?\s+(?:is\s+|are\s+|include\s+|"
                               r"includes\s+|such\s+as\s+|like\s+)?⟦(?P<b>\w+)⟧", re.IGNORECASE)
_COMPETE_TOGETHER = re.compile(r"\s+(?:compete|are\s+competing|are\s+rivals|are\s+competitors|vie|are\s+(?:locked\s+)?"
                               r"in\s+an?\s+(?:\w+\s+)?(?:battle|fight|war|race|rivalry))\b(?!\s+with)",
                               re.IGNORECASE)
_COMPETITOR = re.compile(r"\bcompetitors?\b", re.IGNORECASE)
_BIGGEST_PLAYERS = re.compile(
    r"\s+(?:are|were)\s+(?:the\s+)?(?:two|three|four|five)?\s*(?:of\s+the\s+)?(?:biggest|largest|leading|top|"
    r"main|major|dominant)\s+(?:players|rivals|competitors|companies|firms)", re.IGNORECASE)
_DOMINATED = re.compile(r"\bdominated\s+by\s+(?:the\s+)?(?P<count>two|three|four|five|six|seven|eight)\s+"
                        r"(?:\w+\s+)?(?:companies|players|firms|operators|groups|rivals)\s*[,:]\s*",
                        re.IGNORECASE)


@dataclass(frozen=True)
class FoundRelation:
    """A relation found in a sentence: type, source and target names, whether the source led, and
    whether the sentence reports a deal (whose amount and round belong to it) or a standing fact."""

    type: str
    source: str
    target: str
    led: bool = False
    event: bool = True


@dataclass
class _Masked:
    text: str
    names: dict[str, str]
    uses_reference: bool = False
    previous_subject: str | None = None

    def name(self, key: str | None) -> str | None:
        return self.names.get(key) if key is not None else None


def mask(sentence: str, spans: list[tuple[int, int, str]], reference: str | None,
         previous_subject: str | None) -> _Masked:
    """Replace names by ``⟦i⟧`` and references ("it", "the company") by the entity they stand for.

    The reading passes mask the same sentences again: the work is cached, and each caller gets its
    own copy of the names (readers add to them).
    """
    text, names, uses_reference = _mask(sentence, tuple(spans), reference, previous_subject)
    return _Masked(text, dict(names), uses_reference, previous_subject)


@lru_cache(maxsize=512)
def _mask(sentence: str, spans: tuple[tuple[int, int, str], ...], reference: str | None,
          previous_subject: str | None) -> tuple[str, dict[str, str], bool]:
    pieces, names, position = [], {}, 0
    for index, (start, end, name) in enumerate(sorted(spans)):
        pieces.append(sentence[position:start])
        pieces.append(f"⟦{index}⟧")
        names[str(index)] = name
        position = end
    pieces.append(sentence[position:])
    text = "".join(pieces)

    def replace(match: re.Match) -> str:
        before = text[:match.start()]
        at_start = not _ANY_WORD.search(before)
        nearest = PLACEHOLDER.findall(before)
        nonlocal uses_reference
        if match.group("np"):
            # "the company"/"the startup" is the story's main company; "the tech giant" is who came before.
            main = _MAIN_NOUN.search(match.group("np")) is not None
            target = reference if main and reference else (previous_subject if at_start and previous_subject
                                                            else reference)
            uses_reference = uses_reference or main or target is reference
            if at_start:
                opening.append(target)  # "The company said it ...": "it" is the company
        elif nearest and not at_start and (match.group("its") or _first_entity(before)):
            # "its" owns what follows, so it is the nearest name; "it" is the subject ("X, a ..., said it").
            target = names[nearest[-1]] if match.group("its") else names[_first_entity(before)]
        elif opening and opening[0]:
            target = opening[0]
        else:
            target = previous_subject or reference
            uses_reference = uses_reference or not previous_subject
        if not target:
            return match.group(0)
        key = f"r{match.start()}"
        names[key] = target
        return f"⟦{key}⟧'s" if match.group("its") else f"⟦{key}⟧"

    uses_reference = False
    opening: list[str | None] = []
    masked_text = _REFERENCE.sub(replace, text)
    return masked_text, names, uses_reference


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def list_after(text: str) -> list[str]:
    """Return the placeholder keys of the list of names at the start of ``text``.

    Ordinary words may stand before an item ("new investors 5Y Capital"); a possessive names the
    owner of the next item ("Tarn's Orla Pay" -> Orla Pay); a preposition or a verb ends
    the list.

    >>> list_after("new investors ⟦1⟧ and ⟦2⟧ and existing investors which include ⟦3⟧, among others")
    ['1', '2', '3']
    """
    tokens = _tokens(text)
    found: list[str] = []
    expecting, filler, index = True, 0, 0
    while index < len(tokens):
        token = tokens[index]
        lowered = token.casefold()
        match = PLACEHOLDER.fullmatch(token)
        if match:
            if not expecting:
                break
            key = match.group(1)
            if index + 1 < len(tokens) and tokens[index + 1].startswith("-"):
                index += 2  # "Microsoft-backed OpenAI": the item is OpenAI
                continue
            # "X's Y": the item is Y, owned by X.
            if index + 1 < len(tokens) and tokens[index + 1] in ("'s", "’s"):
                look = index + 2
                while look < len(tokens) and look - index <= 4 and not PLACEHOLDER.fullmatch(tokens[look]) \
                        and tokens[look].casefold() not in _BREAK and tokens[look] not in ",;:.":
                    look += 1
                if look < len(tokens) and PLACEHOLDER.fullmatch(tokens[look]):
                    index = look
                    continue
            found.append(key)
            expecting, filler = False, 0
        elif lowered in (",", "and", "&", "or") or (lowered in ("alongside", "plus") and not expecting):
            expecting = True
        elif lowered == "as" and index + 2 < len(tokens) and tokens[index + 1].casefold() == "well":
            index += 3  # "as well as" continues the list
            expecting = True
            continue
        elif lowered == "such" and index + 1 < len(tokens) and tokens[index + 1].casefold() == "as":
            index += 2  # "such as" introduces the items
            continue
        elif not expecting and token.isalpha() and token.islower() and lowered not in _BREAK \
                and index + 2 < len(tokens) and tokens[index + 1] in (",", "and") \
                and PLACEHOLDER.fullmatch(tokens[index + 2]):
            index += 1  # a noun after an item: "Tesla's Optimus program and Agility Robotics"
            continue
        elif not expecting and found and _owned_item_ahead(tokens, index):
            found.pop()  # "the Hefei municipal government's Hefei Holding": the item is the one owned
            expecting = True
            index = _owned_item_ahead(tokens, index)
            continue
        elif not expecting and lowered not in _CONTINUE:
            break
        elif lowered in _BREAK or token in ";:.()\"“”—–" or filler >= 6:
            break
        else:
            filler += 1
        index += 1
    return found


def _owned_item_ahead(tokens: list[str], index: int) -> int:
    """Index of the name after "lower words 's" ("municipal government's ⟦4⟧"), else 0."""
    look = index
    while look < len(tokens) and look - index < 3 and tokens[look].isalpha() and tokens[look].islower() \
            and tokens[look] not in _BREAK:
        look += 1
    if look > index and look + 1 < len(tokens) and tokens[look] in ("'s", "’s") \
            and PLACEHOLDER.fullmatch(tokens[look + 1]):
        return look + 1
    return 0


def list_before(text: str) -> list[str]:
    """Return the placeholder keys of the list of names that ends ``text`` (a subject before its verb).

    >>> list_before("Why ⟦1⟧, ⟦2⟧ are also")
    ['1', '2']
    """
    tokens = _tokens(text)
    index = len(tokens) - 1
    skipped = 0
    while index >= 0 and not PLACEHOLDER.fullmatch(tokens[index]):
        if tokens[index].casefold() in _BREAK - {"to", "is", "are", "was", "were", "has", "have", "had", "will"} \
                or not _LOWER_WORD.fullmatch(tokens[index]) or skipped >= 5:
            return []
        skipped += 1
        index -= 1
    found: list[str] = []
    while index >= 0:
        match = PLACEHOLDER.fullmatch(tokens[index])
        if not match:
            break
        if index + 1 < len(tokens) and tokens[index + 1] in ("'s", "’s") and found:
            break
        found.insert(0, match.group(1))
        index -= 1
        # Descriptors may stand before an item: "X and the angel investor Y".
        look = index
        while look >= 0 and index - look < 3 and _LOWER_WORD.fullmatch(tokens[look]) \
                and tokens[look] not in _BREAK and tokens[look] not in ("and", "&"):
            look -= 1
        if look >= 0 and tokens[look].casefold() in (",", "and", "&"):
            index = look
        else:
            break
        while index >= 0 and tokens[index].casefold() in (",", "and", "&"):
            index -= 1
        if index >= 0 and not PLACEHOLDER.fullmatch(tokens[index]):
            break
    return found


def _first_entity(text: str, exclude: set[str] = frozenset()) -> str | None:
    """The first name that can be the subject: not a modifier ("X-backed"), not inside a phrase
    that starts the sentence with a plain noun ("Analysts at X said")."""
    for match in PLACEHOLDER.finditer(text):
        after = text[match.end():match.end() + 10]
        if match.group(1) in exclude or _MODIFIER_AFTER.match(after):
            continue
        if _NOUN_PHRASE_BEFORE.match(text[:match.start()]):
            continue
        return match.group(1)
    return None


def _object_after(text: str) -> str | None:
    items = list_after(text)
    return items[0] if items else None


def _enumeration(text: str) -> list[str]:
    """The first name of each comma/"and" separated item of an enumeration ("A which ..., B, the C group")."""
    keys = []
    for segment in re.split(r",\s*(?:and\s+)?|\s+and\s+(?=(?:the\s+)?⟦)", re.split(r"[.;]", text)[0]):
        match = PLACEHOLDER.search(segment)
        if match and not re.search(r"\b(?:with|by|of|to)\s+(?:\S+\s+){0,3}?⟦" + match.group(1), segment):
            keys.append(match.group(1))
    return keys


def _funding(masked: _Masked, reference: str | None) -> list[FoundRelation]:
    text, found = masked.text, []
    lowered = text.casefold()
    if not _FUNDING_WORDS.search(lowered):
        return found
    folded = fold(text)  # for may_match: the patterns below that have no hand-written check

    def add(type_: str, source: str | None, target: str | None, led: bool = False, event: bool = True) -> None:
        source_name, target_name = masked.name(source), masked.name(target)
        if source_name and target_name and source_name != target_name:
            found.append(FoundRelation(type_, source_name, target_name, led, event))

    def subject(before: str, exclude: set[str] = frozenset()) -> str | None:
        return _first_entity(before, exclude)

    def deal_subject(before: str, exclude: set[str] = frozenset()) -> str | None:
        """Whose deal a clause is about: the first name that is not an agent ("led by X", "from X")."""
        agents = {m.group(1) for m in _AGENT.finditer(before)}
        return _first_entity(before, set(exclude) | agents)

    def raiser(before: str, exclude: set[str] = frozenset()) -> str | None:
        """Who raised: the name right before the verb, unless a clause stands between them."""
        nearest = [m for m in PLACEHOLDER.finditer(before) if m.group(1) not in exclude]
        if nearest and not _CLAUSE_BREAK.search(before[nearest[-1].end():]):
            return nearest[-1].group(1)
        return _first_entity(before, exclude)

    patterns = [pattern for pattern, needed in ((_INVEST, _INVEST_WORDS), (_PARTICIPATE, _PARTICIPATE_WORDS),
                                                (_STAKE, _STAKE_WORDS)) if needed.search(lowered)]
    for pattern in patterns:
        for match in finditer(pattern, text):
            target = _object_after(text[match.end():])
            later = _LATER_INVESTEE.match(text[match.end():]) if target is None and pattern is _PARTICIPATE else None
            if later:
                target = _object_after(text[match.end() + later.end():])
            investors = list_before(text[:match.start()]) or [subject(text[:match.start()])]
            is_lead = match.group(0).casefold().startswith(("led", "lead", "co-led"))
            for investor in investors:
                add("INVESTED_IN", investor, target, is_lead)
            for partner in _co_investors(text, match.start()):
                add("INVESTED_IN", partner, target)
    for match in finditer(_PARTICIPATE_POSSESSIVE, text) if "'s" in text or "’s" in text else ():
        investors = list_before(text[:match.start()]) or [subject(text[:match.start()])]
        for investor in investors:
            add("INVESTED_IN", investor, match.group("target"), match.group(0).casefold().startswith("le"))
    for match in _JOINING.finditer(text) if "join" in lowered else ():
        partners = list_after(text[match.end():])
        rest = text[match.end():].split(f"⟦{partners[-1]}⟧", 1)[1] if partners else ""
        into = _INTO_ROUND.match(rest) if partners else None
        if into:
            target = _object_after(rest[into.end():])
            for investor in (list_before(text[:match.start()]) or [subject(text[:match.start()])]) + partners:
                add("INVESTED_IN", investor, target)
    for match in _POSSESSIVE_STAKE.finditer(text) if "stake" in lowered or "investment" in lowered else ():
        add("INVESTED_IN", match.group("source"), _object_after(text[match.end():]))
    for match in finditer(_RAISE, text) if "from" in lowered else ():
        target = raiser(text[:match.start()])
        for investor in list_after(text[match.end():]):
            add("INVESTED_IN", investor, target)
    for match in finditer(_INVESTMENT_FROM, text) if "from" in lowered else ():
        for investor in list_after(text[match.end():]):
            add("INVESTED_IN", investor, match.group("target"))
    for match in finditer(_LED_BY, text) if " by " in lowered else ():
        investors = list_after(text[match.end():])
        target = raiser(text[:match.start()], set(investors)) or _reference_key(masked, reference)
        for investor in investors:
            add("INVESTED_IN", investor, target, True)
    for match in finditer(_BACKED_BY, text) if " by " in lowered else ():
        investors = list_after(text[match.end():])
        before = text[:match.start()]
        if re.search(r"\b(?:round|funding|financing|investment|deal|raise)\W+(?:\w+\W+)?$", before, re.IGNORECASE):
            target = subject(before) or _reference_key(masked, reference)
            for investor in investors:
                add("INVESTED_IN", investor, target)
            continue
        near = PLACEHOLDER.findall(before[-60:])
        backed = near[-1] if near else _reference_key(masked, reference)
        for investor in investors:
            add("BACKED_BY", backed, investor, event=False)
    for match in _HYPHEN_BACKED.finditer(text) if "-backed" in lowered or "-funded" in lowered or "-led" in lowered \
            else ():
        if _ROUND_AHEAD.match(text[match.end("kind"):]):
            add("INVESTED_IN", match.group("source"), subject(text[:match.start()]) or
                _reference_key(masked, reference), match.group("kind") == "led")
        elif match.group("target") and match.group("kind") != "led":
            add("BACKED_BY", match.group("target"), match.group("source"), event=False)
    for match in _BACKS.finditer(text) if "back" in lowered else ():
        add("BACKED_BY", _object_after(text[match.end():]), match.group("source"), event=False)
    # "Other investors include X": the article's main company ("Lead investors include" spans deals).
    for match in finditer(_OTHER_INVESTORS, text) if _INVESTOR_NOUNS.search(lowered) else ():
        for investor in list_after(text[match.end():]):
            add("INVESTED_IN", investor, _reference_key(masked, reference), event=False)
    for match in _INVESTORS_INCLUDE.finditer(text) if "'s" in text or "’s" in text else ():
        for investor in list_after(text[match.end():]):
            add("INVESTED_IN", investor, match.group("target"), event=False)
    for match in finditer(_COUNTS, text) if "count" in lowered else ():
        investors = list_after(text[match.end():])
        if investors and _AS_INVESTOR.match(text[match.end():].split(f"⟦{investors[-1]}⟧", 1)[-1]):
            for investor in investors:
                add("INVESTED_IN", investor, subject(text[:match.start()]), event=False)
    for match in finditer(_INVESTOR_IN, text) if _INVESTOR_NOUNS.search(lowered) else ():
        add("INVESTED_IN", match.group("source"), _object_after(text[match.end():]), event=False)
    for match in finditer(_ITS_INVESTOR, text) if _INVESTOR_NOUNS.search(lowered) else ():
        add("INVESTED_IN", match.group("source"), match.group("target"), event=False)
    for match in finditer(_INVESTORS_IN, text) if _INVESTOR_NOUNS.search(lowered) else ():
        for investor in list_after(text[match.end():]):
            add("INVESTED_IN", investor, match.group("target"), event=False)
    for match in finditer(_WITH_PARTICIPLE, text) if "ing" in lowered else ():
        rest = text[match.end():]
        investors = list_after(rest)
        participle = _PARTICIPLE_AFTER.match(rest.split(f"⟦{investors[-1]}⟧", 1)[1]) if investors else None
        if participle:
            target = deal_subject(text[:match.start()], set(investors)) or _reference_key(masked, reference)
            for investor in investors:
                add("INVESTED_IN", investor, target, "lead" in participle.group("verb").casefold())
    for match in finditer(_THE_ROUND, text) if may_match(_THE_ROUND, folded) else ():
        if _LATER_INVESTEE.match(text[match.end():]):
            continue  # "led a round of $5 million into ⟦X⟧" names its investee: never the story's company
        investors = list_before(text[:match.start()]) or [subject(text[:match.start()])]
        is_lead = match.group("verb").casefold() in ("led", "leads", "co-led", "co-leads", "headed", "anchored", "anchors")
        for investor in investors:
            add("INVESTED_IN", investor, _reference_key(masked, reference), is_lead)
    for match in finditer(_LED_BY_IN, text) if " by " in lowered else ():
        for investor in list_after(text[match.end():]):
            add("INVESTED_IN", investor, match.group("target"), "led" in match.group(0).casefold())
    for match in finditer(_JOINED_BY, text) if " by " in lowered else ():
        # "X led the round, joined by Y and Z": Y and Z invest in whatever X invested in.
        investors = list_after(text[match.end():])
        lead = masked.name(deal_subject(text[:match.start()], set(investors)))
        joined = next((relation.target for relation in found if relation.source == lead), None)
        target = next((key for key, name in masked.names.items() if name == joined), None) if joined else None
        for investor in investors:
            add("INVESTED_IN", investor, target or _reference_key(masked, reference))
    for pattern in (_WHICH_INCLUDED, _CAME_FROM):
        for match in pattern.finditer(text) if may_match(pattern, folded) else ():
            investors = list_after(text[match.end():])
            target = deal_subject(text[:match.start()], set(investors)) or _reference_key(masked, reference)
            for investor in investors:
                add("INVESTED_IN", investor, target)
    for match in _AMONG_INVESTORS.finditer(text) if "among" in lowered or "one of" in lowered else ():
        target = _object_after(text[match.end():])
        for investor in list_before(text[:match.start()]) or [subject(text[:match.start()])]:
            add("INVESTED_IN", investor, target, event=False)
    for match in _WHOSE_INVESTORS.finditer(text) if "whose" in lowered else ():
        for investor in list_after(text[match.end():]):
            add("INVESTED_IN", investor, match.group("target"), event=False)
    for match in _IN_WHICH.finditer(text) if "which" in lowered else ():
        rest = text[match.end():]
        investors = list_after(rest)
        if investors and _IN_WHICH_VERB.match(rest.split(f"⟦{investors[-1]}⟧", 1)[1]):
            for investor in investors:
                add("INVESTED_IN", investor, match.group("target"))
    for match in _INVESTED_ALONE.finditer(text) if may_match(_INVESTED_ALONE, folded) else ():
        investors = list_before(text[:match.start()]) or [subject(text[:match.start()])]
        for investor in investors:
            add("INVESTED_IN", investor, _reference_key(masked, reference))
    for match in _PARTICIPATION_FROM.finditer(text) if may_match(_PARTICIPATION_FROM, folded) else ():
        investors = list_after(text[match.end():])
        target = deal_subject(text[:match.start()], set(investors)) or _reference_key(masked, reference)
        for investor in investors:
            add("INVESTED_IN", investor, target)
    return found


def _co_investors(text: str, before: int) -> list[str]:
    """Names a subject joins hands with ("X is joining hands with Y and others in a round")."""
    match = _JOIN_WITH.search(text)
    return list_after(text[match.end():]) if match and match.start() <= before + 40 else []


def _previous_key(masked: _Masked) -> str | None:
    """The previous sentence's subject as a placeholder key ("Rival Target also grew" after "X grew")."""
    if not masked.previous_subject:
        return None
    masked.names.setdefault("previous", masked.previous_subject)
    return "previous"


def _reference_key(masked: _Masked, reference: str | None) -> str | None:
    masked.uses_reference = True
    if not reference:
        return None
    masked.names.setdefault("focus", reference)
    return "focus"


def _rivalry(masked: _Masked, reference: str | None) -> list[FoundRelation]:
    text, pairs = masked.text, []
    if not _RIVALRY_WORDS.search(text.casefold()):
        return []
    for match in _COMPETE.finditer(text):
        rivals = list_before(text[:match.start()]) or [_first_entity(text[:match.start()])]
        for other in list_after(text[match.end():]):
            pairs.extend((rival, other) for rival in rivals)
    for match in _POSSESSIVE_RIVAL.finditer(text):
        pairs.extend((match.group("a"), other) for other in list_after(text[match.start("b") - 1:]))
    for match in _RIVAL.finditer(text):
        if re.search(r"['’]s\s+(?:\w+\s+)?$", text[:match.start()]):
            continue  # "X's rival Y" is handled above
        first = _first_entity(text[:match.start()]) or _previous_key(masked) or _reference_key(masked, reference)
        pairs.extend((first, other) for other in list_after(text[match.end():]))
    for match in _COMPETITOR.finditer(text):
        before, after = text[:match.start()], text[match.end():]
        if re.search(r"['’]s\s+(?:\w+\s+)?$", before):
            continue
        named = list_before(re.sub(r"\b(?:an?|the)\s+$", "", before))
        if not named:
            # "X and competitors such as Y and Z"
            subject = _first_entity(before) or _reference_key(masked, reference)
            if _NAMES_FOLLOW.match(after):
                pairs.extend((subject, other) for other in list_after(after))
            continue
        targets = list_after(after) if _NAMES_FOLLOW.match(after) else []
        if not targets:
            appositive = re.search(r"⟦(\w+)⟧,\s+(?:an?|the|another)\s+(?:[\w-]+\s+){0,2}?(?=⟦)", before)
            targets = [appositive.group(1)] if appositive else []
        pairs.extend((name, target) for name in named for target in targets)
    for match in _COMPETE_TOGETHER.finditer(text):
        pairs.extend(combinations(list_before(text[:match.start()]), 2))
    for match in _BIGGEST_PLAYERS.finditer(text):
        pairs.extend(combinations(list_before(text[:match.start()]), 2))
    for match in _DOMINATED.finditer(text):
        items = _enumeration(text[match.end():])
        if len(items) == _NUMBERS[match.group("count").casefold()]:
            pairs.extend(combinations(items, 2))
    found = []
    for first, second in pairs:
        a, b = masked.name(first), masked.name(second)
        if a and b and a != b:
            found.append(FoundRelation("COMPETES_WITH", a, b))
    return found


@dataclass(frozen=True)
class SentenceReading:
    """What a sentence says: its relations, its subject, and whether it leaned on the main company."""

    relations: list[FoundRelation]
    subject: str | None
    uses_reference: bool


def read_sentence(sentence: str, spans: list[tuple[int, int, str]], reference: str | None = None,
                  previous_subject: str | None = None) -> SentenceReading:
    """Return the relations the sentence states between the named spans (start, end, name).

    ``reference`` is the entity "the company" stands for (the article's main company);
    ``previous_subject`` is what a sentence-initial "It" or "The startup" refers to.
    """
    masked = mask(sentence, spans, reference, previous_subject)
    subject = masked.name(_first_entity(masked.text))
    found = _funding(masked, reference) + _rivalry(masked, reference)
    unique: dict[tuple[str, str, str], FoundRelation] = {}
    for relation in found:
        key = (relation.type, relation.source, relation.target)
        if key not in unique or relation.led:
            unique[key] = relation
    return SentenceReading(list(unique.values()), subject, masked.uses_reference)


def find_relations(sentence: str, spans: list[tuple[int, int, str]], reference: str | None = None,
                   previous_subject: str | None = None) -> list[FoundRelation]:
    """Return the relations the sentence states (see :func:`read_sentence`)."""
    return read_sentence(sentence, spans, reference, previous_subject).relations
