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
* ``isBase64Encoded`` bodies are decoded and read as UTF-8; bytes that are not UTF-8 become
  U+FFFD as Java's ``new String(bytes, UTF_8)`` makes them.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Request:
    """The parts of one method request that templates read."""

    body: str | None
    headers: dict[str, str]
    query: dict[str, str]
    path_params: dict[str, str]
    stage_variables: dict[str, str]
    context: dict[str, Any]
    method: str
    path: str
    resource: str


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
        raise _type_error("['body']", "str or None", body)
    if encoded:
        try:
            return utf8_decode(base64.b64decode(body, validate=True))
        except (binascii.Error, ValueError):
            raise MalformedBodyError(
                "event['body'] is not valid base64 although isBase64Encoded is true") from None
    return body


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


def read_event(event: Any) -> Request:
    """Validate ``event`` and extract the request it describes.

    Raises:
        TypeError: ``event`` or one of its fields has the wrong type (including
            :class:`MalformedBodyError`, a base64 body that does not decode).
    """
    if not isinstance(event, dict):
        raise TypeError(f"event must be a dict (an API Gateway proxy event), not {type(event).__name__}")
    if event.get("version") == "2.0":
        raise TypeError("event is an HTTP API (payload 2.0) event; mapping templates belong to "
                        "REST and WebSocket APIs (payload 1.0)")
    headers = {
        key: value
        for key, value in _merged(_str_map(event, "headers"), _multi_map(event, "multiValueHeaders")).items()
        if key.lower() not in HIDDEN_HEADERS
    }
    query = _merged(_str_map(event, "queryStringParameters"),
                    _multi_map(event, "multiValueQueryStringParameters"))
    return Request(
        body=_body(event),
        headers=headers,
        query=query,
        path_params=_str_map(event, "pathParameters"),
        stage_variables=_str_map(event, "stageVariables"),
        context=_request_context(event),
        method=_plain_str(event, "httpMethod", "POST"),
        path=_plain_str(event, "path", "/"),
        resource=_plain_str(event, "resource", ""),
    )
