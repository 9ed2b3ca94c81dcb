"""The rules that read the syntax tree and the facts of :mod:`.analysis` (no rendering)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterable, Iterator

from .. import ast
from .analysis import ESCAPED, JSON, OBJECT, PARAMS, REQUEST, Facts, string_value
from .diagnostic import Finding
from .members import APPSYNC_UTIL, CONTEXT, INPUT_METHODS, INPUT_PROPERTIES, OPEN, UTIL_METHODS

#: Content types whose raw body can safely sit in a JSON string (base64 of binary media).
_TEXT_TYPES = ("json", "xml", "text/", "x-www-form-urlencoded", "javascript", "yaml")


def directives(tree: ast.Template) -> Iterator[Finding]:
    """VTL101-VTL103: directives API Gateway drops, prints or cannot run."""
    for node in ast.walk(tree.body):
        if isinstance(node, ast.MacroDef):
            yield Finding("VTL101", node.start, f"#macro({node.name}) is dropped: API Gateway disables macros")
        elif isinstance(node, ast.Directive):
            if node.name == "evaluate":
                yield Finding("VTL102", node.start, "#evaluate is printed literally on API Gateway")
            elif node.name in ("include", "parse"):
                yield Finding("VTL103", node.start, f"#{node.name} fails on API Gateway: there are no files to load")
            elif node.name not in ("break", "stop") and (node.has_parens or node.body is not None):
                yield Finding("VTL101", node.start, f"#{node.name}(...) is a macro call: API Gateway prints it literally")


_ELSE_IF = re.compile(r"[ \t]*if[ \t]*\(")
_BEFORE_REFERENCE = re.compile(r"[ \t]*\$!?\{?[A-Za-z_]")


def mistakes(tree: ast.Template) -> Iterator[Finding]:
    """VTL105-VTL107, VTL403: text that reads like VTL but is not what it seems."""
    for node in ast.walk(tree.body):
        if isinstance(node, ast.Directive) and node.name in ast.BODYLESS_WITHOUT_PARENS and not node.has_parens:
            yield Finding("VTL107", node.start, f"#{node.name} without '(' fails every render that reaches it")
        elif (isinstance(node, ast.Directive) and node.name == "set" and not node.has_parens
                and _BEFORE_REFERENCE.match(tree.source, node.end)):
            yield Finding("VTL105", node.start, "#set without '(' is printed as text: write #set($name = value)")
        elif isinstance(node, ast.If) and node.else_body and isinstance(node.else_body[0], ast.Text):
            first = node.else_body[0]
            m = _ELSE_IF.match(first.text)
            if m is not None and len(first.text) == first.end - first.start:  # (text as written)
                at = first.start + len(first.text) - len(first.text.lstrip(" \t"))
                yield Finding("VTL106", at, "'#else if(' is #else followed by the text 'if(': write #elseif(...)")
        elif isinstance(node, ast.Method):
            for arg in node.args:
                if isinstance(arg, ast.Runt):
                    yield Finding("VTL403", arg.start, f"{arg.name} (no $, no quotes) is always null: "
                                                        f"write '{arg.name}' for the text or ${arg.name} for a variable")


def members(tree: ast.Template) -> Iterator[Finding]:
    """VTL201-VTL203: unknown ``$input``/``$util`` members, arity, unknown ``$context`` names."""
    assigned = {
        node.target.suffixes[0].name
        for node in ast.walk(tree.body)
        if isinstance(node, ast.Set) and node.target.name == "context" and node.target.suffixes
        and isinstance(node.target.suffixes[0], ast.Property)
    }
    for node in ast.walk(tree.body):
        if not isinstance(node, ast.Reference) or not node.suffixes:
            continue
        if node.name == "input":
            yield from _object_member(node, "$input", INPUT_METHODS, INPUT_PROPERTIES, frozenset())
        elif node.name == "util":
            yield from _object_member(node, "$util", UTIL_METHODS, (), APPSYNC_UTIL)
        elif node.name == "context":
            yield from context_names(node.suffixes, CONTEXT, assigned)


def _suggest(name: str, candidates: Iterable[str]) -> str:
    """The closest known name ("" if none is close), case differences first."""
    names = list(candidates)
    lowered = {c.lower(): c for c in names}
    if name.lower() in lowered:
        return lowered[name.lower()]
    match = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    return match[0] if match else ""


def _object_member(
    node: ast.Reference, label: str, methods: dict[str, tuple[int, ...]],
    properties: tuple[str, ...], appsync: frozenset[str],
) -> Iterator[Finding]:
    first = node.suffixes[0]
    if isinstance(first, ast.Index):
        return
    name, at = first.name, first.start + 1
    if isinstance(first, ast.Method):
        if name in methods:
            allowed = methods[name]
            if len(first.args) not in allowed:
                want = " or ".join(str(n) for n in allowed)
                yield Finding("VTL202", at, f"{label}.{name}() takes {want} argument{'s' if allowed != (1,) else ''}, not {len(first.args)}")
            return
        if name in properties:
            yield Finding("VTL201", at, f"{label}.{name} is a property, not a method: write {label}.{name}")
            return
    else:
        if name in properties:
            return
        if name in methods:
            yield Finding("VTL201", at, f"{label}.{name} is a method: call it as {label}.{name}(...)")
            return
    if name in appsync:
        yield Finding("VTL201", at, f"{label}.{name} is an AppSync helper; API Gateway's {label} has no {name}")
        return
    hint = _suggest(name, [*methods, *properties])
    yield Finding("VTL201", at, f"{label} has no member {name!r}" + (f" (did you mean {hint!r}?)" if hint else ""))


def context_names(suffixes: list[ast.Suffix], tree: dict, assigned: Collection[str] = ()) -> Iterator[Finding]:
    """Check a ``$context.a.b...`` chain against the tree of documented variables."""
    node: dict | None = tree
    path = "$context"
    for suffix in suffixes:
        if node is None or node is OPEN:
            return
        if isinstance(suffix, ast.Property):
            name = suffix.name
        elif isinstance(suffix, ast.Index) and string_value(suffix.arg) is not None:
            name = string_value(suffix.arg)
        else:
            return  # a method call (keySet, put ...) or a computed key
        if name not in node:
            if node is tree and name in assigned:
                return
            if node is tree and name == "error":
                yield Finding("VTL203", suffix.start + 1, "$context.error.* exists only in gateway responses and access logs")
                return
            hint = _suggest(name, node)
            message = f"{path}.{name} is not an API Gateway context variable"
            yield Finding("VTL203", suffix.start + 1, message + (f" (did you mean {path}.{hint}?)" if hint else ""))
            return
        node = node[name]
        path = f"{path}.{name}"


def json_strings(facts: Facts, content_type: str | None) -> Iterator[Finding]:
    """VTL301-VTL304: what printed references do to the JSON around them."""
    binary = content_type is not None and not any(t in content_type.lower() for t in _TEXT_TYPES)
    for printed in facts.prints:
        node, value = printed.node, printed.value
        text = _short(node.source_text)
        if value.kind == OBJECT or value.kind == PARAMS:
            yield Finding("VTL302", node.start, f"{text} prints a Java map ({{key=value}}), not JSON")
        elif not printed.in_string:
            continue
        elif value.kind == JSON:
            yield Finding("VTL301", node.start, f"{text} prints JSON; inside a JSON string it is encoded twice")
        elif value.kind == REQUEST and not (value.raw_body and binary):
            yield Finding("VTL303", node.start, f"{text} goes into a JSON string unescaped: wrap it in $util.escapeJavaScript(...)")
        elif value.kind == ESCAPED and value.untrusted:
            yield Finding("VTL304", node.start, f"{text} turns ' into \\' (invalid JSON): add .replaceAll(\"\\\\'\",\"'\")")


def _short(text: str, limit: int = 60) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 3] + "..."


def loop_sets(facts: Facts) -> Iterator[Finding]:
    """VTL401: ``#set`` of a nullable value inside ``#foreach``, read again in the loop."""
    reset: set[tuple[int, str]] = set()
    for item in facts.loop_sets:
        key = (id(item.loop), item.var)
        if not item.value.nullable:
            reset.add(key)
            continue
        if key in reset:
            continue
        used = any(
            isinstance(n, ast.Reference) and n.name == item.var and n.start >= item.node.end
            for n in ast.walk(item.loop.body)
        )
        if used:
            yield Finding(
                "VTL401", item.node.start,
                f"#set(${item.var}) inside #foreach from a value that can be null: "
                f"Velocity keeps the previous item's value, API Gateway sets it to \"\"",
            )


def overrides(facts: Facts) -> Iterator[Finding]:
    """VTL402: the same override parameter assigned twice."""
    seen: dict[tuple[str, ...], list] = {}
    for item in sorted(facts.overrides, key=lambda o: o.node.start):
        name = "$context." + ".".join(item.key)
        earlier = [o for o in seen.get(item.key, []) if not _exclusive(o.branches, item.branches)]
        if earlier:
            first = earlier[0].node
            yield Finding("VTL402", item.node.start, f"{name} is already set on line {{related}}: API Gateway answers 5XX", first.start)
        elif item.in_loop:
            yield Finding("VTL402", item.node.start, f"{name} is set inside #foreach: a second iteration sets it again (5XX)")
        seen.setdefault(item.key, []).append(item)


def _exclusive(a: tuple[tuple[int, int], ...], b: tuple[tuple[int, int], ...]) -> bool:
    """Are two statements in different branches of one #if?"""
    branches = dict(a)
    return any(if_id in branches and branches[if_id] != index for if_id, index in b)


__all__ = ["context_names", "directives", "json_strings", "loop_sets", "members", "overrides"]
