"""A '#' and a leading comma inside argument lists, as Velocity 1.7 lexes and parses them
(the recorded cases are in conformance/sources/references.py, errors.py and macros.py)."""

from __future__ import annotations

import pytest

import vtl


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("#e(#1)", 'For input string: "#1"'),
        ("#e(#12345678901234)", 'For input string: "#12345"'),
        ("#e(#-1)", "Illegal embedded sign character"),
        ("#e(#1.5)", 'Character # is neither a decimal digit number, decimal point, nor "e" notation exponential mark.'),
    ],
)
def test_hashed_number_fails_initialisation(template: str, message: str) -> None:
    with pytest.raises(vtl.VtlRuntimeError) as info:
        vtl.compile(template, profile="velocity")
    assert info.value.java_class == "NumberFormatException"
    assert info.value.message == message
    assert (info.value.line, info.value.column) == (1, 4)


def test_hashed_number_position_is_the_first_one() -> None:
    with pytest.raises(vtl.VtlRuntimeError) as info:
        vtl.compile("a\n  #if(false)#set($x = #2)#end #e(#1)")
    assert (info.value.line, info.value.column) == (2, 23)


def test_parse_error_wins_over_hashed_number() -> None:
    with pytest.raises(vtl.VtlSyntaxError):
        vtl.compile("#e(#1) #if(")


@pytest.mark.parametrize(
    ("template", "output"),
    [
        ("#e(#'a')", "#e('a')"),
        ("#set($a = #[1, 2])$a", "[1, 2]"),
        ("$s.concat(#'x')", "abcx"),
        ("$m[#'a']", "1"),
        ("$n.concat(#$s)|$n[#'x']", "$n.concat($s)|$n[#'x']"),
        ("#e(,1)", "#e(,1)"),
        ("#foreach(,$i in [1, 2])$i#end", "12"),
    ],
)
def test_hash_and_leading_comma_in_arguments(template: str, output: str) -> None:
    tpl = vtl.compile(template, profile="velocity")
    assert tpl.render({"s": "abc", "m": {"a": 1}}) == output


@pytest.mark.parametrize("template", ["#e(1,)", "#e(,)", "#e(1,,2)", "#set($a = # 1)", "#e(#{a})", "$s.concat(#x)"])
def test_still_syntax_errors(template: str) -> None:
    with pytest.raises(vtl.VtlSyntaxError):
        vtl.compile(template, profile="velocity")
