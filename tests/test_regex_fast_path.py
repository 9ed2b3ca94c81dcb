"""replaceAll/replaceFirst of a literal pattern take a fast path; it agrees with the general
Java find loop on random inputs."""

from hypothesis import given, settings
from hypothesis import strategies as st

from vtl.errors import JavaException
from vtl.runtime import regex as R

_PATTERNS = ["'", "\\'", "\\\\", '"', "ab", "a a", "\\$", "b\\\\", "x'", "\\.", "."]
_REPLACEMENTS = ["-", "[$0]", "", "\\$", "x$0y", "\\\\'", "'", '\\"', "$1"]


def _general(text: str, pattern: str, replacement: str, limit: int) -> str:
    compiled = R.compile_java_regex(pattern)
    subject = R.to_units(text)
    out, last, parts = [], 0, None
    for start, end, match in R._find_all(compiled, text, R._Budget(), limit):
        if parts is None:
            parts = R._parse_replacement(replacement, compiled)
        out += [subject[last:start], R._expand(parts, match)]
        last = end
    if parts is None:
        return text
    out.append(subject[last:])
    return R.from_units("".join(out))


def _outcome(fn, *args):
    try:
        return fn(*args)
    except JavaException as exc:
        return (exc.java_class, exc.message)


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet="ab x'\\\n.$\"", max_size=12),
    st.sampled_from(_PATTERNS),
    st.sampled_from(_REPLACEMENTS),
    st.sampled_from([-1, 1]),
)
def test_literal_fast_path_matches_the_find_loop(text, pattern, replacement, limit):
    assert _outcome(R._replace, text, pattern, replacement, limit) == _outcome(
        _general, text, pattern, replacement, limit
    )


def test_the_documented_idiom_is_a_literal():
    assert R._literal_pattern("\\'") == "'"
    assert R._literal_pattern("a.b") is None
    assert R.java_replace_all("O\\'Brien", "\\\\'", "'") == "O'Brien"
