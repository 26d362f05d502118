"""Temporal arithmetic and ordering: ``temporal ± duration``, ``duration ± duration``,
``duration * number``, ``duration / number`` and comparisons.

A duration is added unit by unit as Neo4j does: months first (the day clamped to the month's
length), then days, then seconds and nanoseconds; a Date only takes the whole days in the
seconds part, times of day wrap around midnight, and a DateTime in a named zone adds months
and days on its local time line and seconds on the instant time line.

Examples
--------
>>> from graphkit.cypher_engine.temporal.values import Date, Duration
>>> temporal_add(Date(1984, 1, 31), Duration(1, 0, 0))
Date('1984-02-29')
>>> temporal_subtract(Duration(0, 1, 0), Duration(0, 0, 60))
Duration('P1DT-1M')
>>> temporal_compare(Date(1980, 12, 24), Date(1984, 10, 11)) < 0
True
"""

from __future__ import annotations

from typing import Any

from graphkit.cypher_engine.temporal.calendar import plus_months
from graphkit.cypher_engine.temporal.duration import divide, multiply
from graphkit.cypher_engine.temporal.fields import datetime_at_instant, make_datetime
from graphkit.cypher_engine.temporal.values import (
    DAY,
    Date,
    DateTime,
    Duration,
    LocalDateTime,
    LocalTime,
    Time,
    truncating_divmod,
)

INSTANT_TYPES = (Date, LocalTime, Time, LocalDateTime, DateTime)


def _negate(duration: Duration) -> Duration:
    """Return the duration pointing the other way."""
    return Duration(-duration.months, -duration.days, -duration.seconds, -duration.nanos)


def _shift_date(date: Date, duration: Duration) -> Date:
    """Return a date moved by a duration's months (clamped) and then its days."""
    if duration.months:
        date = Date(*plus_months(date.year, date.month, date.day, duration.months))
    return Date.from_epoch_day(date.epoch_day + duration.days) if duration.days else date


def add_duration(value: Any, duration: Duration) -> Any:
    """Return a Date, LocalTime, Time, LocalDateTime or DateTime moved by a duration.

    >>> add_duration(LocalTime(0), Duration(0, 0, -1))
    LocalTime('23:59:59')
    """
    if isinstance(value, Date):
        return _shift_date(value, Duration(duration.months, duration.days + truncating_divmod(
            duration.seconds, 86_400)[0], 0))
    if isinstance(value, LocalTime):
        return LocalTime((value.nano_of_day + duration.total_nanos) % DAY)
    if isinstance(value, Time):
        return Time((value.nano_of_day + duration.total_nanos) % DAY, value.offset)
    if isinstance(value, LocalDateTime):
        day, nano_of_day = divmod(_shift_date(value.date, duration).epoch_day * DAY + value.nano_of_day
                                  + duration.total_nanos, DAY)
        return LocalDateTime(Date.from_epoch_day(day), nano_of_day)
    moved = make_datetime(_shift_date(value.date, duration), value.nano_of_day, value.zone_or_offset, value.offset)
    return datetime_at_instant(moved.epoch_nanos + duration.total_nanos, moved.zone_or_offset)


def temporal_add(left: Any, right: Any) -> Any:
    """Return ``left + right`` for temporal + duration (either order) or duration + duration.

    Returns NotImplemented when the operands are not such a pair.

    >>> temporal_add(Duration(1, 2, 3), Duration(1, 1, 1))
    Duration('P2M3DT4S')
    """
    if isinstance(left, Duration) and isinstance(right, Duration):
        return Duration(left.months + right.months, left.days + right.days,
                        left.seconds + right.seconds, left.nanos + right.nanos)
    if isinstance(left, INSTANT_TYPES) and isinstance(right, Duration):
        return add_duration(left, right)
    if isinstance(left, Duration) and isinstance(right, INSTANT_TYPES):
        return add_duration(right, left)
    return NotImplemented


def temporal_subtract(left: Any, right: Any) -> Any:
    """Return ``left - right`` for temporal - duration or duration - duration, else NotImplemented.

    >>> temporal_subtract(Date(1984, 10, 11), Duration(0, 11, 0))
    Date('1984-09-30')
    """
    if isinstance(right, Duration) and isinstance(left, (Duration, *INSTANT_TYPES)):
        return temporal_add(left, _negate(right))
    return NotImplemented


def _is_number(value: Any) -> bool:
    """Return whether a value is a Cypher number (booleans are not)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def temporal_multiply(left: Any, right: Any) -> Any:
    """Return ``duration * number`` (either order), else NotImplemented.

    >>> temporal_multiply(2, Duration(0, 1, 30))
    Duration('P2DT1M')
    """
    if isinstance(left, Duration) and _is_number(right):
        return multiply(left, right)
    if _is_number(left) and isinstance(right, Duration):
        return multiply(right, left)
    return NotImplemented


def temporal_divide(left: Any, right: Any) -> Any:
    """Return ``duration / number``, else NotImplemented.

    >>> temporal_divide(Duration(0, 1, 0), 4)
    Duration('PT6H')
    """
    if isinstance(left, Duration) and _is_number(right):
        return divide(left, right)
    return NotImplemented


def _sign(difference: int) -> int:
    """Return -1, 0 or 1 for a difference."""
    return (difference > 0) - (difference < 0)


def _zone_key(value: DateTime) -> tuple[int, str]:
    """Return a sort key putting fixed offsets before zone ids, zone ids by name."""
    return (0, "") if value.zone is None else (1, value.zone)


def temporal_compare(left: Any, right: Any) -> int | None:
    """Return -1, 0 or 1 ordering two temporal values of one type, None when they are not comparable.

    Times and DateTimes order by instant; equal instants then order by local time and zone so
    that 0 means equal. Durations and values of different types are not comparable.

    >>> temporal_compare(Time(10 * 3600 * 10**9, 3600), Time(9 * 3600 * 10**9 + 1, 0))
    -1
    """
    if type(left) is not type(right) or isinstance(left, Duration) or not isinstance(left, INSTANT_TYPES):
        return None
    if isinstance(left, Date):
        return _sign(left.epoch_day - right.epoch_day)
    if isinstance(left, LocalTime):
        return _sign(left.nano_of_day - right.nano_of_day)
    if isinstance(left, Time):
        return _sign(left.utc_nanos - right.utc_nanos) or _sign(left.nano_of_day - right.nano_of_day)
    if isinstance(left, LocalDateTime):
        return _sign(left.local_nanos - right.local_nanos)
    by_instant = _sign(left.epoch_nanos - right.epoch_nanos) or _sign(left.local_nanos - right.local_nanos)
    if by_instant:
        return by_instant
    left_zone, right_zone = _zone_key(left), _zone_key(right)
    return (left_zone > right_zone) - (left_zone < right_zone)
