"""``$input.json('$')`` without the object tree: the body's text made compact directly.

:func:`compact_json` returns exactly ``json_smart_string(parse_json(text))`` — what API Gateway
prints for ``$input.json('$')`` — or ``None`` when it cannot be sure, and the caller takes the
general path. It answers for strictly valid JSON whose top level is an object or an array;
for such a text json-smart builds the same tree as Python's ``json`` (see :mod:`.javajson`),
and writing that tree back gives the text itself with

* the whitespace between tokens removed;
* ``/`` written ``\\/`` (an escaped ``\\/`` stays so), and the characters json-smart escapes
  although JSON need not (U+0080-U+009F, U+2000-U+20FF) written ``\\uXXXX``;
* ``\\uXXXX`` escapes re-escaped as json-smart writes the characters they stand for (the
  other escapes, ``\\" \\\\ \\b \\f \\n \\r \\t``, are written as they came);
* every number whose text is not the one Java prints (``1.50``, ``1E5``, ``-0``) replaced by
  that text.

It gives up on a duplicate key (json-smart keeps the last value at the first key's place), on
nesting deeper than json-smart's 400, on ``NaN``/``Infinity``, and on a raw DEL or U+001A
anywhere (which json-smart's parser treats specially).

The text is first validated by ``json``'s C scanner, whose hooks drop every object as soon as
it is parsed (so no tree is kept) but keep its keys: the text writes as many keys as the
objects hold distinct ones unless one repeats. The text is then rewritten in chunks of UTF-8
(appended in place to the result, whose size is all the memory used beyond a chunk's): the
escapes are set aside, the chunk is split at its quotes — with no escaped quote left, the
pieces alternate between outside and inside strings — and whitespace is removed from the
outside pieces only. (Raw ``\\n``, ``\\r`` and ``\\t`` cannot occur inside strings of valid
JSON, but spaces can.)
"""

from __future__ import annotations

import re
import threading
from itertools import accumulate
from json import loads as json_loads
from json.scanner import c_make_scanner
from typing import Any

from ..errors import JavaException
from ..runtime.doubles import double_to_string
from ..runtime.text import decimal_to_string, json_smart_quote, utf8_has_extra
from .javajson import _MAX_DEPTH, _extract_float

__all__ = ["compact_json"]

# Characters of the text rewritten at a time (a chunk ends just after one of _CUT, which no
# escape sequence, number or literal contains).
_CHUNK = 1 << 16
_CUT = re.compile(r'[,:\[\]{}" \n\r\t]')
_LEADING = re.compile(r"[ \t\n\r]*(?=[\[{])")
_TRAILING = re.compile(r"[ \t\n\r]*")
_WHITESPACE = b" \n\r\t"

# Stand-ins for escaped backslashes and escaped quotes while a chunk is split at its quotes,
# and the separator of its outside pieces: control characters, which valid JSON never holds
# raw.
_BACKSLASH = b"\x01"
_QUOTE = b"\x02"
_SEP = b"\x03"

_RARE_ESCAPE = re.compile(rb"\\[\\/u]")
_ESCAPED_BACKSLASH = re.compile(rb"\\\\")
_ESCAPED_QUOTE = re.compile(rb'\\"')
_ESCAPED_SLASH = re.compile(rb"\\/")
_U_RUN = re.compile(rb"\\u[0-9a-fA-F]{4}(?:\\u[0-9a-fA-F]{4})*")
# U+0080-U+009F and U+2000-U+20FF in UTF-8 (a lead byte never occurs inside a character).
_EXTRA = re.compile(rb"\xc2[\x80-\x9f]|\xe2[\x80-\x83][\x80-\xbf]")
_NUMBER = re.compile(rb"-?[0-9][0-9.eE+-]*")
_MINUS_ZERO = re.compile(rb"-0(?![0-9.eE])")

# Decimal texts Java's Double.toString (and Python's repr) print as they are, each followed
# by a comma: at most 15 significant digits, no exponent, no trailing zero but in "x.0", and
# a value in [1e-3, 1e7) or zero.
_PLAIN_DOUBLE_TEXT = r"-?(?:[1-9][0-9]{0,6}\.(?:0|[0-9]{0,7}[1-9])|0\.(?:0|0{0,2}[1-9](?:[0-9]{0,12}[1-9])?))"
_PLAIN_DOUBLE = re.compile(_PLAIN_DOUBLE_TEXT)
_PLAIN_DOUBLES = re.compile(f"(?:{_PLAIN_DOUBLE_TEXT},)*")

# Brackets kept (as "[" and "]") to measure the nesting depth.
_BRACKETS = bytes.maketrans(b"{}", b"[]")
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_DEPTH_STEP = {ord("["): 1, ord("]"): -1}


_scanners = threading.local()


class _GiveUp(Exception):
    """The text is not one :func:`compact_json` answers for."""


def _give_up(_: Any) -> Any:
    raise _GiveUp


class _Hooks:
    """The settings ``json``'s C scanner reads: objects give their keys to ``keys`` (so the
    scanner keeps no tree of them), decimal and exponent numbers go to ``floats``."""

    __slots__ = ("strict", "object_hook", "object_pairs_hook", "parse_float", "parse_int",
                 "parse_constant", "memo")

    def __init__(self, keys: Any, floats: Any) -> None:
        self.strict = True
        self.object_hook = keys
        self.object_pairs_hook = None
        self.parse_float = floats
        self.parse_int = int
        self.parse_constant = _give_up


def compact_json(text: str) -> str | None:
    """``json_smart_string(parse_json(text))`` for a strictly valid JSON object or array, or
    ``None`` (see the module docstring)."""
    start = _LEADING.match(text)
    if start is None or "\x7f" in text or "\x1a" in text:
        return None
    try:
        keys, fixes = _validate(text, start.end())
        if len(text) <= _CHUNK:
            out, _, _, written, brackets = _compact_chunk(text, 0, False, fixes, True)
            if brackets and not _depth_ok(brackets):
                return None
        else:
            out, written = _compact(text, fixes)
    except (_GiveUp, ValueError, StopIteration, RecursionError, JavaException):
        return None
    # The objects hold as many distinct keys as the text writes keys: no key repeats.
    return out if written == keys else None


def _validate(text: str, start: int) -> tuple[int, dict[bytes, bytes]]:
    """Check ``text``, raising :class:`_GiveUp` (or what ``json`` raises). Returns the number
    of distinct keys of its objects, and the numbers Java writes differently (text: Java's)."""
    if len(text) > _CHUNK:
        return _validate_big(text, start)
    # The floats are checked afterwards in bulk (no Python call per value), by a scanner kept
    # per thread (making one costs as much as scanning a few hundred characters).
    try:
        scan, keys, floats = _scanners.small
    except AttributeError:
        keys, floats = [], []
        scan = c_make_scanner(_Hooks(keys.extend, floats.append))
        _scanners.small = scan, keys, floats
    try:
        _, end = scan(text, start)
        if _TRAILING.match(text, end).end() != len(text):
            raise _GiveUp  # more than whitespace after the value
        if not floats or _PLAIN_DOUBLES.fullmatch(",".join(floats) + ","):
            return len(keys), {}
        return len(keys), _encoded({number: _java_number(number) for number in set(floats)})
    finally:
        keys.clear()
        floats.clear()


def _validate_big(text: str, start: int) -> tuple[int, dict[bytes, bytes]]:
    keys: list[str] = []
    fixes: dict[str, str] = {}

    def check(number: str) -> None:  # nothing kept for the usual numbers
        if not _PLAIN_DOUBLE.fullmatch(number) and number not in fixes:
            fixes[number] = _java_number(number)
        return None

    _, end = c_make_scanner(_Hooks(keys.extend, check))(text, start)
    if _TRAILING.match(text, end).end() != len(text):
        raise _GiveUp
    return len(keys), _encoded(fixes)


def _encoded(fixes: dict[str, str]) -> dict[bytes, bytes]:
    return {k.encode(): v.encode() for k, v in fixes.items() if k != v}


def _java_number(text: str) -> str:
    """How json-smart writes the number it reads from ``text`` (a decimal or exponent form)."""
    value = _extract_float(text)  # may raise JavaException, as json-smart does
    if type(value) is float:
        if value in (float("inf"), float("-inf")):
            return "null"
        return double_to_string(value)
    return decimal_to_string(value)


def _compact(text: str, fixes: dict[bytes, bytes]) -> tuple[str, int]:
    """The text made compact chunk by chunk, and the number of keys it writes."""
    n = len(text)
    out = ""
    found: list[bytes] = []
    start = inside = keys = 0
    pending = False
    # A ``for`` loop, not ``while``: CPython 3.11+ turns ``out += part`` into an in-place
    # append (so the output is not copied chunk after chunk) in loops it has warmed up.
    for _ in range(n):
        if start >= n:
            break
        end = start + _CHUNK
        if end >= n:
            end = n
        else:
            cut = _CUT.search(text, end)
            end = cut.end() if cut else n
        part, inside, pending, written, brackets = _compact_chunk(
            text[start:end], inside, pending, fixes, False)
        found.append(brackets)
        keys += written
        out += part
        del part
        start = end
    if not _depth_ok(b"".join(found)):
        raise _GiveUp
    return out, keys


def _compact_chunk(chunk: str, inside: int, pending: bool, fixes: dict[bytes, bytes],
                   whole: bool) -> tuple[str, int, bool, int, bytes]:
    """One chunk made compact. ``inside`` is 1 when it starts inside a string, ``pending``
    when the last thing before it, whitespace aside, is the end of a string. Returns the text,
    the same two for the next chunk, the number of keys (strings followed by a colon) that
    end in the chunk, and its brackets (for the ``whole`` text, none when there are too few to
    nest too deep)."""
    data = chunk.encode("utf-8", "surrogatepass")
    escaped = b"\\" in data
    if escaped:
        data = _set_escapes_aside(data)
    pieces = data.split(b'"')
    if len(pieces) > inside:
        outside = _SEP.join(pieces[inside::2]).translate(None, _WHITESPACE)
        if fixes or b"-0" in outside:
            outside = _fix_numbers(outside, fixes)
        lead = inside or pending  # a string ends just before ``outside``
        keys = outside.count(_SEP + b":") + (lead and outside[:1] == b":")
        pending = outside[-1:] == _SEP or (lead and not outside)
        if whole and (len(outside) <= _MAX_DEPTH
                      or outside.count(b"[") + outside.count(b"{") <= _MAX_DEPTH):
            brackets = b""
        else:
            brackets = outside.translate(_BRACKETS, _NOT_BRACKETS)
        pieces[inside::2] = outside.split(_SEP)
    else:  # the chunk lies inside one string
        keys = 0
        brackets = b""
        pending = False
    data = b'"'.join(pieces)
    if escaped:
        if _BACKSLASH in data:
            data = data.replace(_BACKSLASH, b"\\\\")
        if _QUOTE in data:
            data = data.replace(_QUOTE, b'\\"')
    if b"/" in data:
        data = data.replace(b"/", b"\\/")
    if utf8_has_extra(data):
        data = _EXTRA.sub(_escape_extra, data)
    inside = (inside + len(pieces) - 1) & 1
    return data.decode("utf-8", "surrogatepass"), inside, pending, keys, brackets


def _set_escapes_aside(data: bytes) -> bytes:
    """Escapes replaced so that no backslash-quote pair is left: ``\\\\`` and ``\\"`` by
    stand-ins, ``\\/`` by ``/`` (written back escaped) and ``\\uXXXX`` runs by what json-smart
    writes for their characters. Left to right, backslashes pair up as JSON reads them.
    (Two-byte needles are looked for with ``re``, which is faster at it than ``bytes``.)"""
    if _RARE_ESCAPE.search(data):
        data = _ESCAPED_BACKSLASH.sub(_BACKSLASH, data)
        data = _ESCAPED_SLASH.sub(b"/", data)
        data = _U_RUN.sub(_rewrite_unicode_escapes, data)
    return _ESCAPED_QUOTE.sub(_QUOTE, data)


def _rewrite_unicode_escapes(match: re.Match[bytes]) -> bytes:
    chars = json_loads(b'"' + match.group() + b'"')  # joins surrogate pairs as json does
    written = json_smart_quote(chars)[1:-1]
    if "\\" in written:
        written = written.replace("\\\\", "\x01").replace('\\"', "\x02").replace("\\/", "/")
    return written.encode("utf-8", "surrogatepass")


def _escape_extra(match: re.Match[bytes]) -> bytes:
    return b"\\u%04X" % ord(match.group().decode("utf-8"))


def _fix_numbers(outside: bytes, fixes: dict[bytes, bytes]) -> bytes:
    if not fixes and not _MINUS_ZERO.search(outside):
        return outside

    def fix(match: re.Match[bytes]) -> bytes:
        number = match.group()
        if number == b"-0":
            return b"0"
        return fixes.get(number, number)

    return _NUMBER.sub(fix, outside)


def _depth_ok(brackets: bytes) -> bool:
    """Whether the brackets (balanced, as in valid JSON) nest at most json-smart's 400 deep."""
    levels = 0
    # Each pass removes the innermost pairs: one level of every nest.
    while len(brackets) > 2 * (_MAX_DEPTH - levels):
        if levels == 16:
            deepest = max(accumulate(map(_DEPTH_STEP.__getitem__, brackets)))
            return levels + deepest <= _MAX_DEPTH
        brackets = brackets.replace(b"[]", b"")
        levels += 1
    return True
