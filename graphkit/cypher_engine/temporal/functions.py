"""The temporal Cypher functions by lower-case name, called with already evaluated arguments.

Examples
--------
>>> TEMPORAL_FUNCTIONS['date']('2015-W30-2')
Date('2015-07-21')
>>> TEMPORAL_FUNCTIONS['duration.inmonths'](TEMPORAL_FUNCTIONS['date']('2018-03-11'),
...                                         TEMPORAL_FUNCTIONS['date']('2016-06-24'))
Duration('P-1Y-8M')
>>> TEMPORAL_FUNCTIONS['datetime.fromepochmillis'](237821673987)
DateTime('1977-07-15T13:34:33.987Z')
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphkit.cypher_engine.temporal.between import (
    duration_between,
    duration_in_days,
    duration_in_months,
    duration_in_seconds,
)
from graphkit.cypher_engine.temporal.clock import realtime_nanos, statement_nanos
from graphkit.cypher_engine.temporal.construct import KINDS, at_instant, construct, truncate, zone_argument
from graphkit.cypher_engine.temporal.duration import duration_from_components
from graphkit.cypher_engine.temporal.errors import invalid_type, invalid_value
from graphkit.cypher_engine.temporal.fields import datetime_at_instant
from graphkit.cypher_engine.temporal.parse import parse_duration
from graphkit.cypher_engine.temporal.values import SECOND, DateTime, Duration
from graphkit.errors import CypherError

DURATION_UNITS = {unit.lower(): unit for unit in (
    "years", "months", "weeks", "days", "hours", "minutes", "seconds", "milliseconds", "microseconds",
    "nanoseconds")}


def _constructor(kind: str) -> Callable[..., Any]:
    """Return the Cypher function ``kind(...)``."""
    def function(*arguments: Any) -> Any:
        if not arguments:
            return at_instant(kind, statement_nanos())
        return construct(kind, arguments[0], statement_nanos())
    function.__doc__ = f"Return ``{kind}()``, ``{kind}(string)``, ``{kind}(map)`` or ``{kind}(temporal)``."
    return function


def _clock(kind: str, read_clock: Callable[[], int]) -> Callable[..., Any]:
    """Return ``kind.transaction/statement/realtime(...)`` reading the given clock."""
    def function(*arguments: Any) -> Any:
        if not arguments:
            return at_instant(kind, read_clock())
        zone = arguments[0]
        if zone is None:
            return None
        if isinstance(zone, dict):
            return construct(kind, zone, read_clock())
        return at_instant(kind, read_clock(), zone_argument(zone))
    function.__doc__ = f"Return the current {kind}, in UTC or in the time zone given."
    return function


def _truncator(kind: str) -> Callable[..., Any]:
    """Return the Cypher function ``kind.truncate(...)``."""
    def function(unit: Any, value: Any, fields: dict[str, Any] | None = None) -> Any:
        return truncate(kind, unit, value, fields)
    function.__doc__ = f"Return ``{kind}.truncate(unit, temporal, map)``."
    return function


def _integer_argument(value: Any, name: str) -> int:
    """Return an integer argument, raising a Cypher type error otherwise."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise invalid_type(f"{name} must be an integer, got {value!r}")
    return value


def datetime_from_epoch(seconds: Any, nanoseconds: Any = 0) -> DateTime | None:
    """Return ``datetime.fromepoch(seconds, nanoseconds)`` in UTC.

    >>> datetime_from_epoch(416779, 999999999)
    DateTime('1970-01-05T19:46:19.999999999Z')
    """
    if seconds is None or nanoseconds is None:
        return None
    nanoseconds = _integer_argument(nanoseconds, "nanoseconds")
    if not 0 <= nanoseconds < SECOND:
        raise invalid_value(f"Invalid nanosecond: {nanoseconds}")
    return datetime_at_instant(_integer_argument(seconds, "seconds") * SECOND + nanoseconds, 0)


def datetime_from_epoch_millis(milliseconds: Any) -> DateTime | None:
    """Return ``datetime.fromepochmillis(milliseconds)`` in UTC."""
    if milliseconds is None:
        return None
    return datetime_at_instant(_integer_argument(milliseconds, "milliseconds") * 1_000_000, 0)


def duration(argument: Any) -> Duration | None:
    """Return ``duration(string)`` or ``duration(map)``.

    >>> duration({'weeks': 2.5})
    Duration('P17DT12H')
    """
    if argument is None or isinstance(argument, Duration):
        return argument
    if isinstance(argument, str):
        return parse_duration(argument)
    if not isinstance(argument, dict):
        raise invalid_type(f"duration() takes a string or a map, got {argument!r}")
    amounts = {}
    for key, value in argument.items():
        if key.lower() not in DURATION_UNITS:
            raise invalid_value(f"Unknown duration unit: {key!r}")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise invalid_type(f"Duration amounts must be numbers, got {key}: {value!r}")
        amounts[key.lower()] = value
    return duration_from_components(**amounts)


def _checked_arity(name: str, function: Callable[..., Any], low: int, high: int) -> Callable[..., Any]:
    """Return ``function`` refusing calls with fewer than ``low`` or more than ``high`` arguments."""
    def checked(*arguments: Any) -> Any:
        if not low <= len(arguments) <= high:
            expected = str(low) if low == high else f"{low} to {high}"
            raise CypherError(f"{name}() takes {expected} argument(s), got {len(arguments)}", kind="SyntaxError",
                              phase="runtime", detail="InvalidNumberOfArguments")
        return function(*arguments)
    checked.__doc__ = function.__doc__
    return checked


def _build_registry() -> dict[str, Callable[..., Any]]:
    """Return every temporal function keyed by its lower-case Cypher name, with its argument count checked."""
    registry: dict[str, tuple[Callable[..., Any], int, int]] = {}
    for kind in KINDS:
        registry[kind] = (_constructor(kind), 0, 1)
        registry[f"{kind}.transaction"] = (_clock(kind, statement_nanos), 0, 1)
        registry[f"{kind}.statement"] = (_clock(kind, statement_nanos), 0, 1)
        registry[f"{kind}.realtime"] = (_clock(kind, realtime_nanos), 0, 1)
        registry[f"{kind}.truncate"] = (_truncator(kind), 2, 3)
    registry.update({
        "datetime.fromepoch": (datetime_from_epoch, 2, 2),
        "datetime.fromepochmillis": (datetime_from_epoch_millis, 1, 1),
        "duration": (duration, 1, 1),
        "duration.between": (duration_between, 2, 2),
        "duration.inmonths": (duration_in_months, 2, 2),
        "duration.indays": (duration_in_days, 2, 2),
        "duration.inseconds": (duration_in_seconds, 2, 2),
    })
    return {name: _checked_arity(name, function, low, high) for name, (function, low, high) in registry.items()}


TEMPORAL_FUNCTIONS: dict[str, Callable[..., Any]] = _build_registry()
