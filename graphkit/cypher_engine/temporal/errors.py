"""The Cypher errors temporal functions raise, with the TCK's kinds and details.

Examples
--------
>>> invalid_value("Invalid date").detail
'InvalidArgumentValue'
"""

from __future__ import annotations

from graphkit.errors import CypherError


def invalid_value(message: str) -> CypherError:
    """Return the runtime error for a well-typed but impossible argument (month 13, bad string)."""
    return CypherError(message, kind="ArgumentError", phase="runtime", detail="InvalidArgumentValue")


def invalid_type(message: str) -> CypherError:
    """Return the runtime error for an argument of the wrong type.

    >>> invalid_type("date() wants a string or map").kind
    'TypeError'
    """
    return CypherError(message, kind="TypeError", phase="runtime", detail="InvalidArgumentType")
