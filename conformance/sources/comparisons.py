"""== != < > <= >= and their word forms across every pair of value kinds."""

from __future__ import annotations

from . import Cases
from ._common import VARS, needed

OPERATORS = {"eq": "==", "ne": "!=", "lt": "<", "le": "<="}
#: Operators tried on one order of each pair only (their mirror image adds little).
HALF = {"ne", "le"}
#: Operands compared pairwise (a subset of the common ones, to keep the product small).
OPERANDS = [
    ("int", "$i"), ("dbl", "$d"), ("lit_int", "3"), ("lit_dbl", "42.0"), ("str", "$s"),
    ("numstr", "$num_s"), ("lit_str", "'42'"), ("true", "$t"), ("null", "$n"), ("undef", "$undef"),
    ("list", "$list"), ("map", "$map"),
]
WORDS = {"eq": "eq", "ne": "ne", "lt": "lt", "gt": "gt", "le": "le", "ge": "ge"}
SYMBOLS = {"gt": ">", "ge": ">="}


def cases() -> Cases:
    out = Cases()
    for oname, op in OPERATORS.items():
        for lname, left in OPERANDS:
            for rname, right in OPERANDS:
                if oname in HALF and lname > rname:
                    continue
                template = f"#if({left} {op} {right})T#{{else}}F#end"
                out.add(f"{oname}-{lname}-{rname}", template, needed(template, VARS))
    for oname, op in SYMBOLS.items():
        for lname, left in OPERANDS:
            template = f"#if({left} {op} $i)T#{{else}}F#end#if($i {op} {left})T#{{else}}F#end"
            out.add(f"{oname}-{lname}", template, needed(template, VARS))
    for oname, word in WORDS.items():
        template = f"#if(1 {word} 2)T#{{else}}F#end#if('a' {word} 'a')T#{{else}}F#end#if(2.0 {word} 2)T#{{else}}F#end"
        out.add(f"word-{oname}", template)
    extra = [
        ("set-result", "#set($b = $i == 42)$b #set($c = $i < 1)$c $b.class.simpleName", {"i": 42}),
        ("print-compare-in-set", "#set($b = 'a' == 'a')$b", {}),
        ("chained-eq", "#if(1 == 1 == true)T#{else}F#end", {}),
        ("chained-lt", "#if(1 < 2 < 3)T#{else}F#end", {}),
        ("number-vs-number-classes", "#if($i == $l)T#{else}F#end #if($i == $d)T#{else}F#end #if($b == 12345678901234567890)T#{else}F#end", {"i": 3, "l": 3, "d": 3.0, "b": 12345678901234567890}),
        ("double-nan", "#set($x = 0.0 / 0)#if($x == $x)T#{else}F#end #if($x != $x)T#{else}F#end", {}),
        ("neg-zero", "#if(0.0 == -0.0)T#{else}F#end #if(-0.0 < 0.0)T#{else}F#end", {}),
        ("int-long-boundary", "#if(2147483647 < 2147483648)T#{else}F#end #if(9223372036854775807 < 9223372036854775808)T#{else}F#end", {}),
        ("big-vs-double", "#if(12345678901234567890 > 1.0E19)T#{else}F#end", {}),
        ("string-ordering", "#if('b' > 'a')T#{else}F#end #if('B' < 'a')T#{else}F#end #if('10' < '9')T#{else}F#end", {}),
        ("string-case", "#if('a' == 'A')T#{else}F#end", {}),
        ("bool-ordering", "#if(true > false)T#{else}F#end", {}),
        ("bool-vs-string", "#if(true == 'true')T#{else}F#end #if($t == 'true')T#{else}F#end", {"t": True}),
        ("list-vs-string", "#if($l == '[1, 2]')T#{else}F#end #if($l == '[1,2]')T#{else}F#end", {"l": [1, 2]}),
        ("literal-list-vs-string", "#if([1, 2] == '[1, 2]')T#{else}F#end", {}),
        ("map-vs-string", "#if($m == '{a=1}')T#{else}F#end", {"m": {"a": 1}}),
        ("map-vs-map", "#if($m == {'a': 1})T#{else}F#end #if($m == $m2)T#{else}F#end", {"m": {"a": 1}, "m2": {"a": 1}}),
        ("list-order", "#if([1, 2] == [2, 1])T#{else}F#end", {}),
        ("null-vs-null", "#if($n == $n)T#{else}F#end #if($n != $undef)T#{else}F#end", {"n": None}),
        ("null-vs-string-null", "#if($n == 'null')T#{else}F#end", {"n": None}),
        ("ref-string-compare", "#if($s == \"$s\")T#{else}F#end", {"s": "x"}),
        ("entry-compare", "#foreach($e in $m.entrySet())#if($e == 'a=1')T#{else}F#end#end", {"m": {"a": 1}}),
        ("method-result-compare", "#if($s.length() == 5)T#{else}F#end #if($s.length() > 4.5)T#{else}F#end", {"s": "hello"}),
        ("char-compare", "#if($s.charAt(0) == 'h')T#{else}F#end", {"s": "hello"}),
        ("compare-no-spaces", "#if($i==42&&$i!=1)T#{else}F#end#if(1<2)T#end", {"i": 42}),
        ("compare-eq-single", "#if($i = 42)T#end", {"i": 42}),
        ("compare-triple", "#if($i === 42)T#end", {"i": 42}),
        ("compare-lt-word-nospace", "#if(1lt 2)T#end#if($i eq'x')T#{else}F#end", {"i": 42}),
        ("compare-word-glued", "#if(1 lt2)T#end", {}),
        ("list-vs-empty-keyset", "#if([] == $e.keySet())T#{else}F#end#if([]eq$e.keySet()){#end", {"e": {}}),
        ("list-vs-keyset", "#if(['a', 'b'] == $m.keySet())T#{else}F#end #if($m.keySet() != ['a', 'b'])T#{else}F#end",
         {"m": {"a": 1, "b": 2}}),
        ("keyset-vs-keyset", "#if($m.keySet() == $m2.keySet())T#{else}F#end #if($m.keySet() == $m.keySet())T#{else}F#end",
         {"m": {"a": 1}, "m2": {"a": 2}}),
        ("keyset-vs-values", "#if($m.keySet() == $m2.values())T#{else}F#end #if($m.values() == $m.values())T#{else}F#end",
         {"m": {"a": 1}, "m2": {"b": "a"}}),
        ("entryset-vs-list", "#if($m.entrySet() == ['a=1'])T#{else}F#end #if($m.entrySet() == $m.keySet())T#{else}F#end",
         {"m": {"a": 1}}),
        ("sublist-vs-list", "#if($l.subList(0, 2) == [1, 2])T#{else}F#end #if($l.subList(0, 2) == '[1, 2]')T#{else}F#end",
         {"l": [1, 2, 3]}),
    ]
    for cid, template, env in extra:
        out.add(cid, template, env)
    return out
