"""Check an API Gateway proxy event and extract what templates can see of the request.

Accepted: a REST API (payload 1.0) or WebSocket proxy event as a ``dict``, with every field
optional (missing ones get the defaults of :mod:`vtl.apigateway.events`). A field of the wrong
type raises ``TypeError`` naming it (``event['headers']['Accept'] must be str, not int``).

Decisions (the reference leaves them open or inferred):

* Header names are matched exactly as the client spelled them (``$input.params('accept')``
  does not find ``Accept``), as for any Java map; headers API Gateway strips
  (``Connection``, ``Content-Length``, ...) are invisible.
* A multi-valued header or query parameter shows its last value (``multiValue*`` fields win
  over the single-valued ones when both are given).
* Event values are taken as already URL-decoded, as in a real proxy event.
* An ``isBase64Encoded`` body is a binary payload, and templates read its Base64 text as it
  stands: API Gateway applies a template to a binary payload only after CONVERT_TO_TEXT
  turned it into that text (developer guide, "Content type conversions"). The text must be
  valid Base64. A ``bytes`` body (not JSON, an extension for Python callers) is the payload's
  raw bytes, read as UTF-8 (bytes that are not UTF-8 become U+FFFD, as Java's
  ``new String(bytes, UTF_8)`` makes them).
"""

from __future__ import annotations

import base64
import binascii
from itertools import chain
from typing import Any

from .encoding import utf8_decode

__all__ = ["Request", "read_event", "HIDDEN_HEADERS", "MalformedBodyError"]

#: Headers API Gateway never shows to mapping templates (recorded: they read as "").
HIDDEN_HEADERS = frozenset(
    name.lower()
    for name in ("Connection", "Content-Length", "Content-MD5", "Expect", "Max-Forwards",
                 "Proxy-Authenticate", "Server", "TE", "Transfer-Encoding", "Trailer",
                 "Upgrade", "WWW-Authenticate")
)


class MalformedBodyError(TypeError, ValueError):
    """``isBase64Encoded`` is true but the body is not Base64 (a malformed event: both a
    ``TypeError``, like every event error, and a ``ValueError``)."""


class Request:
    """The parts of one method request that templates read (shared by the renders of a
    request and its response template: treat it as read-only).

    ``headers`` is worked out on first read (``multiValueHeaders`` merged in, hidden headers
    dropped), from copies taken when the event was read: most templates never read it.
    """

    __slots__ = ("body", "query", "path_params", "stage_variables", "context", "method", "path",
                 "resource", "_headers", "_raw")

    def __init__(
        self,
        body: str | None,
        headers: dict[str, str] | None,  # None: worked out from _raw on first read
        query: dict[str, str],
        path_params: dict[str, str],
        stage_variables: dict[str, str],
        context: dict[str, Any],
        method: str,
        path: str,
        resource: str,
    ) -> None:
        self.body = body
        self._headers: dict[str, str] | None = headers
        self._raw: tuple[dict[str, str], dict[str, str] | None] = ({}, None)
        self.query = query
        self.path_params = path_params
        self.stage_variables = stage_variables
        self.context = context
        self.method = method
        self.path = path
        self.resource = resource

    @property
    def headers(self) -> dict[str, str]:
        """The visible headers, ``multiValueHeaders`` winning over ``headers``."""
        headers = self._headers
        if headers is None:
            single, last = self._raw
            headers = self._headers = _visible(_merged(single, last) if last else single)
        return headers

    def _fields(self) -> tuple[Any, ...]:
        return (self.body, self.headers, self.query, self.path_params, self.stage_variables,
                self.context, self.method, self.path, self.resource)

    def __eq__(self, other: object) -> bool:
        if type(other) is not Request:
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return "Request(" + ", ".join(
            f"{name}={value!r}" for name, value in zip(_FIELDS, self._fields())) + ")"

    def __reduce__(self):  # copy/pickle: the worked-out fields
        return (Request, self._fields())


_FIELDS = ("body", "headers", "query", "path_params", "stage_variables", "context", "method",
           "path", "resource")


def _type_error(field: str, expected: str, value: Any) -> TypeError:
    return TypeError(f"event{field} must be {expected}, not {type(value).__name__}")


def _str_map(event: dict[str, Any], name: str) -> dict[str, str]:
    value = event.get(name)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _type_error(f"[{name!r}]", "a dict of str", value)
    for key, item in value.items():
        if not isinstance(key, str):
            raise _type_error(f"[{name!r}] key {key!r}", "str", key)
        if not isinstance(item, str):
            raise _type_error(f"[{name!r}][{key!r}]", "str", item)
    return value


def _multi_map(event: dict[str, Any], name: str) -> dict[str, str]:
    """``multiValue*`` -> the last value of each name."""
    value = event.get(name)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _type_error(f"[{name!r}]", "a dict of lists of str", value)
    last: dict[str, str] = {}
    for key, items in value.items():
        if not isinstance(key, str):
            raise _type_error(f"[{name!r}] key {key!r}", "str", key)
        if items is None:
            continue
        if not isinstance(items, (list, tuple)):
            raise _type_error(f"[{name!r}][{key!r}]", "a list of str", items)
        for item in items:
            if not isinstance(item, str):
                raise _type_error(f"[{name!r}][{key!r}] item", "str", item)
        if items:
            last[key] = items[-1]
    return last


def _merged(single: dict[str, str], multi: dict[str, str]) -> dict[str, str]:
    if not multi:
        return single
    merged = dict(single)
    merged.update(multi)
    return merged


def _body(event: dict[str, Any]) -> str | None:
    body = event.get("body")
    encoded = event.get("isBase64Encoded")
    if encoded is not None and not isinstance(encoded, bool):
        raise _type_error("['isBase64Encoded']", "bool", encoded)
    if body is None:
        return None
    if isinstance(body, (bytes, bytearray)):
        return utf8_decode(bytes(body))
    if not isinstance(body, str):
        error = _type_error("['body']", "str or None", body)
        if isinstance(body, (dict, list)):
            error.args = (f"{error.args[0]} (a JSON body is text: serialise it with json.dumps, "
                          "or build the event with vtl.event(body=...), which does)",)
        raise error
    if encoded:
        try:
            base64.b64decode(body, validate=True)
        except (binascii.Error, ValueError):
            raise MalformedBodyError(
                "event['body'] is not valid base64 although isBase64Encoded is true") from None
    return body  # (a binary payload: templates read its Base64 text)


def _plain_str(event: dict[str, Any], name: str, default: str) -> str:
    value = event.get(name)
    if value is None:
        return default
    if not isinstance(value, str):
        raise _type_error(f"[{name!r}]", "str", value)
    return value


_SCALARS = (str, bool, int, float)


def _check_scalars(values: dict[str, Any], field: str) -> None:
    """Top-level values must be JSON scalars; maps and lists only where AWS nests them."""
    for key, item in values.items():
        if not isinstance(key, str):
            raise _type_error(f"{field} key {key!r}", "str", key)
        if item is not None and not isinstance(item, _SCALARS) and not isinstance(item, (dict, list)):
            raise _type_error(f"{field}[{key!r}]", "a JSON value", item)


def _request_context(event: dict[str, Any]) -> dict[str, Any]:
    context = event.get("requestContext")
    if context is None:
        return {}
    if not isinstance(context, dict):
        raise _type_error("['requestContext']", "a dict", context)
    _check_scalars(context, "['requestContext']")
    for name in ("identity", "authorizer"):
        part = context.get(name)
        if part is None:
            continue
        if not isinstance(part, dict):
            raise _type_error(f"['requestContext'][{name!r}]", "a dict", part)
        _check_scalars(part, f"['requestContext'][{name!r}]")
    return context


_join = "".join
_NONE = type(None)
_MULTI_TYPES = frozenset((list, _NONE))
_CONTEXT_TYPES = frozenset((str, bool, int, float, dict, list, _NONE))
_BODY_TYPES = frozenset((str, bytes, bytearray))
_NOTHING: dict[str, Any] = {}  # stands for an absent map in the checks (never returned)


def _last_values(multi: dict[str, Any] | None) -> dict[str, str] | None:
    """A checked ``multiValue*`` map -> the last value of each name (``None``: no map)."""
    if not multi:
        return None
    return {key: items[-1] for key, items in multi.items() if items}


def _visible(headers: dict[str, str]) -> dict[str, str]:
    """``headers`` (a private copy) without the hidden ones."""
    if HIDDEN_HEADERS.isdisjoint(map(str.lower, headers)):
        return headers
    return {key: value for key, value in headers.items() if key.lower() not in HIDDEN_HEADERS}


def _request(body: str | None, headers: dict[str, str], multi_headers: Any, query: dict[str, str],
             multi_query: Any, path_params: dict[str, str], stage_variables: dict[str, str],
             context: dict[str, Any], method: str, path: str, resource: str) -> Request:
    """A :class:`Request` whose headers are worked out on first read."""
    last = _last_values(multi_query)
    request = Request(body, None, _merged(query, last) if last else query, path_params, stage_variables,
                      context, method, path, resource)
    # Copies now: what the event holds when it is read is what templates see.
    request._raw = (dict(headers), _last_values(multi_headers))
    return request


def _read_usual(event: dict[str, Any]) -> Request | None:
    """:func:`read_event` for an event of the usual exact types, checked at C speed: ``None``
    when anything is unusual (then the field-by-field reading decides, and reports the first
    bad field). ``str.join`` accepts exactly the ``str`` instances."""
    get = event.get
    headers = get("headers")
    query = get("queryStringParameters")
    path_params = get("pathParameters")
    stage_variables = get("stageVariables")
    context = get("requestContext")
    body = get("body")
    encoded = get("isBase64Encoded")
    method = get("httpMethod")
    path = get("path")
    resource = get("resource")
    if headers is None:
        headers = {}
    elif type(headers) is not dict:
        return None
    if query is None:
        query = {}
    elif type(query) is not dict:
        return None
    if path_params is None:
        path_params = {}
    elif type(path_params) is not dict:
        return None
    if stage_variables is None:
        stage_variables = {}
    elif type(stage_variables) is not dict:
        return None
    if context is None:
        context = {}
        identity = authorizer = _NOTHING
    elif type(context) is not dict:
        return None
    else:
        identity = context.get("identity")
        if identity is None:
            identity = _NOTHING
        elif type(identity) is not dict:
            return None
        authorizer = context.get("authorizer")
        if authorizer is None:
            authorizer = _NOTHING
        elif type(authorizer) is not dict:
            return None
    if method is None:
        method = "POST"
    elif type(method) is not str:
        return None
    if path is None:
        path = "/"
    elif type(path) is not str:
        return None
    if resource is None:
        resource = ""
    elif type(resource) is not str:
        return None
    if encoded is not None and type(encoded) is not bool:
        return None
    if body is not None and type(body) not in _BODY_TYPES:
        return None
    multi_headers = get("multiValueHeaders")
    multi_query = get("multiValueQueryStringParameters")
    if multi_headers is None:
        multi_headers = _NOTHING
    elif type(multi_headers) is not dict:
        return None
    if multi_query is None:
        multi_query = _NOTHING
    elif type(multi_query) is not dict:
        return None
    try:
        _join([*headers, *headers.values(), *query, *query.values(), *path_params, *path_params.values(),
               *stage_variables, *stage_variables.values(), *context, *identity, *authorizer])
    except TypeError:
        return None
    # (A set display: issuperset would copy any other iterable into a set first.)
    if not _CONTEXT_TYPES.issuperset(
            {*map(type, context.values()), *map(type, identity.values()), *map(type, authorizer.values())}):
        return None
    if multi_headers or multi_query:
        multi_values = [*multi_headers.values(), *multi_query.values()]
        if not _MULTI_TYPES.issuperset({*map(type, multi_values)}):
            return None
        try:  # (lists or None by now: nothing else is iterated)
            _join([*multi_headers, *multi_query, *chain.from_iterable(filter(None, multi_values))])
        except TypeError:
            return None
    if get("version") == "2.0":
        return None
    if encoded or (body is not None and type(body) is not str):
        body = _body(event)  # everything else is fine: a bad body is the first error
    return _request(body, headers, multi_headers, query, multi_query, path_params, stage_variables,
                    context, method, path, resource)


def read_event(event: Any) -> Request:
    """Validate ``event`` and extract the request it describes.

    Raises:
        TypeError: ``event`` or one of its fields has the wrong type (including
            :class:`MalformedBodyError`, a base64 body that does not decode).
    """
    if type(event) is dict:
        request = _read_usual(event)
        if request is not None:
            return request
    if not isinstance(event, dict):
        raise TypeError(f"event must be a dict (an API Gateway proxy event), not {type(event).__name__}")
    if event.get("version") == "2.0":
        raise TypeError("event is an HTTP API (payload 2.0) event; mapping templates belong to "
                        "REST and WebSocket APIs (payload 1.0)")
    # Field by field, in the order the errors are reported.
    headers = _str_map(event, "headers")
    multi_headers = event.get("multiValueHeaders")
    _multi_map(event, "multiValueHeaders")
    query = _str_map(event, "queryStringParameters")
    multi_query = event.get("multiValueQueryStringParameters")
    _multi_map(event, "multiValueQueryStringParameters")
    return _request(_body(event), headers, multi_headers, query, multi_query, _str_map(event, "pathParameters"),
                    _str_map(event, "stageVariables"), _request_context(event),
                    _plain_str(event, "httpMethod", "POST"), _plain_str(event, "path", "/"),
                    _plain_str(event, "resource", ""))
