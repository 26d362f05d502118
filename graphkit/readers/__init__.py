"""Read news articles from files and folders, whatever their format, into :class:`Article` values.

Formats are told apart by content, not only by extension: a leading ``---`` YAML block
(front matter), an HTML document, JSON (one record or a list of records), JSON Lines, or
plain scraped text. Folders are read recursively; hidden files and folders are skipped.

Nothing stops a run: :func:`read_paths` yields a :class:`ReadResult` per article or per problem
(empty, binary, not UTF-8, too large, malformed front matter, JSON without records, a folder with
no articles, a missing path), each problem an :class:`~graphkit.errors.InputError` whose message
names the file and the reason.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "acme.txt").write_text("Acme raises $5m\\n\\nAcme raised $5m from Beta Ventures.\\n")
>>> _ = (folder / "empty.txt").write_text("")
>>> [(r.article.title if r.article else str(r.error)) for r in read_paths([folder])][0]
'Acme raises $5m'
>>> read_article(folder / "acme.txt").text
'Acme raises $5m\\n\\nAcme raised $5m from Beta Ventures.'
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from graphkit.errors import InputError
from graphkit.model import Article, Section
from graphkit.readers.frontmatter import has_front_matter, parse_front_matter
from graphkit.readers.html import looks_like_html, parse_html
from graphkit.readers.plaintext import clean_text
from graphkit.readers.records import looks_like_jsonl, parse_json, parse_jsonl

__all__ = [
    "ReadResult",
    "read_paths",
    "read_file",
    "read_article",
    "article_files",
    "detect_format",
    "parse_text",
    "unique_ids",
    "DEFAULT_MAX_BYTES",
]

_MIB = 1024 * 1024
DEFAULT_MAX_BYTES = 50 * _MIB
_SNIFF_BYTES = 8192
_JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}


@dataclass(frozen=True)
class ReadResult:
    """One outcome of reading: an article, or the error that made a file (or record) unreadable."""

    path: str
    article: Article | None = None
    error: InputError | None = None

    @property
    def ok(self) -> bool:
        """True when this result carries an article."""
        return self.article is not None


def _visible_files(folder: Path) -> list[Path]:
    """Return the folder's files, recursively, in name order; hidden files and folders left out.

    Symbolic links to folders are not followed, so a link loop cannot make the walk endless.
    """
    found = []
    for root, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found += [Path(root, name) for name in files if not name.startswith(".")]
    return sorted(file for file in found if file.is_file())


def article_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path | InputError]:
    """Yield each file to read (folders expanded recursively, in name order) or a path's error.

    A path given twice is read once. A missing path or a folder without visible files yields an
    :class:`InputError` in its place.
    """
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = _visible_files(path)
            if not files:
                yield InputError(path, "folder has no article files")
            candidates = files
        elif path.exists():
            candidates = [path]
        else:
            yield InputError(path, "no such file or folder")
            continue
        for file in candidates:
            if file.resolve() not in seen:
                seen.add(file.resolve())
                yield file


def _decode(path: Path, max_bytes: int) -> str:
    """Return the file's text; empty, oversized, binary or non-UTF-8 files raise InputError."""
    size = path.stat().st_size
    if size > max_bytes:
        # Decided from the size alone, so a huge file is refused without being read.
        raise InputError(
            path, f"file is too large ({size / _MIB:.1f} MiB; the limit is {max_bytes / _MIB:g} MiB)"
        )
    if size == 0:
        raise InputError(path, "file is empty")
    data = path.read_bytes()
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError(path, "UTF-16 text; graphkit reads UTF-8 (save the file as UTF-8)")
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise InputError(path, "binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            path, f"not valid UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None
    if not text.strip():
        raise InputError(path, "file is empty (only whitespace)")
    return text.removeprefix("\ufeff")


def detect_format(text: str, suffix: str = "") -> str:
    """Return the format of a file's text: frontmatter, html, json, jsonl or text.

    >>> detect_format("---\\ntitle: a\\n---\\n"), detect_format("<!doctype html><p>x")
    ('frontmatter', 'html')
    >>> detect_format('[{"a": 1}]')
    'json'
    >>> detect_format('{"a": 1}\\n{"a": 2}'), detect_format("Acme raises $5m"), detect_format("[x]", ".json")
    ('jsonl', 'text', 'json')
    """
    if has_front_matter(text):
        return "frontmatter"
    if looks_like_html(text):
        return "html"
    json_suffix = suffix.lower() in _JSON_SUFFIXES
    if text.lstrip()[:1] in ("{", "["):
        if looks_like_jsonl(text):
            return "jsonl"
        if json_suffix or _parses_as_json(text):
            return "json"
    return "json" if json_suffix else "text"


def _parses_as_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _plain_article(text: str, path: Path, article_id: str | None) -> Article:
    story = clean_text(text)
    if not story.paragraphs and not story.title:
        raise InputError(path, "no article text left after removing page boilerplate")
    title = story.title or " ".join(story.paragraphs[0].split()[:12])
    section = Section(
        text="\n\n".join([title, *story.paragraphs]) if story.title else "\n\n".join(story.paragraphs),
        title=title,
        published=story.published,
    )
    return Article(
        id=article_id or path.stem,
        title=title,
        sections=(section,),
        published=story.published,
        path=str(path),
    )


def parse_text(text: str, path: str | os.PathLike, article_id: str | None = None) -> list[ReadResult]:
    """Return the read results for one file's decoded text (one per article or record).

    ``article_id`` replaces the file stem as the article id (records get ``-<n>`` after it).
    """
    path = Path(path)
    shown = str(path)
    try:
        kind = detect_format(text, path.suffix)
        if kind in ("json", "jsonl"):
            parse = parse_json if kind == "json" else parse_jsonl
            return [ReadResult(shown, article, error) for article, error in parse(text, path, article_id)]
        if kind == "frontmatter":
            return [ReadResult(shown, parse_front_matter(text, path, article_id))]
        if kind == "html":
            return [ReadResult(shown, parse_html(text, path, article_id))]
        return [ReadResult(shown, _plain_article(text, path, article_id))]
    except InputError as error:
        return [ReadResult(shown, error=error)]


def unique_ids(files: Iterable[Path]) -> dict[Path, str]:
    """Return an article id per file: its stem, made unique with folder names when stems repeat.

    Files that differ only by extension keep it in their id (``news-txt``, ``news-json``).

    >>> ids = unique_ids([Path("2021/news.txt"), Path("2022/news.txt"), Path("a/b.md"), Path("a/b.json")])
    >>> list(ids.values())
    ['2021-news', '2022-news', 'b-md', 'b-json']
    """
    files = list(files)
    twins = Counter(file.with_suffix("") for file in files)
    stems = {
        file: f"{file.stem}-{file.suffix.lstrip('.')}" if twins[file.with_suffix("")] > 1 else file.stem
        for file in files
    }
    ids = dict(stems)
    for depth in range(1, max((len(file.parts) for file in files), default=0)):
        counts = Counter(ids.values())
        repeated = [file for file in files if counts[ids[file]] > 1]
        if not repeated:
            break
        for file in repeated:
            ids[file] = "-".join([*file.parent.parts[-depth:], stems[file]]).lstrip("/-")
    return ids


def read_file(
    path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES, article_id: str | None = None
) -> list[ReadResult]:
    """Return the read results of one file; never raises for bad input."""
    path = Path(path)
    try:
        text = _decode(path, max_bytes)
    except InputError as error:
        return [ReadResult(str(path), error=error)]
    except OSError as error:
        return [ReadResult(str(path), error=InputError(path, f"cannot read file ({error.strerror})"))]
    return parse_text(text, path, article_id)


def read_paths(
    paths: Iterable[str | os.PathLike], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[ReadResult]:
    """Yield a result for every article (or problem) found in the given files and folders.

    Article ids are file stems, with folder names added where two files share a stem.
    """
    items = list(article_files(paths))
    ids = unique_ids(item for item in items if isinstance(item, Path))
    for item in items:
        if isinstance(item, InputError):
            yield ReadResult(item.path, error=item)
        else:
            yield from read_file(item, max_bytes, ids[item])


def read_article(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Return the single article in a file; raise :class:`InputError` when it has none or several."""
    if Path(path).is_dir():
        raise InputError(path, "is a folder; use read_paths for folders")
    if not Path(path).exists():
        raise InputError(path, "no such file or folder")
    results = read_file(path, max_bytes)
    for result in results:
        if result.error:
            raise result.error
    if len(results) != 1:
        raise InputError(path, f"holds {len(results)} articles; use read_paths to read them all")
    return results[0].article
