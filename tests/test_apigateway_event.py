"""The proxy-event builder and the checks ``prepare`` makes on events."""

from __future__ import annotations

import base64
import json

import pytest

import vtl
from vtl.apigateway import RenderResult, event, prepare

# The keys of `sam local generate-event apigateway aws-proxy` (REST API, payload 1.0).
SAM_KEYS = {"body", "resource", "path", "httpMethod", "isBase64Encoded", "queryStringParameters",
            "multiValueQueryStringParameters", "pathParameters", "stageVariables", "headers",
            "multiValueHeaders", "requestContext"}


def test_shape_and_fixed_defaults():
    ev = event()
    assert set(ev) == SAM_KEYS
    rc = ev["requestContext"]
    assert rc["requestTime"] == "09/Apr/2015:12:34:56 +0000"  # CLF, as AWS writes it
    assert rc["requestTimeEpoch"] == 1428582896000
    assert rc["protocol"] == "HTTP/1.1" and rc["stage"] == "dev" and rc["path"] == "/dev/"
    assert rc["identity"]["sourceIp"] and rc["identity"]["userAgent"] == ev["headers"]["User-Agent"]
    assert event() == ev  # deterministic
    json.dumps(ev)  # plain JSON


def test_single_and_multi_valued_maps_agree():
    # In a real proxy event headers/queryStringParameters hold the last value of each name of
    # multiValueHeaders/multiValueQueryStringParameters, which list every name.
    ev = event(headers={"A": "1", "B": "x"}, multi_value_headers={"B": ["2", "3"], "C": ["c"]},
               query="q=1&r=2", multi_value_query={"q": ["a", "b"]})
    assert ev["headers"] == {"A": "1", "B": "3", "C": "c"}
    assert ev["multiValueHeaders"] == {"A": ["1"], "B": ["2", "3"], "C": ["c"]}
    assert ev["queryStringParameters"] == {"q": "b", "r": "2"}
    assert ev["multiValueQueryStringParameters"] == {"q": ["a", "b"], "r": ["2"]}
    default = event(multi_value_headers={"Accept": ["text/html", "application/json"]})
    assert default["headers"]["Accept"] == "application/json" and "Host" in default["multiValueHeaders"]


def test_arguments_land_where_aws_puts_them():
    ev = event(body={"a": 1}, query="tag=a&tag=b%20c", path_params={"id": "7"}, method="PUT",
               path="/pets/7", resource="/pets/{id}", stage="prod", stage_variables={"v": "1"},
               authorizer={"principalId": "me"}, identity={"user": "alice"},
               requestContext={"requestId": "r-1"}, customField=1)
    assert ev["body"] == '{"a": 1}'
    assert ev["queryStringParameters"] == {"tag": "b c"}
    assert ev["multiValueQueryStringParameters"] == {"tag": ["a", "b c"]}
    assert ev["requestContext"]["path"] == "/prod/pets/7"
    assert ev["requestContext"]["resourcePath"] == "/pets/{id}"
    assert ev["requestContext"]["requestId"] == "r-1"
    assert ev["requestContext"]["authorizer"] == {"principalId": "me"}
    assert ev["requestContext"]["identity"]["user"] == "alice"
    assert ev["customField"] == 1
    assert ev["headers"]["Content-Type"] == "application/json"


def test_bytes_bodies_are_sent_base64():
    ev = event(body=b"\x00\xffhi")
    assert ev["isBase64Encoded"] is True
    assert base64.b64decode(ev["body"]) == b"\x00\xffhi"
    assert vtl.render("$input.body.length()", ev).body == "8"  # the Base64 text: AP9oaQ==


def test_prepare_without_an_event_uses_the_default_one():
    variables, finish = prepare(None)
    assert set(variables) == {"input", "util", "context", "stageVariables"}
    result = finish("text")
    assert isinstance(result, RenderResult) and result.body == "text" and result.status is None
    assert vtl.render("$context.requestId").body == event()["requestContext"]["requestId"]


def test_missing_fields_get_defaults():
    result = vtl.render("$context.httpMethod $context.stage [$input.params('x')] $input.body", {})
    assert result.body == "POST dev [] {}"


@pytest.mark.parametrize(("bad", "field"), [
    ("not an event", "event"),
    ({"headers": ["Accept"]}, "headers"),
    ({"headers": {"Accept": 1}}, "Accept"),
    ({"queryStringParameters": {"q": None}}, "queryStringParameters"),
    ({"multiValueHeaders": {"H": "one"}}, "multiValueHeaders"),
    ({"body": 12}, "body"),
    ({"isBase64Encoded": "yes"}, "isBase64Encoded"),
    ({"requestContext": []}, "requestContext"),
    ({"requestContext": {"identity": "me"}}, "identity"),
    ({"requestContext": {"stage": object()}}, "stage"),
    ({"stageVariables": {"v": 1}}, "stageVariables"),
    ({"version": "2.0"}, "2.0"),
])
def test_events_of_the_wrong_shape_are_refused(bad, field):
    with pytest.raises(TypeError, match=field):
        prepare(bad)


def test_a_body_that_is_not_base64_is_refused():
    with pytest.raises(ValueError, match="base64"):
        prepare({"body": "%%%", "isBase64Encoded": True})


def test_previous_must_be_a_render_result():
    with pytest.raises(TypeError, match="previous"):
        prepare(None, previous={"body": ""})


def test_a_json_body_given_as_an_object_says_to_serialise_it():
    with pytest.raises(TypeError, match=r"event\['body'\] must be str or None, not dict .*json.dumps"):
        vtl.render("$input.body", {"body": {"a": 1}})


def test_an_unusable_override_names_the_template():
    template = vtl.compile("#set($context.responseOverride.status = 2.5)x", name="resp.vm")
    with pytest.raises(vtl.VtlRuntimeError, match="HTTP status code") as info:
        template.render_request(event())
    assert info.value.name == "resp.vm"
