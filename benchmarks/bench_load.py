"""Loading speed into Neo4j: the batched UNWIND/MERGE loader against a naive one-query-per-row loader.

Generates an investor graph (default 100k nodes, 300k relationships), loads it into an emptied
database with :func:`graphkit.backends.neo4j.load_graph_into_neo4j`, loads it again (nothing to
write: the idempotent path), then runs the naive loader — one auto-commit ``MERGE`` query per
relationship, endpoints merged in the same query — on a sample of the first relationships, and
prints relationships/s side by side. Says whether the ``neo4j-rust-ext`` driver extension is in use.

The server comes from --uri/--password or NEO4J_URI/NEO4J_PASSWORD; for a local one start
``tests/neo4j_server`` (see its README). The database is emptied first: do not point it at data
you want to keep.

Example::

    python -m benchmarks.bench_load --uri bolt://127.0.0.1:7687 --password graphkit-test
"""

from __future__ import annotations

import argparse
import importlib.metadata
import time

import networkx as nx

from benchmarks.synthetic_graph import make_investor_graph
from graphkit.backends.neo4j import Neo4jBackend, load_graph_into_neo4j
from graphkit.backends.neo4j_load import check_vocabulary, edge_props, ensure_schema
from graphkit.backends.settings import Neo4jSettings
from graphkit.graph import to_property_graph

CLEAR = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"


def naive_load(backend: Neo4jBackend, graph: nx.MultiDiGraph, sample: int) -> tuple[int, float]:
    """Load the first ``sample`` relationships one auto-commit query each; return (count, seconds)."""
    flat = to_property_graph(graph)
    check_vocabulary(flat)  # relationship types go into the query text below
    edges = list(flat.edges(data=True))[:sample]
    started = time.perf_counter()
    with backend.session() as session:
        for source, target, data in edges:
            query = ("MERGE (a:Entity {key: $source}) SET a = $source_props "
                     "MERGE (b:Entity {key: $target}) SET b = $target_props "
                     f"MERGE (a)-[r:{data['type']}]->(b) SET r = $props")
            session.run(query, source=source, target=target, source_props=flat.nodes[source],
                        target_props=flat.nodes[target], props=edge_props(data)).consume()
    return len(edges), time.perf_counter() - started


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--edges", type=int, default=300_000)
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--naive-sample", type=int, default=5000)
    parser.add_argument("--uri")
    parser.add_argument("--user")
    parser.add_argument("--password")
    args = parser.parse_args()
    settings = Neo4jSettings.from_options(uri=args.uri, user=args.user, password=args.password)
    try:
        rust = f"neo4j-rust-ext {importlib.metadata.version('neo4j-rust-ext')}"
    except importlib.metadata.PackageNotFoundError:
        rust = "neo4j-rust-ext not installed"
    print(f"driver: neo4j {importlib.metadata.version('neo4j')}, {rust}")

    started = time.perf_counter()
    graph = make_investor_graph(args.nodes, args.edges, seed=0)
    print(f"graph: {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} relationships "
          f"(generated in {time.perf_counter() - started:.1f} s)")

    backend = Neo4jBackend(settings)
    backend.run(CLEAR)
    first = load_graph_into_neo4j(graph, settings, batch_size=args.batch_size, progress=True)
    again = load_graph_into_neo4j(graph, settings, batch_size=args.batch_size, progress=False)
    backend.run(CLEAR)
    with backend.session() as session:
        ensure_schema(session)
    naive_count, naive_seconds = naive_load(backend, graph, args.naive_sample)
    backend.run(CLEAR)
    backend.close()

    batched_rate = first.relationships / first.seconds
    naive_rate = naive_count / naive_seconds
    print(f"batched loader, batch size {args.batch_size}: {first.nodes:,} nodes + {first.relationships:,} "
          f"relationships in {first.seconds:.1f} s = {batched_rate:,.0f} relationships/s "
          f"(nodes included in the time)")
    print(f"batched loader, same graph again (nothing to write): {again.seconds:.1f} s, "
          f"written: {again.counters}")
    print(f"naive loader, one MERGE query per relationship, first {naive_count:,} relationships: "
          f"{naive_seconds:.1f} s = {naive_rate:,.0f} relationships/s")
    print(f"batched / naive: {batched_rate / naive_rate:.1f}x")


if __name__ == "__main__":
    main()
