"""Printing lists and maps: any depth prints as Java prints it, and a render's printing stops
at its string budget (``Limits.max_string_size``) or deadline.

Expected outputs are Velocity 1.7's (conformance oracle, Java 17).
"""

from __future__ import annotations

import time

import pytest

import vtl
from vtl.limits import Limits
from vtl.runtime.text import to_string, to_string_within
from vtl.runtime.values import JavaList


def render(source: str, profile: str = "velocity", **limits: object) -> str:
    lim = Limits(**limits) if limits else None  # type: ignore[arg-type]
    return vtl.compile(source, profile=profile, limits=lim).render({})


def limit_error(source: str, profile: str = "velocity", **limits: object) -> vtl.VtlLimitError:
    with pytest.raises(vtl.VtlLimitError) as info:
        render(source, profile, **limits)
    err = info.value
    assert err.line is not None and err.column is not None, f"{err!r} carries no position"
    return err


def nested(n: int, x: str, y: str) -> str:
    """A template that sets $x and $y to ``n`` levels of the same nesting."""
    return f"#set($x = 1)#set($y = 1)#foreach($i in [1..{n}])#set($x = {x})#set($y = {y})#end"


DOUBLINGS = "#set($l = [1])#foreach($i in [1..60])#set($x = $l.add($l.clone()))#end"


class TestDepth:
    # Velocity 1.7: each prints completely (lengths 2001, 4001, 2701)
    @pytest.mark.parametrize(("template", "expected"), [
        (nested(1000, "[$x]", "[$y]") + "$x", "[" * 1000 + "1" + "]" * 1000),
        (nested(1000, "{'k': $x}", "{'k': $y}") + "$x", "{k=" * 1000 + "1" + "}" * 1000),
        (nested(300, "{'k': [$x, 'a']}", "{'k': [$y, 'a']}") + "$x",
         "{k=[" * 300 + "1" + ", a]}" * 300),
    ], ids=["lists", "maps", "mixed"])
    def test_deep_values_print(self, template: str, expected: str) -> None:
        assert render(template) == expected

    def test_deep_lists_compare(self) -> None:
        # Velocity 1.7: "eq true"
        assert render(nested(400, "[$x]", "[$y]") + "#if($x == $y)eq#end $x.equals($y)") == "eq true"

    def test_to_string_has_no_depth_limit(self) -> None:
        value: object = 1
        for _ in range(20_000):
            value = JavaList([value, {"k": None}])
        assert to_string(value) == "[" * 20_000 + "1" + ", {k=null}]" * 20_000


class TestSelfAndCycles:
    # Velocity 1.7 (AbstractCollection/AbstractMap.toString mark only themselves)
    @pytest.mark.parametrize(("template", "expected"), [
        ("#set($m = {})#set($q = $m.put('a', $m))#set($l = [$m, 2])#set($q = $l.add($l))$l",
         "[{a=(this Map)}, 2, (this Collection)]"),
        ("#set($l = [1])#set($q = $l.add($l))#set($k = [$l, $l])$k",
         "[[1, (this Collection)], [1, (this Collection)]]"),
        ("#set($a = [1])#set($b = [$a, $a, {'x': $a}])$b", "[[1], [1], {x=[1]}]"),
    ])
    def test_printed(self, template: str, expected: str) -> None:
        assert render(template) == expected

    # Velocity 1.7: StackOverflowError
    @pytest.mark.parametrize("template", [
        "#set($a = [1])#set($b = [$a])#set($q = $a.add($b))$a",
        "#set($m = {})#set($l = [$m])#set($q = $m.put('a', $l))$m",
        "#set($m = {})#set($l = [$m])#set($q = $m.put('a', $l))$l",
    ])
    def test_cycle_through_another_container(self, template: str) -> None:
        with pytest.raises(vtl.VtlRuntimeError) as info:
            render(template)
        assert info.value.java_class == "StackOverflowError"


class TestBudget:
    def test_limit_is_in_characters(self) -> None:
        src = "#set($l = [1, 2, 3])\n$l"  # [1, 2, 3]: 9 characters
        assert render(src, max_string_size=9) == "[1, 2, 3]"
        err = limit_error(src, max_string_size=8)
        assert (err.line, err.column) == (2, 1)

    @pytest.mark.parametrize("template", ["$l", '#set($s = "$l")', "$l.size()$l"])
    def test_shared_structure_is_refused_at_once(self, template: str) -> None:
        start = time.monotonic()
        limit_error(DOUBLINGS + template)
        assert time.monotonic() - start < 1.0

    def test_shared_json_array_is_refused_at_once(self) -> None:
        src = ("#set($l = $util.parseJson('[1]'))#foreach($i in [1..60])#set($x = $l.add($l.clone()))#end"
               "$l")
        start = time.monotonic()
        with pytest.raises(vtl.VtlLimitError) as info:
            vtl.render(src, vtl.event(body="{}"))
        assert time.monotonic() - start < 1.0
        assert "printing this value" in info.value.message and info.value.line == 1

    def test_large_shared_structure_under_the_budget_still_prints(self) -> None:
        src = "#set($l = [1])#foreach($i in [1..10])#set($x = $l.add($l.clone()))#end$l"
        out = render(src)
        assert out.startswith("[1, [1], [1, [1]], ") and len(out) == 5118

    def test_deadline_is_checked_while_printing(self) -> None:
        calls = []

        def check() -> None:
            calls.append(1)
            if len(calls) == 2:
                raise vtl.VtlLimitError("deadline")

        with pytest.raises(vtl.VtlLimitError, match="deadline"):
            to_string_within(JavaList([JavaList(range(10_000))]), 10**9, check)
        assert len(calls) == 2
        assert to_string_within(JavaList(range(100)), 10**9, check) == to_string(JavaList(range(100)))
