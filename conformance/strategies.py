"""Random valid VTL templates with random JSON variables, for differential testing.

One generator serves two drivers through a tiny :class:`Chooser` interface:

* :func:`templates` is a Hypothesis strategy (shrinking gives minimal templates); every
  choice shrinks towards the simplest option, so optional parts disappear first;
* :func:`generate` takes a :class:`random.Random` for the long fuzzing runs of
  ``python -m conformance.fuzz``.

The grammar covers every directive (``#set #if/#elseif/#else #foreach #break #stop
#define #literal #[[ ]]# #macro #evaluate``, comments), references with properties,
methods and indexes, literals, operators, escapes and whitespace/newlines around
directives. Sizes are bounded (loops of at most 4 items, nesting depth 3) so that a
template renders in milliseconds, and nothing prints a Java identity hash.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any, Protocol

#: Variable names the templates use (also the names given values).
NAMES = ["a", "b", "s", "n", "m", "l", "x", "y"]
#: Map keys, shared by generated JSON and by property accesses.
KEYS = ["k", "id", "name", "v", "size", "empty"]
_STRINGS = ["", "x", "hello", "a,b", " sp ", "ü", "O'Brien", "A-1", "10", "true", "k"]
_FLOATS = ["0.5", "1.5", "-2.25", "100.0", "1e3", "0.1"]
_INTS = ["0", "1", "2", "3", "-1", "7", "10", "2147483647", "3000000000"]
_TEXT = [
    "x", " ", "a b", "\n", "{", "}", ":", ",", '"', "'", ".", "(", ")", "[", "]", "=", "<", "-",
    "\r\n", "\t", "  ", "word", "é", "%", "@", "!", "*", "/", "+", "|", "&",
]
_RARE_TEXT = [
    "$ ", "# ", "\\", "\\$a", "\\#if", "\\\\$s", "$5", "#5", "user@$a.com", "$a-b", "${a}x",
    "#{else}", "$!", "#foo", "#foo()", "$.x", "##", "$$",
]
_NEWLINES = ["\n", "\n  ", "\r\n", "\n\t", " \n", "  \n    ", "\n\n"]
#: Methods as (name, argument kinds); kinds: i=int, s=string, l=literal of any kind, r=regex.
_METHODS = [
    ("size", ""), ("length", ""), ("isEmpty", ""), ("toUpperCase", ""), ("trim", ""),
    ("toString", ""), ("get", "i"), ("get", "s"), ("contains", "l"), ("substring", "i"),
    ("substring", "ii"), ("indexOf", "s"), ("startsWith", "s"), ("replace", "ss"),
    ("replaceAll", "rs"), ("containsKey", "s"), ("keySet", ""), ("values", ""), ("concat", "s"),
    ("equals", "l"), ("charAt", "i"), ("matches", "r"), ("add", "l"), ("put", "sl"),
    ("entrySet", ""), ("toLowerCase", ""), ("lastIndexOf", "s"), ("remove", "s"),
]
_REGEXES = ["a", "[a-z]+", "\\d", "x|y", "^h", ".", "(l+)", "\\s"]
_BINARY = ["+", "-", "*", "/", "%", "==", "!=", "<", ">", "<=", ">=", "&&", "||",
           "and", "or", "eq", "ne", "lt", "gt", "le", "ge"]


class Chooser(Protocol):
    """The random decisions a generator makes; implementations shrink towards ``lo``/first."""

    def int(self, lo: int, hi: int) -> int: ...

    def pick(self, options: list[Any]) -> Any: ...

    def chance(self, percent: int) -> bool: ...


class RandomChooser:
    """A :class:`Chooser` over :class:`random.Random`."""

    def __init__(self, rnd: random.Random) -> None:
        self.rnd = rnd

    def int(self, lo: int, hi: int) -> int:
        return self.rnd.randint(lo, hi)

    def pick(self, options: list[Any]) -> Any:
        return options[self.rnd.randrange(len(options))]

    def chance(self, percent: int) -> bool:
        return self.rnd.randrange(100) < percent


class DrawChooser:
    """A :class:`Chooser` over a Hypothesis ``draw``: shrinks to small ints and first options."""

    def __init__(self, draw: Any) -> None:
        from hypothesis import strategies as st

        self.draw = draw
        self.st = st

    def int(self, lo: int, hi: int) -> int:
        return self.draw(self.st.integers(lo, hi))

    def pick(self, options: list[Any]) -> Any:
        return options[self.draw(self.st.integers(0, len(options) - 1))]

    def chance(self, percent: int) -> bool:
        return self.draw(self.st.integers(0, 99)) >= 100 - percent


@dataclass
class _Scope:
    depth: int = 0
    loops: int = 0
    macros: list[tuple[str, int]] = field(default_factory=list)
    in_macro: bool = False


class Generator:
    """Builds one (template, vars) pair from the decisions of a :class:`Chooser`."""

    def __init__(self, c: Chooser) -> None:
        self.c = c
        self.defines: list[str] = []
        self.params: list[str] = []

    # -- variables -------------------------------------------------------
    def json_value(self, depth: int = 0) -> Any:
        c = self.c
        kind = c.pick(["str", "int", "list", "map", "null", "bool", "float", "big"] if depth < 2
                      else ["str", "int", "null", "bool", "float"])
        if kind == "str":
            return c.pick(_STRINGS)
        if kind == "int":
            return c.int(-3, 12)
        if kind == "big":
            return c.pick([3000000000, 2147483647, -9223372036854775808, 123456789012345678901])
        if kind == "float":
            return c.pick([0.5, 1.5, -2.25, 100.0, 1e10, 0.1, 3.0])
        if kind == "bool":
            return c.chance(50)
        if kind == "null":
            return None
        if kind == "list":
            return [self.json_value(depth + 1) for _ in range(c.int(0, 3))]
        keys = []
        for _ in range(c.int(0, 3)):
            key = c.pick(KEYS)
            if key not in keys:
                keys.append(key)
        return {k: self.json_value(depth + 1) for k in keys}

    def variables(self) -> dict[str, Any]:
        return {name: self.json_value() for name in NAMES if self.c.chance(70)}

    # -- expressions -----------------------------------------------------
    def name(self) -> str:
        if self.params and self.c.chance(40):
            return self.c.pick(self.params)
        return self.c.pick(NAMES)

    def string_literal(self, allow_interp: bool = True) -> str:
        c = self.c
        text = c.pick(_STRINGS)
        if c.chance(50) or not allow_interp:
            return "'" + text.replace("'", "''") + "'"
        if c.chance(40):
            text += f"${self.name()}" if c.chance(70) else "$!{" + self.name() + "}"
        return '"' + text.replace('"', '""') + '"'

    def literal(self, depth: int = 0) -> str:
        c = self.c
        kind = c.pick(["int", "str", "bool", "list", "float", "map", "range"] if depth < 2
                      else ["int", "str", "bool", "float"])
        if kind == "int":
            return c.pick(_INTS)
        if kind == "str":
            return self.string_literal()
        if kind == "bool":
            return c.pick(["true", "false"])
        if kind == "float":
            return c.pick(_FLOATS)
        if kind == "range":
            lo = c.int(-1, 2)
            return f"[{lo}..{lo + c.int(0, 3) * c.pick([1, -1])}]"
        if kind == "list":
            items = [self.parameter(depth + 1) for _ in range(c.int(0, 3))]
            return "[" + ", ".join(items) + "]"
        items = [f"{self.string_literal(False)}: {self.parameter(depth + 1)}" for _ in range(c.int(0, 2))]
        return "{" + ", ".join(items) + "}"

    def parameter(self, depth: int = 0) -> str:
        """A method argument or list element: a literal or a plain reference."""
        if self.c.chance(30):
            return self.reference(trailers=False)
        return self.literal(depth)

    def argument(self, kind: str) -> str:
        c = self.c
        if c.chance(15):
            return self.reference(trailers=False)
        if kind == "i":
            return c.pick(["0", "1", "2", "-1", "5"])
        if kind == "s":
            return self.string_literal(allow_interp=c.chance(20))
        if kind == "r":
            return "'" + c.pick(_REGEXES).replace("'", "''") + "'"
        return self.literal(1)

    def trailer(self) -> str:
        c = self.c
        kind = c.pick(["prop", "method", "index"])
        if kind == "prop":
            # No '.class': by design (docs/security.md) a template gets a name holder, not
            # java.lang.Class, so chains beyond it differ from stock Velocity on purpose.
            return "." + c.pick([*KEYS, "empty"])
        if kind == "index":
            return "[" + c.pick(["0", "1", "-1", "'k'", "'id'", f"${self.name()}"]) + "]"
        name, kinds = c.pick(_METHODS)
        return f".{name}(" + ", ".join(self.argument(k) for k in kinds) + ")"

    def reference(self, trailers: bool = True, quiet_ok: bool = True) -> str:
        c = self.c
        name = self.name()
        chain = "".join(self.trailer() for _ in range(c.int(0, 2))) if trailers else ""
        quiet = "!" if quiet_ok and c.chance(25) else ""
        if c.chance(20):
            return f"${quiet}{{{name}{chain}}}"
        return f"${quiet}{name}{chain}"

    def expression(self, depth: int = 0) -> str:
        c = self.c
        if depth < 2 and c.chance(40):
            op = c.pick(_BINARY)
            return f"{self.expression(depth + 1)} {op} {self.expression(depth + 1)}"
        if depth < 2 and c.chance(10):
            return c.pick(["!", "not "]) + self.primary(depth + 1)
        return self.primary(depth)

    def primary(self, depth: int) -> str:
        c = self.c
        if depth < 2 and c.chance(10):
            return f"({self.expression(depth + 1)})"
        if c.chance(50):
            return self.reference(quiet_ok=False)
        return self.literal()

    # -- template structure ----------------------------------------------
    def text(self) -> str:
        c = self.c
        if c.chance(10):
            return c.pick(_RARE_TEXT)
        return "".join(c.pick(_TEXT) for _ in range(c.int(1, 3)))

    def iterable(self) -> str:
        c = self.c
        kind = c.pick(["ref", "list", "range", "keys"])
        if kind == "ref":
            return f"${self.name()}"
        if kind == "range":
            lo = c.int(0, 2)
            return f"[{lo}..{lo + c.int(0, 3)}]"
        if kind == "keys":
            return f"${self.name()}." + c.pick(["keySet()", "values()", "entrySet()"])
        return "[" + ", ".join(self.parameter(1) for _ in range(c.int(0, 3))) + "]"

    def block(self, scope: _Scope, items: int = 3) -> str:
        return "".join(self.item(scope) for _ in range(self.c.int(0, items)))

    def item(self, scope: _Scope) -> str:
        c = self.c
        kinds = ["text", "ref", "newline", "set", "if"]
        if scope.depth < 3:
            kinds += ["foreach", "comment", "define", "literal", "textblock", "macro_call", "evaluate"]
        kind = c.pick(kinds)
        if c.chance(5):
            kind = c.pick(["stop", "break", "loopvar", "block_call"])
        inner = _Scope(scope.depth + 1, scope.loops, scope.macros, scope.in_macro)
        if kind == "text":
            return self.text()
        if kind == "ref":
            return self.reference()
        if kind == "newline":
            return c.pick(_NEWLINES)
        if kind == "set":
            target = f"${self.name()}"
            if c.chance(15):
                target += c.pick([".k", "['k']", "[0]"])
            return f"#set({target} = {self.expression()})" + self.gap()
        if kind == "if":
            out = f"#if({self.expression()})" + self.gap() + self.block(inner)
            for _ in range(c.int(0, 2) if c.chance(30) else 0):
                out += f"#elseif({self.expression()})" + self.gap() + self.block(inner)
            if c.chance(40):
                out += c.pick(["#else", "#{else}"]) + self.gap() + self.block(inner)
            return out + c.pick(["#end", "#{end}"]) + self.gap()
        if kind == "foreach":
            if scope.loops >= 2:
                return self.reference()
            inner.loops += 1
            var = self.name()
            return f"#foreach(${var} in {self.iterable()})" + self.gap() + self.block(inner) + "#end" + self.gap()
        if kind == "comment":
            if c.chance(50):
                return "##" + self.text().replace("\n", " ").replace("\r", " ") + c.pick(["\n", "\r\n"])
            return "#*" + self.text().replace("*#", "") + "*#"
        if kind == "define":
            name = c.pick(["d1", "d2"])
            self.defines.append(name)
            return f"#define(${name})" + self.block(inner) + "#end" + self.gap()
        if kind == "literal":
            # Velocity 1.7 throws a NullPointerException for some #literal() bodies (empty,
            # blank, ...): start with a word (the corpus covers the odd bodies)
            return "#literal()" + c.pick(["x", "word", "a b"]) + self.block(inner) + "#end"
        if kind == "textblock":
            return "#[[" + self.text().replace("]]#", "") + "]]#"
        if kind == "macro_call":
            if not scope.macros:
                return f"${c.pick(self.defines)}" if self.defines else self.reference()
            name, arity = c.pick(scope.macros)
            args = [self.parameter(1) for _ in range(arity if c.chance(80) else c.int(0, 3))]
            return f"#{name}(" + c.pick([" ", ", "]).join(args) + ")" + self.gap()
        if kind == "block_call":
            if not scope.macros:
                return self.text()
            name, arity = c.pick(scope.macros)
            args = " ".join(self.parameter(1) for _ in range(arity))
            return f"#@{name}({args})" + self.block(inner, 2) + "#end"
        if kind == "evaluate":
            return "#evaluate(" + self.string_literal() + ")"
        if kind == "stop":
            return c.pick(["#stop", "#stop()"])
        if kind == "break":
            return "#break" if scope.loops or scope.in_macro else self.text()
        # loopvar
        if scope.loops:
            return "$" + c.pick(["foreach.count", "foreach.index", "foreach.hasNext", "foreach.first",
                                 "foreach.last", "velocityCount", "velocityHasNext"])
        return "$foreach.count"

    def gap(self) -> str:
        """Whitespace after a directive: usually none, sometimes the newline it swallows."""
        c = self.c
        if c.chance(70):
            return ""
        return c.pick(["\n", "  \n", "\r\n", " ", "\t\n", "\n  "])

    def macros(self, scope: _Scope) -> str:
        out = ""
        for k in range(self.c.int(0, 2) if self.c.chance(25) else 0):
            name = f"m{k + 1}"
            params = ["p", "q"][: self.c.int(0, 2)]
            body_scope = _Scope(1, 0, list(scope.macros), True)
            self.params = params
            body = self.block(body_scope, 3)
            self.params = []
            out += f"#macro({name}" + "".join(" $" + p for p in params) + ")" + self.gap() + body + "#end" + self.gap()
            scope.macros.append((name, len(params)))
        return out

    def template(self) -> str:
        scope = _Scope()
        head = self.macros(scope)
        return head + "".join(self.item(scope) for _ in range(self.c.int(1, 8)))


@dataclass
class Example:
    """One generated case."""

    template: str
    vars: dict[str, Any]


def generate(rnd: random.Random) -> Example:
    """A random example drawn with ``rnd`` (the long fuzzing driver)."""
    gen = Generator(RandomChooser(rnd))
    variables = gen.variables()
    return Example(gen.template(), variables)


def templates():
    """Hypothesis strategy of :class:`Example` (template + JSON variables)."""
    from hypothesis import strategies as st

    @st.composite
    def build(draw: Any) -> Example:
        gen = Generator(DrawChooser(draw))
        template = gen.template()
        return Example(template, gen.variables())

    return build()
