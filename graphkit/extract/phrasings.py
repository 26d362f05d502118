"""More rivalry, ownership and backing phrasings, and the bodies that never fund anyone.

Read on a masked sentence (names as ``⟦i⟧``, references as ``⟦rN⟧``) like :mod:`clauses`:

* rivalry: "X is racing against Y", "X is taking on Y and Z", "X is in direct competition with
  Y's app" (the rival is Y), "It competes at home with Y" (a few words between the verb and "with"),
  "Rival Y is struggling ..." at a sentence's start (Y is the story company's rival);
* backing: "launched with backing from A and B";
* ownership (owners count as investors): "a joint venture of/between A and B", "jointly owned by A
  and B", "A owns 51% and B 49%";
* regulators ("... Administration", "... Authority", FDA, SEC) give approvals, never money:
  "certification from the Federal Aviation Administration" is no funding link.

Examples
--------
>>> names = {"0": "Vexa", "1": "Tarn", "2": "Orla"}
>>> [(r.source, r.target) for r in more_rivalry("⟦0⟧ is taking on ⟦1⟧ and ⟦2⟧.", names, None, None)]
[('Vexa', 'Tarn'), ('Vexa', 'Orla')]
>>> [(r.type, r.source, r.target) for r in more_funding("⟦0⟧ is a joint venture of ⟦1⟧ and ⟦2⟧.", names, None)]
[('INVESTED_IN', 'Tarn', 'Vexa'), ('INVESTED_IN', 'Orla', 'Vexa')]
>>> is_regulator("Federal Aviation Administration"), is_regulator("Qatar Investment Authority")
(True, False)
"""

from __future__ import annotations

import re

from graphkit.extract.relations import PLACEHOLDER, FoundRelation, _first_entity, list_after, list_before

# --- regulators -------------------------------------------------------------------------------
_REGULATOR_TAILS = frozenset("administration authority agency commission ministry regulator office "
                             "inspectorate".split())
# Sovereign funds and family offices carry the same tails but do invest.
_INVESTING_WORDS = frozenset("investment investments fund funds wealth capital family holding holdings sovereign "
                             "development venture ventures pension".split())
REGULATOR_ACRONYMS = frozenset("""FDA FAA SEC EMA MHRA FCA CFTC FTC EPA NHTSA CAAC CSRC CBIRC NMPA SAMR MAS FINRA OCC
FDIC CMA EASA FCC PMDA SEBI TGA CNBV BaFin ESMA CAC MIIT NDRC FSA FSC ACCC ASIC Ofcom Ofgem CPUC NRC DOJ""".split())


def is_regulator(name: str) -> bool:
    """A public body that approves or licenses: "... Administration/Authority/Agency/Commission/
    Ministry/Regulator/Office", "Ministry of ...", or a well-known regulator acronym.

    >>> is_regulator("FDA"), is_regulator("Ministry of Trade"), is_regulator("Cedar Family Office")
    (True, True, False)
    """
    if name in REGULATOR_ACRONYMS:
        return True
    words = [word.casefold().strip(".,") for word in name.split()]
    if not words or _INVESTING_WORDS & set(words):
        return False
    return words[-1] in _REGULATOR_TAILS or (words[0] in ("ministry", "department") and len(words) > 2)


# "approval from ⟦X⟧", "certification by the ⟦X⟧": a permit, not money
_PERMIT_FROM = re.compile(r"\b(?:approvals?|certifications?|certificates?|clearances?|licen[cs]es?|permits?|"
                          r"permission|authori[sz]ations?|waivers?|nod|go-ahead|green\s+light|sign-off|consent|"
                          r"accreditation)\s+(?:[\w-]+\s+){0,3}?(?:from|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?⟦(\w+)⟧",
                          re.IGNORECASE)


def drop_regulator_funding(relations: list[FoundRelation], text: str, names: dict[str, str]) -> list[FoundRelation]:
    """Remove funding edges whose funder is a regulator or is only named as granting a permit.

    >>> r = [FoundRelation("INVESTED_IN", "FDA", "Vexa")]
    >>> drop_regulator_funding(r, "⟦0⟧ won approval from the ⟦1⟧.", {"0": "Vexa", "1": "FDA"})
    []
    """
    if not relations:
        return relations
    permits = {names.get(m.group(1)) for m in _PERMIT_FROM.finditer(text)} if "from" in text or "by" in text \
        else set()
    kept = []
    for relation in relations:
        funder = relation.source if relation.type == "INVESTED_IN" else \
            relation.target if relation.type == "BACKED_BY" else None
        if funder and (funder in permits or is_regulator(funder)):
            continue
        kept.append(relation)
    return kept


# --- rivalry ----------------------------------------------------------------------------------
_RIVAL_CHECK = re.compile(r"rac|taking\s+on|takes\s+on|compet|rival|head|against|war|battle|likes\s+of", re.IGNORECASE)
# "racing against ⟦X⟧", "in a race with ⟦X⟧"
_RACING = re.compile(r"\b(?:racing|races|raced|in\s+an?\s+(?:[\w-]+\s+)?race)\s+(?:with|against)\s+(?=(?:the\s+)?⟦)",
                     re.IGNORECASE)
# "is taking on ⟦X⟧ and ⟦Y⟧" (not "took on X as a client")
_TAKING_ON = re.compile(r"\b(?:taking|takes)\s+on\s+(?:the\s+(?:likes\s+of\s+)?|rivals\s+(?:such\s+as\s+)?|"
                        r"incumbents\s+(?:such\s+as\s+|like\s+)?)?(?=⟦)(?!⟦\w+⟧(?:['’]s|\s+as\b))")
# "(puts ⟦A⟧) in direct competition with ⟦X⟧('s ⟦Y⟧)"
_IN_COMPETITION = re.compile(r"\b(?:in|into)\s+(?:direct\s+|head-on\s+|fierce\s+|stiff\s+|close\s+|open\s+)?"
                             r"competition\s+with\s+(?:the\s+likes\s+of\s+)?(?=⟦)", re.IGNORECASE)
# "competes at home with ⟦X⟧", "competes in China with ⟦X⟧" (words between, no name)
_COMPETES_WORDS_WITH = re.compile(r"\bcompet(?:e|es|ed|ing)\s+(?:(?!with\b|against\b|for\b|together\b|jointly\b|"
                                  r"along\b|alongside\b|partner)[\w-]+\s+){1,3}?"
                                  r"(?:with|against)\s+(?=⟦)", re.IGNORECASE)
# "going head-to-head with ⟦X⟧", "is up against ⟦X⟧"
_HEAD_TO_HEAD = re.compile(r"\b(?:(?:go|goes|going|went|compet\w*|battl\w*)\s+head[- ]to[- ]head\s+(?:with|against)|"
                           r"(?:is|are|was|were|be|being)\s+(?:now\s+|directly\s+)?up\s+against)\s+(?:the\s+likes\s+of\s+)?"
                           r"(?=⟦)", re.IGNORECASE)
# "the rivalry between ⟦X⟧ and ⟦Y⟧"
_BETWEEN = re.compile(r"\b(?:rivalry|competition|price\s+war|battle\s+for\s+[\w\s-]{1,30}?|race)\s+between\s+(?=⟦)",
                      re.IGNORECASE)
# "⟦A⟧ counts ⟦X⟧ and ⟦Y⟧ among its competitors"
_COUNTS_RIVALS = re.compile(r"\bcounts?\s+(?P<items>(?:⟦\w+⟧(?:\s*,\s*|\s+and\s+|\s*,\s+and\s+)?){1,6})\s*among\s+"
                            r"(?:its\s+|their\s+|the\s+|⟦r\d+⟧['’]s\s+)(?:\w+\s+)?(?:rivals|competitors)\b",
                            re.IGNORECASE)
# "competing against the likes of ⟦X⟧"
_LIKES_OF = re.compile(r"\b(?:compet\w*\s+(?:with\s+|against\s+)?|vy\w*\s+with\s+|vie[sd]?\s+with\s+|battl\w*\s+(?:with\s+|"
                       r"against\s+)?|against\s+|taking\s+on\s+|rivals\s+)the\s+likes\s+of\s+(?=⟦)", re.IGNORECASE)
# "⟦A⟧ is ⟦B⟧'s biggest rival", "⟦A⟧, ⟦B⟧'s closest competitor,"
_IS_NAMED_RIVAL = re.compile(r"⟦(?P<a>\w+)⟧(?:\s+(?:is|was|remains|has\s+become|became)|,)\s+(?:also\s+)?⟦(?P<b>\w+)⟧['’]s\s+"
                             r"(?:(?:biggest|main|closest|nearest|largest|chief|key|fiercest|top|major|arch|direct|"
                             r"primary|principal|leading|only|domestic|local|global)[\w-]*\s+){0,2}(?:rival|competitor)\b")
# "Rival ⟦X⟧ is ..." at the sentence's start
_RIVAL_OPENER = re.compile(r"^\W*(?:(?:Its|The|A)\s+)?(?:[\w-]+\s+)?(?:[Rr]ival|[Cc]ompetitor)\s+"
                           r"(?:(?!(?:from|for|of|to|in|by|with|at|on|and|or)\b)[a-z][\w-]*\s+){0,2}?⟦(?P<b>\w+)⟧"
                           r"(?!\s*(?:,|and|&)\s*⟦)")
_OWNED_ITEM = re.compile(r"^⟦(?P<owner>\w+)⟧['’]s\s+(?:[\w-]+\s+){0,2}?⟦(?P<item>\w+)⟧")


def _clause_subject(before: str) -> str | None:
    """The name closest before a trigger in its clause ("puts ⟦A⟧ in competition"), else the first."""
    clause = re.split(r"[;:]|,\s+(?:and|but|while|as)\s+", before)[-1]
    keys = [m for m in PLACEHOLDER.finditer(clause) if not re.match(r"\s*-\w", clause[m.end():])]
    if keys and not re.search(r"['’]s\b|,", clause[keys[-1].end():]):
        near = clause[keys[-1].end():]
        if len(near.split()) <= 3:
            return keys[-1].group(1)
    return _first_entity(before)


def more_rivalry(text: str, names: dict[str, str], company: str | None, reference: str | None
                 ) -> list[FoundRelation]:
    """COMPETES_WITH pairs of the module doc's rivalry phrasings; ``company`` stands for an
    unnamed subject, ``reference`` is the story's main company (whose rival a sentence-opening
    "Rival X" is).

    >>> names = {"0": "Vexa", "1": "Tarn", "2": "Tarn Go"}
    >>> [(r.source, r.target) for r in more_rivalry("⟦0⟧ is in direct competition with ⟦1⟧'s ⟦2⟧.", names, None, None)]
    [('Vexa', 'Tarn')]
    """
    if not _RIVAL_CHECK.search(text):
        return []
    pairs: list[tuple[str | None, str | None]] = []

    def objects(rest: str) -> list[str | None]:
        owned = _OWNED_ITEM.match(rest.lstrip())
        if owned:  # "competition with X's app": X is the rival
            return [names.get(owned.group("owner"))]
        return [names.get(key) for key in list_after(rest)]

    for match in _IS_NAMED_RIVAL.finditer(text) if "'s" in text or "’s" in text else ():
        pairs.append((names.get(match.group("a")), names.get(match.group("b"))))
    for match in _LIKES_OF.finditer(text) if "likes of" in text else ():
        first = names.get(_clause_subject(text[:match.start()]) or "") or company
        pairs.extend((first, names.get(key)) for key in list_after(text[match.end():]))
    for match in _BETWEEN.finditer(text) if "between" in text else ():
        items = [names.get(key) for key in list_after(text[match.end():])]
        pairs.extend((a, b) for index, a in enumerate(items) for b in items[index + 1:])
    for match in _COUNTS_RIVALS.finditer(text) if "count" in text else ():
        first = names.get(_first_entity(text[:match.start()]) or "") or company
        pairs.extend((first, names.get(key)) for key in PLACEHOLDER.findall(match.group("items")))
    lowered = text.casefold()
    for pattern, word in ((_RACING, "rac"), (_TAKING_ON, "taking on"), (_TAKING_ON, "takes on"),
                          (_IN_COMPETITION, "competition"), (_COMPETES_WORDS_WITH, "compet"), (_HEAD_TO_HEAD, "head"),
                          (_HEAD_TO_HEAD, "up against")):
        if word not in lowered or word == "takes on" and "taking on" in lowered \
                or word == "up against" and "head" in lowered:
            continue  # the pattern cannot match (or was already run)
        for match in pattern.finditer(text):
            before = text[:match.start()]
            first = names.get(_clause_subject(before) or "") or company
            pairs.extend((first, other) for other in objects(text[match.end():]))
    opener = _RIVAL_OPENER.match(text)
    if opener:
        pairs.append((reference or company, names.get(opener.group("b"))))
    return [FoundRelation("COMPETES_WITH", a, b, False, False) for a, b in pairs if a and b and a != b]


_OWNED_RIVAL = re.compile(r"\b(?:compet\w*|rival\w*|vy\w*|vie[sd]?|racing|taking\s+on)\s+(?:[\w-]+\s+){0,2}?"
                          r"(?:with|against|on)\s+⟦\w+⟧['’]s\s+(?:[\w-]+\s+){0,2}?⟦(\w+)⟧", re.IGNORECASE)


def not_rivals(text: str, names: dict[str, str]) -> set[str]:
    """Names whose rivalry pairs read elsewhere are wrong: the rival a sentence opens with
    ("Rival ⟦X⟧ is struggling": X is the story company's rival, not the sentence's others') and
    a rival's product ("competition with ⟦X⟧'s ⟦Y⟧": X is the rival).

    >>> sorted(not_rivals("Rival ⟦1⟧ competes with ⟦2⟧'s ⟦3⟧.", {"1": "Tarn", "2": "Orla", "3": "Orla Go"}))
    ['Orla Go', 'Tarn']
    """
    found = set()
    opener = _RIVAL_OPENER.match(text) if "ival" in text[:40] or "ompetitor" in text[:40] else None
    if opener:
        found.add(names.get(opener.group("b")))
    if ("'s" in text or "’s" in text) and _RIVAL_CHECK.search(text):
        found.update(names.get(m.group(1)) for m in _OWNED_RIVAL.finditer(text))
    return {name for name in found if name}


# --- backing and ownership --------------------------------------------------------------------
_FUNDING_CHECK = re.compile(r"backing|joint|owned|%|per\s?cent", re.IGNORECASE)
_BACKING_FROM = re.compile(r"\b(?:with|has|had|received|secured|got|won|enjoys)\s+(?:the\s+)?(?:financial\s+|strong\s+|"
                           r"early\s+)?backing\s+(?:from|of)\s+(?=⟦)", re.IGNORECASE)
_JOINT_VENTURE = re.compile(r"\bjoint\s+venture\s+(?:of|between|formed\s+by|set\s+up\s+by|owned\s+by)\s+(?=⟦)",
                            re.IGNORECASE)
_JOINTLY_OWNED = re.compile(r"\b(?:jointly\s+owned|co-owned|owned\s+jointly|(?:majority|minority|partly|part)-owned)\s+"
                            r"by\s+(?=⟦)", re.IGNORECASE)
# "formed ⟦X⟧, a joint venture", "⟦X⟧, their joint venture": the subjects own X
_FORMED_VENTURE = re.compile(r"\b(?:formed|set\s+up|created|established|launched|founded)\s+⟦(?P<venture>\w+)⟧\s*,\s+"
                             r"(?:a|an|their|the)\s+(?:[\w-]+\s+){0,2}?joint\s+venture\b", re.IGNORECASE)
# "with ⟦B⟧ holding the rest"
_HOLDING_REST = re.compile(r"\bwith\s+⟦(?P<b>\w+)⟧\s+(?:holding|owning|controlling)\s+(?:the\s+(?:rest|remainder|remaining|"
                           r"other)|" + r"(?:about\s+|around\s+|roughly\s+|nearly\s+)?\d+(?:\.\d+)?\s?(?:%|per\s?cent))",
                           re.IGNORECASE)
_JV_HEAD = re.compile(r"⟦(?P<head>\w+)⟧,?\s+(?:is\s+|was\s+|which\s+is\s+|a\s+|an\s+|the\s+)*(?:[\w-]+\s+){0,2}?"
                      r"(?:joint\s+venture|jointly\s+owned|co-owned|owned\s+jointly)")
_OWNED_BEFORE = re.compile(r"⟦(\w+)⟧,?\s+(?:is|was|,)?\s*(?:majority|minority|partly|part|jointly)[- ]owned")
_STAKE_OF = re.compile(r"(?:%|per\s?cent|stake)\s+(?:of|in)\s+⟦(\w+)⟧")
_PERCENT = r"(?:about\s+|around\s+|roughly\s+|nearly\s+)?\d+(?:\.\d+)?\s?(?:%|per\s?cent)"
# "⟦A⟧ owns 51% and ⟦B⟧ (holds) the remaining 49%"
_SPLIT_OWNERS = re.compile(r"⟦(?P<a>\w+)⟧\s+(?:owns|holds|controls|has)\s+(?:a\s+)?" + _PERCENT +
                           r"(?:\s+stake)?(?:\s+(?:of|in)\s+⟦(?P<z>\w+)⟧|(?!\s+(?:of|in)\b))\s*"
                           r"(?:,\s*(?:and|while|with)?|and|while|with)\s+"
                           r"⟦(?P<b>\w+)⟧\s+(?:owns\s+|holds\s+|has\s+|controls\s+)?(?:the\s+(?:remaining|rest|other)\s+)?"
                           + _PERCENT)


def more_funding(text: str, names: dict[str, str], company: str | None) -> list[FoundRelation]:
    """Backing and ownership relations of the module doc; ``company`` is an unnamed subject.

    >>> names = {"0": "Vexa", "1": "Tarn", "2": "Orla"}
    >>> [(r.type, r.source, r.target) for r in more_funding("⟦1⟧ owns 51% and ⟦2⟧ 49%.", names, "Vexa")]
    [('INVESTED_IN', 'Tarn', 'Vexa'), ('INVESTED_IN', 'Orla', 'Vexa')]
    """
    if not _FUNDING_CHECK.search(text):
        return []
    found: list[FoundRelation] = []

    def add(type_: str, source: str | None, target: str | None) -> None:
        if source and target and source != target:
            found.append(FoundRelation(type_, source, target, False, False))

    for match in _BACKING_FROM.finditer(text) if "backing" in text else ():
        backed = names.get(_first_entity(text[:match.start()]) or "") or company
        for key in list_after(text[match.end():]):
            add("BACKED_BY", backed, names.get(key))
    if "joint" in text or "owned" in text:
        for pattern in (_JOINT_VENTURE, _JOINTLY_OWNED):
            for match in pattern.finditer(text):
                head = _JV_HEAD.search(text[:match.end()])
                venture = names.get(head.group("head")) if head else None
                venture = venture or names.get(_first_entity(text[:match.start()]) or "") or company
                for key in list_after(text[match.end():]):
                    add("INVESTED_IN", names.get(key), venture)
    for match in _SPLIT_OWNERS.finditer(text) if "%" in text or "cent" in text else ():
        for key in ("a", "b"):
            add("INVESTED_IN", names.get(match.group(key)), names.get(match.group("z") or "") or company)
    if "joint" in text:
        for match in _FORMED_VENTURE.finditer(text):
            for key in list_before(text[:match.start()]):
                add("INVESTED_IN", names.get(key), names.get(match.group("venture")))
    for match in _HOLDING_REST.finditer(text) if "with" in text else ():
        # the company owned is named before in the sentence ("owns 40% of ⟦Z⟧", "⟦Z⟧ is majority-owned")
        owned = [r.target for r in found] + [names.get(m.group(1)) for m in
                                              _OWNED_BEFORE.finditer(text[:match.start()])] + \
            [names.get(m.group(1)) for m in _STAKE_OF.finditer(text[:match.start()])]
        if owned and owned[-1]:
            add("INVESTED_IN", names.get(match.group("b")), owned[-1])
    return found


# --- "The new company" ------------------------------------------------------------------------
_FORMED = re.compile(r"\b(?:formed|form|forming|set\s+up|sets\s+up|setting\s+up|created|create|creating|launched|"
                     r"established|establish|founded|spun\s+off|spin\s+off)\s+(?:(?:a|an|the)\s+)?"
                     r"(?:(?:new|joint|separate|independent)\s+)?(?:[\w-]+\s+){0,2}?(?:(?:company|venture|entity|firm|"
                     r"business|unit|subsidiary)\s+)?(?:(?:called|named)\s+)?⟦(?P<a>\w+)⟧|"
                     r"⟦(?P<b>\w+)⟧,\s+(?:a|the)\s+(?:new|newly\s+(?:formed|created|established)|planned)\s+"
                     r"(?:[\w-]+\s+){0,2}?(?:company|venture|entity|firm|business|unit|subsidiary|startup|start-up)\b|"
                     r"\bnew\s+(?:[\w-]+\s+){0,2}?(?:company|venture|entity|firm|business)\s*,?\s+(?:called|named|dubbed)\s+"
                     r"⟦(?P<c>\w+)⟧", re.IGNORECASE)
_NEW_COMPANY = re.compile(r"^\W*The\s+(?:new|newly\s+(?:formed|created|established))\s+(?:joint\s+)?(?:company|"
                          r"venture|entity|firm|business|unit|subsidiary|startup|start-up)\b")


def newly_formed(text: str, names: dict[str, str]) -> str | None:
    """The company a sentence says was just formed ("A and B set up ⟦X⟧, a new venture"), if any.

    >>> newly_formed("⟦0⟧ and ⟦1⟧ formed ⟦2⟧, a new ride-hailing venture.", {"0": "A", "1": "B", "2": "Nova"})
    'Nova'
    """
    if "⟦" not in text or not _FORMED_WORDS.search(text):
        return None
    match = _FORMED.search(text)
    return names.get(match.group("a") or match.group("b") or match.group("c")) if match else None


_FORMED_WORDS = re.compile(r"\b(?:form(?:ed|ing)?|set(?:s|ting)?\s+up|creat(?:e|ed|ing)|launched|establish(?:ed)?|founded|"
                           r"sp[iu]n\s+off|new|newly)\b", re.IGNORECASE)


def to_new_company(relations: list[FoundRelation], sentence: str, masked_text: str, names: dict[str, str],
                   formed: str | None) -> list[FoundRelation]:
    """"The new company will compete with X" after a sentence that formed ⟦N⟧: N competes, not the
    story's older company that "the ... company" otherwise stands for.

    >>> r = [FoundRelation("COMPETES_WITH", "Old", "Tarn")]
    >>> to_new_company(r, "The new company will compete with Tarn.", "⟦r0⟧ will compete with ⟦1⟧.",
    ...                {"r0": "Old", "1": "Tarn"}, "Nova")[0].source
    'Nova'
    """
    if not formed or not _NEW_COMPANY.match(sentence) or not masked_text.startswith("⟦r"):
        return relations
    old = names.get(masked_text[1:masked_text.index("⟧")])
    if not old or old == formed:
        return relations
    return [FoundRelation(r.type, formed if r.source == old else r.source, formed if r.target == old else r.target,
                          r.led, r.event) for r in relations
            if formed not in (r.source, r.target) or old not in (r.source, r.target)]
