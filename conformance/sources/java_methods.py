"""Java method resolution: Object methods, overloads, argument conversion, getters, classes."""

from __future__ import annotations

from . import Cases
from ._common import slug

#: Receivers, each a variable of a different Java class.
RECEIVERS = {
    "str": "abc",
    "int": 5,
    "long": 3000000000,
    "dbl": 1.25,
    "bool": True,
    "list": [1, "a"],
    "map": {"a": 1},
}
#: Methods every java.lang.Object has, plus class access.
OBJECT_METHODS = [
    "toString()", "equals($v)", "equals($n)", "equals('abc')", "hashCode()", "getClass().name",
    "getClass().getName()", "getClass().getSimpleName()", "class.simpleName", "class.name",
    "class", "class.class.name", "getClass().isArray()", "class.package.name", "notify()",
    "wait()", "nope()", "nope", "toString().length()", "compareTo($v)", "class.isInstance($v)",
]

EXTRA = [
    ("overload-indexof-char-vs-string", "$s.indexOf('b') $s.indexOf(98) $s.indexOf('b', 0)", {"s": "abc"}),
    ("overload-valueof", "$s.valueOf(1) $s.valueOf(true) $s.valueOf(1.5) $s.valueOf($l)", {"s": "", "l": [1]}),
    ("overload-int-arg-from-long", "$s.substring($big)", {"s": "abc", "big": 3000000000}),
    ("overload-int-arg-from-double", "$s.substring(1.0)", {"s": "abc"}),
    ("overload-int-arg-from-string", "$s.substring('1')", {"s": "abc"}),
    ("overload-null-arg", "$s.concat($n) $s.contains($n)", {"s": "abc", "n": None}),
    ("overload-list-remove-int-vs-obj", "$l.remove(1) $l", {"l": ["a", "b", 1, 2]}),
    ("overload-list-remove-obj", "#set($x = 'a')$l.remove($x) $l", {"l": ["a", "b"]}),
    ("overload-list-get-long", "$l.get($big)", {"l": [1], "big": 3000000000}),
    ("overload-list-get-string", "$l.get('0')", {"l": [1]}),
    ("overload-ambiguous-null", "$m.put($n, $n) $m", {"m": {}, "n": None}),
    ("arg-list-to-collection", "$l.addAll($m.keySet()) $l $l.containsAll(['k'])", {"l": [], "m": {"k": 1}}),
    ("arg-map-literal", "$m.putAll({'b': 2}) $m", {"m": {"a": 1}}),
    ("arg-char-from-string", "$s.replace('b', 'B') $s.indexOf('bc')", {"s": "abc"}),
    ("varargs-format", "$s.format('%s-%s', 'a', 'b') $s.format('%d%%', 5) $s.format('none')", {"s": ""}),
    ("varargs-join-literals", "$s.join('/', 'a', 'b', 'c')", {"s": ""}),
    ("getter-property", "$s.bytes.size() $s.empty $l.empty $m.empty $s.class.simpleName", {"s": "", "l": [], "m": {}}),
    ("getter-is-prefix", "$b.empty $s.blank", {"b": "", "s": " "}),
    ("getter-uppercase-prop", "$s.Empty $s.Class", {"s": "x"}),
    ("getter-map-wins", "$m.empty $m.class $m.size", {"m": {"empty": "E", "class": "C", "size": "S"}}),
    ("boolean-methods", "$t.booleanValue() $t.equals(true) $t.compareTo(false) $t.logicalAnd($t, false) $t.class.name", {"t": True}),
    ("integer-statics", "$i.parseInt('12') $i.valueOf(3) $i.toBinaryString(5) $i.max(1, 9) $i.MAX_VALUE", {"i": 1}),
    ("double-statics", "$d.parseDouble('1e2') $d.isNaN() $d.valueOf('2') $d.compare(1.0, 2.0)", {"d": 1.5}),
    ("integer-equals-long", "$i.equals($l) $i.equals(1) $l.equals(1)", {"i": 1, "l": 3000000000}),
    ("number-class-chain", "$i.class.superclass.name", {"i": 1}),
    ("entry-methods", "#foreach($e in $m.entrySet())$e.getKey()=$e.getValue() $e.key.length()#end", {"m": {"ab": 1}}),
    ("keyset-methods", "$m.keySet().size() $m.keySet().contains('a') $m.keySet().iterator().next()", {"m": {"a": 1, "b": 2}}),
    ("iterator-walk", "#set($it = $l.iterator())$it.next() $it.next() $it.hasNext()", {"l": [1, 2]}),
    ("iterator-exhausted", "#set($it = $l.iterator())$it.next() $it.next()", {"l": [1]}),
    ("method-returns-void", "[$l.clear()] [$m.clear()] $l $m", {"l": [1], "m": {"a": 1}}),
    ("method-returns-null", "[$m.put('a', 1)] [$m.get('zz')] [$m.remove('zz')]", {"m": {}}),
    ("method-on-method-null", "$m.get('zz').length()", {"m": {}}),
    ("method-arg-ref-null", "$s.concat($undef)", {"s": "a"}),
    ("method-arg-method", "$s.concat($s.toUpperCase())", {"s": "a"}),
    ("method-arg-index", "$s.concat($l[0])", {"s": "a", "l": ["b"]}),
    ("method-arg-list-literal", "$l.equals([1, 2]) $l.indexOf([1])", {"l": [1, 2]}),
    ("method-arg-range", "$l.addAll([3..4]) $l", {"l": [1, 2]}),
    ("method-arg-bool", "$l.add(true) $l", {"l": []}),
    ("method-arg-quoted-ref", '$s.concat("-$s-")', {"s": "a"}),
    ("method-deep-chain", "$s.trim().toUpperCase().substring(1).concat('!').length()", {"s": "  abc  "}),
    ("method-with-newline-args", "$s.substring(\n1,\n2\n)", {"s": "abc"}),
    ("method-case-sensitive", "$s.Length() $s.LENGTH() $s.touppercase()", {"s": "abc"}),
    ("method-throws-npe", "$m.getOrDefault($n, $n).length()", {"m": {}, "n": None}),
    ("method-throws-number-format", "$i.parseInt('x')", {"i": 1}),
    ("method-throws-index", "$l.get(3)", {"l": [1]}),
    ("method-throws-unsupported", "$l.add(1)", {"l": None}),
    ("class-forname-string", "$s.class.forName('java.lang.String').name", {"s": "x"}),
    ("string-chars-count", "$s.chars().count() $s.codePoints().count()", {"s": "a😀"}),
    ("char-methods", "#set($c = $s.charAt(0))$c $c.class.simpleName $c.charValue() $c.compareTo($s.charAt(1))", {"s": "ab"}),
    ("char-arithmetic", "#set($c = $s.charAt(0))#set($x = $c + 1)$x", {"s": "ab"}),
    ("char-compare", "#if($s.charAt(0) == 'a')T#{else}F#end #if($s.charAt(0) < $s.charAt(1))T#{else}F#end", {"s": "ab"}),
    ("stringbuilder-like", "#set($sb = $s.concat(''))#foreach($i in [1..3])#set($sb = $sb.concat($i.toString()))#end$sb", {"s": "x"}),
]


def cases() -> Cases:
    out = Cases()
    for rname, value in RECEIVERS.items():
        for method in OBJECT_METHODS:
            template = f"[$v.{method}]"
            out.add(f"{rname}-{slug(method)}", template, {"v": value, "n": None})
    for cid, template, env in EXTRA:
        out.add(cid, template, env)
    for k in range(len(CHAR_SAMPLES.encode("utf-16-le")) // 2):  # every UTF-16 unit
        c, i = f"$s.charAt({k})", f"$s.codePointAt({k})"
        calls = " ".join(f"[$s.charAt(0).{call.format(c=c, i=i)}]" for call in CHAR_STATICS)
        out.add(f"char-statics-{k}", calls, {"s": CHAR_SAMPLES})
    for cid, template in CHAR_EXTRA:
        out.add(cid, template, {"s": CHAR_SAMPLES})
    for cid, template in MONITOR:
        out.add(cid, template, {"s": "ab"})
    return out


#: wait/notify on the objects Velocity makes (a loop's scope, an iterator, a stream, a class).
MONITOR = [
    ("monitor-foreach-scope", "#foreach($x in [1])[$foreach.wait()]#end"),
    ("monitor-iterator", "#set($it = [1].iterator())[$it.notify()]"),
    ("monitor-stream", "[$s.chars().wait()]"),
    ("monitor-class", "[$s.class.notifyAll()]"),
    ("monitor-package", "[$s.class.getPackage().notify()]"),
    ("monitor-wrong-arguments", "#foreach($x in [1])[$foreach.notify(1)]#end"),
]


#: Characters the Character statics are tried on (by index into this string): letters, a
#: digit, a titlecase letter, controls, a format character, a bracket, a surrogate pair, an
#: Arabic-Indic digit, a Roman numeral, a full-width letter, a currency sign, a connector.
CHAR_SAMPLES = "aZ5 ǅ\u0000\u0085\u00ad(\U0001f600\u0661ⅫＡ$_ǆß\u0301"
#: Character statics, ``{c}`` a char argument and ``{i}`` an int (code point) argument.
CHAR_STATICS = [
    "digit({c}, 16)", "digit({c}, 36)", "digit({i}, 10)", "isISOControl({c})", "isTitleCase({c})", "getType({c})",
    "getType({i})", "isDefined({c})", "isMirrored({c})", "isJavaIdentifierStart({c})", "isJavaIdentifierPart({c})",
    "isIdentifierIgnorable({i})", "toTitleCase({c})", "toTitleCase({i})", "hashCode({c})", "compare({c}, {c})",
    "reverseBytes({c})", "toChars({i}).size()", "charCount({i})", "isValidCodePoint({i})", "isBmpCodePoint({i})",
    "isSupplementaryCodePoint({i})", "highSurrogate({i})", "lowSurrogate({i})", "isSurrogatePair({c}, {c})",
    "toCodePoint({c}, {c})", "forDigit({i}, 36)", "isSpace({c})", "isJavaLetter({c})", "isJavaLetterOrDigit({c})",
]
CHAR_EXTRA = [
    ("char-statics-pairs", "#set($h = $s.charAt(8))#set($l = $s.charAt(9))$h.isSurrogatePair($h, $l) $h.toCodePoint($h, $l) "
     "$h.compare($l, $h) $h.highSurrogate(128512) $h.lowSurrogate(128512) $h.toChars(128512).size() $h.charCount(128512)"),
    ("char-statics-edges", "#set($c = $s.charAt(0))$c.forDigit(5, 37) [$c.forDigit(-1, 10)] $c.forDigit(11, 16) $c.digit($c, 1) "
     "$c.digit(-1, 10) $c.getType(-1) $c.getType(1114112) $c.isValidCodePoint(1114112) $c.highSurrogate(-1).hashCode()"),
    ("char-to-chars-invalid", "$s.charAt(0).toChars(-1)"),
    ("char-to-chars-too-big", "$s.charAt(0).toChars(1114112)"),
    ("char-statics-classes", "#set($c = $s.charAt(0))$c.forDigit(3, 10).class.simpleName $c.toChars(97).class.name "
     "$c.toTitleCase($c).class.simpleName $c.toTitleCase(97).class.simpleName $c.reverseBytes($c).hashCode()"),
]
