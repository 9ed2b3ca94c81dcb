"""``$input``: body, path(), json() and params()."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

import vtl
import vtl.apigateway.input as input_module
from vtl.apigateway import event, prepare
from vtl.runtime import MISSING, call_method, get_property

AWS_CASES = {c["id"]: c for c in json.loads(
    (Path(__file__).parent.parent / "conformance" / "aws" / "cases.json").read_text(encoding="utf-8"))}


def render(template: str, response_body: str | None = None, **kw) -> str:
    return vtl.render(template, event(**kw), response_body=response_body).body


# -- recorded on AWS --------------------------------------------------------------------------


@pytest.mark.parametrize("case_id", [
    "ls-common-input-path-dict-response", "ls-common-input-path-json-list",
    "ls-common-input-path-nested-dict", "ls-common-input-path-nested-list",
    "ls-common-input-path-dict-in-list", "ls-common-input-path-list-with-nested-list",
    "ls-common-input-path-dict-with-nested-list", "ls-common-input-path-bigger-dict",
    "ls-common-input-path-to-string", "ls-common-input-path-empty-body",
    "ls-common-input-path-nested-empty-list", "ls-common-input-path-nested-null-list",
])
def test_path_values_print_as_recorded(case_id):
    # Response templates over an echo backend; expected bodies as AWS returned them
    # (conformance/aws/cases.json, imported from the shared recordings).
    case = AWS_CASES[case_id]
    result = vtl.render(case["template"], case["event"], response_body=case["response_body"])
    assert result.body == case["recorded"]["expected"]["body"]


def test_body_is_raw_and_empty_reads_as_braces():
    # Recorded: ls-common-input-body-raw-body-json-body (spacing kept), ls-sqs-body-without-payload
    # and ls-common-input-body-raw-body-empty-body (no body / empty body -> "{}").
    assert render("$input.body", body='{"some":   "value"}') == '{"some":   "value"}'
    assert render("$input.body", body="") == "{}"
    assert render("$input.body") == "{}"
    assert render("Action=SendMessage&MessageBody=$input.body", body="some raw data") == (
        "Action=SendMessage&MessageBody=some raw data")
    # Recorded (body-attr-access): a property of the body string is empty.
    assert render("[$input.body.testAccess]", body="some raw data") == "[]"
    assert render("$input.getBody()", body="x") == "x"


def test_a_binary_payload_is_read_as_its_base64_text():
    # Developer guide ("binary-input-body" in ../shared/reference/doc-examples.json): after
    # CONVERT_TO_TEXT a template reads a binary payload only as its Base64 string.
    raw = "héllo".encode() + b"\xff"
    text = base64.b64encode(raw).decode()
    ev = event(body=text, is_base64=True)
    assert vtl.render('{"data": "$input.body"}', ev).body == '{"data": "' + text + '"}'
    assert vtl.render("$input.json('$')|$input.path('$')", ev).body == (
        '"' + text.replace("/", "\\/") + '"|' + text)
    assert vtl.render("$util.base64Decode($input.body)", ev).body == "héllo\ufffd"
    ev = event(body=b"\x00\xffhi")  # bytes from Python: a binary payload too
    assert vtl.render("$input.body", ev).body == ev["body"] == "AP9oaQ=="
    assert ev["headers"]["Content-Type"] == "application/octet-stream"


def test_raw_bytes_in_an_event_are_read_as_utf8():
    # A bytes body put into an event dict by hand (no JSON event can hold one) is the text's
    # bytes: new String(bytes, UTF_8), with U+FFFD for what is not UTF-8.
    assert vtl.render("$input.body", {"body": b"\xc3\xa9\xff"}).body == "é\ufffd"


def test_json_is_compact_and_quotes_string_leaves():
    # Documented outputs (developer guide, "Examples using variables", 3a and 4a).
    pretty = '{\n    "Price" : "249.99",\n    "Age": "6"\n}'
    assert render("$input.json('$')", body=pretty) == '{"Price":"249.99","Age":"6"}'
    assert render("$input.json('$.Age')", body=pretty) == '"6"'
    # json-smart's default writer escapes '/' (JSONValue.toJSONString, checked on Java 17).
    assert render("$input.json('$')", body='{"u": "a/b", "n": [1, 2.50, null]}') == (
        '{"u":"a\\/b","n":[1,2.5,null]}')


def test_json_of_the_whole_body_does_not_answer_for_other_paths():
    # json('$') keeps the compact text for a second json('$'), and for no other path
    # (recorded in conformance/velocity/input_paths.json, json-root-then-path).
    body = '{"a": {"b": [10, 20]}, "p": 1}'
    assert render("$input.json('$')|$input.json('$.a')|$input.json(' $ ')|$input.json('$.p')", body=body) == (
        '{"a":{"b":[10,20]},"p":1}|{"b":[10,20]}|{"a":{"b":[10,20]},"p":1}|1')


def test_json_of_nothing_is_two_quotes():
    # Reference §3 [inf]: no match, or a body json-smart cannot parse, gives "".
    assert render("$input.json('$.missing')", body='{"a": 1}') == '""'
    assert render("$input.json('$.a')", body='{"a": ') == '""'
    assert render("$input.json('$[')", body='{"a": 1}') == '""'
    # json-smart's permissive parser reads plain text as a string (checked with json-smart 2.2).
    assert render("$input.json('$')", body="some raw data") == '"some raw data"'


def test_path_gives_java_values():
    body = '{"records": [{"data": "x"}, {"data": "y"}], "n": 7, "price": 249.99, "ok": true}'
    # Recorded (ls-kinesis-putrecords): size() of an array read by path.
    assert render("$input.path('$.records').size()", body=body) == "2"
    assert render("$input.path('$.n').getClass().getName()", body=body) == "java.lang.Integer"
    assert render("$input.path('$.price')|$input.path('$.ok')", body=body) == "249.99|true"
    assert render("#if($input.path('$.missing') == $null)null#end", body=body) == "null"
    # Recorded (ls-lambda-response-template-400): toString() of the root map.
    assert render("$input.path('$').toString().contains('records')", body=body) == "true"


def test_a_non_string_path_finds_no_method():
    assert render("$input.path(1)|$input.json([])", body="{}") == "$input.path(1)|$input.json([])"


def test_the_body_is_parsed_once_and_only_when_read(monkeypatch):
    calls = []
    real = input_module.parse_json
    monkeypatch.setattr(input_module, "parse_json", lambda text: calls.append(text) or real(text))
    assert render("$input.body $input.params('x')", body='{"a": 1}') == '{"a": 1} '
    assert calls == []
    assert render("$input.path('$.a') $input.json('$') $input.path('$')", body='{"a": 1}') == (
        '1 {"a":1} {a=1}')
    assert calls == ['{"a": 1}']


def test_changing_what_path_handed_out_leaves_later_reads_as_sent():
    # Velocity with Jayway reads the body afresh on every call (recorded from Velocity 1.7:
    # mapping_templates/aliasing-body-enrichment).
    body = '{"c": {"name": "a"}, "items": [{"q": 1}]}'
    template = ("#set($c = $input.path('$.c'))#set($x = $c.put('name', 'b'))"
                "#set($i = $input.path('$.items'))#set($x = $i.add(2))#set($x = $i[0].put('q', 9))"
                "$c.name $input.path('$.c.name') $i.size() $input.path('$.items').size() "
                "$input.json('$.items') $input.json('$')")
    assert render(template, body=body) == 'b a 2 1 [{"q":1}] {"c":{"name":"a"},"items":[{"q":1}]}'


def test_only_a_read_after_a_container_was_handed_out_parses_again(monkeypatch):
    calls = []
    real = input_module.parse_json
    monkeypatch.setattr(input_module, "parse_json", lambda text: calls.append(text) or real(text))
    assert render("$input.path('$.a') $input.path('$') $input.path('$.a')", body='{"a": [1]}') == (
        '[1] {a=[1]} [1]')
    assert len(calls) == 2  # once, then once more after the first list was handed out
    deep = "[" * 390 + "1" + "]" * 390
    assert render("#set($a = $input.path('$'))#set($x = $a.add(2))$a.size() $input.path('$').size()",
                  body=deep) == "2 1"


# -- params -------------------------------------------------------------------------------------


def test_params_groups_and_lookup_order():
    ev = event(path_params={"id": "p", "only_path": "1"}, query={"id": "q", "q": "2"},
               headers={"id": "h", "Header": "3"})
    # Group order path, querystring, header: reference §3 [rec].
    assert vtl.render("$input.params().keySet()", ev).body == "[path, querystring, header]"
    assert vtl.render("$input.params('id') $input.params('q') $input.params('Header') [$input.params('nope')]",
                      ev).body == "p 2 3 []"
    # Recorded (ls-basic-mock-params-path-id): the raw path value.
    assert vtl.render("$input.params().path.id", ev).body == "p"


def test_hidden_headers_are_invisible():
    # Recorded (ls-int-header-params-HTTP): these headers read as "" in a template.
    hidden = ["Connection", "Content-Length", "Content-MD5", "Expect", "Max-Forwards",
              "Proxy-Authenticate", "Server", "TE", "Transfer-Encoding", "Trailer", "Upgrade",
              "WWW-Authenticate"]
    headers = {name: "v" for name in hidden} | {"Accept": "application/json", "Via": "x"}
    template = "|".join(f"$input.params('{name}')" for name in hidden + ["Accept"])
    assert vtl.render(template, event(headers=headers)).body == "|" * len(hidden) + "application/json"
    assert vtl.render("$input.params().header.keySet()", event(headers=headers)).body == "[Accept, Via]"


def test_header_names_match_exactly():
    # [open] in the reference: headers are a plain Java map, looked up with the client's spelling.
    ev = event(headers={"X-Trace": "t1"})
    assert vtl.render("[$input.params('X-Trace')][$input.params('x-trace')]", ev).body == "[t1][]"


def test_multi_valued_parameters_show_the_last_value():
    # Reference §3 [inf]: the last value of a repeated query parameter or header.
    ev = event(query="tag=a&tag=b&x=%20y", multi_value_headers={"H": ["1", "2"]}, headers={})
    assert vtl.render("$input.params('tag')|$input.params('x')|$input.params('H')", ev).body == "b| y|2"


def test_response_templates_read_the_response_body_but_request_params():
    ev = event(body='{"req": 1}', query={"q": "v"})
    result = vtl.render("$input.json('$')|$input.params('q')", ev, response_body='{"resp": 2}')
    assert result.body == '{"resp":2}|v'


def test_input_exposes_only_its_members():
    variables, _ = prepare(event(body='{"a": 1}'))
    host = variables["input"]
    assert get_property(host, "body") == '{"a": 1}'
    assert call_method(host, "json", ["$.a"]) == "1"
    assert get_property(host, "_request") is MISSING
    assert call_method(host, "_document", []) is MISSING
