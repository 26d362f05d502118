"""Run a parsed query: each clause becomes an operator from a list of rows to a list of rows.

All clauses are compiled before any runs, so compile-time errors (unknown functions, missing
parameters, undefined variables) surface before the graph is touched.

Examples
--------
>>> import networkx as nx
>>> from graphkit.cypher_engine.parser import parse
>>> graph = nx.MultiDiGraph()
>>> run_query(ExecutionContext(graph, {}), parse("UNWIND [3, 1, 2] AS x RETURN x ORDER BY x"))
(['x'], [[1], [2], [3]])
"""

from __future__ import annotations

import dataclasses
import heapq
import itertools
from collections.abc import Callable
from typing import Any

from graphkit.cypher_engine import ast_nodes as ast
from graphkit.cypher_engine.aggregates import Aggregator
from graphkit.cypher_engine.context import ExecutionContext
from graphkit.cypher_engine.expressions import (
    ExpressionCompiler,
    children_of,
    contains_aggregate,
    is_aggregate,
)
from graphkit.cypher_engine.patterns import PatternMatcher
from graphkit.cypher_engine.scope import check_clause_variables, pattern_variables
from graphkit.cypher_engine.semantics import group_key, order_key, truth
from graphkit.cypher_engine.writes import compile_write
from graphkit.errors import CypherError

Operator = Callable[[list], list]


def semantic_error(message: str, detail: str) -> CypherError:
    """Return a compile-time SyntaxError with a TCK detail code."""
    return CypherError(message, "SyntaxError", "compile time", detail)


def run_query(context: ExecutionContext, query: ast.Query) -> tuple[list[str], list[list]]:
    """Return the columns and rows of a whole query (UNION parts included)."""
    if len(set(query.union_all)) > 1:
        raise semantic_error("cannot mix UNION and UNION ALL", "InvalidClauseComposition")
    compiled = [compile_single_query(context, part, []) for part in query.parts]
    columns = compiled[0][0]
    for other_columns, _ in compiled[1:]:
        if other_columns != columns:
            raise semantic_error("all parts of a UNION must return the same columns", "DifferentColumnsInUnion")
    rows: list[list] = []
    for part_columns, operators in compiled:
        part_rows = iter([{}])
        for operator in operators:
            part_rows = operator(part_rows)
        part_rows = list(part_rows)
        if part_columns:
            rows.extend([row[column] for column in part_columns] for row in part_rows)
    if query.union_all and not query.union_all[0]:
        rows = _distinct_lists(rows)
    return columns, rows


def check_subquery(query: ast.Query) -> None:
    """Raise if an EXISTS subquery would write: subqueries there must only read."""
    for part in query.parts:
        for clause in part.clauses:
            if isinstance(clause, (ast.Create, ast.Merge, ast.SetClause, ast.Delete, ast.Remove)):
                raise semantic_error("EXISTS subqueries cannot update the graph", "InvalidClauseComposition")


def count_subquery_rows(context: ExecutionContext, query: ast.Query, row: dict) -> int:
    """Return how many rows a COUNT { ... } subquery yields for ``row``."""
    _, operators = compile_single_query(context, query.parts[0], list(row), allow_no_return=True)
    rows = iter([dict(row)])
    for operator in operators:
        rows = operator(rows)
    return sum(1 for _ in rows)


def run_subquery(context: ExecutionContext, query: ast.Query, row: dict) -> bool:
    """Return True if an EXISTS { ... } subquery yields at least one row for ``row``."""
    _, operators = compile_single_query(context, query.parts[0], list(row), allow_no_return=True)
    rows = iter([dict(row)])
    for operator in operators:
        rows = operator(rows)
    return next(iter(rows), None) is not None


def _distinct_lists(rows: list[list]) -> list[list]:
    seen, result = set(), []
    for row in rows:
        key = tuple(group_key(value) for value in row)
        if key not in seen:
            seen.add(key)
            result.append(row)
    return result


def compile_single_query(context: ExecutionContext, query: ast.SingleQuery, scope: list[str],
                         allow_no_return: bool = False) -> tuple[list[str], list[Operator]]:
    """Return the result columns and the operators of one single query."""
    compiler = ExpressionCompiler(context)
    operators: list[Operator] = []
    scope = list(scope)
    columns: list[str] = []
    clauses = query.clauses
    weighted = False  # the previous MATCH yields (row, number of matches) pairs: see _counted_match
    for position, clause in enumerate(clauses):
        is_last = position == len(clauses) - 1
        check_clause_variables(clause, scope, compiler.variable_types)
        if isinstance(clause, ast.Return) and not is_last:
            raise semantic_error("RETURN must be the last clause", "InvalidClauseComposition")
        if isinstance(clause, (ast.Match, ast.Create, ast.Merge)):
            _record_pattern_types(compiler, clause)
        if isinstance(clause, ast.Match):
            counted = None if is_last else _counted_match(clause, clauses[position + 1], scope)
            operators.append(_compile_match(context, compiler, counted or clause, scope, counted is not None))
            scope.extend(v for part in clause.patterns for v in pattern_variables(part) if v not in scope)
            weighted = counted is not None
        elif isinstance(clause, ast.Unwind):
            operators.append(_compile_unwind(compiler, clause))
            scope.append(clause.variable)
            compiler.variable_types.pop(clause.variable, None)
        elif isinstance(clause, (ast.With, ast.Return)):
            operator, scope = _compile_projection(compiler, clause, scope, weighted)
            operators.append(operator)
            weighted = False
            if isinstance(clause, ast.Return):
                columns = list(scope)
        elif isinstance(clause, ast.CallSubquery):
            operator, returned = _compile_call_subquery(context, clause, scope)
            operators.append(operator)
            scope = scope + returned
            for name in returned:
                compiler.variable_types.pop(name, None)
        elif isinstance(clause, ast.Call):
            operator, new_scope, call_columns = _compile_call(context, compiler, clause, scope,
                                                              standalone=len(clauses) == 1)
            operators.append(operator)
            scope = new_scope
            if len(clauses) == 1:
                columns = call_columns
        else:
            operators.append(compile_write(context, compiler, clause, scope))
            if isinstance(clause, (ast.Create, ast.Merge)):
                parts = clause.patterns if isinstance(clause, ast.Create) else (clause.pattern,)
                scope.extend(v for part in parts for v in pattern_variables(part) if v not in scope)
    last = clauses[-1]
    if not allow_no_return and isinstance(last, (ast.Match, ast.Unwind, ast.With)):
        raise semantic_error("query cannot conclude with " + type(last).__name__.upper(),
                             "InvalidClauseComposition")
    standalone_call = isinstance(last, ast.Call) and not allow_no_return
    if not isinstance(last, ast.Return) and not standalone_call:
        columns = []
    return columns, operators


def _record_pattern_types(compiler: ExpressionCompiler, clause: ast.Clause) -> None:
    parts = clause.pattern and (clause.pattern,) if isinstance(clause, ast.Merge) else clause.patterns
    for part in parts:
        if part.path_variable:
            compiler.variable_types[part.path_variable] = "PATH"
        for node in part.nodes:
            if node.variable:
                compiler.variable_types[node.variable] = "NODE"
        for rel in part.relationships:
            if rel.variable:
                compiler.variable_types[rel.variable] = "LIST" if rel.variable_length else "RELATIONSHIP"


# ---- MATCH / UNWIND --------------------------------------------------------------------------


def _conjuncts(where: ast.Expression | None) -> list[ast.Expression]:
    """Return the parts of a WHERE joined by AND."""
    conjuncts, pending = [], [where] if where is not None else []
    while pending:
        expression = pending.pop()
        if isinstance(expression, ast.Logical) and expression.operator == "AND":
            pending.extend((expression.left, expression.right))
        else:
            conjuncts.append(expression)
    return conjuncts


def _index_lookups(compiler, where: ast.Expression | None, new_variables: list[str]) -> dict:
    """Return equalities ``var.key = constant`` of a WHERE, usable to start matching from an index."""
    lookups: dict = {}
    for expression in _conjuncts(where):
        if not (isinstance(expression, ast.Comparison) and expression.operators == ("=",)):
            continue
        for side, other in (expression.operands, reversed(expression.operands)):
            if (isinstance(side, ast.Property) and isinstance(side.subject, ast.Variable)
                    and side.subject.name in new_variables and side.subject.name not in lookups
                    and not _uses_variables(other)):
                lookups[side.subject.name] = (side.key, compiler.compile(other))
                break
    return lookups


def _shortest_path_filters(compiler, where: ast.Expression | None,
                           parts: tuple[ast.PatternPart, ...]) -> dict[str, list[tuple[str, Callable]]]:
    """Return, per shortest path variable, the ``all(r IN relationships(p) WHERE predicate)`` conjuncts
    of the WHERE whose predicate reads only ``r`` and constants.

    Neo4j applies such predicates during the shortest-path search, so the shortest path whose every
    relationship satisfies them is found, not a shortest path that is then dropped (WHERE is still
    applied afterwards).
    """
    shortest = {part.path_variable for part in parts if part.shortest and part.path_variable}
    filters: dict[str, list[tuple[str, Callable]]] = {}
    for expression in _conjuncts(where) if shortest else ():
        if not (isinstance(expression, ast.Quantifier) and expression.kind == "all"
                and isinstance(expression.source, ast.FunctionCall)
                and expression.source.name.lower() == "relationships" and len(expression.source.args) == 1
                and isinstance(expression.source.args[0], ast.Variable)
                and expression.source.args[0].name in shortest):
            continue
        predicate = expression.predicate
        reads_subpatterns = any(isinstance(node, (ast.PatternPredicate, ast.PatternComprehension,
                                                  ast.ExistsSubquery, ast.CountSubquery))
                                for node in _walk(predicate))
        if reads_subpatterns or _free_variables(predicate) - {expression.variable}:
            continue
        filters.setdefault(expression.source.args[0].name, []).append(
            (expression.variable, compiler.compile(predicate)))
    return filters


def _reads_only(expression: ast.Expression, names: set) -> bool:
    """Return True if the expression is made of variables in ``names``, properties and constants."""
    for node in _walk(expression):
        if isinstance(node, ast.Variable):
            if node.name not in names:
                return False
        elif not isinstance(node, (ast.Property, ast.Literal, ast.Parameter)):
            return False
    return True


def _counts(expression: ast.Expression, counted: set) -> bool:
    """Return True for count(*) or a non-DISTINCT count of one of the ``counted`` variables."""
    return isinstance(expression, ast.CountStar) or (
        isinstance(expression, ast.FunctionCall) and expression.name == "count" and not expression.distinct
        and len(expression.args) == 1 and isinstance(expression.args[0], ast.Variable)
        and expression.args[0].name in counted)


def _counted_match(clause: ast.Clause, following: ast.Clause, scope: list[str]) -> ast.Match | None:
    """Return the MATCH with its far node and relationship anonymous when the next clause only counts them.

    In ``MATCH (c:Company)<-[:INVESTED_IN]-(i) RETURN c.name AS name, count(i) AS investors`` the
    grouping keys read only ``c`` and the aggregates only count matches (``i`` is never null), so
    ``i`` needs no binding: the matches of each ``c`` are counted instead of copied into rows
    (the operator yields (row, count) pairs, see :func:`_aggregate`). None otherwise.
    """
    if not (isinstance(clause, ast.Match) and not clause.optional and clause.where is None
            and len(clause.patterns) == 1 and isinstance(following, (ast.With, ast.Return))
            and getattr(following, "where", None) is None and not following.projection.star):
        return None
    part, projection = clause.patterns[0], following.projection
    if part.path_variable or part.shortest or len(part.relationships) != 1 or part.relationships[0].variable_length:
        return None
    rel = part.relationships[0]
    aliases = {item.alias for item in projection.items}
    for near in (0, 1):
        kept, dropped = part.nodes[near], part.nodes[1 - near]
        counted = {name for name in (dropped.variable, rel.variable) if name is not None}
        constraints = [expression for expression in (kept.properties, rel.properties, dropped.properties)
                       if expression is not None]
        if kept.variable is None or kept.variable in counted or counted & set(scope) or any(
                node.name in counted for expression in constraints for node in _walk(expression)
                if isinstance(node, ast.Variable)):
            continue
        items = [item.expression for item in projection.items]
        if not any(_counts(item, counted) for item in items):
            continue
        if all(_counts(item, counted) or _reads_only(item, {kept.variable}) for item in items) and all(
                _counts(expression, counted) or _reads_only(expression, aliases | {kept.variable})
                for expression, _ in projection.order):
            nodes = list(part.nodes)
            nodes[1 - near] = dataclasses.replace(dropped, variable=None)
            anonymous = dataclasses.replace(part, nodes=tuple(nodes),
                                            relationships=(dataclasses.replace(rel, variable=None),))
            return dataclasses.replace(clause, patterns=(anonymous,))
    return None


def _compile_match(context, compiler, clause: ast.Match, scope, weighted: bool = False) -> Operator:
    new_variables = [v for part in clause.patterns for v in pattern_variables(part) if v not in scope]
    lookups = _index_lookups(compiler, clause.where, new_variables)
    matcher = PatternMatcher(context, clause.patterns, compiler, lookups,
                             _shortest_path_filters(compiler, clause.where, clause.patterns))
    if clause.where is not None:
        compiler.check_predicate(clause.where, "WHERE")
    where = compiler.compile(clause.where) if clause.where is not None else None
    optional = clause.optional

    def counted_match(rows):
        for row in rows:
            yield from matcher.counted_matches(row)

    def match(rows):
        for row in rows:
            found = False
            for result in matcher.matches(row):
                if where is not None:
                    keep = where(result)
                    if keep is not True:
                        truth(keep, "WHERE")
                        continue
                found = True
                yield result
            if optional and not found:
                filled = dict(row)
                for variable in new_variables:
                    filled.setdefault(variable, None)
                yield filled
    return counted_match if weighted else match


def _compile_unwind(compiler, clause: ast.Unwind) -> Operator:
    expression, variable = compiler.compile(clause.expression), clause.variable

    def unwind(rows):
        for row in rows:
            value = expression(row)
            if value is None:
                continue
            for item in value if isinstance(value, list) else [value]:
                extended = dict(row)
                extended[variable] = item
                yield extended
    return unwind


# ---- WITH / RETURN ---------------------------------------------------------------------------


def _map_children(expression: Any, transform: Callable[[Any], Any]) -> Any:
    """Return the AST node with ``transform`` applied to its expression fields (itself if none changed)."""
    if not hasattr(expression, "__dataclass_fields__"):
        return expression
    changes = {}
    for name in expression.__dataclass_fields__:
        value = getattr(expression, name)
        if isinstance(value, (ast.Expression, tuple)):
            replaced = transform(value)
            if replaced is not value:
                changes[name] = replaced
    return dataclasses.replace(expression, **changes) if changes else expression


def _replace_subtrees(expression: Any, replacements: dict) -> Any:
    """Return the expression with every subtree found in ``replacements`` swapped."""
    if isinstance(expression, ast.Expression) and expression in replacements:
        return replacements[expression]
    if isinstance(expression, tuple):
        return tuple(_replace_subtrees(item, replacements) for item in expression)
    return _map_children(expression, lambda child: _replace_subtrees(child, replacements))


def _collect_aggregates(expression: Any, found: list) -> Any:
    """Return the expression with each aggregate call replaced by an AggregateSlot."""
    if isinstance(expression, ast.Expression) and is_aggregate(expression):
        for argument in getattr(expression, "args", ()):
            if contains_aggregate(argument):
                raise semantic_error("aggregates cannot be nested", "NestedAggregation")
        for index, existing in enumerate(found):
            if existing == expression:
                return ast.AggregateSlot(index)
        found.append(expression)
        return ast.AggregateSlot(len(found) - 1)
    if isinstance(expression, (ast.ListComprehension, ast.Quantifier)):
        for child in (expression.predicate, getattr(expression, "projection", None)):
            if child is not None and contains_aggregate(child):
                raise semantic_error("aggregates are not allowed inside this expression", "InvalidAggregation")
        source = _collect_aggregates(expression.source, found)
        if source is expression.source:
            return expression
        values = {name: getattr(expression, name) for name in expression.__dataclass_fields__}
        values["source"] = source
        return type(expression)(**values)
    if isinstance(expression, (ast.Reduce, ast.PatternComprehension)):
        if any(contains_aggregate(child) for child in children_of(expression)):
            raise semantic_error("aggregates are not allowed inside this expression", "InvalidAggregation")
        return expression
    if isinstance(expression, tuple):
        return tuple(_collect_aggregates(item, found) for item in expression)
    return _map_children(expression, lambda child: _collect_aggregates(child, found))


def _checked_count(value: Any, clause_name: str, phase: str) -> int:
    """Return a SKIP/LIMIT value, or raise for a non-integer or negative one."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise CypherError(f"{clause_name} needs an integer", "SyntaxError", phase, "InvalidArgumentType")
    if value < 0:
        raise CypherError(f"{clause_name} must not be negative", "SyntaxError", phase, "NegativeIntegerArgument")
    return value


def _constant_count(compiler, expression, clause_name: str) -> Callable[[], int | None]:
    """Return a function giving the SKIP/LIMIT count; literals are checked at compile time."""
    if expression is None:
        return lambda: None
    if _uses_variables(expression):
        raise semantic_error(f"{clause_name} must not use variables", "NonConstantExpression")
    if isinstance(expression, ast.Literal):
        value = _checked_count(expression.value, clause_name, "compile time")
        return lambda: value
    compiled = compiler.compile(expression)
    return lambda: _checked_count(compiled({}), clause_name, "runtime")


def _walk(expression: Any):
    yield expression
    for child in children_of(expression):
        yield from _walk(child)


def _free_variables(expression: Any, local: frozenset = frozenset()) -> set[str]:
    """Return the names of variables an expression reads from its row (not comprehension-local)."""
    if isinstance(expression, ast.Variable):
        return set() if expression.name in local else {expression.name}
    if isinstance(expression, ast.MapProjection):
        found = set() if expression.variable in local else {expression.variable}
        return found | _free_variables(tuple(value for _, _, value in expression.entries if value), local)
    if isinstance(expression, (ast.ListComprehension, ast.Quantifier)):
        local = local | {expression.variable}
    elif isinstance(expression, ast.Reduce):
        local = local | {expression.variable, expression.accumulator}
    elif isinstance(expression, (ast.PatternPredicate, ast.PatternComprehension, ast.ExistsSubquery,
                                 ast.CountSubquery)):
        return set()
    found: set[str] = set()
    for child in children_of(expression):
        found |= _free_variables(child, local)
    return found


def _uses_variables(expression: Any) -> bool:
    if isinstance(expression, (ast.Variable, ast.PatternPredicate, ast.PatternComprehension,
                               ast.ExistsSubquery, ast.CountSubquery)):
        return True
    return any(_uses_variables(child) for child in children_of(expression))


def _compile_projection(compiler, clause, scope: list[str], weighted: bool = False):
    projection: ast.Projection = clause.projection
    is_return = isinstance(clause, ast.Return)
    items = list(projection.items)
    if projection.star:
        if not scope and is_return:
            raise semantic_error("RETURN * needs variables in scope", "NoVariablesInScope")
        star_items = [ast.ProjectionItem(ast.Variable(name), name) for name in sorted(scope)
                      if not any(item.alias == name for item in items)]
        items = star_items + items
    aliases = [item.alias for item in items]
    new_types = {item.alias: compiler.static_type(item.expression) for item in items}
    if len(set(aliases)) != len(aliases):
        raise semantic_error("column names must be unique", "ColumnNameConflict")
    for item in items:
        if isinstance(item.expression, ast.PatternPredicate):
            raise semantic_error("a pattern cannot be projected; use EXISTS { } or COUNT { }", "UnexpectedSyntax")
    aggregates: list = []
    rewritten = [_collect_aggregates(item.expression, aggregates) for item in items]
    grouping = bool(aggregates)
    key_positions = [i for i, item in enumerate(rewritten) if not contains_slot(item)]
    if grouping:
        keys = [rewritten[i] for i in key_positions if isinstance(rewritten[i], (ast.Variable, ast.Property))]
        keys += [ast.Variable(aliases[i]) for i in key_positions]
        for expression in rewritten:
            if contains_slot(expression):
                _check_grouping(expression, keys)
    compiled_items = [compiler.compile(expression) for expression in rewritten]
    needs_source = any(contains_slot(expression) and _free_variables(expression) for expression in rewritten)

    item_replacements = {}
    for item, alias in zip(items, aliases):
        if not isinstance(item.expression, ast.Variable) or item.expression.name != alias:
            item_replacements.setdefault(item.expression, ast.Variable(alias))
    order = []
    order_reads_projection = True  # ORDER BY reads only projected columns: no merged row needed
    projected_aggregates = len(aggregates)
    for expression, descending in projection.order:
        if grouping and contains_aggregate(expression):
            try:
                _check_grouping(_collect_aggregates(expression, list(aggregates)), keys)
            except CypherError:
                projected_names = set().union(*(_free_variables(item.expression) for item in items))
                for name in _free_variables(expression) - set(aliases) - projected_names:
                    raise semantic_error(f"variable `{name}` is not projected", "UndefinedVariable") from None
                raise
        replaced = _replace_subtrees(expression, item_replacements)
        if grouping or projection.distinct:
            if contains_aggregate(expression) and not grouping:
                raise semantic_error("aggregation in ORDER BY needs aggregation in the projection",
                                     "InvalidAggregation")
            replaced = _collect_aggregates(replaced, aggregates)
            if len(aggregates) > projected_aggregates:
                raise semantic_error("ORDER BY can only aggregate what the projection aggregates",
                                     "UndefinedVariable")
            for name in _free_variables(replaced):
                if name not in aliases:
                    raise semantic_error(f"variable `{name}` is not projected", "UndefinedVariable")
        elif contains_aggregate(replaced):
            raise semantic_error("aggregation in ORDER BY needs aggregation in the projection",
                                 "InvalidAggregation")
        order.append((compiler.compile(replaced), descending))
        order_reads_projection = order_reads_projection and _reads_only(replaced, set(aliases))
    if not is_return:
        for item in items:
            if not item.explicit_alias and not isinstance(item.expression, ast.Variable):
                raise semantic_error("expressions in WITH need an alias", "NoExpressionAlias")
    aggregate_arguments = _compile_aggregate_arguments(compiler, aggregates)
    skip = _constant_count(compiler, projection.skip, "SKIP")
    limit = _constant_count(compiler, projection.limit, "LIMIT")
    compiler.variable_types = {alias: kind for alias, kind in new_types.items() if kind is not None}
    if getattr(clause, "where", None) is not None:
        compiler.check_predicate(clause.where, "WHERE")
    where = compiler.compile(clause.where) if getattr(clause, "where", None) is not None else None
    distinct = projection.distinct
    descending = [flag for _, flag in order]

    def filtered(selected):
        for projected, source in selected:
            if where is not None:
                combined = dict(source)
                combined.update(projected)
                if truth(where(combined), "WHERE") is not True:
                    continue
            yield projected

    def stream(rows):
        # Without sorting, grouping or DISTINCT rows flow through, so LIMIT stops the work early.
        pairs = (({alias: compiled(row) for alias, compiled in zip(aliases, compiled_items)}, row)
                 for row in rows)
        count = limit()
        start = skip() or 0
        return filtered(itertools.islice(pairs, start, None if count is None else start + count))

    def project(rows):
        if not (grouping or distinct or order):
            return stream(rows)
        if grouping:
            pairs = _aggregate(rows, compiled_items, key_positions, aggregate_arguments, aliases,
                               needs_source, weighted)
        else:
            pairs = [({alias: compiled(row) for alias, compiled in zip(aliases, compiled_items)}, row)
                     for row in rows]
        if distinct:
            seen, unique = set(), []
            for projected, source in pairs:
                key = tuple(group_key(projected[alias]) for alias in aliases)
                if key not in seen:
                    seen.add(key)
                    unique.append((projected, source))
            pairs = unique
        if order:
            keyed = []
            for pair in pairs:
                if order_reads_projection:
                    row = pair[0]
                else:
                    row = dict(pair[1])
                    row.update(pair[0])
                keyed.append(([order_key(expression(row)) for expression, _ in order], pair))
        start = skip() or 0
        count = limit()
        if order:
            if count is not None and start + count < len(keyed):
                # Only the first SKIP + LIMIT rows are kept: select them instead of sorting all.
                keyed = heapq.nsmallest(start + count, keyed, key=lambda entry: _SortKey(entry[0], descending))
            else:
                for position in range(len(order) - 1, -1, -1):
                    keyed.sort(key=lambda entry: entry[0][position], reverse=descending[position])
            pairs = [pair for _, pair in keyed]
        return list(filtered(pairs[start:] if count is None else pairs[start:start + count]))
    return project, list(aliases)


class _SortKey:
    """ORDER BY keys (order_key values) compared column by column, each ascending or descending."""

    __slots__ = ("keys", "descending")

    def __init__(self, keys: list, descending: list[bool]) -> None:
        self.keys, self.descending = keys, descending

    def __lt__(self, other: _SortKey) -> bool:
        for mine, theirs, descending in zip(self.keys, other.keys, self.descending):
            if mine != theirs:
                return theirs < mine if descending else mine < theirs
        return False

    def __eq__(self, other: object) -> bool:  # ties keep their order (heapq compares keys first)
        return isinstance(other, _SortKey) and self.keys == other.keys

    __hash__ = None


def contains_slot(expression: Any) -> bool:
    """Return True if an AggregateSlot occurs inside the expression."""
    if isinstance(expression, ast.AggregateSlot):
        return True
    return any(contains_slot(child) for child in children_of(expression))


def _check_grouping(expression: Any, keys: list, local: frozenset = frozenset()) -> None:
    """Raise if an aggregating expression reads variables that are not plain grouping keys."""
    if isinstance(expression, ast.AggregateSlot):
        return
    if isinstance(expression, (ast.Variable, ast.Property)) and expression in keys:
        return
    if isinstance(expression, ast.Variable):
        if expression.name in local:
            return
        raise semantic_error(f"`{expression.name}` is neither aggregated nor a grouping key",
                             "AmbiguousAggregationExpression")
    if isinstance(expression, (ast.ListComprehension, ast.Quantifier)):
        local = local | {expression.variable}
    elif isinstance(expression, ast.Reduce):
        local = local | {expression.variable, expression.accumulator}
    for child in children_of(expression):
        _check_grouping(child, keys, local)


def _compile_aggregate_arguments(compiler, aggregates):
    compiled = []
    for aggregate in aggregates:
        if any(isinstance(node, ast.FunctionCall) and node.name == "rand" for node in _walk(aggregate)):
            raise semantic_error("aggregates need deterministic arguments", "NonConstantExpression")
        if isinstance(aggregate, ast.CountStar):
            compiled.append(("count", False, None, None, True))
            continue
        name = aggregate.name
        expected = 2 if name in ("percentilecont", "percentiledisc") else 1
        if len(aggregate.args) != expected:
            raise semantic_error(f"{name}() takes {expected} argument(s)", "InvalidNumberOfArguments")
        argument = compiler.compile(aggregate.args[0])
        parameter = compiler.compile(aggregate.args[1]) if expected == 2 else None
        compiled.append((name, aggregate.distinct, argument, parameter, False))
    return compiled


def _aggregate(rows, compiled_items, key_positions, aggregate_arguments, aliases, needs_source=True,
               weighted=False):
    """Return one (projected row, evaluation row) pair per group of ``rows`` with equal grouping keys.

    ``weighted`` rows are (row, count) pairs whose aggregates all count matches (_counted_match).
    """
    groups: dict = {}
    key_functions = [compiled_items[i] for i in key_positions]
    only_key = key_functions[0] if len(key_functions) == 1 else None
    # Per aggregate: its argument, or None for count(*); and whether DISTINCT needs Aggregator.add.
    feeders = [(None if is_star or weighted else argument, distinct)
               for _, distinct, argument, _, is_star in aggregate_arguments]
    weight = 1
    for row in rows:
        if weighted:
            row, weight = row
        if only_key is not None:
            value = only_key(row)
            kind = type(value)
            key = value if kind is str or kind is int else group_key(value)
        else:
            key_values = [key_function(row) for key_function in key_functions]
            key = tuple(map(group_key, key_values))
        group = groups.get(key)
        if group is None:
            accumulators = [Aggregator(name, distinct, parameter(row) if parameter else None)
                            for name, distinct, _, parameter, _ in aggregate_arguments]
            group = groups[key] = (row, [value] if only_key is not None else key_values, accumulators)
        for accumulator, (argument, distinct) in zip(group[2], feeders):
            if argument is None:
                if weight == 1:
                    accumulator.values.append(True)
                else:
                    accumulator.values.extend(itertools.repeat(True, weight))
                continue
            found = argument(row)
            if found is None:
                continue
            if distinct:
                accumulator.add(found)
            else:
                accumulator.values.append(found)
    if not groups and not key_positions:
        accumulators = [Aggregator(name, distinct, parameter({}) if parameter else None)
                        for name, distinct, _, parameter, _ in aggregate_arguments]
        groups[()] = ({}, [], accumulators)
    pairs = []
    slots = [("agg", index) for index in range(len(aggregate_arguments))]
    is_key = [position in key_positions for position in range(len(aliases))]
    columns = list(zip(aliases, compiled_items, is_key))
    for source, key_values, accumulators in groups.values():
        # Aggregated items may read grouping-key variables of the group's first row.
        evaluation = dict(source) if needs_source else {}
        for slot, accumulator in zip(slots, accumulators):
            evaluation[slot] = accumulator.result()
        projected = {}
        key_iter = iter(key_values)
        for alias, compiled, key in columns:
            projected[alias] = next(key_iter) if key else compiled(evaluation)
        pairs.append((projected, evaluation))
    return pairs


# ---- CALL ----------------------------------------------------------------------------------


def _compile_call_subquery(context, clause: ast.CallSubquery, scope: list[str]):
    """Return the operator of CALL { ... } and the columns it adds to each row."""
    query = clause.query
    if len(set(query.union_all)) > 1:
        raise semantic_error("cannot mix UNION and UNION ALL", "InvalidClauseComposition")
    compiled = []
    for part in query.parts:
        # Only a leading WITH imports outer variables, as in Neo4j.
        imported = list(scope) if isinstance(part.clauses[0], ast.With) else []
        compiled.append(compile_single_query(context, part, imported, allow_no_return=True))
    returned = compiled[0][0]
    for columns, _ in compiled[1:]:
        if columns != returned:
            raise semantic_error("all parts of a UNION must return the same columns", "DifferentColumnsInUnion")
    for name in returned:
        if name in scope:
            raise semantic_error(f"variable `{name}` already declared", "VariableAlreadyBound")
    distinct = bool(query.union_all) and not query.union_all[0]

    def call_subquery(rows):
        if not isinstance(rows, list):
            rows = list(rows)  # the subquery may write: read all input first
        for row in rows:
            results = []
            for _, operators in compiled:
                part_rows = iter([dict(row)])
                for operator in operators:
                    part_rows = operator(part_rows)
                results.extend(part_rows)
            if not returned:
                yield row
                continue
            if distinct:
                unique = _distinct_lists([[result[name] for name in returned] for result in results])
                results = [dict(zip(returned, values)) for values in unique]
            for result in results:
                extended = dict(row)
                extended.update((name, result[name]) for name in returned)
                yield extended
    return call_subquery, list(returned)



def _compile_call(context, compiler, clause: ast.Call, scope, standalone: bool):
    procedure = context.procedures.get(clause.name.lower())
    if procedure is None:
        raise CypherError(f"unknown procedure {clause.name}", "ProcedureError", "compile time",
                          "ProcedureNotFound")
    inputs, outputs = procedure.inputs, procedure.outputs
    if clause.arguments is None:
        if not standalone:
            raise semantic_error("in-query calls need explicit arguments", "InvalidArgumentPassingMode")
        arguments = [compiler.compile(ast.Parameter(name)) for name, _ in inputs]
    else:
        if len(clause.arguments) != len(inputs):
            raise semantic_error(f"{clause.name} takes {len(inputs)} arguments", "InvalidNumberOfArguments")
        arguments = [compiler.compile(argument) for argument in clause.arguments]
    output_names = [name for name, _ in outputs]
    if clause.yield_all and not standalone:
        raise semantic_error("in-query calls cannot YIELD *", "UnexpectedSyntax")
    if clause.yields is None:
        if not standalone and outputs:
            raise semantic_error("in-query calls must YIELD their outputs", "UndefinedVariable")
        yields = [(name, name) for name in output_names]
    else:
        yields = list(clause.yields)
        for name, _ in yields:
            if name not in output_names:
                raise semantic_error(f"{clause.name} has no output {name}", "UndefinedVariable")
    aliases = [alias for _, alias in yields]
    for index, alias in enumerate(aliases):
        if alias in scope or alias in aliases[:index]:
            raise semantic_error(f"variable {alias} already declared", "VariableAlreadyBound")
    where = compiler.compile(clause.where) if clause.where is not None else None

    def call(rows):
        for row in rows:
            values = [argument(row) for argument in arguments]
            results = procedure.call(values)
            if not outputs:
                # A procedure without outputs leaves the rows as they were.
                yield row
                continue
            for result in results:
                extended = dict(row)
                for name, alias in yields:
                    extended[alias] = result[name]
                if where is None or truth(where(extended), "WHERE") is True:
                    yield extended
    new_scope = list(scope) + [alias for _, alias in yields]
    return call, new_scope, [alias for _, alias in yields]

