"""A small hand-made investor graph (fictional names) for the explore tests.

Harbor Lane Capital (alias HLC) and Northwind Ventures both back Quillwork, Ferrous Labs and
Tidepool AI; Mara Olsen and Solstice Partners back only Tidepool AI; Quillwork competes with
Tidepool AI; Lone Reed Widgets has no relation. Some relations have no date.
"""

from __future__ import annotations

from pathlib import Path

from graphkit.graph import add_entity, add_relation, new_graph, save_graph


def evidence(article: str, sentence: str, **values) -> dict:
    return {"article": article, "title": f"Story {article}", "url": f"https://news.example/{article}",
            "sentence": sentence, **values}


def build_graph():
    graph = new_graph()
    harbor = add_entity(graph, "Harbor Lane Capital LLC", labels=["Investor"], aliases=["HLC"])
    northwind = add_entity(graph, "Northwind Ventures", labels=["Investor", "Fund"])
    mara = add_entity(graph, "Mara Olsen", labels=["Person", "Investor"])
    solstice = add_entity(graph, "Solstice Partners", labels=["Investor"])
    quillwork = add_entity(graph, "Quillwork Inc.", labels=["Company"], aliases=["Quillwork Robotics"])
    ferrous = add_entity(graph, "Ferrous Labs", labels=["Company"])
    tidepool = add_entity(graph, "Tidepool AI", labels=["Company"])
    add_entity(graph, "Lone Reed Widgets", labels=["Company"])

    add_relation(graph, harbor, quillwork, "INVESTED_IN", [
        evidence("a1", "Harbor Lane Capital led Quillwork's $600m Series C.", amount="$600m",
                 amount_usd=6e8, round="Series C", date="2023-05-10", led=True),
        evidence("a2", "Quillwork raised $600 million from Harbor Lane.", amount="$600 million",
                 amount_usd=6e8, date="2023-05-10")])
    add_relation(graph, northwind, quillwork, "INVESTED_IN",
                 evidence("a1", "Northwind Ventures joined the round.", round="Series C", date="2023-05-10"))
    add_relation(graph, harbor, ferrous, "INVESTED_IN",
                 evidence("a3", "Harbor Lane and Northwind seeded Ferrous Labs.", date="2021-02"))
    add_relation(graph, northwind, ferrous, "INVESTED_IN",
                 evidence("a3", "Harbor Lane and Northwind seeded Ferrous Labs.", amount_usd=5e6,
                          round="seed", date="2021-02"))
    add_relation(graph, harbor, tidepool, "INVESTED_IN", evidence("a4", "Harbor Lane is an investor in Tidepool."))
    add_relation(graph, tidepool, mara, "BACKED_BY", evidence("a4", "Tidepool AI is backed by Mara Olsen."))
    add_relation(graph, solstice, tidepool, "INVESTED_IN", [
        evidence("a5", "Solstice put $10m into Tidepool AI.", amount_usd=1e7, date="2024-01-15"),
        evidence("a7", "Solstice invested $12m in Tidepool AI.", amount_usd=1.2e7, date="2024-01-15")])
    add_relation(graph, northwind, tidepool, "INVESTED_IN",
                 evidence("a8", "Northwind Ventures backs Tidepool AI.", date="2024-03"))
    add_relation(graph, quillwork, tidepool, "COMPETES_WITH",
                 evidence("a6", "Quillwork competes with Tidepool AI."))
    return graph


def write_graph(path: Path) -> Path:
    save_graph(build_graph(), path)
    return path
