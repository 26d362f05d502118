"""Running one TCK scenario against graphkit's Cypher engine, step by step.

Each scenario gets a fresh graph and its own time limit. A scenario passes when every step holds;
an expected error must match in type, phase and detail, and (as the TCK implies for errors) leave
the graph unchanged. When only the detail differs the outcome is a failure marked ``lenient`` (it
would pass if details were ignored).

Examples
--------
>>> from tests.tck.features import parse_feature
>>> text = '''Feature: F
...   Scenario: [1] Literal
...     Given any graph
...     When executing query:
...       \"\"\"
...       RETURN 1 AS x
...       \"\"\"
...     Then the result should be, in any order:
...       | x |
...       | 1 |
...     And no side effects
... '''
>>> [scenario] = parse_feature(text, "features/expressions/demo/Demo1.feature")
>>> run_scenario(scenario).status in ("pass", "fail")
True
"""

from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graphkit.errors import CypherError

from .compare import render, rows_match
from .effects import METRICS, Snapshot, side_effects, snapshot
from .features import TCK_ROOT, Scenario, Step
from .values import parse_value

DEFAULT_TIMEOUT = 10.0
REASON_LIMIT = 300


@dataclass
class Outcome:
    """How a scenario went: ``status`` is pass, fail or skip; ``category`` groups failures by cause."""

    scenario: Scenario
    status: str
    reason: str = ""
    category: str = ""
    lenient: bool = False
    seconds: float = 0.0

    @property
    def lenient_pass(self) -> bool:
        """Pass when error details are not compared."""
        return self.status == "pass" or self.lenient


class Failure(Exception):
    """A step did not hold; ``category`` is a short cause for grouping, ``reason`` the specifics."""

    def __init__(self, category: str, reason: str = "") -> None:
        self.category = category
        self.reason = reason or category
        super().__init__(self.reason)


class ScenarioTimeout(BaseException):
    """The scenario ran past its time limit (a BaseException, so engine code cannot swallow it)."""


def _execute() -> Callable[[nx.MultiDiGraph, str, dict], Any]:
    try:
        from graphkit.cypher_engine import execute
    except ImportError as error:
        raise Failure("engine unavailable", f"engine unavailable: {error}") from None
    return execute


def _error_category(error: BaseException) -> str:
    if isinstance(error, CypherError):
        return f"unexpected {error.kind}/{error.detail or '-'} at {error.phase}: {_first_words(str(error))}"
    return f"crash {type(error).__name__}: {_first_words(str(error))}"


def _first_words(text: str, count: int = 8) -> str:
    """The start of a message without quoted names and numbers, so similar failures group together."""
    text = re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`", "…", text.splitlines()[0] if text else "")
    text = re.sub(r"\d+", "N", text)
    return " ".join(text.split()[:count])


class ScenarioRun:
    """The state of one scenario as its steps run: graph, parameters, last result or error."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.graph = nx.MultiDiGraph()
        self.parameters: dict[str, Any] = {}
        self.result = None
        self.error: BaseException | None = None
        self.before: Snapshot | None = None
        self.detail_mismatch: str | None = None

    # -- steps -------------------------------------------------------------------------------------

    def run_steps(self) -> None:
        for step in self.scenario.steps:
            handler, match = self._handler(step)
            handler(step, match)

    def _handler(self, step: Step) -> tuple[Callable[[Step, re.Match], None], re.Match]:
        for pattern, handler in (
            (r"(?:an empty|any) graph", self.given_empty),
            (r"the (\S+) graph", self.given_named),
            (r"having executed:?", self.having_executed),
            (r"parameters are:", self.parameters_are),
            (r"there exists a procedure (.+?)\s*:", self.procedure),
            (r"executing (control )?query:\s*(.*)", self.executing),
            (r"the result should be(?:,)? ?(in any order|in order)?\s*(\(ignoring element order for lists\))?:",
             self.result_should_be),
            (r"the result should be empty", self.result_empty),
            (r"an? (\w+) should be raised at (runtime|compile time|any time): (\S+)", self.error_raised),
            (r"no side effects", self.no_side_effects),
            (r"the side effects should be:", self.side_effects_are),
        ):
            match = re.fullmatch(pattern, step.text)
            if match:
                return handler, match
        raise Failure("unsupported step", f"unsupported step: {step.keyword} {step.text}")

    def given_empty(self, step: Step, match: re.Match) -> None:
        self.graph = nx.MultiDiGraph()

    def given_named(self, step: Step, match: re.Match) -> None:
        name = match.group(1)
        script = TCK_ROOT / "graphs" / name / f"{name}.cypher"
        if not script.exists():
            raise Failure("unknown graph", f"no named graph {name!r}")
        self.graph = nx.MultiDiGraph()
        self._setup(script.read_text(encoding="utf-8"), f"creating the {name} graph")

    def having_executed(self, step: Step, match: re.Match) -> None:
        self._setup(step.doc or "", "setup query")

    def _setup(self, query: str, what: str) -> None:
        execute = _execute()
        try:
            execute(self.graph, query, {})
        except Exception as error:  # any failure of a setup query fails the scenario
            raise Failure(f"{what} failed: {_error_category(error)}", f"{what} failed: {error}") from None

    def parameters_are(self, step: Step, match: re.Match) -> None:
        for row in step.table or []:
            self.parameters[row[0]] = parse_value(row[1])

    def procedure(self, step: Step, match: re.Match) -> None:
        from .procedures import register

        register(self.graph, match.group(1), step.table or [])

    def executing(self, step: Step, match: re.Match) -> None:
        query = step.doc if step.doc is not None else match.group(2)
        execute = _execute()
        if not match.group(1):
            self.before = snapshot(self.graph)
        self.result, self.error = None, None
        try:
            self.result = execute(self.graph, query, dict(self.parameters))
        except Exception as error:  # an engine crash is recorded as the outcome
            self.error = error

    def _require_result(self) -> None:
        if self.error is not None:
            raise Failure(_error_category(self.error), f"{type(self.error).__name__}: {self.error}")
        if self.result is None:
            raise Failure("no query", "no query was executed before the result step")

    def result_should_be(self, step: Step, match: re.Match) -> None:
        self._require_result()
        table = step.table or [[]]
        header = [cell for cell in table[0] if cell != ""]
        expected = [[parse_value(cell) for cell in row] for row in table[1:]]
        columns = list(self.result.columns)
        if columns != header:
            raise Failure("wrong columns", f"columns {columns}, expected {header}")
        rows = [list(row) for row in self.result.rows]
        ordered, unordered_lists = match.group(1) == "in order", bool(match.group(2))
        if not rows_match(expected, rows, ordered, unordered_lists):
            raise Failure("wrong rows" if len(rows) == len(expected) else "wrong row count",
                          f"expected {_render_rows(expected)}, got {_render_rows(rows)}")

    def result_empty(self, step: Step, match: re.Match) -> None:
        self._require_result()
        if self.result.rows:
            raise Failure("wrong row count", f"expected no rows, got {_render_rows(self.result.rows)}")

    def error_raised(self, step: Step, match: re.Match) -> None:
        kind, phase, detail = match.groups()
        if self.error is None:
            rows = len(self.result.rows) if self.result is not None else 0
            raise Failure(f"missing error {kind}/{detail}",
                          f"expected {kind} at {phase}: {detail}; the query succeeded with {rows} row(s)")
        if not isinstance(self.error, CypherError):
            raise Failure(_error_category(self.error), f"expected {kind}/{detail}, got crash "
                                                       f"{type(self.error).__name__}: {self.error}")
        got = f"{self.error.kind} at {self.error.phase}: {self.error.detail}"
        if self.error.kind != kind or (phase != "any time" and self.error.phase != phase):
            raise Failure(f"wrong error: expected {kind}/{detail}, got {self.error.kind}/{self.error.detail}",
                          f"expected {kind} at {phase}: {detail}; got {got} ({self.error})")
        if self.before is not None and (changed := _changes(self.before, snapshot(self.graph))):
            raise Failure("side effects despite error", f"the failed query changed the graph: {changed}")
        if detail != "*" and self.error.detail != detail:
            self.detail_mismatch = f"error detail: expected {detail}, got {self.error.detail} ({self.error})"

    def no_side_effects(self, step: Step, match: re.Match) -> None:
        self._check_side_effects({})

    def side_effects_are(self, step: Step, match: re.Match) -> None:
        expected = {}
        for row in step.table or []:
            if row[0] not in METRICS:
                raise Failure("unsupported step", f"unknown side effect {row[0]!r}")
            expected[row[0]] = int(row[1])
        self._check_side_effects(expected)

    def _check_side_effects(self, expected: dict[str, int]) -> None:
        if self.before is None:
            raise Failure("no query", "side effects asked for before any query ran")
        text = _changes(self.before, snapshot(self.graph), expected)
        if text:
            raise Failure("wrong side effects", f"side effects: {text}")


def _changes(before: Snapshot, after: Snapshot, expected: dict[str, int] | None = None) -> str:
    """Describe the side effects that differ from ``expected`` (none expected by default)."""
    expected = expected or {}
    actual = side_effects(before, after)
    return ", ".join(f"{name} expected {expected.get(name, 0)} got {count}" for name, count in actual.items()
                     if count != expected.get(name, 0))


def _render_rows(rows: list) -> str:
    text = "[" + ", ".join(render(list(row)) for row in rows[:6]) + (", …" if len(rows) > 6 else "") + "]"
    return f"{len(rows)} row(s) {text}"


def run_scenario(scenario: Scenario, timeout: float = DEFAULT_TIMEOUT) -> Outcome:
    """Run a scenario on a fresh graph within ``timeout`` seconds and return its outcome."""
    if "@ignore" in scenario.tags:
        return Outcome(scenario, "skip", "tagged @ignore", "ignored")
    run = ScenarioRun(scenario)
    started = time.perf_counter()
    try:
        _with_time_limit(run.run_steps, timeout)
    except Failure as failure:
        outcome = Outcome(scenario, "fail", failure.reason, failure.category)
    except ScenarioTimeout:
        outcome = Outcome(scenario, "fail", f"timed out after {timeout:g} s", "timeout")
    except Exception as error:  # a bug anywhere fails this scenario, not the run
        outcome = Outcome(scenario, "fail", f"{type(error).__name__}: {error}", _error_category(error))
    else:
        if run.detail_mismatch:
            outcome = Outcome(scenario, "fail", run.detail_mismatch, "wrong error detail", lenient=True)
        else:
            outcome = Outcome(scenario, "pass")
    outcome.reason = " ".join(outcome.reason.split())[:REASON_LIMIT]
    outcome.seconds = time.perf_counter() - started
    return outcome


def _with_time_limit(function: Callable[[], None], timeout: float) -> None:
    """Call ``function``; past ``timeout`` raise :class:`ScenarioTimeout` (SIGALRM in the main thread,
    else a watcher thread that abandons the call)."""
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        def expire(signum: int, frame: object) -> None:
            raise ScenarioTimeout()

        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            function()
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    failure: list[BaseException] = []

    def target() -> None:
        try:
            function()
        except BaseException as error:  # re-raised in the calling thread
            failure.append(error)

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise ScenarioTimeout()
    if failure:
        raise failure[0]
