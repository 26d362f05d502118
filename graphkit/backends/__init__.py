"""Storage backends: the same few operations on a graph file (networkx) and on Neo4j.

Every CLI command works on either: load a graph, run Cypher with parameters, read the graph back.

Examples
--------
>>> from graphkit.backends.base import QueryResult
>>> QueryResult(columns=["n"], rows=[[1]]).records()
[{'n': 1}]
"""

from __future__ import annotations

import os

from graphkit.backends.base import Backend, LoadSummary, QueryResult
from graphkit.backends.settings import Neo4jSettings

__all__ = ["Backend", "LoadSummary", "Neo4jSettings", "QueryResult", "open_backend"]


def open_backend(graph_file: str | os.PathLike | None = None,
                 neo4j: Neo4jSettings | None = None) -> Backend:
    """Return the Neo4j backend when ``neo4j`` settings are given, else the graph-file backend."""
    if neo4j is not None:
        from graphkit.backends.neo4j import Neo4jBackend

        return Neo4jBackend(neo4j)
    from graphkit.backends.memory import GraphFileBackend

    return GraphFileBackend(graph_file)
