"""Time each explore question on a generated graph file (default 100k nodes / 300k edges).

The graph is generated once and cached as a graph file (``--cache``). The one-off costs, reading
the file and building the property view the Cypher engine runs on, are reported apart from the
questions, which each run ``--repeat`` times (the median is printed).

Example::

    python -m benchmarks.bench_explore --nodes 100000 --edges 300000
    python -m benchmarks.bench_explore --nodes 2000 --edges 6000 --repeat 1   # a quick look
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import networkx as nx

from benchmarks import synthetic_graph
from graphkit.backends import open_backend
from graphkit.cypher_engine.parser import parse
from graphkit.explore import Explorer, Window
from graphkit.explore_network import communities, top_entities
from graphkit.graph import save_graph
from graphkit.queries import QUERY_DIR, named_query


class CountingGraph(nx.MultiDiGraph):
    """A MultiDiGraph whose ``number_of_edges()`` is O(1).

    ``make_investor_graph`` loops ``while graph.number_of_edges() < edges``, and networkx counts
    edges by walking every node: at 100k nodes that loop would take hours instead of seconds.
    """

    def __init__(self, *args, **kwargs) -> None:
        self.edge_count = 0
        super().__init__(*args, **kwargs)

    def add_edge(self, u, v, key=None, **attr):
        """Add an edge as networkx does, counting it when it is new."""
        new = key is None or not self.has_edge(u, v, key)
        result = super().add_edge(u, v, key, **attr)
        self.edge_count += new
        return result

    def number_of_edges(self, u=None, v=None) -> int:
        """The edge count (kept up to date), or networkx's count between ``u`` and ``v``."""
        return self.edge_count if u is None and v is None else super().number_of_edges(u, v)


def cached_graph_file(nodes: int, edges: int, seed: int, cache: Path | None) -> Path:
    """Return a graph file of the generated graph, generating and saving it when missing."""
    path = cache or Path(f"/tmp/graphkit-explore-{nodes}n-{edges}e-s{seed}.json")
    if not path.exists():
        started = time.perf_counter()
        with mock.patch.object(synthetic_graph, "new_graph", CountingGraph):
            graph = synthetic_graph.make_investor_graph(nodes, edges, seed)
        save_graph(graph, path)
        print(f"generated and saved {path} in {time.perf_counter() - started:.1f} s")
    return path


def timed(call: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Return the median seconds of ``repeat`` calls and the last result."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def size_of(result: object) -> str:
    """Return a short description of how much a question returned."""
    if not isinstance(result, dict):
        return ""
    for field in ("investors", "portfolio", "coinvestors", "paths", "ranking", "communities", "relations"):
        if field in result:
            return f"{len(result[field])} {field}"
    return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--edges", type=int, default=300_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cache", type=Path, help="graph file to use (generated when missing)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip", nargs="*", default=[], help="questions to leave out, e.g. communities")
    options = parser.parse_args()

    path = cached_graph_file(options.nodes, options.edges, options.seed, options.cache)
    backend = open_backend(path)
    explorer = Explorer(backend)
    load_seconds, graph = timed(explorer.graph, 1)
    view_seconds, _ = timed(backend.property_graph, 1)
    print(f"graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges ({path})")
    print(f"one-off: read graph file {load_seconds:.2f} s; build the query engine's property view "
          f"{view_seconds:.2f} s")

    in_degree = Counter(target for _, target, kind in graph.edges(data="type") if kind == "INVESTED_IN")
    out_degree = Counter(source for source, _, kind in graph.edges(data="type") if kind == "INVESTED_IN")
    hub_company = graph.nodes[max(in_degree, key=in_degree.get)]["name"]
    hub_investor = graph.nodes[max(out_degree, key=out_degree.get)]["name"]
    investors = sorted((node for node in graph if out_degree[node] >= 3), key=lambda node: (out_degree[node], node))
    typical = graph.nodes[investors[len(investors) // 2]]["name"]
    away = [node for node in investors if all(in_degree[company] < 100 for company in graph.successors(node))]
    away_from_hubs = graph.nodes[away[len(away) // 2]]["name"]
    companies = sorted((node for node in graph if in_degree[node] >= 2), key=lambda node: (in_degree[node], node))
    company = graph.nodes[companies[len(companies) // 2]]["name"]
    warm_seconds, _ = timed(lambda: (explorer.resolve(company),
                                     [parse(named_query(path.stem)) for path in QUERY_DIR.glob("*.cypher")
                                      if path.stem != "schema"]), 1)
    print(f"one-off: first query and parsing the named queries (grammar load, the engine's indexes) "
          f"{warm_seconds:.2f} s")
    window = Window.parse(since="2018", until="2020-06")
    print(f"names: hub company {hub_company!r} ({max(in_degree.values())} investors), hub investor "
          f"{hub_investor!r} ({max(out_degree.values())} investments), typical investor {typical!r} "
          f"(and {away_from_hubs!r}, whose companies have < 100 investors each), "
          f"typical company {company!r}")

    questions: list[tuple[str, Callable[[], object]]] = [
        ("resolve (by key)", lambda: explorer.resolve(company.upper())),
        ("resolve (unknown name: scan + suggestions)", lambda: _unknown(explorer, company + "zz")),
        ("investors (typical company)", lambda: explorer.investors(company)),
        ("investors (hub company)", lambda: explorer.investors(hub_company)),
        ("investors --since/--until (hub company)", lambda: explorer.investors(hub_company, window)),
        ("portfolio (typical investor)", lambda: explorer.portfolio(typical)),
        ("portfolio (hub investor)", lambda: explorer.portfolio(hub_investor)),
        ("coinvestors (typical investor)", lambda: explorer.coinvestors(typical, limit=20)),
        ("coinvestors (hub investor)", lambda: explorer.coinvestors(hub_investor, limit=20)),
        ("coinvestors (investor with no hub company)", lambda: explorer.coinvestors(away_from_hubs, limit=20)),
        ("path (typical investor -> typical company)", lambda: explorer.path(typical, company)),
        ("path --since/--until", lambda: explorer.path(typical, company, window)),
        ("show (typical company)", lambda: explorer.show(company)),
        ("show (hub company)", lambda: explorer.show(hub_company)),
        ("top --by degree --label Investor", lambda: top_entities(graph, "degree", "Investor")),
        ("top --by pagerank", lambda: top_entities(graph, "pagerank")),
        ("top --by betweenness (20 sampled sources)", lambda: top_entities(graph, "betweenness")),
        ("communities", lambda: communities(graph)),
    ]
    print(f"{'question':48} {'seconds':>9}  result")
    for name, call in questions:
        if any(word in name for word in options.skip):
            continue
        seconds, result = timed(call, options.repeat)
        print(f"{name:48} {seconds:9.3f}  {size_of(result)}", flush=True)
    backend.close()


def _unknown(explorer: Explorer, name: str) -> list[str]:
    from graphkit.explore import EntityNotFoundError

    try:
        explorer.resolve(name)
    except EntityNotFoundError as error:
        return error.suggestions
    raise AssertionError(f"{name!r} unexpectedly resolved")


if __name__ == "__main__":
    main()
