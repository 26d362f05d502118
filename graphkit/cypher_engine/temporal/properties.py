"""Component access on temporal values: ``d.year``, ``t.timezone``, ``dur.minutesOfHour`` and the rest.

Property names are matched case-insensitively, as Neo4j does. Duration properties follow
Neo4j: ``dur.months`` is all months (years included), ``dur.monthsOfYear`` the remainder, and
divisions round towards zero.

Examples
--------
>>> from graphkit.cypher_engine.temporal.values import Date, Duration
>>> temporal_property(Date(1984, 1, 1), 'weekYear')
1983
>>> temporal_property(Duration(16, 10, 3661, 111_111_111), 'minutesOfHour')
1
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphkit.cypher_engine.temporal.calendar import day_of_quarter, iso_week_date, ordinal_day, quarter_of
from graphkit.cypher_engine.temporal.errors import invalid_value
from graphkit.cypher_engine.temporal.values import (
    HOUR,
    MINUTE,
    SECOND,
    Date,
    DateTime,
    Duration,
    LocalDateTime,
    LocalTime,
    Time,
    truncating_divmod,
)
from graphkit.cypher_engine.temporal.zones import format_offset


def _quotient(numerator: int, denominator: int) -> int:
    """Return the quotient rounded towards zero."""
    return truncating_divmod(numerator, denominator)[0]


def _remainder(numerator: int, denominator: int) -> int:
    """Return the remainder taking the numerator's sign."""
    return truncating_divmod(numerator, denominator)[1]


DATE_PROPERTIES: dict[str, Callable[[Date], Any]] = {
    "year": lambda d: d.year,
    "quarter": lambda d: quarter_of(d.month),
    "month": lambda d: d.month,
    "week": lambda d: iso_week_date(d.epoch_day)[1],
    "weekyear": lambda d: iso_week_date(d.epoch_day)[0],
    "day": lambda d: d.day,
    "ordinalday": lambda d: ordinal_day(d.year, d.month, d.day),
    "weekday": lambda d: iso_week_date(d.epoch_day)[2],
    "dayofweek": lambda d: iso_week_date(d.epoch_day)[2],
    "dayofquarter": lambda d: day_of_quarter(d.year, d.month, d.day),
    "quarterday": lambda d: day_of_quarter(d.year, d.month, d.day),
}

TIME_PROPERTIES: dict[str, Callable[[int], int]] = {
    "hour": lambda n: n // HOUR,
    "minute": lambda n: n % HOUR // MINUTE,
    "second": lambda n: n % MINUTE // SECOND,
    "millisecond": lambda n: n % SECOND // 1_000_000,
    "microsecond": lambda n: n % SECOND // 1_000,
    "nanosecond": lambda n: n % SECOND,
}

ZONE_PROPERTIES: dict[str, Callable[[Time | DateTime], Any]] = {
    "timezone": lambda v: v.zone if isinstance(v, DateTime) and v.zone is not None else format_offset(v.offset),
    "offset": lambda v: format_offset(v.offset),
    "offsetminutes": lambda v: _quotient(v.offset, 60),
    "offsetseconds": lambda v: v.offset,
}

INSTANT_PROPERTIES: dict[str, Callable[[DateTime], int]] = {
    "epochseconds": lambda v: _quotient(v.epoch_nanos // 1_000_000, 1_000),
    "epochmillis": lambda v: v.epoch_nanos // 1_000_000,
}

DURATION_PROPERTIES: dict[str, Callable[[Duration], int]] = {
    "years": lambda d: _quotient(d.months, 12),
    "quarters": lambda d: _quotient(d.months, 3),
    "months": lambda d: d.months,
    "weeks": lambda d: _quotient(d.days, 7),
    "days": lambda d: d.days,
    "hours": lambda d: _quotient(d.seconds, 3600),
    "minutes": lambda d: _quotient(d.seconds, 60),
    "seconds": lambda d: d.seconds,
    "milliseconds": lambda d: d.seconds * 1_000 + d.nanos // 1_000_000,
    "microseconds": lambda d: d.seconds * 1_000_000 + d.nanos // 1_000,
    "nanoseconds": lambda d: d.seconds * SECOND + d.nanos,
    "quartersofyear": lambda d: _remainder(_quotient(d.months, 3), 4),
    "monthsofquarter": lambda d: _remainder(d.months, 3),
    "monthsofyear": lambda d: _remainder(d.months, 12),
    "daysofweek": lambda d: _remainder(d.days, 7),
    "minutesofhour": lambda d: _remainder(_quotient(d.seconds, 60), 60),
    "secondsofminute": lambda d: _remainder(d.seconds, 60),
    "millisecondsofsecond": lambda d: d.nanos // 1_000_000,
    "microsecondsofsecond": lambda d: d.nanos // 1_000,
    "nanosecondsofsecond": lambda d: d.nanos,
}


def temporal_property(value: Any, name: str) -> Any:
    """Return the component ``name`` of a temporal value, raising a Cypher error for unknown ones.

    >>> temporal_property(Time(HOUR, 3600), 'offsetMinutes')
    60
    """
    key = name.lower()
    if isinstance(value, Duration):
        if key in DURATION_PROPERTIES:
            return DURATION_PROPERTIES[key](value)
    else:
        date = value.date if isinstance(value, (LocalDateTime, DateTime)) else value
        if isinstance(date, Date) and key in DATE_PROPERTIES:
            return DATE_PROPERTIES[key](date)
        if not isinstance(value, Date) and key in TIME_PROPERTIES:
            return TIME_PROPERTIES[key](value.nano_of_day)
        if isinstance(value, (Time, DateTime)) and key in ZONE_PROPERTIES:
            return ZONE_PROPERTIES[key](value)
        if isinstance(value, DateTime) and key in INSTANT_PROPERTIES:
            return INSTANT_PROPERTIES[key](value)
    if not isinstance(value, (Date, LocalTime, Time, LocalDateTime, DateTime, Duration)):
        raise invalid_value(f"{value!r} is not a temporal value")
    raise invalid_value(f"{type(value).__name__} has no property {name!r}")
