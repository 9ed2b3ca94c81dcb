"""The fast path of :func:`vtl.apigateway.javajson.parse_json` (one C scan, floats in C unless
a number token may be longer than 18 characters, the tree walked a depth at a time and only
while containers remain) gives what the plain one gave: the same values of the same Python
types, the same errors, the same depth limit. The reference below is that earlier
``parse_json`` as it was, on the module's own helpers (``_Parser``, ``_extract_float``)."""

from __future__ import annotations

import json
from contextlib import ExitStack
from decimal import Decimal
from typing import Any
from unittest.mock import patch

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from benchmarks import inputs
from vtl.apigateway import javajson
from vtl.apigateway.javajson import parse_json
from vtl.errors import JavaException
from vtl.runtime import JsonArray
from vtl.runtime.values import JavaFloat

# -- the reference: parse_json as it was before the fast path ---------------------------------


class _TooDeep(Exception):
    pass


def _reference_to_java(root: Any) -> Any:
    if type(root) is list:
        root = JsonArray(root)
    elif type(root) is not dict:
        return root
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > javajson._MAX_DEPTH:
            raise _TooDeep()
        pairs = node.items() if type(node) is dict else enumerate(node)
        for key, value in pairs:
            if type(value) is list:
                value = node[key] = JsonArray(value)
                stack.append((value, depth + 1))
            elif type(value) is dict:
                stack.append((value, depth + 1))
    return root


def reference(text: str) -> Any:
    if "\x7f" not in text and "\x1a" not in text:
        try:
            value = json.loads(text, parse_float=javajson._extract_float,
                               parse_constant=javajson._fast_constant)
        except (ValueError, javajson._NotStrict, JavaException, RecursionError):
            pass
        else:
            try:
                return _reference_to_java(value)
            except _TooDeep:
                pass
    try:
        return javajson._Parser(text).parse()
    except RecursionError:
        raise javajson._parse_error(0, javajson._UNEXPECTED_DEPTH, "[") from None


# -- comparing: values, types all the way down, errors ----------------------------------------


def same(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if type(a) is dict:
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if type(a) is JsonArray:
        return len(a) == len(b) and all(map(same, a, b))
    if type(a) in (float, Decimal, JavaFloat):
        return repr(a) == repr(b)  # NaN, -0.0, and a Decimal's digits and exponent
    return a == b


def outcome(parse: Any, text: str) -> tuple[str, Any]:
    try:
        return "value", parse(text)
    except JavaException as exc:
        return "error", (exc.java_class, exc.message)


# How parse_json reads a text: as its size and density choose, or forced to mark every
# character (floats in C, containers counted) or none (floats through the hook), and to walk
# each depth with C iterators (broad) or a Python loop (narrow).
_ALWAYS = {"_SHORT_TEXT": 0, "_dense": lambda text: True}
_NEVER = {"_SHORT_TEXT": 0, "_dense": lambda text: False}
MODES = {
    "chosen": {},
    "marked, broad": {**_ALWAYS, "_SMALL_LEVEL": 0},
    "unmarked, broad": {**_NEVER, "_SMALL_LEVEL": 0},
    "marked, narrow": {**_ALWAYS, "_SMALL_LEVEL": 1 << 62},
    "unmarked, narrow": {**_NEVER, "_SMALL_LEVEL": 1 << 62},
}


def check(text: str) -> None:
    want_kind, want = outcome(reference, text)
    for mode, patches in MODES.items():
        with ExitStack() as stack:
            for name, value in patches.items():
                stack.enter_context(patch.object(javajson, name, value))
            got_kind, got = outcome(parse_json, text)
        assert got_kind == want_kind, (mode, text[:200], want, got)
        if want_kind == "error":
            assert got == want, (mode, text[:200])
        else:
            assert same(got, want), (mode, text[:200])


# -- documents ---------------------------------------------------------------------------------

# Number texts json-smart reads each its own way: ints of every size, short and long floats
# (a BigDecimal beyond 18 characters, a NumberFormatException when its scale overflows an int).
_NUMBER_TEXTS = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.builds(lambda i, f, e: f"{i}.{f}{e}", st.integers(-(10**20), 10**20),
              st.integers(0, 10**22), st.sampled_from(["", "e5", "E-7", "e+300", "E0", "e-400"])),
    st.sampled_from([
        "0", "-0", "-0.0", "1E5", "1e+5", "2.5E-3", "1e400", "-1e400", "1.0", "0.1",
        "123456789012.34567",  # 18 characters: a Double
        "123456789012.345678",  # 19: a BigDecimal
        "-12345678901.234567",  # 19 with the sign
        "1.000000000000000000", "1e0000000000000000005", "1E-99999999999999999",
        "1E+2147483648", "1E-2147483647", "1E-2147483648", "123456789012345678",
        "1234567890123456789", "9223372036854775808", "NaN", "Infinity", "-Infinity",
    ]),
)
_SHORT_NUMBER_TEXTS = st.one_of(
    st.integers(min_value=-(10**17), max_value=10**17).map(str),
    st.floats(allow_nan=False, allow_infinity=False, width=32).map(repr),
    st.sampled_from(["-0.0", "1E5", "1e+5", "2.5E-3", "1e400", "123456789012.34567", "NaN"]),
)
_STRING_CHARS = st.sampled_from(list(
    'ab /\\"\':,[]{}-+0123456789.eE\t\n\x01\x7fé\u2028東😀\ud800'))
_STRINGS = st.text(_STRING_CHARS, max_size=30)
# Strings of digits make long runs that are no number token (the slower, exact path).
_DIGIT_STRINGS = st.text(st.sampled_from(list("0123456789.eE+-")), min_size=15, max_size=40)


def _encode_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


@st.composite
def _documents(draw: Any) -> str:
    """A JSON-like text with random layout: mostly valid, sometimes permissive."""
    if draw(st.booleans()):  # long number texts and digit strings: the exact, slower path
        numbers, strings = _NUMBER_TEXTS, st.one_of(_STRINGS, _DIGIT_STRINGS)
    else:  # numbers no longer than 18 characters: floats read in C
        numbers, strings = _SHORT_NUMBER_TEXTS, _STRINGS
    leaf = st.one_of(numbers, strings.map(_encode_string), st.sampled_from(["true", "false", "null"]))

    def extend(children: Any) -> Any:
        keys = st.one_of(strings, st.sampled_from(["a", "b", "id", "price"]))
        return st.one_of(
            st.lists(children, max_size=6).map(lambda xs: ("[", xs)),
            st.lists(st.tuples(keys, children), max_size=6).map(lambda kv: ("{", kv)),
        )

    tree = draw(st.recursive(leaf, extend, max_leaves=40))
    space = draw(st.sampled_from(["", " ", "\n  ", "\t", "\r\n"]))

    def render(node: Any) -> str:
        if isinstance(node, str):
            return node
        kind, items = node
        if kind == "[":
            return "[" + space + ("," + space).join(map(render, items)) + space + "]"
        return "{" + space + ("," + space).join(
            _encode_string(k) + ":" + space + render(v) for k, v in items) + space + "}"

    text = render(tree)
    pad = draw(st.sampled_from(["", " ", "\n", " \t\r\n" * 300]))  # also texts over 1024 chars
    text = pad + text + draw(st.sampled_from(["", "\n", pad, "x", " ,", "}"]))
    if draw(st.integers(0, 9)) == 0:  # break it somewhere: json-smart's own parser answers
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] + draw(st.sampled_from(["", ",", "'", "a b", "\x7f", "\x1a", "]"])) + text[cut:]
    return text


@st.composite
def _deep(draw: Any) -> str:
    """Containers nested about as deep as json-smart allows (400), with siblings on the way."""
    depth = draw(st.integers(395, 402))
    opens = draw(st.lists(st.sampled_from(["[", "{"]), min_size=depth, max_size=depth))
    inside = draw(st.sampled_from(["", "1", "1.5", '"[{x"', "[]", "{}", "[1, [2]]",
                                   "1.0000000000000000001"]))
    text = inside
    for opening in reversed(opens):
        sibling = draw(st.sampled_from(["", "0", "[]", '{"s": [1]}', '"{["']))
        if opening == "[":
            text = "[" + (sibling + ", " if sibling else "") + text + "]"
        else:
            text = "{" + (f'"s": {sibling}, ' if sibling else "") + '"k": ' + text + "}"
    if not inside and opens[-1] == "{":
        text = text.replace('"k": }', "}")
    return text


_PERMISSIVE = st.text(st.sampled_from(list(
    "[]{}\",:'0123456789.eE+- abnulltrfsNI\t\n\r\\\x7f\x1a\ufeff")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(_documents())
@example('[{"id": 1, "price": 1.0000000000000000001}]')
@example('{"a": "123456789012345678901234567890", "b": 1.5}')
@example("[1E-2147483648]")
@example("[1E+2147483648, 2]")
@example("  [1.5]  \n")
@example("\ufeff[1.5]")
@example('{"a": [[1], {"b": [[], {}]}], "c": {"d": [1.5]}}')
@example('["[[[[", {"{{": "}}"}, []]')
@example("[" + "1" * 5000 + "]")  # beyond Python's int-from-text limit
@example('{"a": NaN, "b": [Infinity]}')
def test_documents_parse_as_before(text: str) -> None:
    check(text)


@settings(max_examples=40, deadline=None)
@given(_deep())
@example("[" * 400 + "]" * 400)
@example("[" * 401 + "]" * 401)
@example('{"k":' * 400 + "1" + "}" * 400)
@example('{"k":' * 401 + "1" + "}" * 401)
@example("[" * 399 + "{}" + "]" * 399)
@example("[" * 399 + "[1, {}]" + "]" * 399)
@example("[" * 2000 + "]" * 2000)
def test_depths_near_the_limit_parse_as_before(text: str) -> None:
    check(text)


@settings(max_examples=400, deadline=None)
@given(_PERMISSIVE)
@example("")
@example(" ")
@example("1.5")
@example("  12345678901234567890.5 ")
@example("{a: b c}")
@example('{"a":1}xyz')
@example("NaN")
def test_permissive_texts_parse_as_before(text: str) -> None:
    check(text)


@pytest.mark.parametrize("count", [0, 1, 3, 1000])
def test_petstore_bodies_parse_as_before(count: int) -> None:
    check(inputs.petstore_body(count))


@pytest.mark.parametrize("text", [
    '[{"price": 1.5, "tags": ["a", ["b"]]}, {"id": 2, "tags": []}]',
    '{"uuid": "550e8400-e29b-41d4-a716-446655440000", "v": [0.25]}',
    '{"n": 1234567890123456789012345, "x": [1.25, {"y": 2.5}]}',
    " ".join(["[", '"x" ,' * 600, "1.0000000000000000000005", "]"]),  # long and dropped bytes
])
def test_shapes_parse_as_before(text: str) -> None:
    check(text)


def test_long_float_tokens_still_read_as_big_decimals() -> None:
    # Long texts drop their letters and spaces before looking for a 19-character number run.
    text = "[" + '"abc def", ' * 200 + "0.12345678901234567890]"
    assert len(text) > javajson._SHORT_TEXT
    value = parse_json(text)
    assert type(value) is JsonArray and value[-1] == Decimal("0.12345678901234567890")
    assert type(parse_json("[0.1234567890123456]")[0]) is float
    assert type(parse_json("[0.12345678901234567]")[0]) is Decimal


@pytest.mark.parametrize(("text", "dense"), [
    (inputs.petstore_body(100), True),  # a float and an object every 65 characters
    (json.dumps({"messages": ["some words and more words here"] * 100}), False),
    (json.dumps([{"id": i, "n": i} for i in range(100)]), True),
])
def test_dense_texts_are_marked(text: str, dense: bool) -> None:
    assert len(text) > javajson._SHORT_TEXT
    assert javajson._dense(text) is dense
