"""Parse Cypher text into the syntax tree of :mod:`graphkit.cypher_engine.ast_nodes`.

The lark grammar (``cypher.lark``, LALR) accepts a few general forms where one token of
lookahead cannot decide; :class:`_ToSyntaxTree` checks and rewrites them (``[x IN list]`` is a
comprehension, ``(a)`` before ``-->`` is a node). Parsed queries are cached.

Examples
--------
>>> query = parse("MATCH (n:Company) RETURN n.name AS name")
>>> query.parts[0].clauses[1].projection.items[0].alias
'name'
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import lark
from lark import Token, Transformer, v_args

from graphkit.cypher_engine import ast_nodes as ast
from graphkit.errors import CypherError, CypherSyntaxError

_GRAMMAR = Path(__file__).with_name("cypher.lark")
_INT64_MAX = 2**63 - 1
# Characters that look like Cypher operators but are not (dashes, quotes, spaces from word processors).
_LOOKALIKE_CHARACTERS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u00a0\u2018\u2019\u201c\u201d"
_ESCAPES = {"\\": "\\", "'": "'", '"': '"', "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


@functools.lru_cache(maxsize=1)
def _lark_parser() -> lark.Lark:
    # cache=True keeps the LALR tables in a temporary file: building them is most of a cold start.
    return lark.Lark(_GRAMMAR.read_text(encoding="utf-8"), parser="lalr", lexer="contextual",
                     propagate_positions=True, maybe_placeholders=False, cache=True)


@functools.lru_cache(maxsize=512)
def parse(text: str) -> ast.Query:
    """Return the syntax tree of a Cypher query, raising CypherSyntaxError on bad input.

    >>> parse("RETURN 1 AS one").parts[0].clauses[0].projection.items[0].expression
    Literal(value=1)
    """
    try:
        tree = _lark_parser().parse(text)
    except lark.exceptions.UnexpectedInput as error:
        line, column = getattr(error, "line", None), getattr(error, "column", None)
        found = getattr(error, "token", None) or getattr(error, "char", "")
        if str(found) and not str(found).isascii() and str(found)[0] in _LOOKALIKE_CHARACTERS:
            raise CypherSyntaxError(f"unexpected character {str(found)!r}", line=line, column=column,
                                    detail="InvalidUnicodeCharacter") from None
        detail = "InvalidRelationshipPattern" if _inside_relationship(text, getattr(error, "pos_in_stream", None)) \
            else "UnexpectedSyntax"
        raise CypherSyntaxError(f"unexpected input {str(found)!r}", line=line, column=column,
                                detail=detail) from None
    try:
        return _ToSyntaxTree(text).transform(tree)
    except lark.exceptions.VisitError as error:
        if isinstance(error.orig_exc, CypherError):
            raise error.orig_exc from None
        raise


def _inside_relationship(text: str, position: int | None) -> bool:
    """Return True if ``position`` lies inside the brackets of a relationship pattern ``-[...]``."""
    if position is None:
        return False
    opening = text.rfind("[", 0, position)
    return opening > 0 and "]" not in text[opening:position] and text[:opening].rstrip().endswith("-")


def _syntax_error(message: str, detail: str) -> CypherError:
    return CypherError(message, "SyntaxError", "compile time", detail)


def _name(token: Token | str) -> str:
    text = str(token)
    if text.startswith("`"):
        return text[1:-1].replace("``", "`")
    return text


def _unescape(body: str) -> str:
    def replace(match: re.Match) -> str:
        escaped = match.group(1)
        if escaped[0] in "uU":
            digits = 4 if escaped[0] == "u" else 8
            if len(escaped) != digits + 1:
                raise _syntax_error(f"invalid unicode escape \\{escaped}", "InvalidUnicodeLiteral")
            return chr(int(escaped[1:], 16))
        return _ESCAPES.get(escaped, "\\" + escaped)
    return re.sub(r"\\(u[0-9A-Fa-f]{0,4}|U[0-9A-Fa-f]{0,8}|.)", replace, body, flags=re.S)


def _parse_integer(text: str) -> int:
    lowered = text.lower()
    try:
        if lowered.startswith("0x"):
            value = int(lowered[2:], 16)
        elif lowered.startswith("0o"):
            value = int(lowered[2:], 8)
        elif len(lowered) > 1 and lowered.startswith("0") and lowered.isdigit():
            value = int(lowered, 8)
        else:
            value = int(lowered, 10)
    except ValueError:
        raise _syntax_error(f"invalid number literal {text!r}", "InvalidNumberLiteral") from None
    return value


def _tokens(children: list, kind: str) -> list[Token]:
    return [child for child in children if isinstance(child, Token) and child.type == kind]


def _nodes(children: list, kind: type) -> list:
    return [child for child in children if isinstance(child, kind)]


class _Labels(tuple):
    """Labels written after a colon, kept apart from other tuples of the tree."""


class _LabelAlternatives(tuple):
    """Labels written ``:A|B``: a node needs one of them."""


class _Range(tuple):
    """(min_hops, max_hops) of a variable-length relationship."""


class _RelationshipDetail:
    def __init__(self, variable=None, types=(), hops=None, properties=None) -> None:
        self.variable, self.types, self.hops, self.properties = variable, types, hops, properties


class _FirstNode:
    def __init__(self, node: ast.NodePattern) -> None:
        self.node = node


class _ProjectionBody:
    def __init__(self, **values) -> None:
        self.values = values


@v_args(inline=False)
class _ToSyntaxTree(Transformer):
    """Turn the lark parse tree into ast_nodes, checking the forms the grammar leaves open."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    # ---- queries and clauses ---------------------------------------------------------------
    def start(self, children):
        return children[0]

    def query(self, children):
        parts, union_all = [children[0]], []
        for part, is_all in children[1:]:
            parts.append(part)
            union_all.append(is_all)
        return ast.Query(tuple(parts), tuple(union_all))

    def union_part(self, children):
        return children[-1], bool(_tokens(children, "ALL"))

    def single_query(self, children):
        return ast.SingleQuery(tuple(children))

    def match_clause(self, children):
        where = next((c[1] for c in children if isinstance(c, tuple) and c and c[0] == "where"), None)
        return ast.Match(children[-2] if where is not None else children[-1], where,
                         bool(_tokens(children, "OPTIONAL")))

    def where(self, children):
        return ("where", children[-1])

    def unwind_clause(self, children):
        return ast.Unwind(children[1], children[3])

    def with_clause(self, children):
        where = children[2][1] if len(children) > 2 else None
        return ast.With(children[1], where)

    def return_clause(self, children):
        return ast.Return(children[1])

    def projection_body(self, children):
        values = {"distinct": bool(_tokens(children, "DISTINCT"))}
        for child in children:
            if isinstance(child, tuple) and child and child[0] in ("items", "order", "skip", "limit"):
                values[child[0]] = child[1]
        star, items = values.pop("items")
        return ast.Projection(items=tuple(items), star=star, distinct=values["distinct"],
                              order=tuple(values.get("order", ())), skip=values.get("skip"),
                              limit=values.get("limit"))

    def projection_items(self, children):
        star = bool(_tokens(children, "STAR"))
        return ("items", (star, [child for child in children if isinstance(child, ast.ProjectionItem)]))

    @v_args(meta=True)
    def projection_item(self, meta, children):
        expression = children[0]
        if len(children) > 1:
            return ast.ProjectionItem(expression, children[-1], True)
        text = self.text[meta.start_pos:meta.end_pos]
        if isinstance(expression, ast.Variable):
            text = expression.name
        return ast.ProjectionItem(expression, text, False)

    def order(self, children):
        return ("order", [child for child in children if isinstance(child, tuple)])

    def sort_item(self, children):
        descending = any(isinstance(c, Token) and c.type in ("DESC", "DESCENDING") for c in children)
        return (children[0], descending)

    def skip(self, children):
        return ("skip", children[-1])

    def limit(self, children):
        return ("limit", children[-1])

    def create_clause(self, children):
        return ast.Create(children[-1])

    def merge_clause(self, children):
        on_create, on_match = [], []
        for child in children[2:]:
            (on_create if child[0] == "create" else on_match).extend(child[1].items)
        return ast.Merge(children[1], tuple(on_create), tuple(on_match))

    def on_match(self, children):
        return ("match", children[-1])

    def on_create(self, children):
        return ("create", children[-1])

    def set_clause(self, children):
        return ast.SetClause(tuple(children[1:]))

    def set_property(self, children):
        return ast.SetItem("property", children[0], children[2])

    def set_replace(self, children):
        return ast.SetItem("replace", ast.Variable(children[0]), children[2])

    def set_merge(self, children):
        return ast.SetItem("merge", ast.Variable(children[0]), children[-1])

    def set_labels(self, children):
        return ast.SetItem("labels", ast.Variable(children[0]), labels=tuple(children[1]))

    def property_target(self, children):
        subject = children[0]
        if isinstance(subject, str):
            subject = ast.Variable(subject)
        return ast.Property(subject, children[-1])

    def call_subquery(self, children):
        return ast.CallSubquery(children[-1])

    def foreach_clause(self, children):
        clauses = tuple(child for child in children if isinstance(child, ast.Clause))
        return ast.Foreach(children[1], children[3], clauses)

    def delete_clause(self, children):
        expressions = [child for child in children if isinstance(child, ast.Expression)]
        return ast.Delete(tuple(expressions), bool(_tokens(children, "DETACH")))

    def remove_clause(self, children):
        return ast.Remove(tuple(children[1:]))

    def remove_labels(self, children):
        return ast.RemoveItem("labels", ast.Variable(children[0]), tuple(children[1]))

    def remove_property(self, children):
        return ast.RemoveItem("property", children[0])

    def call_clause(self, children):
        name, arguments, yields, yield_all, where = children[1], None, None, False, None
        for child in children[2:]:
            if child[0] == "arguments":
                arguments = tuple(child[1])
            elif child[0] == "yield_all":
                yield_all = True
            else:
                yields, where = child[1], child[2]
        return ast.Call(name, arguments, yields, yield_all, where)

    def procedure_name(self, children):
        return ".".join(children)

    def call_arguments(self, children):
        return ("arguments", [child for child in children if child is not None])

    def yield_all(self, children):
        return ("yield_all",)

    def yield_items(self, children):
        where = next((c[1] for c in children if isinstance(c, tuple) and c[0] == "where"), None)
        items = tuple(child for child in children if isinstance(child, tuple) and child[0] != "where")
        return ("yields", items, where)

    def yield_item(self, children):
        return (children[0], children[-1] if len(children) > 1 else children[0])

    # ---- patterns ------------------------------------------------------------------------
    def pattern(self, children):
        return tuple(children)

    def pattern_part(self, children):
        return children[0]

    def named_part(self, children):
        part = children[-1]
        return ast.PatternPart(part.nodes, part.relationships, children[0], part.shortest)

    def shortest_path(self, children):
        part = children[-1]
        kind = "all" if children[0].type == "ALLSHORTESTPATHS" else "shortest"
        return ast.PatternPart(part.nodes, part.relationships, None, kind)

    def pattern_element(self, children):
        if len(children) == 1 and isinstance(children[0], ast.PatternPart):
            return children[0]
        return ast.PatternPart(tuple(children[0::2]), tuple(children[1::2]))

    def node_pattern(self, children):
        variable = next((c for c in children if isinstance(c, str)), None)
        labels = next((c for c in children if isinstance(c, _Labels)), ())
        alternatives = next((c for c in children if isinstance(c, _LabelAlternatives)), ())
        properties = next((c for c in children if isinstance(c, ast.Expression)), None)
        return ast.NodePattern(variable, tuple(labels), properties, tuple(alternatives))

    def label_alternatives(self, children):
        return _LabelAlternatives(children)

    def _relationship(self, children, direction):
        detail = next((c for c in children if isinstance(c, _RelationshipDetail)), _RelationshipDetail())
        hops = detail.hops
        if hops is None:
            return ast.RelationshipPattern(detail.variable, detail.types, direction, detail.properties)
        return ast.RelationshipPattern(detail.variable, detail.types, direction, detail.properties,
                                       True, hops[0], hops[1])

    def rel_both(self, children):
        return self._relationship(children, "both")

    def rel_undirected(self, children):
        return self._relationship(children, "both")

    def rel_left(self, children):
        return self._relationship(children, "in")

    def rel_right(self, children):
        return self._relationship(children, "out")

    def relationship_detail(self, children):
        detail = _RelationshipDetail()
        for child in children:
            if isinstance(child, _Range):
                detail.hops = tuple(child)
            elif isinstance(child, _Labels):
                detail.types = tuple(child)
            elif isinstance(child, ast.Expression):
                detail.properties = child
            elif isinstance(child, str):
                detail.variable = child
        return detail

    def relationship_types(self, children):
        return _Labels(children)

    def range(self, children):
        bounds = children[1] if len(children) > 1 else (1, None)
        return _Range(bounds)

    def range_exact(self, children):
        return (children[0].value, children[0].value)

    def range_between(self, children):
        low = children[0].value if isinstance(children[0], ast.Literal) else 1
        high = children[-1].value if isinstance(children[-1], ast.Literal) else None
        return (low, high)

    def node_labels(self, children):
        return _Labels(children)

    def properties(self, children):
        return children[0]

    # ---- expressions -----------------------------------------------------------------------
    def or_(self, children):
        return ast.Logical("OR", children[0], children[2])

    def xor_(self, children):
        return ast.Logical("XOR", children[0], children[2])

    def and_(self, children):
        return ast.Logical("AND", children[0], children[2])

    def not_(self, children):
        return ast.Not(children[1])

    def comparison(self, children):
        return ast.Comparison(tuple(children[0::2]), tuple(str(op) for op in children[1::2]))

    def starts_with(self, children):
        return ast.StringPredicate("STARTS WITH", children[0], children[-1])

    def ends_with(self, children):
        return ast.StringPredicate("ENDS WITH", children[0], children[-1])

    def contains(self, children):
        return ast.StringPredicate("CONTAINS", children[0], children[-1])

    def regex_match(self, children):
        return ast.StringPredicate("=~", children[0], children[-1])

    def in_list(self, children):
        return ast.InList(children[0], children[-1])

    def is_null(self, children):
        return ast.IsNull(children[0], False)

    def is_not_null(self, children):
        return ast.IsNull(children[0], True)

    def binary(self, children):
        return ast.Binary(str(children[1]), children[0], children[2])

    def negate(self, children):
        operand = children[1]
        if isinstance(operand, ast.Literal) and type(operand.value) in (int, float):
            return _number_literal(-operand.value)
        return ast.Negate(operand)

    def unary_plus(self, children):
        return children[1]

    def property(self, children):
        return ast.Property(children[0], children[1])

    def index(self, children):
        return ast.Index(children[0], children[1])

    def slice(self, children):
        subject, rest = children[0], children[1:]
        dots = next(i for i, child in enumerate(rest) if isinstance(child, Token))
        start = rest[0] if dots == 1 else None
        end = rest[dots + 1] if len(rest) > dots + 1 else None
        return ast.Slice(subject, start, end)

    def has_labels(self, children):
        return ast.HasLabels(children[0], tuple(children[1]))

    def labelled_map(self, children):
        subject, labels, properties = children
        if not isinstance(subject, ast.Variable):
            raise _syntax_error("labels and properties only follow a node variable", "UnexpectedSyntax")
        return _FirstNode(ast.NodePattern(subject.name, tuple(labels), properties))

    def call(self, children):
        name = _function_name(children[0])
        distinct = bool(_tokens(children, "DISTINCT"))
        args = tuple(child for child in children[1:] if isinstance(child, ast.Expression))
        return ast.FunctionCall(name.lower(), args, distinct)

    def count_star(self, children):
        if _function_name(children[0]).lower() != "count":
            raise _syntax_error("only count(*) takes *", "UnexpectedSyntax")
        return ast.CountStar()

    def quantifier(self, children):
        kind = _function_name(children[0]).lower()
        return self._quantifier(kind, children[1], children[-1])

    def all_quantifier(self, children):
        return self._quantifier("all", children[1], children[-1])

    def _quantifier(self, kind, binding, predicate):
        if kind not in ("all", "any", "none", "single"):
            raise _syntax_error(f"{kind}(... WHERE ...) is not a Cypher function", "UnexpectedSyntax")
        variable, source = _iteration(binding)
        return ast.Quantifier(kind, variable, source, predicate)

    def reduce(self, children):
        if _function_name(children[0]).lower() != "reduce":
            raise _syntax_error("only reduce takes an accumulator", "UnexpectedSyntax")
        initial, binding, expression = children[1], children[2], children[3]
        if not (isinstance(initial, ast.Comparison) and initial.operators == ("=",)
                and isinstance(initial.operands[0], ast.Variable)):
            raise _syntax_error("reduce needs accumulator = initial", "UnexpectedSyntax")
        variable, source = _iteration(binding)
        return ast.Reduce(initial.operands[0].name, initial.operands[1], variable, source, expression)

    def parenthesized(self, children):
        return children[0]

    def pattern_expression(self, children):
        nodes = [children[0].node]
        nodes.extend(children[2::2])
        return ast.PatternPredicate(ast.PatternPart(tuple(nodes), tuple(children[1::2])))

    def first_node(self, children):
        inner = children[0]
        if isinstance(inner, _FirstNode):
            return inner
        if isinstance(inner, ast.Variable):
            return _FirstNode(ast.NodePattern(inner.name))
        if isinstance(inner, ast.HasLabels) and isinstance(inner.subject, ast.Variable):
            return _FirstNode(ast.NodePattern(inner.subject.name, inner.labels))
        if isinstance(inner, (ast.MapLiteral, ast.Parameter)):
            return _FirstNode(ast.NodePattern(None, (), inner))
        if isinstance(inner, ast.MapProjection) and all(kind == "literal" for kind, _, _ in inner.entries):
            entries = tuple((key, value) for _, key, value in inner.entries)
            return _FirstNode(ast.NodePattern(inner.variable, (), ast.MapLiteral(entries)))
        raise _syntax_error("a pattern must start with a node", "InvalidRelationshipPattern")

    def first_node_empty(self, children):
        return _FirstNode(ast.NodePattern(None))

    def first_node_labels(self, children):
        properties = children[1] if len(children) > 1 else None
        return _FirstNode(ast.NodePattern(None, tuple(children[0]), properties))

    def exists_pattern(self, children):
        where = next((c[1] for c in children if isinstance(c, tuple) and c and c[0] == "where"), None)
        patterns = next(c for c in children if isinstance(c, tuple) and c and isinstance(c[0], ast.PatternPart))
        return ast.ExistsSubquery(patterns, where, None)

    def exists_query(self, children):
        return ast.ExistsSubquery(None, None, ast.Query((children[-1],)))

    def named_pattern_subquery(self, children):
        _check_count_keyword(children[0])
        where = next((c[1] for c in children if isinstance(c, tuple) and c and c[0] == "where"), None)
        patterns = next(c for c in children[1:] if isinstance(c, tuple) and c and isinstance(c[0], ast.PatternPart))
        return ast.CountSubquery(patterns, where, None)

    def named_query_subquery(self, children):
        _check_count_keyword(children[0])
        return ast.CountSubquery(None, None, ast.Query((children[-1],)))

    def exists_function(self, children):
        return ast.FunctionCall("exists", (children[-1],))

    def path_function(self, children):
        return ast.ShortestPathExpression(children[0])

    def case_expression(self, children):
        subject, default, alternatives = None, None, []
        iterator = iter(children[1:])
        for child in iterator:
            if isinstance(child, tuple):
                alternatives.append(child)
            elif isinstance(child, Token) and child.type == "ELSE":
                default = next(iterator)
            elif isinstance(child, ast.Expression):
                subject = child
        return ast.Case(subject, tuple(alternatives), default)

    def case_alternative(self, children):
        return (children[1], children[3])

    def empty_list(self, children):
        return ast.ListLiteral(())

    def list_literal(self, children):
        if len(children) == 1:
            only = children[0]
            if isinstance(only, ast.InList) and isinstance(only.item, ast.Variable):
                return ast.ListComprehension(only.item.name, only.container, None, None)
        return ast.ListLiteral(tuple(children))

    def comprehension_where(self, children):
        children = [child for child in children if not isinstance(child, Token)]
        projection = children[2] if len(children) > 2 else None
        return self._comprehension(children[0], children[1], projection)

    def comprehension_map(self, children):
        return self._comprehension(children[0], None, children[1])

    def _comprehension(self, head, predicate, projection):
        if isinstance(head, ast.PatternPredicate):
            if projection is None:
                raise _syntax_error("a pattern comprehension needs | expression", "UnexpectedSyntax")
            return ast.PatternComprehension(head.pattern, predicate, projection)
        if (isinstance(head, ast.Comparison) and head.operators == ("=",)
                and isinstance(head.operands[0], ast.Variable)
                and isinstance(head.operands[1], ast.PatternPredicate)):
            part = head.operands[1].pattern
            named = ast.PatternPart(part.nodes, part.relationships, head.operands[0].name)
            return ast.PatternComprehension(named, predicate, projection)
        variable, source = _iteration(head)
        return ast.ListComprehension(variable, source, predicate, projection)

    def map_literal(self, children):
        return ast.MapLiteral(tuple(child for child in children if child is not None))

    def map_entry(self, children):
        return (children[0], children[1])

    def map_projection(self, children):
        return ast.MapProjection(children[0], tuple(child for child in children[1:] if child is not None))

    def project_property(self, children):
        return ("property", children[0], None)

    def project_all(self, children):
        return ("all", None, None)

    def project_literal(self, children):
        return ("literal", children[0], children[1])

    def project_variable(self, children):
        return ("variable", children[0], ast.Variable(children[0]))

    def integer_literal(self, children):
        token = children[0]
        value = _parse_integer(str(token))
        if value > _INT64_MAX + 1:
            raise _syntax_error(f"integer {token} is too large", "IntegerOverflow")
        return _number_literal(value)

    def float_literal(self, children):
        value = float(str(children[0]))
        if value == float("inf"):
            raise _syntax_error(f"float {children[0]} is too large", "FloatingPointOverflow")
        return ast.Literal(value)

    def string_literal(self, children):
        return ast.Literal(_unescape(str(children[0])[1:-1]))

    def true_literal(self, children):
        return ast.Literal(True)

    def false_literal(self, children):
        return ast.Literal(False)

    def null_literal(self, children):
        return ast.Literal(None)

    def parameter(self, children):
        return ast.Parameter(_name(str(children[0])[1:]))

    def variable(self, children):
        return _name(children[0])

    def variable_reference(self, children):
        return ast.Variable(children[0])

    def symbolic_name(self, children):
        return _name(children[0])

    label_name = rel_type_name = property_key = symbolic_name

    def __default__(self, data, children, meta):
        raise _syntax_error(f"unsupported syntax {data}", "UnexpectedSyntax")


def _number_literal(value: int | float) -> ast.Literal:
    if isinstance(value, int) and value > _INT64_MAX:
        return _UncheckedInteger(value)
    return ast.Literal(value)


class _UncheckedInteger(ast.Literal):
    """2**63 as written: legal only as the operand of a unary minus."""


def _check_count_keyword(name: str) -> None:
    if name.lower() != "count":
        raise _syntax_error(f"{name} {{ ... }} is not Cypher; did you mean COUNT {{ ... }}?", "UnexpectedSyntax")


def _function_name(expression: ast.Expression) -> str:
    if isinstance(expression, ast.Variable):
        return expression.name
    if isinstance(expression, ast.Property):
        return f"{_function_name(expression.subject)}.{expression.key}"
    raise _syntax_error("only names can be called", "UnexpectedSyntax")


def _iteration(binding: ast.Expression) -> tuple[str, ast.Expression]:
    if isinstance(binding, ast.InList) and isinstance(binding.item, ast.Variable):
        return binding.item.name, binding.container
    raise _syntax_error("expected variable IN list", "UnexpectedSyntax")
