"""The excerpt under an error message: the right line, even just past the end, and long
lines cut around the column."""

from __future__ import annotations

import pickle

import pytest

import vtl


def test_error_excerpt_past_a_final_newline_shows_the_empty_line():
    # A missing #end is found where the template ends: after its last newline.
    with pytest.raises(vtl.VtlSyntaxError) as info:
        vtl.compile("#if(true)\nx\n")
    err = info.value
    assert (err.line, err.column) == (3, 1)
    assert str(err).endswith("3 | \n  | ^")


def test_error_excerpt_of_a_long_line_is_cut_around_the_column():
    source = "x" * 5000 + "#set($a = )" + "y" * 5000
    with pytest.raises(vtl.VtlSyntaxError) as info:
        vtl.compile(source)
    shown = info.value.excerpt().splitlines()
    assert all(len(line) < 200 for line in shown)
    assert "#set($a = )" in shown[1] and shown[1].startswith("1 | ...")
    caret_column = shown[2].index("^") - shown[1].index("...")
    assert shown[1][shown[1].index("..."):][caret_column] == source[info.value.column - 1]


def test_a_block_left_open_is_named_in_the_error() -> None:
    with pytest.raises(vtl.VtlSyntaxError) as info:
        vtl.compile('{\n  #foreach($i in [1])\n  #if(true)x#end\n}\n')
    err = info.value
    assert err.unclosed == ("#foreach", 2, 3)
    assert "missing #end for #foreach opened at 2:3" in err.message
    assert pickle.loads(pickle.dumps(err)).unclosed == ("#foreach", 2, 3)
    with pytest.raises(vtl.VtlSyntaxError) as info:
        vtl.compile("#set($a = )")
    assert info.value.unclosed is None
