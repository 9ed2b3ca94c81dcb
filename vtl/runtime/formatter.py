"""``String.format``: a port of JDK 17's ``java.util.Formatter`` (default US-style locale).

Supported: ``%s %S %b %B %h %H %c %C %d %o %x %X %e %E %f %g %G %a %A %n %%`` with argument
indexes (``%2$s``, ``%<s``), flags ``-#+ 0,(``, widths and precisions, exactly as Java prints
them for the values of the model (floating-point output rounds FloatingDecimal's digits
half-up, as Java does). Errors are Java's ``IllegalFormatException`` subclasses with their
messages. Date/time conversions (``%tY``...) only handle null and reject non-date arguments
as Java does; a Long argument (epoch milliseconds) is not supported.

Widths and precisions above :data:`MAX_WIDTH` raise ``VtlLimitError`` so that a template
cannot build huge strings.
"""

from __future__ import annotations

import decimal
import math
import re
import struct
from decimal import Decimal
from typing import Any

from ..errors import VtlLimitError, VtlRuntimeError
from .bignum import check_decimal_text, int_from_digits, int_text
from .budgets import string_limit
from .doubles import double_digits, double_to_hex_string
from .exceptions import java_exception
from .hashing import java_hash
from .strings import from_units, is_bmp, to_units
from .text import to_string
from .values import INT_MAX, INT_MIN, LONG_MAX, LONG_MIN, JavaChar, integral_class, java_class_name

__all__ = ["java_format", "MAX_WIDTH"]

#: Largest width or precision a format specifier may ask for.
MAX_WIDTH = 1_000_000

_SPEC_RE = re.compile(r"%(\d+\$)?([-#+ 0,(<]*)?(\d+)?(\.\d+)?([tT])?([a-zA-Z%])", re.ASCII)
_VALID = set("bBsShHcCdoxXeEgGfaAn%")
_FLAG_ORDER = "-^#+ 0,(<"  # Flags.toString order ('^' is the internal UPPERCASE flag)
_DATE_TIME = set("HIklMSLNpzZsQBbhAaCYyjmdeRTrDFc")
_PKG = "java.util."


def _err(name: str, message: str) -> Exception:
    return java_exception(_PKG + name, message)


class _Spec:
    __slots__ = ("index", "flags", "width", "precision", "dt", "conv")

    def __init__(self) -> None:
        self.index = 0  # 0 ordinary, -1 previous ('<'), -2 no argument, else explicit
        self.flags = ""
        self.width = -1
        self.precision = -1
        self.dt = False
        self.conv = ""

    def has(self, flag: str) -> bool:
        return flag in self.flags

    def __str__(self) -> str:  # FormatSpecifier.toString
        out = ["%", _flags_string(self.flags.replace("^", ""))]
        if self.index > 0:
            out.append(f"{self.index}$")
        if self.width != -1:
            out.append(str(self.width))
        if self.precision != -1:
            out.append(f".{self.precision}")
        if self.dt:
            out.append("T" if self.has("^") else "t")
        out.append(self.conv.upper() if self.has("^") else self.conv)
        return "".join(out)


def _flags_string(flags: str) -> str:
    return "".join(f for f in _FLAG_ORDER if f in flags)


def _parse_bounded(text: str, exc: str) -> int:
    value = int(text)
    if value > INT_MAX:
        raise _err(exc, str(INT_MIN))
    if value > MAX_WIDTH:
        raise VtlLimitError(f"format width or precision {value} is above the limit of {MAX_WIDTH}")
    return value


def _parse(fmt: str) -> list[str | _Spec]:
    out: list[str | _Spec] = []
    i, n = 0, len(fmt)
    while i < n:
        p = fmt.find("%", i)
        if p < 0:
            out.append(fmt[i:])
            break
        if p != i:
            out.append(fmt[i:p])
        i = p + 1
        if i >= n:
            raise _err("UnknownFormatConversionException", "Conversion = '%'")
        c = fmt[i]
        if c in _VALID:
            spec = _Spec()
            spec.conv = c
            if c.isupper():
                spec.flags = "^"
                spec.conv = c.lower()
            if c in "n%":
                spec.index = -2
            out.append(spec)
            i += 1
            continue
        m = _SPEC_RE.match(fmt, p)
        if m is None:
            raise _err("UnknownFormatConversionException", f"Conversion = '{c}'")
        out.append(_specifier(m))
        i = m.end()
    return out


def _specifier(m: re.Match[str]) -> _Spec:
    spec = _Spec()
    index, flags, width, precision, tt, conv = m.groups()
    if index:
        value = int(index[:-1])
        if value > INT_MAX:
            raise _err("IllegalFormatArgumentIndexException", "Format argument index: (not representable as int)")
        if value <= 0:
            raise _err("IllegalFormatArgumentIndexException", f"Illegal format argument index = {value}")
        spec.index = value
    for f in flags or "":
        if f in spec.flags:
            raise _err("DuplicateFormatFlagsException", f"Flags = '{f}'")
        spec.flags += f
    if spec.has("<"):
        spec.index = -1
    if width is not None:
        spec.width = _parse_bounded(width, "IllegalFormatWidthException")
    if precision is not None:
        spec.precision = _parse_bounded(precision[1:], "IllegalFormatPrecisionException")
    if tt:
        spec.dt = True
        if tt == "T":
            spec.flags += "^"
    spec.conv = conv
    if not spec.dt:
        if conv not in _VALID:
            raise _err("UnknownFormatConversionException", f"Conversion = '{conv}'")
        if conv.isupper():
            spec.flags += "^"
            spec.conv = conv.lower()
        if spec.conv in "n%":
            spec.index = -2
    _check(spec)
    return spec


def _mismatch(flag: str, conv: str) -> Exception:
    return _err("FormatFlagsConversionMismatchException", f"Conversion = {conv}, Flags = {flag}")


def _bad_flags(spec: _Spec, flags: str) -> None:
    for f in flags:
        if spec.has(f):
            raise _mismatch(f, spec.conv)


def _need_width(spec: _Spec, flags: str) -> None:
    if spec.width == -1 and any(spec.has(f) for f in flags):
        raise _err("MissingFormatWidthException", str(spec))


def _check_numeric(spec: _Spec) -> None:
    _need_width(spec, "-0")
    if (spec.has("+") and spec.has(" ")) or (spec.has("-") and spec.has("0")):
        raise _err("IllegalFormatFlagsException", f"Flags = '{_flags_string(spec.flags)}'")


def _check(spec: _Spec) -> None:
    c = spec.conv
    if spec.dt:
        if spec.precision != -1:
            raise _err("IllegalFormatPrecisionException", str(spec.precision))
        if c not in _DATE_TIME:
            raise _err("UnknownFormatConversionException", f"Conversion = 't{c}'")
        _bad_flags(spec, "#+ 0,(")
        _need_width(spec, "-")
    elif c in "bsh":
        if c in "bh" and spec.has("#"):
            raise _mismatch("#", c)
        _need_width(spec, "-")
        _bad_flags(spec, "+ 0,(")
    elif c == "c":
        if spec.precision != -1:
            raise _err("IllegalFormatPrecisionException", str(spec.precision))
        _bad_flags(spec, "#+ 0,(")
        _need_width(spec, "-")
    elif c in "dox":
        _check_numeric(spec)
        if spec.precision != -1:
            raise _err("IllegalFormatPrecisionException", str(spec.precision))
        _bad_flags(spec, "#" if c == "d" else ",")
    elif c in "efga":
        _check_numeric(spec)
        if c == "a":
            _bad_flags(spec, "(,")
        elif c == "e":
            _bad_flags(spec, ",")
        elif c == "g":
            _bad_flags(spec, "#")
    else:  # n, %
        if spec.precision != -1:
            raise _err("IllegalFormatPrecisionException", str(spec.precision))
        if c == "%":
            if spec.flags not in ("", "-"):
                raise _err("IllegalFormatFlagsException", f"Flags = '{_flags_string(spec.flags)}'")
            _need_width(spec, "-")
        else:
            if spec.width != -1:
                raise _err("IllegalFormatWidthException", str(spec.width))
            if spec.flags:
                raise _err("IllegalFormatFlagsException", f"Flags = '{_flags_string(spec.flags)}'")


def java_format(fmt: str | None, args: list[Any] | None) -> str:
    """``String.format(fmt, args)``; ``args=None`` is Java's null argument array."""
    if fmt is None:
        raise java_exception("java.lang.NullPointerException", 'Cannot invoke "String.length()" because "s" is null')
    out: list[str] = []
    last = lasto = -1
    for part in _parse(fmt):
        if isinstance(part, str):
            out.append(part)
            continue
        index = part.index
        if index == -2:
            out.append(_print(part, None))
            continue
        if index == -1:
            if last < 0 or (args is not None and last > len(args) - 1):
                raise _err("MissingFormatArgumentException", f"Format specifier '{part}'")
        elif index == 0:
            lasto += 1
            last = lasto
            if args is not None and lasto > len(args) - 1:
                raise _err("MissingFormatArgumentException", f"Format specifier '{part}'")
        else:
            last = index - 1
            if args is not None and last > len(args) - 1:
                raise _err("MissingFormatArgumentException", f"Format specifier '{part}'")
        out.append(_print(part, None if args is None else args[last]))
    return "".join(out)


# -- printing ---------------------------------------------------------------------------------


def _units_len(s: str) -> int:
    return len(s) if is_bmp(s) else len(to_units(s))


def _justify(spec: _Spec, s: str) -> str:
    pad = spec.width - _units_len(s)
    if spec.width == -1 or pad <= 0:
        return s
    return s + " " * pad if spec.has("-") else " " * pad + s


def _print_text(spec: _Spec, s: str) -> str:
    if spec.precision != -1 and spec.precision < _units_len(s):
        s = from_units(to_units(s)[: spec.precision])
    if spec.has("^"):
        s = s.upper()
    return _justify(spec, s)


def _fail_conversion(spec: _Spec, arg: Any) -> Exception:
    return _err("IllegalFormatConversionException", f"{spec.conv} != {java_class_name(arg)}")


def _is_integral(arg: Any) -> bool:
    """Byte, Short, Integer, Long or BigInteger (a Boolean is no number)."""
    return isinstance(arg, int) and type(arg) is not bool


def _print(spec: _Spec, arg: Any) -> str:
    c = spec.conv
    if spec.dt:
        if arg is None:
            return _print_text(spec, "null")
        if _is_integral(arg) and integral_class(arg) == "Long":
            raise VtlRuntimeError("date/time conversions (%t) are not supported")
        raise _fail_conversion(spec, arg)
    if c == "n":
        return "\n"
    if c == "%":
        return _print_text(spec, "%")
    if c == "s":
        if spec.has("#"):
            raise _mismatch("#", "s")
        return _print_text(spec, "null" if arg is None else to_string(arg))
    if c == "b":
        if arg is None:
            return _print_text(spec, "false")
        return _print_text(spec, ("true" if arg else "false") if type(arg) is bool else "true")
    if c == "h":
        return _print_text(spec, "null" if arg is None else f"{java_hash(arg) & 0xFFFFFFFF:x}")
    if c == "c":
        return _print_char(spec, arg)
    if arg is None:
        return _print_text(spec, "null")
    if c in "dox":
        if not _is_integral(arg):
            raise _fail_conversion(spec, arg)
        arg = int(arg)
        if LONG_MIN <= arg <= LONG_MAX:
            return _print_long(spec, arg)
        return _print_big_integer(spec, arg)
    # e f g a
    if isinstance(arg, float):  # Double, or Float (printed through its double value)
        return _print_double(spec, float(arg))
    if type(arg) is Decimal:
        if c == "a":
            raise _fail_conversion(spec, arg)
        return _print_decimal(spec, arg)
    raise _fail_conversion(spec, arg)


def _print_char(spec: _Spec, arg: Any) -> str:
    if arg is None:
        return _print_text(spec, "null")
    if type(arg) is JavaChar:
        return _print_text(spec, str.__str__(arg))
    if _is_integral(arg) and integral_class(arg) in ("Byte", "Short", "Integer"):
        arg = int(arg)
        if 0 <= arg <= 0x10FFFF:
            return _print_text(spec, chr(arg))
        raise _err("IllegalFormatCodePointException", f"Code point = 0x{arg & 0xFFFFFFFF:x}")
    raise _fail_conversion(spec, arg)


def _leading_sign(spec: _Spec, neg: bool) -> str:
    if not neg:
        return "+" if spec.has("+") else (" " if spec.has(" ") else "")
    return "(" if spec.has("(") else "-"


def _trailing_sign(spec: _Spec, neg: bool) -> str:
    return ")" if neg and spec.has("(") else ""


def _adjust_width(spec: _Spec, width: int, neg: bool) -> int:
    return width - 1 if width != -1 and neg and spec.has("(") else width


def _magnitude(spec: _Spec, prefix: str, value: str, width: int, group: bool | None = None) -> str:
    """``localizedMagnitude``: digits with ``,`` groups, zero-padded to ``width`` (which
    counts ``prefix``, the sign already written)."""
    dot = value.find(".")
    if dot < 0:
        dot = len(value)
    digits = []
    grouping = spec.has(",") if group is None else group
    for j, ch in enumerate(value):
        if j == dot:
            digits.append(".")
            grouping = False
            continue
        digits.append(ch)
        if grouping and j != dot - 1 and (dot - j) % 3 == 1:
            digits.append(",")
    body = "".join(digits)
    if width != -1 and width > len(prefix) + len(body) and spec.has("0"):
        body = "0" * (width - len(prefix) - len(body)) + body
    return prefix + body


def _print_long(spec: _Spec, value: int) -> str:
    c = spec.conv
    if c == "d":
        neg = value < 0
        s = _magnitude(spec, _leading_sign(spec, neg), str(abs(value)), _adjust_width(spec, spec.width, neg))
        return _justify(spec, s + _trailing_sign(spec, neg))
    _bad_flags(spec, "( +")
    if INT_MIN <= value <= INT_MAX:
        unsigned = value & 0xFFFFFFFF  # an Integer prints its 32-bit two's complement
    else:
        unsigned = value & 0xFFFFFFFFFFFFFFFF
    if c == "o":
        s = f"{unsigned:o}"
        prefix = "0" if spec.has("#") else ""
    else:
        s = f"{unsigned:x}"
        prefix = ("0X" if spec.has("^") else "0x") if spec.has("#") else ""
        if spec.has("^"):
            s = s.upper()
    if spec.has("0"):
        prefix += "0" * max(0, spec.width - len(s) - len(prefix))
    return _justify(spec, prefix + s)


def _print_big_integer(spec: _Spec, value: int) -> str:
    c = spec.conv
    neg = value < 0
    v = abs(value)
    sign = _leading_sign(spec, neg)
    if c == "d":
        s = _magnitude(spec, sign, int_text(v), _adjust_width(spec, spec.width, neg))
    else:
        digits = f"{v:o}" if c == "o" else f"{v:x}"
        length = len(digits) + len(sign) + (1 if neg and spec.has("(") else 0)
        prefix = sign
        if spec.has("#"):
            if c == "o":
                length += 1
                prefix += "0"
            else:
                length += 2
                prefix += "0X" if spec.has("^") else "0x"
        if spec.has("0"):
            prefix += "0" * max(0, spec.width - length)
        if c == "x" and spec.has("^"):
            digits = digits.upper()
        s = prefix + digits
    return _justify(spec, s + _trailing_sign(spec, neg))


# -- floating point -----------------------------------------------------------------------------


def _apply_precision(dec_exp: int, digits: list[str], prec: int) -> int:
    """FormattedFloatingDecimal.applyPrecision: round the digits half-up in place."""
    n = len(digits)
    if prec >= n or prec < 0:
        return dec_exp
    if prec == 0:
        if digits[0] >= "5":
            digits[0] = "1"
            digits[1:] = ["0"] * (n - 1)
            return dec_exp + 1
        digits[:] = ["0"] * n
        return dec_exp
    if digits[prec] >= "5":
        i = prec - 1
        while digits[i] == "9" and i > 0:
            i -= 1
        if digits[i] == "9":
            digits[0] = "1"
            digits[1:] = ["0"] * (n - 1)
            return dec_exp + 1
        digits[i] = chr(ord(digits[i]) + 1)
        digits[i + 1:] = ["0"] * (n - i - 1)
    else:
        digits[prec:] = ["0"] * (n - prec)
    return dec_exp


def _fill_decimal(prec: int, digits: list[str], exp: int) -> str:
    n = len(digits)
    ds = "".join(digits)
    if exp > 0:
        if n < exp:
            return ds + "0" * (exp - n)
        t = min(n - exp, prec)
        return ds[:exp] + ("." + ds[exp:exp + t] if t > 0 else "")
    zeros = max(0, min(-exp, prec))
    t = max(0, min(n, prec + exp))
    if zeros > 0:
        return "0." + "0" * zeros + ds[:t]
    if t > 0:
        return "0." + ds[:t]
    return "0"


def _fill_scientific(prec: int, digits: list[str], exp: int) -> tuple[str, str]:
    n = len(digits)
    t = max(0, min(n - 1, prec))
    mant = digits[0] + ("." + "".join(digits[1:1 + t]) if t > 0 else "")
    if exp <= 0:
        sign, e = "-", -exp + 1
    else:
        sign, e = "+", exp - 1
    return mant, sign + (f"{e:02d}" if e <= 99 else str(e))


def _add_zeros(mant: str, prec: int) -> str:
    dot = mant.find(".")
    out_prec = 0 if dot < 0 else len(mant) - dot - 1
    if out_prec >= prec:
        return mant
    return mant + ("." if dot < 0 else "") + "0" * (prec - out_prec)


def _print_double(spec: _Spec, value: float) -> str:
    if value != value:
        return _justify(spec, "NAN" if spec.has("^") else "NaN")
    neg = math.copysign(1.0, value) < 0  # Double.compare(value, 0.0) == -1: -0.0 too
    v = abs(value)
    out = _leading_sign(spec, neg)
    if v == float("inf"):
        out += "INFINITY" if spec.has("^") else "Infinity"
    else:
        out = _float_body(spec, v, out, neg)
    return _justify(spec, out + _trailing_sign(spec, neg))


def _float_body(spec: _Spec, v: float, sign: str, neg: bool) -> str:
    c, upper, width = spec.conv, spec.has("^"), spec.width
    if c == "a":
        return sign + _hex_float(spec, v, neg)
    text, dec_exp = double_digits(v, compatible=False)
    digits = list(text)
    if c == "e":
        prec = 6 if spec.precision == -1 else spec.precision
        exp = _apply_precision(dec_exp, digits, prec + 1)
        mant, exponent = _fill_scientific(prec, digits, exp)
        mant = _add_zeros(mant, prec)
        if spec.has("#") and prec == 0:
            mant += "."
        if v == 0.0:
            exponent = "+00"
        new_w = _adjust_width(spec, width - len(exponent) - 1, neg) if width != -1 else width
        return _magnitude(spec, sign, mant, new_w) + ("E" if upper else "e") + exponent
    if c == "f":
        prec = 6 if spec.precision == -1 else spec.precision
        exp = _apply_precision(dec_exp, digits, dec_exp + prec)
        mant = _add_zeros(_fill_decimal(prec, digits, exp), prec)
        if spec.has("#") and prec == 0:
            mant += "."
        return _magnitude(spec, sign, mant, _adjust_width(spec, width, neg))
    # g
    prec = 6 if spec.precision == -1 else (1 if spec.precision == 0 else spec.precision)
    exponent: str | None
    if v == 0.0:
        exponent, mant, exp_rounded = None, "0", 0
    else:
        exp = _apply_precision(dec_exp, digits, prec)
        if exp - 1 < -4 or exp - 1 >= prec:
            mant, exponent = _fill_scientific(prec - 1, digits, exp)
        else:
            mant, exponent = _fill_decimal(prec - exp, digits, exp), None
        exp_rounded = exp - 1
    prec -= 1 if exponent is not None else exp_rounded + 1
    mant = _add_zeros(mant, prec)
    if spec.has("#") and prec == 0:
        mant += "."
    if width == -1:
        new_w = width
    elif exponent is not None:
        new_w = _adjust_width(spec, width - len(exponent) - 1, neg)
    else:
        new_w = _adjust_width(spec, width, neg)
    out = _magnitude(spec, sign, mant, new_w)
    if exponent is not None:
        out += ("E" if upper else "e") + exponent
    return out


def _hex_float(spec: _Spec, v: float, neg: bool) -> str:
    prec = spec.precision
    prec = 0 if prec == -1 else (1 if prec == 0 else prec)
    s = _hex_double(v, prec)
    upper = spec.has("^")
    out = "0X" if upper else "0x"
    if spec.has("0"):
        leading = 3 if (spec.has(" ") or spec.has("+") or neg) else 2
        out += "0" * max(0, spec.width - len(s) - leading)
    idx = s.index("p")
    va = s[:idx].upper() if upper else s[:idx]
    if prec != 0:
        va = _add_zeros(va, prec)
    return out + va + ("P" if upper else "p") + s[idx + 1:]


def _hex_double(d: float, prec: int) -> str:
    """Formatter.hexDouble for ``d >= 0``: the hex significand rounded to ``prec`` digits."""
    if not math.isfinite(d) or d == 0.0 or prec == 0 or prec >= 13:
        return double_to_hex_string(d)[2:]
    exponent = math.frexp(d)[1] - 1
    subnormal = exponent < -1022
    if subnormal:
        d *= 2.0**54
    shift = 53 - (1 + prec * 4)
    bits = struct.unpack("<Q", struct.pack("<d", d))[0]
    new_signif = (bits & 0x7FFFFFFFFFFFFFFF) >> shift
    rounding = bits & ~(~0 << shift)
    least_zero = (new_signif & 1) == 0
    round_bit = ((1 << (shift - 1)) & rounding) != 0
    sticky = shift > 1 and (~(1 << (shift - 1)) & rounding) != 0
    if (least_zero and round_bit and sticky) or (not least_zero and round_bit):
        new_signif += 1
    result_bits = (bits & (1 << 63)) | (new_signif << shift)
    result = struct.unpack("<d", struct.pack("<Q", result_bits & 0xFFFFFFFFFFFFFFFF))[0]
    if math.isinf(result):
        return "1.0p1024"
    res = double_to_hex_string(result)[2:]
    if not subnormal:
        return res
    idx = res.index("p")
    return res[:idx] + "p" + str(int(res[idx + 1:]) - 54)


# -- BigDecimal ----------------------------------------------------------------------------------


def _unscaled_scale(d: Decimal) -> tuple[int, int]:
    sign, digits, exponent = d.as_tuple()
    unscaled = int_from_digits("".join(map(str, digits)) or "0")
    return (-unscaled if sign else unscaled), -int(exponent)


def _round_sig(unscaled: int, scale: int, prec: int) -> tuple[int, int]:
    """``new BigDecimal(unscaled, scale, new MathContext(prec))`` (HALF_UP)."""
    digits = len(int_text(abs(unscaled)))
    if prec <= 0 or digits <= prec:
        return unscaled, scale
    drop = digits - prec
    q, r = divmod(abs(unscaled), 10**drop)
    if 2 * r >= 10**drop:
        q += 1
    scale -= drop
    if len(int_text(q)) > prec:  # 999.. rounded up to 1000..: one digit fewer
        q //= 10
        scale -= 1
    return (-q if unscaled < 0 else q), scale


def _layout(unscaled: int, scale: int, scientific: bool) -> tuple[str, str | None, bool, int]:
    """BigDecimalLayout: (mantissa, exponent, has dot, scale)."""
    coeff = int_text(unscaled)
    n = len(coeff)
    if scale == 0:
        if n > 1:
            if scientific:
                return coeff[0] + "." + coeff[1:], "+" + (f"0{n - 1}" if n < 10 else str(n - 1)), True, 0
            return coeff, None, False, 0
        return coeff, ("+00" if scientific else None), False, 0
    if not scientific:
        if scale >= n:
            return "0." + "0" * (scale - n) + coeff, None, True, scale
        if scale > 0:
            return coeff[: n - scale] + "." + coeff[n - scale:], None, True, scale
        return coeff + ("0" * -scale if unscaled else ""), None, False, 0
    mant = coeff[0] + ("." + coeff[1:] if n > 1 else "")
    adjusted = -scale + (n - 1)
    if adjusted == 0:
        exp = "+00"
    else:
        exp = ("-" if adjusted < 0 else "+") + ("0" if abs(adjusted) < 10 else "") + str(abs(adjusted))
    return mant, exp, n > 1, scale


def _print_decimal(spec: _Spec, value: Decimal) -> str:
    neg = value < 0
    sign = _leading_sign(spec, neg)
    if spec.conv == "f":
        check_decimal_text(value, string_limit())  # 1E+999999999 has a billion digits
    unscaled, scale = _unscaled_scale(abs(value))
    body = _decimal_body(spec, unscaled, scale, spec.conv, spec.precision, sign, neg)
    return _justify(spec, body + _trailing_sign(spec, neg))


def _decimal_body(spec: _Spec, unscaled: int, scale: int, c: str, precision: int, sign: str, neg: bool) -> str:
    if c == "e":
        prec = 6 if precision == -1 else precision
        orig_prec = len(int_text(unscaled))
        if prec > orig_prec - 1:
            comp_prec, nzeros = orig_prec, prec - (orig_prec - 1)
        else:
            comp_prec, nzeros = prec + 1, 0
        u, s = _round_sig(unscaled, scale, comp_prec)
        mant, exp, dot, _ = _layout(u, s, True)
        if (orig_prec == 1 or not dot) and (nzeros > 0 or spec.has("#")):
            mant += "."
        mant += "0" * nzeros
        assert exp is not None
        width = spec.width
        new_w = _adjust_width(spec, width - len(exp) - 1, neg) if width != -1 else width
        return _magnitude(spec, sign, mant, new_w) + ("E" if spec.has("^") else "e") + exp
    if c == "f":
        prec = 6 if precision == -1 else precision
        if scale > prec:
            comp_prec = len(int_text(unscaled))
            if comp_prec <= scale:
                q = Decimal(int_text(unscaled)).scaleb(-scale).quantize(Decimal(1).scaleb(-prec), rounding=decimal.ROUND_HALF_UP)
                unscaled, scale = _unscaled_scale(q)
            else:
                unscaled, scale = _round_sig(unscaled, scale, comp_prec - (scale - prec))
        mant, _, _, lscale = _layout(unscaled, scale, False)
        nzeros = prec - lscale if lscale < prec else 0
        if lscale == 0 and (spec.has("#") or nzeros > 0):
            mant += "."
        mant += "0" * nzeros
        return _magnitude(spec, sign, mant, _adjust_width(spec, spec.width, neg))
    # g
    prec = 6 if precision == -1 else (1 if precision == 0 else precision)
    unscaled, scale = _round_sig(unscaled, scale, prec)
    value = Decimal(int_text(unscaled)).scaleb(-scale)
    if unscaled == 0 and scale == 0 or (Decimal("0.0001") <= value < Decimal(10) ** prec):
        e = -scale + (len(int_text(unscaled)) - 1)
        return _decimal_body(spec, unscaled, scale, "f", prec - e - 1, sign, neg)
    return _decimal_body(spec, unscaled, scale, "e", prec - 1, sign, neg)
