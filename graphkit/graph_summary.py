"""Summaries of an investor graph: what it holds, and each entity with its evidence counts.

:func:`graph_stats` answers "how big is it": nodes by label, edges by type, the best connected
entities and how many articles it was built from. :func:`entity_rows` lists every entity with
its labels, aliases and counts so a wrong merge (two companies under one name) or a missed one
(one company under two names) stands out; an alias file then fixes it.

Examples
--------
>>> from graphkit.graph import add_entity, add_relation, new_graph
>>> from graphkit.model import Evidence
>>> graph = new_graph()
>>> alibaba = add_entity(graph, "Alibaba", ["Investor"], aliases=["Alibaba Group"])
>>> megvii = add_entity(graph, "Megvii", ["Company"])
>>> add_relation(graph, alibaba, megvii, "INVESTED_IN", Evidence(article="a1", sentence="..."))
>>> graph_stats(graph)["edges_by_type"], graph_stats(graph)["articles"]
({'INVESTED_IN': 1}, 1)
>>> entity_rows(graph, label="Investor")[0]["aliases"]
['Alibaba Group']
"""

from __future__ import annotations

from collections import Counter

import networkx as nx


def _edge_evidence(graph: nx.MultiDiGraph, node: str) -> list[dict]:
    evidence = []
    for edges in (graph.out_edges(node, data="evidence"), graph.in_edges(node, data="evidence")):
        for _, _, items in edges:
            evidence.extend(items or [])
    return evidence


def _count(value: object) -> int | None:
    """Return a stored count that may be kept as a number or as a list of ids."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, (list, tuple, set)):
        return len(value)
    return None


def article_ids(graph: nx.MultiDiGraph) -> set[str]:
    """Return the ids of the articles the graph was built from (recorded, or cited as evidence)."""
    ids = set(graph.graph.get("articles", {}))
    for _, _, items in graph.edges(data="evidence"):
        ids.update(item.get("article") for item in items or [] if item.get("article"))
    return ids


def entity_rows(graph: nx.MultiDiGraph, label: str | None = None) -> list[dict]:
    """Return one row per entity (optionally only those with ``label``), most connected first.

    Each row: key, name, labels, aliases, mentions, articles, degree. ``mentions`` and
    ``articles`` come from what resolution stored on the node, else from the evidence of its
    relations (then a mention is a piece of evidence).
    """
    rows = []
    for key, data in graph.nodes(data=True):
        labels = list(data.get("labels") or [])
        if label and label not in labels:
            continue
        evidence = _edge_evidence(graph, key)
        mentions = _count(data.get("mentions"))
        articles = _count(data.get("articles"))
        rows.append(
            {
                "key": key,
                "name": data.get("name", key),
                "labels": labels,
                "aliases": list(data.get("aliases") or []),
                "mentions": mentions if mentions is not None else len(evidence),
                "articles": articles
                if articles is not None
                else len({item.get("article") for item in evidence}),
                "degree": graph.degree(key),
            }
        )
    return sorted(rows, key=lambda row: (-row["degree"], -row["mentions"], row["name"].casefold()))


def graph_stats(graph: nx.MultiDiGraph, top: int = 10) -> dict:
    """Return nodes by label, edges by type, the ``top`` entities by degree and the article count."""
    labels = Counter(label for _, node_labels in graph.nodes(data="labels") for label in node_labels or [])
    types = Counter(kind for *_, kind in graph.edges(data="type"))
    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "nodes_by_label": dict(sorted(labels.items())),
        "edges_by_type": dict(sorted(types.items())),
        "top_entities": [
            {key: row[key] for key in ("name", "labels", "degree")} for row in entity_rows(graph)[:top]
        ],
        "articles": len(article_ids(graph)),
    }
