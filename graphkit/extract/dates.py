"""Find the date a sentence gives for an event, resolved against the article's published date.

Explicit dates ("March 28, 2023", "28 March 2023", "2023-03-28") come back as ISO dates; a month
("in October", "in April this year") as ``YYYY-MM``; a year ("in 2003", "last year") as ``YYYY``.
Weekdays ("on Monday") are the latest such day on or before publication. Relative phrases need the
published date; without it they give None.

Examples
--------
>>> find_date("Waymo on Wednesday said it raised $2.5bn", "2021-07-05")
'2021-06-30'
>>> find_date("a US$460 million deal back in October last year", "2018-07-20")
'2017-10'
>>> find_date("In April this year, Tarn led a round", "2018-07-20")
'2018-04'
>>> find_date("The firm, which floated in 2003, said", None)
'2003'
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_MONTHS = {name: index for index, names in enumerate(
    ["jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
     "aug august", "sep sept september", "oct october", "nov november", "dec december"], start=1)
    for name in names.split()}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
         r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_MONTH_DAY_YEAR = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d{2}))?\b",
                             re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?\b",
                             re.IGNORECASE)
_MONTH_YEAR = re.compile(r"\b(?:in|since|by|during|from|back\s+in|early|late|mid)\s+" + _MONTH +
                         r"(?:\s+(?P<relative>this\s+year|last\s+year)|,?\s+(?P<year>(?:19|20)\d{2}))?\b",
                         re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?:on|last)\s+(?P<weekday>" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?P<phrase>(?:earlier|later)\s+this\s+year|this\s+year|last\s+year|a\s+year\s+ago|"
                       r"last\s+month|this\s+month|earlier\s+this\s+month|last\s+week|this\s+week|"
                       r"yesterday|today)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:in|since|during|by|of|from)\s+(?P<year>(?:19|20)\d{2})\b")


def _published(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _month_number(text: str) -> int:
    return _MONTHS[text.casefold().rstrip(".")]


def _year_of_month(month: int, relative: str | None, year: str | None, today: date | None) -> int | None:
    if year:
        return int(year)
    if today is None:
        return None
    if relative and relative.casefold().startswith("last"):
        return today.year - 1
    if relative:
        return today.year
    # A month named without a year is the latest such month up to publication.
    return today.year if month <= today.month else today.year - 1


def find_date(sentence: str, published: str | None) -> str | None:
    """Return the ISO date (or ``YYYY-MM`` / ``YYYY``) the sentence gives for its event, or None."""
    today = _published(published)
    match = _ISO.search(sentence)
    if match:
        return match.group(0)
    for pattern in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR):
        match = pattern.search(sentence)
        if match and (match.group("year") or today):
            month, day = _month_number(match.group("month")), int(match.group("day"))
            year = _year_of_month(month, None, match.group("year"), today)
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                continue
    match = _MONTH_YEAR.search(sentence)
    if match:
        month = _month_number(match.group("month"))
        year = _year_of_month(month, match.group("relative"), match.group("year"), today)
        if year:
            return f"{year:04d}-{month:02d}"
    match = _WEEKDAY.search(sentence)
    if match and today:
        back = (today.weekday() - _WEEKDAYS.index(match.group("weekday").casefold())) % 7
        return (today - timedelta(days=back or (7 if match.group(0).casefold().startswith("last") else 0))).isoformat()
    match = _RELATIVE.search(sentence)
    if match and today:
        phrase = " ".join(match.group("phrase").casefold().split())
        if phrase in ("last year", "a year ago"):
            return f"{today.year - 1:04d}"
        if phrase.endswith("this year"):
            return f"{today.year:04d}"
        if phrase == "last month":
            previous = today.replace(day=1) - timedelta(days=1)
            return f"{previous.year:04d}-{previous.month:02d}"
        if phrase.endswith("this month"):
            return f"{today.year:04d}-{today.month:02d}"
        if phrase == "yesterday":
            return (today - timedelta(days=1)).isoformat()
        if phrase == "today":
            return today.isoformat()
        return (today - timedelta(days=7)).isoformat()[:7] if phrase == "last week" else today.isoformat()[:7]
    match = _YEAR.search(sentence)
    return match.group("year") if match else None
