"""`graphkit build`: the README's main job, on the bundled examples, and with --neo4j."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphkit.cli import app
from graphkit.graph import load_graph

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"


def test_build_examples_writes_graph_and_view(tmp_path):
    result = CliRunner().invoke(app, ["build", str(EXAMPLES), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    graph = load_graph(tmp_path / "graph.json")
    names = {data["name"] for _, data in graph.nodes(data=True)}
    assert {"Megvii", "SenseTime", "Boyu Capital"} <= names
    assert any(data["type"] == "INVESTED_IN" for _, _, data in graph.edges(data=True))
    html = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert "Megvii" in html and "<script src=" not in html


@pytest.mark.neo4j
def test_build_with_neo4j_loads_the_same_graph(neo4j_backend, neo4j_settings, tmp_path):
    arguments = ["build", str(EXAMPLES), "-o", str(tmp_path), "--neo4j", "--uri", neo4j_settings.uri,
                 "--user", neo4j_settings.user, "--password", neo4j_settings.password]
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 0, result.output
    assert "loaded" in result.output
    written = load_graph(tmp_path / "graph.json")
    stored = neo4j_backend.read_graph()
    assert set(stored.nodes) == set(written.nodes)
    assert {(s, t, k) for s, t, k in stored.edges(keys=True)} == {(s, t, k) for s, t, k in written.edges(keys=True)}
