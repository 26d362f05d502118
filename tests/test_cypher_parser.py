"""Tests of the Cypher parser: syntax tree shapes, column names, literals and syntax errors."""

from __future__ import annotations

import pytest

from graphkit.cypher_engine import ast_nodes as ast
from graphkit.cypher_engine.parser import parse
from graphkit.errors import CypherError, CypherSyntaxError


def only_item(query: str) -> ast.ProjectionItem:
    return parse(query).parts[0].clauses[-1].projection.items[0]


def test_keywords_are_case_insensitive_and_comments_ignored():
    query = parse("match (n:Company) // the companies\n/* all of them */ return n")
    match, returned = query.parts[0].clauses
    assert isinstance(match, ast.Match) and match.patterns[0].nodes[0].labels == ("Company",)
    assert returned.projection.items[0].alias == "n"


def test_column_name_is_the_expression_as_written():
    assert only_item("RETURN  n.name +   1 ").alias == "n.name +   1"
    assert only_item("RETURN count(*) AS total").alias == "total"


def test_relationship_pattern_directions_types_and_ranges():
    part = parse("MATCH (a)<-[r:INVESTED_IN|:BACKED_BY*1..3]-(b)--(c)-->(d) RETURN a").parts[0].clauses[0].patterns[0]
    first, second, third = part.relationships
    assert (first.direction, first.types, first.min_hops, first.max_hops) == (
        "in", ("INVESTED_IN", "BACKED_BY"), 1, 3)
    assert second.direction == "both" and not second.variable_length
    assert third.direction == "out"


def test_pattern_in_expression_is_told_apart_from_parentheses():
    where = parse("MATCH (a) WHERE (a)-->() AND (a.x) - 1 > 0 RETURN a").parts[0].clauses[0].where
    assert isinstance(where.left, ast.PatternPredicate)
    assert isinstance(where.right.operands[0], ast.Binary)


def test_list_comprehension_quantifier_and_reduce_forms():
    expression = only_item("RETURN [x IN $xs WHERE x > 1 | x * 2]").expression
    assert isinstance(expression, ast.ListComprehension) and expression.variable == "x"
    assert isinstance(only_item("RETURN all(x IN [1] WHERE x = 1)").expression, ast.Quantifier)
    reduce_ = only_item("RETURN reduce(total = 0, x IN [1, 2] | total + x)").expression
    assert (reduce_.accumulator, reduce_.variable) == ("total", "x")


def test_string_escapes_and_backtick_names():
    assert only_item(r"RETURN 'it\'s\n\u00e9'").expression == ast.Literal("it's\n\u00e9")
    assert only_item("RETURN `odd name` AS x").expression == ast.Variable("odd name")


def test_number_literals():
    assert only_item("RETURN 0x1F").expression == ast.Literal(31)
    assert only_item("RETURN 0o17").expression == ast.Literal(15)
    assert only_item("RETURN -9223372036854775808").expression == ast.Literal(-(2**63))
    assert only_item("RETURN 1.5e3").expression == ast.Literal(1500.0)


def test_too_large_integer_fails():
    with pytest.raises(CypherError) as error:
        parse("RETURN 9223372036854775809")
    assert error.value.detail == "IntegerOverflow"


def test_syntax_error_reports_line_and_column():
    with pytest.raises(CypherSyntaxError) as error:
        parse("MATCH (n)\nRETURN n.name AS")
    assert error.value.kind == "SyntaxError" and error.value.phase == "compile time"
    assert error.value.line == 2


def test_parse_is_cached():
    assert parse("RETURN 1 AS one") is parse("RETURN 1 AS one")
