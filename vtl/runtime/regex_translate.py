"""Translate ``java.util.regex`` syntax into ``regex`` (VERSION1) syntax.

The parser follows ``java.util.regex.Pattern`` (JDK 17) step by step, so a pattern is
accepted or rejected exactly when Java accepts or rejects it, with Java's error text and
index. Instead of building Java's node tree it emits an equivalent ``regex`` pattern, in
which every construct whose meaning differs between the two engines is spelled out:

* ``.``, ``^``, ``$``, ``\\Z`` use Java's line terminators (``\\n \\r \\u0085 \\u2028 \\u2029``,
  ``\\r\\n`` as one), or only ``\\n`` under ``(?d)``;
* ``\\d \\s \\w \\h \\v \\b`` and the POSIX ``\\p{Alpha}`` family are ASCII unless ``(?U)``;
* ``(?i)`` folds ASCII letters only unless ``(?u)`` is on; flags are tracked here and never
  handed to ``regex``, so their scoping is Java's;
* ``(?x)`` comments are skipped everywhere, including inside character classes;
* classes with nested classes, ``&&`` and negation become ``regex`` nested sets;
* ``\\Q...\\E``, octal/hex/Unicode/control escapes become literal characters;
* back references take as many digits as name existing groups, as in Java.
"""

from __future__ import annotations

import unicodedata
from typing import Any

import regex

from ..errors import JavaException
from .exceptions import java_exception

__all__ = ["translate"]

UNIX_LINES, CASE_INSENSITIVE, COMMENTS, MULTILINE = 0x01, 0x02, 0x04, 0x08
DOTALL, UNICODE_CASE, CANON_EQ, UNICODE_CHARACTER_CLASS = 0x20, 0x40, 0x80, 0x100
_FLAG_LETTERS = {
    "i": CASE_INSENSITIVE, "m": MULTILINE, "s": DOTALL, "d": UNIX_LINES, "u": UNICODE_CASE,
    "c": CANON_EQ, "x": COMMENTS, "U": UNICODE_CHARACTER_CLASS | UNICODE_CASE,
}

_END = r"(?![\s\S])"  # absolute end of input
_LINE_ENDING = r"(?:\r\n|[\n\x0b\f\r\x85\u2028\u2029])"  # \R
_LINE_CHARS = r"\n\r\x85\u2028\u2029"

# Set bodies (to be placed inside [...]) for Java's predefined classes.
_ASCII_DIGIT = "0-9"
_ASCII_SPACE = r"\t\n\x0b\f\r\x20"
_ASCII_WORD = "a-zA-Z_0-9"
_HORIZ = r"\x20\t\xa0\u1680\u180e\u2000-\u200a\u202f\u205f\u3000"
_VERT = r"\n\x0b\f\r\x85\u2028\u2029"
_U_DIGIT = r"\p{Nd}"
_U_SPACE = r"\p{White_Space}"
_U_WORD = r"\p{Alphabetic}\p{Mn}\p{Me}\p{Mc}\p{Nd}\p{Pc}\u200c\u200d"
# Java's \b and \B (Pattern.Bound): a word character is a letter, a digit or '_', or a
# non-spacing mark that follows a letter or digit (through other such marks). The four
# sides: a word character before the position, none before, one at it, none at it.
_BOUND_SIDES = (
    r"(?:(?<=[\p{L}\p{Nd}_])|(?<=[\p{L}\p{Nd}]\p{Mn}+))",
    r"(?<![\p{L}\p{Nd}_])(?<![\p{L}\p{Nd}]\p{Mn}+)",
    r"(?:(?=[\p{L}\p{Nd}_])|(?=\p{Mn})(?<=[\p{L}\p{Nd}]\p{Mn}*))",
    r"(?![\p{L}\p{Nd}_])(?!(?=\p{Mn})(?<=[\p{L}\p{Nd}]\p{Mn}*))",
)
_IDENT_IGNORABLE = r"\x00-\x08\x0e-\x1b\x7f-\x9f\p{Cf}"
_HEX = r"\p{Nd}0-9A-Fa-f\uff10-\uff19\uff21-\uff26\uff41-\uff46"

# \p{Name} -> set body, for Pattern's "forProperty" names (case sensitive).
_PROPERTIES = {
    "Cn": r"\p{Cn}", "Lu": r"\p{Lu}", "Ll": r"\p{Ll}", "Lt": r"\p{Lt}", "Lm": r"\p{Lm}",
    "Lo": r"\p{Lo}", "Mn": r"\p{Mn}", "Me": r"\p{Me}", "Mc": r"\p{Mc}", "Nd": r"\p{Nd}",
    "Nl": r"\p{Nl}", "No": r"\p{No}", "Zs": r"\p{Zs}", "Zl": r"\p{Zl}", "Zp": r"\p{Zp}",
    "Cc": r"\p{Cc}", "Cf": r"\p{Cf}", "Co": r"\p{Co}", "Cs": r"\p{Cs}", "Pd": r"\p{Pd}",
    "Ps": r"\p{Ps}", "Pe": r"\p{Pe}", "Pc": r"\p{Pc}", "Po": r"\p{Po}", "Sm": r"\p{Sm}",
    "Sc": r"\p{Sc}", "Sk": r"\p{Sk}", "So": r"\p{So}", "Pi": r"\p{Pi}", "Pf": r"\p{Pf}",
    "L": r"\p{L}", "M": r"\p{M}", "N": r"\p{N}", "Z": r"\p{Z}", "C": r"\p{C}", "P": r"\p{P}",
    "S": r"\p{S}", "LC": r"\p{Lu}\p{Ll}\p{Lt}", "LD": r"\p{L}\p{Nd}", "L1": r"\x00-\xff",
    "all": r"\s\S", "ASCII": r"\x00-\x7f", "Alnum": "a-zA-Z0-9", "Alpha": "a-zA-Z",
    "Blank": r"\x20\t", "Cntrl": r"\x00-\x1f\x7f", "Digit": "0-9",
    "Graph": r"!-\x7e", "Lower": "a-z", "Print": r"\x20-\x7e",
    "Punct": r"!-/:-@\[-`{-~", "Space": _ASCII_SPACE, "Upper": "A-Z", "XDigit": "0-9a-fA-F",
    "javaLowerCase": r"\p{Lowercase}", "javaUpperCase": r"\p{Uppercase}",
    "javaAlphabetic": r"\p{Alphabetic}", "javaIdeographic": r"\p{Ideographic}",
    "javaTitleCase": r"\p{Lt}", "javaDigit": r"\p{Nd}", "javaDefined": r"\P{Cn}",
    "javaLetter": r"\p{L}", "javaLetterOrDigit": r"\p{L}\p{Nd}",
    "javaJavaIdentifierStart": r"\p{L}\p{Nl}\p{Sc}\p{Pc}",
    "javaJavaIdentifierPart": r"\p{L}\p{Sc}\p{Pc}\p{Nd}\p{Nl}\p{Mc}\p{Mn}" + _IDENT_IGNORABLE,
    "javaUnicodeIdentifierStart": r"\p{ID_Start}",
    "javaUnicodeIdentifierPart": r"\p{ID_Continue}" + _IDENT_IGNORABLE,
    "javaIdentifierIgnorable": _IDENT_IGNORABLE, "javaSpaceChar": r"\p{Z}",
    "javaWhitespace": r"[[\p{Z}\t-\r\x1c-\x1f]--[\xa0\u2007\u202f]]",
    "javaISOControl": r"\x00-\x1f\x7f-\x9f", "javaMirrored": r"\p{Bidi_Mirrored}",
}
# With CASE_INSENSITIVE some properties widen to all cased letters.
_CASED = r"\p{Lu}\p{Ll}\p{Lt}"
_PROPERTIES_CI = {
    "Lu": _CASED, "Ll": _CASED, "Lt": _CASED, "Lower": "a-zA-Z", "Upper": "a-zA-Z",
    "javaLowerCase": r"\p{Lowercase}\p{Uppercase}\p{Lt}",
    "javaUpperCase": r"\p{Lowercase}\p{Uppercase}\p{Lt}",
    "javaTitleCase": r"\p{Lowercase}\p{Uppercase}\p{Lt}",
}
# \p{IsName} binary properties and POSIX names (upper-cased lookup).
_UNICODE_PROPS = {
    "ALPHABETIC": r"\p{Alphabetic}", "ASSIGNED": r"\P{Cn}", "CONTROL": r"\p{Cc}",
    "HEXDIGIT": _HEX, "HEX_DIGIT": _HEX, "IDEOGRAPHIC": r"\p{Ideographic}",
    "JOINCONTROL": r"\u200c\u200d", "JOIN_CONTROL": r"\u200c\u200d", "LETTER": r"\p{L}",
    "LOWERCASE": r"\p{Lowercase}", "NONCHARACTERCODEPOINT": r"\p{Noncharacter_Code_Point}",
    "NONCHARACTER_CODE_POINT": r"\p{Noncharacter_Code_Point}", "TITLECASE": r"\p{Lt}",
    "PUNCTUATION": r"\p{P}", "UPPERCASE": r"\p{Uppercase}", "WHITESPACE": _U_SPACE,
    "WHITE_SPACE": _U_SPACE, "WORD": _U_WORD,
}
_POSIX_PROPS = {
    "ALPHA": r"\p{Alphabetic}", "LOWER": r"\p{Lowercase}", "UPPER": r"\p{Uppercase}",
    "SPACE": _U_SPACE, "PUNCT": r"\p{P}", "XDIGIT": _HEX, "ALNUM": r"\p{Alphabetic}\p{Nd}",
    "CNTRL": r"\p{Cc}", "DIGIT": r"\p{Nd}", "BLANK": r"\p{Zs}\t",
    "GRAPH": r"[^\p{White_Space}\p{Cc}\p{Cs}\p{Cn}]",
    "PRINT": r"[[^\p{White_Space}\p{Cc}\p{Cs}\p{Cn}]\p{Zs}\t--\p{Cc}]",
}
_POSIX_CI = {"LOWER": _CASED, "UPPER": _CASED}


def _is_ascii_alpha(c: int) -> bool:
    return 0x41 <= c <= 0x5A or 0x61 <= c <= 0x7A


def _is_ascii_alnum(c: int) -> bool:
    return _is_ascii_alpha(c) or 0x30 <= c <= 0x39


def _is_ascii_space(c: int) -> bool:
    return c in (0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D)


def _hexval(c: int) -> int:
    if 0x30 <= c <= 0x39:
        return c - 0x30
    if 0x41 <= c <= 0x46 or 0x61 <= c <= 0x66:
        return (c | 0x20) - 0x61 + 10
    return -1


def _char(cp: int) -> str:
    """One code point as a ``regex`` escape usable both inside and outside sets."""
    if cp < 0x80 and (_is_ascii_alnum(cp) or cp == 0x5F):
        return chr(cp)
    if 0x20 < cp < 0x7F:
        return "\\" + chr(cp)
    if cp <= 0xFF:
        return f"\\x{cp:02x}"
    if cp <= 0xFFFF:
        return f"\\u{cp:04x}"
    return f"\\U{cp:08x}"


def _remove_qe_quoting(pattern: str) -> str:
    """``Pattern.RemoveQEQuoting``: turn ``\\Q...\\E`` into escaped characters."""
    n = len(pattern)
    i = 0
    while i < n - 1:
        if pattern[i] != "\\":
            i += 1
        elif pattern[i + 1] != "Q":
            i += 2
        else:
            break
    if i >= n - 1:
        return pattern
    out = [pattern[:i]]
    i += 2
    in_quote = begin_quote = True
    while i < n:
        c = pattern[i]
        i += 1
        o = ord(c)
        if o >= 0x80 or _is_ascii_alpha(o):
            out.append(c)
        elif 0x30 <= o <= 0x39:
            if begin_quote:
                out.append("\\x3")
            out.append(c)
        elif c != "\\":
            if in_quote:
                out.append("\\")
            out.append(c)
        elif in_quote:
            if i < n and pattern[i] == "E":
                i += 1
                in_quote = False
            else:
                out.append("\\\\")
        else:
            if i < n and pattern[i] == "Q":
                i += 1
                in_quote = begin_quote = True
                continue
            out.append(c)
            if i != n:
                out.append(pattern[i])
                i += 1
        begin_quote = False
    return "".join(out)


class _Bits:
    """Java's BitClass: one per class, and still growing after it joined a union."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: list[str] = []


# A class predicate: a set body (str), a _Bits, ("|", a, b), ("&", a, b) or ("^", a).
_Pred = Any


def _emit_set(pred: _Pred) -> str:
    """A ``regex`` VERSION1 set for a predicate tree."""
    if isinstance(pred, str):
        return "[" + pred + "]"
    if isinstance(pred, _Bits):
        return "[" + "".join(pred.items) + "]" if pred.items else "[^\\s\\S]"
    op = pred[0]
    if op == "|":
        return "[" + _emit_set(pred[1]) + _emit_set(pred[2]) + "]"
    if op == "&":
        return "[" + _emit_set(pred[1]) + "&&" + _emit_set(pred[2]) + "]"
    return "[^" + _emit_set(pred[1]) + "]"


class _BackRef:
    """A back reference, resolved once the total number of groups is known."""

    __slots__ = ("group", "ci")

    def __init__(self, group: int | str, ci: bool) -> None:
        self.group = group
        self.ci = ci


class _Parser:
    def __init__(self, pattern: str) -> None:
        self.normalized = _remove_qe_quoting(pattern)
        self.temp = [ord(c) for c in self.normalized] + [0, 0]
        self.length = len(self.normalized)
        self.cursor = 0
        self.flags = 0
        self.groups = 1  # Java's capturingGroupCount (group 0 counts)
        self.names: dict[str, int] = {}
        self.refs: list[_BackRef] = []
        self.root_out: Any = None  # escape() "creates" a node here
        self.predicate = ""  # escape() leaves a class body here

    # -- cursor primitives (Pattern.peek/read/next/skip...) ------------------------------

    def has(self, flag: int) -> bool:
        return bool(self.flags & flag)

    def error(self, desc: str) -> JavaException:
        index = self.cursor - 1
        where = f" near index {index}" if index >= 0 else ""
        msg = f"{desc}{where}\n{self.normalized}"
        if 0 <= index < len(self.normalized):
            msg += "\n" + " " * index + "^"
        return java_exception("java.util.regex.PatternSyntaxException", msg)

    def at(self, i: int) -> int:
        return self.temp[i] if i < len(self.temp) else 0

    def peek(self) -> int:
        ch = self.at(self.cursor)
        if self.has(COMMENTS):
            ch = self.peek_past_whitespace(ch)
        return ch

    def read(self) -> int:
        ch = self.at(self.cursor)
        self.cursor += 1
        if self.has(COMMENTS):
            ch = self.parse_past_whitespace(ch)
        return ch

    def next(self) -> int:
        self.cursor += 1
        ch = self.at(self.cursor)
        if self.has(COMMENTS):
            ch = self.peek_past_whitespace(ch)
        return ch

    def next_escaped(self) -> int:
        self.cursor += 1
        return self.at(self.cursor)

    def skip(self) -> int:
        ch = self.at(self.cursor + 1)
        self.cursor += 2
        return ch

    def unread(self) -> None:
        self.cursor -= 1

    def is_line_separator(self, ch: int) -> bool:
        if self.has(UNIX_LINES):
            return ch == 0x0A
        return ch in (0x0A, 0x0D, 0x85) or (ch | 1) == 0x2029

    def peek_past_whitespace(self, ch: int) -> int:
        while _is_ascii_space(ch) or ch == 0x23:
            while _is_ascii_space(ch):
                self.cursor += 1
                ch = self.at(self.cursor)
            if ch == 0x23:
                self.cursor += 1
                ch = self.at(self.cursor)
                while ch != 0 and not self.is_line_separator(ch):
                    self.cursor += 1
                    ch = self.at(self.cursor)
                if ch == 0 and self.cursor > self.length:
                    self.cursor = self.length
                    ch = self.at(self.cursor)
        return ch

    def parse_past_whitespace(self, ch: int) -> int:
        while _is_ascii_space(ch) or ch == 0x23:
            while _is_ascii_space(ch):
                ch = self.at(self.cursor)
                self.cursor += 1
            if ch == 0x23:
                ch = self.at(self.cursor)
                self.cursor += 1
                while ch != 0 and not self.is_line_separator(ch):
                    ch = self.at(self.cursor)
                    self.cursor += 1
                if ch == 0 and self.cursor > self.length:
                    self.cursor = self.length
                    ch = self.at(self.cursor)
                    self.cursor += 1
        return ch

    # -- structure ---------------------------------------------------------------------------

    def compile(self) -> list:
        out = self.expr()
        if self.cursor != self.length:
            if self.peek() == 0x29:
                raise self.error("Unmatched closing ')'")
            raise self.error("Unexpected internal error")
        return out

    def expr(self) -> list:
        branches = [self.sequence()]
        while self.peek() == 0x7C:  # '|'
            self.next()
            branches.append(self.sequence())
        if len(branches) == 1:
            return branches[0]
        out: list = ["(?:"]
        for i, b in enumerate(branches):
            if i:
                out.append("|")
            out.extend(b)
        out.append(")")
        return out

    def sequence(self) -> list:
        out: list = []
        while True:
            ch = self.peek()
            if ch == 0x28:  # (
                node = self.group0()
                if node is None:
                    continue
                out.extend(node)
                continue
            if ch == 0x5B:  # [
                node = [_emit_set(self.clazz(True))]
            elif ch == 0x5C:  # \
                ch = self.next_escaped()
                if ch in (0x70, 0x50):  # p P
                    comp = ch == 0x50
                    one_letter = True
                    ch = self.next()
                    if ch != 0x7B:
                        self.unread()
                    else:
                        one_letter = False
                    node = ["[", self.family(one_letter, comp), "]"]
                else:
                    self.unread()
                    node = self.atom()
            elif ch == 0x5E:  # ^
                self.next()
                node = [self.caret()]
            elif ch == 0x24:  # $
                self.next()
                node = [self.dollar(self.has(MULTILINE))]
            elif ch == 0x2E:  # .
                self.next()
                if self.has(DOTALL):
                    node = [r"[\s\S]"]
                elif self.has(UNIX_LINES):
                    node = [r"[^\n]"]
                else:
                    node = ["[^" + _LINE_CHARS + "]"]
            elif ch in (0x7C, 0x29):  # | )
                break
            elif ch in (0x3F, 0x2A, 0x2B):  # ? * +
                self.next()
                raise self.error(f"Dangling meta character '{chr(ch)}'")
            elif ch == 0 and self.cursor >= self.length:
                break
            else:
                node = self.atom()
            out.extend(self.closure(node))
        return out

    def caret(self) -> str:
        if not self.has(MULTILINE):
            return r"\A"
        if self.has(UNIX_LINES):
            return r"(?:(?=[\s\S])(?:\A|(?<=\n)))"
        return r"(?:(?=[\s\S])(?:\A|(?<=[\n\x85\u2028\u2029])|(?<=\r)(?!\n)))"

    def dollar(self, multiline: bool) -> str:
        if self.has(UNIX_LINES):
            if multiline:
                return r"(?=\n|" + _END + ")"
            return r"(?=\n?" + _END + ")"
        if multiline:
            return r"(?=(?<!\r)\n|[\r\x85\u2028\u2029]|" + _END + ")"
        return r"(?=(?:\r\n|(?<!\r)\n|[\r\x85\u2028\u2029])?" + _END + ")"

    def atom(self) -> list:
        chars: list[int] = []
        prev = -1
        ch = self.peek()
        while True:
            if ch in (0x2A, 0x2B, 0x3F, 0x7B):  # * + ? {
                if len(chars) > 1:
                    self.cursor = prev
                    chars.pop()
                break
            if ch in (0x24, 0x2E, 0x5E, 0x28, 0x5B, 0x7C, 0x29):  # $ . ^ ( [ | )
                break
            if ch == 0x5C:  # \
                ch = self.next_escaped()
                if ch in (0x70, 0x50):  # a property
                    if chars:
                        self.unread()
                        break
                    comp = ch == 0x50
                    one_letter = True
                    ch = self.next()
                    if ch != 0x7B:
                        self.unread()
                    else:
                        one_letter = False
                    return ["[", self.family(one_letter, comp), "]"]
                self.unread()
                prev = self.cursor
                ch = self.escape(False, not chars, False)
                if ch >= 0:
                    chars.append(ch)
                    ch = self.peek()
                    continue
                if not chars:
                    node = self.root_out
                    self.root_out = None
                    return [node] if isinstance(node, str) else node
                self.cursor = prev
                break
            if ch == 0 and self.cursor >= self.length:
                break
            prev = self.cursor
            chars.append(ch)
            ch = self.next()
        if len(chars) == 1:
            return [self.single(chars[0])]
        return ["(?:" + "".join(self.single(c) for c in chars) + ")"]

    def single(self, cp: int) -> str:
        """A literal character, with Java's case-insensitivity rules."""
        if self.has(CASE_INSENSITIVE):
            if self.has(UNICODE_CASE):
                upper = ord(chr(cp).upper()) if len(chr(cp).upper()) == 1 else cp
                lower = ord(chr(upper).lower()) if len(chr(upper).lower()) == 1 else upper
                if upper != lower:
                    return "(?i:" + _char(cp) + ")"
            elif cp < 0x80 and _is_ascii_alpha(cp):
                return "[" + _char(cp | 0x20) + _char(cp & ~0x20) + "]"
        return _char(cp)

    def closure(self, node: list) -> list:
        ch = self.peek()
        if ch == 0x3F:  # ?
            return self.quantified(node, "?")
        if ch == 0x2A:  # *
            return self.quantified(node, "*")
        if ch == 0x2B:  # +
            return self.quantified(node, "+")
        if ch == 0x7B:  # {
            ch = self.skip()
            if not 0x30 <= ch <= 0x39:
                raise self.error("Illegal repetition")
            cmin = 0
            while True:
                cmin = cmin * 10 + ch - 0x30
                if cmin > 0x7FFFFFFF:
                    raise self.error("Illegal repetition range")
                ch = self.read()
                if not 0x30 <= ch <= 0x39:
                    break
            if ch == 0x2C:  # ,
                ch = self.read()
                if ch == 0x7D:
                    self.unread()
                    return self.quantified(node, f"{{{cmin},}}")
                cmax = 0
                while 0x30 <= ch <= 0x39:
                    cmax = cmax * 10 + ch - 0x30
                    if cmax > 0x7FFFFFFF:
                        raise self.error("Illegal repetition range")
                    ch = self.read()
            else:
                cmax = cmin
            if ch != 0x7D:
                raise self.error("Unclosed counted closure")
            if cmax < cmin:
                raise self.error("Illegal repetition range")
            self.unread()
            return self.quantified(node, f"{{{cmin},{cmax}}}")
        return node

    def quantified(self, node: list, quantifier: str) -> list:
        if node == [_LINE_ENDING]:
            # Under a quantifier Java's \R no longer gives back the \n of a \r\n.
            node = ["(?>" + _LINE_ENDING[3:]]
        ch = self.next()
        if ch == 0x3F:
            self.next()
            quantifier += "?"
        elif ch == 0x2B:
            self.next()
            quantifier += "+"
        return ["(?:", *node, ")" + quantifier]

    def group0(self) -> list | None:
        save = self.flags
        ch = self.next()
        prefix = "("
        if ch == 0x3F:  # ?
            ch = self.skip()
            if ch == 0x3A:  # :
                prefix = "(?:"
            elif ch in (0x3D, 0x21):  # = !
                prefix = "(?=" if ch == 0x3D else "(?!"
            elif ch == 0x3E:  # >
                prefix = "(?>"
            elif ch == 0x3C:  # <
                ch = self.read()
                if ch not in (0x3D, 0x21):
                    name = self.groupname(ch)
                    if name in self.names:
                        raise self.error(f"Named capturing group <{name}> is already defined")
                    self.names[name] = self.groups
                    self.groups += 1
                    prefix = f"(?P<{name}>"
                else:
                    prefix = "(?<=" if ch == 0x3D else "(?<!"
            elif ch in (0x24, 0x40):  # $ @
                raise self.error("Unknown group type")
            else:
                self.unread()
                self.add_flags()
                ch = self.read()
                if ch == 0x29:
                    return None  # inline flags only: they hold until the enclosing group ends
                if ch != 0x3A:
                    raise self.error("Unknown inline modifier")
                prefix = "(?:"
        else:
            self.groups += 1
        body = self.expr()
        if self.read() != 0x29:
            raise self.error("Unclosed group")
        self.flags = save
        return self.closure([prefix, *body, ")"])

    def groupname(self, ch: int) -> str:
        if not _is_ascii_alpha(ch):
            raise self.error("capturing group name does not start with a Latin letter")
        name = []
        while True:
            name.append(chr(ch))
            ch = self.read()
            if not _is_ascii_alnum(ch):
                break
        if ch != 0x3E:
            raise self.error("named capturing group is missing trailing '>'")
        return "".join(name)

    def add_flags(self) -> None:
        ch = self.peek()
        while True:
            letter = chr(ch) if ch else ""
            if letter in _FLAG_LETTERS:
                self.flags |= _FLAG_LETTERS[letter]
            elif ch == 0x2D:  # -
                ch = self.next()
                while True:
                    letter = chr(ch) if ch else ""
                    if letter not in _FLAG_LETTERS:
                        return
                    self.flags &= ~_FLAG_LETTERS[letter]
                    ch = self.next()
            else:
                return
            ch = self.next()

    # -- escapes ----------------------------------------------------------------------------

    def ref(self, ref_num: int) -> None:
        while True:
            ch = self.peek()
            if not 0x30 <= ch <= 0x39:
                break
            candidate = ref_num * 10 + ch - 0x30
            if self.groups - 1 < candidate:
                break
            ref_num = candidate
            self.read()
        self.root_out = [_BackRef(ref_num, self.has(CASE_INSENSITIVE))]

    def escape(self, inclass: bool, create: bool, isrange: bool) -> int:
        """Pattern.escape: a character code, or -1 with ``root_out``/``predicate`` set."""
        ch = self.skip()
        c = chr(ch) if ch else "\0"
        unicode_classes = self.has(UNICODE_CHARACTER_CLASS)
        if c == "0":
            return self.octal()
        if "1" <= c <= "9" and not inclass:
            if create:
                self.ref(ch - 0x30)
            return -1
        if c in "dDsSwWhHvV" and not (c == "v" and isrange):
            body = {
                "d": _U_DIGIT if unicode_classes else _ASCII_DIGIT,
                "s": _U_SPACE if unicode_classes else _ASCII_SPACE,
                "w": _U_WORD if unicode_classes else _ASCII_WORD,
                "h": _HORIZ, "v": _VERT,
            }[c.lower()]
            self.predicate = ("[^" if c.isupper() else "[") + body + "]"
            if create and not inclass:
                self.root_out = self.predicate
            return -1
        if c == "v":
            return 0x0B
        if not inclass:
            node = {
                "A": r"\A", "G": r"\G", "z": r"\Z", "X": r"\X",
                "R": _LINE_ENDING,
            }.get(c)
            if node is not None:
                if create:
                    self.root_out = node
                return -1
            if c == "Z":
                if create:
                    self.root_out = self.dollar(False)
                return -1
            if c == "B":
                if create:
                    self.root_out = self.bound(False)
                return -1
            if c == "b":
                if create:
                    if self.peek() == 0x7B:
                        if self.skip() == 0x67:  # \b{g}: a grapheme boundary (approximated)
                            if self.read() == 0x7D:
                                self.root_out = r"(?:\A|\Z|(?<!\r(?=\n))(?!\p{M}))"
                                return -1
                            raise self.error("Illegal/unsupported escape sequence")
                        self.unread()
                        self.unread()
                    self.root_out = self.bound(True)
                return -1
            if c == "k":
                if self.read() != 0x3C:
                    raise self.error("\\k is not followed by '<' for named capturing group")
                name = self.groupname(self.read())
                if name not in self.names:
                    raise self.error(f"named capturing group <{name}> does not exist")
                if create:
                    self.root_out = [_BackRef(name, self.has(CASE_INSENSITIVE))]
                return -1
        simple = {"a": 0x07, "e": 0x1B, "f": 0x0C, "n": 0x0A, "r": 0x0D, "t": 0x09}
        if c in simple:
            return simple[c]
        if c == "c":
            if self.cursor < self.length:
                return self.read() ^ 64
            raise self.error("Illegal control escape sequence")
        if c == "x":
            return self.hex_escape()
        if c == "u":
            return self.unicode_escape()
        if c == "N":
            return self.named_char()
        if _is_ascii_alpha(ch) or ("1" <= c <= "9"):
            raise self.error("Illegal/unsupported escape sequence")
        return ch

    def bound(self, word_boundary: bool) -> str:
        if self.has(UNICODE_CHARACTER_CLASS):
            w = "[" + _U_WORD + "]"
            left, not_left, right, not_right = f"(?<={w})", f"(?<!{w})", f"(?={w})", f"(?!{w})"
        else:
            left, not_left, right, not_right = _BOUND_SIDES
        if word_boundary:
            return f"(?:{left}{not_right}|{not_left}{right})"
        return f"(?:{left}{right}|{not_left}{not_right})"

    def octal(self) -> int:
        n = self.read()
        if 0x30 <= n <= 0x37:
            m = self.read()
            if 0x30 <= m <= 0x37:
                o = self.read()
                if 0x30 <= o <= 0x37 and 0x30 <= n <= 0x33:
                    return (n - 0x30) * 64 + (m - 0x30) * 8 + (o - 0x30)
                self.unread()
                return (n - 0x30) * 8 + (m - 0x30)
            self.unread()
            return n - 0x30
        raise self.error("Illegal octal escape sequence")

    def hex_escape(self) -> int:
        n = self.read()
        if _hexval(n) >= 0:
            m = self.read()
            if _hexval(m) >= 0:
                return _hexval(n) * 16 + _hexval(m)
        elif n == 0x7B and _hexval(self.peek()) >= 0:
            value = 0
            while True:
                n = self.read()
                if _hexval(n) < 0:
                    break
                value = (value << 4) + _hexval(n)
                if value > 0x10FFFF:
                    raise self.error("Hexadecimal codepoint is too big")
            if n != 0x7D:
                raise self.error("Unclosed hexadecimal escape sequence")
            return value
        raise self.error("Illegal hexadecimal escape sequence")

    def uxxxx(self) -> int:
        value = 0
        for _ in range(4):
            ch = self.read()
            if _hexval(ch) < 0:
                raise self.error("Illegal Unicode escape sequence")
            value = value * 16 + _hexval(ch)
        return value

    def unicode_escape(self) -> int:
        n = self.uxxxx()
        if 0xD800 <= n <= 0xDBFF:
            cur = self.cursor
            if self.read() == 0x5C and self.read() == 0x75:
                n2 = self.uxxxx()
                if 0xDC00 <= n2 <= 0xDFFF:
                    return 0x10000 + ((n - 0xD800) << 10) + (n2 - 0xDC00)
            self.cursor = cur
        return n

    def named_char(self) -> int:
        if self.read() == 0x7B:
            start = self.cursor
            while self.read() != 0x7D:
                if self.cursor >= self.length:
                    raise self.error("Unclosed character name escape sequence")
            name = "".join(chr(c) for c in self.temp[start : self.cursor - 1])
            try:
                return ord(unicodedata.lookup(name))
            except KeyError:
                raise self.error(f"Unknown character name [{name}]") from None
        raise self.error("Illegal character name escape sequence")

    # -- character classes ---------------------------------------------------------------------

    def clazz(self, consume: bool) -> _Pred:
        """Pattern.clazz: a character class as a predicate tree (emitted at the very end,
        because Java keeps adding to a class's bit set after it was combined)."""
        prev: _Pred | None = None
        curr: _Pred | None = None
        bits = _Bits()
        has_bits = False
        negated = False
        ch = self.next()
        if ch == 0x5E and self.at(self.cursor - 1) == 0x5B:  # ^ right after [
            ch = self.next()
            negated = True
        while True:
            if ch == 0x5B:  # [
                curr = self.clazz(True)
                prev = curr if prev is None else ("|", prev, curr)
                ch = self.peek()
                continue
            if ch == 0x26:  # &
                ch = self.next()
                if ch == 0x26:
                    ch = self.next()
                    right: _Pred | None = None
                    while ch not in (0x5D, 0x26):
                        if ch == 0x5B:
                            part = self.clazz(True)
                        else:
                            self.unread()
                            part = self.clazz(False)
                        right = part if right is None else ("|", right, part)
                        ch = self.peek()
                    if has_bits:
                        if prev is None:
                            prev = curr = bits
                        else:
                            prev = ("|", prev, bits)
                        has_bits = False
                    if right is not None:
                        curr = right
                    if prev is None:
                        if right is None:
                            raise self.error("Bad class syntax")
                        prev = right
                    else:
                        prev = ("&", prev, curr)
                    continue
                self.unread()
            elif ch == 0 and self.cursor >= self.length:
                raise self.error("Unclosed character class")
            elif ch == 0x5D:  # ]
                if prev is not None or has_bits:
                    if consume:
                        self.next()
                    if prev is None:
                        prev = bits
                    elif has_bits:
                        prev = ("|", prev, bits)
                    return ("^", prev) if negated else prev
            item, is_bit = self.range_item()
            if is_bit:
                bits.items.append(item)
                has_bits = True
            else:
                curr = item
                prev = item if prev is None else ("|", prev, item)
            ch = self.peek()

    def range_item(self) -> tuple[Any, bool]:
        """Pattern.range: one member of a class; (set text, whether Java keeps it as a bit)."""
        ch = self.peek()
        if ch == 0x5C:
            ch = self.next_escaped()
            if ch in (0x70, 0x50):
                comp = ch == 0x50
                one_letter = True
                ch = self.next()
                if ch != 0x7B:
                    self.unread()
                else:
                    one_letter = False
                return self.family(one_letter, comp), False
            isrange = self.at(self.cursor + 1) == 0x2D
            self.unread()
            ch = self.escape(True, True, isrange)
            if ch == -1:
                return self.predicate, False
        else:
            self.next()
        if ch >= 0:
            if self.peek() == 0x2D:
                end_range = self.at(self.cursor + 1)
                if end_range == 0x5B:
                    return self.class_single(ch), True
                if end_range != 0x5D:
                    self.next()
                    m = self.peek()
                    if m == 0x5C:
                        m = self.escape(True, False, True)
                    else:
                        self.next()
                    if m < ch:
                        raise self.error("Illegal character range")
                    return self.class_range(ch, m), False
            return self.class_single(ch), True
        raise self.error(f"Unexpected character '{chr(ch)}'")

    def class_single(self, cp: int) -> str:
        if self.has(CASE_INSENSITIVE):
            if self.has(UNICODE_CASE):
                forms = {cp}
                for f in (chr(cp).upper(), chr(cp).lower(), chr(cp).upper().lower()):
                    if len(f) == 1:
                        forms.add(ord(f))
                return "".join(_char(f) for f in sorted(forms))
            if _is_ascii_alpha(cp):
                return _char(cp | 0x20) + _char(cp & ~0x20)
        return _char(cp)

    def class_range(self, lo: int, hi: int) -> str:
        text = _char(lo) + "-" + _char(hi) if lo != hi else _char(lo)
        if self.has(CASE_INSENSITIVE):
            extra = []
            if self.has(UNICODE_CASE) and hi - lo <= 2000:
                for cp in range(lo, hi + 1):
                    for f in (chr(cp).upper(), chr(cp).lower()):
                        if len(f) == 1 and not lo <= ord(f) <= hi:
                            extra.append(_char(ord(f)))
            else:
                for cp in list(range(0x41, 0x5B)) + list(range(0x61, 0x7B)):
                    if not lo <= cp <= hi and (lo <= (cp & ~0x20) <= hi or lo <= (cp | 0x20) <= hi):
                        extra.append(_char(cp))
            text += "".join(extra)
        return text

    def family(self, single_letter: bool, complement: bool) -> str:
        """Pattern.family: ``\\p{...}``/``\\P{...}`` as the body of a set."""
        self.next()
        if single_letter:
            name = chr(self.at(self.cursor))
            self.read()
        else:
            start = self.cursor
            while self.cursor < self.length and self.temp[self.cursor] != 0x7D:
                self.cursor += 1
            self.cursor += 1  # past the '}' (or the end-of-pattern sentinel)
            if self.cursor > self.length:
                raise self.error("Unclosed character family")
            if start + 1 >= self.cursor:
                raise self.error("Empty character family")
            name = "".join(chr(c) for c in self.temp[start : self.cursor - 1])
        ci = self.has(CASE_INSENSITIVE)
        body: str | None = None
        if "=" in name:
            key, value = name.split("=", 1)
            key = key.lower()
            if key in ("sc", "script"):
                body = self.checked(r"\p{Script=" + value + "}")
            elif key in ("blk", "block"):
                body = self.checked(r"\p{Block=" + value + "}")
            elif key in ("gc", "general_category"):
                body = self.property(value, ci)
            if body is None:
                raise self.error(f"Unknown Unicode property {{name=<{key}>, value=<{value}>}}")
        else:
            if name.startswith("In"):
                body = self.checked(r"\p{Block=" + name[2:] + "}")
            elif name.startswith("Is"):
                short = name[2:]
                upper = short.upper()
                body = _UNICODE_PROPS.get(upper)
                if body is not None and ci and upper in ("LOWERCASE", "UPPERCASE", "TITLECASE"):
                    body = r"\p{Lowercase}\p{Uppercase}\p{Lt}"
                if body is None:
                    body = (_POSIX_CI if ci else {}).get(upper) or _POSIX_PROPS.get(upper)
                if body is None:
                    body = self.property(short, ci)
                if body is None:
                    body = self.checked(r"\p{Script=" + short + "}")
            else:
                if self.has(UNICODE_CHARACTER_CLASS):
                    upper = name.upper()
                    body = (_POSIX_CI if ci else {}).get(upper) or _POSIX_PROPS.get(upper)
                if body is None:
                    body = self.property(name, ci)
            if body is None:
                raise self.error(f"Unknown character property name {{{name}}}")
        return "^[" + body + "]" if complement else body

    @staticmethod
    def property(name: str, ci: bool) -> str | None:
        if ci and name in _PROPERTIES_CI:
            return _PROPERTIES_CI[name]
        return _PROPERTIES.get(name)

    @staticmethod
    def checked(body: str) -> str | None:
        """``body`` if ``regex`` knows the property (Java's name lookups are as loose)."""
        try:
            regex.compile("[" + body + "]", regex.VERSION1)
        except regex.error:
            return None
        return body


def translate(pattern: str) -> str:
    """The ``regex`` (VERSION1) pattern equivalent to Java ``pattern``.

    Raises ``JavaException('PatternSyntaxException', message)`` with Java's
    message (description, index, pattern and caret line) for an invalid pattern.
    """
    parser = _Parser(pattern)
    parts = parser.compile()
    total = parser.groups - 1
    out = []
    for part in _flatten(parts):
        if isinstance(part, _BackRef):
            group = part.group
            if isinstance(group, int) and group > total:
                out.append("(?!)")  # Java: a reference to a group that never exists fails
            else:
                ref = f"\\g<{group}>"
                out.append(f"(?i:{ref})" if part.ci else f"(?:{ref})")
        else:
            out.append(part)
    return "".join(out)


def _flatten(parts: list) -> list:
    flat: list = []
    stack = [iter(parts)]
    while stack:
        for item in stack[-1]:
            if isinstance(item, list):
                stack.append(iter(item))
                break
            flat.append(item)
        else:
            stack.pop()
    return flat
