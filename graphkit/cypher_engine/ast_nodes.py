"""The Cypher syntax tree: small dataclasses the parser builds and the executor compiles.

Expressions, patterns and clauses are plain data; equality is structural, which lets ORDER BY
recognise an expression that is also a projection item.

Examples
--------
>>> Property(Variable("n"), "name") == Property(Variable("n"), "name")
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class Expression:
    """Base class of every expression node."""


@dataclass(frozen=True)
class Literal(Expression):
    value: Any


@dataclass(frozen=True)
class Parameter(Expression):
    name: str


@dataclass(frozen=True)
class Variable(Expression):
    name: str


@dataclass(frozen=True)
class Property(Expression):
    subject: Expression
    key: str


@dataclass(frozen=True)
class Index(Expression):
    subject: Expression
    index: Expression


@dataclass(frozen=True)
class Slice(Expression):
    subject: Expression
    start: Expression | None
    end: Expression | None


@dataclass(frozen=True)
class HasLabels(Expression):
    subject: Expression
    labels: tuple[str, ...]


@dataclass(frozen=True)
class FunctionCall(Expression):
    name: str
    args: tuple[Expression, ...]
    distinct: bool = False


@dataclass(frozen=True)
class CountStar(Expression):
    pass


@dataclass(frozen=True)
class Binary(Expression):
    """Arithmetic: ``+ - * / % ^``."""

    operator: str
    left: Expression
    right: Expression


@dataclass(frozen=True)
class Negate(Expression):
    operand: Expression


@dataclass(frozen=True)
class Not(Expression):
    operand: Expression


@dataclass(frozen=True)
class Logical(Expression):
    """``AND``, ``OR``, ``XOR`` with three-valued logic."""

    operator: str
    left: Expression
    right: Expression


@dataclass(frozen=True)
class Comparison(Expression):
    """A chain ``a < b <= c``: operands and the operators between them."""

    operands: tuple[Expression, ...]
    operators: tuple[str, ...]


@dataclass(frozen=True)
class StringPredicate(Expression):
    """``STARTS WITH``, ``ENDS WITH``, ``CONTAINS`` and ``=~``."""

    operator: str
    left: Expression
    right: Expression


@dataclass(frozen=True)
class InList(Expression):
    item: Expression
    container: Expression


@dataclass(frozen=True)
class IsNull(Expression):
    operand: Expression
    negated: bool


@dataclass(frozen=True)
class ListLiteral(Expression):
    items: tuple[Expression, ...]


@dataclass(frozen=True)
class MapLiteral(Expression):
    entries: tuple[tuple[str, Expression], ...]


@dataclass(frozen=True)
class MapProjection(Expression):
    """``n {.name, .*, key: value, other}``; entries are (kind, key, expression)."""

    variable: str
    entries: tuple[tuple[str, str | None, Expression | None], ...]


@dataclass(frozen=True)
class Case(Expression):
    subject: Expression | None
    alternatives: tuple[tuple[Expression, Expression], ...]
    default: Expression | None


@dataclass(frozen=True)
class ListComprehension(Expression):
    variable: str
    source: Expression
    predicate: Expression | None
    projection: Expression | None


@dataclass(frozen=True)
class Quantifier(Expression):
    """``all``/``any``/``none``/``single`` (x IN list WHERE predicate)."""

    kind: str
    variable: str
    source: Expression
    predicate: Expression


@dataclass(frozen=True)
class Reduce(Expression):
    accumulator: str
    initial: Expression
    variable: str
    source: Expression
    expression: Expression


@dataclass(frozen=True)
class PatternComprehension(Expression):
    pattern: PatternPart
    predicate: Expression | None
    projection: Expression


@dataclass(frozen=True)
class PatternPredicate(Expression):
    """A pattern used as a boolean (or, as Neo4j 4 allowed, a list of paths)."""

    pattern: PatternPart


@dataclass(frozen=True)
class ExistsSubquery(Expression):
    """``EXISTS { pattern WHERE ... }`` or ``EXISTS { MATCH ... RETURN ... }``."""

    patterns: tuple[PatternPart, ...] | None
    where: Expression | None
    query: Query | None


@dataclass(frozen=True)
class CountSubquery(Expression):
    """``COUNT { pattern WHERE ... }`` or ``COUNT { MATCH ... RETURN ... }``: how many matches or rows."""

    patterns: tuple[PatternPart, ...] | None
    where: Expression | None
    query: Query | None


@dataclass(frozen=True)
class ShortestPathExpression(Expression):
    pattern: PatternPart


@dataclass(frozen=True)
class AggregateSlot(Expression):
    """Stands for the value of the ``index``-th aggregate of a projection, once computed."""

    index: int


# ---- patterns ------------------------------------------------------------------------------


@dataclass(frozen=True)
class NodePattern:
    """``labels`` must all be present; ``any_labels`` (``:A|B``), if given, at least one of them."""

    variable: str | None
    labels: tuple[str, ...] = ()
    properties: Expression | None = None
    any_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class RelationshipPattern:
    """``direction`` is ``"out"`` (-->), ``"in"`` (<--) or ``"both"`` (-- or <-->)."""

    variable: str | None
    types: tuple[str, ...]
    direction: str
    properties: Expression | None = None
    variable_length: bool = False
    min_hops: int | None = None
    max_hops: int | None = None


@dataclass(frozen=True)
class PatternPart:
    """A chain node, rel, node, ...; ``shortest`` is None, ``"shortest"`` or ``"all"``."""

    nodes: tuple[NodePattern, ...]
    relationships: tuple[RelationshipPattern, ...]
    path_variable: str | None = None
    shortest: str | None = None


# ---- clauses -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectionItem:
    expression: Expression
    alias: str
    explicit_alias: bool = False


@dataclass(frozen=True)
class Projection:
    items: tuple[ProjectionItem, ...]
    star: bool = False
    distinct: bool = False
    order: tuple[tuple[Expression, bool], ...] = ()
    skip: Expression | None = None
    limit: Expression | None = None


class Clause:
    """Base class of every clause node."""


@dataclass(frozen=True)
class Match(Clause):
    patterns: tuple[PatternPart, ...]
    where: Expression | None = None
    optional: bool = False


@dataclass(frozen=True)
class Unwind(Clause):
    expression: Expression
    variable: str


@dataclass(frozen=True)
class With(Clause):
    projection: Projection
    where: Expression | None = None


@dataclass(frozen=True)
class Return(Clause):
    projection: Projection


@dataclass(frozen=True)
class Create(Clause):
    patterns: tuple[PatternPart, ...]


@dataclass(frozen=True)
class SetItem:
    """``kind`` is ``"property"``, ``"replace"`` (n = map), ``"merge"`` (n += map) or ``"labels"``."""

    kind: str
    target: Expression
    value: Expression | None = None
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class SetClause(Clause):
    items: tuple[SetItem, ...]


@dataclass(frozen=True)
class Merge(Clause):
    pattern: PatternPart
    on_create: tuple[SetItem, ...] = ()
    on_match: tuple[SetItem, ...] = ()


@dataclass(frozen=True)
class Delete(Clause):
    expressions: tuple[Expression, ...]
    detach: bool = False


@dataclass(frozen=True)
class RemoveItem:
    """``kind`` is ``"property"`` (target is a Property) or ``"labels"``."""

    kind: str
    target: Expression
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Remove(Clause):
    items: tuple[RemoveItem, ...]


@dataclass(frozen=True)
class Foreach(Clause):
    """``FOREACH (variable IN list | updates)``: run the update clauses once per list element."""

    variable: str
    source: Expression
    clauses: tuple[Clause, ...]


@dataclass(frozen=True)
class CallSubquery(Clause):
    """``CALL { ... }``: run a query per incoming row; its RETURN columns extend the row."""

    query: Query


@dataclass(frozen=True)
class Call(Clause):
    """A procedure call; ``yields`` is None (standalone, all outputs) or (output, alias) pairs."""

    name: str
    arguments: tuple[Expression, ...] | None
    yields: tuple[tuple[str, str], ...] | None = None
    yield_all: bool = False
    where: Expression | None = None


@dataclass(frozen=True)
class SingleQuery:
    clauses: tuple[Clause, ...]


@dataclass(frozen=True)
class Query:
    """Single queries joined by UNION; ``union_all[i]`` tells how part i+1 joins."""

    parts: tuple[SingleQuery, ...]
    union_all: tuple[bool, ...] = field(default=())
