"""Tests for graphkit.pipeline: reading + extraction + resolution, workers, skips, the report."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from fake_extraction import extract_capitalized, fail_on_boom, resolve_by_key

from graphkit.errors import InputError
from graphkit.pipeline import extract_paths

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"


def corpus(folder: Path, count: int = 12) -> Path:
    """Write ``count`` small articles in mixed formats; return the folder."""
    for number in range(count):
        company, investor, rival = f"Alpha{number}", f"Fund{number % 4}", f"Rival{number % 3}"
        text = (
            f"{company} raises money\n\n{company} raised money in a round led by {investor}.\n\n"
            f"{company} competes with {rival}.\n"
        )
        if number % 3 == 0:
            (folder / f"a{number:02}.txt").write_text(text)
        elif number % 3 == 1:
            (folder / f"a{number:02}.json").write_text(
                json.dumps({"title": f"{company} raises money", "text": text})
            )
        else:
            (folder / f"a{number:02}.md").write_text(f'---\ntitle: "{company} raises money"\n---\n{text}')
    return folder


def run(paths, **options):
    return extract_paths(paths, extractor=extract_capitalized, resolver=resolve_by_key, **options)


def as_data(graph: nx.MultiDiGraph) -> str:
    return json.dumps(nx.node_link_data(graph, edges="edges"), sort_keys=True)


def test_graph_and_report(tmp_path):
    graph, report = run([corpus(tmp_path, 6)])
    assert (report.files, report.articles, report.skipped) == (6, 6, [])
    assert graph.has_edge("fund0", "alpha0", "INVESTED_IN")
    assert graph.has_edge("alpha0", "rival0", "COMPETES_WITH")
    assert report.edges_by_type == {"COMPETES_WITH": 6, "INVESTED_IN": 6}
    assert report.nodes == graph.number_of_nodes() and report.nodes_by_label["Company"] == report.nodes
    assert report.seconds > 0
    assert sorted(graph.graph["articles"]) == ["a00", "a01", "a02", "a03", "a04", "a05"]
    assert graph.graph["articles"]["a02"]["title"] == "Alpha2 raises money"


def test_two_workers_give_the_same_graph_as_one(tmp_path):
    folder = corpus(tmp_path, 40)
    one, one_report = run([folder], workers=1)
    two, two_report = run([folder], workers=2)
    assert as_data(one) == as_data(two)
    assert one_report.edges_by_type == two_report.edges_by_type


def test_skipped_files_are_reported_and_the_rest_is_read(tmp_path):
    corpus(tmp_path, 3)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02")
    graph, report = run([tmp_path, tmp_path / "missing.md"])
    assert report.articles == 3
    reasons = {Path(skip.path).name: skip.reason for skip in report.skipped}
    assert reasons == {
        "empty.txt": "file is empty",
        "blob.bin": "binary file, not text",
        "missing.md": "no such file or folder",
    }


def test_an_article_the_extractor_fails_on_is_skipped(tmp_path):
    corpus(tmp_path, 2)
    (tmp_path / "boom.txt").write_text("Boom raises money\n\nBOOM goes the text.\n")
    graph, report = extract_paths([tmp_path], extractor=fail_on_boom, resolver=resolve_by_key)
    assert report.articles == 2
    [skipped] = report.skipped
    assert (
        skipped.path.endswith("boom.txt")
        and "extraction failed (RuntimeError: extractor exploded)" in skipped.reason
    )


def test_nothing_readable_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(InputError, match="no readable articles.*file is empty"):
        run([tmp_path])


def test_the_one_file_given_is_named_once_and_record_skips_are_marked(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(InputError) as raised:
        run([empty])
    assert str(raised.value) == f"{empty}: no readable articles (file is empty)"
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"title": "Alpha raises money", "text": "Alpha raised money."}\n{"title": ')
    _, report = run([feed, empty])
    assert [(Path(skip.path).name, skip.record) for skip in report.skipped] == [("feed.jsonl", True),
                                                                                ("empty.txt", False)]


def test_progress_is_reported_per_file(tmp_path):
    calls = []
    run([corpus(tmp_path, 5)], progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]


def test_alias_rules_reach_the_resolver(tmp_path):
    (tmp_path / "a.txt").write_text("Alpha raises money\n\nAlpha raised money in a round led by Fundco.\n")
    graph, _ = run([tmp_path], rules={"Fundco": "Fundwise Partners"})
    assert graph.has_edge("fundwise-partners", "alpha", "INVESTED_IN") and "fundco" not in graph


def test_examples_folder_reads_without_skips():
    graph, report = run([EXAMPLES])
    assert report.skipped == [] and report.articles >= 7 and report.files >= 5
    assert {"megvii", "sensetime", "alibaba"} <= set(graph)


def test_known_articles_are_left_out(tmp_path):
    folder = corpus(tmp_path, 3)
    graph, _ = run([folder])
    known = dict(graph.graph["articles"])
    known["a01"] = {**known["a01"], "title": "a different story under the same id"}
    again, report = run([folder], known_articles=known)
    assert (report.unchanged, report.articles) == (2, 1)
    assert sorted(again.graph["articles"]) == ["a01"]
