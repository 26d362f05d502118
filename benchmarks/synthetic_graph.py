"""A generated investor graph of any size, for benchmarks of loading, querying and viewing.

Companies, investors, funds and people with unique pronounceable names; INVESTED_IN edges (with
amount, round, date and one evidence sentence), some BACKED_BY and COMPETES_WITH edges. Investment
targets follow a skewed distribution so that, as in real data, a few companies draw many investors
(on 100k nodes the busiest company has a few hundred investors, not a large share of all deals).

Examples
--------
>>> graph = make_investor_graph(nodes=200, edges=600, seed=1)
>>> graph.number_of_nodes(), graph.number_of_edges()
(200, 600)
"""

from __future__ import annotations

import random

import networkx as nx

from graphkit.graph import add_entity, add_relation, new_graph
from graphkit.model import SYMMETRIC_TYPES

SYLLABLES = ("ka", "lo", "mi", "ra", "zen", "tor", "vel", "qui", "sa", "no", "bri", "dax", "ul", "fen",
             "gro", "hal", "iso", "jun", "kel", "mor", "nex", "ori", "pax", "rin", "sol", "tav", "vor")
INVESTOR_WORDS = ("Capital", "Ventures", "Partners", "Management", "Investments")
ROUNDS = ("seed", "Series A", "Series B", "Series C", "Series D", "IPO")
SHARES = {"Company": 0.6, "Investor": 0.3, "Fund": 0.05, "Person": 0.05}


def make_investor_graph(nodes: int = 100_000, edges: int = 300_000, seed: int = 0) -> nx.MultiDiGraph:
    """Return a graphkit graph with ``nodes`` nodes and ``edges`` relationships."""
    rng = random.Random(seed)
    graph = new_graph()
    by_label: dict[str, list[str]] = {label: [] for label in SHARES}
    names: set[str] = set()
    for index in range(nodes):
        label = rng.choices(list(SHARES), weights=list(SHARES.values()))[0]
        name = _unique_name(rng, label, names, index)
        labels = ["Fund", "Investor"] if label == "Fund" else [label]
        if label == "Person" and rng.random() < 0.5:
            labels.append("Investor")
        key = add_entity(graph, name, labels=labels, mentions=1, articles=1)
        by_label[label].append(key)
    companies = by_label["Company"]
    backers = by_label["Investor"] + by_label["Fund"] + by_label["Person"]
    index = count = 0
    while count < edges:  # counted here: MultiDiGraph.number_of_edges() walks every node
        index += 1
        roll = rng.random()
        if roll < 0.8:
            source = rng.choice(backers)
            target = companies[int(len(companies) * rng.random() ** 2) if rng.random() < 0.3
                               else rng.randrange(len(companies))]
            kind = "INVESTED_IN"
            amount = round(rng.lognormvariate(16, 1.5), -5)
            values = {"amount_usd": amount, "amount": f"${amount / 1e6:.1f} million",
                      "round": rng.choice(ROUNDS),
                      "date": f"{rng.randint(2010, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"}
        elif roll < 0.9:
            source, target, kind, values = rng.choice(companies), rng.choice(backers), "BACKED_BY", {}
        else:
            source, target = rng.sample(companies, 2)
            kind, values = "COMPETES_WITH", {}
        sentence = f"{graph.nodes[source]['name']} and {graph.nodes[target]['name']} ({kind.lower()})."
        stored = sorted((source, target)) if kind in SYMMETRIC_TYPES else (source, target)
        count += not graph.has_edge(*stored, key=kind)
        add_relation(graph, source, target, kind,
                     {"article": f"synthetic-{index // 5}", "sentence": sentence, **values})
    return graph


def _unique_name(rng: random.Random, label: str, taken: set[str], index: int) -> str:
    stem = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    if label == "Person":
        name = f"{stem} {''.join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()}"
    elif label == "Company":
        name = f"{stem}{rng.choice(('', ' AI', ' Robotics', ' Bio', ' Labs'))}"
    else:
        name = f"{stem} {rng.choice(INVESTOR_WORDS)}" + (" Fund" if label == "Fund" else "")
    if name in taken:
        name = f"{name} {index}"
    taken.add(name)
    return name
