"""Execution budgets (:class:`vtl.Limits`): each one stops a render with a positioned
:class:`vtl.VtlLimitError`, and none of them trips on realistic templates.

API Gateway's own quotas (reference §6, [doc]): a template is at most 300 KB, a ``#foreach``
ends silently after 1,000 iterations, a payload is at most 10 MB.

Templates that would exhaust memory while a budget is missing run in a child process whose
address space is capped, so a failure cannot take the test run down with it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time

import pytest

import vtl
from vtl.limits import APIGATEWAY_LIMITS, VELOCITY_LIMITS, Limits

PROFILES = ["velocity", "apigateway"]


def render(source: str, profile: str = "velocity", variables: dict | None = None, **limits: object) -> str:
    lim = Limits(**limits) if limits else None  # type: ignore[arg-type]
    if lim is not None and profile == "apigateway" and "foreach_max_loops" not in limits:
        lim = Limits(foreach_max_loops=1000, max_template_size=300 * 1024, **limits)  # type: ignore[arg-type]
    return vtl.compile(source, profile=profile, limits=lim).render(variables or {})


def limit_error(source: str, profile: str = "velocity", variables: dict | None = None,
                **limits: object) -> vtl.VtlLimitError:
    with pytest.raises(vtl.VtlLimitError) as info:
        render(source, profile, variables, **limits)
    err = info.value
    assert isinstance(err, vtl.VtlError)
    assert err.line is not None and err.column is not None, f"{err!r} carries no position"
    assert err.source is not None
    return err


class TestDefaults:
    def test_aws_profile_uses_aws_quotas(self) -> None:
        assert APIGATEWAY_LIMITS.foreach_max_loops == 1000
        assert APIGATEWAY_LIMITS.max_template_size == 300 * 1024
        assert vtl.compile("x").limits == APIGATEWAY_LIMITS

    def test_velocity_profile_has_no_loop_quota(self) -> None:
        assert VELOCITY_LIMITS.foreach_max_loops is None
        assert VELOCITY_LIMITS.max_template_size is None
        assert vtl.compile("x", profile="velocity").limits == VELOCITY_LIMITS

    def test_limits_are_immutable(self) -> None:
        with pytest.raises(AttributeError):
            APIGATEWAY_LIMITS.max_output_size = 1  # type: ignore[misc]

    @pytest.mark.parametrize(
        "kwargs",
        [{"max_output_size": -1}, {"max_total_iterations": -5}, {"regex_timeout": 0},
         {"deadline": -1.0}, {"foreach_max_loops": -1}, {"max_range_size": "10"},
         {"max_macro_depth": 1.5}, {"max_template_size": True}],
    )
    def test_nonsense_values_are_rejected(self, kwargs: dict) -> None:
        with pytest.raises((ValueError, TypeError)):
            Limits(**kwargs)

    def test_defaults_are_sane(self) -> None:
        for lim in (APIGATEWAY_LIMITS, VELOCITY_LIMITS):
            assert lim.max_total_iterations >= 1_000_000
            assert lim.max_output_size >= 10 * 1024 * 1024 * 2  # twice the largest AWS payload
            assert lim.max_string_size >= 10 * 1024 * 1024 * 2
            assert lim.deadline is not None and lim.deadline >= 5
            assert lim.regex_timeout >= 0.5
            assert lim.max_macro_depth == 20  # velocimacro.max.depth


class TestLoops:
    @pytest.mark.parametrize("profile", PROFILES)
    def test_total_iterations(self, profile: str) -> None:
        src = "#foreach($i in [1..100])\n  #foreach($j in [1..100])#end\n#end"
        err = limit_error(src, profile, max_total_iterations=5000)
        assert "5000" in err.message and "iterations" in err.message
        assert (err.line, err.column) == (2, 3)

    def test_aws_default_stops_a_million_nested_iterations(self) -> None:
        src = "#foreach($i in [1..1000])#foreach($j in [1..1000])#foreach($k in [1..2])#end#end#end"
        err = limit_error(src, "apigateway")
        assert "1000000" in err.message

    def test_aws_foreach_ends_silently_after_1000(self) -> None:
        src = "#foreach($i in [1..1500])$i,#end|after"
        out = render(src, "apigateway")
        assert out == "".join(f"{i}," for i in range(1, 1001)) + "|after"

    def test_aws_quota_is_per_loop_not_per_render(self) -> None:
        src = "#foreach($i in [1..1500])#end#foreach($i in [1..1500])x#end"
        assert render(src, "apigateway") == "x" * 1000

    def test_aws_quota_counts_each_nested_loop(self) -> None:
        src = "#foreach($i in [1..3])#foreach($j in [1..1200])#end$foreach.count#end"
        assert render(src, "apigateway") == "123"

    def test_aws_quota_with_hasnext_at_the_cut(self) -> None:
        # Velocity's maxloops stops the loop with more items left: hasNext is still true
        src = "#foreach($i in [1..1001])#if($i == 1000)$foreach.hasNext $velocityHasNext#end#end"
        assert render(src, "apigateway") == "true true"

    def test_velocity_profile_has_no_loop_quota(self) -> None:
        assert render("#foreach($i in [1..5000])x#end") == "x" * 5000

    @pytest.mark.parametrize("profile", PROFILES)
    def test_range_size(self, profile: str) -> None:
        err = limit_error("a\n #set($r = [1..1000001])", profile)
        assert (err.line, err.column) == (2, 2)
        assert render("#set($r = [1..1000000])$r.size()", profile) == "1000000"

    @pytest.mark.parametrize("profile", PROFILES)
    def test_range_size_configurable(self, profile: str) -> None:
        limit_error("#foreach($i in [5..-5])#end", profile, max_range_size=10)
        assert render("#foreach($i in [5..-4])$i#end", profile, max_range_size=10) == "543210-1-2-3-4"

    @pytest.mark.parametrize("profile", PROFILES)
    def test_range_from_variables(self, profile: str) -> None:
        # the bounds are Number.intValue()s: the widest range spans the whole int
        limit_error("#set($r = [$a..$b])", profile, {"a": -(2**31), "b": 2**31 - 1})
        limit_error("#set($r = [$a..$b])", profile, {"a": 2**31, "b": 2**32 - 1})


class TestOutputAndStrings:
    @pytest.mark.parametrize("profile", PROFILES)
    def test_output_size_in_a_loop(self, profile: str) -> None:
        err = limit_error("#foreach($i in [1..500])xxxxxxxxxx#end", profile, max_output_size=1000)
        assert "1000" in err.message

    @pytest.mark.parametrize("profile", PROFILES)
    def test_output_size_of_plain_text(self, profile: str) -> None:
        limit_error("x" * 1001, profile, max_output_size=1000)
        assert render("x" * 1000, profile, max_output_size=1000) == "x" * 1000

    @pytest.mark.parametrize("profile", PROFILES)
    def test_concatenation(self, profile: str) -> None:
        src = "#set($s = 'abcdefghij')\n#foreach($i in [1..10])#set($s = $s + $s)#end"
        err = limit_error(src, profile, max_string_size=1000)
        assert err.line == 2

    @pytest.mark.parametrize("profile", PROFILES)
    def test_concat_method(self, profile: str) -> None:
        src = "#set($s = 'abcdefghij')#foreach($i in [1..10])#set($s = $s.concat($s))#end"
        limit_error(src, profile, max_string_size=1000)

    @pytest.mark.parametrize("profile", PROFILES)
    @pytest.mark.parametrize("call", ["$s.replaceAll('', $s)", "$s.replace('a', $s.repeat(20))",
                                      "$s.replaceFirst('a', $s.repeat(20))", "$s.repeat(200)",
                                      "$s.replaceAll('(.)', '$1$1$1$1$1$1$1$1$1$1$1$1')"])
    def test_replacement(self, profile: str, call: str) -> None:
        src = f"#set($s = 'abcdefghij')\n#set($t = {call})"
        err = limit_error(src, profile, max_string_size=100)
        assert err.line == 2

    @pytest.mark.parametrize("profile", PROFILES)
    def test_repeat_default_cap(self, profile: str) -> None:
        limit_error("$s.repeat(2147483647)", profile, {"s": "ab"})

    @pytest.mark.parametrize("profile", PROFILES)
    def test_interpolation(self, profile: str) -> None:
        src = "#set($s = 'abcdefghij')\n#foreach($i in [1..10])#set($s = \"$s$s\")#end"
        err = limit_error(src, profile, max_string_size=1000)
        assert err.line == 2

    @pytest.mark.parametrize("profile", PROFILES)
    def test_define_expansion(self, profile: str) -> None:
        src = "#define($d0)xxxxxxxx#end" + "".join(
            f"#define($d{i})" + f"$d{i - 1}" * 8 + "#end" for i in range(1, 7)
        ) + "\n$d6"
        err = limit_error(src, profile, max_string_size=10_000)
        assert err.line is not None


class TestRecursion:
    def test_macro_depth_is_velocitys_max_depth(self) -> None:
        # velocimacro.max.depth = 20: 19 nested calls below the first work, the 20th throws
        src = "#macro(m $n)#if($n > 0)#set($k = $n - 1)#m($k)#end$n#end#m({})"
        assert render(src.format(19)) == "0" * 19 + "19"
        with pytest.raises(vtl.VtlRuntimeError) as info:
            render(src.format(20))
        err = info.value
        assert err.java_class == "MacroOverflowException"
        assert (err.line, err.column) == (1, 41)
        assert "Max calling depth of 20 was exceeded in macro 'm'" in err.message

    def test_macro_depth_is_a_limit_error(self) -> None:
        err = limit_error("#macro(m)#m()#end#m()")
        assert err.java_class == "MacroOverflowException"

    def test_macro_depth_configurable(self) -> None:
        src = "#macro(m $n)#if($n > 0)#set($k = $n - 1)#m($k)#end$n#end#m(5)"
        with pytest.raises(vtl.VtlRuntimeError, match="Max calling depth of 5"):
            render(src, max_macro_depth=5)
        assert render(src, max_macro_depth=6) == "000005"

    def test_aws_has_no_macros_to_recurse(self) -> None:
        assert render("#macro(m)#m()#end#m()", "apigateway") == "#m()"

    def test_evaluate_recursion(self) -> None:
        # The position is that of the innermost #evaluate, in the text it evaluates.
        limit_error("#set($e = '#evaluate($e)')\n  #evaluate($e)")

    def test_evaluate_depth_configurable(self) -> None:
        src = "#set($e = '#if($n > 0)#set($n = $n - 1)#evaluate($e)#end$n')#evaluate($e)"
        assert render(src, variables={"n": 5}, max_render_depth=10) == "000000"
        limit_error(src, variables={"n": 50}, max_render_depth=10)

    def test_aws_evaluate_prints_itself(self) -> None:
        assert render("#set($e = '#evaluate($e)')#evaluate($e)", "apigateway") == "#evaluate($e)"


class TestTime:
    @pytest.mark.parametrize("profile", PROFILES)
    def test_regex_catastrophic_backtracking(self, profile: str) -> None:
        start = time.monotonic()
        err = limit_error("a\n  $s.matches('(a|aa)+$')", profile, {"s": "a" * 5000 + "!"})
        # Unbounded, this search would outlive the test run; the margin is for a busy machine.
        assert time.monotonic() - start < 30
        assert "regex" in err.message
        assert err.line == 2

    @pytest.mark.parametrize("method", ["replaceAll('(a|aa)+$', 'x')", "split('(a|aa)+$')",
                                        "replaceFirst('(a|aa)+$', 'x')", "split('(a|aa)+$', 3)"])
    def test_regex_budget_covers_every_regex_method(self, method: str) -> None:
        from vtl.runtime import set_regex_timeout
        from vtl.runtime.regex import DEFAULT_TIMEOUT

        set_regex_timeout(0.1)  # the module-wide budget, to keep this test short
        try:
            limit_error(f"$s.{method}", "velocity", {"s": "a" * 5000 + "!"})
        finally:
            set_regex_timeout(DEFAULT_TIMEOUT)

    def test_regex_timeout_is_configurable(self) -> None:
        start = time.monotonic()
        limit_error("$s.matches('(a|aa)+$')", "velocity", {"s": "a" * 5000 + "!"}, regex_timeout=0.05)
        assert time.monotonic() - start < 0.5

    @pytest.mark.parametrize("profile", PROFILES)
    def test_deadline_in_a_loop(self, profile: str) -> None:
        start = time.monotonic()
        src = "x\n  #foreach($i in [1..1000000])#foreach($j in [1..1000])$i#end#end"
        err = limit_error(src, profile, deadline=0.05, max_total_iterations=10**9)
        assert time.monotonic() - start < 1
        assert "deadline" in err.message

    def test_deadline_without_loops(self) -> None:
        src = "$s.matches('(a|aa)+$')$s.matches('(a|aa)+$')$s.matches('(a|aa)+$')"
        start = time.monotonic()
        # Each search takes seconds unbounded (about 3 s here on a quiet machine).
        limit_error(src, "velocity", {"s": "a" * 34 + "!"}, deadline=0.1)
        assert time.monotonic() - start < 3

    def test_printing_a_shared_structure_stops(self) -> None:
        src = "#set($l = [1])#foreach($i in [1..19])#set($x = $l.add($l.clone()))#end$l"
        start = time.monotonic()
        limit_error(src, "velocity", deadline=0.1)
        assert time.monotonic() - start < 0.5

    def test_deadline_stops_define_expansion(self) -> None:
        src = "#define($d0)xxxxxxxx#end" + "".join(
            f"#define($d{i})" + f"$d{i - 1}" * 8 + "#end" for i in range(1, 8)
        ) + "$d7"  # 16M characters, built through two million nested renders
        start = time.monotonic()
        limit_error(src, "velocity", deadline=0.3)
        assert time.monotonic() - start < 1.5

    def test_no_deadline(self) -> None:
        assert render("#foreach($i in [1..10])$i#end", deadline=None) == "12345678910"


class TestApiGatewayQuotas:
    def test_template_over_300kb_is_rejected(self) -> None:
        limit = 300 * 1024
        vtl.compile("x" * limit)
        with pytest.raises(vtl.VtlLimitError) as info:
            vtl.compile("x" * (limit + 1))
        assert (info.value.line, info.value.column) == (1, 1)
        assert str(limit) in info.value.message

    def test_template_size_counts_utf8_bytes(self) -> None:
        limit = 300 * 1024
        vtl.compile("\u20ac" * (limit // 3))
        with pytest.raises(vtl.VtlLimitError):
            vtl.compile("\u20ac" * (limit // 3) + "x")
        with pytest.raises(vtl.VtlLimitError):
            vtl.compile("\U0001f600" * (limit // 4 + 1))

    def test_velocity_profile_takes_large_templates(self) -> None:
        assert len(vtl.compile("x" * 400_000, profile="velocity").render()) == 400_000

    def test_template_size_configurable(self) -> None:
        with pytest.raises(vtl.VtlLimitError):
            vtl.compile("x" * 11, profile="velocity", limits=Limits(max_template_size=10))


class TestRealisticTemplatesFitTheBudgets:
    def test_large_list_transform(self) -> None:
        items = [{"id": i, "name": f"item {i}", "tags": ["a", "b"], "price": i * 1.25} for i in range(1000)]
        src = textwrap.dedent("""\
            #set($items = $body.items)
            {"items": [
            #foreach($item in $items)
              {"id": $item.id, "name": "$item.name", "tags": [#foreach($t in $item.tags)"$t"#if($foreach.hasNext),#end#end], "price": $item.price}#if($foreach.hasNext),#end
            #end
            ]}
            """)
        out = render(src, "apigateway", {"body": {"items": items}})
        assert json.loads(out)["items"][999]["name"] == "item 999"

    def test_request_template_over_a_large_body(self) -> None:
        items = [{"id": i, "name": f"item {i}", "tags": ["a", "b"], "price": i * 1.25} for i in range(1000)]
        body = json.dumps({"items": items, "pad": "x" * (9 * 1024 * 1024)})
        src = textwrap.dedent("""\
            #set($root = $input.path('$'))
            {"count": $root.items.size(), "names": [#foreach($item in $root.items)"$util.escapeJavaScript($item.name)"#if($foreach.hasNext),#end#end],
             "body": "$util.escapeJavaScript($input.body).length()", "copy": $input.json('$.items[0]')}
            """)
        out = vtl.render(src, vtl.event(body=body)).body
        data = json.loads(out)
        assert data["count"] == 1000 and data["names"][-1] == "item 999"

    def test_big_string_work(self) -> None:
        body = "x" * (10 * 1024 * 1024)
        src = "#set($u = \"$b$b\")$b.substring(5).length() $b.replace('x', 'yy').length() $u.length()"
        assert render(src, "apigateway", {"b": body}) == f"{len(body) - 5} {2 * len(body)} {2 * len(body)}"

    def test_escaping_quotes_of_a_10mb_body(self) -> None:
        body = '{"k": "v", "n": 1}' * (10 * 1024 * 1024 // 18)
        out = render("$b.replaceAll('\"', '\\\\\"').length()", "apigateway", {"b": body})
        assert out == str(len(body) + body.count('"'))


# -- memory bombs, in a child process whose address space is capped ---------------------------

_CHILD = textwrap.dedent("""\
    import json, resource, sys
    import vtl
    cap = 1_500_000_000
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    src, profile = json.loads(sys.argv[1])
    try:
        vtl.compile(src, profile=profile).render({})
        result = {"outcome": "ok"}
    except vtl.VtlLimitError as err:
        result = {"outcome": "VtlLimitError", "line": err.line}
    except vtl.VtlError as err:
        result = {"outcome": type(err).__name__, "line": err.line}
    except MemoryError:
        result = {"outcome": "MemoryError"}
    print(json.dumps(result))
    """)


def run_capped(source: str, profile: str = "velocity", timeout: float = 30) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, json.dumps([source, profile])],
        capture_output=True, text=True, timeout=timeout,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS is only dependable on Linux")
class TestMemoryBombs:
    def test_concatenation_doubling(self) -> None:
        result = run_capped("#set($s = 'a')#foreach($i in [1..100])#set($s = $s + $s)#end")
        assert result["outcome"] == "VtlLimitError" and result["line"] == 1

    def test_interpolation_doubling(self) -> None:
        result = run_capped('#set($s = "a")#foreach($i in [1..100])#set($s = "$s$s")#end')
        assert result["outcome"] == "VtlLimitError"

    def test_list_doubling(self) -> None:
        result = run_capped("#set($l = [1])#foreach($i in [1..100])#set($x = $l.addAll($l))#end")
        assert result["outcome"] == "VtlLimitError"
