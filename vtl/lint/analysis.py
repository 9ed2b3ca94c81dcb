"""One pass over a parsed template that gathers the facts the rules need.

The pass walks statements in source order, keeps a light model of the literal text (is the
output position inside a double-quoted JSON string?) and gives every expression an abstract
:class:`Value`: where it comes from (the client, the body, ``$input.json`` ...) rather than
what it is. It records what each rule looks at: printed references, ``#set`` inside loops,
override assignments, and the body paths and parameters a sample request must provide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .. import ast
from .members import CONTEXT_MAPS

# Value kinds
OTHER = "other"
OBJECT = "object"  # a Java map: prints {k=v}
BODY = "body"  # a value read from the JSON body
PARAMS = "params"  # $input.params() or one of its groups
REQUEST = "request"  # one string the client sent (parameter, header, raw body)
JSON = "json"  # JSON text from $input.json
ESCAPED = "escaped"  # $util.escapeJavaScript(...) without the \' fix
SAFE = "safe"  # escaped and fixed for JSON


@dataclass(frozen=True, slots=True)
class Value:
    """What the linter knows about a value: its kind and where it came from."""

    kind: str = OTHER
    untrusted: bool = False  # may hold any text the client chose, quotes included
    nullable: bool = False  # may be null (so #set keeps the old value in stock Velocity)
    path: tuple[str, ...] | None = None  # JSON body path it was read from
    depth: int = 0  # PARAMS: 2 for all of params(), 1 for one group
    key: tuple[str, ...] | None = None  # ("param", group, name) or ("stage", name)
    raw_body: bool = False


_OTHER = Value()


@dataclass(frozen=True, slots=True)
class Printed:
    node: ast.Reference
    value: Value
    in_string: bool


@dataclass(frozen=True, slots=True)
class LoopSet:
    node: ast.Set
    loop: ast.Foreach
    var: str
    value: Value


@dataclass(frozen=True, slots=True)
class OverrideSet:
    node: ast.Node
    key: tuple[str, ...]
    branches: tuple[tuple[int, int], ...]
    in_loop: bool


@dataclass(frozen=True, slots=True)
class _Ctx:
    loops: tuple[ast.Foreach, ...] = ()
    branches: tuple[tuple[int, int], ...] = ()


@dataclass
class Facts:
    """Everything :func:`analyse` learnt about one template."""

    prints: list[Printed] = field(default_factory=list)
    loop_sets: list[LoopSet] = field(default_factory=list)
    overrides: list[OverrideSet] = field(default_factory=list)
    #: body path → how it is used: "str", "num", "list" or "any".
    body_uses: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    #: ("param", group-or-"", name) / ("stage", name) / ("authorizer", name) → uses ("str",
    #: "num", "base64", "any").
    key_uses: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    #: does the template's literal text start like JSON?
    json_text: bool | None = None


#: The step of a body path into the JSON text at the path before it (``$util.parseJson``).
PARSED = "\0parsed"

#: Operators whose operands are numbers in a working template (``+`` with a string literal
#: aside, which concatenates).
_NUMERIC_OPS = frozenset(("+", "-", "*", "/", "%", "<", "<=", ">", ">="))


def analyse(template: ast.Template) -> Facts:
    """Gather the :class:`Facts` of a parsed template."""
    walker = _Walker()
    walker.block(template.body, _Ctx())
    return walker.facts


_JSONPATH_STEP = re.compile(r"\.([A-Za-z_$][\w$-]*)|\[\s*'([^']*)'\s*\]|\[\s*\"([^\"]*)\"\s*\]|\[\s*(\d+|\*)\s*\]|\.\*")


def jsonpath_keys(path: str) -> tuple[str, ...] | None:
    """The keys of a simple JSONPath (``$.a.b[0]['c']``); None for anything fancier."""
    path = path.strip()
    if not path.startswith("$"):
        return None
    keys: list[str] = []
    pos = 1
    while pos < len(path):
        m = _JSONPATH_STEP.match(path, pos)
        if m is None:
            return None
        step = next((g for g in m.groups() if g is not None), "*")
        keys.append("*" if step.isdigit() else step)
        pos = m.end()
    return tuple(keys)


def string_value(node: ast.Expr | None) -> str | None:
    """The value of a string literal whose text is fixed (no references inside), else None.

    A double-quoted literal holding ``$`` or ``#`` is parsed as a template even when nothing
    in it is a reference (``"$.items"``): its text parts are then the value.
    """
    if not isinstance(node, ast.StringLit):
        return None
    if node.template is None:
        return node.value
    if all(isinstance(part, ast.Text) for part in node.template.body):
        return "".join(part.text for part in node.template.body).removesuffix(" ")
    return None


def _literal_key(suffix: ast.Suffix) -> str | None:
    if isinstance(suffix, ast.Property):
        return suffix.name
    if isinstance(suffix, ast.Index):
        if isinstance(suffix.arg, ast.IntLit):
            return str(suffix.arg.value)
        return string_value(suffix.arg)
    if isinstance(suffix, ast.Method) and suffix.name == "get" and len(suffix.args) == 1:
        return string_value(suffix.args[0])
    return None


def _is_key_access(suffix: ast.Suffix) -> bool:
    return isinstance(suffix, (ast.Property, ast.Index)) or (
        isinstance(suffix, ast.Method) and suffix.name == "get" and len(suffix.args) == 1
    )


def can_hold_quote(value: Value, node: ast.Expr | None = None) -> bool:
    """Can the text of this value contain a single quote?"""
    text = string_value(node)
    if text is not None:
        return "'" in text
    return value.untrusted or value.kind in (REQUEST, BODY, JSON, OBJECT)


class _Walker:
    def __init__(self) -> None:
        self.facts = Facts()
        self.env: dict[str, Value] = {}
        self.in_string = False
        self.escaped = False
        self.ctx = _Ctx()

    # -- statements --------------------------------------------------------------------

    def block(self, nodes: list[ast.Stmt], ctx: _Ctx) -> None:
        saved, self.ctx = self.ctx, ctx
        for node in nodes:
            self.ctx = ctx
            self.stmt(node, ctx)
        self.ctx = saved

    def stmt(self, node: ast.Stmt, ctx: _Ctx) -> None:
        if isinstance(node, (ast.Text, ast.Literal)):
            self.text(node.text)
        elif isinstance(node, ast.Reference):
            value = self.ref(node)
            self.facts.prints.append(Printed(node, value, self.in_string))
            self.use(value, "str" if self.in_string else "num")
        elif isinstance(node, ast.Set):
            self.assign(node, ctx)
        elif isinstance(node, ast.If):
            for index, (cond, body) in enumerate(node.branches):
                self.expr(cond)
                self.block(body, replace(ctx, branches=(*ctx.branches, (id(node), index))))
            if node.else_body is not None:
                branch = (id(node), len(node.branches))
                self.block(node.else_body, replace(ctx, branches=(*ctx.branches, branch)))
        elif isinstance(node, ast.Foreach):
            items = self.expr(node.iterable) if node.iterable is not None else _OTHER
            self.env[node.var.name] = self.element(items)
            self.block(node.body, replace(ctx, loops=(*ctx.loops, node)))
        elif isinstance(node, ast.Directive):
            for arg in node.args:
                self.expr(arg)
            if node.has_parens and node.name not in ("break", "stop", "include", "parse"):
                self.text(node.source_text)  # an unknown macro call prints as written
            if node.body:
                self.block(node.body, ctx)
        elif isinstance(node, ast.Define):
            self.block(node.body, ctx)

    def text(self, text: str) -> None:
        if self.facts.json_text is None and text.strip():
            self.facts.json_text = text.lstrip()[0] in "{[\""
        in_string, escaped = self.in_string, self.escaped
        for ch in text:
            if escaped:
                escaped = False
            elif in_string:
                if ch == "\\":
                    escaped = True
                elif ch == '"':
                    in_string = False
            elif ch == '"':
                in_string = True
        self.in_string, self.escaped = in_string, escaped

    def assign(self, node: ast.Set, ctx: _Ctx) -> None:
        value = self.expr(node.value)
        target = node.target
        if target.name == "context":
            key = self.override_key(target.suffixes)
            if key is not None:
                self.facts.overrides.append(OverrideSet(node, key, ctx.branches, bool(ctx.loops)))
            return
        if target.suffixes:
            self.ref(target)
            return
        if ctx.loops:
            self.facts.loop_sets.append(LoopSet(node, ctx.loops[-1], target.name, value))
        self.env[target.name] = value

    @staticmethod
    def override_key(suffixes: list[ast.Suffix]) -> tuple[str, ...] | None:
        keys = []
        for suffix in suffixes:
            key = _literal_key(suffix) if not isinstance(suffix, ast.Method) else None
            if key is None:
                return None
            keys.append(key)
        if len(keys) == 3 and keys[0] in ("requestOverride", "responseOverride"):
            return tuple(keys)
        if keys == ["responseOverride", "status"]:
            return tuple(keys)
        return None

    # -- expressions -------------------------------------------------------------------

    def expr(self, node: ast.Expr) -> Value:
        if isinstance(node, ast.Reference):
            value = self.ref(node)
            self.use(value, "any")
            return value
        if isinstance(node, ast.StringLit):
            if node.template is None:
                return _OTHER
            parts = [self.ref(n) for n in ast.walk(node.template.body) if isinstance(n, ast.Reference)]
            for part in parts:
                self.use(part, "str")
            request = next((p for p in parts if p.kind == REQUEST), None)
            return request or Value(untrusted=any(p.untrusted for p in parts))
        if isinstance(node, ast.BinOp):
            numeric = node.op in _NUMERIC_OPS and not any(
                isinstance(side, ast.StringLit) for side in (node.left, node.right))
            for side in (node.left, node.right):
                if numeric and isinstance(side, ast.Reference):
                    # arithmetic and ordering read a number: the sample request gives one
                    self.use(self.ref(side), "num")
                else:
                    self.expr(side)
            return Value(nullable=node.op in ("/", "%"))
        children = list(ast.walk([node]))[1:]
        for child in children:
            if isinstance(child, ast.Reference):
                self.use(self.ref(child), "any")
        return _OTHER

    def use(self, value: Value, how: str) -> None:
        if value.path is not None:
            if value.kind == JSON or (value.kind == OBJECT and how != "str"):
                how = "any"
            self.facts.body_uses.setdefault(value.path, set()).add(how)
        if value.key is not None:
            self.facts.key_uses.setdefault(value.key, set()).add(how)

    def element(self, items: Value) -> Value:
        if items.path is not None:
            self.facts.body_uses.setdefault(items.path, set()).add("list")
            return Value(BODY, untrusted=True, path=(*items.path, "*"))
        if items.kind == PARAMS:
            return self.key_step(items, "")
        return Value(untrusted=items.untrusted)

    def ref(self, node: ast.Reference) -> Value:
        name, suffixes = node.name, node.suffixes
        if name == "input":
            value, used = self.input_ref(suffixes)
        elif name == "util":
            value, used = self.util_ref(suffixes)
        elif name == "context":
            value, used = self.context_ref(suffixes)
        elif name == "stageVariables":
            if suffixes and (key := _literal_key(suffixes[0])) is not None:
                value, used = Value(key=("stage", key)), 1
            else:
                value, used = (Value(OBJECT), 0) if not suffixes else (_OTHER, 1)
        else:
            value, used = self.env.get(name, _OTHER), 0
        for suffix in suffixes[used:]:
            value = self.suffix(value, suffix)
        return value

    def input_ref(self, suffixes: list[ast.Suffix]) -> tuple[Value, int]:
        if not suffixes:
            return _OTHER, 0
        first = suffixes[0]
        if isinstance(first, ast.Property) and first.name == "body":
            return Value(REQUEST, untrusted=True, raw_body=True), 1
        if not isinstance(first, ast.Method):
            return _OTHER, 1
        for arg in first.args:
            self.expr(arg)
        literal = string_value(first.args[0]) if len(first.args) == 1 else None
        if first.name in ("json", "path"):
            keys = jsonpath_keys(literal) if literal is not None else None
            if first.name == "json":
                return Value(JSON, untrusted=True, path=keys), 1
            if keys == ():
                return Value(OBJECT, untrusted=True, path=()), 1
            return Value(BODY, untrusted=True, nullable=True, path=keys), 1
        if first.name == "params":
            if not first.args:
                return Value(PARAMS, untrusted=True, depth=2), 1
            key = ("param", "", literal) if literal is not None else None
            return Value(REQUEST, untrusted=True, key=key), 1
        return _OTHER, 1

    def util_ref(self, suffixes: list[ast.Suffix]) -> tuple[Value, int]:
        if not suffixes or not isinstance(suffixes[0], ast.Method):
            return _OTHER, min(1, len(suffixes))
        method = suffixes[0]
        args = [self.expr(arg) for arg in method.args]
        arg = args[0] if args else _OTHER
        if method.name == "escapeJavaScript":
            node = method.args[0] if method.args else None
            return Value(ESCAPED, untrusted=can_hold_quote(arg, node), path=arg.path), 1
        if method.name == "parseJson":
            # The fields read from the parsed value are paths below the text's own path, so
            # that the sample request can hold a JSON text with them (see sample.py).
            path = (*arg.path, PARSED) if arg.path is not None else None
            return Value(OBJECT, untrusted=True, path=path), 1
        if method.name == "base64Decode" and method.args:
            self.use(arg, "base64")  # the sample request sends Base64 text there
        if method.name in ("urlDecode", "base64Decode"):
            return (Value(REQUEST, untrusted=True) if arg.kind == REQUEST else Value(untrusted=arg.untrusted)), 1
        return _OTHER, 1

    def context_ref(self, suffixes: list[ast.Suffix]) -> tuple[Value, int]:
        keys: list[str] = []
        used = 0
        for suffix in suffixes:
            if isinstance(suffix, ast.Method):
                if suffix.name == "put" and len(suffix.args) == 2:
                    name = string_value(suffix.args[0])
                    if name is not None:
                        key = self.override_key([ast.Property(0, 0, 0, 0, k) for k in (*keys, name)])
                        if key is not None:
                            self.facts.overrides.append(OverrideSet(suffix, key, self.ctx.branches, bool(self.ctx.loops)))
                break
            key = _literal_key(suffix)
            if key is None:
                break
            keys.append(key)
            used += 1
        path = tuple(keys)
        if path in CONTEXT_MAPS:
            return Value(OBJECT, untrusted=path[:1] == ("authorizer",)), used
        if path == ("identity", "userAgent"):
            return Value(REQUEST, untrusted=True), used
        if len(path) == 2 and path[0] == "authorizer":
            # a value of a custom authorizer's context: the sample request sets it
            return Value(untrusted=True, key=("authorizer", path[1])), used
        return Value(untrusted=path[:1] == ("authorizer",)), used

    def suffix(self, value: Value, suffix: ast.Suffix) -> Value:
        if isinstance(suffix, ast.Method):
            for arg in suffix.args:
                self.expr(arg)
        kind = value.kind
        if _is_key_access(suffix):
            if kind == PARAMS:
                return self.key_step(value, _literal_key(suffix))
            if kind in (OBJECT, BODY):
                key = _literal_key(suffix)
                if isinstance(suffix, ast.Index) and isinstance(suffix.arg, ast.IntLit):
                    key = "*"
                path = (*value.path, key) if value.path is not None and key is not None else None
                return Value(BODY, untrusted=value.untrusted, nullable=True, path=path)
            # only body data is known to have holes; other maps are the template's own
            return Value(untrusted=value.untrusted)
        assert isinstance(suffix, ast.Method)
        name = suffix.name
        if name == "size" and value.path is not None:
            self.facts.body_uses.setdefault(value.path, set()).add("list")
        if kind == REQUEST:
            if name in ("trim", "toLowerCase", "toUpperCase", "substring", "strip", "concat", "toString"):
                return replace(value, raw_body=False)
            return Value(untrusted=name not in ("replace", "replaceAll", "length", "size"))
        if kind == ESCAPED:
            if name in ("replace", "replaceAll") and suffix.args:
                first = suffix.args[0]
                if "'" in (string_value(first) or ""):
                    return Value(SAFE, path=value.path)
            if name in ("trim", "toString"):
                return value
            return Value(untrusted=value.untrusted)
        return Value(untrusted=value.untrusted)

    def key_step(self, value: Value, key: str | None) -> Value:
        """One step into ``$input.params()``: a group, then one parameter."""
        if value.depth == 2:
            return Value(PARAMS, untrusted=True, depth=1, key=("group", key) if key else None)
        group = value.key[1] if value.key and value.key[0] == "group" else ""
        return Value(REQUEST, untrusted=True, key=("param", group, key) if key else None)
