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

from collections.abc import Collection
from typing import Any

from graphkit.cypher_engine.temporal.calendar import (
    day_of_quarter,
    days_from_civil,
    days_in_month,
    days_in_year,
    first_monday_of_week_year,
    iso_week_date,
    ordinal_day,
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

DATE_FIELDS = ("year", "quarter", "month", "week", "ordinalday", "dayofquarter", "dayofweek", "day")
TIME_FIELDS = ("hour", "minute", "second", "millisecond", "microsecond", "nanosecond")
SUB_SECOND_FIELDS = TIME_FIELDS[3:]
DATE_GROUPS = {"month": "calendar", "day": "calendar", "week": "week", "dayofweek": "week",
               "quarter": "quarter", "dayofquarter": "quarter", "ordinalday": "ordinal"}
GROUP_ORDER = {"calendar": ("year", "month", "day"), "week": ("year", "week", "dayofweek"),
               "quarter": ("year", "quarter", "dayofquarter"), "ordinal": ("year", "ordinalday")}
YEAR_ZERO = days_from_civil(0, 1, 1)


def _integer(fields: dict[str, Any], name: str, low: int, high: int) -> int:
    """Return an integer field, checked against its valid range."""
    value = fields[name]
    if isinstance(value, bool) or not isinstance(value, int):
        raise invalid_type(f"{name} must be an integer, got {value!r}")
    if not low <= value <= high:
        raise invalid_value(f"Invalid value for {name}: {value} (valid values {low} - {high})")
    return value


def date_group(fields: dict[str, Any]) -> str | None:
    """Return which kind of date the fields describe (calendar, week, quarter, ordinal), refusing mixtures.

    >>> date_group({'year': 2015, 'week': 3})
    'week'
    """
    groups = {DATE_GROUPS[name]: name for name in fields if name in DATE_GROUPS}
    if len(groups) > 1:
        names = sorted(groups.values())
        raise invalid_value(f"Cannot combine {names[0]} with {names[1]} in one date")
    return next(iter(groups), None)


def assert_defined_in_order(fields: Collection[str], names: tuple[str, ...]) -> None:
    """Raise unless the first name is given and no name is given without the ones before it.

    >>> assert_defined_in_order({'hour': 1, 'second': 2}, ('hour', 'minute', 'second'))
    Traceback (most recent call last):
    ...
    graphkit.errors.CypherError: ArgumentError: second cannot be specified without minute
    """
    if names[0] not in fields:
        raise invalid_value(f"{names[0]} must be specified")
    missing = None
    for name in names:
        if name not in fields:
            missing = missing or name
        elif missing is not None:
            raise invalid_value(f"{name} cannot be specified without {missing}")


def check_date_fields(fields: dict[str, Any], fully: bool) -> None:
    """Check the date fields of a map without a base date; ``fully``: a time follows, so the date must be complete."""
    group = date_group(fields)
    if group in ("calendar", "week", "quarter"):
        assert_defined_in_order(fields, GROUP_ORDER[group])
    if fully:
        for name in GROUP_ORDER.get(group, ("year", "month")):
            if name not in fields:
                raise invalid_value(f"{name} must be specified")


def _with_field(date: Date, name: str, fields: dict[str, Any], week_based: bool) -> Date:
    """Return ``date`` with one field set the way Java's ``LocalDate.with`` sets it (clamping, or by adding)."""
    epoch_day = date.epoch_day
    week_year, week, weekday = iso_week_date(epoch_day)
    if name == "year" and week_based:
        year = _integer(fields, name, -999_999_999, 999_999_999)
        week = min(week, weeks_in_week_year(year))
        return Date.from_epoch_day(first_monday_of_week_year(year) + (week - 1) * 7 + weekday - 1)
    if name in ("year", "quarter", "month"):
        year, month = date.year, date.month
        if name == "year":
            year = _integer(fields, name, -999_999_999, 999_999_999)
        elif name == "quarter":
            month += (_integer(fields, name, 1, 4) - quarter_of(month)) * 3
        else:
            month = _integer(fields, name, 1, 12)
        return Date(year, month, min(date.day, days_in_month(year, month)))
    if name == "week":
        return Date.from_epoch_day(epoch_day + (_integer(fields, name, 1, 53) - week) * 7)
    if name == "dayofweek":
        return Date.from_epoch_day(epoch_day + _integer(fields, name, 1, 7) - weekday)
    if name == "day":
        return Date(date.year, date.month, _integer(fields, name, 1, days_in_month(date.year, date.month)))
    ordinal = ordinal_day(date.year, date.month, date.day)
    if name == "dayofquarter":
        ordinal += _integer(fields, name, 1, 92) - day_of_quarter(date.year, date.month, date.day)
    else:
        ordinal = _integer(fields, name, 1, days_in_year(date.year))
    if not 1 <= ordinal <= days_in_year(date.year):
        raise invalid_value(f"Invalid day of year {ordinal} in {date.year}")
    return Date.from_epoch_day(days_from_civil(date.year, 1, 1) + ordinal - 1)


def apply_date_fields(base: Date | None, fields: dict[str, Any]) -> Date:
    """Return ``base`` (or 0000-01-01) with the given date fields (lower-case keys) set, as Neo4j builds dates.

    Fields are set from the largest to the smallest; ``year`` means the ISO week year when
    ``week`` is given, and without a base a week date starts from that week year's first Monday.

    >>> apply_date_fields(Date(1816, 12, 31), {'year': 1817, 'week': 2})
    Date('1817-01-07')
    """
    week_based = "week" in fields
    date = base
    if date is None:
        check_date_fields(fields, fully=False)
        date = Date.from_epoch_day(YEAR_ZERO)
        if week_based:
            week_year = _integer(fields, "year", -999_999_999, 999_999_999) if "year" in fields else 0
            date = Date.from_epoch_day(first_monday_of_week_year(week_year))
    date_group(fields)
    for name in DATE_FIELDS:
        if name in fields:
            date = _with_field(date, name, fields, week_based)
    return date


def sub_second_nanos(fields: dict[str, Any]) -> int:
    """Return the nanosecond of second named by ``millisecond``, ``microsecond`` and ``nanosecond`` together.

    Each may run up to the next given larger unit: ``{microsecond: 999999}`` alone is fine.

    >>> sub_second_nanos({'millisecond': 123, 'microsecond': 456, 'nanosecond': 789})
    123456789
    """
    has_millis, has_micros = "millisecond" in fields, "microsecond" in fields
    millis = _integer(fields, "millisecond", 0, 999) if has_millis else 0
    micros = _integer(fields, "microsecond", 0, 999 if has_millis else 999_999) if has_micros else 0
    nanos_limit = 999 if has_micros else 999_999 if has_millis else 999_999_999
    nanos = _integer(fields, "nanosecond", 0, nanos_limit) if "nanosecond" in fields else 0
    return millis * 1_000_000 + micros * 1_000 + nanos


def apply_time_fields(base: int | None, fields: dict[str, Any]) -> int:
    """Return the nanosecond of day ``base`` (or midnight) with the given time fields (lower-case keys) set.

    Without a base, fields must be given from the hour down without gaps. Any of
    ``millisecond``/``microsecond``/``nanosecond`` replaces the whole fraction of the second.

    >>> apply_time_fields(None, {'hour': 12, 'minute': 31, 'second': 14, 'nanosecond': 645876123})
    45074645876123
    """
    if base is None:
        given = {name for name in ("hour", "minute", "second") if name in fields}
        if any(name in fields for name in SUB_SECOND_FIELDS):
            given.add("subsecond")
        if given:
            assert_defined_in_order(given, ("hour", "minute", "second", "subsecond"))
        base = 0
    hours, rest = divmod(base, HOUR)
    minutes, rest = divmod(rest, MINUTE)
    seconds, nanos = divmod(rest, SECOND)
    if "hour" in fields:
        hours = _integer(fields, "hour", 0, 23)
    if "minute" in fields:
        minutes = _integer(fields, "minute", 0, 59)
    if "second" in fields:
        seconds = _integer(fields, "second", 0, 59)
    if any(name in fields for name in SUB_SECOND_FIELDS):
        nanos = sub_second_nanos(fields)
    return hours * HOUR + minutes * MINUTE + seconds * SECOND + nanos


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
