"""A small Gherkin reader for the openCypher TCK feature files.

It understands what the TCK uses: ``Feature``, ``Background``, ``Scenario``, ``Scenario Outline``
with ``Examples`` tables (each row becomes one scenario), tags, doc strings and data tables.

Examples
--------
>>> text = '''Feature: F
...   Scenario Outline: [1] Add
...     When executing query:
...       \"\"\"
...       RETURN <a> + 1 AS x
...       \"\"\"
...     Then the result should be, in any order:
...       | x   |
...       | <b> |
...     Examples:
...       | a | b |
...       | 1 | 2 |
... '''
>>> [scenario] = parse_feature(text, "features/expressions/demo/Demo1.feature")
>>> scenario.steps[0].doc, scenario.steps[1].table, scenario.area
('RETURN 1 + 1 AS x', [['x'], ['2']], 'expressions/demo')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

# ../shared/tck next to the repository (the repository is /work/main, shared is /work/shared).
TCK_ROOT = Path(__file__).resolve().parents[3] / "shared" / "tck"
STEP_KEYWORDS = ("Given", "When", "Then", "And", "But")


@dataclass
class Step:
    """One step: its keyword, its text, and an optional doc string or data table."""

    keyword: str
    text: str
    doc: str | None = None
    table: list[list[str]] | None = None


@dataclass
class Scenario:
    """One runnable scenario (an Outline's Examples row is a scenario of its own)."""

    feature: str  # path relative to the TCK root, e.g. "features/clauses/match/Match1.feature"
    name: str
    line: int
    steps: list[Step]
    tags: frozenset[str] = field(default_factory=frozenset)
    example: int | None = None  # 1-based Examples row number for outlines

    @property
    def area(self) -> str:
        """``<top>/<area>`` of the feature, e.g. ``clauses/match``."""
        parts = Path(self.feature).parts
        start = parts.index("features") + 1 if "features" in parts else 0
        return "/".join(parts[start:start + 2])

    @property
    def title(self) -> str:
        """A one-line identifier: feature file, line, name and Examples row."""
        row = f" (example {self.example})" if self.example is not None else ""
        return f"{Path(self.feature).name}:{self.line} {self.name}{row}"


def unescape_cell(cell: str) -> str:
    r"""Undo Gherkin's table cell escapes: ``\|`` ``\\`` ``\n``.

    >>> unescape_cell(r"'a\\\\b\|c\nd'")
    "'a\\\\b|c\nd'"
    """
    return re.sub(r"\\([|\\n])", lambda m: "\n" if m.group(1) == "n" else m.group(1), cell)


def split_row(line: str) -> list[str]:
    r"""Split a table row ``| a | b\|c |`` into unescaped, stripped cells.

    >>> split_row(r"| 'x' | a\|b |")
    ["'x'", 'a|b']
    """
    body = line.strip()[1:]
    cells, current, index = [], [], 0
    while index < len(body):
        char = body[index]
        if char == "\\" and index + 1 < len(body):
            current.append(body[index:index + 2])
            index += 2
            continue
        if char == "|":
            cells.append(unescape_cell("".join(current).strip()))
            current = []
        else:
            current.append(char)
        index += 1
    return cells


def _substitute(text: str | None, values: dict[str, str]) -> str | None:
    if text is None:
        return None
    return re.sub(r"<([^<>\s]+)>", lambda m: values.get(m.group(1), m.group(0)), text)


class _Reader:
    """Line cursor over a feature file."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.index = 0

    def peek(self) -> str | None:
        while self.index < len(self.lines):
            stripped = self.lines[self.index].strip()
            if stripped and not stripped.startswith("#"):
                return stripped
            self.index += 1
        return None

    def read_doc(self) -> str:
        opening = self.lines[self.index]
        indent = len(opening) - len(opening.lstrip())
        self.index += 1
        body = []
        while self.index < len(self.lines) and self.lines[self.index].strip() != '"""':
            line = self.lines[self.index]
            body.append(line[indent:] if line[:indent].strip() == "" else line.strip())
            self.index += 1
        self.index += 1
        return "\n".join(body).strip("\n")

    def read_table(self) -> list[list[str]]:
        rows = []
        while (line := self.peek()) is not None and line.startswith("|"):
            rows.append(split_row(line))
            self.index += 1
        return rows


def _read_steps(reader: _Reader) -> list[Step]:
    steps: list[Step] = []
    while (line := reader.peek()) is not None and line.split(" ", 1)[0] in STEP_KEYWORDS:
        keyword, _, text = line.partition(" ")
        reader.index += 1
        step = Step(keyword, text.strip().rstrip("#").strip())
        following = reader.peek()
        if following == '"""':
            step.doc = reader.read_doc()
        elif following is not None and following.startswith("|"):
            step.table = reader.read_table()
        steps.append(step)
    return steps


def parse_feature(text: str, feature: str) -> list[Scenario]:
    """Return the scenarios of a feature file's text; ``feature`` is its path for reporting."""
    reader = _Reader(text)
    background: list[Step] = []
    scenarios: list[Scenario] = []
    tags: set[str] = set()
    while (line := reader.peek()) is not None:
        line_number = reader.index + 1
        reader.index += 1
        if line.startswith("@"):
            tags.update(word for word in line.split() if word.startswith("@"))
        elif line.startswith("Background:"):
            background = _read_steps(reader)
        elif line.startswith("Scenario Outline:") or line.startswith("Scenario:"):
            outline = line.startswith("Scenario Outline:")
            name = line.split(":", 1)[1].strip()
            steps = background + _read_steps(reader)
            if not outline:
                scenarios.append(Scenario(feature, name, line_number, steps, frozenset(tags)))
            else:
                scenarios.extend(_expand_outline(reader, feature, name, line_number, steps, tags))
            tags = set()
        elif line.startswith("Feature:"):
            tags = set()
    return scenarios


def _expand_outline(reader: _Reader, feature: str, name: str, line_number: int, steps: list[Step],
                    tags: set[str]) -> list[Scenario]:
    scenarios: list[Scenario] = []
    row_number = 0
    while (line := reader.peek()) is not None and (line.startswith("Examples") or line.startswith("@")):
        reader.index += 1
        if line.startswith("@"):
            continue
        table = reader.read_table()
        for row in table[1:]:
            row_number += 1
            values = dict(zip(table[0], row))
            expanded = [Step(step.keyword, _substitute(step.text, values), _substitute(step.doc, values),
                             [[_substitute(cell, values) for cell in cells] for cells in step.table]
                             if step.table is not None else None)
                        for step in steps]
            scenarios.append(Scenario(feature, _substitute(name, values), line_number, expanded, frozenset(tags),
                                      row_number))
    return scenarios


def load_scenarios(root: Path = TCK_ROOT, area: str | None = None) -> list[Scenario]:
    """Return every scenario under ``root/features`` (optionally only those whose area starts with
    ``area``, e.g. ``clauses/match`` or ``expressions``), in file order."""
    scenarios: list[Scenario] = []
    for path in sorted((root / "features").rglob("*.feature")):
        relative = path.relative_to(root).as_posix()
        for scenario in parse_feature(path.read_text(encoding="utf-8"), relative):
            if area is None or scenario.area == area or scenario.area.startswith(area.rstrip("/") + "/"):
                scenarios.append(scenario)
    return scenarios
