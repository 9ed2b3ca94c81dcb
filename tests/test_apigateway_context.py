"""``$context``, its overrides and ``$stageVariables``."""

from __future__ import annotations

import pytest

import vtl
from vtl.apigateway import RenderResult, event
from vtl.apigateway.context import ContextMap, hash_order
from vtl.runtime import to_string

# Recorded on AWS (ls-sqs-context-keyset-dump): $context.keySet() and $context.identity.keySet()
# of a REST request template.
RECORDED_CONTEXT_KEYS = [
    "resourceId", "resourcePath", "httpMethod", "extendedRequestId", "requestTime", "path",
    "accountId", "protocol", "requestOverride", "stage", "domainPrefix", "requestTimeEpoch",
    "requestId", "identity", "domainName", "deploymentId", "responseOverride", "apiId",
]
RECORDED_IDENTITY_KEYS = [
    "cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller", "sourceIp",
    "principalOrgId", "accessKey", "cognitoAuthenticationType", "cognitoAuthenticationProvider",
    "userArn", "userAgent", "user",
]


def render(template: str, ev: dict | None = None, **kw) -> RenderResult:
    return vtl.render(template, ev if ev is not None else event(), **kw)


def keys(template: str, ev: dict | None = None) -> list[str]:
    return render(f"#foreach($k in {template})$k,#end", ev).body.split(",")[:-1]


def test_key_order_is_the_recorded_hashmap_order():
    assert keys("$context.keySet()") == RECORDED_CONTEXT_KEYS
    assert keys("$context.identity.keySet()") == RECORDED_IDENTITY_KEYS
    assert keys("$context.requestOverride.keySet()") == ["path", "header", "querystring"]
    assert keys("$context.responseOverride.keySet()") == ["header"]


def test_hash_order_is_java_hashmap_iteration_order():
    # java.util.HashMap on OpenJDK 17 (jshell), keys put in reverse recorded order: colliding
    # keys (path/accountId, ...) then come out in that reverse order.
    assert list(hash_order(reversed(RECORDED_CONTEXT_KEYS)))[:8] == [
        "resourceId", "resourcePath", "httpMethod", "extendedRequestId", "requestTime",
        "accountId", "path", "protocol"]
    assert list(hash_order(["header", "status"])) == ["header", "status"]


def test_values_come_from_the_event():
    ev = event(method="GET", path="/pets/7", resource="/pets/{id}", stage="prod",
               identity={"sourceIp": "198.51.100.9", "user": "alice"})
    assert render("$context.httpMethod $context.path $context.resourcePath $context.stage "
                  "$context.identity.sourceIp $context.identity.user [$context.identity.caller]",
                  ev).body == "GET /prod/pets/7 /pets/{id} prod 198.51.100.9 alice []"
    assert render("$context.requestTimeEpoch.getClass().getSimpleName()").body == "Long"
    assert render("$context.requestTime").body == "09/Apr/2015:12:34:56 +0000"


def test_nested_maps_print_empty():
    # Recorded (ls-sqs-context-keyset-dump): identity and the override maps interpolate as "".
    assert render("[$context.identity][$context.get('requestOverride')][$context.requestOverride.path]"
                  ).body == "[][][]"


def test_nested_maps_print_empty_by_their_own_rule():
    assert ContextMap(a=1).vtl_to_string() == ""
    assert to_string({"a": 1}) == "{a=1}"


def test_authorizer_absent_and_present():
    # Recorded: no authorizer -> not among the keys, and its keySet() loop prints nothing.
    assert "authorizer" not in keys("$context.keySet()")
    assert render("[#foreach($k in $context.authorizer.keySet())$k#end]").body == "[]"
    # Documented: a Lambda authorizer's context values arrive as strings; Cognito claims stay a map.
    ev = event(authorizer={"principalId": "user-1", "count": 1, "admin": True,
                           "claims": {"email": "a@example.com"}})
    assert render("$context.authorizer.principalId $context.authorizer.count "
                  "$context.authorizer.count.getClass().getSimpleName() $context.authorizer.admin "
                  "$context.authorizer.claims.email", ev).body == (
        "user-1 1 String true a@example.com")


def test_canary_flag_and_stage_variables():
    # Recorded (ls-canary-response-canary-deployment, ls-basic-stage-variables-local).
    ev = event(stage_variables={"testVar": "canary"}, requestContext={"isCanaryRequest": True})
    assert render('"$context.isCanaryRequest" "$stageVariables.testVar" "$stageVariables.noStageVar"',
                  ev).body == '"true" "canary" ""'
    assert "isCanaryRequest" not in keys("$context.keySet()")


def test_websocket_context():
    ws = event(requestContext={"connectionId": "abc=", "routeKey": "$default", "eventType": "MESSAGE",
                               "messageId": "m-1", "messageDirection": "IN", "connectedAt": 1700000000000})
    got = keys("$context.keySet()", ws)
    assert {"connectionId", "routeKey", "eventType", "messageId", "messageDirection",
            "connectedAt", "identity", "requestId", "stage", "apiId"} <= set(got)
    assert "resourcePath" not in got
    assert render("$context.connectionId $context.routeKey $context.eventType", ws).body == (
        "abc= $default MESSAGE")


# -- overrides ------------------------------------------------------------------------------


REQUEST_SETS_RESPONSE = """
#set($context.responseOverride.status = 444)
#set($context.responseOverride.header.foo = "bar")
#set($context.responseOverride.custom = "is also passed around")
{
  "statusCode": 200
}
"""
RESPONSE_READS = """
#set($statusOverride = $context.responseOverride.status)
#set($fooHeader = $context.responseOverride.header.foo)
#set($custom = $context.responseOverride.custom)
{"statusOverride": "$statusOverride", "fooHeader": "$fooHeader", "custom": "$custom"}
"""


def test_response_overrides_set_in_a_request_template():
    # Recorded (ls-int-response-override-in-request-True/False): status 444, header foo: bar,
    # and the values readable from the response template.
    first = render(REQUEST_SETS_RESPONSE, event(method="GET"))
    assert (first.status, first.headers) == (444, {"foo": "bar"})
    second = vtl.render(RESPONSE_READS, None, response_body="", previous=first)
    assert second.body.strip() == (
        '{"statusOverride": "444", "fooHeader": "bar", "custom": "is also passed around"}')
    assert (second.status, second.headers) == (444, {"foo": "bar"})


def test_request_override_path_carries_into_the_response_template():
    # Recorded (ls-int-invoke-path1): MOCK request template stores a body, response reads it.
    first = render("#set($body = $util.base64Decode($input.params('testPath')))"
                   "#set($context.requestOverride.path.body = $body){\"statusCode\": 200}",
                   event(path_params={"testPath": "eyJtZXNzYWdlIjogInBhdGgxIn0="}))
    second = vtl.render("#set($b = $util.parseJson($context.requestOverride.path.body))$b.message",
                        None, response_body="", previous=first)
    assert second.body == "path1"
    assert first.request_overrides["path"] == {"body": '{"message": "path1"}'}


def test_status_set_in_a_response_template_branch():
    # Recorded (ls-lambda-response-template-400).
    template = ("#if($input.path('$').toString().contains('customerror'))"
                "#set($context.responseOverride.status = 400)#else"
                "#set($context.responseOverride.status = 202)#end")
    assert render(template, response_body='{"body": "customerror"}').status == 400
    assert render(template, response_body='{"body": "fine"}').status == 202
    assert render("x").status is None


def test_every_write_form_reaches_the_overrides():
    # Reference §5 [rec]: property, bracket and put() writes all work.
    result = render("#set($k = 'q1')#set($context.requestOverride.querystring[$k] = 'v1')"
                    "#set($context['requestOverride'].querystring['q2'] = 'v2')"
                    "$context.requestOverride.header.put('h1', 'x')"
                    "#set($context.requestOverride.header.X-Amz-Target = 'AWSEvents.PutEvents')")
    assert result.request_overrides == {
        "header": {"h1": "x", "X-Amz-Target": "AWSEvents.PutEvents"},
        "querystring": {"q1": "v1", "q2": "v2"},
        "path": {},
    }


def test_a_list_gives_a_multi_value_header():
    # Documented: a list assigned to a header override is a multi-value header ("foo,bar").
    result = render("#set($context.responseOverride.header.multi = ['foo', 'bar'])"
                    "#set($context.requestOverride.header.multi = ['foo', 'bar'])")
    assert result.headers == {"multi": "foo,bar"}
    assert result.request_overrides["header"] == {"multi": ["foo", "bar"]}


@pytest.mark.parametrize("second", [
    "#set($context.responseOverride.status = 500)",
    "#set($context.responseOverride['status'] = 500)",
    "$context.responseOverride.put('status', 500)",
])
def test_overrides_are_final(second):
    # Documented: writing the same override twice in one template makes API Gateway answer 5XX.
    with pytest.raises(vtl.VtlRuntimeError) as info:
        render("#set($context.responseOverride.status = 400)\n  " + second)
    assert info.value.line == 2
    assert "status" in info.value.message


def test_overrides_are_final_per_template():
    # Assumed (reference §5 speaks of one template): a response template may set again what
    # the request template set.
    first = render("#set($context.responseOverride.header.h = 'a')")
    second = vtl.render("#set($context.responseOverride.header.h = 'b')", None, response_body="",
                        previous=first)
    assert second.headers == {"h": "b"}
    assert first.headers == {"h": "a"}


@pytest.mark.parametrize(("value", "status"), [("404", 404), ("'201'", 201)])
def test_status_accepts_numbers_and_numeric_strings(value, status):
    assert render(f"#set($context.responseOverride.status = {value})").status == status


@pytest.mark.parametrize("value", ["'teapot'", "99", "1000"])
def test_a_status_that_is_not_http_fails(value):
    with pytest.raises(vtl.VtlRuntimeError):
        render(f"#set($context.responseOverride.status = {value})")
