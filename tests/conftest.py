"""Shared pytest fixtures.

Neo4j: ``neo4j_settings`` is a real Neo4j 5.26 for the session — the server named by NEO4J_URI (with
NEO4J_USERNAME / NEO4J_PASSWORD) when set, else one started from ``tests/neo4j_server`` when ``java``
and ``mvn`` are present, else the Neo4j tests are skipped (with CI=true they fail instead).
``neo4j_backend`` gives each test a connected backend on an emptied database.
"""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from graphkit.backends.settings import Neo4jSettings

NEO4J_SERVER_DIR = Path(__file__).parent / "neo4j_server"
NEO4J_TEST_PASSWORD = "graphkit-test"
NEO4J_START_SECONDS = 240


def neo4j_unavailable(reason: str) -> None:
    """Skip the Neo4j tests with a reason; on CI (CI=true) a skipped Neo4j test is a failure."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"Neo4j tests cannot run on CI: {reason}")
    pytest.skip(reason)


def neo4j_server_classpath() -> str:
    """Return the launcher's classpath, compiling it and fetching Neo4j with Maven the first time."""
    target = NEO4J_SERVER_DIR / "target"
    classpath_file = target / "classpath.txt"
    compiled = target / "classes" / "graphkit" / "testserver" / "Neo4jTestServer.class"
    if not (classpath_file.exists() and compiled.exists()):
        subprocess.run(["mvn", "-q", "-B", "-f", str(NEO4J_SERVER_DIR / "pom.xml"), "compile",
                        "dependency:build-classpath", f"-Dmdep.outputFile={classpath_file}"],
                       check=True, timeout=1200)
    return f"{target / 'classes'}{os.pathsep}{classpath_file.read_text().strip()}"


@dataclass
class RunningNeo4j:
    """A Neo4j started from tests/neo4j_server: its Bolt URI and process."""

    uri: str
    process: subprocess.Popen

    def settings(self) -> Neo4jSettings:
        """Return settings that log in to this server."""
        return Neo4jSettings(uri=self.uri, user="neo4j", password=NEO4J_TEST_PASSWORD)

    def stop(self) -> None:
        """Shut the server down cleanly (closing its standard input), killing it if it hangs."""
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.kill()

    def kill(self) -> None:
        """Kill the server at once (SIGKILL), as a crash would."""
        self.process.kill()
        self.process.wait(timeout=30)


def start_neo4j(data_dir: Path | None = None, port: int | None = None) -> RunningNeo4j:
    """Start the test launcher (on ``data_dir`` when given) and return it once Bolt is up."""
    command = ["java", "-Xmx1500m", "-cp", neo4j_server_classpath(), "graphkit.testserver.Neo4jTestServer",
               "--password", NEO4J_TEST_PASSWORD]
    if data_dir is not None:
        command += ["--data", str(data_dir)]
    if port is not None:
        command += ["--port", str(port)]
    log = open(Path(tempfile.gettempdir()) / f"graphkit-neo4j-{os.getpid()}.log", "ab")
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True)
    log.close()
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    try:
        while True:
            line = lines.get(timeout=NEO4J_START_SECONDS)
            if line.startswith("BOLT_URI="):
                return RunningNeo4j(uri=line.strip().split("=", 1)[1], process=process)
    except queue.Empty:
        process.kill()
        raise RuntimeError(f"Neo4j test server did not start in {NEO4J_START_SECONDS} s (log: {log.name})") \
            from None


@pytest.fixture(scope="session")
def neo4j_launcher() -> Iterator[Callable[..., RunningNeo4j]]:
    """Return ``start(data_dir=None, port=None)`` for tests that need servers of their own."""
    if shutil.which("java") is None or shutil.which("mvn") is None:
        neo4j_unavailable("no java/mvn to start the Neo4j test server")
    started: list[RunningNeo4j] = []

    def start(data_dir: Path | None = None, port: int | None = None) -> RunningNeo4j:
        server = start_neo4j(data_dir, port)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture(scope="session")
def neo4j_settings(request: pytest.FixtureRequest) -> Neo4jSettings:
    """Return settings of the session's Neo4j: $NEO4J_URI when set, else a started test server."""
    if os.environ.get("NEO4J_URI"):
        return Neo4jSettings.from_options()
    launcher = request.getfixturevalue("neo4j_launcher")
    return launcher().settings()


@pytest.fixture
def neo4j_backend(neo4j_settings: Neo4jSettings):
    """Return a Neo4j backend on an emptied database (nodes and relationships deleted, schema kept)."""
    from graphkit.backends.neo4j import Neo4jBackend

    backend = Neo4jBackend(neo4j_settings)
    backend.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
    yield backend
    backend.close()


@pytest.fixture(scope="session")
def neo4j_admin() -> Callable[..., subprocess.CompletedProcess]:
    """Return ``run(home, *arguments)``: neo4j-admin (from the launcher's jars) on a server home."""
    if shutil.which("java") is None or shutil.which("mvn") is None:
        neo4j_unavailable("no java/mvn to run neo4j-admin")

    def run(home: Path, *arguments: str) -> subprocess.CompletedProcess:
        home.mkdir(parents=True, exist_ok=True)
        return subprocess.run(["java", "-Xmx1g", "-cp", neo4j_server_classpath(), "org.neo4j.cli.AdminTool",
                               *arguments], env={**os.environ, "NEO4J_HOME": str(home)},
                              cwd=home, capture_output=True, text=True, timeout=600)  # its import.report too

    return run
