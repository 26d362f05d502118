"""The investor graph: a networkx MultiDiGraph, its node keys, merging, and the graph file.

Nodes are keyed by :func:`node_key` of the canonical name, so graphs built from different
articles (or the same articles twice) merge instead of duplicating. There is at most one edge
per (source, target, type); the edge key *is* the type. Each edge keeps every piece of evidence,
each with the values that source reported; the edge-level ``amount_usd``/``round``/``date`` are
set only where the sources agree, and ``conflicts`` names the fields where they do not.
``first_reported`` is the earliest publication date of the evidence: when no source dates the
event itself, it is when the world first read about it.

Graph file: networkx node-link JSON (``nodes`` + ``edges``), as ``../shared/eval/score.py`` reads.

Examples
--------
>>> graph = new_graph()
>>> alibaba = add_entity(graph, "Alibaba Group Holding Ltd.", labels=["Company", "Investor"])
>>> megvii = add_entity(graph, "Megvii", labels=["Company"])
>>> add_relation(graph, alibaba, megvii, "INVESTED_IN",
...              Evidence(article="a1", sentence="Alibaba joins Megvii round.", amount_usd=6e8))
>>> add_relation(graph, alibaba, megvii, "INVESTED_IN",
...              Evidence(article="a2", sentence="Alibaba invests $600m in Megvii.", amount_usd=6e8))
>>> edge = graph.edges[alibaba, megvii, "INVESTED_IN"]
>>> edge["source_count"], edge["amount_usd"], alibaba
(2, 600000000.0, 'alibaba')
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from graphkit.errors import GraphFileError
from graphkit.model import LABELS, RELATION_TYPES, STORAGE_LABEL, SYMMETRIC_TYPES, Evidence

# Words that do not tell two organizations apart ("Alibaba Group Holding Ltd." is "Alibaba").
CORPORATE_SUFFIXES = frozenset({
    "inc", "incorporated", "ltd", "limited", "co", "corp", "corporation", "company", "group",
    "holding", "holdings", "plc", "llc", "lp", "llp", "sa", "ag", "gmbh", "nv", "bv", "the",
    "pte", "pty", "srl", "spa", "kk", "oy", "ab", "as",
})
# Values an edge summarizes from its evidence; a disagreement is recorded, never resolved silently.
EDGE_VALUE_FIELDS = ("amount_usd", "currency", "round", "date")


def node_key(name: str) -> str:
    """Return the stable node key for an entity name: lower case, accents and suffixes dropped.

    >>> node_key("Alibaba Group Holding Ltd."), node_key("Megvii's"), node_key("SenseTime")
    ('alibaba', 'megvii', 'sensetime')
    """
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = text.casefold().replace("&", " and ")
    text = re.sub(r"['\u2019]s\b", "", text)
    words = re.sub(r"[^\w\s]", " ", text).split()
    while len(words) > 1 and words[-1] in CORPORATE_SUFFIXES:
        words.pop()
    while len(words) > 1 and words[0] == "the":
        words.pop(0)
    return "-".join(words) or re.sub(r"\s+", "-", name.strip().casefold())


def new_graph() -> nx.MultiDiGraph:
    """Return an empty investor graph."""
    return nx.MultiDiGraph()


def add_entity(graph: nx.MultiDiGraph, name: str, labels: Iterable[str] = (),
               aliases: Iterable[str] = (), key: str | None = None, **properties) -> str:
    """Add an entity (or merge into the one with the same key) and return its key.

    Labels outside :data:`graphkit.model.LABELS` are rejected: they become Neo4j labels.
    """
    key = key or node_key(name)
    labels = set(labels)
    unknown = labels - set(LABELS)
    if unknown:
        raise ValueError(f"unknown labels {sorted(unknown)}; allowed: {', '.join(LABELS)}")
    if key in graph:
        node = graph.nodes[key]
        node["labels"] = sorted(set(node.get("labels", [])) | labels)
        known = {node["name"], *node.get("aliases", [])}
        node["aliases"] = sorted(set(node.get("aliases", [])) | ({*aliases, name} - known) - {node["name"]})
        for prop, value in properties.items():
            if isinstance(value, (int, float)) and not isinstance(value, bool) and prop in node:
                node[prop] = node[prop] + value
            else:
                node.setdefault(prop, value)
    else:
        graph.add_node(key, name=name, labels=sorted(labels),
                       aliases=sorted(set(aliases) - {name}), **properties)
    return key


def add_relation(graph: nx.MultiDiGraph, source: str, target: str, type: str,
                 evidence: Evidence | dict | Iterable[Evidence | dict]) -> None:
    """Add a relation between two existing nodes, merging evidence into an existing edge.

    COMPETES_WITH is symmetric and stored once, from the smaller key to the larger one.
    """
    if type not in RELATION_TYPES:
        raise ValueError(f"unknown relationship type {type!r}; allowed: {', '.join(RELATION_TYPES)}")
    if type in SYMMETRIC_TYPES and target < source:
        source, target = target, source
    items = [evidence] if isinstance(evidence, (Evidence, dict)) else list(evidence)
    new = [item.as_dict() if isinstance(item, Evidence) else dict(item) for item in items]
    if graph.has_edge(source, target, key=type):
        data = graph.edges[source, target, type]
    else:
        graph.add_edge(source, target, key=type, type=type, evidence=[])
        data = graph.edges[source, target, type]
    seen = {(item.get("article"), item.get("sentence")) for item in data["evidence"]}
    for item in new:
        if (item.get("article"), item.get("sentence")) not in seen:
            seen.add((item.get("article"), item.get("sentence")))
            data["evidence"].append(item)
    data.update(summarize_evidence(data["evidence"]))


def summarize_evidence(evidence: list[dict]) -> dict:
    """Return the edge-level values that all sources agree on, the conflicts, and the source count.

    >>> summarize_evidence([{"article": "a", "amount_usd": 1e6}, {"article": "b", "amount_usd": 2e6}])
    {'source_count': 2, 'amount_usd': None, 'currency': None, 'round': None, 'date': None, \
'amount': None, 'led': False, 'first_reported': None, 'conflicts': ['amount_usd']}
    """
    summary: dict = {"source_count": len({item.get("article") for item in evidence})}
    conflicts = []
    for field in EDGE_VALUE_FIELDS:
        values = {item[field] for item in evidence if item.get(field) is not None}
        summary[field] = values.pop() if len(values) == 1 else None
        if len(values) >= 1:
            conflicts.append(field)
    agreed_amount = summary["amount_usd"]
    summary["amount"] = next((item["amount"] for item in evidence
                              if item.get("amount") and item.get("amount_usd") == agreed_amount), None)
    summary["led"] = any(item.get("led") for item in evidence)
    published = [item["published"] for item in evidence if item.get("published")]
    summary["first_reported"] = min(published) if published else None
    summary["conflicts"] = conflicts
    return summary


def merge_graphs(into: nx.MultiDiGraph, other: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Merge ``other`` into ``into`` (nodes by key, edges by type, evidence deduplicated); return it."""
    for key, data in other.nodes(data=True):
        extra = {k: v for k, v in data.items() if k not in ("name", "labels", "aliases")}
        add_entity(into, data.get("name", key), data.get("labels", []), data.get("aliases", []),
                   key=key, **extra)
    for source, target, data in other.edges(data=True):
        add_relation(into, source, target, data["type"], data.get("evidence", []))
    return into


def save_graph(graph: nx.MultiDiGraph, path: str | os.PathLike) -> None:
    """Write the graph as node-link JSON, atomically (a reader never sees half a file)."""
    # Imported here: the query engine is slow to import, and extraction workers never need it.
    from graphkit.cypher_engine.temporal import json_default

    path = Path(path)
    data = nx.node_link_data(graph, edges="edges")
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, indent=1, default=json_default)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; a graph file is as shareable as any
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def load_graph(path: str | os.PathLike) -> nx.MultiDiGraph:
    """Read a graph file written by :func:`save_graph`; a bad file raises :class:`GraphFileError`."""
    from graphkit.cypher_engine.temporal.serialize import TYPE_KEY, json_object_hook

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
        # The hook costs a Python call per JSON object; only files holding temporal values need it.
        data = json.loads(text, object_hook=json_object_hook if TYPE_KEY in text else None)
    except FileNotFoundError:
        raise GraphFileError(path, "no such graph file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise GraphFileError(path, f"not a JSON graph file ({error})") from None
    if not isinstance(data, dict) or "nodes" not in data or not ({"edges", "links"} & data.keys()):
        raise GraphFileError(path, "not node-link JSON: expected an object with 'nodes' and 'edges'")
    # Built directly rather than with nx.node_link_graph: a third of the time on a large file.
    graph = nx.MultiDiGraph()
    graph.graph.update(data.get("graph") or {})
    try:
        graph.add_nodes_from((node.pop("id"), node) for node in data["nodes"])
        graph.add_edges_from((edge.pop("source"), edge.pop("target"), edge.pop("key", None), edge)
                             for edge in data.get("edges", data.get("links")))
    except (KeyError, TypeError, AttributeError) as error:
        raise GraphFileError(path, f"malformed node-link JSON (missing or bad {error})") from None
    return graph


# One encoder for every evidence entry: json.dumps with options builds a new encoder per call.
_encode_evidence = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def to_property_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Return the graph with Neo4j-compatible properties, as both query backends see it.

    Node attributes stay as they are plus ``key`` (the node id); ``labels`` are the node's labels
    plus :data:`graphkit.model.STORAGE_LABEL` (``Entity``), as in Neo4j.
    Edge ``type`` is the relationship type; ``evidence`` becomes a list of JSON strings (Neo4j
    properties cannot hold maps); ``None`` values are dropped (Neo4j has no null properties).
    """
    flat = nx.MultiDiGraph()
    flat.graph.update(graph.graph)  # what the graph records about itself (its articles) goes along
    for key, data in graph.nodes(data=True):
        props = {k: v for k, v in data.items() if v is not None}
        props["key"] = key
        props["labels"] = sorted({*props.get("labels", []), STORAGE_LABEL})
        flat.add_node(key, **props)
    for source, target, edge_key, data in graph.edges(keys=True, data=True):
        props = {k: v for k, v in data.items() if v is not None and v != []}
        if "evidence" in props:
            props["evidence"] = [_encode_evidence(item) for item in props["evidence"]]
        flat.add_edge(source, target, key=edge_key, **props)
    return flat


def from_property_graph(flat: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Invert :func:`to_property_graph`: node ids from ``key``, evidence back to dicts."""
    graph = nx.MultiDiGraph()
    graph.graph.update(flat.graph)
    ids = {}
    for node, data in flat.nodes(data=True):
        props = dict(data)
        key = props.pop("key", None) or (node_key(props["name"]) if props.get("name") else str(node))
        ids[node] = key
        props["labels"] = sorted(set(props.get("labels", [])) - {STORAGE_LABEL})
        props.setdefault("aliases", [])
        props.setdefault("name", key)
        graph.add_node(key, **props)
    for source, target, data in flat.edges(data=True):
        props = dict(data)
        props["evidence"] = [json.loads(item) if isinstance(item, str) else item
                             for item in props.get("evidence", [])]
        graph.add_edge(ids[source], ids[target], key=props.get("type"), **props)
    return graph
