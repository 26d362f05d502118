"""Compile expression trees into Python closures ``row -> value`` with Cypher semantics.

Compiling once per query (instead of walking the tree per row) keeps per-row overhead low.
Rows are dicts from variable name to value; aggregate results sit under ``("agg", i)`` keys.

Examples
--------
>>> from graphkit.cypher_engine.parser import parse
>>> expression = parse("RETURN 1 + 2 * 3 AS x").parts[0].clauses[0].projection.items[0].expression
>>> ExpressionCompiler(None).compile(expression)({})
7
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from graphkit.cypher_engine import ast_nodes as ast
from graphkit.cypher_engine.functions import FUNCTIONS
from graphkit.cypher_engine.operators import (
    ARITHMETIC,
    compare_operator,
    in_list,
    index_value,
    negate,
    property_of,
    slice_list,
    type_error,
)
from graphkit.cypher_engine.semantics import NodeRef, equals, truth, type_name
from graphkit.errors import CypherError

Compiled = Callable[[dict], Any]
_UNSET = object()
AGGREGATE_FUNCTIONS = frozenset({"count", "sum", "avg", "min", "max", "collect", "percentilecont",
                                 "percentiledisc", "stdev", "stdevp"})


def is_aggregate(expression: ast.Expression) -> bool:
    """Return True if the expression is an aggregate call (count(*), sum(x), ...)."""
    return isinstance(expression, ast.CountStar) or (
        isinstance(expression, ast.FunctionCall) and expression.name in AGGREGATE_FUNCTIONS)


def contains_aggregate(expression: Any) -> bool:
    """Return True if an aggregate call occurs anywhere inside the expression."""
    if isinstance(expression, ast.Expression) and is_aggregate(expression):
        return True
    return any(contains_aggregate(child) for child in children_of(expression))


def children_of(node: Any) -> list:
    """Return the direct sub-expressions of a syntax node (for tree walks)."""
    if isinstance(node, (tuple, list)):
        return list(node)
    if not hasattr(node, "__dataclass_fields__"):
        return []
    found = []
    for name in node.__dataclass_fields__:
        value = getattr(node, name)
        if isinstance(value, (ast.Expression, tuple, list)):
            found.append(value)
    return found


_BOOLEAN_RESULTS = (ast.Comparison, ast.StringPredicate, ast.IsNull, ast.Not, ast.Logical, ast.InList,
                    ast.HasLabels, ast.Quantifier, ast.PatternPredicate, ast.ExistsSubquery)
_NOT_NUMBERS = frozenset({"STRING", "BOOLEAN", "LIST", "MAP", "NODE", "RELATIONSHIP", "PATH"})
# Argument types a function rejects when they are known before running (as Neo4j does).
_REJECTED_ARGUMENTS = {
    "labels": frozenset({"INTEGER", "FLOAT", "STRING", "BOOLEAN", "LIST", "MAP", "RELATIONSHIP", "PATH"}),
    "type": frozenset({"INTEGER", "FLOAT", "STRING", "BOOLEAN", "LIST", "MAP", "NODE", "PATH"}),
    "length": frozenset({"INTEGER", "FLOAT", "STRING", "BOOLEAN", "LIST", "MAP", "NODE", "RELATIONSHIP"}),
    "size": frozenset({"PATH", "NODE", "RELATIONSHIP", "INTEGER", "FLOAT", "BOOLEAN", "MAP"}),
    "properties": frozenset({"INTEGER", "FLOAT", "STRING", "BOOLEAN", "LIST", "PATH"}),
    "keys": frozenset({"INTEGER", "FLOAT", "STRING", "BOOLEAN", "LIST", "PATH"}),
    "nodes": frozenset({"INTEGER", "FLOAT", "STRING", "BOOLEAN", "LIST", "MAP", "NODE", "RELATIONSHIP"}),
    "relationships": frozenset({"INTEGER", "FLOAT", "STRING", "BOOLEAN", "LIST", "MAP", "NODE",
                                "RELATIONSHIP"}),
}


def compile_type_error(message: str) -> CypherError:
    """Return the compile-time error for a type mismatch visible in the query text."""
    return CypherError(message, "SyntaxError", "compile time", "InvalidArgumentType")


class ExpressionCompiler:
    """Turns expression trees into closures bound to one execution context.

    ``variable_types`` holds what is statically known of variables in scope ("NODE", "PATH",
    ...), so type mismatches visible in the text fail at compile time, as in Neo4j.
    """

    def __init__(self, context: Any) -> None:
        self.context = context
        self.variable_types: dict[str, str] = {}

    def static_type(self, node: ast.Expression) -> str | None:
        """Return the Cypher type of an expression if it is known without running it."""
        if isinstance(node, ast.Literal):
            return type_name(node.value)
        if isinstance(node, (ast.ListLiteral, ast.ListComprehension, ast.PatternComprehension)):
            return "LIST"
        if isinstance(node, (ast.MapLiteral, ast.MapProjection)):
            return "MAP"
        if isinstance(node, ast.CountSubquery):
            return "INTEGER"
        if isinstance(node, ast.Variable):
            return self.variable_types.get(node.name)
        if isinstance(node, _BOOLEAN_RESULTS):
            return "BOOLEAN"
        return None

    def check_predicate(self, node: ast.Expression, where: str) -> None:
        """Raise if an expression used as a boolean is known not to be one."""
        kind = self.static_type(node)
        if kind not in (None, "BOOLEAN", "NULL"):
            raise compile_type_error(f"{where} expects a boolean, got {kind}")

    def _element_type(self, source: ast.Expression) -> str | None:
        if isinstance(source, ast.ListLiteral) and source.items:
            kinds = {self.static_type(item) for item in source.items}
            if len(kinds) == 1:
                return kinds.pop()
        return None

    def compile_with_variable(self, node: ast.Expression, variable: str, kind: str | None) -> Compiled:
        """Compile ``node`` with ``variable`` bound to a value of static type ``kind``."""
        saved = self.variable_types.get(variable, _UNSET)
        if kind is None:
            self.variable_types.pop(variable, None)
        else:
            self.variable_types[variable] = kind
        try:
            return self.compile(node)
        finally:
            if saved is _UNSET:
                self.variable_types.pop(variable, None)
            else:
                self.variable_types[variable] = saved

    def compile(self, node: ast.Expression) -> Compiled:
        """Return a closure evaluating ``node`` against a row."""
        if isinstance(node, ast.Literal):
            return self._Literal(node)
        method = getattr(self, "_" + type(node).__name__, None)
        if method is None:
            raise CypherError(f"unsupported expression {type(node).__name__}", "SyntaxError",
                              "compile time", "UnexpectedSyntax")
        return method(node)

    def _Literal(self, node):
        if type(node).__name__ == "_UncheckedInteger":
            raise CypherError("integer literal is too large", "SyntaxError", "compile time",
                              "IntegerOverflow")
        value = node.value
        return lambda row: value

    def _Parameter(self, node):
        parameters = self.context.parameters
        if node.name not in parameters:
            raise CypherError(f"missing parameter ${node.name}", "ParameterMissing", "compile time",
                              "MissingParameter")
        value = parameters[node.name]
        return lambda row: value

    def _Variable(self, node):
        name = node.name

        def variable(row):
            try:
                return row[name]
            except KeyError:
                raise CypherError(f"variable {name} is not defined", "SyntaxError", "compile time",
                                  "UndefinedVariable") from None
        return variable

    def _AggregateSlot(self, node):
        key = ("agg", node.index)
        return lambda row: row[key]

    def _Property(self, node):
        kind = self.static_type(node.subject)
        if kind == "PATH":
            raise compile_type_error("cannot read a property of a path")
        if kind in ("INTEGER", "FLOAT", "STRING", "BOOLEAN", "LIST"):
            raise CypherError(f"cannot read a property of {kind}", "TypeError", "compile time",
                              "InvalidArgumentType")
        subject, key, context = self.compile(node.subject), node.key, self.context
        nodes = context.graph._node if context is not None else {}
        # `n.key` reads the row directly (one call less per row); other subjects go through `subject`.
        variable = node.subject.name if isinstance(node.subject, ast.Variable) else None

        def read(row):
            value = row[variable] if variable in row else subject(row)
            if type(value) is NodeRef and key != "labels" and not context.deleted_nodes:
                data = nodes.get(value.id)
                if data is not None:
                    return data.get(key)
            return property_of(context, value, key)
        return read

    def _Index(self, node):
        subject, index, context = self.compile(node.subject), self.compile(node.index), self.context
        return lambda row: index_value(subject(row), index(row), context)

    def _Slice(self, node):
        subject = self.compile(node.subject)
        start = self.compile(node.start) if node.start is not None else (lambda row: None)
        end = self.compile(node.end) if node.end is not None else (lambda row: None)
        has_start, has_end = node.start is not None, node.end is not None

        def slice_(row):
            value, low, high = subject(row), start(row), end(row)
            if (has_start and low is None) or (has_end and high is None):
                return None
            return slice_list(value, low, high)
        return slice_

    def _HasLabels(self, node):
        subject, labels, context = self.compile(node.subject), set(node.labels), self.context

        def has_labels(row):
            value = subject(row)
            if value is None:
                return None
            if not isinstance(value, NodeRef):
                raise type_error(f"labels can only be tested on nodes, got {type_name(value)}")
            return labels.issubset(context.labels_of(value))
        return has_labels

    def _FunctionCall(self, node):
        if node.name in AGGREGATE_FUNCTIONS:
            raise CypherError(f"aggregate {node.name}() is not allowed here", "SyntaxError",
                              "compile time", "InvalidAggregation")
        if node.name == "exists":
            return self._exists_function(node)
        entry = FUNCTIONS.get(node.name)
        if entry is None:
            raise CypherError(f"unknown function {node.name}", "SyntaxError", "compile time",
                              "UnknownFunction")
        function, minimum, maximum = entry
        if not minimum <= len(node.args) <= maximum:
            raise CypherError(f"{node.name}() takes {minimum}..{maximum} arguments", "SyntaxError",
                              "compile time", "InvalidNumberOfArguments")
        if any(isinstance(arg, ast.PatternPredicate) for arg in node.args):
            raise CypherError(f"{node.name}() cannot take a pattern; use EXISTS {{ }} or COUNT {{ }}",
                              "SyntaxError", "compile time", "UnexpectedSyntax")
        rejected = _REJECTED_ARGUMENTS.get(node.name)
        if rejected and node.args and self.static_type(node.args[0]) in rejected:
            raise compile_type_error(f"{node.name}() cannot take {self.static_type(node.args[0])}")
        args, context = [self.compile(arg) for arg in node.args], self.context
        if len(args) == 1:
            only = args[0]
            return lambda row: function([only(row)], context)
        return lambda row: function([arg(row) for arg in args], context)

    def _exists_function(self, node):
        if len(node.args) != 1:
            raise CypherError("exists() takes one argument", "SyntaxError", "compile time",
                              "InvalidNumberOfArguments")
        argument = node.args[0]
        if isinstance(argument, ast.PatternPredicate):
            return self.compile(argument)
        if not isinstance(argument, ast.Property):
            raise CypherError("exists() needs a property or a pattern", "SyntaxError", "compile time",
                              "InvalidArgumentType")
        read = self.compile(argument)
        return lambda row: read(row) is not None

    def _CountStar(self, node):
        raise CypherError("count(*) is not allowed here", "SyntaxError", "compile time", "InvalidAggregation")

    def _Binary(self, node):
        if node.operator != "+":
            for operand in (node.left, node.right):
                if self.static_type(operand) in _NOT_NUMBERS:
                    raise compile_type_error(f"{node.operator} cannot take {self.static_type(operand)}")
        operation = ARITHMETIC[node.operator]
        left, right = self.compile(node.left), self.compile(node.right)
        return lambda row: operation(left(row), right(row))

    def _Negate(self, node):
        operand = self.compile(node.operand)
        return lambda row: negate(operand(row))

    def _Not(self, node):
        self.check_predicate(node.operand, "NOT")
        operand = self.compile(node.operand)

        def not_(row):
            value = truth(operand(row), "NOT")
            return None if value is None else not value
        return not_

    def _Logical(self, node):
        self.check_predicate(node.left, node.operator)
        self.check_predicate(node.right, node.operator)
        left, right = self.compile(node.left), self.compile(node.right)
        operator = node.operator

        def logical(row):
            a = truth(left(row), operator)
            if operator == "AND" and a is False:
                truth(right(row), operator)
                return False
            if operator == "OR" and a is True:
                truth(right(row), operator)
                return True
            b = truth(right(row), operator)
            if operator == "AND":
                if b is False:
                    return False
                return None if a is None or b is None else True
            if operator == "OR":
                if b is True:
                    return True
                return None if a is None or b is None else False
            return None if a is None or b is None else a != b
        return logical

    def _Comparison(self, node):
        operands = [self.compile(operand) for operand in node.operands]
        operators = node.operators
        if len(operators) == 1:
            left, right, operator = operands[0], operands[1], operators[0]
            return lambda row: compare_operator(operator, left(row), right(row))

        def chain(row):
            values = [operand(row) for operand in operands]
            result = True
            for index, operator in enumerate(operators):
                outcome = compare_operator(operator, values[index], values[index + 1])
                if outcome is False:
                    return False
                if outcome is None:
                    result = None
            return result
        return chain

    def _StringPredicate(self, node):
        left, right, operator = self.compile(node.left), self.compile(node.right), node.operator

        def predicate(row):
            a, b = left(row), right(row)
            if not isinstance(a, str) or not isinstance(b, str):
                return None
            if operator == "STARTS WITH":
                return a.startswith(b)
            if operator == "ENDS WITH":
                return a.endswith(b)
            if operator == "CONTAINS":
                return b in a
            try:
                return re.fullmatch(b, a, re.S) is not None
            except re.error:
                raise CypherError(f"invalid regular expression {b!r}", "ArgumentError", "runtime",
                                  "InvalidArgumentValue") from None
        return predicate

    def _InList(self, node):
        if self.static_type(node.container) not in (None, "LIST", "NULL"):
            raise compile_type_error(f"IN expects a list, got {self.static_type(node.container)}")
        item, container = self.compile(node.item), self.compile(node.container)
        return lambda row: in_list(item(row), container(row))

    def _IsNull(self, node):
        operand = self.compile(node.operand)
        if node.negated:
            return lambda row: operand(row) is not None
        return lambda row: operand(row) is None

    def _ListLiteral(self, node):
        items = [self.compile(item) for item in node.items]
        return lambda row: [item(row) for item in items]

    def _MapLiteral(self, node):
        entries = [(key, self.compile(value)) for key, value in node.entries]
        return lambda row: {key: value(row) for key, value in entries}

    def _MapProjection(self, node):
        subject, context = node.variable, self.context
        entries = [(kind, key, self.compile(value) if value is not None else None)
                   for kind, key, value in node.entries]

        def project(row):
            value = row.get(subject)
            if value is None:
                return None
            result = {}
            for kind, key, compiled in entries:
                if kind == "all":
                    if isinstance(value, dict):
                        result.update(value)
                    else:
                        result.update(context.properties_of(value))
                elif kind == "property":
                    result[key] = property_of(context, value, key)
                else:
                    result[key] = compiled(row)
            return result
        return project

    def _Case(self, node):
        alternatives = [(self.compile(when), self.compile(then)) for when, then in node.alternatives]
        default = self.compile(node.default) if node.default is not None else (lambda row: None)
        if node.subject is None:
            def generic(row):
                for when, then in alternatives:
                    if when(row) is True:
                        return then(row)
                return default(row)
            return generic
        subject = self.compile(node.subject)

        def simple(row):
            value = subject(row)
            for when, then in alternatives:
                if equals(value, when(row)) is True:
                    return then(row)
            return default(row)
        return simple

    def _iterate(self, source, row):
        values = source(row)
        if values is None:
            return None
        if not isinstance(values, list):
            raise type_error(f"expected a list, got {type_name(values)}")
        return values

    def _ListComprehension(self, node):
        source, variable = self.compile(node.source), node.variable
        kind = self._element_type(node.source)
        predicate = self.compile_with_variable(node.predicate, variable, kind) \
            if node.predicate is not None else None
        projection = self.compile_with_variable(node.projection, variable, kind) \
            if node.projection is not None else None

        def comprehension(row):
            values = self._iterate(source, row)
            if values is None:
                return None
            result = []
            inner = dict(row)
            for value in values:
                inner[variable] = value
                if predicate is not None and predicate(inner) is not True:
                    continue
                result.append(projection(inner) if projection is not None else value)
            return result
        return comprehension

    def _Quantifier(self, node):
        source, variable, kind = self.compile(node.source), node.variable, node.kind
        self.check_predicate(node.predicate, kind)
        predicate = self.compile_with_variable(node.predicate, variable, self._element_type(node.source))

        def quantifier(row):
            values = self._iterate(source, row)
            if values is None:
                return None
            inner = dict(row)
            true_count, unknown = 0, False
            for value in values:
                inner[variable] = value
                outcome = truth(predicate(inner), kind)
                if outcome is True:
                    true_count += 1
                    if kind == "any":
                        return True
                    if kind == "none":
                        return False
                    if kind == "single" and true_count > 1:
                        return False
                elif outcome is False:
                    if kind == "all":
                        return False
                else:
                    unknown = True
            if unknown:
                return None
            if kind == "all":
                return True
            if kind in ("any",):
                return False
            if kind == "none":
                return True
            return true_count == 1
        return quantifier

    def _Reduce(self, node):
        initial, source = self.compile(node.initial), self.compile(node.source)
        expression = self.compile(node.expression)
        accumulator, variable = node.accumulator, node.variable

        def reduce_(row):
            values = self._iterate(source, row)
            if values is None:
                return None
            inner = dict(row)
            inner[accumulator] = initial(row)
            for value in values:
                inner[variable] = value
                inner[accumulator] = expression(inner)
            return inner[accumulator]
        return reduce_

    def _PatternPredicate(self, node):
        from graphkit.cypher_engine.patterns import PatternMatcher
        matcher = PatternMatcher(self.context, (node.pattern,), self)

        def exists(row):
            for _ in matcher.matches(row):
                return True
            return False
        return exists

    def _PatternComprehension(self, node):
        from graphkit.cypher_engine.patterns import PatternMatcher
        matcher = PatternMatcher(self.context, (node.pattern,), self)
        predicate = self.compile(node.predicate) if node.predicate is not None else None
        projection = self.compile(node.projection)

        def comprehension(row):
            result = []
            for match in matcher.matches(row):
                if predicate is not None and predicate(match) is not True:
                    continue
                result.append(projection(match))
            return result
        return comprehension

    def _ExistsSubquery(self, node):
        if node.query is not None:
            from graphkit.cypher_engine.executor import check_subquery, run_subquery
            check_subquery(node.query)
            query, context = node.query, self.context
            return lambda row: run_subquery(context, query, row)
        matches = self._subquery_matches(node)
        return lambda row: any(True for _ in matches(row))

    def _CountSubquery(self, node):
        if node.query is not None:
            from graphkit.cypher_engine.executor import check_subquery, count_subquery_rows
            check_subquery(node.query)
            query, context = node.query, self.context
            return lambda row: count_subquery_rows(context, query, row)
        matches = self._subquery_matches(node)
        return lambda row: sum(1 for _ in matches(row))

    def _subquery_matches(self, node):
        """Return ``row -> iterator`` of the matches of an EXISTS/COUNT pattern that pass its WHERE."""
        from graphkit.cypher_engine.patterns import PatternMatcher
        matcher = PatternMatcher(self.context, node.patterns, self)
        where = self.compile(node.where) if node.where is not None else None
        return lambda row: (match for match in matcher.matches(row) if where is None or where(match) is True)

    def _ShortestPathExpression(self, node):
        from graphkit.cypher_engine.patterns import PatternMatcher
        part = node.pattern
        named = ast.PatternPart(part.nodes, part.relationships, " path", part.shortest)
        matcher = PatternMatcher(self.context, (named,), self)

        def shortest(row):
            for match in matcher.matches(row):
                return match[" path"]
            return None
        return shortest
