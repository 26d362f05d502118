"""``duration.between``, ``duration.inMonths``, ``duration.inDays`` and ``duration.inSeconds``.

Operands of different types are first completed from each other as Neo4j does: a date-only
value gets midnight when the other has a time (always, for ``inSeconds``), a time-only value
takes the other's date, and a zone-less value takes the other's zone. Months and days are
then counted on the local time line of the first operand (the second seen in its zone),
the rest in nanoseconds on the instant time line when zoned.

Examples
--------
>>> from graphkit.cypher_engine.temporal.parse import parse_date
>>> duration_between(parse_date('1984-10-11'), parse_date('2015-06-24'))
Duration('P30Y8M13D')
>>> duration_in_seconds(parse_date('1984-10-11'), parse_date('2015-06-24'))
Duration('PT269112H')
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from graphkit.cypher_engine.temporal.calendar import civil_from_days, plus_months
from graphkit.cypher_engine.temporal.errors import invalid_type, invalid_value
from graphkit.cypher_engine.temporal.fields import datetime_at_instant, make_datetime
from graphkit.cypher_engine.temporal.values import (
    DAY,
    SECOND,
    Date,
    DateTime,
    Duration,
    LocalDateTime,
    LocalTime,
    Time,
    truncating_divmod,
)
from graphkit.cypher_engine.temporal.zones import Zone


@dataclass(frozen=True)
class Point:
    """A temporal value's parts: epoch day, nanosecond of day, offset and zone, None where absent."""

    epoch_day: int | None
    nano_of_day: int | None
    offset: int | None = None
    zone: Zone | None = None

    @property
    def nanos(self) -> int:
        """Nanoseconds on the value's time line: local, or the instant when it has an offset."""
        local = (self.epoch_day or 0) * DAY + (self.nano_of_day or 0)
        return local - (self.offset or 0) * SECOND


def to_point(value: Any) -> Point:
    """Return the parts of a Date, LocalTime, Time, LocalDateTime or DateTime.

    >>> to_point(Time(0, 3600))
    Point(epoch_day=None, nano_of_day=0, offset=3600, zone=3600)
    """
    if isinstance(value, Date):
        return Point(value.epoch_day, None)
    if isinstance(value, LocalTime):
        return Point(None, value.nano_of_day)
    if isinstance(value, Time):
        return Point(None, value.nano_of_day, value.offset, value.offset)
    if isinstance(value, LocalDateTime):
        return Point(value.date.epoch_day, value.nano_of_day)
    if isinstance(value, DateTime):
        return Point(value.date.epoch_day, value.nano_of_day, value.offset, value.zone_or_offset)
    raise invalid_type(f"duration functions take temporal values, got {value!r}")


def _with_zone(point: Point, zone: Zone) -> Point:
    """Return a zone-less point placed in a zone (local date and time kept)."""
    if point.epoch_day is None:
        return replace(point, zone=zone, offset=zone)
    moment = make_datetime(Date.from_epoch_day(point.epoch_day), point.nano_of_day or 0, zone)
    return Point(moment.date.epoch_day, moment.nano_of_day, moment.offset, zone)


def align(first: Point, second: Point, time_based: bool) -> tuple[Point, Point]:
    """Return both points completed from each other (time, then date, then zone)."""
    if time_based or second.nano_of_day is not None:
        first = first if first.nano_of_day is not None else replace(first, nano_of_day=0)
    if time_based or first.nano_of_day is not None:
        second = second if second.nano_of_day is not None else replace(second, nano_of_day=0)
    if first.epoch_day is None and second.epoch_day is not None:
        first = replace(first, epoch_day=second.epoch_day)
    elif second.epoch_day is None and first.epoch_day is not None:
        second = replace(second, epoch_day=first.epoch_day)
    if first.zone is not None and second.zone is None:
        second = _with_zone(second, first.zone)
    elif second.zone is not None and first.zone is None:
        first = _with_zone(first, second.zone)
    return first, second


def _local_end(start: Point, end: Point) -> tuple[int, int]:
    """Return the end's epoch day and nanosecond of day seen in the start's zone."""
    if start.zone is None:
        return end.epoch_day, end.nano_of_day or 0
    moment = datetime_at_instant(end.nanos, start.zone)
    return moment.date.epoch_day, moment.nano_of_day


def _end_day(start: Point, end: Point) -> int:
    """Return the end day for whole-day counting, stepped back (forward) one day if its time of day is not reached."""
    end_day, end_nanos = _local_end(start, end)
    start_nanos = start.nano_of_day or 0
    if end_day > start.epoch_day and end_nanos < start_nanos:
        return end_day - 1
    if end_day < start.epoch_day and end_nanos > start_nanos:
        return end_day + 1
    return end_day


def months_until(start: Point, end: Point) -> int:
    """Return the whole months from start to end (both with dates), rounded towards zero."""
    start_year, start_month, start_day = civil_from_days(start.epoch_day)
    end_year, end_month, end_day = civil_from_days(_end_day(start, end))
    packed_start = (start_year * 12 + start_month - 1) * 32 + start_day
    packed_end = (end_year * 12 + end_month - 1) * 32 + end_day
    return truncating_divmod(packed_end - packed_start, 32)[0]


def days_until(start: Point, end: Point) -> int:
    """Return the whole days from start to end (both with dates), rounded towards zero."""
    return _end_day(start, end) - start.epoch_day


def _plus(point: Point, months: int, days: int) -> Point:
    """Return a point moved by months (clamped) and days on its local time line."""
    year, month, day = plus_months(*civil_from_days(point.epoch_day), months)
    epoch_day = Date(year, month, day).epoch_day + days
    if point.zone is None:
        return replace(point, epoch_day=epoch_day)
    moment = make_datetime(Date.from_epoch_day(epoch_day), point.nano_of_day or 0, point.zone, point.offset)
    return Point(moment.date.epoch_day, moment.nano_of_day, moment.offset, point.zone)


def _operands(first: Any, second: Any, time_based: bool = False) -> tuple[Point, Point] | None:
    """Return both operands as aligned points, or None when either is null."""
    if first is None or second is None:
        return None
    return align(to_point(first), to_point(second), time_based)


def _dated(points: tuple[Point, Point], unit: str) -> tuple[Point, Point]:
    """Return the points, refusing to count months or days between two times of day."""
    if points[0].epoch_day is None:
        raise invalid_value(f"Unsupported unit: {unit} between two times of day")
    return points


def duration_between(first: Any, second: Any) -> Duration | None:
    """Return the duration from ``first`` to ``second`` in months, days, seconds and nanoseconds.

    Months and days are only counted when both values have a date of their own; otherwise the
    whole difference is in seconds, as Neo4j does.

    >>> duration_between(LocalTime(14 * 3600 * SECOND), LocalTime(16 * 3600 * SECOND))
    Duration('PT2H')
    """
    points = _operands(first, second)
    if points is None:
        return None
    start, end = points
    months = days = 0
    if to_point(first).epoch_day is not None and to_point(second).epoch_day is not None:
        months = months_until(start, end)
        start = _plus(start, months, 0)
        days = days_until(start, end)
        start = _plus(start, 0, days)
    return Duration(months, days, 0, end.nanos - start.nanos)


def duration_in_months(first: Any, second: Any) -> Duration | None:
    """Return the whole months from ``first`` to ``second`` as a duration (an error between two times of day)."""
    points = _operands(first, second)
    if points is None:
        return None
    start, end = _dated(points, "months")
    return Duration(months_until(start, end), 0, 0)


def duration_in_days(first: Any, second: Any) -> Duration | None:
    """Return the whole days from ``first`` to ``second`` as a duration (an error between two times of day)."""
    points = _operands(first, second)
    if points is None:
        return None
    start, end = _dated(points, "days")
    return Duration(0, days_until(start, end), 0)


def duration_in_seconds(first: Any, second: Any) -> Duration | None:
    """Return the exact time from ``first`` to ``second`` in seconds and nanoseconds.

    >>> duration_in_seconds(LocalTime(SECOND + 1), LocalTime(1))
    Duration('PT-1S')
    """
    points = _operands(first, second, time_based=True)
    if points is None:
        return None
    start, end = points
    return Duration(0, 0, 0, end.nanos - start.nanos)
