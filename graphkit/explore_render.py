"""Print explore results: rich tables for people, or the result dict as JSON for scripts.

Examples
--------
>>> human_amount(6e8), human_amount(1_250_000_000), human_amount(45_000), human_amount(None)
('$600M', '$1.25B', '$45K', '-')
"""

from __future__ import annotations

import json
from collections.abc import Callable

from rich.console import Console
from rich.table import Table
from rich.text import Text

UNITS = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))


def human_amount(value: float | None) -> str:
    """Return a US dollar amount the way people write it: $600M, $1.25B."""
    if value is None:
        return "-"
    rounded = float(f"{value:.3g}")
    for size, unit in UNITS:
        if abs(rounded) >= size:
            return f"${rounded / size:.3g}{unit}"
    return f"${rounded:.3g}"


def emit(result: dict, as_json: bool, render: Callable[[dict, Console], None], console: Console) -> None:
    """Print ``result`` as JSON, or with ``render`` followed by the time-window note."""
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return
    render(result, console)
    window = result.get("window") or {}
    if window.get("since") or window.get("until"):
        bounds = f"from {window.get('since') or 'any date'} to {window.get('until') or 'any date'}"
        console.print(f"relations dated {bounds} (event date, else first reported); "
                      f"{result['excluded_undated']} relation(s) without a date excluded",
                      style="dim", markup=False, highlight=False)


def _amount(record: dict) -> str:
    """Return the amount cell: human-readable, with the number of sources reporting it."""
    reporting = [item for item in record["sources"] if item.get("amount_usd") is not None]
    count = len({item.get("article") for item in reporting})
    counted = f" ({count} source{'s' if count != 1 else ''})" if count else ""
    if "amount_usd" in (record.get("conflicts") or []):
        values = sorted({item["amount_usd"] for item in reporting})
        return "conflicting: " + " / ".join(human_amount(value) for value in values) + counted
    if record.get("amount_usd") is not None:
        return human_amount(record["amount_usd"]) + counted
    return record.get("amount") or "-"


def _sources(record: dict) -> str:
    count = record.get("source_count") or len({item.get("article") for item in record["sources"]})
    names = [item.get("title") or item.get("article") or "?" for item in record["sources"]]
    return "\n".join([f"{count} source{'s' if count != 1 else ''}", *dict.fromkeys(names)])


def date_cell(record: dict) -> str:
    """Return the date cell: the event date, else the first-reported date marked as such.

    >>> date_cell({"date": "2017-08"}), date_cell({"first_reported": "2017-10-31"}), date_cell({})
    ('2017-08', '2017-10-31 (reported)', '-')
    """
    if record.get("date"):
        return record["date"]
    return f"{record['first_reported']} (reported)" if record.get("first_reported") else "-"


def _entity(entity: dict) -> str:
    labels = ", ".join(entity.get("labels") or [])
    return f"{entity['name']} ({labels})" if labels else entity["name"]


def _none_recorded(what: str, result: dict, console: Console) -> None:
    """Print the one line that stands for an empty table: "no investors recorded for X"."""
    console.print(f"no {what} recorded for {_entity(result['entity'])}", markup=False, highlight=False)


def _relations_table(title: str, other: str, records: list[dict], console: Console) -> None:
    table = Table(title=title, title_justify="left")
    for column in (other, "Relation", "Amount", "Round", "Date", "Sources"):
        table.add_column(column)
    for record in records:
        relation = " + ".join(record["relations"]) + (" (led)" if record.get("led") else "")
        table.add_row(*(Text(str(cell)) for cell in (
            _entity(record), relation, _amount(record), record.get("round") or "-",
            date_cell(record), _sources(record))))
    console.print(table)


def render_investors(result: dict, console: Console) -> None:
    """Who invested in / backs an entity."""
    if not result["investors"]:
        _none_recorded("investors", result, console)
        return
    _relations_table(f"Investors of {_entity(result['entity'])}", "Investor", result["investors"], console)


def render_portfolio(result: dict, console: Console) -> None:
    """What an entity invested in / backs."""
    if not result["portfolio"]:
        _none_recorded("investments", result, console)
        return
    _relations_table(f"Portfolio of {_entity(result['entity'])}", "Company", result["portfolio"], console)


def render_coinvestors(result: dict, console: Console) -> None:
    """Co-investors, most shared investments first."""
    if not result["coinvestors"]:
        _none_recorded("co-investors", result, console)
        return
    table = Table("Co-investor", "Shared", "Shared investments",
                  title=f"Co-investors of {_entity(result['entity'])}", title_justify="left")
    for row in result["coinvestors"]:
        table.add_row(Text(_entity(row)), str(row["shared_count"]), Text(", ".join(row["shared"])))
    console.print(table)


def render_path(result: dict, console: Console) -> None:
    """Shortest connections, hop by hop with the evidence sentence and article."""
    source, target = result["source"]["name"], result["target"]["name"]
    if not result["paths"]:
        console.print(f"no connection between {source} and {target} within {result['max_hops']} hops",
                      markup=False, highlight=False)
        return
    console.print(f"{result['paths_found']} shortest path(s) of {result['length']} hop(s) from {source} "
                  f"to {target}" + (f", showing {len(result['paths'])}" if result["paths_found"] > len(
                      result["paths"]) else ""), markup=False, highlight=False)
    for number, path in enumerate(result["paths"], 1):
        names = {node["key"]: node["name"] for node in path["nodes"]}
        table = Table("Hop", "Connection", "Date", "Evidence", "Article", title=f"Path {number}",
                      title_justify="left")
        for step, hop in enumerate(path["hops"], 1):
            link = f"{names[hop['source']]} -{hop['type']}-> {names[hop['target']]}"
            article = "\n".join(part for part in (hop.get("title") or hop.get("article"), hop.get("url")) if part)
            table.add_row(str(step), Text(link), date_cell(hop), Text(hop.get("sentence") or "-"),
                          Text(article or "-"))
        console.print(table)


def render_top(result: dict, console: Console) -> None:
    """The most central entities."""
    which = f" {result['label']}" if result["label"] else ""
    if not result["ranking"]:
        console.print(f"no{which} entities in the funding network", markup=False, highlight=False)
        return
    note = " (estimated from a sample)" if result["approximate"] else ""
    table = Table("#", "Entity", result["by"].capitalize(), "Funding links",
                  title=f"Top{which} entities by {result['by']}{note}", title_justify="left")
    for rank, row in enumerate(result["ranking"], 1):
        score = str(row["score"]) if result["by"] == "degree" else f"{row['score']:.4f}"
        table.add_row(str(rank), Text(_entity(row)), score, str(row["degree"]))
    console.print(table)


def render_communities(result: dict, console: Console, shown_members: int = 12) -> None:
    """Communities, largest first, with their best-connected members."""
    if not result["communities"]:
        console.print("no communities: no funding links", markup=False, highlight=False)
        return
    table = Table("#", "Size", "Members (best connected first)",
                  title=f"{result['community_count']} communities among {result['entities']} funded or "
                        f"funding entities ({result['method']})", title_justify="left")
    for number, community in enumerate(result["communities"], 1):
        names = [member["name"] for member in community["members"][:shown_members]]
        more = community["size"] - len(names)
        table.add_row(str(number), str(community["size"]),
                      Text(", ".join(names) + (f", … {more} more" if more > 0 else "")))
    console.print(table)


def render_show(result: dict, console: Console) -> None:
    """An entity: labels, aliases, counts, then every relation with its evidence."""
    entity, counts = result["entity"], result["counts"]
    facts = [("Key", entity["key"]), ("Labels", ", ".join(entity["labels"]) or "-"),
             ("Aliases", ", ".join(entity["aliases"]) or "-"),
             ("Mentions", entity.get("mentions")), ("Articles", entity.get("articles")),
             ("Relations", f"{counts['relations']} ({counts['investors']} investors, {counts['portfolio']} "
                           f"portfolio, {counts['competitors']} competitors) from {counts['sources']} "
                           "source article(s)")]
    summary = Table(show_header=False, title=entity["name"], title_justify="left")
    for name, value in facts:
        summary.add_row(name, Text("-" if value is None else str(value)))
    console.print(summary)
    if not result["relations"]:
        console.print(f"no relations recorded for {entity['name']}", markup=False, highlight=False)
        return
    table = Table("Relation", "Other", "Amount", "Round", "Date", "Evidence")
    for record in result["relations"]:
        arrow = f"-{record['relation']}->" if record["direction"] == "out" else f"<-{record['relation']}-"
        evidence = "\n".join(f"{item.get('sentence', '')} [{item.get('title') or item.get('article')}]"
                             for item in record["sources"])
        table.add_row(arrow, Text(_entity(record)), _amount(record), record.get("round") or "-",
                      date_cell(record), Text(evidence or "-"))
    console.print(table)
