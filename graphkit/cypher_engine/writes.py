"""Writing clauses: CREATE, MERGE (ON CREATE / ON MATCH SET), SET, REMOVE, DELETE.

Each clause compiles to an operator over rows and writes through the execution context, which
counts the changes and keeps the undo snapshot.

Examples
--------
>>> import networkx as nx
>>> from graphkit.cypher_engine import execute
>>> graph = nx.MultiDiGraph()
>>> execute(graph, "CREATE (:Company {name: 'A'})-[:COMPETES_WITH]->(:Company {name: 'B'})").counters[
...     "relationships_created"]
1
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphkit.cypher_engine import ast_nodes as ast
from graphkit.cypher_engine.patterns import PatternMatcher
from graphkit.cypher_engine.scope import check_clause_variables, pattern_variables
from graphkit.cypher_engine.semantics import NodeRef, PathValue, RelRef, type_name
from graphkit.errors import CypherError

Operator = Callable[[list], list]


def _syntax(message: str, detail: str) -> CypherError:
    return CypherError(message, "SyntaxError", "compile time", detail)


def _type_error(message: str, detail: str = "InvalidArgumentType") -> CypherError:
    return CypherError(message, "TypeError", "runtime", detail)


def compile_write(context, compiler, clause: ast.Clause, scope: list[str]) -> Operator:
    """Return the operator for one writing clause."""
    if isinstance(clause, ast.Create):
        return _compile_create(context, compiler, clause, scope)
    if isinstance(clause, ast.Merge):
        return _compile_merge(context, compiler, clause, scope)
    if isinstance(clause, ast.SetClause):
        setter = compile_set_items(context, compiler, clause.items)

        def set_(rows):
            rows = list(rows)  # a write sees all rows of the clause before it, not a live match
            for row in rows:
                setter(row)
            return rows
        return set_
    if isinstance(clause, ast.Remove):
        return _compile_remove(context, compiler, clause)
    if isinstance(clause, ast.Delete):
        return _compile_delete(context, compiler, clause)
    if isinstance(clause, ast.Foreach):
        return _compile_foreach(context, compiler, clause, scope)
    raise _syntax(f"unsupported clause {type(clause).__name__}", "UnexpectedSyntax")


# ---- CREATE ----------------------------------------------------------------------------------


def _properties(compiler, expression, merging: bool = False) -> Callable[[dict], dict]:
    if expression is None:
        return lambda row: {}
    if isinstance(expression, ast.Parameter) and merging:
        raise _syntax("MERGE cannot take a parameter as its properties", "InvalidParameterUse")
    if isinstance(expression, ast.Parameter) or isinstance(expression, ast.MapLiteral):
        compiled = compiler.compile(expression)

        def read(row):
            value = compiled(row)
            if value is None:
                return {}
            if not isinstance(value, dict):
                raise _type_error(f"properties must be a map, got {type_name(value)}")
            return value
        return read
    raise _syntax("properties must be a map literal or a parameter", "InvalidParameterUse")


def _check_property_values(properties: dict) -> dict:
    for key, value in properties.items():
        _check_property_value(key, value)
    return properties


def _check_property_value(key: str, value: Any) -> None:
    if isinstance(value, (dict, NodeRef, RelRef, PathValue)):
        raise _type_error(f"property {key} cannot hold a {type_name(value)}", "InvalidPropertyType")
    if isinstance(value, list):
        for item in value:
            if isinstance(item, (dict, list, NodeRef, RelRef, PathValue)):
                raise _type_error(f"property {key} cannot hold a list of {type_name(item)}",
                                  "InvalidPropertyType")


class _Creator:
    """Creates the unbound parts of one pattern part for a row."""

    def __init__(self, compiler, part: ast.PatternPart, merging: bool) -> None:
        if any(node.any_labels for node in part.nodes):
            raise _syntax("a created node cannot have alternative labels (:A|B)", "UnexpectedSyntax")
        for rel in part.relationships:
            if len(rel.types) != 1:
                raise _syntax("a created relationship needs exactly one type", "NoSingleRelationshipType")
            if rel.direction == "both" and not merging:
                raise _syntax("a created relationship needs a direction", "RequiresDirectedRelationship")
            if rel.variable_length:
                raise _syntax("cannot create a variable-length relationship", "CreatingVarLength")
        self.part = part
        self.nodes = [(node, _properties(compiler, node.properties, merging)) for node in part.nodes]
        self.relationships = [(rel, _properties(compiler, rel.properties, merging))
                              for rel in part.relationships]
        self.merging = merging

    def create(self, context, row: dict) -> dict:
        row = dict(row)
        node_refs = []
        for node, properties in self.nodes:
            existing = row.get(node.variable) if node.variable else None
            if node.variable and node.variable in row:
                if existing is None:
                    raise CypherError(f"cannot create a relationship to null node {node.variable}",
                                      "SemanticError", "runtime", "CreatingNullNode")
                if not isinstance(existing, NodeRef):
                    raise _type_error(f"{node.variable} is not a node")
                node_refs.append(existing)
                continue
            values = _check_property_values(properties(row))
            if self.merging and any(value is None for value in values.values()):
                raise CypherError("MERGE cannot use null properties", "SemanticError", "runtime",
                                  "MergeReadOwnWrites")
            ref = context.create_node(list(node.labels), values)
            if node.variable:
                row[node.variable] = ref
            node_refs.append(ref)
        rel_refs = []
        for index, (rel, properties) in enumerate(self.relationships):
            start, end = node_refs[index], node_refs[index + 1]
            if rel.direction == "in":
                start, end = end, start
            values = _check_property_values(properties(row))
            if self.merging and any(value is None for value in values.values()):
                raise CypherError("MERGE cannot use null properties", "SemanticError", "runtime",
                                  "MergeReadOwnWrites")
            ref = context.create_relationship(start.id, end.id, rel.types[0], values)
            if rel.variable:
                row[rel.variable] = ref
            rel_refs.append(ref)
        if self.part.path_variable:
            row[self.part.path_variable] = PathValue(tuple(node_refs), tuple(rel_refs))
        return row


def _compile_create(context, compiler, clause: ast.Create, scope) -> Operator:
    creators = [_Creator(compiler, part, merging=False) for part in clause.patterns]

    def create(rows):
        rows = list(rows)  # a write sees all rows of the clause before it, not a live match
        output = []
        for row in rows:
            for creator in creators:
                row = creator.create(context, row)
            output.append(row)
        return output
    return create


# ---- MERGE -----------------------------------------------------------------------------------


def _compile_merge(context, compiler, clause: ast.Merge, scope) -> Operator:
    part = clause.pattern
    for node in part.nodes:
        if node.variable and node.variable in scope and (node.labels or node.properties is not None
                                                         or len(part.nodes) == 1):
            raise _syntax(f"variable `{node.variable}` already declared", "VariableAlreadyBound")
    for rel in part.relationships:
        if rel.variable and rel.variable in scope:
            raise _syntax(f"variable `{rel.variable}` already declared", "VariableAlreadyBound")
    creator = _Creator(compiler, part, merging=True)
    matcher = PatternMatcher(context, (part,), compiler)
    on_create = compile_set_items(context, compiler, clause.on_create)
    on_match = compile_set_items(context, compiler, clause.on_match)

    def merge(rows):
        rows = list(rows)  # a write sees all rows of the clause before it, not a live match
        output = []
        for row in rows:
            matches = list(matcher.matches(row))
            if matches:
                for match in matches:
                    on_match(match)
                    output.append(match)
            else:
                created = creator.create(context, row)
                on_create(created)
                output.append(created)
        return output
    return merge


# ---- SET / REMOVE ----------------------------------------------------------------------------


def compile_set_items(context, compiler, items) -> Callable[[dict], None]:
    """Return a function applying SET items to one row."""
    setters = [_compile_set_item(context, compiler, item) for item in items]

    def apply(row):
        for setter in setters:
            setter(row)
    return apply


def _entity_properties(context, value: Any) -> dict:
    if isinstance(value, (NodeRef, RelRef)):
        return context.properties_of(value)
    if isinstance(value, dict):
        return value
    raise _type_error(f"cannot copy properties from {type_name(value)}")


def _compile_set_item(context, compiler, item: ast.SetItem):
    if item.kind == "labels":
        target = compiler.compile(item.target)

        def set_labels(row):
            node = target(row)
            if node is None:
                return
            if not isinstance(node, NodeRef):
                raise _type_error(f"labels can only be set on nodes, got {type_name(node)}")
            context.add_labels(node, item.labels)
        return set_labels
    if isinstance(item.value, ast.PatternPredicate):
        raise _syntax("a pattern cannot be a property value", "UnexpectedSyntax")
    value = compiler.compile(item.value)
    if item.kind == "property":
        subject, key = compiler.compile(item.target.subject), item.target.key

        def set_property(row):
            entity = subject(row)
            if entity is None:
                return
            if not isinstance(entity, (NodeRef, RelRef)):
                raise _type_error(f"cannot set a property on {type_name(entity)}")
            new_value = value(row)
            _check_property_value(key, new_value)
            context.set_property(entity, key, new_value)
        return set_property
    target = compiler.compile(item.target)
    replace = item.kind == "replace"

    def set_map(row):
        entity = target(row)
        if entity is None:
            return
        if not isinstance(entity, (NodeRef, RelRef)):
            raise _type_error(f"cannot set properties on {type_name(entity)}")
        new_value = value(row)
        properties = {} if new_value is None else dict(_entity_properties(context, new_value))
        if replace:
            for key in list(context.properties_of(entity)):
                if key not in properties:
                    context.set_property(entity, key, None)
        for key, item_value in properties.items():
            _check_property_value(key, item_value)
            context.set_property(entity, key, item_value)
    return set_map


def _compile_remove(context, compiler, clause: ast.Remove) -> Operator:
    removers = []
    for item in clause.items:
        if item.kind == "labels":
            target, labels = compiler.compile(item.target), item.labels

            def remove_labels(row, target=target, labels=labels):
                node = target(row)
                if node is not None:
                    context.remove_labels(node, labels)
            removers.append(remove_labels)
        else:
            subject, key = compiler.compile(item.target.subject), item.target.key

            def remove_property(row, subject=subject, key=key):
                entity = subject(row)
                if entity is None:
                    return
                if not isinstance(entity, (NodeRef, RelRef)):
                    raise _type_error(f"cannot remove a property of {type_name(entity)}")
                context.set_property(entity, key, None)
            removers.append(remove_property)

    def remove(rows):
        rows = list(rows)  # a write sees all rows of the clause before it, not a live match
        for row in rows:
            for remover in removers:
                remover(row)
        return rows
    return remove


# ---- DELETE ----------------------------------------------------------------------------------


def _compile_delete(context, compiler, clause: ast.Delete) -> Operator:
    for expression in clause.expressions:
        if not isinstance(expression, (ast.Variable, ast.Property, ast.Index, ast.FunctionCall)):
            detail = "InvalidArgumentType" if isinstance(expression, (ast.Literal, ast.Binary)) else "InvalidDelete"
            raise _syntax("DELETE expects a node, relationship or path", detail)
    targets = [compiler.compile(expression) for expression in clause.expressions]
    detach = clause.detach

    def delete_value(value):
        if value is None:
            return
        if isinstance(value, NodeRef):
            context.delete_node(value, detach)
        elif isinstance(value, RelRef):
            context.delete_relationship(value)
        elif isinstance(value, PathValue):
            for rel in value.relationships:
                context.delete_relationship(rel)
            for node in value.nodes:
                context.delete_node(node, detach)
        elif isinstance(value, list):
            for item in value:
                delete_value(item)
        else:
            raise _type_error(f"cannot delete a {type_name(value)}", "InvalidArgumentType")

    def delete(rows):
        rows = list(rows)  # a write sees all rows of the clause before it, not a live match
        for row in rows:
            for target in targets:
                delete_value(target(row))
        context.finish_deletes()
        return rows
    return delete


# ---- FOREACH ---------------------------------------------------------------------------------


def _compile_foreach(context, compiler, clause: ast.Foreach, scope: list[str]) -> Operator:
    source, variable = compiler.compile(clause.source), clause.variable
    inner_scope = list(scope) + [variable]
    operators = []
    for inner in clause.clauses:
        check_clause_variables(inner, inner_scope, compiler.variable_types)
        operators.append(compile_write(context, compiler, inner, inner_scope))
        if isinstance(inner, (ast.Create, ast.Merge)):
            parts = inner.patterns if isinstance(inner, ast.Create) else (inner.pattern,)
            inner_scope.extend(v for part in parts for v in pattern_variables(part) if v not in inner_scope)

    def foreach(rows):
        rows = list(rows)
        for row in rows:
            values = source(row)
            if values is None:
                continue
            if not isinstance(values, list):
                raise _type_error(f"FOREACH expects a list, got {type_name(values)}")
            for value in values:
                inner_rows = [{**row, variable: value}]
                for operator in operators:
                    inner_rows = operator(inner_rows)
        return rows
    return foreach
