"""Integers of any size as decimal text and back, within the render's ``max_number_digits``.

Java prints a ``BigInteger`` of any length; Python refuses ``str(n)`` past 4,300 digits (the
process-wide ``sys.set_int_max_str_digits``, which a library must not change) because its own
conversion takes quadratic time. Here a long integer is split by powers of two, each half
becomes a ``decimal.Decimal`` (whose multiplication is sub-quadratic) and the halves are
recombined; decimal text is read back the same way, by halves joined with a multiplication.
Both directions stay below a second for the largest number a render may hold.

``max_number_digits`` (see :class:`vtl.Limits`) bounds the numbers themselves: a product or
parsed text that would have more decimal digits raises :class:`vtl.VtlLimitError` before the
work is done, so squaring a number in a loop stops after a few rounds instead of taking
minutes and gigabytes.
"""

from __future__ import annotations

import decimal
import sys
from decimal import Decimal
from typing import Any

from ..errors import VtlLimitError
from .budgets import number_digit_limit

__all__ = ["int_text", "int_from_digits", "check_digits", "check_bits", "check_product",
           "check_decimal_text"]

#: Below this many bits ``str(n)``/``int(text)`` are quick and allowed whatever the process's
#: digit limit (Python's smallest allowed setting is 640 digits, about 2,126 bits).
_SMALL_BITS = 2000
_SMALL_DIGITS = 600
_CHUNK_BITS = 4096  # halves at most this long become a Decimal directly
_LOG10_2 = 0.30102999566398120
_EXACT = decimal.Context(prec=decimal.MAX_PREC, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)


def _too_many(digits: int, what: str) -> VtlLimitError:
    return VtlLimitError(
        f"{what} would have about {digits} decimal digits, more than max_number_digits "
        f"({number_digit_limit()})")


def check_digits(digits: int, what: str = "a number") -> None:
    """Raise :class:`VtlLimitError` when a number of ``digits`` decimal digits is too long."""
    if digits > number_digit_limit():
        raise _too_many(digits, what)


def check_bits(bits: int, what: str = "a number") -> None:
    """:func:`check_digits` for a number of ``bits`` binary digits."""
    digits = int(bits * _LOG10_2) + 1
    if digits > number_digit_limit():
        raise _too_many(digits, what)


def check_product(a: Any, b: Any) -> None:
    """Raise :class:`VtlLimitError` when ``a * b`` (two Java integers, or BigDecimals) would
    be longer than ``max_number_digits``: checked before multiplying, as the product of two
    long numbers is slow to compute. Cheap for ordinary numbers."""
    ta, tb = type(a), type(b)
    if ta is int and tb is int:
        bits = a.bit_length() + b.bit_length()
        if bits > _SMALL_BITS:
            check_bits(bits, "a product")
    else:  # a BigDecimal product (a BigInteger with a Double, or any BigDecimal)
        digits = _coefficient_digits(a) + _coefficient_digits(b)
        if digits > _SMALL_DIGITS:
            check_digits(digits, "a product")


def _coefficient_digits(value: Any) -> int:
    """At least the number of digits of ``value``'s coefficient, in constant time."""
    if isinstance(value, int):  # (an int, or a BigInteger held by a values.BoxedInt)
        return int(value.bit_length() * _LOG10_2) + 1
    if type(value) is Decimal:
        # CPython's Decimal keeps 19 digits per 64-bit word, four of them inside the object:
        # its size bounds its length (``as_tuple`` would build a tuple of every digit).
        return (max(0, sys.getsizeof(value) - _DECIMAL_SIZE) // 8 + 4) * 19
    return 1100  # a double is exactly a decimal of at most 767 significant digits


_DECIMAL_SIZE = sys.getsizeof(Decimal(0))


def check_decimal_text(value: Decimal, limit: int) -> None:
    """Raise :class:`VtlLimitError` when ``value`` written without an exponent
    (``toPlainString``, ``%f``) would pass ``limit`` characters: ``1E+999999999`` is short,
    its plain text is not."""
    if value.is_finite() and value and abs(value.adjusted()) > limit:
        raise VtlLimitError(f"the plain text of this BigDecimal would exceed {limit} characters")


# -- int -> text --------------------------------------------------------------------------------


def int_text(n: int) -> str:
    """``n`` in decimal, exactly, as Java's ``BigInteger.toString()``.

    Raises:
        VtlLimitError: ``n`` has more than ``max_number_digits`` digits.
    """
    bits = n.bit_length()
    if bits <= _SMALL_BITS:
        return str(n)
    check_bits(bits, "this integer")
    text = str(_to_decimal(-n if n < 0 else n, bits))
    return "-" + text if n < 0 else text


def _to_decimal(n: int, bits: int) -> Decimal:
    """The non-negative ``n`` (at most ``bits`` long) as an exact Decimal: split at a power of
    two, convert both halves, and join them with one multiplication."""
    powers: dict[int, Decimal] = {}

    def power(shift: int) -> Decimal:  # 2**shift, shift = _CHUNK_BITS * 2**k
        p = powers.get(shift)
        if p is None:
            if shift == _CHUNK_BITS:
                p = Decimal(1 << _CHUNK_BITS)
            else:
                half = power(shift >> 1)
                p = _EXACT.multiply(half, half)
            powers[shift] = p
        return p

    def convert(m: int, width: int) -> Decimal:
        if width <= _CHUNK_BITS:
            return Decimal(m)
        shift = _CHUNK_BITS
        while shift * 2 < width:
            shift *= 2
        high = m >> shift
        low = m & ((1 << shift) - 1)
        return _EXACT.add(_EXACT.multiply(convert(high, width - shift), power(shift)), convert(low, shift))

    return convert(n, bits)


# -- text -> int --------------------------------------------------------------------------------


def int_from_digits(digits: str) -> int:
    """The value of ``digits`` (ASCII ``0``-``9`` only, no sign), however long.

    Raises:
        VtlLimitError: more than ``max_number_digits`` digits (leading zeros do not count).
    """
    if len(digits) <= _SMALL_DIGITS:
        return int(digits)
    digits = digits.lstrip("0") or "0"
    if len(digits) <= _SMALL_DIGITS:
        return int(digits)
    check_digits(len(digits), "this integer")
    powers: dict[int, int] = {}

    def power(k: int) -> int:  # 10**k, k = _SMALL_DIGITS * 2**j
        p = powers.get(k)
        if p is None:
            p = 10**k if k == _SMALL_DIGITS else power(k >> 1) ** 2
            powers[k] = p
        return p

    def convert(text: str) -> int:
        n = len(text)
        if n <= _SMALL_DIGITS:
            return int(text)
        k = _SMALL_DIGITS
        while k * 2 < n:
            k *= 2
        return convert(text[:-k]) * power(k) + convert(text[-k:])

    return convert(digits)
