"""Time typical investor-graph queries on the in-memory Cypher engine (and Neo4j, grand-cypher).

The graph comes from :func:`benchmarks.synthetic_graph.make_investor_graph` (default 100k nodes /
300k edges) turned into graphkit's property graph. Each query runs ``--repeat`` times; the table
shows the first run (cold: indexes built) and the median of the rest (warm), per engine. Neo4j
runs when NEO4J_URI is set (NEO4J_USER / NEO4J_PASSWORD), grand-cypher when it is installed and
can run the query.

Example::

    python -m benchmarks.bench_query --nodes 100000 --edges 300000
    python -m benchmarks.bench_query --nodes 2000 --edges 6000 --repeat 3   # a quick look
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable

import networkx as nx

from benchmarks.synthetic_graph import make_investor_graph
from graphkit.cypher_engine import execute
from graphkit.graph import to_property_graph

# name -> (query, what the parameters are drawn from)
QUERIES: dict[str, str] = {
    "lookup by name": "MATCH (c:Company {name: $company}) RETURN c.name AS name",
    "lookup by key, no label": "MATCH (n {key: $investor_key}) RETURN n.name AS name",
    "1-hop portfolio": (
        "MATCH (i:Investor {name: $investor})-[:INVESTED_IN]->(c) RETURN c.name AS name ORDER BY name"),
    "2-hop co-investors": (
        "MATCH (i:Investor {name: $investor})-[:INVESTED_IN]->(c)<-[:INVESTED_IN]-(other:Investor) "
        "WHERE other <> i RETURN other.name AS name, count(c) AS shared "
        "ORDER BY shared DESC, name LIMIT 10"),
    "where-equality start": (
        "MATCH (i)-[:INVESTED_IN]->(c) WHERE i.name = $investor RETURN count(c) AS companies"),
    "shortest path": (
        "MATCH (a:Investor {name: $investor}), (b:Company {name: $company}) "
        "MATCH p = shortestPath((a)-[*..8]-(b)) RETURN length(p) AS hops"),
    "top companies by investors": (
        "MATCH (c:Company)<-[:INVESTED_IN]-(i) RETURN c.name AS name, count(i) AS investors "
        "ORDER BY investors DESC LIMIT 5"),
}


def pick_parameters(graph: nx.MultiDiGraph) -> dict:
    """Return query parameters naming a busy investor and a well-funded company of the graph."""
    investor = max((n for n, d in graph.nodes(data=True) if "Investor" in d.get("labels", ())),
                   key=graph.out_degree)
    company = max((n for n, d in graph.nodes(data=True) if "Company" in d.get("labels", ())),
                  key=graph.in_degree)
    return {"investor": graph.nodes[investor]["name"], "investor_key": graph.nodes[investor].get("key", investor),
            "company": graph.nodes[company]["name"]}


def timed(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Return (first run seconds, median seconds of the other runs)."""
    times = []
    for _ in range(max(repeat, 1)):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    rest = times[1:] or times
    return times[0], statistics.median(rest)


def neo4j_runner() -> Callable[[str, dict], object] | None:
    """Return a function running a query on Neo4j, or None when NEO4J_URI is not set."""
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        return None
    from neo4j import GraphDatabase
    driver = GraphDatabase.driver(uri, auth=(os.environ.get("NEO4J_USER", "neo4j"),
                                             os.environ.get("NEO4J_PASSWORD", "")))
    return lambda query, parameters: driver.execute_query(query, parameters)


def grand_cypher_runner(graph: nx.MultiDiGraph) -> Callable[[str, dict], object] | None:
    """Return a function running a (parameter-free) query with grand-cypher, if it is installed."""
    try:
        from grandcypher import GrandCypher
    except ImportError:
        return None
    engine = GrandCypher(graph)

    def run(query: str, parameters: dict) -> object:
        if "$" in query:
            raise NotImplementedError("grand-cypher takes no parameters")
        return engine.run(query)
    return run


def main(argv: list[str] | None = None) -> None:
    """Generate the graph, run every query on every available engine, print a table of timings."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--edges", type=int, default=300_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args(argv)

    start = time.perf_counter()
    graph = to_property_graph(make_investor_graph(nodes=options.nodes, edges=options.edges, seed=options.seed))
    print(f"graph: {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges "
          f"(built in {time.perf_counter() - start:.1f} s)")
    parameters = pick_parameters(graph)
    engines: dict[str, Callable[[str, dict], object]] = {
        "graphkit": lambda query, params: execute(graph, query, params)}
    neo4j = neo4j_runner()
    if neo4j is not None:
        engines["neo4j"] = neo4j
    grand = grand_cypher_runner(graph)
    if grand is not None:
        engines["grand-cypher"] = grand

    header = f"{'query':32}" + "".join(f"{name + ' cold':>18}{name + ' warm':>18}" for name in engines)
    print(header)
    for title, query in QUERIES.items():
        cells = []
        for run in engines.values():
            try:
                cold, warm = timed(lambda run=run, query=query: run(query, parameters), options.repeat)
                cells.append(f"{cold * 1000:>15.1f} ms{warm * 1000:>15.1f} ms")
            except Exception as error:  # an engine that cannot run a query is reported, not fatal
                cells.append(f"{'n/a (' + type(error).__name__ + ')':>36}")
        print(f"{title:32}" + "".join(cells))


if __name__ == "__main__":
    main()
