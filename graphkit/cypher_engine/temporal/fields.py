"""Assembling temporal values from fields: date and time overrides, zones, and parts of other values.

These are the rules of Cypher's map constructors (``date({year: 1984, week: 10})``) and of
selecting parts of other temporal values (``datetime({date: d, time: t, day: 28})``).

Examples
--------
>>> apply_date_fields(None, {'year': 1984, 'quarter': 3, 'dayofquarter': 45})
Date('1984-08-14')
>>> apply_date_fields(Date(1984, 11, 11), {'week': 1})
Date('1984-01-08')
>>> make_datetime(Date(1984, 7, 20), 0, 'Europe/Stockholm')
DateTime('1984-07-20T00:00+02:00[Europe/Stockholm]')
"""

from __future__ import annotations

from typing import Any

from graphkit.cypher_engine.temporal.calendar import (
    day_of_quarter,
    days_from_civil,
    days_in_month,
    days_in_year,
    first_monday_of_week_year,
    iso_week_date,
    quarter_of,
    weeks_in_week_year,
)
from graphkit.cypher_engine.temporal.errors import invalid_type, invalid_value
from graphkit.cypher_engine.temporal.values import (
    DAY,
    HOUR,
    MINUTE,
    SECOND,
    Date,
    DateTime,
    LocalDateTime,
    LocalTime,
    Time,
)
from graphkit.cypher_engine.temporal.zones import Zone, offset_at_instant, offset_at_local

DATE_FIELDS = ("year", "month", "day", "week", "dayofweek", "quarter", "dayofquarter", "ordinalday")
TIME_FIELDS = ("hour", "minute", "second", "millisecond", "microsecond", "nanosecond")
WEEK_FIELDS = ("week", "dayofweek")
QUARTER_FIELDS = ("quarter", "dayofquarter")


def _integer(fields: dict[str, Any], name: str, default: int, low: int, high: int) -> int:
    """Return an integer field (or its default), checked against its valid range."""
    value = fields.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise invalid_type(f"{name} must be an integer, got {value!r}")
    if not low <= value <= high:
        raise invalid_value(f"Invalid value for {name}: {value} (valid values {low} - {high})")
    return value


def _year(fields: dict[str, Any], default: int | None) -> int:
    """Return the ``year`` field, or ``default`` (None: the year is required)."""
    if default is None and "year" not in fields:
        raise invalid_value("A date needs a year (or a base date to take it from)")
    return _integer(fields, "year", default or 0, -999_999_999, 999_999_999)


def apply_date_fields(base: Date | None, fields: dict[str, Any]) -> Date:
    """Return ``base`` with the given date fields (lower-case keys) replaced, or the date they name alone.

    ``week``/``dayOfWeek`` work in ISO week years (``year`` then names the week year),
    ``quarter``/``dayOfQuarter`` and ``ordinalDay`` in calendar years.

    >>> apply_date_fields(Date(1816, 12, 31), {'year': 1817, 'week': 2})
    Date('1817-01-07')
    """
    if any(name in fields for name in WEEK_FIELDS):
        if base is None:
            week_year, week, weekday = _year(fields, None), 1, 1
        else:
            week_year, week, weekday = iso_week_date(base.epoch_day)
            week_year = _year(fields, week_year)
        week = _integer(fields, "week", week, 1, weeks_in_week_year(week_year))
        weekday = _integer(fields, "dayofweek", weekday, 1, 7)
        return Date.from_epoch_day(first_monday_of_week_year(week_year) + (week - 1) * 7 + weekday - 1)
    year = _year(fields, None if base is None else base.year)
    if "ordinalday" in fields:
        ordinal = _integer(fields, "ordinalday", 1, 1, days_in_year(year))
        return Date.from_epoch_day(days_from_civil(year, 1, 1) + ordinal - 1)
    if any(name in fields for name in QUARTER_FIELDS):
        if base is not None and "dayofquarter" not in fields:
            quarter = _integer(fields, "quarter", 1, 1, 4)
            month = (quarter - 1) * 3 + (base.month - 1) % 3 + 1
            return Date(year, month, min(base.day, days_in_month(year, month)))
        default_quarter = 1 if base is None else quarter_of(base.month)
        quarter = _integer(fields, "quarter", default_quarter, 1, 4)
        first_day = days_from_civil(year, (quarter - 1) * 3 + 1, 1)
        quarter_length = days_from_civil(year + (quarter == 4), quarter % 4 * 3 + 1, 1) - first_day
        default_day = 1 if base is None else day_of_quarter(base.year, base.month, base.day)
        return Date.from_epoch_day(first_day + _integer(fields, "dayofquarter", default_day, 1, quarter_length) - 1)
    if base is None and "day" in fields and "month" not in fields:
        raise invalid_value("A day of month needs a month")
    month = _integer(fields, "month", 1 if base is None else base.month, 1, 12)
    day = _integer(fields, "day", 1 if base is None else base.day, 1, days_in_month(year, month))
    return Date(year, month, day)


def apply_time_fields(base: int | None, fields: dict[str, Any]) -> int:
    """Return the nanosecond of day ``base`` with time fields (lower-case keys) replaced.

    Milli-, micro- and nanoseconds add up (``{millisecond: 123, microsecond: 456,
    nanosecond: 789}`` is .123456789); each replaces only its own digits of the base.

    >>> apply_time_fields(None, {'hour': 12, 'minute': 31, 'nanosecond': 645876123})
    45060645876123
    """
    if base is None:
        for larger, smaller in (("hour", "minute"), ("minute", "second")):
            if smaller in fields and larger not in fields:
                raise invalid_value(f"{smaller} cannot be given without {larger}")
        base = 0
    hours, rest = divmod(base, HOUR)
    minutes, rest = divmod(rest, MINUTE)
    seconds, nanos = divmod(rest, SECOND)
    millis, rest = divmod(nanos, 1_000_000)
    micros, nanos = divmod(rest, 1_000)
    has_millis, has_micros = "millisecond" in fields, "microsecond" in fields
    sub_second = (_integer(fields, "millisecond", millis, 0, 999) * 1_000_000
                  + _integer(fields, "microsecond", micros, 0, 999 if has_millis else 999_999) * 1_000
                  + _integer(fields, "nanosecond", nanos, 0, 999 if has_millis or has_micros else 999_999_999))
    return (_integer(fields, "hour", hours, 0, 23) * HOUR + _integer(fields, "minute", minutes, 0, 59) * MINUTE
            + _integer(fields, "second", seconds, 0, 59) * SECOND + sub_second)


def date_of(value: Any) -> Date | None:
    """Return the date part of a temporal value, None when it has none.

    >>> date_of(LocalDateTime(Date(1984, 10, 11), 0))
    Date('1984-10-11')
    """
    if isinstance(value, Date):
        return value
    if isinstance(value, (LocalDateTime, DateTime)):
        return value.date
    return None


def time_of(value: Any) -> tuple[int, int | None, Zone | None] | None:
    """Return ``(nano_of_day, offset, zone)`` of a temporal value with a time, None for other values.

    ``offset`` and ``zone`` are None for local values; ``zone`` is the zone id of a DateTime in
    a named zone, else the offset.

    >>> time_of(Time(HOUR, 3600))
    (3600000000000, 3600, 3600)
    """
    if isinstance(value, (LocalTime, LocalDateTime)):
        return value.nano_of_day, None, None
    if isinstance(value, Time):
        return value.nano_of_day, value.offset, value.offset
    if isinstance(value, DateTime):
        return value.nano_of_day, value.offset, value.zone_or_offset
    return None


def make_datetime(date: Date, nano_of_day: int, zone: Zone, preferred_offset: int | None = None) -> DateTime:
    """Return the DateTime at a local date and time in a zone.

    A local time in a gap moves forward by the gap's length; in an overlap ``preferred_offset``
    is kept when valid, else the earlier offset is used (Java's ``ZonedDateTime.ofLocal``).

    >>> make_datetime(Date(2017, 3, 26), 2 * HOUR + 30 * MINUTE, 'Europe/Stockholm')
    DateTime('2017-03-26T03:30+02:00[Europe/Stockholm]')
    """
    if isinstance(zone, int):
        return DateTime(date, nano_of_day, zone)
    local_nanos = date.epoch_day * DAY + nano_of_day
    if preferred_offset is not None and offset_at_instant(
            zone, (local_nanos - preferred_offset * SECOND) // SECOND) == preferred_offset:
        return DateTime(date, nano_of_day, preferred_offset, zone)
    offset = offset_at_local(zone, date.epoch_day, nano_of_day)
    return datetime_at_instant(local_nanos - offset * SECOND, zone)


def datetime_at_instant(epoch_nanos: int, zone: Zone) -> DateTime:
    """Return the DateTime of an instant (nanoseconds since the epoch) seen in a zone.

    >>> datetime_at_instant(0, 'Europe/Stockholm')
    DateTime('1970-01-01T01:00+01:00[Europe/Stockholm]')
    """
    offset = offset_at_instant(zone, epoch_nanos // SECOND)
    day, nano_of_day = divmod(epoch_nanos + offset * SECOND, DAY)
    return DateTime(Date.from_epoch_day(day), nano_of_day, offset, zone if isinstance(zone, str) else None)
