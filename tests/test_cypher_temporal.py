"""Tests of graphkit.cypher_engine.temporal: the TCK's temporal features, run without the engine.

The TCK Temporal1-10 queries use a small slice of Cypher: ``CREATE`` of single nodes with a
property map, ``MATCH`` of single labelled nodes, ``WITH``/``RETURN`` projections, function
calls, maps, lists, property access, arithmetic and comparisons. :class:`MiniCypher` below
evaluates exactly that slice on top of the temporal module, so every Temporal scenario checks
our values against the TCK's expected strings before the real engine exists. Hand-written
tests below it cover arithmetic, ordering, errors and corner cases directly.

Skipped when the shared TCK (``../shared/tck``) is absent.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from graphkit.cypher_engine.temporal import (
    TEMPORAL_FUNCTIONS,
    Date,
    DateTime,
    Duration,
    LocalDateTime,
    LocalTime,
    Time,
    is_temporal,
    statement_clock,
    temporal_add,
    temporal_compare,
    temporal_divide,
    temporal_multiply,
    temporal_property,
    temporal_subtract,
    temporal_to_string,
)
from graphkit.errors import CypherError

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TEMPORAL_FEATURES = SHARED / "tck" / "features" / "expressions" / "temporal"

TOKEN = re.compile(r"\s*(?:(?P<string>'(?:[^'\\]|\\.)*')|(?P<number>\d+(?:\.\d+)?)"
                   r"|(?P<name>[A-Za-z_][A-Za-z_0-9]*)|(?P<op><=|>=|<>|[-+*/=<>{}()\[\],:.]))")
CLAUSE = re.compile(r"\b(CREATE|MATCH|WITH|RETURN)\b")
COMPARISONS = {"=": lambda c: c == 0, "<>": lambda c: c != 0, "<": lambda c: c < 0, ">": lambda c: c > 0,
               "<=": lambda c: c <= 0, ">=": lambda c: c >= 0}


def tokenize(text: str) -> list[tuple[str, str]]:
    """Return ``(kind, text)`` tokens of a Cypher expression slice."""
    tokens, position = [], 0
    while position < len(text.rstrip()):
        match = TOKEN.match(text, position)
        if match is None:
            raise ValueError(f"cannot tokenize {text[position:]!r}")
        tokens.append((match.lastgroup, match[match.lastgroup]))
        position = match.end()
    return tokens


class Expression:
    """A recursive-descent evaluator of one expression against variable bindings."""

    def __init__(self, text: str, scope: dict[str, Any]) -> None:
        self.tokens = tokenize(text)
        self.index = 0
        self.scope = scope

    def peek(self) -> str | None:
        return self.tokens[self.index][1] if self.index < len(self.tokens) else None

    def take(self, expected: str | None = None) -> tuple[str, str]:
        token = self.tokens[self.index]
        if expected is not None and token[1] != expected:
            raise ValueError(f"expected {expected!r}, got {token[1]!r}")
        self.index += 1
        return token

    def evaluate(self) -> Any:
        value = self.comparison()
        if self.index != len(self.tokens):
            raise ValueError(f"trailing tokens {self.tokens[self.index:]}")
        return value

    def comparison(self) -> Any:
        left = self.additive()
        if self.peek() in COMPARISONS:
            operator = self.take()[1]
            right = self.additive()
            if operator in ("=", "<>"):
                return (left == right) == (operator == "=")
            order = temporal_compare(left, right)
            if order is None:
                return False if operator == "=" else None
            return COMPARISONS[operator](order)
        return left

    def additive(self) -> Any:
        value = self.multiplicative()
        while self.peek() in ("+", "-"):
            operation = temporal_add if self.take()[1] == "+" else temporal_subtract
            value = operation(value, self.multiplicative())
        return value

    def multiplicative(self) -> Any:
        value = self.postfix()
        while self.peek() in ("*", "/"):
            operation = temporal_multiply if self.take()[1] == "*" else temporal_divide
            value = operation(value, self.postfix())
        return value

    def postfix(self) -> Any:
        value = self.primary()
        while self.peek() == ".":
            self.take()
            name = self.take()[1]
            value = value[name] if isinstance(value, dict) else temporal_property(value, name)
        return value

    def arguments(self, closing: str) -> list[Any]:
        values = []
        while self.peek() != closing:
            values.append(self.comparison())
            if self.peek() == ",":
                self.take()
        self.take(closing)
        return values

    def primary(self) -> Any:
        kind, text = self.take()
        if kind == "string":
            return re.sub(r"\\(.)", r"\1", text[1:-1])
        if kind == "number":
            return float(text) if "." in text else int(text)
        if text == "-":
            return -self.primary()
        if text == "(":
            value = self.comparison()
            self.take(")")
            return value
        if text == "[":
            return self.arguments("]")
        if text == "{":
            entries = {}
            while self.peek() != "}":
                key = self.take()[1]
                self.take(":")
                entries[key] = self.comparison()
                if self.peek() == ",":
                    self.take()
            self.take("}")
            return entries
        if text.lower() in ("null", "true", "false"):
            return {"null": None, "true": True, "false": False}[text.lower()]
        if text in self.scope:
            return self.scope[text]
        name = text
        while self.peek() == "." and self.tokens[self.index + 1][0] == "name":
            self.take()
            name += "." + self.take()[1]
        self.take("(")
        arguments = self.arguments(")")
        if name.lower() == "tostring":
            return temporal_to_string(arguments[0])
        return TEMPORAL_FUNCTIONS[name.lower()](*arguments)


def split_top_level(text: str) -> list[str]:
    """Split on commas outside brackets and strings."""
    parts, depth, start, quoted = [], 0, 0, False
    for position, char in enumerate(text):
        if char == "'":
            quoted = not quoted
        elif not quoted and char in "([{":
            depth += 1
        elif not quoted and char in ")]}":
            depth -= 1
        elif not quoted and depth == 0 and char == ",":
            parts.append(text[start:position].strip())
            start = position + 1
    parts.append(text[start:].strip())
    return parts


class MiniCypher:
    """Runs the TCK temporal queries: single-node CREATE/MATCH and WITH/RETURN projections."""

    def __init__(self) -> None:
        self.nodes: list[tuple[str | None, dict[str, Any]]] = []

    def run(self, query: str) -> tuple[list[str], list[Any]] | None:
        """Run a query; return ``(columns, row)`` for a RETURN, None otherwise."""
        pieces = CLAUSE.split(query)
        scope: dict[str, Any] = {}
        result = None
        with statement_clock():
            for keyword, body in zip(pieces[1::2], pieces[2::2]):
                handler = {"CREATE": self.create, "MATCH": self.match, "WITH": self.with_clause,
                           "RETURN": self._project}[keyword]
                result = handler(body.strip(), scope)
        return result

    def create(self, body: str, scope: dict[str, Any]) -> None:
        node_start = re.compile(r"\(\s*(?::\s*(\w+))?\s*\{")
        node = node_start.search(body)
        while node is not None:
            depth, end = 0, node.end() - 1
            for end in range(node.end() - 1, len(body)):
                depth += {"{": 1, "}": -1}.get(body[end], 0)
                if depth == 0:
                    break
            self.nodes.append((node[1], Expression(body[node.end() - 1:end + 1], scope).evaluate()))
            node = node_start.search(body, end)

    def match(self, body: str, scope: dict[str, Any]) -> None:
        for variable, label in re.findall(r"\((\w+)\s*(?::\s*(\w+))?\)", body):
            [properties] = [props for node_label, props in self.nodes if not label or node_label == label]
            scope[variable] = properties

    def _project(self, body: str, scope: dict[str, Any]) -> tuple[list[str], list[Any]]:
        columns, row = [], []
        for item in split_top_level(body):
            expression, _, alias = item.rpartition(" AS ") if " AS " in item else (item, "", item)
            columns.append(alias.strip())
            row.append(Expression(expression.strip(), scope).evaluate())
        return columns, row

    def with_clause(self, body: str, scope: dict[str, Any]) -> None:
        columns, row = self._project(body, scope)
        scope.clear()
        scope.update(zip(columns, row))


def expected_value(cell: str) -> Any:
    """Return the Python value of an expected-result cell (a literal)."""
    return Expression(cell, {}).evaluate()


def matches(expected: Any, actual: Any) -> bool:
    """Return whether an engine value agrees with the TCK's expected literal."""
    if isinstance(expected, list):
        return isinstance(actual, list) and len(expected) == len(actual) and all(
            matches(e, a) for e, a in zip(expected, actual))
    if is_temporal(actual):
        return temporal_to_string(actual) == expected
    return type(actual) is type(expected) and actual == expected


def temporal_scenarios() -> list[Any]:
    """Return one pytest param per Temporal scenario (outline rows counted one each)."""
    if not TEMPORAL_FEATURES.is_dir():
        return []
    from tck.features import parse_feature

    params = []
    for path in sorted(TEMPORAL_FEATURES.glob("Temporal*.feature")):
        for scenario in parse_feature(path.read_text(encoding="utf-8"), path.name):
            params.append(pytest.param(scenario, id=scenario.title))
    return params


TEMPORAL_SCENARIOS = temporal_scenarios()


@pytest.mark.skipif(not TEMPORAL_FEATURES.is_dir(), reason=f"no openCypher TCK under {SHARED}")
def test_all_temporal_scenarios_are_collected() -> None:
    assert len(TEMPORAL_SCENARIOS) == 1004


@pytest.mark.skipif(not TEMPORAL_FEATURES.is_dir(), reason=f"no openCypher TCK under {SHARED}")
@pytest.mark.parametrize("scenario", TEMPORAL_SCENARIOS)
def test_tck_temporal_scenario(scenario: Any) -> None:
    database = MiniCypher()
    result = None
    checked = 0
    for step in scenario.steps:
        if step.doc is not None:
            result = database.run(step.doc)
        elif step.text.startswith("the result should be") and step.table is not None:
            columns, row = result
            header, *rows = step.table
            assert header == columns
            assert len(rows) == 1
            for column, cell, actual in zip(columns, rows[0], row):
                expected = expected_value(cell)
                assert matches(expected, actual), f"{column}: expected {cell}, got {actual!r}"
            checked += 1
    assert checked or any(step.text == "the result should be empty" for step in scenario.steps)


F = TEMPORAL_FUNCTIONS


def test_values_are_hashable_and_equal_by_cypher_rules() -> None:
    first = F["duration"]({"minutes": 12, "seconds": 70})
    second = F["duration"]("PT13M10S")
    assert first == second and hash(first) == hash(second)
    assert len({F["date"]("2015-07-21"), F["date"]("2015W302"), F["date"]("2015-202")}) == 1
    # Same instant, different zone: not equal, yet neither sorts first by instant.
    utc = F["datetime"]("2015-07-21T20:40Z")
    paris = F["datetime"]("2015-07-21T22:40+02:00")
    assert utc != paris
    assert temporal_compare(utc, paris) != 0
    assert F["date"]("2015-07-21") != F["localdatetime"]("2015-07-21T00:00")


def test_repr_names_type_and_value() -> None:
    assert repr(F["time"]("12:00+01:00")) == "Time('12:00+01:00')"
    assert repr(F["duration"]({"days": 1})) == "Duration('P1D')"


def test_is_temporal() -> None:
    assert all(is_temporal(value) for value in (
        Date(2000, 1, 1), LocalTime(0), Time(0, 0), LocalDateTime(Date(2000, 1, 1), 0),
        DateTime(Date(2000, 1, 1), 0, 0), Duration(0, 0, 0)))
    assert not any(is_temporal(value) for value in ("2000-01-01", 1, None, {"year": 2000}))


def test_comparison_orders_by_instant_and_refuses_mixed_types() -> None:
    assert temporal_compare(F["time"]("10:00+01:00"), F["time"]("09:35Z")) < 0
    assert temporal_compare(F["date"]("1984-10-11"), F["date"]("1984-10-11")) == 0
    assert temporal_compare(F["date"]("1984-10-11"), F["localdatetime"]("1984-10-11")) is None
    assert temporal_compare(F["duration"]("P1D"), F["duration"]("P2D")) is None


def test_addition_clamps_month_end_and_wraps_times() -> None:
    assert str(temporal_add(F["date"]("2015-01-31"), F["duration"]("P1M"))) == "2015-02-28"
    assert str(temporal_add(F["duration"]("PT1H"), F["localtime"]("23:30"))) == "00:30"
    assert str(temporal_subtract(F["time"]("00:15+01:00"), F["duration"]("PT30M"))) == "23:45+01:00"
    # A date takes only the whole days of the seconds part.
    assert str(temporal_add(F["date"]("2015-01-01"), F["duration"]("PT47H"))) == "2015-01-02"


def test_named_zone_arithmetic_keeps_local_days_and_exact_hours() -> None:
    before_dst = F["datetime"]("2017-03-25T12:00[Europe/Stockholm]")
    assert str(temporal_add(before_dst, F["duration"]("P1D"))) == "2017-03-26T12:00+02:00[Europe/Stockholm]"
    assert str(temporal_add(before_dst, F["duration"]("PT24H"))) == "2017-03-26T13:00+02:00[Europe/Stockholm]"


def test_local_time_in_a_gap_moves_forward() -> None:
    in_gap = F["datetime"]({"year": 2017, "month": 3, "day": 26, "hour": 2, "minute": 30,
                            "timezone": "Europe/Stockholm"})
    assert str(in_gap) == "2017-03-26T03:30+02:00[Europe/Stockholm]"


def test_duration_multiplication_and_division() -> None:
    base = F["duration"]({"days": 3, "hours": 1})
    assert str(temporal_multiply(base, 2)) == "P6DT2H"
    assert str(temporal_multiply(2, base)) == "P6DT2H"
    assert str(temporal_divide(base, 2)) == "P1DT12H30M"
    assert temporal_multiply(base, base) is NotImplemented
    assert temporal_divide(2, base) is NotImplemented
    with pytest.raises(CypherError):
        temporal_divide(base, 0)


def test_operations_on_unsupported_operands_are_not_implemented() -> None:
    date = F["date"]("2015-07-21")
    assert temporal_add(date, date) is NotImplemented
    assert temporal_add(date, 1) is NotImplemented
    assert temporal_subtract(F["duration"]("P1D"), date) is NotImplemented


def test_string_forms() -> None:
    assert temporal_to_string(F["date"]({"year": -12, "month": 1, "day": 2})) == "-0012-01-02"
    assert temporal_to_string(F["date"]("+10000-01-01")) == "+10000-01-01"
    assert temporal_to_string(F["localtime"]("12:00:00.1")) == "12:00:00.1"
    assert temporal_to_string(F["duration"]("-P1DT2H")) == "P-1DT-2H"
    assert temporal_to_string(F["duration"]({})) == "PT0S"


def test_properties() -> None:
    moment = F["datetime"]("1984-11-11T12:31:14.645876123+01:00[Europe/Stockholm]")
    assert temporal_property(moment, "epochMillis") == 469020674645
    assert temporal_property(moment, "timezone") == "Europe/Stockholm"
    assert temporal_property(F["time"]("12:00-01:30"), "offsetMinutes") == -90
    assert temporal_property(F["duration"]("PT-1.5S"), "seconds") == -2
    assert temporal_property(F["duration"]("PT-1.5S"), "nanosecondsOfSecond") == 500_000_000
    with pytest.raises(CypherError):
        temporal_property(F["date"]("2015-07-21"), "hour")


def test_statement_clock_pins_now() -> None:
    with statement_clock(0):
        assert str(F["datetime"]()) == "1970-01-01T00:00Z"
        assert str(F["date.statement"]("Pacific/Honolulu")) == "1969-12-31"
        assert F["localtime"]() == F["localtime.transaction"]()


@pytest.mark.parametrize("function, argument", [
    ("date", "2015-13-01"), ("date", "2015-02-29"), ("date", "not a date"), ("localtime", "24:00"),
    ("localtime", "12:00+01:00"), ("datetime", "2015-07-21T12:00[Mars/Olympus]"), ("duration", "P"),
    ("date", {"year": 2015, "day": 3}), ("date", {"month": 3}), ("date", {"year": 2015, "hour": 1}),
    ("localtime", {"minute": 3}), ("time", {"hour": 1, "millisecond": 1, "nanosecond": 1000}),
    ("date", 2015), ("duration", {"fortnights": 1}), ("date", {"year": "2015"}),
])
def test_invalid_arguments_raise_cypher_errors(function: str, argument: Any) -> None:
    with pytest.raises(CypherError) as raised:
        F[function](argument)
    assert raised.value.phase == "runtime"
    assert raised.value.kind in ("ArgumentError", "TypeError")


@pytest.mark.parametrize("name", sorted(F))
def test_every_function_propagates_null(name: str) -> None:
    arguments = {"truncate": ("day", None), "between": (None, None), "inmonths": (None, None),
                 "indays": (None, None), "inseconds": (None, None)}
    assert F[name](*arguments.get(name.rpartition(".")[2], (None,))) is None


@pytest.mark.parametrize("function, unit, value", [
    ("date.truncate", "hour", "datetime"), ("localtime.truncate", "month", "localtime"),
    ("datetime.truncate", "year", "localtime"), ("date.truncate", "fortnight", "date"),
])
def test_truncation_to_impossible_units_raises(function: str, unit: str, value: str) -> None:
    samples = {"datetime": F["datetime"]("2015-07-21T21:40Z"), "localtime": F["localtime"]("21:40"),
               "date": F["date"]("2015-07-21")}
    with pytest.raises(CypherError):
        F[function](unit, samples[value])
