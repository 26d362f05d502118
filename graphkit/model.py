"""The data that flows between the stages: articles, mentions, relations, evidence.

The label and relationship vocabularies here are the only ones graphkit ever writes; Neo4j
labels and relationship types are taken from them, never from input data.

Examples
--------
>>> article = Article(id="a1", title="Acme raises $5m", sections=(Section(text="Acme raised $5m."),))
>>> article.text
'Acme raised $5m.'
>>> "Investor" in LABELS, "INVESTED_IN" in RELATION_TYPES
(True, True)
"""

from __future__ import annotations

from dataclasses import dataclass, field

LABELS: tuple[str, ...] = ("Company", "Investor", "Fund", "Person", "Organization")
RELATION_TYPES: tuple[str, ...] = ("INVESTED_IN", "BACKED_BY", "COMPETES_WITH")
# The label every node carries in a query backend (Neo4j and the in-memory property view): it holds
# the unique ``key``, so a node with several labels is found by one lookup. Never in a graph file.
STORAGE_LABEL = "Entity"
FUNDING_TYPES: frozenset[str] = frozenset({"INVESTED_IN", "BACKED_BY"})
SYMMETRIC_TYPES: frozenset[str] = frozenset({"COMPETES_WITH"})


def parse_label(text: str) -> str:
    """Return the label of :data:`LABELS` that ``text`` names, case ignored; raise ValueError if none.

    >>> parse_label("investor"), parse_label(" FUND ")
    ('Investor', 'Fund')
    """
    for label in LABELS:
        if label.casefold() == text.strip().casefold():
            return label
    raise ValueError(f"{text!r}: not a label; use one of {', '.join(LABELS)}")


@dataclass(frozen=True)
class Section:
    """One block of an article's text with its own provenance.

    The main story is the first section; a front-matter article's ``related:`` items follow as
    sections of their own (title + excerpt, with their own url and date).
    """

    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD


@dataclass(frozen=True)
class Article:
    """A news article as read from a file: an id, a title, its sections and provenance."""

    id: str
    title: str
    sections: tuple[Section, ...]
    url: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    source: str | None = None  # the publisher, e.g. "South China Morning Post"
    path: str | None = None

    @property
    def text(self) -> str:
        """All sections' text, blank-line separated."""
        return "\n\n".join(section.text for section in self.sections if section.text)


@dataclass(frozen=True)
class Evidence:
    """Where a relation is stated: the article and the sentence, plus what that source reported."""

    article: str
    sentence: str
    title: str | None = None
    url: str | None = None
    amount: str | None = None  # as written, e.g. "US$600 million"
    amount_usd: float | None = None
    currency: str | None = None  # ISO code of the amount as written, e.g. "CNY"
    round: str | None = None  # e.g. "Series C", "seed", "IPO"
    date: str | None = None  # ISO date (or YYYY-MM / YYYY) of the event, resolved against the article
    led: bool | None = None  # the investor led the round
    published: str | None = None  # ISO date the stating text was published (article or related item)

    def as_dict(self) -> dict:
        """The evidence as a plain dict, ``None`` fields left out."""
        return {key: value for key, value in self.__dict__.items() if value is not None}


@dataclass(frozen=True)
class Mention:
    """An entity as named in one article: the surface form and the labels the text supports."""

    name: str
    labels: frozenset[str] = field(default_factory=frozenset)
    article: str | None = None
    # The article's name for the entity this mention refers to ("Mr Maran" -> "Dayanidhi Maran");
    # relations use it. None when it is ``name`` itself.
    entity: str | None = None


@dataclass(frozen=True)
class Relation:
    """A relation stated in an article between two mentions (by surface name)."""

    type: str
    source: str
    target: str
    evidence: Evidence


@dataclass
class ArticleExtraction:
    """What extraction found in one article."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
