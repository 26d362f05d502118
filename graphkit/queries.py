"""Named Cypher queries: the ``.cypher`` files in the repository's ``cypher/`` folder.

The explore commands ask their questions with these queries, run with parameters through
``Backend.run``, so a graph file and Neo4j answer the same text.

Examples
--------
>>> "MATCH" in named_query("investors_of")
True
>>> try:
...     named_query("no_such_query")
... except QueryNotFoundError as error:
...     print(str(error).split(" (")[0])
no named query 'no_such_query'
"""

from __future__ import annotations

import functools
from pathlib import Path

import graphkit
from graphkit.errors import GraphkitError

QUERY_DIR = Path(graphkit.__file__).resolve().parents[1] / "cypher"


class QueryNotFoundError(GraphkitError):
    """A named query (or the whole ``cypher/`` folder) is missing."""


@functools.cache
def named_query(name: str, folder: Path = QUERY_DIR) -> str:
    """Return the text of the named query ``<folder>/<name>.cypher``."""
    if not folder.is_dir():
        raise QueryNotFoundError(
            f"the named-query folder {folder} is missing: graphkit's explore commands need the "
            "repository's cypher/ folder (install graphkit editable from a checkout)")
    path = folder / f"{name}.cypher"
    if not path.is_file():
        raise QueryNotFoundError(f"no named query {name!r} (no file {path.name} in {folder})")
    return path.read_text(encoding="utf-8")
