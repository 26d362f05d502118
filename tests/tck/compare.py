"""The TCK's comparison rules: expected (parsed) values against what the engine returned.

* ``1`` and ``1.0`` differ; floats must be exactly equal (the TCK writes every digit), ``NaN``
  equals ``NaN``.
* Nodes agree by labels and properties, relationships by type and properties, paths element by element
  including each relationship's direction.
* A temporal value agrees with the string literal the TCK writes for it (``temporal_to_string``).
* Rows are a bag unless the step says "in order"; lists may be compared ignoring element order.

Examples
--------
>>> from tests.tck.values import parse_value
>>> values_equal(parse_value("[1, 2.0]"), [1, 2.0]), values_equal(parse_value("1"), 1.0)
(True, False)
>>> rows_match([[1], [2]], [[2], [1]], ordered=False), rows_match([[1], [2]], [[2], [1]], ordered=True)
(True, False)
"""

from __future__ import annotations

import math
from typing import Any

from graphkit.values import Node, Path, Relationship

from .values import ExpectedNode, ExpectedPath, ExpectedRelationship


def temporal_string(value: Any) -> str | None:
    """Return the TCK string of a temporal engine value, or None for anything else."""
    try:
        from graphkit.cypher_engine.temporal import is_temporal, temporal_to_string
    except ImportError:
        return None
    return temporal_to_string(value) if is_temporal(value) else None


def values_equal(expected: Any, actual: Any, unordered_lists: bool = False) -> bool:
    """Return whether an engine value matches an expected value under the TCK's rules."""
    if expected is None:
        return actual is None
    if isinstance(expected, bool):
        return isinstance(actual, bool) and actual == expected
    if isinstance(expected, int):
        return isinstance(actual, int) and not isinstance(actual, bool) and actual == expected
    if isinstance(expected, float):
        if not isinstance(actual, float):
            return False
        if math.isnan(expected) or math.isnan(actual):
            return math.isnan(expected) and math.isnan(actual)
        return actual == expected
    if isinstance(expected, str):
        return actual == expected if isinstance(actual, str) else temporal_string(actual) == expected
    if isinstance(expected, list):
        if not isinstance(actual, (list, tuple)) or len(actual) != len(expected):
            return False
        if unordered_lists:
            return bag_equal(expected, list(actual), unordered_lists)
        return all(values_equal(e, a, unordered_lists) for e, a in zip(expected, actual))
    if isinstance(expected, dict):
        return (isinstance(actual, dict) and actual.keys() == expected.keys()
                and all(values_equal(value, actual[key], unordered_lists) for key, value in expected.items()))
    if isinstance(expected, ExpectedNode):
        return (isinstance(actual, Node) and set(actual.labels) == expected.labels
                and values_equal(expected.properties, dict(actual.properties), unordered_lists))
    if isinstance(expected, ExpectedRelationship):
        return (isinstance(actual, Relationship) and actual.type == expected.type
                and values_equal(expected.properties, dict(actual.properties), unordered_lists))
    if isinstance(expected, ExpectedPath):
        return _path_equal(expected, actual, unordered_lists)
    raise TypeError(f"not an expected value: {expected!r}")


def _path_equal(expected: ExpectedPath, actual: Any, unordered_lists: bool) -> bool:
    if not isinstance(actual, Path) or len(actual.nodes) != len(expected.nodes) \
            or len(actual.relationships) != len(expected.relationships):
        return False
    if not all(values_equal(e, a, unordered_lists) for e, a in zip(expected.nodes, actual.nodes)):
        return False
    for index, ((relationship, forward), found) in enumerate(zip(expected.relationships, actual.relationships)):
        before, after = actual.nodes[index].id, actual.nodes[index + 1].id
        ends = (found.start, found.end) if forward else (found.end, found.start)
        if ends != (before, after) or not values_equal(relationship, found, unordered_lists):
            return False
    return True


def bag_equal(expected: list, actual: list, unordered_lists: bool = False) -> bool:
    """Return whether two lists hold the same values with the same multiplicities, in any order."""
    if len(expected) != len(actual):
        return False
    remaining = list(actual)
    for item in expected:
        for index, candidate in enumerate(remaining):
            if values_equal(item, candidate, unordered_lists):
                del remaining[index]
                break
        else:
            return False
    return True


def rows_match(expected: list[list], actual: list[list], ordered: bool, unordered_lists: bool = False) -> bool:
    """Return whether result rows match: as a bag, or in order when ``ordered``."""
    if len(expected) != len(actual):
        return False
    if ordered:
        return all(values_equal(e, a, unordered_lists) for e, a in zip(expected, actual))
    return bag_equal(expected, actual, unordered_lists)


def render(value: Any) -> str:
    """Render an engine or expected value in the TCK's notation, for failure messages.

    >>> render([1, 1.0, 'x', None, {'k': True}])
    "[1, 1.0, 'x', null, {k: true}]"
    """
    temporal = temporal_string(value)
    if temporal is not None:
        return f"{type(value).__name__}('{temporal}')"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(render(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {render(item)}" for key, item in value.items()) + "}"
    if isinstance(value, (Node, ExpectedNode)):
        labels = "".join(f":{label}" for label in sorted(value.labels))
        properties = f" {render(dict(value.properties))}" if value.properties else ""
        return f"({labels}{properties})"
    if isinstance(value, (Relationship, ExpectedRelationship)):
        properties = f" {render(dict(value.properties))}" if value.properties else ""
        return f"[:{value.type}{properties}]"
    if isinstance(value, ExpectedPath):
        parts = [render(value.nodes[0])]
        for (relationship, forward), node in zip(value.relationships, value.nodes[1:]):
            parts.append(f"-{render(relationship)}->" if forward else f"<-{render(relationship)}-")
            parts.append(render(node))
        return "<" + "".join(parts) + ">"
    if isinstance(value, Path):
        parts = [render(value.nodes[0])] if value.nodes else []
        for index, relationship in enumerate(value.relationships):
            forward = relationship.start == value.nodes[index].id
            parts.append(f"-{render(relationship)}->" if forward else f"<-{render(relationship)}-")
            parts.append(render(value.nodes[index + 1]))
        return "<" + "".join(parts) + ">"
    if isinstance(value, float):
        return "NaN" if math.isnan(value) else ("Inf" if value > 0 else "-Inf") if math.isinf(value) else repr(value)
    return repr(value)
