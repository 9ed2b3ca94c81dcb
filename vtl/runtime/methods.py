"""The allow-listed Java methods of each value type.

Each table maps a Java method name to its overloads: ``(parameter kinds, implementation)``.
An overload applies when every argument converts to its parameter the way Velocity 1.7's
introspector allows (an ``int`` parameter takes an Integer, never a Long, Double or String;
reference parameters take null). The first applicable overload in table order wins, which
lists the most specific first as Java's overload resolution would.

Implementations take ``(receiver, *args)`` and return a model value; a method declared
``void`` in Java returns ``""`` (what Velocity 1.7 substitutes for it). Java exceptions are
raised as :class:`vtl.errors.JavaException` with Java 17's class names and messages.
"""

from __future__ import annotations

import decimal
import functools
import math
import re
import struct
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from ..errors import JavaException, VtlLimitError
from . import memguard
from . import regex as jregex
from .bignum import (
    check_bits,
    check_decimal_text,
    check_digits,
    check_product,
    int_from_digits,
    int_text,
)
from .budgets import check_collection_size, string_limit
from .compare import java_equals, map_lookup
from .doubles import double_to_hex_string, to_float32
from .exceptions import java_exception
from .formatter import java_format
from .hashing import java_hash, java_key
from .streams import ImmutableList, IntStream, RefStream
from .strings import (
    SIOOBE,
    check_bounds,
    compare_to,
    compare_to_ignore_case,
    concat_units,
    equals_ignore_case,
    from_units,
    is_bmp,
    java_is_whitespace,
    java_strip,
    java_trim,
    simple_lower,
    simple_upper,
    to_units,
)
from .text import LIVE_TYPES, identity_string, json_smart_string, to_string, to_string_within
from .values import (
    INT_MAX,
    INT_MIN,
    LONG_MAX,
    LONG_MIN,
    MISSING,
    HostObject,
    JavaArray,
    JavaBigInteger,
    JavaByte,
    JavaChar,
    JavaClass,
    JavaFloat,
    JavaKey,
    JavaList,
    JavaLong,
    JavaShort,
    JsonArray,
    MapEntry,
    as_integral,
    java_class_name,
    plain_key,
)

__all__ = [
    "VOID", "find_method", "object_method", "MapView", "KeySetView", "ValuesView", "EntrySetView", "LiveMapEntry",
    "SubListView", "JavaIterator", "JavaPackage",
]

#: What a ``void`` Java method gives a template (Velocity 1.7 returns an empty string).
VOID = ""
IOOBE = "java.lang.IndexOutOfBoundsException"
UOE = "java.lang.UnsupportedOperationException"
NFE = "java.lang.NumberFormatException"
NPE = "java.lang.NullPointerException"

Impl = Callable[..., Any]
Table = dict[str, list[tuple[tuple[str, ...], Impl]]]


# -- collection views ----------------------------------------------------------------------


class MapView(JavaList):
    """A view of a map (``keySet()``, ``values()``, ``entrySet()``): its items are the map's
    as of the last :meth:`sync`, and its removals write through to the map, as Java's live
    views do."""

    __slots__ = ("owner",)

    #: What a #foreach step over the live map yields for a key (None: the value).
    step_item: Callable[[dict, Any], Any] | None = None

    @staticmethod
    def read(owner: dict) -> list:
        raise NotImplementedError

    def sync(self) -> MapView:
        """Read the map again (it may have changed since the view was made)."""
        fresh = self.read(self.owner)
        if len(fresh) != len(self) or any(a is not b for a, b in zip(fresh, self)):
            self[:] = fresh
        return self

    def matches(self, item: Any, value: Any) -> bool:
        """Whether ``value`` (an argument) equals the view's ``item``."""
        return java_equals(value, item) if value is not None else item is None

    def contains_item(self, value: Any) -> bool:
        """``contains(value)``."""
        return any(self.matches(item, value) for item in self)

    def remove_item(self, value: Any) -> bool:
        """``remove(value)``: the first matching item's mapping leaves the map."""
        for i, item in enumerate(self):
            if self.matches(item, value):
                self.delete(i)
                return True
        return False

    def delete(self, i: int) -> None:
        """Remove the mapping of item ``i`` from the map and the view."""
        del self.owner[list(self.owner)[i]]
        del self[i]

    def remove_all(self, other: Any, keep: bool = False) -> bool:
        """``removeAll(other)`` (``retainAll`` with ``keep``): the mappings whose item
        matches some element of ``other`` (matches none) leave the map."""
        if other is None:
            raise _npe()
        other = list(other)
        self.sync()
        doomed = [key for key, item in zip(list(self.owner), self)
                  if any(self.matches(item, y) for y in other) != keep]
        for key in doomed:
            del self.owner[key]  # a key as stored
        self.sync()
        return bool(doomed)

    def clear_all(self) -> str:
        self.owner.clear()
        self.clear()
        return VOID


class KeySetView(MapView):
    """``map.keySet()``."""

    __slots__ = ()
    java_class = "java.util.LinkedHashMap$LinkedKeySet"
    java_kind = "set"
    iterator_class = "java.util.LinkedHashMap$LinkedKeyIterator"

    @staticmethod
    def read(owner: dict) -> list:
        keys = list(owner)
        if _has_wrapped_keys(keys):
            keys = [key.value if type(key) is JavaKey else key for key in keys]
        return keys

    def contains_item(self, value: Any) -> bool:
        return map_lookup(self.owner, value)[0]  # by hash, as a HashMap finds a key

    @staticmethod
    def step_item(owner: dict, key: Any) -> Any:
        return plain_key(key)

    def remove_item(self, value: Any) -> bool:
        found, _ = map_lookup(self.owner, value)
        if found:
            _m_remove(self.owner, value)
            self.sync()
        return found


class ValuesView(MapView):
    """``map.values()``."""

    __slots__ = ()
    java_class = "java.util.LinkedHashMap$LinkedValues"
    java_kind = "collection"
    iterator_class = "java.util.LinkedHashMap$LinkedValueIterator"

    @staticmethod
    def read(owner: dict) -> list:
        return list(owner.values())


class EntrySetView(MapView):
    """``map.entrySet()``: entries whose ``setValue`` writes through to the map."""

    __slots__ = ()
    java_class = "java.util.LinkedHashMap$LinkedEntrySet"
    java_kind = "set"
    iterator_class = "java.util.LinkedHashMap$LinkedEntryIterator"

    @staticmethod
    def read(owner: dict) -> list:
        return [LiveMapEntry(k.value if type(k) is JavaKey else k, v, owner, k) for k, v in owner.items()]

    @staticmethod
    def step_item(owner: dict, key: Any) -> Any:
        return LiveMapEntry(plain_key(key), owner.get(key), owner, key)

    def sync(self) -> MapView:
        owner = self.owner
        if len(owner) != len(self) or any(
                e.key is not (k.value if type(k) is JavaKey else k) or e.value is not v
                for e, (k, v) in zip(self, owner.items())):
            self[:] = self.read(owner)
        return self

    def matches(self, item: Any, value: Any) -> bool:
        # removeNode(key, value, matchValue): the key as a map key, value.equals(mapped)
        if not isinstance(value, MapEntry):
            return False
        if not (java_equals(value.key, item.key) if value.key is not None else item.key is None):
            return False
        return item.value is value.value or (value.value is not None and java_equals(value.value, item.value))

    def contains_item(self, value: Any) -> bool:
        if not isinstance(value, MapEntry):
            return False
        found, mapped = map_lookup(self.owner, value.key)
        return found and (mapped is value.value or java_equals(mapped, value.value))

    def remove_item(self, value: Any) -> bool:
        if not isinstance(value, MapEntry):
            return False
        found, mapped = map_lookup(self.owner, value.key)
        if not found or not (mapped is value.value or (value.value is not None and java_equals(value.value, mapped))):
            return False
        _m_remove(self.owner, value.key)
        self.sync()
        return True


class SubListView(JavaList):
    """``list.subList(a, b)`` (a snapshot: writes do not reach the original list)."""

    __slots__ = ()
    java_class = "java.util.ArrayList$SubList"


LIVE_TYPES.update((KeySetView, ValuesView, EntrySetView))


def _has_wrapped_keys(keys: list) -> bool:
    """Whether a :class:`JavaKey` is among a map's stored keys (all str, the usual map, is
    told at C speed by a join)."""
    try:
        _join(keys)
    except TypeError:
        return JavaKey in map(type, keys)
    return False


_join = "".join


def _key_set(m: dict) -> KeySetView:
    view = KeySetView(m)  # the keys as stored: unwrapped only when a JavaKey is among them
    if _has_wrapped_keys(view):
        view[:] = [key.value if type(key) is JavaKey else key for key in view]
    view.owner = m
    return view


def _values(m: dict) -> ValuesView:
    view = ValuesView(m.values())
    view.owner = m
    return view


def _entry_set(m: dict) -> EntrySetView:
    view = EntrySetView(EntrySetView.read(m))
    view.owner = m
    return view


class LiveMapEntry(MapEntry):
    """A ``Map.Entry`` that belongs to a map: while its key is in the map it reads the map's
    value (Java's entry is the map's node), and ``setValue`` writes through."""

    __slots__ = ("owner", "_value", "slot")

    def __init__(self, key: Any, value: Any, owner: dict, slot: Any = MISSING) -> None:
        self.owner = owner
        self.slot = key if slot is MISSING else slot  # the key as the dict holds it
        super().__init__(key, value)

    @property  # type: ignore[override]
    def value(self) -> Any:
        current = self.owner.get(self.slot, MISSING)
        return self._value if current is MISSING else current

    @value.setter
    def value(self, value: Any) -> None:
        self._value = value


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


# -- java.lang.String -----------------------------------------------------------------------


def _s_length(s: str) -> int:
    return len(s) if is_bmp(s) else len(to_units(s))


def _s_char_at(s: str, i: int) -> JavaChar:
    u = to_units(s)
    if i < 0 or i >= len(u):
        # Java 17 compact strings: Latin-1 and UTF-16 strings word the error differently
        if not s or max(s) <= "\xff":
            raise java_exception(SIOOBE, f"String index out of range: {i}")
        raise java_exception(SIOOBE, f"index {i}, length {len(u)}")
    return JavaChar(u[i])


def _s_code_point_at(s: str, i: int) -> int:
    u = to_units(s)
    if i < 0 or i >= len(u):
        raise java_exception(SIOOBE, f"index {i}, length {len(u)}")
    hi = u[i]
    if "\ud800" <= hi <= "\udbff" and i + 1 < len(u) and "\udc00" <= u[i + 1] <= "\udfff":
        return 0x10000 + ((ord(hi) - 0xD800) << 10) + (ord(u[i + 1]) - 0xDC00)
    return ord(hi)


def _s_substring(s: str, begin: int, end: int | None = None) -> str:
    if is_bmp(s):
        n = len(s)
        check_bounds(begin, n if end is None else end, n)
        return s[begin:end]
    u = to_units(s)
    n = len(u)
    check_bounds(begin, n if end is None else end, n)
    return from_units(u[begin:end])


def _s_index_of(s: str, sub: str | None, start: int | None = None) -> int:
    if sub is None:
        raise _npe(_NPE_FIELD.format("tgtStr") if start is not None else _NPE_CALL.format("String.coder()", "str"))
    if start is None:
        start = 0
    if is_bmp(s) and is_bmp(sub):
        return s.find(sub, max(start, 0)) if start <= len(s) else (len(s) if not sub else -1)
    u, su = to_units(s), to_units(sub)
    if start > len(u):
        return len(u) if not su else -1
    return u.find(su, max(start, 0))


def _s_last_index_of(s: str, sub: str | None, start: int | None = None) -> int:
    if sub is None:
        raise _npe(_NPE_FIELD.format("tgtStr"))
    u, su = to_units(s), to_units(sub)
    if start is None:
        return u.rfind(su)
    if start < 0:
        return -1
    # the match must begin at or before ``start``
    return u.rfind(su, 0, min(start, len(u)) + len(su))


def _code_unit_str(ch: int) -> str | None:
    if 0 <= ch <= 0xFFFF:
        return chr(ch)
    if 0x10000 <= ch <= 0x10FFFF:
        return to_units(chr(ch))
    return None


def _s_index_of_char(s: str, ch: int, start: int = 0) -> int:
    target = _code_unit_str(ch)
    if target is None:
        return -1
    u = to_units(s)
    return u.find(target, max(start, 0)) if start < len(u) else -1


def _s_last_index_of_char(s: str, ch: int, start: int | None = None) -> int:
    target = _code_unit_str(ch)
    if target is None:
        return -1
    u = to_units(s)
    if start is None:
        return u.rfind(target)
    if start < 0:
        return -1
    return u.rfind(target, 0, min(start, len(u) - 1) + len(target))


def _s_starts_with(s: str, prefix: str | None, offset: int = 0) -> bool:
    if prefix is None:
        if offset < 0:  # Java tests the offset before it reads the prefix's length
            return False
        raise _npe(_NPE_CALL.format("String.length()", "prefix"))
    u, pu = to_units(s), to_units(prefix)
    if offset < 0 or offset > len(u) - len(pu):
        return False
    return u.startswith(pu, offset)


def _s_ends_with(s: str, suffix: str | None) -> bool:
    if suffix is None:
        raise _npe(_NPE_CALL.format("String.length()", "suffix"))
    return s.endswith(suffix)


def _s_contains(s: str, sub: str | None) -> bool:
    if sub is None:
        raise _npe(_NPE_CALL.format("java.lang.CharSequence.toString()", "s"))
    return sub in s


def _s_replace_chars(s: str, old: JavaChar, new: JavaChar) -> str:
    return from_units(to_units(s).replace(old, str(new)))


def _s_replace(s: str, target: str | None, replacement: str | None) -> str:
    if target is None or replacement is None:
        which = "target" if target is None else "replacement"
        raise _npe(_NPE_CALL.format("java.lang.CharSequence.toString()", which))
    if not target:
        # Java inserts the replacement around every UTF-16 unit
        u = to_units(s)
        return from_units(replacement + "".join(c + replacement for c in u))
    return s.replace(target, replacement)


def _require(*values: Any) -> None:
    for v in values:
        if v is None:
            raise _npe()


_NPE_PATTERN = 'Cannot invoke "String.isEmpty()" because "this.pattern" is null'


def _s_replace_all(s: str, regex: str, repl: str) -> str:
    if regex is None:
        raise _npe(_NPE_PATTERN)
    if repl is None:  # Matcher.replaceAll reads the replacement at the first match only
        if not jregex.java_finds(s, regex):
            return s
        raise _npe(_NPE_CALL.format("String.length()", "replacement"))
    return jregex.java_replace_all(s, regex, repl)


def _s_replace_first(s: str, regex: str, repl: str) -> str:
    if regex is None:
        raise _npe(_NPE_PATTERN)
    if repl is None:
        raise _npe("replacement")
    return jregex.java_replace_first(s, regex, repl)


def _s_matches(s: str, regex: str) -> bool:
    if regex is None:
        raise _npe(_NPE_PATTERN)
    return jregex.java_matches(s, regex)


def _s_split(s: str, regex: str, limit: int = 0) -> JavaArray:
    if regex is None:
        raise _npe(_NPE_CALL.format("String.length()", "regex"))
    return JavaArray(jregex.java_split(s, regex, limit), "java.lang.String")


_MAX_REPEAT = 1 << 24


def _s_repeat(s: str, count: int) -> str:
    if count < 0:
        raise java_exception("java.lang.IllegalArgumentException", f"count is negative: {count}")
    if len(s) * count > _MAX_REPEAT:
        raise VtlLimitError(f"String.repeat would build more than {_MAX_REPEAT} characters")
    return s * count


def _s_concat(s: str, other: str | None) -> str:
    if other is None:
        raise _npe('Cannot invoke "String.isEmpty()" because "str" is null')
    return concat_units(s, other)


def _s_content_equals(s: str, other: str | None) -> bool:
    if other is None:
        raise _npe(_NPE_CALL.format("java.lang.CharSequence.length()", "cs"))
    return s == other


def _s_compare_to(s: str, other: str | None) -> int:
    if other is None:
        raise _npe(_NPE_FIELD.format("anotherString"))
    return compare_to(s, other)


def _s_compare_to_ic(s: str, other: str | None) -> int:
    if other is None:
        raise _npe(_NPE_FIELD.format("s2"))
    return compare_to_ignore_case(s, other)


def _s_equals_ic(s: str, other: str | None) -> bool:
    return other is not None and equals_ignore_case(s, other)


def _s_to_upper(s: str) -> str:
    return s.upper()


def _s_to_lower(s: str) -> str:
    return s.lower()


def _s_bytes(s: str) -> JavaArray:
    check_collection_size(len(s))  # before encoding: every character is at least one byte
    data = s.encode("utf-8", "replace")
    check_collection_size(len(data))
    return JavaArray([JavaByte(b - 256 if b > 127 else b) for b in data], "byte")


#: The charsets ``getBytes(String)`` knows, by lower-cased Java name or alias: (Python codec,
#: byte order mark, what replaces a lone surrogate). Java's names are matched ignoring case.
_CHARSETS: dict[str, tuple[str, bytes, str]] = {}
for _names, _spec in (
    ("utf-8 utf8 unicode-1-1-utf-8", ("utf-8", b"", "?")),
    ("us-ascii ansi_x3.4-1968 cp367 csascii iso-ir-6 ascii iso_646.irv:1983 ansi_x3.4-1986 ascii7 default "
     "iso_646.irv:1991 iso646-us ibm367 646 us", ("ascii", b"", "?")),
    ("iso-8859-1 819 iso8859-1 l1 iso_8859-1:1987 iso_8859-1 8859_1 iso-ir-100 latin1 cp819 iso8859_1 ibm819 "
     "ibm-819 csisolatin1", ("latin-1", b"", "?")),
    ("utf-16 utf_16 unicode utf16 unicodebig", ("utf-16-be", b"\xfe\xff", "\ufffd")),
    ("utf-16be x-utf-16be utf_16be iso-10646-ucs-2 unicodebigunmarked", ("utf-16-be", b"", "\ufffd")),
    ("utf-16le unicodelittleunmarked utf_16le x-utf-16le", ("utf-16-le", b"", "\ufffd")),
    ("x-utf-16le-bom unicodelittle", ("utf-16-le", b"\xff\xfe", "\ufffd")),
    ("utf-32 utf_32 utf32 utf-32be x-utf-32be utf_32be", ("utf-32-be", b"", "\ufffd")),
    ("utf-32le x-utf-32le utf_32le", ("utf-32-le", b"", "\ufffd")),
    ("windows-1252 ibm-1252 cp1252 ibm1252 cp5348", ("cp1252", b"", "?")),
    ("iso-8859-15 csiso885915 latin-9 iso8859-15 latin0 iso8859_15_fdis iso8859_15 cp923 8859_15 l9 ibm923 "
     "csisolatin9 iso_8859-15 ibm-923 csisolatin0 923 latin9", ("iso8859-15", b"", "?")),
):
    _CHARSETS.update(dict.fromkeys(_names.split(), _spec))

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _s_bytes_in(s: str, charset: str) -> JavaArray:
    """``getBytes(charsetName)`` for the common charsets (an unmappable character, or a
    surrogate pair, is one ``?``; a lone surrogate is ``?`` or U+FFFD's bytes in UTF-16/32)."""
    spec = _CHARSETS.get(charset.lower())
    if spec is None:
        raise java_exception("java.io.UnsupportedEncodingException", charset)
    codec, bom, lone = spec
    check_collection_size(len(s))
    data = bom + _LONE_SURROGATE.sub(lone, s).encode(codec, "replace") if s else b""
    check_collection_size(len(data))
    return JavaArray([JavaByte(b - 256 if b > 127 else b) for b in data], "byte")


def _s_to_char_array(s: str) -> JavaArray:
    check_collection_size(len(s))  # one JavaChar object per character: about 80 bytes each
    return JavaArray([JavaChar(c) for c in to_units(s)], "char")


def _s_value_of(_: str, value: Any) -> str:
    if type(value) is JavaArray and value.element_class == "char":  # valueOf(char[])
        return from_units("".join(value))
    return to_string(value)


def _s_copy_value_of(_: str, chars: Any) -> str:
    """``String.copyValueOf(char[])``."""
    if chars is None:
        raise _npe('Cannot read the array length because "value" is null')
    return from_units("".join(chars))


def _s_join(_: str, delimiter: str | None, *elements: Any) -> str:
    """``String.join(delimiter, elements...)`` / ``String.join(delimiter, iterable)``."""
    if delimiter is None:
        raise _npe()
    if len(elements) == 1 and _is_collection(elements[0]):
        items = list(elements[0])
        for item in items:
            if item is not None and not _is_string(item):
                raise _cast_error(java_class_name(item), "java.lang.CharSequence")
    else:
        items = list(elements)
    return delimiter.join("null" if item is None else item for item in items)


def _s_code_point_count(s: str, begin: int, end: int) -> int:
    u = to_units(s)
    if begin < 0 or begin > end or end > len(u):
        raise java_exception("java.lang.IndexOutOfBoundsException")  # Java 17 gives no message
    return len(from_units(u[begin:end]))


def _s_region_matches(s: str, *args: Any) -> bool:
    """``regionMatches([ignoreCase,] toffset, other, ooffset, len)``."""
    ignore_case = False
    if len(args) == 5:
        ignore_case, args = args[0], args[1:]
    toffset, other, ooffset, length = args
    if other is None:
        # ignoreCase: Java 17 tests the offsets before it reads the other string's length
        if ignore_case and (ooffset < 0 or toffset < 0 or toffset > len(to_units(s)) - length):
            return False
        if not ignore_case:
            raise _npe(_NPE_FIELD.format("other"))
        raise _npe(_NPE_CALL.format("String.length()", "other"))
    u, o = to_units(s), to_units(other)
    if ooffset < 0 or toffset < 0 or toffset > len(u) - length or ooffset > len(o) - length:
        return False
    if length <= 0:
        return True
    a, b = u[toffset:toffset + length], o[ooffset:ooffset + length]
    return equals_ignore_case(from_units(a), from_units(b)) if ignore_case else a == b


def _s_format(_: str, fmt: str | None, *args: Any) -> str:
    """``String.format(format, args...)`` as Velocity calls it: one null argument is a null
    array, and a lone object array is the argument array itself."""
    if len(args) == 1:
        only = args[0]
        if only is None:
            return java_format(fmt, None)
        if isinstance(only, JavaArray) and only.element_class not in _PRIMITIVE_ELEMENTS:
            return java_format(fmt, list(only))
    return java_format(fmt, list(args))


_PRIMITIVE_ELEMENTS = frozenset(("byte", "char", "short", "int", "long", "float", "double", "boolean"))


def _java_lines(s: str) -> list[str]:
    """``String.lines()``: split at \\n, \\r or \\r\\n; no empty last line."""
    lines = s.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _s_indent(s: str, n: int) -> str:
    """``String.indent(n)`` (Java 12): shift each line, end every line with \\n."""
    if not s:
        return ""
    lines = _java_lines(s)
    if n > 0:
        if sum(map(len, lines)) + (n + 1) * len(lines) > string_limit():  # indent(2**31-1): GBs
            raise VtlLimitError(f"String.indent would build more than {string_limit()} characters")
        lines = [" " * n + line for line in lines]
    elif n < 0:
        out = []
        for line in lines:
            k = 0
            while k < -n and k < len(line) and java_is_whitespace(line[k]):
                k += 1
            out.append(line[k:])
        lines = out
    return "".join(line + "\n" for line in lines)


def _s_code_point_before(s: str, index: int) -> int:
    u = to_units(s)
    i = index - 1
    if i < 0 or i >= len(u):
        raise java_exception(SIOOBE, f"String index out of range: {index}")
    low = u[i]
    if "\udc00" <= low <= "\udfff" and i > 0 and "\ud800" <= u[i - 1] <= "\udbff":
        return 0x10000 + ((ord(u[i - 1]) - 0xD800) << 10) + (ord(low) - 0xDC00)
    return ord(low)


def _s_offset_by_code_points(s: str, index: int, offset: int) -> int:
    """``offsetByCodePoints``: ``index`` moved by ``offset`` code points (a lone surrogate
    counts as one); leaving the string throws IndexOutOfBoundsException without a message."""
    u = to_units(s)
    n = len(u)
    if index < 0 or index > n:
        raise java_exception(IOOBE)
    x = index
    if offset >= 0:
        for _ in range(offset):
            if x >= n:
                raise java_exception(IOOBE)
            x += 1
            if "\ud800" <= u[x - 1] <= "\udbff" and x < n and "\udc00" <= u[x] <= "\udfff":
                x += 1
    else:
        for _ in range(-offset):
            if x <= 0:
                raise java_exception(IOOBE)
            x -= 1
            if "\udc00" <= u[x] <= "\udfff" and x > 0 and "\ud800" <= u[x - 1] <= "\udbff":
                x -= 1
    return x


def _s_chars_range(_: str, chars: Any, offset: int, count: int) -> str:
    """``String.valueOf(char[], offset, count)`` and ``copyValueOf`` of the same."""
    if chars is None:
        raise _npe('Cannot read the array length because "value" is null')
    n = len(chars)
    if offset < 0 or count < 0 or offset > n - count:
        raise java_exception(SIOOBE, f"offset {offset}, count {count}, length {n}")
    return from_units("".join(chars[offset:offset + count]))


def _first_non_blank(line: str) -> int:
    """Java's ``indexOfNonWhitespace``: the length when the line is all blanks."""
    k = 0
    while k < len(line) and java_is_whitespace(line[k]):
        k += 1
    return k


def _end_non_blank(line: str) -> int:
    """Java's ``lastIndexOfNonWhitespace``: the end of the line without its trailing blanks."""
    k = len(line)
    while k > 0 and java_is_whitespace(line[k - 1]):
        k -= 1
    return k


def _outdent(lines: list[str]) -> int:
    """The blanks ``stripIndent`` removes from every line: the fewest before a non-blank line,
    or the length of a blank last line when that is less."""
    outdent = min((_first_non_blank(line) for line in lines if _first_non_blank(line) != len(line)),
                  default=INT_MAX)
    last = lines[-1]
    if _first_non_blank(last) == len(last):
        outdent = min(outdent, len(last))
    return outdent


def _s_strip_indent(s: str) -> str:
    """``String.stripIndent()`` (Java 15): the lines without their common leading blanks (none
    when the text ends with a line break) and without trailing blanks, joined with ``\\n``."""
    if not s:
        return ""
    opt_out = s[-1] in "\n\r"
    lines = _java_lines(s)
    outdent = 0 if opt_out else _outdent(lines)
    out = []
    for line in lines:
        first, end = _first_non_blank(line), _end_non_blank(line)
        out.append("" if first > end else line[min(outdent, first):end])
    return "\n".join(out) + ("\n" if opt_out else "")


_SIMPLE_ESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "s": " ", "t": "\t", "'": "'", '"': '"', "\\": "\\"}


def _s_translate_escapes(s: str) -> str:
    """``String.translateEscapes()`` (Java 15): the escapes of a Java string literal, octal
    ones and line continuations; anything else after a backslash throws."""
    u = to_units(s)
    n = len(u)
    out: list[str] = []
    i = 0
    while i < n:
        ch = u[i]
        i += 1
        if ch != "\\":
            out.append(ch)
            continue
        ch = u[i] if i < n else "\0"
        i += 1
        if ch in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[ch])
        elif "0" <= ch <= "7":
            limit = min(i + (2 if ch <= "3" else 1), n)
            code = ord(ch) - 48
            while i < limit and "0" <= u[i] <= "7":
                code = (code << 3) | (ord(u[i]) - 48)
                i += 1
            out.append(chr(code))
        elif ch == "\r":
            i += i < n and u[i] == "\n"
        elif ch != "\n":
            raise java_exception("java.lang.IllegalArgumentException",
                                 f"Invalid escape sequence: \\{ch} \\\\u{ord(ch):04X}")
    return from_units("".join(out))


STRING_METHODS: Table = {
    "length": [((), _s_length)],
    "isEmpty": [((), lambda s: len(s) == 0)],
    "isBlank": [((), lambda s: all(java_is_whitespace(c) for c in s))],
    "charAt": [(("int",), _s_char_at)],
    "codePointAt": [(("int",), _s_code_point_at)],
    "codePointBefore": [(("int",), _s_code_point_before)],
    "offsetByCodePoints": [(("int", "int"), _s_offset_by_code_points)],
    "substring": [(("int",), _s_substring), (("int", "int"), _s_substring)],
    "subSequence": [(("int", "int"), _s_substring)],
    "indexOf": [
        (("int",), _s_index_of_char), (("String",), _s_index_of),
        (("int", "int"), _s_index_of_char), (("String", "int"), _s_index_of),
    ],
    "lastIndexOf": [
        (("int",), _s_last_index_of_char), (("String",), _s_last_index_of),
        (("int", "int"), _s_last_index_of_char), (("String", "int"), _s_last_index_of),
    ],
    "contains": [(("String",), _s_contains)],
    "startsWith": [(("String",), _s_starts_with), (("String", "int"), _s_starts_with)],
    "endsWith": [(("String",), _s_ends_with)],
    "equalsIgnoreCase": [(("String",), _s_equals_ic)],
    "contentEquals": [(("String",), _s_content_equals)],
    "intern": [((), lambda s: s)],
    "valueOf": [(("Object",), _s_value_of), (("char[]", "int", "int"), _s_chars_range)],
    "join": [(("String", "null"), _ambiguous), (("String", "Collection"), _s_join), (("String", "String..."), _s_join)],
    "codePointCount": [(("int", "int"), _s_code_point_count)],
    "regionMatches": [(("int", "String", "int", "int"), _s_region_matches),
                      (("boolean", "int", "String", "int", "int"), _s_region_matches)],
    "indent": [(("int",), _s_indent)],
    "repeat": [(("int",), _s_repeat)],
    "compareTo": [(("String",), _s_compare_to), (("Object",), _compare_to)],
    "compareToIgnoreCase": [(("String",), _s_compare_to_ic)],
    "trim": [((), java_trim)],
    "strip": [((), java_strip)],
    "stripLeading": [((), lambda s: java_strip(s, trailing=False))],
    "stripTrailing": [((), lambda s: java_strip(s, leading=False))],
    "toUpperCase": [((), _s_to_upper)],
    "toLowerCase": [((), _s_to_lower)],
    "replace": [(("char", "char"), _s_replace_chars), (("String", "String"), _s_replace)],
    "replaceAll": [(("String", "String"), _s_replace_all)],
    "replaceFirst": [(("String", "String"), _s_replace_first)],
    "matches": [(("String",), _s_matches)],
    "split": [(("String",), _s_split), (("String", "int"), _s_split)],
    "concat": [(("String",), _s_concat)],
    "getBytes": [((), _s_bytes), (("null",), _ambiguous), (("String",), _s_bytes_in)],
    "toCharArray": [((), _s_to_char_array)],
    "format": [(("String", "Object..."), _s_format)],
    "formatted": [(("Object...",), lambda s, *args: _s_format(s, s, *args))],  # (Java 15+)
    "copyValueOf": [(("char[]",), _s_copy_value_of), (("char[]", "int", "int"), _s_chars_range)],
    "stripIndent": [((), _s_strip_indent)],
    "translateEscapes": [((), _s_translate_escapes)],
    "chars": [((), lambda s: IntStream([ord(u) for u in to_units(s)]))],
    "codePoints": [((), lambda s: IntStream([ord(c) for c in from_units(to_units(s))]))],
    "lines": [((), lambda s: RefStream(_java_lines(s)))],
}


# -- numbers, booleans, characters ------------------------------------------------------------


def _parse_int(text: str | None, radix: int, lo: int, hi: int) -> int:
    if text is None:
        raise java_exception(NFE, "Cannot parse null string")
    if not 2 <= radix <= 36:
        raise java_exception(NFE, f"radix {radix} {'less than Character.MIN_RADIX' if radix < 2 else 'greater than Character.MAX_RADIX'}")
    suffix = "" if radix == 10 else f" under radix {radix}"
    bad = java_exception(NFE, f'For input string: "{text}"{suffix}')
    if not text:
        raise bad
    i, negative = 0, False
    if text[0] in "+-":
        negative = text[0] == "-"
        i = 1
        if len(text) == 1:
            raise bad
    value = 0
    for ch in text[i:]:
        d = _digit(ch, radix)
        if d < 0:
            raise bad
        if value <= -lo:  # past the range already: only the digits are still checked
            value = value * radix + d
    value = -value if negative else value
    if not lo <= value <= hi:
        raise bad
    return value


def _decode(text: str | None, lo: int, hi: int) -> int:
    """``Integer.decode``/``Long.decode``: a sign, then ``0x``, ``0X`` or ``#`` (hexadecimal),
    a leading ``0`` (octal) or decimal digits."""
    if text is None:
        raise _npe('Cannot invoke "String.isEmpty()" because "nm" is null')
    if not text:
        raise java_exception(NFE, "Zero length string")
    index, negative = 0, text[0] == "-"
    if text[0] in "+-":
        index = 1
    radix = 10
    if text.startswith(("0x", "0X"), index):
        index, radix = index + 2, 16
    elif text.startswith("#", index):
        index, radix = index + 1, 16
    elif text.startswith("0", index) and len(text) > index + 1:
        index, radix = index + 1, 8
    if text.startswith(("-", "+"), index):
        raise java_exception(NFE, "Sign character in wrong position")
    return _parse_int(("-" if negative else "") + text[index:], radix, lo, hi)


def _parse_unsigned(text: str | None, radix: int, bits: int) -> int:
    """``Integer.parseUnsignedInt``/``Long.parseUnsignedLong``: the value as a signed one."""
    if text is None:
        raise java_exception(NFE, "Cannot parse null string")
    if not text:
        raise java_exception(NFE, 'For input string: ""' + ("" if radix == 10 else f" under radix {radix}"))
    if text[0] == "-":
        raise java_exception(NFE, f"Illegal leading minus sign on unsigned string {text}.")
    short, long_ = (5, 9) if bits == 32 else (12, 18)
    if len(text) <= short or (radix == 10 and len(text) <= long_):
        if bits == 32:
            return _parse_int(text, radix, INT_MIN, INT_MAX)
        return _as_long(_parse_int(text, radix, LONG_MIN, LONG_MAX))
    if bits == 32:
        value = _parse_int(text, radix, LONG_MIN, LONG_MAX)
        if value >> 32:
            raise java_exception(NFE, f"String value {text} exceeds range of unsigned int.")
        return _wrap32(value)
    first = _parse_char_sequence(text[:-1], radix)
    second = _digit(text[-1], radix)
    if second < 0:
        raise java_exception(NFE, f"Bad digit at end of {text}")
    value = first * radix + second
    if value >> 64:
        raise java_exception(NFE, f"String value {text} exceeds range of unsigned long.")
    return _as_long(_wrap64(value))


def _parse_char_sequence(text: str, radix: int) -> int:
    """``Long.parseLong(CharSequence, begin, end, radix)`` over all of ``text``, whose errors
    say where they are (``Error at index 3 in: "12x4"``)."""
    def bad(i: int) -> JavaException:
        return java_exception(NFE, f'Error at index {i} in: "{text}"')

    start, negative = 0, False
    if text[0] < "0":
        if text[0] not in "+-":
            raise bad(0)
        negative, start = text[0] == "-", 1
        if start >= len(text):
            raise bad(start)
    value = 0
    for i in range(start, len(text)):
        d = _digit(text[i], radix)
        if d < 0:
            raise bad(i)
        value = value * radix + d
        if value > LONG_MAX + negative:
            raise bad(i)
    return -value if negative else value


def _digit(ch: str, radix: int) -> int:
    """``Character.digit(ch, radix)``."""
    d = unicodedata.decimal(ch, -1)
    if d < 0:
        o = ord(ch)
        if 0x41 <= o <= 0x5A or 0x61 <= o <= 0x7A:
            d = (o | 0x20) - 0x61 + 10
        elif 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A:
            d = ((o - 0xFF21) & 0x1F) + 10
    return d if 0 <= d < radix else -1


# Java's FloatingDecimal syntax: decimal or hex floats, NaN, Infinity, optional d/f suffix.
_DOUBLE_RE = re.compile(
    r"[+-]?(?:NaN|Infinity|(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
    r"|0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+)[fFdD]?)",
    re.ASCII,
)


def _parse_double(text: str | None) -> float:
    """``Double.parseDouble``: Java's float syntax (trimmed; ``NaN``, ``Infinity``, suffixes)."""
    if text is None:
        raise _npe(_NPE_CALL.format("String.trim()", "in"))
    s = java_trim(text)
    if not s:
        raise java_exception(NFE, "empty String")
    if not _DOUBLE_RE.fullmatch(s):
        raise java_exception(NFE, f'For input string: "{text}"')
    body = s.rstrip("fFdD") if not s.endswith("NaN") and not s.endswith("Infinity") else s
    if "x" in body or "X" in body:
        sign = -1.0 if body.startswith("-") else 1.0
        return sign * float.fromhex(body.lstrip("+-"))
    if body.lstrip("+-") == "NaN":
        return math.nan
    if body.lstrip("+-") == "Infinity":
        return -math.inf if body.startswith("-") else math.inf
    return float(body)


def _parse_boolean(text: str | None) -> bool:
    return text is not None and text.lower() == "true"


def _n_int_value(n: Any) -> int:
    if isinstance(n, float):
        return _d2i(n, INT_MIN, INT_MAX)
    if type(n) is Decimal:
        return _wrap32(_decimal_low_bits(n))
    return _wrap32(n)


#: ``Number.intValue()`` of any Java number (a Long or BigInteger wraps to 32 bits, a Double
#: saturates).
int_value = _n_int_value


def _n_long_value(n: Any) -> int:
    if isinstance(n, float):
        return _d2i(n, LONG_MIN, LONG_MAX)
    if type(n) is Decimal:
        return _wrap64(_decimal_low_bits(n))
    return _wrap64(n)


def _decimal_low_bits(n: Decimal) -> int:
    """The integer part of ``n``, or for a long one that part modulo 2**64 (all that
    ``intValue``/``longValue`` keep): ``int(n)`` of ``1E+999999999`` would take minutes."""
    if not n.is_finite() or n.adjusted() < 600:
        return int(n) if n.is_finite() else 0
    sign, digits, exp = n.as_tuple()
    text = "".join(map(str, digits))
    if exp < 0:
        return (-1 if sign else 1) * int_from_digits(text[:exp])
    low = int_from_digits(text) * pow(10, exp, 1 << 64) % (1 << 64)
    return -low if sign else low


def _n_double_value(n: Any) -> float:
    if isinstance(n, float):
        return float(n)
    return _to_double(int(n)) if type(n) is int else float(n)


def _same_number_class(a: Any, b: Any) -> bool:
    return java_class_name(a) == java_class_name(b)


def _integer_to_string(value: int, radix: int = 10) -> str:
    if not 2 <= radix <= 36:
        radix = 10
    if radix == 10:
        return int_text(value)
    sign = "-" if value < 0 else ""
    n = abs(value)
    if radix in _POWER_RADIX:
        return sign + format(n, _POWER_RADIX[radix])
    if radix & (radix - 1) == 0:  # 4 or 32: regroup the bits, linear time
        return sign + _power_of_two_text(n, radix)
    check_bits(n.bit_length() * _SLOW_RADIX_COST, "the text of this integer in radix " + str(radix))
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    # peel several digits per division (a divisor below 2**30 divides in one pass)
    per = 1
    while radix ** (per + 1) < 1 << 30:
        per += 1
    chunk = radix**per
    out = []
    while True:
        n, r = divmod(n, chunk)
        for _ in range(per):
            r, d = divmod(r, radix)
            out.append(digits[d])
        if not n:
            break
    text = "".join(reversed(out)).lstrip("0") or "0"
    return sign + text


_POWER_RADIX = {2: "b", 8: "o", 16: "x"}
#: toString(radix) for a radix that is no power of two takes quadratic time: it may handle
#: numbers 1/_SLOW_RADIX_COST as long as ``max_number_digits`` allows.
_SLOW_RADIX_COST = 10


def _power_of_two_text(n: int, radix: int) -> str:
    """``n`` in radix 4 or 32 (lower-case letters), from its binary text."""
    width = radix.bit_length() - 1
    bits = format(n, "b")
    bits = "0" * (-len(bits) % width) + bits
    digits = "0123456789abcdefghijklmnopqrstuv"
    return "".join(digits[int(bits[i:i + width], 2)] for i in range(0, len(bits), width))


_NUMBER_COMMON: Table = {
    "compareTo": [(("Object",), _compare_to)],
    "intValue": [((), _n_int_value)],
    "longValue": [((), lambda n: as_integral(_n_long_value(n), "Long"))],
    "doubleValue": [((), _n_double_value)],
    "floatValue": [((), lambda n: JavaFloat(to_float32(n)))],
    # (short)/(byte) casts: a double goes through int first (and saturates there)
    "shortValue": [((), lambda n: JavaShort(((_n_int_value(n) + 0x8000) & 0xFFFF) - 0x8000))],
    "byteValue": [((), lambda n: JavaByte(((_n_int_value(n) + 0x80) & 0xFF) - 0x80))],
}


def _unsigned_string(value: int, bits: int, shift: int) -> str:
    """``Integer.toHexString`` and friends: two's complement, no leading zeros."""
    value &= (1 << bits) - 1
    digits = "0123456789abcdef"
    out = []
    mask = (1 << shift) - 1
    while True:
        out.append(digits[value & mask])
        value >>= shift
        if not value:
            break
    return "".join(reversed(out))


def _signum(value: int) -> int:
    return (value > 0) - (value < 0)


def _as_long(value: int) -> int:
    """A ``long`` result boxed as a Long (a small one is still a Long)."""
    return as_integral(value, "Long")


def _integral_statics(kind: str, bits: int) -> Table:
    wrap = _wrap32 if bits == 32 else lambda v: _as_long(_wrap64(v))
    same = (lambda v: v) if bits == 32 else _as_long  # max/min return their own kind
    return {
        "toBinaryString": [((kind,), lambda _, v: _unsigned_string(v, bits, 1))],
        "toOctalString": [((kind,), lambda _, v: _unsigned_string(v, bits, 3))],
        "toHexString": [((kind,), lambda _, v: _unsigned_string(v, bits, 4))],
        "sum": [((kind, kind), lambda _, a, b: wrap(a + b))],
        "compare": [((kind, kind), lambda _, a, b: (a > b) - (a < b))],
        "signum": [((kind,), lambda _, v: _signum(v))],
        "bitCount": [((kind,), lambda _, v: bin(v & ((1 << bits) - 1)).count("1"))],
        "max": [((kind, kind), lambda _, a, b: same(int(max(a, b))))],
        "min": [((kind, kind), lambda _, a, b: same(int(min(a, b))))],
        "hashCode": [((kind,), lambda _, v: java_hash(v))],
        **_bit_statics(kind, bits),
    }


def _bit_statics(kind: str, bits: int) -> Table:
    """``Integer``/``Long`` bit twiddling and unsigned arithmetic."""
    mask = (1 << bits) - 1
    wrap = _wrap32 if bits == 32 else lambda v: _as_long(_wrap64(v))

    def rotate(v: int, d: int) -> int:
        u, d = v & mask, d & (bits - 1)
        return wrap((u << d) | (u >> (bits - d)))

    def divide(a: int, b: int, rem: bool = False) -> int:
        if b == 0:
            raise java_exception("java.lang.ArithmeticException", "/ by zero")
        ua, ub = a & mask, b & mask
        return wrap(ua % ub if rem else ua // ub)

    return {
        "highestOneBit": [((kind,), lambda _, v: wrap(1 << ((v & mask).bit_length() - 1) if v else 0))],
        "lowestOneBit": [((kind,), lambda _, v: wrap(v & -v))],
        "numberOfLeadingZeros": [((kind,), lambda _, v: bits - (v & mask).bit_length())],
        "numberOfTrailingZeros": [((kind,), lambda _, v: ((v & -v) & mask).bit_length() - 1 if v else bits)],
        "reverse": [((kind,), lambda _, v: wrap(int(format(v & mask, f"0{bits}b")[::-1], 2)))],
        "reverseBytes": [((kind,), lambda _, v: wrap(int.from_bytes((v & mask).to_bytes(bits // 8, "big"), "little")))],
        "rotateLeft": [((kind, "int"), lambda _, v, d: rotate(v, d))],
        "rotateRight": [((kind, "int"), lambda _, v, d: rotate(v, -d))],
        "toUnsignedString": [((kind,), lambda _, v: str(v & mask)),
                             ((kind, "int"), lambda _, v, r: _integer_to_string(v & mask, r))],
        "compareUnsigned": [((kind, kind), lambda _, a, b: ((a & mask) > (b & mask)) - ((a & mask) < (b & mask)))],
        "divideUnsigned": [((kind, kind), lambda _, a, b: divide(a, b))],
        "remainderUnsigned": [((kind, kind), lambda _, a, b: divide(a, b, True))],
    }


def _double_bits(d: float, canonical: bool = False) -> int:
    """``Double.doubleToRawLongBits`` (``doubleToLongBits`` with ``canonical``: every NaN is
    0x7ff8000000000000)."""
    if canonical and d != d:
        return 0x7FF8000000000000
    return struct.unpack("<q", struct.pack("<d", d))[0]


def _double_compare(_: Any, a: float, b: float) -> int:
    return _n_compare_to(float(a), float(b))


def _double_max(_: Any, a: float, b: float, sign: int = 1) -> float:
    """``Double.max``/``Double.min`` (``sign`` -1): NaN wins, and 0.0 is above -0.0."""
    a, b = float(a), float(b)
    if a != a or b != b:
        return math.nan
    if a == b:
        return a if (math.copysign(1.0, a) > math.copysign(1.0, b)) == (sign > 0) else b
    return a if (a > b) == (sign > 0) else b


INTEGER_METHODS: Table = {
    **_NUMBER_COMMON,
    **_integral_statics("int", 32),
    "parseInt": [(("String",), lambda _, s: _parse_int(s, 10, INT_MIN, INT_MAX)),
                 (("String", "int"), lambda _, s, r: _parse_int(s, r, INT_MIN, INT_MAX))],
    "valueOf": [(("String",), lambda _, s: _parse_int(s, 10, INT_MIN, INT_MAX)),
                (("int",), lambda _, i: i),
                (("String", "int"), lambda _, s, r: _parse_int(s, r, INT_MIN, INT_MAX))],
    "toString": [((), str), (("int",), lambda _, i: str(i)),
                 (("int", "int"), lambda _, i, r: _integer_to_string(i, r))],
    "decode": [(("String",), lambda _, s: _decode(s, INT_MIN, INT_MAX))],
    "parseUnsignedInt": [(("String",), lambda _, s: _parse_unsigned(s, 10, 32)),
                         (("String", "int"), lambda _, s, r: _parse_unsigned(s, r, 32))],
    "toUnsignedLong": [(("int",), lambda _, i: _as_long(i & 0xFFFFFFFF))],
}

LONG_METHODS: Table = {
    **_NUMBER_COMMON,
    **_integral_statics("long", 64),
    "parseLong": [(("String",), lambda _, s: _as_long(_parse_int(s, 10, LONG_MIN, LONG_MAX))),
                  (("String", "int"), lambda _, s, r: _as_long(_parse_int(s, r, LONG_MIN, LONG_MAX)))],
    "valueOf": [(("String",), lambda _, s: _as_long(_parse_int(s, 10, LONG_MIN, LONG_MAX))),
                (("long",), lambda _, i: _as_long(int(i))),
                (("String", "int"), lambda _, s, r: _as_long(_parse_int(s, r, LONG_MIN, LONG_MAX)))],
    "toString": [((), str), (("long",), lambda _, i: str(i)),
                 (("long", "int"), lambda _, i, r: _integer_to_string(int(i), r))],
    "decode": [(("String",), lambda _, s: _as_long(_decode(s, LONG_MIN, LONG_MAX)))],
    "parseUnsignedLong": [(("String",), lambda _, s: _parse_unsigned(s, 10, 64)),
                          (("String", "int"), lambda _, s, r: _parse_unsigned(s, r, 64))],
}

SHORT_METHODS: Table = {**_NUMBER_COMMON, "toString": [((), str)]}
BYTE_METHODS: Table = SHORT_METHODS

def _big_integer_op(op: Callable[[int, int], int]) -> Impl:
    """``BigInteger.add`` and the like: a BigInteger argument (null throws) and result."""

    def call(a: int, b: Any) -> int:
        if b is None:
            raise _npe('Cannot read field "signum" because "val" is null')
        return as_integral(op(int(a), int(b)), "BigInteger")

    return call


def _big_integer_product(a: int, b: int) -> int:
    check_product(a, b)
    return a * b


_AE = "java.lang.ArithmeticException"
_NPE_MAG = 'Cannot read field "mag" because "val" is null'
_NPE_SIGNUM = 'Cannot read field "signum" because "{}" is null'
_NPE_INT_LENGTH = _NPE_CALL.format("java.math.BigInteger.intLength()", "val")


def _big(value: int) -> int:
    return as_integral(value, "BigInteger")


def _big_arg(npe: str, op: Callable[..., Any]) -> Impl:
    """A BigInteger method of one BigInteger argument: null throws ``npe``."""

    def call(a: Any, b: Any) -> Any:
        if b is None:
            raise _npe(npe)
        return op(int(a), int(b))

    return call


def _big_quotient(a: int, b: int) -> int:
    """``BigInteger.divide``: truncated toward zero."""
    if b == 0:
        raise java_exception(_AE, "BigInteger divide by zero")
    q = abs(a) // abs(b)
    return -q if (a < 0) != (b < 0) else q


def _big_remainder(a: int, b: int) -> int:
    return a - _big_quotient(a, b) * b


def _positive_modulus(m: int) -> None:
    if m <= 0:
        raise java_exception(_AE, "BigInteger: modulus not positive")


#: The longest operands (in bits) of ``modPow`` and ``isProbablePrime``: a 4096-bit modular
#: power takes Python about 0.3 s, and it cannot be interrupted.
_MOD_POW_BITS = 4096
_PRIME_BITS = 2048


def _check_work(bits: int, limit: int, what: str) -> None:
    if bits > limit:
        raise VtlLimitError(f"{what} of a {bits}-bit number is limited to {limit} bits")


def _big_mod_pow(a: Any, e: Any, m: Any) -> int:
    if e is None or m is None:
        raise _npe(_NPE_SIGNUM.format("exponent" if e is None else "m"))
    a, e, m = int(a), int(e), int(m)
    _positive_modulus(m)
    _check_work(max(e.bit_length(), m.bit_length()), _MOD_POW_BITS, "BigInteger.modPow")
    if e < 0:
        return _big(pow(_big_mod_inverse(a, m), -e, m))
    return _big(pow(a, e, m))


def _big_mod_inverse(a: int, m: int) -> int:
    _positive_modulus(m)
    if m == 1:
        return 0
    try:
        return pow(a, -1, m)
    except ValueError:
        raise java_exception(_AE, "BigInteger not invertible.") from None


def _big_pow(a: int, n: int) -> int:
    if n < 0:
        raise java_exception(_AE, "Negative exponent")
    check_bits(a.bit_length() * n, "a power")
    return _big(a**n)


def _big_shift(a: int, n: int) -> int:
    """``shiftLeft(n)`` (``shiftRight(n)`` is ``shiftLeft(-n)``): a floor shift for negatives."""
    if n > 0:
        check_bits(a.bit_length() + n, "a shifted number")
        return _big(a << n)
    return _big(a >> -n)


def _bit_index(n: int) -> int:
    if n < 0:
        raise java_exception(_AE, "Negative bit address")
    check_bits(n, "a bit index")
    return n


def _big_exact(a: int, name: str, lo: int, hi: int, box: Callable[[int], Any]) -> Any:
    """``intValueExact`` and the like: the value, or ArithmeticException when out of range."""
    if not lo <= a <= hi:
        raise java_exception(_AE, f"BigInteger out of {name} range")
    return box(a)


def _big_to_byte_array(a: int) -> JavaArray:
    data = int(a).to_bytes(int(a).bit_length() // 8 + 1, "big", signed=True)
    return JavaArray([JavaByte(b - 256 if b > 127 else b) for b in data], "byte")


def _big_divide_and_remainder(a: int, b: int) -> JavaArray:
    return JavaArray([_big(_big_quotient(a, b)), _big(_big_remainder(a, b))], "java.math.BigInteger")


def _big_sqrt(a: int) -> int:
    if a < 0:
        raise java_exception(_AE, "Negative BigInteger")
    return _big(math.isqrt(a))


def _big_bit_count(a: int) -> int:
    return bin(a if a >= 0 else ~a).count("1")


_SMALL_PRIMES = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71)


def _is_probable_prime(a: int, certainty: int) -> bool:
    """``BigInteger.isProbablePrime``: true for a certainty of 0 or less; else Miller-Rabin
    over the first 20 primes (exact far beyond a Long) on the absolute value."""
    if certainty <= 0:
        return True
    n = abs(int(a))
    if n < 2:
        return False
    _check_work(n.bit_length(), _PRIME_BITS, "BigInteger.isProbablePrime")
    for p in _SMALL_PRIMES:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while not d & 1:
        d, s = d >> 1, s + 1
    for base in _SMALL_PRIMES:
        x = pow(base, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


_BIG_EXTRA: Table = {
    "isProbablePrime": [(("int",), _is_probable_prime)],
    "divide": [(("BigInteger",), _big_arg(_NPE_MAG, lambda a, b: _big(_big_quotient(a, b))))],
    "remainder": [(("BigInteger",), _big_arg(_NPE_MAG, lambda a, b: _big(_big_remainder(a, b))))],
    "divideAndRemainder": [(("BigInteger",), _big_arg(_NPE_MAG, _big_divide_and_remainder))],
    "mod": [(("BigInteger",), _big_arg(_NPE_SIGNUM.format("m"),
                                       lambda a, m: _positive_modulus(m) or _big(a % m)))],
    "modInverse": [(("BigInteger",), _big_arg(_NPE_SIGNUM.format("m"), lambda a, m: _big(_big_mod_inverse(a, m))))],
    "modPow": [(("BigInteger", "BigInteger"), _big_mod_pow)],
    "gcd": [(("BigInteger",), _big_arg(_NPE_SIGNUM.format("val"), lambda a, b: _big(math.gcd(a, b))))],
    "max": [(("BigInteger",), _big_arg(_NPE_SIGNUM.format("val"), lambda a, b: _big(max(a, b))))],
    "min": [(("BigInteger",), _big_arg(_NPE_SIGNUM.format("val"), lambda a, b: _big(min(a, b))))],
    "and": [(("BigInteger",), _big_arg(_NPE_INT_LENGTH, lambda a, b: _big(a & b)))],
    "or": [(("BigInteger",), _big_arg(_NPE_INT_LENGTH, lambda a, b: _big(a | b)))],
    "xor": [(("BigInteger",), _big_arg(_NPE_INT_LENGTH, lambda a, b: _big(a ^ b)))],
    "andNot": [(("BigInteger",), _big_arg(_NPE_INT_LENGTH, lambda a, b: _big(a & ~b)))],
    "not": [((), lambda a: _big(~int(a)))],
    "pow": [(("int",), lambda a, n: _big_pow(int(a), n))],
    "shiftLeft": [(("int",), lambda a, n: _big_shift(int(a), n))],
    "shiftRight": [(("int",), lambda a, n: _big_shift(int(a), -n))],
    "testBit": [(("int",), lambda a, n: bool((int(a) >> _bit_index(n)) & 1))],
    "setBit": [(("int",), lambda a, n: _big(int(a) | (1 << _bit_index(n))))],
    "clearBit": [(("int",), lambda a, n: _big(int(a) & ~(1 << _bit_index(n))))],
    "flipBit": [(("int",), lambda a, n: _big(int(a) ^ (1 << _bit_index(n))))],
    "getLowestSetBit": [((), lambda a: (int(a) & -int(a)).bit_length() - 1)],
    "bitCount": [((), lambda a: _big_bit_count(int(a)))],
    "sqrt": [((), lambda a: _big_sqrt(int(a)))],
    "intValueExact": [((), lambda a: _big_exact(int(a), "int", INT_MIN, INT_MAX, int))],
    "longValueExact": [((), lambda a: _big_exact(int(a), "long", LONG_MIN, LONG_MAX, _as_long))],
    "shortValueExact": [((), lambda a: _big_exact(int(a), "short", -0x8000, 0x7FFF, JavaShort))],
    "byteValueExact": [((), lambda a: _big_exact(int(a), "byte", -0x80, 0x7F, JavaByte))],
    "toByteArray": [((), _big_to_byte_array)],
    "valueOf": [(("long",), lambda _, v: _big(int(v)))],
}


BIGINTEGER_METHODS: Table = {
    **_NUMBER_COMMON,
    "toString": [((), int_text), (("int",), lambda v, r: _integer_to_string(v, r))],
    "signum": [((), _signum)],
    "abs": [((), lambda v: as_integral(abs(int(v)), "BigInteger"))],
    "negate": [((), lambda v: as_integral(-int(v), "BigInteger"))],
    "add": [(("BigInteger",), _big_integer_op(lambda a, b: a + b))],
    "subtract": [(("BigInteger",), _big_integer_op(lambda a, b: a - b))],
    "multiply": [(("BigInteger",), _big_integer_op(_big_integer_product))],
    "bitLength": [((), lambda v: (v if v >= 0 else ~v).bit_length())],
    **_BIG_EXTRA,
}
_KINDS["BigInteger"] = lambda v: v is None or type(v) is JavaBigInteger or (
    type(v) is int and not LONG_MIN <= v <= LONG_MAX)

DOUBLE_METHODS: Table = {
    **_NUMBER_COMMON,
    "isNaN": [((), lambda d: d != d), (("double",), lambda _, d: d != d)],
    "isInfinite": [((), lambda d: d in (math.inf, -math.inf)),
                   (("double",), lambda _, d: float(d) in (math.inf, -math.inf))],
    "isFinite": [(("double",), lambda _, d: math.isfinite(float(d)))],
    "compare": [(("double", "double"), _double_compare)],
    "sum": [(("double", "double"), lambda _, a, b: float(a) + float(b))],
    "max": [(("double", "double"), _double_max)],
    "min": [(("double", "double"), lambda _, a, b: _double_max(_, a, b, -1))],
    "hashCode": [(("double",), lambda _, d: java_hash(float(d)))],
    "parseDouble": [(("String",), lambda _, s: _parse_double(s))],
    "valueOf": [(("String",), lambda _, s: _parse_double(s)), (("double",), lambda _, d: float(d))],
    "toString": [((), to_string), (("double",), lambda _, d: to_string(float(d)))],
    "toHexString": [(("double",), lambda _, d: double_to_hex_string(float(d)))],
    "doubleToLongBits": [(("double",), lambda _, d: _as_long(_double_bits(float(d), canonical=True)))],
    "doubleToRawLongBits": [(("double",), lambda _, d: _as_long(_double_bits(float(d))))],
    "longBitsToDouble": [(("long",), lambda _, b: struct.unpack("<d", struct.pack("<q", int(b)))[0])],
}

def _float(value: Any) -> JavaFloat:
    return JavaFloat(to_float32(float(value)))


def _float_to_hex_string(value: Any) -> str:
    """``Float.toHexString``: a subnormal float is written with the exponent -126."""
    f = float(_float(value))
    if f != 0.0 and abs(f) < 2.0 ** -126:
        return re.sub("p-1022$", "p-126", double_to_hex_string(math.ldexp(f, -896)))
    return double_to_hex_string(f)


FLOAT_METHODS: Table = {
    **_NUMBER_COMMON,
    "isNaN": [((), lambda f: f != f)],
    "isInfinite": [((), lambda f: f in (math.inf, -math.inf))],
    "toString": [((), to_string), (("float",), lambda _, f: to_string(_float(f)))],
    "sum": [(("float", "float"), lambda _, a, b: _float(_float(a) + _float(b)))],
    "max": [(("float", "float"), lambda _, a, b: _float(_double_max(_, _float(a), _float(b))))],
    "min": [(("float", "float"), lambda _, a, b: _float(_double_max(_, _float(a), _float(b), -1)))],
    "compare": [(("float", "float"), lambda _, a, b: _n_compare_to(float(_float(a)), float(_float(b))))],
    "hashCode": [(("float",), lambda _, f: java_hash(_float(f)))],
    "toHexString": [(("float",), lambda _, f: _float_to_hex_string(f))],
    "parseFloat": [(("String",), lambda _, text: _float(_parse_double(text)))],
    "valueOf": [(("String",), lambda _, text: _float(_parse_double(text))), (("float",), lambda _, f: _float(f))],
}

def _plain_decimal(d: Decimal) -> str:
    """``BigDecimal.toPlainString``: no exponent, however many zeros that takes."""
    check_decimal_text(d, string_limit())
    return format(d, "f")


_EXACT = decimal.Context(prec=decimal.MAX_PREC, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)
#: BigDecimal's int rounding modes (ROUND_UNNECESSARY, 7, is checked apart).
_ROUNDINGS = {0: decimal.ROUND_UP, 1: decimal.ROUND_DOWN, 2: decimal.ROUND_CEILING, 3: decimal.ROUND_FLOOR,
              4: decimal.ROUND_HALF_UP, 5: decimal.ROUND_HALF_DOWN, 6: decimal.ROUND_HALF_EVEN, 7: decimal.ROUND_DOWN}
_NPE_FIELD_OF = 'Cannot read field "{}" because "{}" is null'


def _bd(d: Decimal) -> Decimal:
    """A BigDecimal result: Java has no negative zero."""
    return d.copy_abs() if not d else d


def _scale(d: Decimal) -> int:
    return -d.as_tuple().exponent


def _dec_arg(field: str, name: str, op: Callable[[Decimal, Decimal], Any]) -> Impl:
    """A BigDecimal method of one BigDecimal argument: null throws Java's NPE."""

    def call(a: Decimal, b: Any) -> Any:
        if b is None:
            raise _npe(_NPE_FIELD_OF.format(field, name))
        return op(a, b)

    return call


def _rounding(mode: int) -> str:
    if mode not in _ROUNDINGS:
        raise java_exception("java.lang.IllegalArgumentException", "Invalid rounding mode")
    return _ROUNDINGS[mode]


def _rescale(d: Decimal, scale: int, mode: int = 7) -> Decimal:
    """``setScale(scale, roundingMode)``: ROUND_UNNECESSARY (7) throws when digits would go."""
    rounding = _rounding(mode)
    check_digits(len(d.as_tuple().digits) + max(0, scale - _scale(d)), "a rescaled BigDecimal")
    q = d.quantize(Decimal((0, (1,), -scale)), rounding=rounding, context=_EXACT)
    if mode == 7 and q != d:
        raise java_exception(_AE, "Rounding necessary")
    return _bd(q)


def _move_point(d: Decimal, n: int) -> Decimal:
    """``movePointLeft(n)`` (right is ``-n``): the point moves, and a negative scale becomes 0."""
    moved = d.scaleb(-n, _EXACT)
    return _rescale(moved, 0) if _scale(moved) < 0 else _bd(moved)


def _dec_pow(d: Decimal, n: int) -> Decimal:
    if not 0 <= n <= 999999999:
        raise java_exception(_AE, "Invalid operation")
    if n == 0:
        return Decimal(1)
    if not d:  # a zero: its scale times n
        return Decimal((0, (0,), d.as_tuple().exponent * n))
    check_digits(len(d.as_tuple().digits) * n, "a power")
    return _bd(_EXACT.power(d, n))


def _dec_exact(d: Decimal, lo: int, hi: int, box: Callable[[int], Any]) -> Any:
    """``longValueExact`` and the narrower ones: a fraction or an overflow throws."""
    if not d:
        return box(0)
    digits, scale = len(d.as_tuple().digits), _scale(d)
    if digits - scale <= 0:
        raise java_exception(_AE, "Rounding necessary")
    if digits - scale > 19:
        raise java_exception(_AE, "Overflow")
    value = int(_rescale(d, 0))
    if not lo <= value <= hi:
        raise java_exception(_AE, "Overflow")
    return box(value)


def _round_quotient(n: int, m: int, mode: int) -> int:
    """``n / m`` (``m`` > 0) rounded to an integer by a BigDecimal rounding mode."""
    q, r = divmod(abs(n), m)
    if r and mode == 7:
        raise java_exception(_AE, "Rounding necessary")
    negative = n < 0
    up = False
    if r:
        if mode == 0:
            up = True
        elif mode in (2, 3):
            up = (mode == 2) != negative
        elif mode in (4, 5, 6):
            twice = 2 * r
            up = twice > m or (twice == m and (mode == 4 or (mode == 6 and q & 1)))
    q += up
    return -q if negative else q


def _dec_divide(a: Decimal, b: Any, scale: int, mode: int) -> Decimal:
    """``divide(divisor, scale, roundingMode)``."""
    if b is None:
        raise _npe(_NPE_FIELD_OF.format("intCompact", "divisor"))
    _rounding(mode)
    if not b:
        raise java_exception(_AE, "Division undefined" if not a else "Division by zero")
    shift = scale - _scale(a) + _scale(b)
    check_digits(len(a.as_tuple().digits) + max(shift, 0), "a quotient")
    check_digits(len(b.as_tuple().digits) + max(-shift, 0), "a quotient")
    num = int(a.scaleb(_scale(a), _EXACT)) * (10 ** shift if shift > 0 else 1)
    den = int(b.scaleb(_scale(b), _EXACT)) * (10 ** -shift if shift < 0 else 1)
    if den < 0:
        num, den = -num, -den
    return _bd(Decimal(_round_quotient(num, den, mode)).scaleb(-scale, _EXACT))


def _unscaled(d: Decimal) -> int:
    return int(d.scaleb(_scale(d), _EXACT))


def _trailing_zeros(n: int) -> int:
    count = 0
    while n and n % 10 == 0:
        n //= 10
        count += 1
    return count


def _check_divisor(a: Decimal, b: Any) -> None:
    if b is None:
        raise _npe(_NPE_FIELD_OF.format("scale", "divisor"))
    if not b:
        raise java_exception(_AE, "Division undefined" if not a else "Division by zero")


def _dec_divide_exact(a: Decimal, b: Any) -> Decimal:
    """``divide(divisor)``: the exact quotient at the scale ``a.scale - b.scale`` or the least
    scale that holds it; a quotient that does not terminate throws."""
    if b is None:
        raise _npe(_NPE_CALL.format("java.math.BigDecimal.signum()", "divisor"))
    _check_divisor(a, b)
    preferred = _scale(a) - _scale(b)
    if not a:
        return Decimal((0, (0,), -preferred))
    num, den = _unscaled(a), _unscaled(b)
    g = math.gcd(num, den)
    num, den = num // g, den // g
    if den < 0:
        num, den = -num, -den
    twos = fives = 0
    rest = den
    while rest % 2 == 0:
        rest, twos = rest // 2, twos + 1
    while rest % 5 == 0:
        rest, fives = rest // 5, fives + 1
    if rest != 1:
        raise java_exception(_AE, "Non-terminating decimal expansion; no exact representable decimal result.")
    k = max(twos, fives)
    check_digits(len(a.as_tuple().digits) + k, "a quotient")
    n = num * 10**k // den  # exact: a/b = n x 10^-(preferred + k)
    zeros = _trailing_zeros(n)
    limit = len(a.as_tuple().digits) + -(-10 * len(b.as_tuple().digits) // 3)
    if len(str(abs(n))) - zeros > limit:  # more digits than Java's working precision
        raise java_exception(_AE, "Non-terminating decimal expansion; no exact representable decimal result.")
    scale = max(preferred, preferred + k - zeros)
    return _bd(Decimal(n).scaleb(-(preferred + k), _EXACT).quantize(Decimal((0, (1,), -scale)), context=_EXACT))


def _dec_integral_quotient(a: Decimal, b: Any) -> Decimal:
    """``divideToIntegralValue``: the quotient truncated to an integer, at the scale
    ``a.scale - b.scale`` when positive, else with as few trailing zeros as that allows."""
    _check_divisor(a, b)
    preferred = _scale(a) - _scale(b)
    if a.copy_abs() < b.copy_abs():
        return Decimal((0, (0,), -preferred))
    shift = _scale(b) - _scale(a)
    check_digits(len(a.as_tuple().digits) + abs(shift), "a quotient")
    num, den = _unscaled(a), _unscaled(b)
    if shift > 0:
        num *= 10**shift
    else:
        den *= 10**-shift
    q = abs(num) // abs(den)
    q = -q if (num < 0) != (den < 0) else q
    scale = preferred if preferred > 0 else max(preferred, -_trailing_zeros(q))
    return _bd(Decimal(q).quantize(Decimal((0, (1,), -scale)), context=_EXACT))


def _dec_remainder(a: Decimal, b: Any) -> Decimal:
    """``remainder``: ``a - divideToIntegralValue(b) * b``, with the scales those give."""
    if b is None:
        raise _npe(_NPE_FIELD_OF.format("scale", "divisor"))
    q = _dec_integral_quotient(a, b)
    return _bd(_EXACT.subtract(a, _EXACT.multiply(q, b)))


def _dec_divide_and_remainder(a: Decimal, b: Any) -> JavaArray:
    q = _dec_integral_quotient(a, b)
    return JavaArray([q, _bd(_EXACT.subtract(a, _EXACT.multiply(q, b)))], "java.math.BigDecimal")


DECIMAL_METHODS: Table = {
    **_NUMBER_COMMON,
    "toString": [((), to_string)],
    "toPlainString": [((), lambda d: _plain_decimal(d))],
    "scale": [((), _scale)],
    "precision": [((), lambda d: len(d.as_tuple().digits))],
    "unscaledValue": [((), lambda d: _big(int(d.scaleb(_scale(d), _EXACT))))],
    "signum": [((), lambda d: (d > 0) - (d < 0))],
    "negate": [((), lambda d: _bd(d.copy_negate()))],
    "abs": [((), lambda d: d.copy_abs())],
    "add": [(("BigDecimal",), _dec_arg("intCompact", "augend", lambda a, b: _bd(_EXACT.add(a, b))))],
    "subtract": [(("BigDecimal",), _dec_arg("intCompact", "subtrahend", lambda a, b: _bd(_EXACT.subtract(a, b))))],
    "multiply": [(("BigDecimal",), _dec_arg("scale", "multiplicand",
                                            lambda a, b: check_product(a, b) or _bd(_EXACT.multiply(a, b))))],
    "max": [(("BigDecimal",), _dec_arg("scale", "val", lambda a, b: a if a >= b else b))],
    "min": [(("BigDecimal",), _dec_arg("scale", "val", lambda a, b: a if a <= b else b))],
    "divide": [(("BigDecimal",), _dec_divide_exact),
               (("BigDecimal", "int"), lambda a, b, mode: _dec_divide(a, b, _scale(a), mode)),
               (("BigDecimal", "int", "int"), _dec_divide)],
    "divideToIntegralValue": [(("BigDecimal",), _dec_integral_quotient)],
    "remainder": [(("BigDecimal",), _dec_remainder)],
    "divideAndRemainder": [(("BigDecimal",), _dec_divide_and_remainder)],
    "stripTrailingZeros": [((), lambda d: Decimal(0) if not d else d.normalize(_EXACT))],
    "toBigInteger": [((), lambda d: _big(int(d)))],
    "toEngineeringString": [((), lambda d: _bd(d).to_eng_string())],
    "setScale": [(("int",), _rescale), (("int", "int"), _rescale)],
    "movePointLeft": [(("int",), _move_point)],
    "movePointRight": [(("int",), lambda d, n: _move_point(d, -n))],
    "scaleByPowerOfTen": [(("int",), lambda d, n: _bd(d.scaleb(n, _EXACT)))],
    "pow": [(("int",), _dec_pow)],
    "ulp": [((), lambda d: Decimal((0, (1,), d.as_tuple().exponent)))],
    "intValueExact": [((), lambda d: _dec_exact(d, INT_MIN, INT_MAX, int))],
    "longValueExact": [((), lambda d: _dec_exact(d, LONG_MIN, LONG_MAX, _as_long))],
    "shortValueExact": [((), lambda d: _dec_exact(d, -0x8000, 0x7FFF, JavaShort))],
    "byteValueExact": [((), lambda d: _dec_exact(d, -0x80, 0x7F, JavaByte))],
}
_KINDS["BigDecimal"] = lambda v: v is None or type(v) is Decimal

BOOLEAN_METHODS: Table = {
    "logicalAnd": [(("boolean", "boolean"), lambda _, a, b: a and b)],
    "logicalOr": [(("boolean", "boolean"), lambda _, a, b: a or b)],
    "logicalXor": [(("boolean", "boolean"), lambda _, a, b: a != b)],
    "compare": [(("boolean", "boolean"), lambda _, a, b: (a > b) - (a < b))],
    "compareTo": [(("Object",), _compare_to)],
    "booleanValue": [((), lambda b: b)],
    "parseBoolean": [(("String",), lambda _, s: _parse_boolean(s))],
    "valueOf": [(("String",), lambda _, s: _parse_boolean(s)), (("boolean",), lambda _, b: b)],
    "toString": [((), to_string), (("boolean",), lambda _, b: to_string(b))],
    "hashCode": [(("boolean",), lambda _, b: java_hash(b))],
}

def _code_point(c: Any) -> int:
    """The code point a ``char`` or ``int`` argument of a ``Character`` static stands for."""
    return ord(c) if type(c) is JavaChar else c


def _char_test(test: Callable[[str], bool]) -> list[tuple[tuple[str, ...], Impl]]:
    """A ``Character.isX(char)`` / ``isX(int)`` pair (an invalid code point is false)."""
    def impl(_: Any, c: Any) -> bool:
        cp = _code_point(c)
        return 0 <= cp <= 0x10FFFF and test(chr(cp))
    return [(("char",), impl), (("int",), impl)]


def _numeric_value(_: Any, c: Any) -> int:
    """``Character.getNumericValue``: Latin letters count 10 to 35, a fraction -2, else -1."""
    cp = _code_point(c)
    if not 0 <= cp <= 0x10FFFF:
        return -1
    for base in (0x41, 0x61, 0xFF21, 0xFF41):  # A-Z, a-z and their full-width forms
        if base <= cp < base + 26:
            return cp - base + 10
    value = unicodedata.numeric(chr(cp), None)
    if value is None:
        return -1
    return int(value) if value == int(value) and value >= 0 else -2


def _char_case(convert: Callable[[int], int]) -> list[tuple[tuple[str, ...], Impl]]:
    """``Character.toUpperCase(char)`` (a char) and ``toUpperCase(int)`` (an int)."""
    return [(("char",), lambda _, c: JavaChar(chr(convert(ord(c))))),
            (("int",), lambda _, c: convert(c) if 0 <= c <= 0x10FFFF else c)]


def _category_in(*prefixes: str) -> Callable[[str], bool]:
    return lambda ch: unicodedata.category(ch).startswith(prefixes)


#: ``Character.getType`` constants by Unicode general category.
_CHAR_TYPES = {
    "Cn": 0, "Lu": 1, "Ll": 2, "Lt": 3, "Lm": 4, "Lo": 5, "Mn": 6, "Me": 7, "Mc": 8, "Nd": 9, "Nl": 10, "No": 11,
    "Zs": 12, "Zl": 13, "Zp": 14, "Cc": 15, "Cf": 16, "Co": 18, "Cs": 19, "Pd": 20, "Ps": 21, "Pe": 22, "Pc": 23,
    "Po": 24, "Sm": 25, "Sc": 26, "Sk": 27, "So": 28, "Pi": 29, "Pf": 30,
}


def _char_type(ch: str) -> int:
    return _CHAR_TYPES.get(unicodedata.category(ch), 0)


def _ignorable(ch: str) -> bool:
    """``Character.isIdentifierIgnorable``: C0/C1 controls that are not blanks, and formats."""
    cp = ord(ch)
    return cp <= 8 or 0xE <= cp <= 0x1B or 0x7F <= cp <= 0x9F or unicodedata.category(ch) == "Cf"


def _java_start(ch: str) -> bool:
    """``Character.isJavaIdentifierStart``: a letter, letter number, currency or connector."""
    return unicodedata.category(ch) in ("Lu", "Ll", "Lt", "Lm", "Lo", "Nl", "Sc", "Pc")


def _java_part(ch: str) -> bool:
    """``Character.isJavaIdentifierPart``: a start character, digit, mark or ignorable."""
    return _java_start(ch) or unicodedata.category(ch) in ("Nd", "Mn", "Mc") or _ignorable(ch)


def _title_cp(cp: int) -> int:
    """``Character.toTitleCase(cp)``: the one-character titlecase mapping, else the uppercase one."""
    title = chr(cp).title()
    return ord(title) if len(title) == 1 else simple_upper(cp)


def _char_digit(_: Any, c: Any, radix: int) -> int:
    """``Character.digit(ch, radix)`` (-1 for a radix outside 2..36 or an invalid code point)."""
    cp = _code_point(c)
    if not 2 <= radix <= 36 or not 0 <= cp <= 0x10FFFF:
        return -1
    return _digit(chr(cp), radix)


def _for_digit(_: Any, digit: int, radix: int) -> JavaChar:
    if not 2 <= radix <= 36 or not 0 <= digit < radix:
        return JavaChar("\0")
    return JavaChar("0123456789abcdefghijklmnopqrstuvwxyz"[digit])


def _to_chars(_: Any, cp: int) -> JavaArray:
    if not 0 <= cp <= 0x10FFFF:
        raise java_exception("java.lang.IllegalArgumentException",
                             f"Not a valid Unicode code point: 0x{cp & 0xFFFFFFFF:X}")
    return JavaArray([JavaChar(u) for u in to_units(chr(cp))], "char")


def _surrogate_half(cp: int, low: bool) -> JavaChar:
    """``Character.lowSurrogate``/``highSurrogate``: computed for any int, as Java does."""
    unit = (cp & 0x3FF) + 0xDC00 if low else ((cp >> 10) + (0xD800 - (0x10000 >> 10))) & 0xFFFF
    return JavaChar(chr(unit))


def _char_pair(test: Callable[[str, str], Any]) -> Impl:
    return lambda _, a, b: test(str.__str__(a), str.__str__(b))


CHARACTER_METHODS: Table = {
    "compareTo": [(("Object",), _compare_to)],
    "charValue": [((), lambda c: c)],
    "toString": [((), lambda c: str.__str__(c)), (("char",), lambda _, c: str.__str__(c))],
    "valueOf": [(("char",), lambda _, c: c)],
    "isLetter": _char_test(_category_in("L")),
    "isDigit": _char_test(_category_in("Nd")),
    "isLetterOrDigit": _char_test(_category_in("L", "Nd")),
    "isWhitespace": _char_test(java_is_whitespace),
    "isSpaceChar": _char_test(_category_in("Zs", "Zl", "Zp")),
    "isUpperCase": _char_test(str.isupper),
    "isLowerCase": _char_test(str.islower),
    "toUpperCase": _char_case(lambda cp: simple_upper(cp)),
    "toLowerCase": _char_case(lambda cp: simple_lower(cp)),
    "getNumericValue": [(("char",), _numeric_value), (("int",), _numeric_value)],
    "isSurrogate": [(("char",), lambda _, c: "\ud800" <= c <= "\udfff")],
    "isHighSurrogate": [(("char",), lambda _, c: "\ud800" <= c <= "\udbff")],
    "isLowSurrogate": [(("char",), lambda _, c: "\udc00" <= c <= "\udfff")],
    "isSurrogatePair": [(("char", "char"), _char_pair(lambda a, b: "\ud800" <= a <= "\udbff" and "\udc00" <= b <= "\udfff"))],
    "toCodePoint": [(("char", "char"), _char_pair(lambda a, b: _wrap32((ord(a) << 10) + ord(b) - 56613888)))],
    "compare": [(("char", "char"), _char_pair(lambda a, b: ord(a) - ord(b)))],
    "hashCode": [(("char",), lambda _, c: ord(c))],
    "reverseBytes": [(("char",), lambda _, c: JavaChar(chr(((ord(c) & 0xFF) << 8) | (ord(c) >> 8))))],
    "digit": [(("char", "int"), _char_digit), (("int", "int"), _char_digit)],
    "forDigit": [(("int", "int"), _for_digit)],
    "getType": [(("char",), lambda _, c: _char_type(c)),
                (("int",), lambda _, c: _char_type(chr(c)) if 0 <= c <= 0x10FFFF else 0)],
    "isISOControl": _char_test(lambda ch: ord(ch) <= 0x1F or 0x7F <= ord(ch) <= 0x9F),
    "isTitleCase": _char_test(_category_in("Lt")),
    "isDefined": _char_test(lambda ch: unicodedata.category(ch) != "Cn"),
    "isMirrored": _char_test(lambda ch: unicodedata.mirrored(ch) == 1),
    "isIdentifierIgnorable": _char_test(_ignorable),
    "isJavaIdentifierStart": _char_test(_java_start),
    "isJavaIdentifierPart": _char_test(_java_part),
    "isJavaLetter": [(("char",), lambda _, c: _java_start(c))],
    "isJavaLetterOrDigit": [(("char",), lambda _, c: _java_part(c))],
    "isSpace": [(("char",), lambda _, c: c in " \t\n\f\r")],
    "toTitleCase": _char_case(_title_cp),
    "toChars": [(("int",), _to_chars)],
    "charCount": [(("int",), lambda _, cp: 2 if cp >= 0x10000 else 1)],
    "isValidCodePoint": [(("int",), lambda _, cp: 0 <= cp <= 0x10FFFF)],
    "isBmpCodePoint": [(("int",), lambda _, cp: 0 <= cp <= 0xFFFF)],
    "isSupplementaryCodePoint": [(("int",), lambda _, cp: 0x10000 <= cp <= 0x10FFFF)],
    "highSurrogate": [(("int",), lambda _, cp: _surrogate_half(cp, low=False))],
    "lowSurrogate": [(("int",), lambda _, cp: _surrogate_half(cp, low=True))],
}


# -- java.util.List / arrays -----------------------------------------------------------------


def _index_of(items: list, value: Any) -> int:
    for i, item in enumerate(items):
        if java_equals(value, item) if value is not None else item is None:
            return i
    return -1


def _last_index_of(items: list, value: Any) -> int:
    for i in range(len(items) - 1, -1, -1):
        item = items[i]
        if java_equals(value, item) if value is not None else item is None:
            return i
    return -1


def _l_get(items: list, index: int) -> Any:
    _check_index(index, len(items))
    return items[index]


def _l_set(items: list, index: int, value: Any) -> Any:
    _check_index(index, len(items))
    old = items[index]
    items[index] = value
    return old


def _l_add(items: list, value: Any) -> bool:
    items.append(value)
    return True


def _l_insert(items: list, index: int, value: Any) -> str:
    if index < 0 or index > len(items):
        raise java_exception(IOOBE, f"Index: {index}, Size: {len(items)}")
    items.insert(index, value)
    return VOID


def _l_remove_at(items: list, index: int) -> Any:
    _check_index(index, len(items))
    return items.pop(index)


def _l_remove(items: list, value: Any) -> bool:
    i = _index_of(items, value)
    if i < 0:
        return False
    del items[i]
    return True


_NPE_TO_ARRAY = _NPE_CALL.format("java.util.Collection.toArray()", "c")


def _l_add_all(items: list, other: Any) -> bool:
    if other is None:
        raise _npe(_NPE_TO_ARRAY)
    other = list(other)
    check_collection_size(len(items) + len(other))  # $l.addAll($l) in a loop doubles it
    items.extend(other)
    return bool(other)


def _l_insert_all(items: list, index: int, other: Any) -> bool:
    if index < 0 or index > len(items):
        raise java_exception(IOOBE, f"Index: {index}, Size: {len(items)}")
    if other is None:
        raise _npe(_NPE_TO_ARRAY)
    other = list(other)
    check_collection_size(len(items) + len(other))
    items[index:index] = other
    return bool(other)


def _l_contains_all(items: list, other: Any) -> bool:
    if other is None:
        raise _npe(_NPE_CALL.format("java.util.Collection.iterator()", "c"))
    return all(_index_of(items, v) >= 0 for v in other)


def _l_remove_all(items: list, other: Any, keep: bool = False) -> bool:
    if other is None:
        raise _npe()
    other = list(other)
    kept = [v for v in items if (_index_of(other, v) >= 0) == keep]
    changed = len(kept) != len(items)
    items[:] = kept
    return changed


def _l_clear(items: list) -> str:
    items.clear()
    return VOID


def _l_sub_list(items: list, start: int, end: int) -> SubListView:
    if start < 0:
        raise java_exception(IOOBE, f"fromIndex = {start}")
    if end > len(items):
        raise java_exception(IOOBE, f"toIndex = {end}")
    if start > end:
        raise java_exception("java.lang.IllegalArgumentException", f"fromIndex({start}) > toIndex({end})")
    return SubListView(items[start:end])


def _unsupported(*_: Any) -> Any:
    raise java_exception(UOE)


def _add_all_unsupported(items: Any, other: Any) -> bool:
    """``AbstractCollection.addAll`` of a collection without ``add``: it adds (and so throws)
    only when ``other`` has elements."""
    if other is None:
        raise _npe(_NPE_CALL.format("java.util.Collection.iterator()", "c"))
    if len(other):
        raise java_exception(UOE)
    return False


_COLLECTION_READ: Table = {
    "size": [((), len)],
    "isEmpty": [((), lambda items: len(items) == 0)],
    "contains": [(("Object",), lambda items, v: _index_of(items, v) >= 0)],
    "containsAll": [(("Collection",), _l_contains_all)],
}

def _natural_compare(x: Any, y: Any, receiver: str) -> int:
    """``((Comparable) x).compareTo(y)`` as ComparableTimSort calls it."""
    if x is None:
        raise _npe(_NPE_CALL.format("java.lang.Comparable.compareTo(Object)", receiver))
    if not isinstance(x, (str, bool, int, float, Decimal)):
        raise _cast_error(java_class_name(x), "java.lang.Comparable")
    return _compare_to(x, y)


def _l_sort(items: list, comparator: None, receiver: str | None = None) -> str:
    """``List.sort(null)``: natural order with Java's ComparableTimSort.

    Below 32 elements this follows ComparableTimSort step by step (a first run, then a binary
    insertion sort), so a null or an incomparable element fails on the same comparison as in
    Java; longer lists use a stable sort giving the same order.
    """
    a = list(items)
    n = len(a)
    if n < 2:
        return VOID
    if n < 32:
        if _natural_compare(a[1], a[0], receiver or "a[runHi]") < 0:
            run = 2
            while run < n and _natural_compare(a[run], a[run - 1], receiver or "a[runHi]") < 0:
                run += 1
            a[:run] = a[:run][::-1]
        else:
            run = 2
            while run < n and _natural_compare(a[run], a[run - 1], receiver or "a[runHi]") >= 0:
                run += 1
        for start in range(run, n):
            pivot = a[start]
            left, right = 0, start
            while left < right:
                mid = (left + right) >> 1
                if _natural_compare(pivot, a[mid], receiver or "pivot") < 0:
                    right = mid
                else:
                    left = mid + 1
            a[left + 1 : start + 1] = a[left:start]
            a[left] = pivot
    else:
        a.sort(key=functools.cmp_to_key(lambda x, y: _natural_compare(x, y, receiver or "a[runHi]")))
    items[:] = a
    return VOID


class JavaIterator(HostObject):
    """``collection.iterator()``: ``hasNext()``/``next()``/``remove()`` over a list."""

    __slots__ = ("items", "index", "size", "last")
    java_class = "java.util.ArrayList$Itr"

    def __init__(self, items: list) -> None:
        self.items = items
        self.index = 0
        self.size = len(items)
        self.last = -1  # the index next() returned last, -1 once removed

    def _next(self) -> Any:
        if len(self.items) != self.size:
            raise java_exception("java.util.ConcurrentModificationException")
        if self.index >= len(self.items):
            raise java_exception("java.util.NoSuchElementException")
        self.last = self.index
        self.index += 1
        return self.items[self.index - 1]

    def _remove(self) -> str:
        if self.last < 0:
            raise java_exception("java.lang.IllegalStateException")
        if len(self.items) != self.size:
            raise java_exception("java.util.ConcurrentModificationException")
        if isinstance(self.items, ImmutableList):
            raise java_exception(UOE)
        del self.items[self.last]
        self.index, self.last = self.last, -1
        self.size = len(self.items)
        return VOID

    def _for_each_remaining(self, action: Any) -> Any:
        """``forEachRemaining``: a template can only pass null (requireNonNull throws)."""
        if action is not None:
            return MISSING
        raise _npe()

    vtl_methods = {
        "hasNext": lambda self: self.index != len(self.items),
        "next": _next,
        "remove": _remove,
        "forEachRemaining": _for_each_remaining,
    }


class ViewIterator(JavaIterator):
    """A map view's ``iterator()``: ``remove()`` takes the last item's mapping out of the map."""

    __slots__ = ()

    @property
    def java_class(self) -> str:  # type: ignore[override]
        return type(self.items).iterator_class

    def _next_item(self) -> Any:
        if len(self.items.owner) != self.size:
            raise java_exception("java.util.ConcurrentModificationException")
        self.items.sync()
        return JavaIterator._next(self)

    def _remove_item(self) -> str:
        if self.last < 0:
            raise java_exception("java.lang.IllegalStateException")
        if len(self.items.owner) != self.size:
            raise java_exception("java.util.ConcurrentModificationException")
        self.items.sync()
        self.items.delete(self.last)
        self.index, self.last = self.last, -1
        self.size = len(self.items)
        return VOID

    vtl_methods = {
        "hasNext": lambda self: self.index < len(self.items),
        "next": _next_item,
        "remove": _remove_item,
        "forEachRemaining": JavaIterator._for_each_remaining,
    }


class JavaListIterator(JavaIterator):
    """``list.listIterator([index])``: walks both ways; ``set``/``add``/``remove`` write
    through to the list (an array's wrapper allows only ``set``)."""

    __slots__ = ()

    @property
    def java_class(self) -> str:  # type: ignore[override]
        if isinstance(self.items, JavaArray):
            return "java.util.AbstractList$ListItr"
        if isinstance(self.items, ImmutableList):
            return "java.util.ImmutableCollections$ListItr"
        return "java.util.ArrayList$ListItr"

    def _check(self) -> None:
        if len(self.items) != self.size:
            raise java_exception("java.util.ConcurrentModificationException")

    def _previous(self) -> Any:
        self._check()
        if self.index <= 0:
            raise java_exception("java.util.NoSuchElementException")
        self.index -= 1
        self.last = self.index
        return self.items[self.index]

    def _set(self, value: Any) -> str:
        if self.last < 0:
            raise java_exception("java.lang.IllegalStateException")
        self._check()
        if isinstance(self.items, ImmutableList):
            raise java_exception(UOE)
        if isinstance(self.items, JavaArray):
            _array_set(self.items, self.last, value)
        else:
            self.items[self.last] = value
        return VOID

    def _add(self, value: Any) -> str:
        self._check()
        if isinstance(self.items, (JavaArray, ImmutableList)):
            raise java_exception(UOE)
        self.items.insert(self.index, value)
        self.index, self.last = self.index + 1, -1
        self.size = len(self.items)
        return VOID

    def _remove_here(self) -> str:
        if isinstance(self.items, JavaArray) and self.last >= 0:
            raise java_exception(UOE)
        return JavaIterator._remove(self)

    vtl_methods = {
        **JavaIterator.vtl_methods,
        "hasPrevious": lambda self: self.index != 0,
        "previous": _previous,
        "nextIndex": lambda self: self.index,
        "previousIndex": lambda self: self.index - 1,
        "set": _set,
        "add": _add,
        "remove": _remove_here,
    }


def _list_iterator(items: list, index: int = 0) -> JavaListIterator:
    """``listIterator(index)``: an index past the end throws (ArrayList and an array's
    AbstractList word it differently)."""
    if index < 0 or index > len(items):
        size = f", Size: {len(items)}" if isinstance(items, JavaArray) else ""
        raise java_exception(IOOBE, f"Index: {index}{size}")
    it = JavaListIterator(items)
    it.index = index
    return it


def _null_function(*_: Any) -> Any:
    """``removeIf``/``forEach`` given null (a template has no lambdas): requireNonNull."""
    raise _npe()


LIST_METHODS: Table = {
    **_COLLECTION_READ,
    "toArray": [((), lambda items: JavaArray(items, "java.lang.Object")), (("null",), _ambiguous),
                # toArray(T[]): Velocity passes a lone argument as a one-element array
                (("Object",), lambda items, _: JavaArray(list(items) or [None], "java.lang.Object"))],
    "sort": [(("Comparator",), _l_sort)],
    "iterator": [((), JavaIterator)],
    "listIterator": [((), _list_iterator), (("int",), _list_iterator)],
    "ensureCapacity": [(("int",), lambda items, n: VOID)],
    "trimToSize": [((), lambda items: VOID)],
    "removeIf": [(("Function",), _null_function)],
    "forEach": [(("Function",), _null_function)],
    "replaceAll": [(("Function",), _null_function)],
    "get": [(("int",), _l_get)],
    "indexOf": [(("Object",), _index_of)],
    "lastIndexOf": [(("Object",), _last_index_of)],
    "add": [(("Object",), _l_add), (("int", "Object"), _l_insert)],
    "set": [(("int", "Object"), _l_set)],
    "remove": [(("int",), _l_remove_at), (("Object",), _l_remove)],
    "addAll": [(("Collection",), _l_add_all), (("int", "Collection"), _l_insert_all)],
    "removeAll": [(("Collection",), _l_remove_all)],
    "retainAll": [(("Collection",), lambda items, o: _l_remove_all(items, o, keep=True))],
    "clear": [((), _l_clear)],
    "subList": [(("int", "int"), _l_sub_list)],
    "clone": [((), lambda items: (type(items) if isinstance(items, JavaList) else JavaList)(items))],
    "stream": [((), lambda items: RefStream(list(items)))],
}

# List.of / Stream.toList: every mutator throws UnsupportedOperationException.
IMMUTABLE_LIST_METHODS: Table = {
    **LIST_METHODS,
    **{name: [(kinds, _unsupported) for kinds, _ in LIST_METHODS[name]]
       for name in ("add", "set", "remove", "addAll", "removeAll", "retainAll", "clear", "sort", "removeIf",
                    "replaceAll")},
    "clone": [], "ensureCapacity": [], "trimToSize": [],
}

def _json_array_merge(items: JsonArray, other: Any) -> str:
    """``JSONArray.merge(Object)``: appends another JSONArray's elements; anything else fails
    the cast to JSONArray."""
    if other is None:
        return VOID
    if not isinstance(other, JsonArray):
        raise _cast_error(java_class_name(other), "net.minidev.json.JSONArray")
    items.extend(list(other))
    return VOID


JSON_ARRAY_METHODS: Table = {
    **LIST_METHODS,
    "toJSONString": [((), json_smart_string)],
    "merge": [(("Object",), _json_array_merge)],
}

def _array_check(items: list, index: int) -> None:
    if index < 0 or index >= len(items):
        # java.lang.reflect.Array.get throws it without a message
        raise java_exception("java.lang.ArrayIndexOutOfBoundsException")


#: Whether an array of an element class holds a value (``java.lang.reflect.Array.set``: a
#: byte[] takes only a Byte, an int[] widens a Character, Byte or Short).
_ARRAY_ELEMENT: dict[str, Callable[[Any], bool]] = {
    "java.lang.Object": lambda v: True,
    "java.lang.String": lambda v: v is None or _is_string(v),
    "char": lambda v: type(v) is JavaChar,
    "int": lambda v: type(v) is JavaChar or (type(v) is int and INT_MIN <= v <= INT_MAX) or type(v) in _TO_INT,
    "byte": lambda v: type(v) is JavaByte,
}


def _array_set(items: JavaArray, index: int, value: Any) -> Any:
    """``ArrayListWrapper.set``: reads the old element, then ``Array.set`` checks the type."""
    _array_check(items, index)
    if not _ARRAY_ELEMENT.get(items.element_class, _ARRAY_ELEMENT["java.lang.Object"])(value):
        primitive = items.element_class in _PRIMITIVE_ELEMENTS
        raise java_exception("java.lang.IllegalArgumentException",
                             "argument type mismatch" if primitive else "array element type mismatch")
    return _l_set(items, index, value)


class ArrayIterator(JavaIterator):
    """An array's ``iterator()`` (``AbstractList.Itr`` over Velocity's wrapper): ``remove()``
    after ``next()`` throws UnsupportedOperationException."""

    __slots__ = ()
    java_class = "java.util.AbstractList$Itr"

    def _remove_unsupported(self) -> str:
        if self.last < 0:
            raise java_exception("java.lang.IllegalStateException")
        raise java_exception(UOE)

    vtl_methods = {**JavaIterator.vtl_methods, "remove": _remove_unsupported}


def _array_to_array_null(*_: Any) -> Any:
    raise _npe(_NPE_CALL.format("java.util.function.IntFunction.apply(int)", "generator"))


def _array_remove(items: JavaArray, value: Any) -> bool:
    """``AbstractCollection.remove(Object)``: false when absent, else the removal throws."""
    if _index_of(items, value) >= 0:
        raise java_exception(UOE)
    return False


def _array_remove_all(items: JavaArray, other: Any, keep: bool = False) -> bool:
    """``AbstractCollection.removeAll``/``retainAll``: false when nothing goes, else the first
    removal throws."""
    if other is None:
        raise _npe()
    others = list(other)
    if any((_index_of(others, item) >= 0) != keep for item in items):
        raise java_exception(UOE)
    return False


# Velocity wraps arrays in an ArrayListWrapper (a fixed-size AbstractList).
ARRAY_METHODS: Table = {
    **_COLLECTION_READ,
    "get": [(("int",), lambda a, i: _array_check(a, i) or a[i])],
    "set": [(("int", "Object"), _array_set)],
    "indexOf": [(("Object",), _index_of)],
    "lastIndexOf": [(("Object",), _last_index_of)],
    "subList": [(("int", "int"), _l_sub_list)],
    "add": [(("Object",), _unsupported), (("int", "Object"), _unsupported)],
    "remove": [(("int",), _unsupported), (("Object",), _array_remove)],
    "addAll": [(("Collection",), _add_all_unsupported)],
    "removeAll": [(("Collection",), _array_remove_all)],
    "retainAll": [(("Collection",), lambda items, other: _array_remove_all(items, other, keep=True))],
    "clear": [((), _unsupported)],
    "iterator": [((), lambda items: ArrayIterator(items))],
    "listIterator": [((), _list_iterator), (("int",), _list_iterator)],
    # toArray(null): the wrapper's introspection finds Collection.toArray(IntFunction)
    "toArray": [((), LIST_METHODS["toArray"][0][1]), (("null",), _array_to_array_null),
                LIST_METHODS["toArray"][2]],
    "stream": LIST_METHODS["stream"],
    "sort": LIST_METHODS["sort"],
    "forEach": [(("Function",), _null_function)],
    "removeIf": [(("Function",), _null_function)],
    "replaceAll": [(("Function",), _null_function)],
}


def _synced(fn: Impl) -> Impl:
    """``fn`` called on the view as its map stands now."""

    def call(view: Any, *args: Any) -> Any:
        if isinstance(view, MapView):
            view.sync()
        return fn(view, *args)

    return call


def _view_contains_all(view: MapView, other: Any) -> bool:
    if other is None:
        raise _npe(_NPE_CALL.format("java.util.Collection.iterator()", "c"))
    return all(view.contains_item(v) for v in other)


# Map views: plain collections (no index access) that read and write through to the map.
VIEW_METHODS: Table = {
    name: [(kinds, _synced(fn)) for kinds, fn in overloads]
    for name, overloads in {
        **_COLLECTION_READ,
        "contains": [(("Object",), lambda view, value: view.contains_item(value))],
        "containsAll": [(("Collection",), _view_contains_all)],
        "add": [(("Object",), _unsupported)],
        "addAll": [(("Collection",), _add_all_unsupported)],
        "iterator": [((), lambda view: ViewIterator(view))],
        "toArray": [((), lambda items: JavaArray(items, "java.lang.Object")), (("null",), _ambiguous),
                # toArray(T[]): Velocity passes a lone argument as a one-element array
                (("Object",), lambda items, _: JavaArray(list(items) or [None], "java.lang.Object"))],
        "stream": [((), lambda items: RefStream(list(items)))],
        "remove": [(("Object",), lambda view, value: view.remove_item(value))],
        "removeAll": [(("Collection",), lambda view, other: view.remove_all(other))],
        "retainAll": [(("Collection",), lambda view, other: view.remove_all(other, keep=True))],
        "clear": [((), lambda view: view.clear_all())],
        "removeIf": [(("Function",), _null_function)],
        "forEach": [(("Function",), _null_function)],
    }.items()
}


# -- java.util.Map -----------------------------------------------------------------------------


def _m_get(m: dict, key: Any) -> Any:
    return map_lookup(m, key)[1]


def _m_put(m: dict, key: Any, value: Any) -> Any:
    key = java_key(key)
    old = m.get(key)
    m[key] = value  # an equal key already there stays (and keeps its place), as in Java
    return old


def _m_remove(m: dict, key: Any) -> Any:
    return m.pop(java_key(key), None)


def _m_remove_pair(m: dict, key: Any, value: Any) -> bool:
    found, old = map_lookup(m, key)
    if found and java_equals(value, old) if value is not None else (found and old is None):
        _m_remove(m, key)
        return True
    return False


def _m_put_all(m: dict, other: dict | None) -> str:
    if other is None:
        raise _npe(_NPE_CALL.format("java.util.Map.size()", "m"))
    if len(other) >= memguard.COUNTED:
        memguard.note(8 * len(other))  # (the render's memory guard)
    for k, v in list(other.items()):
        _m_put(m, k, v)
    return VOID


def _m_clear(m: dict) -> str:
    m.clear()
    return VOID


def _m_get_or_default(m: dict, key: Any, default: Any) -> Any:
    found, value = map_lookup(m, key)
    return value if found else default


def _m_put_if_absent(m: dict, key: Any, value: Any) -> Any:
    found, old = map_lookup(m, key)
    if old is None:
        _m_put(m, key, value)
    return old


def _m_replace(m: dict, key: Any, value: Any) -> Any:
    found, old = map_lookup(m, key)
    if found:
        _m_put(m, key, value)
    return old


def _m_replace_if(m: dict, key: Any, expected: Any, value: Any) -> bool:
    found, old = map_lookup(m, key)
    if not found or not (java_equals(expected, old) if expected is not None else old is None):
        return False
    _m_put(m, key, value)
    return True


def _m_contains_value(m: dict, value: Any) -> bool:
    return _index_of(list(m.values()), value) >= 0


MAP_METHODS: Table = {
    "get": [(("Object",), _m_get)],
    "put": [(("Object", "Object"), _m_put)],
    "remove": [(("Object",), _m_remove), (("Object", "Object"), _m_remove_pair)],
    "containsKey": [(("Object",), lambda m, k: map_lookup(m, k)[0])],
    "containsValue": [(("Object",), _m_contains_value)],
    "keySet": [((), _key_set)],
    "values": [((), _values)],
    "entrySet": [((), _entry_set)],
    "size": [((), len)],
    "isEmpty": [((), lambda m: len(m) == 0)],
    "putAll": [(("Map",), _m_put_all)],
    "clear": [((), _m_clear)],
    "getOrDefault": [(("Object", "Object"), _m_get_or_default)],
    "putIfAbsent": [(("Object", "Object"), _m_put_if_absent)],
    "replace": [(("Object", "Object"), _m_replace), (("Object", "Object", "Object"), _m_replace_if)],
    "clone": [((), lambda m: dict(m))],
    "forEach": [(("Function",), _null_function)],
    "replaceAll": [(("Function",), _null_function)],
    "compute": [(("Object", "Function"), _null_function)],
    "computeIfAbsent": [(("Object", "Function"), _null_function)],
    "computeIfPresent": [(("Object", "Function"), _null_function)],
    "merge": [(("Object", "Object", "Function"), _null_function)],
}


def _e_set_value(entry: MapEntry, value: Any) -> Any:
    """``Entry.setValue``: writes through to the map while the key is still in it (the entry
    of a removed key is detached, as Java's node is)."""
    old = entry.value
    entry.value = value
    if isinstance(entry, LiveMapEntry) and entry.slot in entry.owner:
        entry.owner[entry.slot] = value
    return old


ENTRY_METHODS: Table = {
    "getKey": [((), lambda e: e.key)],
    "getValue": [((), lambda e: e.value)],
    "setValue": [(("Object",), _e_set_value)],
}

def _type_name(cls: JavaClass) -> str:
    """``Class.getTypeName``: ``java.lang.String[]`` for arrays, else the name."""
    name = cls.name
    dims = len(name) - len(name.lstrip("["))
    if not dims:
        return name
    component = name[dims:]
    if component.startswith("L"):
        component = component[1:-1]
    else:
        component = JavaClass("[" + component).simple_name[:-2]
    return component + "[]" * dims


# Superclasses of the classes a template can meet.
_SUPERCLASS = {
    "java.lang.Integer": "java.lang.Number", "java.lang.Long": "java.lang.Number",
    "java.lang.Double": "java.lang.Number", "java.math.BigInteger": "java.lang.Number",
    "java.math.BigDecimal": "java.lang.Number", "java.util.ArrayList": "java.util.AbstractList",
    "java.util.AbstractList": "java.util.AbstractCollection", "net.minidev.json.JSONArray": "java.util.ArrayList",
    "java.util.LinkedHashMap": "java.util.HashMap", "java.util.HashMap": "java.util.AbstractMap",
    "net.minidev.json.JSONObject": "java.util.HashMap",
}


def _superclass(cls: JavaClass) -> JavaClass | None:
    if cls.name == "java.lang.Object":
        return None
    return JavaClass(_SUPERCLASS.get(cls.name, "java.lang.Object"))


def _is_instance(cls: JavaClass, value: Any) -> bool:
    if value is None:
        return False
    name = java_class_name(value)
    while True:
        if name == cls.name:
            return True
        if name == "java.lang.Object":
            return False
        name = _SUPERCLASS.get(name, "java.lang.Object")


class JavaPackage(HostObject):
    """``Class.getPackage()``: only its name."""

    __slots__ = ("name",)
    java_class = "java.lang.Package"

    def __init__(self, name: str) -> None:
        self.name = name

    def vtl_to_string(self) -> str:
        return "package " + self.name

    vtl_methods = {"getName": lambda self: self.name}


def _package_name(cls: JavaClass) -> str:
    name = cls.name.lstrip("[")
    return name.rsplit(".", 1)[0].lstrip("L") if "." in name else ""


CLASS_METHODS: Table = {
    "getSuperclass": [((), _superclass)],
    "isInstance": [(("Object",), _is_instance)],
    "getPackageName": [((), _package_name)],
    "getPackage": [((), lambda c: JavaPackage(_package_name(c)))],
    "getName": [((), lambda c: c.name)],
    "getTypeName": [((), _type_name)],
    "getSimpleName": [((), lambda c: c.simple_name)],
    "isArray": [((), lambda c: c.name.startswith("["))],
}

# Methods every object has (java.lang.Object).
def _monitor(*_: Any) -> Any:
    raise java_exception("java.lang.IllegalMonitorStateException", "current thread is not owner")


def _bounded_to_string(value: Any) -> str:
    """``toString()``: a collection whose parts are shared prints exponentially long text, so
    the text is held to the render's string budget as it is built."""
    return to_string_within(value, string_limit())


OBJECT_METHODS: Table = {
    "wait": [((), _monitor), (("long",), _monitor), (("long", "int"), _monitor)],
    "notify": [((), _monitor)],
    "notifyAll": [((), _monitor)],
    "getClass": [((), lambda o: JavaClass(java_class_name(o)))],
    "toString": [((), _bounded_to_string)],
    "equals": [(("Object",), java_equals)],
    "hashCode": [((), java_hash)],
}


def _table_for(obj: Any) -> Table | None:
    t = type(obj)
    if t is str:
        return STRING_METHODS
    if t is int:
        if INT_MIN <= obj <= INT_MAX:
            return INTEGER_METHODS
        return LONG_METHODS if LONG_MIN <= obj <= LONG_MAX else BIGINTEGER_METHODS
    if t is float:
        return DOUBLE_METHODS
    if t is bool:
        return BOOLEAN_METHODS
    if t is JavaFloat:
        return FLOAT_METHODS
    if t is JavaChar:
        return CHARACTER_METHODS
    if t in _BOXED_TABLES:
        return _BOXED_TABLES[t]
    if isinstance(obj, dict):
        return MAP_METHODS
    if isinstance(obj, (KeySetView, ValuesView, EntrySetView)):
        return VIEW_METHODS
    if isinstance(obj, JsonArray):
        return JSON_ARRAY_METHODS
    if isinstance(obj, JavaArray):
        return ARRAY_METHODS
    if isinstance(obj, ImmutableList):
        return IMMUTABLE_LIST_METHODS
    if isinstance(obj, (list, tuple)):
        return LIST_METHODS
    if isinstance(obj, MapEntry):
        return ENTRY_METHODS
    if isinstance(obj, JavaClass):
        return CLASS_METHODS
    if t is Decimal:
        return DECIMAL_METHODS
    if isinstance(obj, str):
        return STRING_METHODS
    return None


_BOXED_TABLES: dict[type, Table] = {
    JavaLong: LONG_METHODS, JavaBigInteger: BIGINTEGER_METHODS, JavaShort: SHORT_METHODS,
    JavaByte: BYTE_METHODS,
}


def find_method(obj: Any, name: str, args: list[Any]) -> Impl | None:
    """The implementation Velocity would invoke for ``obj.name(args)``, or ``None``.

    Host objects are not handled here (see :mod:`vtl.runtime.access`).
    """
    if isinstance(obj, HostObject):
        return None
    table = _table_for(obj)
    if table is not None:
        overloads = table.get(name)
        if overloads:
            for kinds, fn in overloads:
                if _applicable(kinds, args):
                    return fn
    if isinstance(obj, JavaArray) and name in _ARRAY_IDENTITY and _applicable(OBJECT_METHODS[name][0][0], args):
        return _ARRAY_IDENTITY[name]
    overloads = OBJECT_METHODS.get(name)
    if overloads:
        for kinds, fn in overloads:
            if _applicable(kinds, args):
                return fn
    if args and _has_no_arg_overload(table, name):
        return _wrong_arity
    return None


def object_method(name: str, args: list[Any]) -> Impl | None:
    """The ``java.lang.Object`` method ``name`` that takes ``args``, or ``None``."""
    for kinds, fn in OBJECT_METHODS.get(name, []):
        if _applicable(kinds, args):
            return fn
    return None


def _has_no_arg_overload(table: Table | None, name: str) -> bool:
    """Whether ``name`` has an overload without parameters in ``table`` or on Object."""
    overloads = (table or {}).get(name, []) + OBJECT_METHODS.get(name, [])
    return any(not kinds for kinds, _ in overloads)


def _wrong_arity(*_: Any) -> Any:
    """What calling a method without parameters with arguments does: Velocity 1.7's
    ``MethodMap.isApplicable`` accepts any arguments for it (when no overload with
    parameters applies), and the reflective call then throws."""
    raise java_exception("java.lang.IllegalArgumentException", "wrong number of arguments")


_ARRAY_IDENTITY: dict[str, Impl] = {
    "toString": identity_string,
    "equals": lambda a, b: a is b,
    "hashCode": java_hash,
}
