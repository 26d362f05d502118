"""The offline HTML view of an investor graph: one self-contained file, no network needed.

The page is vis-network (the build pyvis ships) with graphkit's own template, stylesheet and
script, all inlined; no ``<script src>``, no ``<link href>``, no ``@import``. The graph goes in as
JSON inside a ``<script type="application/json">`` block with ``<``, ``>``, ``&``, U+2028 and
U+2029 escaped, so no name or sentence can close the block; the page puts every string into
the DOM as text, never as HTML. Every graph gets a precomputed layout; small graphs then get
live physics from there, big ones (over :data:`PHYSICS_LIMIT` nodes) keep it, physics off, so
they open fast.

Examples
--------
>>> import tempfile, pathlib
>>> from graphkit.graph import new_graph, add_entity
>>> graph = new_graph(); _ = add_entity(graph, "</script><b>Acme", labels=["Company"])
>>> page = write_view(graph, pathlib.Path(tempfile.mkdtemp()) / "g.html").read_text()
>>> "</script><b>" in page, "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003eAcme" in page
(False, True)
"""

from __future__ import annotations

import html
import json
import math
import os
import re
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from graphkit.viewer_layout import spring_positions
from graphkit.viewer_select import filter_by_date, neighbourhood, resolve_entity

PHYSICS_LIMIT = 300  # above this many nodes: precomputed layout, physics off, no edge labels
# Node look by label; a node with several labels takes the first of these it has.
LABEL_STYLES: dict[str, dict[str, str]] = {
    "Fund": {"color": "#2ca02c", "shape": "square"},
    "Person": {"color": "#9467bd", "shape": "triangle"},
    "Company": {"color": "#1f77b4", "shape": "dot"},
    "Investor": {"color": "#ff7f0e", "shape": "diamond"},
    "Organization": {"color": "#7f7f7f", "shape": "hexagon"},
}
UNLABELLED_STYLE = {"color": "#bbbbbb", "shape": "dot"}
RELATION_STYLES: dict[str, dict[str, Any]] = {
    "INVESTED_IN": {"color": "#2ca02c", "arrows": "to", "dashes": False},
    "BACKED_BY": {"color": "#ff7f0e", "arrows": "to", "dashes": False},
    "COMPETES_WITH": {"color": "#d62728", "arrows": "", "dashes": True},
}
SIZE_BY = ("degree", "money")
NODE_FIELDS = ("name", "labels", "aliases", "mentions", "articles")
EDGE_FIELDS = ("amount", "amount_usd", "currency", "round", "date", "led", "source_count", "conflicts")
EVIDENCE_FIELDS = ("article", "title", "url", "sentence", "amount", "amount_usd", "currency", "round",
                   "date", "led")
SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def write_view(graph: nx.MultiDiGraph, path: str | os.PathLike, *, title: str | None = None,
               focus: str | None = None, depth: int = 2, since: str | None = None,
               until: str | None = None, size_by: str = "degree") -> Path:
    """Write the graph (or the selected part of it) as one offline HTML page; return its path.

    ``focus`` draws that entity's neighbourhood ``depth`` hops deep; ``since``/``until`` keep
    the edges dated in that window; ``size_by`` is ``"degree"`` or ``"money"`` (USD raised).
    """
    selected = select(graph, focus=focus, depth=depth, since=since, until=until)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_page(view_data(selected, title or view_title(graph, focus), size_by)),
                    encoding="utf-8")
    return path


def view_title(graph: nx.MultiDiGraph, focus: str | None = None) -> str:
    """Return the default page title: "Investor network", with the focus entity's name when given."""
    return f"Investor network: {graph.nodes[resolve_entity(graph, focus)]['name']}" if focus else \
        "Investor network"


def select(graph: nx.MultiDiGraph, *, focus: str | None = None, depth: int = 2, since: str | None = None,
           until: str | None = None) -> nx.MultiDiGraph:
    """Return the part of the graph a view draws: the date window first, then the focus neighbourhood."""
    selected = filter_by_date(graph, since, until)
    if focus is None:
        return selected
    key = resolve_entity(graph, focus)
    if key not in selected:
        selected = selected.copy()
        selected.add_node(key, **graph.nodes[key])
    return neighbourhood(selected, key, depth)


def view_data(graph: nx.MultiDiGraph, title: str, size_by: str = "degree") -> dict[str, Any]:
    """Return everything the page needs as JSON-ready data: nodes, edges, styles, options.

    >>> from graphkit.graph import new_graph, add_entity
    >>> graph = new_graph(); _ = add_entity(graph, "Boyu Capital", labels=["Investor", "Fund"])
    >>> data = view_data(graph, "t")
    >>> data["nodes"][0]["name"], data["nodes"][0]["style"], data["big"]
    ('Boyu Capital', 'Fund', False)
    """
    if size_by not in SIZE_BY:
        raise ValueError(f"size_by must be one of {SIZE_BY}, not {size_by!r}")
    big = graph.number_of_nodes() > PHYSICS_LIMIT
    positions = spring_positions(graph)
    raised = money_raised(graph)
    nodes = []
    for key, data in graph.nodes(data=True):
        node = {field: data[field] for field in NODE_FIELDS if data.get(field) is not None}
        node.update(id=key, name=data.get("name") or str(key), labels=sorted(data.get("labels", [])),
                    style=primary_label(data.get("labels", [])), degree=graph.degree(key))
        if raised.get(key):
            node["raised_usd"] = raised[key]
        node["value"] = math.log10(1 + raised.get(key, 0)) if size_by == "money" else node["degree"]
        node["x"], node["y"] = (round(value, 1) for value in positions[key])
        nodes.append(node)
    edges = []
    for index, (source, target, data) in enumerate(graph.edges(data=True)):
        edge = {field: data[field] for field in EDGE_FIELDS if data.get(field) not in (None, [])}
        edge.update(id=index, source=source, target=target, type=data.get("type", "?"),
                    evidence=[{field: item[field] for field in EVIDENCE_FIELDS if item.get(field) is not None}
                              for item in data.get("evidence", [])])
        if edge["type"] == "INVESTED_IN":
            edge["label"] = edge_label(data)
        edges.append(edge)
    return {"title": title, "nodes": nodes, "edges": edges, "big": big, "sizeBy": size_by,
            "labelStyles": {**LABEL_STYLES, "": UNLABELLED_STYLE}, "relationStyles": RELATION_STYLES}


def primary_label(labels: list[str]) -> str:
    """Return the label that decides a node's colour and shape ("" when it has none).

    >>> primary_label(["Investor", "Company"]), primary_label([])
    ('Company', '')
    """
    return next((label for label in LABEL_STYLES if label in labels), "")


def money_raised(graph: nx.MultiDiGraph) -> dict[str, float]:
    """Return USD raised per node: its incoming INVESTED_IN and outgoing BACKED_BY amounts.

    Co-investors in one round each carry the round's amount, so each (round, year, amount) counts once.
    """
    deals: dict[str, set] = {}
    for source, target, data in graph.edges(data=True):
        company = target if data.get("type") == "INVESTED_IN" else source if data.get("type") == "BACKED_BY" \
            else None
        amount = data.get("amount_usd") or max(
            (item["amount_usd"] for item in data.get("evidence", []) if item.get("amount_usd")), default=None)
        if company is not None and amount:
            deals.setdefault(company, set()).add((data.get("round"), (data.get("date") or "")[:4], amount))
    return {company: sum(amount for _, _, amount in rounds) for company, rounds in deals.items()}


def edge_label(data: dict[str, Any]) -> str:
    """Return the short text drawn on an investment edge: amount and round.

    >>> edge_label({"amount_usd": 6e8, "round": "Series C"}), edge_label({"conflicts": ["amount_usd"]})
    ('$600M Series C', 'amounts differ')
    """
    parts = []
    if data.get("amount_usd"):
        parts.append(format_usd(data["amount_usd"]))
    elif data.get("amount"):
        parts.append(data["amount"])
    elif "amount_usd" in (data.get("conflicts") or []):
        parts.append("amounts differ")
    if data.get("round"):
        parts.append(data["round"])
    return " ".join(parts)


def format_usd(amount: float) -> str:
    """Return a USD amount in short form.

    >>> format_usd(6e8), format_usd(1.25e9), format_usd(5e5), format_usd(950)
    ('$600M', '$1.25B', '$500K', '$950')
    """
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if amount >= size:
            return f"${amount / size:.3g}{suffix}"
    return f"${amount:.0f}"


def script_json(value: Any) -> str:
    """Return JSON that is safe inside a ``<script>`` block (nothing in it can end the block).

    >>> script_json({"name": "</script>&"})
    '{"name": "\\\\u003c/script\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda match: SCRIPT_ESCAPES[match.group()], text)


def inline(code: str, tag: str) -> str:
    """Return JavaScript or CSS source that can sit inside a ``<script>``/``<style>`` element as is.

    >>> inline('s = "</script>"', "script")
    's = "<\\\\/script>"'
    """
    return re.sub(f"</({tag})", r"<\\/\1", code, flags=re.IGNORECASE)


def render_page(data: dict[str, Any]) -> str:
    """Return the whole HTML page for :func:`view_data`'s data, every asset inlined."""
    parts = {
        "title": html.escape(data["title"]),
        "vis_css": inline(vis_asset("vis-network.css"), "style"),
        "viewer_css": inline(asset("viewer.css"), "style"),
        "vis_js": inline(vis_asset("vis-network.min.js"), "script"),
        "graph_json": script_json(data),
        "viewer_js": inline(asset("viewer.js"), "script"),
    }
    return re.sub(r"\{\{(\w+)\}\}", lambda match: parts[match.group(1)], asset("viewer.html"))


def asset(name: str) -> str:
    """Return one of graphkit's viewer files (template, script, stylesheet)."""
    return resources.files("graphkit").joinpath("viewer_assets", name).read_text(encoding="utf-8")


def vis_asset(name: str) -> str:
    """Return a file of the vis-network 9.1.2 build that ships inside the pyvis package."""
    import pyvis

    return (Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / name).read_text(encoding="utf-8")
