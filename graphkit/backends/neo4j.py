"""The Neo4j backend: load, query and read back an investor graph in a Neo4j 5 server.

Connects with the official driver (``bolt://``, ``neo4j://``, ``neo4j+s://``); an unreachable server
or refused credentials become :class:`~graphkit.errors.Neo4jUnavailableError` within seconds, Cypher
failures :class:`~graphkit.errors.CypherError`. Results come back as the same values the embedded
engine gives (:mod:`graphkit.values`, plain Python values, the engine's temporal values). Nodes carry
the storage label ``Entity`` here as in the engine's property view (:data:`graphkit.model.STORAGE_LABEL`).

Examples
--------
>>> backend = Neo4jBackend(Neo4jSettings(uri="bolt://127.0.0.1:7687", password="secret"))  # doctest: +SKIP
>>> backend.load_graph(graph).counters["nodes_created"]  # doctest: +SKIP
2
>>> backend.run("MATCH (n:Investor) RETURN n.name AS name").rows  # doctest: +SKIP
[['Alibaba']]
"""

from __future__ import annotations

from typing import Any

import neo4j
import networkx as nx
from neo4j import exceptions as neo4j_errors

from graphkit.backends.base import LoadSummary, QueryResult
from graphkit.backends.neo4j_load import (
    DEFAULT_BATCH_SIZE,
    ENTITY_LABEL,
    load_into,
    restore_edge_summaries,
)
from graphkit.backends.settings import Neo4jSettings
from graphkit.errors import CypherError, GraphkitError, Neo4jUnavailableError
from graphkit.graph import from_property_graph
from graphkit.values import Node, Path, Relationship

URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
CONNECTION_TIMEOUT_SECONDS = 5.0
# How long managed transactions retry transient failures (a restarting server) before giving up.
RETRY_SECONDS = 15.0
# Neo4j status code suffix -> (graphkit CypherError kind, phase), as the openCypher TCK names them.
ERROR_KINDS = {
    "SyntaxError": ("SyntaxError", "compile time"),
    "SemanticError": ("SemanticError", "compile time"),
    "ParameterMissing": ("ParameterMissing", "compile time"),
    "ArgumentError": ("ArgumentError", "runtime"),
    "TypeError": ("TypeError", "runtime"),
    "EntityNotFound": ("EntityNotFound", "runtime"),
    "ConstraintValidationFailed": ("ConstraintVerificationFailed", "runtime"),
}
COUNTER_NAMES = ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
                 "properties_set", "labels_added", "labels_removed", "indexes_added", "indexes_removed",
                 "constraints_added", "constraints_removed")


class Neo4jBackend:
    """A Neo4j database as a graphkit backend; connects (and checks the credentials) on creation."""

    def __init__(self, settings: Neo4jSettings, retry_seconds: float = RETRY_SECONDS) -> None:
        self.settings = settings
        auth = (settings.user, settings.password) if settings.password is not None else None
        if settings.uri.partition("://")[0] not in URI_SCHEMES:
            raise Neo4jUnavailableError(f"invalid Neo4j URI {settings.uri!r}: expected one of "
                                        f"{', '.join(scheme + '://' for scheme in URI_SCHEMES)}")
        try:
            self.driver = neo4j.GraphDatabase.driver(
                settings.uri, auth=auth, connection_timeout=CONNECTION_TIMEOUT_SECONDS,
                connection_acquisition_timeout=2 * CONNECTION_TIMEOUT_SECONDS,
                max_transaction_retry_time=retry_seconds, notifications_min_severity="OFF")
        except (ValueError, neo4j_errors.ConfigurationError) as error:
            raise Neo4jUnavailableError(f"invalid Neo4j URI {settings.uri!r}: {error}") from None
        try:
            with self.connection_errors():
                self.driver.verify_connectivity()
        except Neo4jUnavailableError:
            self.driver.close()
            raise

    def connection_errors(self) -> _ConnectionErrors:
        """Return a context that turns driver connection failures into Neo4jUnavailableError."""
        return _ConnectionErrors(self.settings)

    def session(self) -> neo4j.Session:
        """Return a driver session on the configured database."""
        return self.driver.session(database=self.settings.database)

    def load_graph(self, graph: nx.MultiDiGraph, batch_size: int = DEFAULT_BATCH_SIZE,
                   progress: bool = False) -> LoadSummary:
        """Merge ``graph`` into the database (idempotent; evidence merged into existing edges)."""
        with self.connection_errors(), self.session() as session:
            try:
                return load_into(session, graph, batch_size=batch_size, progress=progress)
            except neo4j_errors.Neo4jError as error:
                if not is_statement_error(error):
                    raise
                raise cypher_error(error) from None

    def run(self, query: str, parameters: dict[str, Any] | None = None) -> QueryResult:
        """Run one Cypher query in its own transaction; return rows of graphkit values and counters."""
        with self.connection_errors(), self.session() as session:
            try:
                result = session.run(query, parameters or {})
                columns = list(result.keys())
                rows = [[to_graphkit_value(value) for value in record.values()] for record in result]
                counters = result.consume().counters
            except neo4j_errors.Neo4jError as error:
                if not is_statement_error(error):
                    raise
                raise cypher_error(error) from None
        return QueryResult(columns=columns, rows=rows,
                           counters={name: getattr(counters, name) for name in COUNTER_NAMES
                                     if getattr(counters, name)})

    def read_graph(self) -> nx.MultiDiGraph:
        """Return the whole database as a graphkit graph (the inverse of :meth:`load_graph`)."""
        flat = nx.MultiDiGraph()
        with self.connection_errors(), self.session() as session:
            for record in session.run("MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, "
                                      "properties(n) AS props"):
                props = dict(record["props"])
                props["labels"] = sorted(set(record["labels"]) - {ENTITY_LABEL})
                flat.add_node(record["id"], **props)
            for record in session.run("MATCH (a)-[r]->(b) RETURN elementId(a) AS source, "
                                      "elementId(b) AS target, type(r) AS type, properties(r) AS props"):
                flat.add_edge(record["source"], record["target"], key=record["type"],
                              **{**record["props"], "type": record["type"]})
        return restore_edge_summaries(from_property_graph(flat))

    def close(self) -> None:
        """Close the driver's connections."""
        self.driver.close()


class _ConnectionErrors:
    """Turns the driver's connection and authentication errors into one-line graphkit errors."""

    def __init__(self, settings: Neo4jSettings) -> None:
        self.settings = settings

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, error, traceback) -> None:
        where = self.settings.uri
        if isinstance(error, neo4j_errors.AuthError):
            hint = "" if self.settings.password is not None else " (no password: set NEO4J_PASSWORD or --password)"
            raise Neo4jUnavailableError(
                f"authentication failed for user {self.settings.user} at {where}{hint}") from None
        if isinstance(error, (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, OSError)):
            raise Neo4jUnavailableError(f"cannot reach Neo4j at {where}: {error}") from None
        if isinstance(error, neo4j_errors.Neo4jError):
            unavailable = any(part in (error.code or "") for part in (".Security.", ".Database."))
            kind = Neo4jUnavailableError if unavailable else GraphkitError
            raise kind(f"Neo4j at {where}: {error.message} [{error.code}]") from None


def load_graph_into_neo4j(graph: nx.MultiDiGraph, settings: Neo4jSettings,
                          batch_size: int = DEFAULT_BATCH_SIZE, progress: bool = True) -> LoadSummary:
    """Merge ``graph`` into the Neo4j server of ``settings``; return what the load wrote."""
    backend = Neo4jBackend(settings)
    try:
        return backend.load_graph(graph, batch_size=batch_size, progress=progress)
    finally:
        backend.close()


def is_statement_error(error: neo4j_errors.Neo4jError) -> bool:
    """Return whether a Neo4j error is about the query (not the connection, login or database)."""
    return any(part in (error.code or "") for part in (".Statement.", ".Schema.", ".Procedure."))


def cypher_error(error: neo4j_errors.Neo4jError) -> CypherError:
    """Return the graphkit CypherError for a Neo4j error, kind taken from its status code."""
    code = error.code or ""
    kind, phase = ERROR_KINDS.get(code.rsplit(".", 1)[-1], ("SemanticError", "compile time"))
    return CypherError(f"{error.message} [{code}]", kind=kind, phase=phase)


def to_graphkit_value(value: Any) -> Any:
    """Return a driver value as a graphkit result value (graph values, temporal values, plain data)."""
    if isinstance(value, neo4j.graph.Node):
        return Node(id=value.element_id, labels=frozenset(value.labels),
                    properties=to_graphkit_value(dict(value)))
    if isinstance(value, neo4j.graph.Relationship):
        return Relationship(id=value.element_id, type=value.type, start=value.start_node.element_id,
                            end=value.end_node.element_id, properties=to_graphkit_value(dict(value)))
    if isinstance(value, neo4j.graph.Path):
        return Path(nodes=tuple(to_graphkit_value(node) for node in value.nodes),
                    relationships=tuple(to_graphkit_value(rel) for rel in value.relationships))
    if isinstance(value, list):
        return [to_graphkit_value(item) for item in value]
    if isinstance(value, dict):
        return {key: to_graphkit_value(item) for key, item in value.items()}
    if isinstance(value, (neo4j.time.Date, neo4j.time.DateTime, neo4j.time.Time, neo4j.time.Duration)):
        return to_engine_temporal(value)
    return value


def to_engine_temporal(value: Any) -> Any:
    """Return a neo4j.time value as the embedded engine's temporal value (parsed from ISO text)."""
    from graphkit.cypher_engine.temporal import TEMPORAL_FUNCTIONS

    text = value.iso_format()
    zone = getattr(getattr(value, "tzinfo", None), "zone", None)
    if isinstance(value, neo4j.time.Duration):
        kind = "duration"
    elif isinstance(value, neo4j.time.Date):
        kind = "date"
    elif isinstance(value, neo4j.time.DateTime):
        kind = "datetime" if value.tzinfo is not None else "localdatetime"
        if zone:
            text = f"{text}[{zone}]"
    else:
        kind = "time" if value.tzinfo is not None else "localtime"
    return TEMPORAL_FUNCTIONS[kind](text)
