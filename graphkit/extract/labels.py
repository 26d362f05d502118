"""Give an entity its labels (Company, Investor, Fund, Person, Organization) from general cues.

Cues, in order: a person (title before the name, a known first name); a fund ("... Fund");
an investment firm ("Capital", "Ventures", "Partners", "Management", "Equity", "Investments");
another organization (university, ministry, exchange, regulator, government); else a company.
An entity shown investing also gets Investor: a company that invests is ["Company", "Investor"].

Examples
--------
>>> sorted(entity_labels("Harbor Growth Fund")), sorted(entity_labels("Orla Capital"))
(['Fund', 'Investor'], ['Investor'])
>>> sorted(entity_labels("Tarnwell", invests=True)), sorted(entity_labels("Ana Ruiz", person=True, invests=True))
(['Company', 'Investor'], ['Investor', 'Person'])
>>> sorted(entity_labels("Ministry of Public Works")), looks_like_person("Maria Lindqvist")
(['Organization'], True)
"""

from __future__ import annotations

import re

from graphkit.extract.phrasings import is_regulator
from graphkit.extract.wordlists import (
    COMPANY_WORDS,
    FUND_WORDS,
    GIVEN_NAMES,
    INVESTOR_WORDS,
    ORGANIZATION_HEADS,
)

# "Capital" alone or "Partners" alone are investment-firm words; these need company context.
_INVESTOR_TAILS = INVESTOR_WORDS - {"investors"}
# An organization head must lead or end the name ("Ministry of ...", "... University").
_ORGANIZATION_POSITIONS = ORGANIZATION_HEADS - {"market", "office", "board", "union", "foundation"}


_PUBLIC_BODIES = frozenset("exchange exchanges university ministry commission parliament government reserve "
                           "treasury".split())


def _words(name: str) -> list[str]:
    return [word.casefold().rstrip(".") for word in re.findall(r"[\w’'&.-]+", name)]


def looks_like_person(name: str) -> bool:
    """Return True for two or three capitalized words starting with a common first name."""
    words = _words(name)
    return 2 <= len(words) <= 3 and words[0] in GIVEN_NAMES and "&" not in words and \
        not any(word in COMPANY_WORDS | INVESTOR_WORDS | FUND_WORDS | ORGANIZATION_HEADS for word in words)


def entity_labels(name: str, person: bool = False, invests: bool = False) -> set[str]:
    """Return the labels of an entity from its name and what the text shows it doing."""
    words = _words(name)
    if person:
        labels = {"Person"}
    elif any(word in FUND_WORDS for word in words):
        labels = {"Fund", "Investor"}
    elif any(word in _INVESTOR_TAILS for word in words[1:]):
        labels = {"Investor"}
    elif words and (words[0] in _ORGANIZATION_POSITIONS or words[-1] in ORGANIZATION_HEADS
                    or any(word in _PUBLIC_BODIES for word in words)
                    or any(word in ORGANIZATION_HEADS and after == "of" for word, after in zip(words, words[1:]))
                    or "central" in words and "bank" in words or is_regulator(name)):
        # "Monetary Authority of Singapore", "Development Board of Kenya", "Central Bank of Nigeria"
        labels = {"Organization"}
    else:
        labels = {"Company"}
    if invests:
        labels.add("Investor")
    return labels
