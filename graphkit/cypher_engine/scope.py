"""Compile-time variable checks: which variables a pattern binds, and undefined references.

Examples
--------
>>> from graphkit.cypher_engine.parser import parse
>>> match = parse("MATCH p = (a)-[r]->(b) RETURN p").parts[0].clauses[0]
>>> pattern_variables(match.patterns[0])
['p', 'a', 'r', 'b']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graphkit.cypher_engine import ast_nodes as ast
from graphkit.errors import CypherError


def _error(message: str, detail: str) -> CypherError:
    return CypherError(message, "SyntaxError", "compile time", detail)


def pattern_variables(part: ast.PatternPart) -> list[str]:
    """Return the variables a pattern part binds, path variable first, in pattern order."""
    names = [part.path_variable] if part.path_variable else []
    for index, node in enumerate(part.nodes):
        if node.variable and node.variable not in names:
            names.append(node.variable)
        if index < len(part.relationships):
            rel = part.relationships[index]
            if rel.variable and rel.variable not in names:
                names.append(rel.variable)
    return names


def _pattern_expressions(part: ast.PatternPart) -> list[ast.Expression]:
    found = [node.properties for node in part.nodes if node.properties is not None]
    found.extend(rel.properties for rel in part.relationships if rel.properties is not None)
    return found


def check_expression(expression: Any, scope: Iterable[str]) -> None:
    """Raise UndefinedVariable if the expression reads a variable that is not in scope."""
    _check(expression, frozenset(scope))


def _check(node: Any, scope: frozenset) -> None:
    if node is None:
        return
    if isinstance(node, ast.Variable):
        if node.name not in scope:
            raise _error(f"variable `{node.name}` is not defined", "UndefinedVariable")
        return
    if isinstance(node, ast.MapProjection):
        if node.variable not in scope:
            raise _error(f"variable `{node.variable}` is not defined", "UndefinedVariable")
    if isinstance(node, (ast.ListComprehension, ast.Quantifier)):
        _check(node.source, scope)
        inner = scope | {node.variable}
        for child in (getattr(node, "predicate", None), getattr(node, "projection", None)):
            _check(child, inner)
        return
    if isinstance(node, ast.Reduce):
        _check(node.initial, scope)
        _check(node.source, scope)
        _check(node.expression, scope | {node.accumulator, node.variable})
        return
    if isinstance(node, ast.PatternPredicate):
        for name in pattern_variables(node.pattern):
            if name not in scope:
                raise _error(f"variable `{name}` is not defined", "UndefinedVariable")
        for expression in _pattern_expressions(node.pattern):
            _check(expression, scope)
        return
    if isinstance(node, ast.PatternComprehension):
        inner = scope | set(pattern_variables(node.pattern))
        for expression in _pattern_expressions(node.pattern):
            _check(expression, inner)
        _check(node.predicate, inner)
        _check(node.projection, inner)
        return
    if isinstance(node, (ast.ExistsSubquery, ast.CountSubquery)):
        if node.patterns is not None:
            inner = scope | {v for part in node.patterns for v in pattern_variables(part)}
            for part in node.patterns:
                for expression in _pattern_expressions(part):
                    _check(expression, inner)
            _check(node.where, inner)
        return
    if isinstance(node, ast.ShortestPathExpression):
        return
    if isinstance(node, tuple):
        for item in node:
            _check(item, scope)
        return
    if hasattr(node, "__dataclass_fields__"):
        for name in node.__dataclass_fields__:
            value = getattr(node, name)
            if isinstance(value, (ast.Expression, tuple)):
                _check(value, scope)


def _check_pattern_bindings(parts, outer: dict[str, str | None], clause: str) -> None:
    """Raise for variables a pattern rebinds: another kind (VariableTypeConflict) or twice."""
    creating = clause == "create"
    local: dict[str, str] = {}
    for part in parts:
        if part.path_variable:
            name = part.path_variable
            if name in local or name in outer:
                raise _error(f"variable `{name}` already declared", "VariableAlreadyBound")
            local[name] = "PATH"
        for node in part.nodes:
            name = node.variable
            if not name:
                continue
            if name in local:
                kind = local[name]
                if kind == "PATH" and name == part.path_variable or \
                        kind == "NODE" and creating and (node.labels or node.properties is not None):
                    raise _error(f"variable `{name}` already declared", "VariableAlreadyBound")
                if kind != "NODE":
                    raise _error(f"`{name}` is not a node", "VariableTypeConflict")
            elif name in outer:
                kind = outer[name]
                if kind is not None and kind != "NODE":
                    raise _error(f"`{name}` is not a node", "VariableTypeConflict")
                if creating and (node.labels or node.properties is not None or len(part.nodes) == 1):
                    raise _error(f"variable `{name}` already declared", "VariableAlreadyBound")
            local[name] = "NODE"
        for rel in part.relationships:
            name = rel.variable
            if not name:
                continue
            if name in local:
                if local[name] == "PATH" and name == part.path_variable:
                    raise _error(f"variable `{name}` already declared", "VariableAlreadyBound")
                if local[name] != "RELATIONSHIP":
                    raise _error(f"`{name}` is not a relationship", "VariableTypeConflict")
                if clause == "match":
                    raise _error(f"relationship `{name}` used twice", "RelationshipUniquenessViolation")
                raise _error(f"variable `{name}` already declared", "VariableAlreadyBound")
            if name in outer:
                kind = outer[name]
                allowed = ("RELATIONSHIP", "LIST") if rel.variable_length else ("RELATIONSHIP",)
                if kind is not None and kind not in allowed:
                    raise _error(f"`{name}` is not a relationship", "VariableTypeConflict")
                if clause != "match":
                    raise _error(f"variable `{name}` already declared", "VariableAlreadyBound")
            local[name] = "RELATIONSHIP"


def check_clause_variables(clause: ast.Clause, scope: list[str], kinds: dict[str, str] | None = None) -> None:
    """Raise the TCK's compile-time errors for variables a clause misuses.

    ``kinds`` gives the statically known type of variables in scope ("NODE", "LIST", ...).
    """
    kinds = kinds or {}
    outer = {name: None if kinds.get(name) == "NULL" else kinds.get(name) for name in scope}
    if isinstance(clause, ast.Match):
        _check_pattern_bindings(clause.patterns, outer, "match")
        inner = set(scope) | {v for part in clause.patterns for v in pattern_variables(part)}
        for part in clause.patterns:
            for expression in _pattern_expressions(part):
                check_expression(expression, inner)
        check_expression(clause.where, inner)
    elif isinstance(clause, ast.Unwind):
        check_expression(clause.expression, scope)
        if clause.variable in scope:
            raise _error(f"variable `{clause.variable}` already declared", "VariableAlreadyBound")
    elif isinstance(clause, (ast.With, ast.Return)):
        projection = clause.projection
        for item in projection.items:
            check_expression(item.expression, scope)
        aliases = {item.alias for item in projection.items}
        if projection.star:
            aliases |= set(scope)
        order_scope = set(scope) | aliases
        for expression, _ in projection.order:
            check_expression(expression, order_scope)
        if isinstance(clause, ast.With):
            check_expression(clause.where, set(scope) | aliases)
    elif isinstance(clause, (ast.Create, ast.Merge)):
        parts = clause.patterns if isinstance(clause, ast.Create) else (clause.pattern,)
        _check_pattern_bindings(parts, outer, "create" if isinstance(clause, ast.Create) else "merge")
        inner = set(scope) | {v for part in parts for v in pattern_variables(part)}
        for part in parts:
            for expression in _pattern_expressions(part):
                check_expression(expression, inner)
        if isinstance(clause, ast.Merge):
            for item in clause.on_create + clause.on_match:
                check_expression(item.target, inner)
                check_expression(item.value, inner)
    elif isinstance(clause, ast.SetClause):
        for item in clause.items:
            check_expression(item.target, scope)
            check_expression(item.value, scope)
    elif isinstance(clause, ast.Remove):
        for item in clause.items:
            check_expression(item.target, scope)
    elif isinstance(clause, ast.Delete):
        for expression in clause.expressions:
            check_expression(expression, scope)
    elif isinstance(clause, ast.Call):
        for expression in clause.arguments or ():
            check_expression(expression, scope)
    elif isinstance(clause, ast.Foreach):
        check_expression(clause.source, scope)
        if clause.variable in scope:
            raise _error(f"variable `{clause.variable}` already declared", "VariableAlreadyBound")
