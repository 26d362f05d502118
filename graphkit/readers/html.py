"""HTML news pages -> the story's text, title, date, url and publisher.

The story is the page's ``<article>`` or ``<main>``, or else the element holding the most
paragraph text; navigation, headers, footers, asides, forms, scripts and styles never count.
Metadata comes from the tags publishers set for link previews (``og:*``, ``article:*``), the
canonical link and ``<time datetime>``.

Examples
--------
>>> page = '''<html><head><title>Acme | News</title>
... <meta property="og:title" content="Acme raises $5m">
... <meta property="article:published_time" content="2022-03-03T10:00:00Z"></head>
... <body><nav><a href="/">Home</a></nav><article><h1>Acme raises $5m</h1>
... <p>Acme raised $5m from Beta Ventures.</p></article><footer>© News</footer></body></html>'''
>>> article = parse_html(page, "acme.html")
>>> article.title, article.published, article.text
('Acme raises $5m', '2022-03-03', 'Acme raises $5m\\n\\nAcme raised $5m from Beta Ventures.')
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from graphkit.errors import InputError
from graphkit.model import Article, Section
from graphkit.readers.dates import date_line, parse_date
from graphkit.readers.plaintext import clean_text, is_prompt_or_credit

_CHROME_TAGS = [
    "nav",
    "header",
    "footer",
    "aside",
    "script",
    "style",
    "form",
    "noscript",
    "iframe",
    "svg",
    "button",
    "template",
    "figure",
    "select",
]
_TEXT_BLOCKS = ["p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre"]
_LOOKS_LIKE_HTML = re.compile(
    r"\A\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
    re.IGNORECASE | re.DOTALL,
)


def looks_like_html(text: str) -> bool:
    """Return True when the text opens like an HTML document.

    >>> looks_like_html("<!DOCTYPE html><html></html>"), looks_like_html("<b>not a page")
    (True, False)
    """
    return bool(_LOOKS_LIKE_HTML.match(text[:4096]))


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        if isinstance(tag, Tag) and tag.get("content", "").strip():
            return tag["content"].strip()
    return None


def _spaced(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _main_block(body: Tag) -> Tag:
    """Return the element that holds the story: <article>, <main>, or the densest block of <p>.

    Each paragraph's text counts fully for its parent and half for its grandparent, so a story
    whose paragraphs sit in wrappers of their own (<div><p>...</p></div>) is still found as a whole.
    """
    for name in ("article", "main"):
        found = body.find(name) or body.find(attrs={"role": name})
        if isinstance(found, Tag) and found.find("p"):
            return found
    weight: dict[int, float] = {}
    elements: dict[int, Tag] = {}
    for paragraph in body.find_all("p"):
        size = len(paragraph.get_text(" ", strip=True))
        for share, element in ((1.0, paragraph.parent), (0.5, getattr(paragraph.parent, "parent", None))):
            if isinstance(element, Tag):
                weight[id(element)] = weight.get(id(element), 0.0) + share * size
                elements[id(element)] = element
    return elements[max(weight, key=weight.__getitem__)] if weight else body


def _paragraphs(block: Tag) -> list[str]:
    """Return the text blocks of an element in order, each once, without page furniture."""
    found = [
        _spaced(tag.get_text()) for tag in block.find_all(_TEXT_BLOCKS) if not tag.find_parent(_TEXT_BLOCKS)
    ]
    if not any(found):
        return clean_text(block.get_text("\n")).paragraphs
    return [
        text
        for text in dict.fromkeys(found)
        if text and not is_prompt_or_credit(text) and not date_line(text)
    ]


def html_to_text(markup: str) -> str:
    """Return the readable text of an HTML fragment, one block per paragraph.

    >>> html_to_text("<p>Acme raised <b>$5m</b>.</p><p>Beta led.</p>")
    'Acme raised $5m.\\n\\nBeta led.'
    """
    soup = BeautifulSoup(markup, "html.parser")
    return "\n\n".join(_paragraphs(soup))


def parse_html(text: str, path: str | Path, article_id: str | None = None) -> Article:
    """Return the article in an HTML page; a page without story text raises :class:`InputError`."""
    soup = BeautifulSoup(text, "html.parser")
    page_title = _spaced(soup.title.get_text()) if soup.title else ""
    title_from_meta = _meta(soup, "og:title", "twitter:title")
    published = parse_date(
        _meta(
            soup, "article:published_time", "og:published_time", "datePublished", "pubdate", "date", "dc.date"
        )
    )
    time_tag = soup.find("time", attrs={"datetime": True})
    published = published or (parse_date(time_tag["datetime"]) if isinstance(time_tag, Tag) else None)
    canonical = soup.find("link", rel="canonical")
    url = (canonical.get("href") if isinstance(canonical, Tag) else None) or _meta(soup, "og:url")
    source = _meta(soup, "og:site_name", "application-name", "publisher")
    for tag in soup.find_all(_CHROME_TAGS):
        tag.decompose()
    body = soup.body or soup
    block = _main_block(body)
    heading = block.find("h1") or body.find("h1")
    headline = _spaced(heading.get_text()) if isinstance(heading, Tag) else ""
    title = title_from_meta or headline or page_title
    paragraphs = [text for text in _paragraphs(block) if text != title and text != headline]
    if not paragraphs:
        raise InputError(path, "HTML page has no article text (no paragraphs outside navigation)")
    main = Section(
        text="\n\n".join([title, *paragraphs] if title else paragraphs),
        title=title or None,
        url=url,
        published=published,
    )
    return Article(
        id=article_id or Path(path).stem,
        title=title or Path(path).stem,
        sections=(main,),
        url=url,
        published=published,
        source=source,
        path=str(path),
    )
