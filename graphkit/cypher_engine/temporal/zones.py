"""Time zones: fixed UTC offsets (seconds east of UTC) and IANA zone ids resolved with zoneinfo.

A zone is an ``int`` (a fixed offset in seconds) or a ``str`` (a zone id such as
``'Europe/Stockholm'``). Named zones are looked up in the tz database; outside the years Python's
``datetime`` supports (1-9999) the nearest supported year's rules are used.

Examples
--------
>>> parse_zone('+01:00'), parse_zone('Z'), parse_zone('Europe/Stockholm')
(3600, 0, 'Europe/Stockholm')
>>> format_offset(3208)
'+00:53:28'
>>> offset_at_local('Europe/Stockholm', 5450, 12 * 3600)
3600
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from graphkit.cypher_engine.temporal.calendar import civil_from_days, days_from_civil
from graphkit.cypher_engine.temporal.errors import invalid_value

Zone = int | str

TEXT_OFFSET_PATTERN = re.compile(r"(?P<sign>[+-])(?P<hours>\d{2})(?::?(?P<minutes>\d{2}))?")
ARGUMENT_OFFSET_PATTERN = re.compile(r"(?P<sign>[+-])(?P<hours>\d{2}):(?P<minutes>\d{2})(?::(?P<seconds>\d{2}))?")
# Java's tz database, and so Neo4j, leaves out these fixed-offset aliases.
EXCLUDED_ZONE_IDS = frozenset({"EST", "MST", "HST"})
MAX_OFFSET = 18 * 3600
PYTHON_EPOCH_DAYS = (days_from_civil(1, 1, 2), days_from_civil(9999, 12, 30))


def _offset_seconds(match: re.Match | None, text: str) -> int | None:
    """Return the signed offset a matched offset pattern names, None without a match."""
    if match is None:
        return None
    groups = match.groupdict()
    seconds = int(groups["hours"]) * 3600 + int(groups["minutes"] or 0) * 60 + int(groups.get("seconds") or 0)
    if seconds > MAX_OFFSET:
        raise invalid_value(f"Invalid time zone offset: {text!r}")
    return -seconds if groups["sign"] == "-" else seconds


def parse_offset(text: str) -> int | None:
    """Return the offset in seconds of an offset inside a temporal string: ``Z``, ``+01``, ``+0100``, ``+01:00``.

    Returns None when ``text`` is not such an offset.

    >>> parse_offset('-0130')
    -5400
    """
    if text in ("Z", "z"):
        return 0
    return _offset_seconds(TEXT_OFFSET_PATTERN.fullmatch(text), text)


@lru_cache(maxsize=1)
def _zone_names() -> dict[str, str]:
    """Return every known zone id keyed by its lower-case form."""
    return {name.lower(): name for name in available_timezones() if name not in EXCLUDED_ZONE_IDS}


def canonical_zone_id(text: str) -> str:
    """Return the zone id ``text`` names, matched case-insensitively with spaces read as underscores.

    >>> canonical_zone_id('america/new york')
    'America/New_York'
    """
    name = _zone_names().get(text.replace(" ", "_").lower())
    if name is None:
        raise invalid_value(f"Invalid value for TimeZone: {text!r}")
    return name


def _packaged_zone(zone_id: str) -> ZoneInfo | None:
    """Return a zone from the ``tzdata`` package, None when the package or the zone is missing.

    The package is preferred to the system database because some systems build theirs with
    the pre-1970 "backzone" history (Stockholm's own local mean time), while Neo4j, and so
    the TCK, use the mainline database (where Europe/Stockholm follows Europe/Berlin).
    """
    try:
        resource = resources.files("tzdata.zoneinfo").joinpath(*zone_id.split("/"))
        with resource.open("rb") as data:
            return ZoneInfo.from_file(data, key=zone_id)
    except (ModuleNotFoundError, OSError, ValueError):
        return None


@lru_cache(maxsize=256)
def zone_info(zone_id: str) -> ZoneInfo:
    """Return the tz database entry of a zone id, raising a Cypher error for unknown ids.

    >>> zone_info('Europe/London').key
    'Europe/London'
    """
    zone_id = canonical_zone_id(zone_id)
    packaged = _packaged_zone(zone_id)
    if packaged is not None:
        return packaged
    try:
        return ZoneInfo(zone_id)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise invalid_value(f"Unknown time zone: {zone_id!r}") from error


def parse_zone(text: str) -> Zone:
    """Return the zone a ``timezone`` argument names: ``Z``, ``+01:00``, ``-02:05:07`` or a zone id.

    >>> parse_zone('-02:05:07'), parse_zone('europe/stockholm')
    (-7507, 'Europe/Stockholm')
    """
    if text == "Z":
        return 0
    offset = _offset_seconds(ARGUMENT_OFFSET_PATTERN.fullmatch(text), text)
    return offset if offset is not None else canonical_zone_id(text)


def format_offset(seconds: int) -> str:
    """Return an offset as Cypher prints it: ``Z``, ``+01:00`` or ``+02:05:59``.

    >>> format_offset(-5400), format_offset(0)
    ('-01:30', 'Z')
    """
    if seconds == 0:
        return "Z"
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{sign}{hours:02d}:{minutes:02d}"
    return f"{text}:{secs:02d}" if secs else text


def _python_datetime(epoch_day: int, second_of_day: int) -> datetime:
    """Return a naive datetime for a day and second, the day clamped to Python's range."""
    year, month, day = civil_from_days(min(max(epoch_day, PYTHON_EPOCH_DAYS[0]), PYTHON_EPOCH_DAYS[1]))
    hours, rest = divmod(second_of_day, 3600)
    return datetime(year, month, day, hours, rest // 60, rest % 60)


def offset_at_local(zone: Zone, epoch_day: int, nano_of_day: int) -> int:
    """Return the offset a zone has at a local date and time.

    In a gap (clocks moved forward) this is the offset before the gap, so that resolving the
    instant moves the time forward as Java's ``ZonedDateTime.ofLocal`` does; in an overlap it
    is the earlier offset.

    >>> offset_at_local('Europe/Stockholm', 6050, 0)
    7200
    """
    if isinstance(zone, int):
        return zone
    local = _python_datetime(epoch_day, nano_of_day // 1_000_000_000).replace(tzinfo=zone_info(zone))
    return int(local.utcoffset().total_seconds())


def offset_at_instant(zone: Zone, epoch_second: int) -> int:
    """Return the offset a zone has at an instant given in seconds since the epoch.

    >>> offset_at_instant('Europe/Stockholm', 0)
    3600
    """
    if isinstance(zone, int):
        return zone
    day, second = divmod(epoch_second, 86400)
    utc = _python_datetime(day, second).replace(tzinfo=UTC)
    try:
        local = utc.astimezone(zone_info(zone))
    except OverflowError:
        local = (utc - timedelta(days=2)).astimezone(zone_info(zone))
    return int(local.utcoffset().total_seconds())
