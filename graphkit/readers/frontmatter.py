"""Articles with a YAML front-matter block: metadata between ``---`` lines, optional body after.

The block's ``title`` and ``excerpt`` (plus any body text) make the main section; each
``related:`` item (another outlet's take on the same story) becomes a section of its own with
its own url and date, so evidence found there cites the right source.

Examples
--------
>>> text = '''---
... title: "Acme raises $5m"
... excerpt: "Beta Ventures led the round."
... publishedDateTime: 2022-03-03T10:00:00Z
... provider:
...   name: Example News
... webUrl: "https://news.example/acme"
... ---
... '''
>>> article = parse_front_matter(text, "acme.md")
>>> article.title, article.published, article.source, article.text
('Acme raises $5m', '2022-03-03', 'Example News', 'Acme raises $5m\\n\\nBeta Ventures led the round.')
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from graphkit.errors import InputError
from graphkit.model import Article, Section
from graphkit.readers.dates import parse_date
from graphkit.readers.plaintext import clean_text

_BLOCK = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(?P<yaml>.*?)^---[ \t]*$\r?\n?(?P<body>.*)\Z", re.DOTALL | re.MULTILINE
)
_OPENING = re.compile(r"\A\ufeff?---[ \t]*\r?$", re.MULTILINE)


def has_front_matter(text: str) -> bool:
    """Return True when the text opens with a ``---`` line.

    >>> has_front_matter("---\\ntitle: x\\n---\\n"), has_front_matter("Title\\n---\\n")
    (True, False)
    """
    return bool(_OPENING.match(text))


def _first(record: dict, *names: str) -> object:
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return value
    return None


def _text(value: object) -> str:
    return str(value).strip() if value is not None else ""


def publisher(record: dict) -> str | None:
    """Return the publisher's name of a metadata record (``provider.name``, ``source`` ...).

    >>> publisher({"provider": {"name": "Bloomberg"}}), publisher({"source": "BBC"})
    ('Bloomberg', 'BBC')
    """
    value = _first(record, "provider", "source", "publisher", "site_name")
    if isinstance(value, dict):
        value = _first(value, "name", "title", "domain")
    return _text(value) or None


def _join(*parts: str) -> str:
    return "\n\n".join(part for part in parts if part)


def _related_sections(items: object) -> list[Section]:
    sections = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        title, excerpt = _text(item.get("title")), _text(item.get("excerpt"))
        if title or excerpt:
            sections.append(
                Section(
                    text=_join(title, excerpt),
                    title=title or None,
                    url=_text(_first(item, "webUrl", "originalUrl", "url")) or None,
                    published=parse_date(_first(item, "publishedDateTime", "published", "date")),
                )
            )
    return sections


def parse_front_matter(text: str, path: str | Path, article_id: str | None = None) -> Article:
    """Return the article in a front-matter file; malformed YAML raises :class:`InputError`."""
    match = _BLOCK.match(text)
    if not match:
        raise InputError(path, "malformed YAML front matter: no closing '---' line")
    try:
        meta = yaml.safe_load(match["yaml"])
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        problem = getattr(error, "problem", None) or "cannot parse"
        raise InputError(path, f"malformed YAML front matter{where}: {problem}") from None
    if not isinstance(meta, dict):
        raise InputError(path, "malformed YAML front matter: expected 'key: value' lines")
    body = clean_text(match["body"]) if match["body"].strip() else None
    title = _text(meta.get("title")) or (body.title if body and body.title else "")
    excerpt = _text(_first(meta, "excerpt", "description", "summary"))
    paragraphs = body.paragraphs if body else []
    if not (title or excerpt or paragraphs):
        raise InputError(path, "front matter has no title, excerpt or body text")
    url = _text(_first(meta, "webUrl", "originalUrl", "url", "canonical")) or None
    published = parse_date(_first(meta, "publishedDateTime", "published_at", "date", "published"))
    published = published or (body.published if body else None)
    main = Section(text=_join(title, excerpt, *paragraphs), title=title or None, url=url, published=published)
    return Article(
        id=article_id or Path(path).stem,
        title=title or Path(path).stem,
        sections=(main, *_related_sections(meta.get("related"))),
        url=url,
        published=published,
        source=publisher(meta),
        path=str(path),
    )
