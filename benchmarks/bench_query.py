"""Time typical investor-graph queries on the in-memory Cypher engine, Neo4j and grand-cypher.

The graph comes from :func:`benchmarks.synthetic_graph.make_investor_graph` (default 100k nodes /
300k edges), turned into graphkit's property graph; both are cached in ``/tmp`` (generating them
takes minutes). Each query runs ``--repeat`` times per engine: cold is the first run (for graphkit
with its indexes dropped first, so it builds the ones the query needs, as a one-query CLI process
does), warm the median of the other runs.

- Neo4j runs when ``NEO4J_URI`` is set (``NEO4J_USERNAME`` / ``NEO4J_PASSWORD``): the same graph is
  loaded with :class:`graphkit.backends.neo4j.Neo4jBackend` unless the database already holds that
  many nodes and relationships, then the same queries run there.
- grand-cypher runs when it is installed, on a copy of the graph with its ``__labels__``
  convention; it takes no parameters and a smaller Cypher, so it gets each query in its dialect
  with the parameters written in (no shortestPath). Each query runs in a forked process stopped
  after ``--grand-timeout`` seconds.

Example::

    python -m benchmarks.bench_query --nodes 100000 --edges 300000
    python -m benchmarks.bench_query --nodes 2000 --edges 6000 --repeat 3   # a quick look
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import os
import pickle
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from benchmarks.synthetic_graph import make_investor_graph
from graphkit.cypher_engine import execute
from graphkit.cypher_engine.context import invalidate_indexes
from graphkit.graph import to_property_graph

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
# The same queries in grand-cypher's dialect (upper-case aggregates, ORDER BY expressions, literal
# values in place of $parameters); it has no shortestPath.
GRAND_CYPHER_QUERIES: dict[str, str] = {
    "lookup by name": "MATCH (c:Company {name: $company}) RETURN c.name AS name",
    "lookup by key, no label": "MATCH (n {key: $investor_key}) RETURN n.name AS name",
    "1-hop portfolio": (
        "MATCH (i:Investor {name: $investor})-[:INVESTED_IN]->(c) RETURN c.name AS name ORDER BY c.name"),
    "2-hop co-investors": (
        "MATCH (i:Investor {name: $investor})-[:INVESTED_IN]->(c)<-[:INVESTED_IN]-(other:Investor) "
        "WHERE other <> i RETURN other.name AS name, COUNT(c) AS shared "
        "ORDER BY COUNT(c) DESC LIMIT 10"),
    "where-equality start": (
        "MATCH (i)-[:INVESTED_IN]->(c) WHERE i.name = $investor RETURN COUNT(c) AS companies"),
    "top companies by investors": (
        "MATCH (c:Company)<-[:INVESTED_IN]-(i) RETURN c.name AS name, COUNT(i) AS investors "
        "ORDER BY COUNT(i) DESC LIMIT 5"),
}

Runner = Callable[[str], object]


def cached_graphs(nodes: int, edges: int, seed: int) -> tuple[nx.MultiDiGraph, nx.MultiDiGraph]:
    """Return the generated graph and its property graph, from a pickle in /tmp when there is one."""
    path = Path(f"/tmp/graphkit-bench-query-{nodes}n-{edges}e-s{seed}.pickle")
    collecting = gc.isenabled()
    gc.disable()  # millions of new objects: cyclic collections would triple the time
    try:
        if path.exists():
            with path.open("rb") as handle:
                return pickle.load(handle)
        graph = make_investor_graph(nodes=nodes, edges=edges, seed=seed)
        graphs = graph, to_property_graph(graph)
        with path.open("wb") as handle:
            pickle.dump(graphs, handle, protocol=pickle.HIGHEST_PROTOCOL)
        return graphs
    finally:
        if collecting:
            gc.enable()


def pick_parameters(graph: nx.MultiDiGraph) -> dict:
    """Return query parameters naming a busy investor and a well-funded company of the graph."""
    investor = max((n for n, d in graph.nodes(data=True) if "Investor" in d.get("labels", ())),
                   key=graph.out_degree)
    company = max((n for n, d in graph.nodes(data=True) if "Company" in d.get("labels", ())),
                  key=graph.in_degree)
    return {"investor": graph.nodes[investor]["name"], "investor_key": graph.nodes[investor].get("key", investor),
            "company": graph.nodes[company]["name"]}


def timed(run: Callable[[], object], repeat: int, before_first: Callable[[], object] = lambda: None
          ) -> tuple[float, float]:
    """Return (first run seconds, median seconds of the other runs); ``before_first`` is not timed."""
    times = []
    for _ in range(max(repeat, 1)):
        if not times:
            before_first()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    rest = times[1:] or times
    return times[0], statistics.median(rest)


def neo4j_runner(graph: nx.MultiDiGraph, parameters: dict) -> Runner | None:
    """Return a function running a query on Neo4j (the graph loaded first), or None without NEO4J_URI."""
    if not os.environ.get("NEO4J_URI"):
        return None
    from graphkit.backends.neo4j import Neo4jBackend
    from graphkit.backends.settings import Neo4jSettings
    backend = Neo4jBackend(Neo4jSettings.from_options())
    counts = backend.run("MATCH (n) WITH count(n) AS nodes "
                         "OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS relationships").rows[0]
    if counts != [graph.number_of_nodes(), graph.number_of_edges()]:
        start = time.perf_counter()
        backend.load_graph(graph)
        print(f"neo4j: loaded in {time.perf_counter() - start:.0f} s")
    return lambda query: backend.run(query, parameters)


def grand_cypher_runner(graph: nx.MultiDiGraph, parameters: dict, timeout: float) -> Runner | None:
    """Return a function timing a query with grand-cypher in a forked process, if it is installed.

    The function returns (cold seconds, warm seconds) of ``--repeat`` runs; it raises
    TimeoutError when they take longer than ``timeout`` seconds.
    """
    try:
        from grandcypher import GrandCypher
    except ImportError:
        return None
    host = nx.MultiDiGraph()
    host.add_nodes_from((node, {**data, "__labels__": set(data["labels"])}) for node, data in graph.nodes(data=True))
    host.add_edges_from((source, target, key, {**data, "__labels__": {data["type"]}})
                        for source, target, key, data in graph.edges(keys=True, data=True))
    engine = GrandCypher(host)
    literals = {name: json.dumps(value) for name, value in parameters.items()}

    def run(query: str, repeat: int) -> tuple[float, float]:
        for name in sorted(literals, key=len, reverse=True):
            query = query.replace("$" + name, literals[name])
        receiving, sending = multiprocessing.Pipe(duplex=False)

        def child() -> None:
            try:
                sending.send(timed(lambda: engine.run(query), repeat))
            except Exception as error:  # reported by the parent
                sending.send(error)
        process = multiprocessing.get_context("fork").Process(target=child)
        process.start()
        try:
            if not receiving.poll(timeout):
                raise TimeoutError(f"over {timeout:.0f} s")
            result = receiving.recv()
        finally:
            process.kill()
            process.join()
        if isinstance(result, Exception):
            raise result
        return result
    return run


def milliseconds(seconds: float | None) -> str:
    """Return seconds as a right-aligned millisecond cell, or n/a."""
    return f"{'n/a':>10}" if seconds is None else f"{seconds * 1000:>10,.1f}"


def ratio(slower: float | None, faster: float | None) -> str:
    """Return how many times ``faster`` beats ``slower``, or n/a."""
    if slower is None or faster is None:
        return f"{'n/a':>10}"
    return f"{slower / faster:>9,.1f}x"


def main(argv: list[str] | None = None) -> None:
    """Generate the graph, run every query on every available engine, print a table of timings."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--edges", type=int, default=300_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--grand-timeout", type=float, default=300.0,
                        help="seconds a query may take on grand-cypher (all repeats)")
    options = parser.parse_args(argv)

    start = time.perf_counter()
    graph, flat = cached_graphs(options.nodes, options.edges, options.seed)
    print(f"graph: {flat.number_of_nodes():,} nodes, {flat.number_of_edges():,} edges "
          f"(ready in {time.perf_counter() - start:.1f} s); load average {os.getloadavg()[0]:.1f}")
    parameters = pick_parameters(flat)
    start = time.perf_counter()
    execute(flat, "RETURN 1")
    print(f"graphkit: first query of the process (parser tables) {(time.perf_counter() - start) * 1000:.0f} ms")

    grand = grand_cypher_runner(flat, parameters, options.grand_timeout)
    grand_times: dict[str, float | str] = {}
    for title, query in GRAND_CYPHER_QUERIES.items():
        if grand is not None:
            try:
                grand_times[title] = grand(query, options.repeat)[1]
            except Exception as error:  # an engine that cannot run a query is reported, not fatal
                grand_times[title] = f"{type(error).__name__}: {error}"
    neo4j = neo4j_runner(graph, parameters)

    print(f"{'query':28}{'graphkit cold':>14}{'warm':>10}{'neo4j warm':>12}{'grand-cypher':>14}"
          f"{'neo4j/gk':>10}{'grand/gk':>10}   (ms, warm = median of {options.repeat - 1} runs)")
    failures = []
    for title, query in QUERIES.items():
        cold, warm = timed(lambda query=query: execute(flat, query, parameters), options.repeat,
                           before_first=lambda: invalidate_indexes(flat))
        neo4j_warm = timed(lambda query=query: neo4j(query), options.repeat)[1] if neo4j else None
        grand_warm = grand_times.get(title)
        if isinstance(grand_warm, str):
            failures.append(f"grand-cypher, {title}: {grand_warm}")
            grand_warm = None
        print(f"{title:28}{milliseconds(cold):>14}{milliseconds(warm)}{milliseconds(neo4j_warm):>12}"
              f"{milliseconds(grand_warm):>14}{ratio(neo4j_warm, warm)}{ratio(grand_warm, warm)}")
    for failure in failures:
        print(failure)
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
