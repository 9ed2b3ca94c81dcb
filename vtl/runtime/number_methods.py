"""The allow-listed methods of numbers, booleans and characters (Integer, Long, Short,
Byte, BigInteger, Double, Float, BigDecimal, Boolean, Character) and their statics."""

from __future__ import annotations

import decimal
import math
import re
import struct
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from ..errors import JavaException, VtlLimitError
from .bignum import (
    check_bits,
    check_decimal_text,
    check_digits,
    check_product,
    int_from_digits,
    int_text,
)
from .budgets import string_limit
from .doubles import double_to_hex_string, to_float32
from .exceptions import java_exception
from .hashing import java_hash
from .method_support import (
    _KINDS,
    _NPE_CALL,
    NFE,
    Impl,
    Table,
    _compare_to,
    _d2i,
    _n_compare_to,
    _npe,
    _to_double,
    _wrap32,
    _wrap64,
)
from .strings import (
    java_is_whitespace,
    java_trim,
    simple_lower,
    simple_upper,
    to_units,
)
from .text import to_string
from .values import (
    INT_MAX,
    INT_MIN,
    LONG_MAX,
    LONG_MIN,
    JavaArray,
    JavaBigInteger,
    JavaByte,
    JavaChar,
    JavaFloat,
    JavaShort,
    as_integral,
    java_class_name,
)

# -- numbers, booleans, characters ------------------------------------------------------------


def _parse_int(text: str | None, radix: int, lo: int, hi: int) -> int:
    if text is None:
        raise java_exception(NFE, "Cannot parse null string")
    if not 2 <= radix <= 36:
        raise java_exception(NFE, f"radix {radix} {'less than Character.MIN_RADIX' if radix < 2 else 'greater than Character.MAX_RADIX'}")
    suffix = "" if radix == 10 else f" under radix {radix}"
    bad = java_exception(NFE, f'For input string: "{text}"{suffix}')
    if not text:
        raise bad
    i, negative = 0, False
    if text[0] in "+-":
        negative = text[0] == "-"
        i = 1
        if len(text) == 1:
            raise bad
    value = 0
    for ch in text[i:]:
        d = _digit(ch, radix)
        if d < 0:
            raise bad
        if value <= -lo:  # past the range already: only the digits are still checked
            value = value * radix + d
    value = -value if negative else value
    if not lo <= value <= hi:
        raise bad
    return value


def _decode(text: str | None, lo: int, hi: int) -> int:
    """``Integer.decode``/``Long.decode``: a sign, then ``0x``, ``0X`` or ``#`` (hexadecimal),
    a leading ``0`` (octal) or decimal digits."""
    if text is None:
        raise _npe('Cannot invoke "String.isEmpty()" because "nm" is null')
    if not text:
        raise java_exception(NFE, "Zero length string")
    index, negative = 0, text[0] == "-"
    if text[0] in "+-":
        index = 1
    radix = 10
    if text.startswith(("0x", "0X"), index):
        index, radix = index + 2, 16
    elif text.startswith("#", index):
        index, radix = index + 1, 16
    elif text.startswith("0", index) and len(text) > index + 1:
        index, radix = index + 1, 8
    if text.startswith(("-", "+"), index):
        raise java_exception(NFE, "Sign character in wrong position")
    return _parse_int(("-" if negative else "") + text[index:], radix, lo, hi)


def _parse_unsigned(text: str | None, radix: int, bits: int) -> int:
    """``Integer.parseUnsignedInt``/``Long.parseUnsignedLong``: the value as a signed one."""
    if text is None:
        raise java_exception(NFE, "Cannot parse null string")
    if not text:
        raise java_exception(NFE, 'For input string: ""' + ("" if radix == 10 else f" under radix {radix}"))
    if text[0] == "-":
        raise java_exception(NFE, f"Illegal leading minus sign on unsigned string {text}.")
    short, long_ = (5, 9) if bits == 32 else (12, 18)
    if len(text) <= short or (radix == 10 and len(text) <= long_):
        if bits == 32:
            return _parse_int(text, radix, INT_MIN, INT_MAX)
        return _as_long(_parse_int(text, radix, LONG_MIN, LONG_MAX))
    if bits == 32:
        value = _parse_int(text, radix, LONG_MIN, LONG_MAX)
        if value >> 32:
            raise java_exception(NFE, f"String value {text} exceeds range of unsigned int.")
        return _wrap32(value)
    first = _parse_char_sequence(text[:-1], radix)
    second = _digit(text[-1], radix)
    if second < 0:
        raise java_exception(NFE, f"Bad digit at end of {text}")
    value = first * radix + second
    if value >> 64:
        raise java_exception(NFE, f"String value {text} exceeds range of unsigned long.")
    return _as_long(_wrap64(value))


def _parse_char_sequence(text: str, radix: int) -> int:
    """``Long.parseLong(CharSequence, begin, end, radix)`` over all of ``text``, whose errors
    say where they are (``Error at index 3 in: "12x4"``)."""
    def bad(i: int) -> JavaException:
        return java_exception(NFE, f'Error at index {i} in: "{text}"')

    start, negative = 0, False
    if text[0] < "0":
        if text[0] not in "+-":
            raise bad(0)
        negative, start = text[0] == "-", 1
        if start >= len(text):
            raise bad(start)
    value = 0
    for i in range(start, len(text)):
        d = _digit(text[i], radix)
        if d < 0:
            raise bad(i)
        value = value * radix + d
        if value > LONG_MAX + negative:
            raise bad(i)
    return -value if negative else value


def _digit(ch: str, radix: int) -> int:
    """``Character.digit(ch, radix)``."""
    d = unicodedata.decimal(ch, -1)
    if d < 0:
        o = ord(ch)
        if 0x41 <= o <= 0x5A or 0x61 <= o <= 0x7A:
            d = (o | 0x20) - 0x61 + 10
        elif 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A:
            d = ((o - 0xFF21) & 0x1F) + 10
    return d if 0 <= d < radix else -1


# Java's FloatingDecimal syntax: decimal or hex floats, NaN, Infinity, optional d/f suffix.
_DOUBLE_RE = re.compile(
    r"[+-]?(?:NaN|Infinity|(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
    r"|0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+)[fFdD]?)",
    re.ASCII,
)


def _parse_double(text: str | None) -> float:
    """``Double.parseDouble``: Java's float syntax (trimmed; ``NaN``, ``Infinity``, suffixes)."""
    if text is None:
        raise _npe(_NPE_CALL.format("String.trim()", "in"))
    s = java_trim(text)
    if not s:
        raise java_exception(NFE, "empty String")
    if not _DOUBLE_RE.fullmatch(s):
        raise java_exception(NFE, f'For input string: "{text}"')
    body = s.rstrip("fFdD") if not s.endswith("NaN") and not s.endswith("Infinity") else s
    if "x" in body or "X" in body:
        sign = -1.0 if body.startswith("-") else 1.0
        return sign * float.fromhex(body.lstrip("+-"))
    if body.lstrip("+-") == "NaN":
        return math.nan
    if body.lstrip("+-") == "Infinity":
        return -math.inf if body.startswith("-") else math.inf
    return float(body)


def _parse_boolean(text: str | None) -> bool:
    return text is not None and text.lower() == "true"


def _n_int_value(n: Any) -> int:
    if isinstance(n, float):
        return _d2i(n, INT_MIN, INT_MAX)
    if type(n) is Decimal:
        return _wrap32(_decimal_low_bits(n))
    return _wrap32(n)


#: ``Number.intValue()`` of any Java number (a Long or BigInteger wraps to 32 bits, a Double
#: saturates).
int_value = _n_int_value


def _n_long_value(n: Any) -> int:
    if isinstance(n, float):
        return _d2i(n, LONG_MIN, LONG_MAX)
    if type(n) is Decimal:
        return _wrap64(_decimal_low_bits(n))
    return _wrap64(n)


def _decimal_low_bits(n: Decimal) -> int:
    """The integer part of ``n``, or for a long one that part modulo 2**64 (all that
    ``intValue``/``longValue`` keep): ``int(n)`` of ``1E+999999999`` would take minutes."""
    if not n.is_finite() or n.adjusted() < 600:
        return int(n) if n.is_finite() else 0
    sign, digits, exp = n.as_tuple()
    text = "".join(map(str, digits))
    if exp < 0:
        return (-1 if sign else 1) * int_from_digits(text[:exp])
    low = int_from_digits(text) * pow(10, exp, 1 << 64) % (1 << 64)
    return -low if sign else low


def _n_double_value(n: Any) -> float:
    if isinstance(n, float):
        return float(n)
    return _to_double(int(n)) if type(n) is int else float(n)


def _same_number_class(a: Any, b: Any) -> bool:
    return java_class_name(a) == java_class_name(b)


def _integer_to_string(value: int, radix: int = 10) -> str:
    if not 2 <= radix <= 36:
        radix = 10
    if radix == 10:
        return int_text(value)
    sign = "-" if value < 0 else ""
    n = abs(value)
    if radix in _POWER_RADIX:
        return sign + format(n, _POWER_RADIX[radix])
    if radix & (radix - 1) == 0:  # 4 or 32: regroup the bits, linear time
        return sign + _power_of_two_text(n, radix)
    check_bits(n.bit_length() * _SLOW_RADIX_COST, "the text of this integer in radix " + str(radix))
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    # peel several digits per division (a divisor below 2**30 divides in one pass)
    per = 1
    while radix ** (per + 1) < 1 << 30:
        per += 1
    chunk = radix**per
    out = []
    while True:
        n, r = divmod(n, chunk)
        for _ in range(per):
            r, d = divmod(r, radix)
            out.append(digits[d])
        if not n:
            break
    text = "".join(reversed(out)).lstrip("0") or "0"
    return sign + text


_POWER_RADIX = {2: "b", 8: "o", 16: "x"}
#: toString(radix) for a radix that is no power of two takes quadratic time: it may handle
#: numbers 1/_SLOW_RADIX_COST as long as ``max_number_digits`` allows.
_SLOW_RADIX_COST = 10


def _power_of_two_text(n: int, radix: int) -> str:
    """``n`` in radix 4 or 32 (lower-case letters), from its binary text."""
    width = radix.bit_length() - 1
    bits = format(n, "b")
    bits = "0" * (-len(bits) % width) + bits
    digits = "0123456789abcdefghijklmnopqrstuv"
    return "".join(digits[int(bits[i:i + width], 2)] for i in range(0, len(bits), width))


_NUMBER_COMMON: Table = {
    "compareTo": [(("Object",), _compare_to)],
    "intValue": [((), _n_int_value)],
    "longValue": [((), lambda n: as_integral(_n_long_value(n), "Long"))],
    "doubleValue": [((), _n_double_value)],
    "floatValue": [((), lambda n: JavaFloat(to_float32(n)))],
    # (short)/(byte) casts: a double goes through int first (and saturates there)
    "shortValue": [((), lambda n: JavaShort(((_n_int_value(n) + 0x8000) & 0xFFFF) - 0x8000))],
    "byteValue": [((), lambda n: JavaByte(((_n_int_value(n) + 0x80) & 0xFF) - 0x80))],
}


def _unsigned_string(value: int, bits: int, shift: int) -> str:
    """``Integer.toHexString`` and friends: two's complement, no leading zeros."""
    value &= (1 << bits) - 1
    digits = "0123456789abcdef"
    out = []
    mask = (1 << shift) - 1
    while True:
        out.append(digits[value & mask])
        value >>= shift
        if not value:
            break
    return "".join(reversed(out))


def _signum(value: int) -> int:
    return (value > 0) - (value < 0)


def _as_long(value: int) -> int:
    """A ``long`` result boxed as a Long (a small one is still a Long)."""
    return as_integral(value, "Long")


def _integral_statics(kind: str, bits: int) -> Table:
    wrap = _wrap32 if bits == 32 else lambda v: _as_long(_wrap64(v))
    same = (lambda v: v) if bits == 32 else _as_long  # max/min return their own kind
    return {
        "toBinaryString": [((kind,), lambda _, v: _unsigned_string(v, bits, 1))],
        "toOctalString": [((kind,), lambda _, v: _unsigned_string(v, bits, 3))],
        "toHexString": [((kind,), lambda _, v: _unsigned_string(v, bits, 4))],
        "sum": [((kind, kind), lambda _, a, b: wrap(a + b))],
        "compare": [((kind, kind), lambda _, a, b: (a > b) - (a < b))],
        "signum": [((kind,), lambda _, v: _signum(v))],
        "bitCount": [((kind,), lambda _, v: bin(v & ((1 << bits) - 1)).count("1"))],
        "max": [((kind, kind), lambda _, a, b: same(int(max(a, b))))],
        "min": [((kind, kind), lambda _, a, b: same(int(min(a, b))))],
        "hashCode": [((kind,), lambda _, v: java_hash(v))],
        **_bit_statics(kind, bits),
    }


def _bit_statics(kind: str, bits: int) -> Table:
    """``Integer``/``Long`` bit twiddling and unsigned arithmetic."""
    mask = (1 << bits) - 1
    wrap = _wrap32 if bits == 32 else lambda v: _as_long(_wrap64(v))

    def rotate(v: int, d: int) -> int:
        u, d = v & mask, d & (bits - 1)
        return wrap((u << d) | (u >> (bits - d)))

    def divide(a: int, b: int, rem: bool = False) -> int:
        if b == 0:
            raise java_exception("java.lang.ArithmeticException", "/ by zero")
        ua, ub = a & mask, b & mask
        return wrap(ua % ub if rem else ua // ub)

    return {
        "highestOneBit": [((kind,), lambda _, v: wrap(1 << ((v & mask).bit_length() - 1) if v else 0))],
        "lowestOneBit": [((kind,), lambda _, v: wrap(v & -v))],
        "numberOfLeadingZeros": [((kind,), lambda _, v: bits - (v & mask).bit_length())],
        "numberOfTrailingZeros": [((kind,), lambda _, v: ((v & -v) & mask).bit_length() - 1 if v else bits)],
        "reverse": [((kind,), lambda _, v: wrap(int(format(v & mask, f"0{bits}b")[::-1], 2)))],
        "reverseBytes": [((kind,), lambda _, v: wrap(int.from_bytes((v & mask).to_bytes(bits // 8, "big"), "little")))],
        "rotateLeft": [((kind, "int"), lambda _, v, d: rotate(v, d))],
        "rotateRight": [((kind, "int"), lambda _, v, d: rotate(v, -d))],
        "toUnsignedString": [((kind,), lambda _, v: str(v & mask)),
                             ((kind, "int"), lambda _, v, r: _integer_to_string(v & mask, r))],
        "compareUnsigned": [((kind, kind), lambda _, a, b: ((a & mask) > (b & mask)) - ((a & mask) < (b & mask)))],
        "divideUnsigned": [((kind, kind), lambda _, a, b: divide(a, b))],
        "remainderUnsigned": [((kind, kind), lambda _, a, b: divide(a, b, True))],
    }


def _double_bits(d: float, canonical: bool = False) -> int:
    """``Double.doubleToRawLongBits`` (``doubleToLongBits`` with ``canonical``: every NaN is
    0x7ff8000000000000)."""
    if canonical and d != d:
        return 0x7FF8000000000000
    return struct.unpack("<q", struct.pack("<d", d))[0]


def _double_compare(_: Any, a: float, b: float) -> int:
    return _n_compare_to(float(a), float(b))


def _double_max(_: Any, a: float, b: float, sign: int = 1) -> float:
    """``Double.max``/``Double.min`` (``sign`` -1): NaN wins, and 0.0 is above -0.0."""
    a, b = float(a), float(b)
    if a != a or b != b:
        return math.nan
    if a == b:
        return a if (math.copysign(1.0, a) > math.copysign(1.0, b)) == (sign > 0) else b
    return a if (a > b) == (sign > 0) else b


INTEGER_METHODS: Table = {
    **_NUMBER_COMMON,
    **_integral_statics("int", 32),
    "parseInt": [(("String",), lambda _, s: _parse_int(s, 10, INT_MIN, INT_MAX)),
                 (("String", "int"), lambda _, s, r: _parse_int(s, r, INT_MIN, INT_MAX))],
    "valueOf": [(("String",), lambda _, s: _parse_int(s, 10, INT_MIN, INT_MAX)),
                (("int",), lambda _, i: i),
                (("String", "int"), lambda _, s, r: _parse_int(s, r, INT_MIN, INT_MAX))],
    "toString": [((), str), (("int",), lambda _, i: str(i)),
                 (("int", "int"), lambda _, i, r: _integer_to_string(i, r))],
    "decode": [(("String",), lambda _, s: _decode(s, INT_MIN, INT_MAX))],
    "parseUnsignedInt": [(("String",), lambda _, s: _parse_unsigned(s, 10, 32)),
                         (("String", "int"), lambda _, s, r: _parse_unsigned(s, r, 32))],
    "toUnsignedLong": [(("int",), lambda _, i: _as_long(i & 0xFFFFFFFF))],
}

LONG_METHODS: Table = {
    **_NUMBER_COMMON,
    **_integral_statics("long", 64),
    "parseLong": [(("String",), lambda _, s: _as_long(_parse_int(s, 10, LONG_MIN, LONG_MAX))),
                  (("String", "int"), lambda _, s, r: _as_long(_parse_int(s, r, LONG_MIN, LONG_MAX)))],
    "valueOf": [(("String",), lambda _, s: _as_long(_parse_int(s, 10, LONG_MIN, LONG_MAX))),
                (("long",), lambda _, i: _as_long(int(i))),
                (("String", "int"), lambda _, s, r: _as_long(_parse_int(s, r, LONG_MIN, LONG_MAX)))],
    "toString": [((), str), (("long",), lambda _, i: str(i)),
                 (("long", "int"), lambda _, i, r: _integer_to_string(int(i), r))],
    "decode": [(("String",), lambda _, s: _as_long(_decode(s, LONG_MIN, LONG_MAX)))],
    "parseUnsignedLong": [(("String",), lambda _, s: _parse_unsigned(s, 10, 64)),
                          (("String", "int"), lambda _, s, r: _parse_unsigned(s, r, 64))],
}

SHORT_METHODS: Table = {**_NUMBER_COMMON, "toString": [((), str)]}
BYTE_METHODS: Table = SHORT_METHODS

def _big_integer_op(op: Callable[[int, int], int]) -> Impl:
    """``BigInteger.add`` and the like: a BigInteger argument (null throws) and result."""

    def call(a: int, b: Any) -> int:
        if b is None:
            raise _npe('Cannot read field "signum" because "val" is null')
        return as_integral(op(int(a), int(b)), "BigInteger")

    return call


def _big_integer_product(a: int, b: int) -> int:
    check_product(a, b)
    return a * b


_AE = "java.lang.ArithmeticException"
_NPE_MAG = 'Cannot read field "mag" because "val" is null'
_NPE_SIGNUM = 'Cannot read field "signum" because "{}" is null'
_NPE_INT_LENGTH = _NPE_CALL.format("java.math.BigInteger.intLength()", "val")


def _big(value: int) -> int:
    return as_integral(value, "BigInteger")


def _big_arg(npe: str, op: Callable[..., Any]) -> Impl:
    """A BigInteger method of one BigInteger argument: null throws ``npe``."""

    def call(a: Any, b: Any) -> Any:
        if b is None:
            raise _npe(npe)
        return op(int(a), int(b))

    return call


def _big_quotient(a: int, b: int) -> int:
    """``BigInteger.divide``: truncated toward zero."""
    if b == 0:
        raise java_exception(_AE, "BigInteger divide by zero")
    q = abs(a) // abs(b)
    return -q if (a < 0) != (b < 0) else q


def _big_remainder(a: int, b: int) -> int:
    return a - _big_quotient(a, b) * b


def _positive_modulus(m: int) -> None:
    if m <= 0:
        raise java_exception(_AE, "BigInteger: modulus not positive")


#: The longest operands (in bits) of ``modPow`` and ``isProbablePrime``: a 4096-bit modular
#: power takes Python about 0.3 s, and it cannot be interrupted.
_MOD_POW_BITS = 4096
_PRIME_BITS = 2048


def _check_work(bits: int, limit: int, what: str) -> None:
    if bits > limit:
        raise VtlLimitError(f"{what} of a {bits}-bit number is limited to {limit} bits")


def _big_mod_pow(a: Any, e: Any, m: Any) -> int:
    if e is None or m is None:
        raise _npe(_NPE_SIGNUM.format("exponent" if e is None else "m"))
    a, e, m = int(a), int(e), int(m)
    _positive_modulus(m)
    _check_work(max(e.bit_length(), m.bit_length()), _MOD_POW_BITS, "BigInteger.modPow")
    if e < 0:
        return _big(pow(_big_mod_inverse(a, m), -e, m))
    return _big(pow(a, e, m))


def _big_mod_inverse(a: int, m: int) -> int:
    _positive_modulus(m)
    if m == 1:
        return 0
    try:
        return pow(a, -1, m)
    except ValueError:
        raise java_exception(_AE, "BigInteger not invertible.") from None


def _big_pow(a: int, n: int) -> int:
    if n < 0:
        raise java_exception(_AE, "Negative exponent")
    check_bits(a.bit_length() * n, "a power")
    return _big(a**n)


def _big_shift(a: int, n: int) -> int:
    """``shiftLeft(n)`` (``shiftRight(n)`` is ``shiftLeft(-n)``): a floor shift for negatives."""
    if n > 0:
        check_bits(a.bit_length() + n, "a shifted number")
        return _big(a << n)
    return _big(a >> -n)


def _bit_index(n: int) -> int:
    if n < 0:
        raise java_exception(_AE, "Negative bit address")
    check_bits(n, "a bit index")
    return n


def _big_exact(a: int, name: str, lo: int, hi: int, box: Callable[[int], Any]) -> Any:
    """``intValueExact`` and the like: the value, or ArithmeticException when out of range."""
    if not lo <= a <= hi:
        raise java_exception(_AE, f"BigInteger out of {name} range")
    return box(a)


def _big_to_byte_array(a: int) -> JavaArray:
    data = int(a).to_bytes(int(a).bit_length() // 8 + 1, "big", signed=True)
    return JavaArray([JavaByte(b - 256 if b > 127 else b) for b in data], "byte")


def _big_divide_and_remainder(a: int, b: int) -> JavaArray:
    return JavaArray([_big(_big_quotient(a, b)), _big(_big_remainder(a, b))], "java.math.BigInteger")


def _big_sqrt(a: int) -> int:
    if a < 0:
        raise java_exception(_AE, "Negative BigInteger")
    return _big(math.isqrt(a))


def _big_bit_count(a: int) -> int:
    return bin(a if a >= 0 else ~a).count("1")


_SMALL_PRIMES = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71)


def _is_probable_prime(a: int, certainty: int) -> bool:
    """``BigInteger.isProbablePrime``: true for a certainty of 0 or less; else Miller-Rabin
    over the first 20 primes (exact far beyond a Long) on the absolute value."""
    if certainty <= 0:
        return True
    n = abs(int(a))
    if n < 2:
        return False
    _check_work(n.bit_length(), _PRIME_BITS, "BigInteger.isProbablePrime")
    for p in _SMALL_PRIMES:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while not d & 1:
        d, s = d >> 1, s + 1
    for base in _SMALL_PRIMES:
        x = pow(base, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


_BIG_EXTRA: Table = {
    "isProbablePrime": [(("int",), _is_probable_prime)],
    "divide": [(("BigInteger",), _big_arg(_NPE_MAG, lambda a, b: _big(_big_quotient(a, b))))],
    "remainder": [(("BigInteger",), _big_arg(_NPE_MAG, lambda a, b: _big(_big_remainder(a, b))))],
    "divideAndRemainder": [(("BigInteger",), _big_arg(_NPE_MAG, _big_divide_and_remainder))],
    "mod": [(("BigInteger",), _big_arg(_NPE_SIGNUM.format("m"),
                                       lambda a, m: _positive_modulus(m) or _big(a % m)))],
    "modInverse": [(("BigInteger",), _big_arg(_NPE_SIGNUM.format("m"), lambda a, m: _big(_big_mod_inverse(a, m))))],
    "modPow": [(("BigInteger", "BigInteger"), _big_mod_pow)],
    "gcd": [(("BigInteger",), _big_arg(_NPE_SIGNUM.format("val"), lambda a, b: _big(math.gcd(a, b))))],
    "max": [(("BigInteger",), _big_arg(_NPE_SIGNUM.format("val"), lambda a, b: _big(max(a, b))))],
    "min": [(("BigInteger",), _big_arg(_NPE_SIGNUM.format("val"), lambda a, b: _big(min(a, b))))],
    "and": [(("BigInteger",), _big_arg(_NPE_INT_LENGTH, lambda a, b: _big(a & b)))],
    "or": [(("BigInteger",), _big_arg(_NPE_INT_LENGTH, lambda a, b: _big(a | b)))],
    "xor": [(("BigInteger",), _big_arg(_NPE_INT_LENGTH, lambda a, b: _big(a ^ b)))],
    "andNot": [(("BigInteger",), _big_arg(_NPE_INT_LENGTH, lambda a, b: _big(a & ~b)))],
    "not": [((), lambda a: _big(~int(a)))],
    "pow": [(("int",), lambda a, n: _big_pow(int(a), n))],
    "shiftLeft": [(("int",), lambda a, n: _big_shift(int(a), n))],
    "shiftRight": [(("int",), lambda a, n: _big_shift(int(a), -n))],
    "testBit": [(("int",), lambda a, n: bool((int(a) >> _bit_index(n)) & 1))],
    "setBit": [(("int",), lambda a, n: _big(int(a) | (1 << _bit_index(n))))],
    "clearBit": [(("int",), lambda a, n: _big(int(a) & ~(1 << _bit_index(n))))],
    "flipBit": [(("int",), lambda a, n: _big(int(a) ^ (1 << _bit_index(n))))],
    "getLowestSetBit": [((), lambda a: (int(a) & -int(a)).bit_length() - 1)],
    "bitCount": [((), lambda a: _big_bit_count(int(a)))],
    "sqrt": [((), lambda a: _big_sqrt(int(a)))],
    "intValueExact": [((), lambda a: _big_exact(int(a), "int", INT_MIN, INT_MAX, int))],
    "longValueExact": [((), lambda a: _big_exact(int(a), "long", LONG_MIN, LONG_MAX, _as_long))],
    "shortValueExact": [((), lambda a: _big_exact(int(a), "short", -0x8000, 0x7FFF, JavaShort))],
    "byteValueExact": [((), lambda a: _big_exact(int(a), "byte", -0x80, 0x7F, JavaByte))],
    "toByteArray": [((), _big_to_byte_array)],
    "valueOf": [(("long",), lambda _, v: _big(int(v)))],
}


BIGINTEGER_METHODS: Table = {
    **_NUMBER_COMMON,
    "toString": [((), int_text), (("int",), lambda v, r: _integer_to_string(v, r))],
    "signum": [((), _signum)],
    "abs": [((), lambda v: as_integral(abs(int(v)), "BigInteger"))],
    "negate": [((), lambda v: as_integral(-int(v), "BigInteger"))],
    "add": [(("BigInteger",), _big_integer_op(lambda a, b: a + b))],
    "subtract": [(("BigInteger",), _big_integer_op(lambda a, b: a - b))],
    "multiply": [(("BigInteger",), _big_integer_op(_big_integer_product))],
    "bitLength": [((), lambda v: (v if v >= 0 else ~v).bit_length())],
    **_BIG_EXTRA,
}
_KINDS["BigInteger"] = lambda v: v is None or type(v) is JavaBigInteger or (
    type(v) is int and not LONG_MIN <= v <= LONG_MAX)

DOUBLE_METHODS: Table = {
    **_NUMBER_COMMON,
    "isNaN": [((), lambda d: d != d), (("double",), lambda _, d: d != d)],
    "isInfinite": [((), lambda d: d in (math.inf, -math.inf)),
                   (("double",), lambda _, d: float(d) in (math.inf, -math.inf))],
    "isFinite": [(("double",), lambda _, d: math.isfinite(float(d)))],
    "compare": [(("double", "double"), _double_compare)],
    "sum": [(("double", "double"), lambda _, a, b: float(a) + float(b))],
    "max": [(("double", "double"), _double_max)],
    "min": [(("double", "double"), lambda _, a, b: _double_max(_, a, b, -1))],
    "hashCode": [(("double",), lambda _, d: java_hash(float(d)))],
    "parseDouble": [(("String",), lambda _, s: _parse_double(s))],
    "valueOf": [(("String",), lambda _, s: _parse_double(s)), (("double",), lambda _, d: float(d))],
    "toString": [((), to_string), (("double",), lambda _, d: to_string(float(d)))],
    "toHexString": [(("double",), lambda _, d: double_to_hex_string(float(d)))],
    "doubleToLongBits": [(("double",), lambda _, d: _as_long(_double_bits(float(d), canonical=True)))],
    "doubleToRawLongBits": [(("double",), lambda _, d: _as_long(_double_bits(float(d))))],
    "longBitsToDouble": [(("long",), lambda _, b: struct.unpack("<d", struct.pack("<q", int(b)))[0])],
}

def _float(value: Any) -> JavaFloat:
    return JavaFloat(to_float32(float(value)))


def _float_to_hex_string(value: Any) -> str:
    """``Float.toHexString``: a subnormal float is written with the exponent -126."""
    f = float(_float(value))
    if f != 0.0 and abs(f) < 2.0 ** -126:
        return re.sub("p-1022$", "p-126", double_to_hex_string(math.ldexp(f, -896)))
    return double_to_hex_string(f)


FLOAT_METHODS: Table = {
    **_NUMBER_COMMON,
    "isNaN": [((), lambda f: f != f)],
    "isInfinite": [((), lambda f: f in (math.inf, -math.inf))],
    "toString": [((), to_string), (("float",), lambda _, f: to_string(_float(f)))],
    "sum": [(("float", "float"), lambda _, a, b: _float(_float(a) + _float(b)))],
    "max": [(("float", "float"), lambda _, a, b: _float(_double_max(_, _float(a), _float(b))))],
    "min": [(("float", "float"), lambda _, a, b: _float(_double_max(_, _float(a), _float(b), -1)))],
    "compare": [(("float", "float"), lambda _, a, b: _n_compare_to(float(_float(a)), float(_float(b))))],
    "hashCode": [(("float",), lambda _, f: java_hash(_float(f)))],
    "toHexString": [(("float",), lambda _, f: _float_to_hex_string(f))],
    "parseFloat": [(("String",), lambda _, text: _float(_parse_double(text)))],
    "valueOf": [(("String",), lambda _, text: _float(_parse_double(text))), (("float",), lambda _, f: _float(f))],
}

def _plain_decimal(d: Decimal) -> str:
    """``BigDecimal.toPlainString``: no exponent, however many zeros that takes."""
    check_decimal_text(d, string_limit())
    return format(d, "f")


_EXACT = decimal.Context(prec=decimal.MAX_PREC, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)
#: BigDecimal's int rounding modes (ROUND_UNNECESSARY, 7, is checked apart).
_ROUNDINGS = {0: decimal.ROUND_UP, 1: decimal.ROUND_DOWN, 2: decimal.ROUND_CEILING, 3: decimal.ROUND_FLOOR,
              4: decimal.ROUND_HALF_UP, 5: decimal.ROUND_HALF_DOWN, 6: decimal.ROUND_HALF_EVEN, 7: decimal.ROUND_DOWN}
_NPE_FIELD_OF = 'Cannot read field "{}" because "{}" is null'


def _bd(d: Decimal) -> Decimal:
    """A BigDecimal result: Java has no negative zero."""
    return d.copy_abs() if not d else d


def _scale(d: Decimal) -> int:
    return -d.as_tuple().exponent


def _dec_arg(field: str, name: str, op: Callable[[Decimal, Decimal], Any]) -> Impl:
    """A BigDecimal method of one BigDecimal argument: null throws Java's NPE."""

    def call(a: Decimal, b: Any) -> Any:
        if b is None:
            raise _npe(_NPE_FIELD_OF.format(field, name))
        return op(a, b)

    return call


def _rounding(mode: int) -> str:
    if mode not in _ROUNDINGS:
        raise java_exception("java.lang.IllegalArgumentException", "Invalid rounding mode")
    return _ROUNDINGS[mode]


def _rescale(d: Decimal, scale: int, mode: int = 7) -> Decimal:
    """``setScale(scale, roundingMode)``: ROUND_UNNECESSARY (7) throws when digits would go."""
    rounding = _rounding(mode)
    check_digits(len(d.as_tuple().digits) + max(0, scale - _scale(d)), "a rescaled BigDecimal")
    q = d.quantize(Decimal((0, (1,), -scale)), rounding=rounding, context=_EXACT)
    if mode == 7 and q != d:
        raise java_exception(_AE, "Rounding necessary")
    return _bd(q)


def _move_point(d: Decimal, n: int) -> Decimal:
    """``movePointLeft(n)`` (right is ``-n``): the point moves, and a negative scale becomes 0."""
    moved = d.scaleb(-n, _EXACT)
    return _rescale(moved, 0) if _scale(moved) < 0 else _bd(moved)


def _dec_pow(d: Decimal, n: int) -> Decimal:
    if not 0 <= n <= 999999999:
        raise java_exception(_AE, "Invalid operation")
    if n == 0:
        return Decimal(1)
    if not d:  # a zero: its scale times n
        return Decimal((0, (0,), d.as_tuple().exponent * n))
    check_digits(len(d.as_tuple().digits) * n, "a power")
    return _bd(_EXACT.power(d, n))


def _dec_exact(d: Decimal, lo: int, hi: int, box: Callable[[int], Any]) -> Any:
    """``longValueExact`` and the narrower ones: a fraction or an overflow throws."""
    if not d:
        return box(0)
    digits, scale = len(d.as_tuple().digits), _scale(d)
    if digits - scale <= 0:
        raise java_exception(_AE, "Rounding necessary")
    if digits - scale > 19:
        raise java_exception(_AE, "Overflow")
    value = int(_rescale(d, 0))
    if not lo <= value <= hi:
        raise java_exception(_AE, "Overflow")
    return box(value)


def _round_quotient(n: int, m: int, mode: int) -> int:
    """``n / m`` (``m`` > 0) rounded to an integer by a BigDecimal rounding mode."""
    q, r = divmod(abs(n), m)
    if r and mode == 7:
        raise java_exception(_AE, "Rounding necessary")
    negative = n < 0
    up = False
    if r:
        if mode == 0:
            up = True
        elif mode in (2, 3):
            up = (mode == 2) != negative
        elif mode in (4, 5, 6):
            twice = 2 * r
            up = twice > m or (twice == m and (mode == 4 or (mode == 6 and q & 1)))
    q += up
    return -q if negative else q


def _dec_divide(a: Decimal, b: Any, scale: int, mode: int) -> Decimal:
    """``divide(divisor, scale, roundingMode)``."""
    if b is None:
        raise _npe(_NPE_FIELD_OF.format("intCompact", "divisor"))
    _rounding(mode)
    if not b:
        raise java_exception(_AE, "Division undefined" if not a else "Division by zero")
    shift = scale - _scale(a) + _scale(b)
    check_digits(len(a.as_tuple().digits) + max(shift, 0), "a quotient")
    check_digits(len(b.as_tuple().digits) + max(-shift, 0), "a quotient")
    num = int(a.scaleb(_scale(a), _EXACT)) * (10 ** shift if shift > 0 else 1)
    den = int(b.scaleb(_scale(b), _EXACT)) * (10 ** -shift if shift < 0 else 1)
    if den < 0:
        num, den = -num, -den
    return _bd(Decimal(_round_quotient(num, den, mode)).scaleb(-scale, _EXACT))


def _unscaled(d: Decimal) -> int:
    return int(d.scaleb(_scale(d), _EXACT))


def _trailing_zeros(n: int) -> int:
    count = 0
    while n and n % 10 == 0:
        n //= 10
        count += 1
    return count


def _check_divisor(a: Decimal, b: Any) -> None:
    if b is None:
        raise _npe(_NPE_FIELD_OF.format("scale", "divisor"))
    if not b:
        raise java_exception(_AE, "Division undefined" if not a else "Division by zero")


def _dec_divide_exact(a: Decimal, b: Any) -> Decimal:
    """``divide(divisor)``: the exact quotient at the scale ``a.scale - b.scale`` or the least
    scale that holds it; a quotient that does not terminate throws."""
    if b is None:
        raise _npe(_NPE_CALL.format("java.math.BigDecimal.signum()", "divisor"))
    _check_divisor(a, b)
    preferred = _scale(a) - _scale(b)
    if not a:
        return Decimal((0, (0,), -preferred))
    num, den = _unscaled(a), _unscaled(b)
    g = math.gcd(num, den)
    num, den = num // g, den // g
    if den < 0:
        num, den = -num, -den
    twos = fives = 0
    rest = den
    while rest % 2 == 0:
        rest, twos = rest // 2, twos + 1
    while rest % 5 == 0:
        rest, fives = rest // 5, fives + 1
    if rest != 1:
        raise java_exception(_AE, "Non-terminating decimal expansion; no exact representable decimal result.")
    k = max(twos, fives)
    check_digits(len(a.as_tuple().digits) + k, "a quotient")
    n = num * 10**k // den  # exact: a/b = n x 10^-(preferred + k)
    zeros = _trailing_zeros(n)
    limit = len(a.as_tuple().digits) + -(-10 * len(b.as_tuple().digits) // 3)
    if len(str(abs(n))) - zeros > limit:  # more digits than Java's working precision
        raise java_exception(_AE, "Non-terminating decimal expansion; no exact representable decimal result.")
    scale = max(preferred, preferred + k - zeros)
    return _bd(Decimal(n).scaleb(-(preferred + k), _EXACT).quantize(Decimal((0, (1,), -scale)), context=_EXACT))


def _dec_integral_quotient(a: Decimal, b: Any) -> Decimal:
    """``divideToIntegralValue``: the quotient truncated to an integer, at the scale
    ``a.scale - b.scale`` when positive, else with as few trailing zeros as that allows."""
    _check_divisor(a, b)
    preferred = _scale(a) - _scale(b)
    if a.copy_abs() < b.copy_abs():
        return Decimal((0, (0,), -preferred))
    shift = _scale(b) - _scale(a)
    check_digits(len(a.as_tuple().digits) + abs(shift), "a quotient")
    num, den = _unscaled(a), _unscaled(b)
    if shift > 0:
        num *= 10**shift
    else:
        den *= 10**-shift
    q = abs(num) // abs(den)
    q = -q if (num < 0) != (den < 0) else q
    scale = preferred if preferred > 0 else max(preferred, -_trailing_zeros(q))
    return _bd(Decimal(q).quantize(Decimal((0, (1,), -scale)), context=_EXACT))


def _dec_remainder(a: Decimal, b: Any) -> Decimal:
    """``remainder``: ``a - divideToIntegralValue(b) * b``, with the scales those give."""
    if b is None:
        raise _npe(_NPE_FIELD_OF.format("scale", "divisor"))
    q = _dec_integral_quotient(a, b)
    return _bd(_EXACT.subtract(a, _EXACT.multiply(q, b)))


def _dec_divide_and_remainder(a: Decimal, b: Any) -> JavaArray:
    q = _dec_integral_quotient(a, b)
    return JavaArray([q, _bd(_EXACT.subtract(a, _EXACT.multiply(q, b)))], "java.math.BigDecimal")


DECIMAL_METHODS: Table = {
    **_NUMBER_COMMON,
    "toString": [((), to_string)],
    "toPlainString": [((), lambda d: _plain_decimal(d))],
    "scale": [((), _scale)],
    "precision": [((), lambda d: len(d.as_tuple().digits))],
    "unscaledValue": [((), lambda d: _big(int(d.scaleb(_scale(d), _EXACT))))],
    "signum": [((), lambda d: (d > 0) - (d < 0))],
    "negate": [((), lambda d: _bd(d.copy_negate()))],
    "abs": [((), lambda d: d.copy_abs())],
    "add": [(("BigDecimal",), _dec_arg("intCompact", "augend", lambda a, b: _bd(_EXACT.add(a, b))))],
    "subtract": [(("BigDecimal",), _dec_arg("intCompact", "subtrahend", lambda a, b: _bd(_EXACT.subtract(a, b))))],
    "multiply": [(("BigDecimal",), _dec_arg("scale", "multiplicand",
                                            lambda a, b: check_product(a, b) or _bd(_EXACT.multiply(a, b))))],
    "max": [(("BigDecimal",), _dec_arg("scale", "val", lambda a, b: a if a >= b else b))],
    "min": [(("BigDecimal",), _dec_arg("scale", "val", lambda a, b: a if a <= b else b))],
    "divide": [(("BigDecimal",), _dec_divide_exact),
               (("BigDecimal", "int"), lambda a, b, mode: _dec_divide(a, b, _scale(a), mode)),
               (("BigDecimal", "int", "int"), _dec_divide)],
    "divideToIntegralValue": [(("BigDecimal",), _dec_integral_quotient)],
    "remainder": [(("BigDecimal",), _dec_remainder)],
    "divideAndRemainder": [(("BigDecimal",), _dec_divide_and_remainder)],
    "stripTrailingZeros": [((), lambda d: Decimal(0) if not d else d.normalize(_EXACT))],
    "toBigInteger": [((), lambda d: _big(int(d)))],
    "toEngineeringString": [((), lambda d: _bd(d).to_eng_string())],
    "setScale": [(("int",), _rescale), (("int", "int"), _rescale)],
    "movePointLeft": [(("int",), _move_point)],
    "movePointRight": [(("int",), lambda d, n: _move_point(d, -n))],
    "scaleByPowerOfTen": [(("int",), lambda d, n: _bd(d.scaleb(n, _EXACT)))],
    "pow": [(("int",), _dec_pow)],
    "ulp": [((), lambda d: Decimal((0, (1,), d.as_tuple().exponent)))],
    "intValueExact": [((), lambda d: _dec_exact(d, INT_MIN, INT_MAX, int))],
    "longValueExact": [((), lambda d: _dec_exact(d, LONG_MIN, LONG_MAX, _as_long))],
    "shortValueExact": [((), lambda d: _dec_exact(d, -0x8000, 0x7FFF, JavaShort))],
    "byteValueExact": [((), lambda d: _dec_exact(d, -0x80, 0x7F, JavaByte))],
}
_KINDS["BigDecimal"] = lambda v: v is None or type(v) is Decimal

BOOLEAN_METHODS: Table = {
    "logicalAnd": [(("boolean", "boolean"), lambda _, a, b: a and b)],
    "logicalOr": [(("boolean", "boolean"), lambda _, a, b: a or b)],
    "logicalXor": [(("boolean", "boolean"), lambda _, a, b: a != b)],
    "compare": [(("boolean", "boolean"), lambda _, a, b: (a > b) - (a < b))],
    "compareTo": [(("Object",), _compare_to)],
    "booleanValue": [((), lambda b: b)],
    "parseBoolean": [(("String",), lambda _, s: _parse_boolean(s))],
    "valueOf": [(("String",), lambda _, s: _parse_boolean(s)), (("boolean",), lambda _, b: b)],
    "toString": [((), to_string), (("boolean",), lambda _, b: to_string(b))],
    "hashCode": [(("boolean",), lambda _, b: java_hash(b))],
}

def _code_point(c: Any) -> int:
    """The code point a ``char`` or ``int`` argument of a ``Character`` static stands for."""
    return ord(c) if type(c) is JavaChar else c


def _char_test(test: Callable[[str], bool]) -> list[tuple[tuple[str, ...], Impl]]:
    """A ``Character.isX(char)`` / ``isX(int)`` pair (an invalid code point is false)."""
    def impl(_: Any, c: Any) -> bool:
        cp = _code_point(c)
        return 0 <= cp <= 0x10FFFF and test(chr(cp))
    return [(("char",), impl), (("int",), impl)]


def _numeric_value(_: Any, c: Any) -> int:
    """``Character.getNumericValue``: Latin letters count 10 to 35, a fraction -2, else -1."""
    cp = _code_point(c)
    if not 0 <= cp <= 0x10FFFF:
        return -1
    for base in (0x41, 0x61, 0xFF21, 0xFF41):  # A-Z, a-z and their full-width forms
        if base <= cp < base + 26:
            return cp - base + 10
    value = unicodedata.numeric(chr(cp), None)
    if value is None:
        return -1
    return int(value) if value == int(value) and value >= 0 else -2


def _char_case(convert: Callable[[int], int]) -> list[tuple[tuple[str, ...], Impl]]:
    """``Character.toUpperCase(char)`` (a char) and ``toUpperCase(int)`` (an int)."""
    return [(("char",), lambda _, c: JavaChar(chr(convert(ord(c))))),
            (("int",), lambda _, c: convert(c) if 0 <= c <= 0x10FFFF else c)]


def _category_in(*prefixes: str) -> Callable[[str], bool]:
    return lambda ch: unicodedata.category(ch).startswith(prefixes)


#: ``Character.getType`` constants by Unicode general category.
_CHAR_TYPES = {
    "Cn": 0, "Lu": 1, "Ll": 2, "Lt": 3, "Lm": 4, "Lo": 5, "Mn": 6, "Me": 7, "Mc": 8, "Nd": 9, "Nl": 10, "No": 11,
    "Zs": 12, "Zl": 13, "Zp": 14, "Cc": 15, "Cf": 16, "Co": 18, "Cs": 19, "Pd": 20, "Ps": 21, "Pe": 22, "Pc": 23,
    "Po": 24, "Sm": 25, "Sc": 26, "Sk": 27, "So": 28, "Pi": 29, "Pf": 30,
}


def _char_type(ch: str) -> int:
    return _CHAR_TYPES.get(unicodedata.category(ch), 0)


def _ignorable(ch: str) -> bool:
    """``Character.isIdentifierIgnorable``: C0/C1 controls that are not blanks, and formats."""
    cp = ord(ch)
    return cp <= 8 or 0xE <= cp <= 0x1B or 0x7F <= cp <= 0x9F or unicodedata.category(ch) == "Cf"


def _java_start(ch: str) -> bool:
    """``Character.isJavaIdentifierStart``: a letter, letter number, currency or connector."""
    return unicodedata.category(ch) in ("Lu", "Ll", "Lt", "Lm", "Lo", "Nl", "Sc", "Pc")


def _java_part(ch: str) -> bool:
    """``Character.isJavaIdentifierPart``: a start character, digit, mark or ignorable."""
    return _java_start(ch) or unicodedata.category(ch) in ("Nd", "Mn", "Mc") or _ignorable(ch)


def _title_cp(cp: int) -> int:
    """``Character.toTitleCase(cp)``: the one-character titlecase mapping, else the uppercase one."""
    title = chr(cp).title()
    return ord(title) if len(title) == 1 else simple_upper(cp)


def _char_digit(_: Any, c: Any, radix: int) -> int:
    """``Character.digit(ch, radix)`` (-1 for a radix outside 2..36 or an invalid code point)."""
    cp = _code_point(c)
    if not 2 <= radix <= 36 or not 0 <= cp <= 0x10FFFF:
        return -1
    return _digit(chr(cp), radix)


def _for_digit(_: Any, digit: int, radix: int) -> JavaChar:
    if not 2 <= radix <= 36 or not 0 <= digit < radix:
        return JavaChar("\0")
    return JavaChar("0123456789abcdefghijklmnopqrstuvwxyz"[digit])


def _to_chars(_: Any, cp: int) -> JavaArray:
    if not 0 <= cp <= 0x10FFFF:
        raise java_exception("java.lang.IllegalArgumentException",
                             f"Not a valid Unicode code point: 0x{cp & 0xFFFFFFFF:X}")
    return JavaArray([JavaChar(u) for u in to_units(chr(cp))], "char")


def _surrogate_half(cp: int, low: bool) -> JavaChar:
    """``Character.lowSurrogate``/``highSurrogate``: computed for any int, as Java does."""
    unit = (cp & 0x3FF) + 0xDC00 if low else ((cp >> 10) + (0xD800 - (0x10000 >> 10))) & 0xFFFF
    return JavaChar(chr(unit))


def _char_pair(test: Callable[[str, str], Any]) -> Impl:
    return lambda _, a, b: test(str.__str__(a), str.__str__(b))


CHARACTER_METHODS: Table = {
    "compareTo": [(("Object",), _compare_to)],
    "charValue": [((), lambda c: c)],
    "toString": [((), lambda c: str.__str__(c)), (("char",), lambda _, c: str.__str__(c))],
    "valueOf": [(("char",), lambda _, c: c)],
    "isLetter": _char_test(_category_in("L")),
    "isDigit": _char_test(_category_in("Nd")),
    "isLetterOrDigit": _char_test(_category_in("L", "Nd")),
    "isWhitespace": _char_test(java_is_whitespace),
    "isSpaceChar": _char_test(_category_in("Zs", "Zl", "Zp")),
    "isUpperCase": _char_test(str.isupper),
    "isLowerCase": _char_test(str.islower),
    "toUpperCase": _char_case(lambda cp: simple_upper(cp)),
    "toLowerCase": _char_case(lambda cp: simple_lower(cp)),
    "getNumericValue": [(("char",), _numeric_value), (("int",), _numeric_value)],
    "isSurrogate": [(("char",), lambda _, c: "\ud800" <= c <= "\udfff")],
    "isHighSurrogate": [(("char",), lambda _, c: "\ud800" <= c <= "\udbff")],
    "isLowSurrogate": [(("char",), lambda _, c: "\udc00" <= c <= "\udfff")],
    "isSurrogatePair": [(("char", "char"), _char_pair(lambda a, b: "\ud800" <= a <= "\udbff" and "\udc00" <= b <= "\udfff"))],
    "toCodePoint": [(("char", "char"), _char_pair(lambda a, b: _wrap32((ord(a) << 10) + ord(b) - 56613888)))],
    "compare": [(("char", "char"), _char_pair(lambda a, b: ord(a) - ord(b)))],
    "hashCode": [(("char",), lambda _, c: ord(c))],
    "reverseBytes": [(("char",), lambda _, c: JavaChar(chr(((ord(c) & 0xFF) << 8) | (ord(c) >> 8))))],
    "digit": [(("char", "int"), _char_digit), (("int", "int"), _char_digit)],
    "forDigit": [(("int", "int"), _for_digit)],
    "getType": [(("char",), lambda _, c: _char_type(c)),
                (("int",), lambda _, c: _char_type(chr(c)) if 0 <= c <= 0x10FFFF else 0)],
    "isISOControl": _char_test(lambda ch: ord(ch) <= 0x1F or 0x7F <= ord(ch) <= 0x9F),
    "isTitleCase": _char_test(_category_in("Lt")),
    "isDefined": _char_test(lambda ch: unicodedata.category(ch) != "Cn"),
    "isMirrored": _char_test(lambda ch: unicodedata.mirrored(ch) == 1),
    "isIdentifierIgnorable": _char_test(_ignorable),
    "isJavaIdentifierStart": _char_test(_java_start),
    "isJavaIdentifierPart": _char_test(_java_part),
    "isJavaLetter": [(("char",), lambda _, c: _java_start(c))],
    "isJavaLetterOrDigit": [(("char",), lambda _, c: _java_part(c))],
    "isSpace": [(("char",), lambda _, c: c in " \t\n\f\r")],
    "toTitleCase": _char_case(_title_cp),
    "toChars": [(("int",), _to_chars)],
    "charCount": [(("int",), lambda _, cp: 2 if cp >= 0x10000 else 1)],
    "isValidCodePoint": [(("int",), lambda _, cp: 0 <= cp <= 0x10FFFF)],
    "isBmpCodePoint": [(("int",), lambda _, cp: 0 <= cp <= 0xFFFF)],
    "isSupplementaryCodePoint": [(("int",), lambda _, cp: 0x10000 <= cp <= 0x10FFFF)],
    "highSurrogate": [(("int",), lambda _, cp: _surrogate_half(cp, low=False))],
    "lowSurrogate": [(("int",), lambda _, cp: _surrogate_half(cp, low=True))],
}
