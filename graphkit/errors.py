"""Project-level exception types, one per kind of failure.

The CLI catches :class:`GraphkitError` once and turns it into a one-line message and an exit code;
library callers can catch the specific subclasses.

Examples
--------
>>> try:
...     raise InputError("notes.txt", "file is empty")
... except GraphkitError as error:
...     print(error)
notes.txt: file is empty
"""

from __future__ import annotations


class GraphkitError(Exception):
    """Base class of every error graphkit reports to a user."""


class InputError(GraphkitError):
    """A file given by the user cannot be read as an article or a graph."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class RecordError(InputError):
    """One record (a JSON object, a JSONL line) of a file cannot be used; the file's other records can."""


class GraphFileError(InputError):
    """A graph file is missing or is not graphkit node-link JSON."""


class Neo4jUnavailableError(GraphkitError):
    """Neo4j cannot be reached, or refused the credentials."""


class CypherError(GraphkitError):
    """A Cypher query failed; ``kind`` names the failure as the openCypher TCK does.

    ``phase`` is ``"compile time"`` or ``"runtime"``; ``kind`` is e.g. ``"SyntaxError"``,
    ``"TypeError"``, ``"ArgumentError"``, ``"SemanticError"``, ``"ParameterMissing"``,
    ``"EntityNotFound"``, ``"ConstraintVerificationFailed"``.
    """

    def __init__(self, message: str, kind: str = "SyntaxError", phase: str = "compile time",
                 detail: str | None = None, line: int | None = None, column: int | None = None) -> None:
        self.kind = kind
        self.phase = phase
        self.detail = detail
        self.line = line
        self.column = column
        where = f" (line {line}, column {column})" if line is not None else ""
        super().__init__(f"{kind}: {message}{where}")


class CypherSyntaxError(CypherError):
    """The query text does not parse."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None,
                 detail: str | None = None) -> None:
        super().__init__(message, "SyntaxError", "compile time", detail, line, column)
