"""JSON and JSON Lines article records -> one article per record.

A record is an object with a title and a text field (``text``, ``body``, ``content`` or
``excerpt``), and optionally ``url``, a date (``date``, ``published``, ``publishedDateTime``) and
a ``source``. A JSON file holds one record or a list of them; a JSONL file one per line. A bad
record is reported on its own (``record 3: ...``) and the others are still read.

Examples
--------
>>> results = parse_json('[{"title": "Acme raises $5m", "text": "Beta led.", "date": "2022-03-03"}]',
...                      "news.json")
>>> [(article.id, article.published, article.text) for article, _ in results]
[('news-1', '2022-03-03', 'Acme raises $5m\\n\\nBeta led.')]
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from graphkit.errors import InputError, RecordError
from graphkit.model import Article, Section
from graphkit.readers.dates import parse_date
from graphkit.readers.frontmatter import publisher
from graphkit.readers.html import html_to_text
from graphkit.readers.plaintext import clean_text

TEXT_FIELDS = ("text", "body", "content", "excerpt")
DATE_FIELDS = ("date", "published", "publishedDateTime", "published_at", "datePublished")
URL_FIELDS = ("url", "webUrl", "link", "originalUrl")
_HTML_MARKUP = re.compile(r"<(?:p|br|div|span|a|b|i|em|strong)[\s/>]", re.IGNORECASE)

# One result per record: the article, or the reason the record was skipped.
RecordResult = tuple[Article | None, InputError | None]


def _is_record(value: object) -> bool:
    return isinstance(value, dict) and any(
        isinstance(value.get(name), str) for name in (*TEXT_FIELDS, "title")
    )


def _body_paragraphs(value: str) -> list[str]:
    text = html_to_text(value) if _HTML_MARKUP.search(value) else value
    return clean_text(text).paragraphs or [text.strip()]


def record_to_article(record: dict, path: str | Path, article_id: str) -> Article:
    """Return the article in one record; a record without text raises :class:`InputError`."""
    title = str(record.get("title") or "").strip()
    texts = [
        str(record[name]).strip()
        for name in TEXT_FIELDS
        if isinstance(record.get(name), str) and str(record[name]).strip()
    ]
    if not texts:
        raise InputError(path, f"no {', '.join(TEXT_FIELDS[:-1])} or {TEXT_FIELDS[-1]} field")
    # An excerpt usually repeats the body's opening; keep it only when the body does not contain it.
    main, *others = texts
    paragraphs = _body_paragraphs(main) + [text for text in others if text not in main]
    url = next((str(record[name]) for name in URL_FIELDS if record.get(name)), None)
    published = next((parse_date(record[name]) for name in DATE_FIELDS if parse_date(record.get(name))), None)
    title = title or paragraphs[0][:80]
    section = Section(
        text="\n\n".join([title, *[p for p in paragraphs if p != title]]),
        title=title,
        url=url,
        published=published,
    )
    return Article(
        id=article_id,
        title=title,
        sections=(section,),
        url=url,
        published=published,
        source=publisher(record),
        path=str(path),
    )


def _from_records(records: list, path: str | Path, numbered: bool, base_id: str | None) -> list[RecordResult]:
    stem = base_id or Path(path).stem
    results: list[RecordResult] = []
    for number, record in enumerate(records, start=1):
        article_id = f"{stem}-{number}" if numbered else stem
        if not isinstance(record, dict):
            results.append((None, RecordError(path, f"record {number} is not an object")))
            continue
        try:
            results.append((record_to_article(record, path, article_id), None))
        except InputError as error:
            results.append((None, RecordError(path, f"record {number}: {error.reason}")))
    return results


def parse_json(text: str, path: str | Path, base_id: str | None = None) -> list[RecordResult]:
    """Return one result per record of a JSON file; JSON that holds no records raises InputError."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            path, f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    if isinstance(data, dict) and _is_record(data):
        return _from_records([data], path, numbered=False, base_id=base_id)
    if isinstance(data, list) and data and any(_is_record(item) for item in data):
        return _from_records(data, path, numbered=True, base_id=base_id)
    raise InputError(
        path,
        "JSON is not an article record or a list of article records "
        "(objects with a title and text, body, content or excerpt)",
    )


def looks_like_jsonl(text: str) -> bool:
    """Return True when the text has several non-empty lines and the first is a JSON object.

    Only the first line is parsed, so a later bad line (a cut-off last record) still leaves the
    file JSON Lines, read record by record.

    >>> looks_like_jsonl('{"title": "a"}\\n{"title": "b"}\\n'), looks_like_jsonl('{"title":\\n "a"}')
    (True, False)
    >>> looks_like_jsonl('{"title": "a"}\\n{"title": "b", "te')
    True
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        return False
    try:
        return isinstance(json.loads(lines[0]), dict)
    except ValueError:
        return False


def parse_jsonl(text: str, path: str | Path, base_id: str | None = None) -> list[RecordResult]:
    """Return one result per record of a JSON Lines file; a bad line is skipped, named by its line number.

    Records are numbered (``<file>-<n>``) in order, blank lines not counted.
    """
    records, errors = [], {}
    numbered = ((number, line) for number, line in enumerate(text.splitlines(), start=1) if line.strip())
    for record_number, (line_number, line) in enumerate(numbered, start=1):
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as error:
            records.append(None)
            errors[record_number] = RecordError(
                path, f"line {line_number}, column {error.colno}: invalid JSON ({error.msg})")
    results = _from_records(records, path, numbered=True, base_id=base_id)
    return [
        (None, errors[number]) if number in errors else result
        for number, result in enumerate(results, start=1)
    ]
