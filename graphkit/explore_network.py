"""Whole-network questions with networkx: the most central entities and the communities.

Both run on the *funding graph*: every entity, and one undirected link between two entities for
each pair joined by INVESTED_IN or BACKED_BY (inside the time window, when one is given, on the
event date, else the date first reported; links with neither are then left out and counted).
COMPETES_WITH is not a funding link.

Examples
--------
>>> from graphkit.graph import new_graph, add_entity, add_relation
>>> graph = new_graph()
>>> hub = add_entity(graph, "Pinecrest Ventures", labels=["Investor"])
>>> for name in ("Alder", "Birch", "Cedar"):
...     add_relation(graph, hub, add_entity(graph, name, labels=["Company"]), "INVESTED_IN",
...                  {"article": "a1", "sentence": f"Pinecrest backs {name}."})
>>> [row["name"] for row in top_entities(graph, by="degree", limit=1)["ranking"]]
['Pinecrest Ventures']
"""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx

from graphkit.errors import GraphkitError
from graphkit.explore import Window, relation_date
from graphkit.model import FUNDING_TYPES

MEASURES = ("degree", "pagerank", "betweenness")
BETWEENNESS_SAMPLES = 20  # above this many nodes betweenness is estimated from this many sources


def funding_links(graph: nx.MultiDiGraph, window: Window = Window()) -> tuple[dict[str, set], int]:
    """Return every entity's funding neighbours and how many undated funding relations were left out."""
    neighbours: dict[str, set] = {node: set() for node in graph}
    undated = 0
    for source, targets in graph.adjacency():
        for target, by_type in targets.items():
            for kind, data in by_type.items():
                if data.get("type", kind) not in FUNDING_TYPES or source == target:
                    continue
                if window.active and relation_date(data) is None:
                    undated += 1
                elif not window.active or window.admits(relation_date(data)):
                    neighbours[source].add(target)
                    neighbours[target].add(source)
    return neighbours, undated


def funding_graph(graph: nx.MultiDiGraph, window: Window = Window()) -> tuple[nx.Graph, int]:
    """Return the undirected funding graph and how many undated funding relations were left out."""
    neighbours, undated = funding_links(graph, window)
    return as_graph(neighbours), undated


def as_graph(neighbours: dict[str, set]) -> nx.Graph:
    """Return an undirected networkx graph of a neighbour map."""
    links = nx.Graph()
    links.add_nodes_from(neighbours)
    links.add_edges_from((node, other) for node, around in neighbours.items() for other in around if node < other)
    return links


def pagerank(links: Mapping, alpha: float = 0.85, tolerance: float = 1e-6,
             max_iterations: int = 100) -> dict:
    """Return PageRank scores of an undirected graph (power iteration as networkx; no numpy needed).

    ``links`` maps each node to its neighbours: an ``nx.Graph`` or a dict of sets.

    Stops when the scores change by less than ``tolerance`` per node, networkx's criterion.

    >>> scores = pagerank(nx.star_graph(3))
    >>> max(scores, key=scores.get), round(sum(scores.values()), 6)
    (0, 1.0)
    """
    nodes = list(links)
    count = len(nodes)
    if count == 0:
        return {}
    index = {node: position for position, node in enumerate(nodes)}
    around = [[index[other] for other in links[node]] for node in nodes]
    degree = [len(neighbours) for neighbours in around]
    rank = [1.0 / count] * count
    for _ in range(max_iterations):
        share = [alpha * value / size if size else 0.0 for value, size in zip(rank, degree)]
        dangling = sum(value for value, size in zip(rank, degree) if not size)
        base = (1.0 - alpha) / count + alpha * dangling / count
        new = [base + sum(map(share.__getitem__, neighbours)) for neighbours in around]
        change = sum(abs(after - before) for after, before in zip(new, rank))
        rank = new
        if change < tolerance * count:
            break
    return dict(zip(nodes, rank))


def top_entities(graph: nx.MultiDiGraph, by: str = "degree", label: str | None = None, limit: int = 10,
                 window: Window = Window(), samples: int = BETWEENNESS_SAMPLES, seed: int = 0) -> dict:
    """Rank entities (optionally only those with ``label``) by degree, PageRank or betweenness."""
    if by not in MEASURES:
        raise GraphkitError(f"--by {by!r}: expected one of {', '.join(MEASURES)}")
    neighbours, undated = funding_links(graph, window)
    if by == "degree":
        scores: dict = {node: len(around) for node, around in neighbours.items()}
    elif by == "pagerank":
        scores = pagerank(neighbours)
    else:
        sample = samples if len(neighbours) > samples else None
        scores = nx.betweenness_centrality(as_graph(neighbours), k=sample, seed=seed)
    candidates = [node for node in neighbours
                  if label is None or label in graph.nodes[node].get("labels", [])]
    candidates.sort(key=lambda node: (-scores[node], graph.nodes[node].get("name", node)))
    ranking = [{"key": node, "name": graph.nodes[node].get("name", node),
                "labels": sorted(graph.nodes[node].get("labels", [])),
                "score": scores[node], "degree": len(neighbours[node])} for node in candidates[:limit]]
    return {"by": by, "label": label, "window": window.as_dict(), "excluded_undated": undated,
            "approximate": by == "betweenness" and len(neighbours) > samples,
            "ranking": ranking}


LOUVAIN_MAX_NODES = 20_000


def communities(graph: nx.MultiDiGraph, window: Window = Window(), limit: int | None = 10,
                seed: int = 0) -> dict:
    """Communities of the funding graph (entities with no funding link left out), largest first.

    Louvain up to :data:`LOUVAIN_MAX_NODES` entities; beyond that fast label propagation, which is
    linear in the links (pure-Python Louvain took 17 minutes on 100k entities, this takes seconds).
    """
    links, undated = funding_graph(graph, window)
    links.remove_nodes_from([node for node, degree in links.degree() if degree == 0])
    if links.number_of_nodes() <= LOUVAIN_MAX_NODES:
        method, found = "louvain", nx.community.louvain_communities(links, seed=seed)
    else:
        method, found = "label propagation", nx.community.fast_label_propagation_communities(links, seed=seed)

    def member(node: str) -> dict:
        data = graph.nodes[node]
        return {"key": node, "name": data.get("name", node), "labels": sorted(data.get("labels", [])),
                "degree": links.degree(node)}

    groups = [sorted((member(node) for node in group), key=lambda item: (-item["degree"], item["name"]))
              for group in found]
    groups.sort(key=lambda group: (-len(group), group[0]["name"]))
    listed = groups[:limit] if limit else groups
    return {"window": window.as_dict(), "excluded_undated": undated, "entities": links.number_of_nodes(),
            "method": method, "community_count": len(groups),
            "communities": [{"size": len(group), "members": group} for group in listed]}
