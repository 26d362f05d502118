"""The extraction pipeline: files -> articles -> extractions -> one resolved investor graph.

:func:`extract_paths` reads every file (see :mod:`graphkit.readers`), extracts mentions and
relations from each article, resolves entities across all articles and returns the graph with a
:class:`RunReport` of what was read, what was skipped and why, and what the graph holds.

With ``workers > 1`` files are read and extracted in a process pool; results come back in input
order, so the graph is the same as with one worker. Resolution always runs once, over everything.

Examples
--------
>>> import tempfile, pathlib
>>> from graphkit.graph import add_entity, new_graph
>>> from graphkit.model import ArticleExtraction, Mention
>>> def names_in_title(article):
...     words = [word for word in article.title.split() if word.istitle()]
...     return ArticleExtraction(article, [Mention(word, frozenset({"Company"})) for word in words])
>>> def one_node_per_name(extractions, rules):
...     graph = new_graph()
...     for extraction in extractions:
...         for mention in extraction.mentions:
...             add_entity(graph, mention.name, mention.labels)
...     return graph
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Acme backs Beta\\n\\nAcme invested in Beta.\\n")
>>> graph, report = extract_paths([folder], extractor=names_in_title, resolver=one_node_per_name)
>>> sorted(graph), report.articles, report.skipped
(['acme', 'beta'], 1, [])
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path

import networkx as nx

from graphkit.errors import InputError, RecordError
from graphkit.graph_summary import graph_stats
from graphkit.model import Article, ArticleExtraction
from graphkit.readers import DEFAULT_MAX_BYTES, article_files, read_file, unique_ids

Extractor = Callable[[Article], ArticleExtraction]
Resolver = Callable[[list[ArticleExtraction], object], nx.MultiDiGraph]
Progress = Callable[[int, int], None]

__all__ = ["extract_paths", "extract_file", "record_articles", "RunReport", "Skipped"]


@dataclass(frozen=True)
class Skipped:
    """A file (or, when ``record`` is true, one record or article in it) that was not used, and why."""

    path: str
    reason: str
    record: bool = False

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class RunReport:
    """What one extraction run did: files, articles, skips, the graph's size, and the time taken."""

    files: int = 0
    articles: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    nodes_by_label: dict[str, int] = field(default_factory=dict)
    edges_by_type: dict[str, int] = field(default_factory=dict)
    nodes: int = 0
    edges: int = 0
    seconds: float = 0.0
    unchanged: int = 0  # articles left out because the graph merged into already has them
    extract_seconds: float = 0.0  # reading + extraction (the part workers share)
    resolve_seconds: float = 0.0  # entity resolution over all articles (one process)

    def as_dict(self) -> dict:
        """The report as plain JSON-ready data."""
        return asdict(self)

    def count_graph(self, graph: nx.MultiDiGraph) -> None:
        """Fill in the node and edge counts from ``graph``."""
        stats = graph_stats(graph, top=0)
        self.nodes, self.edges = stats["nodes"], stats["edges"]
        self.nodes_by_label, self.edges_by_type = stats["nodes_by_label"], stats["edges_by_type"]


@dataclass
class FileOutcome:
    """What one file gave: extractions from its articles, and the parts that were skipped."""

    path: str
    extractions: list[ArticleExtraction] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def _default_extractor() -> Extractor:
    from graphkit.extract import extract_article

    return extract_article


def _default_resolver() -> Resolver:
    from graphkit.resolve import resolve

    return resolve


def extract_file(
    task: tuple[Path, str | None], extractor: Extractor | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> FileOutcome:
    """Read one file (``task`` = path, article id) and extract every article in it.

    Bad input and articles the extractor fails on are skipped, each with its reason.
    """
    path, article_id = task
    extractor = extractor or _default_extractor()
    outcome = FileOutcome(str(path))
    for result in read_file(path, max_bytes, article_id):
        if result.error:
            outcome.skipped.append(Skipped(result.error.path, result.error.reason,
                                           record=isinstance(result.error, RecordError)))
            continue
        try:
            outcome.extractions.append(extractor(result.article))
        except Exception as error:  # one article's failure must not end a batch of thousands
            outcome.skipped.append(
                Skipped(
                    result.path,
                    f"article {result.article.id}: extraction failed ({type(error).__name__}: {error})",
                    record=True,
                )
            )
    return outcome


def _chunk_size(files: int, workers: int) -> int:
    # Several chunks per worker keep both busy when files differ in size; big chunks cut IPC.
    return max(1, min(64, files // (workers * 4)))


def _outcomes(
    files: list[Path], workers: int, extract: Callable[[tuple], FileOutcome]
) -> Iterable[FileOutcome]:
    tasks = list(unique_ids(files).items())
    if workers <= 1 or len(files) <= 1:
        yield from map(extract, tasks)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(extract, tasks, chunksize=_chunk_size(len(tasks), workers))


def _load_rules(rules: object) -> object:
    if isinstance(rules, (str, os.PathLike)):
        from graphkit.resolve import load_alias_rules

        return load_alias_rules(rules)
    return rules


def extract_paths(
    paths: Iterable[str | os.PathLike],
    workers: int = 1,
    rules: object = None,
    progress: Progress | None = None,
    extractor: Extractor | None = None,
    resolver: Resolver | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    known_articles: Mapping[str, dict] | None = None,
) -> tuple[nx.MultiDiGraph, RunReport]:
    """Return the resolved graph of all articles under ``paths`` and a report of the run.

    ``rules`` are alias rules (or the path of an alias file) for entity resolution;
    ``progress(done, total)`` is called after each file. ``extractor`` and ``resolver`` default to
    :func:`graphkit.extract.extract_article` and :func:`graphkit.resolve.resolve`; an extractor
    used with ``workers > 1`` must be a module-level function (it is sent to other processes).
    ``known_articles`` (a graph's ``graph.graph["articles"]``) are articles already in the graph
    being merged into: one with the same id and title is left out, so that merging the same
    articles again changes nothing. Raises :class:`InputError` when no article at all could be read.
    """
    started = time.perf_counter()
    paths = list(paths)
    rules = _load_rules(rules)
    report = RunReport()
    files: list[Path] = []
    for item in article_files(paths):
        if isinstance(item, InputError):
            report.skipped.append(Skipped(item.path, item.reason))
        else:
            files.append(item)
    extract = partial(extract_file, extractor=extractor or _default_extractor(), max_bytes=max_bytes)
    extractions: list[ArticleExtraction] = []
    known = known_articles or {}
    for done, outcome in enumerate(_outcomes(files, workers, extract), start=1):
        for extraction in outcome.extractions:
            if known.get(extraction.article.id, {}).get("title") == extraction.article.title:
                report.unchanged += 1
            else:
                extractions.append(extraction)
        report.skipped.extend(outcome.skipped)
        if progress:
            progress(done, len(files))
    report.files, report.articles = len(files), len(extractions)
    if not extractions and not report.unchanged:
        given = ", ".join(str(path) for path in paths)
        # A skip of the one file given is named once, by the error itself.
        what = "; ".join(skip.reason if skip.path == given else str(skip) for skip in report.skipped[:3])
        raise InputError(given, f"no readable articles ({what or 'no files given'})")
    resolving = time.perf_counter()
    report.extract_seconds = resolving - started
    graph = (resolver or _default_resolver())(extractions, rules)
    report.resolve_seconds = time.perf_counter() - resolving
    record_articles(graph, [extraction.article for extraction in extractions])
    report.count_graph(graph)
    report.seconds = time.perf_counter() - started
    return graph, report


def record_articles(graph: nx.MultiDiGraph, articles: Iterable[Article]) -> None:
    """Keep each article's id, title, url, date and source in ``graph.graph["articles"]``.

    The graph file then says what it was built from, even for articles that gave no relation.
    """
    known = graph.graph.setdefault("articles", {})
    for article in articles:
        known[article.id] = {
            key: value
            for key, value in (
                ("title", article.title),
                ("url", article.url),
                ("published", article.published),
                ("source", article.source),
                ("path", article.path),
            )
            if value is not None
        }
