"""Investor questions on any backend: who backs X, what X backs, co-investors, paths, an entity.

Every relation question runs a named query from ``cypher/`` (:mod:`graphkit.queries`) with
parameters through ``Backend.run``, so a graph file and Neo4j give the same answer. Names resolve
as :mod:`graphkit.names` says: by key (:func:`graphkit.graph.node_key`: case, accents and corporate
suffixes ignored), then by lower-cased name or alias, then by a unique word prefix ("Boyu" ->
"Boyu Capital"); an unknown name raises :class:`EntityNotFoundError` with suggestions. Results
are JSON-ready dicts with stable keys.

A :class:`Window` limits relations to those dated inside it (:func:`relation_date`: the event's
``date``, else ``first_reported``, the earliest publication date of the evidence); relations with
neither are then left out and counted (``excluded_undated``). Dates stay ISO strings: a year or month counts from
its start, so ``"2021"`` is inside ``since="2021"`` but not inside ``since="2021-03"``.

Examples
--------
>>> import tempfile, pathlib
>>> from graphkit.backends import open_backend
>>> from graphkit.graph import new_graph, add_entity, add_relation, save_graph
>>> graph = new_graph()
>>> fund = add_entity(graph, "Harbor Lane Capital LLC", labels=["Investor"])
>>> startup = add_entity(graph, "Quillwork", labels=["Company"])
>>> add_relation(graph, fund, startup, "INVESTED_IN",
...              {"article": "a1", "sentence": "Harbor Lane led Quillwork's seed.", "date": "2023-05"})
>>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.json"; save_graph(graph, path)
>>> explorer = Explorer(open_backend(path))
>>> [row["name"] for row in explorer.investors("QUILLWORK")["investors"]]
['Harbor Lane Capital LLC']
>>> explorer.portfolio("harbor lane capital", Window.parse(since="2024"))["excluded_undated"]
0
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graphkit.backends import Backend
from graphkit.errors import GraphkitError
from graphkit.graph import node_key
from graphkit.model import LABELS
from graphkit.names import EntityNotFoundError as EntityNotFoundError  # re-exported: raised by resolve
from graphkit.names import resolve_among
from graphkit.queries import named_query

DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MAX_PATH_HOPS = 6  # written into cypher/shortest_path.cypher: Neo4j takes no parameter there
RELATION_FIELDS = ("relation", "amount_usd", "amount", "round", "date", "first_reported", "led", "source_count",
                   "conflicts")


class AmbiguousNameError(GraphkitError):
    """Several entities have the name (as a name or an alias)."""


@dataclass(frozen=True)
class Window:
    """A time window on relation dates: ``since`` inclusive, ``until`` inclusive (ISO prefixes).

    >>> Window.parse(since="2021", until="2022-02").parameters()
    {'since': '2021', 'before': '2022-03'}
    >>> Window.parse(until="2022-12-31").admits("2023-01-01"), Window().admits(None)
    (False, True)
    """

    since: str | None = None
    until: str | None = None

    @classmethod
    def parse(cls, since: str | None = None, until: str | None = None) -> Window:
        """Return a window from user-typed bounds (YYYY, YYYY-MM or YYYY-MM-DD), checked."""
        since, until = _check_date(since, "--since"), _check_date(until, "--until")
        if since and until and since > until:
            raise GraphkitError(f"--since {since} is after --until {until}")
        return cls(since, until)

    @property
    def active(self) -> bool:
        """Whether the window limits anything (then undated relations are left out)."""
        return self.since is not None or self.until is not None

    def parameters(self) -> dict[str, str | None]:
        """Return the query parameters: ``$since`` inclusive, ``$before`` exclusive."""
        return {"since": self.since, "before": _next_period(self.until) if self.until else None}

    def admits(self, date: Any) -> bool:
        """Whether a relation with this date is inside the window (the named queries' rule)."""
        if not self.active:
            return True
        if not isinstance(date, str):
            return False
        before = self.parameters()["before"]
        return (self.since is None or date >= self.since) and (before is None or date < before)

    def as_dict(self) -> dict[str, str | None]:
        """The window as given, for JSON output."""
        return {"since": self.since, "until": self.until}


def relation_date(data: dict) -> str | None:
    """Return the date a time window applies to: the event ``date``, else ``first_reported``.

    >>> relation_date({"date": "2017-08", "first_reported": "2017-10-31"}), relation_date({"first_reported": "2017"})
    ('2017-08', '2017')
    """
    for field in ("date", "first_reported"):
        if isinstance(data.get(field), str):
            return data[field]
    return None


def _check_date(text: str | None, option: str) -> str | None:
    if text is None:
        return None
    match = DATE_PATTERN.match(text.strip())
    try:
        if not match:
            raise ValueError
        year, month, day = (int(part) if part else 1 for part in match.groups())
        dt.date(year, month, day)
    except ValueError:
        raise GraphkitError(f"{option} {text!r}: expected a date as YYYY, YYYY-MM or YYYY-MM-DD") from None
    return text.strip()


def _next_period(date: str) -> str:
    """Return the first ISO prefix after the period ``date`` names: 2021 -> 2022, 2021-12 -> 2022-01."""
    parts = [int(part) for part in date.split("-")]
    if len(parts) == 1:
        return f"{parts[0] + 1:04d}"
    if len(parts) == 2:
        year, month = parts[0] + parts[1] // 12, parts[1] % 12 + 1
        return f"{year:04d}-{month:02d}"
    return (dt.date(*parts) + dt.timedelta(days=1)).isoformat()


def entity_labels(row: dict) -> list[str]:
    """Return a row's graphkit labels, sorted (a database may add labels of its own)."""
    return sorted(set(row.get("labels") or []) & set(LABELS))


def parse_evidence(items: Any) -> list[dict]:
    """Return evidence as dicts: the property view stores each item as a JSON string."""
    return [json.loads(item) if isinstance(item, str) else dict(item) for item in items or []]


def _relation_record(row: dict) -> dict:
    """Return a relation row of a named query as an output record (sources parsed, undated dropped)."""
    record = {"key": row["key"], "name": row["name"], "labels": entity_labels(row)}
    if "direction" in row:
        record["direction"] = row["direction"]
    record.update({field: row.get(field) for field in RELATION_FIELDS})
    record["relations"] = [row["relation"]]
    record["conflicts"] = list(row.get("conflicts") or [])
    record["sources"] = parse_evidence(row.get("evidence"))
    return record


def merge_by_entity(records: list[dict]) -> list[dict]:
    """Return one record per entity: an investor that both INVESTED_IN and BACKED_BY a company is one row.

    The first record (the query's order) keeps its place and values; the other's relation type,
    sources and conflicts are added, and its values fill the fields the first lacks.

    >>> merged = merge_by_entity([
    ...     {"key": "a", "relation": "INVESTED_IN", "relations": ["INVESTED_IN"], "round": None, "led": False,
    ...      "source_count": 1, "conflicts": [], "sources": [{"article": "x", "sentence": "s"}]},
    ...     {"key": "a", "relation": "BACKED_BY", "relations": ["BACKED_BY"], "round": "B", "led": True,
    ...      "source_count": 1, "conflicts": [], "sources": [{"article": "y", "sentence": "t"}]}])
    >>> [(row["relations"], row["round"], row["led"], row["source_count"]) for row in merged]
    [(['INVESTED_IN', 'BACKED_BY'], 'B', True, 2)]
    """
    merged: dict[str, dict] = {}
    for record in records:
        first = merged.setdefault(record["key"], record)
        if first is record:
            continue
        first["relations"] = [*first["relations"], *record["relations"]]
        first["led"] = bool(first.get("led") or record.get("led"))
        for field in RELATION_FIELDS:
            if first.get(field) is None:
                first[field] = record.get(field)
        first["conflicts"] = sorted({*first["conflicts"], *record["conflicts"]})
        first["sources"] = [*first["sources"], *(item for item in record["sources"] if item not in first["sources"])]
        first["source_count"] = len({item.get("article") for item in first["sources"]})
    return list(merged.values())


class Explorer:
    """Answers investor questions on one backend; the whole-graph read is cached."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self._graph: nx.MultiDiGraph | None = None

    def query(self, name: str, **parameters: Any) -> list[dict]:
        """Run the named query ``cypher/<name>.cypher`` with parameters; return its records."""
        return self.backend.run(named_query(name), parameters).records()

    def graph(self) -> nx.MultiDiGraph:
        """Return the whole graph (read once), for the networkx algorithms."""
        if self._graph is None:
            self._graph = self.backend.read_graph()
        return self._graph

    def resolve(self, name: str) -> dict:
        """Return ``{key, name, labels}`` of the entity a typed name refers to.

        By key, then by name or alias (the named queries), then by a unique word prefix of a name
        or alias (:mod:`graphkit.names`); otherwise :class:`EntityNotFoundError` with suggestions.
        """
        text = name.strip()
        rows = self.query("resolve_key", key=node_key(text)) if text else []
        if not rows and text:
            rows = self.query("resolve_name", lower=text.lower())
        if len(rows) > 1:
            names = ", ".join(f"{row['name']} ({row['key']})" for row in rows)
            raise AmbiguousNameError(f"{name!r} names several entities: {names}")
        if not rows:
            key = resolve_among(text, self.names())
            rows = self.query("resolve_key", key=key)
        row = rows[0]
        return {"key": row["key"], "name": row["name"], "labels": entity_labels(row)}

    def names(self) -> list[tuple[str, str]]:
        """Return ``(key, name)`` for every entity's name and each of its aliases."""
        return [(row["key"], candidate) for row in self.query("entity_names")
                for candidate in [row.get("name"), *(row.get("aliases") or [])] if isinstance(candidate, str)]

    def _relations(self, query: str, name: str, window: Window) -> tuple[dict, list[dict], int]:
        entity = self.resolve(name)
        rows = self.query(query, key=entity["key"], **window.parameters())
        kept = [_relation_record(row) for row in rows if not row.get("undated")]
        return entity, kept, len(rows) - len(kept)

    def investors(self, name: str, window: Window = Window()) -> dict:
        """Who invested in or backs ``name``: amounts, rounds, dates and sources, one row per investor."""
        entity, rows, undated = self._relations("investors_of", name, window)
        rows = merge_by_entity(rows)
        return {"entity": entity, "window": window.as_dict(), "excluded_undated": undated, "investors": rows}

    def portfolio(self, name: str, window: Window = Window()) -> dict:
        """What ``name`` invested in or backs, one row per company."""
        entity, rows, undated = self._relations("portfolio", name, window)
        rows = merge_by_entity(rows)
        return {"entity": entity, "window": window.as_dict(), "excluded_undated": undated, "portfolio": rows}

    def coinvestors(self, name: str, window: Window = Window(), limit: int | None = None) -> dict:
        """Investors sharing investments with ``name``, most shared first, with the shared companies."""
        entity = self.resolve(name)
        rows = self.query("co_investors", key=entity["key"], **window.parameters())
        ranked = [{"key": row["key"], "name": row["name"], "labels": entity_labels(row),
                   "shared_count": row["shared_count"], "shared": sorted(row["shared"])}
                  for row in rows if row["shared_count"]]
        return {"entity": entity, "window": window.as_dict(),
                "excluded_undated": sum(row["undated"] for row in rows),
                "coinvestors": ranked[:limit] if limit else ranked}

    def path(self, source: str, target: str, window: Window = Window(), limit: int = 5) -> dict:
        """The shortest connections between two entities, ignoring direction, with evidence per hop."""
        start, end = self.resolve(source), self.resolve(target)
        if start["key"] == end["key"]:
            raise GraphkitError(f"{source!r} and {target!r} are the same entity ({start['name']})")
        rows = self.query("shortest_path", source=start["key"], target=end["key"], **window.parameters())
        paths = sorted(({"nodes": [_path_node(node) for node in row["nodes"]],
                         "hops": [_path_hop(hop) for hop in row["hops"]]} for row in rows),
                       key=lambda found: [node["key"] for node in found["nodes"]])
        undated = self.query("count_undated")[0]["undated"] if window.active else 0
        return {"source": start, "target": end, "window": window.as_dict(), "excluded_undated": undated,
                "max_hops": MAX_PATH_HOPS, "length": len(paths[0]["hops"]) if paths else None,
                "paths_found": len(paths), "paths": paths[:limit]}

    def show(self, name: str, window: Window = Window()) -> dict:
        """Everything known about an entity: labels, aliases, counts, every relation with evidence."""
        entity = self.resolve(name)
        row = self.query("entity", key=entity["key"])[0]
        rows = self.query("relations", key=entity["key"], **window.parameters())
        relations = [_relation_record(item) for item in rows if not item.get("undated")]
        details = {**entity, "aliases": sorted(row.get("aliases") or []),
                   "mentions": row.get("mentions"), "articles": row.get("articles")}
        return {"entity": details, "window": window.as_dict(),
                "excluded_undated": len(rows) - len(relations),
                "counts": _relation_counts(relations), "relations": relations}


def _path_node(node: dict) -> dict:
    return {"key": node["key"], "name": node["name"], "labels": entity_labels(node)}


def _path_hop(hop: dict) -> dict:
    sources = parse_evidence(hop.get("evidence"))
    first = sources[0] if sources else {}
    return {"type": hop["type"], "source": hop["source"], "target": hop["target"],
            **{field: hop.get(field)
               for field in ("date", "first_reported", "amount_usd", "amount", "round", "source_count")},
            "sentence": first.get("sentence"), "article": first.get("article"),
            "title": first.get("title"), "url": first.get("url"), "sources": sources}


def _relation_counts(relations: list[dict]) -> dict[str, int]:
    """Count an entity's relations, the distinct entities in each role, and the distinct source articles."""
    def role(item: dict) -> str:
        if item["relation"] == "COMPETES_WITH":
            return "competitors"
        backs = (item["relation"] == "INVESTED_IN") == (item["direction"] == "out")
        return "portfolio" if backs else "investors"

    others: dict[str, set] = {"investors": set(), "portfolio": set(), "competitors": set()}
    for item in relations:
        others[role(item)].add(item["key"])
    counts = {"relations": len(relations), **{name: len(keys) for name, keys in others.items()}}
    counts["sources"] = len({source.get("article") for item in relations for source in item["sources"]})
    return counts
