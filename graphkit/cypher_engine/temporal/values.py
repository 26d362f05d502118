"""The six Cypher temporal value types, immutable and hashable, with nanosecond precision.

Equality follows Cypher: two values are equal when they have the same type and the same
fields; a DateTime also needs the same zone (``2015-07-21T21:40+01:00`` is not equal to
``2015-07-21T20:40Z``, though both are the same instant). ``str()`` gives the canonical string
form the TCK uses.

Examples
--------
>>> Date(2015, 7, 21)
Date('2015-07-21')
>>> str(LocalTime(12 * HOUR + 31 * MINUTE + 14 * SECOND + 645_000_000))
'12:31:14.645'
>>> str(Duration(14, 16, 70, 1))
'P1Y2M16DT1M10.000000001S'
"""

from __future__ import annotations

from dataclasses import dataclass

from graphkit.cypher_engine.temporal.calendar import civil_from_days, days_from_civil
from graphkit.cypher_engine.temporal.errors import invalid_value
from graphkit.cypher_engine.temporal.zones import format_offset

SECOND = 1_000_000_000
MINUTE = 60 * SECOND
HOUR = 60 * MINUTE
DAY = 24 * HOUR
AVERAGE_SECONDS_PER_MONTH = 2_629_746
LONG_MIN, LONG_MAX = -(2**63), 2**63 - 1


def truncating_divmod(numerator: int, denominator: int) -> tuple[int, int]:
    """Return quotient and remainder rounded towards zero, as Java's ``/`` and ``%`` do.

    >>> truncating_divmod(-7, 2)
    (-3, -1)
    """
    quotient = abs(numerator) // abs(denominator)
    if (numerator < 0) != (denominator < 0):
        quotient = -quotient
    return quotient, numerator - quotient * denominator


def format_year(year: int) -> str:
    """Return a year as ISO 8601 prints it: four digits, a sign when negative or above 9999.

    >>> format_year(28), format_year(-1), format_year(999999999)
    ('0028', '-0001', '+999999999')
    """
    if year > 9999:
        return f"+{year}"
    if year < 0:
        return f"-{-year:04d}"
    return f"{year:04d}"


def format_time_of_day(nano_of_day: int) -> str:
    """Return ``HH:MM``, adding seconds and the fraction (trailing zeros dropped) only when not zero.

    Seconds are left out when zero as the TCK writes times; the fraction has as many digits
    as it needs, as Neo4j prints it.

    >>> format_time_of_day(HOUR), format_time_of_day(HOUR + 3), format_time_of_day(HOUR + 100_000_000)
    ('01:00', '01:00:00.000000003', '01:00:00.1')
    """
    hours, rest = divmod(nano_of_day, HOUR)
    minutes, rest = divmod(rest, MINUTE)
    seconds, nanos = divmod(rest, SECOND)
    text = f"{hours:02d}:{minutes:02d}"
    if seconds or nanos:
        text += f":{seconds:02d}"
    if nanos:
        text += f".{nanos:09d}".rstrip("0")
    return text


@dataclass(frozen=True, repr=False)
class Date:
    """A calendar date without time or zone."""

    year: int
    month: int
    day: int

    def __post_init__(self) -> None:
        if not -999_999_999 <= self.year <= 999_999_999:
            raise invalid_value(f"Invalid value for Year (valid values -999999999 - 999999999): {self.year}")

    @classmethod
    def from_epoch_day(cls, epoch_day: int) -> Date:
        """Return the date ``epoch_day`` days after 1970-01-01.

        >>> Date.from_epoch_day(1)
        Date('1970-01-02')
        """
        return cls(*civil_from_days(epoch_day))

    @property
    def epoch_day(self) -> int:
        """Days since 1970-01-01."""
        return days_from_civil(self.year, self.month, self.day)

    def __str__(self) -> str:
        return f"{format_year(self.year)}-{self.month:02d}-{self.day:02d}"

    def __repr__(self) -> str:
        return f"Date('{self}')"


@dataclass(frozen=True, repr=False)
class LocalTime:
    """A time of day without zone, as nanoseconds since midnight."""

    nano_of_day: int

    def __str__(self) -> str:
        return format_time_of_day(self.nano_of_day)

    def __repr__(self) -> str:
        return f"LocalTime('{self}')"


@dataclass(frozen=True, repr=False)
class Time:
    """A time of day with a fixed UTC offset in seconds."""

    nano_of_day: int
    offset: int

    @property
    def utc_nanos(self) -> int:
        """Nanoseconds since midnight UTC (may fall outside one day); orders times by instant."""
        return self.nano_of_day - self.offset * SECOND

    def __str__(self) -> str:
        return format_time_of_day(self.nano_of_day) + format_offset(self.offset)

    def __repr__(self) -> str:
        return f"Time('{self}')"


@dataclass(frozen=True, repr=False)
class LocalDateTime:
    """A date and time of day without zone."""

    date: Date
    nano_of_day: int

    @property
    def local_nanos(self) -> int:
        """Nanoseconds since 1970-01-01T00:00 on the local time line."""
        return self.date.epoch_day * DAY + self.nano_of_day

    def __str__(self) -> str:
        return f"{self.date}T{format_time_of_day(self.nano_of_day)}"

    def __repr__(self) -> str:
        return f"LocalDateTime('{self}')"


@dataclass(frozen=True, repr=False)
class DateTime:
    """A date and time in a zone: ``offset`` in seconds, ``zone`` the zone id or None for a fixed offset."""

    date: Date
    nano_of_day: int
    offset: int
    zone: str | None = None

    @property
    def local_nanos(self) -> int:
        """Nanoseconds since 1970-01-01T00:00 on the local time line."""
        return self.date.epoch_day * DAY + self.nano_of_day

    @property
    def epoch_nanos(self) -> int:
        """Nanoseconds since 1970-01-01T00:00Z: the instant."""
        return self.local_nanos - self.offset * SECOND

    @property
    def zone_or_offset(self) -> int | str:
        """The zone id, or the offset in seconds when the zone is a fixed offset."""
        return self.offset if self.zone is None else self.zone

    def __str__(self) -> str:
        text = f"{self.date}T{format_time_of_day(self.nano_of_day)}{format_offset(self.offset)}"
        return f"{text}[{self.zone}]" if self.zone is not None else text

    def __repr__(self) -> str:
        return f"DateTime('{self}')"


def _check_duration_range(months: int, days: int, seconds: int) -> None:
    """Refuse durations Neo4j cannot hold: every part, and their length in average seconds, must fit 64 bits."""
    average_seconds = (months * AVERAGE_SECONDS_PER_MONTH, days * 86_400, seconds)
    if any(not LONG_MIN <= amount <= LONG_MAX for amount in (months, days, *average_seconds, sum(average_seconds))):
        raise invalid_value(f"Invalid value for duration, will cause overflow: months={months}, days={days}, "
                            f"seconds={seconds}")


@dataclass(frozen=True, repr=False, init=False)
class Duration:
    """An amount of time in months, days, seconds and nanoseconds (0 <= nanoseconds < 10**9).

    The three units are kept apart because a month is not a fixed number of days and a day
    is not always 24 hours; seconds and nanoseconds are normalised together.
    """

    months: int
    days: int
    seconds: int
    nanos: int

    def __init__(self, months: int, days: int, seconds: int, nanos: int = 0) -> None:
        carry, nanos = divmod(nanos, SECOND)
        _check_duration_range(months, days, seconds + carry)
        object.__setattr__(self, "months", months)
        object.__setattr__(self, "days", days)
        object.__setattr__(self, "seconds", seconds + carry)
        object.__setattr__(self, "nanos", nanos)

    @property
    def total_nanos(self) -> int:
        """The seconds part as nanoseconds."""
        return self.seconds * SECOND + self.nanos

    def __str__(self) -> str:
        years, months = truncating_divmod(self.months, 12)
        text = "P" + "".join(f"{amount}{unit}" for amount, unit in
                             ((years, "Y"), (months, "M"), (self.days, "D")) if amount)
        total = self.total_nanos
        if total:
            hours, rest = truncating_divmod(total, HOUR)
            minutes, rest = truncating_divmod(rest, MINUTE)
            text += "T" + "".join(f"{amount}{unit}" for amount, unit in ((hours, "H"), (minutes, "M")) if amount)
            if rest:
                seconds, nanos = truncating_divmod(rest, SECOND)
                sign = "-" if rest < 0 else ""
                fraction = f".{abs(nanos):09d}".rstrip("0") if nanos else ""
                text += f"{sign}{abs(seconds)}{fraction}S"
        return text if len(text) > 1 else "PT0S"

    def __repr__(self) -> str:
        return f"Duration('{self}')"


TEMPORAL_TYPES = (Date, LocalTime, Time, LocalDateTime, DateTime, Duration)
