"""Entity resolution: one graph node per real-world entity across all articles.

Names are grouped when they share a node key (case, accents and corporate suffixes ignored:
"NorthStar Group" = "Northstar"), when an article itself used them for one entity ("Orla" and
"Orla Capital"), when a name is a longer name minus generic words only ("Quillon" -> "Quillon AI";
but "Tarn" is not "Tarn Capital": an investment arm is its own entity), when a fund is named
without its sponsor ("Growth Fund" -> "Harbor Growth Fund"), when an acronym spells one name
("IFC" -> "International Finance Corporation"), and as an alias file says. An alias file can also
keep names apart::

    aliases:
      Lumora: [Lumora Group, Lumora Holdings Ltd.]
    distinct:
      - [Growth Fund, Harbor]

The node's name is the alias file's canonical name, else the most complete common form.

Examples
--------
>>> from graphkit.model import Article, ArticleExtraction, Evidence, Mention, Relation
>>> article = Article(id="a1", title="", sections=())
>>> one = ArticleExtraction(article, [Mention("Orla", frozenset({"Investor"}), "a1", "Orla Capital"),
...     Mention("Orla Capital", frozenset({"Investor"}), "a1"), Mention("Quillon Inc.", frozenset({"Company"}), "a1")],
...     [Relation("INVESTED_IN", "Orla Capital", "Quillon Inc.", Evidence("a1", "Orla invested in Quillon."))])
>>> two = ArticleExtraction(Article(id="a2", title="", sections=()), [Mention("Quillon", frozenset({"Company"}), "a2")])
>>> graph = resolve([one, two])
>>> sorted(graph.nodes), graph.nodes["quillon"]["articles"], list(graph.edges(keys=True))
(['orla-capital', 'quillon'], 2, [('orla-capital', 'quillon', 'INVESTED_IN')])
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx
import yaml

from graphkit.errors import InputError
from graphkit.extract.article import initials
from graphkit.extract.wordlists import COMPANY_WORDS, FUND_WORDS, INVESTOR_WORDS
from graphkit.graph import CORPORATE_SUFFIXES, add_entity, add_relation, new_graph, node_key
from graphkit.model import ArticleExtraction

# Words whose absence does not make another entity, across articles ("Quillon" = "Quillon AI").
_GENERIC_TAIL = COMPANY_WORDS | frozenset({"ai"})
_BASE_LABELS = ("Person", "Organization", "Company")


@dataclass
class AliasRules:
    """Curated resolution rules: canonical name -> aliases, and pairs that are never one entity."""

    aliases: dict[str, list[str]] = field(default_factory=dict)
    distinct: list[tuple[str, str]] = field(default_factory=list)

    def canonical_by_key(self) -> dict[str, str]:
        """Map the node key of every canonical name and alias to the canonical name."""
        mapping = {}
        for canonical, names in self.aliases.items():
            for name in (canonical, *names):
                mapping[node_key(name)] = canonical
        return mapping

    def distinct_keys(self) -> set[frozenset[str]]:
        """The node-key pairs that must stay apart."""
        return {frozenset((node_key(a), node_key(b))) for a, b in self.distinct}


def load_alias_rules(path: str | os.PathLike) -> AliasRules:
    """Read an alias file (YAML: ``aliases`` mapping, ``distinct`` list of pairs); bad input -> InputError."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except FileNotFoundError:
        raise InputError(path, "no such alias file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot read alias file ({error})") from None
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f" at line {where.line + 1}" if where else ""
        raise InputError(path, f"not valid YAML{line}") from None
    data = data or {}
    if not isinstance(data, dict) or set(data) - {"aliases", "distinct"}:
        raise InputError(path, "expected a mapping with 'aliases' and/or 'distinct'")
    aliases = data.get("aliases") or {}
    if not isinstance(aliases, dict):
        raise InputError(path, "'aliases' must map a canonical name to a list of aliases")
    rules = AliasRules()
    for canonical, names in aliases.items():
        names = [names] if isinstance(names, str) else (names or [])
        if not isinstance(canonical, str) or not isinstance(names, list) or \
                not all(isinstance(name, str) for name in names):
            raise InputError(path, f"aliases of {canonical!r} must be a list of names")
        rules.aliases[canonical] = names
    distinct = data.get("distinct") or []
    if not isinstance(distinct, list):
        raise InputError(path, "'distinct' must be a list of [name, name] pairs")
    for pair in distinct:
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(name, str) for name in pair)):
            raise InputError(path, f"'distinct' entry {pair!r} is not a pair of names")
        rules.distinct.append((pair[0], pair[1]))
    return rules


@dataclass
class _Cluster:
    forms: Counter = field(default_factory=Counter)
    labels: Counter = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    mentions: int = 0


class _UnionFind:
    def __init__(self, distinct: set[frozenset[str]]) -> None:
        self.parent: dict[str, str] = {}
        self.members: dict[str, set[str]] = {}
        self.distinct = distinct

    def add(self, key: str) -> None:
        if key not in self.parent:
            self.parent[key] = key
            self.members[key] = {key}

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> bool:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return True
        if any(frozenset((x, y)) in self.distinct for x in self.members[root_a] for y in self.members[root_b]):
            return False
        self.parent[root_b] = root_a
        self.members[root_a] |= self.members.pop(root_b)
        return True


def _is_person(labels: Counter) -> bool:
    return labels["Person"] > 0 and labels["Person"] >= labels["Company"] + labels["Organization"]


def _longer_forms(keys: Iterable[str], generic: frozenset[str] = _GENERIC_TAIL) -> dict[str, list[str]]:
    """Map each shorter key to the keys that name the same entity more fully.

    A longer key adds only generic words ("quillon" -> "quillon-ai"), or names the sponsor
    of a fund ("growth-fund" -> "harbor-growth-fund").

    >>> _longer_forms(["quillon-ai", "harbor-growth-fund", "tarn-capital"])
    {'quillon': ['quillon-ai'], 'growth-fund': ['harbor-growth-fund']}
    """
    found: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        words = key.split("-")
        for size in range(1, len(words)):
            if all(word in generic for word in words[size:]):
                found["-".join(words[:size])].append(key)
        if words[-1] in FUND_WORDS:
            for start in range(1, len(words) - 1):
                found["-".join(words[start:])].append(key)
    return dict(found)


def _merge_acronyms(clusters: dict[str, _Cluster], union: _UnionFind) -> None:
    """Join an acronym ("IFC") to the one entity whose name it abbreviates, across articles."""
    spelled: dict[str, set[str]] = defaultdict(set)
    for key, cluster in clusters.items():
        for form in cluster.forms:
            if initials(form):
                spelled[initials(form)].add(key)
    for key, cluster in clusters.items():
        # Two letters abbreviate too many names to join articles on ("GV" is not "Galaxy Ventures").
        acronym = next((form for form in cluster.forms if form.isupper() and 3 <= len(form) <= 6), None)
        roots = {union.find(other) for other in spelled.get(acronym, ()) if other != key} if acronym else set()
        if len(roots) == 1 and not _is_person(cluster.labels):
            union.union(roots.pop(), key)


def _canonical(forms: Counter) -> str:
    """The most complete common form; a form that only adds a corporate suffix to another loses.

    >>> _canonical(Counter({"Lumora Group Holding Ltd.": 1, "Lumora": 3})), _canonical(Counter({"IFC": 2,
    ...     "International Finance Corporation": 1}))
    ('Lumora', 'International Finance Corporation')
    """
    keys = Counter(node_key(form) for form in forms)

    def score(form: str) -> tuple:
        last = form.split()[-1].casefold().rstrip(".")
        suffixed = last in CORPORATE_SUFFIXES and len(form.split()) > 1 and keys[node_key(form)] > 1
        return (suffixed, -len(form.split()), -forms[form], form)
    return min(forms, key=score)


def _labels(labels: Counter) -> list[str]:
    chosen = {label for label in ("Investor", "Fund") if labels[label]}
    base = max(_BASE_LABELS, key=lambda label: (labels[label], label == "Company"))
    if labels[base] and not ("Fund" in chosen and base == "Company"):
        chosen.add(base)
    if not labels["Company"] and not labels["Person"] and not labels["Organization"]:
        chosen.discard("Company")
    return sorted(chosen)


def resolve(extractions: Iterable[ArticleExtraction], rules: AliasRules | None = None) -> nx.MultiDiGraph:
    """Build the investor graph from extractions: merged entities, one edge per (source, target, type)."""
    rules = rules or AliasRules()
    curated = rules.canonical_by_key()
    extractions = list(extractions)
    clusters: dict[str, _Cluster] = defaultdict(_Cluster)
    union = _UnionFind(rules.distinct_keys())
    for extraction in extractions:
        for mention in extraction.mentions:
            entity_key = node_key(mention.entity or mention.name)
            union.add(entity_key)
            cluster = clusters[entity_key]
            cluster.forms[mention.name] += 1
            cluster.labels.update(mention.labels)
            cluster.articles.add(extraction.article.id)
            cluster.mentions += 1
            form_key = node_key(mention.name)
            single_word_person = "Person" in mention.labels and len(mention.name.split()) == 1
            if form_key != entity_key and not single_word_person:
                union.add(form_key)
                union.union(entity_key, form_key)
    for key in list(union.parent):
        if key in curated:
            union.add(node_key(curated[key]))
            union.union(node_key(curated[key]), key)
    longer_forms = _longer_forms(key for key in clusters if not _is_person(clusters[key].labels))
    investor_forms = _longer_forms((key for key in clusters if not _is_person(clusters[key].labels)),
                                   _GENERIC_TAIL | INVESTOR_WORDS)
    for short in sorted(clusters, key=lambda key: (len(key.split("-")), key)):
        labels = clusters[short].labels
        if _is_person(labels):
            continue
        # "Sorrel" is "Sorrel Capital" when the text only shows it investing; "Tarn", a company,
        # is not "Tarn Capital".
        forms = investor_forms if labels["Investor"] and not labels["Company"] else longer_forms
        longer = {union.find(long) for long in forms.get(short, ())}
        if len(longer) == 1:
            union.union(longer.pop(), short)
    _merge_acronyms(clusters, union)

    merged: dict[str, _Cluster] = defaultdict(_Cluster)
    for key, cluster in clusters.items():
        target = merged[union.find(key)]
        target.forms.update(cluster.forms)
        target.labels.update(cluster.labels)
        target.articles |= cluster.articles
        target.mentions += cluster.mentions

    graph = new_graph()
    node_of_root: dict[str, str] = {}
    for root, cluster in merged.items():
        name = next((curated[node_key(form)] for form in cluster.forms if node_key(form) in curated), None) \
            or _canonical(cluster.forms)
        node_of_root[root] = add_entity(graph, name, _labels(cluster.labels), aliases=sorted(cluster.forms),
                                        mentions=cluster.mentions, articles=len(cluster.articles))
    for extraction in extractions:
        for relation in extraction.relations:
            source, target = (node_key(relation.source), node_key(relation.target))
            if source not in union.parent or target not in union.parent:
                continue
            source, target = node_of_root[union.find(source)], node_of_root[union.find(target)]
            if source != target:
                add_relation(graph, source, target, relation.type, relation.evidence)
    return graph
