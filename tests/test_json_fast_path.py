"""The C-encoder fast path of json-smart printing agrees with the reference writer."""

from hypothesis import given, settings
from hypothesis import strategies as st

from vtl.runtime import from_json
from vtl.runtime.text import _json_fast, _json_write, json_smart_string

_text = st.text(alphabet=st.sampled_from(list("ab /\\\"'\x01\x1f\x7f\x85\u2028\u20ffé😀\n:,[1.5e")), max_size=8)
_json = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(10**20), max_value=10**20) | st.floats(allow_nan=False) | _text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_text, children, max_size=4),
    max_leaves=20,
)


def _reference(value):
    out: list[str] = []
    _json_write(value, out, set())
    return "".join(out)


@settings(max_examples=400, deadline=None)
@given(_json)
def test_fast_path_matches_the_writer(data):
    value = from_json(data, "apigateway")
    assert json_smart_string(value) == _reference(value)


def test_fast_path_is_taken_for_plain_trees():
    value = from_json({"a": [1, "x/y", {"b": None, "c": True}]}, "apigateway")
    assert _json_fast(value) == '{"a":[1,"x\\/y",{"b":null,"c":true}]}'


def test_doubles_take_the_java_writer():
    value = from_json({"big": 1e10, "small": 0.0001}, "apigateway")
    assert _json_fast(value) is None
    assert json_smart_string(value) == '{"big":1.0E10,"small":1.0E-4}'


@settings(max_examples=2000, deadline=None)
@given(st.floats(min_value=1e-3, max_value=1e7, exclude_max=True) | st.floats(min_value=-1e7, max_value=-1e-3, exclude_min=True))
def test_plain_range_doubles_match_the_jdk17_port(value):
    from vtl.runtime.doubles import _nonzero_to_string, double_to_string

    assert double_to_string(value) == _nonzero_to_string.__wrapped__(value)
