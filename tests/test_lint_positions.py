"""Template characters map back to the right place in YAML and JSON files."""

from __future__ import annotations

import pytest

from vtl.lint.extract import MASK, find_templates, literal_text, may_hold_templates
from vtl.lint.jsonpos import JsonError, string_offsets
from vtl.lint.jsonpos import loads as load_json
from vtl.lint.sourcemap import SourceFile
from vtl.lint.yamlpos import YamlError, load_all


def _where(text: str, value) -> list[str]:
    """The file character each template character maps to."""
    return [text[o] for o in value.offsets()[:-1]]


def _check_exact(text: str, value) -> None:
    assert value._locate() is not None, "the mapping fell back to the scalar start"
    offsets = value.offsets()
    for ch, off in zip(value, offsets):
        if ch not in " \n'\"":  # folded breaks and doubled quotes map to their source
            assert text[off] in (ch, "\\")  # an escape maps to its backslash


YAML_CASES = {
    "plain": "t: $input.params('a')\n",
    "plain-multiline": "t: $a.b\n  $c\n\n  end\n",
    "single": "t: '{\"a\": \"$input.params(''a'')\"}'\n",
    "double": 't: "{\\n  \\"a\\": \\"$x\\"\\t\\u00e9\\n}"\n',
    "double-folded": 't: "one\n  two\\\n  three"\n',
    "literal": "t: |\n  #set($a = 1)\n    {\"a\": $a}\n\n  end\n",
    "literal-strip": "t: |-\n  a\n  b\n\n",
    "literal-keep": "t: |+\n  a\n\n\nnext: 1\n",
    "literal-indent": "t: |2\n    indented\n  b\n",
    "folded": "t: >\n  one\n  two\n\n  three\n    more\n  four\n",
    "tagged": "t: !Sub |\n  ${AWS::Region} $x\n",
    "anchored": "t: &tpl |\n  $x\n",
    "nested": "a:\n  - b:\n      t: |\n        #if($x)\n        y\n        #end\n",
}


@pytest.mark.parametrize("name", sorted(YAML_CASES))
def test_yaml_scalars_map_exactly(name: str) -> None:
    text = YAML_CASES[name]
    (doc,) = load_all(text)
    value = doc["t"] if "t" in doc else doc["a"][0]["b"]["t"]
    if isinstance(value, dict):  # !Sub
        value = value["Fn::Sub"]
    _check_exact(text, value)


def test_yaml_crlf_line_ends() -> None:
    text = "t: |\r\n  a $x\r\n  b\r\n"
    (doc,) = load_all(text)
    assert str(doc["t"]) == "a $x\nb\n"
    _check_exact(text, doc["t"])


def test_yaml_escapes_map_to_the_backslash() -> None:
    text = 't: "a\\"$x"\n'
    (doc,) = load_all(text)
    assert _where(text, doc["t"]) == ["a", "\\", "$", "x"]


def test_yaml_literal_block_positions() -> None:
    text = "k:\n  t: |\n    line one\n    $input.body\n"
    (doc,) = load_all(text)
    source = SourceFile("f", text)
    value = doc["k"]["t"]
    assert source.position(value.offsets()[value.index("$")]) == (4, 5)


def test_yaml_short_form_tags_become_intrinsics() -> None:
    (doc,) = load_all("a: !Ref X\nb: !GetAtt R.Arn\nc: !Join ['', [x, !Ref Y]]\nd: !Condition C\n")
    assert doc["a"] == {"Ref": "X"}
    assert doc["b"] == {"Fn::GetAtt": "R.Arn"}
    assert doc["c"] == {"Fn::Join": ["", ["x", {"Ref": "Y"}]]}
    assert doc["d"] == {"Condition": "C"}


def test_yaml_scalars_keep_their_types() -> None:
    (doc,) = load_all("a: 1\nb: true\nc: null\nd: '1'\ne: 2.5\n")
    assert doc == {"a": 1, "b": True, "c": None, "d": "1", "e": 2.5}
    assert isinstance(doc["d"], str)


def test_yaml_error_has_an_offset() -> None:
    text = "a: 1\nb: [unclosed\n"
    with pytest.raises(YamlError) as info:
        list(load_all(text))
    assert info.value.offset == text.index("[")  # the '[' that is never closed


def test_json_string_offsets_follow_escapes() -> None:
    text = '{"t": "a\\n\\"\\u00e9\\ud83d\\ude00b"}'
    doc = load_json(text)
    value = doc["t"]
    assert str(value) == 'a\n"é😀b'
    assert _where(text, value) == ["a", "\\", "\\", "\\", "\\", "b"]
    assert value.offsets()[-1] == text.index('b"') + 1


def test_json_string_offsets_direct() -> None:
    text = 'x"ab\\tc"'
    assert string_offsets(text, 1) == [2, 3, 4, 6]


@pytest.mark.parametrize(
    ("text", "offset"),
    [('{"a": 1,}', 8), ('{"a" 1}', 5), ("[1, 2", 0), ('{"a": "x\n"}', 8), ('{"a": 1} x', 9)],
)
def test_json_errors_point_at_the_problem(text: str, offset: int) -> None:
    with pytest.raises(JsonError) as info:
        load_json(text)
    assert info.value.offset == offset


def test_json_values() -> None:
    assert load_json('{"a": [1, -2.5e3, true, false, null, {}], "b": "c"}') == {
        "a": [1, -2500.0, True, False, None, {}], "b": "c",
    }


# -- values given as CloudFormation intrinsics ---------------------------------------------


def test_sub_placeholders_are_masked_and_escapes_kept() -> None:
    text = 't: !Sub \'{"arn": "${Queue.Arn}", "stage": "${!context.stage}"}\'\n'
    (doc,) = load_all(text)
    template, offsets = literal_text(doc["t"])
    assert template == '{"arn": "' + MASK + '", "stage": "${context.stage}"}'
    assert text[offsets[template.index(MASK)]] == "$"
    assert text[offsets[template.index("context")]] == "c"
    assert text[offsets[template.index("}", 20)]] == "}"


def test_sub_list_form() -> None:
    (doc,) = load_all("t: !Sub\n  - '$x ${Name}'\n  - Name: !Ref N\n")
    assert literal_text(doc["t"])[0] == "$x " + MASK


def test_join_masks_non_literal_parts() -> None:
    text = '{"t": {"Fn::Join": ["-", ["{\\"a\\": \\"", {"Ref": "T"}, "\\"}"]]}}'
    template, offsets = literal_text(load_json(text)["t"])
    assert template == '{"a": "-' + MASK + '-"}'
    assert text[offsets[template.index(MASK)]] == "{"  # the {"Ref": ...} object
    assert text[offsets[template.index("-")]] == "-"  # the delimiter string


def test_other_intrinsics_are_not_linted() -> None:
    assert literal_text({"Fn::If": ["C", "a", "b"]}) is None
    assert literal_text({"Ref": "X"}) is None


def test_serverless_variables_are_masked() -> None:
    text = (
        "service: s\nprovider: {name: aws}\nfunctions:\n  f:\n    events:\n      - http:\n"
        "          integration: lambda\n          request:\n            template:\n"
        "              application/json: '{\"t\": \"${self:custom.${sls:stage}-table}\", \"x\": \"$x\"}'\n"
    )
    (doc,) = load_all(text)
    (tpl,) = find_templates(doc)
    assert tpl.text == '{"t": "' + MASK + '", "x": "$x"}'
    assert text[tpl.offsets[tpl.text.index("$x")]:].startswith("$x")
    assert not tpl.proxy and tpl.kind == "request"


# -- where templates are found --------------------------------------------------------------


def test_openapi_templates_and_kinds() -> None:
    text = """
openapi: 3.0.1
paths:
  /a:
    get:
      x-amazon-apigateway-integration:
        type: http_proxy
        requestTemplates: {application/json: "req"}
        responses:
          "2\\\\d{2}": {responseTemplates: {application/xml: "resp"}}
x-amazon-apigateway-gateway-responses:
  DEFAULT_5XX: {responseTemplates: {application/json: "gw"}}
"""
    (doc,) = load_all(text)
    found = {(t.text, t.kind, t.content_type, t.proxy) for t in find_templates(doc)}
    assert found == {
        ("req", "request", "application/json", True),
        ("resp", "response", "application/xml", True),
        ("gw", "gateway", "application/json", False),
    }


def test_cloudformation_methods_gateway_responses_and_bodies() -> None:
    text = """
Resources:
  M:
    Type: AWS::ApiGateway::Method
    Properties:
      Integration:
        Type: AWS
        RequestTemplates: {application/json: req}
        IntegrationResponses:
          - StatusCode: 200
            ResponseTemplates: {application/json: resp}
  G:
    Type: AWS::ApiGateway::GatewayResponse
    Properties: {ResponseTemplates: {application/json: gw}}
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Body:
        paths: {/x: {post: {x-amazon-apigateway-integration: {requestTemplates: {text/plain: body}}}}}
  Other:
    Type: AWS::SQS::Queue
    Properties: {RequestTemplates: {application/json: not-a-template}}
"""
    (doc,) = load_all(text)
    found = {(t.text, t.kind, t.where) for t in find_templates(doc)}
    assert found == {
        ("req", "request", "Resources/M/Properties/Integration/RequestTemplates/application/json"),
        ("resp", "response", "Resources/M/Properties/Integration/IntegrationResponses/0/ResponseTemplates/application/json"),
        ("gw", "gateway", "Resources/G/Properties/ResponseTemplates/application/json"),
        ("body", "request", "Resources/Api/Properties/Body/paths//x/post/x-amazon-apigateway-integration/requestTemplates/text/plain"),
    }


def test_marker_prefilter() -> None:
    assert may_hold_templates('{"requestTemplates": {}}')
    assert may_hold_templates("functions:\n  f:\n    template: x\n")
    assert not may_hold_templates('{"name": "package", "version": "1.0.0"}')


def test_source_file_positions() -> None:
    source = SourceFile("f", "ab\ncd\n")
    assert [source.position(i) for i in range(6)] == [(1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3)]
    assert source.line_text(2) == "cd"
    assert source.line_text(9) == ""
