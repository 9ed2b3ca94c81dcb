"""Error discipline: whatever the template, variables or event, the public API raises only
:class:`vtl.VtlError` subclasses — plus ``TypeError`` when an argument has the wrong Python
type. ``RecursionError``, ``MemoryError``, ``KeyError``, ``IndexError``, ``re.error``,
``AssertionError``... must never reach the caller.

Inputs: random text biased towards VTL syntax, mutations and splices of realistic templates
(the seeds of :mod:`conformance.crashfuzz`, the conformance corpus when present), random JSON
and non-JSON bodies, random events. The long-run version is ``python -m conformance.crashfuzz``.
"""

from __future__ import annotations

import json
import random
import string

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import vtl
from conformance.crashfuzz import (
    FUZZ_AWS_LIMITS,
    FUZZ_LIMITS,
    SEEDS,
    VTL_TOKENS,
    Case,
    corpus,
    crash_of,
    random_case,
)

_PHASES = [Phase.explicit, Phase.generate, Phase.shrink]  # no slow "explain" phase
FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck), database=None,
                derandomize=True,
                phases=_PHASES)

# -- strategies ---------------------------------------------------------------------------------

vtl_text = st.lists(
    st.one_of(st.sampled_from(VTL_TOKENS), st.characters(codec=None, exclude_categories=())),
    max_size=40,
).map("".join)

_CORPUS = corpus()

# An edit: (operation, position fraction, length, inserted text).
_edit = st.tuples(
    st.integers(0, 3), st.floats(0, 1), st.integers(1, 12),
    st.one_of(st.sampled_from(VTL_TOKENS), vtl_text),
)


def apply_edits(template: str, edits: list[tuple[int, float, int, str]]) -> str:
    for op, where, length, text in edits:
        i = int(where * len(template))
        j = min(len(template), i + length)
        if op == 0:
            template = template[:i] + template[j:]
        elif op == 1:
            template = template[:i] + text + template[i:]
        elif op == 2:
            template = template[:j] + template[i:j] + template[j:]
        else:
            template = template[:i] + text + template[j:]
    return template


mutated_templates = st.builds(apply_edits, st.sampled_from(_CORPUS), st.lists(_edit, min_size=1, max_size=4))
seed_mutations = st.builds(apply_edits, st.sampled_from(SEEDS), st.lists(_edit, min_size=1, max_size=4))

json_scalars = st.one_of(
    st.none(), st.booleans(),
    st.integers(min_value=-(2**80), max_value=2**80),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)),
    max_leaves=12,
)
variables = st.dictionaries(st.sampled_from(["x", "y", "l", "m", "s", "n", "a", "b", "input", "util"]),
                            json_values, max_size=5)

json_bodies = json_values.map(json.dumps)
garbage_bodies = st.lists(
    st.sampled_from(['{', '}', '[', ']', '"', ':', ',', '1', '-', 'e', '.', 'true', 'nul', 'a', '\\u00',
                     '\\ud800', '\\', ' ', '\u00e9', '\x00', 'NaN', "'", '1' * 30, '\ud83d']),
    max_size=16,
).map("".join)
bodies = st.one_of(json_bodies, garbage_bodies, st.text(max_size=30))

small_maps = st.dictionaries(st.text(max_size=8), st.text(max_size=12), max_size=3)


@st.composite
def events(draw: st.DrawFn) -> dict:
    kwargs = {
        "body": draw(st.one_of(st.none(), bodies)),
        "method": draw(st.sampled_from(["GET", "POST"])),
        "headers": draw(st.one_of(st.none(), small_maps)),
        "query": draw(st.one_of(st.none(), small_maps, st.text(max_size=20))),
        "path_params": draw(st.one_of(st.none(), small_maps)),
        "stage_variables": draw(st.one_of(st.none(), small_maps)),
    }
    if draw(st.booleans()):
        kwargs["authorizer"] = draw(st.dictionaries(st.text(max_size=6), json_values, max_size=3))
    return vtl.event(**kwargs)


# -- the property --------------------------------------------------------------------------------


def disciplined(case: Case) -> None:
    exc = crash_of(case)
    if exc is not None:
        raise AssertionError(f"{type(exc).__name__}: {exc}\nrepro:\n{case.repro()}") from exc


@pytest.mark.parametrize("profile", ["velocity", "apigateway"])
@FUZZ
@given(template=vtl_text, values=variables)
def test_random_text(profile: str, template: str, values: dict) -> None:
    disciplined(Case(profile, template, values, None))


@pytest.mark.parametrize("profile", ["velocity", "apigateway"])
@FUZZ
@given(template=mutated_templates, values=variables)
def test_mutated_corpus_templates(profile: str, template: str, values: dict) -> None:
    disciplined(Case(profile, template, values, None))


@FUZZ
@given(template=seed_mutations, event=events())
def test_vtl_render_with_random_events(template: str, event: dict) -> None:
    disciplined(Case("render", template, {}, event))


@FUZZ
@given(template=st.one_of(seed_mutations, st.sampled_from(SEEDS)), event=events(), body=bodies)
def test_request_then_response(template: str, event: dict, body: str) -> None:
    disciplined(Case("response", template, {}, event, body))


@settings(max_examples=60, deadline=None, database=None, phases=_PHASES)
@given(template=st.sampled_from(SEEDS), body=bodies)
def test_seed_templates_with_random_bodies(template: str, body: str) -> None:
    disciplined(Case("request", template, {}, vtl.event(body=body)))


def test_a_thousand_random_fuzz_cases() -> None:
    """The crash fuzzer's own generator, a fixed seed (``conformance.crashfuzz`` runs it long)."""
    rng = random.Random(20240601)
    for _ in range(1000):
        disciplined(random_case(rng, _CORPUS))


# -- specific inputs that once escaped, and pathological shapes --------------------------------


# Once an AssertionError in the lexer (fixed in 9d113c4); Velocity 1.7 raises
# ParseErrorException "Lexical error, Encountered: \"\\u0137\"" at line 1, column 4.
@pytest.mark.parametrize("template", ["#h(\u0137)", "#e(\u00e9", "#foreach($i in \u0137)#end",
                                      "#set($a = \u00e9)", "#if(\u00fc)#end"])
def test_non_ascii_letter_in_directive_arguments(template: str) -> None:
    for profile in ("velocity", "apigateway"):
        with pytest.raises(vtl.VtlSyntaxError) as info:
            vtl.compile(template, profile)
        assert info.value.line == 1


@pytest.mark.parametrize(("template", "expected"), [
    ("#set($m = {[1]: 2})$m", "{[1]=2}"),
    ("#set($m = {})#set($q = $m.put([1], 1))$m", "{[1]=1}"),
    ("#set($m = {})#set($q = $m.put($m, 1))$m", "{(this Map)=1}"),
    ("#set($m = {{}: 2})$m", "{{}=2}"),
])
def test_collections_as_map_keys(template: str, expected: str) -> None:
    assert vtl.compile(template, "velocity").render() == expected


@pytest.mark.parametrize("profile", ["velocity", "apigateway"])
@pytest.mark.parametrize("template", [
    "(" * 20000,
    "#if(" * 5000,
    "#if(true)" * 5000 + "#end" * 5000,
    "#foreach($i in [1])" * 3000 + "#end" * 3000,
    "#set($a = " + "[" * 5000 + "]" * 5000 + ")",
    "#set($a = " + "{'k':" * 3000 + "1" + "}" * 3000 + ")",
    "#set($a = " + "(" * 5000 + "1" + ")" * 5000 + ")",
    "#set($a = " + "!" * 10000 + "true)",
    "#set($a = 1" + " + 1" * 20000 + ")$a",
    "$a" + ".b" * 20000,
    "$a" + ".b()" * 10000,
    "$a" + "[0]" * 10000,
    "#define($d)" * 3000 + "#end" * 3000,
    '#set($s = "' + "#if(true)" * 2000 + "x" + "#end" * 2000 + '")$s',
    "#[[" * 10000,
    "#*" * 10000,
    "${" * 10000,
    "\\" * 100000 + "$x",
])
def test_deep_nesting_never_overflows_the_stack(profile: str, template: str) -> None:
    disciplined(Case(profile, template, {"a": {"b": 1}}, None))


@pytest.mark.parametrize("profile", ["velocity", "apigateway"])
def test_deep_runtime_values(profile: str) -> None:
    deep: object = 1
    for _ in range(5000):
        deep = [deep]
    nested: object = 1
    for _ in range(5000):
        nested = {"k": nested}
    for template in ("$x", "$x.toString()", "$x.hashCode()", "$x.equals($x)", "#if($x == $y)y#end",
                     "$x.contains(1)", "#set($z = $x.clone())$z.size()"):
        disciplined(Case(profile, template, {"x": deep, "y": nested}, None))
        disciplined(Case(profile, template, {"x": nested, "y": deep}, None))


@pytest.mark.parametrize("text", ["[" * 20000 + "]" * 20000, '{"a":' * 20000 + "1" + "}" * 20000,
                                  "[" * 20000, '{"a":' * 20000])
@pytest.mark.parametrize("template", ["$input.json('$')", "$input.path('$')", "$input.path('$..a')",
                                      "$util.parseJson($input.body)", "$input.json('$..*')",
                                      "#set($v = $util.parseJson($input.body))$v.hashCode()"])
def test_deep_json_bodies(text: str, template: str) -> None:
    disciplined(Case("request", template, {}, vtl.event(body=text)))


# -- wrong Python argument types -----------------------------------------------------------------


class TestArgumentTypes:
    def test_template_source_must_be_text(self) -> None:
        for source in (None, b"$x", 1, ["$x"]):
            with pytest.raises(TypeError):
                vtl.compile(source)  # type: ignore[arg-type]
            with pytest.raises(TypeError):
                vtl.render(source, vtl.event())  # type: ignore[arg-type]

    def test_variables_must_be_a_mapping_of_names(self) -> None:
        template = vtl.compile("$x", "velocity")
        for bad in ([("x", 1)], "x", 1):
            with pytest.raises(TypeError):
                template.render(bad)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            template.render({1: "x"})  # type: ignore[dict-item]

    def test_unknown_profile(self) -> None:
        with pytest.raises(ValueError):
            vtl.compile("x", "velocity2")

    def test_limits_must_be_limits(self) -> None:
        with pytest.raises(TypeError):
            vtl.compile("x", limits={"deadline": 1.0})  # type: ignore[arg-type]

    @pytest.mark.parametrize("event", [
        "not an event", 1, ["a"],
        {"headers": "h"}, {"headers": ["a"]}, {"queryStringParameters": 1},
        {"body": 1}, {"body": ["x"]}, {"requestContext": "x"}, {"stageVariables": [1]},
        {"multiValueHeaders": {"a": "notalist"}}, {"pathParameters": {"a": 1}},
        {"requestContext": {"identity": 5}}, {"requestContext": {"authorizer": "x"}},
        {"isBase64Encoded": True, "body": "%%%"},
    ])
    def test_malformed_events(self, event: object) -> None:
        template = vtl.compile("$input.body $input.params() $context.identity $context.authorizer")
        try:
            template.render_request(event)  # type: ignore[arg-type]
        except (TypeError, vtl.VtlError):
            pass

    @settings(max_examples=100, deadline=None, database=None, phases=_PHASES)
    @given(event=st.dictionaries(
        st.sampled_from(["body", "headers", "multiValueHeaders", "queryStringParameters",
                         "multiValueQueryStringParameters", "pathParameters", "stageVariables",
                         "requestContext", "isBase64Encoded", "httpMethod", "path", "resource"]),
        st.one_of(json_values, st.dictionaries(st.text(max_size=5), json_values, max_size=3)),
        max_size=6,
    ))
    def test_random_event_shapes(self, event: dict) -> None:
        template = vtl.compile("$input.body|$input.params()|$context|$stageVariables|$input.json('$')")
        try:
            template.render_request(event)
        except (TypeError, vtl.VtlError):
            pass

    def test_response_body_must_be_text(self) -> None:
        template = vtl.compile("$input.body")
        with pytest.raises(TypeError):
            template.render_request(vtl.event(), response_body=b"x")  # type: ignore[arg-type]

    def test_previous_must_be_a_result(self) -> None:
        template = vtl.compile("$input.body")
        with pytest.raises(TypeError):
            template.render_request(vtl.event(), previous={"context": {}})


def test_generators_cover_the_alphabet() -> None:
    """The random text really is biased towards VTL: every special character is reachable."""
    joined = "".join(VTL_TOKENS)
    for ch in "$#(){}[]\"'\\!.,":
        assert ch in joined
    assert all(word in joined for word in ("#foreach", "#if", "#set", "#macro", "#define", "#evaluate"))
    assert set(string.digits) & set(joined)
    assert FUZZ_LIMITS.deadline and FUZZ_AWS_LIMITS.foreach_max_loops == 1000
