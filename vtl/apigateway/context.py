"""``$context``: the request context map, its nested maps and the writable overrides.

API Gateway's ``$context`` is a ``java.util.HashMap``: the recorded ``$context.keySet()``
(reference §5) is exactly HashMap iteration order for those keys, so the map is built in that
order, computed by :func:`hash_order` from Java's ``String.hashCode`` (keys that share a bucket
keep the recorded relative order). ``identity`` always holds the twelve recorded keys, unset
ones ``""``; ``authorizer`` is present only with an authorizer (its custom context values as
strings, ``claims`` a nested map); ``isCanaryRequest`` only when the event says so.

Nested maps print as ``""`` when interpolated (recorded for ``identity``, ``requestOverride``,
``responseOverride`` and their sub-maps); a template reaches their entries as usual.

Overrides (reference §5): ``requestOverride`` = ``{path, header, querystring}`` and
``responseOverride`` = ``{header}`` (+ ``status`` once set). Every write to an override map
(``#set`` by property or bracket, ``put``, ``putAll``, ...) goes through
:class:`OverrideMap`, which refuses a second write of the same name in one template with
:class:`~vtl.errors.VtlRuntimeError` ("overrides are final"). A response template starts a
fresh count but sees the values the request template set (assumed: the rule is per template).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from ..errors import VtlRuntimeError
from ..runtime import JsonArray
from ..runtime.doubles import double_to_string
from ..runtime.hashing import string_hash
from .events import DEFAULTS
from .request import Request

__all__ = ["RequestContext", "ContextMap", "OverrideMap", "build_context", "carry_context", "hash_order", "new_overrides"]

# The recorded keySet() order, which is also a valid insertion order for a HashMap producing
# it; documented variables the recording did not include follow.
_REST_KEYS = (
    "resourceId", "resourcePath", "httpMethod", "extendedRequestId", "requestTime", "path",
    "accountId", "protocol", "requestOverride", "stage", "domainPrefix", "requestTimeEpoch",
    "requestId", "identity", "domainName", "deploymentId", "responseOverride", "apiId",
    "authorizer", "isCanaryRequest", "awsEndpointRequestId", "wafResponseCode", "webaclArn",
)
_WEBSOCKET_KEYS = (
    "routeKey", "messageId", "eventType", "extendedRequestId", "requestTime",
    "messageDirection", "stage", "connectedAt", "requestTimeEpoch", "identity", "requestId",
    "domainName", "connectionId", "apiId", "authorizer",
)
_IDENTITY_KEYS = (
    "cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller", "sourceIp",
    "principalOrgId", "accessKey", "cognitoAuthenticationType",
    "cognitoAuthenticationProvider", "userArn", "userAgent", "user",
)
_OPTIONAL_IDENTITY_KEYS = ("apiKey", "apiKeyId", "clientCert", "vpcId", "vpceId")
# The WebSocket keys that get a default when the event lacks them.
_WEBSOCKET_DEFAULTED = frozenset(
    ("stage", "apiId", "requestId", "requestTime", "requestTimeEpoch", "extendedRequestId",
     "domainName")
)


def hash_order(keys: Iterable[str]) -> tuple[str, ...]:
    """The iteration order of a ``java.util.HashMap`` after putting ``keys`` in this order.

    The table starts with 16 buckets and doubles past a load factor of 0.75; iteration goes
    bucket by bucket, and keys sharing a bucket keep their insertion order.
    """
    return _hash_order(tuple(dict.fromkeys(keys)))


@lru_cache(maxsize=256)
def _hash_order(ordered: tuple[str, ...]) -> tuple[str, ...]:
    size = 16
    while len(ordered) > size * 3 // 4:
        size *= 2

    def bucket(key: str) -> int:
        h = string_hash(key) & 0xFFFFFFFF
        return (h ^ (h >> 16)) & (size - 1)

    position = {key: i for i, key in enumerate(ordered)}
    return tuple(sorted(ordered, key=lambda k: (bucket(k), position[k])))


class RequestContext(dict):
    """``$context`` itself (a ``HashMap``; prints like any map)."""

    __slots__ = ()
    java_class = "java.util.HashMap"


class ContextMap(dict):
    """A map inside ``$context``: a plain Java map whose own printed form is empty."""

    __slots__ = ()
    java_class = "java.util.HashMap"

    def vtl_to_string(self) -> str:
        return ""


class OverrideMap(ContextMap):
    """An override map: each name may be written once per template."""

    __slots__ = ("_written", "_label")

    def __init__(self, label: str, items: dict[str, Any] | None = None) -> None:
        super().__init__()
        self._label = label
        self._written: set[Any] = set()
        if items:
            for key, value in items.items():
                dict.__setitem__(self, key, value)

    def __setitem__(self, key: Any, value: Any) -> None:
        try:
            written = self._written
        except AttributeError:  # made without __init__ (new_overrides, fresh): nothing written yet
            written = self._written = set()
        if key in written:
            raise VtlRuntimeError(
                f"$context.{self._label}.{key} is already set: an override can be written only "
                "once per template (API Gateway answers 500)"
            )
        written.add(key)
        dict.__setitem__(self, key, value)

    def fresh(self) -> OverrideMap:
        """A copy for the next template: same values, nothing written yet."""
        copy = _dict_new(OverrideMap)
        copy._label = self._label
        _dict_update(copy, {k: _fresh(v) for k, v in self.items()})
        return copy

    def __reduce__(self):  # copy/pickle: rebuild through __init__
        return (OverrideMap, (self._label, dict(self)))


def _fresh(value: Any) -> Any:
    return value.fresh() if isinstance(value, OverrideMap) else value


def _text(value: Any) -> str:
    """An event value as the string API Gateway stores (``None`` -> ``""``, a number as Java
    prints it)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):  # String.valueOf(Double): 1.0, 1.0E21, -0.0
        return double_to_string(value)
    return str(value)


def _epoch(value: Any) -> Any:
    """A time in epoch milliseconds: a number stays a number (a Long, or a Double), as the
    event's JSON gives it; anything else is its text."""
    return value if type(value) in _NUMBER_TYPES else _text(value)


_NUMBER_TYPES = frozenset((int, float))


def _nested(value: Any) -> Any:
    """A JSON value from the event as a Java value, maps as :class:`ContextMap`."""
    if isinstance(value, dict):
        return ContextMap((k, _nested(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return JsonArray(_nested(v) for v in value)
    return "" if value is None else value


def _identity(given: dict[str, Any] | None) -> ContextMap:
    given = given or {}
    values: dict[str, Any] = {}
    for key in _IDENTITY_KEYS:
        values[key] = _text(given.get(key))
    for key in _OPTIONAL_IDENTITY_KEYS:
        value = given.get(key)
        if value is not None:
            values[key] = _nested(value) if isinstance(value, dict) else _text(value)
    return ContextMap((k, values[k]) for k in hash_order(values))


def _authorizer(given: dict[str, Any]) -> ContextMap:
    """Custom authorizer context values arrive as strings; ``claims`` (or any other map)
    stays an ordinary map that prints ``{k=v}``, as the oracle's API Gateway profile does."""
    values = ContextMap()
    for key, value in given.items():
        if isinstance(value, dict):
            values[key] = _plain(value)
        elif isinstance(value, list):
            values[key] = _nested(value)
        else:
            values[key] = _text(value)
    return values


def _plain(value: dict[str, Any]) -> dict[str, Any]:
    """An event map as an ordinary Java map (insertion order, scalars kept)."""
    return {k: _plain(v) if isinstance(v, dict) else _nested(v) for k, v in value.items()}


_dict_new = dict.__new__
_dict_update = dict.update


def new_overrides() -> tuple[OverrideMap, OverrideMap]:
    """Fresh ``requestOverride`` and ``responseOverride`` maps."""
    # What OverrideMap(label, items) makes, without running __init__ six times (each map's
    # record of written names is made at its first write).
    new = _dict_new
    path = new(OverrideMap)
    path._label = "requestOverride.path"
    header = new(OverrideMap)
    header._label = "requestOverride.header"
    querystring = new(OverrideMap)
    querystring._label = "requestOverride.querystring"
    request = new(OverrideMap)
    request._label = "requestOverride"
    _dict_update(request, {"path": path, "header": header, "querystring": querystring})
    header = new(OverrideMap)
    header._label = "responseOverride.header"
    response = new(OverrideMap)
    response._label = "responseOverride"
    _dict_update(response, {"header": header})
    return request, response


# The keys of a REST context in the order they are put (the override maps last).
_REST_PUT_ORDER = (*(key for key in _REST_KEYS if key not in ("requestOverride", "responseOverride")),
                   "requestOverride", "responseOverride")
# Every REST context holds 17 to 23 keys: a HashMap of 32 buckets, so its iteration order is
# this one without the absent keys, the order build_context writes them in.
assert len(_REST_KEYS) <= 24 and _hash_order(_REST_PUT_ORDER) == (
    "resourceId", "wafResponseCode", "authorizer", "resourcePath", "httpMethod", "extendedRequestId",
    "isCanaryRequest", "requestTime", "path", "accountId", "awsEndpointRequestId", "protocol",
    "webaclArn", "requestOverride", "stage", "domainPrefix", "requestTimeEpoch", "requestId",
    "identity", "domainName", "deploymentId", "responseOverride", "apiId")
# Twelve identity keys fill a HashMap of 16 buckets.
_IDENTITY_ORDER = _hash_order(_IDENTITY_KEYS)
_EMPTY_IDENTITY = dict.fromkeys(_IDENTITY_ORDER, "")
_IDENTITY_SET = frozenset(_IDENTITY_KEYS)
_OPTIONAL_IDENTITY_SET = frozenset(_OPTIONAL_IDENTITY_KEYS)
_DOMAIN_SUFFIX = f".execute-api.{DEFAULTS['region']}.amazonaws.com"
_RESOURCE_ID = DEFAULTS["resourceId"]
_EXTENDED_REQUEST_ID = DEFAULTS["extendedRequestId"]
_REQUEST_TIME = DEFAULTS["requestTime"]
_ACCOUNT_ID = DEFAULTS["accountId"]
_PROTOCOL = DEFAULTS["protocol"]
_REQUEST_TIME_EPOCH = DEFAULTS["requestTimeEpoch"]
_REQUEST_ID = DEFAULTS["requestId"]
_DEPLOYMENT_ID = DEFAULTS["deploymentId"]
_API_ID = DEFAULTS["apiId"]


def _fast_identity(given: Any) -> ContextMap:
    """:func:`_identity`, written straight in the recorded order unless an optional key is set."""
    identity = ContextMap(_EMPTY_IDENTITY)
    if given:
        for key, value in given.items():
            if value is not None:
                if key in _IDENTITY_SET:
                    identity[key] = value if type(value) is str else _text(value)
                elif key in _OPTIONAL_IDENTITY_SET:
                    return _identity(given)
    return identity


def build_context(request: Request) -> RequestContext:
    """The ``$context`` map for a method request."""
    rc = request.context
    if "connectionId" in rc:
        return _generic_context(request)
    # A REST request: every key written in its HashMap order; a value the event gives wins
    # over the default (event values as the strings API Gateway stores, _text).
    get = rc.get
    stage = get("stage")
    stage = "dev" if stage is None else stage if type(stage) is str else _text(stage)
    api_id = get("apiId")
    api_id = _API_ID if api_id is None else api_id if type(api_id) is str else _text(api_id)
    context = RequestContext()
    value = get("resourceId")
    context["resourceId"] = _RESOURCE_ID if value is None else value if type(value) is str else _text(value)
    value = get("wafResponseCode")
    if value is not None:
        context["wafResponseCode"] = _text(value)
    value = get("authorizer")
    if value:
        context["authorizer"] = _authorizer(value)
    value = get("resourcePath")
    context["resourcePath"] = (
        (request.resource or request.path) if value is None else value if type(value) is str else _text(value))
    value = get("httpMethod")
    context["httpMethod"] = request.method if value is None else value if type(value) is str else _text(value)
    value = get("extendedRequestId")
    context["extendedRequestId"] = (
        _EXTENDED_REQUEST_ID if value is None else value if type(value) is str else _text(value))
    value = get("isCanaryRequest")
    if type(value) is bool:
        context["isCanaryRequest"] = value
    value = get("requestTime")
    context["requestTime"] = _REQUEST_TIME if value is None else value if type(value) is str else _text(value)
    value = get("path")
    context["path"] = f"/{stage}{request.path}" if value is None else value if type(value) is str else _text(value)
    value = get("accountId")
    context["accountId"] = _ACCOUNT_ID if value is None else value if type(value) is str else _text(value)
    value = get("awsEndpointRequestId")
    if value is not None:
        context["awsEndpointRequestId"] = _text(value)
    value = get("protocol")
    context["protocol"] = _PROTOCOL if value is None else value if type(value) is str else _text(value)
    value = get("webaclArn")
    if value is not None:
        context["webaclArn"] = _text(value)
    context["requestOverride"], response_override = new_overrides()
    context["stage"] = stage
    value = get("domainPrefix")
    context["domainPrefix"] = api_id if value is None else value if type(value) is str else _text(value)
    value = get("requestTimeEpoch", _REQUEST_TIME_EPOCH)
    if value is not None:
        context["requestTimeEpoch"] = value if type(value) in _NUMBER_TYPES else _text(value)  # (_epoch)
    value = get("requestId")
    context["requestId"] = _REQUEST_ID if value is None else value if type(value) is str else _text(value)
    context["identity"] = _fast_identity(get("identity"))
    value = get("domainName")
    context["domainName"] = (
        f"{api_id}{_DOMAIN_SUFFIX}" if value is None else value if type(value) is str else _text(value))
    value = get("deploymentId")
    context["deploymentId"] = _DEPLOYMENT_ID if value is None else value if type(value) is str else _text(value)
    context["responseOverride"] = response_override
    context["apiId"] = api_id
    return context


def _generic_context(request: Request) -> RequestContext:
    """``$context`` built key by key (WebSocket events; the reference for :func:`build_context`)."""
    rc = request.context
    websocket = "connectionId" in rc
    stage = _text(rc.get("stage")) if rc.get("stage") is not None else "dev"
    api_id = _text(rc.get("apiId")) if rc.get("apiId") is not None else DEFAULTS["apiId"]
    defaults: dict[str, Any] = {
        "resourceId": DEFAULTS["resourceId"],
        "resourcePath": request.resource or request.path,
        "httpMethod": request.method,
        "extendedRequestId": DEFAULTS["extendedRequestId"],
        "requestTime": DEFAULTS["requestTime"],
        "path": f"/{stage}{request.path}",
        "accountId": DEFAULTS["accountId"],
        "protocol": DEFAULTS["protocol"],
        "stage": stage,
        "domainPrefix": api_id,
        "requestTimeEpoch": DEFAULTS["requestTimeEpoch"],
        "requestId": DEFAULTS["requestId"],
        "domainName": f"{api_id}.execute-api.{DEFAULTS['region']}.amazonaws.com",
        "deploymentId": DEFAULTS["deploymentId"],
        "apiId": api_id,
    }
    values: dict[str, Any] = {}
    for key in _WEBSOCKET_KEYS if websocket else _REST_KEYS:
        if key == "identity":
            values[key] = _identity(rc.get("identity"))
        elif key == "authorizer":
            if rc.get("authorizer"):
                values[key] = _authorizer(rc["authorizer"])
        elif key in ("requestOverride", "responseOverride"):
            continue  # added below
        elif key in ("requestTimeEpoch", "connectedAt"):
            value = rc.get(key, defaults.get(key))
            if value is not None:
                values[key] = _epoch(value)
        elif key == "isCanaryRequest":
            if isinstance(rc.get(key), bool):
                values[key] = rc[key]
        elif rc.get(key) is not None:
            values[key] = _text(rc[key])
        elif key in defaults and (not websocket or key in _WEBSOCKET_DEFAULTED):
            values[key] = defaults[key]
    if not websocket:
        values["requestOverride"], values["responseOverride"] = new_overrides()
    return RequestContext((key, values[key]) for key in hash_order(values))


def carry_context(previous: dict[str, Any]) -> RequestContext:
    """``$context`` for a response template: the request's, with override maps re-armed."""
    return RequestContext((key, _fresh(value)) for key, value in previous.items())
