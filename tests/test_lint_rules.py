"""Each rule on small templates: what it reports, where, and what it leaves alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_lint_support import engine_renders_events

import vtl
from vtl import compiler
from vtl.lint import RULES, lint_text
from vtl.lint.checker import check_template
from vtl.lint.extract import EmbeddedTemplate
from vtl.lint.rules import select_codes
from vtl.lint.sample import find_invalid_json, sample_body
from vtl.parser import parse


def found(text: str, codes=None) -> list[tuple[int, int, str]]:
    """(line, column, code) of a .vm file's diagnostics."""
    return [(d.line, d.column, d.code) for d in lint_text("t.vm", text, codes or set(RULES) - {"VTL305"})]


def found_in(text: str, kind: str = "request", content_type: str | None = "application/json") -> list[str]:
    tpl = EmbeddedTemplate(text, range(len(text) + 1), kind, content_type)
    return [f.code for f in check_template(tpl, set(RULES) - {"VTL305"})]


def messages(text: str) -> list[str]:
    return [d.message for d in lint_text("t.vm", text, set(RULES) - {"VTL305"})]


# -- VTL0xx ---------------------------------------------------------------------------------


def test_syntax_error_at_the_parsers_position() -> None:
    assert found('{"a": $input.params(\'x\' 1)}') == [(1, 25, "VTL001")]


def test_template_size_quota() -> None:
    big = "{" + '"k": "v",' * 34200 + '"end": 1}'
    assert len(big.encode()) > 300 * 1024
    assert found(big) == [(1, 1, "VTL002")]
    just_fits = '{"k": "' + "v" * (300 * 1024 - 9) + '"}'
    assert len(just_fits.encode()) == 300 * 1024
    assert found(just_fits) == []


def test_proxy_templates() -> None:
    tpl = EmbeddedTemplate("x", range(2), "request", "application/json", proxy=True)
    assert [f.code for f in check_template(tpl, RULES)] == ["VTL003"]


# -- VTL1xx ---------------------------------------------------------------------------------


def test_macro_definition_and_call() -> None:
    assert found("#macro(greet $n)Hi $n#end\n#greet('x')\n") == [(1, 1, "VTL101"), (2, 1, "VTL101")]


def test_hash_words_without_parentheses_are_just_text() -> None:
    assert found('{"color": "#fff", "tag": "#new"}') == []


def test_evaluate_include_parse() -> None:
    assert found('#evaluate("$a")\n#include("a.vm")\n#parse("b.vm")\n') == [
        (1, 1, "VTL102"), (2, 1, "VTL103"), (3, 1, "VTL103"),
    ]


def test_break_stop_define_literal_are_fine() -> None:
    assert found("#foreach($a in [1])#break#end#define($b)x#end$b#literal()#x#end#stop") == []


def test_gateway_response_is_not_vtl() -> None:
    text = '#set($a = 1){"m": $context.error.messageString, "u": "$util.urlEncode($a)", "s": "$context.stage"}'
    assert found_in(text, "gateway") == ["VTL104", "VTL104"]
    assert found_in('{"m": "$context.error.mesage"}', "gateway") == ["VTL203"]
    assert found_in('"$' + "{", "gateway") == []  # no Velocity parse: no syntax errors


def test_set_without_parentheses_is_text() -> None:
    assert found("#set $x = 1\n#set ( $y = 2 )$y") == [(1, 1, "VTL105")]
    assert found("#{set} $!x = 1") == [(1, 1, "VTL105")]
    # '#set' in prose is left alone, and so is a real #set
    assert found("the #set directive; #set($a = 1)$a") == []


def test_block_directive_without_parentheses() -> None:
    assert found("{\"doc\": \"use #foreach to loop\"}\n#define") == [(1, 14, "VTL107"), (2, 1, "VTL107")]
    assert found("\\#foreach and #foreach($i in [1])$i#end") == []
    # the engine agrees: it renders up to the bare #foreach, then fails there
    with pytest.raises(vtl.VtlRuntimeError) as info:
        vtl.compile("ok\n#foreach").render({})
    assert (info.value.line, info.value.column) == (2, 1)


def test_else_followed_by_if_text() -> None:
    assert found("#if($a)x#else if($b)y#end") == [(1, 15, "VTL106")]
    assert found("#if($a)x#{else}  if ( $b )y#end") == [(1, 18, "VTL106")]
    # #elseif, and an #else whose text merely starts with 'if', are fine
    assert found("#if($a)x#elseif($b)y#end#if($a)x#else iffy#end") == []


# -- VTL2xx ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "column", "hint"),
    [
        ("$input.jsonn('$')", 8, "did you mean 'json'"),
        ("$input.params", 8, "is a method"),
        ("$input.body()", 8, "is a property"),
        ("$util.escapeJavascript($x)", 7, "did you mean 'escapeJavaScript'"),
        ("$util.toJson($x)", 7, "AppSync"),
        ("$util.escapeJavaScript", 7, "is a method"),
    ],
)
def test_unknown_members(text: str, column: int, hint: str) -> None:
    assert found(text) == [(1, column, "VTL201")]
    assert hint in messages(text)[0]


@pytest.mark.parametrize("text", ["$input.json()", "$input.path('$', 1)", "$input.params('a', 'b')", "$util.base64Decode()"])
def test_wrong_argument_count(text: str) -> None:
    assert [c for *_, c in found(text)] == ["VTL202"]


def test_known_members_pass() -> None:
    text = (
        "$input.body $input.json('$') $input.path('$.a') $input.params() $input.params('a') "
        "$util.escapeJavaScript($a) $util.parseJson($a).b $util.urlEncode($a) $util.urlDecode($a) "
        "$util.base64Encode($a) $util.base64Decode($a) $input.params().header.get('h')"
    )
    assert found(text) == []


def test_context_variables() -> None:
    assert found("$context.requestID") == [(1, 10, "VTL203")]
    assert "did you mean $context.requestId?" in messages("$context.requestID")[0]
    assert found("$context.identity.clientCert.validity.notAfte") == [(1, 39, "VTL203")]
    assert "$context.error.* exists only" in messages("$context.error.message")[0]


def test_context_open_maps_and_methods() -> None:
    text = (
        "$context.authorizer.claims.email $context.authorizer.anything "
        "$context.requestOverride.header.X-Any $context.keySet() $context['stage'] "
        "$context.identity.clientCert.validity.notBefore $context.identity.sourceIp.length()"
    )
    assert found(text) == []


def test_context_keys_set_by_the_template_are_known() -> None:
    assert found("#set($context.myFlag = true)$context.myFlag") == []


# -- VTL3xx ---------------------------------------------------------------------------------


def test_json_inside_a_string_only() -> None:
    assert found('{"a": "$input.json(\'$.a\')", "b": $input.json(\'$.b\')}') == [(1, 8, "VTL301")]


def test_json_from_a_variable() -> None:
    assert found('#set($j = $input.json(\'$\'))\n{"a": "$j"}') == [(2, 8, "VTL301")]


def test_escaped_quotes_do_not_end_the_string() -> None:
    # the \" inside the first string keeps us inside it
    assert found('{"a": "x \\" $input.params(\'q\')"}') == [(1, 13, "VTL303")]


@pytest.mark.parametrize(
    "expr",
    ["$input.path('$')", "$util.parseJson($input.body)", "$input.params()", "$input.params().header",
     "$context.identity", "$context.authorizer", "$context"],
)
def test_java_maps_in_json(expr: str) -> None:
    assert [c for *_, c in found('{"a": ' + expr + "}")] == ["VTL302"]


def test_values_that_print_fine() -> None:
    text = '{"a": $input.path(\'$.a\'), "b": "$context.identity.sourceIp", "c": $input.json(\'$\')}'
    assert found(text) == []


@pytest.mark.parametrize(
    "expr",
    ["$input.params('q')", "$input.params().querystring.q", "$input.params().header.get('h')",
     "$input.params('q').trim()", "$context.identity.userAgent", "$input.body"],
)
def test_unescaped_request_values(expr: str) -> None:
    assert [c for *_, c in found('{"a": "' + expr + '"}')] == ["VTL303"]


def test_request_values_through_variables_loops_and_strings() -> None:
    text = (
        "#set($all = $input.params())\n"
        "#foreach($group in $all.keySet())#end\n"
        "#set($q = $all.querystring)\n"
        "#foreach($v in $q)\"$v\"#end\n"
        "#set($s = \"x-$input.params('a')\")\n"
        "{\"s\": \"$s\"}"
    )
    assert found(text) == [(4, 20, "VTL303"), (6, 8, "VTL303")]


def test_escaped_request_values_pass() -> None:
    text = '{"a": "$util.escapeJavaScript($input.params(\'q\')).replaceAll("\\\\\'","\'")", "b": $input.params(\'n\')}'
    assert found(text) == []


def test_raw_body_of_binary_media_may_sit_in_a_string() -> None:
    assert found_in('{"data": "$input.body"}', content_type="image/png") == []
    assert found_in('{"data": "$input.body"}', content_type="application/json") == ["VTL303"]


def test_escape_without_the_quote_fix() -> None:
    assert found('{"a": "$util.escapeJavaScript($input.path(\'$.name\'))"}') == [(1, 8, "VTL304")]
    # a request id cannot hold a single quote
    assert found('{"a": "$util.escapeJavaScript($context.requestId)"}') == []
    assert found('{"a": "$util.escapeJavaScript(\'plain\')"}') == []
    assert found('{"a": "$util.escapeJavaScript("it\'s")"}') == [(1, 8, "VTL304")]


def test_string_rules_need_json_output() -> None:
    sqs = "Action=SendMessage&MessageBody=$input.params('m')&Attr=\"$input.json('$')\""
    assert found_in(sqs) == []
    # no literal text at all: a response template's content type decides
    only_refs = "#set($m = $input.path('$'))$m"
    assert found_in(only_refs, "response", "application/json") == ["VTL302"]
    assert found_in(only_refs, "response", "application/xml") == []
    assert found_in(only_refs, "request", "application/json") == []  # the key is the input type


# -- VTL4xx ---------------------------------------------------------------------------------


def test_nullable_set_in_a_loop() -> None:
    text = "#foreach($i in $input.path('$.items'))\n#set($n = $i.name)\n$n\n#end"
    assert found(text) == [(2, 1, "VTL401")]


@pytest.mark.parametrize(
    "text",
    [
        # reset first: the stale value cannot survive
        "#foreach($i in $input.path('$.items'))\n#set($n = '')\n#set($n = $i.name)\n$n\n#end",
        # never read again
        "#foreach($i in $input.path('$.items'))\n#set($n = $i.name)\n#end",
        # not in a loop
        "#set($n = $input.path('$.name'))$n",
        # cannot be null
        "#foreach($i in $input.path('$.items'))\n#set($n = \"$i.name\")\n$n\n#end",
        # the template's own map, read by its own keys
        "#set($m = {'a': 1})#foreach($k in $m.keySet())\n#set($v = $m.get($k))\n$v\n#end",
    ],
)
def test_set_in_loop_false_alarms(text: str) -> None:
    assert found(text) == []


def test_indented_set_is_reported_at_the_hash() -> None:
    # Velocity swallows the indentation of a #set after a directive line: not part of the node
    text = "#foreach($i in $input.path('$.items'))\n    #set($n = $i.name)\n    $n\n#end"
    assert found(text) == [(2, 5, "VTL401")]


def test_division_can_be_null() -> None:
    text = "#foreach($i in [1, 2])\n#set($r = 10 / $i)\n$r\n#end"
    assert found(text) == [(2, 1, "VTL401")]


def test_override_set_twice() -> None:
    text = (
        "#set($context.requestOverride.header.X-A = 'a')\n"
        "$context.requestOverride.header.put('X-A', 'b')\n"
        "#set($context.requestOverride.querystring['q'] = 'c')\n"
        "#set($context.responseOverride.status = 201)\n"
    )
    assert found(text) == [(2, 32, "VTL402")]
    assert "already set on line 1" in messages(text)[0]


def test_override_in_exclusive_branches_is_fine() -> None:
    text = (
        "#if($a)#set($context.responseOverride.status = 400)"
        "#elseif($b)#set($context.responseOverride.status = 401)"
        "#else#set($context.responseOverride.status = 500)#end"
    )
    assert found(text) == []
    assert found(text + "#set($context.responseOverride.status = 200)") == [(1, 160, "VTL402")]


def test_override_in_a_loop() -> None:
    assert found("#foreach($h in [1, 2])#set($context.responseOverride.header.X = $h)#end") == [(1, 23, "VTL402")]
    # a computed name is not checked
    assert found("#foreach($h in ['a'])#set($context.responseOverride.header[$h] = 1)#end") == []


# -- suppression and selection --------------------------------------------------------------


def test_noqa() -> None:
    line = '{"a": "$input.json(\'$\')"}'
    assert found(line + " ## vtl: noqa") == []
    assert found(line + " ## vtl: noqa: VTL301") == []
    assert found(line + " ## vtl:noqa:VTL303,VTL301") == []
    assert found(line + " ## vtl: noqa: VTL303") == [(1, 8, "VTL301")]
    assert found(line + "\n## vtl: noqa") == [(1, 8, "VTL301")]  # only its own line


def test_noqa_prefix() -> None:
    assert found('{"a": "$input.json(\'$\')"} ## vtl: noqa: VTL3') == []


def test_select_and_ignore() -> None:
    assert select_codes(["VTL3"], ["VTL305"]) == {"VTL301", "VTL302", "VTL303", "VTL304"}
    assert "VTL305" in select_codes(["VTL3", "VTL305"], ["VTL30"])  # the longest match wins
    assert select_codes(None, ["VTL"]) == frozenset()
    assert select_codes(None, None) == frozenset(RULES)
    text = '{"a": "$input.json(\'$\')"}\n#evaluate("x")'
    assert found(text, select_codes(["VTL1"], None)) == [(2, 1, "VTL102")]


def test_bare_word_arguments_are_null() -> None:
    text = "{\"q\": \"$input.params(name)\", \"v\": \"$m.get(key, 'x')\"}"
    assert found(text, {"VTL403"}) == [(1, 22, "VTL403"), (1, 43, "VTL403")]
    assert any("write 'name' for the text or $name for a variable" in m for m in messages(text))
    assert found("$input.params('name') $m.get($key) $m.get(\"k\")") == []


# -- VTL305 ---------------------------------------------------------------------------------


def _velocity_render(source: str, variables: dict):
    def render(tree):
        template = vtl.compile(source, profile="velocity")
        template._render = compiler.compile_template(tree, "velocity")
        return template.render(variables)

    return render


def _locate(source: str, variables: dict):
    finding = find_invalid_json(parse(source, macros_enabled=False), _velocity_render(source, variables))
    if finding is None:
        return None
    line = source.count("\n", 0, finding.offset) + 1
    return line, finding.offset - (source.rfind("\n", 0, finding.offset) + 1) + 1, finding.message


def test_invalid_json_points_at_the_trailing_comma() -> None:
    source = '{\n  "items": [\n#foreach($i in $items)\n    {"id": $i},\n#end\n  ]\n}\n'
    line, column, message = _locate(source, {"items": [1, 2]})
    assert (line, column) == (4, 15)
    assert "trailing comma" in message


def test_invalid_json_points_at_the_text_after_a_missing_comma() -> None:
    source = '{\n  "a": "$a"\n  "b": 2\n}'
    assert _locate(source, {"a": "x"})[:2] == (3, 3)


def test_invalid_json_from_a_reference_points_at_it() -> None:
    source = '{"a": $m}'
    assert _locate(source, {"m": {"k": "v"}})[:2] == (1, 7)


def test_references_the_sample_cannot_fill_report_nothing() -> None:
    # stock Velocity prints an unresolved reference as written: that is the sample's gap
    assert _locate('{"a": $missing.value}', {}) is None


def test_valid_or_failing_renders_report_nothing() -> None:
    assert _locate('{"a": [#foreach($i in $l)$i#if($foreach.hasNext),#end#end]}', {"l": [1, 2]}) is None
    tree = parse('{"a": 1}', macros_enabled=False)

    def failing(_tree):
        raise RuntimeError("sample data did not fit")

    assert find_invalid_json(tree, failing) is None


def test_sample_body_shapes() -> None:
    from vtl.lint.analysis import analyse

    source = (
        "#set($r = $input.path('$'))\n"
        '{"n": $r.count, "s": "$r.name", "tags": $input.json(\'$.tags\'),\n'
        '"items": [#foreach($i in $r.items){"id": $i.id, "label": "$i.label"}#end]}'
    )
    body = sample_body(analyse(parse(source, macros_enabled=False)))
    assert body["count"] == 1 and body["name"] == "sample"
    assert body["items"] == [{"id": 1, "label": "sample"}, {"id": 1, "label": "sample"}]
    assert "tags" in body
    # a double-quoted path is a template too, but with nothing to interpolate
    body = sample_body(analyse(parse('{"b": $input.path("$.a.b")}', macros_enabled=False)))
    assert body == {"a": {"b": 1}}


@pytest.mark.skipif(not engine_renders_events(), reason="vtl.render/vtl.event for API Gateway not available")
def test_invalid_json_with_the_api_gateway_engine() -> None:
    text = '{\n  "q": "$input.params(\'q\')",\n  "n": $input.path(\'$.n\')\n  "x": 1\n}'
    assert [(d.line, d.column, d.code) for d in lint_text("t.vm", text, {"VTL305"})] == [(4, 3, "VTL305")]


@pytest.mark.skipif(not engine_renders_events(), reason="vtl.render/vtl.event for API Gateway not available")
@pytest.mark.parametrize("text", [
    # body fields summed and compared are numbers in the sample request, not words
    "#set($o = $input.path('$'))#set($n = 0)\n#foreach($i in $o.items)#set($n = $n + $i.qty)#end\n"
    '{"count": $n, "big": #if($o.limit > 10)true#{else}false#end}',
    # a custom authorizer's context values exist in the sample request
    '{"admin": $context.authorizer.isAdmin, "tenant": "$context.authorizer.tenantId"}',
    # a parameter given to base64Decode holds Base64 text
    "#set($token = $input.params('next'))\n{\"start\": $util.base64Decode($token)}",
    # a body field holding JSON text holds the fields read from what parseJson makes of it
    "#set($b = $util.parseJson($input.path('$.body')))\n"
    '{"id": $b.id, "tags": $b.tags, "name": "$b.who.name"}',
])
def test_working_templates_render_valid_json_for_the_sample(text: str) -> None:
    assert lint_text("t.vm", text, {"VTL305"}) == []


def test_sample_body_holds_json_text_for_parse_json() -> None:
    from vtl.lint.analysis import analyse

    source = "#set($b = $util.parseJson($input.path('$.body')))\n{\"id\": $b.id, \"n\": \"$b.who.name\"}"
    body = sample_body(analyse(parse(source, macros_enabled=False)))
    assert json.loads(body["body"]) == {"id": 1, "who": {"name": "sample"}}


# -- the developer guide's own examples -----------------------------------------------------

_DOC_EXAMPLES = Path("/work/shared/reference/doc-examples.json")


@pytest.mark.skipif(not _DOC_EXAMPLES.exists(), reason="reference material not available")
def test_developer_guide_examples() -> None:
    examples = {e["id"]: e["template"] for e in json.loads(_DOC_EXAMPLES.read_text())}
    for name, template in examples.items():
        kind = "gateway" if name.startswith("gateway") else "request"
        assert "VTL001" not in found_in(template, kind), name
    # the guide's escapeJavaScript example lacks the documented .replaceAll fix
    assert found_in(examples["newer-example-3b"]) == ["VTL303", "VTL304"]
