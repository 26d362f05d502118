"""The ``graphkit query`` command end to end on a small graph file (embedded engine)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphkit.cli import app
from graphkit.graph import add_entity, add_relation, load_graph, new_graph, save_graph
from graphkit.model import STORAGE_LABEL, Evidence

runner = CliRunner()


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    graph = new_graph()
    alibaba = add_entity(graph, "Alibaba Group", labels=["Company", "Investor"])
    boyu = add_entity(graph, "Boyu Capital", labels=["Investor"])
    megvii = add_entity(graph, "Megvii", labels=["Company"])
    add_relation(graph, alibaba, megvii, "INVESTED_IN",
                 Evidence(article="a1", sentence="Alibaba invests $600m in Megvii.", amount_usd=6e8))
    add_relation(graph, boyu, megvii, "INVESTED_IN", Evidence(article="a2", sentence="Boyu joins."))
    path = tmp_path / "graph.json"
    save_graph(graph, path)
    return path


def query(graph_file: Path, text: str, *options: str):
    return runner.invoke(app, ["query", str(graph_file), text, *options])


def test_table_output(graph_file: Path) -> None:
    result = query(graph_file, "MATCH (n:Investor) RETURN n.name AS name ORDER BY name")
    assert result.exit_code == 0, result.output
    assert "Alibaba Group" in result.output and "Boyu Capital" in result.output
    assert "Megvii" not in result.output
    assert "2 row(s)" in result.output


def test_json_output_with_parameters(graph_file: Path) -> None:
    result = query(graph_file, "MATCH (i)-[r:INVESTED_IN]->(c {key: $company}) "
                               "RETURN i.name AS investor, r.amount_usd AS amount ORDER BY investor LIMIT $n",
                   "--param", "company=megvii", "--param", "n=5", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{"investor": "Alibaba Group", "amount": 6e8},
                                         {"investor": "Boyu Capital", "amount": None}]
    limited = query(graph_file, "MATCH (n) RETURN n.key AS key ORDER BY key LIMIT $n", "-p", "n=1", "--json")
    assert json.loads(limited.output) == [{"key": "alibaba"}]


def test_json_output_of_nodes(graph_file: Path) -> None:
    result = query(graph_file, "MATCH (n {key: 'boyu-capital'}) RETURN n", "--json")
    assert result.exit_code == 0, result.output
    [record] = json.loads(result.output)
    assert record["n"]["labels"] == sorted(["Investor", STORAGE_LABEL])
    assert record["n"]["properties"]["name"] == "Boyu Capital"


def _one_line_error(result) -> str:
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert "Traceback" not in result.output
    return lines[0]


def test_syntax_error_names_problem_and_position_and_leaves_file(graph_file: Path) -> None:
    before = graph_file.read_bytes()
    message = _one_line_error(query(graph_file, "MATCH (n:Investor RETURN n"))
    assert "SyntaxError" in message
    assert "line 1" in message and "column" in message
    assert graph_file.read_bytes() == before


def test_unknown_function(graph_file: Path) -> None:
    message = _one_line_error(query(graph_file, "RETURN noSuchFunction(1) AS x"))
    assert "nosuchfunction" in message.lower() and "function" in message


def test_type_error(graph_file: Path) -> None:
    # 'a' + 1 is string concatenation in Cypher ('a1'); subtraction has no string meaning: with
    # literals that is found at compile time, with a property value at runtime (a TypeError).
    assert json.loads(query(graph_file, "RETURN 'a' + 1 AS s", "--json").output) == [{"s": "a1"}]
    assert "STRING" in _one_line_error(query(graph_file, "RETURN 'a' - 1 AS x"))
    message = _one_line_error(query(graph_file, "MATCH (n {key: 'megvii'}) RETURN n.name - 1 AS x"))
    assert "TypeError" in message


def test_missing_parameter(graph_file: Path) -> None:
    message = _one_line_error(query(graph_file, "MATCH (n {key: $company}) RETURN n.name"))
    assert "company" in message


def test_write_query_saves_the_file(graph_file: Path) -> None:
    result = query(graph_file, "MATCH (n {key: 'megvii'}) SET n.founded = $year RETURN n.founded AS founded",
                   "--param", "year=2011", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"founded": 2011}]
    assert "1 properties set" in result.stderr  # the change is reported, apart from the rows
    assert load_graph(graph_file).nodes["megvii"]["founded"] == 2011


def test_failing_write_query_leaves_the_file_untouched(graph_file: Path) -> None:
    before = graph_file.read_bytes()
    message = _one_line_error(query(graph_file, "MATCH (n) SET n.touched = true WITH n RETURN 1 / 0 AS x"))
    assert "ArithmeticError" in message or "division" in message.lower()
    assert graph_file.read_bytes() == before


def test_usage_errors(graph_file: Path) -> None:
    _one_line_error(runner.invoke(app, ["query", "RETURN 1"]))
    _one_line_error(query(graph_file, "RETURN 1", "--param", "novalue"))
    _one_line_error(query(graph_file.with_name("missing.json"), "RETURN 1"))
