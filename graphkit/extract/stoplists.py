"""Words that look like names at the start of a sentence or next to an amount but never are.

* ``SENTENCE_OPENERS``: adverbs and adjectives that open a sentence ("Separately, X said",
  "Existing investor X", "Additionally, ...").
* ``CURRENCY_TOKENS``: currency symbols and Indian number words ("Rs 500 crore", "R$ 40 million").
* :func:`is_demonym`: nationality words, the listed ones plus those formed from a listed place
  ("Ghanaian", "Ethiopian", "Kenyan", "Omani", "Sudanese").

All general English or geography; no names of any organization.

Examples
--------
>>> is_demonym("Ghanaian"), is_demonym("Ethiopian"), is_demonym("Stripe")
(True, True, False)
>>> "separately" in SENTENCE_OPENERS, "crore" in CURRENCY_TOKENS
(True, True)
"""

from __future__ import annotations

from functools import lru_cache

from graphkit.extract.wordlists import DEMONYMS, PLACES

SENTENCE_OPENERS = frozenset("""separately additionally elsewhere meanwhile previously currently notably
overall initially specifically similarly likewise ultimately eventually recently existing returning
additional several various other others previous earlier current further founded established
headquartered based""".split())

# Only words that are never a company's name on their own (not "Rand", "Real", "Dollar").
CURRENCY_TOKENS = frozenset("""rs rs. inr r$ crore crores lakh lakhs rupee rupees yuan renminbi naira cedi
reais dirhams riyals""".split())

# Endings that turn a place into its people: Ghana-ian, Kenya-n, Japan-ese, Oman-i, Mexic(o)-an.
_ENDINGS = ("ian", "an", "n", "ese", "i", "ish")


@lru_cache(maxsize=4096)
def is_demonym(word: str) -> bool:
    """Return True for a nationality word: listed, or a listed one-word place plus a demonym ending."""
    lowered = word.casefold()
    if lowered in DEMONYMS or (lowered.endswith("s") and lowered[:-1] in DEMONYMS):
        return True
    for ending in _ENDINGS:
        if lowered.endswith(ending) and len(lowered) > len(ending) + 2:
            stem = lowered[:-len(ending)]
            if stem in PLACES or stem + "a" in PLACES or stem + "o" in PLACES or stem + "e" in PLACES:
                return True
    return False
