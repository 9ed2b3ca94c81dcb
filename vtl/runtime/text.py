"""How Java prints values: ``String.valueOf`` and json-smart's compact JSON.

``to_string`` is what Velocity writes for ``$x``; ``json_smart_string`` is what a json-smart
``JSONArray`` (and ``JSONValue.toJSONString``) writes, which API Gateway shows for arrays that
come from ``$input.path``/``$util.parseJson``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal
from itertools import chain
from typing import Any

from ..errors import VtlLimitError, VtlRuntimeError
from .bignum import int_text
from .doubles import double_to_string, float_to_string
from .exceptions import java_exception
from .values import (
    HostObject,
    JavaArray,
    JavaChar,
    JavaClass,
    JavaFloat,
    JavaKey,
    JavaList,
    JsonArray,
    MapEntry,
    java_class_name,
)

__all__ = ["to_string", "to_string_within", "json_smart_string", "identity_string", "decimal_to_string",
           "SHORT_INT"]


def identity_string(value: Any) -> str:
    """``Object.toString()`` of an object without its own: ``class@hash`` (hash is per object)."""
    h = (id(value) * 2654435761) & 0x7FFFFFFF
    return f"{java_class_name(value)}@{h or 1:x}"


def decimal_to_string(value: Decimal) -> str:
    """``BigDecimal.toString()`` (Python's ``str`` follows the same rules; no ``-0``)."""
    if not value:
        value = value.copy_abs()
    return str(value)


def to_string(value: Any) -> str:
    """Java ``String.valueOf(value)`` for any value of the model."""
    t = type(value)
    if t is str:
        return value
    if value is None:
        return "null"
    if t is bool:
        return "true" if value else "false"
    if t is int:
        try:
            return str(value)
        except ValueError:  # past str()'s digit limit
            return int_text(value)
    if t is float:
        return double_to_string(value)
    kind = _print_kind(value, t)
    if kind:
        return _compose(value, kind, None, None)
    return _leaf_string(value)


#: Integers inside (-SHORT_INT, SHORT_INT) print with ``str`` whatever the process's digit
#: limit; longer ones go through :func:`vtl.runtime.bignum.int_text`.
SHORT_INT = 1 << 2000


def to_string_within(value: Any, limit: int, check: Callable[[], None] | None = None) -> str:
    """``to_string(value)`` as a render prints it: stopped with :class:`VtlLimitError` once
    the text passes ``limit`` characters, with ``check`` (the render's deadline check) run
    every few thousand printed elements. A list holding copies of itself several times over
    prints exponentially long text from little memory."""
    t = type(value)
    if t is str or value is None or t is bool or t is int or t is float:
        text = to_string(value)
    else:
        kind = _print_kind(value, t)
        if kind:
            return _compose(value, kind, limit, check)
        if isinstance(value, JsonArray):
            _check_weight(value, limit, limit)
        text = _leaf_string(value)
    if len(text) > limit:
        raise _too_long(limit)
    return text


def _print_kind(value: Any, t: type) -> int:
    """How ``value`` (of type ``t``) prints; a live map view reads its map again first."""
    kind = _KINDS.get(t)
    if kind is None:
        kind = _kind_of(t)
    if kind and t in LIVE_TYPES:
        value.sync()
    return kind


def _too_long(limit: int) -> VtlLimitError:
    return VtlLimitError(f"printing this value would exceed {limit} characters")


# How a type prints: as a leaf (its own text), or as a container whose elements print in turn
# (``AbstractCollection``/``AbstractMap``/``Map.Entry`` ``toString``).
_LEAF, _LIST, _MAP, _ENTRY = 0, 1, 2, 3
_KINDS: dict[type, int] = {}
#: Collections that read their items again before printing (a map's views, see
#: :class:`vtl.runtime.methods.MapView`: they have a ``sync()``).
LIVE_TYPES: set[type] = set()


def _kind_of(t: type) -> int:
    """The print kind of type ``t`` (remembered: it depends on the type only)."""
    if issubclass(t, (str, int, float, JsonArray, JavaArray)):
        kind = _LEAF  # JSONArray prints as JSON, a Java array as class@hash
    elif issubclass(t, (list, tuple)):
        kind = _LIST
    elif issubclass(t, dict):
        # a host map with its own text (API Gateway's nested $context maps); a fixed name
        kind = _LEAF if getattr(t, "vtl_to_string", None) is not None else _MAP
    elif issubclass(t, MapEntry):
        kind = _ENTRY
    else:
        kind = _LEAF
    _KINDS[t] = kind
    return kind


for _type in (list, tuple, dict, JavaList, JsonArray, JavaArray, MapEntry):
    _kind_of(_type)
del _type


def _leaf_string(value: Any) -> str:
    """``String.valueOf`` of a value that is not a list, map or map entry."""
    if type(value) is JavaKey:  # a map key stored wrapped (read from the map by Python code)
        return to_string(value.value)
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return int_text(int(value))
    if isinstance(value, JavaFloat):
        return float_to_string(value)
    if isinstance(value, float):
        return double_to_string(float(value))
    if isinstance(value, JsonArray):
        return json_smart_string(value)
    if isinstance(value, JavaArray):
        return identity_string(value)
    if isinstance(value, dict):
        return type(value).vtl_to_string(value)  # type: ignore[attr-defined]
    if isinstance(value, HostObject):
        return value.vtl_to_string()
    if isinstance(value, JavaClass):
        return "class " + value.name
    if isinstance(value, Decimal):
        return decimal_to_string(value)
    return _host_text(value)


def _host_text(value: Any) -> str:
    """``str()`` of an opaque object the application passed: its failure is the caller's, so
    it surfaces as a :class:`vtl.VtlRuntimeError` at the reference that printed it."""
    try:
        text = str(value)
    except RecursionError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure of a caller's __str__
        raise VtlRuntimeError(f"a variable could not be printed: {type(exc).__name__}: {exc}") from exc
    if type(text) is not str:  # a str subclass: its own methods are not trusted either
        text = str.__str__(text)
    return text


def _stack_overflow() -> Exception:
    return java_exception("java.lang.StackOverflowError")


_OPEN = ("", "[", "{", "")
_CLOSE = ("", "]", "}", "")
_THIS = ("", "(this Collection)", "(this Map)", "")  # AbstractCollection/AbstractMap mark themselves
_CHECK_EVERY = 4096  # elements printed between two deadline checks


def _compose(top: Any, kind: int, limit: int | None, check: Callable[[], None] | None) -> str:
    """The text of a list (``[a, b]``), map (``{k=v, k2=v2}``) or entry (``k=v``), with the
    containers inside printed in the same loop rather than by recursion, so that any depth
    prints as Java prints it.

    A container that holds itself shows ``(this Collection)``/``(this Map)`` as in Java's
    ``AbstractCollection``/``AbstractMap.toString``; one met again further down (through
    another container, or an entry holding itself) recursed without end in Java: a
    ``StackOverflowError``. ``limit``: see :func:`to_string_within`; with a limit, the first
    container met a second time (shared, as after ``$l.add($l.clone())``) has the whole value
    weighed first, so that a text far over the limit is refused at once.
    """
    out: list[str] = []
    append = out.append
    size = len(_OPEN[kind])
    countdown = _CHECK_EVERY
    path = {id(top)}  # the containers being printed, top to ``cur``
    stack: list[tuple[Any, Any, int, int]] = []  # the suspended containers above ``cur``
    printed: set[int] | None = None if limit is None else set()  # the containers done so far
    cur = top
    if kind == _MAP:
        it = chain.from_iterable(top.items())  # key, value, key, value, ...
    elif kind == _LIST:
        it = iter(top)
    else:
        it = iter((top.key, top.value))
    append(_OPEN[kind])
    i = 0  # elements of ``cur`` printed so far
    while True:
        for item in it:
            if i:
                sep = "=" if kind != _LIST and (i & 1 or kind == _ENTRY) else ", "
                append(sep)
                size += len(sep)
            i += 1
            t = type(item)
            if t is JavaKey:  # a map key stored wrapped
                item = item.value
                t = type(item)
            if t is str:
                text = item
            elif item is None:
                text = "null"
            elif t is int:
                text = str(item) if -SHORT_INT < item < SHORT_INT else int_text(item)
            elif t is bool:
                text = "true" if item else "false"
            elif t is float:
                text = double_to_string(item)
            elif item is cur and kind != _ENTRY:
                text = _THIS[kind]
            else:
                sub = _KINDS.get(t)
                if sub is None:
                    sub = _kind_of(t)
                if sub:
                    key = id(item)
                    if key in path:
                        raise _stack_overflow()
                    if printed is not None and key in printed:
                        _check_weight(top, limit, limit)  # type: ignore[arg-type]
                        printed = None  # once is enough
                    path.add(key)
                    stack.append((cur, it, kind, i))
                    cur, kind, i = item, sub, 0
                    if kind == _MAP:
                        it = chain.from_iterable(item.items())
                    elif kind == _LIST:
                        it = iter(item)
                    else:
                        it = iter((item.key, item.value))
                    append(_OPEN[kind])
                    size += len(_OPEN[kind])
                    break
                else:
                    if limit is not None and isinstance(item, JsonArray):
                        _check_weight(item, limit - size, limit)
                    text = _leaf_string(item)
            append(text)
            if limit is not None:
                size += len(text)
                if size > limit:
                    raise _too_long(limit)
                countdown -= 1
                if not countdown:
                    countdown = _CHECK_EVERY
                    if check is not None:
                        check()
        else:
            append(_CLOSE[kind])
            size += len(_CLOSE[kind])
            path.discard(id(cur))
            if printed is not None:
                printed.add(id(cur))
            if not stack:
                break
            cur, it, kind, i = stack.pop()
    if limit is not None and size > limit:
        raise _too_long(limit)
    return "".join(out)


def _check_weight(value: Any, budget: int, limit: int) -> None:
    """Refuse a list or map whose text would pass ``budget`` characters, before printing it:
    every element prints at least one character, so counting elements (each shared part
    walked once, however many times it prints) bounds the text from below. A JSONArray needs
    this before printing, as the C encoder that prints it cannot be stopped."""
    weights: dict[int, int] = {id(value): 1}  # a container still being walked counts 1
    frames: list[list[Any]] = [[value, iter(_children(value)), 1]]
    while frames:
        frame = frames[-1]
        for item in frame[1]:
            t = type(item)
            if t is str or t is int or item is None:
                frame[2] += 1
                continue
            weight = weights.get(id(item))
            if weight is not None:
                frame[2] += weight
                continue
            kind = _KINDS.get(t)
            if kind is None:
                kind = _kind_of(t)
            if kind or isinstance(item, JsonArray):
                weights[id(item)] = 1
                frames.append([item, iter(_children(item)), 1])
                break
            frame[2] += 1
        else:
            frames.pop()
            if frame[2] > budget:
                raise _too_long(limit)
            weights[id(frame[0])] = frame[2]
            if frames:
                frames[-1][2] += frame[2]


def _children(value: Any) -> Any:
    """What ``_check_weight`` counts inside a container (a map's values, an entry's two)."""
    if isinstance(value, dict):
        return value.values()
    if isinstance(value, MapEntry):
        return (value.key, value.value)
    return value


# json-smart 2.2 escapes (JStylerObj.ESCAPE4Web): quote, backslash, slash, the usual control
# shorthands, and \uXXXX (upper-case hex) for U+0000-001F, U+007F-009F and U+2000-20FF.
_JSON_ESCAPE_RE = re.compile('["\\\\/\x00-\x1f\x7f-\x9f\u2000-\u20ff]')
_JSON_SHORT = {'"': '\\"', "\\": "\\\\", "/": "\\/", "\b": "\\b", "\f": "\\f", "\n": "\\n",
               "\r": "\\r", "\t": "\\t"}


def _json_escape_char(match: re.Match[str]) -> str:
    ch = match.group()
    return _JSON_SHORT.get(ch) or f"\\u{ord(ch):04X}"


def json_smart_quote(text: str) -> str:
    """A JSON string literal as json-smart writes it (``"a\\/b"``)."""
    return '"' + _JSON_ESCAPE_RE.sub(_json_escape_char, text) + '"'


def json_smart_string(value: Any) -> str:
    """json-smart ``JSONValue.toJSONString(value)`` in the style ``JSONArray.toString`` uses.

    Strings are quoted and escaped (``/`` as ``\\/``), ``NaN`` stays ``NaN`` but infinities
    become ``null``, maps become JSON objects, lists and arrays JSON arrays.
    """
    if type(value) in (dict, JsonArray, list):
        fast = _json_fast(value)
        if fast is not None:
            return fast
    out: list[str] = []
    _json_write(value, out, set())
    return "".join(out)


class _NotPlainJson(Exception):
    pass


def _reject(value: Any) -> Any:
    raise _NotPlainJson()


# Signs that the C encoder's text may differ from json-smart's: a double outside Java's
# plain-notation range (repr and Double.toString agree within [1e-3, 1e7), see doubles.py),
# or a \u escape (json-smart writes control characters in upper case). They are searched in
# the whole text, strings included, so a false alarm only costs the slow path. (``[0-9]``, not
# ``\d``: the str pattern's ``\d`` matches every Unicode digit, and is slower.)
_FAST_SUSPECT = re.compile(r"[:\[,]-?(?:0\.000|[0-9]{8,}\.|[0-9]+(?:\.[0-9]+)?[eE])")
_FAST_EXTRA = re.compile("[\x7f-\x9f\u2000-\u20ff]")
# The same characters in UTF-8: DEL, C2 80-9F and E2 80-83 xx (lead bytes are never inside a
# character).
_EXTRA_C2 = re.compile(rb"\xc2[\x80-\x9f]")
_EXTRA_E2 = re.compile(rb"\xe2[\x80-\x83]")


def utf8_has_extra(data: bytes) -> bool:
    """Whether UTF-8 ``data`` holds a character of U+0080-U+009F or U+2000-U+20FF (which
    json-smart writes as ``\\uXXXX``)."""
    return ((b"\xc2" in data and _EXTRA_C2.search(data) is not None)
            or (b"\xe2" in data and _EXTRA_E2.search(data) is not None))


def _has_extra(text: str) -> bool:
    """Whether ``text`` holds a character of ``_FAST_EXTRA`` (found faster than by it)."""
    if text.isascii():  # O(1) in CPython
        return "\x7f" in text
    data = text.encode("utf-8", "surrogatepass")
    return b"\x7f" in data or utf8_has_extra(data)


def _json_fast(value: Any) -> str | None:
    """json-smart's text via the C JSON encoder, for plain JSON trees; ``None`` when the
    tree holds anything where the two could differ (doubles, non-JSON values, cycles)."""
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_reject)
    except (_NotPlainJson, ValueError, TypeError, RecursionError):
        return None
    if "\\u" in text or _FAST_SUSPECT.search(text):
        return None
    if "/" in text:
        text = text.replace("/", "\\/")  # '/' occurs only inside strings
    if _has_extra(text):
        text = _FAST_EXTRA.sub(lambda m: f"\\u{ord(m.group()):04X}", text)
    return text


def _json_write(value: Any, out: list[str], seen: set[int]) -> None:
    t = type(value)
    if value is None:
        out.append("null")
    elif t is str:
        out.append(json_smart_quote(value))
    elif t is bool:
        out.append("true" if value else "false")
    elif t is int:
        out.append(int_text(value))
    elif t is float:
        out.append("null" if value in (float("inf"), float("-inf")) else double_to_string(value))
    elif isinstance(value, JavaChar):
        out.append("{}")  # json-smart writes a Character as an empty bean
    elif isinstance(value, (list, tuple, dict, MapEntry)):
        if id(value) in seen:
            raise _stack_overflow()
        seen.add(id(value))
        if isinstance(value, dict):
            out.append("{")
            first = True
            for k, v in value.items():
                if not first:
                    out.append(",")
                first = False
                out.append("null" if k is None else json_smart_quote(to_string(k)))
                out.append(":")
                _json_write(v, out, seen)
            out.append("}")
        elif isinstance(value, MapEntry):
            # A bean with getKey/getValue; Java 17 refuses to reflect on it, Java 8 wrote this.
            out.append('{"key":')
            _json_write(value.key, out, seen)
            out.append(',"value":')
            _json_write(value.value, out, seen)
            out.append("}")
        else:
            out.append("[")
            for i, item in enumerate(value):
                if i:
                    out.append(",")
                _json_write(item, out, seen)
            out.append("]")
        seen.discard(id(value))
    elif isinstance(value, str):
        out.append(json_smart_quote(str.__str__(value)))
    elif isinstance(value, (bool, int, float, Decimal)):
        out.append(to_string(value))
    else:
        out.append(json_smart_quote(to_string(value)))
