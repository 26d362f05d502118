"""Cypher temporal values and functions for the in-memory engine.

The engine calls functions through :data:`TEMPORAL_FUNCTIONS` (keyed by lower-case Cypher
name), reads components with :func:`temporal_property`, does arithmetic and ordering with the
``temporal_*`` functions and prints values with :func:`temporal_to_string`. Graph files store
temporal properties through :func:`json_default` and :func:`json_object_hook`.

Examples
--------
>>> d = TEMPORAL_FUNCTIONS['date']({'year': 1984, 'month': 10, 'day': 11})
>>> temporal_to_string(temporal_add(d, TEMPORAL_FUNCTIONS['duration']('P1M')))
'1984-11-11'
>>> temporal_property(d, 'ordinalDay'), is_temporal(d), is_temporal('1984-10-11')
(285, True, False)
"""

from __future__ import annotations

from typing import Any

from graphkit.cypher_engine.temporal.arithmetic import (
    temporal_add,
    temporal_compare,
    temporal_divide,
    temporal_multiply,
    temporal_subtract,
)
from graphkit.cypher_engine.temporal.clock import statement_clock
from graphkit.cypher_engine.temporal.functions import TEMPORAL_FUNCTIONS
from graphkit.cypher_engine.temporal.properties import temporal_property
from graphkit.cypher_engine.temporal.serialize import json_default, json_object_hook
from graphkit.cypher_engine.temporal.values import (
    TEMPORAL_TYPES,
    Date,
    DateTime,
    Duration,
    LocalDateTime,
    LocalTime,
    Time,
)


def is_temporal(value: Any) -> bool:
    """Return whether ``value`` is a Cypher temporal value (Date ... Duration)."""
    return isinstance(value, TEMPORAL_TYPES)


def temporal_to_string(value: Any) -> str:
    """Return the canonical Cypher string of a temporal value, as ``toString()`` gives it.

    >>> temporal_to_string(TEMPORAL_FUNCTIONS['datetime']('2015-07-21T21:40:32.142+0100'))
    '2015-07-21T21:40:32.142+01:00'
    """
    return str(value)


__all__ = [
    "TEMPORAL_FUNCTIONS", "Date", "DateTime", "Duration", "LocalDateTime", "LocalTime", "Time", "is_temporal",
    "json_default", "json_object_hook", "statement_clock", "temporal_add", "temporal_compare", "temporal_divide", "temporal_multiply",
    "temporal_property", "temporal_subtract", "temporal_to_string",
]
