"""Syntax errors: every malformed template raises VtlSyntaxError at the right place."""

import pytest

import vtl


@pytest.mark.parametrize(
    ("source", "line", "column", "fragment"),
    [
        ("a\nb\n#if(true)\nx", 4, 2, "missing #end for #if opened at 3:1"),
        ("#foreach($i in [1])\n$i", 2, 3, "missing #end for #foreach opened at 1:1"),
        ("ok\n  #end", 2, 3, "#end without a matching block directive"),
        ("#else", 1, 1, "#else without a matching #if"),
        ("Hello $", 1, 7, "a reference needs a name"),
        ("x#", 1, 2, "a directive needs a name"),
        ('#set($s = "\\"batman\\"")', 1, 14, "unexpected word"),
        ("$a.substring(1+0)", 1, 15, "operators are not allowed"),
        ("#set($n = 5 -3)", 1, 13, "unexpected"),
        ("#if(1 = 1)x#end", 1, 7, "unexpected"),
        ("#[[never closed", 1, 1, "unterminated '#[[' text block"),
        ("${a", 1, 4, "missing '}'"),
        ("$true", 1, 2, "'true' cannot be used"),
    ],
)
@pytest.mark.parametrize("profile", ["apigateway", "velocity"])
def test_syntax_error_position(source, line, column, fragment, profile):
    with pytest.raises(vtl.VtlSyntaxError) as info:
        vtl.compile(source, profile=profile)
    err = info.value
    assert (err.line, err.column) == (line, column), str(err)
    assert fragment in err.message
    assert err.java_class == "ParseErrorException"
    # str() shows the position and an excerpt with a caret under the column
    text = str(err)
    assert f"<template>:{line}:{column}" in text
    assert text.rstrip().endswith("^")


def test_error_excerpt_points_at_column():
    with pytest.raises(vtl.VtlSyntaxError) as info:
        vtl.compile("line one\n#set($x = )\n", name="t.vm")
    text = str(info.value)
    assert "--> t.vm:2:11" in text
    assert "2 | #set($x = )" in text
    assert text.splitlines()[-1].index("^") == text.splitlines()[-2].index("#") + 10


def test_wrong_source_type_is_type_error():
    with pytest.raises(TypeError):
        vtl.compile(b"bytes")  # type: ignore[arg-type]


def test_unknown_profile_is_value_error():
    with pytest.raises(ValueError):
        vtl.compile("x", profile="velocity2")
