"""Building durations from components, following Neo4j's rules for fractional amounts.

Whole-number components are added exactly. When any component is fractional the amount is
spread downwards the way Neo4j does it, with the same floating-point steps so results match
to the nanosecond: the fraction of a month becomes days at the average month length
(365.2425 / 12 days), the fraction of a day becomes 86,400-second seconds, and the fraction
of a second becomes nanoseconds.

Examples
--------
>>> str(duration_from_components(months=0.75))
'P22DT19H51M49.5S'
>>> str(duration_from_components(days=14, seconds=70, milliseconds=1))
'P14DT1M10.001S'
"""

from __future__ import annotations

import math

from graphkit.cypher_engine.temporal.errors import invalid_value
from graphkit.cypher_engine.temporal.values import AVERAGE_SECONDS_PER_MONTH, SECOND, Duration

NANOS_PER_DAY = 86_400 * SECOND
AVERAGE_NANOS_PER_MONTH = AVERAGE_SECONDS_PER_MONTH * SECOND
LONG_RANGE = 2**63

Number = int | float


def _to_long(value: float) -> int:
    """Return a float truncated towards zero as Java's ``(long)`` cast does (NaN gives 0), failing beyond a long."""
    if value != value:
        return 0
    if not -LONG_RANGE <= value < LONG_RANGE:
        raise invalid_value(f"Duration component out of range: {value}")
    return int(value)


def approximate(months: float, days: float, seconds: float, nanos: float) -> Duration:
    """Return the duration for fractional months, days, seconds and nanoseconds.

    Each unit keeps its whole part and passes the fraction down, in the same floating-point
    steps as Neo4j so that results agree to the nanosecond.

    >>> str(approximate(5.0, 1.5, 0.0, 0.0))
    'P5M1DT12H'
    """
    whole_months = _to_long(months)
    days += AVERAGE_NANOS_PER_MONTH * (months - whole_months) / NANOS_PER_DAY
    whole_days = _to_long(days)
    seconds += NANOS_PER_DAY * (days - whole_days) / SECOND
    whole_seconds = _to_long(seconds)
    nanos += SECOND * (seconds - whole_seconds)
    return Duration(whole_months, whole_days, whole_seconds, _to_long(nanos))


def duration_from_components(years: Number = 0, months: Number = 0, weeks: Number = 0, days: Number = 0,
                             hours: Number = 0, minutes: Number = 0, seconds: Number = 0,
                             milliseconds: Number = 0, microseconds: Number = 0,
                             nanoseconds: Number = 0) -> Duration:
    """Return the duration with the given amounts of each unit (any may be negative or fractional).

    >>> str(duration_from_components(minutes=1.5, seconds=1))
    'PT1M31S'
    """
    amounts = (years, months, weeks, days, hours, minutes, seconds, milliseconds, microseconds, nanoseconds)
    if not all(isinstance(amount, int) for amount in amounts):
        years, months, weeks, days, hours, minutes, seconds, milliseconds, microseconds, nanoseconds = (
            float(amount) for amount in amounts)
    total_months = years * 12 + months
    total_days = weeks * 7 + days
    total_seconds = hours * 3600 + minutes * 60 + seconds
    total_nanos = milliseconds * 1_000_000 + microseconds * 1_000 + nanoseconds
    if isinstance(total_months, int):
        return Duration(total_months, total_days, total_seconds, total_nanos)
    return approximate(total_months, total_days, total_seconds, total_nanos)


def multiply(duration: Duration, factor: Number) -> Duration:
    """Return a duration times a number: exact for integers, spread down for floats.

    >>> str(multiply(Duration(1, 0, 0), 0.5))
    'P15DT5H14M33S'
    """
    if isinstance(factor, int):
        return Duration(duration.months * factor, duration.days * factor,
                        duration.seconds * factor, duration.nanos * factor)
    return approximate(duration.months * factor, duration.days * factor,
                       duration.seconds * factor, duration.nanos * factor)


def _divide_by_zero(amount: int) -> float:
    """Return ``amount / 0.0`` as IEEE floats (and Java) define it: NaN for zero, else an infinity."""
    return math.nan if amount == 0 else math.copysign(math.inf, amount)


def divide(duration: Duration, divisor: Number) -> Duration:
    """Return a duration divided by a number, spreading remainders down to smaller units.

    >>> str(divide(Duration(0, 1, 0), 2))
    'PT12H'
    """
    if divisor == 0 and isinstance(divisor, int):
        raise invalid_value("Cannot divide a duration by zero")
    divisor = float(divisor)
    if divisor == 0:
        return approximate(*(_divide_by_zero(amount) for amount in (
            duration.months, duration.days, duration.seconds, duration.nanos)))
    return approximate(duration.months / divisor, duration.days / divisor,
                       duration.seconds / divisor, duration.nanos / divisor)
