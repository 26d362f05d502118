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

from dataclasses import replace
from typing import Any

from graphkit.cypher_engine.temporal.calendar import first_monday_of_week_year, iso_week_date
from graphkit.cypher_engine.temporal.errors import invalid_type, invalid_value
from graphkit.cypher_engine.temporal.fields import (
    DATE_FIELDS,
    TIME_FIELDS,
    apply_date_fields,
    apply_time_fields,
    check_date_fields,
    date_of,
    datetime_at_instant,
    make_datetime,
    sub_second_nanos,
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
    truncating_divmod,
)
from graphkit.cypher_engine.temporal.zones import Zone, offset_at_instant, offset_at_local, parse_zone

TemporalValue = Date | LocalTime | Time | LocalDateTime | DateTime
KINDS = ("date", "localtime", "time", "localdatetime", "datetime")
BASE_KEY = {"date": "date", "localtime": "time", "time": "time", "localdatetime": "datetime", "datetime": "datetime"}
UNSUPPORTED_SELECTORS = {
    "date": {"time", "datetime", "epochseconds", "epochmillis"},
    "localtime": {"date", "datetime", "epochseconds", "epochmillis"},
    "time": {"date", "datetime", "epochseconds", "epochmillis"},
    "localdatetime": {"epochseconds", "epochmillis"},
    "datetime": set(),
}
UNITS = ("millennium", "century", "decade", "year", "weekYear", "quarter", "month", "week", "day",
         "hour", "minute", "second", "millisecond", "microsecond")
YEAR_UNITS = {"millennium": 1000, "century": 100, "decade": 10, "year": 1}
TIME_UNITS = {"hour": HOUR, "minute": MINUTE, "second": SECOND, "millisecond": 1_000_000, "microsecond": 1_000}


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
    if kind == "datetime" and zone is not None and offset is not None:
        moment = make_datetime(date, nano_of_day, zone, offset)
        if (moment.offset, moment.nano_of_day) != (offset, nano_of_day):
            raise invalid_value(f"Timezone and offset do not match: {text!r}")
        return moment
    return convert(kind, date, nano_of_day, offset, zone if zone is not None else offset)


def _epoch_base(fields: dict[str, Any], zone: Zone | None) -> DateTime:
    """Pop ``epochSeconds`` or ``epochMillis`` and return the DateTime they name, seen in ``zone`` (default UTC)."""
    if "epochseconds" in fields and "epochmillis" in fields:
        raise invalid_value("epochMillis cannot be selected together with epochSeconds")
    unit, amount = (SECOND, fields.pop("epochseconds")) if "epochseconds" in fields else (
        1_000_000, fields.pop("epochmillis"))
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise invalid_type(f"Cannot construct a datetime from the epoch value {amount!r}")
    return datetime_at_instant(amount * unit, 0 if zone is None else zone)


def _base_parts(fields: dict[str, Any], zone: Zone | None) -> tuple[Date | None, tuple | None]:
    """Pop the selectors (``datetime``, ``date``, ``time``, ``epochSeconds``, ``epochMillis``) from a map.

    Returns the base date and the base time parts (see :func:`time_of`). ``datetime`` and the
    epoch selectors exclude each other and ``date``/``time``.
    """
    whole = [name for name in ("datetime", "epochseconds", "epochmillis") if name in fields]
    if whole and ("date" in fields or "time" in fields):
        raise invalid_value(f"{whole[0]} cannot be selected together with date or time")
    if "epochseconds" in fields or "epochmillis" in fields:
        if "datetime" in fields:
            raise invalid_value("datetime cannot be selected together with an epoch value")
        moment = _epoch_base(fields, zone)
        return moment.date, time_of(moment)
    base_date, base_time = None, None
    if "datetime" in fields:
        other = fields.pop("datetime")
        if not isinstance(other, (LocalDateTime, DateTime)):
            raise invalid_type(f"Cannot select a date and time from {other!r}")
        base_date, base_time = date_of(other), time_of(other)
    if "date" in fields:
        other = fields.pop("date")
        base_date = date_of(other)
        if base_date is None:
            raise invalid_type(f"Cannot get the date of {other!r}")
    if "time" in fields:
        other = fields.pop("time")
        base_time = time_of(other)
        if base_time is None:
            raise invalid_type(f"Cannot get the time of {other!r}")
    return base_date, base_time


def from_map(kind: str, spec: dict[str, Any], now_nanos: int) -> TemporalValue:
    """Return the value of type ``kind`` described by a constructor map (keys in any case).

    ``now_nanos`` is the statement time, used when the map names no date or time at all.

    >>> from_map('localdatetime', {'year': 1984, 'ordinalDay': 202, 'hour': 12}, 0)
    LocalDateTime('1984-07-20T12:00')
    """
    fields = {key.lower(): value for key, value in spec.items()}
    if not fields:
        raise invalid_value("At least one temporal unit must be specified")
    unsupported = sorted(set(fields) & UNSUPPORTED_SELECTORS[kind])
    if unsupported:
        raise invalid_type(f"Not supported in {kind}(): {unsupported[0]}")
    zone = zone_argument(fields.pop("timezone")) if "timezone" in fields else None
    base_date, base_time = _base_parts(fields, zone)
    unknown = set(fields) - set(DATE_FIELDS) - set(TIME_FIELDS)
    if unknown:
        raise invalid_value(f"Unknown field(s) for {kind}(): {sorted(unknown)}")
    date_fields = {name: value for name, value in fields.items() if name in DATE_FIELDS}
    time_fields = {name: value for name, value in fields.items() if name in TIME_FIELDS}
    if (kind == "date" and time_fields) or (kind in ("localtime", "time") and date_fields):
        raise invalid_value(f"{kind}() does not take the fields {sorted(time_fields or date_fields)}")
    if base_date is None and base_time is None and not date_fields and not time_fields:
        return at_instant(kind, now_nanos, 0 if zone is None else zone)
    if zone is not None and kind in ("date", "localtime", "localdatetime"):
        raise invalid_value(f"{kind}() takes a timezone only to read the clock, not with other fields")
    if kind in ("localdatetime", "datetime") and base_date is None and (time_fields or base_time):
        if not date_fields:
            raise invalid_value("year must be specified")
        check_date_fields(date_fields, fully=True)
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
    moment = make_datetime(date, nano_of_day, base_zone)
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


def truncate_date(unit: str, date: Date) -> Date:
    """Return the first day of the millennium, century, ..., week holding ``date`` (``day``: the date itself).

    Years are cut towards zero, as Neo4j does: the millennium of year -1 starts in year 0.

    >>> truncate_date('weekYear', Date(1984, 1, 1))
    Date('1983-01-03')
    """
    if unit in YEAR_UNITS:
        return Date(date.year - truncating_divmod(date.year, YEAR_UNITS[unit])[1], 1, 1)
    if unit == "weekYear":
        return Date.from_epoch_day(first_monday_of_week_year(iso_week_date(date.epoch_day)[0]))
    if unit == "quarter":
        return Date(date.year, (date.month - 1) // 3 * 3 + 1, 1)
    if unit == "month":
        return Date(date.year, date.month, 1)
    if unit == "week":
        return Date.from_epoch_day(date.epoch_day - iso_week_date(date.epoch_day)[2] + 1)
    return date


def _merge_sub_seconds(unit: str, nano_of_day: int, fields: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """Fold sub-second fields smaller than ``unit`` into the truncated time, as Neo4j does.

    Truncating to milliseconds and then giving ``nanosecond: 2`` keeps the milliseconds;
    fields that would otherwise replace the whole fraction are consumed here.
    """
    fraction = nano_of_day % SECOND
    if unit == "millisecond" and ("microsecond" in fields or "nanosecond" in fields):
        parts = {"millisecond": fraction // 1_000_000}
    elif unit == "microsecond" and "nanosecond" in fields:
        parts = {"microsecond": fraction // 1_000}
    else:
        return nano_of_day, fields
    smaller = {name: fields[name] for name in ("microsecond", "nanosecond") if name in fields}
    rest = {name: value for name, value in fields.items() if name not in smaller}
    return nano_of_day - fraction + sub_second_nanos(parts | smaller), rest


def truncate(kind: str, unit: Any, value: Any, spec: dict[str, Any] | None = None) -> TemporalValue | None:
    """Return ``kind.truncate(unit, value, spec)``: ``value`` cut down to ``unit``, then ``spec`` fields applied.

    A ``timezone`` in ``spec`` replaces the zone keeping the local date and time.

    >>> truncate('time', 'hour', construct('localtime', '12:31:14'), {'timezone': '+01:00'})
    Time('12:00+01:00')
    """
    if value is None or unit is None:
        return None
    if unit not in UNITS:
        raise invalid_value(f"Unsupported truncation unit: {unit!r}")
    date, parts = date_of(value), time_of(value)
    if date is None and parts is None:
        raise invalid_type(f"{kind}.truncate() takes a temporal value, got {value!r}")
    fields = {key.lower(): item for key, item in (spec or {}).items()}
    time_based = unit in TIME_UNITS
    if kind == "date" and time_based or kind in ("localtime", "time") and unit in UNITS[:8]:
        raise invalid_value(f"Cannot truncate to {unit!r} with {kind}.truncate()")
    if kind in ("localdatetime", "datetime") and time_based and not isinstance(value, (LocalDateTime, DateTime)):
        raise invalid_value(f"Cannot truncate {value} to a {kind} with a time based unit")
    if date is None and kind not in ("localtime", "time") or parts is None and kind in ("localtime", "time"):
        raise invalid_value(f"Cannot truncate {value} to a {kind}")
    nano_of_day, offset, zone = parts if parts is not None else (0, None, None)
    nano_of_day = nano_of_day - nano_of_day % TIME_UNITS[unit] if time_based else 0
    if kind == "date":
        truncated: TemporalValue = truncate_date(unit, date)
    elif kind == "localtime":
        truncated = LocalTime(nano_of_day)
    elif kind == "localdatetime":
        truncated = LocalDateTime(truncate_date(unit, date) if not time_based else date, nano_of_day)
    elif kind == "time":
        new_zone = zone_argument(fields.pop("timezone")) if "timezone" in fields else None
        offset = offset if new_zone is None else offset_at_local(new_zone, date.epoch_day if date else 0, nano_of_day)
        truncated = Time(nano_of_day, 0 if offset is None else offset)
    else:
        zone = zone_argument(fields.pop("timezone")) if "timezone" in fields else zone
        truncated = make_datetime(truncate_date(unit, date) if not time_based else date, nano_of_day,
                                  0 if zone is None else zone)
    if kind != "date":
        nano_of_day, fields = _merge_sub_seconds(unit, truncated.nano_of_day, fields)
        truncated = replace(truncated, nano_of_day=nano_of_day)
    if not fields:
        return truncated
    return from_map(kind, fields | {BASE_KEY[kind]: truncated}, 0)
