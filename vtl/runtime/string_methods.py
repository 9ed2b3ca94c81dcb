"""The allow-listed methods of ``java.lang.String``."""

from __future__ import annotations

import re
from typing import Any

from ..errors import VtlLimitError
from . import regex as jregex
from .budgets import check_collection_size, string_limit
from .exceptions import java_exception
from .formatter import java_format
from .method_support import (
    _NPE_CALL,
    _NPE_FIELD,
    IOOBE,
    Table,
    _ambiguous,
    _cast_error,
    _compare_to,
    _is_collection,
    _is_string,
    _npe,
)
from .streams import IntStream, RefStream
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
    to_units,
)
from .text import to_string
from .values import (
    INT_MAX,
    JavaArray,
    JavaByte,
    JavaChar,
    java_class_name,
)

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
