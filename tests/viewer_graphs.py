"""A small investor graph with hostile names and evidence, shared by the viewer tests."""

from __future__ import annotations

import networkx as nx

from graphkit.graph import add_entity, add_relation, new_graph

XSS_NAME = "<img src=x onerror=alert(1)>"
SCRIPT_NAME = "Evil </script><script>alert(2)</script> Fund"


def investor_graph() -> nx.MultiDiGraph:
    """Alibaba and an attacker invest in Megvii; Megvii competes with SenseTime, backed by a fund."""
    graph = new_graph()
    alibaba = add_entity(graph, "Alibaba Group Holding Ltd.", labels=["Company", "Investor"],
                         aliases=["Alibaba"], mentions=3, articles=2)
    megvii = add_entity(graph, "Megvii", labels=["Company"], aliases=["Face++"])
    sensetime = add_entity(graph, "SenseTime", labels=["Company"])
    attacker = add_entity(graph, XSS_NAME, labels=["Investor"])
    fund = add_entity(graph, SCRIPT_NAME, labels=["Fund", "Investor"])
    add_entity(graph, "Lonely Labs", labels=["Company"])
    add_relation(graph, alibaba, megvii, "INVESTED_IN", {
        "article": "a1", "title": "Megvii raises $600m", "url": "https://example.com/megvii",
        "sentence": "Alibaba led a $600m Series C in Megvii.", "amount_usd": 6e8, "round": "Series C",
        "date": "2017-11-01", "led": True})
    add_relation(graph, attacker, megvii, "INVESTED_IN", {
        "article": "a2", "title": "<b>bold</b> & title", "url": "javascript:alert(3)",
        "sentence": "<img src=y onerror=alert(4)> also invested $600m.", "amount_usd": 6e8,
        "round": "Series C", "date": "2017-11"})
    add_relation(graph, megvii, sensetime, "COMPETES_WITH",
                 {"article": "a1", "sentence": "Megvii and SenseTime compete."})
    add_relation(graph, sensetime, fund, "BACKED_BY", {
        "article": "a3", "sentence": "SenseTime is backed by </script> money.", "date": "2019"})
    return graph
