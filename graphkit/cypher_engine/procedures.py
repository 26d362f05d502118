"""Procedures callable with CALL: a per-graph registry of table-backed procedures.

The openCypher TCK declares test procedures as a signature plus a table of rows; a call selects
the rows whose input columns equal the arguments and yields their output columns.

Examples
--------
>>> import networkx as nx
>>> graph = nx.MultiDiGraph()
>>> register_procedure(graph, "test.labels", [], [("label", "STRING?")], [{"label": "A"}])
>>> procedures_of(graph)["test.labels"].call([])
[{'label': 'A'}]
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graphkit.cypher_engine.semantics import equals, is_number, type_name
from graphkit.errors import CypherError

_REGISTRY: weakref.WeakKeyDictionary[nx.MultiDiGraph, dict] = weakref.WeakKeyDictionary()


@dataclass
class Procedure:
    """A procedure: (name, type) inputs and outputs, and the rows it answers from."""

    name: str
    inputs: list[tuple[str, str]]
    outputs: list[tuple[str, str]]
    rows: list[dict]

    def call(self, arguments: list[Any]) -> list[dict]:
        """Return the output rows whose inputs equal the arguments."""
        for (name, declared), value in zip(self.inputs, arguments):
            if not _accepts(declared, value):
                raise CypherError(f"{self.name}: argument {name} must be {declared}, got {type_name(value)}",
                                  "SyntaxError", "compile time", "InvalidArgumentType")
        results = []
        for row in self.rows:
            if all(equals(row.get(name), value) is True or (row.get(name) is None and value is None)
                   for (name, _), value in zip(self.inputs, arguments)):
                results.append({name: row.get(name) for name, _ in self.outputs})
        return results


def _accepts(declared: str, value: Any) -> bool:
    kind = declared.rstrip("?").upper()
    if value is None:
        return True
    if kind == "INTEGER":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "FLOAT":
        return is_number(value)
    if kind == "NUMBER":
        return is_number(value)
    if kind == "STRING":
        return isinstance(value, str)
    if kind == "BOOLEAN":
        return isinstance(value, bool)
    return True


def register_procedure(graph: nx.MultiDiGraph, name: str, inputs: list[tuple[str, str]],
                       outputs: list[tuple[str, str]], rows: list[dict]) -> None:
    """Make ``CALL name(...)`` available on queries against ``graph``.

    ``inputs``/``outputs`` are (name, type) pairs such as ("in", "INTEGER?"); ``rows`` are dicts
    holding a value for every input and output column.
    """
    _REGISTRY.setdefault(graph, {})[name.lower()] = Procedure(name, list(inputs), list(outputs), list(rows))


def procedures_of(graph: nx.MultiDiGraph) -> dict[str, Procedure]:
    """Return the procedures registered for a graph, by lower-case name."""
    return _REGISTRY.get(graph, {})
