"""Which part of the graph a view draws: an entity's neighbourhood, a date window, a query's result.

Names resolve as the explore commands resolve them (:mod:`graphkit.names`: key, name or alias with
case and corporate suffixes ignored, then a unique word prefix); an unknown name raises
:class:`EntityNotFoundError` with the closest names. Dates are ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a partial date covers its
whole year or month.

Examples
--------
>>> from graphkit.graph import new_graph, add_entity, add_relation
>>> graph = new_graph()
>>> a = add_entity(graph, "Alibaba Group Holding Ltd.", labels=["Investor"])
>>> m = add_entity(graph, "Megvii", labels=["Company"])
>>> add_relation(graph, a, m, "INVESTED_IN", {"article": "a1", "sentence": "s", "date": "2019-05"})
>>> resolve_entity(graph, "ALIBABA")
'alibaba'
>>> filter_by_date(graph, since="2019-05-20").number_of_edges()
1
>>> filter_by_date(graph, until="2018").number_of_edges()
0
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import networkx as nx

from graphkit.errors import GraphkitError
from graphkit.explore import Window, relation_date
from graphkit.graph import from_property_graph, node_key
from graphkit.names import EntityNotFoundError as EntityNotFoundError  # re-exported: raised by resolve
from graphkit.names import resolve_among
from graphkit.values import Node, Path, Relationship

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def resolve_entity(graph: nx.MultiDiGraph, name: str) -> str:
    """Return the key of the node called ``name``, or raise :class:`EntityNotFoundError`.

    By key, then by a name or alias with the same key, then by a unique word prefix of a name or
    alias (:mod:`graphkit.names`, the rules the explore commands use).
    """
    wanted = node_key(name)
    if wanted in graph:
        return wanted
    names = [(key, each) for key, data in graph.nodes(data=True)
             for each in [data.get("name") or key, *data.get("aliases", [])] if each]
    for key, each in names:
        if node_key(each) == wanted:
            return key
    return resolve_among(name, names)


def neighbourhood(graph: nx.MultiDiGraph, key: str, depth: int = 2) -> nx.MultiDiGraph:
    """Return the nodes within ``depth`` hops of ``key`` (either direction) and the edges among them."""
    if depth < 0:
        raise GraphkitError(f"--depth must be 0 or more, not {depth}")
    reached = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), key, cutoff=depth)
    return graph.subgraph(reached).copy()


def date_bounds(value: str) -> tuple[str, str]:
    """Return the first and last day an ISO date (possibly partial) covers.

    >>> date_bounds("2019"), date_bounds("2019-05"), date_bounds("2019-05-07")
    (('2019-01-01', '2019-12-31'), ('2019-05-01', '2019-05-31'), ('2019-05-07', '2019-05-07'))
    """
    if not ISO_DATE.match(value):
        raise GraphkitError(f"date {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    if len(value) == 4:
        return f"{value}-01-01", f"{value}-12-31"
    if len(value) == 7:
        return f"{value}-01", f"{value}-31"
    return value, value


def filter_by_date(graph: nx.MultiDiGraph, since: str | None = None,
                   until: str | None = None) -> nx.MultiDiGraph:
    """Return the edges dated within [since, until] and their end nodes.

    The bounds are checked as the explore commands check them (:meth:`graphkit.explore.Window.parse`:
    a real date as YYYY, YYYY-MM or YYYY-MM-DD, ``since`` not after ``until``). An edge's date is its event date, else the date it was first reported
    (:func:`graphkit.explore.relation_date`, the explore commands' rule); a partial date counts
    when its period overlaps the window. Edges with neither date are left out once a window is
    given. Without bounds the graph is returned.
    """
    window = Window.parse(since, until)
    if not window.active:
        return graph
    low = date_bounds(window.since)[0] if window.since else "0000-00-00"
    high = date_bounds(window.until)[1] if window.until else "9999-99-99"
    kept = nx.MultiDiGraph()
    kept.graph.update(graph.graph)
    for source, target, key, data in graph.edges(keys=True, data=True):
        date = relation_date(data)
        if date and ISO_DATE.match(date) and date_bounds(date)[1] >= low and date_bounds(date)[0] <= high:
            kept.add_node(source, **graph.nodes[source])
            kept.add_node(target, **graph.nodes[target])
            kept.add_edge(source, target, key=key, **data)
    return kept


def graph_from_values(values: Iterable[Any]) -> nx.MultiDiGraph:
    """Return the graphkit graph made of the nodes, relationships and paths found in query values.

    Lists and maps are searched too. A relationship whose end node is not itself in the result
    gets a node named after its id, so that nothing returned is silently dropped.

    >>> alibaba = Node("n1", frozenset({"Investor"}), {"key": "alibaba", "name": "Alibaba"})
    >>> megvii = Node("n2", frozenset({"Company"}), {"key": "megvii", "name": "Megvii"})
    >>> deal = Relationship("r1", "INVESTED_IN", "n1", "n2", {"type": "INVESTED_IN"})
    >>> sorted(graph_from_values([Path((alibaba, megvii), (deal,))]).edges(keys=True))
    [('alibaba', 'megvii', 'INVESTED_IN')]
    """
    flat = nx.MultiDiGraph()
    relationships: dict[Any, Relationship] = {}
    for value in _graph_values(values):
        if isinstance(value, Node):
            flat.add_node(value.id, **{**value.properties, "labels": sorted(value.labels)})
        else:
            relationships[value.id] = value
    for rel in relationships.values():
        for end in (rel.start, rel.end):
            if end not in flat:
                flat.add_node(end, name=str(end), key=str(end), labels=[])
        flat.add_edge(rel.start, rel.end, **{**rel.properties, "type": rel.type})
    return from_property_graph(flat)


def _graph_values(value: Any) -> Iterable[Node | Relationship]:
    if isinstance(value, (Node, Relationship)):
        yield value
    elif isinstance(value, Path):
        yield from value.nodes
        yield from value.relationships
    elif isinstance(value, dict):
        for item in value.values():
            yield from _graph_values(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _graph_values(item)
