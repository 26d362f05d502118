"""CSV files for ``neo4j-admin database import full``: the fast path for a large first load.

Writes ``nodes.csv`` (``key:ID``, ``:LABEL`` with ``Entity`` plus the node's labels, typed property
columns such as ``aliases:string[]`` or ``mentions:long``) and one ``relationships_<TYPE>.csv`` per
relationship type (``:START_ID``, ``:END_ID``, ``:TYPE``, typed properties; ``evidence:string[]`` of
JSON strings), i.e. the same property view the Bolt loader writes. The array delimiter is ``;``
unless a value contains one (then ``|``, else U+001F); the import command printed says which.

Examples
--------
>>> import tempfile
>>> from graphkit.graph import new_graph, add_entity
>>> graph = new_graph(); _ = add_entity(graph, "Alibaba", labels=["Company", "Investor"], aliases=["BABA"])
>>> export = export_csv(graph, tempfile.mkdtemp())
>>> export.files[0].read_text().splitlines()
['key:ID,:LABEL,aliases:string[],name:string', 'alibaba,Entity;Company;Investor,BABA,Alibaba']
"""

from __future__ import annotations

import csv
import json
import os
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from graphkit.backends.neo4j_load import ENTITY_LABEL, check_vocabulary, edge_props
from graphkit.graph import to_property_graph

ARRAY_DELIMITERS = ((";", ";"), ("|", "|"), ("\x1f", "U+001F"))


@dataclass
class CsvExport:
    """The files written and the ``neo4j-admin`` command that imports them."""

    files: list[Path]
    command: str
    array_delimiter: str


def column_type(values: list[Any]) -> str:
    """Return the neo4j-admin import type of a column from its values.

    >>> column_type([1, 2.5]), column_type([["a"], []]), column_type([True]), column_type(["x", 3])
    ('double', 'string[]', 'boolean', 'string')
    """
    if values and all(isinstance(value, list) for value in values):
        items = [item for value in values for item in value]
        return column_type(items) + "[]" if items else "string[]"
    if values and all(isinstance(value, bool) for value in values):
        return "boolean"
    if values and all(isinstance(value, int) and not isinstance(value, bool) for value in values):
        return "long"
    if values and all(isinstance(value, (int, float)) and not isinstance(value, bool) for value in values):
        return "double"
    return "string"


def cell(value: Any, kind: str, delimiter: str) -> str:
    """Return one CSV cell of the given import type (empty for a missing value)."""
    if value is None:
        return ""
    if kind.endswith("[]"):
        items = value if isinstance(value, list) else [value]
        return delimiter.join(cell(item, kind[:-2], delimiter) for item in items)
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "string" and not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def choose_delimiter(flat: nx.MultiDiGraph) -> tuple[str, str]:
    """Return the first array delimiter (and its command-line spelling) no array element contains."""
    texts = [str(item) for _, data in flat.nodes(data=True) for value in data.values()
             if isinstance(value, list) for item in value]
    texts += [str(item) for _, _, data in flat.edges(data=True) for value in data.values()
              if isinstance(value, list) for item in value]
    for delimiter, spelling in ARRAY_DELIMITERS:
        if not any(delimiter in text for text in texts):
            return delimiter, spelling
    raise ValueError("every array delimiter occurs in the data")


def write_table(path: Path, fixed: list[str], fixed_rows: list[list[str]], records: list[dict],
                delimiter: str) -> None:
    """Write one import CSV: fixed columns, then one typed column per property."""
    names = sorted({name for record in records for name in record})
    kinds = {name: column_type([record[name] for record in records if name in record]) for name in names}
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(fixed + [f"{name}:{kinds[name]}" for name in names])
        for row, record in zip(fixed_rows, records):
            writer.writerow(row + [cell(record.get(name), kinds[name], delimiter) for name in names])


def export_csv(graph: nx.MultiDiGraph, directory: str | os.PathLike, database: str = "neo4j") -> CsvExport:
    """Write the graph as neo4j-admin import CSV files into ``directory``; return them and the command."""
    flat = to_property_graph(graph)
    check_vocabulary(flat)
    delimiter, spelling = choose_delimiter(flat)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    # Labels become Neo4j labels only, as the Bolt loader writes them; `key:ID` stores the key.
    nodes = [(key, sorted(set(data.get("labels", [])) - {ENTITY_LABEL}),
              {name: value for name, value in data.items() if name not in ("key", "labels")})
             for key, data in flat.nodes(data=True)]
    node_file = directory / "nodes.csv"
    write_table(node_file, ["key:ID", ":LABEL"],
                [[key, delimiter.join([ENTITY_LABEL, *labels])] for key, labels, _ in nodes],
                [props for _, _, props in nodes], delimiter)
    files = [node_file]
    for type in sorted({data["type"] for _, _, data in flat.edges(data=True)}):
        edges = [(source, target, edge_props(data)) for source, target, data in flat.edges(data=True)
                 if data["type"] == type]
        path = directory / f"relationships_{type}.csv"
        write_table(path, [":START_ID", ":END_ID", ":TYPE"], [[source, target, type] for source, target, _ in edges],
                    [props for _, _, props in edges], delimiter)
        files.append(path)
    # The database name goes first: after --relationships it would be read as one more file.
    arguments = ["neo4j-admin", "database", "import", "full", database, "--overwrite-destination",
                 f"--array-delimiter={spelling}", "--multiline-fields=true", f"--nodes={node_file.resolve()}"]
    arguments += [f"--relationships={path.resolve()}" for path in files[1:]]
    return CsvExport(files=files, command=shlex.join(arguments), array_delimiter=delimiter)
