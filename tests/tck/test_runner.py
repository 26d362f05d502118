"""Tests of the TCK runner itself, with a scripted stand-in for the engine."""

from __future__ import annotations

import time

import networkx as nx
import pytest

from graphkit.backends.base import QueryResult
from graphkit.errors import CypherError
from graphkit.values import Node, Path, Relationship

from . import scenario as scenario_module
from .compare import render, rows_match, values_equal
from .effects import side_effects, snapshot
from .features import parse_feature
from .procedures import parse_signature
from .report import tally
from .scenario import run_scenario
from .values import ExpectedNode, ValueSyntaxError, parse_value

FEATURE = '''Feature: Demo

  Background:
    Given an empty graph

  @mytag
  Scenario: [1] Plain
    When executing query:
      """
      MATCH (n)
        RETURN n
      """
    Then the result should be, in order:
      | n |
      | 1 |

  Scenario Outline: [2] Outline
    When executing query: RETURN <v> AS x
    Then the result should be, in any order:
      | x   |
      | <r> |
    And no side effects#

    Examples:
      | v | r   |
      | 1 | 'a\\|b' |
      | 2 | 3   |
'''


def test_feature_parser_expands_outlines_and_background() -> None:
    plain, first, second = parse_feature(FEATURE, "features/clauses/demo/Demo1.feature")
    assert plain.tags == {"@mytag"} and first.tags == frozenset()
    assert [step.text for step in plain.steps][:2] == ["an empty graph", "executing query:"]
    assert plain.steps[1].doc == "MATCH (n)\n  RETURN n"
    assert first.steps[1].text == "executing query: RETURN 1 AS x"
    assert first.steps[2].table == [["x"], ["'a|b'"]] and second.steps[2].table == [["x"], ["3"]]
    assert first.steps[3].text == "no side effects"
    assert (first.example, second.example, second.area) == (1, 2, "clauses/demo")


@pytest.mark.parametrize(("text", "expected"), [
    ("1", 1), ("-7", -7), ("1.0", 1.0), ("1e10", 1e10), ("-1e-305", -1e-305), ("Inf", float("inf")),
    ("-Inf", float("-inf")), ("'it\\'s'", "it's"), ("'a\\\\b'", "a\\b"), ("null", None), ("true", True),
    ("[]", []), ("[1, [2, 'x']]", [1, [2, "x"]]), ("{a: 1, `b c`: null}", {"a": 1, "b c": None}),
    ("(:A:B {name: 'n'})", ExpectedNode(frozenset({"A", "B"}), {"name": "n"})), ("()", ExpectedNode(frozenset())),
])
def test_value_parser(text: str, expected: object) -> None:
    value = parse_value(text)
    assert value == expected and type(value) is type(expected)


def test_value_parser_nan_path_and_errors() -> None:
    assert parse_value("NaN") != parse_value("NaN")  # a float NaN
    path = parse_value("<(:A)<-[:T {w: 1}]-(:B)-[:U]->()>")
    assert [forward for _, forward in path.relationships] == [False, True]
    assert path.relationships[0][0].properties == {"w": 1}
    with pytest.raises(ValueSyntaxError):
        parse_value("[1, 2")
    with pytest.raises(ValueSyntaxError):
        parse_value("1 2")


def test_comparison_rules() -> None:
    a = Node("a", frozenset({"A"}), {"name": "a"})
    b = Node("b", frozenset(), {})
    knows = Relationship("r", "KNOWS", "a", "b", {"since": 2})
    assert not values_equal(parse_value("1"), 1.0) and not values_equal(parse_value("1.0"), 1)
    assert not values_equal(parse_value("true"), 1) and values_equal(parse_value("NaN"), float("nan"))
    assert values_equal(parse_value("(:A {name: 'a'})"), a)
    assert not values_equal(parse_value("(:A:B {name: 'a'})"), a)
    assert values_equal(parse_value("[:KNOWS {since: 2}]"), knows)
    assert values_equal(parse_value("<(:A {name: 'a'})-[:KNOWS {since: 2}]->()>"), Path((a, b), (knows,)))
    assert not values_equal(parse_value("<(:A {name: 'a'})<-[:KNOWS {since: 2}]-()>"), Path((a, b), (knows,)))
    assert not values_equal(parse_value("[1, 2]"), [2, 1])
    assert values_equal(parse_value("[1, 2]"), [2, 1], unordered_lists=True)
    assert not values_equal(parse_value("{a: 1}"), {"a": 1, "b": 2})
    assert rows_match([[1], [1], [2]], [[2], [1], [1]], ordered=False)
    assert not rows_match([[1], [1], [2]], [[2], [2], [1]], ordered=False)
    assert render(Path((a, b), (knows,))) == "<(:A {name: 'a'})-[:KNOWS {since: 2}]->()>"


def test_side_effects_count_property_triples_and_distinct_labels() -> None:
    graph = nx.MultiDiGraph()
    graph.add_node(1, labels=["A"], name="a", tags=[1])
    graph.add_node(2, labels=["A"])
    graph.add_edge(1, 2, key=0, type="T", w=1)
    before = snapshot(graph)
    graph.nodes[1]["tags"].append(2)  # a mutated list is a changed value
    graph.remove_node(2)  # its relationship (and the relationship's property) goes too
    graph.nodes[1]["labels"].append("B")
    effects = side_effects(before, snapshot(graph))
    assert effects == {"+nodes": 0, "-nodes": 1, "+relationships": 0, "-relationships": 1,
                       "+properties": 1, "-properties": 2, "+labels": 1, "-labels": 0}


def _engine(script: dict[str, object]):
    """A stand-in engine: each query maps to a QueryResult, an exception, or a graph mutation."""

    def execute(graph: nx.MultiDiGraph, query: str, parameters: dict) -> QueryResult:
        answer = script[query.strip()]
        if isinstance(answer, BaseException):
            raise answer
        if callable(answer):
            return answer(graph, parameters)
        return answer

    return execute


def _run(monkeypatch: pytest.MonkeyPatch, text: str, script: dict[str, object], timeout: float = 10.0):
    monkeypatch.setattr(scenario_module, "_execute", lambda: _engine(script))
    [scenario] = parse_feature("Feature: F\n" + text, "features/clauses/demo/Demo1.feature")
    return run_scenario(scenario, timeout)


RESULT = '''  Scenario: s
    Given any graph
    And parameters are:
      | p | 2 |
    When executing query:
      """
      RETURN $p AS x
      """
    Then the result should be, in any order:
      | x |
      | 2 |
    And no side effects
'''


def test_scenario_passes_and_fails_on_rows_columns_and_types(monkeypatch: pytest.MonkeyPatch) -> None:
    def echo(graph: nx.MultiDiGraph, parameters: dict) -> QueryResult:
        return QueryResult(["x"], [[parameters["p"]]])

    assert _run(monkeypatch, RESULT, {"RETURN $p AS x": echo}).status == "pass"
    wrong_type = _run(monkeypatch, RESULT, {"RETURN $p AS x": QueryResult(["x"], [[2.0]])})
    assert (wrong_type.status, wrong_type.category) == ("fail", "wrong rows")
    wrong_column = _run(monkeypatch, RESULT, {"RETURN $p AS x": QueryResult(["y"], [[2]])})
    assert wrong_column.category == "wrong columns"


def test_scenario_checks_side_effects_from_the_graph(monkeypatch: pytest.MonkeyPatch) -> None:
    def create(graph: nx.MultiDiGraph, parameters: dict) -> QueryResult:
        graph.add_node(len(graph), labels=["L"], v=1)
        return QueryResult([], [], {"nodes_created": 5})  # counters are ignored

    text = RESULT.replace("Then the result should be, in any order:\n      | x |\n      | 2 |\n    And no side "
                          "effects", "Then the result should be empty\n    And the side effects should be:\n"
                          "      | +nodes | 1 |\n      | +labels | 1 |\n      | +properties | 1 |")
    assert _run(monkeypatch, text, {"RETURN $p AS x": create}).status == "pass"
    outcome = _run(monkeypatch, RESULT, {"RETURN $p AS x": create})
    assert outcome.status == "fail"  # the columns are checked before the side effects


ERROR = '''  Scenario: e
    Given any graph
    When executing query:
      """
      RETURN x
      """
    Then a SyntaxError should be raised at compile time: UndefinedVariable
'''


def test_expected_errors_strict_and_lenient(monkeypatch: pytest.MonkeyPatch) -> None:
    def error(detail: str | None, kind: str = "SyntaxError", phase: str = "compile time") -> CypherError:
        return CypherError("x is not defined", kind, phase, detail)

    assert _run(monkeypatch, ERROR, {"RETURN x": error("UndefinedVariable")}).status == "pass"
    other_detail = _run(monkeypatch, ERROR, {"RETURN x": error(None)})
    assert (other_detail.status, other_detail.lenient) == ("fail", True)
    other_phase = _run(monkeypatch, ERROR, {"RETURN x": error("UndefinedVariable", phase="runtime")})
    assert (other_phase.status, other_phase.lenient) == ("fail", False)
    no_error = _run(monkeypatch, ERROR, {"RETURN x": QueryResult(["x"], [[1]])})
    assert no_error.category.startswith("missing error SyntaxError")
    crash = _run(monkeypatch, ERROR, {"RETURN x": KeyError("boom")})
    assert crash.status == "fail" and crash.category.startswith("crash KeyError")

    def half_done(graph: nx.MultiDiGraph, parameters: dict) -> QueryResult:
        graph.add_node("left-over", labels=[])
        raise error("UndefinedVariable")

    changed = _run(monkeypatch, ERROR, {"RETURN x": half_done})
    assert (changed.status, changed.category) == ("fail", "side effects despite error")


def test_time_limit_and_setup_failures(monkeypatch: pytest.MonkeyPatch) -> None:
    def spin(graph: nx.MultiDiGraph, parameters: dict) -> QueryResult:
        while True:
            time.sleep(0.01)

    slow = _run(monkeypatch, RESULT, {"RETURN $p AS x": spin}, timeout=0.2)
    assert (slow.status, slow.category) == ("fail", "timeout")
    text = RESULT.replace("    When", '    And having executed:\n      """\n      CREATE ()\n      """\n    When')
    setup = _run(monkeypatch, text, {"CREATE ()": CypherError("no", "SyntaxError", "compile time")})
    assert setup.category.startswith("setup query failed")


def test_ignored_scenarios_are_skipped_and_left_out_of_rates() -> None:
    [scenario] = parse_feature("Feature: F\n  @ignore\n  Scenario: s\n    Given any graph\n",
                               "features/clauses/demo/Demo1.feature")
    outcome = run_scenario(scenario)
    counts = tally([outcome])["overall"]
    assert outcome.status == "skip" and counts.runnable == 0


def test_procedure_signature() -> None:
    assert parse_signature("test.doNothing() :: ()") == ("test.doNothing", [], [])
    with pytest.raises(ValueError):
        parse_signature("test.x")
