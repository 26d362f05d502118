"""The embedded backend: a graph file (node-link JSON) queried with graphkit's own Cypher engine.

Queries see the same Neo4j-compatible property view that the Neo4j loader writes
(:func:`graphkit.graph.to_property_graph`), so a query gives the same rows on both backends. A write
query saves the file only when it completes, atomically.

Examples
--------
>>> import tempfile, pathlib
>>> from graphkit.graph import new_graph, add_entity, save_graph
>>> graph = new_graph(); _ = add_entity(graph, "Boyu Capital", labels=["Investor"])
>>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.json"; save_graph(graph, path)
>>> GraphFileBackend(path).run("MATCH (n:Investor) RETURN n.name AS name").rows
[['Boyu Capital']]
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import networkx as nx

from graphkit.backends.base import LoadSummary, QueryResult
from graphkit.graph import (
    from_property_graph,
    load_graph,
    merge_graphs,
    new_graph,
    save_graph,
    to_property_graph,
)

# A conservative test: a false positive only costs a copy of the graph before running.
WRITE_CLAUSE = re.compile(r"\b(CREATE|MERGE|SET|DELETE|REMOVE|CALL)\b", re.IGNORECASE)
WRITE_COUNTERS = ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
                  "properties_set", "labels_added", "labels_removed")


class GraphFileBackend:
    """A graph file as a backend; the property view is cached until the file changes."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        self._cached: tuple[float, nx.MultiDiGraph] | None = None

    def property_graph(self) -> nx.MultiDiGraph:
        """Return the file's graph in the property view the Cypher engine runs on."""
        stamp = self.path.stat().st_mtime_ns if self.path.exists() else None
        if self._cached is None or self._cached[0] != stamp:
            self._cached = (stamp, to_property_graph(load_graph(self.path)))
        return self._cached[1]

    def load_graph(self, graph: nx.MultiDiGraph) -> LoadSummary:
        """Merge ``graph`` into the file (created when missing)."""
        stored = load_graph(self.path) if self.path.exists() else new_graph()
        before_nodes, before_edges = stored.number_of_nodes(), stored.number_of_edges()
        merge_graphs(stored, graph)
        save_graph(stored, self.path)
        self._cached = None
        return LoadSummary(nodes=stored.number_of_nodes() - before_nodes,
                           relationships=stored.number_of_edges() - before_edges)

    def run(self, query: str, parameters: dict[str, Any] | None = None) -> QueryResult:
        """Run Cypher on the graph file; a write query saves the file when it completes."""
        from graphkit.cypher_engine import execute

        graph = self.property_graph()
        if not WRITE_CLAUSE.search(query):
            return execute(graph, query, parameters or {})
        working = graph.copy()
        result = execute(working, query, parameters or {})
        if any(result.counters.get(name) for name in WRITE_COUNTERS):
            save_graph(from_property_graph(working), self.path)
            self._cached = None
        return result

    def read_graph(self) -> nx.MultiDiGraph:
        """Return the graph stored in the file."""
        return load_graph(self.path)

    def close(self) -> None:
        """Drop the cached graph."""
        self._cached = None
