"""What the tables of Java methods share: the argument kinds an overload accepts, Java's
exception texts and the comparisons and number conversions several types use."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from ..errors import JavaException
from .exceptions import java_exception
from .strings import (
    compare_to,
)
from .values import (
    INT_MAX,
    INT_MIN,
    LONG_MAX,
    LONG_MIN,
    MISSING,
    JavaArray,
    JavaByte,
    JavaChar,
    JavaFloat,
    JavaLong,
    JavaShort,
    java_class_name,
)

#: What a ``void`` Java method gives a template (Velocity 1.7 returns an empty string).
VOID = ""
IOOBE = "java.lang.IndexOutOfBoundsException"
UOE = "java.lang.UnsupportedOperationException"
NFE = "java.lang.NumberFormatException"
NPE = "java.lang.NullPointerException"

Impl = Callable[..., Any]
Table = dict[str, list[tuple[tuple[str, ...], Impl]]]


# -- argument kinds ------------------------------------------------------------------------


def _is_string(v: Any) -> bool:
    return isinstance(v, str) and type(v) is not JavaChar


def _is_collection(v: Any) -> bool:
    return isinstance(v, (list, tuple)) and not isinstance(v, JavaArray)


#: Boxes of values.py that widen to ``int`` (Byte, Short) and to ``long`` (and a Long).
_TO_INT = frozenset((JavaByte, JavaShort))
_TO_LONG = frozenset((JavaByte, JavaShort, JavaLong))

_KINDS: dict[str, Callable[[Any], bool]] = {
    # primitives: no null, boxed widening only (Byte/Short/Integer -> int, long, double;
    # Long -> long, double; never a BigInteger)
    "int": lambda v: (type(v) is int and INT_MIN <= v <= INT_MAX) or type(v) in _TO_INT,
    "long": lambda v: (type(v) is int and LONG_MIN <= v <= LONG_MAX) or type(v) in _TO_LONG,
    "double": lambda v: (isinstance(v, float) or (type(v) is int and LONG_MIN <= v <= LONG_MAX)
                         or type(v) in _TO_LONG),
    "float": lambda v: (type(v) is JavaFloat or (type(v) is int and LONG_MIN <= v <= LONG_MAX)
                        or type(v) in _TO_LONG),
    "boolean": lambda v: type(v) is bool,
    "char": lambda v: type(v) is JavaChar,
    # references: null converts to any of them
    "String": lambda v: v is None or _is_string(v),
    "Integer": lambda v: v is None or (type(v) is int and INT_MIN <= v <= INT_MAX),
    "Long": lambda v: v is None or type(v) is JavaLong or (
        type(v) is int and not INT_MIN <= v <= INT_MAX and LONG_MIN <= v <= LONG_MAX),
    "Double": lambda v: v is None or type(v) is float,
    "Boolean": lambda v: v is None or type(v) is bool,
    "Character": lambda v: v is None or type(v) is JavaChar,
    "Object": lambda v: True,
    "Collection": lambda v: v is None or _is_collection(v),
    "Map": lambda v: v is None or isinstance(v, dict),
    "null": lambda v: v is None,  # only null: overloads Velocity finds ambiguous for it
    "char[]": lambda v: v is None or (type(v) is JavaArray and v.element_class == "char"),
    "Comparator": lambda v: v is None,  # no template value is a Comparator
    "Function": lambda v: v is None,  # nor a Predicate, Consumer, BiConsumer, ...
}


def _applicable(kinds: tuple[str, ...], args: list[Any]) -> bool:
    if kinds and kinds[-1].endswith("..."):  # varargs: any number of trailing arguments
        fixed, rest = kinds[:-1], kinds[-1][:-3]
        if len(args) < len(fixed):
            return False
        return all(_KINDS[k](a) for k, a in zip(fixed, args)) and all(
            _KINDS[rest](a) for a in args[len(fixed):])
    if len(kinds) != len(args):
        return False
    return all(_KINDS[k](a) for k, a in zip(kinds, args))


# -- helpers --------------------------------------------------------------------------------


def _ambiguous(*_: Any) -> Any:
    """A null argument that fits two overloads (``getBytes(String)`` and
    ``getBytes(Charset)``): Velocity finds no method and the reference prints as written."""
    return MISSING


def _npe(what: str = "") -> JavaException:
    return java_exception(NPE, what)


# Java 17's "helpful NullPointerException" messages.
_NPE_CALL = 'Cannot invoke "{}" because "{}" is null'
_NPE_FIELD = 'Cannot read field "value" because "{}" is null'
_COMPARE_TO_PARAM = {
    "java.lang.Integer": "anotherInteger", "java.lang.Long": "anotherLong",
    "java.lang.Double": "anotherDouble", "java.lang.Boolean": "b",
    "java.lang.Character": "anotherCharacter", "java.lang.String": "anotherString",
}


def _wrap32(value: int) -> int:
    value &= 0xFFFFFFFF
    return value - (1 << 32) if value >> 31 else value


def _wrap64(value: int) -> int:
    value &= 0xFFFFFFFFFFFFFFFF
    return value - (1 << 64) if value >> 63 else value


def _d2i(value: float, lo: int, hi: int) -> int:
    """Java's (int)/(long) cast of a double: NaN is 0, saturates, truncates toward zero."""
    if value != value:
        return 0
    if value >= hi:
        return hi
    if value <= lo:
        return lo
    return int(value)


def _to_double(value: int) -> float:
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def _check_index(index: int, length: int) -> None:
    if index < 0 or index >= length:
        raise java_exception(IOOBE, f"Index {index} out of bounds for length {length}")


def _module_of(java_class: str) -> str:
    if java_class.startswith(("java.", "javax.")):
        return "module java.base of loader 'bootstrap'"
    return "unnamed module of loader 'app'"


def _cast_error(src: str, dst: str) -> JavaException:
    """Java 17's ClassCastException message for casting class ``src`` to ``dst``."""
    m1, m2 = _module_of(src), _module_of(dst)
    where = f"{src} and {dst} are in {m1}" if m1 == m2 else f"{src} is in {m1}; {dst} is in {m2}"
    return java_exception("java.lang.ClassCastException", f"class {src} cannot be cast to class {dst} ({where})")


def _class_cast(value: Any, target: Any) -> JavaException:
    return _cast_error(java_class_name(value), java_class_name(target))


def _compare_to(a: Any, b: Any) -> int:
    """``Comparable.compareTo(Object)`` (the bridge Velocity finds): same class or it throws."""
    if b is None:
        cls = java_class_name(a)
        if cls == "java.math.BigInteger":
            raise _npe('Cannot read field "signum" because "val" is null')
        raise _npe(_NPE_FIELD.format(_COMPARE_TO_PARAM.get(cls, "o")))
    if java_class_name(a) != java_class_name(b):
        raise _class_cast(b, a)
    if type(a) is bool:
        return (a > b) - (a < b)
    if type(a) in _TO_INT:  # Byte.compare and Short.compare subtract
        return int(a) - int(b)
    if isinstance(a, str):
        if type(a) is JavaChar:
            return ord(a) - ord(b)
        return compare_to(a, b)
    return _n_compare_to(a, b)


def _n_compare_to(a: Any, b: Any) -> int:
    if isinstance(a, float):
        # Double.compare: -0.0 < 0.0, NaN greater than everything and equal to itself
        if a != a or b != b:
            return 0 if (a != a and b != b) else (1 if a != a else -1)
        if a == b:
            sa, sb = math.copysign(1.0, a), math.copysign(1.0, b)
            return (sa > sb) - (sa < sb)
    return (a > b) - (a < b)
