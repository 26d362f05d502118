"""The TCK's test procedures: ``there exists a procedure test.my.proc(in :: INTEGER?) :: (out :: STRING?):``
followed by a table of input and output values, registered with the engine.

Examples
--------
>>> parse_signature("test.my.proc(name :: STRING?, id :: INTEGER?) :: (city :: STRING?)")
('test.my.proc', [('name', 'STRING?'), ('id', 'INTEGER?')], [('city', 'STRING?')])
"""

from __future__ import annotations

import re

import networkx as nx

from .values import parse_value

SIGNATURE = re.compile(r"(?P<name>[\w.]+)\((?P<inputs>[^)]*)\)\s*::\s*\((?P<outputs>[^)]*)\)")


def _fields(text: str) -> list[tuple[str, str]]:
    fields = []
    for part in filter(None, (piece.strip() for piece in text.split(","))):
        name, _, kind = part.partition("::")
        fields.append((name.strip(), kind.strip()))
    return fields


def parse_signature(text: str) -> tuple[str, list[tuple[str, str]], list[tuple[str, str]]]:
    """Return the procedure name, its ``(name, type)`` inputs and its ``(name, type)`` outputs."""
    match = SIGNATURE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not a procedure signature: {text!r}")
    return match["name"], _fields(match["inputs"]), _fields(match["outputs"])


def register(graph: nx.MultiDiGraph, signature: str, table: list[list[str]]) -> None:
    """Register a table-backed test procedure with the engine for queries on ``graph``."""
    from .scenario import Failure

    try:
        from graphkit.cypher_engine import register_procedure
    except ImportError:
        raise Failure("procedure registration unavailable") from None
    name, inputs, outputs = parse_signature(signature)
    header = [cell for cell in (table[0] if table else []) if cell != ""]
    rows = [dict(zip(header, (parse_value(cell) for cell in row))) for row in table[1:]]
    register_procedure(graph, name, inputs, outputs, rows)
