"""Side effects as the TCK defines them: differences between the graph before and after a query.

Nodes and relationships are counted by identity; a property is the triple (entity, key, value), so
changing a value is one removal and one addition; labels are the distinct labels present in the graph.
The engine's own counters are not consulted.

Examples
--------
>>> import networkx as nx
>>> graph = nx.MultiDiGraph(); graph.add_node(1, labels=["A"], name="a")
>>> before = snapshot(graph)
>>> graph.nodes[1]["name"] = "b"; graph.add_node(2, labels=["B"])
>>> side_effects(before, snapshot(graph))
{'+nodes': 1, '-nodes': 0, '+relationships': 0, '-relationships': 0, '+properties': 1, \
'-properties': 1, '+labels': 1, '-labels': 0}
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

import networkx as nx

from .compare import temporal_string

METRICS = ("+nodes", "-nodes", "+relationships", "-relationships", "+properties", "-properties",
           "+labels", "-labels")


@dataclass(frozen=True)
class Snapshot:
    """What the TCK's observability queries would return for a graph, frozen."""

    nodes: frozenset
    relationships: frozenset
    properties: Counter
    labels: frozenset


def frozen(value: Any) -> Any:
    """Return a hashable, type-tagged form of a property value (so ``1``, ``1.0``, ``true`` differ)."""
    if isinstance(value, (list, tuple)):
        return ("list", tuple(frozen(item) for item in value))
    if isinstance(value, dict):
        return ("map", tuple(sorted((key, frozen(item)) for key, item in value.items())))
    if isinstance(value, float) and math.isnan(value):
        return ("float", "NaN")
    temporal = temporal_string(value)
    if temporal is not None:
        return (type(value).__name__, temporal)
    return (type(value).__name__, value)


def snapshot(graph: nx.MultiDiGraph) -> Snapshot:
    """Freeze the nodes, relationships, property triples and labels of an engine graph."""
    properties: Counter = Counter()
    labels: set[str] = set()
    for node, data in graph.nodes(data=True):
        labels.update(data.get("labels", ()))
        properties.update((("node", node), key, frozen(value)) for key, value in data.items()
                          if key != "labels" and value is not None)
    relationships = set()
    for start, end, key, data in graph.edges(keys=True, data=True):
        relationships.add((start, end, key))
        properties.update((("relationship", start, end, key), name, frozen(value))
                          for name, value in data.items() if name != "type" and value is not None)
    return Snapshot(frozenset(graph.nodes), frozenset(relationships), properties, frozenset(labels))


def side_effects(before: Snapshot, after: Snapshot) -> dict[str, int]:
    """Return the eight TCK side-effect counts between two snapshots."""
    return {
        "+nodes": len(after.nodes - before.nodes),
        "-nodes": len(before.nodes - after.nodes),
        "+relationships": len(after.relationships - before.relationships),
        "-relationships": len(before.relationships - after.relationships),
        "+properties": sum((after.properties - before.properties).values()),
        "-properties": sum((before.properties - after.properties).values()),
        "+labels": len(after.labels - before.labels),
        "-labels": len(before.labels - after.labels),
    }
