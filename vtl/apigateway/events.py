"""Build API Gateway REST proxy events (the ``sam local generate-event apigateway aws-proxy``
shape) for tests and examples.

Every default is **fixed**, so the same call always builds the same event and renders are
reproducible: request id ``c6af9ac6-7b61-11e6-9a41-93e8deadbeef``, request time
``09/Apr/2015:12:34:56 +0000`` (epoch ``1428582896000`` ms), API ``1234567890`` in account
``123456789012``, stage ``dev``, source IP ``203.0.113.10``. Pass your own values (or deep-merge
a ``requestContext=`` dict) where a test needs fresh ones.
"""

from __future__ import annotations

import base64
import copy
import json
from typing import Any
from urllib.parse import parse_qsl

__all__ = ["event", "DEFAULTS"]

#: The values :func:`event` (and :func:`vtl.apigateway.prepare` for a missing field) use.
DEFAULTS: dict[str, Any] = {
    "accountId": "123456789012",
    "apiId": "1234567890",
    "resourceId": "abc123",
    "deploymentId": "d3pl0y",
    "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
    "extendedRequestId": "c6af9ac67b6111e6=",
    "requestTime": "09/Apr/2015:12:34:56 +0000",
    "requestTimeEpoch": 1428582896000,
    "protocol": "HTTP/1.1",
    "sourceIp": "203.0.113.10",
    "userAgent": "curl/8.5.0",
    "region": "us-east-1",
}


def _domain(api_id: str) -> str:
    return f"{api_id}.execute-api.{DEFAULTS['region']}.amazonaws.com"


def _split_query(query: Any) -> tuple[dict[str, str] | None, dict[str, list[str]] | None]:
    """``query`` as a dict (values may be lists) or a raw ``a=1&b=x%20y`` string."""
    if query is None:
        return None, None
    if isinstance(query, str):
        multi: dict[str, list[str]] = {}
        for key, value in parse_qsl(query.lstrip("?"), keep_blank_values=True):
            multi.setdefault(key, []).append(value)
    elif isinstance(query, dict):
        multi = {k: list(v) if isinstance(v, (list, tuple)) else [v] for k, v in query.items()}
    else:
        raise TypeError(f"query must be a dict or a query string, not {type(query).__name__}")
    single = {k: v[-1] for k, v in multi.items() if v}
    return single, multi


def _with_multi(multi: dict[str, list[str]], extra: dict[str, Any] | None) -> dict[str, list[str]]:
    """``multi`` with the names of ``extra`` (multi-valued) replaced or added."""
    if extra:
        multi = {**multi, **{k: list(v) for k, v in extra.items()}}
    return multi


def _last(multi: dict[str, list[str]]) -> dict[str, str]:
    return {k: v[-1] for k, v in multi.items() if v}


def _body_text(body: Any, is_base64: bool) -> tuple[str | None, bool]:
    if body is None or isinstance(body, str):
        return body, is_base64
    if isinstance(body, (bytes, bytearray)):
        return base64.b64encode(bytes(body)).decode("ascii"), True
    return json.dumps(body), is_base64


def _deep_merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _deep_merge(base[key], value)
        else:
            base[key] = copy.deepcopy(value)
    return base


def event(
    *,
    body: Any = None,
    headers: dict[str, str] | None = None,
    query: dict[str, Any] | str | None = None,
    path_params: dict[str, str] | None = None,
    stage_variables: dict[str, str] | None = None,
    authorizer: dict[str, Any] | None = None,
    method: str = "POST",
    path: str = "/",
    resource: str | None = None,
    stage: str = "dev",
    is_base64: bool = False,
    multi_value_headers: dict[str, list[str]] | None = None,
    multi_value_query: dict[str, list[str]] | None = None,
    identity: dict[str, Any] | None = None,
    **more: Any,
) -> dict[str, Any]:
    """A REST API (v1) proxy event.

    ``body`` may be text, bytes (a binary payload: sent base64-encoded with ``isBase64Encoded``
    true, and templates read that Base64 text, as after API Gateway's CONVERT_TO_TEXT) or a JSON-able
    value (serialised with ``json.dumps``). ``query`` is a dict (a list value repeats the
    parameter) or a raw query string, which is URL-decoded as API Gateway does. Without
    ``headers`` the event carries a small curl-like set (``Accept``, ``Host``, ``User-Agent``,
    ``X-Forwarded-*``, plus ``Content-Type: application/json`` with a body,
    ``application/octet-stream`` with bytes); given headers are
    used as they are. ``identity`` entries override the caller identity; ``authorizer`` becomes
    ``requestContext.authorizer``. Any other keyword is set on the event itself, and a
    ``requestContext`` dict is deep-merged into the generated one.
    """
    body_text, is_base64 = _body_text(body, is_base64)
    api_id = DEFAULTS["apiId"]
    if headers is None:
        headers = {"Accept": "*/*", "Host": _domain(api_id), "User-Agent": DEFAULTS["userAgent"]}
        if body_text is not None:
            binary = isinstance(body, (bytes, bytearray))
            headers["Content-Type"] = "application/octet-stream" if binary else "application/json"
        headers.update({"X-Forwarded-For": DEFAULTS["sourceIp"], "X-Forwarded-Port": "443",
                        "X-Forwarded-Proto": "https"})
    else:
        headers = dict(headers)
    # As in a real event, each single-valued map holds the last value of its multi-valued twin.
    multi_value_headers = _with_multi({k: [v] for k, v in headers.items()}, multi_value_headers)
    headers.update(_last(multi_value_headers))
    single_query, multi_query = _split_query(query)
    if multi_value_query is not None:
        multi_query = _with_multi(multi_query or {}, multi_value_query)
        single_query = {**(single_query or {}), **_last(multi_query)}
    user_agent = next((v for k, v in headers.items() if k.lower() == "user-agent"), "")
    resource = path if resource is None else resource
    who = {
        "cognitoIdentityPoolId": None, "accountId": None, "cognitoIdentityId": None,
        "caller": None, "sourceIp": DEFAULTS["sourceIp"], "principalOrgId": None,
        "accessKey": None, "cognitoAuthenticationType": None,
        "cognitoAuthenticationProvider": None, "userArn": None, "userAgent": user_agent,
        "user": None,
    }
    if identity:
        who.update(identity)
    context: dict[str, Any] = {
        "resourceId": DEFAULTS["resourceId"],
        "resourcePath": resource,
        "httpMethod": method,
        "extendedRequestId": DEFAULTS["extendedRequestId"],
        "requestTime": DEFAULTS["requestTime"],
        "path": f"/{stage}{path}" if stage else path,
        "accountId": DEFAULTS["accountId"],
        "protocol": DEFAULTS["protocol"],
        "stage": stage,
        "domainPrefix": api_id,
        "requestTimeEpoch": DEFAULTS["requestTimeEpoch"],
        "requestId": DEFAULTS["requestId"],
        "identity": who,
        "domainName": _domain(api_id),
        "deploymentId": DEFAULTS["deploymentId"],
        "apiId": api_id,
    }
    if authorizer is not None:
        context["authorizer"] = copy.deepcopy(authorizer)
    result: dict[str, Any] = {
        "resource": resource,
        "path": path,
        "httpMethod": method,
        "headers": headers,
        "multiValueHeaders": multi_value_headers,
        "queryStringParameters": single_query,
        "multiValueQueryStringParameters": multi_query,
        "pathParameters": dict(path_params) if path_params is not None else None,
        "stageVariables": dict(stage_variables) if stage_variables is not None else None,
        "requestContext": context,
        "body": body_text,
        "isBase64Encoded": bool(is_base64),
    }
    extra_context = more.pop("requestContext", None)
    if extra_context is not None:
        if not isinstance(extra_context, dict):
            raise TypeError("requestContext must be a dict")
        _deep_merge(context, extra_context)
    result.update(more)
    return result
