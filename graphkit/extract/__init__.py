"""Rule-based extraction of investor-network facts from news articles (pure Python + regex).

:func:`extract_article` turns one :class:`~graphkit.model.Article` into an
:class:`~graphkit.model.ArticleExtraction`: the organizations and people the story treats as
actors (with labels and in-article aliases) and the INVESTED_IN / BACKED_BY / COMPETES_WITH
relations it states, each with evidence (sentence, amount in USD, round, date, lead investor).
It is a pure function of its input, so it can run in worker processes.

Examples
--------
>>> from graphkit.model import Article, Section
>>> article = Article(id="a1", title="Acme raises $5m", sections=(Section(
...     text="Acme raises $5m\\nAcme raised $5 million in a seed round led by Orla Capital."),))
>>> [(r.type, r.source, r.target, r.evidence.round) for r in extract_article(article).relations]
[('INVESTED_IN', 'Orla Capital', 'Acme', 'seed')]
"""

from graphkit.extract.article import extract_article

__all__ = ["extract_article"]
