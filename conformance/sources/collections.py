"""java.util.List and Map from variables and literals: methods, index syntax, printing."""

from __future__ import annotations

from . import Cases
from ._common import slug

LISTS = {
    "ints": [1, 2, 3],
    "empty": [],
    "mixed": ["a", 1, None, True, 2.5, {"k": "v"}, [1]],
    "strs": ["b", "a", "c", "a"],
}
#: How a list reaches the template: as a variable or built by a literal.
LIST_SOURCES = {
    "var": ("", "$l"),
    "lit": ("#set($l = [1, 2, 3])", "$l"),
    "range": ("#set($l = [1..3])", "$l"),
}
LIST_METHODS = [
    "size()", "isEmpty()", "get(0)", "get(-1)", "get(9)", "contains(2)", "contains('a')",
    "contains($n)", "indexOf(2)", "indexOf('a')", "lastIndexOf('a')", "add(9)", "add(0, 'x')",
    "add(9, 'x')", "remove(0)", "remove('a')", "remove(9)", "set(0, 'z')", "clear()",
    "addAll([7, 8])", "subList(0, 1)", "subList(1, 0)", "toString()", "hashCode()",
    "equals([1, 2, 3])", "containsAll([1])", "isEmpty().toString()", "class.simpleName",
    "empty", "size", "toArray().size()", "stream().count()", "iterator().hasNext()",
    "retainAll([1, 'a'])", "removeAll([1])", "sort($n)", "join(',')", "first", "reversed()",
    "getClass().getName()",
]
MAPS = {
    "flat": {"a": 1, "b": "two", "c": None},
    "empty": {},
    "nested": {"x": {"y": [1, {"z": True}]}, "list": [1, 2]},
    "keys": {"size": "S", "empty": "E", "class": "C", "get": "G"},
}
MAP_SOURCES = {
    "var": ("", "$m"),
    "lit": ("#set($m = {'a': 1, 'b': 'two'})", "$m"),
}
MAP_METHODS = [
    "size()", "isEmpty()", "get('a')", "get('zz')", "get($n)", "containsKey('a')",
    "containsKey('zz')", "containsValue(1)", "containsValue('two')", "keySet()", "values()",
    "entrySet()", "put('a', 9)", "put('new', 1)", "remove('a')", "remove('zz')", "clear()",
    "putAll({'q': 1})", "getOrDefault('zz', 'dflt')", "getOrDefault('a', 'dflt')",
    "putIfAbsent('a', 0)", "putIfAbsent('n', 0)", "toString()", "hashCode()", "equals({})",
    "a", "zz", "size", "empty", "class", "class.simpleName", "keySet().size()",
    "values().size()", "entrySet().size()", "keySet().contains('a')", "get('a').class.simpleName",
    "replace('a', 5)", "x.y", "x.y[1].z", "list[0]", "['a']", "[$k]",
]


def cases() -> Cases:
    out = Cases()
    for lname, value in LISTS.items():
        for method in LIST_METHODS:
            template = f"[$l.{method}] $l"
            out.add(f"list-{lname}-{slug(method)}", template, {"l": value, "n": None})
    for sname, (setup, ref) in LIST_SOURCES.items():
        if sname == "var":
            continue
        for method in LIST_METHODS:
            out.add(f"list-{sname}-{slug(method)}", f"{setup}[{ref}.{method}] {ref}", {"n": None})
    for mname, value in MAPS.items():
        for method in MAP_METHODS:
            sep = "" if method.startswith("[") else "."
            template = f"[$m{sep}{method}] $m"
            out.add(f"map-{mname}-{slug(method)}", template, {"m": value, "n": None, "k": "a"})
    for sname, (setup, ref) in MAP_SOURCES.items():
        if sname == "var":
            continue
        for method in MAP_METHODS:
            sep = "" if method.startswith("[") else "."
            out.add(f"map-{sname}-{slug(method)}", f"{setup}[{ref}{sep}{method}] {ref}", {"n": None, "k": "a"})
    extra = [
        ("print-var-kinds", "$l|$m|$e|$em|$nested", {"l": [1, "s", None, True, 1.5], "m": {"a": [1, {"b": None}]}, "e": [], "em": {}, "nested": [[[]], [{}]]}),
        ("print-strings-in-list", "$l", {"l": ["with space", "quote\"", "comma,", "", "ünï"]}),
        ("print-strings-in-map", "$m", {"m": {"k 1": "v 1", "": "empty key", "q\"": "x=y"}}),
        ("print-literals", "#set($l = [1, 'two', 3.0, true, [], {}, $n])$l", {"n": None}),
        ("print-literal-map-nested", "#set($m = {'a': {'b': [1, {'c': 'd'}]}})$m", {}),
        ("literal-map-keys", "#set($m = {1: 'int', 'a': 'str', true: 'bool', $k: 'ref'})$m $m.keySet()", {"k": "kk"}),
        ("literal-map-dup-keys", "#set($m = {'a': 1, 'a': 2})$m", {}),
        ("literal-list-of-refs", "#set($l = [$a, $u, $n])$l $l.size()", {"a": "A", "n": None}),
        ("literal-range-refs", "#set($x = 2)#set($y = 5)#set($l = [$x..$y])$l", {}),
        ("literal-range-null", "#set($l = 'old')#set($l = [$n..3])$l", {"n": None}),
        ("literal-range-string-ref", "#set($l = 'old')#set($x = '2')#set($l = [$x..3])$l", {}),
        ("literal-range-double-ref", "#set($l = 'old')#set($x = 2.7)#set($l = [$x..4])$l", {}),
        ("literal-range-spaces", "#set($l = [ 1 .. 3 ])$l", {}),
        ("literal-range-same", "#set($l = [4..4])$l", {}),
        ("literal-range-negative", "#set($l = [-2..-4])$l", {}),
        ("literal-list-trailing-comma", "#set($l = [1, 2,])$l", {}),
        ("literal-map-trailing-comma", "#set($m = {'a': 1,})$m", {}),
        ("literal-list-newlines", "#set($l = [\n 1,\n 2\n])$l", {}),
        ("literal-map-newlines", "#set($m = {\n 'a' : 1 ,\n 'b':2\n})$m", {}),
        ("literal-empty-spaces", "#set($l = [ ])$l #set($m = { })$m", {}),
        ("literal-list-expr", "#set($l = [1 + 1])$l", {}),
        ("set-index-list", "#set($l[1] = 'z')$l #set($l[-1] = 'w')$l", {"l": [1, 2, 3]}),
        ("set-index-list-oob", "#set($l[5] = 'z')$l", {"l": [1, 2, 3]}),
        ("set-index-map", "#set($m['k'] = 1)#set($m[$key] = 2)#set($m.dot = 3)$m", {"m": {}, "key": "kk"}),
        ("set-nested", "#set($m.a.b = 1)$m #set($m.x.y = 1)$m", {"m": {"a": {}}}),
        ("set-on-list-prop", "#set($l.foo = 1)$l", {"l": [1]}),
        ("add-then-print", "#set($l = [])#set($d = $l.add('a'))#set($d = $l.add(['b']))$l $l.size()", {}),
        ("map-put-chain", "#set($m = {})#set($d = $m.put('a', []))#set($d = $m.a.add(1))$m", {}),
        ("map-in-list-access", "$l[0].k $l[0]['k'] $l.get(0).get('k')", {"l": [{"k": "v"}]}),
        ("list-equals-var-lit", "$l.equals([1, 2]) #if($l == [1, 2])eq#{else}ne#end", {"l": [1, 2]}),
        ("map-equals-var-lit", "$m.equals({'a': 1}) #if($m == {'a': 1})eq#{else}ne#end", {"m": {"a": 1}}),
        ("entry-methods", "#foreach($e in $m.entrySet())$e.key:$e.value:$e.getKey():$e $e.setValue(0) #end$m", {"m": {"a": 1, "b": 2}}),
        ("keyset-order", "$m.keySet() $m.values()", {"m": {"z": 1, "a": 2, "m": 3, "b": 4}}),
        ("literal-keyset-order", "#set($m = {'z': 1, 'a': 2, 'm': 3})$m.keySet()", {}),
        ("list-of-lists-print", "#set($l = [[1, 2], [3]])$l $l[0] $l[1][0]", {}),
        ("var-list-of-lists-print", "$l $l[0] $l[1][0]", {"l": [[1, 2], [3]]}),
        ("var-map-with-list-print", "$m $m.l", {"m": {"l": [1, "x", {"k": [2]}]}}),
        ("list-tostring-nested-maps", "$l", {"l": [{"a": [1]}, {"b": {"c": None}}]}),
        ("json-array-methods", "$l.size() $l.get(1) $l.contains('x') $l.indexOf('x')", {"l": [1, "x"]}),
        ("json-array-add-print", "#set($d = $l.add({'k': 'v'}))$l", {"l": [1]}),
        ("json-array-add-list", "#set($d = $l.add([1, 2]))$l", {"l": ["a"]}),
        ("json-array-add-string-quote", "#set($d = $l.add('q\"'))$l", {"l": []}),
        ("json-map-put-list-print", "#set($d = $m.put('l', [1, 'a']))$m", {"m": {}}),
        ("json-string-escapes-in-list", "$l", {"l": ["a\"b", "back\\slash", "tab\t", "nl\n", "uni\u00e9", "ctl\u0001", "slash/"]}),
        ("json-number-forms-in-list", "$l", {"l": [1, -0.0, 1e21, 1.5e-7, 9007199254740993, 100.0, 12345678901234567890]}),
        ("json-null-in-list", "$l $l[1] [$!l[1]]", {"l": [1, None, 3]}),
        ("json-bools-in-map", "$m", {"m": {"t": True, "f": False, "n": None}}),
    ]
    for cid, template, env in extra:
        out.add(cid, template, env)
    return out
