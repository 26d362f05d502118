"""Temporal values in JSON: hooks for ``json.dump(default=...)`` and ``json.load(object_hook=...)``.

A temporal value becomes ``{"$cypher": "<Type>", "value": "<canonical string>"}``; the string
form parses back to an equal value (zone id and offset included), so graph files can hold
temporal properties.

Examples
--------
>>> import json
>>> from graphkit.cypher_engine.temporal.values import Date
>>> text = json.dumps({'founded': Date(1999, 9, 9)}, default=json_default)
>>> text
'{"founded": {"$cypher": "Date", "value": "1999-09-09"}}'
>>> json.loads(text, object_hook=json_object_hook)
{'founded': Date('1999-09-09')}
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from graphkit.cypher_engine.temporal.construct import from_string
from graphkit.cypher_engine.temporal.errors import invalid_value
from graphkit.cypher_engine.temporal.parse import parse_duration
from graphkit.cypher_engine.temporal.values import TEMPORAL_TYPES, DateTime, Time
from graphkit.cypher_engine.temporal.zones import canonical_zone_id, parse_zone

TYPE_KEY = "$cypher"
# The canonical form ends in an offset that may carry seconds ('+00:53:28'), which Cypher's own
# parser refuses, so zoned values are split here and rebuilt field by field.
ZONED_TEXT = re.compile(r"(?P<local>.+?)(?P<offset>Z|[+-]\d{2}:\d{2}(?::\d{2})?)(?:\[(?P<zone>[^\]]+)\])?")


def _split_zoned(text: str) -> re.Match:
    """Return the match of a canonical Time or DateTime string, raising a Cypher error for anything else."""
    match = ZONED_TEXT.fullmatch(text)
    if match is None:
        raise invalid_value(f"Not a stored temporal value: {text!r}")
    return match


def _time(text: str) -> Time:
    """Return the Time of its canonical string."""
    match = _split_zoned(text)
    return Time(from_string("localtime", match["local"]).nano_of_day, parse_zone(match["offset"]))


def _datetime(text: str) -> DateTime:
    """Return the DateTime of its canonical string, keeping its offset as written."""
    match = _split_zoned(text)
    local = from_string("localdatetime", match["local"])
    zone = canonical_zone_id(match["zone"]) if match["zone"] else None
    return DateTime(local.date, local.nano_of_day, parse_zone(match["offset"]), zone)


PARSERS: dict[str, Callable[[str], Any]] = {
    "Date": lambda text: from_string("date", text),
    "LocalTime": lambda text: from_string("localtime", text),
    "Time": _time,
    "LocalDateTime": lambda text: from_string("localdatetime", text),
    "DateTime": _datetime,
    "Duration": parse_duration,
}


def json_default(value: Any) -> dict[str, str]:
    """Return the JSON object standing for a temporal value; raise TypeError for anything else, as ``json`` expects."""
    if isinstance(value, TEMPORAL_TYPES):
        return {TYPE_KEY: type(value).__name__, "value": str(value)}
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def json_object_hook(mapping: dict[str, Any]) -> Any:
    """Return the temporal value a decoded JSON object stands for, or the object itself."""
    if mapping.keys() == {TYPE_KEY, "value"} and mapping[TYPE_KEY] in PARSERS:
        return PARSERS[mapping[TYPE_KEY]](mapping["value"])
    return mapping
