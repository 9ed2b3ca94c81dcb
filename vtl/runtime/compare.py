"""Velocity 1.7 truthiness, Java ``equals`` and the comparison operators.

``==``/``!=`` (``ASTEQNode``/``ASTNENode``): two numbers compare by value across types
(``1 == 1.0``); two objects of related classes use ``equals``; anything else compares the
``toString()`` of both sides (``'1' == 1`` and ``$list == '[1, 2]'`` are true); null equals
only null. ``< <= > >=`` are false unless both sides are numbers.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from .arith import compare_numbers, is_number
from .hashing import java_key
from .text import to_string
from .values import (
    MISSING,
    HostObject,
    JavaArray,
    JavaChar,
    JavaClass,
    JavaFloat,
    JavaKey,
    MapEntry,
)

__all__ = ["is_true", "java_equals", "eq", "ne", "lt", "le", "gt", "ge", "map_lookup"]


def is_true(value: Any) -> bool:
    """``#if($ref)`` in 1.7: only null (or a missing reference) and ``false`` are false."""
    return value is not None and value is not False and value is not MISSING


def _is_list(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and not isinstance(value, JavaArray)


def java_equals(a: Any, b: Any) -> bool:
    """Java ``a.equals(b)`` (``None`` equals only ``None``)."""
    if a is b:
        return True
    ta = type(a)
    if ta is str:
        return isinstance(b, str) and type(b) is not JavaChar and str.__eq__(a, b)
    if a is None or b is None:
        return False
    if ta is bool:
        return type(b) is bool and a == b
    if ta is int:
        return type(b) is int and a == b
    if ta is float:
        # Double.equals compares bit patterns: NaN equals NaN, 0.0 differs from -0.0.
        if type(b) is not float:
            return False
        if a != a:
            return b != b
        return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)
    if ta is Decimal:
        return type(b) is Decimal and a.as_tuple() == b.as_tuple()
    if ta is JavaFloat:  # Float.equals: floatToIntBits
        if type(b) is not JavaFloat:
            return False
        if a != a:
            return b != b
        return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)
    if isinstance(a, JavaChar):
        return isinstance(b, JavaChar) and str.__eq__(a, b)
    if isinstance(a, str):
        return isinstance(b, str) and not isinstance(b, JavaChar) and str.__eq__(a, b)
    if isinstance(a, JavaArray) or isinstance(b, JavaArray):
        return False
    if _is_list(a):
        kind = getattr(type(a), "java_kind", "list")
        if kind == "collection":  # map.values(): AbstractCollection keeps Object.equals,
            # and a map hands out one values() view
            owner = getattr(a, "owner", None)
            return owner is not None and getattr(b, "owner", None) is owner and type(b) is type(a)
        if not _is_list(b) or getattr(type(b), "java_kind", "list") != kind or len(a) != len(b):
            return False
        if kind == "set":
            return all(any(java_equals(x, y) for y in b) for x in a)
        for x, y in zip(a, b):  # a loop, not all(...): one Python frame per level of nesting
            if not java_equals(x, y):
                return False
        return True
    if isinstance(a, dict):
        if not isinstance(b, dict) or len(a) != len(b):
            return False
        for key, value in a.items():
            found, other = map_lookup(b, key)  # a stored JavaKey is hashed again
            if not found or not java_equals(value, other):
                return False
        return True
    if isinstance(a, MapEntry):
        return isinstance(b, MapEntry) and java_equals(a.key, b.key) and java_equals(a.value, b.value)
    if isinstance(a, JavaClass):
        return isinstance(b, JavaClass) and a.name == b.name
    return False


JavaKey.equals = staticmethod(java_equals)


def map_lookup(mapping: dict, key: Any) -> tuple[bool, Any]:
    """``(containsKey(key), get(key))`` with Java key equality (see :class:`JavaKey`: keys
    other than strings and integers are stored wrapped, so ``1``, ``1.0`` and ``true`` stay
    three keys and a list or map can be a key)."""
    t = type(key)
    if t is not str and t is not int and key is not None:
        key = java_key(key)
    if key in mapping:
        return True, mapping[key]
    return False, None


def _related(a: Any, b: Any) -> bool:
    """Whether one operand's class is assignable from the other's (both non-null)."""
    if isinstance(a, str) or isinstance(b, str):
        return isinstance(a, str) and isinstance(b, str) and isinstance(a, JavaChar) == isinstance(b, JavaChar)
    ta, tb = type(a), type(b)
    if ta is bool or tb is bool:
        return ta is tb
    if _is_list(a) and _is_list(b):
        # JSONArray extends ArrayList: related either way; ArrayList vs ArrayList too. A
        # map's keySet, values or entrySet is related only to a view of its own class.
        if getattr(ta, "java_kind", "list") == getattr(tb, "java_kind", "list") == "list":
            return True
        return ta is tb
    if isinstance(a, JavaArray) and isinstance(b, JavaArray):
        return True
    if isinstance(a, dict) and isinstance(b, dict):
        return True
    if isinstance(a, MapEntry) and isinstance(b, MapEntry):
        return True
    if isinstance(a, JavaClass) and isinstance(b, JavaClass):
        return True
    if isinstance(a, HostObject) and isinstance(b, HostObject):
        return isinstance(a, tb) or isinstance(b, ta)
    return False


def eq(a: Any, b: Any) -> bool:
    """Velocity ``a == b``."""
    if a is MISSING:
        a = None
    if b is MISSING:
        b = None
    if is_number(a) and is_number(b):
        return compare_numbers(a, b) == 0
    if a is not None and b is not None and _related(a, b):
        return java_equals(a, b)
    if a is None or b is None:
        return a is None and b is None
    return to_string(a) == to_string(b)


def ne(a: Any, b: Any) -> bool:
    """Velocity ``a != b`` (the exact negation of ``==``)."""
    return not eq(a, b)


def _ordered(a: Any, b: Any) -> int | None:
    if is_number(a) and is_number(b):
        return compare_numbers(a, b)
    return None


def lt(a: Any, b: Any) -> bool:
    """Velocity ``a < b``: false unless both are numbers."""
    c = _ordered(a, b)
    return c is not None and c < 0


def le(a: Any, b: Any) -> bool:
    """Velocity ``a <= b``."""
    c = _ordered(a, b)
    return c is not None and c <= 0


def gt(a: Any, b: Any) -> bool:
    """Velocity ``a > b``."""
    c = _ordered(a, b)
    return c is not None and c > 0


def ge(a: Any, b: Any) -> bool:
    """Velocity ``a >= b``."""
    c = _ordered(a, b)
    return c is not None and c >= 0

