"""Limits.max_memory_growth: a render that keeps building memory stops with VtlLimitError.

The guard reads the process's resident size (Linux), so these tests use small limits and
templates that would keep growing: each stops a few tens of megabytes in.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import vtl
from vtl.runtime import memguard

pytestmark = pytest.mark.skipif(not memguard.available(), reason="the resident size cannot be read here")

SMALL_LIMIT = 48 << 20

#: Templates that keep more with every iteration, in ways no per-value budget sees.
GROWERS = {
    "clones": "#set($a = [1..100000])#set($keep = [])"
              "#foreach($i in [1..1000])#set($d = $keep.add($a.clone()))#end",
    "strings": "#set($s = 'x')#foreach($i in [1..17])#set($s = \"$s$s\")#end#set($keep = [])"
               "#foreach($i in [1..1000])#set($d = $keep.add(\"$s$i\"))#end",
    "add-all": "#set($a = [1..100000])#set($keep = [])"
               "#foreach($i in [1..1000])#set($b = [])#set($d = $b.addAll($a))#set($d = $keep.add($b))#end",
    "small-strings": "#set($s = 'x')#foreach($i in [1..11])#set($s = \"$s$s\")#end#set($keep = [])"
                     "#foreach($i in [1..1000])#foreach($j in [1..50])#set($d = $keep.add(\"$s$i$j\"))#end#end",
    "parse-json": "#set($keep = [])#foreach($i in [1..1000])#set($d = $keep.add($util.parseJson($input.body)))#end",
    "put-all": "#set($m = {})#foreach($i in [1..50])#foreach($j in [1..100])#set($d = $m.put(\"k${i}_$j\", $i))#end#end"
               "#set($keep = [])"
               "#foreach($i in [1..1000])#set($c = {})#set($d = $c.putAll($m))#set($d = $keep.add($c))#end",
}
_BODY = json.dumps({"items": [{"id": i, "name": "n" * 30} for i in range(20000)]})


# Each grower runs in a fresh interpreter: memory this process freed earlier (and the
# allocator kept) would be reused without the resident size growing.
_RUN_GROWER = """
import json, sys, vtl
source, limit, body = json.loads(sys.stdin.read())
template = vtl.compile(source, limits=vtl.Limits(foreach_max_loops=1000, max_memory_growth=limit))
try:
    template.render_request(vtl.event(body=body))
    print(json.dumps(None))
except vtl.VtlLimitError as err:
    print(json.dumps([str(err).splitlines()[0], err.line, err.column]))
"""


@pytest.mark.parametrize("name", sorted(GROWERS))
def test_a_growing_render_stops_at_the_limit(name: str) -> None:
    done = subprocess.run([sys.executable, "-c", _RUN_GROWER], input=json.dumps([GROWERS[name], SMALL_LIMIT, _BODY]),
                          capture_output=True, text=True, timeout=120, check=True)
    outcome = json.loads(done.stdout)
    assert outcome is not None, "the render finished"
    message, line, column = outcome
    assert "max_memory_growth" in message
    assert line == 1 and column > 1  # at the statement that grew it


def test_the_default_limit_leaves_large_bodies_alone() -> None:
    body = json.dumps({"items": [{"id": i, "tags": ["a", "b"], "name": "x" * 50} for i in range(60000)]})
    source = ("#set($r = $input.path('$'))[#foreach($i in $r.items)$i.id#if($foreach.hasNext),#end#end]"
              "$input.json('$').length()")
    out = vtl.compile(source).render_request(vtl.event(body=body)).body
    assert out.startswith("[0,1,2,") and out.endswith(str(len(json.dumps(json.loads(body), separators=(",", ":")))))


def test_no_limit_means_no_guard() -> None:
    template = vtl.compile(GROWERS["clones"].replace("1..1000]", "1..20]"),
                           limits=vtl.Limits(max_memory_growth=None))
    assert template.render({}) == ""


def test_the_guard_compares_with_its_first_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    sizes = iter([1000, 1500, 1000 + 2048, 1000 + 4097])
    monkeypatch.setattr(memguard, "_resident_size", lambda: next(sizes))
    guard = memguard.Guard(4096)
    guard.check()  # the baseline
    guard.check()
    guard.check()
    with pytest.raises(vtl.VtlLimitError):
        guard.check()


def test_limits_validate_the_field() -> None:
    with pytest.raises(ValueError):
        vtl.Limits(max_memory_growth=-1)
    with pytest.raises(TypeError):
        vtl.Limits(max_memory_growth=1.5)
    assert vtl.Limits(max_memory_growth=None).max_memory_growth is None
