"""Cypher value semantics: graph references, equality, comparison, ordering, grouping keys.

Inside the engine a node is a :class:`NodeRef` (its networkx id), a relationship a
:class:`RelRef` ((u, v, key)) and a path a :class:`PathValue`; they become
:mod:`graphkit.values` objects only in the final result.

Examples
--------
>>> equals(1, 1.0), equals([1, None], [1, 2]), equals(True, 1)
(True, None, False)
>>> sorted([None, "a", 2, 1.5, True], key=order_key)
['a', True, 1.5, 2, None]
"""

from __future__ import annotations

import math
from typing import Any

from graphkit.errors import CypherError

try:
    from graphkit.cypher_engine import temporal as _temporal
except ImportError:  # the temporal module is written separately; engine works without it
    _temporal = None


class NodeRef:
    """A node of the graph being queried, by networkx id."""

    __slots__ = ("id",)

    def __init__(self, node_id: Any) -> None:
        self.id = node_id

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NodeRef) and other.id == self.id

    def __hash__(self) -> int:
        return hash(("n", self.id))

    def __repr__(self) -> str:
        return f"NodeRef({self.id!r})"


class RelRef:
    """A relationship of the graph being queried, by (source, target, key)."""

    __slots__ = ("start", "end", "key")

    def __init__(self, start: Any, end: Any, key: Any) -> None:
        self.start, self.end, self.key = start, end, key

    @property
    def id(self) -> tuple:
        return (self.start, self.end, self.key)

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, RelRef) and other.key == self.key and other.start == self.start
                and other.end == self.end)

    def __hash__(self) -> int:
        return hash(("r", self.start, self.end, self.key))

    def __repr__(self) -> str:
        return f"RelRef({self.start!r}, {self.end!r}, {self.key!r})"


class PathValue:
    """A path: node refs and the relationship refs between them, in traversal order."""

    __slots__ = ("nodes", "relationships")

    def __init__(self, nodes: tuple, relationships: tuple) -> None:
        self.nodes, self.relationships = tuple(nodes), tuple(relationships)

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, PathValue) and other.nodes == self.nodes
                and other.relationships == self.relationships)

    def __hash__(self) -> int:
        return hash(("p", self.nodes, self.relationships))


def is_temporal(value: Any) -> bool:
    """Return True for the temporal helper's value types."""
    return _temporal is not None and _temporal.is_temporal(value)


# Types whose Python equality is Cypher equality when both sides have that type.
_PLAIN_EQUALITY = frozenset({str, int, bool, NodeRef, RelRef})


def type_name(value: Any) -> str:
    """Return the Cypher type name of a value (for error messages and type checks)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "BOOLEAN"
    if isinstance(value, int):
        return "INTEGER"
    if isinstance(value, float):
        return "FLOAT"
    if isinstance(value, str):
        return "STRING"
    if isinstance(value, list):
        return "LIST"
    if isinstance(value, dict):
        return "MAP"
    if isinstance(value, NodeRef):
        return "NODE"
    if isinstance(value, RelRef):
        return "RELATIONSHIP"
    if isinstance(value, PathValue):
        return "PATH"
    return type(value).__name__.upper()


def is_number(value: Any) -> bool:
    """Return True for Cypher INTEGER and FLOAT (not BOOLEAN)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def equals(left: Any, right: Any) -> bool | None:
    """Return Cypher ``left = right``: True, False, or None when null makes it unknown."""
    kind = type(left)
    if kind is type(right) and kind in _PLAIN_EQUALITY:
        return left == right
    if left is None or right is None:
        return None
    if is_number(left) and is_number(right):
        return left == right
    if isinstance(left, list) and isinstance(right, list):
        if len(left) != len(right):
            return False
        unknown = False
        for a, b in zip(left, right):
            result = equals(a, b)
            if result is False:
                return False
            if result is None:
                unknown = True
        return None if unknown else True
    if isinstance(left, dict) and isinstance(right, dict):
        if left.keys() != right.keys():
            return False
        unknown = False
        for key, value in left.items():
            result = equals(value, right[key])
            if result is False:
                return False
            if result is None:
                unknown = True
        return None if unknown else True
    if type(left) is not type(right):
        if isinstance(left, bool) or isinstance(right, bool):
            return False
        if not (is_temporal(left) and is_temporal(right)):
            return False
    return left == right


def compare(left: Any, right: Any) -> int | None:
    """Return -1/0/1 for ``<`` between comparable values, None when Cypher says null."""
    if left is None or right is None:
        return None
    if is_number(left) and is_number(right):
        if isinstance(left, float) and math.isnan(left) or isinstance(right, float) and math.isnan(right):
            return None
        return (left > right) - (left < right)
    if isinstance(left, str) and isinstance(right, str):
        return (left > right) - (left < right)
    if isinstance(left, bool) and isinstance(right, bool):
        return (left > right) - (left < right)
    if isinstance(left, list) and isinstance(right, list):
        for a, b in zip(left, right):
            result = compare(a, b)
            if result is None:
                return None
            if result:
                return result
        return (len(left) > len(right)) - (len(left) < len(right))
    if is_temporal(left) and is_temporal(right):
        return _temporal.temporal_compare(left, right)
    return None


# Ascending ORDER BY across types: map, node, relationship, list, path, temporal, string, boolean,
# number, null.
_TEMPORAL_RANKS = {"DateTime": 0, "LocalDateTime": 1, "Date": 2, "Time": 3, "LocalTime": 4, "Duration": 5}


def order_key(value: Any) -> tuple:
    """Return a sort key placing any two Cypher values in Neo4j's ORDER BY order."""
    if value is None:
        return (9,)
    if isinstance(value, bool):
        return (7, value)
    if isinstance(value, (int, float)):
        if isinstance(value, float) and math.isnan(value):
            return (8, 1, 0)
        return (8, 0, value)
    if isinstance(value, str):
        return (6, value)
    if isinstance(value, dict):
        return (0, sorted((key, order_key(item)) for key, item in value.items()))
    if isinstance(value, NodeRef):
        return (1, _id_key(value.id))
    if isinstance(value, RelRef):
        return (2, _id_key(value.id))
    if isinstance(value, list):
        return (3, [order_key(item) for item in value])
    if isinstance(value, PathValue):
        return (4, [_id_key(n.id) for n in value.nodes], [_id_key(r.id) for r in value.relationships])
    if is_temporal(value):
        return (5, _TEMPORAL_RANKS.get(type(value).__name__, 9), _TemporalKey(value))
    return (10, repr(value))


class _TemporalKey:
    """Orders temporal values of one type with the temporal helper's comparison."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __lt__(self, other: _TemporalKey) -> bool:
        result = _temporal.temporal_compare(self.value, other.value)
        if result is None:
            return _temporal.temporal_to_string(self.value) < _temporal.temporal_to_string(other.value)
        return result < 0

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _TemporalKey) and self.value == other.value


def _id_key(node_id: Any) -> tuple:
    return (type(node_id).__name__, repr(node_id)) if not isinstance(node_id, (int, str)) else \
        (type(node_id).__name__, node_id)


def group_key(value: Any) -> Any:
    """Return a hashable key under which equivalent values group together (DISTINCT, grouping)."""
    kind = type(value)
    if kind is str or kind is int or kind is NodeRef or value is None:
        return value
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, float):
        if math.isnan(value):
            return ("nan",)
        return value
    if isinstance(value, list):
        return ("list", tuple(group_key(item) for item in value))
    if isinstance(value, dict):
        return ("map", frozenset((key, group_key(item)) for key, item in value.items()))
    return value


def truth(value: Any, context: str = "predicate") -> bool | None:
    """Return a value as a Cypher boolean (True/False/None) or raise a TypeError."""
    if value is None or isinstance(value, bool):
        return value
    raise CypherError(f"{context} expected a boolean, got {type_name(value)}", "TypeError", "runtime",
                      "InvalidArgumentType")
