"""Velocity 1.7 arithmetic: ``+ - * / %`` as ``ASTMathNode`` and ``MathUtils`` compute them.

Each operator returns the result value, or ``None`` (Java null) when an operand is not a
number (or is null) and, for ``/`` and ``%``, when the right side is zero. ``#set`` then keeps
the variable's old value.

``MathUtils`` picks a calculation base from the operand classes:

* both integral (Integer/Long/BigInteger): 64-bit ``long`` arithmetic with overflow detection
  that widens to BigInteger (Python ints are exact, but the quirks are reproduced: ``/`` and
  ``%`` truncate toward zero, ``Long.MIN_VALUE * -1`` wraps (but ``-1 * Long.MIN_VALUE`` widens), and with a BigInteger operand
  ``%`` is ``BigInteger.mod``, which is never negative);
* a Double with no BigInteger: IEEE doubles (``%`` is C ``fmod``);
* a BigInteger with a Double, or any BigDecimal: ``BigDecimal`` (``decimal.Decimal``); ``/``
  keeps the dividend's scale rounding half-down, and ``%`` throws ``ArithmeticException``.
"""

from __future__ import annotations

import decimal
import math
from decimal import Decimal
from typing import Any

from .bignum import check_product, int_text
from .doubles import to_float32
from .exceptions import java_exception
from .strings import concat_units
from .text import to_string
from .values import (
    INT_MAX,
    INT_MIN,
    INTEGRAL_SIZES,
    LONG_MAX,
    LONG_MIN,
    JavaBigInteger,
    JavaByte,
    JavaChar,
    JavaFloat,
    JavaLong,
    JavaShort,
    as_integral,
    integral_class,
)

__all__ = ["add", "sub", "mul", "div", "mod", "is_number", "compare_numbers"]

_LONG, _DOUBLE, _BIGINTEGER, _BIGDECIMAL = 0, 2, 3, 4
_EXACT = decimal.Context(
    prec=decimal.MAX_PREC, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN, traps=[decimal.InvalidOperation]
)


#: The types of integral values: ``int`` (class by magnitude) and the boxes of values.py.
INTEGRAL_TYPES = frozenset((int, JavaByte, JavaShort, JavaLong, JavaBigInteger))
_NUMBER_TYPES = INTEGRAL_TYPES | {float, Decimal, JavaFloat}


def is_number(value: Any) -> bool:
    """True for the values Java sees as a ``Number`` (not booleans)."""
    return type(value) in _NUMBER_TYPES


def _is_string(value: Any) -> bool:
    return isinstance(value, str) and type(value) is not JavaChar


def _base(a: Any, b: Any) -> int:
    """``MathUtils.findCalculationBase``."""
    ta, tb = type(a), type(b)
    if ta is Decimal or tb is Decimal:
        return _BIGDECIMAL
    a_int, b_int = ta in INTEGRAL_TYPES, tb in INTEGRAL_TYPES
    a_big = a_int and (ta is JavaBigInteger or not LONG_MIN <= a <= LONG_MAX)
    b_big = b_int and (tb is JavaBigInteger or not LONG_MIN <= b <= LONG_MAX)
    if a_int and b_int:
        return _BIGINTEGER if (a_big or b_big) else _LONG
    if a_big or b_big:
        return _BIGDECIMAL
    return _DOUBLE


def _wrap64(value: int) -> int:
    value &= 0xFFFFFFFFFFFFFFFF
    return value - (1 << 64) if value >> 63 else value


def _java_div(a: int, b: int) -> int:
    """Integer division truncating toward zero (Java ``/``)."""
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def _java_rem(a: int, b: int) -> int:
    """Remainder with the dividend's sign (Java ``%``)."""
    return a - b * _java_div(a, b)


def _to_decimal(value: Any) -> Decimal:
    """``MathUtils.toBigDecimal``: exact, as ``new BigDecimal(double)``."""
    if type(value) is Decimal:
        return value
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise java_exception("java.lang.NumberFormatException", "Infinite or NaN")
        return Decimal(value).copy_abs() if value == 0 else Decimal(value)
    if value.bit_length() > 4096:  # Decimal(int) is quadratic; its digits are read linearly
        return Decimal(int_text(int(value)))
    return Decimal(value)


def _clean(value: Decimal) -> Decimal:
    return value.copy_abs() if not value else value


def _fmod(a: float, b: float) -> float:
    try:
        return math.fmod(a, b)
    except ValueError:  # fmod(inf, y): Java gives NaN
        return math.nan


def _is_zero(value: Any) -> bool:
    """``MathUtils.isZero`` (NaN is not zero; 0.0 and -0.0 are)."""
    return value == 0


def _divide_half_down(a: Decimal, b: Decimal) -> Decimal:
    """``a.divide(b, ROUND_HALF_DOWN)``: the quotient at ``a``'s scale, ties toward zero."""
    _, a_digits, a_exp = a.as_tuple()
    _, b_digits, b_exp = b.as_tuple()
    num = int(a.scaleb(-a_exp, _EXACT))  # unscaled value of a
    den = int(b.scaleb(-b_exp, _EXACT))
    # result * 10**a_exp = (num * 10**a_exp) / (den * 10**b_exp)  =>  result = num / (den * 10**b_exp)
    if b_exp >= 0:
        den *= 10**b_exp
    else:
        num *= 10 ** (-b_exp)
    negative = (num < 0) != (den < 0)
    q, r = divmod(abs(num), abs(den))
    if 2 * r > abs(den):
        q += 1
    result = Decimal((1 if negative and q else 0, tuple(int(c) for c in str(q)), a_exp))
    return result


def _arith(op: str, a: Any, b: Any) -> Any:
    base = _base(a, b)
    if base == _LONG:
        # MathUtils.wrapPrimitive: the result has the wider operand's class (widened to fit).
        # Two plain Integers give what the magnitude says, a plain int.
        wider = None
        if type(a) is not int or type(b) is not int or not (
                INT_MIN <= a <= INT_MAX and INT_MIN <= b <= INT_MAX):
            left, right = integral_class(a), integral_class(b)
            wider = left if INTEGRAL_SIZES[left] > INTEGRAL_SIZES[right] else right
            a, b = int(a), int(b)
        if op == "+":
            r = a + b
        elif op == "-":
            r = a - b
        elif op == "*":
            r = _wrap64(a * b)
            if b != 0 and _wrap64(_java_div(r, b)) != a:
                return a * b  # (a BigInteger, as its magnitude says)
        elif op == "/":
            r = _wrap64(_java_div(a, b))
        else:
            r = _java_rem(a, b)
        if wider is None or not LONG_MIN <= r <= LONG_MAX:
            return r  # (beyond a Long: the overflow MathUtils redoes with BigIntegers)
        return as_integral(r, wider)
    if base == _BIGINTEGER:
        a, b = int(a), int(b)
        if op == "+":
            r = a + b
        elif op == "-":
            r = a - b
        elif op == "*":
            check_product(a, b)
            r = a * b
        elif op == "/":
            r = _java_div(a, b)
        else:
            if b < 0:
                raise java_exception("java.lang.ArithmeticException", "BigInteger: modulus not positive")
            r = a % b
        return as_integral(r, "BigInteger")  # a BigInteger result stays one, however small
    if base == _DOUBLE and type(a) is not float and type(b) is not float:
        # MathUtils' Float base: both operands as floats (floatValue()), a Float result
        x, y = to_float32(a), to_float32(b)
        return JavaFloat(to_float32(_double_op(op, x, y)))
    if base == _DOUBLE:
        return _double_op(op, float(a), float(b))
    x, y = _to_decimal(a), _to_decimal(b)
    if op == "+":
        return _clean(_EXACT.add(x, y))
    if op == "-":
        return _clean(_EXACT.subtract(x, y))
    if op == "*":
        check_product(x, y)
        return _clean(_EXACT.multiply(x, y))
    if op == "/":
        return _clean(_divide_half_down(x, y))
    raise java_exception("java.lang.ArithmeticException", "Cannot calculate the modulo of BigDecimals.")


def _double_op(op: str, x: float, y: float) -> float:
    if op == "+":
        return x + y
    if op == "-":
        return x - y
    if op == "*":
        return x * y
    if op == "/":
        return x / y
    return _fmod(x, y)


def add(a: Any, b: Any, left_text: str | None = None, right_text: str | None = None) -> Any:
    """``a + b``: string concatenation if either side is a String, else numeric addition.

    With a String on one side and null on the other, Velocity concatenates the *source text*
    of the null operand (``$undefined + 'x'`` gives ``$undefinedx``); pass it as
    ``left_text``/``right_text`` (``"null"`` is used when it is not given).
    """
    if _is_string(a) or _is_string(b):
        left = (left_text if left_text is not None else "null") if a is None else to_string(a)
        right = (right_text if right_text is not None else "null") if b is None else to_string(b)
        return concat_units(left, right)
    if not (is_number(a) and is_number(b)):
        return None
    return _arith("+", a, b)


def sub(a: Any, b: Any) -> Any:
    """``a - b`` (None unless both are numbers)."""
    if not (is_number(a) and is_number(b)):
        return None
    return _arith("-", a, b)


def mul(a: Any, b: Any) -> Any:
    """``a * b`` (None unless both are numbers)."""
    if not (is_number(a) and is_number(b)):
        return None
    return _arith("*", a, b)


def div(a: Any, b: Any) -> Any:
    """``a / b``: integer division truncates; None for a zero divisor or non-numbers."""
    if not (is_number(a) and is_number(b)) or _is_zero(b):
        return None
    return _arith("/", a, b)


def mod(a: Any, b: Any) -> Any:
    """``a % b``: the remainder has the dividend's sign; None for a zero divisor or non-numbers."""
    if not (is_number(a) and is_number(b)) or _is_zero(b):
        return None
    return _arith("%", a, b)


def compare_numbers(a: Any, b: Any) -> int:
    """``MathUtils.compare``: -1, 0 or 1 (a NaN compares equal to everything)."""
    base = _base(a, b)
    if base == _LONG or base == _BIGINTEGER:
        return (a > b) - (a < b)
    if base == _DOUBLE:
        x, y = float(a), float(b)
        if x < y:
            return -1
        return 1 if x > y else 0
    x, y = _to_decimal(a), _to_decimal(b)
    return (x > y) - (x < y)
