"""Parsing the ISO 8601 strings Cypher's temporal functions accept.

Dates may be calendar (``2015-07-21``, ``20150721``, ``2015-07``), week (``2015-W30-2``,
``2015W302``), quarter (``2015-Q3-21``), ordinal (``2015-202``) or year-only; times have optional minutes, seconds
and up to nine fraction digits, in extended (``21:40:32``) or basic (``214032``) form; zones
are offsets (``Z``, ``+01``, ``+0100``, ``+01:00``) optionally followed by ``[Zone/Id]``.
The accepted shapes and their checks follow Neo4j 5's parser.

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
from graphkit.cypher_engine.temporal.duration import approximate
from graphkit.cypher_engine.temporal.errors import invalid_value
from graphkit.cypher_engine.temporal.values import HOUR, MINUTE, SECOND, Date, Duration
from graphkit.cypher_engine.temporal.zones import canonical_zone_id, parse_offset

DATE = (r"(?:(?P<short_year>[0-9]{4})(?:(?P<short_month>[0-9]{2})(?P<short_day>[0-9]{2})?"
        r"|W(?P<short_week>[0-9]{2})(?P<short_day_of_week>[0-9])?"
        r"|Q(?P<short_quarter>[0-9])(?P<short_day_of_quarter>[0-9]{2})?|(?P<short_ordinal_day>[0-9]{3}))"
        r"|(?P<long_year>[0-9]{4}|[+-][0-9]{1,9})(?:-(?P<long_month>[0-9]{1,2})(?:-(?P<long_day>[0-9]{1,2}))?"
        r"|-?W(?P<long_week>[0-9]{1,2})(?:-(?P<long_day_of_week>[0-9]))?"
        r"|-?Q(?P<long_quarter>[0-9])(?:-(?P<long_day_of_quarter>[0-9]{1,2}))?|-(?P<long_ordinal_day>[0-9]{3}))?)")
TIME = (r"(?:(?P<long_hour>[0-9]{1,2})(?::(?P<long_minute>[0-9]{1,2})"
        r"(?::(?P<long_second>[0-9]{1,2})(?:[.,](?P<long_fraction>[0-9]{1,9}))?)?)?"
        r"|(?P<short_hour>[0-9]{2})(?:(?P<short_minute>[0-9]{2})"
        r"(?:(?P<short_second>[0-9]{2})(?:[.,](?P<short_fraction>[0-9]{1,9}))?)?)?)")
ZONE = r"(?P<offset>[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?(?:\[(?P<zone>[^\]]+)\])?"
DATE_PATTERN = re.compile(DATE, re.IGNORECASE)
TIME_PATTERN = re.compile(f"T?{TIME}{ZONE}", re.IGNORECASE)
TEMPORAL_PATTERN = re.compile(f"{DATE}(?:T{TIME}{ZONE})?", re.IGNORECASE)
NUMBER = r"[-+]?[0-9]+(?:[.,][0-9]+)?"
DURATION_PATTERN = re.compile(
    rf"(?P<sign>[-+]?)P(?:(?P<years>{NUMBER})Y)?(?:(?P<months>{NUMBER})M)?(?:(?P<weeks>{NUMBER})W)?"
    rf"(?:(?P<days>{NUMBER})D)?(?P<time>T(?:(?P<hours>{NUMBER})H)?(?:(?P<minutes>{NUMBER})M)?"
    rf"(?:(?P<seconds>[-+]?[0-9]+)(?:[.,](?P<fraction>[0-9]{{1,9}}))?S)?)?", re.IGNORECASE)
DURATION_AS_DATE_PATTERN = re.compile(
    r"(?P<sign>[-+]?)P(?:(?P<years>[0-9]{4})(?:-(?P<months>[0-9]{2})-(?P<days>[0-9]{2})"
    r"|(?P<short_months>[0-9]{2})(?P<short_days>[0-9]{2})))?"
    r"(?:T(?:(?P<hours>[0-9]{2}):(?P<minutes>[0-9]{2})(?::(?P<seconds>[0-9]{2})(?:[.,](?P<fraction>[0-9]{1,9}))?)?"
    r"|(?P<short_hours>[0-9]{2})(?:(?P<short_minutes>[0-9]{2})(?:(?P<short_seconds>[0-9]{2})"
    r"(?:[.,](?P<short_fraction>[0-9]{1,9}))?)?)?))?", re.IGNORECASE)


def _check(value: int, low: int, high: int, what: str) -> int:
    """Return a parsed number, raising a Cypher error when outside its valid range."""
    if not low <= value <= high:
        raise invalid_value(f"Invalid value for {what}: {value} (valid values {low} - {high})")
    return value


def _field(groups: dict[str, str | None], name: str) -> str | None:
    """Return a date or time field from whichever of its long (separated) or short (basic) forms matched."""
    value = groups[f"long_{name}"]
    return value if value is not None else groups[f"short_{name}"]


def _week_date(year: int, week: int, day_of_week: int) -> Date:
    """Return the date of an ISO week date, refusing week 53 in 52-week years."""
    if week == 53 and weeks_in_week_year(year) == 52:
        raise invalid_value(f"Year {year} does not contain 53 weeks")
    _check(week, 1, 53, "week")
    _check(day_of_week, 1, 7, "dayOfWeek")
    return Date.from_epoch_day(first_monday_of_week_year(year) + (week - 1) * 7 + day_of_week - 1)


def _quarter_date(year: int, quarter: int, day: int) -> Date:
    """Return the date of a quarter date (``2015-Q2-03``)."""
    _check(quarter, 1, 4, "quarter")
    first_day = days_from_civil(year, (quarter - 1) * 3 + 1, 1)
    length = days_from_civil(year + (quarter == 4), quarter % 4 * 3 + 1, 1) - first_day
    return Date.from_epoch_day(first_day + _check(day, 1, length, "dayOfQuarter") - 1)


def date_from_fields(groups: dict[str, str | None]) -> Date:
    """Return the date named by the groups of :data:`DATE` matched against a string.

    A one-digit month is only accepted with a day (``2015-7-21``): ``2015-7`` is too close
    to an ordinal date.
    """
    year = int(_field(groups, "year"))
    month, week, quarter, ordinal = (_field(groups, name) for name in ("month", "week", "quarter", "ordinal_day"))
    if month is not None:
        day = _field(groups, "day")
        if day is None and len(month) == 1:
            raise invalid_value("A year and month need two digits for the month (2015-02)")
        month_number = _check(int(month), 1, 12, "month")
        return Date(year, month_number, _check(int(day or 1), 1, days_in_month(year, month_number), "day"))
    if week is not None:
        return _week_date(year, int(week), int(_field(groups, "day_of_week") or 1))
    if quarter is not None:
        return _quarter_date(year, int(quarter), int(_field(groups, "day_of_quarter") or 1))
    if ordinal is not None:
        return Date.from_epoch_day(days_from_civil(year, 1, 1) + _check(int(ordinal), 1, days_in_year(year),
                                                                      "ordinalDay") - 1)
    return Date(year, 1, 1)


def time_from_fields(groups: dict[str, str | None]) -> int:
    """Return the nanosecond of day named by the groups of :data:`TIME` matched against a string."""
    fraction = _field(groups, "fraction")
    return (_check(int(_field(groups, "hour")), 0, 23, "hour") * HOUR
            + _check(int(_field(groups, "minute") or 0), 0, 59, "minute") * MINUTE
            + _check(int(_field(groups, "second") or 0), 0, 59, "second") * SECOND
            + (int(fraction.ljust(9, "0")) if fraction else 0))


def _zone_from_fields(groups: dict[str, str | None]) -> tuple[int | None, str | None]:
    """Return the offset and zone id named by the matched zone groups."""
    offset = parse_offset(groups["offset"]) if groups["offset"] else None
    zone = groups["zone"]
    return offset, canonical_zone_id(zone) if zone is not None else None


def parse_date(text: str) -> Date:
    """Return the date an ISO 8601 date string names.

    >>> parse_date('201507')
    Date('2015-07-01')
    """
    match = DATE_PATTERN.fullmatch(text)
    if match is None:
        raise invalid_value(f"Text cannot be parsed to a Date: {text!r}")
    return date_from_fields(match.groupdict())


def parse_time(text: str) -> tuple[int, int | None]:
    """Return ``(nano_of_day, offset or None)`` of an ISO 8601 time string.

    >>> parse_time('2140-02')
    (78000000000000, -7200)
    """
    match = TIME_PATTERN.fullmatch(text)
    if match is None or match["zone"] is not None:
        raise invalid_value(f"Text cannot be parsed to a Time: {text!r}")
    groups = match.groupdict()
    return time_from_fields(groups), _zone_from_fields(groups)[0]


def parse_temporal(text: str) -> tuple[Date, int, int | None, str | None]:
    """Return ``(date, nano_of_day, offset or None, zone id or None)`` of an ISO 8601 date-time string.

    >>> parse_temporal('2015T214032-0100')
    (Date('2015-01-01'), 78032000000000, -3600, None)
    """
    match = TEMPORAL_PATTERN.fullmatch(text)
    if match is None:
        raise invalid_value(f"Text cannot be parsed to a DateTime: {text!r}")
    groups = match.groupdict()
    nano_of_day = time_from_fields(groups) if _field(groups, "hour") is not None else 0
    return (date_from_fields(groups), nano_of_day, *_zone_from_fields(groups))


def _fraction(text: str | None) -> float | None:
    """Return a duration amount with a decimal fraction as a float, None for whole or missing amounts."""
    if text is None or not any(mark in text for mark in ".,"):
        return None
    return float(text.replace(",", "."))


def _nanos(fraction: str | None, negative: bool) -> int:
    """Return the nanoseconds written by up to nine fraction digits."""
    nanos = int(fraction.ljust(9, "0")) if fraction else 0
    return -nanos if negative else nanos


def _signed(duration: Duration, sign: int) -> Duration:
    """Return the duration, negated when ``sign`` is -1."""
    return Duration(sign * duration.months, sign * duration.days, sign * duration.seconds, sign * duration.nanos)


def _unit_duration(groups: dict[str, str | None]) -> Duration | None:
    """Return the duration of a ``PnYnMnWnDTnHnMnS`` match; None when a fraction is not in its last unit."""
    given = [name for name in ("years", "months", "weeks", "days", "time", "hours", "minutes", "seconds")
             if groups[name] is not None]
    if not given or groups["time"] is not None and groups["time"].upper() == "T":
        return None
    months = days = seconds = 0
    steps = (("years", 12, 0, 0), ("months", 1, 0, 0), ("weeks", 0, 7, 0), ("days", 0, 1, 0),
             ("hours", 0, 0, 3600), ("minutes", 0, 0, 60))
    for name, month_factor, day_factor, second_factor in steps:
        fraction = _fraction(groups[name])
        if fraction is not None:
            if given[-1] not in (name, "time") or name in ("years", "months", "weeks", "days") and "time" in given:
                return None
            return approximate(months + fraction * month_factor, days + fraction * day_factor,
                               seconds + fraction * second_factor, 0)
        amount = int(groups[name] or 0)
        months, days, seconds = months + amount * month_factor, days + amount * day_factor, seconds + amount * second_factor
    text = groups["seconds"] or "0"
    return Duration(months, days, seconds + int(text), _nanos(groups["fraction"], text.startswith("-")))


def _date_duration(groups: dict[str, str | None]) -> Duration:
    """Return the duration of a ``PYYYY-MM-DDThh:mm:ss`` match, its fields checked against their ranges."""
    months = _check(int(groups["months"] or groups["short_months"] or 0), 0, 12, "months")
    days = _check(int(groups["days"] or groups["short_days"] or 0), 0, 31, "days")
    hours = _check(int(groups["hours"] or groups["short_hours"] or 0), 0, 24, "hours")
    minutes = _check(int(groups["minutes"] or groups["short_minutes"] or 0), 0, 60, "minutes")
    seconds = _check(int(groups["seconds"] or groups["short_seconds"] or 0), 0, 60, "seconds")
    nanos = _nanos(groups["fraction"] or groups["short_fraction"], False)
    return Duration(int(groups["years"] or 0) * 12 + months, days, hours * 3600 + minutes * 60 + seconds, nanos)


def parse_duration(text: str) -> Duration:
    """Return the duration an ISO 8601 duration string names (``P1Y2M10DT2H30M``, ``PT-1.5S``...).

    Only the smallest unit written may have a fraction (``P5M1.5D``, not ``P1.5Y2M``).

    >>> str(parse_duration('P5M1.5D'))
    'P5M1DT12H'
    """
    duration = None
    match = DURATION_PATTERN.fullmatch(text)
    if match is not None:
        duration = _unit_duration(match.groupdict())
    elif (match := DURATION_AS_DATE_PATTERN.fullmatch(text)) is not None and text.upper() != "P":
        duration = _date_duration(match.groupdict())
    if duration is None:
        raise invalid_value(f"Text cannot be parsed to a Duration: {text!r}")
    return _signed(duration, -1 if match["sign"] == "-" else 1)
