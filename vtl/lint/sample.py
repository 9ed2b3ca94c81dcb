"""VTL305: render a JSON template for a sample request and check that the output parses.

The sample request is built from what the template reads (:class:`~.analysis.Facts`): every
body path, parameter and custom authorizer value exists, loops get two items (so separators
are exercised), values printed outside a JSON string or used in arithmetic and ordering are
numbers, those given to ``$util.base64Decode`` are Base64 text, and the others are words. To point at the template
text that produced a bad character, a copy of the tree is rendered with invisible markers
(private-use characters) in front of every literal text and printed reference.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from .. import ast
from .analysis import PARSED, Facts
from .diagnostic import Finding

_MARK = "\ue000"
_MARKER = re.compile("\ue000(.)(.)", re.S)
_BASE = 0xE100


def sample_body(facts: Facts) -> Any:
    """A JSON value with every body path the template reads."""
    root: dict = {}
    for path, hows in facts.body_uses.items():
        node = root
        for key in path:
            node = node.setdefault("children", {}).setdefault(key, {})
        node.setdefault("hows", set()).update(hows)
    if not root.get("children") and "list" not in root.get("hows", ()):
        return {}  # the body itself is only printed or tested: an empty object will do
    return _build(root)


def _build(node: dict) -> Any:
    children = node.get("children", {})
    hows = node.get("hows", set())
    parsed = children.get(PARSED)
    if parsed is not None:  # a JSON text the template parses: it holds what is read from it
        return json.dumps(_build(parsed) if parsed.get("children") else {})
    if "*" in children or ("list" in hows and not children):
        item = children.get("*")
        return [_build(item), _build(item)] if item is not None else ["sample", "sample"]
    if children:
        return {key: _build(child) for key, child in children.items()}
    if "base64" in hows:
        return _BASE64_SAMPLE
    return 1 if "num" in hows else "sample"


#: A value read as Base64 (``$util.base64Decode``): it decodes to ``1``, valid JSON both
#: inside and outside a string.
_BASE64_SAMPLE = "MQ=="


def _sample_text(hows: set[str]) -> str:
    if "base64" in hows:
        return _BASE64_SAMPLE
    return "1" if "num" in hows else "sample"


def sample_event(facts: Facts, content_type: str | None, body: str | None) -> dict[str, Any]:
    """Keyword arguments for :func:`vtl.event` providing every parameter the template reads."""
    headers = {"Content-Type": content_type or "application/json"}
    query: dict[str, str] = {}
    path_params: dict[str, str] = {}
    stage: dict[str, str] = {}
    authorizer: dict[str, str] = {}
    for key, hows in facts.key_uses.items():
        value = _sample_text(hows)
        if key[0] == "stage":
            stage[key[1]] = value
        elif key[0] == "authorizer":
            authorizer[key[1]] = value
        elif key[0] == "param" and key[2]:
            group, name = key[1], key[2]
            {"header": headers, "path": path_params}.get(group, query)[name] = value
    kwargs: dict[str, Any] = {"headers": headers}
    if body is not None:
        kwargs["body"] = body
    for name, value in (("query", query), ("path_params", path_params), ("stage_variables", stage),
                        ("authorizer", authorizer)):
        if value:
            kwargs[name] = value
    return kwargs


def check(tree: ast.Template, facts: Facts, response: bool, content_type: str | None) -> Iterator[Finding]:
    """Render for a sample request; report where invalid JSON output comes from."""
    try:
        import vtl
        from vtl import compiler
    except ImportError:  # the engine is not available: nothing to check against
        return
    body = json.dumps(sample_body(facts))

    def render(instrumented: ast.Template) -> str:
        event = vtl.event(**sample_event(facts, content_type, None if response else body))
        template = vtl.compile(tree.source, profile="apigateway")
        # render the marked copy of the tree with the template's own settings
        template._render = compiler.compile_template(instrumented, "apigateway")  # type: ignore[attr-defined]
        result = vtl.render(template, event, response_body=body if response else None)
        return str(getattr(result, "body", result))

    finding = find_invalid_json(tree, render)
    if finding is not None:
        yield finding


def find_invalid_json(tree: ast.Template, render: Callable[[ast.Template], str]) -> Finding | None:
    """Render a marked copy of ``tree`` with ``render``; if the output is not JSON, say where.

    ``render`` receives the marked tree and returns its output. A render that fails proves
    nothing about the template (the sample data is made up): the result is then None.
    """
    owners: list[ast.Node] = []
    instrumented = ast.Template(_instrument(tree.body, owners), tree.source, tree.name)
    try:
        marked = render(instrumented)
    except Exception:  # noqa: BLE001
        return None
    output, starts, nodes = _strip(marked, owners)
    if not output.strip():
        return None
    try:
        json.loads(output)
    except json.JSONDecodeError as err:
        return _finding(err, output, starts, nodes)
    return None


def _instrument(body: list[ast.Stmt], owners: list[ast.Node]) -> list[ast.Stmt]:
    """A copy of ``body`` with a marker naming the source node before each printed part."""
    out: list[ast.Stmt] = []
    for node in body:
        if isinstance(node, (ast.Text, ast.Reference, ast.Literal, ast.Directive)):
            index = len(owners)
            owners.append(node)
            mark = _MARK + chr(_BASE + index // 4096) + chr(_BASE + index % 4096)
            out.append(ast.Text(node.line, node.column, node.start, node.start, mark))
            if isinstance(node, ast.Directive) and node.body:
                node = replace(node, body=_instrument(node.body, owners))
        elif isinstance(node, ast.If):
            node = replace(
                node,
                branches=[(cond, _instrument(b, owners)) for cond, b in node.branches],
                else_body=_instrument(node.else_body, owners) if node.else_body is not None else None,
            )
        elif isinstance(node, (ast.Foreach, ast.Define)):
            node = replace(node, body=_instrument(node.body, owners))
        out.append(node)
    return out


def _strip(marked: str, owners: list[ast.Node]) -> tuple[str, list[int], list[ast.Node | None]]:
    """Remove the markers; returns the output, segment starts and the node of each segment."""
    parts: list[str] = []
    starts: list[int] = [0]
    nodes: list[ast.Node | None] = [None]
    length = last = 0
    for m in _MARKER.finditer(marked):
        parts.append(marked[last : m.start()])
        length += m.start() - last
        starts.append(length)
        nodes.append(owners[(ord(m.group(1)) - _BASE) * 4096 + ord(m.group(2)) - _BASE])
        last = m.end()
    parts.append(marked[last:])
    return "".join(parts), starts, nodes


def _finding(err: json.JSONDecodeError, output: str, starts: list[int], nodes: list[ast.Node | None]) -> Finding | None:
    pos = err.pos
    message = err.msg
    before = output[:pos].rstrip()
    if before.endswith(",") and err.msg.startswith(("Expecting value", "Expecting property name")):
        pos, message = len(before) - 1, "trailing comma"
    elif pos >= len(output.rstrip()):
        pos, message = max(0, len(before) - 1), f"{err.msg} (output ends early)"
    segment = bisect_right(starts, pos) - 1
    node = nodes[segment]
    end = starts[segment + 1] if segment + 1 < len(starts) else len(output)
    if isinstance(node, ast.Reference) and output[starts[segment] : end] == node.source_text:
        return None  # the sample request could not give this reference a value
    offset = 0
    if node is not None:
        offset = node.start
        if isinstance(node, ast.Text) and len(node.text) == node.end - node.start:
            offset += pos - starts[segment]
    line_no = output.count("\n", 0, pos) + 1
    line = output.splitlines()[line_no - 1].strip() if output.splitlines() else ""
    if len(line) > 50:
        line = line[:47] + "..."
    return Finding("VTL305", offset, f"renders invalid JSON for a sample request: {message} (output line {line_no}: {line!r})")
