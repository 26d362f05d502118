"""Cypher's operators on values: arithmetic, comparison, IN, property access, indexing, slicing.

Each takes evaluated operands and follows Cypher: null in, null out; integers stay 64-bit; a
temporal operand goes to the temporal module.

Examples
--------
>>> add(1, 2), add("a", 1), add([1], 2), divide(-7, 2), modulo(-7, 2), compare_operator("<", 1, 2.5)
(3, 'a1', [1, 2], -3, -1, True)
"""

from __future__ import annotations

import math
from typing import Any

from graphkit.cypher_engine.functions import INT64_MAX, INT64_MIN, format_float
from graphkit.cypher_engine.semantics import (
    NodeRef,
    RelRef,
    compare,
    equals,
    is_number,
    is_temporal,
    type_name,
)
from graphkit.errors import CypherError

try:
    from graphkit.cypher_engine import temporal as _temporal
except ImportError:  # the temporal module is written separately; engine works without it
    _temporal = None


def type_error(message: str, detail: str = "InvalidArgumentType") -> CypherError:
    """Return a runtime TypeError with a TCK detail code."""
    return CypherError(message, "TypeError", "runtime", detail)


def check_integer(value: int) -> int:
    """Return an integer result or raise when it leaves the 64-bit range."""
    if value > INT64_MAX or value < INT64_MIN:
        raise CypherError("integer overflow", "ArithmeticError", "runtime", "IntegerOverflow")
    return value


def add(left: Any, right: Any) -> Any:
    """Return Cypher ``left + right``."""
    if left is None or right is None:
        return None
    if is_number(left) and is_number(right):
        result = left + right
        return check_integer(result) if isinstance(result, int) else result
    if isinstance(left, str) and isinstance(right, str):
        return left + right
    if isinstance(left, list):
        return left + right if isinstance(right, list) else left + [right]
    if isinstance(right, list):
        return [left] + right
    if isinstance(left, str) and (is_number(right) or isinstance(right, bool)):
        return left + _concatenation_text(right)
    if isinstance(right, str) and (is_number(left) or isinstance(left, bool)):
        return _concatenation_text(left) + right
    if _temporal is not None and (is_temporal(left) or is_temporal(right)):
        result = _temporal.temporal_add(left, right)
        if result is not NotImplemented:
            return result
    raise type_error(f"cannot add {type_name(left)} and {type_name(right)}")


def _concatenation_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return format_float(value)
    return str(value)


def subtract(left: Any, right: Any) -> Any:
    """Return Cypher ``left - right``."""
    if left is None or right is None:
        return None
    if is_number(left) and is_number(right):
        result = left - right
        return check_integer(result) if isinstance(result, int) else result
    if _temporal is not None and (is_temporal(left) or is_temporal(right)):
        result = _temporal.temporal_subtract(left, right)
        if result is not NotImplemented:
            return result
    raise type_error(f"cannot subtract {type_name(right)} from {type_name(left)}")


def multiply(left: Any, right: Any) -> Any:
    """Return Cypher ``left * right``."""
    if left is None or right is None:
        return None
    if is_number(left) and is_number(right):
        result = left * right
        return check_integer(result) if isinstance(result, int) else result
    if _temporal is not None and (is_temporal(left) or is_temporal(right)):
        result = _temporal.temporal_multiply(left, right)
        if result is not NotImplemented:
            return result
    raise type_error(f"cannot multiply {type_name(left)} and {type_name(right)}")


def divide(left: Any, right: Any) -> Any:
    """Return Cypher ``left / right`` (integer division truncates toward zero)."""
    if left is None or right is None:
        return None
    if is_number(left) and is_number(right):
        if isinstance(left, int) and isinstance(right, int):
            if right == 0:
                raise CypherError("/ by zero", "ArithmeticError", "runtime", "DivisionByZero")
            quotient = abs(left) // abs(right)
            return check_integer(quotient if (left >= 0) == (right >= 0) else -quotient)
        if right == 0:
            if left == 0 or (isinstance(left, float) and math.isnan(left)):
                return math.nan
            return math.copysign(math.inf, left) * (math.copysign(1, right))
        return left / right
    if _temporal is not None and is_temporal(left):
        result = _temporal.temporal_divide(left, right)
        if result is not NotImplemented:
            return result
    raise type_error(f"cannot divide {type_name(left)} by {type_name(right)}")


def modulo(left: Any, right: Any) -> Any:
    """Return Cypher ``left % right`` (the sign follows the dividend, as in Java)."""
    if left is None or right is None:
        return None
    if is_number(left) and is_number(right):
        if isinstance(left, int) and isinstance(right, int):
            if right == 0:
                raise CypherError("/ by zero", "ArithmeticError", "runtime", "DivisionByZero")
            return int(math.fmod(left, right)) if abs(left) < 2**52 else left - right * int(left / right)
        if right == 0:
            return math.nan
        return math.fmod(left, right)
    raise type_error(f"cannot take {type_name(left)} modulo {type_name(right)}")


def power(left: Any, right: Any) -> Any:
    """Return Cypher ``left ^ right`` (always a float)."""
    if left is None or right is None:
        return None
    if is_number(left) and is_number(right):
        try:
            return float(left) ** float(right)
        except OverflowError:
            return math.inf
        except ZeroDivisionError:
            return math.inf
    raise type_error(f"cannot raise {type_name(left)} to {type_name(right)}")


ARITHMETIC = {"+": add, "-": subtract, "*": multiply, "/": divide, "%": modulo, "^": power}


def negate(value: Any) -> Any:
    """Return Cypher ``-value``."""
    if value is None:
        return None
    if is_number(value):
        return check_integer(-value) if isinstance(value, int) else -value
    if _temporal is not None and is_temporal(value):
        result = _temporal.temporal_multiply(value, -1)
        if result is not NotImplemented:
            return result
    raise type_error(f"cannot negate {type_name(value)}")


def compare_operator(operator: str, left: Any, right: Any) -> bool | None:
    """Return the three-valued result of one comparison operator."""
    if operator == "=":
        return equals(left, right)
    if is_number(left) and is_number(right) and (math.isnan(left) or math.isnan(right)) \
            and operator in ("<", ">", "<=", ">="):
        return False
    if operator == "<>":
        result = equals(left, right)
        return None if result is None else not result
    result = compare(left, right)
    if result is None:
        return None
    if operator == "<":
        return result < 0
    if operator == ">":
        return result > 0
    if operator == "<=":
        return result <= 0
    return result >= 0


def in_list(item: Any, container: Any) -> bool | None:
    """Return Cypher ``item IN container``."""
    if container is None:
        return None
    if not isinstance(container, list):
        raise type_error(f"IN expects a list, got {type_name(container)}")
    unknown = False
    for element in container:
        result = equals(item, element)
        if result:
            return True
        if result is None:
            unknown = True
    return None if unknown else False


def property_of(context: Any, subject: Any, key: str) -> Any:
    """Return ``subject.key`` for a node, relationship, map or temporal value."""
    if subject is None:
        return None
    if isinstance(subject, dict):
        return subject.get(key)
    if isinstance(subject, (NodeRef, RelRef)):
        return context.property_of(subject, key)
    if _temporal is not None and is_temporal(subject):
        return _temporal.temporal_property(subject, key)
    raise type_error(f"cannot read property {key!r} of {type_name(subject)}", "InvalidArgumentType")


def index_value(subject: Any, index: Any, context: Any = None) -> Any:
    """Return ``subject[index]`` for lists (integer index) and maps / entities (string key)."""
    if subject is None or index is None:
        return None
    if isinstance(subject, list):
        if not isinstance(index, int) or isinstance(index, bool):
            raise type_error(f"list index must be an integer, got {type_name(index)}")
        if -len(subject) <= index < len(subject):
            return subject[index]
        return None
    if isinstance(subject, (dict, NodeRef, RelRef)):
        if not isinstance(index, str):
            raise type_error(f"map key must be a string, got {type_name(index)}", "MapElementAccessByNonString")
        return property_of(context, subject, index)
    raise type_error(f"cannot index {type_name(subject)}")


def slice_list(subject: Any, start: Any, end: Any) -> Any:
    if subject is None:
        return None
    if not isinstance(subject, list):
        raise type_error(f"cannot slice {type_name(subject)}")
    for bound in (start, end):
        if bound is not None and (not isinstance(bound, int) or isinstance(bound, bool)):
            raise type_error("slice bounds must be integers")
    return subject[start:end]
