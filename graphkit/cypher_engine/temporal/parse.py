"""Parsing the ISO 8601 strings Cypher's temporal functions accept.

Dates may be calendar (``2015-07-21``, ``20150721``, ``2015-07``), week (``2015-W30-2``,
``2015W302``), ordinal (``2015-202``) or year-only; times have optional minutes, seconds
and up to nine fraction digits, in extended (``21:40:32``) or basic (``214032``) form; zones
are offsets (``Z``, ``+01``, ``+0100``, ``+01:00``) optionally followed by ``[Zone/Id]``.

Examples
--------
>>> parse_date('2015-W30-2')
Date('2015-07-21')
>>> parse_temporal('2015-202T21:40:32.142+01:00[Europe/Paris]')
(Date('2015-07-21'), 78032142000000, 3600, 'Europe/Paris')
>>> str(parse_duration('P2012-02-02T14:37:21.545'))
'P2012Y2M2DT14H37M21.545S'
"""

from __future__ import annotations

import re

from graphkit.cypher_engine.temporal.calendar import (
    days_from_civil,
    days_in_month,
    days_in_year,
    first_monday_of_week_year,
    weeks_in_week_year,
)
from graphkit.cypher_engine.temporal.duration import duration_from_components
from graphkit.cypher_engine.temporal.errors import invalid_value
from graphkit.cypher_engine.temporal.values import HOUR, MINUTE, SECOND, Date, Duration
from graphkit.cypher_engine.temporal.zones import parse_offset, zone_info

DATE = (r"(?P<year>[0-9]{4}|[+-][0-9]{1,9})"
        r"(?:-?W(?P<week>[0-9]{2})(?:-?(?P<day_of_week>[0-9]))?"
        r"|-?(?P<ordinal_day>[0-9]{3})"
        r"|-(?P<long_month>[0-9]{2})(?:-(?P<long_day>[0-9]{2}))?"
        r"|(?P<short_month>[0-9]{2})(?P<short_day>[0-9]{2})?)?")
TIME = (r"(?P<hour>[0-9]{2})(?::?(?P<minute>[0-9]{2})"
        r"(?::?(?P<second>[0-9]{2})(?:[.,](?P<fraction>[0-9]{1,9}))?)?)?")
ZONE = r"(?P<offset>[Zz]|[+-][0-9]{2}(?::?[0-9]{2}(?::?[0-9]{2})?)?)?(?:\[(?P<zone>[^\]]+)\])?"
DATE_PATTERN = re.compile(DATE)
TIME_PATTERN = re.compile(TIME + ZONE)
TEMPORAL_PATTERN = re.compile(DATE + f"(?:T{TIME})?" + ZONE)
NUMBER = r"[-+]?[0-9]+(?:[.,][0-9]+)?"
DURATION_PATTERN = re.compile(
    rf"(?P<sign>[-+]?)P(?:(?P<years>{NUMBER})Y)?(?:(?P<months>{NUMBER})M)?(?:(?P<weeks>{NUMBER})W)?"
    rf"(?:(?P<days>{NUMBER})D)?(?:T(?:(?P<hours>{NUMBER})H)?(?:(?P<minutes>{NUMBER})M)?"
    rf"(?:(?P<seconds>[-+]?[0-9]+)(?:[.,](?P<fraction>[0-9]{{1,9}}))?S)?)?", re.IGNORECASE)
DURATION_AS_DATE_PATTERN = re.compile(
    r"(?P<sign>[-+]?)P(?P<years>[0-9]{4})-?(?P<months>[0-9]{2})-?(?P<days>[0-9]{2})"
    r"(?:T(?P<hours>[0-9]{2}):?(?P<minutes>[0-9]{2}):?(?P<seconds>[0-9]{2})(?:[.,](?P<fraction>[0-9]{1,9}))?)?")


def _check(value: int, low: int, high: int, what: str) -> int:
    """Return a parsed number, raising a Cypher error when outside its valid range."""
    if not low <= value <= high:
        raise invalid_value(f"Invalid value for {what}: {value} (valid values {low} - {high})")
    return value


def date_from_fields(groups: dict[str, str | None]) -> Date:
    """Return the date named by the groups of :data:`DATE` matched against a string."""
    year = int(groups["year"])
    if groups["week"] is not None:
        week = _check(int(groups["week"]), 1, weeks_in_week_year(year), "week")
        day_of_week = _check(int(groups["day_of_week"] or 1), 1, 7, "dayOfWeek")
        return Date.from_epoch_day(first_monday_of_week_year(year) + (week - 1) * 7 + day_of_week - 1)
    if groups["ordinal_day"] is not None:
        ordinal = _check(int(groups["ordinal_day"]), 1, days_in_year(year), "ordinalDay")
        return Date.from_epoch_day(days_from_civil(year, 1, 1) + ordinal - 1)
    month = _check(int(groups["long_month"] or groups["short_month"] or 1), 1, 12, "month")
    day = _check(int(groups["long_day"] or groups["short_day"] or 1), 1, days_in_month(year, month), "day")
    return Date(year, month, day)


def time_from_fields(groups: dict[str, str | None]) -> int:
    """Return the nanosecond of day named by the groups of :data:`TIME` matched against a string."""
    fraction = groups["fraction"]
    return (_check(int(groups["hour"]), 0, 23, "hour") * HOUR
            + _check(int(groups["minute"] or 0), 0, 59, "minute") * MINUTE
            + _check(int(groups["second"] or 0), 0, 59, "second") * SECOND
            + (int(fraction.ljust(9, "0")) if fraction else 0))


def _zone_from_fields(groups: dict[str, str | None]) -> tuple[int | None, str | None]:
    """Return the offset and zone id named by the matched zone groups."""
    offset = parse_offset(groups["offset"]) if groups["offset"] else None
    zone = groups["zone"]
    if zone is not None:
        zone_info(zone)
    return offset, zone


def parse_date(text: str) -> Date:
    """Return the date an ISO 8601 date string names.

    >>> parse_date('201507')
    Date('2015-07-01')
    """
    match = DATE_PATTERN.fullmatch(text.strip())
    if match is None:
        raise invalid_value(f"Text cannot be parsed to a Date: {text!r}")
    return date_from_fields(match.groupdict())


def parse_time(text: str) -> tuple[int, int | None]:
    """Return ``(nano_of_day, offset or None)`` of an ISO 8601 time string.

    >>> parse_time('2140-02')
    (78000000000000, -7200)
    """
    match = TIME_PATTERN.fullmatch(text.strip())
    if match is None or match["zone"] is not None:
        raise invalid_value(f"Text cannot be parsed to a Time: {text!r}")
    groups = match.groupdict()
    return time_from_fields(groups), _zone_from_fields(groups)[0]


def parse_temporal(text: str) -> tuple[Date, int, int | None, str | None]:
    """Return ``(date, nano_of_day, offset or None, zone id or None)`` of an ISO 8601 date-time string.

    >>> parse_temporal('2015T214032-0100')
    (Date('2015-01-01'), 78032000000000, -3600, None)
    """
    match = TEMPORAL_PATTERN.fullmatch(text.strip())
    if match is None:
        raise invalid_value(f"Text cannot be parsed to a DateTime: {text!r}")
    groups = match.groupdict()
    nano_of_day = time_from_fields(groups) if groups["hour"] is not None else 0
    return (date_from_fields(groups), nano_of_day, *_zone_from_fields(groups))


def _number(text: str | None) -> int | float:
    """Return a duration amount as an int, or a float when it has a fraction."""
    if text is None:
        return 0
    text = text.replace(",", ".")
    return float(text) if "." in text else int(text)


def parse_duration(text: str) -> Duration:
    """Return the duration an ISO 8601 duration string names (``P1Y2M10DT2H30M``, ``PT-1.5S``...).

    >>> str(parse_duration('P5M1.5D'))
    'P5M1DT12H'
    """
    stripped = text.strip()
    match = DURATION_AS_DATE_PATTERN.fullmatch(stripped) or DURATION_PATTERN.fullmatch(stripped)
    if match is None or stripped.upper().endswith(("P", "T")):
        raise invalid_value(f"Text cannot be parsed to a Duration: {text!r}")
    groups = match.groupdict()
    seconds = int(groups["seconds"] or 0)
    fraction = groups["fraction"]
    nanos = int(fraction.ljust(9, "0")) if fraction else 0
    if (groups["seconds"] or "").startswith("-"):
        nanos = -nanos
    duration = duration_from_components(
        years=_number(groups["years"]), months=_number(groups["months"]), weeks=_number(groups.get("weeks")),
        days=_number(groups["days"]), hours=_number(groups["hours"]), minutes=_number(groups["minutes"]),
        seconds=seconds, nanoseconds=nanos)
    if groups["sign"] == "-":
        return Duration(-duration.months, -duration.days, -duration.seconds, -duration.nanos)
    return duration
