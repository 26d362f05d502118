"""Neo4j connection settings from options or the usual NEO4J_* environment variables.

Examples
--------
>>> settings = Neo4jSettings.from_options(uri="bolt://localhost:7687", user="neo4j", password="secret")
>>> settings.uri, settings.database
('bolt://localhost:7687', None)
"""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_URI = "bolt://localhost:7687"


@dataclass(frozen=True)
class Neo4jSettings:
    """Where a Neo4j server is and how to log in; ``neo4j://``, ``neo4j+s://`` and ``bolt://`` URIs work."""

    uri: str = DEFAULT_URI
    user: str = "neo4j"
    password: str | None = None
    database: str | None = None

    @classmethod
    def from_options(cls, uri: str | None = None, user: str | None = None, password: str | None = None,
                     database: str | None = None) -> Neo4jSettings:
        """Return settings from explicit options, falling back to NEO4J_URI/USERNAME/PASSWORD/DATABASE."""
        return cls(
            uri=uri or os.environ.get("NEO4J_URI") or DEFAULT_URI,
            user=user or os.environ.get("NEO4J_USERNAME") or os.environ.get("NEO4J_USER") or "neo4j",
            password=password if password is not None else os.environ.get("NEO4J_PASSWORD"),
            database=database or os.environ.get("NEO4J_DATABASE") or None,
        )
