"""The Java oracle (real Velocity 1.7) answers as the protocol promises."""

from __future__ import annotations

import pytest

from conformance.oracle import Oracle, available

pytestmark = pytest.mark.skipif(not available(), reason="java, javac or Velocity jars missing")


@pytest.fixture(scope="module")
def oracle():
    with Oracle(timeout=1.0) as o:
        yield o


def test_null_reference_stock_vs_apigateway(oracle):
    template = "[$x][$_u][$m.missing][$m.nope()]#if($x)T#else F#end"
    stock = oracle.render(template, {"m": {}})
    aws = oracle.render(template, {"m": {}}, profile="apigateway")
    assert stock == {"output": "[$x][$_u][$m.missing][$m.nope()] F"}
    # Null prints empty and is truthy; a method that does not exist still prints literally.
    assert aws == {"output": "[][][][$m.nope()]T"}


def test_apigateway_disables_macro_and_evaluate(oracle):
    template = "#macro(m)M#end#m() #evaluate('$y')"
    assert oracle.render(template, {"y": 1}) == {"output": "M 1"}
    assert oracle.render(template, {"y": 1}, profile="apigateway") == {
        "output": "#m() #evaluate('$y')"}


def test_apigateway_foreach_stops_quietly_after_1000(oracle):
    template = "#foreach($i in [1..1500])#set($n = $i)#end$n"
    assert oracle.render(template) == {"output": "1500"}
    assert oracle.render(template, profile="apigateway") == {"output": "1000"}


def test_apigateway_values_are_json_smart(oracle):
    got = oracle.render("$a $a.size() $m $n.getClass().getName()",
                        {"a": [1, "x"], "m": {"k": [True, None]}, "n": 3000000000},
                        profile="apigateway")
    assert got == {"output": '[1,"x"] 2 {k=[true,null]} java.lang.Long'}


def test_parse_error_reports_java_class(oracle):
    got = oracle.render("Hello $")
    assert got["error"] == "ParseErrorException"
    assert "line 1" in got["message"]


def test_partial_output_before_failure(oracle):
    got = oracle.render("ab$s.substring(9)", {"s": "x"})
    assert got["error"] == "MethodInvocationException"
    assert got["partial"] == "ab"


def test_timeout_and_bad_cases_do_not_kill_the_jvm(oracle):
    slow = "#foreach($a in [1..5000])#foreach($b in [1..5000])#end#end"
    answers = oracle.render_many([
        {"template": slow},
        {"template": "x", "profile": "no-such-profile"},
        {"template": "$n", "vars": {"n": 7}},
    ])
    assert answers[0]["error"] == "Timeout"
    assert answers[1]["error"] == "IllegalArgumentException"
    assert answers[2] == {"output": "7"}


def test_template_cannot_exit_the_jvm(oracle):
    exit_call = "$s.getClass().forName('java.lang.System').exit(3)"
    answers = oracle.render_many([{"template": exit_call, "vars": {"s": "x"}},
                                  {"template": "$n", "vars": {"n": 8}}])
    assert answers[0]["error"] == "MethodInvocationException"
    assert "SecurityException" in answers[0]["message"]
    assert answers[1] == {"output": "8"}


def test_event_round_trip(oracle):
    event = {
        "body": '{"a": {"b": "x y"}, "n": [1, 2]}',
        "pathParameters": {"id": "42"},
        "queryStringParameters": {"q": "test 3", "id": "shadowed"},
        "headers": {"X-Key": "k", "Connection": "close"},
        "stageVariables": {"v": "1"},
        "requestContext": {"stage": "dev", "requestId": "r-1", "identity": {"sourceIp": "1.2.3.4"}},
    }
    template = (
        "$input.params('id')|$input.params('q')|$input.params('X-Key')|"
        "$input.params('Connection')|$input.params().path|$input.json('$.a')|"
        "$input.path('$.a').b|$input.json('$.nope')|$context.stage|$context.requestId|"
        "$context.identity.sourceIp|$stageVariables.v|$util.urlEncode('a b')"
        "#set($context.responseOverride.status = 404)"
        "#set($context.requestOverride.header.h = 'v')"
    )
    got = oracle.render(template, profile="apigateway", event=event)
    # Path before query string; hop-by-hop headers hidden.
    assert got["output"] == '42|test 3|k||{id=42}|{"b":"x y"}|x y|""|dev|r-1|1.2.3.4|1|a+b'
    assert got["overrides"]["responseOverride"]["status"] == 404
    assert got["overrides"]["requestOverride"]["header"] == {"h": "v"}


def test_response_template_sees_carried_overrides(oracle):
    got = oracle.render(
        "$input.body|$context.requestOverride.path.body|$context.responseOverride.status",
        profile="apigateway", event={}, response_body="",
        context_overrides={"requestOverride": {"path": {"body": "carried"}},
                           "responseOverride": {"status": 444}})
    assert got["output"] == "{}|carried|444"
