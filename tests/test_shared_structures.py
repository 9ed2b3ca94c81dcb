"""Lists that hold copies of themselves ($l.add($l.clone()) in a loop) are small in memory
but exponentially big when walked element by element: toString() and hashCode() of such a
list must end promptly (the printed text is held to max_string_size; each shared part is
hashed once). The values for small cases come from Velocity 1.7 (conformance case
collections/shared-sublists-hash-tostring)."""

from __future__ import annotations

import time

import pytest

import vtl

DOUBLED_60 = "#set($l = [1])#foreach($i in [1..60])#set($x = $l.add($l.clone()))#end"


@pytest.mark.parametrize("profile", ["velocity", "apigateway"])
def test_to_string_of_a_shared_structure_is_refused_promptly(profile: str) -> None:
    template = vtl.compile(DOUBLED_60 + "$l.toString().length()", profile=profile)
    start = time.monotonic()
    with pytest.raises(vtl.VtlLimitError, match="would exceed"):
        template.render({})
    assert time.monotonic() - start < 2


def test_to_string_follows_a_smaller_string_budget() -> None:
    source = "#set($l = [1])#foreach($i in [1..8])#set($x = $l.add($l.clone()))#end$l.toString().length()"
    assert vtl.compile(source, profile="velocity").render({}) == "1278"  # Velocity 1.7
    with pytest.raises(vtl.VtlLimitError):
        vtl.compile(source, profile="velocity", limits=vtl.Limits(max_string_size=1277)).render({})


def test_hash_of_a_shared_structure_ends() -> None:
    source = DOUBLED_60 + '#set($m = {"a": $l})$l.hashCode() $m.hashCode()'
    start = time.monotonic()
    out = vtl.compile(source, profile="velocity").render({})
    assert time.monotonic() - start < 2
    assert out == "0 97"  # 1's hash is 0 once doubled 5+ times; Java could not finish this one
