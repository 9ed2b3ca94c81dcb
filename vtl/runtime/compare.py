"""Velocity 1.7 truthiness, Java ``equals`` and the comparison operators.

``==``/``!=`` (``ASTEQNode``/``ASTNENode``): two numbers compare by value across types
(``1 == 1.0``); two objects of related classes use ``equals``; anything else compares the
``toString()`` of both sides (``'1' == 1`` and ``$list == '[1, 2]'`` are true); null equals
only null. ``< <= > >=`` are false unless both sides are numbers.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from .arith import compare_numbers, is_number
from .budgets import string_limit
from .exceptions import java_exception
from .hashing import CHECK_EVERY, WorkClock, java_hash, java_key
from .text import to_string, to_string_within
from .values import (
    MISSING,
    BoxedInt,
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
        # BigDecimal.equals: same value and scale, i.e. the same digits and exponent
        return type(b) is Decimal and not a.compare_total(b)
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
    if isinstance(a, BoxedInt):  # a Byte, Short, small Long or BigInteger: same class only
        return type(b) is ta and int.__eq__(a, b)
    if _is_container_type(ta):
        parts = _parts(a, b)
        if parts is None:
            return False
        small = _small_equal(parts, [_SMALL_SIZE], 0)
        if small is not None:
            return small
        # from the start: reading the parts changes nothing
        return _Equality().run(a, b, _parts(a, b))  # type: ignore[arg-type]
    if isinstance(a, JavaClass):
        return isinstance(b, JavaClass) and a.name == b.name
    return False


# -- equals of containers ------------------------------------------------------------------
#
# Java's equals recurses element by element. Over a list holding copies of itself ($l = [$l,
# $l] in a loop) that is exponential, and Python's recursion ends about 1,000 levels down.
# So containers are compared with an explicit stack, in Java's order, and every pair of
# containers (or long strings or numbers) found equal joins one class of a union-find: a part met
# again, in either value, is not compared again. Nothing changes while a comparison runs, so
# the answer is Java's; a pair met again while it is still being compared is Java's endless
# recursion (StackOverflowError). The render's deadline is checked every few thousand pairs.

#: Values of up to this many items nested up to this deep are compared without the machinery.
_SMALL_SIZE = 64
_SMALL_DEPTH = 6
#: Strings at least this long, integers past this bound and BigDecimals are remembered (by
#: identity) once compared equal: a list may hold the same long value millions of times.
_LONG_TEXT = 256
_BIG_INT = 1 << 4096


def _is_long_leaf(value: Any, t: type) -> bool:
    """Whether ``value`` (of type ``t``) is a string or number long enough to remember."""
    if t is str:
        return len(value) >= _LONG_TEXT
    return (t is int and not -_BIG_INT < value < _BIG_INT) or t is Decimal


#: A pair that is never equal (null against a non-null marker): a failed lookup.
_UNEQUAL = (None, object())

_CONTAINER_TYPES: dict[type, bool] = {}


def _is_container_type(t: type) -> bool:
    """Whether values of type ``t`` are compared part by part (lists, maps, entries)."""
    known = _CONTAINER_TYPES.get(t)
    if known is None:
        known = _CONTAINER_TYPES[t] = issubclass(t, (dict, MapEntry)) or (
            issubclass(t, (list, tuple)) and not issubclass(t, JavaArray))
    return known


def _parts(a: Any, b: Any) -> Iterator[tuple[Any, Any]] | None:
    """The pairs of parts whose equality makes container ``a`` equal ``b`` (an iterator, in
    Java's order), or ``None`` when ``b`` differs at once (class, size)."""
    if isinstance(b, JavaArray):
        return None
    if isinstance(a, dict):
        if not isinstance(b, dict) or len(a) != len(b):
            return None
        return _map_parts(a, b)
    if isinstance(a, MapEntry):
        if not isinstance(b, MapEntry):
            return None
        return iter(((a.key, b.key), (a.value, b.value)))
    kind = getattr(type(a), "java_kind", "list")
    if kind == "collection":  # map.values(): AbstractCollection keeps Object.equals,
        # and a map hands out one values() view
        owner = getattr(a, "owner", None)
        return iter(()) if owner is not None and getattr(b, "owner", None) is owner and type(b) is type(a) else None
    if not _is_list(b) or getattr(type(b), "java_kind", "list") != kind:
        return None
    if kind == "set":
        return _set_parts(a, b)
    if len(a) != len(b):
        return None
    return zip(a, b)


def _map_parts(a: dict, b: dict) -> Iterator[tuple[Any, Any]]:
    """``AbstractMap.equals``: each value of ``a`` against what ``b`` maps its key to."""
    keys = None
    for key, value in a.items():
        t = type(key)
        if t is str or t is int or key is None:  # stored as it is (see map_lookup)
            other = b.get(key, _ABSENT)
            if other is _ABSENT:
                yield _UNEQUAL
                return
            yield value, other
            continue
        if t is JavaKey:
            if keys is None:
                keys = _KeyIndex(b)
            stored = keys.candidate(key)
            if stored is _ABSENT:
                yield _UNEQUAL
                return
            if stored is not None:  # key.equals(stored) and value.equals(b.get(key))
                yield key.value, stored.value  # type: ignore[union-attr]
                yield value, b[stored]
                continue
        found, other = map_lookup(b, key)  # a stored JavaKey is hashed again
        if not found:
            yield _UNEQUAL
            return
        yield value, other


class _KeyIndex:
    """The keys of a map that are lists, maps or entries, by hash: the stored key a HashMap
    would compare a container key with, so that an equals compares the two keys on its own
    stack (through the dict, each level of keys holding keys is a Python call) and reads the
    clock while it scans keys of one hash (a template can make many collide)."""

    __slots__ = ("mapping", "by_hash", "clock", "countdown")

    def __init__(self, mapping: dict) -> None:
        self.mapping = mapping
        self.by_hash: dict[int, list[JavaKey]] | None = None
        self.clock: WorkClock | None = None
        self.countdown = CHECK_EVERY

    def candidate(self, key: Any) -> JavaKey | object | None:
        """For a container ``key`` (a map key, wrapped or not): the stored key it is to be
        compared with (the only one of its hash, or the one it equals among several), or
        :data:`_ABSENT`; ``None`` for any other key (look it up in the map)."""
        value = key.value if type(key) is JavaKey else key
        if not _is_container_type(type(value)):
            return None
        if self.by_hash is None:
            self.by_hash = {}
            for stored in self.mapping:
                if type(stored) is JavaKey and _is_container_type(type(stored.value)):
                    self.by_hash.setdefault(stored.hash, []).append(stored)
        found = self.by_hash.get(java_hash(value))
        if found is None:
            return _ABSENT
        if len(found) == 1:
            return found[0]
        for stored in found:  # keys of one hash: the one equal to ``value``, if any
            self.countdown -= 1
            if not self.countdown:
                self.countdown = CHECK_EVERY
                if self.clock is None:
                    self.clock = WorkClock()
                self.clock.check()
            if java_equals(value, stored.value):
                return stored
        return _ABSENT


#: What :meth:`_KeyIndex.candidate` gives for a key the map does not hold.
_ABSENT = object()


def _set_parts(a: list, b: list) -> Iterator[tuple[Any, Any]]:
    """``AbstractSet.equals``: same size, and ``a`` contains every item of ``b`` (a map's
    view looks each up by hash, in the map as it is now)."""
    for view in (a, b):
        sync = getattr(view, "sync", None)
        if sync is not None:
            sync()
    if len(a) != len(b):
        yield _UNEQUAL
        return
    contains = getattr(a, "contains_item", None)
    owner = getattr(a, "owner", None)
    if contains is None or owner is None:
        if not all(any(java_equals(x, y) for y in b) for x in a):
            yield _UNEQUAL
        return
    from .views import EntrySetView, KeySetView  # (views imports this module)

    keys = _KeyIndex(owner) if type(a) in (KeySetView, EntrySetView) else None
    for item in b:
        if keys is not None:
            entries = type(a) is EntrySetView
            if entries and not isinstance(item, MapEntry):
                yield _UNEQUAL
                return
            stored = keys.candidate(item.key if entries else item)
            if stored is _ABSENT:
                yield _UNEQUAL
                return
            if stored is not None:  # item.equals(stored) (and the values of both entries)
                yield (item.key if entries else item), stored.value
                if entries:
                    yield owner[stored], item.value
                continue
        if not contains(item):
            yield _UNEQUAL
            return


def _small_equal(parts: Iterator[tuple[Any, Any]], budget: list[int], depth: int) -> bool | None:
    """Whether the pairs of ``parts`` are all equal, for a small value: ``None`` once it
    holds more than ``budget[0]`` items, nests deeper than a few levels or holds a long
    string or number (left to :class:`_Equality`, from the start). It walks in Java's order,
    like :class:`_Equality`, so an answer it gives is that one's."""
    for x, y in parts:
        if x is y:
            continue
        budget[0] -= 1
        if budget[0] < 0:
            return None
        t = type(x)
        if _is_container_type(t):
            if depth >= _SMALL_DEPTH:
                return None  # (a container holding itself ends here too)
            sub = _parts(x, y)
            if sub is None:
                return False
            equal = _small_equal(sub, budget, depth + 1)
            if equal is not True:
                return equal
        elif _is_long_leaf(x, t):
            return None
        elif not java_equals(x, y):
            return False
    return True


class _Equality:
    """One ``equals`` of two containers (see the comment above)."""

    __slots__ = ("parent", "pinned")

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}  # union-find over id(): parts known to be equal
        self.pinned: list[Any] = []  # the parts whose ids are in ``parent``, kept alive

    def _root(self, key: int) -> int:
        parent = self.parent
        root = key
        while (up := parent.get(root, root)) != root:
            root = up
        while key != root:  # path compression
            parent[key], key = root, parent[key]
        return root

    def _known(self, a: Any, b: Any) -> bool:
        parent = self.parent
        return (id(a) in parent or id(b) in parent) and self._root(id(a)) == self._root(id(b))

    def _join(self, a: Any, b: Any) -> None:
        ra, rb = self._root(id(a)), self._root(id(b))
        if ra != rb:
            self.parent[ra] = rb
            self.parent.setdefault(rb, rb)
            self.pinned += (a, b)

    def run(self, a: Any, b: Any, parts: Iterator[tuple[Any, Any]]) -> bool:
        """Whether container ``a`` equals ``b``, whose parts (``_parts(a, b)``) are ``parts``."""
        clock = WorkClock()
        countdown = CHECK_EVERY
        on_path = {(id(a), id(b))}
        stack = [(a, b, parts)]
        while stack:
            x, y, parts = stack[-1]
            for p, q in parts:
                if p is q:
                    continue
                countdown -= 1
                if not countdown:
                    countdown = CHECK_EVERY
                    clock.check()
                t = type(p)
                if _is_container_type(t):
                    if self._known(p, q):
                        continue
                    sub = _parts(p, q)
                    if sub is None:
                        return False
                    pair = (id(p), id(q))
                    if pair in on_path:
                        raise java_exception("java.lang.StackOverflowError")  # Java recurses forever
                    on_path.add(pair)
                    stack.append((p, q, sub))
                    break
                if (t is str and len(p) >= _LONG_TEXT) or t is Decimal or (t is int and not -_BIG_INT < p < _BIG_INT):
                    if self._known(p, q):  # (_is_long_leaf, inline: a loop over every item)
                        continue
                    if not java_equals(p, q):
                        return False
                    self._join(p, q)
                elif not java_equals(p, q):
                    return False
            else:
                stack.pop()
                on_path.discard((id(x), id(y)))
                self._join(x, y)
        return True


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
    return _text(a) == _text(b)


def _text(value: Any) -> str:
    """``toString()`` of one side of ``==``, held to the render's string budget and deadline
    (a list holding copies of itself prints exponentially long text)."""
    t = type(value)
    if t is str or t is int or t is bool or t is float:
        return to_string(value)
    return to_string_within(value, string_limit(), WorkClock().check)


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

