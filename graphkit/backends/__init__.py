"""Storage backends: the same few operations on a graph file (networkx) and on Neo4j.

Every CLI command works on either: load a graph, run Cypher with parameters, read the graph back.

Examples
--------
>>> from graphkit.backends.base import QueryResult
>>> QueryResult(columns=["n"], rows=[[1]]).records()
[{'n': 1}]
"""
