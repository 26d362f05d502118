"""The TCK's notation for expected values, parsed into Python values.

Primitives become ``None``/``bool``/``int``/``float``/``str`` (``NaN``, ``Inf``, ``-Inf`` are floats),
lists become lists, maps dicts; graph elements become :class:`ExpectedNode`,
:class:`ExpectedRelationship` and :class:`ExpectedPath`.

Examples
--------
>>> parse_value("[1, 2.0, 'a\\\\'b', null, {k: true}]")
[1, 2.0, "a'b", None, {'k': True}]
>>> parse_value("<(:A {name: 'a'})-[:T]->(:B)>")
ExpectedPath(nodes=(ExpectedNode(labels=frozenset({'A'}), properties={'name': 'a'}), \
ExpectedNode(labels=frozenset({'B'}), properties={})), \
relationships=((ExpectedRelationship(type='T', properties={}), True),))
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

NUMBER = re.compile(r"-?(?:Inf|NaN|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)")
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")
ESCAPES = {"'": "'", '"': '"', "\\": "\\", "n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f"}


@dataclass(frozen=True)
class ExpectedNode:
    """A node as the TCK writes it: ``(:L1:L2 {k: v})``."""

    labels: frozenset[str]
    properties: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ExpectedRelationship:
    """A relationship as the TCK writes it: ``[:T {k: v}]``."""

    type: str
    properties: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ExpectedPath:
    """A path: its nodes, and each relationship with ``True`` when it points forward (``-[]->``)."""

    nodes: tuple[ExpectedNode, ...]
    relationships: tuple[tuple[ExpectedRelationship, bool], ...]


class ValueSyntaxError(ValueError):
    """An expected-value cell is not in the TCK's notation."""


def parse_value(text: str) -> Any:
    """Parse one cell of an expected-result or parameter table."""
    parser = _Parser(text)
    value = parser.value()
    parser.skip()
    if parser.position != len(text):
        parser.fail("unexpected trailing text")
    return value


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0

    def fail(self, message: str) -> None:
        raise ValueSyntaxError(f"{message} at {self.position} in {self.text!r}")

    def skip(self) -> None:
        while self.position < len(self.text) and self.text[self.position].isspace():
            self.position += 1

    def peek(self, offset: int = 0) -> str:
        self.skip()
        index = self.position + offset
        return self.text[index] if index < len(self.text) else ""

    def expect(self, token: str) -> None:
        self.skip()
        if not self.text.startswith(token, self.position):
            self.fail(f"expected {token!r}")
        self.position += len(token)

    def accept(self, token: str) -> bool:
        self.skip()
        if self.text.startswith(token, self.position):
            self.position += len(token)
            return True
        return False

    def value(self) -> Any:
        char = self.peek()
        if char == "'":
            return self.string()
        if char == "{":
            return self.map()
        if char == "(":
            return self.node()
        if char == "<":
            return self.path()
        if char == "[":
            rest = self.text[self.position + 1:].lstrip()
            return self.relationship() if rest.startswith(":") else self.list()
        for word, literal in (("null", None), ("true", True), ("false", False)):
            if re.match(rf"{word}\b", self.text[self.position:]):
                self.position += len(word)
                return literal
        match = NUMBER.match(self.text, self.position)
        if match is None:
            self.fail("expected a value")
        self.position = match.end()
        token = match.group()
        if token.lstrip("-") in ("Inf", "NaN"):
            return float(token.replace("Inf", "inf").replace("NaN", "nan"))
        return float(token) if re.search(r"[.eE]", token) else int(token)

    def string(self) -> str:
        self.expect("'")
        out = []
        while True:
            if self.position >= len(self.text):
                self.fail("unterminated string")
            char = self.text[self.position]
            if char == "'":
                self.position += 1
                return "".join(out)
            if char == "\\" and self.position + 1 < len(self.text):
                code = self.text[self.position + 1]
                if code == "u":
                    out.append(chr(int(self.text[self.position + 2:self.position + 6], 16)))
                    self.position += 6
                    continue
                out.append(ESCAPES.get(code, "\\" + code))
                self.position += 2
                continue
            out.append(char)
            self.position += 1

    def name(self) -> str:
        self.skip()
        if self.accept("`"):
            end = self.text.index("`", self.position)
            name, self.position = self.text[self.position:end], end + 1
            return name
        match = IDENTIFIER.match(self.text, self.position)
        if match is None:
            self.fail("expected a name")
        self.position = match.end()
        return match.group()

    def list(self) -> list:
        self.expect("[")
        items = []
        if not self.accept("]"):
            items.append(self.value())
            while self.accept(","):
                items.append(self.value())
            self.expect("]")
        return items

    def map(self) -> dict:
        self.expect("{")
        items = {}
        if not self.accept("}"):
            while True:
                key = self.name()
                self.expect(":")
                items[key] = self.value()
                if not self.accept(","):
                    break
            self.expect("}")
        return items

    def node(self) -> ExpectedNode:
        self.expect("(")
        labels = set()
        while self.accept(":"):
            labels.add(self.name())
        properties = self.map() if self.peek() == "{" else {}
        self.expect(")")
        return ExpectedNode(frozenset(labels), properties)

    def relationship(self) -> ExpectedRelationship:
        self.expect("[")
        self.expect(":")
        kind = self.name()
        properties = self.map() if self.peek() == "{" else {}
        self.expect("]")
        return ExpectedRelationship(kind, properties)

    def path(self) -> ExpectedPath:
        self.expect("<")
        nodes = [self.node()]
        relationships = []
        while not self.accept(">"):
            backward = self.accept("<-")
            if not backward:
                self.expect("-")
            relationship = self.relationship()
            forward = self.accept("->")
            if not forward:
                self.expect("-")
            if forward == backward:
                self.fail("a path relationship needs exactly one direction")
            relationships.append((relationship, forward))
            nodes.append(self.node())
        return ExpectedPath(tuple(nodes), tuple(relationships))
