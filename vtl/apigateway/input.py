"""``$input``: the payload and the method request parameters.

* ``$input.body`` is the raw payload text; an absent or empty payload reads as ``{}``.
* ``$input.path(p)`` evaluates JSONPath ``p`` (:mod:`.jsonpath`) over the payload parsed as
  json-smart does (:mod:`.javajson`) and returns Java values; nothing found, or a payload that
  does not parse, gives null.
* ``$input.json(p)`` is the same result as compact JSON (json-smart's default writer, so ``/``
  is written ``\\/``); nothing found or an unparsable payload gives ``""`` (the two quote
  characters, reference §3 [inf]).
* ``$input.params()`` is ``{path={...}, querystring={...}, header={...}}``;
  ``$input.params(name)`` looks in that order and gives ``""`` when absent.

Every ``path``/``json`` call reads the payload as it was sent, as Velocity with Jayway does
(each call parses the body afresh): a map or list a template changes after ``path()`` handed
it out does not show the change in later calls. The payload is parsed only when a call needs
it; the first map or list handed out is the parsed tree itself, and only a call after that
parses again, once, keeping that second tree private and handing out copies of its parts
(a template that reads one container costs no copy). Until a call needs the document,
``json('$')`` makes the text compact directly (:mod:`.compact`: same text, no tree, a
fraction of the time and memory for big payloads).
Wherever Jayway would throw (a path that does not parse, a path that does not apply to the
document) the result is the same as for a path that finds nothing [inf].
"""

from __future__ import annotations

from typing import Any

from ..errors import JavaException
from ..runtime import MISSING, HostObject, JavaChar, JsonArray, json_smart_string, memguard
from ..runtime.exceptions import java_exception
from .compact import compact_json
from .javajson import parse_json
from .jsonpath import NOT_FOUND, JsonPathSyntaxError, compile_path
from .request import Request

__all__ = ["Input"]

_UNPARSED: Any = object()
_UNPARSABLE: Any = object()
# What became of the parsed tree (Input._state): nothing of it handed out, a container of it
# handed out (the template may change it), or a private tree parsed again that only copies leave.
_PRIVATE, _LENT, _COPYING = 0, 1, 2


def _copy(value: Any) -> Any:
    """A copy of a json-smart tree: new maps and lists all the way down, leaves shared.

    Iterative, so a body nested as deep as json-smart allows copies without deep recursion.
    """
    top = dict(value) if type(value) is dict else JsonArray(value)
    stack = [top]
    pop, push, containers = stack.pop, stack.append, _CONTAINERS
    while stack:
        node = pop()
        for key, item in (node.items() if type(node) is dict else enumerate(node)):
            kind = type(item)
            if kind in containers:
                item = node[key] = dict(item) if kind is dict else JsonArray(item)
                push(item)
    return top


_CONTAINERS = frozenset((dict, JsonArray))


def _is_string(value: Any) -> bool:
    return isinstance(value, str) and type(value) is not JavaChar


class Input(HostObject):
    """The ``$input`` variable of one render."""

    __slots__ = ("_body", "_request", "_root", "_state", "_params", "_compact", "_search_seconds")
    java_class = "com.amazonaws.apigateway.mapping.Input"

    def __init__(self, body: str | None, request: Request, search_seconds: float | None = None) -> None:
        self._body = body if body else "{}"
        self._request = request
        #: How long one JSONPath search may run (the render's deadline; None: unbounded).
        self._search_seconds = search_seconds
        self._root: Any = _UNPARSED
        self._state = _PRIVATE
        self._params: dict[str, Any] | None = None
        #: ``$input.json('$')`` made from the text while no tree was handed out (see json).
        self._compact: str | None = None

    # -- payload -----------------------------------------------------------------------------

    def body(self) -> str:
        return self._body

    def _document(self) -> Any:
        root = self._root
        if root is _UNPARSED:
            try:
                root = parse_json(self._body)
            except JavaException:
                root = _UNPARSABLE
            if root is None:  # Jayway refuses a null root ("root can not be null")
                root = _UNPARSABLE
            self._root = root
        return root

    def _read(self, path: Any) -> Any:
        if path is None:
            return NOT_FOUND
        try:
            compiled = compile_path(path)
        except JsonPathSyntaxError:
            return NOT_FOUND
        if self._state == _LENT:
            # The template holds part of the tree and may have changed it: read a fresh one.
            self._root = _UNPARSED
            self._state = _COPYING
        root = self._document()
        if root is _UNPARSABLE:
            return NOT_FOUND
        return compiled.read(root, self._search_seconds)

    def path(self, path: Any) -> Any:
        if path is not None and not _is_string(path):
            return MISSING
        value = self._read(path)
        if value is NOT_FOUND:
            return None
        if type(value) in _CONTAINERS:
            if self._state == _COPYING:
                # (each copy may be as large as the body's tree: the render's memory guard)
                if len(self._body) >= memguard.SMALL:
                    memguard.note(8 * len(self._body))
                return _copy(value)
            self._state = _LENT
        return value

    def json(self, path: Any) -> Any:
        if path is not None and not _is_string(path):
            return MISSING
        if self._root is _UNPARSED and path is not None:
            # The whole document, before path() handed out a tree a template could change:
            # made compact from the text, without the tree (the text is kept for a second call).
            try:
                whole = not compile_path(path).tokens
            except JsonPathSyntaxError:
                whole = False
            if whole:
                text = self._compact
                if text is None:
                    text = self._compact = compact_json(self._body) or ""
                if text:
                    return text
        value = self._read(path)
        return '""' if value is NOT_FOUND else json_smart_string(value)

    # -- parameters --------------------------------------------------------------------------

    def all_params(self) -> dict[str, Any]:
        """The ``params()`` map (built once per render; templates may change it)."""
        params = self._params
        if params is None:
            request = self._request
            params = self._params = {
                "path": dict(request.path_params),
                "querystring": dict(request.query),
                "header": dict(request.headers),
            }
        return params

    def params(self, name: Any = MISSING) -> Any:
        if name is MISSING:
            return self.all_params()
        if name is None:
            return ""
        if not _is_string(name):
            # Velocity 1.7 falls back to params() for an argument params(String) cannot
            # take, and the reflective call then throws.
            raise java_exception("java.lang.IllegalArgumentException", "wrong number of arguments")
        if self._params is not None:
            sources = self._params.values()
        else:
            request = self._request
            sources = (request.path_params, request.query, request.headers)
        for source in sources:
            if isinstance(source, dict) and name in source:
                return source[name]
        return ""

    vtl_methods = {
        "getBody": body,
        "path": path,
        "json": json,
        "params": params,
    }
    vtl_properties = {"body": body}
