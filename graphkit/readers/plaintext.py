"""Plain scraped text -> headline, date and clean paragraphs.

Text copied from a news page carries the page around the story: advert markers, app and
newsletter prompts, share buttons, photo credits, section labels, bylines. The rules here are
shapes, not a list of one site's strings: a short line without sentence punctuation that repeats
is chrome; a line that is only a call to action ("Follow X on Twitter", "Stay up to date with ...")
or a credit ("Photo: ...") is chrome; short labels before the headline or after the last
paragraph are chrome. A line that is only a date becomes the article's date.

Examples
--------
>>> page = "Advertisement\\nMarkets\\nAcme raises $5m from Beta Ventures\\nMarch 3, 2022\\n" \\
...        "Acme, a robotics start-up, raised $5m.\\nFollow Acme News on Twitter\\nAdvertisement\\nPost"
>>> story = clean_text(page)
>>> story.title, story.published, story.paragraphs
('Acme raises $5m from Beta Ventures', '2022-03-03', ['Acme, a robotics start-up, raised $5m.'])
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from graphkit.readers.dates import date_line

# Calls to action and page furniture, matched against a whole (short) line.
_PROMPT = re.compile(
    r"""^(?:
        advert(?:isement)?s?|sponsored(?:\s+content)?|promoted|
        (?:learn|read|see|show)\s+more.*|continue\s+reading.*|
        copy\s+link|share(?:\s+this)?(?:\s+(?:article|story|page|on\s+\w+))?|print|email|
        related(?:\s+(?:read|reads|reading|articles?|stories|content|topics|coverage))?|
        (?:more|recommended|trending)\s+(?:from|on|in|stories|articles|reading).*|
        get\s+more\s+with\s+.*|
        (?:a\s+)?personali[sz]ed\s+news\s+feed.*|
        follow\s+.{1,60}\s+on\s+(?:twitter|x|facebook|linkedin|instagram|threads|mastodon|bluesky).*|
        (?:stay\s+up\s+to\s+date|keep\s+up|sign\s+up|subscribe|register|join)\b.*
            (?:newsletter|daily|weekly|inbox|updates|subscribe|sign\s+up|free).*|
        subscribe(?:\s+now|\s+to\s+.*)?|sign\s+up(?:\s+.*)?|log\s*in|sign\s+in|
        download\s+(?:the|our)\s+app.*|click\s+here.*|
        (?:photo|image|picture|illustration|video)s?\s+of\s+.*|
        skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|comments?|\d+\s+comments?
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# A caption's credit: "... Photo: Agency/Name", "Image credit: ...", "(Photo by ...)".
_CREDIT = re.compile(
    r"(?:(?:^|\s|\()(?:photo(?:graph)?|image|picture|illustration)s?(?:\s+credit)?"
    r"|^(?:credit|source)s?)\s*(?::|by\b)\s*[^.!?]*\)?$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_JOINING_WORDS = frozenset(
    "a an the by of and or in to for with from at on as its their that which who said was is".split()
)
SHORT_LINE_WORDS = 3  # a label ("Startups", "China technology") is at most this long
HEADLINE_MAX_WORDS = 25


@dataclass
class CleanText:
    """A plain-text story: its headline, publication date and paragraphs (headline excluded)."""

    title: str | None = None
    published: str | None = None
    paragraphs: list[str] = field(default_factory=list)


def _words(line: str) -> int:
    return len(line.split())


def is_prompt_or_credit(line: str) -> bool:
    """Return True for a call-to-action or credit line.

    >>> is_prompt_or_credit("Follow Crunchbase News on Twitter"), is_prompt_or_credit("Photo: AP")
    (True, True)
    >>> is_prompt_or_credit("Acme raised $5m from Beta Ventures.")
    False
    """
    if _words(line) > 25:
        return False
    return bool(_PROMPT.match(line.strip(" .:|·•>"))) or bool(_CREDIT.search(line))


def _is_label(line: str) -> bool:
    return _words(line) <= SHORT_LINE_WORDS and not _SENTENCE_END.search(line)


def _blocks(text: str) -> list[list[str]]:
    """Split text into blank-line separated blocks of stripped lines."""
    blocks, current = [], []
    for raw in text.splitlines():
        line = _MARKDOWN_HEADING.sub("", raw.strip())
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _continues(previous: str, line: str) -> bool:
    if _SENTENCE_END.search(previous):
        return False
    last_word = previous.rsplit(None, 1)[-1].lower()
    return previous.endswith(",") or last_word in _JOINING_WORDS or bool(re.match(r"[a-z0-9(“\"‘']", line))


def _join_wrapped(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines of one paragraph; keep one-line paragraphs apart.

    A line continues the one before when that one stops mid-sentence: it ends in a comma or a
    small joining word ("led by"), or the next line starts in lower case. Headlines and scraped
    one-line paragraphs do neither, so they stay apart.
    """
    paragraphs: list[str] = []
    for line in lines:
        if paragraphs and _continues(paragraphs[-1], line):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
    return paragraphs


def clean_text(text: str) -> CleanText:
    """Return the headline, the date and the story paragraphs of scraped plain text."""
    blocks = _cut_author_box(_blocks(text))
    counts = Counter(line for block in blocks for line in block)
    story = CleanText()
    paragraphs: list[str] = []
    for block in blocks:
        kept = []
        for line in block:
            date = date_line(line)
            if date:
                story.published = story.published or date
            elif not (is_prompt_or_credit(line) or (counts[line] > 1 and _is_byline(line))):
                kept.append(line)
        paragraphs.extend(_join_wrapped(kept))
    story.title, story.paragraphs = _split_headline(list(dict.fromkeys(paragraphs)))
    return story


def _is_byline(line: str) -> bool:
    return _words(line) <= 8 and not _SENTENCE_END.search(line)


def _cut_author_box(blocks: list[list[str]]) -> list[list[str]]:
    """Drop an author box at the end of a page: it starts at a byline printed twice in a row.

    Pages repeat the writer's name above their blurb ("Jane Doe / Jane Doe / Jane writes about
    ..."); when that happens in the last third of the page, the rest is not the story.
    """
    lines = [(number, line) for number, block in enumerate(blocks) for line in block]
    for position in range(len(lines) * 2 // 3, len(lines) - 1):
        line = lines[position][1]
        if line == lines[position + 1][1] and _is_byline(line) and not is_prompt_or_credit(line):
            cut_block = lines[position][0]
            kept_in_block = [text for number, text in lines[:position] if number == cut_block]
            return blocks[:cut_block] + ([kept_in_block] if kept_in_block else [])
    return blocks


def _is_headline(line: str) -> bool:
    return _words(line) <= HEADLINE_MAX_WORDS and not line.endswith(".")


def _split_headline(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """Return (headline, body): the first headline-shaped line; labels around the story dropped.

    The headline is the first line that reads like one: not too long and not ending with a full
    stop (body paragraphs do). Short labels before it ("Startups" above the headline) and after the
    last paragraph ("Post") go.
    """
    body = list(paragraphs)
    while len(body) > 1 and _is_label(body[0]) and _is_headline(body[1]):
        body.pop(0)
    headline = body.pop(0) if body and _is_headline(body[0]) else None
    while body and _is_label(body[-1]):
        body.pop()
    return headline, body
