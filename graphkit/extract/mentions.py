"""Find the names of organizations and people in a sentence: capitalized spans, cleaned.

A name is a run of name tokens — capitalized words ("NorthStar"), words with digits ("5Y",
"42Ka", "Crew9"), camel case ("qLabs") — joined by inner connectors ("Ministry of Public Works",
"Brill and Kettering"). The run is then cleaned: possessives split off ("Quillon's" -> Quillon, which
is marked as a possessor), descriptors dropped ("New York-listed", "Chinese", a job title before a
person), and runs made only of places, nationalities, months or ordinary words rejected.

Headlines in Title Case capitalize ordinary words too; there a capitalized word counts only when
it is not an ordinary word (a general list, plus every word the article itself writes in lower
case), unless it is part of a name the article spells out elsewhere.

Examples
--------
>>> context = MentionContext.from_text("Acme raised money from investors.")
>>> [m.name for m in find_mentions("New York-listed Tarnwell's unit Orla Pay joins Pell Capital.", context)]
['Tarnwell', 'Orla Pay', 'Pell Capital']
>>> [m.name for m in find_mentions("Transport Minister Ilse Varga said so.", context)]
['Ilse Varga']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from graphkit.extract.sentences import ABBREVIATIONS
from graphkit.extract.stoplists import CURRENCY_TOKENS, SENTENCE_OPENERS, is_demonym
from graphkit.extract.wordlists import (
    ACRONYMS,
    COMMON_WORDS,
    COMPANY_WORDS,
    DAYS,
    DEMONYMS,
    FUND_WORDS,
    HOLIDAYS,
    INVESTOR_WORDS,
    MONTHS,
    NAME_CONNECTORS,
    ORGANIZATION_HEADS,
    PLACES,
)

_TOKEN = re.compile(
    r"[^\W_][\w+&]*(?:(?:['’](?=[A-Z])|[.-](?=[^\W_]))[\w+&]*)*\.?"  # "O’Shaughnessy", "U.S.", "Bolívar"
    r"|['’]s(?![^\W\d_])"  # a possessive
    r"|\S")
# Hyphenated descriptors that end a name: "Tarn-backed", "Paris-based", "Quillon-maker".
HYPHEN_DESCRIPTORS = frozenset("""backed based listed owned led affiliated affiliate controlled funded
supported maker makers born headquartered focused powered linked run registered founded made style
like era owned-unit""".split())
# Titles that can stand inside a capitalized run before a person's name.
SPAN_TITLES = frozenset("""mr mr. mrs mrs. ms ms. dr dr. prof prof. professor sir president vice chairman
chairwoman ceo cfo cto coo founder co-founder cofounder minister secretary senator governor mayor premier
chancellor analyst chief executive officer director""".split())
_OF_HEADS = ORGANIZATION_HEADS | frozenset("""bank university republic institute museum chamber church
school college department bureau office house league ministry""".split())
_CLOSING_SUFFIXES = frozenset(("Inc.", "Corp.", "Ltd.", "Plc.", "LLC.", "Inc", "Corp"))
_PLACE_LIKE = PLACES | DEMONYMS | frozenset("republic kingdom united states emirates island islands sea "
                                            "ocean bay river lake mount city province county".split())
_NOT_A_NAME = _PLACE_LIKE | MONTHS | DAYS | HOLIDAYS | COMMON_WORDS | ACRONYMS | NAME_CONNECTORS | SPAN_TITLES
_ORG_TAIL = COMPANY_WORDS | INVESTOR_WORDS | FUND_WORDS
# Words that are never a name on their own, even capitalized inside a sentence.
_NEVER_ALONE = _PLACE_LIKE | MONTHS | DAYS | HOLIDAYS | ACRONYMS | NAME_CONNECTORS | SPAN_TITLES | _ORG_TAIL | ORGANIZATION_HEADS \
    | frozenset("""the a an this that these those it its he she they we i you his her their our my your who what
    which there here not no yes and or but if so as at by for from in of on to with all any some each every
    news update exclusive opinion analysis photo video advertisement startup start-up unicorn""".split())
_OPENERS = frozenset(('"', "“", "‘", "'", "(", ":", ";", "—", "–", "-", ".", "!", "?"))
_NUMBER_LIKE = re.compile(r"\d[\d.,]*(?:[kmbKMB]|bn|mn|mln|tn)?|\d[\d.,]*\.\d+[A-Za-z]+|\d+-\d+\w*")
_PLACE_SUFFIXES = frozenset(("-based", "-headquartered", "-born"))
_COUNTED_WORD = re.compile(r"[^\W_][\w’'+&]*")
_LONG_WORD = re.compile(r"[^\W\d_][\w’'-]{3,}")
_SINGLE_LETTER = re.compile(r"[A-Za-z]\.?")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
_ROUND_NAME = re.compile(r"(?:Pre-)?Series [A-H]\d?", re.IGNORECASE)
# A two-syllable given name after a short family name ("Park Ji-hoon"), not "Year-end".
_HYPHENATED_GIVEN_NAME = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{2,5}")
_SURNAME = re.compile(r"[A-Z][a-z]{1,5}")
_ADVERB_ENDINGS = ("ately", "ally", "ently", "ously", "ingly", "edly", "ively", "fully", "ably", "ilarly", "ssly")
_LOWERCASE_WORD = re.compile(r"(?<![\w’'-])[a-zà-ÿ][a-zà-ÿ-]+(?![\w’'])")


@dataclass(frozen=True)
class MentionContext:
    """What the whole article tells about its words: which occur in lower case, and how often."""

    lowercase_words: frozenset[str] = frozenset()
    word_counts: dict[str, int] = field(default_factory=dict)
    known_names: tuple[tuple[str, ...], ...] = ()

    @classmethod
    def from_text(cls, text: str, known_names: tuple[tuple[str, ...], ...] = ()) -> MentionContext:
        """Build the context from the article's text (and names already found in its body)."""
        counts = dict(Counter(_COUNTED_WORD.findall(text)))
        return cls(frozenset(_LOWERCASE_WORD.findall(text)), counts, known_names)


@dataclass(frozen=True)
class Span:
    """A name found in a sentence, with its character offsets and what surrounds it."""

    name: str
    start: int
    end: int
    possessor: bool = False  # followed by "'s"
    titled: bool = False  # a person title stood before it ("Mr", "Minister", "CEO")
    tokens: tuple[str, ...] = ()


class _Token:
    """A token with its offsets; ``lower`` is its case-folded text."""

    __slots__ = ("text", "start", "end", "lower", "index")

    def __init__(self, text: str, start: int, end: int, index: int) -> None:
        self.text, self.start, self.end, self.lower, self.index = text, start, end, text.casefold(), index


def tokenize(sentence: str) -> list[_Token]:
    """Return the sentence's tokens; a final full stop is split off unless it ends an abbreviation.

    >>> [t.text for t in tokenize("Tarn-backed Quillon Inc. rose.")]
    ['Tarn', '-backed', 'Quillon', 'Inc.', 'rose', '.']
    """
    tokens: list[_Token] = []
    append = tokens.append
    end = 0
    for text in _TOKEN.findall(sentence):
        # Only spaces stand between tokens, so a token's offset is where it next occurs (cheaper than
        # match objects).
        start = sentence.find(text, end)
        end = start + len(text)
        if text[-1] == "." and end - start > 1 and text[:-1].casefold() not in ABBREVIATIONS \
                and not _INITIALS.fullmatch(text):
            append(_Token(text[:-1], start, end - 1, len(tokens)))
            append(_Token(".", end - 1, end, len(tokens)))
        elif "-" in text and text.rpartition("-")[2].casefold() in HYPHEN_DESCRIPTORS and text[0] != "-":
            head, _, tail = text.rpartition("-")
            append(_Token(head, start, start + len(head), len(tokens)))
            append(_Token("-" + tail.casefold(), start + len(head), end, len(tokens)))
        else:
            append(_Token(text, start, end, len(tokens)))
    return tokens


def _looks_like_name(text: str) -> bool:
    first = text[0]
    if first.isupper():
        # "Two-year-old" is an ordinary word; "Rolls-Royce" and "Russia-China" are names.
        if "-" in text and any(part[:1].islower() for part in text.split("-")[1:]):
            return False
        return not (text[-1] == "s" and _PLURAL_ACRONYM.fullmatch(text))
    if first.isdigit():
        return not text.islower() and not text.isdigit() and not _NUMBER_LIKE.fullmatch(text)
    return first.islower() and not text.islower() and "-" not in text  # "xAI", "eBay"


def is_title_case(sentence: str, context: MentionContext | None = None) -> bool:
    """Return True for a headline: most of its ordinary words are capitalized.

    Ordinary words are those of the general list or written in lower case elsewhere in the article;
    words that end organization names ("Partners", "Group") do not count, since names keep them.

    >>> is_title_case("Tarn Ventures Backs Korean Startup That Makes AI Models Faster"), is_title_case("Acme raised money")
    (True, False)
    """
    lowercase = context.lowercase_words if context else frozenset()
    # Short function words ("for", "to") stay lower case in most headline styles: they do not count.
    long_words = _LONG_WORD.findall(sentence)
    lowercase_count = sum(1 for word in long_words if word[0].islower())
    if lowercase_count >= 0.15 * len(long_words):
        return False  # running text: most sentences stop here
    folded = [word.casefold() for word in long_words]
    words = [word for word, fold in zip(long_words, folded)
             if fold not in _ORG_TAIL and (fold in COMMON_WORDS or fold in lowercase)]
    capitalized = sum(1 for word in words if word[0].isupper())
    # A name-heavy sentence ("investors include Tiger Global Management") still has lower-case words,
    # which the check above counted.
    return len(words) >= 2 and capitalized / len(words) >= 0.75


def _is_ordinary(token: _Token, context: MentionContext) -> bool:
    return token.lower in COMMON_WORDS or token.lower in context.lowercase_words


def _is_name_token(tokens: list[_Token], index: int, headline: bool, forced: set[int],
                   context: MentionContext, sentence_start: int) -> bool:
    if index in forced:
        return True
    token = tokens[index]
    if index and _HYPHENATED_GIVEN_NAME.fullmatch(token.text) and _SURNAME.fullmatch(tokens[index - 1].text) \
            and tokens[index - 1].lower not in COMMON_WORDS and token.lower.split("-")[0] not in COMMON_WORDS:
        return True  # "Park Ji-hoon", "Kim Chang-han" (not "The Year-end")
    if token.text.islower() or not token.text[0].isalnum() or not _looks_like_name(token.text):
        return False
    if index == sentence_start and (token.lower in SENTENCE_OPENERS or (
            token.lower.endswith(_ADVERB_ENDINGS) and index + 1 < len(tokens) and tokens[index + 1].text == ",")):
        return False  # "Separately, X said", "Existing investor X" (but "Streamly, a start-up")
    if not _is_ordinary(token, context):
        return True
    if headline or index == sentence_start or (index and tokens[index - 1].text in _OPENERS):
        return False
    # A capitalized ordinary word among several others is a headline stretch inside running text
    # ("Self-Driving Startup Venti Raises $28.8 Million").
    # ... unless the capitalized run goes on to an organization word ("International Finance Corporation").
    for other in tokens[index + 1:index + 4]:
        if not other.text[:1].isupper():
            break
        if other.lower.rstrip(".") in _ORG_TAIL:
            return True
    window = tokens[max(0, index - 3):index + 4]
    stretch = sum(1 for other in window if other.text[:1].isupper() and _is_ordinary(other, context)
                  and other.lower not in _ORG_TAIL and other.lower not in NAME_CONNECTORS and other.lower != "the")
    return stretch < 3


def _forced_tokens(tokens: list[_Token], context: MentionContext) -> set[int]:
    """Indices of tokens that spell a name the article uses elsewhere (for headlines)."""
    forced: set[int] = set()
    texts = [token.text for token in tokens]
    for name in context.known_names:
        size = len(name)
        for start in range(len(texts) - size + 1):
            if tuple(texts[start:start + size]) == name:
                forced.update(range(start, start + size))
    return forced


def _join_on_and(left: list[_Token], right: list[_Token], context: MentionContext, closes_name: bool) -> bool:
    """Decide whether "Left and Right" is one name ("Brill and Kettering") or two ("Tarn and Quillon").

    Two names in a row are far more common, so "and" joins only one-word parts the article never
    uses alone, when something marks the whole as one name: a possessive ("Brill and Kettering's
    analyst") or an acronym in brackets ("Tinville Ports and Harbours (TPH)").
    """
    if _joins_as_organization(left, right, context):
        return True
    if left[-1].lower.rstrip(".") in _ORG_TAIL or right[-1].lower.rstrip(".") in _ORG_TAIL or len(right) > 1 \
            or right[0].lower in _PLACE_LIKE or right[0].lower in COMMON_WORDS:
        return False
    if not (left[-1].text.isalpha() and right[0].text.isalpha()):
        return False  # "7Fresh and Meituan's": two names
    once = context.word_counts.get(left[-1].text, 0) <= 1 and context.word_counts.get(right[0].text, 0) <= 1
    return once and closes_name


def _plain_word(token: _Token) -> bool:
    text = token.text
    return text.isalpha() and text[0].isupper() and text[1:].islower()


def _joins_as_organization(left: list[_Token], right: list[_Token], context: MentionContext) -> bool:
    """"Food and Drug Administration", "Securities and Exchange Commission": plain words on both
    sides, the right ending in a word that heads an organization's name (agency, board,
    commission); "NH Investment & Securities": "&" before a business word.

    >>> c = MentionContext()
    >>> [t.text for t in _runs(tokenize("the Food and Drug Administration said"), [False, True, False, True, True, False], c)[0]]
    ['Food', 'and', 'Drug', 'Administration']
    """
    if len(left) <= 2 and len(right) >= 2 and right[-1].lower in ORGANIZATION_HEADS \
            and all(_plain_word(token) for token in (*left, *right[:-1])) \
            and left[-1].lower not in ORGANIZATION_HEADS and right[0].lower not in _PLACE_LIKE:
        return True
    return False


def _runs(tokens: list[_Token], is_name: list[bool], context: MentionContext,
          forced: set[int] = frozenset()) -> list[list[_Token]]:
    """Group name tokens into runs, deciding on inner connectors; a known name stands on its own."""
    runs: list[list[_Token]] = []
    current: list[_Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if is_name[index]:
            if current and (forced and (index in forced) != (current[-1].index in forced)
                            or current[-1].text in _CLOSING_SUFFIXES):
                runs.append(current)  # "Dumps Nvidia" in a headline: Nvidia is the known name;
                current = []  # "Nikkei Inc. No reproduction": "Inc." ends a name
            current.append(token)
            index += 1
            continue
        if not current:
            index += 1  # no run to extend or to end: most tokens stop here
            continue
        following = index + 1 < len(tokens) and is_name[index + 1]
        if current and following and token.lower in NAME_CONNECTORS:
            end = index + 1
            while end < len(tokens) and is_name[end]:
                end += 1
            right = tokens[index + 1:end]
            closes_name = end < len(tokens) and (tokens[end].text in ("'s", "’s") or (
                tokens[end].text == "(" and end + 1 < len(tokens) and tokens[end + 1].text.isupper()))
            joins = (token.lower in ("and", "&") and _join_on_and(current, right, context, closes_name)) or \
                (token.lower == "&" and right[-1].lower.rstrip(".") in _ORG_TAIL and len(right) <= 2) or \
                (token.lower == "&" and len(current) == 1 and len(right) == 1 and right[0].text[:1].isupper()
                 and _written_count(current[0].text, context) == _written_count(right[0].text, context)) or \
                (token.lower == "of" and current[-1].lower in _OF_HEADS) or \
                (token.lower in ("de", "del", "der", "van", "von", "da", "du", "la", "le"))
            if joins:
                current.extend([token, *right])
                index = end
                continue
        if token.text == "," and following and len(current) >= 3 and current[1].lower == "of" \
                and current[0].lower in ("ministry", "department"):
            end = _listed_portfolios(tokens, is_name, index + 1, context)
            if end:  # "Ministry of Economy, Trade and Industry": one ministry
                current.extend(tokens[index:end])
                index = end
                continue
        if current:
            runs.append(current)
            current = []
        index += 1
    if current:
        runs.append(current)
    return runs


def _written_count(word: str, context: MentionContext) -> int:
    """How often the text writes ``word``, possessive included ("Jerry's")."""
    counts = context.word_counts
    return counts.get(word, 0) + counts.get(word + "'s", 0) + counts.get(word + "’s", 0)


def _listed_portfolios(tokens: list[_Token], is_name: list[bool], start: int, context: MentionContext) -> int:
    """End of ", Trade and Industry" after "Ministry of Economy": one or two plain words, "and"/"&",
    then one or two ordinary words ending the name; 0 when the tokens are not such a list."""
    end = start
    while end < len(tokens) and is_name[end] and end - start < 2 and _plain_word(tokens[end]):
        end += 1
    if end == start or end >= len(tokens) or tokens[end].lower not in ("and", "&"):
        return 0
    last = end + 1
    while last < len(tokens) and is_name[last] and last - end <= 2 and _plain_word(tokens[last]) \
            and _is_ordinary(tokens[last], context):
        last += 1
    if last == end + 1 or (last < len(tokens) and is_name[last]):
        return 0
    return last


def _clean(run: list[_Token], context: MentionContext | None = None) -> tuple[list[_Token], bool]:
    """Drop descriptors in front of a name; return the kept tokens and whether a title stood there.

    A nationality stays when a place follows ("Latin America Fund") or when it starts a name of
    ordinary words that ends in an organization word and is not written without it ("British
    Patient Capital"; but "Chinese Tencent Holdings" -> "Tencent Holdings").
    """
    titled = False
    title_at = max((i for i, token in enumerate(run) if token.lower in SPAN_TITLES), default=-1)
    if 0 <= title_at < len(run) - 1:
        run, titled = run[title_at + 1:], True
    while run and run[0].lower in ("the", "a", "an"):
        run = run[1:]
    while len(run) > 1 and (run[0].lower in DEMONYMS | MONTHS | DAYS | ACRONYMS or is_demonym(run[0].text)):
        rest = run[1:]
        if rest[0].lower.rstrip(".") in _ORG_TAIL | ORGANIZATION_HEADS or rest[0].lower in PLACES:
            break  # "British Airways", "Chinese Academy of Sciences", "Latin America Fund"
        if _demonym_starts_name(run, context):
            break
        run = rest
    return run, titled


def _demonym_starts_name(run: list[_Token], context: MentionContext | None) -> bool:
    """"British Patient Capital": plain words ending in an organization word, the first of them never
    used more often than the nationality before it (so never on its own)."""
    rest = run[1:]
    if context is None or len(rest) < 2 or rest[-1].lower.rstrip(".") not in _ORG_TAIL | FUND_WORDS:
        return False
    first = rest[0].text
    if not (first.isalpha() and first[0].isupper() and first[1:].islower()):
        return False
    counts = context.word_counts
    return counts.get(first, 0) <= counts.get(run[0].text, 0)


def _is_rejected(run: list[_Token], mid_sentence: bool) -> bool:
    words = [token.lower.rstrip(".") for token in run]
    if len(words) == 1 and (words[0] in CURRENCY_TOKENS or is_demonym(run[0].text)):
        return True  # "Rs 500 crore", "Ghanaian"
    if len(words) == 1 and len(words[0]) == 1:
        return True  # a lone letter: "R$", "S."
    place_words = [word for word in words if word.split("-")[0] in _PLACE_LIKE]
    if len(words) > 1 and place_words and words[-1] in _ORG_TAIL | ORGANIZATION_HEADS:
        return False  # "Russia-China Investment Fund", "Singapore Telecom"
    if len(words) > 2 and words[1] == "of" and words[0] in _OF_HEADS | _ORG_TAIL:
        return False  # "Bank of England", "University of Lagos"
    if mid_sentence and len(words) == 1 and words[0] not in _NEVER_ALONE and words[0].isalpha():
        return False  # an ordinary word capitalized inside running text is a name: "rival Target"
    if "of" in words[1:-1] and any(word in _OF_HEADS | _ORG_TAIL for word in words[:words.index("of")]) \
            and run[0].text[:1].isupper():
        return False  # "Central Bank of Nigeria", "Bank of America": common words, one name
    if mid_sentence and len(words) >= 3 and words[-1] == "fund" and all(t.text[:1].isupper() for t in run):
        return False  # "Public Investment Fund": ordinary words capitalized inside running text, one fund
    if all(word in _NOT_A_NAME or word in place_words for word in words):
        return True
    text = " ".join(token.text for token in run)
    return len(text) < 2 or text.isdigit() or _ROUND_NAME.fullmatch(text) is not None \
        or _SINGLE_LETTER.fullmatch(text) is not None \
        or (len(words) == 1 and words[0].endswith("s") and words[0][:-1] in DEMONYMS)


_FUND_NUMBER = re.compile(r"\d{1,2}|[IVX]{1,4}")
_AMOUNT_AFTER = frozenset("""% percent per cent million billion trillion bn mn m b k years year months month
weeks week days day times x""".split())


def _fund_number_follows(tokens: list[_Token], kept: list[_Token]) -> bool:
    """A fund's number after its name ("Growth Fund 3", "Ventures IV"), not a count or an amount."""
    last = kept[-1].index
    if last + 1 >= len(tokens) or kept[-1].lower.rstrip(".") not in FUND_WORDS | INVESTOR_WORDS:
        return False
    number = tokens[last + 1]
    if not _FUND_NUMBER.fullmatch(number.text) or number.start != kept[-1].end + 1:
        return False
    after = tokens[last + 2].lower if last + 2 < len(tokens) else ""
    return after not in _AMOUNT_AFTER and not after[:1].isdigit()


def find_mentions(sentence: str, context: MentionContext, headline: bool | None = None,
                  use_known: bool = False) -> list[Span]:
    """Return the names in the sentence, in order, as cleaned spans.

    ``headline`` says whether the sentence is in Title Case (found out when None); in a headline,
    or with ``use_known``, the names of ``context.known_names`` count as names wherever they stand.
    """
    tokens = tokenize(sentence)
    if headline is None:
        headline = is_title_case(sentence, context)
    forced = _forced_tokens(tokens, context) if headline or use_known else set()
    sentence_start = next((i for i, token in enumerate(tokens) if token.text[0].isalnum()), 0)
    # Most tokens are lower-case words or punctuation: they are settled without a call.
    is_name = [(i in forced or not token.text.islower() and token.text[0].isalnum())
               and _is_name_token(tokens, i, headline, forced, context, sentence_start)
               for i, token in enumerate(tokens)]
    spans: list[Span] = []
    for run in _runs(tokens, is_name, context, forced):
        kept, titled = _clean(run, context)
        mid_sentence = not headline and kept and kept[0].index != sentence_start \
            and tokens[kept[0].index - 1].text not in _OPENERS
        if not kept or _is_rejected(kept, mid_sentence):
            continue
        last = kept[-1].index
        if last + 1 < len(tokens) and tokens[last + 1].text in _PLACE_SUFFIXES:
            continue  # "Lyon-based": a place, whatever its name
        if _fund_number_follows(tokens, kept):
            kept, last = [*kept, tokens[last + 1]], last + 1  # "Vision Fund 2"
        possessor = last + 1 < len(tokens) and tokens[last + 1].text in ("'s", "’s")
        name = sentence[kept[0].start:kept[-1].end]
        spans.append(Span(name, kept[0].start, kept[-1].end, possessor, titled, tuple(t.text for t in kept)))
    return spans
