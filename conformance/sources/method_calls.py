"""Java method calls found by ``conformance.fuzz_methods``: one regression case per fixed
disagreement (argument counts, null and mistyped arguments, static overloads, case folding,
word boundaries)."""

from __future__ import annotations

from . import Cases

CASES = [
    # a method without parameters takes any arguments in Velocity 1.7; the call then throws
    ("no-arg-method-given-an-argument", "$s.length(1)", {"s": "ab"}),
    ("no-arg-object-method-given-arguments", "$d.toString('')", {"d": 1.5}),
    ("no-arg-array-method-given-an-argument", "$s.split(',').size(0)", {"s": "a,b"}),
    ("no-arg-host-overload-given-two-arguments", "$l.iterator().next(1)", {"l": [1]}),
    ("getbytes-null-is-ambiguous", "$s.getBytes($n)", {"s": "x", "n": None}),
    ("toarray-given-an-array-argument", "$l.toArray('x').size() $l.toArray(1).get(0)", {"l": []}),
    # static overloads of the number classes
    ("double-max-min-statics", "$d.max(3, 0) $d.min(1, 0) $d.max(-0.0, 0.0) $d.min(0.0, -0.0)", {"d": 1.5}),
    ("number-hashcode-statics", "$i.hashCode(7) $l.hashCode(3000000000) $d.hashCode(2.5) $b.hashCode(false)",
     {"i": 1, "l": 3000000000, "d": 1.5, "b": True}),
    ("float-statics", "#set($f = $n.floatValue())$f.sum(1, 5) $f.max(1, 3000000000) $f.compare(1, 2) $f.toString(7)",
     {"n": 1.1}),
    ("long-max-min-statics", "$l.max(1, 3000000000) $l.min(-1, 2)", {"l": 3000000000}),
    ("integer-bit-statics",
     "$i.highestOneBit(100) $i.numberOfLeadingZeros(1) $i.toUnsignedString(-1) $i.rotateLeft(1, 3) $i.reverse(1) "
     "$i.divideUnsigned(-1, 2) $l.numberOfTrailingZeros(8) $l.rotateLeft(-5, 65)", {"i": 1, "l": 3000000000}),
    ("string-value-of-char-array", "$s.valueOf($s.toCharArray()) $s.copyValueOf($s.toCharArray())", {"s": "a😀"}),
    ("character-statics",
     "#set($c = $s.charAt(0))$c.isLetter($c) $c.isLetter(97) $c.isDigit('1') $c.toUpperCase($c) $c.getNumericValue($c) "
     "$c.isWhitespace(160) $c.isUpperCase(9398) $c.toLowerCase(304) $c.getNumericValue(189) $c.isSurrogate($c)",
     {"s": "a1"}),
    # case-insensitive comparisons use Character's one-character mappings
    ("dotted-capital-i-ignoring-case",
     "$s.equalsIgnoreCase('istanbul') $s.compareToIgnoreCase('x') $s.compareToIgnoreCase('ISTANBUL')",
     {"s": "İstanbul"}),
    ("astral-letters-ignoring-case",
     "$s.equalsIgnoreCase($s.toUpperCase()) $s.equalsIgnoreCase('𐐨𐐨') $s.regionMatches(true, 0, '𐐨', 0, 2)",
     {"s": "𐐀𐐨"}),
    ("ypogegrammeni-ignoring-case", "$s.equalsIgnoreCase('ᾼ') $s.compareToIgnoreCase('ᾼ')", {"s": "ᾳ"}),
    # null arguments Java reads only sometimes
    ("replaceall-null-replacement-without-match", "[$s.replaceAll('x', $n)]", {"s": "abc", "n": None}),
    ("startswith-null-prefix-negative-offset", "[$s.startsWith($n, -1)]", {"s": "abc", "n": None}),
    ("join-null-is-ambiguous", "[$s.join(',', $n)] [$s.join(',', 'a', $n)]", {"s": "", "n": None}),
    ("float-to-hex-string-static", "#set($f = $n.floatValue())$f.toHexString(1) $f.toHexString($f)", {"n": 1e-40}),
    ("float-value-of-string", "#set($f = $n.floatValue())$f.valueOf('1.1') $f.parseFloat(' 2.5 ') $f.valueOf(3) $f.valueOf('')",
     {"n": 1.5}),
    ("byte-and-short-value-of-a-double-saturate-as-int",
     "#set($f = $n.floatValue())$f.byteValue() $f.shortValue() $n.byteValue() $n.shortValue()", {"n": 3e9}),
    # Java joins the halves of a surrogate pair that concat or + puts side by side
    ("concat-joins-surrogate-halves",
     "#set($c = $s.substring(0, 1).concat($s.substring(1)))$c.codePointCount(0, 2) $c.equals($s) $c",
     {"s": "😀"}),
    ("plus-joins-surrogate-halves",
     "#set($h = $s.substring(0, 1))#set($c = $h + $s.substring(1))$c.equals($s) $c", {"s": "😀x"}),
    ("view-and-array-add-all-of-nothing",
     "[$m.keySet().addAll([])] [$m.entrySet().addAll($l)] [$m.values().addAll([])] [$s.split(',').addAll([])]",
     {"m": {"a": 1}, "l": [], "s": "a,b"}),
    ("view-add-all-of-something", "[$m.keySet().addAll(['x'])]", {"m": {"a": 1}}),
    # Array.set checks the element type
    ("array-set-wrong-element-type", "#set($b = $s.split(','))$b.set(0, 1)", {"s": "a,b"}),
    ("array-set-string", "#set($b = $s.split(','))$b.set(0, 'z') $b.get(0)", {"s": "a,b"}),
    # \b: a combining mark after a letter belongs to the word
    ("word-boundary-combining-mark", "$s.replaceAll('\\b', '|') $s.replaceAll('\\B', '|')", {"s": "e\u0301 a\u0301\u0301 _\u0301"}),
    # range bounds go through Number.intValue(): a Long wraps to 32 bits, a Double truncates
    ("range-long-and-double-bounds",
     "#set($r = [1..$n])$r #set($r = [$a..$b])$r #set($r = [1..$d])$r #set($r = [$e..1])$r",
     {"n": -9223372036854775808, "a": 4294967298, "b": 4294967296, "d": 3.9, "e": -2.5}),
    # an interpolated string is built in one StringBuilder: surrogate halves meet again
    # hashCode nests as deep as the values do; a list holding itself overflows Java's stack
    ("hash-code-deep-list", "#set($l = [])#foreach($i in [1..3000])#set($l = [$l, $i])#end$l.hashCode()", {}),
    ("hash-code-list-holding-itself", "#set($l = [1])#set($x = $l.add($l))[$l.hashCode()]", {}),
    ("interpolation-joins-surrogate-halves",
     '#set($c = "$s.substring(0,1)$s.substring(1)")$c.equals($s) $c.length() $c', {"s": "\U0001F600"}),
    # #set($x.m(args) = v): Velocity sets the property named by the last node's first token
    # (the method's name) and never reads the arguments; the right-hand side runs first
    ("set-target-method-puts-its-name", "#set($m.put('a', 1) = 3)$m #set($m.get('k') = 4)$m #set($m.keySet() = 5)$m", {"m": {"k": "v"}}),
    ("set-target-method-args-unread", "#set($m.put($s.substring(9), $undef.x()) = 3)$m #set($m.put( 'a' ) = $l)$m", {"m": {}, "s": "S", "l": [1]}),
    ("set-target-method-rhs-first", "#set($m.x() = $l.add(3))$m $l #set($m.y() = $undef)$m", {"m": {}, "l": [1]}),
    ("set-target-method-existing-key", "#set($m.k() = 3)$m #set($m.isEmpty() = 5)$m #set($m.class() = 6)$m", {"m": {"k": "v"}}),
    ("set-target-method-braced-silent", "#set(${m.put('a', 1)} = 3)$m #set($!m.get('b', 1) = 4)$m", {"m": {}}),
    ("set-target-method-no-property", "#set($l.add(1) = 3)$l #set($s.length() = 3)$s #set($m.k.put('x', 1) = 3)$m #set($n.put('a', 1) = 3)|$n|",
     {"l": [1], "s": "S", "m": {"k": "v"}}),
    ("set-target-method-after-method", "#set($m.x().y = 3)$m #set($m.get('k').put('z', 1) = 3)$m #set($m['k'].x() = 3)$m",
     {"m": {"k": {"a": 1}}}),
    # #set($x[null] = v): the null index reaches put/set like any other (a map puts null)
    ("set-index-null-key-map", "#set($m[$undef] = 1)$m $m.get($undef) #set($m[$n] = 2)$m $m.size() #set($m[$undef.x] = 3)$m", {"m": {"k": "v"}}),
    ("set-index-null-key-others", "#set($l[$undef] = 1)$l #set($s[$undef] = 1)$s #set($a = $s.toCharArray())#set($a[$undef] = 'x')$a.size() #set($m.k[$undef] = 1)$m",
     {"l": [1, 2], "s": "S", "m": {"k": "v"}}),
    ("set-index-null-key-iterated", "#set($x = {})#set($x[$undef] = 1)#foreach($k in $x.keySet())[$k]#end $x.containsKey($undef) #set($x[$undef] = $undef)$x", {}),
    ("set-target-method-loop-and-macro", "#foreach($e in [$m])#set($e.put('q', 1) = 2)#end$m #macro(mm $p)#set($p.add(1) = 2)#end#mm($m)$m",
     {"m": {}}),
]


def cases() -> Cases:
    out = Cases()
    for cid, template, env in CASES:
        out.add(cid, template, env)
    return out
