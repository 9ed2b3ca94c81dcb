"""JSONPath as ``$input.path``/``$input.json`` evaluate it: Jayway JsonPath 2.0.

A path compiles once (LRU cache, safe across threads) into Jayway's tokens: property
(``.a``, ``['a']``, ``['a','b']``), array index/slice (``[0]``, ``[0,1]``, ``[1:]``, ``[:2]``,
``[1:3]``, ``[(@.length-1)]``), wildcard (``*``, ``[*]``), deep scan (``..``) and filter
(``[?(...)]``). :meth:`JsonPath.read` then gives what ``JsonPath.read`` returns:

* a *definite* path (only properties and single indices) gives its one value;
* any other path gives a :class:`~vtl.runtime.JsonArray` of the matches;
* when Jayway throws (``PathNotFoundException``, ``InvalidPathException``) the result is
  :data:`NOT_FOUND`: that is what ``$input`` turns into null / ``""``.

Jayway 2.0's rules are kept, including the surprising ones: a missing *last* property throws
even in an indefinite path (``$.items[*].name`` is not found as soon as one item is a map
without ``name``, while a non-map item is skipped), a single negative index (``[-1]``) is out
of bounds, ``["a"]`` is not a property, ``.length()`` is just a property name, and a path
without ``$`` gets ``$.`` in front. Definite paths are walked by a direct accessor; filter
expressions are evaluated by ``jsonpath-ng``'s extended parser (Jayway's ``&&`` is its ``&``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..runtime import JsonArray

__all__ = ["NOT_FOUND", "JsonPath", "JsonPathSyntaxError", "compile_path"]


class _NotFound:
    __slots__ = ()

    def __repr__(self) -> str:
        return "NOT_FOUND"


#: What a path gives when Jayway throws (nothing found, or not applicable to the document).
NOT_FOUND: Any = _NotFound()


class JsonPathSyntaxError(ValueError):
    """The path does not compile (Jayway's ``InvalidPathException``)."""


class _Failed(Exception):
    """Jayway threw while evaluating (``PathNotFoundException``/``InvalidPathException``)."""


class _Missing(_Failed):
    """``PathNotFoundException``: swallowed by a wildcard over an array."""


# -- tokens ------------------------------------------------------------------------------------
# Each token evaluates ``model`` and hands what it selects to the rest of the path (``path``
# from index ``at + 1``), or adds it to ``out`` when it is the last token.


class _Token:
    __slots__ = ()
    definite = True

    def evaluate(self, path: JsonPath, at: int, model: Any, out: list[Any]) -> None:
        raise NotImplementedError


def _forward(path: JsonPath, at: int, value: Any, out: list[Any]) -> None:
    if at == len(path.tokens) - 1:
        out.append(value)
    else:
        path.tokens[at + 1].evaluate(path, at + 1, value, out)


def _index(path: JsonPath, at: int, model: list[Any], index: int, out: list[Any]) -> None:
    """``handleArrayIndex``: ``model.get(index)``; out of range is not found."""
    if not 0 <= index < len(model):
        raise _Missing
    _forward(path, at, model[index], out)


class _Property(_Token):
    __slots__ = ("names",)

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names

    def evaluate(self, path: JsonPath, at: int, model: Any, out: list[Any]) -> None:
        if not isinstance(model, dict):
            raise _Missing
        if len(self.names) > 1:
            if at != len(path.tokens) - 1:
                raise _Failed  # multi properties can only be used as path leafs
            out.append({name: model[name] for name in self.names if name in model})
            return
        name = self.names[0]
        if name not in model:
            if at == len(path.tokens) - 1 or path.upstream_definite[at]:
                raise _Missing
            return
        _forward(path, at, model[name], out)


class _Wildcard(_Token):
    __slots__ = ()
    definite = False

    def evaluate(self, path: JsonPath, at: int, model: Any, out: list[Any]) -> None:
        if isinstance(model, dict):
            for value in list(model.values()):
                _forward(path, at, value, out)
        elif isinstance(model, list):
            for i in range(len(model)):
                try:
                    _index(path, at, model, i, out)
                except _Missing:
                    pass


class _Array(_Token):
    """Index, index list, slices and ``[(@.length-n)]``."""

    __slots__ = ("op", "numbers", "definite")

    def __init__(self, op: str, numbers: tuple[int, ...]) -> None:
        self.op = op
        self.numbers = numbers
        self.definite = op in ("index", "size")

    def evaluate(self, path: JsonPath, at: int, model: Any, out: list[Any]) -> None:
        if model is None:
            raise _Missing
        if not isinstance(model, list):
            raise _Failed  # "can only be applied to arrays"
        length, numbers = len(model), self.numbers
        if self.op == "index":
            indices: Any = numbers[:1]
        elif self.op == "list":
            indices = numbers
        elif self.op == "size":
            indices = (length + numbers[0],)
        elif self.op == "from":
            start = numbers[0] + length if numbers[0] < 0 else numbers[0]
            indices = range(max(0, start), length)
        elif self.op == "to":
            stop = numbers[0] + length if numbers[0] < 0 else numbers[0]
            indices = range(0, min(length, stop)) if length else ()
        else:  # between
            stop = min(length, numbers[1])
            indices = range(numbers[0], stop) if numbers[0] < stop and length else ()
        for i in indices:
            _index(path, at, model, i, out)


class _Filter(_Token):
    __slots__ = ("node",)
    definite = False

    def __init__(self, node: Any) -> None:
        self.node = node  # a jsonpath_ng filter

    def accept(self, value: Any) -> bool:
        try:
            return bool(self.node.find([value]))
        except Exception:  # noqa: BLE001 - a comparison jsonpath-ng cannot make is a non-match
            return False

    def evaluate(self, path: JsonPath, at: int, model: Any, out: list[Any]) -> None:
        if isinstance(model, dict):
            if self.accept(model):
                _forward(path, at, model, out)
        elif isinstance(model, list):
            for i, item in enumerate(list(model)):
                if self.accept(item):
                    _index(path, at, model, i, out)
        else:
            raise _Failed  # "can not be applied to primitives"


class _Scan(_Token):
    """``..``: the rest of the path from every node of the subtree that suits its next token."""

    __slots__ = ()
    definite = False

    def evaluate(self, path: JsonPath, at: int, model: Any, out: list[Any]) -> None:
        target = path.tokens[at + 1]
        self.walk(path, at + 1, target, model, out)

    def matches(self, target: _Token, model: Any) -> bool:
        if isinstance(target, _Property):
            return isinstance(model, dict) and all(name in model for name in target.names)
        if isinstance(target, _Array):
            return isinstance(model, list)
        if isinstance(target, _Wildcard):
            return True
        if isinstance(target, _Filter):
            return target.accept(model)
        return False

    def walk(self, path: JsonPath, at: int, target: _Token, model: Any, out: list[Any]) -> None:
        if isinstance(model, dict):
            if self.matches(target, model):
                target.evaluate(path, at, model, out)
            for value in list(model.values()):
                self.walk(path, at, target, value, out)
        elif isinstance(model, list):
            if self.matches(target, model):
                if at == len(path.tokens) - 1:
                    target.evaluate(path, at, model, out)
                else:  # Jayway 2.0 hands each element to the token after the target
                    for item in list(model):
                        path.tokens[at + 1].evaluate(path, at + 1, item, out)
            for item in list(model):
                self.walk(path, at, target, item, out)


# -- the compiled path -------------------------------------------------------------------------


class JsonPath:
    """A compiled path; :meth:`read` evaluates it against a parsed document."""

    __slots__ = ("source", "tokens", "definite", "keys", "upstream_definite")

    def __init__(self, source: str, tokens: tuple[_Token, ...]) -> None:
        self.source = source
        self.tokens = tokens
        self.definite = all(t.definite for t in tokens)
        #: Jayway's ``isUpstreamDefinite`` of each token: the token is definite and so is the
        #: path from the token before it to the end (the root's "path" is the whole path).
        self.upstream_definite = tuple(
            token.definite and all(t.definite for t in tokens[max(at - 1, 0):])
            for at, token in enumerate(tokens)
        )
        #: For a path of single properties and non-negative indices, the keys it walks.
        self.keys = _simple_keys(tokens)

    def read(self, root: Any) -> Any:
        """The value of a definite path, a ``JsonArray`` of matches for any other path, or
        ``NOT_FOUND`` where Jayway throws."""
        keys = self.keys
        if keys is not None:
            node = root
            for key in keys:
                if type(key) is str:
                    if not isinstance(node, dict) or key not in node:
                        return NOT_FOUND
                elif not isinstance(node, list) or key >= len(node):
                    return NOT_FOUND
                node = node[key]
            return node
        out: list[Any] = []
        try:
            if self.tokens:
                self.tokens[0].evaluate(self, 0, root, out)
            else:
                out.append(root)
        except (_Failed, RecursionError):
            return NOT_FOUND
        if self.definite:
            return out[0] if out else NOT_FOUND
        return JsonArray(out)

    def __repr__(self) -> str:
        return f"JsonPath({self.source!r})"


def _simple_keys(tokens: tuple[_Token, ...]) -> tuple[str | int, ...] | None:
    keys: list[str | int] = []
    for token in tokens:
        if isinstance(token, _Property) and len(token.names) == 1:
            keys.append(token.names[0])
        elif isinstance(token, _Array) and token.op == "index" and token.numbers[0] >= 0:
            keys.append(token.numbers[0])
        else:
            return None
    return tuple(keys)


@lru_cache(maxsize=2048)
def compile_path(path: str) -> JsonPath:
    """Compile ``path`` as Jayway 2.0's ``PathCompiler`` does (cached).

    Raises:
        JsonPathSyntaxError: Jayway would throw ``InvalidPathException``.
    """
    text = path.strip(_JAVA_SPACE)
    if not text:
        raise JsonPathSyntaxError("path can not be null or empty")
    if text.endswith(".."):
        raise JsonPathSyntaxError("A path can not end with a scan.")
    if text[0] not in "$@":
        text = "$." + text
    text = "$" + text[1:]
    if len(text) > 1 and text[1] not in ".[":
        raise JsonPathSyntaxError(f"Invalid path {text}")
    return JsonPath(path, tuple(_tokens(text)))


_JAVA_SPACE = "".join(chr(c) for c in range(33))  # String.trim() strips these


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 1, len(text)
    while i < n:
        ch = text[i]
        if ch == " ":
            raise JsonPathSyntaxError("Space not allowed in path")
        if ch == "[":
            end = _bracket_end(text, i)
            tokens.append(_bracket(text[i:end]))
            i = end
        elif ch == ".":
            i += 1
            if i >= n:
                raise JsonPathSyntaxError(f"Path must not end with a '.': {text}")
            if text[i] == ".":
                tokens.append(_Scan())
                i += 1
                continue
            name_end = _name_end(text, i)
            if name_end == i:
                continue
            name = text[i:name_end]
            tokens.append(_Wildcard() if name == "*" else _Property((name,)))
            i = name_end
        elif ch == "*":
            tokens.append(_Wildcard())
            i += 1
        elif ch == "$":
            raise JsonPathSyntaxError(f"Unexpected '$' in path {text}")
        else:
            name_end = _name_end(text, i)
            tokens.append(_Property((text[i:name_end],)))
            i = name_end
    if tokens and isinstance(tokens[-1], _Scan):
        raise JsonPathSyntaxError("A path can not end with a scan.")
    return tokens


def _name_end(text: str, i: int) -> int:
    while i < len(text) and text[i] not in ".[ ":
        i += 1
    return i


def _bracket_end(text: str, i: int) -> int:
    """``fastForwardUntilClosed``: the index after the matching ``]`` (nested brackets count)."""
    depth = 0
    i += 1
    while i < len(text):
        ch = text[i]
        i += 1
        if ch == "]":
            if depth == 0:
                return i
            depth -= 1
        elif ch == "[":
            depth += 1
    return i


_SIZE_RE = re.compile(r"\[\s*\(\s*@\s*\.\s*(?:length|size\s*\(\s*\))\s*-\s*(\d+)\s*\)\s*\]")
_SEQUENCE_CHARS = frozenset("0123456789,:- ")


def _bracket(fragment: str) -> _Token:
    """``PathComponentAnalyzer``: what a ``[...]`` fragment is."""
    if not fragment.endswith("]"):
        raise JsonPathSyntaxError(f"Could not analyze path component: {fragment}")
    inner = fragment[1:-1]
    if inner == "*":
        return _Wildcard()
    for ch in inner:
        if ch == "?":
            return _filter(fragment)
        if ch == "'":
            return _Property(_quoted_names(fragment))
        if ch.isdigit() or ch in ":-@":
            return _array(fragment)
    raise JsonPathSyntaxError(f"Could not analyze path component: {fragment}")


def _quoted_names(fragment: str) -> tuple[str, ...]:
    """``analyzeProperty``: every single-quoted run, no escapes, anything between ignored."""
    names = re.findall(r"'([^']*)'", fragment)
    if fragment.count("'") % 2:
        raise JsonPathSyntaxError(f"Could not analyze path component: {fragment}")
    return tuple(names)


def _array(fragment: str) -> _Array:
    size = _SIZE_RE.fullmatch(fragment)
    if size:
        return _Array("size", (-int(size.group(1)),))
    inner = fragment[1:-1]
    if not inner or any(ch not in _SEQUENCE_CHARS for ch in inner):
        raise JsonPathSyntaxError(f"Could not analyze path component: {fragment}")
    inner = inner.replace(" ", "")
    try:
        if ":" in inner:
            start, _, stop = inner.partition(":")
            if ":" in stop or "," in inner or not (start or stop):
                raise ValueError
            if not start:
                return _Array("to", (int(stop),))
            if not stop:
                return _Array("from", (int(start),))
            return _Array("between", (int(start), int(stop)))
        numbers = tuple(int(part) for part in inner.split(","))
    except ValueError:
        raise JsonPathSyntaxError(f"Could not analyze path component: {fragment}") from None
    return _Array("index" if len(numbers) == 1 else "list", numbers)


@lru_cache(maxsize=256)
def _filter(fragment: str) -> _Filter:
    """``[?(expr)]`` -> a ``jsonpath-ng`` filter."""
    inner = fragment[1:-1].strip()
    expr = inner[1:].strip()
    if not (expr.startswith("(") and expr.endswith(")")):
        raise JsonPathSyntaxError(f"Could not analyze path component: {fragment}")
    from jsonpath_ng.ext import parse as ng_parse
    from jsonpath_ng.ext.filter import Filter

    try:
        tree = ng_parse(f"$[?({expr[1:-1].replace('&&', '&')})]")
    except Exception as exc:  # noqa: BLE001 - jsonpath-ng raises several kinds
        raise JsonPathSyntaxError(f"Unsupported filter {fragment}: {exc}") from None
    node = getattr(tree, "right", None)
    if not isinstance(node, Filter):
        raise JsonPathSyntaxError(f"Unsupported filter {fragment}")
    return _Filter(node)
