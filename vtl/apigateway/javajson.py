"""JSON text -> Java values, as json-smart 2.2 parses it in its permissive mode.

API Gateway reads bodies through Jayway JsonPath, whose default provider is json-smart's
``JSONParser(MODE_PERMISSIVE)`` with an insertion-ordered map. That parser accepts far more
than JSON: unquoted and single-quoted strings (``{a: b c}`` is ``{a=b c}``), trailing and
doubled commas, ``NaN``, leading zeros, and it ignores whatever follows the first value
(``{"a":1}xyz``). A top-level text that is not an object, array or quoted string becomes the
*string* itself (``some raw data`` parses as that string). Duplicate keys keep the last value.

Numbers become Integer / Long / BigInteger (``int``) by magnitude, a decimal or exponent form
becomes a Double (``float``), or a BigDecimal (:class:`~decimal.Decimal`) when its text is
longer than 18 characters; ``NaN`` is a Float (a :class:`~vtl.runtime.values.JavaFloat`
NaN). Objects become ``dict``, arrays :class:`~vtl.runtime.JsonArray`.

:func:`parse_json` tries the C ``json`` module first (strictly valid JSON gives the same
result) and falls back to a faithful port of json-smart's ``JSONParserString`` otherwise.
A failure raises :class:`~vtl.errors.JavaException` with json-smart's message.
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from itertools import chain, compress
from typing import Any

from ..errors import JavaException
from ..runtime import JsonArray
from ..runtime.bignum import int_from_digits
from ..runtime.exceptions import java_exception
from ..runtime.strings import java_trim
from ..runtime.values import JavaFloat

__all__ = ["parse_json"]

_EOI = "\x1a"
_MAX_DEPTH = 400
_SPACE = " \t\n\r"
_DIGITS = "0123456789"

# Characters that end an unquoted token in each position (json-smart's stop tables).
_STOP_KEY = frozenset(":" + _EOI)
_STOP_VALUE = frozenset(",}" + _EOI)
_STOP_ARRAY = frozenset(",]" + _EOI)
_STOP_ALL = frozenset(",:]}" + _EOI)
_STOP_TOP = frozenset(_EOI)

# ParseException error kinds (json-smart's ERROR_* codes) and their message formats.
_UNEXPECTED_CHAR, _UNEXPECTED_TOKEN, _UNEXPECTED_EOF, _UNEXPECTED_UNICODE = 0, 1, 3, 4
_UNEXPECTED_LEADING_0, _UNEXPECTED_DEPTH = 6, 7


def _parse_error(pos: int, kind: int, what: Any) -> JavaException:
    shown = "null" if what is None else str(what)
    if kind == _UNEXPECTED_CHAR:
        msg = f"Unexpected character ({shown}) at position {pos}."
    elif kind == _UNEXPECTED_TOKEN:
        msg = f"Unexpected token {shown} at position {pos}."
    elif kind == _UNEXPECTED_EOF:
        msg = f"Unexpected End Of File position {pos}: {shown}"
    elif kind == _UNEXPECTED_UNICODE:
        msg = f"Unexpected unicode escape sequence {shown} at position {pos}."
    elif kind == _UNEXPECTED_DEPTH:
        msg = f"Malicious payload, having non natural depths, parsing stoped on {shown} at position {pos}."
    else:
        msg = f"Unexpected leading 0 in '{shown}' at position {pos}."
    return java_exception("net.minidev.json.parser.ParseException", msg)


def _number_format_error(text: str) -> JavaException:
    return java_exception("java.lang.NumberFormatException", f'For input string: "{text}"')


def _extract_float(text: str) -> float | Decimal:
    """``extractFloat`` with ``useHiPrecisionFloat``: BigDecimal beyond 18 characters."""
    try:
        if len(text) <= 18:
            return float(text)
        value = Decimal(text)
    except (ValueError, InvalidOperation):
        raise _number_format_error(text) from None
    if not -(2**31) < value.as_tuple().exponent < 2**31:  # BigDecimal's scale is an int
        raise _number_format_error(text)
    return value


def _parse_integer(text: str) -> int:
    """``parseNumber``: the digits (json-smart accepts ``-`` alone, as 0)."""
    digits = text[1:] if text[:1] == "-" else text
    value = int_from_digits(digits) if digits else 0  # any length, up to max_number_digits
    return -value if text[:1] == "-" else value


def _combine_surrogates(text: str) -> str:
    """Join UTF-16 surrogate pairs (``\\ud83d\\ude00``) into one code point, as Java sees them."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


class _Parser:
    """A line-by-line port of json-smart 2.2 ``JSONParserString`` in permissive mode."""

    __slots__ = ("text", "n", "pos", "c", "xs", "depth")

    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        self.pos = -1
        self.c = _EOI
        self.xs = ""
        self.depth = 0

    # -- reading --------------------------------------------------------------------------

    def read(self) -> None:
        self.pos += 1
        self.c = self.text[self.pos] if self.pos < self.n else _EOI

    def read_no_end(self) -> None:
        self.read()
        if self.pos >= self.n:
            raise _parse_error(self.pos - 1, _UNEXPECTED_EOF, "EOF")

    def skip_space(self) -> None:
        while self.c <= " " and self.c != _EOI:
            self.read()

    def skip_digits(self) -> None:
        while "0" <= self.c <= "9":
            self.read()

    def skip_nq_string(self, stop: frozenset[str]) -> None:
        while self.c != _EOI and (self.c >= "~" or self.c not in stop):
            self.read()

    def read_nq_string(self, stop: frozenset[str]) -> None:
        start = self.pos
        self.skip_nq_string(stop)
        self.xs = java_trim(self.text[start : self.pos])

    # -- values -----------------------------------------------------------------------------

    def parse(self) -> Any:
        self.read()
        return self.read_value(_STOP_TOP)

    def read_value(self, stop: frozenset[str]) -> Any:
        """``readFirst``/``readMain``: one value, leading whitespace skipped."""
        while True:
            c = self.c
            if c in _SPACE:
                self.read()
                continue
            if c in ":]}":
                raise _parse_error(self.pos, _UNEXPECTED_CHAR, c)
            if c == "{":
                return self.read_object()
            if c == "[":
                return self.read_array()
            if c == '"' or c == "'":
                self.read_string()
                return self.xs
            if c in "nft":
                self.read_nq_string(stop)
                word = self.xs
                if word == "null":
                    return None
                if word == "false":
                    return False
                if word == "true":
                    return True
                return word
            if c == "N":
                self.read_nq_string(stop)
                return _NAN if self.xs == "NaN" else self.xs
            if c == "-" or "0" <= c <= "9":
                return self.read_number(stop)
            self.read_nq_string(stop)
            return self.xs

    def _number_ends(self, stop: frozenset[str]) -> bool:
        c = self.c
        return c >= "~" or c in stop or c == _EOI

    def read_number(self, stop: frozenset[str]) -> Any:
        start = self.pos
        self.read()
        self.skip_digits()
        if self.c not in ".eE":
            self.skip_space()
            if self._number_ends(stop):
                return _parse_integer(java_trim(self.text[start : self.pos]))
            return self._number_as_string(start, stop)
        if self.c == ".":
            self.read()
            self.skip_digits()
        if self.c not in "eE":
            self.skip_space()
            if self._number_ends(stop):
                return _extract_float(java_trim(self.text[start : self.pos]))
            return self._number_as_string(start, stop)
        self.read()
        if self.c in "+-" or "0" <= self.c <= "9":
            self.read()
            self.skip_digits()
            self.skip_space()
            if self._number_ends(stop):
                return _extract_float(java_trim(self.text[start : self.pos]))
        return self._number_as_string(start, stop)

    def _number_as_string(self, start: int, stop: frozenset[str]) -> str:
        self.skip_nq_string(stop)
        return java_trim(self.text[start : self.pos])

    def read_string(self) -> None:
        quote = self.c
        end = self.text.find(quote, self.pos + 1)
        if end == -1:
            raise _parse_error(self.n, _UNEXPECTED_EOF, None)
        raw = self.text[self.pos + 1 : end]
        if "\\" not in raw:
            self.xs = raw
            self.pos = end
            self.read()
            return
        self.read_escaped_string(quote)

    def read_escaped_string(self, quote: str) -> None:
        out: list[str] = []
        while True:
            self.read()
            c = self.c
            if c == _EOI:
                raise _parse_error(self.pos - 1, _UNEXPECTED_EOF, None)
            if c == quote:
                self.read()
                self.xs = _combine_surrogates("".join(out))
                return
            if c == "\\":
                self.read()
                e = self.c
                if e in _ESCAPES:
                    out.append(_ESCAPES[e])
                elif e == "u":
                    out.append(self.read_unicode(4))
                elif e == "x":
                    out.append(self.read_unicode(2))
                # any other escaped character is dropped
            elif c < " " or c == "\x7f":
                continue  # control characters are ignored in permissive mode
            else:
                out.append(c)

    def read_unicode(self, count: int) -> str:
        value = 0
        for _ in range(count):
            self.read()
            digit = _HEX.get(self.c)
            if digit is None:
                if self.c == _EOI:
                    raise _parse_error(self.pos, _UNEXPECTED_EOF, "EOF")
                raise _parse_error(self.pos, _UNEXPECTED_UNICODE, self.c)
            value = value * 16 + digit
        return chr(value)

    # -- containers -------------------------------------------------------------------------

    def read_array(self) -> JsonArray:
        self.depth += 1
        if self.depth > _MAX_DEPTH:
            raise _parse_error(self.pos, _UNEXPECTED_DEPTH, self.c)
        items = JsonArray()
        self.read()
        while True:
            c = self.c
            if c in _SPACE or c == ",":
                self.read()
            elif c == "]":
                self.depth -= 1
                self.read()
                return items
            elif c in ":}":
                raise _parse_error(self.pos, _UNEXPECTED_CHAR, c)
            elif c == _EOI:
                raise _parse_error(self.pos - 1, _UNEXPECTED_EOF, "EOF")
            else:
                items.append(self.read_value(_STOP_ARRAY))

    def read_object(self) -> dict:
        self.depth += 1
        if self.depth > _MAX_DEPTH:
            raise _parse_error(self.pos, _UNEXPECTED_DEPTH, self.c)
        result: dict = {}
        while True:
            self.read()
            c = self.c
            if c in _SPACE:
                continue
            if c in ":[]{":
                raise _parse_error(self.pos, _UNEXPECTED_CHAR, c)
            if c == "}":
                self.depth -= 1
                self.read()
                return result
            if c == ",":
                continue
            if c == '"' or c == "'":
                self.read_string()
            else:
                self.read_nq_string(_STOP_KEY)
            key = self.xs
            self.skip_space()
            if self.c != ":":
                if self.c == _EOI:
                    raise _parse_error(self.pos - 1, _UNEXPECTED_EOF, None)
                raise _parse_error(self.pos - 1, _UNEXPECTED_CHAR, self.c)
            self.read_no_end()
            value = self.read_value(_STOP_VALUE)
            result[key] = value
            self.skip_space()
            if self.c == "}":
                self.depth -= 1
                self.read()
                return result
            if self.c == _EOI:
                raise _parse_error(self.pos - 1, _UNEXPECTED_EOF, None)
            if self.c != ",":
                raise _parse_error(self.pos - 1, _UNEXPECTED_TOKEN, self.c)


#: json-smart reads ``NaN`` as ``Float.NaN`` (a Float: it hashes and prints as one).
_NAN = JavaFloat("nan")

_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "b": "\b", "\\": "\\", "/": "/",
            "'": "'", '"': '"'}
_HEX = {**{d: i for i, d in enumerate(_DIGITS)},
        **{ch: 10 + i for i, ch in enumerate("abcdef")},
        **{ch: 10 + i for i, ch in enumerate("ABCDEF")}}


class _NotStrict(Exception):
    """The fast path met something json-smart reads differently from ``json``."""


def _fast_constant(name: str) -> float:
    if name == "NaN":
        return _NAN
    raise _NotStrict  # json-smart reads Infinity as an unquoted string


class _TooDeep(Exception):
    """The document nests deeper than json-smart accepts: its own parser must answer."""


# The C scanner of ``json``, built once (``json.loads`` with keywords builds a decoder per
# call). Number tokens go through ``float`` and ``int`` in C, unless a float token may be
# longer than 18 characters (a BigDecimal for json-smart): then through ``_extract_float``.
_scan_floats = json.JSONDecoder(parse_constant=_fast_constant).scan_once
_scan_decimals = json.JSONDecoder(parse_float=_extract_float, parse_constant=_fast_constant).scan_once
_skip_space = json.decoder.WHITESPACE.match  # what ``json.loads`` skips around the value

# ``text.encode("ascii", "replace").translate(_MARKS, _UNMARKED)`` keeps one byte for each
# character of a number token ("0"), container opening ("[") and comma or colon (" "), and
# drops the rest. A float token longer than 18 characters then shows as a run of 19 "0"s
# (dropping characters only joins runs, so a text without such a run has no such token),
# and the count of "[" bounds the number of containers. Dropping bytes pays for its table
# (about 0.1 µs) on long texts only: a short one keeps every byte, the others as " ".
_MARKS = bytes(
    0x30 if chr(b) in "0123456789.eE+-" else 0x5B if chr(b) in "[{" else 0x20 for b in range(256))
_UNMARKED = bytes(b for b in range(256) if chr(b) not in "0123456789.eE+-[{,:")
_SHORT_TEXT = 1024
_SAMPLE = 512
_SMALL_LEVEL = 64
_LONG_NUMBER = b"0" * 19
_UNBOUNDED = 1 << 62

_is_dict_type = {dict}.__contains__


def _dense(text: str) -> bool:
    """Whether marking every character of ``text`` (about 1 ns each, 2 ns beyond ASCII)
    likely costs less than what it saves: a Python call per float token (about 100 ns) and
    the typing of the innermost values (some 25 ns each), which the count of containers
    spares. Half a kilobyte from the middle tells, its commas standing for values and its
    dots for floats."""
    start = len(text) // 2 - _SAMPLE // 2
    values = text.count(",", start, start + _SAMPLE)
    floats = text.count(".", start, start + _SAMPLE)
    return (values + 4 * floats) * 25 >= _SAMPLE * (1 if text.isascii() else 2)


def _to_java(root: Any, bound: int) -> Any:
    """Turn the lists of a ``json.loads`` result into ``JsonArray``s, in place (no recursion).

    ``bound`` is at least the number of containers (the ``[`` and ``{`` of the text, or
    unbounded): once as many are found, the rest are leaves. The tree is walked a depth at a
    time. The values of a broad depth are typed by C iterators first, which gets through a
    depth of leaves only, or of leaves and dicts, without a Python loop. Raises
    :class:`_TooDeep` when containers nest deeper than json-smart's limit.
    """
    if type(root) is list:
        root = JsonArray(root)
        dicts, arrays = [], [root]
    elif type(root) is dict:
        dicts, arrays = [root], []
    else:
        return root
    found = depth = 1
    while found < bound:
        next_dicts: list = []
        next_arrays: list = []
        if len(dicts) + len(arrays) == 1:
            values = dicts[0].values() if dicts else arrays[0]
            size = len(values)
        else:
            values = None
            size = sum(map(len, dicts)) + sum(map(len, arrays))
        if size > _SMALL_LEVEL:
            if values is None:
                values = list(chain(chain.from_iterable(map(dict.values, dicts)),
                                    chain.from_iterable(arrays)))
            kinds = list(map(type, values))
            if list not in kinds:
                inner = kinds.count(dict)
                if not inner:
                    break  # all leaves
                if found + inner >= bound:  # every container is found: leaves below
                    if depth == _MAX_DEPTH:
                        raise _TooDeep()
                    break
                next_dicts = list(compress(values, map(_is_dict_type, kinds)))
                dicts = arrays = []  # no Python loop
        for node in dicts:
            for key, value in node.items():
                if type(value) is dict:
                    next_dicts.append(value)
                elif type(value) is list:
                    value = node[key] = JsonArray(value)
                    next_arrays.append(value)
        for node in arrays:
            for index, value in enumerate(node):
                if type(value) is dict:
                    next_dicts.append(value)
                elif type(value) is list:
                    value = node[index] = JsonArray(value)
                    next_arrays.append(value)
        if not next_dicts and not next_arrays:
            break  # all leaves
        if depth == _MAX_DEPTH:
            raise _TooDeep()
        depth += 1
        found += len(next_dicts) + len(next_arrays)
        dicts, arrays = next_dicts, next_arrays
    return root


def parse_json(text: str) -> Any:
    """Parse ``text`` as json-smart's permissive parser does (see the module docstring).

    Raises:
        JavaException: json-smart's ``ParseException`` (or the ``NumberFormatException``
            it lets through for texts such as ``-.``).
    """
    # Raw DEL inside an escaped string is dropped by json-smart but kept by ``json``. (Very
    # deep nesting, where json-smart fails and ``json`` succeeds, is caught by _to_java.)
    if "\x7f" not in text and "\x1a" not in text:
        # What ``json.loads(text)`` does, with json-smart's numbers.
        if len(text) <= _SHORT_TEXT:
            marks = text.encode("ascii", "replace").translate(_MARKS)
        elif _dense(text):
            marks = text.encode("ascii", "replace").translate(_MARKS, _UNMARKED)
        else:
            marks = None
        if marks is None:
            scan, bound = _scan_decimals, _UNBOUNDED
        else:
            scan = _scan_floats if marks.find(_LONG_NUMBER) < 0 else _scan_decimals
            bound = marks.count(b"[")
        try:
            value, end = scan(text, _skip_space(text, 0).end() if text[:1] in _SPACE else 0)
        except (ValueError, StopIteration, _NotStrict, JavaException, RecursionError):
            pass
        else:
            if end == len(text) or _skip_space(text, end).end() == len(text):
                try:
                    return _to_java(value, bound)
                except _TooDeep:
                    pass
    try:
        return _Parser(text).parse()
    except RecursionError:
        raise _parse_error(0, _UNEXPECTED_DEPTH, "[") from None
