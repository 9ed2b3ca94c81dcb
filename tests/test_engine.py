"""The engine's public API and the differences between the two profiles.

Expected outputs come from the reference (shared/reference/apigateway-vtl.md §1 and the
Velocity 1.7 probes), i.e. from the real engine, not from this one.
"""

import threading

import pytest

import vtl
from vtl.limits import Limits


def render(source, variables=None, profile="apigateway"):
    return vtl.compile(source, profile=profile).render(variables or {})


class TestProfiles:
    def test_null_reference_prints_source_in_velocity(self):
        assert render("Hello $name!", profile="velocity") == "Hello $name!"

    def test_null_reference_prints_empty_on_aws(self):
        assert render("Hello $name!") == "Hello !"

    def test_undefined_is_truthy_on_aws(self):
        # an empty string is truthy in 1.7, and null renders as "" on AWS
        src = "#if($undefined)T#{else}F#end"
        assert render(src) == "T"
        assert render(src, profile="velocity") == "F"

    def test_missing_compares_equal_to_empty_on_aws(self):
        src = "#if($foo.bar.stuff != '')T#{else}F#end"
        assert render(src) == "F"
        assert render(src, profile="velocity") == "T"

    def test_macro_disabled_on_aws(self):
        src = "#macro(m $x)[$x]#end#m('a')"
        assert render(src, profile="velocity") == "[a]"
        assert render(src) == "#m('a')"

    def test_evaluate_literal_on_aws(self):
        src = "#set($src = '#set($y = 5)$y!')#evaluate($src) $y"
        assert render(src, profile="velocity") == "5! 5"
        assert render(src) == "#evaluate($src) "

    def test_missing_method_prints_source_in_both(self):
        assert render("$s.nope()", {"s": "x"}) == "$s.nope()"
        assert render("$s.nope()", {"s": "x"}, profile="velocity") == "$s.nope()"

    def test_json_arrays_print_compact_on_aws(self):
        assert render("$l", {"l": [1, 2]}) == "[1,2]"
        assert render("$l", {"l": [1, 2]}, profile="velocity") == "[1, 2]"
        assert render("$m", {"m": {"a": 1}}) == "{a=1}"


class TestForeachLimit:
    def test_aws_loop_stops_silently_after_1000(self):
        out = render("#foreach($i in [1..1500])x#end")
        assert out == "x" * 1000

    def test_velocity_has_no_loop_limit(self):
        out = render("#foreach($i in [1..1500])x#end", profile="velocity")
        assert out == "x" * 1500

    def test_custom_limit(self):
        t = vtl.compile("#foreach($i in [1..10])$i#end", profile="velocity", limits=Limits(foreach_max_loops=3))
        assert t.render() == "123"

    def test_total_iterations_budget_raises(self):
        t = vtl.compile(
            "#foreach($i in [1..100])#foreach($j in [1..100])#end#end",
            profile="velocity", limits=Limits(max_total_iterations=500),
        )
        with pytest.raises(vtl.VtlLimitError) as info:
            t.render()
        assert info.value.line == 1


class TestApi:
    def test_compiled_template_renders_many_times(self):
        t = vtl.compile("#set($n = $n + 1)$n", profile="velocity")
        assert [t.render({"n": i}) for i in range(3)] == ["1", "2", "3"]

    def test_variables_are_not_mutated(self):
        data = {"m": {"a": 1}}
        render("#set($m.b = 2)$m", data)
        assert data == {"m": {"a": 1}}

    def test_variables_must_be_a_mapping(self):
        with pytest.raises(TypeError):
            vtl.compile("x").render([1, 2])  # type: ignore[arg-type]

    def test_render_error_has_position(self):
        with pytest.raises(vtl.VtlRuntimeError) as info:
            render("line\n  $s.substring(10)", {"s": "hi"}, profile="velocity")
        err = info.value
        assert err.line == 2
        assert err.java_class == "MethodInvocationException"
        assert "^" in str(err)

    def test_template_is_thread_safe(self):
        t = vtl.compile("#foreach($i in $items)$i.name,#end", profile="velocity")
        results = {}

        def work(k):
            items = [{"name": f"{k}-{j}"} for j in range(20)]
            results[k] = [t.render({"items": items}) for _ in range(200)]

        threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        for k, outs in results.items():
            expected = "".join(f"{k}-{j}," for j in range(20))
            assert set(outs) == {expected}

    def test_template_over_300kb_is_rejected_on_aws(self):
        big = "x" * (300 * 1024 + 1)
        with pytest.raises(vtl.VtlLimitError):
            vtl.compile(big)
        assert vtl.compile(big, profile="velocity").render() == big

    def test_stop_keeps_output(self):
        assert render("a#stop b") == "a"

    def test_deep_nesting_is_a_vtl_error(self):
        src = "#if(true)" * 3000 + "x" + "#end" * 3000
        try:
            out = render(src)
        except vtl.VtlError:
            return
        assert out == "x"
