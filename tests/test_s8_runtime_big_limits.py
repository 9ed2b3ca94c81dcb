"""BigInteger/BigDecimal methods whose result or work grows with an argument stop with
VtlLimitError before they build it (the arithmetic cannot be interrupted by the deadline)."""

from __future__ import annotations

import time

import pytest

import vtl

BIG = "#set($x = 123456789012345678901234567890)"
DEC = "#set($x = 123456789012345678901234567890 * 0.5)"

HUGE = [
    BIG + "$x.shiftLeft(2147483647)",
    BIG + "$x.shiftRight(-2147483647)",
    BIG + "$x.setBit(2147483647)",
    BIG + "$x.flipBit(2000000000)",
    BIG + "$x.pow(99999999)",
    BIG + "$x.modPow($x.shiftLeft(30000), $x.shiftLeft(30000).add($x))",
    BIG + "#set($y = $x.shiftLeft(5000).setBit(0))$y.isProbablePrime(100)",
    DEC + "$x.pow(999999999)",
    DEC + "$x.setScale(2147483647)",
    DEC + "$x.movePointRight(2147483647)",
    DEC + "$x.divide($x, 2147483647, 4)",
    DEC + "$x.divide($x, -2147483647, 4)",
]


@pytest.mark.parametrize("template", HUGE)
def test_huge_big_number_results_hit_the_limit_quickly(template: str) -> None:
    start = time.monotonic()
    with pytest.raises(vtl.VtlLimitError):
        vtl.compile(template).render({})
    assert time.monotonic() - start < 2.0


def test_work_within_the_limits_is_done() -> None:
    out = vtl.compile(BIG + "$x.modPow($x.shiftLeft(3990), $x.shiftLeft(3990).add($x)).bitLength() "
                      "$x.shiftLeft(100).bitLength() $x.pow(3).bitLength()").render({})
    assert out == "4085 197 290"
