"""``$input.json('$')`` made compact from the text (vtl/apigateway/compact.py) equals what the
general path prints: ``json_smart_string(parse_json(body))``."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import vtl
import vtl.apigateway.compact as compact
from benchmarks import inputs
from vtl.apigateway import event
from vtl.apigateway.compact import compact_json
from vtl.apigateway.javajson import parse_json
from vtl.errors import JavaException
from vtl.runtime.text import json_smart_string

ORDER = (Path(__file__).parent.parent / "benchmarks" / "data" / "order.json").read_text(encoding="utf-8")


def general(text: str) -> str | None:
    """What ``$input.json('$')`` prints through the tree (None: no JSON text at all)."""
    try:
        root = parse_json(text)
    except JavaException:
        return None
    if root is None:
        return None
    return json_smart_string(root)


def check(text: str) -> str | None:
    got = compact_json(text)
    if got is not None:
        assert got == general(text), text
    return got


@pytest.fixture(params=[7, 64, 1 << 16])
def chunk(request, monkeypatch):
    """Small chunks make every text cross chunk boundaries."""
    monkeypatch.setattr(compact, "_CHUNK", request.param)
    return request.param


# -- random documents, random layouts -------------------------------------------------------

_CHARS = st.sampled_from(list(
    'ab /\\"\':,[]{}-0.eE\x01\x1f\t\n\r\x7f\x80\x85\x9f\xa0é\u2000\u2028\u20ac\u20ff\u2100東😀'
    "\ud800\udc00"))
_text = st.text(_CHARS, max_size=6)
_numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["-0", "0", "-0.0", "0.0", "1E5", "1e5", "1.50", "1.0", "2.5E-3", "1e-7", "1.0E10",
                     "0.001", "0.0001", "9999999.0", "10000000.0", "1e400", "-1e400", "123456789012345678",
                     "0.1000000000000000055511151231257827", "3.141592653589793238462643383279",
                     "1.7976931348623157E308", "4.9E-324", "100", "-12", "1e+2", "5e-1"]),
)
_leaf = st.none() | st.booleans() | _numbers | _text
_docs = st.recursive(
    _leaf,
    lambda children: (st.lists(children, max_size=4).map(lambda v: ("array", v))
                      | st.lists(st.tuples(st.sampled_from(["a", "b", "/", "é"]) | _text, children),
                                 max_size=4).map(lambda v: ("object", v))),
    max_leaves=25,
)
_space = st.text(st.sampled_from(" \t\n\r"), max_size=3)


@st.composite
def layouts(draw, doc):
    """``doc`` written as JSON with random whitespace and random (valid) escapes."""
    out: list[str] = []

    def ws() -> None:
        out.append(draw(_space))

    def string(s: str) -> None:
        parts = ['"']
        for ch in s:
            how = draw(st.integers(0, 9))
            if ch == '"' or ch == "\\" or ch < " ":
                parts.append(json.dumps(ch)[1:-1] if how < 6 else f"\\u{ord(ch):04{'x' if how < 8 else 'X'}}")
            elif how == 0:
                parts.append(f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else json.dumps(ch)[1:-1])
            elif how == 1 and ch == "/":
                parts.append("\\/")
            else:
                parts.append(ch)
        parts.append('"')
        out.append("".join(parts))

    def write(value) -> None:
        ws()
        if isinstance(value, tuple) and value[0] == "array":
            out.append("[")
            for i, item in enumerate(value[1]):
                if i:
                    out.append(",")
                write(item)
            if not value[1]:
                ws()
            out.append("]")
        elif isinstance(value, tuple):
            out.append("{")
            for i, (key, item) in enumerate(value[1]):
                if i:
                    out.append(",")
                ws()
                string(key)
                ws()
                out.append(":")
                write(item)
            if not value[1]:
                ws()
            out.append("}")
        elif isinstance(value, str) and value[:1] in "-0123456789" and value and _is_number(value):
            out.append(value)
        elif isinstance(value, str):
            string(value)
        elif isinstance(value, float):
            out.append(draw(st.sampled_from([repr(value), f"{value:e}", f"{value:.3E}"])))
        else:
            out.append(json.dumps(value))
        ws()

    write(doc)
    return "".join(out)


def _is_number(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_compact_text_is_the_general_path(data, chunk):
    doc = data.draw(_docs)
    text = data.draw(layouts(doc))
    check(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=_docs, indent=st.sampled_from([None, 0, 1, 2, "\t", " \r\n "]), ascii_only=st.booleans(),
       separators=st.sampled_from([None, (",", ":"), (" , ", " : "), (",\n", ":\t")]))
def test_json_dumps_layouts(doc, indent, ascii_only, separators, chunk):
    value = _python(doc)
    text = json.dumps(value, indent=indent, ensure_ascii=ascii_only, separators=separators)
    got = check(text)
    if type(value) in (dict, list) and not any(s in text for s in ("\x7f", "\x1a", "Infinity")):
        assert got is not None  # json.dumps writes no duplicate key


def _python(doc):
    if isinstance(doc, tuple) and doc[0] == "array":
        return [_python(v) for v in doc[1]]
    if isinstance(doc, tuple):
        return {k: _python(v) for k, v in doc[1]}
    if isinstance(doc, str) and doc and doc[0] in "-0123456789" and _is_number(doc):
        return json.loads(doc)
    return doc


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(st.sampled_from(list('{}[]",:\\/ \n\t0123456789-.eEtruefalsnul\'x\x1a\x7fé😀')), max_size=40))
@example(text='{"a":1}xyz')
@example(text="{a: b}")
@example(text='{"a":1,}')
@example(text='[1 2]')
@example(text='[1, .5]')
@example(text='[- 1]')
@example(text='["a\\"b" ]')
@example(text='["a\\\\" ]')
@example(text='["a" , "b\\\\\\"c"]')
@example(text='{"a":"\\x"}')
@example(text='["\\u00e9\\u001f\\u2028\\ud83d\\ude00\\ud800"]')
@example(text='["\t"]')
@example(text='[NaN]')
@example(text='[Infinity]')
@example(text="[1e999]")
@example(text='{"a":1,"a":2}')
def test_permissive_and_broken_texts(text, chunk):
    check(text)


# -- chosen cases ------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ('{"a": "x/y", "b": [1, 2.5, true, null]}', '{"a":"x\\/y","b":[1,2.5,true,null]}'),
    ('{"a": "x\\/y"}', '{"a":"x\\/y"}'),
    ('{"a": "\\\\/"}', '{"a":"\\\\\\/"}'),
    ('{"a": "say \\"hi\\"", "b": "c:\\\\"}', '{"a":"say \\"hi\\"","b":"c:\\\\"}'),
    ('["\\u00e9\\u00E9", "\\u001f", "\\u2028", "\\ud83d\\ude00", "\\u0022\\u005c\\u002f"]',
     '["éé","\\u001F","\\u2028","😀","\\"\\\\\\/"]'),
    ('["\x80\x9f\u2000\u20ac\u20ff\u2100"]', '["\\u0080\\u009F\\u2000\\u20AC\\u20FF\u2100"]'),
    ('[1.50, 1E5, -0, -0.0, 0.0, 1e-7, 12345678.5, 1.0E10]',
     '[1.5,100000.0,0,-0.0,0.0,1.0E-7,1.23456785E7,1.0E10]'),
    ('[0.1000000000000000055511151231257827]', '[0.1000000000000000055511151231257827]'),
    ('[1e400, 123456789012345678901234567890]', '[null,123456789012345678901234567890]'),
    ('  {\n\t"a" : { } , "b" : [ ] }\r\n', '{"a":{},"b":[]}'),
])
def test_chosen_cases(text, expected, chunk):
    assert compact_json(text) == expected
    assert general(text) == expected


@pytest.mark.parametrize("text", [
    '{"a": 1, "a": 2}',                      # json-smart keeps the last value at the first place
    '{"x": {"a": 1, "b": 2, "a": 3}}',
    "[NaN]", "[Infinity]", "[-Infinity]",
    '{"a": 1} x', '{"a": 1,}', "[1 2]", "{a: 1}", "['a']",
    '["\x7f"]', '["\x1a"]', '["\t"]', '["\\x"]', '["\\u12"]',
    '"text"', "12", "null", "true", "", "   ",
])
def test_gives_up(text, chunk):
    assert compact_json(text) is None
    check(text)


@pytest.mark.parametrize("depth", [399, 400, 401, 450])
@pytest.mark.parametrize("shape", ["[{", "[", "{"])
def test_nesting_limit(depth, shape, chunk):
    opens = (shape * depth)[:depth]
    closes = "".join("]" if c == "[" else "}" for c in reversed(opens))
    text = "".join(c + ('"k":' if c == "{" else "") for c in opens) + "1" + closes
    expected = general(text)
    got = compact_json(text)
    if depth <= 400:
        assert got == expected == text
    else:
        assert got is None
        assert expected is None  # json-smart refuses: "Malicious payload"


def test_deep_nests_side_by_side(chunk):
    # Many shallow nests must not add up; one deep nest among them counts.
    shallow = "[" + ",".join("[[[1]]]" for _ in range(300)) + "]"
    assert compact_json(shallow) == shallow
    deep = "[" + shallow + "," + "[" * 400 + "]" * 400 + "]"
    assert compact_json(deep) is None
    assert general(deep) is None


def test_benchmark_bodies_take_the_compact_path():
    assert compact_json(ORDER) == general(ORDER)
    big = inputs.big_body(300_000)
    assert compact_json(big) == general(big)
    assert compact_json(big) == json.dumps(json.loads(big), ensure_ascii=False, separators=(",", ":"))
    petstore = inputs.petstore_body(50)
    assert compact_json(petstore) == general(petstore)
    messages = inputs.messages_body(50)
    assert compact_json(messages) == general(messages)


def test_big_body_in_many_chunks():
    big = inputs.big_body(2_000_000)
    got = compact_json(big)
    assert got is not None and got == general(big)


def test_random_whitespace_across_chunks(chunk):
    rng = random.Random(5)
    value = json.loads(inputs.big_body(20_000))
    text = json.dumps(value, indent=rng.choice([1, 3]), ensure_ascii=rng.random() < 0.5)
    assert check(text) is not None


# -- through $input ----------------------------------------------------------------------------


def render(template: str, body: str) -> str:
    return vtl.render(template, event(body=body)).body


def test_input_json_uses_the_text_until_path_hands_out_the_tree(monkeypatch):
    calls = []
    real = compact.compact_json

    def counting(text):
        calls.append(text)
        return real(text)

    import vtl.apigateway.input as input_module
    monkeypatch.setattr(input_module, "compact_json", counting)
    body = '{"a": [1, 2], "b": "x/y"}'
    assert render("$input.json('$')|$input.json('$')", body) == (
        '{"a":[1,2],"b":"x\\/y"}|{"a":[1,2],"b":"x\\/y"}')
    assert len(calls) == 1  # the second call reuses the text
    # A change made through path() does not show: json() reads the payload as sent.
    out = render("#set($d = $input.path('$'))#set($x = $d.put('c', 3))$input.json('$')", body)
    assert out == '{"a":[1,2],"b":"x\\/y"}'
    # Not the root: the general path.
    assert render("$input.json('$.a')", body) == "[1,2]"
    assert render("$input.json('$')", "not json") == '"not json"'
    assert render("$input.json('$')", "") == "{}"
    assert render("$input.json('$')", '{"a":1,"a":2}') == '{"a":2}'


@pytest.mark.parametrize("size", range(1, 24))
def test_keys_counted_across_chunk_boundaries(size, monkeypatch):
    monkeypatch.setattr(compact, "_CHUNK", size)
    for text in ['{"\\u0062":false,"\\u0062":null}', '{"a" :1, "b":{"a":2,"a" \n : 3}}',
                 '{"ab":1,  "ab"   :2}', '[{"k": "v: w"}, {"x\\"y" : 1, "x\\u0022y"  :  2}]']:
        assert compact_json(text) is None, text
        assert general(text) is not None
    for text in ['{"a":1,"b":{"a":2}}', '{"a" :"b:", "c" : ":", "d": [":"] , "e" : "\\":"}',
                 '  { "a" \t: { "b" :\n[ ]}, "c":""}']:
        assert compact_json(text) == general(text), text


@settings(max_examples=500, deadline=None)
@given(st.from_regex(compact._PLAIN_DOUBLE_TEXT, fullmatch=True))
def test_plain_doubles_print_as_written(text):
    # The decimals compact_json passes through unchanged: Java prints them as written.
    assert compact._java_number(text) == text
    assert general(f"[{text}]") == f"[{text}]"
