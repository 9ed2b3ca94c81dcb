"""``Limits.max_collection_size``: ``addAll`` doubling a list in a loop stops at the budget
instead of taking all the memory there is; lists within it are built as before."""

from __future__ import annotations

import threading

import pytest

import vtl
from vtl.runtime import budgets

DOUBLING = "#set($l = [1])#foreach($i in [1..40])#set($x = $l.addAll($l))#end$l.size()"


@pytest.mark.parametrize("call", ["$l.addAll($l)", "$l.addAll(0, $l)"])
def test_doubling_stops_at_the_default_budget(call: str) -> None:
    source = DOUBLING.replace("$l.addAll($l)", call)
    with pytest.raises(vtl.VtlLimitError, match="more than 10000000 elements") as info:
        vtl.compile(source).render_request({})
    # Located at the statement that made the call.
    assert (info.value.line, info.value.column) == (1, source.index("#set($x") + 1)


def test_a_smaller_budget_is_honoured_and_then_forgotten() -> None:
    small = vtl.compile(DOUBLING, limits=vtl.Limits(max_collection_size=100))
    with pytest.raises(vtl.VtlLimitError, match="more than 100 elements"):
        small.render({})
    # The next render, with the default Limits, has the default budget again.
    source = "#set($l = [1])#foreach($i in [1..10])#set($x = $l.addAll($l))#end$l.size()"
    assert vtl.compile(source, profile="velocity").render({}) == "1024"
    assert budgets._budgets.get() == (
        budgets.DEFAULT_STRING_SIZE, budgets.DEFAULT_COLLECTION_SIZE, budgets.DEFAULT_NUMBER_DIGITS)


def test_exactly_the_budget_is_allowed() -> None:
    source = "#set($l = [1, 2, 3, 4, 5])#set($x = $l.addAll($l))$l.size() $x"
    assert vtl.compile(source, limits=vtl.Limits(max_collection_size=10)).render({}) == "10 true"
    with pytest.raises(vtl.VtlLimitError):
        vtl.compile(source, limits=vtl.Limits(max_collection_size=9)).render({})


def test_each_thread_has_its_own_budget() -> None:
    strict = vtl.compile(DOUBLING, limits=vtl.Limits(max_collection_size=64))
    relaxed = vtl.compile("#set($l = [1])#foreach($i in [1..12])#set($x = $l.addAll($l))#end$l.size()",
                          profile="velocity")
    results: list[str] = []
    barrier = threading.Barrier(2)

    def run_strict() -> None:
        barrier.wait()
        for _ in range(50):
            try:
                strict.render({})
            except vtl.VtlLimitError:
                results.append("limit")

    def run_relaxed() -> None:
        barrier.wait()
        for _ in range(50):
            results.append(relaxed.render({}))

    threads = [threading.Thread(target=run_strict), threading.Thread(target=run_relaxed)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(set(results)) == ["4096", "limit"]
    assert results.count("4096") == 50 and results.count("limit") == 50


def test_the_budget_must_be_a_count() -> None:
    with pytest.raises(ValueError):
        vtl.Limits(max_collection_size=-1)
    with pytest.raises(TypeError):
        vtl.Limits(max_collection_size=1.5)  # type: ignore[arg-type]
