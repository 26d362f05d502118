"""Cypher's scalar functions: string, list, math, conversion and graph functions.

Each function takes the evaluated arguments and the execution context and returns a value;
:data:`FUNCTIONS` maps the lower-case name to (function, minimum, maximum argument count).

Examples
--------
>>> call_function("toupper", ["abc"], None), call_function("range", [1, 7, 3], None)
('ABC', [1, 4, 7])
"""

from __future__ import annotations

import math
import random
import uuid
from collections.abc import Callable
from typing import Any

from graphkit.cypher_engine.semantics import NodeRef, PathValue, RelRef, equals, is_number, type_name
from graphkit.cypher_engine.temporal.clock import statement_nanos
from graphkit.errors import CypherError

try:
    from graphkit.cypher_engine import temporal as _temporal
except ImportError:  # the temporal module is written separately; engine works without it
    _temporal = None

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


def argument_error(function: str, value: Any, expected: str) -> CypherError:
    """Return the TypeError a function raises for an argument of the wrong type."""
    return CypherError(f"{function}() expected {expected}, got {type_name(value)}", "TypeError",
                       "runtime", "InvalidArgumentValue")


def _strings(name: str, transform: Callable[[str], Any]) -> Callable:
    def function(args, context):
        value = args[0]
        if value is None:
            return None
        if not isinstance(value, str):
            raise argument_error(name, value, "a string")
        return transform(value)
    return function


def _numbers(name: str, transform: Callable[[float], Any]) -> Callable:
    def function(args, context):
        value = args[0]
        if value is None:
            return None
        if not is_number(value):
            raise argument_error(name, value, "a number")
        return transform(value)
    return function


def _integer_argument(name: str, value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise argument_error(name, value, "an integer")
    return value


def _replace(args, context):
    if any(arg is None for arg in args):
        return None
    for arg in args:
        if not isinstance(arg, str):
            raise argument_error("replace", arg, "a string")
    return args[0].replace(args[1], args[2])


def _substring(args, context):
    text = args[0]
    if text is None:
        return None
    if not isinstance(text, str):
        raise argument_error("substring", text, "a string")
    start = _integer_argument("substring", args[1])
    if start < 0:
        raise CypherError("substring() start must not be negative", "ArgumentError", "runtime",
                          "NumberOutOfRange")
    if len(args) > 2 and args[2] is not None:
        length = _integer_argument("substring", args[2])
        if length < 0:
            raise CypherError("substring() length must not be negative", "ArgumentError", "runtime",
                              "NumberOutOfRange")
        return text[start:start + length]
    return text[start:]


def _left_right(name: str) -> Callable:
    def function(args, context):
        text, length = args
        if text is None:
            return None
        if not isinstance(text, str):
            raise argument_error(name, text, "a string")
        if length is None:
            raise argument_error(name, length, "an integer")
        length = _integer_argument(name, length)
        if length < 0:
            raise CypherError(f"{name}() length must not be negative", "ArgumentError", "runtime",
                              "NumberOutOfRange")
        return text[:length] if name == "left" else (text[len(text) - length:] if length else "")
    return function


def _split(args, context):
    text, separator = args
    if text is None or separator is None:
        return None
    if not isinstance(text, str) or not isinstance(separator, str):
        raise argument_error("split", text, "strings")
    if separator == "":
        return list(text)
    return text.split(separator)


def _reverse(args, context):
    value = args[0]
    if value is None:
        return None
    if isinstance(value, (str, list)):
        return value[::-1]
    raise argument_error("reverse", value, "a string or list")


def to_string(value: Any) -> str | None:
    """Return Cypher toString(value)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return format_float(value)
    if isinstance(value, (int, str)):
        return str(value)
    if _temporal is not None and _temporal.is_temporal(value):
        return _temporal.temporal_to_string(value)
    raise argument_error("toString", value, "a string, number, boolean or temporal value")


def format_float(value: float) -> str:
    """Return a float as Cypher prints it (1.0, 1.5E10, NaN, Infinity)."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    text = repr(value)
    if "e" in text:
        mantissa, exponent = text.split("e")
        if "." not in mantissa:
            mantissa += ".0"
        return f"{mantissa}E{int(exponent)}"
    return text


def _to_string(args, context):
    return to_string(args[0])


def _to_string_or_null(args, context):
    try:
        return to_string(args[0])
    except CypherError:
        return None


def to_integer(value: Any) -> int | None:
    """Return Cypher toInteger(value), None where it cannot convert; TypeError for other types."""
    if value is None:
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None
        return int(value)
    if isinstance(value, str):
        text = value.strip()
        try:
            return int(text)
        except ValueError:
            try:
                number = float(text)
            except ValueError:
                return None
            return None if math.isnan(number) or math.isinf(number) else int(number)
    raise argument_error("toInteger", value, "a string, number or boolean")


def to_float(value: Any) -> float | None:
    """Return Cypher toFloat(value), None where it cannot convert; TypeError for other types."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise argument_error("toFloat", value, "a string or number")
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    raise argument_error("toFloat", value, "a string or number")


def to_boolean(value: Any) -> bool | None:
    """Return Cypher toBoolean(value), None where it cannot convert; TypeError for other types."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return {"true": True, "false": False}.get(value.strip().lower())
    if isinstance(value, int):
        return value != 0
    raise argument_error("toBoolean", value, "a string, integer or boolean")


def _or_null(convert: Callable[[Any], Any]) -> Callable:
    def function(args, context):
        try:
            return convert(args[0])
        except CypherError:
            return None
    return function


def _list_of(convert: Callable[[Any], Any]) -> Callable:
    def function(args, context):
        value = args[0]
        if value is None:
            return None
        if not isinstance(value, list):
            raise argument_error("conversion", value, "a list")
        result = []
        for item in value:
            try:
                result.append(convert(item))
            except CypherError:
                result.append(None)
        return result
    return function


def _size(args, context):
    value = args[0]
    if value is None:
        return None
    if isinstance(value, (str, list)):
        return len(value)
    if isinstance(value, PathValue):
        return len(value.relationships)
    raise argument_error("size", value, "a string or list")


def _list_function(name: str, pick: Callable[[list], Any]) -> Callable:
    def function(args, context):
        value = args[0]
        if value is None:
            return None
        if not isinstance(value, list):
            raise argument_error(name, value, "a list")
        return pick(value)
    return function


def _range(args, context):
    for arg in args:
        if arg is None or not isinstance(arg, int) or isinstance(arg, bool):
            raise CypherError(f"range() expected integers, got {type_name(arg)}", "ArgumentError", "runtime",
                              "InvalidArgumentType")
    start, end = args[0], args[1]
    step = args[2] if len(args) > 2 else 1
    if step == 0:
        raise CypherError("range() step must not be zero", "ArgumentError", "runtime", "NumberOutOfRange")
    if step > 0:
        return list(range(start, end + 1, step))
    return list(range(start, end - 1, step))


def _keys(args, context):
    value = args[0]
    if value is None:
        return None
    if isinstance(value, dict):
        return list(value.keys())
    if isinstance(value, (NodeRef, RelRef)):
        return list(context.properties_of(value).keys())
    raise argument_error("keys", value, "a map, node or relationship")


def _labels(args, context):
    value = args[0]
    if value is None:
        return None
    if not isinstance(value, NodeRef):
        raise argument_error("labels", value, "a node")
    return list(context.labels_of(value))


def _type(args, context):
    value = args[0]
    if value is None:
        return None
    if not isinstance(value, RelRef):
        raise argument_error("type", value, "a relationship")
    return context.type_of(value)


def _properties(args, context):
    value = args[0]
    if value is None:
        return None
    if isinstance(value, dict):
        return dict(value)
    if isinstance(value, (NodeRef, RelRef)):
        return context.properties_of(value)
    raise argument_error("properties", value, "a map, node or relationship")


def _id(args, context):
    value = args[0]
    if value is None:
        return None
    if isinstance(value, NodeRef):
        return value.id
    if isinstance(value, RelRef):
        return context.relationship_id(value)
    raise argument_error("id", value, "a node or relationship")


def _element_id(args, context):
    value = _id(args, context)
    return None if value is None else str(value)


def _endpoint(name: str) -> Callable:
    def function(args, context):
        value = args[0]
        if value is None:
            return None
        if not isinstance(value, RelRef):
            raise argument_error(name, value, "a relationship")
        return NodeRef(value.start if name == "startnode" else value.end)
    return function


def _path_function(name: str) -> Callable:
    def function(args, context):
        value = args[0]
        if value is None:
            return None
        if not isinstance(value, PathValue):
            raise argument_error(name, value, "a path")
        if name == "nodes":
            return list(value.nodes)
        if name == "relationships":
            return list(value.relationships)
        return len(value.relationships)
    return function


def _coalesce(args, context):
    return next((arg for arg in args if arg is not None), None)


def _round(args, context):
    value = args[0]
    if value is None:
        return None
    if not is_number(value):
        raise argument_error("round", value, "a number")
    if len(args) == 1:
        return float(math.floor(value + 0.5))
    precision = args[1]
    mode = args[2].upper() if len(args) > 2 and isinstance(args[2], str) else "HALF_UP"
    factor = 10 ** precision
    scaled = value * factor
    if mode == "HALF_EVEN":
        rounded = round(scaled)
    elif mode in ("HALF_DOWN",):
        rounded = math.ceil(scaled - 0.5) if scaled >= 0 else math.floor(scaled + 0.5)
    elif mode == "CEILING":
        rounded = math.ceil(scaled)
    elif mode == "FLOOR":
        rounded = math.floor(scaled)
    elif mode == "UP":
        rounded = math.ceil(scaled) if scaled >= 0 else math.floor(scaled)
    elif mode == "DOWN":
        rounded = math.floor(scaled) if scaled >= 0 else math.ceil(scaled)
    else:
        rounded = math.floor(scaled + 0.5) if scaled >= 0 else -math.floor(-scaled + 0.5)
    return float(rounded / factor)


def _is_empty(args, context):
    value = args[0]
    if value is None:
        return None
    if isinstance(value, (str, list, dict)):
        return len(value) == 0
    raise argument_error("isEmpty", value, "a string, list or map")


def _null_if(args, context):
    return None if equals(args[0], args[1]) is True else args[0]


def _timestamp(args, context):
    return statement_nanos() // 1_000_000


def _is_nan(value):
    return isinstance(value, float) and math.isnan(value)


def _sign(value):
    return (value > 0) - (value < 0)


def _abs(value):
    return abs(value)


def _safe_math(name: str, operation: Callable[[float], float]) -> Callable:
    def guarded(value):
        try:
            return operation(value)
        except (ValueError, OverflowError):
            return math.nan
    return _numbers(name, guarded)


def _log(operation: Callable[[float], float]) -> Callable[[float], float]:
    def guarded(value):
        if value == 0:
            return -math.inf
        if value < 0:
            return math.nan
        return operation(value)
    return guarded


def _atan2(args, context):
    if args[0] is None or args[1] is None:
        return None
    return math.atan2(args[0], args[1])


def _haversin(value):
    return (1 - math.cos(value)) / 2


def _cot(value):
    tangent = math.tan(value)
    return math.inf if tangent == 0 else 1 / tangent


FUNCTIONS: dict[str, tuple[Callable, int, int]] = {
    "toupper": (_strings("toUpper", str.upper), 1, 1),
    "tolower": (_strings("toLower", str.lower), 1, 1),
    "trim": (_strings("trim", lambda s: s.strip(" \t\n\r")), 1, 1),
    "ltrim": (_strings("lTrim", lambda s: s.lstrip(" \t\n\r")), 1, 1),
    "rtrim": (_strings("rTrim", lambda s: s.rstrip(" \t\n\r")), 1, 1),
    "replace": (_replace, 3, 3),
    "substring": (_substring, 2, 3),
    "left": (_left_right("left"), 2, 2),
    "right": (_left_right("right"), 2, 2),
    "split": (_split, 2, 2),
    "reverse": (_reverse, 1, 1),
    "tostring": (_to_string, 1, 1),
    "tostringornull": (_to_string_or_null, 1, 1),
    "tointeger": (lambda args, context: to_integer(args[0]), 1, 1),
    "tofloat": (lambda args, context: to_float(args[0]), 1, 1),
    "toboolean": (lambda args, context: to_boolean(args[0]), 1, 1),
    "tointegerornull": (_or_null(to_integer), 1, 1),
    "tofloatornull": (_or_null(to_float), 1, 1),
    "tobooleanornull": (_or_null(to_boolean), 1, 1),
    "tointegerlist": (_list_of(to_integer), 1, 1),
    "tofloatlist": (_list_of(to_float), 1, 1),
    "tobooleanlist": (_list_of(to_boolean), 1, 1),
    "tostringlist": (_list_of(to_string), 1, 1),
    "size": (_size, 1, 1),
    "head": (_list_function("head", lambda items: items[0] if items else None), 1, 1),
    "last": (_list_function("last", lambda items: items[-1] if items else None), 1, 1),
    "tail": (_list_function("tail", lambda items: items[1:]), 1, 1),
    "range": (_range, 2, 3),
    "keys": (_keys, 1, 1),
    "labels": (_labels, 1, 1),
    "type": (_type, 1, 1),
    "properties": (_properties, 1, 1),
    "id": (_id, 1, 1),
    "elementid": (_element_id, 1, 1),
    "startnode": (_endpoint("startnode"), 1, 1),
    "endnode": (_endpoint("endnode"), 1, 1),
    "nodes": (_path_function("nodes"), 1, 1),
    "relationships": (_path_function("relationships"), 1, 1),
    "length": (_path_function("length"), 1, 1),
    "coalesce": (_coalesce, 1, 1_000_000),
    "abs": (_numbers("abs", _abs), 1, 1),
    "ceil": (_numbers("ceil", lambda v: float(math.ceil(v))), 1, 1),
    "floor": (_numbers("floor", lambda v: float(math.floor(v))), 1, 1),
    "round": (_round, 1, 3),
    "sign": (_numbers("sign", _sign), 1, 1),
    "sqrt": (_safe_math("sqrt", math.sqrt), 1, 1),
    "exp": (_safe_math("exp", math.exp), 1, 1),
    "log": (_numbers("log", _log(math.log)), 1, 1),
    "log10": (_numbers("log10", _log(math.log10)), 1, 1),
    "sin": (_numbers("sin", math.sin), 1, 1),
    "cos": (_numbers("cos", math.cos), 1, 1),
    "tan": (_numbers("tan", math.tan), 1, 1),
    "cot": (_numbers("cot", _cot), 1, 1),
    "asin": (_safe_math("asin", math.asin), 1, 1),
    "acos": (_safe_math("acos", math.acos), 1, 1),
    "atan": (_numbers("atan", math.atan), 1, 1),
    "atan2": (_atan2, 2, 2),
    "degrees": (_numbers("degrees", math.degrees), 1, 1),
    "radians": (_numbers("radians", math.radians), 1, 1),
    "haversin": (_numbers("haversin", _haversin), 1, 1),
    "e": (lambda args, context: math.e, 0, 0),
    "pi": (lambda args, context: math.pi, 0, 0),
    "rand": (lambda args, context: random.random(), 0, 0),
    "randomuuid": (lambda args, context: str(uuid.uuid4()), 0, 0),
    "timestamp": (_timestamp, 0, 0),
    "isempty": (_is_empty, 1, 1),
    "isnan": (_numbers("isNaN", _is_nan), 1, 1),
    "nullif": (_null_if, 2, 2),
    "lower": (_strings("lower", str.lower), 1, 1),
    "upper": (_strings("upper", str.upper), 1, 1),
    "char_length": (_strings("char_length", len), 1, 1),
    "character_length": (_strings("character_length", len), 1, 1),
}

if _temporal is not None:
    for _name, _function in getattr(_temporal, "TEMPORAL_FUNCTIONS", {}).items():
        FUNCTIONS[_name] = (lambda args, context, _f=_function: _f(*args), 0, 8)


def call_function(name: str, args: list, context: Any) -> Any:
    """Call a scalar function by lower-case name with evaluated arguments."""
    return FUNCTIONS[name][0](args, context)
