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
    return out
