"""Drop site boilerplate from scraped article text: ads, share buttons, newsletter prompts, bylines.

Scraped pages carry lines that are not the story ("Advertisement", "Copy link", "Follow X on
Twitter", "Photo: ..."). They are recognized by general shapes, never by site. A short line that
repeats (an author byline printed twice) starts the author box, and the rest of the page goes.

Examples
--------
>>> clean_text("Advertisement\\nAcme raised $5m.\\nFollow Acme News on Twitter\\nCopy link")
'Acme raised $5m.'
>>> clean_text("Acme raised $5m.\\nNikkei Inc. No reproduction without permission.")
'Acme raised $5m.'
>>> strip_credits("Acme staff at work. Photo: Jane Doe/Agency")
'Acme staff at work.'
"""

from __future__ import annotations

import re

from graphkit.extract.anycase import fold, may_match

_BOILERPLATE_LINE = re.compile(r"""^(?:
    advertisement | sponsored(?:\s+content)? | copy\s+link | share(?:\s+this)?(?:\s+article)? |
    related(?:\s+(?:read|reading|articles?|stories|news))? | read\s+more | learn\s+more | more\s+on\s+this |
    sign\s+up.* | subscribe.* | get\s+more\s+with\s+.* | follow\s+.*\s+on\s+(?:twitter|x|facebook|linkedin|instagram).* |
    stay\s+up\s+to\s+date.* | (?:a\s+)?personali[sz]ed\s+news\s+feed.* | click\s+here.* | newsletter.* |
    .*\bnewsletter\b.*\bsign\b.* | (?:image|photo|illustration|source|credit)s?\s*:.* | illustration\s+of\s+.* |
    all\s+rights\s+reserved.* | ©.* | copyright\b.* | post |
    # "Site Inc. No reproduction without permission.", "Acme Media. All rights reserved."
    .{0,60}\b(?:no\s+reproduction|reproduction\s+(?:is\s+)?prohibited|all\s+rights\s+reserved)\b.{0,60}
)\s*:?$""", re.IGNORECASE | re.VERBOSE)
# A heading that introduces links to other stories; the headline-like lines after it go too.
_LINK_LIST = re.compile(r"^(?:related(?:\s+\w+)?|read\s+more|also\s+read|further\s+reading|more\s+(?:on\s+this|stories|"
                        r"from\s+.{1,40})|recommended(?:\s+\w+)?|you\s+(?:may|might)\s+also\s+like|latest\s+news|"
                        r"top\s+stories|most\s+read)\s*:?$", re.IGNORECASE)
_BYLINE = re.compile(r"^(?:by\s+)?[\w\s.’'-]{0,40}\b(?:writers?|staff|correspondents?|reporters?)$", re.IGNORECASE)
_CREDIT = re.compile(r"\s*\b(?:Photo|Image|Picture|Illustration)s?\s*(?:credit)?\s*:\s*[^.]*$")
_SENTENCE_END = re.compile(r"[.!?\"”’)]$")


def strip_credits(line: str) -> str:
    """Return the line without a trailing photo credit ("... Photo: Agency/Name")."""
    if not may_match(_CREDIT, fold(line)):
        return line.strip()  # no "Photo", "Image", ...: the pattern would try every position in vain
    return _CREDIT.sub("", line).strip()


def is_boilerplate(line: str) -> bool:
    """Return True when the whole line is site furniture rather than story text."""
    return bool(_BOILERPLATE_LINE.match(line.strip()))


def clean_text(text: str) -> str:
    """Return the text with boilerplate lines, photo credits and the trailing author box removed."""
    kept: list[str] = []
    seen_short: set[str] = set()
    in_link_list = False
    for raw in text.splitlines():
        line = strip_credits(raw.strip())
        if _LINK_LIST.match(line):
            in_link_list = True
            continue
        if in_link_list and line and not _SENTENCE_END.search(line):
            continue  # another story's headline
        in_link_list = in_link_list and not line
        if is_boilerplate(line):
            continue
        is_short = 0 < len(line.split()) <= 5 and not _SENTENCE_END.search(line)
        if is_short and line.casefold() in seen_short:
            break  # a repeated byline: what follows is the author box and page footer
        if is_short:
            seen_short.add(line.casefold())
        if line and not _BYLINE.match(line):
            kept.append(line)
    return "\n".join(kept)
