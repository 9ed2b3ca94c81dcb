"""Velocity 1.7's modal lexer, written by hand, feeding Lark's LALR parser.

Velocity's own lexer is a JavaCC token manager with a stack of states (text, reference,
method arguments, index, directive arguments). This module reproduces the decisions that
matter for output: when ``$`` and ``#`` start references and directives, which whitespace a
directive swallows, how backslashes escape, and where comments end. The rules and their
evidence are in ``shared/reference/velocity-1.7-lexical.md``; section numbers below refer
to it.

The lexer yields Lark tokens whose ``value`` is the exact source image (so that a reference
or an unknown macro call that prints itself can be reproduced byte for byte) except
``TEXT``, whose value is the text to output.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from lark import Token

from .ast import IDENTIFIER
from .errors import VtlSyntaxError

# Names Velocity 1.7 recognises as directives when escaped (§1.4).
BUILTIN_DIRECTIVES = frozenset(
    "if else elseif end set foreach include parse macro literal evaluate break define stop".split()
)
_DEDICATED_DIRECTIVE_TOKENS = frozenset(("if", "elseif", "else", "end"))
BLOCK_DIRECTIVES = {"foreach": "FOREACH", "macro": "MACRO", "define": "DEFINE", "literal": "LITERAL"}

_IDENT = IDENTIFIER
_DOT_IDENT = re.compile(r"\.([A-Za-z][A-Za-z0-9_-]*)")
_WORD = re.compile(r"[A-Za-z_@][A-Za-z0-9_@]*")
_BRACKETED_WORD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_@]*)\}")
_SET = re.compile(r"[ \t]*#(?:set|\{set\}) *\(")
_GOBBLE = re.compile(r"[ \t]*(?:\r\n|\n|\r)")
_TEXT = re.compile(r"[^$#\\]+")
_NEWLINE = re.compile(r"\r\n|\n|\r")
_WS = re.compile(r"[ \t\r\n]+")
_CONTROL_WORDS = frozenset(("if", "elseif", "else", "end"))
_NUMBER = re.compile(
    r"-?(?:[0-9]+\.\.(?!\.)|[0-9]+\.[0-9]*(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?|[0-9]+[eE][+-]?[0-9]+|[0-9]+)"
)
_OPERATORS = [
    ("||", "OR"), ("&&", "AND"), ("==", "EQ"), ("!=", "NE"), ("<=", "LE"), (">=", "GE"),
    ("<", "LT"), (">", "GT"), ("!", "NOT"), ("+", "PLUS"), ("-", "MINUS"), ("*", "STAR"),
    ("/", "SLASH"), ("%", "PERCENT"), ("=", "ASSIGN"), (",", "COMMA"), (":", "COLON"),
    ("[", "LBRACKET"), ("]", "RBRACKET"), ("{", "LBRACE"), ("}", "RBRACE"), ("(", "LPAREN"),
]
_WORD_OPERATORS = {
    "or": "OR", "and": "AND", "not": "NOT", "eq": "EQ", "ne": "NE", "lt": "LT", "le": "LE",
    "gt": "GT", "ge": "GE", "true": "TRUE", "false": "FALSE",
}
# A number right after a '#' in arguments (PRE_DIRECTIVE's INTEGER_LITERAL/FLOATING_POINT_LITERAL);
# a range's '..' is left out.
_HASHED_NUMBER = re.compile(
    r"-?(?:[0-9]+(?=\.\.)|[0-9]+\.[0-9]*(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?|[0-9]+[eE][+-]?[0-9]+|[0-9]+)"
)
_ARG_WORD = re.compile(r"[A-Za-z_@][A-Za-z0-9_@]*")
# Inside a block comment Velocity's MORE prefixes still match (backslashes + '$', '$!', '#',
# '#*', '#**' before a non-'#', '#[['): a closing '*#' right after them joins them in the
# comment token's image; any other character is skipped and empties the image (§5).
_COMMENT_MORE = re.compile(r"\\*\$(?:\\*!)?|#\*\*(?=[^#])|#\*|#\[\[|#")
_COMMENT_MORE_CHARS = frozenset("\\$!#*[")
# Directives that, glued to a '$' prefix after a property, leave the REFMODIFIER state
# (None: '$##', '$#*', '$#[[' are comments and text blocks).
_REFMOD_LEAVERS = frozenset((None, "if", "elseif", "set"))
# The same after a reference that a '$' began in the REFMODIFIER state ('$a.b$x#else')
_REF_REFMOD_LEAVERS = frozenset((None, "if", "elseif", "set"))
# '##' then '$' prefixes before a number, after a property: the prefixes are lost.
_REFMOD_HASH_NUMBER = re.compile(r"##(?:\\*\$!?)+(?=-?\.?[0-9])")
# A DOLLAR or DOLLARBANG prefix, which a HASH may head, after a property.
_REFMOD_PREFIX = re.compile(r"#{0,2}\\*\$(?:\\*!)?")
_REFMOD_HASHED = re.compile(r"\$!?#(?=\.[A-Za-z]|\[(?!\[))")
_PUSHED_HASH_CALL = re.compile(r"##?\((?!#)")
_REFMOD_HASH_DOT = re.compile(r"##\\*\$(?:\\*!)?(?=\.[A-Za-z])")
_INDEX_VALUES = frozenset(("INTEGER", "SQ_STRING", "DQ_STRING", "TRUE", "FALSE", "REF_HEAD"))
_HASHES_RPAREN = re.compile(r"#+\)")
_DOLLAR_DOT = re.compile(r"\\*\$(?:\\*!)?(?=\.[A-Za-z])")
_DOLLAR_RCURLY = re.compile(r"\$!?\}")
# '$}', '$$!}'...: an RCURLY, which no method call's arguments may start with.
_DOLLARS_RCURLY = re.compile(r"(?:\$!?)+\}")
_ESCAPED_REF = re.compile(r"\\+\$!?(?=[A-Za-z_{])")
_ESCAPED_DOLLAR_HASH = re.compile(r"\\+\$!?#")
_REF_PREFIX = re.compile(r"\\+\$(?:\\*!)?|\$\\*!")
_HASH_DOLLAR_RUN = re.compile(r"(?:#\$!?)+")
# '#$#end', '#$!#if': HASH and DOLLAR prefixes glued to a control directive token.
_HASH_DOLLAR_CONTROL = re.compile(r"(?:#\$!?)+#\{?(?:end|else|elseif|if)(?![A-Za-z0-9_@])")
_CHAIN_TO_COMMENT = re.compile(r"(?:\$!?#)+(?=\*|\[\[)")
_BRACE_CHAIN = re.compile(r"(?:#?\\*\$(?:\\*!)?)*")
_HASH_DOLLAR_SUFFIX = re.compile(r"(?:\\*\$(?:\\*!)?)?(?:#\$!?)+(?=\[|\.[A-Za-z])")
_PREFIX_CHAIN = re.compile(r"(?:\\*\$(?:\\*!)?|#)*")
_DOLLAR_PREFIX = re.compile(r"\\*\$(?:\\*!)?")
# An even run of backslashes (at least two) before a '$' or '$!' prefix.
_EVEN_ESCAPED_PREFIX = re.compile(r"((?:\\\\)+)\$!?")
_DOLLAR_CHAIN = re.compile(r"(?:\\*\$(?:\\*!)?)*")
_HASH_DOLLARS = re.compile(r"#(?:\$!?)+#")
_LPAREN_REF = re.compile(r"(?:\$!?#?)+(?:\{[A-Za-z_][A-Za-z0-9_-]*\}|[A-Za-z_][A-Za-z0-9_-]*)")
_LPAREN_TEXT_STOP = re.compile(r"[^A-Za-z0-9_]")
_LPAREN_WORD = re.compile(r"[A-Za-z0-9_]+")
# What a '$' or '$!' prefix not followed by a name may be glued to in an argument list.
_ARG_PREFIXED = frozenset("'\"0123456789()-+*/%<>=!&|,: \t\r\n$\\")
# EMPTY_INDEX (jjt 1739): text, never the start of a reference.
_EMPTY_INDEX = ("$[", "$![", "$\\![", "$.")

# Kinds of argument list, which decide the tokens allowed inside.
EXPR = "expr"  # #if / #elseif / #set: full expressions
ARGS = "args"  # other directives and macro calls: parameters separated by blanks or commas
CALL = "call"  # method call arguments: parameters separated by commas
INDEX = "index"  # [index]


class Lexer:
    """Turns template text into Lark tokens.

    ``macros_enabled`` is false for the API Gateway profile, which has no ``#evaluate``
    (so ``\\#evaluate`` keeps its backslash there). Names defined by ``#macro`` count as
    directives when escaped in both profiles.
    """

    def __init__(self, text: str, *, macros_enabled: bool = True, name: str = "<template>") -> None:
        self.text = text
        self.n = len(text)
        self.name = name
        self.macros_enabled = macros_enabled
        self.macro_names: set[str] = set()
        self._line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
        self.tokens: list[Token] = []
        self._line_index = 0
        self._refmod = False
        # Whether the last reference has an index that a '$' prefix opened after a
        # property (its DOLLAR pushed the REFMODIFIER state, see after_pushed_hash).
        self._pushed = False
        # '##' before a directive name where refmod_lparen found a HASH prefix, not a comment.
        self._hash_prefixed: set[int] = set()
        # Whether the next reference's DOLLAR pushes the REFMODIFIER state (a reference
        # that a '$' began in it, see ref_in_refmod): the first value of _pushed.
        self._push_next = False
        # Spans of '$' prefixes dropped in argument lists, left out of the image a
        # directive that prints itself shows.
        self.dropped: list[tuple[int, int]] = []
        # Block comment images by start: what a block macro call prints for one.
        self.comment_images: dict[int, str] = {}
        # Spans of prefixes that #literal leaves out of a reference's image ('$' before
        # '.name' after a property, the '!' of '$!(').
        self.literal_drops: list[tuple[int, int]] = []
        # Spans of those prefixes within a reference after an index or a call, left out of
        # the reference's literal ('$x[0].e$.x' prints '$x[0].e.x' when null).
        self.suffix_drops: list[tuple[int, int]] = []
        # String literals after a '(' that never closes (see refmod_lparen), by start: they
        # print as written ('#$.e("$s"x' prints '.e("$s"x').
        self._verbatim: dict[int, int] = {}

    # -- positions -----------------------------------------------------------------------

    def linecol(self, pos: int) -> tuple[int, int]:
        starts = self._line_starts
        i = self._line_index
        if starts[i] > pos:
            i = bisect_right(starts, pos) - 1
        else:
            last = len(starts) - 1
            while i < last and starts[i + 1] <= pos:
                i += 1
        self._line_index = i
        return i + 1, pos - starts[i] + 1

    def error(self, pos: int, message: str) -> VtlSyntaxError:
        line, col = self.linecol(min(pos, self.n))
        return VtlSyntaxError(
            message, line=line, column=col, source=self.text, name=self.name,
            java_class="ParseErrorException",
        )

    def emit(self, type_: str, value: str, start: int, end: int) -> None:
        line, col = self.linecol(start)
        # End line/column are never read; leaving them unset saves a lookup per token.
        self.tokens.append(Token(type_, value, start, line, col, None, None, end))

    # -- top level -----------------------------------------------------------------------

    def tokenize(self) -> list[Token]:
        pos = 0
        text = self.text
        while pos < self.n:
            if self._verbatim and pos in self._verbatim:
                end = self._verbatim.pop(pos)
                self.emit("TEXT", text[pos:end], pos, end)
                pos = end
                continue
            m = _SET.match(text, pos)
            if m:
                pos = self.lex_set(pos, m.end())
                continue
            ch = text[pos]
            if ch == "$":
                pos = self.lex_dollar(pos, pos)
            elif ch == "#":
                pos = self.lex_hash(pos, pos)
            elif ch == "\\":
                pos = self.lex_backslashes(pos)
            else:
                if ch == "}" and self.ends_unbraced_reference(pos):
                    # Velocity lexes a '}' right after an unbraced reference (or a lone '$')
                    # as a token of its own (RCURLY), so blanks after it may start a '#set'
                    # that takes them ('$a} #set($b=1)x' prints 'A}x').
                    self.emit("TEXT", "}", pos, pos + 1)
                    pos += 1
                    continue
                m = _TEXT.match(text, pos)
                assert m is not None
                end = m.end()
                if self._verbatim:
                    end = min([s for s in self._verbatim if pos < s < end], default=end)
                self.emit("TEXT", text[pos:end], pos, end)
                pos = end
        return self.tokens

    def ends_unbraced_reference(self, pos: int) -> bool:
        """Whether an unbraced reference, or a '$'/'$!' that began none, ends at ``pos``."""
        if not self.tokens:
            return False
        last = self.tokens[-1]
        if last.end_pos != pos:
            return False
        if last.type in ("REF_HEAD", "CALL_RPAREN", "IDX_RBRACKET"):
            return "{" not in last.value
        return last.type == "TEXT" and (last.value.endswith("$") or last.value.endswith("$!"))

    def lex_backslashes(self, start: int) -> int:
        text = self.text
        pos = start
        while pos < self.n and text[pos] == "\\":
            pos += 1
        count = pos - start
        if pos < self.n and text[pos] == "$":
            return self.lex_dollar(start, pos)
        if count % 2 == 0 and _HASH_DOLLAR_CONTROL.match(text, pos):
            # DOUBLE_ESCAPEs before '#$#end', '#$#if(': the token after them is a
            # directive, so k of the 2k backslashes print ('\\\\#$#if(true)y#end' prints '\\y').
            self.emit("TEXT", "\\" * (count // 2), start, pos)
            return pos
        if pos < self.n and text[pos] == "#":
            name, name_end, braced = self.directive_name(pos)
            if name is not None and count % 2 and not self.is_directive_name(name):
                # ESCAPE_DIRECTIVE with a name that is no directive: its image is text, and
                # no argument list follows it ('\\#a($x' prints '\\#a(1').
                self.emit("TEXT", text[start:name_end], start, name_end)
                return name_end
            # An odd escape checks the name without its braces, an even one as written.
            if name is not None and self.is_directive_name(name, braced and count % 2 == 0):
                k = count // 2
                if count % 2:
                    # Escaped directive: it prints as text and does not run (§1.4).
                    self.emit("TEXT", "\\" * k + text[pos:name_end], start, name_end)
                    return name_end
                if _SET.match(text, pos):
                    self.emit("TEXT", "\\" * count, start, pos)
                else:
                    self.emit("TEXT", "\\" * k, start, pos)
                return pos
        self.emit("TEXT", "\\" * count, start, pos)
        return pos

    def is_directive_name(self, name: str, braced: bool = False) -> bool:
        if name == "evaluate":
            # API Gateway removes #evaluate, so an escaped one is not a directive there.
            return self.macros_enabled
        # Velocity checks a braced name ('{mm}') against the macro names as written, so a
        # braced macro call never counts as an escaped directive.
        return name in BUILTIN_DIRECTIVES or (not braced and name in self.macro_names)

    def directive_name(self, pos: int) -> tuple[str | None, int, bool]:
        """The directive name after the ``#`` at ``pos``: (name, end, braced)."""
        m = _BRACKETED_WORD.match(self.text, pos + 1)
        if m:
            return m.group(1), m.end(), True
        m = _WORD.match(self.text, pos + 1)
        if m:
            return m.group(), m.end(), False
        return None, pos + 1, False

    # -- references (§1) -----------------------------------------------------------------

    def lex_dollar(self, start: int, dollar: int) -> int:
        """A ``$`` at ``dollar`` with backslashes from ``start``: a reference or text."""
        text = self.text
        pos = dollar + 1
        bang = False
        if pos < self.n and text[pos] == "!":
            bang = True
            pos += 1
        if pos >= self.n:
            raise self.error(dollar, "a reference needs a name after '$'")
        ch = text[pos]
        if ch == "#":
            if start < dollar and (dollar - start) % 2:
                end = self.escaped_hash_chain(start, dollar, pos)
                if end >= 0:
                    return end
            end = self.lex_hash_after_dollar(start, dollar, pos, bang)
            if _SET.match(text, pos) or text.startswith(("#*", "#[["), pos):
                # '$#set(...)': its DOLLAR pushed REFERENCE, where the text after ')' is
                # lexed ('$#set($q=1).v.w' prints '.v', '$#set($q=1)[' fails).
                return self.after_reference_comments(end)
            return end
        if ch == "$" or ch == "\\":
            return self.lex_dollar_chain(start, dollar)
        if ch == "[" and start < dollar and text[start] == "\\":
            # Backslashes make DOLLAR longer than EMPTY_INDEX: '[' has nothing to index.
            raise self.error(pos, "an index needs a reference before it")
        if ch == "[" or (ch == "." and not bang and start == dollar):
            # EMPTY_INDEX: '$[', '$![', '$.' are plain text.
            self.emit("TEXT", text[start : pos + 1], start, pos + 1)
            return pos + 1
        if ch == ".":
            # '$!.' and '\$.' (DOLLAR, longer than EMPTY_INDEX): before a DOT token the
            # prefix is lost ('$!.a' and '\$.a' print '.a'), before anything else only
            # its backslashes and '$' survive ('$!.' prints '$.').
            if _DOT_IDENT.match(text, pos):
                self.literal_drops.append((start, pos))
                return self.after_reference_words(pos, True)
            self.emit("TEXT", text[start:dollar] + "$", start, pos)
            return pos
        braced = ch == "{"
        name_start = pos + 1 if braced else pos
        m = _IDENT.match(text, name_start)
        if not m and not braced:
            set_match = _SET.match(text, pos)
            if set_match:
                # '$ #set(': the '$' prefix is glued to the #set token and disappears;
                # the REFERENCE state its DOLLAR pushed goes on after ')' ('$ #set($y=1)['
                # fails).
                return self.after_reference_comments(self.lex_set(pos, set_match.end()))
        if not m and braced and text.startswith("{", name_start):
            # '${{x}': the second LCURLY is a stray brace ('${{x}' prints '${{').
            self.emit("TEXT", text[start:name_start], start, name_start)
            end = self.lex_stray_brace(name_start)
            braces = end
            while braces < self.n and text[braces] == "{":
                braces += 1
            if end == name_start and _DOT_IDENT.match(text, braces):
                # '${{.e(': '.e' is lexed as after a property ('${{.e({' fails).
                self.emit("TEXT", text[name_start:braces], name_start, braces)
                return self.after_reference_words(braces, True)
            return end
        if not m and braced:
            m = self._glued_name(name_start)
            if m is not None:
                # '${$x}', '${#$x}': the DOLLAR (and HASH) prefixes glue to the IDENTIFIER,
                # a name no variable has ('${$x}' prints itself, '${$x=' fails).
                return self.lex_reference(start, name_start, m, braced)
        if not m and braced and name_start < self.n and text[name_start] in "[{":
            # LCURLY then LBRACKET or LCURLY: tokens no reference takes there. (A DOLLAR
            # that starts no name there leaves the LCURLY text: '$!{$!{' prints itself.)
            raise self.error(name_start, f"unexpected {text[name_start]!r} after '{{'")
        if not m:
            # Not a reference: only the backslashes and '$' of the prefix survive (R5),
            # but '$!}' (DOLLARBANG then RCURLY) prints whole.
            lit = text[start:name_start] if braced or (bang and ch == "}") else text[start:dollar] + "$"
            self.emit("TEXT", lit, start, name_start)
            if braced and (text.startswith(("#*", "#[["), name_start) or _SET.match(text, name_start)):
                # '${#*c*#x}', '${#set(...)': after the comment or the #set the REFERENCE
                # state goes on ('${#*c*#[' fails).
                return self.after_reference_comments(name_start)
            if braced and _DOT_IDENT.match(text, name_start):
                # '${.e': the '.e' is lexed as after a property ('${.e(' prints as written,
                # '${.e()' fails), as after '$!.'.
                return self.after_reference_words(name_start, True)
            return name_start
        pos = self.lex_reference(start, name_start, m, braced)
        return pos if braced else self.after_reference(pos)

    def _glued_name(self, pos: int) -> re.Match[str] | None:
        """After an LCURLY: an IDENTIFIER that DOLLAR (and HASH) prefixes from ``pos``
        glue to, or None."""
        if pos >= self.n or self.text[pos] not in "$\\#":
            return None
        chain = _BRACE_CHAIN.match(self.text, pos).end()
        return _IDENT.match(self.text, chain) if chain > pos else None

    def escaped_hash_chain(self, start: int, dollar: int, pos: int) -> int:
        """``\\$#$a``: an odd escape, then HASH and DOLLAR prefixes before a name make one
        escaped reference whose prefixes between the first and the last ``$`` are not
        printed (``\\$#$a`` prints ``$a``, as ``\\$a`` does). -1 when no name follows."""
        text = self.text
        m = _HASH_DOLLAR_RUN.match(text, pos)
        if m is None:
            return -1
        braced = text.startswith("{", m.end())
        name_start = m.end() + braced
        name = _IDENT.match(text, name_start)
        if name is None or name.group() in ("true", "false"):
            return -1
        last = text.rfind("$", pos, m.end())
        end = self.lex_reference(start, name_start, name, braced, drop=(dollar, last))
        return end if braced else self.after_reference(end)

    def after_reference(self, pos: int) -> int:
        """What follows a reference without braces, in Velocity's reference state.

        ``{`` may be a stray brace (:meth:`lex_stray_brace`). After a plain ``.name``
        property the state is REFMODIFIER: see :meth:`after_refmod`."""
        if pos < self.n:
            ch = self.text[pos]
            if ch == "{":
                end = self.lex_stray_brace(pos)
                if end > pos:
                    return end
                while end < self.n and self.text[end] == "{":
                    end += 1
                if self._refmod:
                    self.emit("TEXT", self.text[pos:end], pos, end)
                    if self.text.startswith("(", end):
                        # '$a.b{(': the '(' after plain LCURLY tokens is an LPAREN that
                        # never closes ('$m.d{(x)' fails).
                        self.refmod_lparen(end)
                        return end
                    return self.refmod_resumed(end)  # still REFMODIFIER: '$y.d{##x'
                if _DOT_IDENT.match(self.text, end):
                    # '$s{.b.c': a '.name' after the LCURLY prints, its suffixes are dropped.
                    self.emit("TEXT", self.text[pos:end], pos, end)
                    return self.after_reference_words(end, True)
                if self.text.startswith(("#*", "#[["), end):
                    # Still the REFERENCE state after the comment ('$a{#**#[' fails).
                    self.emit("TEXT", self.text[pos:end], pos, end)
                    return self.after_reference_comments(end)
                return pos
            if self._pushed and self.text.startswith("##", pos):
                self._pushed = False
                if not self._refmod:
                    # REFERENCE pushed over REFMODIFIER ('$a.b$[0]', '$a.b$.c()'): the
                    # comment pops back there.
                    return self.refmod_resumed(self.lex_hash(pos, pos))
                if self._hash_brace(pos + 1):
                    return self.lex_stray_brace(pos + 2)  # '$a.b$.c##{x' fails unclosed
                if self.text.startswith("(", pos + 2):
                    # '$a.b$.c##(': the '(' ends both HASHes and is an LPAREN there.
                    self.emit("TEXT", "##", pos, pos + 2)
                    self.refmod_lparen(pos + 2)
                    return pos + 2
            if self._pushed and ch == "#" and not self.text.startswith("##", pos):
                self._pushed = False
                if not self.text.startswith(("#*", "#[["), pos) and not _SET.match(self.text, pos):
                    return self.after_pushed_hash(pos)
                if not self._refmod:
                    return self.after_reference_comments(pos, True)
                return self.after_refmod(pos, False, True)
            if self._refmod:
                if ch in "#$ \t\\":
                    return self.after_refmod(pos, False, self._pushed)
                if ch == "(":
                    if _DOT_IDENT.match(self.text, pos + 1):
                        # '$s.h(.x': no argument can start with '.', so '.h' is a property
                        # and '.x' is lexed as after one ('$s.h(.x.y' prints '$s.h(.x').
                        self.emit("TEXT", "(", pos, pos + 1)
                        return self.after_reference_words(pos + 1, True)
                    self.refmod_lparen(pos)  # after an index
                    return pos
                if ch.isalpha() or ch == "_":
                    return self.after_reference_words(pos, True)  # after '.name[0]'
            elif (ch.isalpha() or ch == "_") and self.tokens[-1].type in ("IDX_RBRACKET", "CALL_RPAREN"):
                # REFERENCE state after an index or a call: the identifier is lexed there.
                return self.after_reference_words(pos)
            elif (ch == "#" and self.text.startswith(("#*", "#[["), pos)) or _SET.match(self.text, pos):
                return self.after_reference_comments(pos)
        return pos

    def after_reference_comments(self, pos: int, over_refmod: bool = False) -> int:
        """Block comments, text blocks and ``#set(...)`` right after a reference leave
        Velocity's lexer in its REFERENCE state, where a ``[`` is an index with nothing
        to index, a parse error (``$a#*c*#[0]``), ``{`` a stray brace and an identifier
        is lexed as :meth:`after_reference_words` says. ``over_refmod``: that state was
        pushed over REFMODIFIER (``$a.b$x#set(...)``), where a ``(`` terminating it is
        then an LPAREN (:meth:`refmod_lparen`)."""
        text = self.text
        while True:
            if text.startswith(("#*", "#[["), pos):
                pos = self.lex_hash(pos, pos)
                continue
            m = _SET.match(text, pos)
            if m is None:
                break
            pos = self.lex_set(pos, m.end())
        if pos < self.n and text[pos] == "[":
            raise self.error(pos, "unexpected '[' after a comment that follows a reference")
        if pos < self.n and text[pos] == "{":
            return self.lex_stray_brace(pos)
        if pos < self.n and (text[pos].isalpha() or text[pos] == "_"):
            return self.after_reference_words(pos)
        if text.startswith(".", pos) and _DOT_IDENT.match(text, pos):
            return self.after_reference_words(pos, True)  # '$#set($q=1).v.w' prints '.v'
        if over_refmod and text.startswith("##", pos):
            # The comment pops REFERENCE back to REFMODIFIER ('$a.b$#set($c=1)##<newline>##y').
            return self.refmod_resumed(self.lex_hash(pos, pos))
        if over_refmod and text.startswith("$", pos):
            q = pos + 2 if text.startswith("!", pos + 1) else pos + 1
            if self._hash_brace(q):
                return self.lex_stray_brace(q + 1)  # '$a.b$x#*c*#$#{x.y}', as after '.b'
        if over_refmod and text.startswith("(", pos):
            self.refmod_lparen(pos)
        elif over_refmod and text.startswith("#", pos) and (
                self.directive_name(pos)[0] is not None or self._hash_brace(pos) or text.startswith("(", pos + 1)):
            return self.after_pushed_hash(pos)  # its HASH pops back to REFMODIFIER
        return pos

    def after_reference_words(self, pos: int, refmod: bool = False) -> int:
        """An identifier in Velocity's REFERENCE state (after ``$a[0]``, ``$a.b()``, the
        EMPTY_INDEX ``$$.``): it prints, the suffixes after it are dropped
        (``$a[0]x.y`` prints ``A[0]x``) and leave the state REFMODIFIER."""
        pos, refmod = self._refmod_words(pos, refmod)
        if refmod:
            return self.after_refmod(pos, True)
        if self.text.startswith(("#*", "#[["), pos) and self.tokens and self.tokens[-1].end_pos == pos:
            # Still the REFERENCE state after the word and a comment ('$#[[]]#e#**#[' fails).
            return self.after_reference_comments(pos)
        return pos

    def after_refmod(self, pos: int, interrupted: bool, pushed: bool = False) -> int:
        """What follows a ``.name`` property, in Velocity's REFMODIFIER state.

        That state has no ``##`` token: ``#`` is a HASH prefix there, and what follows is
        lexed in the directive state with that ``#`` glued on (``$a.b##x`` prints
        ``A##x``, ``$a.b##if(`` runs the ``#if``). Block comments, text blocks and
        ``#set(...)`` (with its leading blanks) push that state and pop back to it, and
        ``$}``/``$!}`` (RCURLY with its prefix) print and keep it, so the rule carries on
        past them (``$a.b#[[x]]###y`` prints ``Ax##y``, ``$a.b#set($c=1)##y`` prints
        ``A##y``); see :meth:`_refmod_words` for what else is lexed in it after them.
        ``interrupted``: one of those came since the reference (a ``$.name`` is then no
        suffix, its ``$`` is dropped). ``pushed``: a ``$`` prefix of the reference pushed
        REFMODIFIER (``$a.b$.c``), so a directive's HASH pops back to it
        (:meth:`after_pushed_hash`)."""
        text, n = self.text, self.n
        while pos < n:
            ch = text[pos]
            if ch == "\\":
                # Backslashes before '$#': the same as '$#' ('$a.b\\$#end##x' prints '##x').
                m = _ESCAPED_DOLLAR_HASH.match(text, pos)
                if m and self._hash_brace(m.end() - 1):
                    return self.lex_stray_brace(m.end())  # '$a.b\\$#{x.y}', as '$#{x.y}'
                if m is None:
                    r = _ESCAPED_REF.match(text, pos)
                    end = self.ref_in_refmod(pos, r.end()) if r else -1
                    return pos if end < 0 else end  # '$a.b\\$x#e##y', as '$a.b$x'
                name = self.directive_name(m.end() - 1)[0]
                if name in ("if", "elseif"):
                    return self.refmod_dollar_if(pos, text.index("$", pos), m.end() - 1)
                if name in _REFMOD_LEAVERS and not text.startswith("##", m.end() - 1):
                    return pos
                pos = self.lex_hash_after_dollar(pos, text.index("$", pos), m.end() - 1, text[m.end() - 2] == "!")
            elif ch == "$":
                p = pos + 2 if text.startswith("!", pos + 1) else pos + 1
                if p < n and text[p] == "}":
                    self.emit("TEXT", text[pos : p + 1], pos, p + 1)
                    pos = p + 1
                elif interrupted and _DOT_IDENT.match(text, p):
                    pos = p
                    pushed = True  # the DOLLAR pushed REFMODIFIER ('...#if(true)$.t#end##,')
                elif text.startswith("{}", p):
                    self.emit("TEXT", text[pos : p + 2], pos, p + 2)
                    pos = p + 2
                elif text.startswith(("{(", "{##"), p):
                    # '${' that starts no name: the LCURLY prints in the REFERENCE state the
                    # DOLLAR pushed, which a '(' ends (an LPAREN that never closes:
                    # '$s.e${()' fails) and a comment pops back here ('$s.e${##<newline>## '
                    # prints '$s.e${## ').
                    self.emit("TEXT", text[pos : p + 1], pos, p + 1)
                    if text[p + 1] == "(":
                        self.refmod_lparen(p + 1)
                        return p + 1
                    pos = self.lex_hash(p + 1, p + 1)
                elif text.startswith("$", p) and (end := self._dollars_ref_in_refmod(pos, p)) >= 0:
                    return end
                elif p == pos + 1 and text.startswith("#", p) and (num := _NUMBER.match(text, p + 1)):
                    # '$#5': the number ends the HASH's state, back in REFMODIFIER
                    # ('$h.t$#5##x' prints '$#5##x').
                    self.emit("TEXT", text[pos : num.end()], pos, num.end())
                    pos = num.end()
                elif text.startswith("##", p):
                    # '$##': the DOLLAR pushed REFERENCE, which the comment pops, so the
                    # state is REFMODIFIER after it ('$a.b$##c<newline>##y' prints '$##y').
                    pos = self.lex_hash_after_dollar(pos, pos, p, p > pos + 1)
                elif self._hash_brace(p):
                    # '$#{x.y}': '{x.y' is no BRACKETED_WORD, so a DIRECTIVE_TERMINATOR
                    # pops back here, losing the prefixes, and '{' is a stray brace
                    # ('$a.b$#{x.y} z' prints 'A{ z').
                    return self.lex_stray_brace(p + 1)
                elif p < n and text[p] == "#" and self.directive_name(p)[0] not in _REFMOD_LEAVERS:
                    # '$#end', '$#word(...)': the token takes the prefix and the state
                    # stays REFMODIFIER.
                    pos = self.lex_hash_after_dollar(pos, pos, p, p > pos + 1)
                elif p == pos + 1 and (text.startswith(("#*", "#[["), p) or _SET.match(text, p)):
                    # '$#set(...)', '$#*c*#', '$#[[t]]#': the DOLLAR pushed REFERENCE, which
                    # a following '#end' pops back to REFMODIFIER ('$a.b$#*c*##end##x'
                    # prints '##x'); anything else leaves it there.
                    end = self.lex_hash_after_dollar(pos, pos, p, False)
                    while True:
                        m = _SET.match(text, end)
                        if m:
                            end = self.lex_set(end, m.end())
                        elif text.startswith(("#*", "#[["), end):
                            end = self.lex_hash(end, end)
                        else:
                            break
                    if self.directive_name(end)[0] != "end" or text[end : end + 1] != "#":
                        return self.after_reference_comments(end, True)
                    pos = self.lex_hash(end, end)
                elif p < n and text[p] == "#" and self.directive_name(p)[0] in ("if", "elseif"):
                    return self.refmod_dollar_if(pos, pos, p)
                else:
                    end = self.ref_in_refmod(pos, p)
                    return pos if end < 0 else end
            elif ch != "#" or (text.startswith("#set", pos) or text.startswith("#{set}", pos)):
                m = _SET.match(text, pos)
                if m is None:
                    return pos
                pos = self.lex_set(pos, m.end())
            else:
                nxt = text[pos + 1] if pos + 1 < n else ""
                if nxt == "#":
                    m = _REFMOD_HASH_NUMBER.match(text, pos)
                    if m:
                        # '##' and '$' prefixes before a number: the number prints alone
                        # ('$a.b##$5' prints 'A5').
                        return m.end()
                    m = _REFMOD_HASH_DOT.match(text, pos)
                    if m is None:
                        end = self.lex_hash(pos, pos + 1)
                        if text.startswith(("#", "*", "[["), pos + 2) or self.tokens[-1].type == "DIR_RPAREN":
                            # A comment, text block or directive with arguments after the
                            # HASH returns to the directive state ('$a.b###c\nt(x)' and
                            # '$a.b##if(5)t(' make 't(' a directive).
                            return self.lex_pre_directive(end)
                        return end
                    # '##$.name' after a comment or #set: the prefixes are lost and '.name'
                    # prints as a word ('$a.b#set($c=1)##$.x' prints 'A.x').
                    pos = m.end()
                elif nxt != "*" and not text.startswith("[[", pos + 1):
                    if pushed and (self.directive_name(pos)[0] is not None or self._hash_brace(pos)):
                        return self.after_pushed_hash(pos)  # '$a.b$.c#*x*##e##y'
                    return pos
                else:
                    pos = self.lex_hash(pos, pos)
            interrupted = True
            pos, still = self._refmod_words(pos)
            if not still:
                return pos
        return pos

    def _hash_brace(self, pos: int) -> bool:
        """Whether ``pos`` holds ``#{`` then a name (or ``$``) that is no BRACKETED_WORD:
        a stray brace after a ``$#`` prefix in the REFMODIFIER state."""
        text = self.text
        if not text.startswith("#{", pos) or _BRACKETED_WORD.match(text, pos + 1):
            return False
        return pos + 2 < self.n and (text[pos + 2].isalpha() or text[pos + 2] in "_$[")

    def _dollars_ref_in_refmod(self, pos: int, p: int) -> int:
        """``$$m`` (or ``$!$m``) in the REFMODIFIER state: the prefixes print and ``$m``
        is lexed as :meth:`ref_in_refmod` says (``$a.v$$m(x]`` fails). -1 when no name
        follows the run of ``$``."""
        text = self.text
        last = p
        while last + 1 < self.n and text[last + 1] == "$":
            last += 1
        q = last + 1
        if q >= self.n or not (text[q].isalpha() or text[q] in "_{"):
            return -1
        count = len(self.tokens)
        self.emit("TEXT", text[pos:last], pos, last)
        end = self.ref_in_refmod(last, q)
        if end < 0:
            del self.tokens[count:]
        return end

    def refmod_dollar_if(self, start: int, dollar: int, hash_pos: int) -> int:
        """``$#if(...)`` (``$!``, backslashes before) after a property: the prefix is lost
        and the condition's ``)`` returns to REFMODIFIER (``$a.b$#if(true)##y#end`` prints
        ``A##y``), where a ``(`` opens the never-closing argument list."""
        end = self.lex_hash_after_dollar(start, dollar, hash_pos, hash_pos > dollar + 1)
        if self.text.startswith("(", end):
            self.refmod_lparen(end)  # '$a.b$#if(true)( ' fails
            return end
        return self.after_reference_words(end, True)

    def ref_in_refmod(self, pos: int, p: int) -> int:
        """A reference ``$x``, ``$!x`` or ``${x}`` at ``pos`` (name at ``p``) in the
        REFMODIFIER state: its DOLLAR pushes that state, so where the reference ends (a
        ``}``, a ``#`` that pops its REFERENCE state) the state is REFMODIFIER again
        (``$a.b$x#end##y`` and ``$a.b${x}##y`` print ``##y``). A ``##``, ``#*``, ``#[[``
        or ``#set(`` right after ``$x`` is lexed in the REFERENCE state and leaves it.
        Returns where the reference and what is lexed in REFMODIFIER after it end, or -1
        when it is no such reference."""
        text, n = self.text, self.n
        braced = p < n and text[p] == "{"
        name_start = p + 1 if braced else p
        m = _IDENT.match(text, name_start)
        if m is None or m.group() in ("true", "false"):
            return -1
        self._push_next = True
        end = self.lex_reference(pos, name_start, m, braced)
        if text.startswith("(", end):
            self.refmod_lparen(end)
            return end
        if not braced:
            ch = text[end] if end < n else ""
            if ch == "}":
                self.emit("TEXT", "}", end, end + 1)
                end += 1
            elif ch == "#" and not text.startswith(("##", "#*", "#[["), end) and not _SET.match(text, end):
                return self.after_pushed_hash(end)
            elif ch == "#" and text.startswith("##", end) and not self._refmod:
                # The comment pops REFERENCE back to REFMODIFIER ('$a.b$x##c<newline>##y').
                return self.refmod_resumed(self.lex_hash(end, end))
            elif ch == "#" and not text.startswith("##", end):
                if self._refmod:
                    return self.after_refmod(end, False, True)  # '$a.b$x.y#**###/' prints '##/'
                return self.after_reference_comments(end, True)
            elif ch == "$":
                q = end + 2 if text.startswith("!", end + 1) else end + 1
                if self._hash_brace(q):
                    return self.after_refmod(end, False)  # '$a.b$x$#{x.y}', as after '.b'
                if q < n and (text[q] == "{" or text[q].isalpha() or text[q] == "_"):
                    if self._refmod:
                        return self.after_refmod(end, False)
                    nested = self.ref_in_refmod(end, q)
                    return end if nested < 0 else nested  # '$a.b$m${' lexes '${' as text
                return self.after_reference(end)
            else:
                return self.after_reference(end)
        end, still = self._refmod_words(end)
        if not still:
            return end
        return self.after_refmod(end, True)

    def after_pushed_hash(self, pos: int) -> int:
        """A directive right after a reference whose ``$`` pushed the REFMODIFIER state
        (see :meth:`ref_in_refmod`): its ``#`` pops back to REFMODIFIER. ``#set`` leaves
        it; ``#if`` and ``#elseif`` return to it after the condition's ``)``, so a ``##``
        there is no comment (``$h.t$x#if(true)##y`` prints ``TX##y``) and a word drops its
        suffixes (``$h.t$x#if(true)w.y`` prints ``TXw``); after another directive the rules
        of :meth:`after_refmod` carry on."""
        if self.text.startswith("#[", pos) and not self.text.startswith("#[[", pos):
            # '$h.t$f#[0]': the HASH pops back to REFMODIFIER, where '[' indexes the
            # reference ('$f#[0]' is '$f[0]', printing '$f#[0]' when null).
            self.emit("IDX_LBRACKET", "[", pos + 1, pos + 2)
            end = self.lex_args(pos + 2, INDEX)
            self._refmod = self._pushed = False
            return self.after_reference(end)
        if self._hash_brace(pos):
            # '#{x.y' is no BRACKETED_WORD: a DIRECTIVE_TERMINATOR pops back to
            # REFMODIFIER, where '{' is a stray brace ('$h.t$x#{o.p} z' prints 'TX{ z').
            return self.lex_stray_brace(pos + 1)
        name = self.directive_name(pos)[0]
        if name is None and self.text.startswith("(", pos + 1):
            # '$a.b$c#(': the '(' ends the HASH and is an LPAREN in REFMODIFIER.
            self.emit("TEXT", "#", pos, pos + 1)
            self.refmod_lparen(pos + 1)
            return pos + 1
        if name in _REF_REFMOD_LEAVERS:
            end = self.lex_hash(pos, pos)
            if name not in ("if", "elseif"):
                return end
            if self.text.startswith("(", end):
                self.refmod_lparen(end)  # '$h.t$x#if(true)( ' fails
                return end
            return self.after_reference_words(end, True)
        return self.refmod_resumed(self.lex_hash(pos, pos))

    def refmod_resumed(self, pos: int) -> int:
        """Lexing back in the REFMODIFIER state at ``pos`` after a directive or comment
        popped back to it: :meth:`_refmod_words`, then :meth:`after_refmod`."""
        end, still = self._refmod_words(pos)
        return self.after_refmod(end, True) if still else end

    def _refmod_words(self, pos: int, refmod: bool = True) -> tuple[int, bool]:
        """See :meth:`after_refmod`: what follows a comment in the REFMODIFIER state: an
        identifier or ``.name`` prints and the suffixes after it are dropped
        (``$a.b#*c*#w.x[0]`` prints ``Aw``), ``{`` is a stray brace, ``[``, ``(``, ``true``
        and ``false`` are parse errors.
        Returns where it ends and whether the state is still REFMODIFIER there."""
        text, n = self.text, self.n
        while pos < n:
            ch = text[pos]
            if ch in "#$ \t":
                return pos, refmod
            if ch == "[":
                raise self.error(pos, "unexpected '[' after a property")
            if ch == "{":
                end = self.lex_stray_brace(pos)
                if end > pos:
                    return end, False
                while pos < n and text[pos] == "{":
                    pos += 1
                self.emit("TEXT", text[end:pos], end, pos)
                continue
            if ch == "(" and refmod:
                if _DOT_IDENT.match(text, pos + 1):
                    # No argument starts with '.': '(' is text and '.name' a word.
                    self.emit("TEXT", "(", pos, pos + 1)
                    pos += 1
                    continue
                self.refmod_lparen(pos)  # right after a comment or text block
                return pos, False
            m = _DOT_IDENT.match(text, pos) if ch == "." else _IDENT.match(text, pos)
            if m is None:
                return pos, False
            if m.group() in ("true", "false", ".true", ".false"):
                raise self.error(pos, f"unexpected '{m.group()}' after a property")
            # It prints; '.name', '.name(...)' and '[...]' parts after it are dropped.
            self.emit("TEXT", m.group(), pos, m.end())
            pos = m.end()
            if pos < n and (text[pos] in ".[" or (refmod and _DOLLAR_DOT.match(text, pos))):
                end = self._skip_dropped(pos) if refmod else self._skip_suffixes(pos)
                bad = re.search(r"\.(?:true|false)\b", text[pos:end])
                if bad:
                    raise self.error(pos + bad.start() + 1, "unexpected boolean after a property")
                if "[" in text[pos:end]:
                    self._check_indexes(pos, end)
                if text[end - 1] == ")":
                    return end, False  # a method call leaves the REFMODIFIER state
                # A '.name' property leaves it REFMODIFIER, an index keeps the state.
                refmod = refmod or text[pos] in ".$\\" or "]." in text[pos:end]
                pos = end
            elif pos < n and text[pos] == "(" and refmod:
                if _DOT_IDENT.match(text, pos + 1):
                    continue  # '(' then '.name': as above ('${.e(.a' prints itself)
                self.refmod_lparen(pos)
                return pos, False
        return pos, False

    def _skip_dropped(self, pos: int) -> int:
        """:meth:`_skip_suffixes`, also past ``$.name`` and ``$!.name`` (a DOLLAR glued to
        the DOT: ``$a.b#*c*#w$.x.y`` prints ``Aw``)."""
        while True:
            end = self._skip_suffixes(pos)
            m = _DOLLAR_DOT.match(self.text, end)
            if m is None:
                return end
            pos = m.end()

    def _check_indexes(self, pos: int, end: int) -> None:
        """Parse errors in the ``[...]`` suffixes from ``pos`` to ``end`` that
        :meth:`_refmod_words` drops: an index holds one string, integer, boolean or
        reference (``$a.b#*c*#d[]`` fails)."""
        text = self.text
        while pos < end:
            m = _DOT_IDENT.match(text, pos)
            if m:
                pos = m.end()
                if pos < end and text[pos] == "(":
                    pos = self._skip_balanced(pos, "(", ")")
                continue
            count = len(self.tokens)
            close = self.lex_args(pos + 1, INDEX)
            kinds = [tok.type for tok in self.tokens[count:]]
            del self.tokens[count:]
            if kinds[0] not in _INDEX_VALUES or (kinds[0] != "REF_HEAD" and len(kinds) != 2):
                raise self.error(pos + 1, "an index holds a string, an integer, a boolean or a reference")
            pos = close

    def refmod_lparen(self, pos: int) -> None:
        """A ``(`` in the REFMODIFIER state where no method name comes before it (after an
        index, a comment, a reference that a ``$`` began there), or one before a ``#``
        after ``.name``: LPAREN opens an argument list that never closes. Up to the end of
        the template only words, numbers and strings (which Velocity's parser takes as
        text; ``true`` and ``false`` not), block comments and directives (``#x``,
        ``#if(...)``, ``#end``) and references (``$x``, ``$!{x}``, ``$#$x``) may follow,
        which print as usual; anything else (a blank, ``)``, ``|``, ``##``, ``..``) is an
        error. Only checks: the text is lexed as usual afterwards."""
        text = self.text
        i = pos + 1
        while True:
            bad = _LPAREN_TEXT_STOP.search(text, i)
            stop = bad.start() if bad else self.n
            reached = self._check_lparen_words(i, stop)
            if reached > stop:
                i = reached  # a number went on past a '.'
                continue
            if bad is None:
                return
            i = stop
            if text[i] in "-.":
                m = _NUMBER.match(text, i)
                if m and not m.group().endswith(".."):
                    i = m.end()
                    continue
            if text[i] in "'\"":
                end = self._skip_string(i)
                if any(c in "$#\\" for c in text[i:end]):
                    # A STRING_LITERAL token there: printed as written, not lexed as text.
                    self._verbatim[i] = end
                i = end
                continue
            if text.startswith(("$##", "$!##"), i):
                # A DOLLAR glued to a line comment ('#$.e($##' prints '.e($').
                m = _NEWLINE.search(text, i)
                i = m.end() if m else self.n
                continue
            if text[i] == "$":
                m = _LPAREN_REF.match(text, i)
                if m:
                    i = self._skip_suffixes(m.end())
                    if not m.group().endswith("}") and text.startswith("}", i):
                        i += 1  # an RCURLY right after an unbraced reference ('$l}')
                    continue
                m = _DOLLARS_RCURLY.match(text, i)
                if m:
                    i = m.end()  # '$}', '$!}', '$$}': RCURLY with its prefixes
                    continue
            if text[i] != "#":
                raise self.error(i, "unexpected text after a '(' following a property")
            i = self._skip_hash_item(i)

    def _check_lparen_words(self, start: int, end: int) -> int:
        """The words from ``start`` to ``end`` after a ``(`` that never closes (see
        :meth:`refmod_lparen`): numbers and identifiers, but no ``true``/``false`` token.
        Returns where they end (past ``end`` when a number goes on: ``1.5``)."""
        text = self.text
        i = start
        while i < end:
            m = _NUMBER.match(text, i) if text[i].isdigit() else None
            if m is not None and m.group().endswith(".."):
                raise self.error(m.end() - 2, "unexpected '..' after a '(' following a property")
            if m is not None and m.end() > end:
                i = m.end()  # '1.5': the number goes on past the '.'
                continue
            w = _LPAREN_WORD.match(text, i)
            if w.group() in ("true", "false"):
                raise self.error(i, f"unexpected '{w.group()}' after a '(' following a property")
            i = w.end()
        return i

    def _skip_string(self, i: int) -> int:
        """Where the string literal at ``i`` ends (a doubled quote goes on); unterminated
        is an error."""
        quote = self.text[i]
        p = i + 1
        while True:
            close = self.text.find(quote, p)
            if close < 0:
                raise self.error(i, "unterminated string literal")
            if not self.text.startswith(quote, close + 1):
                return close + 1
            p = close + 2

    def _skip_hash_item(self, i: int) -> int:
        """Where the comment or directive (with its parenthesised arguments and the
        newline its ``)`` takes) at the ``#`` at ``i`` ends, for :meth:`refmod_lparen`."""
        text, n = self.text, self.n
        if text.startswith("##", i) and self.directive_name(i + 1)[0] is not None:
            # A HASH prefix glued to a directive ('$y.k(##if(true)x#end'): lex_hash takes
            # it as such instead of a comment.
            self._hash_prefixed.add(i)
            i += 1
        if text.startswith("###", i):
            # A HASH prefix glued to a line comment ('$m.e(### z<newline>w' prints '$m.e(w').
            self._hash_prefixed.add(i)
            m = _NEWLINE.search(text, i)
            return m.end() if m else n
        if text.startswith(("#*", "#[["), i):
            close = "*#" if text[i + 1] == "*" else "]]#"
            end = text.find(close, i + 2)
            return end + len(close) if end >= 0 else n
        name, end, _braced = self.directive_name(i)
        if name is None:
            if _DOT_IDENT.match(text, i + 1):
                # '#.a': a DOT there leaves the LPAREN's state for REFMODIFIER, where the
                # check ends ('$s.e(#.a z' prints itself).
                return n
            if i + 1 < n and text[i + 1] in "'\"0123456789":
                # PRE_DIRECTIVE ends on a special token there: the '#' prints and what
                # follows is lexed on ('${.e(#'a'x' prints itself).
                return i + 1
            raise self.error(i, "unexpected text after a '(' following a property")
        p = _skip_ws(text, end) if name not in ("else", "end") else end
        if p < n and text[p] == "(" and name not in ("else", "end"):
            end = self._skip_balanced(p, "(", ")")
        m = _GOBBLE.match(text, end)
        return m.end() if m else end

    def lex_dollar_chain(self, start: int, dollar: int) -> int:
        """A ``$`` followed by ``$`` or a backslash (``$$a``, ``$\\$a``, ``$\\#if``, ``$\\!a``).

        In Velocity's reference state ``\\*$`` (DOLLAR) and ``\\*$\\*!`` (DOLLARBANG) are
        MORE tokens too, so such a run of ``$`` prefixes is one chain glued to what follows:

        - a name: one reference whose image is the whole chain. ``ASTReference`` counts the
          escapes on the backslashes before the first ``$`` and keeps everything from there
          to the last ``$`` as a prefix printed before the value (``$\\$a`` -> ``$\\A``),
          or drops that prefix when the reference is escaped (``\\$$a`` -> ``$a``). A
          backslash between a ``$`` and its ``!`` (``$\\!a``) makes the reference plain text
          with that backslash removed, suffixes and all.
        - backslashes that are not followed by ``$``: they start the next token of the text
          state, which carries the chain as special text. ``\\\\`` (DOUBLE_ESCAPE) and
          ``\\#name`` (ESCAPE_DIRECTIVE) print without it (``$\\#if`` -> ``#if``); a lone
          ``\\`` prints it (``$\\x`` -> ``$\\x``).
        - anything else ends the chain as R5 says: only its ``$`` (and escaped ``\\$``) survive.
        """
        text, n = self.text, self.n
        pos = dollar
        slashbang = False
        while True:
            if text.startswith(_EMPTY_INDEX, pos) and (pos == 0 or text[pos - 1] != "\\"):
                # Unless a backslash makes a longer DOLLAR of it, EMPTY_INDEX beats DOLLAR
                # here too and is text, chain and all ('$$[1]').
                end = text.index("[" if text[pos + 1] != "." else ".", pos) + 1
                self.emit("TEXT", text[start:end], start, end)
                if text[end - 1] == "." and end < n and (text[end].isalpha() or text[end] == "_"):
                    return self.after_reference_words(end)
                return end
            last = pos  # the last '$' of the chain
            pos += 1
            run = pos
            while run < n and text[run] == "\\":
                run += 1
            bang = run < n and text[run] == "!"
            if bang:
                slashbang = slashbang or run > pos
                pos = run = run + 1
                while run < n and text[run] == "\\":
                    run += 1
            if run < n and text[run] == "$":
                pos = run
                continue
            break
        chain = text[start:pos]
        if run > pos:
            # Backslashes not followed by '$': the text state's escape tokens take over.
            if not self.escape_drops_prefix(pos):
                self.emit("TEXT", _special_text(chain), start, pos)
            return pos
        if pos >= n:
            raise self.error(last, "a reference needs a name after '$'")
        ch = text[pos]
        if ch == "#":
            end = self.lex_hash_after_dollar(start, last, pos, bang)
            if _SET.match(text, pos) or text.startswith(("#*", "#[["), pos):
                # '$$#set(...)', '$$#*c*#', as '$#set(...)': the REFERENCE state goes on.
                return self.after_reference_comments(end)
            return end
        if ch == "[":
            raise self.error(pos, "an index needs a reference before it")
        if ch == ".":
            if not _DOT_IDENT.match(text, pos):
                # Before anything but '.name' only the chain's '$'s print ('$$!.:').
                self.emit("TEXT", _special_text(chain), start, pos)
                return pos
            # Before '.name' the chain is lost and '.name' lexed as after a property, as
            # with '$!.' ('$$!.x.y z' prints '.x z').
            return self.after_reference_words(pos, True)
        braced = ch == "{"
        name_start = pos + 1 if braced else pos
        m = _IDENT.match(text, name_start) or (self._glued_name(name_start) if braced else None)
        if not m:
            set_match = None if braced else _SET.match(text, pos)
            if set_match:
                return self.after_reference_comments(self.lex_set(pos, set_match.end()))
            if braced and text.startswith("[", name_start):
                raise self.error(name_start, "unexpected '[' after '{'")
            if braced or ch == "}":
                # LCURLY and RCURLY tokens print their whole image ('$$!{ x}', '$$!}').
                end = name_start if braced else pos + 1
                self.emit("TEXT", text[start:end], start, end)
                if braced and _DOT_IDENT.match(text, end):
                    return self.after_reference_words(end, True)  # '$${.e(', as '${.e('
                return end
            self.emit("TEXT", _special_text(chain), start, name_start)
            return name_start
        if slashbang:
            # ASTReference.getRoot: an image with '\!' is no reference; it prints its first
            # token less one backslash of the first run after the first '$'.
            image = text[start : m.end() if not braced else name_start]
            first = image.index("\\", image.index("$"))
            self.emit("TEXT", image[:first] + image[first + 1 :], start, m.end())
            end = self._skip_suffixes(m.end())
            if braced:
                if end >= n or text[end] != "}":
                    raise self.error(end, "missing '}' to close the formal reference '${...'")
                end += 1
            return end
        escapes = 0
        while text[start + escapes] == "\\":
            escapes += 1
        if escapes % 2:
            # Escaped: the prefix between the first and the last '$' is not printed.
            pos = self.lex_reference(start, name_start, m, braced, drop=(start + escapes, last))
        else:
            # k of the 2k backslashes, then the prefix, then the reference. (Velocity writes
            # 2k backslashes when the value is null; only the non-null form, which is also
            # API Gateway's for an unset name, is reproduced when k > 0.)
            self.emit("TEXT", text[start : start + escapes // 2] + text[start + escapes : last], start, last)
            pos = self.lex_reference(last, name_start, m, braced)
        return pos if braced else self.after_reference(pos)

    def escape_drops_prefix(self, pos: int) -> bool:
        """Whether the backslashes at ``pos`` start a DOUBLE_ESCAPE (``\\\\``) or an
        ESCAPE_DIRECTIVE (``\\#name``): nodes that print without the special text of a
        MORE prefix before them (``$\\#if``, ``#\\\\x``)."""
        text, n = self.text, self.n
        run = pos
        while run < n and text[run] == "\\":
            run += 1
        return run - pos >= 2 or (run < n and text[run] == "#" and self.directive_name(run)[0] is not None)

    def lex_reference(
        self, start: int, name_start: int, m: re.Match[str], braced: bool,
        drop: tuple[int, int] | None = None,
    ) -> int:
        """Emit a reference whose name ``m`` matched: head, suffixes, closing ``}``.

        The head token spans ``start`` to the name's end; its value is that source, less
        the span ``drop`` if given (an escaped chain of ``$`` prefixes, see
        :meth:`lex_dollar_chain`)."""
        text = self.text
        name = m.group()
        if name in ("true", "false"):
            raise self.error(name_start, f"'{name}' cannot be used as a reference name")
        value = text[start : m.end()] if drop is None else text[start : drop[0]] + text[drop[1] : m.end()]
        self.emit("REF_HEAD", value, start, m.end())
        pos = self.lex_ref_suffixes(m.end(), braced)
        if braced:
            # DOLLAR prefixes glue to the RCURLY, which closes the reference all the same
            # ('${s$}' prints the value of $s, its literal keeps the '$').
            close = _DOLLAR_CHAIN.match(text, pos).end()
            if close < self.n and text[close] == "}":
                self.emit("REF_RBRACE", text[pos : close + 1], pos, close + 1)
                return close + 1
            raise self.error(pos, "missing '}' to close the formal reference '${...'")
        return pos

    def lex_stray_brace(self, pos: int) -> int:
        """``$a{b}`` after a reference: Velocity's lexer is still in its reference state, so
        the ``{``s are printed and a following ``name.suffixes}`` is swallowed."""
        text = self.text
        braces = pos
        while braces < self.n and text[braces] == "{":
            braces += 1
        m = _IDENT.match(text, braces)
        if not m and text.startswith(("$", "#$", "\\"), braces):
            # '{$name...}', '{\\$name', '{#$name': DOLLAR (and HASH) prefixes glue to the
            # identifier there.
            m = _IDENT.match(text, _BRACE_CHAIN.match(text, braces).end())
        if not m:
            if text.startswith("[", braces):
                raise self.error(braces, "unexpected '[' after '{' following a reference")
            if _SET.match(text, braces):
                # LCURLY tokens: the blanks before a '#set' after them are its own.
                self.emit("TEXT", text[pos:braces], pos, braces)
                return braces
            return pos  # plain '{'s are text
        end = self._skip_suffixes(m.end())
        if end >= self.n or text[end] != "}":
            raise self.error(end, "expected '}' or '[' after '{name' following a reference")
        self.emit("TEXT", text[pos:braces], pos, braces)
        return end + 1

    def _skip_suffixes(self, pos: int) -> int:
        """Skip ``.name``, ``.name(...)`` and ``[...]`` parts (brackets balanced)."""
        text = self.text
        while pos < self.n:
            m = _DOT_IDENT.match(text, pos)
            if m:
                pos = m.end()
                if pos + 1 < self.n and text[pos] == "(" and text[pos + 1] != "#":
                    # ('(' at the end of the template is text after a property, and so is
                    # one before a '#'.)
                    pos = self._skip_balanced(pos, "(", ")")
                continue
            if text[pos] == "[":
                pos = self._skip_balanced(pos, "[", "]")
                continue
            break
        return pos

    def _skip_balanced(self, pos: int, opener: str, closer: str) -> int:
        depth = 0
        while pos < self.n:
            ch = self.text[pos]
            if ch == opener:
                depth += 1
            elif ch == closer:
                depth -= 1
                if depth == 0:
                    return pos + 1
            pos += 1
        raise self.error(pos, f"missing '{closer}'")

    def lex_hash_after_dollar(self, start: int, dollar: int, hash_pos: int, bang: bool) -> int:
        """``$#...``: the dollar prefix leaks into the following token (§5, C16)."""
        text = self.text
        prefix = text[start:hash_pos]
        if text.startswith("##", hash_pos):
            self.emit("TEXT", prefix, start, hash_pos)
            return self.lex_hash(hash_pos, hash_pos)
        m = _SET.match(text, hash_pos)
        if m:
            return self.lex_set(hash_pos, m.end())
        # Otherwise the '$' is a prefix like the '#' of :meth:`lex_hash`: comments and
        # dedicated directive tokens swallow it ('$#if(' runs), a word keeps it and prints
        # itself ('$#foreach(...)', '$#evaluate'), '#[[' drops three characters with it.
        return self.lex_hash(start, hash_pos)

    def lex_ref_suffixes(self, pos: int, braced: bool) -> int:
        """Lex ``.name``, ``.name(...)`` and ``[...]`` suffixes. Sets ``_refmod`` to whether
        the last dotted suffix was a property (Velocity's lexer is then in its REFMODIFIER
        state; a method's ``)`` returns it to REFERENCE, an index keeps the state)."""
        text = self.text
        self._refmod = False
        self._pushed, self._push_next = self._push_next, False
        while pos < self.n:
            ch = text[pos]
            if ch == ".":
                m = _DOT_IDENT.match(text, pos)
                if not m:
                    return pos
                name = m.group(1)
                if name in ("true", "false"):
                    raise self.error(pos + 1, f"'{name}' cannot be used as a property name")
                paren = m.end()
                hashes = _HASHES_RPAREN.match(text, paren + 1) if text.startswith("(#", paren) else None
                if hashes:
                    # '$a.f(#)': HASH prefixes glued to the ')' of a call without arguments.
                    self.emit("METHOD_START", text[pos : paren + 1], pos, paren + 1)
                    self.emit("CALL_RPAREN", ")", hashes.end() - 1, hashes.end())
                    self._refmod = False
                    pos = hashes.end()
                    continue
                if (paren < self.n and text[paren] == "(" and paren + 1 < self.n
                        and (text[paren + 1] != "#" or not (self.hash_starts_item(paren + 1)
                                                            or _DOT_IDENT.match(text, paren + 2)))
                        and not _DOT_IDENT.match(text, paren + 1) and not _DOLLARS_RCURLY.match(text, paren + 1)):
                    self.emit("METHOD_START", text[pos : paren + 1], pos, paren + 1)
                    pos = self.lex_args(paren + 1, CALL)
                    self._refmod = False
                    continue
                self._refmod = True
                last_tok = self.tokens[-1]
                if last_tok.type == "REF_HEAD" and last_tok.end_pos == pos:
                    # Fold plain properties into the reference head: fewer tokens to parse.
                    self.tokens.pop()
                    self.emit("REF_HEAD", last_tok + text[pos:paren], last_tok.start_pos, paren)
                else:
                    self.emit("PROP", text[pos:paren], pos, paren)
                pos = paren
            elif ch == "[":
                self.emit("IDX_LBRACKET", "[", pos, pos + 1)
                refmod = self._refmod
                pos = self.lex_args(pos + 1, INDEX)
                self._refmod = refmod
            elif ch in "$#" and not braced and (end := self._hash_dollar_suffix(pos)):
                pos = end
            elif ch in "$\\" and not self._refmod and not braced and _REF_PREFIX.match(text, pos):
                # The REFERENCE state's EMPTY_INDEX ('$.', '$[', '$![') loses to a longer
                # DOLLAR or DOLLARBANG: that prefix glues to '.name' ('$a$!.b' is '$a.b')
                # or, led by backslashes, to '[' ('$a\\$[0]' is '$a[0]').
                p = _REF_PREFIX.match(text, pos).end()
                if _DOT_IDENT.match(text, p):
                    self.literal_drops.append((pos, p))
                    last_tok = self.tokens[-1]
                    if last_tok.type == "REF_HEAD" and last_tok.end_pos == pos:
                        self.tokens.pop()
                        self.emit("REF_HEAD", str(last_tok), last_tok.start_pos, p)
                elif not (text.startswith("[", p) and text[pos] == "\\"):
                    return pos
                pos = p
            elif ch in "$#\\" and self._refmod:
                # REFMODIFIER has no EMPTY_INDEX: a '$' or '$!' (after backslashes, a '#'
                # or '##') before '.name' or '[' is a prefix of the DOT or LBRACKET token
                # and is dropped ('$a.b$.c' is '$a.b.c', '$a.b##$[0]' is '$a.b[0]').
                m = _PUSHED_HASH_CALL.match(text, pos) if self._pushed and ch == "#" else None
                if m and m.end() < self.n:
                    # '$a.b$.c#(' or '##(': the HASH pops back to the REFMODIFIER its
                    # DOLLAR pushed, where '(' after '.c' opens a method call
                    # ('$a.v$.length#()' prints 1).
                    end = self._prefixed_call(pos, m.end() - 1)
                    if end >= 0:
                        pos = end
                        self._refmod = self._pushed = False
                        continue
                m = _REFMOD_HASHED.match(text, pos)
                if m:
                    # '$#' or '$!#' before '.name' or '[': the DOLLAR's state is popped by
                    # the HASH, which the next character terminates; the suffix joins the
                    # reference, whose literal shows '$#' ('$a.b$!#.c' prints '$a.b$#.c').
                    if text[pos + 1] == "!":
                        self.suffix_drops.append((pos + 1, pos + 2))
                        self.literal_drops.append((pos + 1, pos + 2))
                    pos = m.end()
                    continue
                m = _REFMOD_PREFIX.match(text, pos)
                p = m.end() if m else pos
                if p < self.n and text[p] == "[" and p > pos:
                    self.emit("IDX_LBRACKET", "[", p, p + 1)
                    pos = self.lex_args(p + 1, INDEX)
                    self._refmod = False  # the DOLLAR pushed REFERENCE: ']' returns there
                    self._pushed = "#" not in text[pos:p]  # unless a HASH popped first
                    continue
                hashed = text[pos:p] in ("$", "$!") and text.startswith("#(", p) and p + 2 < self.n
                if hashed and text[p + 2] == "#":
                    self.refmod_lparen(p + 1)  # '$a.b$#(#x': no call, as '$a.b(#x'
                    return pos
                if text.startswith("(", p) and _DOLLARS_RCURLY.match(text, p + 1) and ch != "#" and p > pos:
                    self.refmod_lparen(p)  # '$a.b$($}': no call, as '$a.b($}'
                    return pos
                if (text.startswith("(#", p) and ch != "#" and p > pos and not hashed
                        and self.hash_starts_item(p + 1)):
                    self.refmod_lparen(p)  # '$a.b$(#e': no call, as '$a.b(#e'
                    return pos
                if text.startswith("(", p) and _DOT_IDENT.match(text, p + 1) and ch != "#" and p > pos:
                    # '$a.b$(.e': no call; the prefix prints, '(' is text and '.e' a word
                    # ('$a.b$(.e.f z' prints 'B$(.e z').
                    self.emit("TEXT", _special_text(text[pos:p]) + "(", pos, p + 1)
                    return self.after_reference_words(p + 1, True)
                if hashed or (text.startswith("(", p) and p + 1 < self.n and ch != "#" and p > pos):
                    # '$(', '$!(' and, with a HASH prefix between, '$#(' and '$!#('.
                    bang = text.rfind("$", pos, p) + 1
                    end = self._prefixed_call(pos, p + 1 if hashed else p)
                    if end < 0:
                        return pos
                    if bang < p:
                        # The '!' (and backslashes) of '$!(' is not in the image.
                        self.literal_drops.append((bang, p))
                        self.dropped.append((bang, p))
                    pos = end
                    self._refmod = False
                    continue
                if p == pos or not _DOT_IDENT.match(text, p):
                    return pos
                # A DOLLAR not headed by a HASH pushed REFMODIFIER ('$a.b$.c#e##y' prints
                # '##y').
                self._pushed = self._pushed or ch != "#"
                self.literal_drops.append((pos, p))
                last_tok = self.tokens[-1]
                if last_tok.type == "REF_HEAD" and last_tok.end_pos == pos:
                    self.tokens.pop()
                    self.emit("REF_HEAD", str(last_tok), last_tok.start_pos, p)
                else:
                    self.suffix_drops.append((pos, p))
                pos = p
            else:
                return pos
        return pos

    def _hash_dollar_suffix(self, pos: int) -> int:
        """``#$[0]``, ``$#$.x``, ``$!#$![0]`` after a reference: a chain of MORE prefixes
        whose last ``$`` or ``$!`` follows a HASH (so no EMPTY_INDEX beats it) makes the
        ``[`` or ``.name`` after it an LBRACKET or DOT token that continues the reference
        (``$x#$[0]`` is ``$x[0]`` printing ``$x#$[0]`` when null, ``$x$#$.y`` is
        ``$x.y``). Lexes the index (returns where it ends) or drops the prefixes before
        the ``.name`` (returns where it starts); 0 when no such chain is at ``pos``."""
        text = self.text
        start = pos + 1 if self._refmod and text.startswith("##", pos) else pos
        m = _HASH_DOLLAR_SUFFIX.match(text, start)
        if m is None:
            return 0
        end = m.end()
        if text[end] == "[":
            self.emit("IDX_LBRACKET", "[", end, end + 1)
            self._pushed = self._refmod = False
            return self.lex_args(end + 1, INDEX)
        self.literal_drops.append((pos, end))
        last_tok = self.tokens[-1]
        if last_tok.type == "REF_HEAD" and last_tok.end_pos == pos:
            self.tokens.pop()
            self.emit("REF_HEAD", str(last_tok), last_tok.start_pos, end)
        else:
            self.suffix_drops.append((pos, end))
        return end

    def _prefixed_call(self, pos: int, paren: int) -> int:
        """``$a.b$(...)``: a ``$`` or ``$!`` prefix glued to ``(`` after a property makes
        it a method call; the property token becomes the call's start. Returns where the
        call ends, or -1 when no property comes just before."""
        last = self.tokens[-1]
        if last.type not in ("REF_HEAD", "PROP") or last.end_pos != pos:
            return -1
        self.tokens.pop()
        dot = last.rfind(".")
        name = last[dot:]
        name_start = last.end_pos - len(name)
        if last.type == "REF_HEAD":
            self.emit("REF_HEAD", last[:dot], last.start_pos, name_start)
        self.emit("METHOD_START", name + "(", name_start, paren + 1)
        return self.lex_args(paren + 1, CALL)

    # -- directives (§2) -----------------------------------------------------------------

    def lex_set(self, start: int, paren_end: int) -> int:
        self.emit("SET_START", self.text[start:paren_end], start, paren_end)
        return self.lex_args(paren_end, EXPR)

    def lex_hash(self, start: int, hash_pos: int) -> int:
        """A ``#`` at ``hash_pos``. From ``start`` to it is a ``#`` prefix already
        consumed (see :meth:`after_reference`), which joins the image of what follows: a
        comment or a dedicated directive token swallows it, a word keeps it and so is never
        a directive or macro name (``##foo(1)`` prints itself), other text prints it."""
        text = self.text
        nxt = text[hash_pos + 1] if hash_pos + 1 < self.n else ""
        if nxt == "":
            raise self.error(hash_pos, "a directive needs a name after '#'")
        if nxt == "#":
            if hash_pos in self._hash_prefixed:
                return self.lex_hash(start, hash_pos + 1)
            return self.lex_line_comment(start, hash_pos)
        if nxt == "*":
            return self.lex_block_comment(start, hash_pos)
        if text.startswith("[[", hash_pos + 1):
            end = text.find("]]#", hash_pos + 3)
            if end < 0:
                raise self.error(hash_pos, "unterminated '#[[' text block")
            # ASTTextblock drops the first three characters of the image, prefix included.
            self.emit("TEXT", text[start:end][3:], start, end + 3)
            return end + 3
        name, name_end, braced = self.directive_name(hash_pos)
        if name is None:
            if nxt == "\\":
                run = hash_pos + 1
                while run < self.n and text[run] == "\\":
                    run += 1
                if run < self.n and text[run] == "$":
                    # '#\\$a': DOLLAR (backslashes and all) beats DOUBLE_ESCAPE. The '#'
                    # heads that prefix, which prints unchanged before the value
                    # ('#\\\\$a' prints '#\\\\A').
                    return self.lex_dollar_chain(start, run)
                if self.escape_drops_prefix(hash_pos + 1):
                    return hash_pos + 1
            elif nxt in " \t":
                m = _SET.match(text, hash_pos + 1)
                if m:
                    # '# #set(', '## #set(': SET_DIRECTIVE swallows the '#' prefix.
                    return self.lex_set(hash_pos + 1, m.end())
            if nxt == "$":
                q = _DOLLAR_CHAIN.match(text, hash_pos + 1).end()
                if text.startswith("@", q) and "\\" not in text[start:hash_pos] and (
                        start == hash_pos or _PREFIX_CHAIN.fullmatch(text, start, hash_pos)):
                    # '#$@', '#$$@': no reference; back in the directive state '@...' is a
                    # word ('#$@x(1)' prints '@x(1)').
                    return self.lex_pre_directive(q)
                m = _CHAIN_TO_COMMENT.match(text, hash_pos + 1)
                if m:
                    # '$#$!#*c*#': the comment or text block takes the whole chain, and
                    # the text after it is lexed in the REFERENCE state the last DOLLAR
                    # pushed ('#$#*c*#{t} z' prints '{ z').
                    return self.after_reference_comments(self.lex_hash(start, m.end() - 1))
                p = hash_pos + 3 if text.startswith("!", hash_pos + 2) else hash_pos + 2
                if p < self.n and text[p] == "[" and _PREFIX_CHAIN.fullmatch(text, start, hash_pos):
                    # No EMPTY_INDEX after a HASH: '#$[' is an LBRACKET with no reference
                    # to index ('x$#$[0]' fails).
                    raise self.error(p, "an index needs a reference before it")
                if p < self.n and text[p] in "$\\":
                    # '#' heads a chain of '$' prefixes ('#$\\$a' prints '#$\\A').
                    end = self.lex_dollar_chain(start, hash_pos + 1)
                    if start == hash_pos and _HASH_DOLLARS.match(text, hash_pos) and self.tokens[-1].type in (
                        "WORD_START", "DIR_RPAREN",
                    ):
                        return self.lex_pre_directive(end)  # '#$$#e()x(y)', as '#$#e()'
                    return end
                if p < self.n and text[p] == "#" and (start == hash_pos or _DOLLAR_PREFIX.fullmatch(text, start, hash_pos)):
                    # '#$#end', '$#$#end': the prefixes glue to the next '#' token. The
                    # second DOLLAR pushed the directive state, which a word or an #if
                    # returns to.
                    end = self.lex_hash_after_dollar(start, hash_pos + 1, p, p > hash_pos + 2)
                    last = self.tokens[-1]
                    if _SET.match(text, p):
                        # SET_DIRECTIVE returns to the REFERENCE state the DOLLAR pushed
                        # ('#$#set($y=1)t(' prints 't(').
                        return self.after_reference_comments(end)
                    if last.type in ("WORD_START", "DIR_RPAREN", "END", "ELSE"):
                        # '#end' and '#else' pop to that state too, newline taken or not
                        # ('#if(true)#$#end#set($y=1)' fails on '=').
                        return self.lex_pre_directive(end)
                    return end
                m = _SET.match(text, p) if text.startswith((" ", "\t"), p) and (
                    start == hash_pos or _PREFIX_CHAIN.fullmatch(text, start, hash_pos)
                    and "\\" not in text[start:hash_pos]) else None
                if m:
                    # '#$ #set(', '$#$ #set(': the prefixes glue to SET_DIRECTIVE and disappear;
                    # the REFERENCE state goes on after ')' ('#$ #set($y=1)[' fails).
                    return self.after_reference_comments(self.lex_set(p, m.end()))
                if p < self.n and text[p] == "}" and start == hash_pos:
                    # '#$}', '#$!}': RCURLY prints whole and returns to the directive state.
                    self.emit("TEXT", text[start : p + 1], start, p + 1)
                    return self.lex_pre_directive(p + 1)
                if start == hash_pos and _IDENT.match(text, p):
                    self.emit("TEXT", "#", start, hash_pos + 1)
                    return self.lex_hash_ref(self.lex_dollar(hash_pos + 1, hash_pos + 1))
                escapes = _EVEN_ESCAPED_PREFIX.fullmatch(text, start, hash_pos)
                if escapes and _IDENT.match(text, p):
                    # '\\$#$s': one reference whose prefix '$#' (or '$!#') prints after k of
                    # its 2k backslashes ('\\$#$s' prints '\\$#abc').
                    k = len(escapes.group(1)) // 2
                    self.emit("TEXT", text[start : start + k] + text[escapes.end(1) : hash_pos + 1], start, hash_pos + 1)
                    return self.lex_hash_ref(self.lex_dollar(hash_pos + 1, hash_pos + 1))
                if p < self.n and text[p] == "{" and start == hash_pos:
                    # '#${a}': the RCURLY returns to the directive state too.
                    self.emit("TEXT", "#", start, hash_pos + 1)
                    end = self.lex_dollar(hash_pos + 1, hash_pos + 1)
                    if self.tokens[-1].type == "REF_RBRACE":
                        return self.lex_pre_directive(end)
                    return end
                if _DOT_IDENT.match(text, p) and (start == hash_pos or _PREFIX_CHAIN.fullmatch(text, start, hash_pos)):
                    # '#$.x', '$!#$.x': the DOLLAR beats EMPTY_INDEX; its prefixes are lost.
                    self.literal_drops.append((start, p))
                    return self.after_reference_words(p, True)
            # Only the '$' and '#' of a '$!' prefix print ('a$!# x' prints 'a$# x').
            lit = text[start : hash_pos + 1]
            special = ("!" in lit or "\\" in lit) and not _NUMBER.match(text, hash_pos + 1) and (
                nxt != "$" or not (p < self.n and (text[p].isalpha() or text[p] in "_{$\\#![}"
                                                   or _DOT_IDENT.match(text, p))))
            self.emit("TEXT", _special_text(lit) if special else lit, start, hash_pos + 1)
            return hash_pos + 1
        if name in _CONTROL_WORDS:
            # The MORE prefixes before it are in the token's image, which then starts at
            # the first of them (a #literal body ends there: '#literal()x$#$#end' prints
            # 'x'); the value is the directive alone.
            return self.lex_control(name, hash_pos, name_end, start)
        image = text[start:name_end]
        if name == "set" and not braced:
            # '#set' not followed by ' *(' is an ordinary word (D18, D19).
            pass
        if start < hash_pos:
            kind = "WORD_START"
        else:
            kind = BLOCK_DIRECTIVES.get(name, "WORD_START")
            if name.startswith("@"):
                kind = "BLOCKCALL_START"
        m = _WS.match(text, name_end)
        p = m.end() if m else name_end
        if p < self.n and text[p] == "(":
            self.emit(kind, image, start, name_end)
            self.emit("DIR_LPAREN", text[name_end : p + 1], name_end, p + 1)
            if name == "macro" and kind == "MACRO":
                # Macro names count as directives for escaping even where API Gateway
                # ignores the definition itself (recorded: \#m() prints #m()).
                mm = _ARG_WORD.match(text, _skip_ws(text, p + 1))
                if mm:
                    self.macro_names.add(mm.group())
            return self.lex_args(p + 1, ARGS)
        if kind == "BLOCKCALL_START":
            kind = "WORD_START"  # '#@foo' with no arguments is no block: it prints itself
        elif kind in ("FOREACH", "DEFINE", "LITERAL"):
            # Velocity parses a block directive without arguments as one without a body, and
            # fails (a NullPointerException) only when a render reaches it.
            kind = "WORD_START"
        elif kind == "MACRO":
            raise self.error(name_end, f"#{name} needs its arguments in parentheses")
        self.emit(kind, image, start, name_end)
        return name_end

    def lex_hash_ref(self, pos: int) -> int:
        """After ``#$a``, ``#$a.b`` or ``#$a.b()``, ended at ``pos``: a directive right
        there pops the reference's state to the directive state the ``#`` began, and
        returns to it when done (``#$a#e()x(y)`` makes ``x(y)`` a directive too)."""
        last = self.tokens[-1]
        if (pos >= self.n or self.text[pos] != "#" or last.end_pos != pos
                or last.type not in ("REF_HEAD", "PROP", "CALL_RPAREN", "IDX_RBRACKET")
                or self.directive_name(pos)[0] in (None, "else", "end") or _SET.match(self.text, pos)):
            return pos
        end = self.lex_hash(pos, pos)
        if self.tokens[-1].type in ("WORD_START", "DIR_RPAREN"):
            return self.lex_pre_directive(end)
        return end

    def lex_pre_directive(self, pos: int) -> int:
        """Velocity's PRE_DIRECTIVE state at ``pos`` with no ``#`` before it: where a
        DOLLAR glued after a ``#`` returns to when its reference or directive is done
        (``#${a}x(y)``, ``#$#e()if(true)``). A word there is a directive whose image has
        no ``#`` (it prints itself: ``#${a}x(y)`` prints ``#Ax(y)``, and unclosed
        arguments fail), ``if``, ``elseif``, ``else`` and ``end`` are those directives."""
        text = self.text
        while text.startswith("#", pos):
            # A HASH there pushes this state again: after its directive's ')', the next
            # token is lexed here too.
            m = _SET.match(text, pos)
            if m:
                # No SET_DIRECTIVE there: '#set' is a word and its '=' an error.
                name_end = text.index("t", pos) + 1 + (text[pos + 1] == "{")
                self.emit("WORD_START", text[pos:name_end], pos, name_end)
                self.emit("DIR_LPAREN", text[name_end : m.end()], name_end, m.end())
                pos = self.lex_args(m.end(), ARGS)
                continue
            if text.startswith(("##", "#*", "#[["), pos):
                pos = self.lex_hash(pos, pos)  # comments return here too
                continue
            if self.directive_name(pos)[0] is None:
                return pos
            pos = self.lex_hash(pos, pos)
            last = self.tokens[-1]
            if last.type not in ("WORD_START", "DIR_RPAREN") and not (
                    last.type in ("END", "ELSE") and last.end_pos == pos and last[-1] in "de}"):
                # '#end' and '#else' pop the HASH's own push and stay here too, unless
                # they took a newline ('...###<newline>#{end}t(' leaves 't(' unclosed).
                return pos
        if text.startswith("$", pos):
            p = pos + 2 if text.startswith("!", pos + 1) else pos + 1
            if text.startswith("[", p):
                # No EMPTY_INDEX here: an LBRACKET with nothing to index ('#$}$[0]').
                raise self.error(p, "an index needs a reference before it")
            if _DOT_IDENT.match(text, p):
                # The DOLLAR glues to the DOT and is lost ('#$}$.x.y' prints '#$}.x').
                self.literal_drops.append((pos, p))
                return self.after_reference_words(p, True)
        if text.startswith("$", pos) and _IDENT.match(text, pos + 2 if text.startswith("!", pos + 1) else pos + 1):
            # A reference there: a directive right after it returns here again.
            return self.lex_hash_ref(self.lex_dollar(pos, pos))
        name, name_end, braced = self.directive_name(pos - 1)
        if name is None:
            return pos
        if name in _CONTROL_WORDS:
            return self.lex_control(name, pos, name_end)
        self.emit("WORD_START", text[pos:name_end], pos, name_end)
        p = _skip_ws(text, name_end)
        if p < self.n and text[p] == "(":
            self.emit("DIR_LPAREN", text[name_end : p + 1], name_end, p + 1)
            return self.lex_args(p + 1, ARGS)
        return name_end

    def lex_control(self, name: str, start: int, name_end: int, token_start: int = -1) -> int:
        """``#if(``/``#elseif(`` (then the condition) or ``#else``/``#end`` (with the
        whitespace they swallow), whose value starts at ``start`` and whose token starts at
        ``token_start`` (its MORE prefixes) if given; returns where lexing goes on."""
        text = self.text
        if token_start < 0:
            token_start = start
        if name in ("if", "elseif"):
            p = _skip_ws(text, name_end)
            if p < self.n and text[p] == "(":
                self.emit("IF_START" if name == "if" else "ELSEIF_START", text[start : p + 1], token_start, p + 1)
                return self.lex_args(p + 1, EXPR)
            raise self.error(p, f"#{name} must be followed by '(' and a condition")
        m = _GOBBLE.match(text, name_end)
        end = m.end() if m else name_end
        self.emit("ELSE" if name == "else" else "END", text[start:end], token_start, end)
        return end

    def lex_block_comment(self, start: int, hash_pos: int) -> int:
        """``#* ... *#`` or the doc comment ``#** ... *#``, with any ``$`` prefix from ``start``.

        Velocity's token for it is MORE prefixes (``#*``, or ``#**`` when no ``#`` follows)
        plus skipped characters plus ``*#``; see :data:`_COMMENT_MORE` for what still chains
        inside. The first ``*#`` whose ``*`` does not complete a ``#*`` closes it
        (``#*#*#`` does not). A comment left open runs to the end of the template, unless a
        prefix is still pending there (a lexical error). The COMMENT token's value is what
        ``#literal`` prints for it: nothing for ``#*``, the token image for ``#**`` (``*#``
        when something was skipped, so ``#** d *#`` gives ``*#``)."""
        text, n = self.text, self.n
        formal = hash_pos + 3 < n and text[hash_pos + 2] == "*" and text[hash_pos + 3] != "#"
        content = hash_pos + 3 if formal else hash_pos + 2
        close = text.find("*#", content)
        # Not a '*#' whose '*' belongs to a MORE prefix: '#*', or the character '#**'
        # takes with it inside a comment ('#*#***# x *#' closes at the second '*#').
        while close > content and (text[close - 1] == "#" or text.startswith("#**", close - 3)):
            close = text.find("*#", close + 1)
        if close < 0:
            if self._comment_chain(start, content, n) < n:
                raise self.error(n, "unexpected end of template after a '$' or '#' in a comment")
            self.emit("COMMENT", "", start, n)
            return n
        stop = close + 2
        image = text[self._comment_chain(start, content, close) : stop]
        # ASTComment prints the part of its image before '##' or else '#*': a prefix that
        # reached the end with no character skipped ('$#**#' prints '$').
        cut = image.find("##")
        if cut < 0:
            cut = image.find("#*")
        if cut > 0:
            self.emit("TEXT", image[:cut], start, start)
        self.comment_images[start] = image
        self.emit("COMMENT", image if formal else "", start, stop)
        return stop

    def _comment_chain(self, token_start: int, content: int, stop: int) -> int:
        """Where the MORE chain pending at ``stop`` in a block comment begins (``stop``
        when the character before was skipped). Only the run of prefix characters before
        ``stop`` is scanned: a character outside them is always skipped."""
        text = self.text
        run = stop
        while run > content and text[run - 1] in _COMMENT_MORE_CHARS:
            run -= 1
        chain = token_start if run == content else run
        pos = run
        while pos < stop:
            m = _COMMENT_MORE.match(text, pos)
            if m and m.end() <= stop:
                pos = m.end()
            else:
                pos += 1
                chain = pos
        return chain

    def lex_line_comment(self, start: int, hash_pos: int) -> int:
        """``##`` to the end of the line. Inside, as in a block comment, Velocity's MORE
        prefixes still chain (see :data:`_COMMENT_MORE`): the chain pending at the newline
        joins the comment's image, one pending at the end of the template is a lexical
        error, and a pending ``#**`` consumes the newline after it (the comment goes on).
        The COMMENT token's value is what ``#literal`` prints for it: the ``##`` token
        (with any ``#`` prefix), the pending chain and the newline."""
        text = self.text
        content = hash_pos + 2
        pos = content
        while True:
            m = _NEWLINE.search(text, pos)
            stop = m.start() if m else self.n
            chain = stop
            if stop > content and text[stop - 1] in _COMMENT_MORE_CHARS:
                chain = self._comment_chain(start, content, stop)
                if chain == start:
                    chain = content
            if m is None:
                if chain < stop:
                    raise self.error(stop, "unexpected end of template after a '$' or '#' in a comment")
                end = stop
                break
            if chain < stop and text.endswith("#**", chain, stop):
                pos = stop + 1
                continue
            end = m.end()
            break
        self.emit("COMMENT", text[start:content] + text[chain:end], start, end)
        return end

    # -- argument lists (§2.2, §4) -------------------------------------------------------

    def lex_args(self, pos: int, mode: str) -> int:
        """Lex until the bracket that closes the list opened just before ``pos``."""
        text = self.text
        depth = 0
        while True:
            if pos >= self.n:
                raise self.error(pos, "unexpected end of template inside an argument list")
            ch = text[pos]
            if ch in " \t\r\n":
                m = _WS.match(text, pos)
                assert m is not None
                nxt = m.end()
                last = self.tokens[-1].type
                if nxt < self.n and (
                    (last == "LBRACKET" and text[nxt] == "]") or (last == "LBRACE" and text[nxt] == "}")
                ):
                    raise self.error(nxt, f"unexpected '{text[nxt]}' after blanks in an empty literal")
                if mode == CALL and depth == 0 and self.tokens[-1].type == "METHOD_START":
                    nxt = m.end()
                    if nxt < self.n and text[nxt] == ")":
                        raise self.error(pos, "a method call's argument list cannot be blank")
                pos = m.end()
                continue
            if ch == "#":
                pos = self.lex_args_hash(pos, mode)
                continue
            if ch == ")" and depth == 0 and mode != INDEX:
                if mode == CALL:
                    self.emit("CALL_RPAREN", ")", pos, pos + 1)
                    return pos + 1
                m = _GOBBLE.match(text, pos + 1)
                end = m.end() if m else pos + 1
                self.emit("DIR_RPAREN", text[pos:end], pos, end)
                return end
            if ch == "]" and depth == 0 and mode == INDEX:
                self.emit("IDX_RBRACKET", "]", pos, pos + 1)
                return pos + 1
            if ch == "\\":
                run = pos + 1
                while run < self.n and text[run] == "\\":
                    run += 1
                if run < self.n and text[run] == "$":
                    # Backslashes head the DOLLAR prefix there but escape nothing: they are
                    # dropped with it ('#set($b = \$a)' sets the value of $a).
                    self.dropped.append((pos, run))
                    pos = run
                    continue
                raise self.error(run, "a backslash must come before '$' here")
            if ch == "$":
                start = pos
                p = pos + 1
                if p < self.n and text[p] == "!":
                    p += 1
                braced = p < self.n and text[p] == "{"
                name_start = p + 1 if braced else p
                m = _IDENT.match(text, name_start)
                if not braced and (
                    (m is None and p < self.n and text[p] in _ARG_PREFIXED)
                    or (m is not None and m.group() in ("true", "false"))
                ):
                    # DOLLAR/DOLLARBANG is a MORE prefix there too: glued to a literal,
                    # an operator or a blank it is dropped ('#set($a = $1)' sets 1).
                    if text[p] in " \t\r\n":
                        # Glued to blanks it makes a WHITESPACE token, and two of them in a
                        # row are a parse error ('#set($a = $ 1)').
                        q = pos
                        while q > 0 and text[q - 1] in "$!":
                            q -= 1
                        if q > 0 and text[q - 1] in " \t\r\n":
                            raise self.error(p, "unexpected blank after a '$' that follows blanks")
                    if p > pos + 1:
                        # A null reference shows the '$' but not the '!' ('$a.f($!1)').
                        self.dropped.append((pos, pos + 1))
                        pos += 1
                    self.dropped.append((pos, p))
                    pos = p
                    continue
                if not m and not braced and text.startswith("#", p):
                    # DOLLAR then HASH: the prefix joins what the HASH makes ('#e($#'a')'
                    # prints "#e('a')", '#e($#1)' fails to initialise).
                    pos = self.lex_args_hash(p, mode, start)
                    continue
                if not m:
                    raise self.error(pos, "'$' must start a reference here")
                pos = self.lex_reference(start, name_start, m, braced)
                if mode == ARGS and not braced and text.startswith("{", pos) and not _BRACKETED_WORD.match(text, pos):
                    # An LCURLY glued to the reference, which no argument takes ('#v($l{})').
                    raise self.error(pos, "unexpected '{' after a reference")
                continue
            if ch == '"' or ch == "'":
                pos = self.lex_string(pos, ch)
                continue
            if ch.isdigit() or (ch in "-." and pos + 1 < self.n and (text[pos + 1].isdigit() or (ch == "-" and text[pos + 1] == "." and pos + 2 < self.n and text[pos + 2].isdigit()))):
                m = _NUMBER.match(text, pos)
                if m:
                    image = m.group()
                    if image.endswith(".."):
                        image = image[:-2]
                        self.emit("INTEGER", image, pos, pos + len(image))
                        pos += len(image)
                        continue
                    is_float = any(c in image for c in ".eE")
                    self.emit("FLOAT" if is_float else "INTEGER", image, pos, m.end())
                    pos = m.end()
                    continue
            if text.startswith("..", pos):
                self.emit("DOTDOT", "..", pos, pos + 2)
                pos += 2
                continue
            if mode == CALL:
                m = _IDENT.match(text, pos)
                if m and m.group() not in ("true", "false"):
                    # A bare name in a method's arguments is a reference without its '$'
                    # (a null value): '$m.get(key)'.
                    self.emit("RUNT", m.group(), pos, m.end())
                    pos = m.end()
                    continue
            m = _ARG_WORD.match(text, pos) if ch.isascii() else None
            if m:
                word = m.group()
                kind = _WORD_OPERATORS.get(word)
                if kind is None:
                    if mode != ARGS:
                        raise self.error(pos, f"unexpected word '{word}'")
                    kind = "WORD"
                elif mode != EXPR and kind not in ("TRUE", "FALSE"):
                    if mode != ARGS:
                        raise self.error(pos, f"operators are not allowed here: '{word}'")
                    kind = "WORD"
                self.emit(kind, word, pos, m.end())
                pos = m.end()
                continue
            for op, kind in _OPERATORS:
                if text.startswith(op, pos):
                    if mode != EXPR and kind not in (
                        "COMMA", "COLON", "LBRACKET", "RBRACKET", "LBRACE", "RBRACE",
                    ):
                        raise self.error(pos, f"operators are not allowed here: '{op}'")
                    if kind in ("LBRACKET", "LBRACE", "LPAREN"):
                        depth += 1
                    elif kind in ("RBRACKET", "RBRACE"):
                        depth -= 1
                    self.emit(kind, op, pos, pos + len(op))
                    pos += len(op)
                    break
            else:
                if ch == ")":
                    depth -= 1
                    self.emit("RPAREN", ")", pos, pos + 1)
                    pos += 1
                    continue
                raise self.error(pos, f"unexpected character {ch!r}")

    def hash_starts_item(self, pos: int) -> bool:
        """Whether the '#' at ``pos`` starts a word, a directive, a comment or a text block
        (what PRE_DIRECTIVE makes a token of), rather than being dropped or heading a number."""
        text = self.text
        nxt = pos + 1
        if text.startswith("#", nxt) and not text.startswith("##", nxt):
            pos, nxt = nxt, nxt + 1  # '##' is no token in a call's arguments (lex_args_hash)
        return nxt >= self.n or text[nxt] in "#*" or text.startswith("[[", nxt) or bool(
            _WORD.match(text, nxt) or _BRACKETED_WORD.match(text, nxt))

    def lex_args_hash(self, pos: int, mode: str, start: int = -1) -> int:
        """A '#' at ``pos`` inside an argument list (Velocity's HASH, then PRE_DIRECTIVE),
        headed from ``start`` by a '$' or '$!' prefix if given.

        Glued to a number it heads the number's image, which Velocity then fails to convert
        when it initialises the template ('#e(#1)'); glued to a word it makes a word
        ('#e(#e)' prints itself; only directive arguments take one). Comments, text blocks
        and bracketed words are parse errors. Before anything else PRE_DIRECTIVE ends on a
        special token and the '#' (and its prefix) is dropped ('#e(#'a')' prints "#e('a')",
        '#set($a = #[1])' sets [1]), in a call's arguments or an index before a second '#'
        too; glued to blanks after blanks it is a second WHITESPACE in a row, a parse error
        ('#set($a = # 1)').
        """
        text = self.text
        if start < 0:
            start = pos
        nxt = pos + 1
        if nxt >= self.n:
            raise self.error(nxt, "unexpected end of template inside an argument list")
        c = text[nxt]
        if c == "#" and mode in (CALL, INDEX) and start == pos and not text.startswith("##", nxt):
            # No '##' token there: PRE_DIRECTIVE ends on the second '#', which is lexed
            # again ('$m[##'a']' is $m['a'], '$s.concat('x'##)' is abcx; '###' fails).
            self._drop_hash(start, pos)
            return nxt
        if c in "#*" or text.startswith("[[", nxt) or _BRACKETED_WORD.match(text, nxt):
            raise self.error(pos, "comments and directives are not allowed inside arguments")
        m = _WORD.match(text, nxt)
        if m is not None:
            if mode != ARGS or m.group() in _CONTROL_WORDS or text.startswith("(", m.end()):
                raise self.error(pos, "comments and directives are not allowed inside arguments")
            self.emit("WORD", text[start : m.end()], start, m.end())
            return m.end()
        m = _HASHED_NUMBER.match(text, nxt)
        if m is not None:
            image = text[start : m.end()]
            self.emit("FLOAT" if any(d in m.group() for d in ".eE") else "INTEGER", image, start, m.end())
            return m.end()
        if c in " \t\r\n" and start > 0 and text[start - 1] in " \t\r\n":
            raise self.error(nxt, "unexpected blank after a '#' that follows blanks")
        self._drop_hash(start, pos)
        return nxt

    def _drop_hash(self, start: int, pos: int) -> None:
        """Drop the '#' at ``pos`` and its '$' or '$!' prefix from ``start`` (one span
        each, see :meth:`vtl.parser._AstBuilder.image`)."""
        if start < pos:
            self.dropped.append((start, start + 1))
            if start + 1 < pos:
                self.dropped.append((start + 1, pos))
        self.dropped.append((pos, pos + 1))

    def lex_string(self, pos: int, quote: str) -> int:
        text = self.text
        p = pos + 1
        while True:
            end = text.find(quote, p)
            if end < 0:
                raise self.error(pos, "unterminated string literal")
            if end + 1 < self.n and text[end + 1] == quote:
                p = end + 2
                continue
            break
        kind = "DQ_STRING" if quote == '"' else "SQ_STRING"
        self.emit(kind, text[pos : end + 1], pos, end + 1)
        return end + 1


def _special_text(image: str) -> str:
    """What Velocity prints of a MORE prefix that ended up as special text
    (``NodeUtils.getSpecialText``): its ``$`` and ``#`` characters and each run of
    backslashes ending in ``$``, where the character after such a run is skipped."""
    out = []
    i = 0
    size = len(image)
    while i < size:
        c = image[i]
        if c == "$" or c == "#":
            out.append(c)
        elif c == "\\":
            j = i
            while j < size and image[j] == "\\":
                j += 1
            if j < size and image[j] == "$":
                out.append(image[i : j + 1])
                i = j + 2
                continue
        i += 1
    return "".join(out)


def _skip_ws(text: str, pos: int) -> int:
    m = _WS.match(text, pos)
    return m.end() if m else pos


def tokenize(text: str, *, macros_enabled: bool = True, name: str = "<template>") -> Iterator[Token]:
    """Tokenize ``text``; raises :class:`VtlSyntaxError` on a lexical error."""
    return iter(Lexer(text, macros_enabled=macros_enabled, name=name).tokenize())
