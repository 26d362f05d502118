"""Extraction speed: articles per second on one core and with a process pool, plus recall.

Generates a synthetic corpus with known relations (:mod:`benchmarks.generate_articles`), runs the
whole pipeline (read, extract, resolve) with one worker and with ``--workers N``, and prints the
rates. Recall and precision against the generator's truth are printed too: a fast run that finds
nothing would be timing a no-op, so a recall under ``--min-recall`` fails the run.

    python -m benchmarks.bench_extract --count 400 --workers 2

Examples
--------
>>> truth = [{"relations": [{"source": "Acme Capital", "target": "Beta AI", "type": "INVESTED_IN"}]}]
>>> sorted(true_relations(truth))
[('acme-capital', 'beta-ai', 'FUNDING')]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

import networkx as nx

from benchmarks.generate_articles import write_corpus
from graphkit.graph import node_key
from graphkit.model import FUNDING_TYPES
from graphkit.pipeline import RunReport, extract_paths


def true_relations(truth: list[dict]) -> set[tuple[str, str, str]]:
    """Return the corpus's relations as (investor or company, company or rival, kind) keys.

    Funding is compared investor -> company whatever the edge says (INVESTED_IN one way, BACKED_BY
    the other); competition is unordered.
    """
    found = set()
    for article in truth:
        for relation in article["relations"]:
            source, target = node_key(relation["source"]), node_key(relation["target"])
            if relation["type"] in FUNDING_TYPES:
                found.add((source, target, "FUNDING"))
            else:
                found.add((*sorted((source, target)), relation["type"]))
    return found


def graph_relations(graph: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    """Return the graph's edges in the same shape as :func:`true_relations`."""
    found = set()
    for source, target, kind in graph.edges(data="type"):
        if kind == "INVESTED_IN":
            found.add((source, target, "FUNDING"))
        elif kind == "BACKED_BY":
            found.add((target, source, "FUNDING"))
        else:
            found.add((*sorted((source, target)), kind))
    return found


def cpu_seconds() -> float:
    """Return CPU time used so far by this process and its finished children (workers)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def timed_run(folder: Path, workers: int) -> tuple[nx.MultiDiGraph, RunReport, float]:
    """Return the graph, the run's report (total, extraction, resolution times) and its CPU seconds."""
    before = cpu_seconds()
    graph, report = extract_paths([folder], workers=workers)
    return graph, report, cpu_seconds() - before


def main() -> int:
    """Run the benchmark and print its figures; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=400, help="articles to generate")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2, help="processes for the parallel run")
    parser.add_argument(
        "--min-recall",
        type=float,
        default=0.2,
        help="fail below this recall (a guard against timing a no-op)",
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="graphkit-bench-") as folder:
        truth = write_corpus(folder, options.count, options.seed)
        words = sum(item["words"] for item in truth) / len(truth)
        articles = Path(folder) / "articles"
        expected = true_relations(truth)
        print(
            f"corpus: {len(truth)} synthetic articles, about {words:.0f} words each, "
            f"{len(expected)} true relations; {os.cpu_count()} CPU(s) visible, load average "
            f"{os.getloadavg()[0]:.1f} (other work on the machine slows both runs)"
        )
        results = {}
        for workers in (1, options.workers):
            graph, report, cpu = timed_run(articles, workers)
            results[workers] = graph
            print(
                f"workers={workers}: {report.articles} articles in {report.seconds:.2f} s = "
                f"{report.articles / report.seconds:.1f} articles/s end to end; read+extract "
                f"{report.extract_seconds:.2f} s = {report.articles / report.extract_seconds:.1f} articles/s, "
                f"resolve {report.resolve_seconds:.2f} s; {cpu:.2f} CPU s = "
                f"{report.articles / cpu:.1f} articles per CPU second"
            )
        found = graph_relations(results[1])
        recall = len(found & expected) / len(expected)
        precision = len(found & expected) / len(found) if found else 0.0
        same = json.dumps(nx.node_link_data(results[1], edges="edges"), sort_keys=True) == json.dumps(
            nx.node_link_data(results[options.workers], edges="edges"), sort_keys=True
        )
        print(
            f"recall {recall:.3f}, precision {precision:.3f} against the generator's truth; "
            f"same graph with 1 and {options.workers} workers: {'yes' if same else 'NO'}"
        )
    if recall < options.min_recall or not same:
        print("FAILED: recall below --min-recall or the graphs differ", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
