"""Aggregate functions: count, sum, avg, min, max, collect, percentiles and standard deviations.

An :class:`Aggregator` receives the evaluated argument of each row of a group and gives the
result at the end; nulls are skipped (except by ``count(*)``), DISTINCT drops repeats.

Examples
--------
>>> total = Aggregator("sum", distinct=False)
>>> for value in (1, 2, None, 3.5):
...     total.add(value)
>>> total.result()
6.5
"""

from __future__ import annotations

import math
from typing import Any

from graphkit.cypher_engine.semantics import group_key, is_number, is_temporal, order_key, type_name
from graphkit.errors import CypherError

try:
    from graphkit.cypher_engine import temporal as _temporal
except ImportError:  # the temporal module is written separately; engine works without it
    _temporal = None


class Aggregator:
    """Accumulates one aggregate over the rows of one group."""

    __slots__ = ("name", "distinct", "parameter", "values", "seen")

    def __init__(self, name: str, distinct: bool, parameter: Any = None) -> None:
        self.name, self.distinct, self.parameter = name, distinct, parameter
        self.values: list = []
        self.seen: set | None = set() if distinct else None  # group keys of the values, for DISTINCT

    def add(self, value: Any) -> None:
        """Add one row's argument value (None is ignored)."""
        if value is None:
            return
        if self.distinct:
            key = group_key(value)
            if key in self.seen:
                return
            self.seen.add(key)
        self.values.append(value)

    def result(self) -> Any:
        """Return the aggregate over the values added so far."""
        values, name = self.values, self.name
        if name == "count":
            return len(values)
        if name == "collect":
            return list(values)
        if name in ("min", "max"):
            if not values:
                return None
            pick = min if name == "min" else max
            return pick(values, key=order_key)
        if name == "sum":
            return _sum(values)
        if name == "avg":
            if not values:
                return None
            if all(is_number(v) for v in values):
                return sum(values) / len(values)
            total = _sum(values)
            return _temporal.temporal_divide(total, len(values)) if _temporal is not None else None
        if name in ("stdev", "stdevp"):
            numbers = _numbers(name, values)
            count = len(numbers)
            if count < 2:
                return 0.0
            mean = sum(numbers) / count
            squares = sum((v - mean) ** 2 for v in numbers)
            return math.sqrt(squares / (count - 1 if name == "stdev" else count))
        return _percentile(name, _numbers(name, values), self.parameter)


def _numbers(name: str, values: list) -> list:
    for value in values:
        if not is_number(value):
            raise CypherError(f"{name}() expects numbers, got {type_name(value)}", "TypeError", "runtime",
                              "InvalidArgumentType")
    return values


def _sum(values: list) -> Any:
    if values and all(is_temporal(v) for v in values) and _temporal is not None:
        total = values[0]
        for value in values[1:]:
            total = _temporal.temporal_add(total, value)
        return total
    return sum(_numbers("sum", values))


def _percentile(name: str, values: list, percentile: Any) -> Any:
    if percentile is None or not is_number(percentile) or not 0 <= percentile <= 1:
        raise CypherError("percentile must be a number between 0 and 1", "ArgumentError", "runtime",
                          "NumberOutOfRange")
    if not values:
        return None
    ordered = sorted(values)
    if name == "percentiledisc":
        index = max(0, math.ceil(percentile * len(ordered)) - 1)
        return ordered[index]
    position = percentile * (len(ordered) - 1)
    lower = math.floor(position)
    upper = math.ceil(position)
    if lower == upper:
        return float(ordered[lower])
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)
