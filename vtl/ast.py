"""The syntax tree of a Velocity template: plain, slotted data with source positions.

Nodes carry no behaviour; :mod:`vtl.compiler` turns them into closures and :mod:`vtl.lint`
inspects them. Every node has ``line``/``column`` (1-based, where it starts) and ``start``/
``end`` offsets into the source, so that a node which prints its own source (a null
reference, an unknown macro call, ``#literal``) can slice it exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: A VTL identifier: the name of a variable, property or directive.
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
#: Block directives that Velocity parses without a body when no '(' follows their name,
#: and then fails to initialise the template (lint VTL107; the compiler's init failure).
BODYLESS_WITHOUT_PARENS = ("foreach", "define", "literal")


@dataclass(slots=True)
class Node:
    line: int
    column: int
    start: int
    end: int


# -- expressions ---------------------------------------------------------------------------


@dataclass(slots=True)
class StringLit(Node):
    """A string literal; ``template`` is set when a double-quoted string is interpolated."""

    value: str
    template: Template | None = None
    raw: str = ""
    #: (Java exception class, message) when Velocity fails to unescape the literal at render
    error: tuple[str, str] | None = None


@dataclass(slots=True)
class IntLit(Node):
    value: int


@dataclass(slots=True)
class FloatLit(Node):
    value: float


@dataclass(slots=True)
class BoolLit(Node):
    value: bool


@dataclass(slots=True)
class Word(Node):
    """A bare word inside directive arguments (``in`` of ``#foreach``, a macro's name)."""

    value: str


@dataclass(slots=True)
class Runt(Node):
    """A bare name among a method's arguments (``$m.get(key)``): Velocity lexes it as a
    reference without its ``$`` (a "runt"), whose value is always null."""

    name: str


@dataclass(slots=True)
class ListLit(Node):
    items: list[Expr]


@dataclass(slots=True)
class MapLit(Node):
    items: list[tuple[Expr, Expr]]


@dataclass(slots=True)
class RangeLit(Node):
    low: Expr
    high: Expr


@dataclass(slots=True)
class Property(Node):
    name: str


@dataclass(slots=True)
class Method(Node):
    name: str
    args: list[Expr]


@dataclass(slots=True)
class Index(Node):
    arg: Expr


Suffix = Property | Method | Index


@dataclass(slots=True)
class Reference(Node):
    """``$name.prop.method(args)[index]...`` with its prefix (backslashes, ``!``, ``{``)."""

    name: str
    suffixes: list[Suffix]
    backslashes: int = 0
    silent: bool = False
    braced: bool = False
    source_text: str = ""  # the reference as written, without the leading backslashes


@dataclass(slots=True)
class BinOp(Node):
    op: str  # one of: or and == != < <= > >= + - * / %
    left: Expr
    right: Expr


@dataclass(slots=True)
class Not(Node):
    operand: Expr


@dataclass(slots=True)
class Paren(Node):
    """A parenthesised expression: unlike a bare literal, its value is tested in ``#if``."""

    expr: Expr


Expr = StringLit | IntLit | FloatLit | BoolLit | Word | ListLit | MapLit | RangeLit | Reference | BinOp | Not | Paren


# -- statements ----------------------------------------------------------------------------


@dataclass(slots=True)
class Text(Node):
    text: str


@dataclass(slots=True)
class Set(Node):
    target: Reference
    value: Expr


@dataclass(slots=True)
class If(Node):
    branches: list[tuple[Expr, list[Stmt]]]
    else_body: list[Stmt] | None


@dataclass(slots=True)
class Foreach(Node):
    var: Reference  # name "" when the template gave no reference (nothing is bound)
    iterable: Expr | None  # None: fewer than three arguments, the loop never runs
    body: list[Stmt]
    arg_count: int = 3


@dataclass(slots=True)
class MacroDef(Node):
    name: str
    params: list[str]
    body: list[Stmt]


@dataclass(slots=True)
class Directive(Node):
    """A ``#word`` / ``#word(args)`` line directive or macro call, ``#@name(...)...#end`` too.

    ``name`` is the directive name (``break``, ``stop``, ``evaluate``, ``include``, ``parse``
    or a macro name); ``source_text`` is the call as written (including the newline its
    ``)`` swallowed), which is what an unknown macro call prints.
    """

    name: str
    args: list[Expr]
    source_text: str
    has_parens: bool = False
    body: list[Stmt] | None = None  # block macro call (#@name)


@dataclass(slots=True)
class Define(Node):
    target: Reference  # name "" when the argument is not a reference (defines nothing)
    body: list[Stmt]
    arg_count: int = 1


@dataclass(slots=True)
class Literal(Node):
    """``#literal()...#end``: prints its body's source."""

    text: str
    blank: bool = False  # the body is empty (Velocity then fails)


Stmt = Text | Reference | Set | If | Foreach | MacroDef | Directive | Define | Literal


@dataclass(slots=True)
class Template:
    body: list[Stmt]
    source: str = ""
    name: str = "<template>"
    macros: dict[str, MacroDef] = field(default_factory=dict)


def walk(nodes: list[Stmt] | list[Expr]):
    """Yield every node below ``nodes`` (statements and expressions), depth first."""
    stack: list = list(reversed(nodes))
    while stack:
        node = stack.pop()
        yield node
        children: list = []
        if isinstance(node, Reference):
            for s in node.suffixes:
                children.append(s)
        elif isinstance(node, Method):
            children.extend(node.args)
        elif isinstance(node, Index):
            children.append(node.arg)
        elif isinstance(node, (ListLit,)):
            children.extend(node.items)
        elif isinstance(node, MapLit):
            for k, v in node.items:
                children.extend((k, v))
        elif isinstance(node, RangeLit):
            children.extend((node.low, node.high))
        elif isinstance(node, BinOp):
            children.extend((node.left, node.right))
        elif isinstance(node, (Not, Paren)):
            children.append(node.operand if isinstance(node, Not) else node.expr)
        elif isinstance(node, StringLit) and node.template is not None:
            children.extend(node.template.body)
        elif isinstance(node, Set):
            children.extend((node.target, node.value))
        elif isinstance(node, If):
            for cond, body in node.branches:
                children.append(cond)
                children.extend(body)
            if node.else_body:
                children.extend(node.else_body)
        elif isinstance(node, Foreach):
            children.append(node.var)
            if node.iterable is not None:
                children.append(node.iterable)
            children.extend(node.body)
        elif isinstance(node, (MacroDef, Define)):
            if isinstance(node, Define):
                children.append(node.target)
            children.extend(node.body)
        elif isinstance(node, Directive):
            children.extend(node.args)
            if node.body:
                children.extend(node.body)
        stack.extend(reversed(children))
