"""The backend interface both storage backends implement.

Examples
--------
>>> result = QueryResult(columns=["name", "deals"], rows=[["Alibaba", 2]])
>>> result.records()
[{'name': 'Alibaba', 'deals': 2}]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

import networkx as nx


@dataclass
class QueryResult:
    """Columns and rows of a Cypher query, plus update counters (``nodes_created`` ...)."""

    columns: list[str]
    rows: list[list[Any]]
    counters: dict[str, int] = field(default_factory=dict)

    def records(self) -> list[dict[str, Any]]:
        """Return the rows as dicts keyed by column name."""
        return [dict(zip(self.columns, row)) for row in self.rows]


@dataclass
class LoadSummary:
    """What a load did: counts by kind and the time it took."""

    nodes: int = 0
    relationships: int = 0
    counters: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


class Backend(Protocol):
    """A place an investor graph lives: a graph file or a Neo4j database."""

    def load_graph(self, graph: nx.MultiDiGraph) -> LoadSummary:
        """Merge a graphkit graph into the backend (idempotent)."""

    def run(self, query: str, parameters: dict[str, Any] | None = None) -> QueryResult:
        """Run a Cypher query with parameters and return its result."""

    def read_graph(self) -> nx.MultiDiGraph:
        """Return the whole stored graph as a graphkit graph."""

    def close(self) -> None:
        """Release connections and files."""
