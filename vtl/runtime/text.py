"""How Java prints values: ``String.valueOf`` and json-smart's compact JSON.

``to_string`` is what Velocity writes for ``$x``; ``json_smart_string`` is what a json-smart
``JSONArray`` (and ``JSONValue.toJSONString``) writes, which API Gateway shows for arrays that
come from ``$input.path``/``$util.parseJson``.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from .doubles import double_to_string, float_to_string
from .exceptions import java_exception
from .values import (
    HostObject,
    JavaArray,
    JavaChar,
    JavaClass,
    JavaFloat,
    JsonArray,
    MapEntry,
    java_class_name,
)

__all__ = ["to_string", "json_smart_string", "identity_string", "decimal_to_string"]


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
        return str(value)
    if t is float:
        return double_to_string(value)
    return _to_string_slow(value, None)


def _to_string_slow(value: Any, seen: set[int] | None) -> str:
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, JavaFloat):
        return float_to_string(value)
    if isinstance(value, float):
        return double_to_string(float(value))
    if isinstance(value, JsonArray):
        return json_smart_string(value)
    if isinstance(value, JavaArray):
        return identity_string(value)
    if isinstance(value, (list, tuple)):
        return _collection_string(value, seen)
    if isinstance(value, dict):
        printer = getattr(type(value), "vtl_to_string", None)  # a fixed name, not a template's
        if printer is not None:
            return printer(value)  # a host map with its own text (API Gateway's nested $context maps)
        return _map_string(value, seen)
    if isinstance(value, MapEntry):
        return f"{_element(value.key, value, seen)}={_element(value.value, value, seen)}"
    if isinstance(value, HostObject):
        return value.vtl_to_string()
    if isinstance(value, JavaClass):
        return "class " + value.name
    if isinstance(value, Decimal):
        return decimal_to_string(value)
    return str(value)


def _element(item: Any, owner: Any, seen: set[int] | None) -> str:
    if item is None or type(item) in (str, int, bool, float):
        return to_string(item)
    if seen is None:
        seen = {id(owner)}
    if id(item) in seen:
        raise _stack_overflow()
    seen.add(id(item))
    try:
        return _to_string_slow(item, seen)
    finally:
        seen.discard(id(item))


def _stack_overflow() -> Exception:
    return java_exception("java.lang.StackOverflowError")


def _collection_string(items: Any, seen: set[int] | None) -> str:
    """``AbstractCollection.toString``: ``[a, b]``; the list itself shows as ``(this Collection)``."""
    parts = []
    for item in items:
        if item is items:
            parts.append("(this Collection)")
        else:
            parts.append(_element(item, items, seen))
    return "[" + ", ".join(parts) + "]"


def _map_string(mapping: dict, seen: set[int] | None) -> str:
    """``AbstractMap.toString``: ``{k=v, k2=v2}``; the map itself shows as ``(this Map)``."""
    parts = []
    for key, val in mapping.items():
        k = "(this Map)" if key is mapping else _element(key, mapping, seen)
        v = "(this Map)" if val is mapping else _element(val, mapping, seen)
        parts.append(f"{k}={v}")
    return "{" + ", ".join(parts) + "}"


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
        out.append(str(value))
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
