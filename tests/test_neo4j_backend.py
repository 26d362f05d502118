"""The Neo4j backend against a real Neo4j 5.26: load, idempotence, increments, read-back, Cypher values."""

from __future__ import annotations

import pytest

from graphkit.backends.neo4j import Neo4jBackend
from graphkit.backends.settings import Neo4jSettings
from graphkit.cypher_engine.temporal import TEMPORAL_FUNCTIONS
from graphkit.errors import CypherError, GraphkitError
from graphkit.graph import add_entity, add_relation, new_graph
from graphkit.model import Evidence
from graphkit.values import Node, Path, Relationship

pytestmark = pytest.mark.neo4j


def first_graph():
    """Alibaba (Company + Investor) invests in Megvii; Megvii competes with SenseTime."""
    graph = new_graph()
    alibaba = add_entity(graph, "Alibaba Group Holding Ltd.", labels=["Company", "Investor"],
                         aliases=["Alibaba", "BABA"], mentions=3)
    megvii = add_entity(graph, "Megvii", labels=["Company"], mentions=2)
    sensetime = add_entity(graph, "SenseTime", labels=["Company"])
    add_relation(graph, alibaba, megvii, "INVESTED_IN",
                 Evidence(article="a1", sentence="Alibaba joins Megvii's $600m round; big news.",
                          amount="$600 million", amount_usd=6e8, currency="USD", round="Series C",
                          date="2017-10-31", led=True))
    add_relation(graph, sensetime, megvii, "COMPETES_WITH", Evidence(article="a1", sentence="Rivals."))
    return graph


def second_graph():
    """A later article: the same Alibaba deal with another amount, and a new investor."""
    graph = new_graph()
    alibaba = add_entity(graph, "Alibaba", labels=["Investor"], aliases=["Ali"])
    megvii = add_entity(graph, "Megvii", labels=["Company"])
    boyu = add_entity(graph, "Boyu Capital", labels=["Investor"])
    add_relation(graph, alibaba, megvii, "INVESTED_IN",
                 Evidence(article="a2", sentence="Alibaba put $700m into Megvii.", amount_usd=7e8))
    add_relation(graph, boyu, megvii, "INVESTED_IN", Evidence(article="a2", sentence="Boyu too."))
    return graph


def edges_of(graph):
    return {(source, target, key): data for source, target, key, data in graph.edges(keys=True, data=True)}


def test_round_trip_gives_an_equal_graph(neo4j_backend):
    graph = first_graph()
    neo4j_backend.load_graph(graph)
    back = neo4j_backend.read_graph()
    assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
    assert edges_of(back) == edges_of(graph)


def test_loading_twice_writes_nothing_the_second_time(neo4j_backend):
    first = neo4j_backend.load_graph(first_graph())
    again = neo4j_backend.load_graph(first_graph())
    assert first.counters["nodes_created"] == 3 and first.counters["relationships_created"] == 2
    assert first.counters["labels_added"] == 3 + 4  # Entity on each, plus Company x3 and Investor
    assert again.counters == {"nodes_created": 0, "relationships_created": 0, "properties_set": 0,
                              "labels_added": 0}
    counts = neo4j_backend.run("MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r)")
    assert counts.rows == [[3, 2]]


def test_a_graph_from_new_articles_adds_evidence_and_nodes(neo4j_backend):
    neo4j_backend.load_graph(first_graph())
    summary = neo4j_backend.load_graph(second_graph())
    assert summary.counters["nodes_created"] == 1 and summary.counters["relationships_created"] == 1
    back = neo4j_backend.read_graph()
    deal = back.edges["alibaba", "megvii", "INVESTED_IN"]
    assert [item["article"] for item in deal["evidence"]] == ["a1", "a2"]
    assert deal["source_count"] == 2
    assert deal["amount_usd"] is None and deal["conflicts"] == ["amount_usd"]
    assert deal["round"] == "Series C" and deal["led"] is True
    alibaba = back.nodes["alibaba"]
    assert alibaba["labels"] == ["Company", "Investor"]
    assert alibaba["aliases"] == ["Ali", "Alibaba", "BABA"]
    assert alibaba["name"] == "Alibaba Group Holding Ltd." and alibaba["mentions"] == 3
    duplicates = neo4j_backend.run("MATCH (n:Entity) WITH n.key AS key, count(*) AS copies "
                                   "WHERE copies > 1 RETURN key")
    assert duplicates.rows == []
    labels = neo4j_backend.run("MATCH (n:Entity {key: 'alibaba'}) RETURN labels(n) AS labels").rows[0][0]
    assert sorted(labels) == ["Company", "Entity", "Investor"]


def test_schema_has_the_key_constraint_and_name_indexes(neo4j_backend):
    neo4j_backend.load_graph(first_graph())
    constraints = neo4j_backend.run("SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties")
    assert ["entity_key", "UNIQUENESS", ["Entity"], ["key"]] in constraints.rows
    indexes = {row[0] for row in neo4j_backend.run("SHOW INDEXES YIELD name").rows}
    assert {"entity_name", "investor_name", "company_name"} <= indexes


def test_labels_and_types_outside_the_vocabulary_are_refused(neo4j_backend):
    graph = first_graph()
    graph.nodes["megvii"]["labels"] = ["Company", "Robot`) DETACH DELETE n //"]
    with pytest.raises(GraphkitError, match="unknown labels"):
        neo4j_backend.load_graph(graph)
    assert neo4j_backend.run("MATCH (n) RETURN count(n)").rows == [[0]]


def test_query_values_are_graphkit_values(neo4j_backend):
    neo4j_backend.load_graph(first_graph())
    result = neo4j_backend.run(
        "MATCH p = (a:Investor)-[r:INVESTED_IN]->(b {name: $name}) "
        "RETURN a, r, p, r.amount_usd AS amount, date(r.date) AS day, duration('P1M') AS span",
        {"name": "Megvii"})
    assert result.columns == ["a", "r", "p", "amount", "day", "span"]
    node, relationship, path, amount, day, span = result.rows[0]
    assert isinstance(node, Node) and node.labels == frozenset({"Entity", "Company", "Investor"})
    assert node.properties["aliases"] == ["Alibaba", "BABA"]
    assert isinstance(relationship, Relationship) and relationship.type == "INVESTED_IN"
    assert (relationship.start, relationship.end) == (node.id, path.nodes[1].id)
    assert isinstance(path, Path) and path.relationships == (relationship,)
    assert amount == 6e8
    assert day == TEMPORAL_FUNCTIONS["date"]("2017-10-31")
    assert span == TEMPORAL_FUNCTIONS["duration"]("P1M")


def test_write_queries_report_counters(neo4j_backend):
    result = neo4j_backend.run("CREATE (n:Company {name: $name, key: 'x'}) RETURN n.name", {"name": "X"})
    assert result.counters == {"nodes_created": 1, "properties_set": 2, "labels_added": 1}


def test_cypher_errors_become_cypher_errors(neo4j_backend):
    with pytest.raises(CypherError) as syntax:
        neo4j_backend.run("MATCH (n RETURN n")
    assert syntax.value.kind == "SyntaxError"
    with pytest.raises(CypherError) as missing:
        neo4j_backend.run("RETURN $nothing")
    assert missing.value.kind == "ParameterMissing"


def test_routing_scheme_works(neo4j_settings):
    routed = Neo4jSettings(uri=neo4j_settings.uri.replace("bolt://", "neo4j://"), user=neo4j_settings.user,
                           password=neo4j_settings.password, database=neo4j_settings.database)
    backend = Neo4jBackend(routed)
    try:
        assert backend.run("RETURN 1 AS one").rows == [[1]]
    finally:
        backend.close()
