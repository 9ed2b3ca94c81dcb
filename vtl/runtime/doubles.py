"""``Double.toString`` exactly as JDK 17 prints it.

JDK 17 formats doubles with the old ``FloatingDecimal`` digit generator, which is not always
the shortest round-tripping form Python's ``repr`` gives: ``2e23`` prints
``1.9999999999999998E23`` and ``Double.MIN_VALUE`` prints ``4.9E-324``. This module re-implements
that generator step by step (including its 32/64-bit overflow quirks) on Python integers, then
lays the digits out as Java does: plain notation for 10^-3 <= |d| < 10^7, otherwise
``d.dddE±n``, and always at least one digit after the point.
"""

from __future__ import annotations

import math
import struct
from fractions import Fraction
from functools import lru_cache

__all__ = ["double_to_string", "double_digits", "float_to_string", "double_to_hex_string",
           "to_float32"]

_EXP_SHIFT = 52
_FRACT_HOB = 1 << _EXP_SHIFT
_SIGNIF_MASK = _FRACT_HOB - 1
_EXP_BIAS = 1023
_MAX_SMALL_BIN_EXP = 62
_MIN_SMALL_BIN_EXP = -(63 // 3)

# ceil(log2(5**i)), approximately, as in the JDK table.
_N_5_BITS = (
    0, 3, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28, 31, 33, 35, 38, 40, 42, 45, 47, 49, 52, 54,
    56, 59, 61,
)
# Number of decimal digits of 2**i that may be dropped, for i < 64.
_INSIGNIFICANT_FOR_POW2 = (
    0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9,
    9, 9, 9, 10, 10, 10, 11, 11, 11, 12, 12, 12, 12, 13, 13, 13, 14, 14, 14, 15, 15, 15, 15, 16,
    16, 16, 17, 17, 17, 18, 18, 18, 19,
)
_LONG_5_POW_LEN = 27  # FDBigInteger.LONG_5_POW holds 5**0 .. 5**26


def _wrap(value: int, bits: int) -> int:
    """Two's-complement wrap-around of ``value`` to a ``bits``-wide signed integer."""
    mask = (1 << bits) - 1
    value &= mask
    return value - (1 << bits) if value >> (bits - 1) else value


def _bits_to_double(bits: int) -> float:
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


def _estimate_dec_exp(fract_bits: int, bin_exp: int) -> int:
    """FloatingDecimal.estimateDecExp: floor(log10(d)), estimated (may be one too high)."""
    d2 = _bits_to_double((_EXP_BIAS << _EXP_SHIFT) | (fract_bits & _SIGNIF_MASK))
    d = (d2 - 1.5) * 0.289529654 + 0.176091259 + float(bin_exp) * 0.301029995663981
    d_bits = struct.unpack("<Q", struct.pack("<d", d))[0]
    exponent = ((d_bits >> _EXP_SHIFT) & 0x7FF) - _EXP_BIAS
    negative = bool(d_bits >> 63)
    if 0 <= exponent < 52:
        mask = _SIGNIF_MASK >> exponent
        r = ((d_bits & _SIGNIF_MASK) | _FRACT_HOB) >> (_EXP_SHIFT - exponent)
        if negative:
            return -r if (mask & d_bits) == 0 else -r - 1
        return r
    if exponent < 0:
        return 0 if (d_bits & ~(1 << 63)) == 0 else (-1 if negative else 0)
    return int(d)


def _long_digits(lvalue: int, insignificant: int) -> tuple[list[int], int]:
    """developLongDigits: the digits of an integer-valued double, trailing zeros dropped."""
    dec_exp = 0
    if insignificant:
        pow10 = 10**insignificant
        residue = lvalue % pow10
        lvalue //= pow10
        dec_exp += insignificant
        if residue >= pow10 >> 1:
            lvalue += 1
    text = str(lvalue)
    stripped = text.rstrip("0")
    dec_exp += len(text) - len(stripped)
    digits = [ord(c) - 48 for c in stripped]
    return digits, dec_exp + len(digits)


def _roundup(digits: list[int], dec_exponent: int) -> int:
    i = len(digits) - 1
    q = digits[i]
    if q == 9:
        while q == 9 and i > 0:
            digits[i] = 0
            i -= 1
            q = digits[i]
        if q == 9:
            digits[0] = 1
            return dec_exponent + 1
    digits[i] = q + 1
    return dec_exponent


def _dtoa(
    bin_exp: int, fract_bits: int, n_significant_bits: int, compatible: bool = True
) -> tuple[list[int], int]:
    """BinaryToASCIIBuffer.dtoa for a positive finite double: (digits, decimal exponent).

    ``compatible`` is false for ``java.util.Formatter``, which always takes the digits the
    first estimate gives instead of stopping at the shortest form."""
    tail_zeros = (fract_bits & -fract_bits).bit_length() - 1
    n_fract_bits = _EXP_SHIFT + 1 - tail_zeros
    n_tiny_bits = max(0, n_fract_bits - bin_exp - 1)
    if _MIN_SMALL_BIN_EXP <= bin_exp <= _MAX_SMALL_BIN_EXP:
        if n_tiny_bits < _LONG_5_POW_LEN and n_fract_bits + _N_5_BITS[n_tiny_bits] < 64:
            if n_tiny_bits == 0:
                if bin_exp > n_significant_bits:
                    p2 = bin_exp - n_significant_bits - 1
                    insignificant = _INSIGNIFICANT_FOR_POW2[p2] if 1 < p2 < 64 else 0
                else:
                    insignificant = 0
                if bin_exp >= _EXP_SHIFT:
                    fract_bits <<= bin_exp - _EXP_SHIFT
                else:
                    fract_bits >>= _EXP_SHIFT - bin_exp
                return _long_digits(fract_bits, insignificant)

    dec_exp = _estimate_dec_exp(fract_bits, bin_exp)
    b5 = max(0, -dec_exp)
    b2 = b5 + n_tiny_bits + bin_exp
    s5 = max(0, dec_exp)
    s2 = s5 + n_tiny_bits
    m5 = b5
    m2 = b2 - n_significant_bits

    fract_bits >>= tail_zeros
    b2 -= n_fract_bits - 1
    common2 = min(b2, s2)
    b2 -= common2
    s2 -= common2
    m2 -= common2
    if n_fract_bits == 1:
        m2 -= 1
    if m2 < 0:
        b2 -= m2
        s2 -= m2
        m2 = 0

    b_bits = n_fract_bits + b2 + (_N_5_BITS[b5] if b5 < len(_N_5_BITS) else b5 * 3)
    ten_s_bits = s2 + 1 + (_N_5_BITS[s5 + 1] if s5 + 1 < len(_N_5_BITS) else (s5 + 1) * 3)
    digits: list[int] = []

    if b_bits < 64 and ten_s_bits < 64:
        width = 32 if (b_bits < 32 and ten_s_bits < 32) else 64
        b = (fract_bits * 5**b5) << b2
        s = 5**s5 << s2
        m = _wrap(5**m5 << m2, width)
        tens = s * 10
        q, b = divmod(b, s)
        b *= 10
        m = _wrap(m * 10, width)
        low = b < m
        high = _wrap(b + m, width) > tens
        if q == 0 and not high:
            dec_exp -= 1
        else:
            digits.append(q)
        if not compatible or dec_exp < -3 or dec_exp >= 8:  # decExp after the first digit
            low = high = False
        while not low and not high:
            q, b = divmod(b, s)
            b *= 10
            m = _wrap(m * 10, width)
            if m > 0:
                low = b < m
                high = _wrap(b + m, width) > tens
            else:
                low = high = True
            digits.append(q)
        low_digit_difference = (b << 1) - tens
    else:
        b = (fract_bits * 5**b5) << b2
        s = 5**s5 << s2
        m = 5 ** (m5 + 1) << (m2 + 1)  # ten times M, matching B after the first step
        tens = 5 ** (s5 + 1) << (s2 + 1)
        q, b = divmod(b, s)
        b *= 10
        low = b < m
        high = tens <= b + m
        if q == 0 and not high:
            dec_exp -= 1
        else:
            digits.append(q)
        if not compatible or dec_exp < -3 or dec_exp >= 8:  # decExp after the first digit
            low = high = False
        while not low and not high:
            q, b = divmod(b, s)
            b *= 10
            m *= 10
            low = b < m
            high = tens <= b + m
            digits.append(q)
        if high and low:
            b <<= 1
            low_digit_difference = (b > tens) - (b < tens)
        else:
            low_digit_difference = 0

    dec_exponent = dec_exp + 1
    if high:
        if low:
            if low_digit_difference == 0:
                if digits[-1] & 1:
                    dec_exponent = _roundup(digits, dec_exponent)
            elif low_digit_difference > 0:
                dec_exponent = _roundup(digits, dec_exponent)
        else:
            dec_exponent = _roundup(digits, dec_exponent)
    return digits, dec_exponent


def _layout(digits: list[int], dec_exponent: int, negative: bool) -> str:
    """BinaryToASCIIBuffer.getChars."""
    ds = "".join(chr(48 + d) for d in digits)
    n = len(ds)
    sign = "-" if negative else ""
    if 0 < dec_exponent < 8:
        head = ds[:dec_exponent]
        if n < dec_exponent:
            return f"{sign}{head}{'0' * (dec_exponent - n)}.0"
        return f"{sign}{head}.{ds[dec_exponent:] or '0'}"
    if -3 < dec_exponent <= 0:
        return f"{sign}0.{'0' * -dec_exponent}{ds}"
    exp = dec_exponent - 1
    return f"{sign}{ds[0]}.{ds[1:] or '0'}E{exp}"


def double_to_string(value: float) -> str:
    """Java 17 ``Double.toString(value)``."""
    if value == 0.0:  # kept out of the cache, which cannot tell 0.0 from -0.0
        return "-0.0" if struct.pack("<d", value)[7] & 0x80 else "0.0"
    if 1e-3 <= abs(value) < 1e7:
        # In Java's plain-notation range, JDK 17's digits are the shortest ones here and
        # the layout is Python's repr (checked against the port on ~800,000 doubles of
        # both decimal and random-bit shapes; tests/test_runtime_text.py samples it).
        return repr(value)
    return _nonzero_to_string(value)


@lru_cache(maxsize=4096)
def _nonzero_to_string(value: float) -> str:
    if value != value:
        return "NaN"
    bits = struct.unpack("<Q", struct.pack("<d", value))[0]
    negative = bool(bits >> 63)
    fract_bits = bits & _SIGNIF_MASK
    bin_exp = (bits >> _EXP_SHIFT) & 0x7FF
    if bin_exp == 0x7FF:
        return "-Infinity" if negative else "Infinity"
    if bin_exp == 0:
        leading_zeros = 64 - fract_bits.bit_length()
        shift = leading_zeros - (63 - _EXP_SHIFT)
        fract_bits <<= shift
        bin_exp = 1 - shift
        n_significant_bits = 64 - leading_zeros
    else:
        fract_bits |= _FRACT_HOB
        n_significant_bits = _EXP_SHIFT + 1
    bin_exp -= _EXP_BIAS
    digits, dec_exponent = _dtoa(bin_exp, fract_bits, n_significant_bits)
    return _layout(digits, dec_exponent, negative)


def double_digits(value: float, compatible: bool = True) -> tuple[str, int]:
    """FloatingDecimal's digits of a finite ``|value|``: ``("123", 2)`` means 0.123e2 (12.3).

    Zero gives ``("0", 0)``. ``compatible=False`` is the mode ``java.util.Formatter`` uses.
    """
    value = abs(value)
    if value == 0.0:
        return "0", 0
    bits = struct.unpack("<Q", struct.pack("<d", value))[0]
    fract_bits = bits & _SIGNIF_MASK
    bin_exp = (bits >> _EXP_SHIFT) & 0x7FF
    if bin_exp == 0:
        leading_zeros = 64 - fract_bits.bit_length()
        shift = leading_zeros - (63 - _EXP_SHIFT)
        fract_bits <<= shift
        bin_exp = 1 - shift
        n_significant_bits = 64 - leading_zeros
    else:
        fract_bits |= _FRACT_HOB
        n_significant_bits = _EXP_SHIFT + 1
    digits, dec_exponent = _dtoa(bin_exp - _EXP_BIAS, fract_bits, n_significant_bits, compatible)
    return "".join(chr(48 + d) for d in digits), dec_exponent


_SINGLE_EXP_SHIFT = 23


def float_to_string(value: float) -> str:
    """Java 17 ``Float.toString`` of a value already rounded to single precision."""
    if value != value:
        return "NaN"
    bits = struct.unpack("<I", struct.pack("<f", value))[0]
    negative = bool(bits >> 31)
    fract_bits = bits & ((1 << _SINGLE_EXP_SHIFT) - 1)
    bin_exp = (bits >> _SINGLE_EXP_SHIFT) & 0xFF
    if bin_exp == 0xFF:
        return "-Infinity" if negative else "Infinity"
    if bin_exp == 0:
        if fract_bits == 0:
            return "-0.0" if negative else "0.0"
        leading_zeros = 32 - fract_bits.bit_length()
        shift = leading_zeros - (31 - _SINGLE_EXP_SHIFT)
        fract_bits <<= shift
        bin_exp = 1 - shift
        n_significant_bits = 32 - leading_zeros
    else:
        fract_bits |= 1 << _SINGLE_EXP_SHIFT
        n_significant_bits = _SINGLE_EXP_SHIFT + 1
    bin_exp -= 127
    # FloatingDecimal widens the float's significand to a double's and shares dtoa
    digits, dec_exponent = _dtoa(bin_exp, fract_bits << (_EXP_SHIFT - _SINGLE_EXP_SHIFT), n_significant_bits)
    return _layout(digits, dec_exponent, negative)


def double_to_hex_string(value: float) -> str:
    """``Double.toHexString``: ``0x1.fep7``, ``-0x0.0p0``, ``0x0.0000000000001p-1022``."""
    if value != value:
        return "NaN"
    bits = struct.unpack("<Q", struct.pack("<d", value))[0]
    sign = "-" if bits >> 63 else ""
    if value in (float("inf"), float("-inf")):
        return sign + "Infinity"
    if value == 0.0:
        return sign + "0x0.0p0"
    fract = bits & _SIGNIF_MASK
    exp = (bits >> _EXP_SHIFT) & 0x7FF
    hex_digits = f"{fract:013x}".rstrip("0") or "0"
    if exp == 0:
        return f"{sign}0x0.{hex_digits}p-1022"
    return f"{sign}0x1.{hex_digits}p{exp - _EXP_BIAS}"


def to_float32(value: object) -> float:
    """Java's ``floatValue()``: the nearest single-precision value (ties to even), as a float.

    Takes an ``int`` (Integer/Long/BigInteger), a ``float`` (Double) or a ``Decimal``
    (BigDecimal); all three round exactly once in Java, as here.
    """
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return value
        if value == 0.0:
            return value
    try:
        ratio = Fraction(value)  # type: ignore[arg-type]
    except (OverflowError, ValueError):  # Decimal NaN/Infinity
        return float(value)  # type: ignore[arg-type]
    if ratio == 0:
        return 0.0
    negative = ratio < 0
    ratio = abs(ratio)
    num, den = ratio.numerator, ratio.denominator
    # exponent e with 2**23 <= ratio / 2**e < 2**24, kept at -149 or above (subnormals)
    e = num.bit_length() - den.bit_length() - 24
    while (num << max(0, -e)) >= (den << max(0, e)) << 24:
        e += 1
    while (num << max(0, -e)) < (den << max(0, e)) << 23:
        e -= 1
    e = max(e, -149)
    scaled_num, scaled_den = num << max(0, -e), den << max(0, e)
    mantissa, rest = divmod(scaled_num, scaled_den)
    twice = 2 * rest
    if twice > scaled_den or (twice == scaled_den and mantissa & 1):
        mantissa += 1
    if mantissa == 1 << 24:
        mantissa >>= 1
        e += 1
    if e + 23 > 127:
        result = float("inf")
    else:
        result = math.ldexp(mantissa, e)
    return -result if negative else result
