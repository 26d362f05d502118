"""The Cypher temporal constructors: ``date(...)``, ``localtime(...)``, ``time(...)``,
``localdatetime(...)`` and ``datetime(...)`` from a string, a map, another temporal value or
the clock, plus ``*.truncate`` and ``datetime.fromepoch*``.

``kind`` is the lower-case Cypher function name of the type to build.

Examples
--------
>>> construct('date', {'year': 1984, 'week': 10, 'dayOfWeek': 3})
Date('1984-03-07')
>>> construct('time', {'time': construct('time', '12:31:14+01:00'), 'timezone': '+05:00'})
Time('16:31:14+05:00')
>>> truncate('datetime', 'weekYear', construct('date', '1984-02-01'), {'day': 5})
DateTime('1984-01-05T00:00Z')
"""

from __future__ import annotations

from typing import Any

from graphkit.cypher_engine.temporal.calendar import first_monday_of_week_year, iso_week_date
from graphkit.cypher_engine.temporal.errors import invalid_type, invalid_value
from graphkit.cypher_engine.temporal.fields import (
    DATE_FIELDS,
    TIME_FIELDS,
    apply_date_fields,
    apply_time_fields,
    date_of,
    datetime_at_instant,
    make_datetime,
    time_of,
)
from graphkit.cypher_engine.temporal.parse import parse_date, parse_temporal, parse_time
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
from graphkit.cypher_engine.temporal.zones import Zone, offset_at_instant, offset_at_local, parse_zone

TemporalValue = Date | LocalTime | Time | LocalDateTime | DateTime
KINDS = ("date", "localtime", "time", "localdatetime", "datetime")
BASE_KEY = {"date": "date", "localtime": "time", "time": "time", "localdatetime": "datetime", "datetime": "datetime"}
DATE_UNITS = {"millennium": 1000, "century": 100, "decade": 10, "year": 1}
TIME_UNITS = {"day": DAY, "hour": HOUR, "minute": MINUTE, "second": SECOND, "millisecond": 1_000_000,
              "microsecond": 1_000, "nanosecond": 1}


def at_instant(kind: str, epoch_nanos: int, zone: Zone = 0) -> TemporalValue:
    """Return the value of type ``kind`` an instant has when seen in ``zone``.

    >>> at_instant('localtime', 3 * HOUR, 'Europe/Stockholm')
    LocalTime('04:00')
    """
    moment = datetime_at_instant(epoch_nanos, zone)
    return convert(kind, moment.date, moment.nano_of_day, moment.offset, moment.zone_or_offset)


def convert(kind: str, date: Date | None, nano_of_day: int, offset: int | None, zone: Zone | None) -> TemporalValue:
    """Return the value of type ``kind`` with the given parts; zone-less parts get UTC where a zone is needed."""
    if kind == "date":
        return date
    if kind == "localtime":
        return LocalTime(nano_of_day)
    if kind == "time":
        return Time(nano_of_day, 0 if offset is None else offset)
    if kind == "localdatetime":
        return LocalDateTime(date, nano_of_day)
    return make_datetime(date, nano_of_day, 0 if zone is None else zone, offset)


def zone_argument(value: Any) -> Zone:
    """Return the zone a ``timezone`` argument names."""
    if not isinstance(value, str):
        raise invalid_type(f"A time zone must be a string, got {value!r}")
    return parse_zone(value)


def _offset_now(zone: Zone, epoch_nanos: int) -> int:
    """Return a zone's offset at an instant (the offset itself for fixed zones)."""
    return zone if isinstance(zone, int) else offset_at_instant(zone, epoch_nanos // SECOND)


def from_string(kind: str, text: str) -> TemporalValue:
    """Return the value of type ``kind`` an ISO 8601 string names.

    >>> from_string('datetime', '2015-07-21T21:40:32.142[Europe/London]')
    DateTime('2015-07-21T21:40:32.142+01:00[Europe/London]')
    """
    if kind == "date":
        return parse_date(text)
    if kind in ("localtime", "time"):
        nano_of_day, offset = parse_time(text)
        if kind == "localtime" and offset is not None:
            raise invalid_value(f"Text cannot be parsed to a LocalTime: {text!r}")
        return convert(kind, None, nano_of_day, offset, offset)
    date, nano_of_day, offset, zone = parse_temporal(text)
    if kind == "localdatetime" and (offset is not None or zone is not None):
        raise invalid_value(f"Text cannot be parsed to a LocalDateTime: {text!r}")
    return convert(kind, date, nano_of_day, offset, zone if zone is not None else offset)


def _base_parts(fields: dict[str, Any]) -> tuple[Date | None, tuple | None]:
    """Pop ``datetime``, ``date`` and ``time`` from a constructor map; return the base date and time parts."""
    base_date, base_time = None, None
    if "datetime" in fields:
        other = fields.pop("datetime")
        base_date, base_time = date_of(other), time_of(other)
        if base_date is None and base_time is None:
            raise invalid_type(f"datetime must be a temporal value, got {other!r}")
    if "date" in fields:
        other = fields.pop("date")
        base_date = date_of(other)
        if base_date is None:
            raise invalid_type(f"date must be a value with a date, got {other!r}")
    if "time" in fields:
        other = fields.pop("time")
        base_time = time_of(other)
        if base_time is None:
            raise invalid_type(f"time must be a value with a time, got {other!r}")
    return base_date, base_time


def _from_epoch_fields(fields: dict[str, Any], zone: Zone | None) -> DateTime:
    """Return the DateTime a map of ``epochSeconds``/``epochMillis`` and sub-second fields names."""
    seconds, millis = fields.pop("epochseconds", 0), fields.pop("epochmillis", 0)
    nanos = apply_time_fields(0, {name: fields.pop(name) for name in TIME_FIELDS[3:] if name in fields})
    if fields:
        raise invalid_value(f"Cannot combine epoch fields with {sorted(fields)}")
    return datetime_at_instant(seconds * SECOND + millis * 1_000_000 + nanos, 0 if zone is None else zone)


def from_map(kind: str, spec: dict[str, Any], now_nanos: int) -> TemporalValue:
    """Return the value of type ``kind`` described by a constructor map (keys in any case).

    ``now_nanos`` is the statement time, used when the map names no date or time at all.

    >>> from_map('localdatetime', {'year': 1984, 'ordinalDay': 202, 'hour': 12}, 0)
    LocalDateTime('1984-07-20T12:00')
    """
    fields = {key.lower(): value for key, value in spec.items()}
    zone = zone_argument(fields.pop("timezone")) if "timezone" in fields else None
    if kind == "datetime" and ("epochseconds" in fields or "epochmillis" in fields):
        return _from_epoch_fields(fields, zone)
    base_date, base_time = _base_parts(fields)
    unknown = set(fields) - set(DATE_FIELDS) - set(TIME_FIELDS)
    if unknown:
        raise invalid_value(f"Unknown field(s) for {kind}(): {sorted(unknown)}")
    date_fields = {name: value for name, value in fields.items() if name in DATE_FIELDS}
    time_fields = {name: value for name, value in fields.items() if name in TIME_FIELDS}
    if (kind == "date" and time_fields) or (kind in ("localtime", "time") and date_fields):
        raise invalid_value(f"{kind}() does not take the fields {sorted(time_fields or date_fields)}")
    if base_date is None and base_time is None and not date_fields and not time_fields:
        return at_instant(kind, now_nanos, 0 if zone is None else zone)
    base_nanos, base_offset, base_zone = base_time if base_time is not None else (None, None, None)
    nano_of_day = apply_time_fields(base_nanos, time_fields)
    if kind == "time":
        if base_offset is not None and zone is not None:
            new_offset = _offset_now(zone, now_nanos)
            return Time((nano_of_day + (new_offset - base_offset) * SECOND) % DAY, new_offset)
        offset = base_offset if base_offset is not None else (0 if zone is None else _offset_now(zone, now_nanos))
        return Time(nano_of_day, offset)
    date = apply_date_fields(base_date, date_fields) if kind != "localtime" else None
    if kind != "datetime":
        return convert(kind, date, nano_of_day, None, None)
    if base_zone is None:
        return make_datetime(date, nano_of_day, 0 if zone is None else zone)
    moment = make_datetime(date, nano_of_day, base_zone, base_offset)
    return moment if zone is None else datetime_at_instant(moment.epoch_nanos, zone)


def construct(kind: str, argument: Any, now_nanos: int = 0) -> TemporalValue | None:
    """Return ``kind(argument)``: parse a string, build from a map, or take the parts of a temporal value.

    >>> construct('localtime', construct('datetime', '2015-07-21T21:40:32+01:00'))
    LocalTime('21:40:32')
    """
    if argument is None:
        return None
    if isinstance(argument, str):
        return from_string(kind, argument)
    if isinstance(argument, dict):
        return from_map(kind, argument, now_nanos)
    if date_of(argument) is not None or time_of(argument) is not None:
        return from_map(kind, {BASE_KEY[kind]: argument}, now_nanos)
    raise invalid_type(f"{kind}() takes a string, a map or a temporal value, got {argument!r}")


def _truncate_date(unit: str, date: Date) -> Date:
    """Return a date cut down to the start of its millennium, ..., week or day."""
    if unit in DATE_UNITS:
        size = DATE_UNITS[unit]
        return Date(date.year // size * size, 1, 1)
    if unit == "weekyear":
        return Date.from_epoch_day(first_monday_of_week_year(iso_week_date(date.epoch_day)[0]))
    if unit == "quarter":
        return Date(date.year, (date.month - 1) // 3 * 3 + 1, 1)
    if unit == "month":
        return Date(date.year, date.month, 1)
    if unit == "week":
        return Date.from_epoch_day(date.epoch_day - iso_week_date(date.epoch_day)[2] + 1)
    return date


def truncate(kind: str, unit: Any, value: Any, spec: dict[str, Any] | None = None) -> TemporalValue | None:
    """Return ``kind.truncate(unit, value, spec)``: ``value`` cut down to ``unit``, then ``spec`` fields applied.

    >>> truncate('time', 'hour', construct('localtime', '12:31:14'), {'timezone': '+01:00'})
    Time('12:00+01:00')
    """
    if value is None or unit is None:
        return None
    if not isinstance(unit, str):
        raise invalid_type(f"A truncation unit must be a string, got {unit!r}")
    unit = unit.lower()
    if unit not in DATE_UNITS and unit not in TIME_UNITS and unit not in ("weekyear", "quarter", "month", "week"):
        raise invalid_value(f"Unknown truncation unit: {unit!r}")
    date, parts = date_of(value), time_of(value)
    if date is None and parts is None:
        raise invalid_type(f"{kind}.truncate() takes a temporal value, got {value!r}")
    if kind == "date" and unit in TIME_UNITS and unit != "day":
        raise invalid_value(f"Cannot truncate a date to the unit {unit!r}")
    if unit not in TIME_UNITS or unit == "day":
        if kind in ("localtime", "time") and unit != "day":
            raise invalid_value(f"Cannot truncate a time to the unit {unit!r}")
        if date is None and kind not in ("localtime", "time"):
            raise invalid_value(f"Cannot truncate a value without a date to the unit {unit!r}")
    nano_of_day, offset, zone = parts if parts is not None else (0, None, None)
    nano_of_day -= nano_of_day % TIME_UNITS.get(unit, DAY)
    fields = {key.lower(): item for key, item in (spec or {}).items()}
    if "timezone" in fields:
        zone = zone_argument(fields.pop("timezone"))
        offset = zone if isinstance(zone, int) else None
    unknown = set(fields) - set(DATE_FIELDS) - set(TIME_FIELDS)
    if unknown:
        raise invalid_value(f"Unknown field(s) for {kind}.truncate(): {sorted(unknown)}")
    nano_of_day = apply_time_fields(nano_of_day, {k: v for k, v in fields.items() if k in TIME_FIELDS})
    if date is not None:
        date = apply_date_fields(_truncate_date(unit, date), {k: v for k, v in fields.items() if k in DATE_FIELDS})
    if kind == "time" and isinstance(zone, str):
        offset = offset_at_local(zone, date.epoch_day if date else 0, nano_of_day)
    return convert(kind, date, nano_of_day, offset, zone)
