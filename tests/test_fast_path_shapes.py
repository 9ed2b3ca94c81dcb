"""The compiler's one-frame paths, checked against Velocity 1.7.

Printing ``$a``, ``$a.b`` and ``$a.b.c`` (maps looked up in the printing closure), calls on a
bare receiver with a bare argument (``$m.get($k)``, ``$s.length()``) or a ``$m.get($k)``
argument, runs of prints written from one frame, ``#if($ref)`` and the
text around them (written by the reference's or the ``#if``'s own closure), and
``#foreach`` bodies run from the loop's frame: each has a general path it falls back to. These
templates are built from exactly those shapes over values where the fast and the general
path part ways (maps, host-free Java values, null, missing keys, ``class``), and every render
is compared with the oracle's.
"""

from __future__ import annotations

import json
import os

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, assume, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from conformance.fuzz import as_case  # noqa: E402
from conformance.record import UNRECORDABLE, expectation  # noqa: E402
from conformance.report import PROFILES, check  # noqa: E402

EXAMPLES = int(os.environ.get("VTL_DIFF_EXAMPLES", "300"))

_NAMES = ["a", "m", "l", "s", "n", "x", "foreach", "velocityCount"]
_KEYS = ["a", "b", "a", "b", "class", "size", "empty"]

_leaf = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3_000_000_000), st.sampled_from([0.5, 1e7, -0.0, 2.5e-4]),
    st.sampled_from(["", "x", "a/b", "O'Brien", "é"]),
)
_value = st.recursive(
    _leaf,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(_KEYS), inner, max_size=3),
        st.dictionaries(st.sampled_from(_KEYS), inner, max_size=3),
    ),
    max_leaves=8,
)


@st.composite
def _reference(draw) -> str:
    name = draw(st.sampled_from(_NAMES))
    parts = draw(st.lists(
        st.one_of(
            st.sampled_from(_KEYS).map(lambda k: "." + k),
            st.sampled_from(["get($k)", "get('a')", "size()", "keySet()", "isEmpty()", "length()",
                             "toString()", "get($m.get($k))", "equals($a.get($k))"]).map(lambda m: "." + m),
        ),
        max_size=2,
    ))
    silent = draw(st.sampled_from(["", "", "!"]))
    return f"${silent}{name}{''.join(parts)}"


_text = st.sampled_from(["", " ", "x", "\n", "  \n", '"', ",", "{\n  "])


@st.composite
def _statement(draw, depth: int) -> str:
    kind = draw(st.sampled_from(["ref", "ref", "ref", "if", "foreach", "set"] if depth < 2 else ["ref"]))
    if kind == "ref":
        return draw(_reference())
    if kind == "set":
        return f"#set(${draw(st.sampled_from(['k', 'x', 'm', 'foreach']))} = {draw(_reference())})"
    body = draw(_block(depth + 1))
    if kind == "if":
        other = f"#else{draw(_block(depth + 1))}" if draw(st.booleans()) else ""
        return f"#if({draw(_reference())}){body}{other}#end"
    return f"#foreach($k in {draw(_reference())}){body}#if($foreach.hasNext),#end#end"


@st.composite
def _block(draw, depth: int = 0) -> str:
    pieces = []
    for _ in range(draw(st.integers(1, 4))):
        pieces.append(draw(_text))
        pieces.append(draw(_statement(depth)))
    pieces.append(draw(_text))
    return "".join(pieces)


_variables = st.dictionaries(st.sampled_from(["a", "m", "l", "s", "n", "x", "k"]), _value, max_size=5)


def _assert_agrees(oracle, template: str, variables: dict, profile: str) -> None:
    """Render in vtl and in Velocity 1.7; they must agree (unless the oracle cannot answer)."""
    answer = oracle.render(template, variables, profile=profile)
    if answer.get("error") in UNRECORDABLE:
        return
    outcome = check(as_case(template, variables, profile, answer), profile)
    assert outcome.status != "fail", f"template {template!r}\nvars {variables!r}\n{outcome.detail}"


@pytest.mark.parametrize("profile", PROFILES)
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(template=_block(), variables=_variables)
def test_fast_paths_match_velocity(oracle, profile, template, variables):
    # $x.class is a name holder without java.lang.Class's methods (docs/security.md): what
    # follows it differs from Velocity by design.
    assume(".class." not in template)
    _assert_agrees(oracle, template, variables, profile)


# -- calls on $util / $input with a bare or $m.get($k) argument ------------------------------
# (the call site calls a host function of one String directly once it has met the host)

_HOST_CALLS = ["$util.escapeJavaScript", "$util.urlEncode", "$util.urlDecode", "$util.base64Encode",
               "$util.base64Decode", "$util.parseJson", "$input.params", "$input.path", "$input.json",
               "$!util.escapeJavaScript", "$x.escapeJavaScript"]
_ARGS = ["$s", "$n", "$m.get($k)", "$m.get($s)", "$missing", "$m.get($n)"]
_host_text = st.sampled_from(["a/b c", "", "O'Brien", "%41", "e30=", '{"a": [1]}', "$.a", "é\u2028",
                              "header", "x"])
_host_variables = st.fixed_dictionaries({
    "s": _host_text,
    "k": st.sampled_from(["a", "b", "s"]),
    "n": st.one_of(st.none(), st.integers(-2, 2), _host_text),
    "m": st.dictionaries(st.sampled_from(["a", "b", "s"]), st.one_of(st.none(), _host_text, st.integers(0, 9)),
                         max_size=3),
})


@st.composite
def _host_template(draw) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 5))):
        call = f"{draw(st.sampled_from(_HOST_CALLS))}({draw(st.sampled_from(_ARGS))})"
        kind = draw(st.sampled_from(["print", "quoted", "set", "rebind", "loop"]))
        if kind == "quoted":
            lines.append(f'"{call}"')
        elif kind == "set":
            lines.append(f"#set($r = {call})[$r]")
        elif kind == "rebind":  # the site met $util; now the name holds something else
            lines.append(f"#set(${draw(st.sampled_from(['util', 'input', 'x']))} = "
                         f"{draw(st.sampled_from(['$s', '$m', '$util', '$input']))}){call}")
        else:
            lines.append(f"#foreach($i in [1, 2])#set($s = $m.get($k))#set($k = 'b'){call},#end")
    return "\n".join(lines)


_READ_VARIABLES = "".join(f"#set(${name} = $input.path('$.{name}'))" for name in ("s", "n", "k", "m"))


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(template=_host_template(), variables=_host_variables)
def test_host_calls_match_velocity(oracle, template, variables):
    # The values come from the request body, so that $util and $input are API Gateway's.
    template = _READ_VARIABLES + template
    event = {"body": json.dumps(variables), "headers": {"header": "h/1"}, "queryStringParameters": {"x": "q"}}
    answer = oracle.render(template, {}, profile="apigateway", event=event)
    if answer.get("error") in UNRECORDABLE:
        return
    case = {"id": "host-call", "template": template, "event": event, "mask": True,
            "apigateway": expectation(answer)}
    outcome = check(case, "apigateway")
    assert outcome.status != "fail", f"template {template!r}\nevent {event!r}\n{outcome.detail}"


# -- runs of prints reading keys of one map ($pet.id $pet.name) --------------------------------
# (the map is read once; from the first value that is not a str, an int or a plain float on,
# the run's general loop prints the rest)

_FIELD_KEYS = ["a", "b", "c", "class", "size"]
_field_value = st.one_of(
    _leaf, st.integers(-(10**20), 10**20), st.sampled_from([1e-4, 1e8, 3.0, 0.1]),
    st.lists(_leaf, max_size=2), st.dictionaries(st.sampled_from(_FIELD_KEYS), _leaf, max_size=2),
)


@st.composite
def _field_run(draw) -> str:
    pieces = []
    for _ in range(draw(st.integers(2, 6))):
        keys = draw(st.lists(st.sampled_from(_FIELD_KEYS), min_size=1, max_size=2))
        silent = draw(st.sampled_from(["", "", "!"]))
        braced = draw(st.booleans())
        path = "r." + ".".join(keys)
        pieces.append(draw(_text))
        pieces.append(f"${silent}{{{path}}}" if braced else f"${silent}{path}")
    pieces.append(draw(_text))
    run = "".join(pieces)
    prefix = draw(st.sampled_from([
        "", "#set($r.b = $r.a)", "#define($d)D$r.a#end#set($r.c = $d)", "#set($r = $l)", "#set($r = $s)",
    ]))
    if draw(st.booleans()):
        run = f"#foreach($r in [$m, $r, {{'a': $l}}]){run}|#end"
    return prefix + run


@pytest.mark.parametrize("profile", PROFILES)
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(template=_field_run(),
       variables=st.fixed_dictionaries({"r": st.dictionaries(st.sampled_from(_FIELD_KEYS), _field_value, max_size=4)},
                                       optional={"m": _value, "l": _value, "s": _leaf}))
def test_print_runs_over_one_map_match_velocity(oracle, profile, template, variables):
    assume(".class." not in template)
    _assert_agrees(oracle, template, variables, profile)


# -- #foreach over $m.keySet() (API Gateway: a list of the keys when no map can be resized) ---

_key_loop = st.sampled_from([
    "#foreach($k in $m.keySet())[$k=$m.get($k)]#if($foreach.hasNext),#end#end",
    "#foreach($k in $m.keySet())$foreach.count:$k #foreach($j in $m.keySet())$j#end|#end",
    "#foreach($k in $m.keySet())#set($v = $m.get($k))$k$v#end$k",
    "#set($n = $m)#foreach($k in $n.keySet())$k#end#foreach($k in $m.keySet())$k#end",
    "#foreach($k in $m.keySet())$k#end#set($x = $m.put('z', 1))$m",  # (a put: no list of keys)
    "#foreach($k in $m.keySet())$k#set($m.b = 5)#end$m",
])


@pytest.mark.parametrize("profile", PROFILES)
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(template=_key_loop, m=st.one_of(st.dictionaries(st.sampled_from(_KEYS + ["c", "d", "e"]), _leaf, max_size=6),
                                       _leaf, st.lists(_leaf, max_size=2)))
def test_loops_over_key_sets_match_velocity(oracle, profile, template, m):
    _assert_agrees(oracle, template, {"m": m}, profile)
