"""One query execution: the graph, parameters, counters, lazy indexes and the undo snapshot.

Graph convention: node data is ``{"labels": [...], **properties}``, edge data is
``{"type": ..., **properties}``. Label and (label, property) indexes are built on first use in
an execution and dropped on every write. The first write takes a snapshot so a failing query
leaves the graph exactly as it was.

Examples
--------
>>> import networkx as nx
>>> graph = nx.MultiDiGraph()
>>> graph.add_node("a", labels=["Company"], name="A")
>>> context = ExecutionContext(graph, {})
>>> context.nodes_with_label("Company"), context.property_of(NodeRef("a"), "name")
(['a'], 'A')
"""

from __future__ import annotations

import weakref
from typing import Any

import networkx as nx

from graphkit import values
from graphkit.cypher_engine.semantics import NodeRef, PathValue, RelRef, group_key
from graphkit.errors import CypherError

COUNTER_NAMES = ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
                 "properties_set", "labels_added", "labels_removed")
NODE_ID_COUNTER = "cypher_next_node_id"
EDGE_KEY_COUNTER = "cypher_next_edge_key"


def deleted_entity_error(what: str) -> CypherError:
    """Return the error for reading a node or relationship deleted earlier in the query."""
    return CypherError(f"{what} has been deleted", "EntityNotFound", "runtime", "DeletedEntityAccess")


class GraphIndexes:
    """Label and (label, property) indexes of one graph, kept between queries until a write.

    Writes through the engine drop them; a change in node count does too. Code that edits node
    labels or properties in place outside the engine should call :func:`invalidate_indexes`.
    """

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.node_count = len(graph._node)
        self.labels: dict[str, list] = {}
        self.properties: dict[tuple, dict] = {}


_INDEXES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def indexes_for(graph: nx.MultiDiGraph) -> GraphIndexes:
    """Return the (possibly cached) indexes of a graph."""
    indexes = _INDEXES.get(graph)
    if indexes is None or indexes.node_count != len(graph._node):
        indexes = _INDEXES[graph] = GraphIndexes(graph)
    return indexes


def invalidate_indexes(graph: nx.MultiDiGraph) -> None:
    """Forget the cached indexes of a graph changed outside the engine."""
    _INDEXES.pop(graph, None)


class ExecutionContext:
    """Graph access with Cypher's conventions, plus the bookkeeping of one execution."""

    def __init__(self, graph: nx.MultiDiGraph, parameters: dict | None, procedures: dict | None = None) -> None:
        self.graph = graph
        self.parameters = parameters or {}
        self.procedures = procedures or {}
        self.counters = dict.fromkeys(COUNTER_NAMES, 0)
        self.deleted_nodes: set = set()
        self.deleted_relationships: set = set()
        self.indexes = indexes_for(graph)
        self._snapshot: nx.MultiDiGraph | None = None
        self._deleted_types: dict = {}
        self._pending_node_deletes: list = []

    # ---- reading ----------------------------------------------------------------------------
    def node_exists(self, node_id: Any) -> bool:
        """Return True if the node is in the graph."""
        return node_id in self.graph._node

    def node_data(self, node_id: Any) -> dict:
        """Return a node's attribute dict, raising EntityNotFound for a deleted node."""
        try:
            return self.graph._node[node_id]
        except KeyError:
            raise deleted_entity_error("node") from None

    def relationship_data(self, ref: RelRef) -> dict:
        """Return a relationship's attribute dict, raising EntityNotFound once deleted."""
        try:
            return self.graph._adj[ref.start][ref.end][ref.key]
        except KeyError:
            raise deleted_entity_error("relationship") from None

    def labels_of(self, ref: NodeRef) -> list:
        """Return a node's labels."""
        return list(self.node_data(ref.id).get("labels") or ())

    def type_of(self, ref: RelRef) -> str:
        """Return a relationship's type (remembered after it is deleted)."""
        if ref in self.deleted_relationships:
            return self._deleted_types.get(ref)
        return self.relationship_data(ref).get("type")

    def property_of(self, ref: NodeRef | RelRef, key: str) -> Any:
        """Return one property of a node or relationship (None when absent)."""
        if isinstance(ref, NodeRef):
            if key == "labels":
                return None
            return self.node_data(ref.id).get(key)
        if key == "type":
            return None
        return self.relationship_data(ref).get(key)

    def properties_of(self, ref: NodeRef | RelRef) -> dict:
        """Return the properties of a node or relationship (labels and type left out)."""
        if isinstance(ref, NodeRef):
            return {k: v for k, v in self.node_data(ref.id).items() if k != "labels" and v is not None}
        return {k: v for k, v in self.relationship_data(ref).items() if k != "type" and v is not None}

    def relationship_id(self, ref: RelRef) -> Any:
        """Return what id(r) gives: [source, target, key] (graphkit edge keys are not unique alone)."""
        return [ref.start, ref.end, ref.key]

    def all_nodes(self) -> list:
        """Return every node id."""
        return list(self.graph._node)

    def nodes_with_label(self, label: str) -> list:
        """Return the ids of nodes carrying ``label`` (that label's index is built on first use)."""
        members = self.indexes.labels.get(label)
        if members is None:
            members = self.indexes.labels[label] = [
                node_id for node_id, data in self.graph._node.items() if label in (data.get("labels") or ())]
        return members

    def label_count(self, label: str) -> int:
        """Return how many nodes carry ``label``."""
        return len(self.nodes_with_label(label))

    def nodes_with_property(self, label: str | None, key: str, value: Any) -> list:
        """Return ids of nodes (with ``label``, or any node for None) whose ``key`` equals ``value``."""
        if value is None:
            return []
        index = self.indexes.properties.get((label, key))
        if index is None:
            index = self.indexes.properties[(label, key)] = self._property_index(label, key)
        try:
            return index.get(group_key(value), [])
        except TypeError:
            return []

    def _property_index(self, label: str | None, key: str) -> dict:
        """Return {group key of the value: node ids} of the ``key`` property over nodes with ``label``."""
        index: dict = {}
        nodes = self.graph._node
        for node_id in (self.nodes_with_label(label) if label is not None else nodes):
            found = nodes[node_id].get(key)
            if found is None:
                continue
            kind = type(found)
            if kind is not str and kind is not int:  # strings and integers are their own group key
                try:
                    found = group_key(found)
                    hash(found)
                except TypeError:
                    continue
            members = index.get(found)
            if members is None:
                index[found] = [node_id]
            else:
                members.append(node_id)
        return index

    # ---- writing ----------------------------------------------------------------------------
    def before_write(self) -> None:
        """Snapshot the graph once per execution and drop the indexes a write makes stale."""
        if self._snapshot is None:
            self._snapshot = self.graph.copy()
        self._drop_indexes()

    def _drop_indexes(self) -> None:
        invalidate_indexes(self.graph)
        self.indexes = GraphIndexes(self.graph)

    def rollback(self) -> None:
        """Put the graph back as it was before the first write of this execution."""
        if self._snapshot is None:
            return
        snapshot = self._snapshot
        self.graph.clear()
        self.graph.graph.update(snapshot.graph)
        self.graph.add_nodes_from(snapshot.nodes(data=True))
        self.graph.add_edges_from(snapshot.edges(keys=True, data=True))
        self._snapshot = None
        invalidate_indexes(self.graph)

    def new_node_id(self) -> int:
        """Return a fresh integer node id (a counter kept in graph.graph)."""
        next_id = self.graph.graph.get(NODE_ID_COUNTER, 0)
        while next_id in self.graph._node:
            next_id += 1
        self.graph.graph[NODE_ID_COUNTER] = next_id + 1
        return next_id

    def create_node(self, labels: list[str], properties: dict) -> NodeRef:
        """Create a node with a fresh integer id and return it."""
        self.before_write()
        node_id = self.new_node_id()
        clean = {k: v for k, v in properties.items() if v is not None}
        self.graph.add_node(node_id, labels=list(dict.fromkeys(labels)), **clean)
        self.counters["nodes_created"] += 1
        self.counters["labels_added"] += len(set(labels))
        self.counters["properties_set"] += len(clean)
        return NodeRef(node_id)

    def create_relationship(self, start: Any, end: Any, type_: str, properties: dict) -> RelRef:
        """Create a relationship with a never-reused key and return it."""
        self.before_write()
        clean = {k: v for k, v in properties.items() if v is not None}
        # Keys come from one counter so a new relationship never takes a deleted one's identity.
        key = self.graph.graph.get(EDGE_KEY_COUNTER, 0)
        while self.graph.has_edge(start, end, key):
            key += 1
        self.graph.graph[EDGE_KEY_COUNTER] = key + 1
        self.graph.add_edge(start, end, key=key, type=type_, **clean)
        self.counters["relationships_created"] += 1
        self.counters["properties_set"] += len(clean)
        return RelRef(start, end, key)

    def set_property(self, ref: NodeRef | RelRef, key: str, value: Any) -> None:
        """Set a property; None removes it, as in Cypher."""
        data = self.node_data(ref.id) if isinstance(ref, NodeRef) else self.relationship_data(ref)
        self.before_write()
        if value is None:
            if key in data:
                del data[key]
                self.counters["properties_set"] += 1
            return
        data[key] = value
        self.counters["properties_set"] += 1

    def add_labels(self, ref: NodeRef, labels: tuple[str, ...]) -> None:
        """Add labels to a node, counting only new ones."""
        data = self.node_data(ref.id)
        self.before_write()
        current = list(data.get("labels") or ())
        for label in labels:
            if label not in current:
                current.append(label)
                self.counters["labels_added"] += 1
        data["labels"] = current

    def remove_labels(self, ref: NodeRef, labels: tuple[str, ...]) -> None:
        """Remove labels from a node, counting only those it had."""
        data = self.node_data(ref.id)
        self.before_write()
        current = list(data.get("labels") or ())
        for label in labels:
            if label in current:
                current.remove(label)
                self.counters["labels_removed"] += 1
        data["labels"] = current

    def delete_relationship(self, ref: RelRef) -> None:
        """Delete a relationship (once, however often it is named)."""
        if ref in self.deleted_relationships:
            return
        data = self.relationship_data(ref)
        self.before_write()
        self._deleted_types[ref] = data.get("type")
        self.graph.remove_edge(ref.start, ref.end, ref.key)
        self.deleted_relationships.add(ref)
        self.counters["relationships_deleted"] += 1

    def delete_node(self, ref: NodeRef, detach: bool) -> None:
        """Delete a node; without detach the check for remaining relationships waits for the clause end."""
        if ref.id in self.deleted_nodes or ref.id not in self.graph._node:
            return
        self.before_write()
        if detach:
            for start, end, key in list(self.graph.out_edges(ref.id, keys=True)) + \
                    list(self.graph.in_edges(ref.id, keys=True)):
                if self.graph.has_edge(start, end, key):
                    self.delete_relationship(RelRef(start, end, key))
        self.deleted_nodes.add(ref.id)
        self._pending_node_deletes.append(ref.id)

    def finish_deletes(self) -> None:
        """Remove nodes deleted by a clause, failing if one still has relationships."""
        pending = self._pending_node_deletes
        for node_id in pending:
            if self.graph.degree(node_id):
                raise CypherError("cannot delete a node that still has relationships",
                                  "ConstraintVerificationFailed", "runtime", "DeleteConnectedNode")
        for node_id in pending:
            self.graph.remove_node(node_id)
            self.counters["nodes_deleted"] += 1
        self._pending_node_deletes = []
        self._drop_indexes()

    # ---- results ----------------------------------------------------------------------------
    def to_result(self, value: Any) -> Any:
        """Return a value with graph references turned into graphkit.values objects."""
        if isinstance(value, NodeRef):
            data = self.graph._node.get(value.id)
            if data is None:
                return values.Node(value.id, frozenset(), {})
            return values.Node(value.id, frozenset(data.get("labels") or ()), self.properties_of(value))
        if isinstance(value, RelRef):
            if value in self.deleted_relationships or not self.graph.has_edge(value.start, value.end, value.key):
                return values.Relationship(value.id, self._deleted_types.get(value),
                                           value.start, value.end, {})
            return values.Relationship(value.id, self.type_of(value), value.start, value.end,
                                       self.properties_of(value))
        if isinstance(value, PathValue):
            return values.Path(tuple(self.to_result(n) for n in value.nodes),
                               tuple(self.to_result(r) for r in value.relationships))
        if isinstance(value, list):
            return [self.to_result(item) for item in value]
        if isinstance(value, dict):
            return {key: self.to_result(item) for key, item in value.items()}
        return value
