"""Differential tests: the in-memory engine (graph file) and Neo4j must give the same answers.

Every named query in ``cypher/`` (except ``schema.cypher``) and a set of varied read queries run on
a generated investor graph loaded into both backends. Results are compared through
:func:`graphkit.values.to_plain` (types kept: ``1`` and ``1.0`` differ), as bags unless the query
orders its rows. Needs a real Neo4j (the session's ``neo4j_settings`` fixture).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from benchmarks.synthetic_graph import make_investor_graph
from graphkit.backends.memory import GraphFileBackend
from graphkit.graph import save_graph
from graphkit.values import to_plain

pytestmark = pytest.mark.neo4j

CYPHER_DIR = Path(__file__).resolve().parents[1] / "cypher"
NAMED_QUERIES = sorted(path.stem for path in CYPHER_DIR.glob("*.cypher") if path.stem != "schema")

# Read queries over the investor graph; $investor, $company, $other and $keys come from the data.
# Every ORDER BY gives a total order, so ordered results can be compared row by row.
QUERIES = {
    "count_label": "MATCH (n:Company) RETURN count(n) AS companies",
    "labels": "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS nodes",
    "types": "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS relationships",
    "top_companies": "MATCH (i)-[:INVESTED_IN]->(c:Company) RETURN c.name AS company, count(i) AS investors "
                     "ORDER BY investors DESC, company LIMIT 10",
    "totals": "MATCH (i:Investor)-[r:INVESTED_IN]->() WHERE r.amount_usd > 1e7 "
              "RETURN i.name AS investor, sum(r.amount_usd) AS total, count(r) AS deals "
              "ORDER BY total DESC, investor LIMIT 15",
    "optional": "MATCH (c:Company) WHERE c.name STARTS WITH 'Ka' OPTIONAL MATCH (c)<-[:INVESTED_IN]-(i) "
                "WITH c, i ORDER BY i.name RETURN c.name AS company, collect(i.name) AS investors",
    "with_where": "MATCH (i)-[:INVESTED_IN]->(c) WITH i, count(c) AS deals WHERE deals >= 5 "
                  "RETURN i.name AS investor, deals ORDER BY deals DESC, investor",
    "unwind": "UNWIND ['seed', 'Series A', 'IPO', 'none'] AS round "
              "OPTIONAL MATCH ()-[r:INVESTED_IN {round: round}]->() RETURN round, count(r) AS deals",
    "collect_distinct": "MATCH ()-[r:INVESTED_IN]->(c) WHERE r.round = 'IPO' WITH DISTINCT c ORDER BY c.name "
                        "RETURN collect(c.name)[0..5] AS first, count(*) AS companies",
    "shortest_path": "MATCH (a {key: $investor}), (b {key: $other}) MATCH p = shortestPath((a)-[*..6]-(b)) "
                     "RETURN length(p) AS hops",
    "starts_ends_contains": "MATCH (n) WHERE n.name STARTS WITH 'Ka' OR n.name ENDS WITH 'Labs' "
                            "OR n.name CONTAINS 'zen' RETURN n.name AS name ORDER BY name",
    "case": "MATCH ()-[r:INVESTED_IN]->() RETURN CASE WHEN r.amount_usd >= 1e8 THEN 'large' "
            "WHEN r.amount_usd >= 1e7 THEN 'medium' ELSE 'small' END AS size, count(*) AS deals",
    "list_comprehension": "MATCH (n:Person) RETURN n.name AS name, "
                          "[label IN labels(n) WHERE label <> 'Person' | toLower(label)] AS other",
    "negative_pattern": "MATCH (c:Company) WHERE NOT (c)<-[:INVESTED_IN]-() RETURN count(c) AS uninvested",
    "pattern_predicates": "MATCH (c:Company) WHERE (c)-[:BACKED_BY]->() AND (c)<-[:INVESTED_IN]-() "
                          "RETURN c.name AS name ORDER BY name",
    "count_distinct": "MATCH (i)-[:INVESTED_IN]->(c)<-[:INVESTED_IN]-(j) WHERE i <> j "
                      "RETURN count(DISTINCT c) AS companies, count(DISTINCT i) AS investors",
    "co_investor_pairs": "MATCH (i:Investor)-[:INVESTED_IN]->(c)<-[:INVESTED_IN]-(j:Investor) "
                         "WHERE i.name < j.name RETURN i.name AS a, j.name AS b, count(c) AS shared "
                         "ORDER BY shared DESC, a, b LIMIT 10",
    "min_max": "MATCH ()-[r:INVESTED_IN]->() RETURN min(r.date) AS first, max(r.date) AS last, "
               "min(r.amount_usd) AS smallest, max(r.amount_usd) AS largest",
    "string_functions": "MATCH (n:Investor) RETURN toUpper(substring(n.name, 0, 2)) AS prefix, "
                        "size(split(n.name, ' ')) AS words, count(*) AS investors",
    "var_length": "MATCH (a {key: $investor})-[:INVESTED_IN|BACKED_BY*1..2]-(b) "
                  "RETURN count(DISTINCT b) AS reach",
    "by_year": "MATCH ()-[r:INVESTED_IN]->() WHERE r.date IS NOT NULL "
               "RETURN substring(r.date, 0, 4) AS year, count(*) AS deals ORDER BY year",
    "list_property": "MATCH ()-[r]->() RETURN size(r.evidence) AS evidence, r.led AS led, count(*) AS n",
    "undirected": "MATCH (c:Company)-[:COMPETES_WITH]-(d:Company) RETURN c.name AS company, count(d) AS rivals "
                  "ORDER BY rivals DESC, company LIMIT 10",
    "skip_limit": "MATCH (n:Investor) RETURN n.name AS name ORDER BY name SKIP 5 LIMIT 5",
    "in_list_parameter": "MATCH (n) WHERE n.key IN $keys RETURN n.name AS name, n.labels AS labels",
    "union": "MATCH (n:Fund) RETURN n.name AS name UNION MATCH (n:Person) RETURN n.name AS name",
    "pattern_comprehension": "MATCH (n) RETURN n.name AS name, size([(n)--(m) | m.key]) AS degree "
                             "ORDER BY degree DESC, name LIMIT 10",
    "coalesce": "MATCH ()-[r]->() RETURN type(r) AS type, coalesce(r.round, 'none') AS round, count(*) AS n",
    "reduce": "MATCH ({key: $investor})-[r:INVESTED_IN]->() WITH collect(r.amount_usd) AS amounts "
              "RETURN reduce(total = 0.0, x IN amounts | total + coalesce(x, 0.0)) AS total, size(amounts) AS n",
    "return_node": "MATCH (n {key: $investor}) RETURN n",
    "return_relationships": "MATCH ({key: $investor})-[r:INVESTED_IN]->(c) RETURN r, c.key AS company",
    "return_paths": "MATCH p = ({key: $company})<-[:INVESTED_IN]-(i)-[:INVESTED_IN]->(other) "
                    "WHERE other.key < 'd' RETURN p",
    "quantifiers": "MATCH (n) WHERE any(label IN labels(n) WHERE label IN ['Fund', 'Person']) "
                   "AND none(word IN split(n.name, ' ') WHERE word = 'Capital') RETURN count(n) AS n",
    "distinct_values": "MATCH ()-[r:INVESTED_IN]->() RETURN DISTINCT r.round AS round ORDER BY round",
    "arithmetic": "MATCH ()-[r:INVESTED_IN]->() WHERE r.amount_usd IS NOT NULL "
                  "RETURN round(r.amount_usd / 1e6) AS millions, r.amount_usd % 7 AS rest, "
                  "toInteger(r.amount_usd) / 1000 AS thousands ORDER BY r.amount_usd DESC, rest LIMIT 5",
    "string_plus_number": "RETURN 'a' + 1 AS text, 1 + 2.5 AS sum, 7 / 2 AS quotient, -7 % 3 AS rest",
    "temporal_components": "MATCH ()-[r:INVESTED_IN]->() WHERE r.date IS NOT NULL WITH date(r.date) AS day "
                           "RETURN day.year AS year, day.quarter AS quarter, count(*) AS deals",
    "temporal_values": "RETURN date('2024-01-31') + duration('P1M') AS next_month, "
                       "duration.between(date('2020-02-29'), date('2024-03-01')) AS span, "
                       "datetime('2015-07-21T21:40:32.142+0100') AS moment, localtime('12:31:14.645876123') AS time",
    "map_projection": "MATCH (n {key: $company}) RETURN n {.name, .key, labels: labels(n)} AS entity",
}


def _data_parameters(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """Pick the most active investor, the most invested-in company and a node reachable from both."""
    out_degree = Counter(s for s, _, data in graph.edges(data=True) if data["type"] == "INVESTED_IN")
    in_degree = Counter(t for _, t, data in graph.edges(data=True) if data["type"] == "INVESTED_IN")
    investor = min(out_degree, key=lambda key: (-out_degree[key], key))
    company = min(in_degree, key=lambda key: (-in_degree[key], key))
    undirected = graph.to_undirected(as_view=True)
    distances = nx.single_source_shortest_path_length(undirected, investor, cutoff=4)
    other = min((key for key, hops in distances.items() if hops == 3), default=company)
    dated = sorted(data["date"] for *_, data in graph.edges(data=True) if data.get("date"))
    return {"investor": investor, "company": company, "other": other, "keys": [investor, company, other],
            "since": dated[len(dated) // 4][:4], "before": dated[3 * len(dated) // 4][:7]}


@pytest.fixture(scope="module")
def backends(neo4j_settings, tmp_path_factory) -> Iterator[tuple[GraphFileBackend, Any, dict[str, Any]]]:
    """The same generated graph in a graph file and in the session's Neo4j (emptied first), loaded
    once for the module; the Neo4j tests of other modules empty the database only between modules."""
    from graphkit.backends.neo4j import Neo4jBackend

    graph = make_investor_graph(nodes=300, edges=900, seed=7)
    path = tmp_path_factory.mktemp("differential") / "graph.json"
    save_graph(graph, path)
    neo4j = Neo4jBackend(neo4j_settings)
    neo4j.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
    neo4j.load_graph(graph)
    yield GraphFileBackend(path), neo4j, _data_parameters(graph)
    neo4j.close()


def _sorted_scalar_lists(value: Any) -> Any:
    """Sort lists of strings and numbers (collected names, keys); lists of maps keep their order."""
    if isinstance(value, dict):
        return {key: _sorted_scalar_lists(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [_sorted_scalar_lists(item) for item in value]
        if all(isinstance(item, (str, int, float)) for item in items):
            return sorted(items, key=lambda item: (type(item).__name__, item))
        return items
    return value


def _canonical(rows: list[list[Any]], unordered_lists: bool) -> list[str]:
    plain = [to_plain(row) for row in rows]
    if unordered_lists:
        plain = [_sorted_scalar_lists(row) for row in plain]
    return [json.dumps(row, sort_keys=True) for row in plain]


def assert_same(query: str, parameters: dict[str, Any], engine: GraphFileBackend, neo4j: Any,
                unordered_lists: bool = False) -> None:
    """Both backends give the same columns and rows (in order when the query ends with ORDER BY);
    ``unordered_lists`` for queries that collect() without ordering first."""
    mine = engine.run(query, parameters)
    theirs = neo4j.run(query, parameters)
    assert mine.columns == theirs.columns
    ordered = re.search(r"\bORDER\s+BY\b", query.split("RETURN")[-1], re.IGNORECASE) is not None
    expected, actual = _canonical(theirs.rows, unordered_lists), _canonical(mine.rows, unordered_lists)
    if ordered:
        assert actual == expected
    else:
        assert Counter(actual) == Counter(expected), (
            f"engine only: {list((Counter(actual) - Counter(expected)).elements())[:5]}; "
            f"Neo4j only: {list((Counter(expected) - Counter(actual)).elements())[:5]}")


def _query_parameters(query: str, data: dict[str, Any], window: bool) -> dict[str, Any]:
    """The parameters a named query uses, from the data; the time window open or set."""
    names = set(re.findall(r"\$(\w+)", query))
    values = {"key": data["investor"], "source": data["investor"], "target": data["other"],
              "lower": data["company"].replace("-", " "), "since": None, "before": None}
    if window:
        values.update(since=data["since"], before=data["before"])
    return {name: values.get(name, data.get(name)) for name in names}


def _named_query_cases() -> list:
    """Every named query over all time, and again with a time window where it takes one."""
    cases = [pytest.param(name, False, id=f"{name}-all-time") for name in NAMED_QUERIES]
    for name in NAMED_QUERIES:
        if "$since" in (CYPHER_DIR / f"{name}.cypher").read_text(encoding="utf-8"):
            cases.append(pytest.param(name, True, id=f"{name}-window"))
    return cases


@pytest.mark.parametrize(("name", "window"), _named_query_cases())
def test_named_query(backends, name: str, window: bool) -> None:
    engine, neo4j, data = backends
    query = (CYPHER_DIR / f"{name}.cypher").read_text(encoding="utf-8")
    parameters = _query_parameters(query, data, window)
    # The named queries collect() names without ordering them first: their order is not defined.
    assert_same(query, parameters, engine, neo4j, unordered_lists=True)
    if "$key" in query:  # also from the company's side
        assert_same(query, {**parameters, "key": data["company"]}, engine, neo4j, unordered_lists=True)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_read_query(backends, name: str) -> None:
    engine, neo4j, data = backends
    query = QUERIES[name]
    parameters = {key: value for key, value in data.items() if f"${key}" in query}
    # labels() order is unspecified in Cypher (Neo4j lists them in label-creation order).
    assert_same(query, parameters, engine, neo4j, unordered_lists="labels(" in query)


def test_named_queries_are_found() -> None:
    assert {"investors_of", "portfolio", "shortest_path"} <= set(NAMED_QUERIES)
