"""Java's text codecs as ``$util`` uses them: UTF-8, URL encoding, Base64, JavaScript escapes.

Each function reproduces the Java library byte for byte, including its failures:

* :func:`utf8_encode`/:func:`utf8_decode`: ``String.getBytes(UTF_8)`` (a lone surrogate
  becomes ``?``) and ``new String(bytes, UTF_8)`` (malformed input becomes U+FFFD, one per
  malformed sequence as Java counts them).
* :func:`url_encode`/:func:`url_decode`: ``java.net.URLEncoder``/``URLDecoder`` with UTF-8.
* :func:`base64_encode`/:func:`base64_decode`: ``java.util.Base64`` basic encoder/decoder.
* :func:`escape_javascript`: commons-lang 2.6 ``StringEscapeUtils.escapeJavaScript``.
"""

from __future__ import annotations

import base64
import codecs
import re
import unicodedata

from ..errors import JavaException
from ..runtime.exceptions import java_exception

__all__ = [
    "utf8_encode", "utf8_decode", "url_encode", "url_decode", "base64_encode", "base64_decode",
    "escape_javascript",
]

_IAE = "java.lang.IllegalArgumentException"


# -- UTF-8 -----------------------------------------------------------------------------------


def utf8_encode(text: str) -> bytes:
    """``text.getBytes(StandardCharsets.UTF_8)``."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        # Surrogate pairs stored as two code points form one character; lone ones become '?'.
        joined = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
        return joined.encode("utf-8", "replace")


def _java_utf8_replace(exc: UnicodeError) -> tuple[str, int]:
    """Replacement as Java's UTF-8 decoder counts it. Python and Java agree except after
    ``ED A0..BF`` (an encoded surrogate), which Java swallows as one malformed sequence of
    three bytes (two when the third is missing or not a continuation byte)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    data, start = exc.object, exc.start
    if data[start] == 0xED and start + 1 < len(data) and 0xA0 <= data[start + 1] <= 0xBF:
        third = start + 2 < len(data) and 0x80 <= data[start + 2] <= 0xBF
        return "\ufffd", start + (3 if third else 2)
    return "\ufffd", exc.end


codecs.register_error("vtl-java-utf8", _java_utf8_replace)


def utf8_decode(data: bytes) -> str:
    """``new String(data, StandardCharsets.UTF_8)``."""
    return data.decode("utf-8", "vtl-java-utf8")


# -- URLEncoder / URLDecoder -------------------------------------------------------------------

_URL_SAFE = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-*_")
_URL_BYTE = [chr(b) if b in _URL_SAFE else "+" if b == 0x20 else f"%{b:02X}" for b in range(256)]
_URL_PLAIN_RE = re.compile(r"[a-zA-Z0-9.\-*_]*")


def url_encode(text: str) -> str:
    """``URLEncoder.encode(text, "UTF-8")``: space is ``+``, only ``a-zA-Z0-9.-*_`` stay."""
    if _URL_PLAIN_RE.fullmatch(text):
        return text
    return "".join([_URL_BYTE[b] for b in utf8_encode(text)])


def _java_hex_digit(ch: str) -> int:
    """``Character.digit(ch, 16)``: Unicode decimal digits and full-width letters count."""
    value = _HEX_DIGITS.get(ch)
    if value is not None:
        return value
    value = unicodedata.decimal(ch, -1)
    if value >= 0:
        return value
    code = ord(ch)
    if 0xFF21 <= code <= 0xFF26 or 0xFF41 <= code <= 0xFF46:
        return (code & 0x1F) + 9
    return -1


_HEX_DIGITS = {ch: int(ch, 16) for ch in "0123456789abcdefABCDEF"}


def _hex_value(pair: str) -> int:
    """``Integer.parseInt(pair, 16)`` on the two characters after a ``%`` (a sign is allowed)."""
    i, negative = 0, False
    if pair[0] < "0":
        if pair[0] == "-":
            negative = True
        elif pair[0] != "+":
            raise _bad_hex(pair, 0)
        i = 1
    result = 0
    while i < len(pair):
        digit = _java_hex_digit(pair[i])
        if digit < 0:
            raise _bad_hex(pair, i)
        result = result * 16 + digit
        i += 1
    return -result if negative else result


def _bad_hex(pair: str, index: int) -> JavaException:
    return java_exception(
        _IAE,
        f'URLDecoder: Illegal hex characters in escape (%) pattern - Error at index {index} in: "{pair}"',
    )


def url_decode(text: str) -> str:
    """``URLDecoder.decode(text, "UTF-8")``.

    Raises:
        JavaException: ``IllegalArgumentException`` for a bad or incomplete ``%`` escape.
    """
    if "%" not in text:
        return text.replace("+", " ")
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "+":
            out.append(" ")
            i += 1
        elif ch == "%":
            data = bytearray()
            while i + 2 < n and text[i] == "%":
                value = _hex_value(text[i + 1 : i + 3])
                if value < 0:
                    raise java_exception(
                        _IAE, "URLDecoder: Illegal hex characters in escape (%) pattern - negative value"
                    )
                data.append(value)
                i += 3
                if i >= n:
                    break
            if i < n and text[i] == "%":
                raise java_exception(_IAE, "URLDecoder: Incomplete trailing escape (%) pattern")
            out.append(utf8_decode(bytes(data)))
        else:
            out.append(ch)
            i += 1
    return "".join(out)


# -- Base64 --------------------------------------------------------------------------------------

_B64_BYTES = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
# Whole 4-character units, then optionally 2 or 3 characters (with or without their padding).
_B64_WELL_FORMED = re.compile(rb"(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?")


def base64_encode(text: str) -> str:
    """``Base64.getEncoder().encodeToString(text.getBytes(UTF_8))``."""
    return base64.b64encode(utf8_encode(text)).decode("ascii")


def base64_decode_bytes(text: str) -> bytes:
    """``Base64.getDecoder().decode(text)``: padding optional, nothing outside the alphabet.

    Raises:
        JavaException: ``IllegalArgumentException`` with Java's message.
    """
    raw = text.encode("latin-1", "replace")  # String.getBytes(ISO_8859_1)
    if _B64_WELL_FORMED.fullmatch(raw):  # what the loop below accepts, at C speed
        return base64.b64decode(raw + b"=" * (-len(raw) % 4))
    return _base64_decode_checked(raw)


def _base64_decode_checked(raw: bytes) -> bytes:
    """The decoder's loop: finds the first problem and raises Java's exception for it."""
    n = len(raw)
    if n == 0:
        return b""
    if n < 2:
        raise java_exception(_IAE, "Input byte[] should at least have 2 bytes for base64 bytes")
    in_unit = 0  # characters of the current 4-character unit seen so far
    sp = 0
    while sp < n:
        b = raw[sp]
        sp += 1
        if b == 0x3D:  # '='
            if in_unit == 0 or (in_unit == 2 and (sp == n or raw[sp] != 0x3D)):
                raise java_exception(_IAE, "Input byte array has wrong 4-byte ending unit")
            if in_unit == 2:
                sp += 1
            break
        if b not in _B64_BYTES:
            signed = b - 256 if b > 127 else b
            raise java_exception(_IAE, f"Illegal base64 character {'-' if signed < 0 else ''}{abs(signed):x}")
        in_unit = (in_unit + 1) % 4
    if in_unit == 1:
        raise java_exception(_IAE, "Last unit does not have enough valid bits")
    if sp < n:
        raise java_exception(_IAE, f"Input byte array has incorrect ending byte at {sp}")
    core = bytes(ch for ch in raw[:sp] if ch != 0x3D)
    return base64.b64decode(core + b"=" * (-len(core) % 4))


def base64_decode(text: str) -> str:
    """``new String(Base64.getDecoder().decode(text), UTF_8)``."""
    return utf8_decode(base64_decode_bytes(text))


# -- commons-lang StringEscapeUtils.escapeJavaScript ---------------------------------------------

_JS_SHORT = {"\b": "\\b", "\n": "\\n", "\t": "\\t", "\f": "\\f", "\r": "\\r", "'": "\\'",
             '"': '\\"', "\\": "\\\\", "/": "\\/"}


def _js_escape_code(code: int) -> str:
    """``\\uXXXX`` (upper-case hex) for a character Java escapes by number; a character
    beyond U+FFFF is a surrogate pair to Java: two escapes."""
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04X}\\u{0xDC00 + (code & 0x3FF):04X}"
    return f"\\u{code:04X}"


class _JsTable(dict):
    """``str.translate`` table: every ASCII code is present (itself or its escape); other
    codes are escaped on first sight and remembered (up to a bound)."""

    __slots__ = ()

    def __missing__(self, code: int) -> str:
        escaped = _js_escape_code(code)
        if len(self) < 4096:
            self[code] = escaped
        return escaped


_JS_TABLE = _JsTable({code: chr(code) for code in range(0x80)})
_JS_TABLE.update({code: _JS_SHORT.get(chr(code)) or _js_escape_code(code) for code in range(0x20)})
_JS_TABLE.update({ord(ch): _JS_SHORT[ch] for ch in "'\"\\/"})


def escape_javascript(text: str) -> str:
    """commons-lang 2.6 ``escapeJavaScript``: ``'`` ``"`` ``\\`` ``/`` and control characters
    get backslash escapes; everything outside ASCII (and U+007F is *not* outside) becomes
    ``\\uXXXX`` with upper-case hex."""
    if text.isascii() and text.isprintable():  # printable ASCII: at most the four quotables
        if "\\" in text:
            text = text.replace("\\", "\\\\")
        if "/" in text:
            text = text.replace("/", "\\/")
        if "'" in text:
            text = text.replace("'", "\\'")
        if '"' in text:
            text = text.replace('"', '\\"')
        return text
    return text.translate(_JS_TABLE)
