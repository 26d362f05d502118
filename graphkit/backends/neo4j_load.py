"""Batched, idempotent, incremental loading of a graphkit graph into Neo4j.

Every node also gets the storage label ``Entity`` (:data:`graphkit.model.STORAGE_LABEL`), which
carries the unique ``key`` constraint from ``cypher/schema.cypher``; a node's labels are Neo4j labels
only, not a property: a node with several labels (Alibaba is a Company and an Investor) is
found by one index lookup, so ``MERGE`` by key is safe and fast. Nodes and then relationships go in
batches, one managed write transaction (retried on transient errors) per batch:

1. read the batch's existing nodes (or edges) in the transaction (skipped for nodes, or one
   relationship type, when the database held none of them as the load began: a first load),
2. merge in Python with :mod:`graphkit.graph` rules (labels and aliases united; evidence
   deduplicated and the edge's agreed values and ``source_count`` recomputed by
   :func:`graphkit.graph.summarize_evidence`); existing node properties win over new ones,
3. ``UNWIND $rows ... MERGE ... SET`` only the rows that are new or changed.

Loading the same graph twice therefore writes nothing the second time, a graph from new articles
adds evidence to existing edges, and a load cut short (server killed) is completed by a rerun
without duplicates. Labels and relationship types enter query text only from
:data:`graphkit.model.LABELS` / :data:`graphkit.model.RELATION_TYPES`; all values are parameters.

Examples
--------
>>> write_nodes_query(("Company", "Investor")).rsplit(") ", 1)[1]
'SET n += row.props, n:Company:Investor'

>>> merge_node_props({"name": "Alibaba", "labels": ["Company"], "aliases": []},
...                  {"name": "Alibaba Group", "labels": ["Investor"], "aliases": ["BABA"]})
{'name': 'Alibaba', 'labels': ['Company', 'Investor'], 'aliases': ['Alibaba Group', 'BABA']}
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import neo4j
import networkx as nx
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from graphkit.backends.base import LoadSummary
from graphkit.errors import GraphkitError
from graphkit.graph import add_relation, summarize_evidence, to_property_graph
from graphkit.model import LABELS, RELATION_TYPES, STORAGE_LABEL

ENTITY_LABEL = STORAGE_LABEL
DEFAULT_BATCH_SIZE = 5000
SCHEMA_FILE = Path(__file__).resolve().parents[2] / "cypher" / "schema.cypher"
# Edge properties recomputed from the evidence (graphkit.graph.summarize_evidence) and the evidence itself.
SUMMARY_FIELDS = frozenset(summarize_evidence([])) | {"evidence"}
LOAD_COUNTERS = ("nodes_created", "relationships_created", "properties_set", "labels_added")

READ_NODES = ("UNWIND $keys AS key MATCH (n:Entity {key: key}) "
              "RETURN key, properties(n) AS props, labels(n) AS labels")


def schema_statements(path: Path = SCHEMA_FILE) -> list[str]:
    """Return the statements of a ``.cypher`` schema file (``//`` comments dropped, ``;``-separated).

    >>> schema_statements()[0].startswith("CREATE CONSTRAINT entity_key IF NOT EXISTS")
    True
    """
    lines = [line.split("//", 1)[0] for line in path.read_text(encoding="utf-8").splitlines()]
    return [" ".join(statement.split()) for statement in "\n".join(lines).split(";") if statement.strip()]


def ensure_schema(session: neo4j.Session) -> None:
    """Create graphkit's constraints and indexes when missing and wait until they are online."""
    for statement in schema_statements():
        session.run(statement).consume()
    session.run("CALL db.awaitIndexes(300)").consume()


def write_nodes_query(labels: tuple[str, ...]) -> str:
    """Return the node batch query for nodes with these labels: MERGE by key, add properties and labels."""
    unknown = set(labels) - set(LABELS)
    if unknown:
        raise GraphkitError(f"unknown labels {sorted(unknown)}; allowed: {', '.join(LABELS)}")
    add_labels = f", n:{':'.join(labels)}" if labels else ""
    return f"UNWIND $rows AS row MERGE (n:{ENTITY_LABEL} {{key: row.key}}) SET n += row.props{add_labels}"


def edge_queries(type: str) -> tuple[str, str]:
    """Return the (read, write) batch queries for one relationship type of the vocabulary."""
    if type not in RELATION_TYPES:
        raise GraphkitError(f"unknown relationship type {type!r}; allowed: {', '.join(RELATION_TYPES)}")
    match = f"MATCH (a:{ENTITY_LABEL} {{key: row.source}}) MATCH (b:{ENTITY_LABEL} {{key: row.target}})"
    read = (f"UNWIND $rows AS row MATCH (a:{ENTITY_LABEL} {{key: row.source}})-[r:{type}]->"
            f"(b:{ENTITY_LABEL} {{key: row.target}}) RETURN row.source AS source, row.target AS target, "
            "properties(r) AS props")
    write = f"UNWIND $rows AS row {match} MERGE (a)-[r:{type}]->(b) SET r += row.props"
    return read, write


def merge_node_props(old: dict, new: dict) -> dict:
    """Return a stored node's properties merged with a new version: labels and aliases united."""
    merged = {**new, **old}
    merged["labels"] = sorted(set(old.get("labels", [])) | set(new.get("labels", [])))
    names = set(old.get("aliases", [])) | set(new.get("aliases", [])) | {new.get("name")}
    merged["aliases"] = sorted(name for name in names if name and name != merged.get("name"))
    return merged


def merge_edge_props(type: str, old: dict, new: dict) -> dict:
    """Return a stored edge's properties merged with a new version (evidence united, values recomputed)."""
    if set(new.get("evidence", [])) <= set(old.get("evidence", [])) and set(new) - SUMMARY_FIELDS <= set(old):
        return old  # nothing new: the summary is a function of the evidence, which is unchanged
    scratch = nx.MultiDiGraph()
    merged = decode_edge({**new, **old})
    merged["evidence"] = decode_edge(old).get("evidence", [])
    scratch.add_edge("a", "b", key=type, **merged)
    add_relation(scratch, "a", "b", type, decode_edge(new).get("evidence", []))
    return edge_props(to_property_graph(scratch).edges["a", "b", type])


def decode_edge(props: dict) -> dict:
    """Return stored edge properties with evidence as dicts again."""
    decoded = dict(props)
    decoded["evidence"] = [json.loads(item) for item in props.get("evidence", [])]
    return decoded


def edge_props(data: dict) -> dict:
    """Return an edge's property-view attributes as stored in Neo4j (the type is the relationship's)."""
    return {key: value for key, value in data.items() if key != "type"}


def restore_edge_summaries(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Fill in the edge summary values Neo4j cannot store (``None``, empty lists) from the evidence."""
    for _, _, data in graph.edges(data=True):
        for key, value in summarize_evidence(data.get("evidence", [])).items():
            data.setdefault(key, value)
    return graph


def check_vocabulary(graph: nx.MultiDiGraph) -> None:
    """Raise GraphkitError when a node label or edge type is outside graphkit's vocabulary."""
    for key, data in graph.nodes(data=True):
        unknown = set(data.get("labels", [])) - set(LABELS) - {ENTITY_LABEL}
        if unknown:
            raise GraphkitError(f"node {key!r}: unknown labels {sorted(unknown)}; allowed: {', '.join(LABELS)}")
    for source, target, data in graph.edges(data=True):
        if data.get("type") not in RELATION_TYPES:
            raise GraphkitError(f"edge {source!r}->{target!r}: unknown relationship type {data.get('type')!r}")


def chunks(items: list, size: int) -> Iterator[list]:
    """Yield consecutive slices of ``items`` of at most ``size`` elements."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


def load_into(session: neo4j.Session, graph: nx.MultiDiGraph, batch_size: int = DEFAULT_BATCH_SIZE,
              progress: bool = False) -> LoadSummary:
    """Merge ``graph`` into the session's database in batches; return what was written.

    The next batch is turned into the property view in a worker thread while the server writes
    the current one (the driver waits on the socket without holding the GIL).
    """
    if batch_size < 1:
        raise GraphkitError("batch size must be at least 1")
    started = time.perf_counter()
    check_vocabulary(graph)
    ensure_schema(session)
    edges_by_type: dict[str, list[tuple]] = defaultdict(list)
    for source, target, key, type in graph.edges(keys=True, data="type"):
        edges_by_type[type].append((source, target, key))
    # Reading what is stored can only find something where the database already had data of that kind.
    stored_nodes = session.run(f"MATCH (n:{ENTITY_LABEL}) RETURN count(n) > 0 AS stored").single()["stored"]
    stored_types = {type for type in edges_by_type
                    if session.run(f"MATCH ()-[r:{type}]->() RETURN count(r) > 0 AS stored").single()["stored"]}
    jobs = [(write_node_batch, None, keys, stored_nodes) for keys in chunks(list(graph.nodes), batch_size)]
    jobs += [(write_edge_batch, type, batch, type in stored_types)
             for type, edges in edges_by_type.items() for batch in chunks(edges, batch_size)]
    counters = dict.fromkeys(LOAD_COUNTERS, 0)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, disable=not progress, transient=False) as bar, \
            ThreadPoolExecutor(max_workers=1) as worker:
        task = bar.add_task("loading into Neo4j", total=graph.number_of_nodes() + graph.number_of_edges())
        upcoming = worker.submit(batch_rows, graph, *jobs[0][1:3]) if jobs else None
        for index, (write, type, items, stored) in enumerate(jobs):
            rows = upcoming.result()
            if index + 1 < len(jobs):
                upcoming = worker.submit(batch_rows, graph, *jobs[index + 1][1:3])
            arguments = (rows, stored) if type is None else (type, rows, stored)
            add_counters(counters, session.execute_write(write, *arguments))
            bar.advance(task, len(items))
    return LoadSummary(nodes=graph.number_of_nodes(), relationships=graph.number_of_edges(),
                       counters=counters, seconds=time.perf_counter() - started)


def batch_rows(graph: nx.MultiDiGraph, type: str | None, items: list) -> list[dict]:
    """Return the loader's rows for a batch of node keys (``type`` None) or (source, target, key) edges.

    Rows carry the property view of :func:`graphkit.graph.to_property_graph`; node labels apart.
    """
    part = nx.MultiDiGraph()
    if type is not None:
        part.add_edges_from((source, target, key, graph.edges[source, target, key])
                            for source, target, key in items)
        return [{"source": source, "target": target, "props": edge_props(data)}
                for source, target, data in to_property_graph(part).edges(data=True)]
    part.add_nodes_from((key, graph.nodes[key]) for key in items)
    return [{"key": key, "props": {**data, "labels": sorted(set(data["labels"]) - {ENTITY_LABEL})}}
            for key, data in to_property_graph(part).nodes(data=True)]


def write_node_batch(tx: neo4j.ManagedTransaction, rows: list[dict], stored: bool) -> dict[str, int]:
    """Merge one batch of nodes in a transaction (``stored``: some may exist); return the counters."""
    existing = {}
    if stored:
        # Labels live as Neo4j labels only (the property view has no `labels` property).
        existing = {record["key"]: {**record["props"], "labels": sorted(set(record["labels"]) - {ENTITY_LABEL})}
                    for record in tx.run(READ_NODES, {"keys": [row["key"] for row in rows]})}
    by_labels: dict[tuple[str, ...], list[dict]] = defaultdict(list)
    for row in rows:
        old = existing.get(row["key"])
        props = row["props"] if old is None else merge_node_props(old, row["props"])
        if props != old:
            labels = tuple(sorted(set(props.get("labels", [])) - {ENTITY_LABEL}))
            stored_props = {key: value for key, value in props.items() if key != "labels"}
            by_labels[labels].append({"key": row["key"], "props": stored_props})
    counters: dict[str, int] = {}
    for labels, changed in by_labels.items():
        add_counters(counters, counters_of(tx.run(write_nodes_query(labels), {"rows": changed}).consume()))
    return counters


def write_edge_batch(tx: neo4j.ManagedTransaction, type: str, rows: list[dict], stored: bool) -> dict[str, int]:
    """Merge one batch of relationships of one type (``stored``: some may exist); return the counters."""
    read, write = edge_queries(type)
    existing = {}
    if stored:
        endpoints = [{"source": row["source"], "target": row["target"]} for row in rows]
        existing = {(record["source"], record["target"]): record["props"] for record in tx.run(read, {"rows": endpoints})}
    changed = []
    for row in rows:
        old = existing.get((row["source"], row["target"]))
        props = row["props"] if old is None else merge_edge_props(type, old, row["props"])
        if props != old:
            # A null in SET += removes a property: a value the sources no longer agree on.
            cleared = dict.fromkeys(set(old or {}) - set(props))
            changed.append({"source": row["source"], "target": row["target"], "props": {**cleared, **props}})
    if not changed:
        return {}
    return counters_of(tx.run(write, {"rows": changed}).consume())


def counters_of(summary: neo4j.ResultSummary) -> dict[str, int]:
    """Return the load counters of a query summary."""
    return {name: getattr(summary.counters, name) for name in LOAD_COUNTERS}


def add_counters(total: dict[str, int], more: dict[str, Any]) -> None:
    """Add one batch's counters to the running totals."""
    for name, value in more.items():
        total[name] = total.get(name, 0) + value
