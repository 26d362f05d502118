"""Benchmark the offline view: write a 5,000-node page, then time it in headless Chromium.

Prints: graph generation and page writing time (Python), page size, and per browser run the time
from navigation start until vis-network first drew the network, then how long a redraw, a search
and hiding/showing a label (Fund: a few hundred nodes; Company: 60% of them) take once it is up (all measured inside the page).

    python benchmarks/bench_view.py                          # 5,000 nodes, 15,000 edges, 3 runs
    python benchmarks/bench_view.py --graph graph.json       # an existing graph file instead
    python benchmarks/bench_view.py --screenshot seed.json docs/seed-graph.png

Examples
--------
>>> median([3.0, 1.0, 2.0])
2.0
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.chromium import missing_browser, start_chromium, wait_until_drawn  # noqa: E402
from benchmarks.synthetic_graph import make_investor_graph  # noqa: E402
from graphkit.graph import load_graph  # noqa: E402
from graphkit.viewer import write_view  # noqa: E402

# Runs inside the page once it is drawn; every figure is in milliseconds.
INTERACTION_SCRIPT = """
var view = window.graphkitView, network = view.network, figures = {};
var start = performance.now(); network.redraw(); figures.redraw = performance.now() - start;
var name = view.nodes.get()[view.nodes.length - 1].label;
document.getElementById("search").value = name;
start = performance.now();
document.getElementById("search-form").requestSubmit();
figures.search = performance.now() - start;
figures.found = network.getSelectedNodes().length === 1;
["Fund", "Company"].forEach(function (label) {
  var box = document.querySelector("#label-filters input[value='" + label + "']");
  start = performance.now(); box.click(); network.redraw(); box.click(); network.redraw();
  figures["filter" + label] = (performance.now() - start) / 2;
});
return figures;
"""


# Select the edge with the most evidence and show it in the details panel, for the screenshot.
SHOW_EVIDENCE_SCRIPT = """
var view = window.graphkitView, best = view.data.edges[0];
view.data.edges.forEach(function (e) { if (e.evidence.length > best.evidence.length) { best = e; } });
view.network.selectEdges([best.id]);
view.showEdge(best.id);
"""


def median(values: list[float]) -> float:
    """Return the median of some figures."""
    return statistics.median(values)


def time_in_browser(page: Path, runs: int) -> list[dict]:
    """Open the page ``runs`` times in a fresh Chromium; return the figures of each run."""
    results = []
    driver = start_chromium()
    try:
        for _ in range(runs):
            driver.get("about:blank")
            started = time.perf_counter()
            driver.get(page.as_uri())
            drawn = wait_until_drawn(driver, timeout=120)
            wall = (time.perf_counter() - started) * 1000
            figures = driver.execute_script(INTERACTION_SCRIPT)
            figures.update(drawn=drawn, wall=wall,
                           nodes=driver.execute_script("return window.graphkitView.nodes.length"))
            results.append(figures)
    finally:
        driver.quit()
    return results


def screenshot(graph_file: Path, png: Path) -> None:
    """Write the graph's view, let the physics settle, show the best-sourced edge, save a screenshot."""
    page = write_view(load_graph(graph_file), Path(tempfile.mkdtemp()) / "view.html", title="Seed investor network")
    driver = start_chromium()
    try:
        driver.set_window_size(1400, 860)
        driver.get(page.as_uri())
        wait_until_drawn(driver)
        deadline = time.time() + 20
        while time.time() < deadline and not driver.execute_script("return window.graphkitView.stabilized"):
            time.sleep(0.2)
        driver.execute_script("graphkitView.network.stopSimulation(); graphkitView.network.fit()")
        time.sleep(0.5)
        driver.execute_script(SHOW_EVIDENCE_SCRIPT)
        time.sleep(0.3)
        png.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(png))
    finally:
        driver.quit()
    print(f"saved {png}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=15000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--graph", type=Path, help="Use this graph file instead of a synthetic graph.")
    parser.add_argument("--screenshot", nargs=2, type=Path, metavar=("GRAPH", "PNG"),
                        help="Only save a screenshot of GRAPH's view as PNG.")
    args = parser.parse_args()
    missing = missing_browser()
    if missing:
        sys.exit(f"needs Debian chromium, chromium-driver and selenium; missing: {missing}")
    if args.screenshot:
        screenshot(*args.screenshot)
        return
    started = time.perf_counter()
    if args.graph:
        graph = load_graph(args.graph)
        print(f"loaded {args.graph}: {time.perf_counter() - started:.1f} s")
    else:
        graph = make_investor_graph(nodes=args.nodes, edges=args.edges, seed=0)
        print(f"generated graph: {time.perf_counter() - started:.1f} s")
    print(f"graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
    started = time.perf_counter()
    page = write_view(graph, Path(tempfile.mkdtemp()) / "view.html")
    print(f"write_view (layout + page): {time.perf_counter() - started:.2f} s, "
          f"page {page.stat().st_size / 1e6:.1f} MB")
    results = time_in_browser(page, args.runs)
    for index, figures in enumerate(results, 1):
        print(f"run {index}: drawn {figures['drawn']:.0f} ms after navigation start "
              f"(selenium wall {figures['wall']:.0f} ms); redraw {figures['redraw']:.0f} ms, "
              f"search {figures['search']:.0f} ms (found: {figures['found']}), "
              f"filter Fund {figures['filterFund']:.0f} ms, Company {figures['filterCompany']:.0f} ms; "
              f"{figures['nodes']} nodes in the page")
    for key, label in (("drawn", "first drawn"), ("redraw", "redraw"), ("search", "search"),
                       ("filterFund", "filter Fund"), ("filterCompany", "filter Company")):
        print(f"median {label}: {median([figures[key] for figures in results]):.0f} ms")


if __name__ == "__main__":
    main()
