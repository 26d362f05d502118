"""Dates as articles write them, turned into ISO ``YYYY-MM-DD``.

Articles date themselves in many shapes: ISO timestamps in metadata, "March 12, 2021" under a
headline, "Sunday, 2024 April 14" on a scraped page. :func:`parse_date` reads one value;
:func:`date_line` tells whether a whole line is nothing but a date (so a reader can take it as the
publication date and drop it from the text).

Examples
--------
>>> parse_date("2021-03-12T13:48:00Z"), parse_date("March 12, 2021"), parse_date("12 Mar 2021")
('2021-03-12', '2021-03-12', '2021-03-12')
>>> date_line("Sunday, 2024 April 14"), date_line("Alibaba joins a round on March 12, 2021.")
('2024-04-14', None)
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_YEAR_DIGITS = re.compile(r"(?:19|20)\d{2}")  # what every shape below needs
_DATE_SHAPES = [
    re.compile(r"(?P<year>(?:19|20)\d{2})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})"),
    re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}"),
    re.compile(rf"{_DAY}\s+{_MONTH},?\s+{_YEAR}"),
    re.compile(rf"{_YEAR},?\s+{_MONTH}\s+{_DAY}"),
]
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
# Words a date line may carry around the date itself: "Published: Sunday, 14 April 2024, 10:31 GMT".
_LINE_PREFIX = re.compile(
    rf"^(?:(?:published|updated|posted|last updated|date)\s*(?:on)?\s*:?\s*)?"
    rf"(?:(?:{_WEEKDAY})\.?,?\s+)?",
    re.IGNORECASE,
)
_LINE_SUFFIX = re.compile(
    r"(?:\s*(?:,|\||-|at)?\s*\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"\s*(?:[A-Z]{2,4}|[+-]\d{2}:?\d{2})?)?\s*$",
    re.IGNORECASE,
)


def _make_date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _from_match(match: re.Match) -> str | None:
    month = match["month"].lower().rstrip(".")
    number = int(month) if month.isdigit() else MONTHS[month]
    return _make_date(int(match["year"]), number, int(match["day"]))


def parse_date(value: object) -> str | None:
    """Return the ISO date (YYYY-MM-DD) in ``value`` (a string, date or datetime), or None.

    >>> parse_date("Published 14 April 2024"), parse_date(None), parse_date("soon")
    ('2024-04-14', None, None)
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    for shape in _DATE_SHAPES:
        match = shape.search(value.strip().lower())
        if match:
            return _from_match(match)
    return None


def date_line(line: str) -> str | None:
    """Return the ISO date when ``line`` is only a date (with a weekday, label or time), else None.

    >>> date_line("Updated: 2021-03-12 13:48 UTC"), date_line("2021 was a good year")
    ('2021-03-12', None)
    """
    if not _YEAR_DIGITS.search(line):
        return None  # every date shape has a year: most lines of a story stop here
    core = _LINE_SUFFIX.sub("", _LINE_PREFIX.sub("", line.strip(), count=1), count=1).strip(" ,|")
    for shape in _DATE_SHAPES:
        match = shape.fullmatch(core.lower())
        if match:
            return _from_match(match)
    return None
