"""#define blocks that print other blocks grow exponentially without a single loop: the
text they write into one buffer is held to that buffer's budget as it grows, so a render
stops at the budget instead of first building the whole expansion (with no deadline set,
nothing else would stop it)."""

from __future__ import annotations

import time

import pytest

import vtl


def _blocks(levels: int, fan_out: int = 8) -> str:
    """``$d0`` is eight characters; each ``$d<i>`` prints ``$d<i-1>`` ``fan_out`` times."""
    return "#define($d0)xxxxxxxx#end" + "".join(
        f"#define($d{i})" + f"$d{i - 1}" * fan_out + "#end" for i in range(1, levels))


def _render(source: str, **limits: object) -> str:
    return vtl.compile(source, profile="velocity", limits=vtl.Limits(deadline=None, **limits)).render({})


def test_a_block_printing_a_block_many_times_stops_at_the_string_budget() -> None:
    # $top would be 1,000 copies of a 262,144-character block: 262M characters.
    source = _blocks(6) + "#define($top)" + "$d5" * 1000 + "#end$top"
    start = time.monotonic()
    with pytest.raises(vtl.VtlLimitError, match="#define block grew beyond 1000000") as info:
        _render(source, max_string_size=1_000_000)
    assert time.monotonic() - start < 5  # four copies, not a thousand
    # Located at the copy that passed the budget: the fourth $d5 of $top.
    fourth = source.index("#define($top)") + len("#define($top)") + 3 * len("$d5")
    assert (info.value.line, info.value.column) == (1, fourth + 1)


def test_blocks_printed_at_the_top_level_stop_at_the_output_budget() -> None:
    source = _blocks(6) + "$d5" * 1000
    start = time.monotonic()
    with pytest.raises(vtl.VtlLimitError, match="output exceeded 1000000 characters"):
        _render(source, max_output_size=1_000_000)
    assert time.monotonic() - start < 5


@pytest.mark.parametrize("profile", ["velocity", "apigateway"])
def test_blocks_within_the_budget_print_in_full(profile: str) -> None:
    source = _blocks(4) + "$d3|$d3"
    text = vtl.compile(source, profile=profile).render({})
    assert text == "x" * 4096 + "|" + "x" * 4096


def test_each_buffer_has_its_own_count() -> None:
    # Two sibling strings, each 3/4 of the budget: fine separately, though together they
    # exceed it (only text written into one buffer adds up).
    source = _blocks(3) + '#set($a = "$d2$d1$d1")#set($b = "$d2$d1$d1")$a.length() $b.length()'
    assert _render(source, max_string_size=1024) == "640 640"
