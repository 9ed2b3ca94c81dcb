"""Parse template text into a :class:`vtl.ast.Template`.

This is the only module that imports Lark. The modal lexer (:mod:`vtl.lexer`) produces the
tokens, an LALR parser built once from ``grammar/vtl.lark`` gives them structure, and a
transformer running inside the parse builds the AST. Lark's errors become
:class:`vtl.VtlSyntaxError` with the position of the offending token.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

from lark import Lark, Token, Transformer
from lark.exceptions import (
    UnexpectedCharacters,
    UnexpectedEOF,
    UnexpectedInput,
    UnexpectedToken,
    VisitError,
)
from lark.lexer import Lexer as LarkLexer

from . import ast
from .errors import VtlError, VtlRuntimeError, VtlSyntaxError
from .lexer import Lexer

_OP_NAMES = {
    "OR": "or", "AND": "and", "EQ": "==", "NE": "!=", "LT": "<", "LE": "<=", "GT": ">",
    "GE": ">=", "PLUS": "+", "MINUS": "-", "STAR": "*", "SLASH": "/", "PERCENT": "%",
}

_TOKEN_LABELS = {
    "END": "#end", "ELSE": "#else", "ELSEIF_START": "#elseif", "DIR_RPAREN": "')'",
    "RPAREN": "')'", "CALL_RPAREN": "')'", "ASSIGN": "'='", "IDX_RBRACKET": "']'",
    "RBRACKET": "']'", "RBRACE": "'}'", "COMMA": "','", "TEXT": "text", "REF_HEAD": "a reference",
    "WORD": "a word", "RUNT": "a name", "INTEGER": "a number", "FLOAT": "a number",
    "DQ_STRING": "a string", "SQ_STRING": "a string", "$END": "end of template",
}


class _Local(threading.local):
    text: str = ""
    macros_enabled: bool = True
    name: str = "<template>"
    builder: _AstBuilder | None = None


_local = _Local()


class _VtlLarkLexer(LarkLexer):
    """Adapter: Lark asks for tokens, our modal lexer provides them (comments dropped)."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, lexer_state: Any, parser_state: Any = None):
        lexer = Lexer(_local.text, macros_enabled=_local.macros_enabled, name=_local.name)
        tokens = lexer.tokenize()
        if lexer.dropped:
            _local.builder.dropped = lexer.dropped
        if lexer.suffix_drops:
            _local.builder.suffix_drops = lexer.suffix_drops
        _local.builder.tokens = tokens
        for tok in tokens:
            if tok.type != "COMMENT":
                yield tok


_parser: Lark | None = None
_parser_lock = threading.Lock()


def _get_parser() -> Lark:
    global _parser
    if _parser is None:
        with _parser_lock:
            if _parser is None:
                grammar = (Path(__file__).parent / "grammar" / "vtl.lark").read_text("utf-8")
                _parser = Lark(
                    grammar, parser="lalr", lexer=_VtlLarkLexer, propagate_positions=False,
                    maybe_placeholders=False, transformer=_InlineBuilder(), cache=True,
                )
    return _parser


def parse(source: str, *, macros_enabled: bool = True, name: str = "<template>") -> ast.Template:
    """Parse ``source``; raises :class:`VtlSyntaxError` with a position on bad input."""
    if not isinstance(source, str):
        raise TypeError(f"template source must be str, not {type(source).__name__}")
    builder = _AstBuilder(source, macros_enabled, name)
    saved = (_local.text, _local.macros_enabled, _local.name, _local.builder)
    _local.text, _local.macros_enabled, _local.name = source, macros_enabled, name
    _local.builder = builder
    try:
        body = _get_parser().parse(source)
    except VtlError as err:
        err.with_position(1, 1, source, name)
        raise
    except VisitError as err:
        inner = err.orig_exc
        if isinstance(inner, VtlError):
            inner.with_position(1, 1, source, name)
            raise inner from None
        raise VtlSyntaxError(
            f"invalid template: {inner}", line=1, column=1, source=source, name=name,
            java_class="ParseErrorException",
        ) from None
    except UnexpectedInput as err:
        raise _syntax_error(err, source, name) from None
    except RecursionError:
        raise VtlSyntaxError(
            "template is nested too deeply", line=1, column=1, source=source, name=name,
            java_class="ParseErrorException",
        ) from None
    finally:
        _local.text, _local.macros_enabled, _local.name, _local.builder = saved
    if builder.init_error is not None:
        # Velocity parses the whole template, then fails to initialise it.
        offset, message = builder.init_error
        line = source.count("\n", 0, offset) + 1
        column = offset - (source.rfind("\n", 0, offset) + 1) + 1
        raise VtlRuntimeError(message, line=line, column=column, source=source, name=name,
                              java_class="NumberFormatException")
    return ast.Template(body=body, source=source, name=name, macros=builder.macros)


def _syntax_error(err: UnexpectedInput, source: str, name: str) -> VtlSyntaxError:
    if isinstance(err, UnexpectedToken) and err.token.type == "$END" or isinstance(err, UnexpectedEOF):
        line, col = _end_position(source)
        block = _open_block(source)
        msg = "unexpected end of template"
        if block is not None:
            msg += f": missing #end for {block[0]} opened at {block[1]}:{block[2]}"
        error = VtlSyntaxError(msg, line=line, column=col, source=source, name=name, java_class="ParseErrorException")
        error.unclosed = block
        return error
    if isinstance(err, UnexpectedToken):
        tok = err.token
        label = _TOKEN_LABELS.get(tok.type, repr(str(tok).strip() or str(tok)))
        if tok.type == "END":
            msg = "#end without a matching block directive"
        elif tok.type in ("ELSE", "ELSEIF_START"):
            msg = f"{label} without a matching #if"
        else:
            expected = sorted({_TOKEN_LABELS.get(t, t) for t in err.expected if not t.startswith("_")})
            msg = f"unexpected {label}"
            if expected and len(expected) <= 6:
                msg += "; expected " + ", ".join(expected)
        return VtlSyntaxError(
            msg, line=tok.line or 1, column=tok.column or 1, source=source, name=name,
            java_class="ParseErrorException",
        )
    if isinstance(err, UnexpectedCharacters):
        return VtlSyntaxError(
            "unexpected character", line=err.line, column=err.column, source=source, name=name,
            java_class="ParseErrorException",
        )
    return VtlSyntaxError(str(err), line=1, column=1, source=source, name=name, java_class="ParseErrorException")


def _number_format_error(image: str, is_float: bool) -> str:
    """The message of the NumberFormatException Java throws for a number image that a '#'
    (or '$#') heads: BigDecimal's for a float, BigInteger's (after Integer and Long) otherwise."""
    if is_float:
        return f'Character {image[0]} is neither a decimal digit number, decimal point, nor "e" notation exponential mark.'
    if "-" in image:
        return "Illegal embedded sign character"
    return f'For input string: "{image[: len(image) % 9 or 9]}"'


def _end_position(source: str) -> tuple[int, int]:
    lines = source.split("\n")
    return len(lines), len(lines[-1]) + 1


_OPENERS = re.compile(r"#\{?(if|foreach|macro|define|literal|@[A-Za-z_][A-Za-z0-9_@]*)\b|#\{?(end)\b")


def _open_block(source: str) -> tuple[str, int, int] | None:
    """Best effort: the block left open, as ``("#if", line, column)``."""
    stack: list[tuple[str, int]] = []
    for m in _OPENERS.finditer(source):
        if m.group(2):
            if stack:
                stack.pop()
        else:
            stack.append((m.group(1), m.start()))
    if not stack:
        return None
    word, pos = stack[-1]
    line = source.count("\n", 0, pos) + 1
    col = pos - (source.rfind("\n", 0, pos) + 1) + 1
    return f"#{word}", line, col


def _pos(tok: Token) -> tuple[int, int, int, int]:
    return tok.line, tok.column, tok.start_pos, tok.end_pos


# The text of an escaped directive (an odd run of backslashes, '#name' or '#{name}').
_ESCAPED_DIRECTIVE = re.compile(r"\\+#(?:[A-Za-z_@][A-Za-z0-9_@]*|\{[A-Za-z_][A-Za-z0-9_@]*\})")
# Directives with no body that Velocity registers (#evaluate only where macros are on).
_LINE_DIRECTIVES = frozenset(("include", "parse", "break", "stop"))
# The '$' prefixes that head a reference token, up to its name.
_HEAD_CHAIN = re.compile(r"[#\\$!]*")
_PENDING_DOLLARS = re.compile(r"(?:\\*\$(?:\\*!)?)+\Z")
# A chain of '$' prefixes that starts no reference ('$ x', '$! x', '$!1'): #literal shows
# the special text the lexer made of it (no '!'), a block macro call nothing.
_FAILED_DOLLAR = re.compile(r"\\*\$[\\$!]*#?")
_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})")


class _InlineBuilder(Transformer):
    """Runs inside the LALR parse: forwards each rule to the current thread's builder."""

    def __default__(self, data, children, meta):
        # Lark's internal helper rules (``item*``) become trees that the parent inlines.
        return super().__default__(data, children, meta)


def _unicode_escape_error(body: str) -> tuple[str, str] | None:
    """The exception Velocity's ``\\u`` unescaping throws for ``body``, if any."""
    pos = body.find("\\u")
    while pos >= 0:
        digits = body[pos + 2 : pos + 6]
        if len(digits) < 4:
            return ("StringIndexOutOfBoundsException", f"begin {pos + 2}, end {pos + 6}, length {len(body)}")
        if not re.fullmatch(r"[0-9A-Fa-f]{4}", digits):
            return ("NumberFormatException", f'For input string: "{digits}" under radix 16')
        pos = body.find("\\u", pos + 6)
    return None


# A '#' before a character that starts no token of the PRE_DIRECTIVE state.
_HASH_TERMINATOR = re.compile(r"#(?=[^A-Za-z0-9_@{#*$\\\[]|\[(?!\[)|\{(?![A-Za-z_][A-Za-z0-9_@]*\}))")


class _AstBuilder:
    """Builds :mod:`vtl.ast` nodes from rule matches (one instance per parse)."""

    def __init__(self, source: str, macros_enabled: bool, name: str) -> None:
        self.source = source
        self.macros_enabled = macros_enabled
        self.name = name
        self.macros: dict[str, ast.MacroDef] = {}
        self.dropped: list[tuple[int, int]] = []
        self.suffix_drops: list[tuple[int, int]] = []
        self.tokens: list[Token] = []  # the whole template's, comments included
        self.unnamed_refs = False  # a reference whose name is no identifier ('${$x}') was built
        # (offset, message) of the first number literal Velocity cannot convert ('#1')
        self.init_error: tuple[int, str] | None = None

    def image(self, start: int, end: int, only_backslashes: bool = False) -> str:
        """The source from ``start`` to ``end`` less the ``$`` prefixes the lexer dropped
        in argument lists (``#m($'x')`` prints itself as ``#m('x')``); with
        ``only_backslashes``, less only the backslashes before them (what a null
        reference prints: ``$l[\\$i]`` shows ``$l[$i]``, ``$h.t($1)`` itself)."""
        text = self.source[start:end]
        for a, b in reversed(self.dropped):
            if start <= a and b <= end and not (only_backslashes and self._shown_drop(a, b)):
                text = text[: a - start] + text[b - start :]
        return text

    def _shown_drop(self, a: int, b: int) -> bool:
        """Whether a null reference's literal shows the dropped span ``a:b``: a '$'
        prefix, or '#'s (and a '$' before them) that are not glued to one ('$n[#'x']' and
        '$n.f($#'x')' print themselves, '$n.f($#$s)' prints '$n.f($s)')."""
        source = self.source
        c = source[a]
        if c in "\\!":
            return False
        if c == "$":
            while b < len(source) and source[b] == "!":
                b += 1
            if not source.startswith("#", b):
                return True
        while b < len(source) and source[b] == "#":
            b += 1
        return not (b < len(source) and source[b] in "$\\")

    # statements

    def start(self, children):
        return children[0]

    def content(self, children):
        if self.unnamed_refs:
            # A reference whose name is no identifier ('${$x}') is null: it prints itself
            # ('$!{$x}' nothing) in both profiles.
            return [ast.Text(c.line, c.column, c.start, c.end, text="" if c.silent else c.source_text)
                    if isinstance(c, ast.Reference) and not c.backslashes and not ast.IDENTIFIER.fullmatch(c.name) else c
                    for c in children]
        return list(children)

    def text(self, children):
        tok = children[0]
        return ast.Text(*_pos(tok), text=str(tok))

    def set_directive(self, children):
        start_tok, target, _eq, value, close = children
        node = ast.Set(*_pos(start_tok), target=target, value=value)
        node.end = close.end_pos
        # The directive's position is that of '#set', after any blanks it swallowed.
        lead = len(start_tok) - len(str(start_tok).lstrip(" \t"))
        node.column += lead
        node.start += lead
        return node

    def if_directive(self, children):
        start_tok, cond, _close, body, *rest = children
        branches = [(cond, body)]
        else_body = None
        for part in rest:
            if isinstance(part, tuple) and part[0] == "elseif":
                branches.append((part[1], part[2]))
            elif isinstance(part, tuple) and part[0] == "else":
                else_body = part[1]
        end_tok = rest[-1]
        node = ast.If(*_pos(start_tok), branches=branches, else_body=else_body)
        node.end = end_tok.end_pos
        return node

    def elseif_part(self, children):
        return ("elseif", children[1], children[3])

    def else_part(self, children):
        return ("else", children[1])

    def foreach_directive(self, children):
        tok, body, end = children[0], children[-2], children[-1]
        args = children[2] if len(children) == 6 else []
        # Velocity checks neither the 'in' word nor the variable: a bare word as the variable
        # is a parse error, another literal is simply not bound, and with two arguments the
        # loop runs zero times (with fewer, Velocity fails at render time).
        self._check_words(tok, "foreach", args)
        var = args[0] if args else None
        if not isinstance(var, ast.Reference):
            line, col, start, stop = _pos(tok) if var is None else (var.line, var.column, var.start, var.end)
            var = ast.Reference(line, col, start, stop, name="", suffixes=[])
        iterable = args[2] if len(args) >= 3 else None
        if len(args) >= 4:
            # Velocity renders the directive node's fourth child as the loop body: that is
            # the fourth argument, which prints only the references in it.
            body = _rendered_references(args[3])
        node = ast.Foreach(*_pos(tok), var=var, iterable=iterable, body=body, arg_count=len(args))
        node.end = end.end_pos
        return node

    def macro_directive(self, children):
        tok, _lp, args, _rp, body, end = children
        if not args or not isinstance(args[0], ast.Word):
            raise self._error(tok, "#macro expects a name as its first argument")
        self._check_words(tok, "macro", args)
        # Velocity ignores what is not a plain reference in the parameter list.
        params = [a.name for a in args[1:] if isinstance(a, ast.Reference) and not a.suffixes]
        node = ast.MacroDef(*_pos(tok), name=args[0].value, params=params, body=body)
        node.end = end.end_pos
        if self.macros_enabled and node.name not in self.macros:
            self.macros[node.name] = node
        return node

    def define_directive(self, children):
        tok, body, end = children[0], children[-2], children[-1]
        args = children[2] if len(children) == 6 else []
        self._check_words(tok, "define", args)
        target = args[0] if args else None
        if not isinstance(target, ast.Reference):
            # A non-reference name defines nothing; Velocity only complains at render time
            # when the argument count is wrong.
            line, col, start, stop = _pos(tok)
            target = ast.Reference(line, col, start, stop, name="", suffixes=[])
        node = ast.Define(*_pos(tok), target=target, body=body, arg_count=len(args))
        node.end = end.end_pos
        return node

    def literal_directive(self, children):
        tok = children[0]
        close = children[-3]
        end = children[-1]
        if len(children) == 6:
            self._check_words(tok, "literal", children[2])
        if len(children) == 6 and children[2]:
            # Velocity prints its first child's source: the first argument, when there is one.
            first = children[2][0]
            text = self.source[first.start : first.end]
        else:
            text = self._literal_text(close.end_pos, end.start_pos)
        blank = self.source[close.end_pos : end.start_pos] == ""
        node = ast.Literal(*_pos(tok), text=text, blank=blank and not (len(children) == 6 and children[2]))
        node.end = end.end_pos
        return node

    def _plain_hashes(self, start: int, stop: int) -> dict[int, str]:
        """Where, from ``start`` to ``stop``, the template's lexer found ``##`` text or a
        ``##word`` directive rather than a line comment (a body that starts in the
        REFMODIFIER state, after ``$a.b$x#literal()``), which lexing the body alone would
        not know: position -> token type."""
        return {tok.start_pos: tok.type for tok in self.tokens
                if start <= tok.start_pos < stop and tok.type in ("TEXT", "WORD_START") and tok.startswith("##")}

    def _macro_names_before(self, pos: int) -> set[str]:
        """The names of the ``#macro`` definitions that start before ``pos``."""
        names = set()
        tokens = self.tokens
        for i, tok in enumerate(tokens):
            if tok.start_pos >= pos:
                break
            if tok.type == "MACRO" and i + 2 < len(tokens) and tokens[i + 2].type == "WORD":
                names.add(str(tokens[i + 2]))
        return names

    def _literal_text(self, start: int, stop: int, block_call: bool = False) -> str:
        """What ``#literal`` prints: its body's token images (``SimpleNode.literal``) as
        Velocity leaves them after init. That is the source, except that

        - a line comment prints its ``##`` token and the image of its end (the MORE chain
          pending at the newline, and the newline), a block comment nothing for ``#*`` and
          the token image for a ``#**`` doc comment (see the COMMENT tokens of the lexer);
        - ``ASTReference.getRoot`` cut a reference's image to start at its last ``$``
          (``\\$a``, ``$$a``, ``#$a`` print ``$a``);
        - an escaped directive prints as ``escapedDirective`` rewrote it (``\\#if`` ->
          ``#if``), which is the text the lexer gives it."""
        body = self.source[start:stop]
        if "#" not in body and "$" not in body:
            return body
        lexer = Lexer(body, macros_enabled=self.macros_enabled)
        if "\\" in body:
            # '\\#m' is an escaped directive when #m was defined before the body.
            lexer.macro_names = self._macro_names_before(start)
        try:
            tokens = lexer.tokenize()
        except VtlSyntaxError:
            # A '$' prefix pending before '#end' ('$#end') is part of the #end token.
            return body if block_call else _PENDING_DOLLARS.sub("", body)
        drops = lexer.literal_drops

        def seg(a: int, b: int) -> str:
            text = body[a:b]
            for x, y in reversed(drops):
                if a <= x and y <= b:
                    text = text[: x - a] + text[y - a :]
            return text

        parts = []
        pos = floor = 0
        plain = self._plain_hashes(start, stop)
        for i, tok in enumerate(tokens):
            kind = tok.type
            if kind == "COMMENT" and start + tok.start_pos in plain:
                # Text where the body starts in REFMODIFIER, up to the newline; a block
                # call's images leave out the '##' before the terminator.
                if block_call and plain[start + tok.start_pos] == "TEXT":
                    parts.append(seg(pos, tok.start_pos))
                    pos = tok.start_pos + 2
                continue
            if (kind == "TEXT" and tok.end_pos >= 3 and body.startswith("]]#", tok.end_pos - 3)
                    and len(tok) != tok.end_pos - tok.start_pos):
                floor = tok.end_pos  # a text block: its closing '#' heads nothing
            elif kind == "COMMENT":
                parts.append(seg(pos, tok.start_pos))
                parts.append(lexer.comment_images.get(tok.start_pos, str(tok)) if block_call else str(tok))
                pos = tok.end_pos
            elif kind == "TEXT" and body[tok.start_pos] == "\\" and _ESCAPED_DIRECTIVE.fullmatch(
                body, tok.start_pos, tok.end_pos
            ):
                parts.append(seg(pos, tok.start_pos))
                parts.append(str(tok))
                pos = tok.end_pos
            elif kind == "TEXT" and body[tok.start_pos] in "$\\" and _failed_dollar(body, tokens, i, block_call):
                parts.append(seg(pos, tok.start_pos))
                if not block_call:
                    parts.append(str(tok))
                pos = tok.end_pos
            elif (kind == "SET_START" and block_call and tok.start_pos > pos and body[tok.start_pos - 1] == "#"
                  and (i == 0 or tokens[i - 1].end_pos < tok.start_pos)):
                # '# #set(': the HASH prefix of SET_DIRECTIVE is not in a block call's images.
                parts.append(seg(pos, tok.start_pos - 1))
                pos = tok.start_pos
            elif kind == "TEXT" and block_call and "#" in tok:
                # A '#' that only prefixes a DIRECTIVE_TERMINATOR is not in the images.
                for m in _HASH_TERMINATOR.finditer(body, tok.start_pos, tok.end_pos + 1):
                    if pos <= m.start() < tok.end_pos:
                        parts.append(seg(pos, m.start()))
                        pos = m.end()
            elif kind == "REF_HEAD":
                head = body.rfind("$", tok.start_pos, _HEAD_CHAIN.match(body, tok.start_pos).end())
                # The image's MORE prefixes: '$', '$!' and backslashes, headed by a '#'
                # (not one that closes a comment or text block).
                low = max(pos, floor)
                cut = head
                while cut > low:
                    ch = body[cut - 1]
                    if ch == "$" or ch == "\\":
                        cut -= 1
                    elif ch == "!" and cut - 1 > low and body[cut - 2] == "$":
                        cut -= 2
                    else:
                        break
                if cut > low and body[cut - 1] == "#":
                    cut -= 1
                    if cut > low and body[cut - 1] == "#":
                        cut -= 1  # '##$b' after a property: both are HASH prefixes
                if cut < head:
                    parts.append(seg(pos, cut))
                    pos = head
            elif kind == "TEXT" and _failed_dollar(body, tokens, i, block_call):
                parts.append(seg(pos, tok.start_pos))
                if not block_call:
                    parts.append(str(tok))
                pos = tok.end_pos
        parts.append(seg(pos, len(body)))
        return "".join(parts)

    def block_call(self, children):
        tok = children[0]
        args = children[2] if len(children) == 6 else []
        body = children[-2]
        end = children[-1]
        name = str(tok).lstrip("\\").lstrip("#").strip("{}")[1:]
        close = children[-3]
        # Printed as its token images: the body as #literal shows it, except that a block
        # comment shows its image ('*#') and a '#' before a terminator is lost.
        source_text = (
            self.image(tok.start_pos, close.end_pos)
            + self._literal_text(close.end_pos, end.start_pos, block_call=True)
            + self.source[end.start_pos : end.end_pos]
        )
        node = ast.Directive(
            *_pos(tok), name=name, args=args, source_text=source_text,
            has_parens=True, body=body,
        )
        node.end = end.end_pos
        return node

    def word_directive(self, children):
        tok = children[0]
        # Velocity's name: the image less its first character, or less '#{' and '}'.
        name = tok[2:-1] if tok.endswith("}") else tok[1:]
        args: list = []
        end = tok.end_pos
        has_parens = len(children) > 1
        if has_parens:
            if len(children) == 4:
                args = children[2]
            end = children[-1].end_pos
        if name in _LINE_DIRECTIVES or (name == "evaluate" and self.macros_enabled):
            self._check_words(tok, name, args)
            if name == "evaluate":
                self._check_evaluate(tok, args)
        node = ast.Directive(
            *_pos(tok), name=name, args=args, source_text=self.image(tok.start_pos, end),
            has_parens=has_parens,
        )
        node.end = end
        return node

    def _check_words(self, tok: Token, name: str, args: list) -> None:
        """Velocity's parser rejects a bare word as an argument of a directive it knows,
        except the second of ``#foreach`` and the first (the name) of ``#macro``."""
        for i, arg in enumerate(args):
            if isinstance(arg, ast.Word) and not ((name == "foreach" and i == 1) or (name == "macro" and i == 0)):
                raise self._error(tok, f"Invalid arg #{i} in directive #{name}")

    def _check_evaluate(self, tok: Token, args: list) -> None:
        """``#evaluate`` checks its arguments when the template is parsed, wherever it is
        (an unused macro body, ``#if(false)``)."""
        if len(args) != 1:
            raise self._error(tok, "#evaluate() requires exactly one argument")
        if not isinstance(args[0], (ast.StringLit, ast.Reference)):
            raise self._error(tok, "#evaluate()  argument must be a string literal or reference")

    def dargs(self, children):
        return [c for c in children if not (isinstance(c, Token) and c.type == "COMMA")]

    def word(self, children):
        tok = children[0]
        return ast.Word(*_pos(tok), value=str(tok))

    def runt(self, children):
        tok = children[0]
        return ast.Runt(*_pos(tok), name=str(tok))

    # references

    def reference(self, children):
        start_tok = children[0]
        suffixes = [c for c in children[1:] if not isinstance(c, Token)]
        image = str(start_tok)
        backslashes = len(image) - len(image.lstrip("\\"))
        rest = image[backslashes:]
        # The name follows '$', '$!' and '{' ('${$x' names '$x', which no variable has).
        name_start = 1 + rest.startswith("!", 1)
        name_start += rest.startswith("{", name_start)
        ident, *props = rest[name_start:].split(".")
        if ident[:1] in ("$", "\\"):
            self.unnamed_refs = True
        if props:
            # The lexer folds leading plain properties into the head token.
            offset = start_tok.end_pos - sum(1 + len(prop) for prop in props)
            head_props = []
            for prop in props:
                line, col = start_tok.line, start_tok.column + (offset - start_tok.start_pos)
                head_props.append(ast.Property(line, col, offset, offset + 1 + len(prop), name=prop))
                offset += 1 + len(prop)
            suffixes = head_props + suffixes
        end = children[-1].end_pos if isinstance(children[-1], Token) else children[-1].end
        line, col, start, _ = _pos(start_tok)
        return ast.Reference(
            line, col, start, end, name=str(ident), suffixes=suffixes, backslashes=backslashes,
            silent="!" in rest[:2], braced="{" in rest[:3],
            # From the head's value: an escaped chain of '$' prefixes is left out of it.
            source_text=rest + self._suffix_image(start_tok.end_pos, end),
        )

    def _suffix_image(self, start: int, end: int) -> str:
        """A reference's source after its head, as its literal shows it: without the
        prefixes the lexer dropped before a ``.name`` (see :meth:`image` for the rest)."""
        text = self.image(start, end, only_backslashes=True)
        if not self.suffix_drops or any(a < b for a, b in self.dropped if start <= a and b <= end):
            return text
        for a, b in reversed(self.suffix_drops):
            if start <= a and b <= end:
                text = text[: a - start] + text[b - start :]
        return text

    def prop(self, children):
        tok = children[0]
        return ast.Property(*_pos(tok), name=str(tok)[1:])

    def method(self, children):
        tok = children[0]
        args = children[1] if len(children) == 3 else []
        close = children[-1]
        return ast.Method(tok.line, tok.column, tok.start_pos, close.end_pos, name=str(tok)[1:-1], args=args)

    def call_args(self, children):
        return [c for c in children if not (isinstance(c, Token) and c.type == "COMMA")]

    def index(self, children):
        lb, arg, rb = children
        if not isinstance(arg, (ast.Reference, ast.StringLit, ast.IntLit, ast.BoolLit)):
            raise self._error(lb, "an index must be a string, an integer, true, false or a reference")
        return ast.Index(lb.line, lb.column, lb.start_pos, rb.end_pos, arg=arg)

    # literals

    def integer(self, children):
        tok = children[0]
        if "#" in tok:
            return self._unconvertible(tok, ast.IntLit(*_pos(tok), value=0))
        return ast.IntLit(*_pos(tok), value=int(str(tok)))

    def float(self, children):
        tok = children[0]
        if "#" in tok:
            return self._unconvertible(tok, ast.FloatLit(*_pos(tok), value=0.0))
        return ast.FloatLit(*_pos(tok), value=float(str(tok)))

    def _unconvertible(self, tok: Token, node: ast.IntLit | ast.FloatLit) -> ast.IntLit | ast.FloatLit:
        """A number whose image a '#' heads ('#e(#1)', '#e($#1)'): Velocity fails to convert it when
        it initialises the template, so the template never renders (see :func:`parse`)."""
        if self.init_error is None or tok.start_pos < self.init_error[0]:
            self.init_error = (tok.start_pos, _number_format_error(str(tok), tok.type == "FLOAT"))
        return node

    def true(self, children):
        return ast.BoolLit(*_pos(children[0]), value=True)

    def false(self, children):
        return ast.BoolLit(*_pos(children[0]), value=False)

    def sq_string(self, children):
        tok = children[0]
        raw = str(tok)
        return ast.StringLit(*_pos(tok), value=raw[1:-1].replace("''", "'"), raw=raw)

    def dq_string(self, children):
        tok = children[0]
        raw = str(tok)
        body = raw[1:-1].replace('""', '"')
        error = _unicode_escape_error(body)
        value = _UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), body)
        node = ast.StringLit(*_pos(tok), value=value, raw=raw, error=error)
        if error:
            return node
        if "$" in raw or "#" in raw:
            # Velocity re-parses such a string as a template, with a space appended so that a
            # trailing '$' or '#end' lexes; the renderer drops the extra last character.
            text = value if "##" in value else value + " "
            try:
                node.template = parse(text, macros_enabled=self.macros_enabled, name=self.name)
            except VtlSyntaxError as err:
                raise self._error(tok, f"in string literal: {err.message}") from None
            # A macro defined inside a string is defined for the whole template.
            for name, macro in node.template.macros.items():
                self.macros.setdefault(name, macro)
        return node

    def list_lit(self, children):
        lb, rb = children[0], children[-1]
        items = [c for c in children[1:-1] if not isinstance(c, Token)]
        return ast.ListLit(lb.line, lb.column, lb.start_pos, rb.end_pos, items=items)

    def range_lit(self, children):
        lb, low, _dots, high, rb = children
        return ast.RangeLit(lb.line, lb.column, lb.start_pos, rb.end_pos, low=low, high=high)

    def map_lit(self, children):
        lb, rb = children[0], children[-1]
        items = [c for c in children[1:-1] if isinstance(c, tuple)]
        return ast.MapLit(lb.line, lb.column, lb.start_pos, rb.end_pos, items=items)

    def map_entry(self, children):
        return (children[0], children[2])

    # expressions

    def binop(self, children):
        left, op, right = children
        return ast.BinOp(left.line, left.column, left.start, right.end, op=_OP_NAMES[op.type], left=left, right=right)

    def not_expr(self, children):
        tok, operand = children
        return ast.Not(*_pos(tok)[:3], operand.end, operand=operand)

    def paren(self, children):
        lp, expr, rp = children
        return ast.Paren(lp.line, lp.column, lp.start_pos, rp.end_pos, expr=expr)

    def _error(self, tok: Token, message: str) -> VtlSyntaxError:
        return VtlSyntaxError(
            message, line=tok.line, column=tok.column, source=self.source, name=self.name,
            java_class="ParseErrorException",
        )


def _failed_dollar(body: str, tokens: list[Token], i: int, block_call: bool) -> bool:
    """Whether text token ``i`` is a chain of ``$`` prefixes that starts no reference and
    whose image #literal (or a block macro call) does not show as written."""
    tok = tokens[i]
    if body[tok.start_pos] not in "$\\" or not _FAILED_DOLLAR.fullmatch(body, tok.start_pos, tok.end_pos):
        return False
    if block_call:
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        return nxt is None or nxt.type != "REF_HEAD" or nxt.start_pos != tok.end_pos
    return str(tok) != body[tok.start_pos : tok.end_pos]


def _rendered_references(node: Any) -> list:
    """The references that rendering an argument node prints, in order (Velocity's
    ``SimpleNode.render`` renders the children of lists, maps and ranges)."""
    if isinstance(node, ast.Reference):
        return [node]
    if isinstance(node, ast.ListLit):
        children = node.items
    elif isinstance(node, ast.MapLit):
        children = [part for pair in node.items for part in pair]
    elif isinstance(node, ast.RangeLit):
        children = [node.low, node.high]
    else:
        return []
    return [ref for child in children for ref in _rendered_references(child)]


def _forward(rule: str):
    def call(self, children):
        return getattr(_local.builder, rule)(children)

    call.__name__ = rule
    return call


for _rule in (
    "start content text set_directive if_directive elseif_part else_part foreach_directive "
    "macro_directive define_directive literal_directive block_call word_directive dargs word runt "
    "reference prop method call_args index integer float true false sq_string dq_string "
    "list_lit range_lit map_lit map_entry binop not_expr paren"
).split():
    setattr(_InlineBuilder, _rule, _forward(_rule))
