"""``java.lang.String`` semantics over Python strings: UTF-16 indexing and Java's helpers.

Java indexes strings by UTF-16 code unit, Python by code point; they differ only when a
string holds characters outside the BMP (emoji...). BMP-only strings take the fast path and
are used as they are; others are converted to a "unit string" in which every astral
character is split into its two surrogates, worked on, and joined back.
"""

from __future__ import annotations

from ..errors import JavaException

__all__ = [
    "is_bmp", "to_units", "from_units", "java_trim", "java_strip", "java_is_whitespace",
    "compare_to", "compare_to_ignore_case", "equals_ignore_case", "check_bounds", "SIOOBE",
]

SIOOBE = "java.lang.StringIndexOutOfBoundsException"


def is_bmp(text: str) -> bool:
    """True when every character is a single UTF-16 code unit."""
    return not text or max(text) <= "\uffff"


def to_units(text: str) -> str:
    """``text`` with each astral character split into a surrogate pair."""
    if is_bmp(text):
        return text
    return "".join(c if c <= "\uffff" else _pair(c) for c in text)


def _pair(ch: str) -> str:
    cp = ord(ch) - 0x10000
    return chr(0xD800 + (cp >> 10)) + chr(0xDC00 + (cp & 0x3FF))


def from_units(units: str) -> str:
    """Join surrogate pairs back into code points (lone surrogates stay as they are)."""
    if is_bmp(units) and not any("\ud800" <= c <= "\udbff" for c in units):
        return units
    return units.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


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


def _fold(ch: str) -> str:
    # Character.toLowerCase(Character.toUpperCase(ch)) for one UTF-16 unit.
    up = ch.upper()
    if len(up) != 1:
        up = ch
    low = up.lower()
    return low if len(low) == 1 else up


def compare_to_ignore_case(a: str, b: str) -> int:
    """``String.compareToIgnoreCase`` (char-by-char case folding, no locale)."""
    ua, ub = to_units(a), to_units(b)
    for x, y in zip(ua, ub):
        if x != y:
            fx, fy = _fold(x), _fold(y)
            if fx != fy:
                return ord(fx) - ord(fy)
    return len(ua) - len(ub)


def equals_ignore_case(a: str, b: str) -> bool:
    """``String.equalsIgnoreCase``: same length in UTF-16 units and equal after folding."""
    ua, ub = to_units(a), to_units(b)
    if len(ua) != len(ub):
        return False
    return all(x == y or _fold(x) == _fold(y) for x, y in zip(ua, ub))


def check_bounds(begin: int, end: int, length: int) -> None:
    """``String.checkBoundsBeginEnd``."""
    if begin < 0 or begin > end or end > length:
        raise JavaException(SIOOBE, f"begin {begin}, end {end}, length {length}")
