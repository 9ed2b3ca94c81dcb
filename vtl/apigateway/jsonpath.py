"""JSONPath as ``$input.path``/``$input.json`` evaluate it: Jayway JsonPath 2.0's dialect.

A path compiles once (LRU cache, safe across threads) into a list of steps. What Jayway returns
depends on whether the path is *definite*:

* a definite path (only single names and single non-negative indices: ``$``, ``$.a.b``,
  ``$.a[0]``, ``$['a-b']``, ``$.a.k-1``) gives the one value it reaches, or :data:`NOT_FOUND`;
* any other path (wildcards ``*``, deep scan ``..``, filters ``[?(...)]``, index lists
  ``[0,1]``, slices ``[1:]``) gives a :class:`~vtl.runtime.JsonArray` of every match, in
  Jayway's order (empty when nothing matches).

Definite paths are walked by a direct accessor. Filter expressions are handed to
``jsonpath-ng``'s extended parser; the walk around them (and the order of a deep scan:
every node's children, then each child's subtree) follows Jayway.

Jayway 2.0 details kept on purpose: a path without ``$`` gets ``$.`` in front (``a.b`` is
``$.a.b``); a single negative index (``[-1]``) finds nothing, while slices count from the end
(``[-2:]``); ``['a','b']`` picks those keys into a new map; ``.length()`` is an ordinary
(absent) property name. Departures: indexing or naming into the wrong kind of value finds
nothing instead of raising, and ``["a"]`` is accepted like ``['a']``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..runtime import JsonArray

__all__ = ["NOT_FOUND", "JsonPath", "JsonPathSyntaxError", "compile_path", "simple_keys"]


class _NotFound:
    __slots__ = ()

    def __repr__(self) -> str:
        return "NOT_FOUND"


#: A definite path that reaches nothing (Jayway's ``PathNotFoundException``).
NOT_FOUND: Any = _NotFound()


class JsonPathSyntaxError(ValueError):
    """The path does not parse (Jayway's ``InvalidPathException``)."""


# -- steps -------------------------------------------------------------------------------------

# A step maps one node to the nodes it selects.
Step = Callable[[Any], Iterator[Any]]
# What a definite path walks: a key, an index, or (``['a','b']``) several keys.
Key = str | int | tuple[str, ...]


@dataclass(frozen=True)
class _Names:
    names: tuple[str, ...]

    def __call__(self, node: Any) -> Iterator[Any]:
        if isinstance(node, dict):
            if len(self.names) == 1:
                name = self.names[0]
                if name in node:
                    yield node[name]
            else:
                yield {k: node[k] for k in self.names if k in node}


@dataclass(frozen=True)
class _Indices:
    indices: tuple[int, ...]

    def __call__(self, node: Any) -> Iterator[Any]:
        if isinstance(node, list):
            for i in self.indices:
                if 0 <= i < len(node):
                    yield node[i]


@dataclass(frozen=True)
class _Slice:
    start: int | None
    stop: int | None

    def __call__(self, node: Any) -> Iterator[Any]:
        if isinstance(node, list):
            yield from node[self.start : self.stop]


@dataclass(frozen=True)
class _Wildcard:
    def __call__(self, node: Any) -> Iterator[Any]:
        if isinstance(node, dict):
            yield from node.values()
        elif isinstance(node, list):
            yield from node


@dataclass(frozen=True)
class _Filter:
    source: str
    node: Any  # a jsonpath_ng Filter

    def __call__(self, node: Any) -> Iterator[Any]:
        candidates = node if isinstance(node, list) else [node] if isinstance(node, dict) else []
        if candidates:
            for match in self.node.find(candidates):
                yield match.value


@dataclass(frozen=True)
class _Scan:
    """``..step``: ``step`` applied to every node of the subtree, parents first."""

    step: Step

    def __call__(self, node: Any) -> Iterator[Any]:
        yield from self.step(node)
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        for child in children:
            if isinstance(child, (dict, list)):
                yield from self(child)


# -- the compiled path -------------------------------------------------------------------------


class JsonPath:
    """A compiled path; :meth:`read` evaluates it against a parsed document."""

    __slots__ = ("source", "steps", "keys")

    def __init__(self, source: str, steps: tuple[Step, ...], keys: tuple[Key, ...] | None):
        self.source = source
        self.steps = steps
        #: For a definite path, the keys (``str``), indices (``int``) and key tuples it walks.
        self.keys = keys

    @property
    def definite(self) -> bool:
        return self.keys is not None

    def read(self, root: Any) -> Any:
        """The value a definite path reaches (or ``NOT_FOUND``); for any other path a
        ``JsonArray`` of the matches."""
        keys = self.keys
        if keys is not None:
            node = root
            for key in keys:
                if type(key) is str:
                    if isinstance(node, dict) and key in node:
                        node = node[key]
                    else:
                        return NOT_FOUND
                elif type(key) is int:
                    if isinstance(node, list) and 0 <= key < len(node):
                        node = node[key]
                    else:
                        return NOT_FOUND
                elif isinstance(node, dict):  # ['a','b']: a new map of those keys
                    node = {k: node[k] for k in key if k in node}
                else:
                    return NOT_FOUND
            return node
        nodes = [root]
        for step in self.steps:
            nodes = [found for node in nodes for found in step(node)]
        return JsonArray(nodes)

    def __repr__(self) -> str:
        return f"JsonPath({self.source!r})"


def simple_keys(path: str) -> tuple[Key, ...] | None:
    """The keys of a definite path, or ``None`` when the path is not definite.

    Raises:
        JsonPathSyntaxError: the path does not parse.
    """
    return compile_path(path).keys


@lru_cache(maxsize=2048)
def compile_path(path: str) -> JsonPath:
    """Compile ``path`` (cached).

    Raises:
        JsonPathSyntaxError: the path does not parse, with Jayway's kind of message.
    """
    if not path:
        raise JsonPathSyntaxError("path can not be null or empty")
    text = path if path[0] in "$@" else "$." + path
    steps, keys = _Parser(text).parse()
    return JsonPath(path, steps, keys)


# -- parsing -----------------------------------------------------------------------------------


class _Parser:
    """Reads a path into steps, tracking whether it stays definite."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 1  # after the root '$' or '@'
        self.steps: list[Step] = []
        self.keys: list[Key] | None = []

    def parse(self) -> tuple[tuple[Step, ...], tuple[Key, ...] | None]:
        text, n = self.text, len(self.text)
        while self.i < n:
            ch = text[self.i]
            if ch == ".":
                if self.i + 1 >= n:
                    raise JsonPathSyntaxError(f"Path must not end with a '.' or '..': {text}")
                if text[self.i + 1] == ".":
                    self.i += 2
                    self.add(_Scan(self.scan_target()), None)
                else:
                    self.i += 1
                    self.dot_member()
            elif ch == "[":
                step, key = self.bracket()
                self.add(step, key)
            elif ch.isspace():
                raise JsonPathSyntaxError("Space not allowed in path")
            else:
                raise JsonPathSyntaxError(f"Could not parse token starting at position {self.i}: {text}")
        keys = tuple(self.keys) if self.keys is not None else None
        return tuple(self.steps), keys

    def add(self, step: Step, key: Key | None) -> None:
        self.steps.append(step)
        if key is None:
            self.keys = None
        elif self.keys is not None:
            self.keys.append(key)

    def scan_target(self) -> Step:
        if self.i >= len(self.text):
            raise JsonPathSyntaxError(f"Path must not end with a '.' or '..': {self.text}")
        ch = self.text[self.i]
        if ch == "[":
            return self.bracket()[0]
        if ch == "*":
            self.i += 1
            return _Wildcard()
        return _Names((self.name(),))

    def dot_member(self) -> None:
        if self.text[self.i] == "*":
            self.i += 1
            self.add(_Wildcard(), None)
            return
        if self.text[self.i] == "[":
            raise JsonPathSyntaxError(f"Could not parse token starting at position {self.i}: {self.text}")
        name = self.name()
        self.add(_Names((name,)), name)

    def name(self) -> str:
        start, text = self.i, self.text
        while self.i < len(text) and text[self.i] not in ".[":
            if text[self.i].isspace():
                raise JsonPathSyntaxError("Space not allowed in path")
            self.i += 1
        if self.i == start:
            raise JsonPathSyntaxError(f"Path must not end with a '.' or '..': {text}")
        return text[start : self.i]

    def bracket(self) -> tuple[Step, Key | None]:
        """``[...]`` at ``self.i``: names, indices, a slice, ``*`` or a filter."""
        text = self.text
        end = _closing_bracket(text, self.i)
        if end < 0:
            raise JsonPathSyntaxError(f"Could not analyze path component: {text[self.i:]}")
        inner = text[self.i + 1 : end].strip()
        component = text[self.i : end + 1]
        self.i = end + 1
        if inner == "*":
            return _Wildcard(), None
        if inner.startswith("?"):
            return _compile_filter(inner, component), None
        if inner[:1] in "'\"":
            names = _quoted_names(inner, component)
            return _Names(names), names[0] if len(names) == 1 else names
        if ":" in inner:
            bounds = [part.strip() for part in inner.split(":")]
            if len(bounds) != 2:
                raise JsonPathSyntaxError(f"Could not analyze path component: {component}")
            start, stop = (_int_or_none(b, component) for b in bounds)
            return _Slice(start, stop), None
        indices = tuple(_int(part.strip(), component) for part in inner.split(","))
        return _Indices(indices), indices[0] if len(indices) == 1 else None


def _closing_bracket(text: str, start: int) -> int:
    """Index of the ``]`` closing the ``[`` at ``start`` (quotes and parentheses respected)."""
    quote = ""
    depth = 0
    i = start + 1
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "]" and depth <= 0:
            return i
        i += 1
    return -1


def _quoted_names(inner: str, component: str) -> tuple[str, ...]:
    names: list[str] = []
    i, n = 0, len(inner)
    while i < n:
        quote = inner[i]
        if quote not in "'\"":
            raise JsonPathSyntaxError(f"Could not analyze path component: {component}")
        i += 1
        chars: list[str] = []
        while i < n and inner[i] != quote:
            if inner[i] == "\\" and i + 1 < n:
                i += 1
            chars.append(inner[i])
            i += 1
        if i >= n:
            raise JsonPathSyntaxError(f"Could not analyze path component: {component}")
        names.append("".join(chars))
        i += 1
        while i < n and inner[i].isspace():
            i += 1
        if i < n:
            if inner[i] != ",":
                raise JsonPathSyntaxError(f"Could not analyze path component: {component}")
            i += 1
            while i < n and inner[i].isspace():
                i += 1
            if i >= n:
                raise JsonPathSyntaxError(f"Could not analyze path component: {component}")
    return tuple(names)


def _int(text: str, component: str) -> int:
    body = text[1:] if text[:1] == "-" else text
    if not body.isdigit() or not body.isascii():
        raise JsonPathSyntaxError(f"Could not analyze path component: {component}")
    return int(text)


def _int_or_none(text: str, component: str) -> int | None:
    return None if text == "" else _int(text, component)


def _compile_filter(inner: str, component: str) -> _Filter:
    """``?(expr)`` -> a ``jsonpath-ng`` filter (Jayway's ``&&`` is its ``&``)."""
    expr = inner[1:].strip()
    if not (expr.startswith("(") and expr.endswith(")")):
        raise JsonPathSyntaxError(f"Could not analyze path component: {component}")
    translated = expr[1:-1].replace("&&", "&")
    from jsonpath_ng.ext import parse as ng_parse
    from jsonpath_ng.ext.filter import Filter

    try:
        tree = ng_parse(f"$[?({translated})]")
    except Exception as exc:  # jsonpath-ng raises several kinds
        raise JsonPathSyntaxError(f"Unsupported filter {component}: {exc}") from None
    node = getattr(tree, "right", None)
    if not isinstance(node, Filter):
        raise JsonPathSyntaxError(f"Unsupported filter {component}")
    return _Filter(component, node)
