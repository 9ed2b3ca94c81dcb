"""The events ``sam local generate-event apigateway ...`` prints (tests/fixtures/sam) render
as users expect, and agree with Velocity 1.7 configured as API Gateway (the oracle) once the
one place where vtl reads such an event by its own documented decision is made unambiguous:
where ``headers`` and ``multiValueHeaders`` disagree (SAM's ``Host``), the multi-valued map
wins in vtl (vtl/apigateway/request.py), while the oracle's stand-in for API Gateway takes
``headers``. SAM's Base64 body (``isBase64Encoded`` true) is a binary payload: templates read
its Base64 text, as after API Gateway's CONVERT_TO_TEXT.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

import vtl

FIXTURES = Path(__file__).parent / "fixtures" / "sam"
EVENTS = ("aws-proxy.json", "aws-proxy-orders.json")
PASSTHROUGH = (Path(__file__).parent.parent / "benchmarks" / "data" / "passthrough.vm").read_text()

TEMPLATES = {
    "passthrough": PASSTHROUGH,
    "body": "$input.body|$input.json('$')|$input.path('$.customer.name')|$input.path('$.test')"
            "|$input.path('$.total')|$input.json('$.customer.tags')",
    "params": "$input.params()|$input.params('foo')|$input.params('Host')|$input.params('proxy')"
              "|$input.params().header.get('X-Forwarded-For')|$input.params('Accept-Language')",
    "context": "$context.stage|$context.path|$context.resourcePath|$context.httpMethod"
               "|$context.identity.sourceIp|$context.identity.userAgent|$context.requestTimeEpoch"
               "|$context.protocol|$context.requestId|$context.apiId|$context.identity.caller",
    "stage": "$stageVariables|$stageVariables.baz|$util.escapeJavaScript($stageVariables.get('baz'))",
}


def _event(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def _unambiguous(event: dict) -> dict:
    """``event`` with ``headers`` that agree with ``multiValueHeaders``."""
    event = copy.deepcopy(event)
    for name, values in event["multiValueHeaders"].items():
        event["headers"][name] = values[-1]
    return event


@pytest.mark.parametrize("name", EVENTS)
def test_passthrough_reads_the_base64_body_and_every_parameter(name: str) -> None:
    event = _event(name)
    assert event["isBase64Encoded"] is True
    output = json.loads(vtl.render(PASSTHROUGH, event).body)
    assert output["body-json"] == event["body"]  # the Base64 text, a JSON string in the output
    assert output["params"]["querystring"] == event["queryStringParameters"]
    assert output["params"]["path"] == event["pathParameters"]
    assert output["stage-variables"] == event["stageVariables"]
    visible = {k: v[-1] for k, v in event["multiValueHeaders"].items()}
    assert output["params"]["header"] == visible  # Host from multiValueHeaders
    assert output["context"]["http-method"] == event["httpMethod"]
    assert output["context"]["resource-path"] == event["requestContext"]["resourcePath"]


def test_the_http_api_event_is_refused_with_a_reason() -> None:
    event = _event("aws-proxy.json")
    event["version"] = "2.0"
    with pytest.raises(TypeError, match="payload 2.0"):
        vtl.render("$input.body", event)


@pytest.mark.parametrize("name", EVENTS)
@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_agrees_with_velocity(oracle, name: str, template: str) -> None:  # (oracle: conftest.py)
    event = _unambiguous(_event(name))
    source = TEMPLATES[template]
    expected = oracle.render(source, {}, profile="apigateway", event=event)
    assert "output" in expected, expected
    assert vtl.render(source, event).body == expected["output"]
    # The raw SAM event renders exactly as its unambiguous form.
    assert vtl.render(source, _event(name)).body == expected["output"]
