"""The fast paths of a render's fixed cost (issue #6) against the implementations they replace.

* :func:`vtl.apigateway.request.read_event` checks the event with C-level fast checks and
  runs the detailed checks only when one fails; it must accept, refuse (same error, same
  message) and extract exactly as the field-by-field reading did (:func:`_reference_read`).
* :func:`vtl.apigateway.context.build_context` writes a REST ``$context`` straight in its
  HashMap order; it must equal the key-by-key build (``_generic_context``, which still serves
  WebSocket events) in keys, order, values and value types.
* :func:`vtl.apigateway.encoding.escape_javascript` (``str.replace``/``str.translate``) must
  equal the regular-expression implementation it replaced (:func:`_reference_escape`).
* ``RenderResult``s equal the general reading of the override maps.
* ``base64Decode`` takes well-formed input straight to :func:`base64.b64decode`; it must
  decode or refuse (same message) as the checking loop does.
"""

from __future__ import annotations

import base64
import copy
import itertools
import pickle
import re
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import vtl
from vtl.apigateway import context as context_module
from vtl.apigateway import event as build_event
from vtl.apigateway import request as request_module
from vtl.apigateway.context import (
    OverrideMap,
    RequestContext,
    build_context,
    new_overrides,
)
from vtl.apigateway.encoding import _base64_decode_checked, base64_decode_bytes, escape_javascript
from vtl.apigateway.render import _param_map, _param_values, _result, _status, prepare
from vtl.apigateway.request import HIDDEN_HEADERS, Request, read_event
from vtl.errors import VtlRuntimeError

FUZZ = settings(max_examples=300, deadline=None, database=None, derandomize=True,
                suppress_health_check=list(HealthCheck),
                phases=[Phase.explicit, Phase.generate, Phase.shrink])


# -- references: the implementations before the fast paths -------------------------------------

_JS_SHORT = {"\b": "\\b", "\n": "\\n", "\t": "\\t", "\f": "\\f", "\r": "\\r", "'": "\\'",
             '"': '\\"', "\\": "\\\\", "/": "\\/"}
_JS_SPECIAL_RE = re.compile("[\x00-\x1f'\"\\\\/\x80-\U0010ffff]")


def _js_escape_char(match: re.Match[str]) -> str:
    ch = match.group()
    short = _JS_SHORT.get(ch)
    if short is not None:
        return short
    code = ord(ch)
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04X}\\u{0xDC00 + (code & 0x3FF):04X}"
    return f"\\u{code:04X}"


def _reference_escape(text: str) -> str:
    return _JS_SPECIAL_RE.sub(_js_escape_char, text)


def _reference_read(event: Any) -> tuple:
    """``read_event`` as it was: every field read by the detailed checks, in this order."""
    r = request_module
    if not isinstance(event, dict):
        raise TypeError(f"event must be a dict (an API Gateway proxy event), not {type(event).__name__}")
    if event.get("version") == "2.0":
        raise TypeError("event is an HTTP API (payload 2.0) event; mapping templates belong to "
                        "REST and WebSocket APIs (payload 1.0)")
    headers = {
        key: value
        for key, value in r._merged(r._str_map(event, "headers"), r._multi_map(event, "multiValueHeaders")).items()
        if key.lower() not in HIDDEN_HEADERS
    }
    query = r._merged(r._str_map(event, "queryStringParameters"),
                      r._multi_map(event, "multiValueQueryStringParameters"))
    body = r._body(event)
    return (body, headers, query, r._str_map(event, "pathParameters"), r._str_map(event, "stageVariables"),
            r._request_context(event), r._plain_str(event, "httpMethod", "POST"),
            r._plain_str(event, "path", "/"), r._plain_str(event, "resource", ""))


def _outcome(function, *args) -> tuple:
    try:
        return ("ok", function(*args))
    except Exception as exc:  # noqa: BLE001 - compared below
        return ("error", type(exc), str(exc))


def _fields(request: Request) -> tuple:
    return (request.body, request.headers, request.query, request.path_params, request.stage_variables,
            request.context, request.method, request.path, request.resource)


def _shape(value: Any) -> Any:
    """A value with its types and key order, for exact comparison."""
    if isinstance(value, dict):
        label = getattr(value, "_label", None)
        return (type(value), label, [(k, _shape(v)) for k, v in value.items()])
    if isinstance(value, list):
        return (type(value), [_shape(v) for v in value])
    return (type(value), value)


# -- strategies -------------------------------------------------------------------------------

class _Text(str):
    """A str subclass: accepted like str by the detailed checks."""


names = st.one_of(st.sampled_from(["Accept", "Host", "X-Id", "a", "", "Connection", "content-length",
                                   "TE", "Server", "User-Agent"]), st.text(max_size=6))
texts = st.one_of(st.text(max_size=8), st.sampled_from(["application/json", "x/y", "é", "a'b"]))
odd = st.sampled_from([1, 2.5, True, None, b"x", ["x"], ("x",), {"a": "b"}, object(), Decimal("1"),
                       _Text("sub"), {1}])
str_maps = st.one_of(
    st.none(),
    st.dictionaries(names, texts, max_size=6),
    st.dictionaries(names, st.one_of(texts, odd), max_size=4),
    st.dictionaries(st.one_of(names, st.sampled_from([1, None, _Text("k")])), texts, max_size=3),
    odd,
)
multi_maps = st.one_of(
    st.none(),
    st.dictionaries(names, st.one_of(st.none(), st.lists(texts, max_size=3)), max_size=5),
    st.dictionaries(names, st.one_of(st.tuples(texts), st.lists(st.one_of(texts, odd), max_size=2), odd),
                    max_size=3),
    st.dictionaries(st.sampled_from([1, _Text("k")]), st.lists(texts, max_size=2), max_size=2),
    odd,
)
scalars = st.one_of(st.none(), st.text(max_size=6), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.sampled_from([1.0, 2.5, -0.0, 1428582896000, 2**70]))
json_values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                            st.dictionaries(st.text(max_size=4), inner, max_size=3)),
                           max_leaves=6)
context_values = st.one_of(scalars, json_values, odd)
rest_keys = st.sampled_from(context_module._REST_KEYS + ("connectionId", "routeKey", "other"))
identity_keys = st.sampled_from(context_module._IDENTITY_KEYS + context_module._OPTIONAL_IDENTITY_KEYS + ("x",))
identities = st.one_of(st.none(), st.dictionaries(identity_keys, st.one_of(scalars, json_values), max_size=8),
                       st.dictionaries(identity_keys, context_values, max_size=3), odd)
authorizers = st.one_of(st.none(), st.dictionaries(st.sampled_from(["principalId", "claims", "n", "l"]),
                                                   st.one_of(scalars, json_values), max_size=4), odd)


@st.composite
def request_contexts(draw, rest_only: bool = False) -> Any:
    if draw(st.integers(0, 9)) == 0:
        return draw(st.one_of(st.none(), odd))
    values = draw(st.dictionaries(rest_keys, st.one_of(scalars, context_values), max_size=12))
    if rest_only:
        values.pop("connectionId", None)
    if draw(st.booleans()):
        values["identity"] = draw(identities)
    if draw(st.booleans()):
        values["authorizer"] = draw(authorizers)
    if draw(st.booleans()):
        values.pop("connectionId", None)
    return values


@st.composite
def events(draw) -> Any:
    if draw(st.integers(0, 30)) == 0:
        return draw(st.one_of(odd, st.just({"version": "2.0"})))
    fields = {
        "headers": str_maps, "multiValueHeaders": multi_maps, "queryStringParameters": str_maps,
        "multiValueQueryStringParameters": multi_maps, "pathParameters": str_maps, "stageVariables": str_maps,
        "requestContext": request_contexts(), "body": st.one_of(st.none(), texts, st.sampled_from(["aGk=", "%%%", "/w"]),
                                                                odd),
        "isBase64Encoded": st.one_of(st.none(), st.booleans(), odd),
        "httpMethod": st.one_of(st.none(), texts, odd), "path": st.one_of(st.none(), texts, odd),
        "resource": st.one_of(st.none(), texts, odd),
    }
    chosen = draw(st.lists(st.sampled_from(sorted(fields)), unique=True, max_size=len(fields)))
    return {name: draw(fields[name]) for name in chosen}


# -- read_event -------------------------------------------------------------------------------

@FUZZ
@given(events())
def test_read_event_equals_the_field_by_field_reading(event: Any) -> None:
    expected = _outcome(_reference_read, event)
    got = _outcome(read_event, event)
    if expected[0] == "ok" and got[0] == "ok":
        got = ("ok", _fields(got[1]))
        assert [list(m.items()) if isinstance(m, dict) else m for m in got[1]] == [
            list(m.items()) if isinstance(m, dict) else m for m in expected[1]]
    assert got == expected


@pytest.mark.parametrize("event", [
    build_event(),
    build_event(headers={"Accept": "a", "Connection": "close"}, multi_value_headers={"Accept": ["x", "y"], "B": []},
                query="a=1&a=2&b=3", body=b"\xff", stage_variables={"v": "1"}),
    {"multiValueHeaders": {"A": ["1"], "B": None}, "headers": {"B": "2", "content-length": "3"}},
    {"headers": {_Text("A"): _Text("1")}, "queryStringParameters": {"q": _Text("x")}},
    {"multiValueQueryStringParameters": {"q": ("1", "2")}, "requestContext": {"identity": None, "stage": True}},
])
def test_read_event_examples(event: Any) -> None:
    assert _fields(read_event(event)) == _reference_read(event)


def test_unusual_values_are_not_iterated_by_the_fast_checks() -> None:
    with pytest.raises(TypeError, match=r"\['a'\] must be a list of str, not count"):
        read_event({"multiValueHeaders": {"a": itertools.count()}})


def test_headers_are_worked_out_on_first_read_from_what_the_event_held() -> None:
    event = {"headers": {"A": "1", "Connection": "x"}, "multiValueHeaders": {"A": ["2", "3"]},
             "multiValueQueryStringParameters": {"q": ["a", "b"]}}
    request = read_event(event)
    assert request._headers is None and request.query == {"q": "b"}
    event["headers"]["B"] = "4"
    event["multiValueHeaders"]["A"].append("5")
    assert request.headers == {"A": "3"} and request.headers is request.headers


def test_request_compares_copies_and_pickles_by_its_fields() -> None:
    request = read_event(build_event(query="a=1", body="x"))
    other = read_event(build_event(query="a=1", body="x"))
    assert request == other and request != read_event(build_event())
    assert pickle.loads(pickle.dumps(request)) == request
    assert copy.copy(request) == request
    assert "headers=" in repr(request)
    built = Request(body=None, headers={"h": "1"}, query={}, path_params={}, stage_variables={}, context={},
                    method="GET", path="/", resource="")
    assert built.headers == {"h": "1"} and built.method == "GET"


# -- $context ---------------------------------------------------------------------------------

def _request_for(rc: Any, **more: Any) -> Request | None:
    try:
        return read_event({"requestContext": rc, **more})
    except TypeError:
        return None


@FUZZ
@given(request_contexts(), st.one_of(st.none(), texts), st.one_of(st.none(), texts), st.one_of(st.none(), texts))
def test_build_context_equals_the_key_by_key_build(rc: Any, method: Any, path: Any, resource: Any) -> None:
    request = _request_for(rc, httpMethod=method, path=path, resource=resource)
    if request is None:
        return
    got = _outcome(build_context, request)
    expected = _outcome(context_module._generic_context, request)
    if got[0] == "ok" and expected[0] == "ok":
        assert type(got[1]) is RequestContext
        assert _shape(got[1]) == _shape(expected[1])
    else:
        assert got == expected


@pytest.mark.parametrize("rc", [
    {}, build_event()["requestContext"],
    build_event(authorizer={"principalId": "p", "claims": {"a": 1}}, requestContext={
        "isCanaryRequest": True, "wafResponseCode": "WAF_ALLOW", "webaclArn": "arn", "awsEndpointRequestId": 7,
        "requestTimeEpoch": 1.5, "identity": {"apiKey": "k", "clientCert": {"a": None}}})["requestContext"],
    {"requestTimeEpoch": None, "stage": 5, "apiId": 1.0, "identity": {"user": 2, "caller": False}},
    {"connectionId": "c", "connectedAt": 1, "stage": "s"},
])
def test_build_context_examples(rc: dict) -> None:
    request = read_event({"requestContext": rc})
    assert _shape(build_context(request)) == _shape(context_module._generic_context(request))


def test_new_override_maps_are_written_once() -> None:
    request, response = new_overrides()
    header = request["header"]
    header["a"] = "1"
    with pytest.raises(VtlRuntimeError, match=r"\$context\.requestOverride\.header\.a is already set"):
        header["a"] = "2"
    response["status"] = 400
    with pytest.raises(VtlRuntimeError, match="responseOverride.status"):
        response["status"] = 401
    assert type(response.fresh()["header"]) is OverrideMap
    assert pickle.loads(pickle.dumps(request)) == request


# -- results ----------------------------------------------------------------------------------

def _reference_result(body: str, context: dict) -> tuple:
    response = context.get("responseOverride")
    response = response if isinstance(response, dict) else {}
    overrides = context.get("requestOverride")
    overrides = overrides if isinstance(overrides, dict) else {}
    return (body, _status(response.get("status")), _param_map(response.get("header")),
            {name: _param_values(overrides.get(name)) for name in ("header", "querystring", "path")})


@pytest.mark.parametrize("source", [
    "x", "$context.stage", "#set($context.responseOverride.status = 201)",
    "#set($context.requestOverride.header.a = 'b')#set($context.requestOverride.querystring.q = ['1', '2'])",
    "#set($x = $context.requestOverride.remove('header'))", "#set($x = $context.clear())",
    "#set($context.responseOverride.header = {'a': 1})#set($context.requestOverride = 'x')",
])
def test_results_equal_the_general_reading(source: str) -> None:
    result = vtl.compile(source).render_request(build_event())
    assert (result.body, result.status, result.headers, result.request_overrides) == _reference_result(
        result.body, result.context)


override_values = st.one_of(st.none(), st.text(max_size=4), st.integers(-5, 700), st.floats(allow_nan=False),
                            st.lists(st.one_of(st.text(max_size=3), st.integers()), max_size=3),
                            st.dictionaries(st.text(max_size=3), st.one_of(st.none(), st.text(max_size=3)), max_size=3),
                            st.sampled_from([Decimal("200"), Decimal("2.5"), " 201 ", True, {}, []]))


@FUZZ
@given(st.dictionaries(st.sampled_from(["status", "header", "other"]), override_values, max_size=3),
       st.dictionaries(st.sampled_from(["header", "querystring", "path", "other"]), override_values, max_size=3),
       st.sampled_from(["keep", "replace", "drop", "clear"]))
def test_results_equal_the_general_reading_for_any_overrides(response: dict, request: dict, how: str) -> None:
    context = build_context(read_event(build_event()))
    for name, values in (("responseOverride", response), ("requestOverride", request)):
        for key, value in values.items():
            dict.__setitem__(context[name], key, value)
        if how == "replace":
            context[name] = values
        elif how == "drop":
            del context[name]
    if how == "clear":
        context.clear()
    assert _outcome(_fast_result, "text", context) == _outcome(_reference_result, "text", context)


def _fast_result(body: str, context: dict) -> tuple:
    result = _result(body, context, read_event({}))
    return (result.body, result.status, result.headers, result.request_overrides)


def test_results_never_share_their_maps() -> None:
    template = vtl.compile("x")
    first, second = template.render_request(build_event()), template.render_request(build_event())
    first.headers["a"] = "b"
    first.request_overrides["header"]["a"] = "b"
    assert second.headers == {} and second.request_overrides["header"] == {}
    variables, finish = prepare(build_event(), uses_context=False)
    assert finish("y").request_overrides == {"header": {}, "querystring": {}, "path": {}}


# -- escapeJavaScript -------------------------------------------------------------------------

any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)
mostly_ascii = st.text(st.one_of(st.sampled_from(list("\x00\x08\t\n\x0b\x0c\r\x1f\x7f'\"\\/ aZ9é\u2028😀\ud800")),
                                 st.characters(max_codepoint=0x7F)), max_size=40)


@FUZZ
@given(st.one_of(any_text, mostly_ascii))
def test_escape_javascript_equals_the_regex_implementation(text: str) -> None:
    assert escape_javascript(text) == _reference_escape(text)


def test_escape_javascript_examples() -> None:
    for text in ("", "plain", "application/json", "Mozilla/5.0 (X11)", "a'b\"c\\d/e", "\x00\x1f\x7f", "café 東京",
                 "😀", "\ud800", "tab\there", "é/'\n"):
        assert escape_javascript(text) == _reference_escape(text)
    assert escape_javascript("é😀\x01") == "\\u00E9\\uD83D\\uDE00\\u0001"


# -- base64Decode -----------------------------------------------------------------------------

base64_texts = st.one_of(
    st.text(st.sampled_from("ABCxyz019+/="), max_size=14),
    st.binary(max_size=12).map(lambda data: base64.b64encode(data).decode("ascii")),
    st.binary(max_size=12).map(lambda data: base64.b64encode(data).decode("ascii").rstrip("=")),
    st.text(st.sampled_from("Ab+/=\n -_é\x80"), max_size=8),
)


@FUZZ
@given(base64_texts)
def test_base64_decode_equals_the_checking_loop(text: str) -> None:
    expected = _outcome(_base64_decode_checked, text.encode("latin-1", "replace"))
    got = _outcome(base64_decode_bytes, text)
    assert got == expected
