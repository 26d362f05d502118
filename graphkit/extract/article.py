"""Extract one article: its entities (with labels and in-article aliases) and its relations.

Steps: drop boilerplate; split sentences; find names (headlines last, so that they can reuse
the names the body spells out); drop news outlets cited as sources and the publisher; group the
names that stand for one entity within the article ("Mr Varga" -> "Ilse Varga", "Orla" ->
"Orla Capital", "TPH" -> "Tinville Ports and Harbours"); find relations sentence by
sentence, with "it"/"the company" resolved to the previous sentence's subject or the article's
main company; keep the entities the story treats as actors.

Examples
--------
>>> from graphkit.model import Article, Section
>>> text = "Acme Robotics raised $5 million from Orla Capital and Jane Smith, its chief executive said."
>>> result = extract_article(Article(id="a1", title="", sections=(Section(text=text),)))
>>> [(r.type, r.source, r.target, r.evidence.amount) for r in result.relations]
[('INVESTED_IN', 'Orla Capital', 'Acme Robotics', '$5 million'), ('INVESTED_IN', 'Jane Smith', 'Acme Robotics', '$5 million')]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from graphkit.extract.anycase import search
from graphkit.extract.attribution import own_text, tied_amount, without_past_clauses
from graphkit.extract.boilerplate import clean_text
from graphkit.extract.dates import find_date
from graphkit.extract.followups import add_round_followups
from graphkit.extract.labels import entity_labels, looks_like_person
from graphkit.extract.mentions import MentionContext, Span, find_mentions, is_title_case
from graphkit.extract.money import find_amount, find_amounts, find_round
from graphkit.extract.relations import FoundRelation, SentenceReading, read_sentence
from graphkit.extract.sentences import split_sentences
from graphkit.extract.wordlists import (
    ACTOR_VERBS,
    COMMON_WORDS,
    COMPANY_WORDS,
    FUND_WORDS,
    INVESTOR_WORDS,
    ORGANIZATION_HEADS,
    PERSON_TITLES,
    PRODUCT_NOUNS,
)
from graphkit.graph import node_key
from graphkit.model import Article, ArticleExtraction, Evidence, Mention, Relation, Section

# Extra words that do not make a longer name a different entity ("Quillon" = "Quillon AI").
_GENERIC_TAIL = COMPANY_WORDS | INVESTOR_WORDS | frozenset("ai global international".split())
_ORGANIZATION_WORDS = COMPANY_WORDS | INVESTOR_WORDS | FUND_WORDS | ORGANIZATION_HEADS
_DESCRIPTOR_NOUNS = ("company|firm|startup|start-up|bank|carmaker|automaker|chipmaker|maker|rival|conglomerate|"
                     "giant|consortium|operator|provider|investor|backer|fund|lender|insurer|retailer|airline|"
                     "manufacturer|developer|magazine|newspaper|agency|regulator|exchange|group|unit|subsidiary|"
                     "partner|platform|competitor|peer")
_TITLES = "|".join(sorted(PERSON_TITLES - {"investor", "partner"}))
_ORG_BEFORE = re.compile(rf"(?:\b(?:{_DESCRIPTOR_NOUNS})|-based|-listed|-headquartered|\bparent)\s+$|"
                         r"\b(?:made|built|created|developed|produced|manufactured|run|operated)\s+by\s+"
                         r"(?:[A-Z][\w.-]*\s+){0,3}?(?:[A-Z][\w.-]*['’]s\s+)?$", re.IGNORECASE)
_ORGANIZATION_TYPE_BEFORE = re.compile(r"\b(?:magazine|newspaper|agency|regulator|exchange|university|ministry|"
                                       r"parliament|council|watchdog|authority)\s+$", re.IGNORECASE)
_INVESTOR_BEFORE = re.compile(r"\b(?:investors?|backers?|(?:venture|vc|private[- ]equity|investment)\s+(?:capital\s+)?"
                              r"firms?)\s+(?:(?:which\s+|that\s+)?(?:include|includes|including|such\s+as|like)\s+"
                              r"(?:[A-Z0-9][\w.&’'-]*,?\s+(?:and\s+)?)*)?$")
_INVESTMENT_FIRM_BEFORE = re.compile(r"\b(?:venture(?:\s+capital)?|vc|private[- ]equity|investment|buyout)\s+"
                                     r"(?:firm|fund|investor|arm|house)s?\s+$", re.IGNORECASE)
# "Acumen's Resilient Agriculture Fund", "Alphabet's venture arm": the owner of an investing unit is an actor.
_OWNS_INVESTOR_AFTER = re.compile(r"^['’]s\s+(?:(?:[\w-]+\s+){0,2}?(?:venture|investment|investing)\s+(?:capital\s+)?"
                                  r"(?:arm|unit|fund|vehicle)\b|(?:[A-Z0-9][\w-]*\s+){0,4}?(?:Fund|Ventures|Capital|"
                                  r"Partners|Investments?)\b)")
# "Kaszek Ventures V", "Orbit Fund 2": a numbered vehicle, not the firm's full name.
_VEHICLE_NUMBER = re.compile(r"\d{1,2}|[ivx]{1,4}")
# "founded in 2021 by A and B", "started by Raman and B": founders are people (one-word names are not
# taken for people without other cues, so "a coalition started by Stripe" stays an organization).
_FOUNDED_BY_BEFORE = re.compile(r"\b(?i:founded|co-founded|cofounded|started)\s+(?:in\s+\d{4}\s+)?by\s+"
                                r"(?:(?:former|ex-)\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}?(?:[a-z][\w-]*\s+){0,2}?"
                                r"(?:and\s+)?$")
# "engineers A B and C D": the second of a pair after a plural title is a person too.
_TITLED_PAIR_BEFORE = re.compile(rf"\b(?i:{_TITLES})s\s+(?:[A-Z][\w'’-]*\s+){{1,3}}and\s+$")
_EMPLOYER_AFTER = re.compile(r"^\s+(?:executive|engineer|employee|manager|banker|analyst|researcher|director|"
                             r"veteran|alumnus|scientist|producer|official|staffer|designer)s?\b", re.IGNORECASE)
# "who previously ran creator partnerships at YouTube", "worked for a decade at X"
_WORKED_AT_BEFORE = re.compile(r"\b(?:ran|run|runs|worked|works|working|served|led)\s+(?:[\w-]+\s+){0,3}?(?:at|for)\s+$",
                               re.IGNORECASE)
_EMPLOYEE_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|its|former|ex-)\s+$")
# "pension fund AP4", "development fund Norfund": a named fund described by its kind.
_FUND_KIND_BEFORE = re.compile(r"\b(?:pension|sovereign(?:\s+wealth)?|wealth|development|hedge|endowment|"
                               r"infrastructure|municipal|state|government|retirement)\s+funds?\s+$", re.IGNORECASE)
_INVESTOR_AFTER = re.compile(r"^\s*(?:,|-|—|–|\()\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:venture(?:\s+capital)?|vc|"
                             r"private[- ]equity|growth(?:\s+equity)?|investment|buyout)\s+(?:firm|fund|investor|"
                             r"company|group|manager)\b", re.IGNORECASE)
_STAKE_AFTER = re.compile(r"^['’]s\s+(?:\d+(?:\.\d+)?\s?%\s+)?(?:stake|investment|investments|holding)\b", re.IGNORECASE)
_ORG_AFTER = re.compile(
    rf"^\s*(?:,|-|—|–)\s+(?:a|an|the|another|its)\s+(?:[\w’'-]+\s+){{0,4}}?(?:{_DESCRIPTOR_NOUNS})\b"
    rf"|^\s+(?:co-?founder|founder|creator|ceo|chief\s+executive|boss|chairman)\b|^\s*['’]s\s+(?:[\w-]+\s+){{0,2}}?(?:{_TITLES})\b",
    re.IGNORECASE)
_EMPLOYER_BEFORE = re.compile(r"\b(?:analyst|executive|director|engineer|researcher|partner|head|chief|editor|"
                              r"professor|employee|founder|ceo|economist|strategist|scientist|lawyer|adviser|advisor|"
                              r"spokesman|spokeswoman|spokesperson|manager)s?\s+(?:at|of|with|for)\s+$", re.IGNORECASE)
# A bare "investor X" names firms as often as people ("existing investor Hero MotoCorp").
_PERSON_BEFORE = re.compile(rf"\b(?:(?:{_TITLES})s?|(?:angel|individual|private|billionaire)\s+investor)\s+$",
                            re.IGNORECASE)
_PERSON_AFTER = re.compile(rf"^,\s+(?:the\s+|a\s+|an\s+|another\s+)?(?:[\w’'-]+\s+){{0,4}}?(?:{_TITLES}|employee)\b",
                           re.IGNORECASE)
_SPEAKER_BEFORE = re.compile(r"\b(?:said|says|added|according\s+to)\s+(?:[\w&]+\s+){0,4}?(?:[\w&]+['’]s\s+)?"
                             r"(?:[a-z]+\s+){0,2}$")
_QUOTE_SPEAKER_BEFORE = re.compile(r"[,\"”’]\s*(?:said|says|added|continued|explained)\s+"
                                   r"(?:(?:[\w&.-]+\s+){0,4}?[\w&.-]+['’]s\s+)?$")
_QUOTE_SPEAKER_AFTER = re.compile(r"^\s+(?:said|says|added|told|explained)\b[^.]{0,40}$|^\s+(?:said|says|added)[.,]")
_ACTOR_AFTER = re.compile(r"^\s+(?:has\s+|have\s+|had\s+|also\s+|is\s+|will\s+|now\s+|recently\s+)?(?:"
                          + "|".join(sorted(ACTOR_VERBS)) + r")\b", re.IGNORECASE)
_PRODUCT_BEFORE = re.compile(r"\b(?:maker|makers|developer|creator|creators)\s+of\s+(?:the\s+)?$|\bbehind\s+$|"
                             r"\buses?\s+$", re.IGNORECASE)
_PRODUCT_AFTER = re.compile(
    rf"^\s*-?(?:maker|developer)\b|^\s+(?:developer|maker)\s+[A-Z]|^\s+(?:\d[\w.]*\s+)?(?:users|subscribers|chatbot|app|"
    rf"model|software|technology|system|engine|program)\b|^,\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,4}}?"
    rf"(?:{'|'.join(sorted(PRODUCT_NOUNS))})\b(?!\s+(?:maker|developer|company|provider|operator))",
    re.IGNORECASE)
_SOURCE_BEFORE = re.compile(r"(?:according\s+to|(?:note|report|survey|study|analysis|data)\s+(?:by|from)|as\s+reported\s+by|reported\s+by|report\s+(?:by|from|in)|per\s+(?:a|an)"
                            r"|told|cited\s+by)\s+(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE)
_SOURCE_AFTER = re.compile(r"^(?:\s+(?:first\s+)?reported\b(?!\s+(?:a|an|its|their|the|net|revenue|profits?|losses|"
                           r"earnings|sales|results))|\s+report\b|\s+requests?\s+for\s+comment|\s*,\s+which\s+first\s+"
                           r"reported|\s*\)\s*[-–—]|\s+data\s+(?:shows?|showed|suggests?|indicates?|compiled))",
                           re.IGNORECASE)
# "a Rotterdam company", "Zurich start-up X": a one-word name used as a place.
_PLACE_MODIFIER_AFTER = re.compile(r"^\s+(?:company|start-?up|firm|office|offices|headquarters|plant|factory)\b",
                                   re.IGNORECASE)
# A bank or research house seen through its analysts or its underwriting, whatever its name says.
_BROKER_AFTER = re.compile(r"^\s+(?:analysts?|strategists?|economists?)\b|^\s+(?:was|were|is|are|will\s+be)\s+(?:the\s+|a\s+|an\s+)?"
                           r"(?:lead\s+|joint\s+|sole\s+)?(?:underwriters?|bookrunners?|arrangers?|placement\s+agents?)\b",
                           re.IGNORECASE)
_BROKER_BEFORE = re.compile(r"\b(?:analysts?|strategists?|economists?)\s+(?:at|from|with)\s+$", re.IGNORECASE)
_BOURSE_AFTER = re.compile(r"^\s+(?:stock\s+)?(?:market|exchange|bourse|index)\b(?!\s+(?:share|leader|value))")
# "X, its fifth fund,", "X, the climate fund founded by ...": the name is a fund.
_FUND_AFTER = re.compile(r"^\s*,\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}?fund\b(?!\s+(?:manager|management|"
                         r"firm|company|group|house))", re.IGNORECASE)
_DATELINE_AFTER = re.compile(r"^,\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*$")
_WORK_BEFORE = re.compile(r"\b(?:game|title|film|movie|novel|franchise|album|drama|series)\s+$")
# A name a company does business with is an actor: "partnered with X", "orders from X", "acquired X",
# "customers include X, Y and Z".
_DEALS_WITH_BEFORE = re.compile(
    r"\b(?:partner(?:ed|ing|s)?\s+with|partnership\s+with|(?:deal|contract|agreement|merger|tie-up|alliance)\s+with|"
    r"joint\s+venture\s+with|orders?\s+from|acquir(?:e|es|ed|ing)|acquisition\s+of|bought|buys|sold\s+to|supplier\s+to|"
    r"(?:customers|clients|partners|suppliers|buyers)\s+(?:such\s+as|including|include|includes|like))\s+"
    r"(?:the\s+)?(?:[A-Z0-9][\w.&’'-]*,?\s+(?:and\s+)?)*$")
_SITE_SUFFIX_BEFORE = re.compile(r"\S\s+[–—|-]\s*$")
_TERM_BEFORE = re.compile(r"(?<![A-Za-z])[a-z]+\s+\($")
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+")
_NAME_WORD = re.compile(r"[\w’'&.-]+")
_GENERIC_SOURCE_WORDS = frozenset("the news com www co daily online net org".split())
_URL_HOST = re.compile(r"^\w+://([^/?#]*).*$", re.DOTALL)


@dataclass
class _Sentence:
    text: str
    section: Section
    section_index: int
    spans: list[Span] = field(default_factory=list)
    headline: bool = False


@dataclass
class _Entity:
    name: str
    forms: Counter = field(default_factory=Counter)
    person: bool = False
    cues: set[str] = field(default_factory=set)
    sentences: set[int] = field(default_factory=set)


def _sentences(article: Article, texts: list[str], context: MentionContext) -> list[_Sentence]:
    found = []
    for index, (section, cleaned) in enumerate(zip(article.sections, texts)):
        for text in split_sentences(cleaned):
            found.append(_Sentence(text, section, index, headline=is_title_case(text, context)))
    return found


def _publisher_words(source: str | None) -> frozenset[str]:
    words = re.findall(r"[a-z0-9]+", (source or "").casefold())
    return frozenset(word for word in words if word not in _GENERIC_SOURCE_WORDS)


def _is_publisher(name: str, publisher: frozenset[str]) -> bool:
    words = set(node_key(name).split("-"))
    return bool(publisher) and bool(words) and words <= publisher


def _group_key(name: str) -> str:
    return node_key(_HONORIFIC.sub("", name))


def _words(name: str) -> list[str]:
    return node_key(name).split("-")


def _raw_words(name: str) -> list[str]:
    return [word.casefold().rstrip(".") for word in _NAME_WORD.findall(name)]


def initials(name: str) -> str:
    """The acronym a multi-word name would have: "International Finance Corporation" -> "IFC".

    >>> initials("International Finance Corporation"), initials("Bank of Tinville"), initials("Acme")
    ('IFC', 'BT', '')
    """
    words = [word for word in re.findall(r"[A-Za-z][\w’'-]*", name) if word.casefold() not in ("of", "and", "the", "for")]
    return "".join(word[0].upper() for word in words) if len(words) > 1 else ""


def _alias_map(entities: dict[str, _Entity], acronyms: dict[str, str], body_start: dict[str, int]) -> dict[str, str]:
    """Map each group key to the key of the entity it names within the article.

    ``body_start`` gives each key's first sentence outside headlines: a short form used before the
    long one in running text is its own entity ("Samsung ... Samsung Next").
    """
    mapping: dict[str, str] = {}
    keys = list(entities)
    words_of = {key: key.split("-") for key in keys}
    by_initials: dict[str, list[str]] = {}
    for key, entity in entities.items():
        for form in entity.forms:
            if initials(form):
                by_initials.setdefault(initials(form), []).append(key)
    for short in keys:
        short_words = words_of[short]
        candidates = []
        for long in keys:
            long_words = words_of[long]
            if long == short or len(long_words) <= len(short_words):
                continue
            extra_front, extra_back = long_words[:-len(short_words)], long_words[len(short_words):]
            if entities[long].person and long_words[-len(short_words):] == short_words:
                candidates.append(long)  # a surname: "Varga" -> "Ilse Varga", "O'Rourke"
            elif long_words[:len(short_words)] == short_words and not entities[long].person \
                    and all(word in _GENERIC_TAIL for word in extra_back):
                candidates.append(long)  # "Orla" -> "Orla Capital"
            elif long_words[:len(short_words)] == short_words and not entities[long].person \
                    and not entities[short].person and not any(word in FUND_WORDS for word in extra_back) \
                    and not _VEHICLE_NUMBER.fullmatch(extra_back[-1]) \
                    and body_start.get(short, 10**6) >= body_start.get(long, 10**6) \
                    and all(len(_words(form)) == len(_raw_words(form)) for form in entities[short].forms):
                candidates.append(long)  # "Kizuna Cloud ... Kizuna said": the name shortened after first use
            elif long_words[-len(short_words):] == short_words and extra_front and not entities[long].person \
                    and (short_words[-1] in FUND_WORDS and len(short_words) >= 2
                         or short_words[-1] not in _GENERIC_TAIL):
                candidates.append(long)  # "Growth Fund" -> "Harbor Growth Fund", "Labs" unit names
        # "Helios" beside "Helios Investment Partners" and "Helios Towers": the name that only adds
        # generic words is the one shortened.
        generic = [long for long in candidates if words_of[long][:len(short_words)] == short_words
                   and all(word in _GENERIC_TAIL for word in words_of[long][len(short_words):])]
        if len(candidates) == 1:
            mapping[short] = candidates[0]
        elif len(generic) == 1 and not entities[short].person:
            mapping[short] = generic[0]
    for key, entity in entities.items():
        acronym = next((form for form in entity.forms if form.isupper() and 2 <= len(form) <= 6), None)
        spelled = {long for long in by_initials.get(acronym, []) if long != key} if acronym else set()
        if key not in mapping and len(spelled) == 1:
            mapping[key] = spelled.pop()  # "IFC" -> "International Finance Corporation"
    for acronym, full in acronyms.items():
        if acronym in entities and full in entities and acronym != full:
            mapping[acronym] = full
    resolved = {}
    for key in keys:
        target = key
        for _ in range(4):
            target = mapping.get(target, target)
        resolved[key] = target
    return resolved


def _canonical(forms: Counter) -> str:
    """The most complete common form: longest without a trailing corporate suffix, then most used."""
    def score(form: str) -> tuple:
        ends_with_suffix = form.split()[-1].casefold().rstrip(".") in {
            "inc", "ltd", "co", "corp", "plc", "llc", "limited", "group", "holding", "holdings", "corporation"}
        return (len(forms) > 1 and ends_with_suffix, -len(form.split()), -forms[form], form)
    return min(forms, key=score)


def _cues(sentence: str, span: Span) -> set[str]:
    # Cues sit next to the name; a bounded window keeps the end-anchored searches cheap (the costliest
    # run through anycase.search: the same answer, found faster in the lower-cased window).
    before, after = sentence[max(0, span.start - 120):span.start], sentence[span.end:span.end + 120]
    cues = set()
    if span.titled:
        cues.add("titled")
    if search(_PERSON_BEFORE, before) or _PERSON_AFTER.match(after) or _TITLED_PAIR_BEFORE.search(before) \
            or _FOUNDED_BY_BEFORE.search(before) and not _EMPLOYER_AFTER.match(after):
        cues.add("person context")  # (not "founded by former X producer Y": X employed Y)
    if _ORGANIZATION_TYPE_BEFORE.search(before):
        cues.add("organization type")
    if _INVESTOR_BEFORE.search(before):
        cues.add("investor")
    if _FUND_KIND_BEFORE.search(before) or _FUND_AFTER.match(after):
        cues.add("fund")
    if span.possessor and _OWNS_INVESTOR_AFTER.match(after):
        cues.add("owner")
    if _EMPLOYER_AFTER.match(after) and _EMPLOYEE_ARTICLE_BEFORE.search(before) or _WORKED_AT_BEFORE.search(before):
        cues.add("organization")  # "a former SAP executive"
    if _INVESTMENT_FIRM_BEFORE.search(before) or _INVESTOR_AFTER.match(after):
        cues.add("investment firm")
    if _STAKE_AFTER.match(after):
        cues.add("invests")
    if _ORG_BEFORE.search(before) or _ORG_AFTER.match(after) or search(_EMPLOYER_BEFORE, before) \
            or _DEALS_WITH_BEFORE.search(before):
        cues.add("organization")
    if _SPEAKER_BEFORE.search(before) or _ACTOR_AFTER.match(after):
        cues.add("actor")
    if not span.possessor and (_QUOTE_SPEAKER_BEFORE.search(before) or _QUOTE_SPEAKER_AFTER.match(after)):
        cues.add("speaker")
    if _PRODUCT_BEFORE.search(before) or _PRODUCT_AFTER.match(after) or (
            span.name.isupper() and _TERM_BEFORE.search(before) and after.startswith(")")):
        # a product, or an abbreviated term: "autonomous vehicle (AV)"
        cues.add("product")
    if search(_SOURCE_BEFORE, before) or _SOURCE_AFTER.match(after) or (
            _SITE_SUFFIX_BEFORE.search(before) and not after.strip(" .")):
        cues.add("source")  # ... or a page title's trailing "– Site Name"
    if " " not in span.name and _PLACE_MODIFIER_AFTER.match(after) and not span.possessor \
            or _DATELINE_AFTER.match(after):
        cues.add("place")  # ... or a dateline: "Addis Ababa, Thursday"
    if _BROKER_AFTER.match(after) or _BROKER_BEFORE.search(before):
        cues.add("broker")
    if _BOURSE_AFTER.match(after) and before.rstrip().casefold().endswith("the"):
        cues.add("bourse")
    if _WORK_BEFORE.search(before):
        cues.add("product")  # "the open-world title X", "the role-playing game X"
    return cues


def _collect(article: Article) -> tuple[list[_Sentence], dict[str, _Entity], dict[str, str]]:
    texts = [clean_text(section.text or "") for section in article.sections]
    if article.title and texts and article.title.strip() not in texts[0]:
        texts[0] = f"{article.title.strip()}\n{texts[0]}"  # a reader that kept the headline apart
    base = MentionContext.from_text("\n".join(texts))
    sentences = _sentences(article, texts, base)
    body_spans = {index: find_mentions(sentence.text, base, False)
                  for index, sentence in enumerate(sentences) if not sentence.headline}
    known = {span.tokens for spans in body_spans.values() for span in spans}
    context = MentionContext(base.lowercase_words, base.word_counts, tuple(sorted(known, key=len, reverse=True)))
    # A sentence that starts with a name beginning with an ordinary word ("Ask Lumen has ...") is
    # read again knowing the names the article writes elsewhere.
    starts = {name[0] for name in known if len(name) > 1}
    for index in body_spans:
        first = sentences[index].text.split(maxsplit=1)[0] if sentences[index].text.strip() else ""
        if first in starts and (first.casefold() in COMMON_WORDS or first.casefold() in base.lowercase_words):
            body_spans[index] = find_mentions(sentences[index].text, context, False, use_known=True)
    entities: dict[str, _Entity] = {}
    acronyms: dict[str, str] = {}
    # No publisher given: the site's own name is the host's ("news.crunchbase.com" -> crunchbase).
    publisher = _publisher_words(article.source or _URL_HOST.sub(r"\1", article.url or ""))
    for index, sentence in enumerate(sentences):
        # Known names only change headlines; body sentences keep their first reading.
        spans = body_spans[index] if index in body_spans else find_mentions(sentence.text, context, True)
        sentence.spans = [span for span in spans if not _is_publisher(span.name, publisher)]
        for span in sentence.spans:
            key = _group_key(span.name)
            entity = entities.setdefault(key, _Entity(span.name))
            entity.forms[span.name] += 1
            entity.sentences.add(index)
            entity.cues |= _cues(sentence.text, span)
            acronym = re.match(r"\s*\(([A-Z][A-Za-z0-9]{1,7})\)", sentence.text[span.end:])
            if acronym and len(span.name.split()) > 1 and acronym.group(1)[0] == span.name[0]:
                acronyms[_group_key(acronym.group(1))] = key
    for entity in entities.values():
        organization_words = any(word in _ORGANIZATION_WORDS for form in entity.forms for word in _raw_words(form))
        several_words = any(len(form.split()) > 1 for form in entity.forms)
        # Someone quoted ("...," said Kwame Mensah) is a person unless the text also shows an organization.
        entity.person = not organization_words and (
            "titled" in entity.cues or several_words and (
                "person context" in entity.cues or "speaker" in entity.cues and "organization" not in entity.cues)) \
            or any(looks_like_person(form) for form in entity.forms)
    # Headlines (a section's first line, or any Title Case line) often use the short name first.
    titles = {index for index, sentence in enumerate(sentences) if sentence.headline or (
        (index == 0 or sentences[index - 1].section_index != sentence.section_index)
        and not sentence.text.rstrip().endswith((".", "!", "?", '."', '.”')))}
    body_start = {key: min((index for index in entity.sentences if index not in titles), default=10**6)
                  for key, entity in entities.items()}
    return sentences, entities, _alias_map(entities, acronyms, body_start)


def _read_sentences(sentences: list[_Sentence], names: dict[str, str], references: dict[int, str], blocked: set[str],
                    people: set[str], earlier: list[tuple[str | None, SentenceReading]] | None = None,
                    ) -> list[tuple[str | None, SentenceReading]]:
    """Read every sentence in order, "it" standing for the previous subject; return (previous subject, reading).

    Given the ``earlier`` readings, a sentence is read again only when its reading leaned on the
    main company or the subject before it changed.
    """
    readings = []
    previous_subject, section = None, None
    for index, sentence in enumerate(sentences):
        if sentence.section is not section:
            previous_subject, section = None, sentence.section
        if earlier and earlier[index][0] == previous_subject and not earlier[index][1].uses_reference:
            reading = earlier[index][1]
        else:
            spans = [(span.start, span.end, names[span.name]) for span in sentence.spans
                     if names[span.name] not in blocked]
            reading = read_sentence(sentence.text, spans, references.get(sentence.section_index), previous_subject)
        readings.append((previous_subject, reading))
        if reading.subject not in people:  # "it" and "the company" never stand for a person
            previous_subject = reading.subject or previous_subject
    return readings


def _main_entity(sentences: list[_Sentence], names: dict[str, str], found: list, people: set[str],
                 blocked: set[str]) -> str | None:
    """The article's main company: the most named one, funding targets and the title weighing more."""
    score = Counter(names[span.name] for sentence in sentences for span in sentence.spans)
    for _, relation in found:
        if relation.type == "INVESTED_IN":  # the story's company raises money; investors rarely lead it
            score[relation.target] += 2
            score[relation.source] -= 2
    if sentences:
        for span in sentences[0].spans:
            score[names[span.name]] += 1
    # Equal counts: the name written first wins (not the alphabetically last one).
    first = {}
    for index, sentence in enumerate(sentences):
        for span in sentence.spans:
            first.setdefault(names[span.name], (index, span.start))
    ranked = [(count, tuple(-x for x in first.get(name, (10**6, 0))), name) for name, count in score.items()
              if name not in people and name not in blocked]
    return max(ranked)[2] if ranked else None


def _evidence(article: Article, sentence: _Sentence, relation: FoundRelation, own: str | None = None,
              near: int | None = None) -> Evidence:
    """The relation's evidence; its values are read from ``own``, the part of the sentence that
    holds them (see :mod:`graphkit.extract.attribution`), by default the whole sentence; ``near``
    is the offset of the amount the sentence ties to the relation's investor, if any."""
    section = sentence.section
    values: dict = {}
    own = sentence.text if own is None else own
    if relation.type != "COMPETES_WITH" and relation.event:
        carried = getattr(relation, "round_sentence", None)  # "X led the round": the round told before
        amount = (find_amount(sentence.text, near) if near is not None else find_amount(own)) \
            or (find_amount(carried) if carried else None)
        if amount:
            values.update(amount=amount.text, amount_usd=amount.usd, currency=amount.currency)
        values["round"] = find_round(own) or (find_round(carried) if carried else None)
        values["date"] = find_date(own, section.published or article.published)
        values["led"] = relation.led or None
    return Evidence(article=article.id, sentence=sentence.text, title=section.title or article.title or None,
                    url=section.url or article.url, published=section.published or article.published, **values)


def extract_article(article: Article) -> ArticleExtraction:
    """Return the entities and relations one article states (a pure function of the article)."""
    sentences, entities, aliases = _collect(article)
    groups: dict[str, _Entity] = {}
    for key, entity in entities.items():
        merged = groups.setdefault(aliases[key], _Entity(""))
        merged.forms.update(entity.forms)
        merged.cues |= entity.cues
        merged.sentences |= entity.sentences
        merged.person = merged.person or (entity.person and aliases[key] == key)
    for target_key, merged in groups.items():
        merged.name = _canonical(entities[target_key].forms) if target_key in entities else _canonical(merged.forms)
        merged.person = entities[target_key].person if target_key in entities else merged.person
    names = {form: groups[aliases[key]].name for key, entity in entities.items() for form in entity.forms}
    blocked = {merged.name for merged in groups.values() if "source" in merged.cues}
    people = {merged.name for merged in groups.values() if merged.person}

    first = _read_sentences(sentences, names, {}, blocked, people)
    corrected = add_round_followups(sentences, names, {}, blocked, people, first)
    found = [(sentence, relation) for sentence, (_, reading) in zip(sentences, corrected)
             for relation in reading.relations]
    main = _main_entity(sentences, names, found, people, blocked)
    # A related item is its own short story: "the company" there is that item's main company.
    references = {index: _main_entity([s for s in sentences if s.section_index == index], names,
                                      [(s, r) for s, r in found if s.section_index == index], people, blocked) or main
                  for index in {sentence.section_index for sentence in sentences if sentence.section_index}}
    references[0] = main
    readings = _read_sentences(sentences, names, references, blocked, people, first)
    readings = add_round_followups(sentences, names, references, blocked, people, readings)
    found = [(sentence, relation) for sentence, (_, reading) in zip(sentences, readings)
             for relation in reading.relations]

    # A name the text shows to be a product ("the X app", "maker of X") is not a party to a deal.
    products = {merged.name for merged in groups.values()
                if "product" in merged.cues and not {"organization", "organization type", "investor"} & merged.cues}
    found = [(sentence, relation) for sentence, relation in found
             if relation.source not in products and relation.target not in products]
    funded = {(relation.source, relation.target) for _, relation in found if relation.type == "INVESTED_IN"}
    relations, related, investors = [], set(), set()
    # Each sentence's investors: an amount in a clause whose subject is one of them is that one's.
    sentence_investors: dict[int, set[str]] = {}
    for sentence, relation in found:
        if relation.type == "INVESTED_IN":
            sentence_investors.setdefault(id(sentence), set()).add(relation.source)
    for sentence, relation in found:
        if relation.type == "BACKED_BY" and (relation.target, relation.source) in funded:
            continue
        own, near = None, None
        amounts = [(offset, amount.text) for offset, amount in find_amounts(sentence.text)] \
            if relation.type == "INVESTED_IN" and relation.event else []
        if amounts and (len(amounts) > 1 or len(sentence_investors[id(sentence)]) > 1):
            spans = [(span.start, span.end, names[span.name]) for span in sentence.spans]
            own = own_text(sentence.text, spans, relation.source, sentence_investors[id(sentence)])
            near = tied_amount(sentence.text, spans, relation.source, amounts)
        if relation.type == "INVESTED_IN" and relation.event:
            own = without_past_clauses(sentence.text if own is None else own)
        relations.append(Relation(relation.type, relation.source, relation.target,
                                  _evidence(article, sentence, relation, own, near)))
        related.update((relation.source, relation.target))
        if relation.type in ("INVESTED_IN", "BACKED_BY"):
            investors.add(relation.source if relation.type == "INVESTED_IN" else relation.target)

    mentions = []
    for merged in groups.values():
        if merged.name in blocked:
            continue
        words = _raw_words(merged.name)
        organization_name = any(word in _ORGANIZATION_WORDS for word in words[1:]) or words[0] in ORGANIZATION_HEADS
        only_in_headlines = all(sentences[index].headline for index in merged.sentences)
        if merged.name in related:
            actor = True
        elif merged.person:
            actor = bool({"titled", "person context", "actor", "owner"} & merged.cues) and not only_in_headlines
        elif {"organization", "organization type", "investor", "investment firm", "owner", "broker", "bourse"} \
                & merged.cues:
            actor = True
        elif {"product", "place"} & merged.cues or only_in_headlines and len(merged.sentences) < 2 \
                and "actor" not in merged.cues:
            actor = False
        else:
            actor = organization_name or "actor" in merged.cues or len(merged.sentences) >= 2
        if not actor:
            continue
        labels = entity_labels(merged.name, merged.person, merged.name in investors or "invests" in merged.cues)
        company_name = any(word in COMPANY_WORDS for word in words[1:])
        investment_firm = "investment firm" in merged.cues or "investor" in merged.cues and "organization" not in merged.cues
        if investment_firm and not merged.person and not company_name:
            labels = {"Investor", *(labels & {"Fund"})}
        elif "organization type" in merged.cues and not merged.person:
            labels = {"Organization", *(labels - {"Company"})}
        if "fund" in merged.cues and not merged.person and words[-1] not in COMPANY_WORDS:
            labels = {"Fund", "Investor"}
        if "broker" in merged.cues and not merged.person and merged.name not in investors:
            labels = {"Company"}  # "Leerink Partners analyst X", "X was the lead underwriter": a bank
        elif "bourse" in merged.cues and not merged.person and merged.name not in investors:
            labels = {"Organization"}  # "the KOSDAQ market"
        labels = frozenset(labels)
        for form, count in merged.forms.items():
            entity = merged.name if form != merged.name else None
            mentions.extend(Mention(form, labels, article.id, entity) for _ in range(count))
    return ArticleExtraction(article=article, mentions=mentions, relations=relations)
