"""Round participants named in the sentences that follow a funding sentence.

News about a round often names the company once and the investors later, sentence by sentence:
"Acme raised $20 million. Tellus Capital led the round. Brio Ventures and Kestrel Partners also
took part." A sentence whose investors take part (led / joined / invested / took part / returned
/ participated / put money into the round) without naming an investee gets the current round's
company: the target of the most recent funding sentence of the same section, else the section's
main company. Another investor of the same sentence is never the target ("led by A, with B
participating" gives A and B, not B -> A).

Examples
--------
>>> participants("⟦0⟧ and ⟦1⟧, a pension fund, also took part, ⟦2⟧ said.")
['0', '1']
>>> participants("⟦0⟧ led the round, and ⟦1⟧ and the Colombian group ⟦2⟧ also participated.")
['0', '1', '2']
>>> sorted(investor_slots("The round was led by ⟦3⟧'s ⟦4⟧, with participation from "))
['3', '4']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, fields

from graphkit.extract.anycase import AnyCase
from graphkit.extract.clauses import extra_funding, extra_rivalry, owner_units
from graphkit.extract.money import find_amount
from graphkit.extract.phrasings import (
    drop_regulator_funding,
    more_funding,
    more_rivalry,
    newly_formed,
    not_rivals,
    to_new_company,
)
from graphkit.extract.relations import (
    PLACEHOLDER,
    FoundRelation,
    SentenceReading,
    _first_entity,
    list_after,
    list_before,
    mask,
)

_ROUND_NOUN = r"(?:round|deal|financing|raise|fundraising|funding|investment|tranche|extension)"
# A participation verb with no investee after it: the clause ends right after it (or after
# "as new investors", "too", "in the round").
_PARTICIPATION = re.compile(
    r"\b(?P<also>(?:also|too|likewise|again)\s+)?(?P<verb>joined|joins|participated|participates|took\s+part|"
    r"takes\s+part|co-invested|invested|returned|followed\s+on|chipped\s+in|came\s+in|"
    r"(?:bought|buys|purchased)\s+(?:new\s+)?shares|"
    r"(?:hold|holds|held|own|owns|owned)\s+(?:a\s+)?(?:minority\s+|small\s+|large\s+|big\s+)?stakes?|"
    r"put\s+(?:money|capital|cash|funds)\s+(?:in|into)\s+(?:the|this)\s+(?:\w+\s+)?" + _ROUND_NOUN + r"|"
    r"(?:led|co-led|anchored|headed)\s+(?:the|this)\s+(?:[\w$.-]+\s+){0,3}?" + _ROUND_NOUN + r"|"
    r"(?:participated|took\s+part|joined|invested)\s+in\s+(?:the|this)\s+(?:[\w$.-]+\s+){0,3}?" + _ROUND_NOUN + r")"
    r"(?P<tail>\s+(?:as\s+(?:\w+\s+)?(?:investors?|backers?|shareholders?)|too|as\s+well|again|"
    r"in\s+the\s+(?:offering|listing|ipo|sale|round|deal)))?"
    r"(?=\s*(?:[.;,]|$))", re.IGNORECASE)
# Verbs that also have other senses ("X joined Google", "the CEO returned") need a sign of a round.
_AMBIGUOUS = re.compile(r"joins?|joined|returned|came\s+in|invested|co-invested", re.IGNORECASE)
_CLAUSE_START = re.compile(r"[;:]|,\s+(?:and|but|while|whereas)\s+|\b(?:while|whereas)\s+|^", re.IGNORECASE)
# Appositions and relative clauses between a subject and its verb: ", a municipal fund,".
_INSERTION = re.compile(r",\s+(?:(?:which|who|whose|a|an|the|its|their|one|part|founded|based|owned|run)\b|"
                        r"⟦\w+⟧['’]s\s)[^,;]*,", re.IGNORECASE)
_ITEM_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+(?:and|&)\s+|\s+as\s+well\s+as\s+", re.IGNORECASE)
_ALSO_AFTER = re.compile(r"^,?\s+(?:alongside|along\s+with|together\s+with|as\s+did|as\s+has|as\s+have|"
                         r"and\s+so\s+did)\s+", re.IGNORECASE)
_TRAILING_APPOSITION = re.compile(r",\s+(?:a|an|the|who|which|whose)\b[^,;.]*")
_DESCRIBES_NEXT = re.compile(r"^\s+(?:(?!of\b)[a-z][\w-]*\s+){1,2}(?=⟦)")
_FILLER = re.compile(r"[^\W\d_][\w'’-]*")
_BY_OR_FROM = re.compile(r"\b(?:led|co-led|backed|funded|financed|joined|headed|anchored)\s+(?:\w+\s+)?by\s+|"
                         r"\b(?:participation|investment|money|funding|capital)\s+(?:\w+\s+)?from\s+|"
                         r"\bfrom\s+(?=⟦)", re.IGNORECASE)
# "led the round", "joined the financing": the sentence refers back to the round already described.
_DEFINITE_ROUND = re.compile(r"\b(?:the|this)\s+(?:[\w-]+\s+)?" + _ROUND_NOUN + r"\b", re.IGNORECASE)


@dataclass(frozen=True)
class CarriedRelation(FoundRelation):
    """A lead stated in a sentence that refers back to a round ("X led the round"): the amount and
    round name come from ``round_sentence``, the sentence that described the round (the round's
    other participants get none, as annotators copy amounts only to the lead)."""

    round_sentence: str | None = None


def _carry(relations: list[FoundRelation], target: str | None, round_text: str | None) -> list[FoundRelation]:
    """The leads of ``target``'s round, marked to take their amount from ``round_text``."""
    if not round_text:
        return relations
    return [CarriedRelation(*(getattr(r, f.name) for f in fields(FoundRelation)), round_sentence=round_text)
            if r.type == "INVESTED_IN" and r.event and r.led and r.target == target
            and not isinstance(r, CarriedRelation)
            else r for r in relations]


# Cheap checks that let most sentences skip a family of patterns.
_ROUND_GATE = AnyCase(r"rais|secur|clos|land|bag|nab|pick|round|series|investment|funding|financ|extension|"
                      r"valuation|sale|tender")
_PARTICIPATION_GATE = AnyCase(r"join|particip|part\b|invest|return|follow|chip|came|put\b|led\b|anchor|head|"
                              r"bought|buys|purchased|stake")
_BARE_JOIN = re.compile(r"⟦\w+⟧,?\s+(?:also\s+|too\s+)?(?:joined|joins|returned)(?=\s*(?:[.;,]|$))", re.IGNORECASE)
_ROUND_WORDS = re.compile(r"round|series|funding|financing|invest|stake|\d", re.IGNORECASE)
_LED = re.compile(r"⟦(\w+)⟧\s+(?:also\s+)?(?:co-)?led\b")
_OWNER = re.compile(r"⟦(\w+)⟧['’]s\s+(?:[\w-]+\s+){0,2}?⟦")


# A sentence that opens a round without naming investors: "X has raised $8 million", "a Series A in X".
_ROUND_IN = re.compile(r"\b(?:round|series\s+[a-h]\w*|investment|funding|financing|raise|extension)\s+(?:in|into|for)\s+"
                       r"⟦(\w+)⟧", re.IGNORECASE)
_RAISED = re.compile(r"\b(?:raised|raises|raising|secured|secures|closed|closes|landed|lands|bagged|nabbed|"
                     r"picked\s+up)\s+(?:an?\s+)?(?:[^\s⟦]+\s+){0,3}?(?:[$€£¥₹]|(?:US|R|Rs|S)\$|Rs\.?\s|\d)",
                     re.IGNORECASE)


# "X hit a $45 billion valuation in a share sale", "X's tender offer values it at ..."
_VALUED = re.compile(r"\b(?:valuation|share\s+sale|tender\s+offer|secondary\s+sale)\b", re.IGNORECASE)


def round_opened(text: str) -> str | None:
    """The key of the company a masked sentence says is raising money, when it names no investor.

    >>> round_opened("Accra-based ⟦0⟧, which farms, has raised an $8 million seed extension.")
    '0'
    >>> round_opened("The first investment is a $14 million Series A in ⟦2⟧, a startup.")
    '2'
    """
    match = _ROUND_IN.search(text)
    if match:
        return match.group(1)
    match = _RAISED.search(text) or _VALUED.search(text)
    if match:
        return _first_entity(text[:match.start()])
    return None


def investor_slots(text: str) -> set[str]:
    """Keys standing where investors stand (after "led by", "participation from"), and owners of a
    named unit ("X's Y Fund": X only owns the actor); neither can be the company that raised."""
    keys = {match.group(1) for match in _OWNER.finditer(text)}
    for match in _BY_OR_FROM.finditer(text):
        keys.update(list_after(text[match.end():]))
    return keys


def _item_head(item: str) -> str | None:
    """The name an item of a subject list stands for ("the family office of ⟦3⟧" -> 3)."""
    candidates = list(PLACEHOLDER.finditer(item))
    for position, match in enumerate(candidates):
        after = item[match.end():]
        if position + 1 < len(candidates) and (after.startswith(("'s", "’s", "-")) or _DESCRIBES_NEXT.match(after)):
            continue
        words = _FILLER.findall(PLACEHOLDER.sub(" ", item))
        return match.group(1) if len(words) <= 6 else None
    return None


def participants(text: str, round_nearby: bool = True, others: set[str] | None = None,
                 round_known: bool = True) -> list[str]:
    """Placeholder keys of the investors a masked sentence says took part in the current round.

    ``round_nearby`` tells whether a funding sentence came just before; verbs with other senses
    ("joined", "returned", "invested") count without it only with "also" or "as investors".
    ``others`` receives the keys of the same clauses that only describe a participant ("X's
    venture arm", "the Y unit of Z"). Without ``round_known`` (no round told so far) those verbs
    count only with "as investors" ("Microsoft also joined" an alliance is no investment).
    """
    found: list[str] = []
    others = set() if others is None else others
    for match in _PARTICIPATION.finditer(text):
        if _AMBIGUOUS.fullmatch(match.group("verb")) and not (
                round_known and (round_nearby or match.group("also")) or match.group("tail")):
            continue
        before = text[:match.start()]
        start = max((m.end() for m in _CLAUSE_START.finditer(before)), default=0)
        clause = _INSERTION.sub(" ", before[start:])
        if clause.count("⟦") == 0:
            continue
        heads = [_item_head(item) for item in _ITEM_SPLIT.split(clause) if "⟦" in item]
        if None in heads:
            continue  # not a plain list of names: "X said on Tuesday that Y ..."
        found.extend(head for head in heads if head not in found)
        others.update(key for key in PLACEHOLDER.findall(before[start:]) if key not in heads)
        extra = _ALSO_AFTER.match(text[match.end():])
        if extra:
            # "alongside angel investor A, a former B executive": B only describes A.
            rest = _TRAILING_APPOSITION.sub("", text[match.end() + extra.end():])
            found.extend(key for key in list_after(rest) if key not in found)
    return found


def _round_target(reading: SentenceReading, people: set[str]) -> str | None:
    """The company a sentence reports money going into (its most frequent investee), if any."""
    if not reading.relations:
        return None  # most sentences: no need to build the counts
    sources = {r.source for r in reading.relations if r.type == "INVESTED_IN"}
    targets = Counter(r.target for r in reading.relations
                      if r.type == "INVESTED_IN" and r.event and r.target not in people and r.target not in sources)
    return targets.most_common(1)[0][0] if targets else None


# "H, a University of X spinout which raised ...": X only describes H, the apposition's head.
_APPOSITION_MODIFIER = re.compile(r"⟦(?P<head>\w+)⟧,\s+(?:a|an|the)\s+(?:[^,;⟦]+\s+)?⟦(?P<inner>\w+)⟧"
                                  r"(?:['’]s)?\s+(?:[\w-]+\s+){1,2}?(?:which|that|who)\b")


# "Its main rival, Monzo, raised ...": the named one acts, not its rival.
_NAMED_RELATIVE = re.compile(r"⟦(?P<owner>\w+)⟧['’]s\s+(?:[\w-]+\s+){0,2}?(?:rival|competitor|peer|unit|subsidiary|"
                             r"arm|affiliate|parent|division|spin-?off|sister\s+company)\s*,\s+⟦(?P<named>\w+)⟧,")


_ITS = re.compile(r"(?<!⟦)(?<=\s)\w*\s*⟦(r\d+)⟧['’]s\s+(?:[\w-]+\s+){0,3}?" + _ROUND_NOUN)


_OWNER_MODIFIER = re.compile(r"⟦(\w+)⟧\s*-(?:owned|backed|funded|controlled|led)\s+(?:[\w-]+\s+){0,2}?(?:company|"
                             r"startup|start-up|firm|unit|subsidiary|business|group|rival|platform)\b")
_EXECUTIVE_LED = re.compile(r"\bled\s+by\s+(?:the\s+|its\s+)?(?:company['’]s\s+|⟦\w+⟧['’]s\s+)?(?:chief\s+executive|"
                            r"ceo|chairman|chairwoman|president|chief\s+\w+\s+officer|cfo|coo|managing\s+director)"
                            r"(?:\s+officer)?\s+⟦(\w+)⟧", re.IGNORECASE)
_NOBODY = "\x00"  # a target that cannot be told: the edge is dropped


def _retarget(relations: list[FoundRelation], masked, fallback: str | None) -> list[FoundRelation]:
    """Move edges away from names that cannot have raised the money: one standing where investors
    stand ("led by X's Y Fund", "participation from Z") goes to the round's company; a name that
    only describes an apposition's head ("H, a X spinout which raised") goes to the head."""
    if not any(relation.type == "INVESTED_IN" for relation in relations):
        return relations
    # "The deal was led by chief executive X": an executive leads the deal, no money of theirs.
    executives = {masked.names.get(m.group(1)) for m in _EXECUTIVE_LED.finditer(masked.text)}
    relations = [r for r in relations if not (r.type == "INVESTED_IN" and r.source in executives)]
    slots = {masked.names[key] for key in investor_slots(masked.text) if key in masked.names}
    heads = {masked.names[m.group("inner")]: masked.names[m.group("head")]
             for m in _APPOSITION_MODIFIER.finditer(masked.text)}
    heads.update((masked.names[m.group("owner")], masked.names[m.group("named")])
                 for m in _NAMED_RELATIVE.finditer(masked.text) if m.group("owner") in masked.names)
    # "A and B backed its seed round": "its" cannot be B, one of the subjects; all of them invest.
    backers: set[str] = set()
    for match in _ITS.finditer(masked.text):
        subjects = {masked.names.get(key) for key in list_before(masked.text[:match.start()])}
        own = masked.names.get(match.group(1))
        if own in subjects:
            heads.setdefault(own, fallback if fallback and fallback not in subjects else _NOBODY)
            if fallback and fallback not in subjects:
                backers.update(name for name in subjects if name)
    fixed = []
    for relation in relations:
        if relation.type == "INVESTED_IN":
            target = heads.get(relation.target) or (fallback if relation.target in slots else relation.target)
            if not target or target == relation.source or target is _NOBODY:
                continue
            if target != relation.target:
                relation = FoundRelation(relation.type, relation.source, target, relation.led, relation.event)
        fixed.append(relation)
    have = {r.source for r in fixed if r.type == "INVESTED_IN" and r.target == fallback}
    fixed.extend(FoundRelation("INVESTED_IN", name, fallback) for name in sorted(backers - have))
    return fixed


def _with_clauses(relations: list[FoundRelation], masked, company: str | None,
                  people: set[str] = frozenset(), reference: str | None = None) -> list[FoundRelation]:
    """Add the relations of :mod:`graphkit.extract.clauses`; a unit named after its owner acts for it;
    people never compete ("founded by A and B, the company is vying with C": the company does)."""
    units = owner_units(masked.text, masked.names) if "'s" in masked.text or "’s" in masked.text else {}
    if units:
        relations = [FoundRelation(r.type, units.get(r.source, r.source), r.target, r.led, r.event)
                     if r.type == "INVESTED_IN" else
                     FoundRelation(r.type, r.source, units.get(r.target, r.target), r.led, r.event)
                     for r in relations]
    have = {(r.source, r.target) for r in relations if r.type == "INVESTED_IN"} | \
        {(r.target, r.source) for r in relations if r.type == "BACKED_BY"}
    for relation in extra_funding(masked.text, masked.names, company) + more_funding(masked.text, masked.names, company):
        pair = (relation.source, relation.target) if relation.type == "INVESTED_IN" else \
            (relation.target, relation.source)
        if pair not in have and relation.source != relation.target:
            have.add(pair)
            relations.append(relation)
    # "The X-owned company competes with Y": X only owns the rival.
    owners = {masked.names[m.group(1)] for m in _OWNER_MODIFIER.finditer(masked.text) if m.group(1) in masked.names}
    relations = [r for r in relations if r.type != "COMPETES_WITH" or not {r.source, r.target} & (people | owners)]
    wrong = not_rivals(masked.text, masked.names) if reference or company else set()  # "Rival X is ..."
    if wrong:
        relations = [r for r in relations if r.type != "COMPETES_WITH" or not wrong & {r.source, r.target}]
    rivals = {frozenset((r.source, r.target)) for r in relations if r.type == "COMPETES_WITH"}
    for relation in extra_rivalry(masked.text, masked.names, company, masked.previous_subject) + \
            more_rivalry(masked.text, masked.names, company, reference):
        pair = frozenset((relation.source, relation.target))
        if pair not in rivals and not pair & people:
            rivals.add(pair)
            relations.append(relation)
    return relations


def _fix_investor_targets(relations: list[FoundRelation], fallback: str | None) -> list[FoundRelation]:
    """"Led by A, with B participating": B's target is A's target, never A."""
    invested = {r.source: r.target for r in relations if r.type == "INVESTED_IN"}
    fixed = []
    for relation in relations:
        if relation.type == "INVESTED_IN" and relation.target in invested:
            target = invested[relation.target]
            target = target if target not in invested else fallback
            if not target or target == relation.source:
                continue
            relation = FoundRelation(relation.type, relation.source, target, relation.led, relation.event)
        fixed.append(relation)
    return fixed


def add_round_followups(sentences: list, names: dict[str, str], references: dict[int, str | None],
                        blocked: set[str], people: set[str],
                        readings: list[tuple[str | None, SentenceReading]]) -> list[tuple[str | None, SentenceReading]]:
    """Return the readings with round participants of follow-up sentences added (see module doc).

    ``sentences`` are the article's sentences (text, spans, section, section_index), ``names`` maps
    a surface form to its entity, ``references`` a section to its main company.
    """
    result = []
    section, current, since, last_named, round_text = None, None, 99, None, None
    funders: set[str] = set()
    formed: str | None = None  # the company the previous sentence formed
    for sentence, (previous_subject, reading) in zip(sentences, readings):
        if sentence.section is not section:
            section, current, since, last_named, round_text = sentence.section, None, 99, None, None
            funders, formed = set(), None
        reference = references.get(sentence.section_index)
        spans = [(span.start, span.end, names[span.name]) for span in sentence.spans
                 if names[span.name] not in blocked]
        if not spans and not reading.relations:  # nothing to read: a round cannot open or gain a name here
            since += 1
            result.append((previous_subject, reading))
            last_named = last_named if sentence.headline else None
            continue
        masked = mask(sentence.text, spans, reference, previous_subject)
        opened = masked.name(round_opened(masked.text)) if not sentence.headline \
            and _ROUND_GATE.found(sentence.text) else None
        if opened and opened not in people:
            round_text = sentence.text if opened != current or find_amount(sentence.text) else round_text
            current, since = opened, 0
        target = current or reference
        relations = _retarget(list(reading.relations), masked, target)
        relations = _fix_investor_targets(relations, target)
        relations = _with_clauses(relations, masked, last_named or reference or previous_subject, people, reference)
        relations = to_new_company(relations, sentence.text, masked.text, masked.names, formed)
        formed = newly_formed(masked.text, masked.names)
        if previous_subject in funders and masked.text.startswith("⟦r") and (current or reference) \
                and masked.names.get(masked.text[1:masked.text.index("⟧")]) == previous_subject:
            # "General Atlantic invested. The retailer competes with Temu": the retailer is the company.
            company = current or reference
            relations = [FoundRelation(r.type, company if r.source == previous_subject else r.source,
                                       company if r.target == previous_subject else r.target, r.led, r.event)
                         if r.type == "COMPETES_WITH" else r for r in relations]
        if target and not sentence.headline and _PARTICIPATION_GATE.found(sentence.text):
            others: set[str] = set()
            pairs = [(key, masked.names[key]) for key in participants(masked.text, since <= 2, others, current is not None)
                     if not key.startswith("r") and masked.names[key] != target]
            if pairs:
                led = {match.group(1) for match in _LED.finditer(masked.text)}
                chosen = {name for _, name in pairs}
                described = {masked.names[key] for key in others} - chosen
                # Participants' edges to another company of this sentence came from the same clause
                # read with the wrong company ("the company" = an earlier subject): replace them.
                # Names that only describe a participant ("X's venture arm") invest in nothing here.
                relations = [r for r in relations if not (r.type == "INVESTED_IN" and (
                    r.source in chosen and r.target != target and r.target in (reference, *chosen)
                    or r.source in described and r.target in (target, reference)))]
                have = {(r.source, r.target) for r in relations if r.type == "INVESTED_IN"}
                for key, name in pairs:
                    if (name, target) not in have:
                        relations.append(FoundRelation("INVESTED_IN", name, target, key in led, True))
        if current is None and _BARE_JOIN.search(masked.text) and not _ROUND_WORDS.search(sentence.text):
            # "Brio and Tamsa also joined." with no round told so far: an alliance, not a deal.
            relations = [r for r in relations if not (r.type == "INVESTED_IN" and r.target == reference)]
        if current and _DEFINITE_ROUND.search(sentence.text) and not find_amount(sentence.text):
            relations = _carry(relations, current, round_text)
        relations = drop_regulator_funding(relations, masked.text, masked.names)
        funders.update(r.source for r in relations if r.type == "INVESTED_IN")
        new_target = _round_target(SentenceReading(relations, None, False), people)
        if new_target:
            if new_target != current or find_amount(sentence.text):
                round_text = sentence.text if find_amount(sentence.text) else None
            current, since = new_target, 0
        else:
            since += 1
        result.append((previous_subject, SentenceReading(relations, reading.subject, reading.uses_reference)))
        # "The X-backed company" means the company the previous sentence opened with ("Shares of H ...").
        investing = {r.source for r in relations if r.type == "INVESTED_IN"} | \
            {r.target for r in relations if r.type == "BACKED_BY"}
        opener = next((name for _, _, name in sorted(spans) if name not in people and name not in investing), None)
        last_named = opener if not sentence.headline else last_named
    return result
