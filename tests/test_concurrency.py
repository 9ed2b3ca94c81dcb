"""Thread safety: a compiled template is shared freely between threads, and the module
caches (compiled templates, Java regexes, JSONPath expressions) survive concurrent use and
eviction. 8 threads x 1,000 renders must give exactly the single-threaded outputs.

Renders are also isolated from each other and from the caller: nothing a template does to
its variables, ``$context``, ``$input.params()`` or parsed JSON leaks into the next render or
into the caller's event and variables.
"""

from __future__ import annotations

import copy
import random
import threading
from collections.abc import Callable
from typing import Any

import pytest

import vtl
from conformance.crashfuzz import SEEDS
from vtl.template import clear_cache

THREADS = 8
RENDERS_PER_THREAD = 1000

# Templates whose output is deterministic (no identity hashes) and that exercise the engine's
# mutable machinery: loops, #set on shared-looking literals, #define, macros, regexes.
VELOCITY_TEMPLATES = [
    "#set($l = [1, 2])#set($x = $l.add($n))$l $l.size()",
    "#set($m = {})#foreach($i in [1..$n])#set($x = $m.put(\"k$i\", $i))#end$m",
    "#define($d)[$n]#end#foreach($i in [1..3])$d#end",
    "#macro(twice $v)$v$v#end#twice($s)#twice($n)",
    "#set($e = '#set($z = $n * 2)$z')#evaluate($e)",
    "$s.replaceAll('([aeiou])', '<$1>') $s.matches('[a-z]+') $s.split('a').size()",
    "#foreach($i in $l)#if($foreach.hasNext)$i,#{else}$i#end#end|$velocityCount",
    "#set($total = 0)#foreach($x in $l)#set($total = $total + $x)#end$total",
    "$n / 3 = #set($q = $n / 3)$q; $n % 3 = #set($r = $n % 3)$r; ${n}.5 * 2",
    "#if($n > 5 && $s.length() > 2)big $s.toUpperCase()#elseif($n == 0)zero#{else}small#end",
]

APIGATEWAY_TEMPLATES = SEEDS[:6] + [
    "$input.json('$.a') $input.path('$.a').size() $input.params('h') $stageVariables.s",
    "#set($o = $util.parseJson($input.body))#set($x = $o.put('extra', $context.stage))$o",
    "#set($context.responseOverride.status = $input.path('$.code'))#set($context.responseOverride.header.X = $input.path('$.a[0]'))ok",
    "$util.escapeJavaScript($input.body) $util.urlEncode($input.params('h')) $util.base64Encode($input.body)",
    "#foreach($k in $input.params().header.keySet())$k=$input.params().header.get($k);#end",
    "$input.path('$.items[?(@.price > 1)].id') $input.json('$..id')",
]


def _events() -> list[dict[str, Any]]:
    out = []
    for i in range(6):
        body = (
            f'{{"a": [{i}, "x{i}"], "code": {400 + i}, "items": [{{"id": {i}, "price": {i * 0.75}}}, '
            f'{{"id": "n{i}", "type": "t", "price": 2.5, "tags": ["q", "r{i}"]}}], '
            f'"records": [{{"data": "d{i}", "key": "k"}}], "errorMessage": "{{\\"code\\": \\"NotFound\\"}}", "n": {i}}}'
        )
        out.append(vtl.event(body=body, headers={"h": f"v {i}&"}, query={"q": f"a,b{i}"},
                             stage_variables={"s": f"stage{i}", "stream": "st", "machine": "m"}))
    return out


def _variables() -> list[dict[str, Any]]:
    return [{"n": n, "s": s, "l": [n, n + 1, n * 2]} for n, s in ((0, "abc"), (7, "banana"), (12, "xyz"), (3, "q"))]


def _jobs() -> list[tuple[str, Callable[[], Any]]]:
    """(label, zero-argument render) for every template x input, over shared Template objects."""
    jobs: list[tuple[str, Callable[[], Any]]] = []
    for src in VELOCITY_TEMPLATES:
        template = vtl.compile(src, "velocity")
        for variables in _variables():
            jobs.append((f"{src!r} {variables!r}", lambda t=template, v=variables: t.render(v)))
    for src in APIGATEWAY_TEMPLATES:
        template = vtl.compile(src)
        for event in _events():
            jobs.append((f"{src!r} request", lambda t=template, e=event: _result(t.render_request(e))))
            jobs.append((f"{src!r} cached", lambda s=src, e=event: _result(vtl.render(s, e))))
            jobs.append((f"{src!r} response",
                         lambda t=template, e=event: _result(t.render_request(e, response_body='{"a": [9], "code": 200}'))))
    return jobs


def _result(result: Any) -> tuple:
    return (result.body, getattr(result, "status", None), dict(getattr(result, "headers", {}) or {}))


def _outcome(fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except vtl.VtlError as err:  # a render error is an outcome too; it must be the same
        return ("error", type(err).__name__, err.message, err.line, err.column)


def test_threads_give_the_single_threaded_outputs() -> None:
    jobs = _jobs()
    expected = [_outcome(fn) for _, fn in jobs]
    assert len({repr(e) for e in expected}) > len(jobs) // 3  # the inputs really differ

    mismatches: list[str] = []
    crashes: list[BaseException] = []
    barrier = threading.Barrier(THREADS)

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        try:
            barrier.wait()
            for _ in range(RENDERS_PER_THREAD):
                i = rng.randrange(len(jobs))
                got = _outcome(jobs[i][1])
                if got != expected[i]:
                    mismatches.append(f"{jobs[i][0]}: {got!r} != {expected[i]!r}")
        except BaseException as exc:  # noqa: BLE001 - reported below
            crashes.append(exc)

    threads = [threading.Thread(target=worker, args=(seed,)) for seed in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not crashes, crashes[:3]
    assert not mismatches, mismatches[:5]


def test_caches_under_concurrent_eviction() -> None:
    """More distinct templates and regexes than the caches hold, while another thread keeps
    clearing the template cache: every render is still right."""
    stop = threading.Event()
    errors: list[str] = []

    def clearer() -> None:
        while not stop.is_set():
            clear_cache()

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        try:
            for _ in range(400):
                k = rng.randrange(700)
                src = f"#set($v = {k})$v:$input.params('h').replaceAll('[{k % 7}-9]', '#').length()"
                src += f"|$input.path('$.k{k % 50}')"
                out = vtl.render(src, vtl.event(body=f'{{"k{k % 50}": {k}}}', headers={"h": "0123456789"})).body
                want = f"{k}:10|{k}"
                if out != want:
                    errors.append(f"{src!r}: {out!r} != {want!r}")
        except BaseException as exc:  # noqa: BLE001
            errors.append(repr(exc))

    background = threading.Thread(target=clearer)
    background.start()
    workers = [threading.Thread(target=worker, args=(s,)) for s in range(THREADS)]
    try:
        for t in workers:
            t.start()
        for t in workers:
            t.join()
    finally:
        stop.set()
        background.join()
    assert not errors, errors[:5]


class TestIsolation:
    def test_a_template_is_unchanged_by_rendering(self) -> None:
        src = "#set($l = [1])#set($x = $l.add(2))#set($m = {'a': 1})#set($x = $m.put('b', $l))$l $m"
        template = vtl.compile(src, "velocity")
        first = template.render()
        assert [template.render() for _ in range(5)] == [first] * 5 == ["[1, 2] {a=1, b=[1, 2]}"] * 5

    def test_template_slots_only(self) -> None:
        template = vtl.compile("x")
        with pytest.raises(AttributeError):
            template.extra = 1  # type: ignore[attr-defined]

    def test_variables_of_the_caller_are_not_modified(self) -> None:
        variables = {"l": [1, 2], "m": {"a": {"b": [1]}}}
        before = copy.deepcopy(variables)
        src = "#set($x = $l.add(3))#set($x = $m.a.b.add(2))#set($x = $m.put('c', 1))#set($m.a.z = 1)$l $m"
        for profile in ("velocity", "apigateway"):
            vtl.compile(src, profile).render(variables)
        assert variables == before

    def test_event_of_the_caller_is_not_modified(self) -> None:
        event = vtl.event(body='{"a": [1]}', headers={"h": "v"}, stage_variables={"s": "1"},
                          authorizer={"claims": {"sub": "x"}}, query={"q": "1"})
        before = copy.deepcopy(event)
        vtl.render(_LEAKER, event)
        assert event == before

    @pytest.mark.parametrize("use_default_event", [False, True])
    def test_nothing_leaks_into_the_next_render(self, use_default_event: bool) -> None:
        event = None if use_default_event else vtl.event(
            body='{"a": [1, 2]}', headers={"h": "v"}, stage_variables={"s": "1"},
            authorizer={"claims": {"sub": "x"}},
        )
        reader = vtl.compile(_READER)
        clean = reader.render_request(event).body
        vtl.compile(_LEAKER).render_request(event)
        vtl.render(_LEAKER, event)
        assert reader.render_request(event).body == clean
        assert "yes" not in clean

    def test_each_render_has_its_own_overrides(self) -> None:
        template = vtl.compile("#set($context.responseOverride.status = $input.path('$.s'))"
                               "#set($context.requestOverride.header.X = $input.path('$.s'))")
        a = template.render_request(vtl.event(body='{"s": 404}'))
        b = template.render_request(vtl.event(body='{"s": 201}'))
        assert (a.status, b.status) == (404, 201)
        c = vtl.compile("ok").render_request(vtl.event(body='{"s": 500}'))
        assert c.status in (None, 200)


_LEAKER = (
    '#set($q = $context.identity.put("leak", "yes"))#set($q = $context.authorizer.put("leak", "yes"))'
    '#set($q = $context.authorizer.claims.put("leak", "yes"))#set($q = $stageVariables.put("leak", "yes"))'
    '#set($q = $input.params().header.put("leak", "yes"))#set($q = $input.params().put("leak", "yes"))'
    '#set($q = $input.path("$.a").add("yes"))#set($q = $context.put("leak", "yes"))'
    '#set($context.requestOverride.header.leak = "yes")#set($context.responseOverride.header.leak = "yes")'
    '#set($context.responseOverride.status = 418)'
)
_READER = (
    "[$context.identity.leak][$context.authorizer.leak][$context.authorizer.claims.leak]"
    "[$stageVariables.leak][$input.params('leak')][$input.params().leak][$input.path('$.a')]"
    "[$context.leak][$context.requestOverride.header.leak][$context.responseOverride.header.leak]"
    "[$context.responseOverride.status]"
)
