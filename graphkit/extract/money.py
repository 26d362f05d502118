"""Find money amounts in a sentence and normalize them to US dollars.

Amounts are converted with fixed rates, not the rate of the day: an article's figure is an
order of magnitude, and a fixed table keeps results reproducible. Rates (USD per unit):
USD 1, EUR 1.08, GBP 1.27, CNY 0.14, HKD 0.128, JPY 0.0067, INR 0.012, KRW 0.00075, SGD 0.74,
AUD 0.66, CAD 0.74, CHF 1.13, ILS 0.27, BRL 0.20, MXN 0.055, NGN 0.00065, ZAR 0.054, AED 0.27,
SAR 0.27, TWD 0.031, KES 0.0077. "¥" is read as yuan. Indian "crore" (10 million) and "lakh"
(100,000) scale amounts.

Valuations ("at a $2 billion valuation", "valued at $1bn") and prices ("$40,000 apiece", "$3 a
share", "$2m a year") are not deal amounts and are skipped, and so are running totals and business
figures ("brings its total funding to EUR 25.5 million", "has raised a total of $90m", "$2bn in
total", "revenue of $3m").

Examples
--------
>>> find_amount("Quillon is raising at least US$600 million from investors.")
Amount(text='at least US$600 million', usd=600000000.0, currency='USD')
>>> find_amount("It raised 460m yuan, valuing it at $2bn.")
Amount(text='460m yuan', usd=64400000.0, currency='CNY')
>>> find_amount("profit exceeded dollars 86m (pounds 46m)").usd
86000000.0
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

USD_PER_UNIT: dict[str, float] = {
    "USD": 1.0, "EUR": 1.08, "GBP": 1.27, "CNY": 0.14, "HKD": 0.128, "JPY": 0.0067, "INR": 0.012,
    "KRW": 0.00075, "SGD": 0.74, "AUD": 0.66, "CAD": 0.74, "CHF": 1.13, "ILS": 0.27, "BRL": 0.20,
    "MXN": 0.055, "NGN": 0.00065, "ZAR": 0.054, "AED": 0.27, "SAR": 0.27, "TWD": 0.031, "KES": 0.0077,
}
_CURRENCY_WORDS = {
    "us$": "USD", "$": "USD", "usd": "USD", "dollars": "USD", "dollar": "USD", "us dollars": "USD",
    "hk$": "HKD", "s$": "SGD", "a$": "AUD", "c$": "CAD", "€": "EUR", "eur": "EUR", "euros": "EUR",
    "euro": "EUR", "£": "GBP", "gbp": "GBP", "pounds": "GBP", "pound": "GBP", "¥": "CNY",
    "yuan": "CNY", "rmb": "CNY", "cny": "CNY", "renminbi": "CNY", "yen": "JPY", "jpy": "JPY",
    "rupees": "INR", "inr": "INR", "won": "KRW", "krw": "KRW", "shekels": "ILS", "chf": "CHF",
    "francs": "CHF", "rs": "INR", "rs.": "INR", "₹": "INR", "r$": "BRL", "brl": "BRL", "reais": "BRL",
    "mxn": "MXN", "mx$": "MXN", "pesos": "MXN", "ngn": "NGN", "₦": "NGN", "naira": "NGN", "zar": "ZAR",
    "rand": "ZAR", "aed": "AED", "dirhams": "AED", "sar": "SAR", "riyals": "SAR", "nt$": "TWD", "twd": "TWD",
    "kes": "KES", "ksh": "KES", "shillings": "KES", "₩": "KRW", "sgd": "SGD", "hkd": "HKD", "aud": "AUD",
    "cad": "CAD",
}
_SCALES = {
    "trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9, "million": 1e6, "mln": 1e6,
    "mn": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3, "crore": 1e7, "crores": 1e7, "cr": 1e7, "lakh": 1e5,
    "lakhs": 1e5,
}
_NUMBER = r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s?(?P<scale>trillion|billion|million|thousand|crores?|lakhs?|bn|mln|mn|tn|cr|[mbk])\b)?"
_QUALIFIER = r"(?P<qualifier>(?:at\s+least|nearly|almost|about|around|approximately|roughly|" \
             r"more\s+than|over|up\s+to|close\s+to|some)\s+(?:(?:a|an)\s+)?)?"
_PREFIXED = re.compile(
    _QUALIFIER + r"(?P<currency>US\$|HK\$|S\$|A\$|C\$|NT\$|MX\$|R\$|\$|€|£|¥|₹|₦|₩|(?:USD|EUR|GBP|RMB|CNY|INR|BRL|"
    r"MXN|NGN|ZAR|AED|SAR|TWD|KES|SGD|HKD|AUD|CAD|Ksh|Rs\.?)\s?|(?:US\s)?dollars\s|pounds\s|euros\s)" + _NUMBER + _SCALE,
    re.IGNORECASE)
_SUFFIXED = re.compile(
    _QUALIFIER + _NUMBER + _SCALE + r"\s?(?P<currency>yuan|renminbi|rmb|euros?|pounds|dollars|yen|"
    r"rupees|won|shekels|francs|reais|pesos|naira|rand|dirhams|riyals|shillings|usd|eur|gbp|cny|inr|brl|"
    r"mxn|ngn|zar|aed|sar|kes)\b", re.IGNORECASE)
_VALUATION = re.compile(r"(?:valu(?:e|es|ed|ing|ation)|worth|market\s+cap\w*)\W+(?:\w+\W+){0,3}$", re.IGNORECASE)
# A running total or a business figure, not the deal: "brings the company's total funding to EUR 25.5
# million", "has raised a total of $90m", "total funding of", "revenue of $3m".
_TOTAL = re.compile(r"(?:\btotal\s+(?:funding|financing|investment|capital|equity|fundraising|raised)(?:\s+raised)?"
                    r"(?:\s+to\s+date|\s+so\s+far)?\s+(?:to|of|at)|"
                    r"\b(?:bring|brings|bringing|brought|take|takes|taking|took|lift|lifts|lifting|lifted|push|pushes|"
                    r"pushing|pushed)\s+(?:its|their|the\s+[\w-]+['’]s|[\w-]+['’]s)\s+(?:[\w-]+\s+){0,2}?(?:total|tally)"
                    r"(?:\s+[\w-]+){0,3}?\s+to|"
                    r"\b(?:has|have|had)\s+(?:now\s+|so\s+far\s+)?raised\s+(?:a\s+total\s+of|in\s+total)|"
                    r"\b(?:so\s+far|to\s+date)\b(?!\s+(?:this|in|during)\b)[^.;]{0,60}?\b(?:has|have)\s+(?:now\s+)?raised|"
                    r"\b(?:revenues?|sales|turnover|arr)\s+(?:of|to|at))"
                    r"\s+(?:(?:about|around|roughly|nearly|almost|some|over|more\s+than|close\s+to)\s+)?$",
                    re.IGNORECASE)
_TOTAL_AFTER = re.compile(r"^\s+in\s+total\b", re.IGNORECASE)
# "has raised $607 million so far": the running total (after the verb, not a round's own figure).
_RAISED_SO_FAR = re.compile(r"\b(?:has|have)\s+(?:now\s+)?raised\s+$", re.IGNORECASE)
_SO_FAR_AFTER = re.compile(r"^\s+(?:so\s+far|to\s+date|in\s+all)\b", re.IGNORECASE)
# "valuing the two-year-old company at $2.1 billion": more words than _VALUATION lets through.
_VALUING = re.compile(r"\bvalu(?:e|es|ed|ing)\s+(?:[\w'’-]+\s+){0,5}?at\s+$", re.IGNORECASE)
_VALUATION_AFTER = re.compile(r"^\s*(?:pre-money\s+|post-money\s+)?valuation|^\s+(?:apiece|each|per\s+share|a\s+share|"
                              r"per\s+unit|a\s+year|per\s+year|a\s+month|per\s+month)\b", re.IGNORECASE)

_DIGIT = re.compile(r"\d")


class Amount(NamedTuple):
    """An amount as written, its value in US dollars, and the ISO code of its currency."""

    text: str
    usd: float
    currency: str


def _amount(match: re.Match) -> Amount:
    currency = _CURRENCY_WORDS[match.group("currency").strip().casefold()]
    value = float(match.group("number").replace(",", ""))
    scale = (match.group("scale") or "").casefold()
    value *= _SCALES.get(scale, 1.0)
    text = match.group(0).strip()
    return Amount(text=text, usd=round(value * USD_PER_UNIT[currency], 2), currency=currency)


def find_amounts(sentence: str) -> list[tuple[int, Amount]]:
    """Return every deal amount in the sentence with its offset, valuations left out."""
    if not _DIGIT.search(sentence):
        return []  # every amount has a number: most sentences stop here
    found: dict[int, tuple[int, Amount]] = {}
    for pattern in (_PREFIXED, _SUFFIXED):
        for match in pattern.finditer(sentence):
            before, after = sentence[:match.start()], sentence[match.end():]
            if _VALUATION.search(before) or _VALUATION_AFTER.match(after):
                continue
            if _TOTAL.search(before[-90:]) or _VALUING.search(before[-90:]) or _TOTAL_AFTER.match(after) \
                    or _SO_FAR_AFTER.match(after) and _RAISED_SO_FAR.search(before[-40:]):
                continue  # a running total or revenue, not the deal's amount
            if not match.group("scale") and float(match.group("number").replace(",", "")) < 1000:
                continue  # "$5" or "dollars 3" with no scale is a price, not a deal
            if not any(start <= match.start() < start + len(a.text) + 12 for start, a in found.values()):
                found[match.start()] = (match.start(), _amount(match))
    return sorted(found.values())


@lru_cache(maxsize=1024)
def find_amount(sentence: str, near: int | None = None) -> Amount | None:
    """Return the deal amount of the sentence (the one nearest ``near`` when given), or None.

    Cached: the reading passes ask again about the same sentences.
    """
    amounts = find_amounts(sentence)
    if not amounts:
        return None
    if near is None:
        return amounts[0][1]
    return min(amounts, key=lambda item: abs(item[0] - near))[1]


_ROUND = re.compile(
    r"\b(?P<round>(?:pre-)?series\s+[a-h]\d?(?:\s+extension)?|pre-seed|seed|angel|pre-ipo|"
    r"ipo|initial\s+public\s+offering|bridge|mezzanine|strategic)(?:\s+(?:round|funding|financing|stage))?\b",
    re.IGNORECASE)
_ROUND_CONTEXT = re.compile(r"round|funding|financing|raise|raising|invest|capital|ipo|offering", re.IGNORECASE)


def find_round(sentence: str) -> str | None:
    """Return the funding round the sentence names ("Series C", "seed", "IPO"), or None.

    >>> find_round("It led a $600 million Series C in Quillon"), find_round("a pre-Series A round")
    ('Series C', 'pre-Series A')
    """
    for match in _ROUND.finditer(sentence):
        word = match.group("round")
        lowered = word.casefold()
        if lowered in ("seed", "angel", "bridge", "mezzanine", "strategic", "pre-seed") \
                and not re.search(r"\s+(?:round|funding|financing|stage)\b", match.group(0)):
            continue  # "seed" alone is too often an ordinary word
        if lowered.startswith(("series", "pre-series")):
            return re.sub(r"(?i)series\s+([a-h])", lambda m: f"Series {m.group(1).upper()}", word)
        if lowered in ("ipo", "initial public offering"):
            return "IPO"
        if lowered == "pre-ipo":
            return "pre-IPO"  # a private round before listing, not the listing
        if _ROUND_CONTEXT.search(sentence):
            return lowered
    return None
