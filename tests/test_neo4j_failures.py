"""Neo4j failures: an unreachable server, a wrong password, a server killed in the middle of a load."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from benchmarks.synthetic_graph import make_investor_graph
from graphkit.backends.neo4j import Neo4jBackend, load_graph_into_neo4j
from graphkit.backends.settings import Neo4jSettings
from graphkit.cli import app
from graphkit.errors import Neo4jUnavailableError
from graphkit.graph import save_graph


def closed_port() -> int:
    """Return a local port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("uri", [f"bolt://127.0.0.1:{closed_port()}", f"neo4j://127.0.0.1:{closed_port()}",
                                 "bolt://10.255.255.1:7687"])
def test_an_unreachable_server_is_a_clear_error_within_ten_seconds(uri):
    started = time.monotonic()
    with pytest.raises(Neo4jUnavailableError, match=f"cannot reach Neo4j at {uri}"):
        Neo4jBackend(Neo4jSettings(uri=uri, password="irrelevant"))
    assert time.monotonic() - started < 10


def test_cli_reports_an_unreachable_server_without_a_traceback():
    uri = f"bolt://127.0.0.1:{closed_port()}"
    for arguments in (["query", "--neo4j", "RETURN 1"], ["export", "-o", "unused.json"]):
        result = CliRunner().invoke(app, [*arguments, "--uri", uri, "--password", "x"])
        assert result.exit_code == 2
        assert f"error: cannot reach Neo4j at {uri}" in result.output
        assert "Traceback" not in result.output


def test_a_malformed_uri_is_a_clear_error():
    with pytest.raises(Neo4jUnavailableError, match="invalid Neo4j URI 'http://x'"):
        Neo4jBackend(Neo4jSettings(uri="http://x", password="x"))


@pytest.mark.neo4j
def test_a_wrong_password_is_a_clear_error(neo4j_settings):
    wrong = Neo4jSettings(uri=neo4j_settings.uri, user=neo4j_settings.user, password="not-the-password")
    with pytest.raises(Neo4jUnavailableError,
                       match=f"authentication failed for user {wrong.user} at {wrong.uri}"):
        Neo4jBackend(wrong)


@pytest.mark.neo4j
def test_a_load_cut_short_by_a_crash_is_completed_by_a_rerun(neo4j_launcher, tmp_path):
    graph = make_investor_graph(nodes=4000, edges=20000, seed=7)
    save_graph(graph, tmp_path / "graph.json")
    server = neo4j_launcher(data_dir=tmp_path / "neo4j")
    settings = server.settings()
    load = subprocess.Popen(
        [sys.executable, "-c", "from graphkit.cli import app; app()", "load", str(tmp_path / "graph.json"),
         "--batch-size", "100", "--uri", settings.uri, "--password", settings.password],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watcher = Neo4jBackend(settings)
    deadline = time.monotonic() + 300
    loaded = 0
    while loaded == 0 and time.monotonic() < deadline and load.poll() is None:
        time.sleep(0.2)
        loaded = watcher.run("MATCH ()-[r]->() RETURN count(r)").rows[0][0]
    watcher.close()
    server.kill()
    _, errors = load.communicate(timeout=120)
    assert 0 < loaded < graph.number_of_edges(), "the server was not killed in the middle of the load"
    assert load.returncode == 2 and "error: " in errors and "Traceback" not in errors

    restarted = neo4j_launcher(data_dir=tmp_path / "neo4j")
    summary = load_graph_into_neo4j(graph, restarted.settings(), batch_size=1000, progress=False)
    assert summary.counters["nodes_created"] < graph.number_of_nodes()
    backend = Neo4jBackend(restarted.settings())
    try:
        counts = backend.run("MATCH (n) WITH count(n) AS nodes, count(DISTINCT n.key) AS keys "
                             "MATCH (a)-[r]->(b) WITH nodes, keys, count(r) AS edges, "
                             "count(DISTINCT [a.key, type(r), b.key]) AS distinct_edges "
                             "RETURN nodes, keys, edges, distinct_edges")
        n = graph.number_of_nodes()
        assert counts.rows == [[n, n, graph.number_of_edges(), graph.number_of_edges()]]
        back = backend.read_graph()
        assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
        assert sorted(back.edges(keys=True)) == sorted(graph.edges(keys=True))
    finally:
        backend.close()
    restarted.stop()
