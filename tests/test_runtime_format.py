"""String.format, Float and streams in the value model.

Every expectation below was printed by Java 17 (``String.format(fmt, args)`` in a small
harness, ``Float.toString``, ``Double.toHexString``) or by Velocity 1.7 through the oracle;
none comes from this engine. A fuller randomised comparison with Java (tens of thousands of
specifiers) was run while porting; these rows pin the interesting cases.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from vtl.errors import JavaException, VtlLimitError
from vtl.runtime import call_method, java_class_name, qualified_name, to_string
from vtl.runtime.doubles import double_to_hex_string, float_to_string, to_float32
from vtl.runtime.formatter import java_format
from vtl.runtime.values import JavaChar, JavaFloat

FORMATS = [
    ("%s=%d", ["x", 3], "x=3"),
    ("%05d|%.2f|%s", [42, 3.14159, "x"], "00042|3.14|x"),
    ("%,d|%(d|%+d|% d", [1234567, -5, 5, 5], "1,234,567|(5)|+5| 5"),
    ("%x|%X|%#x|%o|%#o", [-1, 255, 255, 8, 8], "ffffffff|FF|0xff|10|010"),
    ("%x", [-3000000000], "ffffffff4d2fa200"),
    ("%x|%(x", [-(2**64), -(2**64)], "-10000000000000000|(10000000000000000)"),
    ("%.1f|%.2f|%.0f|%.3e|%g|%G", [0.15, 1.005, 2.5, 12345.678, 0.0001234, 1e20],
     "0.2|1.01|3|1.235e+04|0.000123400|1.00000E+20"),
    ("%a|%.2a|%A", [1.0, 0.1, -0.0], "0x1.0p0|0x1.9ap-4|-0X0.0P0"),
    ("%.3f|%e|%g|%,.2f", [Decimal("2.3455"), Decimal("123.456E+10"), Decimal("0.00001"), Decimal("1234567.885")],
     "2.346|1.234560e+12|1.00000e-05|1,234,567.89"),
    ("%-6s|%6s|%.2s|%S|%b|%B|%c|%C|%%|%5%|%n", ["ab", "ab", "abc", "hi", None, False, 128512, JavaChar("q")],
     "ab    |    ab|ab|HI|false|FALSE|\U0001f600|Q|%|    %|\n"),
    ("%2$s %1$s %<s %s", ["a", "b"], "b a a a"),
    ("%,.2f|%.3e|%10.4f|%-10.1e|", [1234567.891, 0.000123, -3.14159, 12345.0],
     "1,234,567.89|1.230e-04|   -3.1416|1.2e+04   |"),
]

ERRORS = [
    ("%s %s", ["x"], "java.util.MissingFormatArgumentException", "Format specifier '%s'"),
    ("%d", ["x"], "java.util.IllegalFormatConversionException", "d != java.lang.String"),
    ("%q", [], "java.util.UnknownFormatConversionException", "Conversion = 'q'"),
    ("%", [], "java.util.UnknownFormatConversionException", "Conversion = '%'"),
    ("%-d", [1], "java.util.MissingFormatWidthException", "%-d"),
    ("%--5d", [1], "java.util.DuplicateFormatFlagsException", "Flags = '-'"),
    ("%+ d", [1], "java.util.IllegalFormatFlagsException", "Flags = '+ '"),
    ("%#s", ["a"], "java.util.FormatFlagsConversionMismatchException", "Conversion = s, Flags = #"),
    ("%.2d", [1], "java.util.IllegalFormatPrecisionException", "2"),
    ("%,x", [1], "java.util.FormatFlagsConversionMismatchException", "Conversion = x, Flags = ,"),
    ("%c", [-1], "java.util.IllegalFormatCodePointException", "Code point = 0xffffffff"),
    ("%0s", ["a"], "java.util.FormatFlagsConversionMismatchException", "Conversion = s, Flags = 0"),
    ("%<s", ["a"], "java.util.MissingFormatArgumentException", "Format specifier '%<s'"),
    ("%0$s", ["a"], "java.util.IllegalFormatArgumentIndexException", "Illegal format argument index = 0"),
    ("%tY", [1], "java.util.IllegalFormatConversionException", "Y != java.lang.Integer"),
    ("%tq", [1], "java.util.UnknownFormatConversionException", "Conversion = 'tq'"),
    ("%.2n", [], "java.util.IllegalFormatPrecisionException", "2"),
    ("%-n", [], "java.util.IllegalFormatFlagsException", "Flags = '-'"),
    ("%+%", [], "java.util.IllegalFormatFlagsException", "Flags = '+'"),
]


@pytest.mark.parametrize(("fmt", "args", "expected"), FORMATS)
def test_format_matches_java(fmt, args, expected):
    assert java_format(fmt, args) == expected


@pytest.mark.parametrize(("fmt", "args", "cls", "message"), ERRORS)
def test_format_errors_match_java(fmt, args, cls, message):
    with pytest.raises(JavaException) as info:
        java_format(fmt, args)
    assert qualified_name(info.value.java_class) == cls
    assert str(info.value).split(": ", 1)[1] == message


def test_format_through_a_string_receiver():
    # Velocity: a single null vararg is a null array (every specifier prints null); a String[]
    # is the argument array; a list is one argument.
    assert call_method("", "format", ["%s|%s", None]) == "null|null"
    assert call_method("", "format", ["%s %s", "a", "b"]) == "a b"
    assert call_method("", "format", ["none"]) == "none"
    arr = call_method("p,q", "split", [","])
    assert call_method("", "format", ["%s %s", arr]) == "p q"
    with pytest.raises(JavaException):
        call_method("", "format", ["%s %s", ["a", "b"]])


def test_huge_widths_are_refused():
    with pytest.raises(VtlLimitError):
        java_format("%999999999s", ["x"])
    with pytest.raises(VtlLimitError):
        java_format("%.5000000f", [1.0])


# Float.toString / floatValue (Java 17): (value, floatValue() printed)
FLOATS = [
    (42, "42.0"), (3000000000, "3.0E9"), (2.5, "2.5"), (123456789012345678901234567890, "1.2345679E29"),
    (0.1, "0.1"), (1e-40, "1.0E-40"), (3.4028235677973366e38, "Infinity"), (16777217, "1.6777216E7"),
    (Decimal("0.30000000000000004"), "0.3"), (1.4e-45, "1.4E-45"), (-0.0, "-0.0"),
]


@pytest.mark.parametrize(("value", "expected"), FLOATS)
def test_float_value(value, expected):
    f = call_method(value, "floatValue", [])
    assert type(f) is JavaFloat and java_class_name(f) == "java.lang.Float"
    assert to_string(f) == expected


def test_float_to_string_and_hex():
    assert float_to_string(to_float32(1.0e10)) == "1.0E10"
    assert float_to_string(to_float32(0.001)) == "0.001"
    assert double_to_hex_string(255.0) == "0x1.fep7"
    assert double_to_hex_string(0.1) == "0x1.999999999999ap-4"
    assert double_to_hex_string(-0.0) == "-0x0.0p0"
    assert double_to_hex_string(4.9e-324) == "0x0.0000000000001p-1022"
    assert call_method(2.5, "toHexString", [255]) == "0x1.fep7"


def test_float_arithmetic_stays_float():
    from vtl.runtime import add, div, mul

    f = call_method(0.1, "floatValue", [])
    assert to_string(add(f, 1)) == "1.1" and java_class_name(add(f, 1)) == "java.lang.Float"
    assert to_string(mul(f, f)) == "0.010000001"
    assert to_string(div(f, 3)) == "0.033333335"
    assert type(add(f, 0.5)) is float  # a Double operand makes a Double


def test_streams():
    s = call_method("a\U0001f600", "chars", [])
    assert call_method(s, "count", []) == 3
    with pytest.raises(JavaException) as info:
        call_method(s, "count", [])
    assert "stream has already been operated upon or closed" in str(info.value)
    assert call_method(call_method("a\U0001f600", "codePoints", []), "count", []) == 2
    assert call_method(call_method("a\r\nb\rc\n\nd\n", "lines", []), "count", []) == 5
    assert call_method(call_method("ab\ncd", "chars", []), "sum", []) == 404
    lst = call_method(call_method([1, 2], "stream", []), "toList", [])
    assert to_string(lst) == "[1, 2]"
    with pytest.raises(JavaException):
        call_method(lst, "add", [3])
    assert to_string(call_method("x", "chars", [])).startswith("java.util.stream.IntPipeline$Head@")
    assert to_string(call_method([], "stream", [])).startswith("java.util.stream.ReferencePipeline$Head@")
