"""graphkit: news articles in, an investor network out — query it, explore it, look at it.

The public API in a few names (imported on first use, so ``import graphkit`` stays cheap for the
worker processes of a parallel extraction):

- :func:`extract_paths` — read article files and folders, extract and resolve: ``(graph, report)``
- :func:`read_article`, :func:`extract_article`, :func:`resolve` — the stages one at a time
- :func:`load_graph`, :func:`save_graph`, :func:`merge_graphs` — the node-link JSON graph file
- :func:`open_backend` — a graph file or Neo4j behind one interface (``run``, ``load_graph``, ``read_graph``)
- :func:`execute` — openCypher on an in-memory property graph
- :func:`write_view` — the offline interactive HTML view

Examples
--------
>>> import graphkit
>>> graph = graphkit.new_graph()
>>> key = graphkit.add_entity(graph, "Boyu Capital", labels=["Investor"])
>>> graphkit.execute(graphkit.to_property_graph(graph), "MATCH (n:Investor) RETURN n.name AS name").rows
[['Boyu Capital']]
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "extract_paths": "graphkit.pipeline",
    "read_article": "graphkit.readers",
    "read_paths": "graphkit.readers",
    "extract_article": "graphkit.extract",
    "resolve": "graphkit.resolve",
    "load_alias_rules": "graphkit.resolve",
    "new_graph": "graphkit.graph",
    "add_entity": "graphkit.graph",
    "add_relation": "graphkit.graph",
    "load_graph": "graphkit.graph",
    "save_graph": "graphkit.graph",
    "merge_graphs": "graphkit.graph",
    "to_property_graph": "graphkit.graph",
    "open_backend": "graphkit.backends",
    "execute": "graphkit.cypher_engine",
    "write_view": "graphkit.viewer",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'graphkit' has no attribute {name!r}")
    return getattr(import_module(_EXPORTS[name]), name)
