"""Tests of the in-memory Cypher engine on small graphs built in each test."""

from __future__ import annotations

import networkx as nx
import pytest

from graphkit.cypher_engine import execute, register_procedure
from graphkit.cypher_engine.context import invalidate_indexes
from graphkit.errors import CypherError
from graphkit.values import Node, Path, Relationship


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    """Two investors, three companies; alibaba and sequoia share megvii."""
    graph = nx.MultiDiGraph()
    for key, labels, name in [("alibaba", ["Company", "Investor"], "Alibaba"),
                              ("sequoia", ["Investor"], "Sequoia"),
                              ("megvii", ["Company"], "Megvii"),
                              ("sensetime", ["Company"], "SenseTime"),
                              ("bytedance", ["Company"], "ByteDance")]:
        graph.add_node(key, labels=labels, name=name, key=key)
    graph.add_edge("alibaba", "megvii", key="INVESTED_IN", type="INVESTED_IN", amount_usd=6e8)
    graph.add_edge("sequoia", "megvii", key="INVESTED_IN", type="INVESTED_IN", amount_usd=1e8)
    graph.add_edge("sequoia", "bytedance", key="INVESTED_IN", type="INVESTED_IN")
    graph.add_edge("megvii", "sensetime", key="COMPETES_WITH", type="COMPETES_WITH")
    return graph


def rows(graph, query, **parameters):
    return execute(graph, query, parameters).rows


def test_lookup_by_label_and_property(graph):
    assert rows(graph, "MATCH (c:Company {name: $name}) RETURN c.key", name="Megvii") == [["megvii"]]
    assert rows(graph, "MATCH (c {key: 'sequoia'}) RETURN labels(c)") == [[["Investor"]]]


def test_directions(graph):
    assert rows(graph, "MATCH (:Company {name: 'Megvii'})<-[:INVESTED_IN]-(i) RETURN i.name ORDER BY i.name") == [
        ["Alibaba"], ["Sequoia"]]
    assert rows(graph, "MATCH (:Company {name: 'SenseTime'})-[:COMPETES_WITH]-(c) RETURN c.name") == [["Megvii"]]
    assert rows(graph, "MATCH (:Company {name: 'SenseTime'})-[:COMPETES_WITH]->(c) RETURN c.name") == []


def test_co_investor_count_with_order_by(graph):
    query = ("MATCH (i:Investor {key: $key})-[:INVESTED_IN]->(c)<-[:INVESTED_IN]-(other) "
             "RETURN other.name AS name, count(c) AS shared ORDER BY shared DESC, name")
    assert rows(graph, query, key="sequoia") == [["Alibaba", 1]]


def test_relationship_uniqueness_within_a_match(graph):
    query = "MATCH (a)-[:INVESTED_IN]->(c)<-[:INVESTED_IN]-(b) RETURN a.key, b.key ORDER BY a.key"
    assert rows(graph, query) == [["alibaba", "sequoia"], ["sequoia", "alibaba"]]


def test_variable_length_and_shortest_path(graph):
    assert rows(graph, "MATCH (:Investor {key: 'alibaba'})-[*1..2]->(x) RETURN x.key ORDER BY x.key") == [
        ["megvii"], ["sensetime"]]
    [[path]] = rows(graph, "MATCH p = shortestPath((a {key: 'alibaba'})-[*]-(b {key: 'bytedance'})) RETURN p")
    assert isinstance(path, Path)
    assert [node.id for node in path.nodes] == ["alibaba", "megvii", "sequoia", "bytedance"]


def test_optional_match_fills_nulls(graph):
    query = ("MATCH (c:Company) OPTIONAL MATCH (c)<-[r:INVESTED_IN]-(i) "
             "RETURN c.key AS company, count(i) AS investors ORDER BY company")
    assert rows(graph, query) == [["alibaba", 0], ["bytedance", 1], ["megvii", 2], ["sensetime", 0]]


def test_result_values_are_graph_values(graph):
    [[node, rel]] = rows(graph, "MATCH (a {key: 'alibaba'})-[r]->() RETURN a, r")
    assert isinstance(node, Node) and node.labels == frozenset({"Company", "Investor"})
    assert node.properties == {"name": "Alibaba", "key": "alibaba"}
    assert isinstance(rel, Relationship) and (rel.type, rel.start, rel.end) == ("INVESTED_IN", "alibaba", "megvii")
    assert rel.properties == {"amount_usd": 6e8}


def test_aggregates_and_integer_float_distinction(graph):
    [[total, average, amounts, maximum]] = rows(
        graph, "MATCH ()-[r:INVESTED_IN]->() RETURN sum(r.amount_usd), avg(r.amount_usd), "
               "collect(r.amount_usd), max(r.amount_usd)")
    assert total == 7e8 and average == 3.5e8 and sorted(amounts) == [1e8, 6e8] and maximum == 6e8
    [[one, one_float]] = rows(graph, "RETURN 1, 1.0")
    assert type(one) is int and type(one_float) is float


def test_order_by_mixed_types_and_nulls():
    result = rows(nx.MultiDiGraph(), "UNWIND [2, 'a', null, 1.5, true] AS x RETURN x ORDER BY x")
    assert result == [["a"], [True], [1.5], [2], [None]]


def test_three_valued_logic():
    assert rows(nx.MultiDiGraph(), "RETURN null AND false, null OR true, null = null, NOT null") == [
        [False, True, None, None]]


def test_create_set_remove_delete_with_counters():
    graph = nx.MultiDiGraph()
    result = execute(graph, "CREATE (a:Company {name: 'A'})-[:COMPETES_WITH]->(b:Company {name: 'B'})")
    assert (result.counters["nodes_created"], result.counters["relationships_created"],
            result.counters["properties_set"], result.counters["labels_added"]) == (2, 1, 2, 2)
    assert all(isinstance(node, int) for node in graph.nodes)
    execute(graph, "MATCH (a {name: 'A'}) SET a.size = 3, a:Investor REMOVE a.name")
    assert rows(graph, "MATCH (a:Investor) RETURN a.size, a.name") == [[3, None]]
    result = execute(graph, "MATCH (n) DETACH DELETE n")
    assert (result.counters["nodes_deleted"], result.counters["relationships_deleted"]) == (2, 1)
    assert graph.number_of_nodes() == 0


def test_merge_creates_once():
    graph = nx.MultiDiGraph()
    for _ in range(2):
        execute(graph, "MERGE (c:Company {name: $name}) ON CREATE SET c.new = true ON MATCH SET c.new = false",
                {"name": "Megvii"})
    assert rows(graph, "MATCH (c:Company) RETURN c.name, c.new") == [["Megvii", False]]


def test_failed_write_leaves_graph_unchanged(graph):
    before = (sorted(graph.nodes(data="name")), graph.number_of_edges())
    with pytest.raises(CypherError) as error:
        execute(graph, "MATCH (c:Company) SET c.name = 'X' CREATE (:Company) WITH c RETURN c.name / 0")
    assert error.value.kind == "TypeError"
    assert (sorted(graph.nodes(data="name")), graph.number_of_edges()) == before


def test_deleting_a_connected_node_fails(graph):
    with pytest.raises(CypherError) as error:
        execute(graph, "MATCH (n {key: 'megvii'}) DELETE n")
    assert error.value.kind == "ConstraintVerificationFailed"
    assert "megvii" in graph


def test_parameters_stay_data(graph):
    hostile = "Megvii'}) DETACH DELETE (n) //"
    assert rows(graph, "MATCH (n {name: $name}) RETURN n", name=hostile) == []
    assert graph.number_of_nodes() == 5


def test_missing_parameter_and_unknown_function_fail_at_compile_time(graph):
    with pytest.raises(CypherError) as error:
        execute(graph, "MATCH (n) RETURN n.name = $nope")
    assert (error.value.kind, error.value.phase) == ("ParameterMissing", "compile time")
    with pytest.raises(CypherError) as error:
        execute(graph, "RETURN nosuch(1)")
    assert error.value.detail == "UnknownFunction"


def test_integer_overflow_is_an_error():
    with pytest.raises(CypherError):
        execute(nx.MultiDiGraph(), "RETURN 9223372036854775807 + 1")


def test_index_cache_sees_engine_writes_and_explicit_invalidation(graph):
    assert rows(graph, "MATCH (c:Company {name: 'New'}) RETURN count(c)") == [[0]]
    execute(graph, "CREATE (:Company {name: 'New'})")
    assert rows(graph, "MATCH (c:Company {name: 'New'}) RETURN count(c)") == [[1]]
    graph.nodes["megvii"]["name"] = "Face++"
    invalidate_indexes(graph)
    assert rows(graph, "MATCH (c:Company {name: 'Face++'}) RETURN c.key") == [["megvii"]]


def test_where_equality_on_unlabelled_node(graph):
    assert rows(graph, "MATCH (i)-[:INVESTED_IN]->(c) WHERE i.key = $key RETURN c.key ORDER BY c.key",
                key="sequoia") == [["bytedance"], ["megvii"]]


def test_registered_procedure(graph):
    register_procedure(graph, "test.double", [("x", "INTEGER?")], [("y", "INTEGER?")],
                       [{"x": 1, "y": 2}, {"x": 2, "y": 4}])
    assert rows(graph, "UNWIND [2, 1] AS x CALL test.double(x) YIELD y RETURN x, y") == [[2, 4], [1, 2]]
    with pytest.raises(CypherError) as error:
        execute(graph, "CALL test.nothing()")
    assert error.value.detail == "ProcedureNotFound"


def test_list_map_and_string_functions():
    [[values]] = rows(nx.MultiDiGraph(), "RETURN [x IN range(1, 5) WHERE x % 2 = 1 | toString(x)] + "
                                          "[toUpper(left('abc', 2)), size(split('a,b', ','))]")
    assert values == ["1", "3", "5", "AB", 2]
    [[projection]] = rows(nx.MultiDiGraph(), "WITH {a: 1, b: [1, 2]} AS m RETURN m {.a, c: m.b[-1]}")
    assert projection == {"a": 1, "c": 2}


def test_later_clauses_see_labels_set_earlier_in_the_query(graph):
    query = "MATCH (c:Company {key: 'bytedance'}) SET c:Investor WITH c MATCH (i:Investor) RETURN count(i)"
    assert rows(graph, query) == [[3]]


def test_sum_after_limit_over_a_long_unwind():
    [[total]] = rows(nx.MultiDiGraph(), "UNWIND range(1, 1000000) AS i WITH i LIMIT 3000 RETURN sum(i)")
    assert total == 4501500


def test_count_subquery(graph):
    query = ("MATCH (c:Company) WHERE COUNT { (c)<-[:INVESTED_IN]-() } > 0 "
             "RETURN c.key, COUNT { MATCH (c)<-[:INVESTED_IN]-(i:Investor) RETURN i } AS investors ORDER BY c.key")
    assert rows(graph, query) == [["bytedance", 1], ["megvii", 2]]


def test_neo4j_5_scalar_functions():
    [[empty, full, nan, same, other, length, stamp_ok]] = rows(
        nx.MultiDiGraph(), "RETURN isEmpty([]), isEmpty('a'), isNaN(0.0 / 0.0), nullIf(1, 1), nullIf(1, 2), "
                           "char_length('abc'), timestamp() = timestamp()")
    assert (empty, full, nan, same, other, length, stamp_ok) == (True, False, True, None, 1, 3, True)


def test_label_alternatives_in_node_patterns(graph):
    assert rows(graph, "MATCH (n:Investor|Fund) RETURN n.key ORDER BY n.key") == [["alibaba"], ["sequoia"]]
    with pytest.raises(CypherError):
        execute(graph, "CREATE (:Company|Investor)")


def test_foreach_runs_updates_per_element():
    graph = nx.MultiDiGraph()
    result = execute(graph, "CREATE (n:Company {name: 'A'}) "
                            "FOREACH (round IN ['seed', 'A'] | CREATE (n)-[:RAISED]->(:Round {name: round}))")
    assert result.counters["nodes_created"] == 3 and result.counters["relationships_created"] == 2
    assert rows(graph, "MATCH (:Company)-[:RAISED]->(r) RETURN r.name ORDER BY r.name") == [["A"], ["seed"]]


def test_call_subquery_per_row_and_union(graph):
    query = ("MATCH (c:Company) CALL { WITH c MATCH (c)<-[:INVESTED_IN]-(i) RETURN count(i) AS investors } "
             "RETURN c.key, investors ORDER BY investors DESC, c.key LIMIT 2")
    assert rows(graph, query) == [["megvii", 2], ["bytedance", 1]]
    union = ("CALL { MATCH (i:Investor) RETURN i.key AS key UNION MATCH (c:Company) RETURN c.key AS key } "
             "RETURN count(key)")
    assert rows(graph, union) == [[5]]


def test_shortest_path_searches_among_relationships_the_where_allows():
    # Neo4j applies all(r IN relationships(p) WHERE ...) during the search: the shortest path whose
    # every relationship qualifies is found, even when a shorter path exists outside the filter.
    graph = nx.MultiDiGraph()
    execute(graph, "CREATE (a:N {n: 'a'})-[:T {d: 2010}]->(:N {n: 'b'})-[:T {d: 2010}]->(e:N {n: 'e'}), "
                   "(a)-[:T {d: 2020}]->(:N {n: 'c'})-[:T {d: 2020}]->(:N {n: 'd'})-[:T {d: 2020}]->(e)")
    query = ("MATCH (a:N {n: 'a'}), (e:N {n: 'e'}) MATCH p = allShortestPaths((a)-[*..6]-(e)) "
             "WHERE all(r IN relationships(p) WHERE r.d >= $since) RETURN [x IN nodes(p) | x.n] AS names")
    assert execute(graph, query, {"since": 2015}).rows == [[["a", "c", "d", "e"]]]
    assert execute(graph, query, {"since": 2000}).rows == [[["a", "b", "e"]]]
