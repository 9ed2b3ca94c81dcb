"""``java.lang.String`` semantics over Python strings: UTF-16 indexing and Java's helpers.

Java indexes strings by UTF-16 code unit, Python by code point; they differ only when a
string holds characters outside the BMP (emoji...). BMP-only strings take the fast path and
are used as they are; others are converted to a "unit string" in which every astral
character is split into its two surrogates, worked on, and joined back.
"""

from __future__ import annotations

import re
import sys

from .exceptions import java_exception

__all__ = [
    "is_bmp", "to_units", "from_units", "java_trim", "java_strip", "java_is_whitespace",
    "compare_to", "compare_to_ignore_case", "equals_ignore_case", "check_bounds", "SIOOBE",
]

SIOOBE = "java.lang.StringIndexOutOfBoundsException"


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def is_bmp(text: str) -> bool:
    """True when every character is a single UTF-16 code unit (at C speed: ``isascii`` reads
    a flag, the search runs in the regex engine)."""
    return text.isascii() or _ASTRAL.search(text) is None


def to_units(text: str) -> str:
    """``text`` with each astral character split into a surrogate pair."""
    if is_bmp(text):
        return text
    return "".join(c if c <= "\uffff" else _pair(c) for c in text)


def _pair(ch: str) -> str:
    cp = ord(ch) - 0x10000
    return chr(0xD800 + (cp >> 10)) + chr(0xDC00 + (cp & 0x3FF))


#: A high surrogate followed by a low one: the halves of an astral character that separate
#: writes put side by side (``$s.substring(0, 1)$s.substring(1)``).
_SPLIT_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
#: CPython keeps a string whose characters all fit in one byte at one byte each after a fixed
#: header, so its size tells without a scan that it holds no surrogate (searching a wider
#: string costs a few ns per character).
_ONE_BYTE_HEADER = sys.getsizeof("\xe9") - 1 if sys.implementation.name == "cpython" else -1


def from_units(units: str) -> str:
    """Join surrogate pairs back into code points (lone surrogates stay as they are): a
    ``StringBuilder`` or a writer sees one stream of UTF-16 units, so the halves of an
    astral character written apart (``$s.substring(0, 1)$s.substring(1)``) are one
    character again. Cheap when there is no pair to join."""
    if units.isascii() or sys.getsizeof(units) - len(units) <= _ONE_BYTE_HEADER:
        return units
    if _SPLIT_PAIR.search(units) is None:
        return units
    return units.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def concat_units(left: str, right: str) -> str:
    """``left + right`` as Java joins them: a high surrogate at the end of ``left`` and a
    low one at the start of ``right`` become one astral character."""
    if left and right and "\ud800" <= left[-1] <= "\udbff" and "\udc00" <= right[0] <= "\udfff":
        return from_units(left + right)
    return left + right


def java_trim(text: str) -> str:
    """``String.trim``: strips code points <= U+0020 from both ends."""
    start, end = 0, len(text)
    while start < end and text[start] <= " ":
        start += 1
    while end > start and text[end - 1] <= " ":
        end -= 1
    return text[start:end]


_JAVA_SPACE_SEPARATORS = frozenset(
    "\u0020\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000"
    "\u2028\u2029"
)


def java_is_whitespace(ch: str) -> bool:
    """``Character.isWhitespace``: space separators (except no-break ones) and some controls."""
    return ch in _JAVA_SPACE_SEPARATORS or "\t" <= ch <= "\r" or "\x1c" <= ch <= "\x1f"


def java_strip(text: str, leading: bool = True, trailing: bool = True) -> str:
    """``String.strip`` (and ``stripLeading``/``stripTrailing``)."""
    start, end = 0, len(text)
    if leading:
        while start < end and java_is_whitespace(text[start]):
            start += 1
    if trailing:
        while end > start and java_is_whitespace(text[end - 1]):
            end -= 1
    return text[start:end]


def compare_to(a: str, b: str) -> int:
    """``String.compareTo``: difference of the first differing UTF-16 units, else of lengths."""
    ua, ub = to_units(a), to_units(b)
    for x, y in zip(ua, ub):
        if x != y:
            return ord(x) - ord(y)
    return len(ua) - len(ub)


def simple_upper(cp: int) -> int:
    """``Character.toUpperCase(cp)``: the simple (one character) uppercase mapping. Where
    Python's full mapping is longer, the simple one is the titlecase form when that is one
    character (Greek with ypogegrammeni: U+1FB3 -> U+1FBC), else the character itself."""
    up = chr(cp).upper()
    if len(up) == 1:
        return ord(up)
    title = chr(cp).title()
    return ord(title) if len(title) == 1 else cp


def simple_lower(cp: int) -> int:
    """``Character.toLowerCase(cp)``: U+0130 (dotted capital I) lowers to a plain 'i' here,
    the one character whose full lowercase mapping is longer."""
    low = chr(cp).lower()
    if len(low) == 1:
        return ord(low)
    return 0x69 if cp == 0x130 else cp


def _fold_cp(cp: int) -> int:
    """``Character.toLowerCase(Character.toUpperCase(cp))`` (simple case mappings)."""
    return simple_lower(simple_upper(cp))


def _fold(ch: str) -> str:
    return chr(_fold_cp(ord(ch)))


def _compare_ci(c1: int, c2: int) -> int:
    """``StringUTF16.compareCodePointCI``: 0 if equal ignoring case, else the difference."""
    u1, u2 = simple_upper(c1), simple_upper(c2)
    if u1 == u2:
        return 0
    return simple_lower(u1) - simple_lower(u2)


def _code_point_including(units: str, k: int) -> tuple[int, int]:
    """The code point around unit ``k`` and how many extra units it takes after ``k``."""
    c = units[k]
    if "\udc00" <= c <= "\udfff" and k > 0 and "\ud800" <= units[k - 1] <= "\udbff":
        return 0x10000 + ((ord(units[k - 1]) - 0xD800) << 10) + (ord(c) - 0xDC00), 0
    if "\ud800" <= c <= "\udbff" and k + 1 < len(units) and "\udc00" <= units[k + 1] <= "\udfff":
        return 0x10000 + ((ord(c) - 0xD800) << 10) + (ord(units[k + 1]) - 0xDC00), 1
    return ord(c), 0


def _is_latin1(text: str) -> bool:
    return not text or max(text) <= "\xff"


def compare_to_ignore_case(a: str, b: str) -> int:
    """``String.compareToIgnoreCase``: per UTF-16 unit, or per code point around surrogates
    when both strings are UTF-16 (Java 17's compact-string code paths differ)."""
    ua, ub = to_units(a), to_units(b)
    both_utf16 = not _is_latin1(a) and not _is_latin1(b)
    k1 = k2 = 0
    while k1 < len(ua) and k2 < len(ub):
        c1, c2 = ord(ua[k1]), ord(ub[k2])
        if c1 != c2:
            diff = _compare_ci(c1, c2)
            if diff and both_utf16:
                cp1, extra1 = _code_point_including(ua, k1)
                cp2, extra2 = _code_point_including(ub, k2)
                k1 += extra1
                k2 += extra2
                diff = _compare_ci(cp1, cp2)
            if diff:
                return diff
        k1 += 1
        k2 += 1
    return len(ua) - len(ub)


def equals_ignore_case(a: str, b: str) -> bool:
    """``String.equalsIgnoreCase``: same length in UTF-16 units and equal after folding."""
    ua, ub = to_units(a), to_units(b)
    if len(ua) != len(ub):
        return False
    if all(x == y or _fold(x) == _fold(y) for x, y in zip(ua, ub)):
        return True
    if ua is a and ub is b:
        return False
    # astral characters: Java folds the code point of a surrogate pair, as compareToIgnoreCase does
    return compare_to_ignore_case(a, b) == 0


def check_bounds(begin: int, end: int, length: int) -> None:
    """``String.checkBoundsBeginEnd``."""
    if begin < 0 or begin > end or end > length:
        raise java_exception(SIOOBE, f"begin {begin}, end {end}, length {length}")
