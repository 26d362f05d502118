"""The clock behind ``date()``, ``datetime.statement()`` and friends.

Cypher reads the clock once per statement (``date()`` twice in one query gives the same value)
unless ``*.realtime()`` is asked for. A query engine pins the statement clock with
:func:`statement_clock`; outside it every call reads the system clock.

Examples
--------
>>> with statement_clock(1_000_000_000):
...     statement_nanos()
1000000000
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_PINNED: ContextVar[int | None] = ContextVar("graphkit_statement_clock", default=None)


def realtime_nanos() -> int:
    """Return the system clock in nanoseconds since the epoch, to the millisecond as Neo4j's clock ticks."""
    return time.time_ns() // 1_000_000 * 1_000_000


def statement_nanos() -> int:
    """Return the pinned statement time, or the system clock when no statement pinned one."""
    pinned = _PINNED.get()
    return realtime_nanos() if pinned is None else pinned


@contextmanager
def statement_clock(epoch_nanos: int | None = None) -> Iterator[int]:
    """Pin the statement clock (to now, or to ``epoch_nanos``) for the duration of a ``with`` block."""
    token = _PINNED.set(realtime_nanos() if epoch_nanos is None else epoch_nanos)
    try:
        yield _PINNED.get()
    finally:
        _PINNED.reset(token)
