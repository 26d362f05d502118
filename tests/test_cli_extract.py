"""Tests for the extract, build, stats and entities commands, through typer's CliRunner.

Most tests swap in the predictable extractor/resolver from ``fake_extraction`` so they check the
commands' own behaviour (exit codes, skip lines, summaries, --merge); the end-to-end tests at the
bottom run the real extractor on the example articles.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fake_extraction import extract_capitalized, resolve_by_key
from typer.testing import CliRunner

from graphkit import pipeline
from graphkit.cli import app
from graphkit.graph import load_graph

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture
def runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 keeps stderr apart by default
        return CliRunner()


@pytest.fixture
def fake_extraction(monkeypatch):
    monkeypatch.setattr(pipeline, "_default_extractor", lambda: extract_capitalized)
    monkeypatch.setattr(pipeline, "_default_resolver", lambda: resolve_by_key)
    monkeypatch.setattr(pipeline, "_load_rules", _yaml_aliases)


def _yaml_aliases(rules):
    import yaml

    return yaml.safe_load(Path(rules).read_text()) if rules else None


def article(folder: Path, name: str, company: str, investor: str) -> Path:
    path = folder / name
    path.write_text(f"{company} raises money\n\n{company} raised money in a round led by {investor}.\n")
    return path


def test_extract_writes_graph_and_summary(tmp_path, runner, fake_extraction):
    article(tmp_path, "a.txt", "Alpha", "Fundwise")
    out = tmp_path / "graph.json"
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert load_graph(out).has_edge("fundwise", "alpha", "INVESTED_IN")
    assert "read 1 article(s) from 1 file(s)" in result.stdout
    assert "INVESTED_IN 1" in result.stdout and "skipped 0" in result.stdout


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "file is empty"),
        ("binary.dat", b"\x00\x01\x02\x03", "binary file, not text"),
        ("latin1.txt", "Caf\xe9 Alpha".encode("latin-1"), "not valid UTF-8"),
        ("bad.md", b'---\ntitle: "open\nx: [\n---\n', "malformed YAML front matter"),
        ("list.json", b"[1, 2]", "JSON is not an article record"),
    ],
)
def test_extract_skips_bad_file_names_it_and_exits_1(
    tmp_path, runner, fake_extraction, name, content, reason
):
    article(tmp_path, "good.txt", "Alpha", "Fundwise")
    (tmp_path / name).write_bytes(content)
    out = tmp_path / "out" / "graph.json"
    result = runner.invoke(app, ["extract", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 1
    skip_lines = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    assert len(skip_lines) == 1
    assert skip_lines[0].startswith(f"skipped {tmp_path / name}: ") and reason in skip_lines[0]
    assert load_graph(out).has_edge("fundwise", "alpha", "INVESTED_IN")  # the rest was still read


def test_extract_reads_a_truncated_jsonl_file_and_skips_its_cut_off_line(tmp_path, runner, fake_extraction):
    lines = [json.dumps({"title": f"{name} raises money", "text": f"{name} raised money led by Fundwise."})
             for name in ("Alpha", "Beta")]
    path = tmp_path / "truncated.jsonl"
    path.write_text("\n".join([*lines, '{"title": "Cut off", "te']))
    result = runner.invoke(app, ["extract", str(path), "-o", str(tmp_path / "graph.json")])
    assert result.exit_code == 1, result.output
    assert "read 2 article(s) from 1 file(s)" in result.stdout
    [skip_line] = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    assert skip_line.startswith(f"skipped {path}: line 3, column 22: invalid JSON")
    assert "skipped 0 file(s) and 1 record(s)" in result.stdout and str(path) not in result.stdout


def test_extract_missing_path_and_empty_folder_exit_1(tmp_path, runner, fake_extraction):
    article(tmp_path, "good.txt", "Alpha", "Fundwise")
    (tmp_path / "empty-folder").mkdir()
    result = runner.invoke(
        app,
        [
            "extract",
            str(tmp_path / "good.txt"),
            str(tmp_path / "nope.txt"),
            str(tmp_path / "empty-folder"),
            "-o",
            str(tmp_path / "g.json"),
        ],
    )
    assert result.exit_code == 1
    assert f"skipped {tmp_path / 'nope.txt'}: no such file or folder" in result.stderr
    assert f"skipped {tmp_path / 'empty-folder'}: folder has no article files" in result.stderr


def test_extract_oversized_file_exit_1(tmp_path, runner, fake_extraction):
    article(tmp_path, "good.txt", "Alpha", "Fundwise")
    with open(tmp_path / "huge.txt", "wb") as out:
        out.truncate(200 * 1024 * 1024)
    result = runner.invoke(app, ["extract", str(tmp_path), "-o", str(tmp_path / "g.json")])
    assert result.exit_code == 1
    assert f"skipped {tmp_path / 'huge.txt'}: file is too large" in result.stderr


def test_extract_nothing_readable_exits_2(tmp_path, runner, fake_extraction):
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(app, ["extract", str(tmp_path), "-o", str(tmp_path / "g.json")])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and "no readable articles" in result.stderr
    assert not (tmp_path / "g.json").exists()


def test_extract_merge_keeps_the_earlier_graph(tmp_path, runner, fake_extraction):
    first = article(tmp_path, "first.txt", "Alpha", "Fundwise")
    second = article(tmp_path, "second.txt", "Beta", "Fundwise")
    out = tmp_path / "graph.json"
    assert runner.invoke(app, ["extract", str(first), "-o", str(out)]).exit_code == 0
    assert runner.invoke(app, ["extract", str(second), "-o", str(out), "--merge"]).exit_code == 0
    merged = load_graph(out)
    assert merged.has_edge("fundwise", "alpha", "INVESTED_IN") and merged.has_edge(
        "fundwise", "beta", "INVESTED_IN"
    )
    assert sorted(merged.graph["articles"]) == ["first", "second"]
    assert runner.invoke(app, ["extract", str(second), "-o", str(out)]).exit_code == 0
    assert "alpha" not in load_graph(out)  # without --merge the file is replaced


def test_extract_aliases_option(tmp_path, runner, fake_extraction):
    article(tmp_path, "a.txt", "Alpha", "Fundco")
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text("Fundco: Fundwise Partners\n")
    out = tmp_path / "graph.json"
    result = runner.invoke(
        app, ["extract", str(tmp_path / "a.txt"), "-o", str(out), "--aliases", str(aliases)]
    )
    assert result.exit_code == 0, result.output
    assert load_graph(out).has_edge("fundwise-partners", "alpha", "INVESTED_IN")


def test_extract_with_two_workers(tmp_path, runner, fake_extraction):
    articles = tmp_path / "articles"
    articles.mkdir()
    for number in range(8):
        article(articles, f"a{number}.txt", f"Company{number}", f"Fund{number % 3}")
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    assert runner.invoke(app, ["extract", str(articles), "-o", str(one)]).exit_code == 0
    assert runner.invoke(app, ["extract", str(articles), "-o", str(two), "--workers", "2"]).exit_code == 0
    assert json.loads(one.read_text()) == json.loads(two.read_text())


@pytest.fixture
def small_graph(tmp_path, runner, fake_extraction) -> Path:
    article(tmp_path, "a.txt", "Alpha", "Fundwise")
    article(tmp_path, "b.txt", "Beta", "Fundwise")
    (tmp_path / "c.txt").write_text("Gamma raises money\n\nGamma competes with Alpha.\n")
    out = tmp_path / "graph.json"
    assert runner.invoke(app, ["extract", str(tmp_path), "-o", str(out)]).exit_code == 0
    return out


def test_stats_json_counts(small_graph, runner):
    result = runner.invoke(app, ["stats", str(small_graph), "--json"])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)
    assert stats["edges_by_type"] == {"COMPETES_WITH": 1, "INVESTED_IN": 2}
    assert stats["nodes_by_label"] == {"Company": 4} and stats["articles"] == 3
    assert (
        stats["top_entities"][0]["name"] in ("Alpha", "Fundwise") and stats["top_entities"][0]["degree"] == 2
    )


def test_stats_table(small_graph, runner):
    result = runner.invoke(app, ["stats", str(small_graph)])
    assert result.exit_code == 0, result.output
    for text in (
        "4 node(s), 3 edge(s), built from 3 article(s)",
        "Nodes by label",
        "INVESTED_IN",
        "Fundwise",
    ):
        assert text in result.stdout


def test_entities_json_and_label_filter(small_graph, runner):
    rows = json.loads(runner.invoke(app, ["entities", str(small_graph), "--json"]).stdout)
    fundwise = next(row for row in rows if row["name"] == "Fundwise")
    assert (fundwise["degree"], fundwise["articles"], fundwise["mentions"]) == (2, 2, 2)
    assert set(fundwise) >= {"name", "labels", "aliases", "mentions", "articles", "degree"}
    assert (
        runner.invoke(app, ["entities", str(small_graph), "--label", "Person", "--json"]).stdout.strip()
        == "[]"
    )
    table = runner.invoke(app, ["entities", str(small_graph)])
    assert table.exit_code == 0 and "Fundwise" in table.stdout and "4 entities" in table.stdout


def test_labels_are_matched_case_insensitively(small_graph, runner):
    lower = runner.invoke(app, ["entities", str(small_graph), "-l", "company", "--json"])
    exact = runner.invoke(app, ["entities", str(small_graph), "-l", "Company", "--json"])
    assert lower.exit_code == 0 and json.loads(lower.stdout) == json.loads(exact.stdout) != []


def test_entities_unknown_label_and_bad_graph_file(tmp_path, small_graph, runner):
    result = runner.invoke(app, ["entities", str(small_graph), "--label", "Robot"])
    assert result.exit_code == 2 and "not a label" in result.stderr
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]")
    result = runner.invoke(app, ["stats", str(bad)])
    assert result.exit_code == 2 and str(bad) in result.stderr
    assert runner.invoke(app, ["stats", str(tmp_path / "nope.json")]).exit_code == 2


def test_build_writes_graph_and_view(tmp_path, runner):
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(EXAMPLES / "articles"), "-o", str(out)])
    assert result.exit_code == 0, result.output + result.stderr
    graph = load_graph(out / "graph.json")
    assert graph.has_edge("alibaba", "megvii", "INVESTED_IN")
    assert (out / "graph.html").stat().st_size > 0


def test_extract_examples_with_alias_file(tmp_path, runner):
    out = tmp_path / "graph.json"
    result = runner.invoke(
        app,
        ["extract", str(EXAMPLES / "articles"), "-o", str(out), "--aliases", str(EXAMPLES / "aliases.yaml")],
    )
    assert result.exit_code == 0, result.output + result.stderr
    assert load_graph(out).number_of_edges() > 5


def test_extract_to_an_unwritable_place_is_a_one_line_error(tmp_path, runner, fake_extraction):
    article(tmp_path, "a.txt", "Alpha", "Fundwise")
    (tmp_path / "taken").mkdir()
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "taken")])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'taken'}: cannot write (Is a directory)"


def test_merging_the_same_articles_again_changes_nothing(tmp_path, runner):
    out = tmp_path / "graph.json"
    articles = str(EXAMPLES / "articles")
    assert runner.invoke(app, ["extract", articles, "-o", str(out)]).exit_code == 0
    first = json.loads(out.read_text())
    result = runner.invoke(app, ["extract", articles, "-o", str(out), "--merge"])
    assert result.exit_code == 0, result.output
    assert "7 article(s) already in" in result.stdout
    assert json.loads(out.read_text()) == first  # mention and article counts not doubled


def test_merge_into_a_bad_graph_file_stops_before_extracting(tmp_path, runner, fake_extraction):
    article(tmp_path, "a.txt", "Alpha", "Fundwise")
    out = tmp_path / "graph.json"
    out.write_text("not json")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "-o", str(out), "--merge"])
    assert result.exit_code == 2 and "not a JSON graph file" in result.stderr
    assert out.read_text() == "not json"


@pytest.mark.neo4j
def test_stats_and_entities_on_neo4j_match_the_graph_file(small_graph, runner, neo4j_backend, neo4j_settings):
    neo4j_backend.load_graph(load_graph(small_graph))
    connection = [
        "--neo4j",
        "--uri",
        neo4j_settings.uri,
        "--user",
        neo4j_settings.user,
        "--password",
        neo4j_settings.password or "",
    ]
    on_file = json.loads(runner.invoke(app, ["stats", str(small_graph), "--json"]).stdout)
    on_neo4j = runner.invoke(app, ["stats", "--json", *connection])
    assert on_neo4j.exit_code == 0, on_neo4j.output
    stats = json.loads(on_neo4j.stdout)
    for field in ("nodes", "edges", "nodes_by_label", "edges_by_type", "articles"):
        assert stats[field] == on_file[field]
    rows = json.loads(runner.invoke(app, ["entities", "--json", *connection]).stdout)
    assert {(row["key"], row["degree"]) for row in rows} == {
        (row["key"], row["degree"])
        for row in json.loads(runner.invoke(app, ["entities", str(small_graph), "--json"]).stdout)
    }


def test_help_shows_plain_metavars_and_the_version(runner):
    from importlib.metadata import version

    import typer

    for name in typer.main.get_command(app).commands:
        text = runner.invoke(app, [name, "--help"], env={"COLUMNS": "200"}).stdout
        assert "<" not in text.replace("<-", "") and "{" not in text, (name, text)
    assert runner.invoke(app, ["extract", "--help"]).stdout.startswith("Usage: graphkit extract [OPTIONS] PATH...")
    usage = runner.invoke(app, ["query", "--help"]).stdout.splitlines()[0]
    assert usage == "Usage: graphkit query [OPTIONS] [GRAPH_FILE] QUERY"
    assert "-w, --workers N" in runner.invoke(app, ["extract", "--help"], env={"COLUMNS": "200"}).stdout
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"graphkit {version('graphkit')}"
