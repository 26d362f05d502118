"""A tiny, predictable extractor and resolver for pipeline and CLI tests.

They stand in for graphkit.extract / graphkit.resolve so these tests check the pipeline's own
work (reading, ordering, workers, skipping, merging, reporting), not extraction quality.
Rules: a run of capitalized words is an entity; in a sentence with "invest" or "led by" the first
entity is the company and the others invested in it; "competes with" links the first two.
Module-level functions, so a process pool can send them to its workers.
"""

from __future__ import annotations

import re

from graphkit.graph import add_entity, add_relation, new_graph
from graphkit.model import ArticleExtraction, Evidence, Mention, Relation

_NAME = re.compile(r"\b[A-Z][A-Za-z0-9]+(?:\s+[A-Z][A-Za-z0-9]+)*")


def extract_capitalized(article) -> ArticleExtraction:
    """Return mentions and relations found by the capitalized-words rules above."""
    extraction = ArticleExtraction(article)
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", article.text):
        names = list(dict.fromkeys(name for name in _NAME.findall(sentence) if name not in ("The", "It")))
        extraction.mentions.extend(Mention(name, frozenset({"Company"}), article.id) for name in names)
        evidence = Evidence(article=article.id, sentence=sentence, title=article.title)
        if ("invest" in sentence or "led by" in sentence) and len(names) > 1:
            extraction.relations.extend(
                Relation("INVESTED_IN", name, names[0], evidence) for name in names[1:]
            )
        if "competes with" in sentence and len(names) > 1:
            extraction.relations.append(Relation("COMPETES_WITH", names[0], names[1], evidence))
    return extraction


def fail_on_boom(article) -> ArticleExtraction:
    """Like :func:`extract_capitalized`, but raise for an article whose text says BOOM."""
    if "BOOM" in article.text:
        raise RuntimeError("extractor exploded")
    return extract_capitalized(article)


def resolve_by_key(extractions, rules) -> object:
    """Return a graph with one node per node key; ``rules`` maps an alias to its canonical name."""
    aliases = dict(rules or {})
    graph = new_graph()
    for extraction in extractions:
        for mention in extraction.mentions:
            add_entity(graph, aliases.get(mention.name, mention.name), mention.labels)
        for relation in extraction.relations:
            source = add_entity(graph, aliases.get(relation.source, relation.source))
            target = add_entity(graph, aliases.get(relation.target, relation.target))
            add_relation(graph, source, target, relation.type, relation.evidence)
    return graph
