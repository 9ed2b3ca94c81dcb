"""The API Gateway layer as ``python -m conformance.fuzz_util`` exercises it: ``$util`` over
awkward strings, ``$input.params``, ``$context`` and ``$stageVariables``. One case per
disagreement the fuzzer found and apigw-vtl fixed, each over an event with a complete
``requestContext`` (apigw-vtl fills missing fields with defaults, the oracle leaves them empty).
"""

from __future__ import annotations

import json
from typing import Any

from vtl.apigateway.events import event as build_event

from . import Cases

_IDENTITY_KEYS = ("cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller", "sourceIp",
                  "principalOrgId", "accessKey", "cognitoAuthenticationType",
                  "cognitoAuthenticationProvider", "userArn", "userAgent", "user")


def _event(**context: Any) -> dict[str, Any]:
    """A REST proxy event whose requestContext has every field (``context`` entries win)."""
    identity = dict.fromkeys(_IDENTITY_KEYS)
    identity.update(sourceIp="198.51.100.7", userAgent="curl/8.5.0")
    rc: dict[str, Any] = {
        "resourceId": "abc123", "resourcePath": "/items", "httpMethod": "POST",
        "extendedRequestId": "ext-1", "requestTime": "25/Nov/2026:02:00:00 +0000", "path": "/prod/items",
        "accountId": "123456789012", "protocol": "HTTP/1.1", "stage": "prod", "domainPrefix": "api1",
        "requestTimeEpoch": 1700000000123, "requestId": "req-1", "identity": identity,
        "domainName": "api1.example.com", "deploymentId": "dep-1", "apiId": "api1",
    }
    rc.update(context)
    return {
        "resource": "/items", "path": "/items", "httpMethod": "POST",
        "headers": {"Accept": "application/json"}, "multiValueHeaders": {"Accept": ["application/json"]},
        "queryStringParameters": None, "multiValueQueryStringParameters": None, "pathParameters": None,
        "stageVariables": {"env": "test"}, "requestContext": rc,
        "body": json.dumps({"s": "x"}), "isBase64Encoded": False,
    }


def cases() -> Cases:
    out = Cases()
    # Authorizer context values are stored as Java prints them (String.valueOf of the number).
    out.add(
        "authorizer-numbers",
        "[$context.authorizer.whole][$context.authorizer.huge][$context.authorizer.neg]"
        "[$context.authorizer.half][$context.authorizer.n][$context.authorizer.flag]",
        event=_event(authorizer={"principalId": "u1", "whole": 1.0, "huge": 1e21, "neg": -0.0, "half": 0.5,
                                 "n": 42, "flag": True}),
    )
    # A numeric requestTimeEpoch stays a number: it prints as a Double, and $util, which takes a
    # String, does not apply to it.
    out.add(
        "request-time-epoch-double",
        "[$context.requestTimeEpoch][$util.escapeJavaScript($context.requestTimeEpoch)]",
        event=_event(requestTimeEpoch=1.7e12),
    )
    # vtl.event(): headers given with multi-valued ones hold the last value of each name, as in
    # a real event (the oracle reads headers/queryStringParameters, apigw-vtl the multi-valued ones).
    built = build_event(headers={"Accept": "text/html", "X-Id": "1"},
                        multi_value_headers={"X-Id": ["1", "2"], "X-Tag": ["a", "b"]},
                        query="q=1&r=2", multi_value_query={"q": ["x", "y"]}, stage="prod")
    out.add(
        "built-event-multi-values",
        "$input.params().header|$input.params().querystring|$input.params('X-Id')|$input.params('q')",
        event=built,
    )
    # params(String) cannot take a number, a boolean or a map: Velocity 1.7 falls back to
    # params(), whose reflective call with an argument throws.
    for name, argument in (("number", "1"), ("boolean", "true"), ("map", "{}"), ("two", "'a', 'b'")):
        out.add(f"params-{name}-argument", f"[$input.params('Accept')][$input.params({argument})]",
                event=_event())
    # $input and $util are Java objects: wait/notify throw IllegalMonitorStateException (the
    # template's thread does not own their monitor); other arguments find no overload.
    for k, call in enumerate(("$input.wait()", "$input.notify()", "$util.notifyAll()", "$input.wait(1)",
                              "$util.wait(1, 2)", "$input.wait('x')", "$util.notify(1)", "$input.params().wait()")):
        out.add(f"monitor-{k}", f"[{call}]", event=_event())
    return out
