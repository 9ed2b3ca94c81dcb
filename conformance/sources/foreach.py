"""#foreach: iterables of every kind, loop variables, nesting, #break, scoping, limits."""

from __future__ import annotations

from . import Cases

#: (slug, iterable expression, vars)
ITERABLES = [
    ("list-var", "$l", {"l": [1, "b", None, 2.5]}),
    ("empty-list", "$e", {"e": []}),
    ("map-var", "$m", {"m": {"b": 2, "a": 1}}),
    ("empty-map", "$em", {"em": {}}),
    ("keyset", "$m.keySet()", {"m": {"b": 2, "a": 1}}),
    ("values", "$m.values()", {"m": {"b": 2, "a": 1}}),
    ("entryset", "$m.entrySet()", {"m": {"b": 2, "a": 1}}),
    ("range-up", "[1..4]", {}),
    ("range-down", "[3..-1]", {}),
    ("range-refs", "[$x..$y]", {"x": 2, "y": 4}),
    ("range-one", "[0..0]", {}),
    ("literal-list", "['a', 'b']", {}),
    ("literal-empty", "[]", {}),
    ("literal-map", "{'k': 'v', 'j': 'w'}", {}),
    ("null", "$n", {"n": None}),
    ("undef", "$undef", {}),
    ("string", "$s", {"s": "abc"}),
    ("number", "$i", {"i": 3}),
    ("bool", "$t", {"t": True}),
    ("string-lit", "'abc'", {}),
    ("split-array", "$s.split(',')", {"s": "x,y,,z"}),
    ("chars", "$s.toCharArray()", {"s": "ab"}),
    ("nested-list", "$l", {"l": [[1, 2], [], [3]]}),
    ("list-of-maps", "$l", {"l": [{"id": 1}, {"id": 2}]}),
    ("sublist", "$l.subList(1, 3)", {"l": [1, 2, 3, 4]}),
    ("iterator", "$l.iterator()", {"l": [1, 2]}),
    ("map-prop", "$m.items", {"m": {"items": ["i1", "i2"]}}),
    ("index-expr", "$m['items']", {"m": {"items": ["i1", "i2"]}}),
]
BODIES = {
    "plain": "[$x]",
    "vars": "$foreach.index/$foreach.count/$foreach.hasNext/$foreach.first/$foreach.last;",
    "velocity-vars": "$velocityCount/$velocityHasNext;",
}


def cases() -> Cases:
    out = Cases()
    for iname, iterable, env in ITERABLES:
        for bname, body in BODIES.items():
            out.add(f"{iname}-{bname}", f"#foreach($x in {iterable}){body}#end|$!x", env)
    extra = [
        ("nested-parent", "#foreach($a in [1,2])#foreach($b in ['x','y'])$foreach.parent.index$foreach.index$a$b #end#end", {}),
        ("nested-parent-parent", "#foreach($a in [1])#foreach($b in [1])#foreach($c in [1,2])$foreach.parent.parent.count$foreach.parent.count$foreach.count #end#end#end", {}),
        ("nested-velocity-count", "#foreach($a in [1,2])#foreach($b in [1,2])$velocityCount#end:$velocityCount #end", {}),
        ("topmost", "#foreach($a in [1,2])#foreach($b in [1])$foreach.topmost.count#end#end", {}),
        ("foreach-outside", "$foreach $foreach.count $!foreach.count", {}),
        ("foreach-after-loop", "#foreach($a in [1])#end$foreach.index", {}),
        ("foreach-var-shadow", "#set($foreach = 'mine')#foreach($a in [1])$foreach.count#end $foreach", {}),
        ("loop-var-restored", "#set($x = 'pre')#foreach($x in [1,2])$x#end $x", {}),
        ("loop-var-null-elements", "#set($x = 'pre')#foreach($x in [1, $n, 3])[$x]#end", {"n": None}),
        ("loop-var-null-elements-json", "#foreach($x in $l)[$x]#end", {"l": [1, None, 3]}),
        ("loop-var-undefined-after", "#foreach($q in [1,2])#end[$q]", {}),
        ("set-inside-visible-after", "#foreach($i in [1,2,3])#set($last = $i)#end$last", {}),
        ("set-loop-var-inside", "#foreach($i in [1,2,3])#set($i = 'x')$i#end", {}),
        ("break-first", "#foreach($i in [1,2,3])#break$i#end|done", {}),
        ("break-in-if", "#foreach($i in [1..5])#if($i > 2)#break#end$i#end|done", {}),
        ("break-nested-inner", "#foreach($a in [1,2])#foreach($b in [1,2,3])#if($b == 2)#break#end$a$b #end#end", {}),
        ("break-foreach-scope", "#foreach($a in [1,2])#foreach($b in [1,2])#break($foreach.parent)#end$a#end|done", {}),
        ("break-outside", "a#break b", {}),
        ("stop-in-loop", "#foreach($i in [1,2,3])$i#if($i == 2)#stop#end#end after", {}),
        ("modify-list", "#foreach($x in $l)#set($d = $l.add(9))#end$l", {"l": [1]}),
        ("modify-literal-list", "#set($l = [1, 2])#foreach($x in $l)#set($d = $l.remove(0))#end$l", {}),
        ("modify-map-value", "#foreach($k in $m.keySet())#set($d = $m.put($k, 0))#end$m", {"m": {"a": 1, "b": 2}}),
        ("modify-map-add", "#foreach($k in $m.keySet())#set($d = $m.put('z', 0))#end$m", {"m": {"a": 1}}),
        ("modify-map-values-last", '#set($m = {"a": 1})#foreach($v in $m)$v#set($m.b = 2)#end|$m', {}),
        ("modify-map-values-first", '#set($m = {"a": 1, "b": 2})#foreach($v in $m)$v#set($m.c = 3)#end|$m', {}),
        ("modify-map-values-at-last", '#set($m = {"a": 1, "b": 2})#foreach($v in $m)$v#if($v == 2)#set($m.c = 3)#end#end|$m', {}),
        ("modify-map-remove-later", '#set($m = {"a": 1, "b": 2, "c": 3})#foreach($v in $m)$v#if($v == 2)#set($x = $m.remove("a"))#end#end|$m', {}),
        ("modify-list-at-last", "#set($l = [1, 2])#foreach($v in $l)$v#if($v == 2)#set($x = $l.add(3))#end#end|$l", {}),
        ("maxloops-1000", "#set($c = 0)#foreach($i in [1..1005])#set($c = $i)#end$c", {}),
        ("maxloops-exact", "#set($c = 0)#foreach($i in [1..1000])#set($c = $i)#end$c", {}),
        ("maxloops-count-after", "#foreach($i in [1..1200])#if($foreach.count > 998)$foreach.count,$foreach.hasNext;#end#end end", {}),
        ("maxloops-nested", "#set($c = 0)#foreach($i in [1..40])#foreach($j in [1..40])#set($c = $c + 1)#end#end$c", {}),
        ("maxloops-list", "#set($l = [])#foreach($i in [1..1100])#set($d = $l.add($i))#end$l.size()", {}),
        ("in-word-other", "#foreach($i on [1,2])$i#end|#foreach($i, in, [3])$i#end", {}),
        ("foreach-no-in", "#foreach($i [1,2])$i#end", {}),
        ("foreach-no-var", "#foreach(in [1,2])x#end", {}),
        ("foreach-literal-var", "#foreach('a' in [1,2])x#end", {}),
        ("foreach-expr", "#foreach($i in [1] + [2])$i#end", {}),
        ("foreach-method-call", "#foreach($w in $s.split(' '))<$w>#end", {"s": "a b  c"}),
        ("foreach-keyset-get", "#foreach($k in $m.keySet())$k=$m.get($k)#if($foreach.hasNext)&#end#end", {"m": {"a": 1, "b": [1], "c": {"d": None}}}),
        ("foreach-json-build", '[#foreach($o in $l){"id":$o.id,"n":"$o.name"}#if($foreach.hasNext),#end#end]', {"l": [{"id": 1, "name": "a"}, {"id": 2, "name": "b"}]}),
        ("foreach-empty-else", "#foreach($x in $e)x#{else}none#end", {"e": []}),
        ("foreach-has-next-method", "#foreach($x in [1,2])$foreach.hasNext()$foreach.getCount()#end", {}),
        ("foreach-counter-ops", "#foreach($x in [1,2,3])#set($sq = $foreach.count * $foreach.count)$sq,#end", {}),
        ("velocity-count-in-string", '#foreach($x in [1,2])#set($s = "$velocityCount-$x")$s #end', {}),
        ("foreach-var-name-dash", "#foreach($a-b in [1,2])$a-b#end", {}),
        ("foreach-reuse-var-nested", "#foreach($x in [1,2])#foreach($x in ['a'])$x#end$x#end", {}),
        # $foreach is a Map: a name without a getter is get(name) (null), never isName().
        # A null element's body runs in Velocity's NullHolderContext: the loop variable reads
        # null there, whatever #set or an inner loop writes, until an inner loop removes it.
        ("null-element-set-loop-var", "#foreach($a in $l)[$a]#set($a = 3)[$a]#end[$a]", {"l": [None, 5, None]}),
        ("null-element-set-default", "#foreach($i in $l)#if(!$i)#set($i = 'none')#end<$i>#end", {"l": ["a", None, "b"]}),
        ("null-element-set-in-inner-loop", "#foreach($a in $l)#foreach($b in [1])#set($a = 4)#end[$a]#end", {"l": [None, 5, None]}),
        ("null-element-inner-same-var", "#foreach($a in $l)#foreach($a in [1, 2])[$a]#end[$a]#end", {"l": [None, 5, None]}),
        ("null-element-inner-removes", "#foreach($a in $l)#foreach($a in [1])#end[$a]#end", {"l": [None, 5, None]}),
        ("null-element-inner-null", "#foreach($a in $l)#foreach($a in $m)#end[$a]#end", {"l": [None, 5, None], "m": {"x": None}}),
        ("null-element-inner-both-null", "#foreach($a in $l)#foreach($a in $l)[$a]#end[$a]#end", {"l": [None, 1, None]}),
        ("null-element-outer-restored", "#set($a = 9)#foreach($a in $l)#foreach($a in [1])#end[$a]#end[$a]", {"l": [None, 5, None]}),
        ("null-element-define", "#foreach($a in $l)#define($a)D#end[$a]#end[$a]", {"l": [None, 5]}),
        ("foreach-scope-map-properties", "#foreach($k in [1])[$foreach.empty][$foreach.Empty][$foreach.isEmpty()][$foreach.foo][$foreach.size]#if($foreach.empty)T#{else}F#end#end", {}),
        # At its end a loop ends the scope $foreach holds then (Scope.getParent() of it): a
        # value the body #set stays; nothing at all (a loop over $foreach) fails
        ("scope-set-in-body-stays", "#foreach($x in $l)#set($foreach = 3)#end|$foreach #foreach($x in $l)#set($foreach = 3)#break#end|$foreach", {"l": [1, 2]}),
        ("scope-set-null-in-body", "#foreach($x in $l)#set($foreach = $undef)$foreach.index#end|$foreach", {"l": [1, 2]}),
        ("scope-loop-over-foreach", "ab#foreach($foreach in $l)x$foreach#end|$foreach", {"l": [1, 2]}),
        ("scope-loop-over-foreach-empty", "#foreach($foreach in [])x#end|", {}),
        ("scope-loop-over-foreach-nested", "#foreach($x in $l)#foreach($foreach in $l)$foreach#end|$foreach.index#end|$foreach", {"l": [1, 2]}),
        ("scope-loop-over-foreach-in-macro", "#macro(m)#foreach($foreach in [1])#end#end#m()|", {}),
        ("scope-set-to-parent", "#foreach($x in $l)#foreach($y in $l)#set($foreach = $foreach.parent)#end$foreach.index#end|$foreach", {"l": [1, 2]}),
        ("scope-user-value-before", "#set($foreach = 'u')#foreach($x in $l)$foreach.index#foreach($y in $l)[$foreach.parent.index]#end#end|$foreach", {"l": [1, 2]}),
        ("scope-parent-after-set", "#foreach($x in $l)#set($foreach = 'u')#foreach($y in $l)$foreach.parent.index,$foreach.topmost.index#end#end|$foreach", {"l": [1, 2]}),
        ("scope-break-parent-saved", "#foreach($x in $l)#set($p = $foreach)#foreach($y in $l)#break($p)$y#end$x#end|$foreach.index", {"l": [1, 2]}),
    ]
    for cid, template, env in extra:
        out.add(cid, template, env)
    return out
