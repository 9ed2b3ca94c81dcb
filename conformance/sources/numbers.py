"""Arithmetic: Integer/Long/BigInteger widening, Double, division, modulo, printing."""

from __future__ import annotations

from . import Cases
from ._common import slug

#: Operands crossed with every arithmetic operator.
OPERANDS = [
    "7", "-7", "0", "2147483647", "9223372036854775807", "12345678901234567890", "2.5", "0.0",
    "'3'", "$n",
]
OPERATORS = {"add": "+", "sub": "-", "mul": "*", "div": "/", "mod": "%"}
ENV = {"n": None, "i": 42, "big": 3000000000, "d": -1.25, "huge": 123456789012345678901234567890}

#: Number literal spellings, printed directly and with their Java class.
LITERALS = [
    "0", "-0", "007", "1", "-1", "2147483647", "2147483648", "-2147483648", "-2147483649",
    "9223372036854775807", "9223372036854775808", "-9223372036854775809",
    "123456789012345678901234567890", "1.5", "-1.5", "1.", ".5", "-.5", "0.0", "-0.0", "1e3",
    "1E-3", "1.5e2", "-1.5E-2", "1e308", "1e309", "4.9e-324", "1e-400", "100.0", "1000000.0",
    "10000000.0", "123456789.123", "0.001", "0.0001", "1.0E10", "3.14159265358979323846",
    "2e23", "0.1",
]

#: Values arriving as variables (JSON numbers), printed and used.
VAR_NUMBERS = [
    0, 1, -1, 42, 2147483647, 2147483648, -2147483648, -2147483649, 9223372036854775807,
    9223372036854775808, 123456789012345678901234567890, 1.5, -0.5, 0.1, 100.0, 1e7, 1e-3,
    1e-4, 1e21, 2e23, 3.0, 0.30000000000000004, 1.7976931348623157e308,
]

#: Method calls on Integer, Long, Double and BigInteger receivers.
METHODS = [
    "intValue()", "longValue()", "doubleValue()", "floatValue()", "shortValue()",
    "byteValue()", "toString()", "hashCode()", "compareTo(3)", "compareTo(3.0)", "equals(42)",
    "equals(42.0)", "class.name", "class.simpleName", "isNaN()", "isInfinite()", "signum()",
    "abs()", "negate()", "toString(2)", "bitLength()", "max(5)", "sum(1, 2)", "parseInt('12')",
    "valueOf('9')", "toHexString(255)", "MAX_VALUE",
]


def cases() -> Cases:
    out = Cases()
    for oname, op in OPERATORS.items():
        for left in OPERANDS:
            for right in OPERANDS:
                template = f"#set($r = 'old')#set($r = {left} {op} {right})$r"
                out.add(f"{oname}-{slug(left)}-{slug(right)}", template, ENV)
    for lit in LITERALS:
        out.add(f"literal-{slug(lit)}", f"#set($x = {lit})$x $x.class.simpleName")
    for k, value in enumerate(VAR_NUMBERS):
        out.add(f"var-{k}", "$v|$v.class.simpleName|#set($w = $v + 1)$w|#set($w = $v * 2)$w", {"v": value})
    for receiver, value in [("int", 42), ("long", 3000000000), ("dbl", 2.5), ("big", 123456789012345678901234567890)]:
        for method in METHODS:
            out.add(f"method-{receiver}-{slug(method)}", f"$v.{method}", {"v": value})
    chains = [
        ("precedence", "#set($x = 1 + 2 * 3 - 4 / 2 % 3)$x"),
        ("parens", "#set($x = ((1 + 2) * (3 - 4)) / 2)$x"),
        ("left-assoc-sub", "#set($x = 10 - 4 - 3)$x"),
        ("left-assoc-div", "#set($x = 100 / 10 / 5)$x"),
        ("chained-mixed", "#set($x = 1 + 2.0 * 3)$x"),
        ("string-concat-order", "#set($x = 1 + 2 + 'a' + 1 + 2)$x"),
        ("string-times", "#set($x = 'a' * 2)$x"),
        ("null-plus", "#set($x = 'old')#set($x = $n + 1)$x"),
        ("bool-plus", "#set($x = 'old')#set($x = true + 1)$x"),
        ("list-plus", "#set($x = 'old')#set($x = [1] + 1)$x"),
        ("map-plus-str", "#set($x = 'old')#set($x = {} + 'a')$x"),
        ("int-min-div-neg1", "#set($x = -2147483648 / -1)$x"),
        ("long-min-div-neg1", "#set($x = -9223372036854775808 / -1)$x"),
        ("int-min-mod-neg1", "#set($x = -2147483648 % -1)$x"),
        ("int-mul-overflow", "#set($x = 65536 * 65536)$x $x.class.simpleName"),
        ("long-mul-overflow", "#set($x = 4294967296 * 4294967296)$x $x.class.simpleName"),
        ("sub-underflow", "#set($x = -2147483648 - 1)$x $x.class.simpleName"),
        ("long-sub-underflow", "#set($x = -9223372036854775808 - 1)$x $x.class.simpleName"),
        ("shrink-back", "#set($x = 2147483648 - 1)$x $x.class.simpleName"),
        ("big-shrink", "#set($x = 9223372036854775808 - 1)$x $x.class.simpleName"),
        ("double-div-zero", "#set($x = 1.0 / 0)$x #set($y = -1.0 / 0)$y #set($z = 0.0 / 0)$z"),
        ("double-mod-zero", "#set($x = 'old')#set($x = 5.5 % 0)$x"),
        ("double-mod", "#set($x = 5.5 % 2)$x #set($y = -5.5 % 2)$y"),
        ("long-div", "#set($x = 3000000000 / 7)$x #set($y = 3000000000 % 7)$y"),
        ("big-div", "#set($x = 12345678901234567890 / 3)$x #set($y = 12345678901234567890 % 7)$y"),
        ("big-double", "#set($x = 12345678901234567890 * 1.5)$x"),
        ("inc-loop", "#set($c = 0)#foreach($i in [1..10])#set($c = $c + $i)#end$c"),
        ("float-accum", "#set($c = 0.0)#foreach($i in [1..10])#set($c = $c + 0.1)#end$c"),
        ("neg-zero-double", "#set($x = -0.0)$x #set($y = 0.0 * -1)$y"),
        ("var-arith", "#set($x = $i + $big)$x #set($y = $i * $d)$y #set($z = $huge + 1)$z"),
        ("var-div", "#set($x = $i / 5)$x #set($y = $big / $i)$y #set($z = $i / $d)$z"),
        ("range-arith", "#set($x = [1..3])#set($y = $x.size() * 2)$y"),
        ("unary-minus-space", "#set($x = - 1)$x"),
        ("unary-minus-var", "#set($x = -$i)$x"),
        ("unary-plus", "#set($x = +1)$x"),
        ("no-space-minus", "#set($x = 5-3)$x"),
        ("double-minus", "#set($x = 5--3)$x #set($y = 5 - -3)$y"),
        ("hex", "#set($x = 0x1F)$x"),
        ("exp-no-digits", "#set($x = 1e)$x"),
        ("print-double-forms", "#foreach($v in [1.0, 10.0, 1e6, 1e7, 1.234e-3, 1e-3, 9.999e-4, 1e21, 1e22])$v #end"),
        ("sum-int-long-mix", "#set($x = 2147483647 + 2147483647 + 2147483647)$x $x.class.simpleName"),
    ]
    for cid, template in chains:
        out.add(cid, template, ENV)
    # Arithmetic keeps the wider operand's class (MathUtils.wrapPrimitive), so a small result
    # can be a Long, a Short or a Byte: no int argument, never equal to an Integer.
    small_long = "#set($x = $big - 2999999999)"
    boxed = [
        ("small-long-class", small_long + "$x $x.class.name #set($y = $x + 1)$y.class.simpleName #set($z = $i - $i)$z.class.simpleName"),
        ("small-long-int-arguments", small_long + "#set($l = [1, 2, 3])#set($s = 'abcdef')[$l[$x]][$l.get($x)][$s.substring($x)][$s.charAt($x)][$l.subList(0, $x)]"),
        ("small-long-long-arguments", small_long + "#set($s = 'abc')[$s.indexOf(98, $x)][$x.compareTo($x)][$x.max($x, 5)][$x.signum($x)]"),
        ("small-long-equals", small_long + "#set($l = [1, 2])[$l.contains($x)][$l.indexOf($x)][$x.equals(1)][$x.equals($x)][$l.remove($x)]$l"),
        ("small-long-map-key", small_long + "#set($m = {})#set($d = $m.put($x, 'L'))#set($d = $m.put(1, 'I'))$m $m.size() [$m.get($x)][$m.get(1)]"),
        ("small-long-hash", small_long + "#set($y = $big - 3000000002)$x.hashCode() $y.hashCode() $y #set($l = [$x, 1])$l.hashCode()"),
        ("small-long-compare", small_long + "#if($x == 1)eq#end #if($x < 2)lt#end #foreach($k in [$x..3])$k$k.class.simpleName #end"),
        ("long-value", "#set($a = $i.longValue())$a $a.class.simpleName $a.parseLong('5').class.simpleName $a.valueOf(3).class.simpleName $a.sum(1, 2).class.simpleName $a.intValue().class.simpleName"),
        ("short-value", "#set($a = $i.shortValue())$a $a.class.simpleName $a.hashCode() $a.equals(7) #set($b = $a + $a)$b.class.simpleName #set($c = $a * 10000)$c $c.class.simpleName"),
        ("byte-value", "#set($a = 3)#set($a = $a.byteValue())$a $a.class.simpleName #set($b = $a + $a)$b.class.simpleName #set($c = $a * 100)$c $c.class.simpleName [$s.substring($a)]"),
        ("small-big-integer", "#set($x = $huge - $huge + 5)$x $x.class.simpleName #set($y = $x + 1)$y.class.simpleName #set($z = $x * $d)$z.class.simpleName [$s.substring($x)]"),
        ("big-integer-methods", "$huge.add($huge) $huge.subtract($huge).class.simpleName $huge.multiply($huge) [$huge.add(1)] $huge.negate().abs().class.simpleName #set($z = $huge - $huge)$z.add($z).class.simpleName [$huge.subtract($i.longValue())]"),
        ("big-integer-add-null", "$huge.add($n)"),
        ("range-bounds-any-number", "#set($b = 2.5 * $huge)#set($c = $b / $huge)#foreach($k in [$c..3])$k,#end|#foreach($k in [$d..3])$k,#end"),
    ]
    boxed_env = {**ENV, "s": "abcdef"}
    for cid, template in boxed:
        out.add(cid, template, boxed_env)
    # Digits past the range stop counting at -MIN_VALUE, not MAX_VALUE: '-21474836480' fails.
    for text, radix in PARSE_BEYOND_MIN:
        out.add(f"parse-beyond-min-{slug(text)}-{radix}",
                f"[$i.parseInt('{text}', {radix})][$big.parseLong('{text}', {radix})][$i.valueOf('{text}', {radix})]"
                f"[$big.valueOf('{text}')]", ENV)
    for text in DECODE:
        out.add(f"decode-{slug(text) or 'empty'}", f"[$i.decode('{text}')][$big.decode('{text}')]", ENV)
    for text in UNSIGNED:
        for radix in (10, 16, 36, 2):
            out.add(f"parse-unsigned-{slug(text) or 'empty'}-{radix}",
                    f"[$i.parseUnsignedInt('{text}', {radix})]|[$big.parseUnsignedLong('{text}', {radix})]", ENV)
    for cid, template in UNSIGNED_MORE:
        out.add(cid, template, ENV)
    for name, value in BIG_INTEGERS.items():
        head = f"#set($x = {value})#set($y = -98765432109876543210)#set($m = 170141183460469231731687303715884105727)"
        for k, calls in enumerate(BIG_INTEGER_CALLS):
            out.add(f"biginteger-{name}-{k}", head + calls, ENV)
    for name, value in BIG_DECIMALS.items():
        head = f"#set($h = 12345678901234567890)#set($x = {value})#set($y = $h * -0.25)"
        for k, calls in enumerate(BIG_DECIMAL_CALLS):
            out.add(f"bigdecimal-{name}-{k}", head + calls, ENV)
    for cid, template in BIG_MORE:
        out.add(cid, template, ENV)
    return out


#: BigInteger receivers (``$x``), each tried with every line of :data:`BIG_INTEGER_CALLS`.
BIG_INTEGERS = {"pos": "123456789012345678901234567890", "neg": "-98765432109876543210",
                "long-edge": "9223372036854775808", "zero": "$huge - $huge", "one": "9223372036854775808 - 9223372036854775807"}
BIG_INTEGER_CALLS = [
    "$x.not()|$x.getLowestSetBit()|$x.bitCount()|$x.toByteArray().size()|$x.shiftLeft(5)|$x.shiftRight(5)|$x.shiftLeft(-70)"
    "|$x.testBit(0)|$x.testBit(200)|$x.setBit(100)|$x.clearBit(0)|$x.flipBit(64)|$x.pow(0)|$x.pow(3)",
    "$x.divide($y)|$x.remainder($y)|$x.gcd($y)|$x.max($y)|$x.min($y)|$x.and($y)|$x.or($y)|$x.xor($y)|$x.andNot($y)"
    "|#foreach($q in $x.divideAndRemainder($y))$q,#end",
    "$x.mod($m)|$x.modPow($y.negate(), $m)|$x.modInverse($m)|$x.isProbablePrime(10)|$m.isProbablePrime(10)"
    "|#foreach($b in $x.toByteArray())$b,#end",
    "[$x.sqrt()]", "[$x.intValueExact()]", "[$x.longValueExact()]", "[$x.byteValueExact()]", "[$y.divide($x)]",
    "[$x.mod($y)]", "[$x.testBit(-1)]", "[$x.pow(-1)]", "[$x.modInverse($x)]",
]
#: BigDecimal receivers (``$x``; ``$y`` is another), made by arithmetic as templates make them.
BIG_DECIMALS = {"half": "$h * 0.5", "tiny": "$h * 0.0000000001 - 1234567890.123456789", "neg": "$h * -0.125",
                "zero": "$h * 0.0 - 0.0", "whole": "$h * 1.0"}
BIG_DECIMAL_CALLS = [
    "$x|$x.precision()|$x.scale()|$x.unscaledValue()|$x.negate()|$x.abs()|$x.signum()|$x.stripTrailingZeros()"
    "|$x.toBigInteger()|$x.toEngineeringString()|$x.ulp()|$x.movePointLeft(3)|$x.movePointRight(25)"
    "|$x.scaleByPowerOfTen(-4)|$x.pow(3)|$x.pow(0)",
    "$x.add($y)|$x.subtract($y)|$x.multiply($y)|$x.max($y)|$x.min($y)|$x.divide($y, 0)|$x.divide($y, 3)"
    "|$x.divide($y, 5, 4)|$x.divide($y, 2, 6)|$x.divide($y, -2, 1)",
    " ".join(f"[$x.setScale(1, {mode})]" for mode in range(7)) + " [$x.setScale(-1, 4)] [$x.setScale(25)]",
    "[$x.setScale(1, 7)]", "[$x.setScale(2, 8)]", "[$x.intValueExact()]", "[$x.longValueExact()]",
    "[$x.shortValueExact()]", "[$x.divide($y, 1, 7)]", "[$y.divide($x, 1)]", "[$x.pow(-1)]",
    "[$x.divide($y)]", "[$y.divide($x)]", "[$x.divide($x)]",
    "[$x.divideToIntegralValue($y)][$x.remainder($y)][$y.divideToIntegralValue($x)][$y.remainder($x)]"
    "#foreach($q in $x.divideAndRemainder($y))[$q]#end",
]
BIG_MORE = [
    ("biginteger-null-args", "#set($x = 123456789012345678901234567890)[$x.divide($n)][$x.mod($n)][$x.and($n)]"
     "[$x.gcd($n)][$x.modPow($n, $x)]"),
    ("biginteger-null-divide-and-remainder", "#set($x = 123456789012345678901234567890)$x.divideAndRemainder($n)"),
    ("biginteger-null-mod-pow-modulus", "#set($x = 123456789012345678901234567890)$x.modPow($x, $n)"),
    ("biginteger-value-of", "#set($x = 123456789012345678901234567890)$x.valueOf(5).class.simpleName "
     "$x.valueOf(3000000000).class.simpleName $x.divideAndRemainder($x).class.name"),
    ("bigdecimal-null-args", "#set($x = $huge * 0.5)[$x.add($n)]"),
    ("bigdecimal-null-multiply", "#set($x = $huge * 0.5)[$x.multiply($n)]"),
    ("bigdecimal-null-max", "#set($x = $huge * 0.5)[$x.max($n)]"),
    ("bigdecimal-null-divide", "#set($x = $huge * 0.5)[$x.divide($n, 2, 4)]"),
    ("bigdecimal-divide-by-zero", "#set($x = $huge * 0.5)#set($z = $x.subtract($x))[$x.divide($z, 1)]"),
    ("bigdecimal-divide-zero-by-zero", "#set($x = $huge * 0.5)#set($z = $x.subtract($x))[$z.divide($z, 1)]"),
    ("bigdecimal-exact-quotients", "#set($x = $huge * 0.5)"
     "#foreach($d in [0.125, 0.5, 4.0, 100.0, 0.0625])#set($y = $x * $d)[$x.divide($y)][$y.divide($x)]"
     "[$x.divideToIntegralValue($y)][$y.remainder($x)] #end"),
    ("bigdecimal-null-exact-divide", "#set($x = $huge * 0.5)[$x.divide($n)]"),
    ("bigdecimal-null-remainder", "#set($x = $huge * 0.5)[$x.remainder($n)]"),
    ("bigdecimal-null-integral-quotient", "#set($x = $huge * 0.5)[$x.divideToIntegralValue($n)]"),
    ("bigdecimal-remainder-by-zero", "#set($x = $huge * 0.5)#set($z = $x.subtract($x))[$x.remainder($z)]"),
    ("bigdecimal-exact-divide-zero-by-zero", "#set($x = $huge * 0.5)#set($z = $x.subtract($x))[$z.divide($z)]"),
    ("bigdecimal-classes", "#set($x = $huge * 0.5)$x.add($x).class.simpleName $x.toBigInteger().class.simpleName "
     "$x.unscaledValue().class.simpleName $x.stripTrailingZeros().longValueExact().class.simpleName [$x.add(1)]"),
]


#: ``Integer.decode``/``Long.decode`` inputs: prefixes, signs, ranges.
DECODE = ["0x1F", "-#10", "010", "0", "-0", "+5", "0X7fffffff", "#80000000", "-0x80000000", "08", "0x", "",
          " 1", "--1", "-+1", "2147483648", "0x-1", "00", "9223372036854775807", "-9223372036854775808",
          "0x8000000000000000", "#7FFFFFFFFFFFFFFF", "-0x8000000000000000", "0777", "-zz"]
#: ``parseUnsignedInt``/``parseUnsignedLong`` inputs, short and long enough for both code paths.
UNSIGNED = ["4294967295", "4294967296", "-1", "+1", "0", "", "ffffffff", "+ffffffff", "1ffffffff", "99999",
            "18446744073709551615", "18446744073709551616", "+18446744073709551615", "1844674407370955161x",
            "x8446744073709551615", "+", "++1234567890123456789", "ffffffffffffffff", "10000000000000000",
            "ffffffffffffffffff", "+fffffffffffffffg", "000000000000000000000000000001"]
UNSIGNED_MORE = [
    ("parse-unsigned-default-radix", "[$i.parseUnsignedInt('4294967295')][$big.parseUnsignedLong('18446744073709551615')]"
     "[$big.parseUnsignedLong('5').class.simpleName][$i.parseUnsignedInt($n)]"),
    ("parse-unsigned-bad-radix", "[$i.parseUnsignedInt('1', 1)]"),
    ("parse-unsigned-long-bad-radix", "[$big.parseUnsignedLong('1234567890123456789012', 40)]"),
    ("unsigned-strings", "$i.toUnsignedLong(-1) $i.toUnsignedLong(-1).class.simpleName $i.toUnsignedString(-1, 36) "
     "$i.toUnsignedString(5, 99) $big.toUnsignedString(-1, 16) $big.toUnsignedString(-5, 7)"),
    ("long-radix-statics", "$big.toString(-255, 36) $big.toString(-255, 99) $big.toString(-9223372036854775808, 2) "
     "$big.valueOf('-zz', 36) $big.valueOf('12', 8).class.simpleName"),
    ("long-value-of-bad-radix", "$big.valueOf('zz', 37)"),
    ("double-bits", "$d.doubleToLongBits(1.0) $d.doubleToRawLongBits(-0.0) $d.doubleToLongBits(1e308) "
     "$d.longBitsToDouble(1) $d.longBitsToDouble(9218868437227405312) $d.longBitsToDouble(-1) "
     "$d.longBitsToDouble(9218868437227405313) $d.longBitsToDouble(5) $d.doubleToLongBits(5)"),
    ("double-bits-classes", "$d.doubleToLongBits(1.0).class.simpleName $d.longBitsToDouble($i).class.simpleName "
     "$d.doubleToLongBits($n)"),
    ("decode-null", "$i.decode($n)"),
    ("decode-classes", "$i.decode('5').class.simpleName $big.decode('5').class.simpleName $i.decode(5)"),
]


#: Negative numbers whose magnitude passes -MIN_VALUE with a digit or more to go.
PARSE_BEYOND_MIN = [("-21474836480", 10), ("-21474836489", 10), ("-8000000000", 16), ("-92233720368547758080", 10),
                    ("-92233720368547758089", 10), ("-80000000000000000", 16), ("-2147483648", 10),
                    ("-2147483649", 10), ("-9223372036854775808", 10), ("-9223372036854775809", 10)]
