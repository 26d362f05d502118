"""Graph values in query results, the same for both backends.

The in-memory Cypher engine and the Neo4j backend both return rows of plain Python values
(None, bool, int, float, str, list, dict, temporal values) and these three graph types, so the
CLI prints, and tests compare, results without caring where they came from.

Examples
--------
>>> alibaba = Node(id="alibaba", labels=frozenset({"Company", "Investor"}), properties={"name": "Alibaba"})
>>> to_plain(alibaba)
{'labels': ['Company', 'Investor'], 'properties': {'name': 'Alibaba'}}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, eq=False)
class Node:
    """A node in a result: its backend id, labels and properties."""

    id: Any
    labels: frozenset[str]
    properties: dict = field(default_factory=dict)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Node) and self.id == other.id

    def __hash__(self) -> int:
        return hash(("node", self.id))


@dataclass(frozen=True, eq=False)
class Relationship:
    """A relationship in a result: its backend id, type, endpoints (node ids) and properties."""

    id: Any
    type: str
    start: Any
    end: Any
    properties: dict = field(default_factory=dict)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Relationship) and self.id == other.id

    def __hash__(self) -> int:
        return hash(("relationship", self.id))


@dataclass(frozen=True)
class Path:
    """A path: nodes and the relationships between them, in traversal order."""

    nodes: tuple[Node, ...]
    relationships: tuple[Relationship, ...]


def to_plain(value: Any) -> Any:
    """Return a JSON-ready form of a result value (graph values become dicts, ids left out)."""
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), "properties": to_plain(value.properties)}
    if isinstance(value, Relationship):
        return {"type": value.type, "properties": to_plain(value.properties)}
    if isinstance(value, Path):
        return {"nodes": [to_plain(n) for n in value.nodes],
                "relationships": [to_plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {key: to_plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(item) for item in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)
