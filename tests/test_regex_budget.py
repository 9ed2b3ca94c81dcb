"""The regex budget bounds each search, not a whole replaceAll/split; patterns that cannot
backtrack skip the per-search guard and run in C.

The property tests check that the simple path (``str.replace``/``str.split`` or the engine's
``sub``/``split`` with the replacement translated once) gives exactly what the guarded path
(Java's find loop, pinned against java.util.regex in test_runtime_regex.py) gives, over
generated patterns of every shape the simple path takes.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import vtl
from vtl.errors import JavaException, VtlLimitError
from vtl.limits import Limits
from vtl.runtime import regex as R

# -- generated simple patterns ------------------------------------------------------------------

_ITEMS = ["a", "b", " ", "'", '"', "é", "😀", "-", ",", "\\.", "\\$", "\\\\", "\\|", "\\(", ".",
          "\\s", "\\d", "\\w", "\\W", "\\S", "[ab]", "[^a]", "[a-c\\d]", "[\\s,]", "\\t", "\\n",
          "\\p{L}", "\\pN", "[\\p{Lu}b]"]
_TEXT = "ab '\"é.$\\|(,\t\n1A😀\ud83d\ude00"
_REPLACEMENT_PARTS = ["-", "x", "$0", "$1", "$2", "${g}", "${x}", "\\$", "\\\\", "\\", "$", "${",
                      "😀", "\ude00", "\ud83d", "$10", "${1}", "$a"]


@st.composite
def _run(draw: st.DrawFn) -> str:
    """One alternative: a run of one-character items, or one item with ``+``, parts of it
    perhaps wrapped in groups."""
    if draw(st.booleans()):
        items = [draw(st.sampled_from(_ITEMS)) + "+"]
    else:
        items = draw(st.lists(st.sampled_from(_ITEMS), min_size=1, max_size=3))
    if draw(st.booleans()):
        lo = draw(st.integers(0, len(items) - 1))
        hi = draw(st.integers(lo + 1, len(items)))
        opener = draw(st.sampled_from(["(", "(?:", "(?<g>"]))
        items = items[:lo] + [opener + "".join(items[lo:hi]) + ")"] + items[hi:]
    return "".join(items)


@st.composite
def simple_patterns(draw: st.DrawFn) -> str:
    flags = draw(st.sampled_from(["", "", "(?i)", "(?s)", "(?iu)"]))
    return flags + "|".join(draw(st.lists(_run(), min_size=1, max_size=3)))


def _compile(pattern: str):
    try:
        return R.compile_java_regex(pattern)
    except JavaException:  # e.g. a group name used twice
        assume(False)


texts = st.text(alphabet=_TEXT, max_size=16)
replacements = st.lists(st.sampled_from(_REPLACEMENT_PARTS), max_size=4).map("".join)


def _outcome(fn, *args):
    try:
        return fn(*args)
    except JavaException as exc:
        return (exc.java_class, exc.message)


def _guarded_replace(text: str, pattern: str, replacement: str, limit: int) -> str:
    compiled = _compile(pattern)
    return R._replace_guarded(compiled, text, replacement, pattern, limit, R._Budget())


def _simple_replace(text: str, pattern: str, replacement: str, limit: int) -> str:
    compiled = _compile(pattern)
    literal, items = R._shape(pattern)
    assert items
    return R._replace_simple(compiled, literal, items, text, replacement, pattern, limit, R._Budget())


@settings(max_examples=1500, deadline=None)
@given(texts, simple_patterns(), replacements, st.sampled_from([-1, 1]))
def test_simple_replace_agrees_with_the_find_loop(text, pattern, replacement, limit):
    _compile(pattern)
    assert R._shape(pattern)[1], pattern
    assert _outcome(_simple_replace, text, pattern, replacement, limit) == _outcome(
        _guarded_replace, text, pattern, replacement, limit
    )


@settings(max_examples=1000, deadline=None)
@given(texts, simple_patterns(), st.sampled_from([-2, 0, 1, 2, 3]))
def test_simple_split_agrees_with_the_find_loop(text, pattern, limit):
    compiled = _compile(pattern)
    literal, items = R._shape(pattern)
    assert items
    assert R._split_simple(compiled, literal, items, text, limit, R._Budget()) == R._split_guarded(
        compiled, text, limit, R._Budget()
    )


@settings(max_examples=500, deadline=None)
@given(texts, st.sampled_from(list(",;|.$ -'\\") + ["é", "😀"]), st.sampled_from([-1, 0, 1, 2, 3]))
def test_split_on_one_character_agrees_with_the_find_loop(text, ch, limit):
    pattern = ch if ch not in R._SPLIT_SPECIAL else "\\" + ch
    assert R._fast_split_char(pattern) is not None
    assert R.java_split(text, pattern, limit) == R._split_guarded(
        R.compile_java_regex(pattern), text, limit, R._Budget()
    )


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from(["x*", "|a", "\\b", "(?=a)", "a??", "(a|ab)(c|bcd)", "(?<=a)|b"]),
       replacements)
def test_empty_matches_follow_java_in_a_single_iteration(text, pattern, replacement):
    """The guarded iteration drops Python's retry after an empty match: the same matches as
    one search per step, from one unit further after an empty match."""
    compiled = R.compile_java_regex(pattern)
    if not R.is_bmp(text):
        return
    expected, pos = [], 0
    while pos <= len(text):
        m = compiled.search(text, pos)
        if m is None:
            break
        expected.append(m.span())
        pos = m.end() + 1 if m.end() == m.start() else m.end()
    found = [(s, e) for s, e, _ in R._find_all(compiled, text, R._Budget())]
    assert found == expected


# -- what the simple path takes ------------------------------------------------------------------

@pytest.mark.parametrize("pattern", ['"', "\\'", "(\")", "([\"\\\\])", "\\s+", "[^a-zA-Z0-9]", "a|bc|\\d",
                                     "(?i)abc", "(?<q>')", "(\\w)(\\d)", "\\p{L}+", "(\\s+)"])
def test_simple_shapes(pattern: str) -> None:
    assert R._shape(pattern)[1]


@pytest.mark.parametrize("pattern", ["(a|aa)+$", "a+b", "\\s*,\\s*", "a*", "", "(a|b)", "(a)+", "(a)\\1",
                                     "(?=a)", "(?x)a b", "a|", "[]a]", "^a", "a{3}", "\\Qa\\E", "a++", ".+?"])
def test_guarded_shapes(pattern: str) -> None:
    assert not R._shape(pattern)[1]


# -- budgets ----------------------------------------------------------------------------------------

BODY = '{"k": "v", "n": 1}' * 20_000  # 120,000 quotes


def _with_budget(seconds: float, deadline: float | None, fn, *args):
    token = R.use_render_timeout(seconds, deadline)
    try:
        return fn(*args)
    finally:
        R.reset_render_timeout(token)


def test_a_guarded_replace_all_with_many_matches_outlasts_the_per_search_budget() -> None:
    # a lookahead keeps the pattern on the guarded path; 120,000 searches take far more than
    # 10 ms together, each of them far less
    start = time.monotonic()
    out = _with_budget(0.01, None, R.java_replace_all, BODY, '(?=")', "\\\\")
    assert time.monotonic() - start > 0.01
    assert out == BODY.replace('"', '\\"')


def test_a_guarded_split_with_many_matches_outlasts_the_per_search_budget() -> None:
    out = _with_budget(0.01, None, R.java_split, BODY, '\\s*"\\s*', -1)
    assert len(out) == BODY.count('"') + 1


def test_one_pathological_search_after_many_cheap_ones_is_stopped() -> None:
    text = "b" * 100_000 + "a" * 5000 + "!"
    start = time.monotonic()
    with pytest.raises(VtlLimitError):
        _with_budget(0.1, None, R.java_replace_all, text, "b|(a|aa)+$", "c")
    assert time.monotonic() - start < 3


def test_the_deadline_stops_many_cheap_guarded_searches() -> None:
    start = time.monotonic()
    with pytest.raises(VtlLimitError):
        _with_budget(10.0, time.monotonic() + 0.02, R.java_replace_all, BODY * 10, '(?=")', "\\\\")
    assert time.monotonic() - start < 1


def test_the_simple_path_checks_the_deadline() -> None:
    with pytest.raises(VtlLimitError):
        _with_budget(10.0, time.monotonic() - 1, R.java_replace_all, "a'b", "'", "x")
    with pytest.raises(VtlLimitError):
        _with_budget(10.0, time.monotonic() - 1, R.java_split, "a b", "\\s+", 0)


def test_limits_regex_timeout_is_the_per_search_budget() -> None:
    src = "$b.replaceAll('(?=\")', '\\\\').length()"
    template = vtl.compile(src, profile="velocity", limits=Limits(regex_timeout=0.01))
    assert template.render({"b": BODY}) == str(len(BODY) + BODY.count('"'))
    with pytest.raises(VtlLimitError):
        vtl.compile("$s.replaceAll('b|(a|aa)+$', 'c')", profile="velocity",
                    limits=Limits(regex_timeout=0.05)).render({"s": "b" * 1000 + "a" * 5000 + "!"})


def test_escaping_quotes_with_a_group_reference_of_a_large_body() -> None:
    body = BODY * 10
    src = "$b.replaceAll('([\"\\\\])', '\\\\$1').length() $b.split('\", \"').size()"
    out = vtl.compile(src, profile="apigateway").render({"b": body})
    assert out == f"{len(body) + body.count(chr(34))} {body.count(chr(34) + ', ' + chr(34)) + 1}"


def test_a_long_simple_pattern_over_a_long_text_is_held_to_the_deadline() -> None:
    pattern = "|".join(f"[{c}]" for c in "bcdefghijklmnopqrstuvwxyz0123")  # 29 items
    text = "ab" * 1_000_000
    assert R._shape(pattern)[1] == 29
    with pytest.raises(VtlLimitError):
        _with_budget(10.0, time.monotonic() + 0.005, R.java_replace_all, text, pattern, "x")
    with pytest.raises(VtlLimitError):
        _with_budget(10.0, time.monotonic() + 0.005, R.java_split, text, pattern, 0)
    assert _with_budget(10.0, None, R.java_replace_all, text, pattern, "x") == "ax" * 1_000_000
