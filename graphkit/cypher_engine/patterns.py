"""Match graph patterns against a networkx MultiDiGraph, row by row.

A pattern part is a chain node, relationship, node, ...; matching starts at the most selective
node (a bound variable, else a labelled node with properties, else the smallest label) and
expands left and right. Relationships are unique within one MATCH. Shortest paths use a
breadth-first search between bound endpoints.

Examples
--------
>>> import networkx as nx
>>> from graphkit.cypher_engine import execute
>>> graph = nx.MultiDiGraph()
>>> graph.add_node("a", labels=["Investor"], name="A")
>>> graph.add_node("b", labels=["Company"], name="B")
>>> _ = graph.add_edge("a", "b", type="INVESTED_IN")
>>> execute(graph, "MATCH (i:Investor)-[:INVESTED_IN]->(c) RETURN c.name").rows
[['B']]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from graphkit.cypher_engine import ast_nodes as ast
from graphkit.cypher_engine.semantics import NodeRef, PathValue, RelRef, equals, type_name
from graphkit.errors import CypherError


class _CompiledNode:
    __slots__ = ("variable", "labels", "any_labels", "properties")

    def __init__(self, pattern: ast.NodePattern, compiler: Any) -> None:
        self.variable = pattern.variable
        self.labels = pattern.labels
        self.any_labels = pattern.any_labels
        self.properties = _compile_properties(pattern.properties, compiler)


class _CompiledRelationship:
    __slots__ = ("variable", "types", "direction", "properties", "variable_length", "min_hops",
                 "max_hops")

    def __init__(self, pattern: ast.RelationshipPattern, compiler: Any) -> None:
        self.variable = pattern.variable
        self.types = frozenset(pattern.types) if pattern.types else None
        self.direction = pattern.direction
        self.properties = _compile_properties(pattern.properties, compiler)
        self.variable_length = pattern.variable_length
        self.min_hops = 1 if pattern.min_hops is None else pattern.min_hops
        self.max_hops = pattern.max_hops


def _compile_properties(expression: ast.Expression | None, compiler: Any) -> Callable | None:
    if expression is None:
        return None
    if isinstance(expression, ast.Parameter):
        raise CypherError("a parameter cannot stand for a pattern's properties", "SyntaxError", "compile time",
                          "InvalidParameterUse")
    if isinstance(expression, ast.MapLiteral):
        entries = [(key, compiler.compile(value)) for key, value in expression.entries]
        return lambda row: [(key, value(row)) for key, value in entries]
    compiled = compiler.compile(expression)

    def from_map(row):
        value = compiled(row)
        if value is None:
            return []
        if not isinstance(value, dict):
            raise CypherError(f"properties must be a map, got {type_name(value)}", "TypeError", "runtime",
                              "InvalidPropertyType")
        return list(value.items())
    return from_map


class PatternMatcher:
    """Finds every way the pattern parts match, extending a given row with new bindings."""

    def __init__(self, context: Any, parts: tuple[ast.PatternPart, ...], compiler: Any,
                 lookups: dict[str, tuple[str, Callable]] | None = None,
                 path_filters: dict[str, list[tuple[str, Callable]]] | None = None) -> None:
        """``lookups`` maps a node variable to (property, value expression) equalities from WHERE
        that may pick the start node through an index; ``path_filters`` maps a shortest path's
        variable to (relationship variable, predicate) pairs every relationship on it must satisfy,
        applied during the search (WHERE itself is still applied)."""
        self.context = context
        self.lookups = lookups or {}
        self.path_filters = path_filters or {}
        self.parts = [(part, [_CompiledNode(n, compiler) for n in part.nodes],
                       [_CompiledRelationship(r, compiler) for r in part.relationships]) for part in parts]
        # One anonymous hop of one plain chain: no path, uniqueness check or variable reads the
        # relationship, so expanding it needs no RelRef.
        only = parts[0] if len(parts) == 1 else None
        self.relationship_refs = not (only is not None and not only.path_variable and not only.shortest
                                      and len(only.relationships) == 1 and only.relationships[0].variable is None)

    def matches(self, row: dict) -> Iterator[dict]:
        """Yield one extended row per match of all parts (relationships unique across parts)."""
        if len(self.parts) == 1 and not self.parts[0][0].path_variable and not self.parts[0][0].shortest:
            # The common single chain: skip the per-part bookkeeping (fewer generator frames per row).
            _, nodes, relationships = self.parts[0]
            for extended, _, _ in self._match_chain(nodes, relationships, dict(row), set()):
                yield extended
            return
        yield from self._match_parts(0, dict(row), set())

    def counted_matches(self, row: dict) -> Iterator[tuple[dict, int]]:
        """Yield (row with the named node bound, number of matches) for a one-hop chain.

        For a single chain of one relationship where only one node has a variable (the executor's
        counting MATCH): the matches of each binding are counted, not yielded one by one.
        """
        _, nodes, relationships = self.parts[0]
        start = 0 if nodes[0].variable is not None else 1
        far = nodes[1 - start]
        steps = [(0, start == 0)]
        node_ids, rel_values = [None, None], [None]
        for node_id in self._start_candidates(nodes[start], row):
            bound = dict(row)
            if not self._bind_node(nodes[start], node_id, bound):
                continue
            node_ids[start] = node_id
            if far.labels or far.any_labels or far.properties is not None:
                count = sum(1 for _ in self._expand(steps, 0, nodes, relationships, node_ids, rel_values, bound,
                                                    set()))
            else:
                count = self._count_steps(relationships[0], node_id, start == 0, bound)
            if count:
                yield bound, count

    def _match_parts(self, index: int, row: dict, used: set) -> Iterator[dict]:
        if index == len(self.parts):
            yield row
            return
        part, nodes, relationships = self.parts[index]
        if part.shortest:
            finder = ShortestPaths(self, part, nodes, relationships, self.path_filters.get(part.path_variable, ()))
            for extended in finder.matches(row, used):
                yield from self._match_parts(index + 1, extended, used)
            return
        more_parts = index + 1 < len(self.parts)
        for extended, first_id, rel_values in self._match_chain(nodes, relationships, row, used):
            if not (part.path_variable or more_parts):
                yield extended
                continue
            path_rels = [r for value in rel_values for r in (value if isinstance(value, list) else [value])]
            if part.path_variable:
                extended = dict(extended)
                extended[part.path_variable] = _path_from(first_id, path_rels)
            added = [rel for rel in path_rels if rel not in used]
            used.update(added)
            yield from self._match_parts(index + 1, extended, used)
            used.difference_update(added)

    # ---- chain matching -------------------------------------------------------------------
    def _match_chain(self, nodes, relationships, row, used):
        """Yield (row, first node id, relationship values) for each match of one chain."""
        start = self._choose_start(nodes, row)
        # Expand right from the start node, then left; each step is (relationship index, forward).
        steps = [(i, True) for i in range(start, len(relationships))] + \
                [(i, False) for i in range(start - 1, -1, -1)]
        node_ids = [None] * len(nodes)
        rel_values = [None] * len(relationships)
        for node_id in self._start_candidates(nodes[start], row):
            bound = dict(row)
            if not self._bind_node(nodes[start], node_id, bound):
                continue
            node_ids[start] = node_id
            if not steps:
                yield bound, node_id, rel_values
                continue
            yield from self._expand(steps, 0, nodes, relationships, node_ids, rel_values, bound, used)

    def _expand(self, steps, step, nodes, relationships, node_ids, rel_values, row, used):
        index, forward = steps[step]
        rel = relationships[index]
        source, target_index = (index, index + 1) if forward else (index + 1, index)
        target = nodes[target_index]
        variable = target.variable
        unconstrained = not target.labels and not target.any_labels and target.properties is None \
            and rel.variable is None
        binds_nothing = unconstrained and variable is None
        # A new node variable without labels or properties binds without the checks of _bind_node.
        fresh = unconstrained and variable is not None and variable not in row
        last = step == len(steps) - 1
        simple = not rel.variable_length and (rel.variable is None or rel.variable not in row)
        candidates = self._steps(rel, node_ids[source], forward, row, used, self.relationship_refs) if simple else \
            self._traverse(rel, node_ids[source], forward, row, used)
        for rel_value, next_id in candidates:
            if binds_nothing:
                bound = row
            elif fresh:
                bound = dict(row)
                bound[variable] = NodeRef(next_id)
            else:
                bound = dict(row)
                if not self._bind_node(target, next_id, bound):
                    continue
                if rel.variable is not None and not self._bind_relationship(rel, rel_value, bound):
                    continue
            node_ids[target_index] = next_id
            rel_values[index] = rel_value
            if last:
                yield bound, node_ids[0], rel_values
                continue
            added = self._mark(rel_value, used)
            yield from self._expand(steps, step + 1, nodes, relationships, node_ids, rel_values, bound, used)
            used.difference_update(added)

    @staticmethod
    def _mark(rel_value, used) -> list:
        values = rel_value if isinstance(rel_value, list) else [rel_value]
        added = [rel for rel in values if rel not in used]
        used.update(added)
        return added

    def _choose_start(self, nodes, row) -> int:
        best, best_score = 0, None
        for index, node in enumerate(nodes):
            if node.variable is not None and node.variable in row:
                return index
            has_lookup = node.properties is not None or node.variable in self.lookups
            if node.labels:
                score = (0 if has_lookup else 1, min(self.context.label_count(label) for label in node.labels))
            elif node.any_labels:
                score = (0 if has_lookup else 2, sum(map(self.context.label_count, node.any_labels)))
            else:
                score = (0 if has_lookup else 3, 1)
            if best_score is None or score < best_score:
                best, best_score = index, score
        return best

    def _start_candidates(self, node: _CompiledNode, row: dict):
        if node.variable is not None and node.variable in row:
            value = row[node.variable]
            if value is None:
                return []
            if not isinstance(value, NodeRef):
                raise CypherError(f"{node.variable} is not a node", "TypeError", "runtime",
                                  "InvalidArgumentType")
            return [value.id] if self.context.node_exists(value.id) else []
        label = min(node.labels, key=self.context.label_count) if node.labels else None
        wanted = node.properties(row) if node.properties is not None else []
        if not wanted and node.variable in self.lookups:
            key, value = self.lookups[node.variable]
            wanted = [(key, value(row))]
        if wanted:
            key, value = wanted[0]
            return self.context.nodes_with_property(label, key, value)
        if label is not None:
            return self.context.nodes_with_label(label)
        if node.any_labels:
            return list(dict.fromkeys(node_id for any_label in node.any_labels
                                      for node_id in self.context.nodes_with_label(any_label)))
        return self.context.all_nodes()

    def _bind_node(self, node: _CompiledNode, node_id: Any, row: dict) -> bool:
        context = self.context
        if node.variable is not None:
            existing = row.get(node.variable, _MISSING)
            if existing is not _MISSING:
                if not isinstance(existing, NodeRef) or existing.id != node_id:
                    return False
            else:
                row[node.variable] = NodeRef(node_id)
        if node.labels or node.any_labels:
            data = context.graph._node.get(node_id)
            if data is None:
                return False
            labels = data.get("labels") or ()
            for label in node.labels:
                if label not in labels:
                    return False
            if node.any_labels and not any(label in labels for label in node.any_labels):
                return False
        if node.properties is not None:
            data = context.node_data(node_id)
            for key, value in node.properties(row):
                if key == "labels" or equals(data.get(key), value) is not True:
                    return False
        return True

    def _bind_relationship(self, rel: _CompiledRelationship, value: Any, row: dict) -> bool:
        existing = row.get(rel.variable, _MISSING)
        if existing is not _MISSING:
            return existing == value
        row[rel.variable] = value
        return True

    def _edge_matches(self, rel: _CompiledRelationship, data: dict, row: dict) -> bool:
        if rel.types is not None and data.get("type") not in rel.types:
            return False
        if rel.properties is not None:
            for key, value in rel.properties(row):
                if key == "type" or equals(data.get(key), value) is not True:
                    return False
        return True

    def _steps(self, rel: _CompiledRelationship, node_id: Any, forward: bool, row: dict, used: set,
               refs: bool = True):
        """Yield (RelRef, neighbour id) for single hops from node_id along rel.

        With ``refs`` False (nothing reads the relationship) and no relationship used or deleted,
        the reference is not built: (None, neighbour id).
        """
        graph = self.context.graph
        direction = rel.direction
        if not forward and direction != "both":
            direction = "in" if direction == "out" else "out"
        deleted = self.context.deleted_relationships
        types, has_properties = rel.types, rel.properties is not None
        make_refs = refs or bool(used) or bool(deleted)
        for adjacency, outgoing in ((graph._succ, True), (graph._pred, False)):
            if direction == ("in" if outgoing else "out"):
                continue
            for neighbour, keyed in adjacency[node_id].items():
                if not outgoing and direction == "both" and neighbour == node_id:
                    continue
                for key, data in keyed.items():
                    if types is not None and data.get("type") not in types:
                        continue
                    if not make_refs:
                        if not has_properties or self._edge_matches(rel, data, row):
                            yield None, neighbour
                        continue
                    ref = RelRef(node_id, neighbour, key) if outgoing else RelRef(neighbour, node_id, key)
                    if (used and ref in used) or (deleted and ref in deleted) or \
                            (has_properties and not self._edge_matches(rel, data, row)):
                        continue
                    yield ref, neighbour

    def _count_steps(self, rel: _CompiledRelationship, node_id: Any, forward: bool, row: dict) -> int:
        """Return how many single hops lead from node_id along rel (what _steps would yield)."""
        if rel.properties is not None or self.context.deleted_relationships:
            return sum(1 for _ in self._steps(rel, node_id, forward, row, set(), False))
        graph, types = self.context.graph, rel.types
        direction = rel.direction
        if not forward and direction != "both":
            direction = "in" if direction == "out" else "out"
        count = 0
        for adjacency, outgoing in ((graph._succ, True), (graph._pred, False)):
            if direction == ("in" if outgoing else "out"):
                continue
            for neighbour, keyed in adjacency[node_id].items():
                if not outgoing and direction == "both" and neighbour == node_id:
                    continue
                if types is None:
                    count += len(keyed)
                else:
                    for data in keyed.values():
                        if data.get("type") in types:
                            count += 1
        return count

    def _traverse(self, rel: _CompiledRelationship, node_id: Any, forward: bool, row: dict, used: set):
        if rel.variable is not None and not rel.variable_length:
            bound = row.get(rel.variable, _MISSING)
            if bound is not _MISSING:
                yield from self._traverse_bound(rel, bound, node_id, forward, row, used)
                return
        if not rel.variable_length:
            yield from self._steps(rel, node_id, forward, row, used)
            return
        if rel.variable is not None and rel.variable in row:
            bound = row[rel.variable]
            yield from self._traverse_bound_list(rel, bound, node_id, forward, used)
            return
        yield from self._variable_length(rel, node_id, forward, row, used)

    def _traverse_bound(self, rel, bound, node_id, forward, row, used):
        if bound is None:
            return
        if not isinstance(bound, RelRef):
            raise CypherError(f"{rel.variable} is not a relationship", "TypeError", "runtime",
                              "InvalidArgumentType")
        for ref, neighbour in self._steps(rel, node_id, forward, row, used):
            if ref == bound:
                yield ref, neighbour

    def _traverse_bound_list(self, rel, bound, node_id, forward, used):
        """Follow a relationship list bound earlier, in pattern order, from node_id."""
        if not isinstance(bound, list):
            return
        direction = rel.direction
        if not forward and direction != "both":
            direction = "in" if direction == "out" else "out"
        current = node_id
        for ref in bound if forward else reversed(bound):
            if not isinstance(ref, RelRef) or ref in used:
                return
            if direction != "in" and ref.start == current:
                current = ref.end
            elif direction != "out" and ref.end == current:
                current = ref.start
            else:
                return
        yield list(bound), current

    def _variable_length(self, rel, node_id, forward, row, used):
        minimum, maximum = rel.min_hops, rel.max_hops
        path: list[RelRef] = []
        on_path: set = set()

        def walk(current, depth):
            if depth >= minimum:
                yield (list(path) if forward else list(reversed(path))), current
            if maximum is not None and depth >= maximum:
                return
            for ref, neighbour in self._steps(rel, current, forward, row, used):
                if ref in on_path:
                    continue
                path.append(ref)
                on_path.add(ref)
                yield from walk(neighbour, depth + 1)
                path.pop()
                on_path.discard(ref)
        yield from walk(node_id, 0)


_MISSING = object()


class ShortestPaths:
    """shortestPath / allShortestPaths between two endpoints by breadth-first search."""

    def __init__(self, matcher: PatternMatcher, part: ast.PatternPart, nodes, relationships,
                 filters=()) -> None:
        if len(relationships) != 1:
            raise CypherError("shortestPath needs exactly one relationship", "SyntaxError", "compile time",
                              "UnexpectedSyntax")
        self.matcher, self.part, self.nodes, self.rel = matcher, part, nodes, relationships[0]
        self.filters = tuple(filters)

    def _allowed(self, ref, row: dict) -> bool:
        """Return True when the relationship satisfies every predicate pushed into the search."""
        for variable, predicate in self.filters:
            if predicate({**row, variable: ref}) is not True:
                return False
        return True

    def matches(self, row: dict, used: set) -> Iterator[dict]:
        matcher = self.matcher
        start_node, end_node = self.nodes
        for start_id in matcher._start_candidates(start_node, row):
            bound = dict(row)
            if not matcher._bind_node(start_node, start_id, bound):
                continue
            for end_id in matcher._start_candidates(end_node, bound):
                target = dict(bound)
                if not matcher._bind_node(end_node, end_id, target):
                    continue
                for rels in self._search(start_id, end_id, target):
                    result = dict(target)
                    if self.rel.variable is not None:
                        result[self.rel.variable] = list(rels)
                    if self.part.path_variable:
                        result[self.part.path_variable] = _path_from(start_id, rels)
                    yield result

    def _search(self, start_id, end_id, row) -> Iterator[list]:
        rel = self.rel
        minimum = rel.min_hops if rel.variable_length else 1
        maximum = rel.max_hops if rel.variable_length else 1
        if start_id == end_id and minimum == 0:
            yield []
            return
        parents: dict[Any, list] = {start_id: []}
        frontier = [start_id]
        depth = 0
        found = False
        while frontier and not found and (maximum is None or depth < maximum):
            depth += 1
            next_frontier = []
            layer: dict[Any, list] = {}
            for node_id in frontier:
                for ref, neighbour in self.matcher._steps(rel, node_id, True, row, set()):
                    if neighbour in parents and not (neighbour == end_id == start_id):
                        continue
                    if self.filters and not self._allowed(ref, row):
                        continue
                    if neighbour not in layer:
                        layer[neighbour] = []
                        next_frontier.append(neighbour)
                    layer[neighbour].append((node_id, ref))
            for neighbour, incoming in layer.items():
                parents.setdefault(neighbour, incoming)
            if end_id in layer:
                found = True
            frontier = next_frontier
        if not found:
            return
        paths = self._unwind(parents, start_id, end_id)
        if self.part.shortest == "shortest":
            paths = paths[:1]
        yield from paths

    def _unwind(self, parents, start_id, end_id) -> list[list]:
        results: list[list] = []

        def back(node_id, suffix):
            if node_id == start_id and (suffix or start_id == end_id):
                results.append(list(reversed(suffix)))
                return
            for parent, ref in parents.get(node_id, []):
                if ref in suffix:
                    continue
                suffix.append(ref)
                back(parent, suffix)
                suffix.pop()
        back(end_id, [])
        return results


def _path_from(start_id, rels) -> PathValue:
    node_refs = [NodeRef(start_id)]
    current = start_id
    for ref in rels:
        current = ref.end if ref.start == current else ref.start
        node_refs.append(NodeRef(current))
    return PathValue(tuple(node_refs), tuple(rels))
