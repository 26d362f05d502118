"""The graph-file backend: queries on the property view, saving writes, caching, loading."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from graphkit.backends import open_backend
from graphkit.backends.memory import GraphFileBackend
from graphkit.errors import CypherError, GraphFileError
from graphkit.graph import add_entity, add_relation, load_graph, new_graph, save_graph
from graphkit.model import STORAGE_LABEL, Evidence
from graphkit.values import Node, Relationship, to_plain


def small_graph():
    graph = new_graph()
    alibaba = add_entity(graph, "Alibaba Group", labels=["Company", "Investor"], mentions=3)
    megvii = add_entity(graph, "Megvii", labels=["Company"])
    add_relation(graph, alibaba, megvii, "INVESTED_IN",
                 Evidence(article="a1", sentence="Alibaba invests in Megvii.", amount_usd=6e8, round="Series C"))
    return graph


@pytest.fixture
def backend(tmp_path: Path) -> GraphFileBackend:
    path = tmp_path / "graph.json"
    save_graph(small_graph(), path)
    return GraphFileBackend(path)


def test_open_backend_without_neo4j_is_the_graph_file(tmp_path: Path) -> None:
    assert isinstance(open_backend(tmp_path / "g.json"), GraphFileBackend)


def test_queries_see_the_property_view(backend: GraphFileBackend) -> None:
    result = backend.run("MATCH (a)-[r]->(b) RETURN a, r, b.key AS target, r.evidence AS evidence, "
                         "r.currency AS currency")
    assert result.columns == ["a", "r", "target", "evidence", "currency"]
    [[node, relationship, target, evidence, currency]] = result.rows
    assert isinstance(node, Node) and node.labels == {"Company", "Investor", STORAGE_LABEL}
    assert node.properties["key"] == "alibaba" and node.properties["mentions"] == 3
    assert isinstance(relationship, Relationship) and relationship.type == "INVESTED_IN"
    assert relationship.properties["amount_usd"] == 6e8 and relationship.properties["round"] == "Series C"
    assert target == "megvii"
    assert [json.loads(item)["sentence"] for item in evidence] == ["Alibaba invests in Megvii."]
    assert currency is None and "currency" not in relationship.properties  # None values are dropped
    assert to_plain(relationship)["type"] == "INVESTED_IN"


def test_parameters(backend: GraphFileBackend) -> None:
    result = backend.run("MATCH (n) WHERE n.key = $key RETURN n.name AS name", {"key": "megvii"})
    assert result.records() == [{"name": "Megvii"}]


def test_read_query_does_not_rewrite_the_file(backend: GraphFileBackend) -> None:
    stamp = backend.path.stat().st_mtime_ns
    backend.run("MATCH (n) RETURN count(n) AS n")
    assert backend.path.stat().st_mtime_ns == stamp


def test_write_query_saves_and_reads_back(backend: GraphFileBackend) -> None:
    result = backend.run("MATCH (n {key: 'megvii'}) SET n.founded = 2011 "
                         "CREATE (:Person {name: 'Yin Qi'})-[:WORKS_AT]->(n)")
    assert result.counters.get("nodes_created") == 1
    assert result.counters.get("relationships_created") == 1
    stored = load_graph(backend.path)
    assert stored.nodes["megvii"]["founded"] == 2011
    assert stored.nodes["yin-qi"]["labels"] == ["Person"]
    # evidence survives the round trip through the property view as dicts
    assert stored.edges["alibaba", "megvii", "INVESTED_IN"]["evidence"][0]["article"] == "a1"
    assert backend.run("MATCH (p:Person)-->(c) RETURN c.name AS c").records() == [{"c": "Megvii"}]


def test_failed_write_changes_neither_file_nor_view(backend: GraphFileBackend) -> None:
    before = backend.path.read_bytes()
    with pytest.raises(CypherError):
        backend.run("MATCH (n) SET n.touched = true WITH n RETURN 1 / 0 AS x")
    assert backend.path.read_bytes() == before
    assert backend.run("MATCH (n) WHERE n.touched RETURN n").rows == []


def test_view_follows_changes_to_the_file(backend: GraphFileBackend) -> None:
    assert backend.run("MATCH (n) RETURN count(n) AS n").rows == [[2]]
    graph = small_graph()
    add_entity(graph, "SenseTime", labels=["Company"])
    save_graph(graph, backend.path)
    stat = backend.path.stat()
    os.utime(backend.path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert backend.run("MATCH (n) RETURN count(n) AS n").rows == [[3]]


def test_load_graph_merges_idempotently(tmp_path: Path) -> None:
    backend = GraphFileBackend(tmp_path / "new.json")
    first = backend.load_graph(small_graph())
    assert (first.nodes, first.relationships) == (2, 1)
    again = backend.load_graph(small_graph())
    assert (again.nodes, again.relationships) == (0, 0)
    assert backend.read_graph().number_of_nodes() == 2
    assert backend.run("MATCH ()-[r]->() RETURN r.source_count AS n").rows == [[1]]


def test_missing_or_bad_file(tmp_path: Path) -> None:
    with pytest.raises(GraphFileError):
        GraphFileBackend(tmp_path / "missing.json").run("RETURN 1")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(GraphFileError):
        GraphFileBackend(bad).run("RETURN 1")
