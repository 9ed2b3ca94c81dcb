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
        # A map's keySet()/values()/entrySet() are live views: removals write through to the
        # map, and a view kept in a variable sees the map's later changes.
        ("view-keyset-remove", "$m.keySet().remove('a') $m.keySet().remove('z') $m.keySet().remove(1) $m.keySet().remove($null) $m", {"m": {"a": 1, "b": 2, "c": 1}}),
        ("view-values-remove", "$m.values().remove(1) $m.values().remove('a') $m.values().remove($null) $m", {"m": {"a": 1, "b": 2, "c": 1}}),
        ("view-values-remove-null", "#set($m = {'a': $n, 'b': 2})$m.values().remove($n) $m $m.values().contains($n)", {}),
        ("view-values-remove-class", "#set($m = {'a': 1.0, 'b': 2})$m.values().remove(1) $m.values().remove(2) $m", {}),
        ("view-keyset-remove-int-key", "#set($m = {1: 'x', 2: 'y'})$m.keySet().remove(1) $m.keySet().remove('2') $m", {}),
        ("view-entryset-remove", "#set($l = [])#foreach($e in $m.entrySet())#set($d = $l.add($e))#end$m.entrySet().remove('a') $m.entrySet().remove($l[1]) $m", {"m": {"a": 1, "b": 2, "c": 1}}),
        ("view-remove-all", "$m.keySet().removeAll(['a', 'c']) $m.keySet().removeAll([1]) $m.values().removeAll([2]) $m", {"m": {"a": 1, "b": 2, "c": 1, "d": 3}}),
        ("view-retain-all", "$m.keySet().retainAll(['a', 'b', 'd']) $m.values().retainAll([1]) $m.values().retainAll([1]) $m", {"m": {"a": 1, "b": 2, "c": 1, "d": 1}}),
        ("view-entryset-remove-all", "#set($l = [])#foreach($e in $m.entrySet())#set($d = $l.add($e))#end$m.entrySet().retainAll([$l[0], $l[2]]) $m $m.entrySet().removeAll($l) $m", {"m": {"a": 1, "b": 2, "c": 1}}),
        ("view-remove-all-self", "#set($k = $m.keySet())$k.removeAll($k) $m $k", {"m": {"a": 1, "b": 2}}),
        ("view-clear", "$m.keySet().clear()|$m|#set($d = $m.put('x', 1))$m.values().clear()|$m|#set($d = $m.put('y', 1))$m.entrySet().clear()|$m", {"m": {"a": 1}}),
        ("view-live", "#set($k = $m.keySet())#set($v = $m.values())#set($e = $m.entrySet())#set($d = $m.put('d', 4))#set($d = $m.remove('a'))$k $v $e $k.size() $k.contains('d') #foreach($i in $k)$i#end", {"m": {"a": 1, "b": 2}}),
        ("view-kept-remove", "#set($k = $m.keySet())#set($d = $k.remove('a'))$k $m", {"m": {"a": 1, "b": 2}}),
        ("view-null-collection", "$m.keySet().removeAll($n)", {"m": {"a": 1}}),
        ("view-null-retain", "$m.values().retainAll($n)", {"m": {"a": 1}}),
        ("view-add-unsupported", "$m.keySet().add('q')", {"m": {"a": 1}}),
        ("view-equals-hash", "#set($n = {'c': 0, 'a': 1, 'b': 1})$m.values().equals($m.values()) $m.keySet().equals($n.keySet()) $m.entrySet().equals($n.entrySet()) $m.keySet().hashCode() $m.entrySet().hashCode() $m.values().equals([1, 2, 1])", {"m": {"a": 1, "b": 2, "c": 1}}),
        ("view-iterator-remove", "#set($it = $m.keySet().iterator())$it.next() $it.remove() $m $it.next() #set($it = $m.values().iterator())$it.next() $it.remove() $m #set($it = $m.entrySet().iterator())$it.next() $it.remove() $m", {"m": {"a": 1, "b": 2, "c": 3, "d": 4}}),
        ("view-iterator-class", "$m.keySet().iterator().class.name $m.values().iterator().class.name $m.entrySet().iterator().class.name", {"m": {"a": 1}}),
        ("view-iterator-remove-twice", "#set($it = $m.keySet().iterator())$it.next() $it.remove() $it.remove()", {"m": {"a": 1, "b": 2}}),
        ("view-iterator-remove-first", "#set($it = $m.entrySet().iterator())$it.remove()", {"m": {"a": 1}}),
        ("view-iterator-after-put", "#set($it = $m.keySet().iterator())#set($d = $m.put('z', 1))$it.next()", {"m": {"a": 1}}),
        ("view-iterator-after-replace", "#set($it = $m.keySet().iterator())$it.next()#set($d = $m.put('a', 5))$it.next() $it.remove() $m", {"m": {"a": 1, "b": 2, "c": 3}}),
        ("view-foreach-remove", "#foreach($k in $m.keySet())$m.keySet().remove($k)#end $m", {"m": {"a": 1, "b": 2, "c": 3}}),
        ("view-foreach-remove-last", "#foreach($k in $m.keySet())$k#if($k == 'b')$m.keySet().remove('a')#end#end $m", {"m": {"a": 1, "b": 2}}),
        ("view-foreach-kept-entries", "#set($k = $m.entrySet())#foreach($e in $k)#set($d = $k.remove($e))#end$k $m", {"m": {"a": 1, "b": 2}}),
        ("view-foreach-put-existing", "#foreach($e in $m.entrySet())#set($d = $m.put($e.key, 7))#end$m", {"m": {"a": 1, "b": 2}}),
        ("list-iterator-remove", "#set($it = $l.iterator())$it.next() $it.remove() $l $it.next() $it.hasNext()", {"l": [1, 2]}),
        ("list-iterator-remove-first", "#set($it = $l.iterator())$it.remove()", {"l": [1, 2]}),
        ("list-iterator-remove-after-add", "#set($it = $l.iterator())$it.next()#set($d = $l.add(3))$it.remove()", {"l": [1, 2]}),
        ("null-function-args", "$l.removeIf($n)", {"l": [1]}),
        ("null-function-foreach", "$l.forEach($n)", {"l": [1]}),
        ("null-function-map-foreach", "$m.forEach($n)", {"m": {"a": 1}}),
        ("null-function-view", "$m.keySet().removeIf($n)", {"m": {"a": 1}}),
    ]
    extra += [
        # A list holding copies of itself: small in memory, exponential when walked.
        ("shared-sublists-hash-tostring", "#set($l = [1])#foreach($i in [1..12])#set($x = $l.add($l.clone()))#end"
         '#set($m = {"a": $l, "b": [$l, $l]})$l.hashCode() $m.hashCode() $m.entrySet().hashCode() $l.toString().length()', {}),
        ("nested-hash-tostring", '#set($a = [1, [2, 3], {"k": [4]}])$a.hashCode() $a.toString() '
         '#set($m = {"a": [1, 2], "b": {"c": "d"}})$m.hashCode() $m.entrySet().hashCode() $m.keySet().hashCode()', {}),
    ]
    extra += [
        # Map keys that are not strings or integers: Java keeps 1, 1.0 and true apart, and a
        # list or map is a key by content (hashed when it goes in).
        ("key-kinds-apart", "#set($m = {1: 'i', 1.0: 'd', true: 'b'})$m $m.size() $m.get(1) $m.get(1.0) $m.get(true) $m[true] $m.containsKey(1.0)", {}),
        ("key-zeros-apart", "#set($m = {false: 'a', 0: 'b', 0.0: 'c', -0.0: 'd'})$m $m.size()", {}),
        ("key-list-literal", "#set($m = {[1]: 2})$m", {}),
        ("key-map-literal", "#set($m = {{}: 2})$m #set($m = {{'a': [1]}: 'a'})$m $m.get({'a': [1]})", {}),
        ("key-list-put", "#set($m = {})#set($q = $m.put([1], 1))$m", {}),
        ("key-this-map", "#set($m = {})#set($q = $m.put($m, 1))$m $m.size() $m.containsKey({})", {}),
        ("key-this-map-views", "#set($m = {})#set($q = $m.put($m, 1))#set($q = $m.put('a', $m))$m $m.keySet() $m.entrySet()", {}),
        ("key-collections-get", "#set($m = {[1, 2]: 'l', {'a': 1}: 'm'})$m.get([1, 2]) $m.get({'a': 1}) $m.containsKey([1]) $m.keySet() $m.entrySet()", {}),
        ("key-list-mutated", "#set($l = [1])#set($m = {})#set($q = $m.put($l, 'x'))#set($q = $l.add(2))$m $m.get($l) $m.get([1]) $m.get([1, 2]) $m.containsKey($l) $m.size()", {}),
        ("key-list-mutated-twice", "#set($l = [1])#set($m = {})#set($q = $m.put($l, 'x'))#set($q = $l.add(2))#set($q = $m.put([1, 2], 'y'))$m $m.size()", {}),
        ("key-list-mutated-back", "#set($l = [1])#set($m = {})#set($q = $m.put($l, 'x'))#set($q = $l.add(2))$m.keySet().contains([1, 2]) $m.hashCode() $m.remove([1, 2]) $m #set($q = $l.remove(1))$m.get([1])", {}),
        ("key-bool-double-methods", "#set($m = {true: 1, 2.5: 2})$m.remove(true) $m #set($q = $m.put(2.5, 3))$m $m.putIfAbsent(2.5, 9) $m.getOrDefault(true, 'd') $m", {}),
        ("key-put-keeps-place", "#set($m = {1.0: 'a', 'b': 2, 1: 'c', true: 'd'})#set($q = $m.put(1.0, 'x'))#set($q = $m.put(1, 'y'))#set($q = $m.put(true, 'z'))$m", {}),
        ("key-list-set-index", "#set($m = {[1]: 'a', 'b': 2})#set($q = $m.put([1], 'x'))$m #set($m[true] = 't')#set($m[true] = 'u')$m", {}),
        ("key-char-vs-string", "#set($s = 'ab')#set($m = {})#set($q = $m.put($s.charAt(0), 1))#set($q = $m.put('a', 2))$m $m.size() $m.get($s.charAt(0)) $m.get('a')", {}),
        ("key-collections-foreach", "#set($m = {[1]: 'a', true: 'b'})#foreach($v in $m)$v #end#foreach($k in $m.keySet())$k $k.class.simpleName #end#foreach($e in $m.entrySet())$e.key $e.getKey().get(0) $e #end", {}),
        ("key-collections-clone-setvalue", "#set($m = {[1]: 'a', true: 'b', 2.5: 'c'})#set($c = $m.clone())$c $c.get([1]) $c.equals($m) #foreach($e in $c.entrySet())$e.setValue('z') #end$c", {}),
        ("key-collections-hash-equals", "#set($m = {[1]: 'a', true: 'b'})$m.hashCode() $m.equals({[1]: 'a', true: 'b'}) #if($m == {true: 'b', [1]: 'a'})eq#end", {}),
        ("key-collections-hash-remove", "#set($m = {[1]: 'a', {'k': 1}: 'b'})$m.hashCode() $m.keySet().hashCode() $m.entrySet().hashCode() $m.remove([1]) $m.remove({'k': 1}) $m", {}),
        ("key-put-all", "#set($m = {1.0: 'x', 2: 'y', [3]: 'z'})#set($n = {})#set($q = $n.putAll($m))$n $n.get(1.0) $n.get(1) $n.get([3])", {}),
        ("key-bool-vs-string", "#set($m = {true: 1})$m.containsKey(true) $m.containsKey('true') $m.get('true') #set($n = {'true': 2})$n.get(true) $m.equals({'true': 1})", {}),
        ("key-null", "#set($m = {$n: 'a', 'b': $n})$m $m.get($n) $m.containsKey($n)", {"n": None}),
        ("key-views-contains", "#set($m = {[1]: 'a', true: 'b'})#set($e = $m.entrySet())$e.contains($e.iterator().next()) $m.keySet().containsAll([[1], true]) $m.keySet().containsAll([[2]]) $m.values().contains('b')", {}),
        ("key-views-remove", "#set($m = {[1]: 'a', true: 'b', 1: 'c'})#set($q = $m.keySet().removeAll([true, 1]))$m #set($q = $m.keySet().remove([1]))$m", {}),
        ("key-in-list-print", "#set($m = {[1]: 'a', true: 'b', 2.5: 'c', 'd': 1})#set($l = [$m])$l", {}),
    ]
    extra += [
        # Arrays are lists through Velocity's ArrayListWrapper (an AbstractList): iterator,
        # toArray, stream, sort work; removals throw only when something would go.
        ("array-iterator", "#set($a = $s.split(''))#set($it = $a.iterator())$it.next() $it.hasNext() $it.class.name", {"s": "abc"}),
        ("array-iterator-remove", "#set($a = $s.split(''))#set($it = $a.iterator())$it.next() $it.remove()", {"s": "abc"}),
        ("array-iterator-remove-first", "#set($a = $s.split(''))#set($it = $a.iterator())$it.remove()", {"s": "abc"}),
        ("array-to-array-stream", "#set($a = $s.split(''))$a.toArray().size() $a.toArray([]).size() $a.stream().count()", {"s": "abc"}),
        ("array-sort", "#set($a = $s.split(''))$a.sort($n)$a.get(0)$a.get(2) #set($c = $s.toCharArray())$c.sort($n)$c.get(0)", {"s": "cab", "n": None}),
        ("array-sort-bytes", "#set($a = $s.getBytes('UTF-8'))$a.sort($n)$a.get(0) $a.get(2)", {"s": "a\u00e9", "n": None}),
        ("array-remove-absent", "#set($a = $s.toCharArray())$a.remove('a') $a.remove($n) $a.removeAll(['zz']) $a.retainAll($a)", {"s": "abc", "n": None}),
        ("array-remove-present", "#set($a = $s.split(''))$a.remove('a')", {"s": "abc"}),
        ("array-remove-all-present", "#set($a = $s.split(''))$a.removeAll(['b'])", {"s": "abc"}),
        ("array-retain-all-drops", "#set($a = $s.split(''))$a.retainAll(['b'])", {"s": "abc"}),
        ("array-remove-all-null", "#set($a = $s.split(''))$a.removeAll($n)", {"s": "abc", "n": None}),
        ("array-null-functions", "#set($a = $s.split(''))$a.forEach($n)", {"s": "abc", "n": None}),
        ("array-remove-if-null", "#set($a = $s.getBytes())$a.removeIf($n)", {"s": "abc", "n": None}),
        ("array-replace-all-null", "#set($a = $s.toCharArray())$a.replaceAll($n)", {"s": "abc", "n": None}),
        # getBytes() holds Bytes: not equal to Integers, compareTo subtracts.
        ("bytes-are-bytes", "#set($a = $s.getBytes())$a.get(0).class.name $a.contains(97) $a.indexOf(97) $a.get(0).equals(97) "
         "#foreach($x in $a)$x.class.simpleName,$x #end", {"s": "abc"}),
        ("bytes-compare-to", "#set($a = $s.getBytes('UTF-8'))$a.get(0).compareTo($a.get(1)) $a.get(1).compareTo($a.get(0)) "
         "#set($b = $a.get(0) + 1)$b $b.class.simpleName", {"s": "\u00e9"}),
        ("bytes-set-byte", "#set($a = $s.getBytes())$a.set(0, $a.get(1)) $a.get(0)", {"s": "abc"}),
        ("short-byte-compare-to", "$i.shortValue().compareTo($j.shortValue()) $j.shortValue().compareTo($i.shortValue()) "
         "$i.byteValue().compareTo($j.byteValue())", {"i": 300, "j": -5}),
        ("null-function-replace-all", "$l.replaceAll($n)", {"l": [1], "n": None}),
        ("null-function-map-replace-all", "$m.replaceAll($n)", {"m": {}, "n": None}),
        ("null-function-map-compute", "$m.compute('a', $n)", {"m": {"a": 1}, "n": None}),
        ("null-function-map-compute-if-absent", "$m.computeIfAbsent('a', $n)", {"m": {"a": 1}, "n": None}),
        ("null-function-map-compute-if-present", "$m.computeIfPresent('z', $n)", {"m": {"a": 1}, "n": None}),
        ("null-function-map-merge", "$m.merge('a', 1, $n)", {"m": {"a": 1}, "n": None}),
        ("function-arg-not-null", "$m.compute('a', 1) $m.merge('a', 1, 'x') $l.replaceAll(1)", {"m": {"a": 1}, "l": [1]}),
        ("immutable-replace-all", "$s.lines().toList().replaceAll($n)", {"s": "a\nb", "n": None}),
    ]
    for cid, template, env in extra:
        out.add(cid, template, env)
    for kind, make in (("list", "$l"), ("array", "$s.split('')"), ("immutable", "$j.lines().toList()"),
                       ("chars", "$s.toCharArray()")):
        for k, steps in enumerate(LIST_ITERATOR_STEPS):
            out.add(f"list-iterator-{kind}-{k}", f"#set($a = {make})#set($it = $a.listIterator())" + steps,
                    {"l": [1, 2, 3], "s": "abc", "j": "x\ny", "n": None})
        out.add(f"list-iterator-{kind}-from", f"#set($a = {make})$a.listIterator(1).next() $a.listIterator(3).hasNext() "
                "$a.listIterator(3).previous()", {"l": [1, 2, 3], "s": "abc", "j": "x\ny"})
        out.add(f"list-iterator-{kind}-past-end", f"#set($a = {make})$a.listIterator(4)",
                {"l": [1, 2, 3], "s": "abc", "j": "x\ny"})
    out.add("list-capacity", "$l.ensureCapacity(10) $l.trimToSize() $l.size() $l.ensureCapacity(-1)", {"l": [1]})
    out.add("list-capacity-immutable", "$j.lines().toList().ensureCapacity(10) $s.split('').trimToSize()",
            {"j": "x\ny", "s": "ab"})
    for k, template in enumerate(STREAMS):
        out.add(f"stream-{k}", template, STREAM_VARS)
    for k, call in enumerate(("$k.iterator().forEachRemaining($n)", "$m.keySet().iterator().forEachRemaining($n)",
                              "$k.listIterator().forEachRemaining($n)", "$s.split('').iterator().forEachRemaining($n)")):
        out.add(f"iterator-for-each-remaining-{k}", f"[{call}]", {"k": [1, 2], "m": {"a": 1}, "s": "ab", "n": None})
    out.add("iterator-for-each-remaining-not-null", "[$k.iterator().forEachRemaining(1)]", {"k": [1]})
    # An entry is the map's node: it sees later puts of its key, and once its key is removed
    # setValue no longer reaches the map.
    head = "#set($e = $m.entrySet().iterator().next())"
    for k, steps in enumerate(("#set($d = $m.remove('a'))$e.setValue(5) $e.value $m", "$e.setValue(5) $e.value $m",
                               "#set($d = $m.clear())$e.setValue(5) $m $e", "#set($d = $m.put('a', 9))$e.value $e $e.setValue(5) $m $e",
                               "#set($d = $m.keySet().remove('a'))$e.setValue(7) $m",
                               "#set($d = $m.put('a', 9))$e.hashCode() $e.equals($m.entrySet().iterator().next())")):
        out.add(f"entry-node-{k}", head + steps, {"m": {"a": 1, "b": 2}})
    # Velocity takes Optional.get() for get("present"), whose call fails: no isPresent() then
    # (the apigateway profile prints the reference too, which apigw-vtl does not model)
    out.add("stream-optional-property", "#set($p = $k.stream().findFirst())$p.present $p.empty", STREAM_VARS,
            profiles=("velocity",))
    # (in the apigateway profile the null reads as "", so toArray(T[]) prints an identity hash)
    out.add("array-to-array-null", "#set($a = $s.split(''))$a.toArray($n)", {"s": "abc", "n": None}, mask=True)
    return out


#: ``listIterator()`` walks (``$it`` over ``$a``): both ways, and writing through.
LIST_ITERATOR_STEPS = [
    "$it.hasPrevious() $it.nextIndex() $it.previousIndex() $it.next() $it.next() $it.previous() $it.previous() "
    "$it.hasPrevious() $it.nextIndex()",
    "$it.previous()", "$it.set('z')", "$it.next() $it.set('z') $a.get(0)", "$it.add('w') $a.size() $it.next() $it.previousIndex()",
    "$it.remove()", "$it.next() $it.remove() $a.size() $it.nextIndex()", "$it.next() $it.add('w') $it.set('q')",
    "$it.next() $it.remove() $it.remove()", "#set($d = $a.add(9))$it.next()", "$it.class.name",
    "$it.next()$it.next()$it.next()$it.next()", "$it.next() $it.set(5) $a.get(0)",
]

#: Streams: chained steps run at the terminal operation, once; Optionals print their value.
STREAM_VARS = {"s": "banana", "e": "", "k": [3, 1, 2, 1], "o": [], "n": None, "b": 3000000000,
               "m": [1, 1.0, True, None, "1", [1], [1], {"a": 1}, {"a": 1}], "x": [2, None, 1], "y": [None, 2],
               "z": [1, "a"], "w": ["b", "a", "b"]}
STREAMS = [
    "$s.chars().max() $s.chars().min() $s.chars().average() $o.stream().findFirst() $k.stream().findFirst()",
    "$s.chars().distinct().count() $s.chars().sorted().toArray().size() $s.chars().limit(2).sum() $s.chars().skip(4).sum()",
    "$s.chars().max().getAsInt() $s.chars().max().isPresent() $s.chars().max().isEmpty() $s.chars().average().getAsDouble()",
    "$s.chars().filter($n)", "$s.chars().limit(-1)", "$k.stream().skip(-1)",
    "$k.stream().distinct().toList() $k.stream().sorted().toList() $k.stream().limit(2).toList() $k.stream().skip(3).toList() "
    "$w.stream().distinct().count()",
    "$m.stream().distinct().toList()", "$x.stream().sorted().toList()", "$y.stream().sorted().toList()",
    "$z.stream().sorted().count() $z.stream().sorted().toList()", "#set($q = [$n, 1])$q.stream().findFirst()",
    "$o.stream().findFirst().get()", "$o.stream().findFirst().orElse('d') $k.stream().findFirst().orElse('d') $k.stream().findAny().get()",
    "$s.chars().boxed().toList() $s.codePoints().boxed().distinct().count() $s.chars().sorted().boxed().toList()",
    "#set($st = $k.stream())#set($d = $st.limit(1))$st.count()",
    "$k.stream().limit(2).class.name $s.chars().limit(2).class.name $k.stream().sorted().class.name "
    "$s.chars().sorted().class.name $k.stream().distinct().class.name $s.chars().distinct().class.name "
    "$s.chars().boxed().class.name $s.chars().max().class.name $s.chars().average().class.name $k.stream().findFirst().class.name",
    "$o.stream().max($n)", "$k.stream().anyMatch($n)", "$k.stream().map(1) $s.chars().max(1)",
    "$s.chars().limit($b).count() $s.chars().skip($b).count() $k.stream().limit($b.longValue()).count() $k.stream().limit(1.5)",
    "$e.chars().max() $e.chars().average() $e.chars().min().isPresent() $e.chars().average().orElse(1) $e.chars().max().orElse(7) "
    "$e.chars().max().orElse($b) $e.chars().average().orElse('x')",
    "$e.chars().max().getAsInt()", "$k.stream().findFirst().getAsInt() $s.chars().max().get()",
    "$k.stream().findFirst().equals($k.stream().findAny()) $k.stream().findFirst().hashCode() $e.chars().max().hashCode() "
    "$e.chars().max().equals($e.chars().min()) $s.chars().average().equals($s.chars().average())",
    "#set($st = $k.stream().sorted())$st.toList() $st.toList()",
    "$s.chars().count().class.simpleName $k.stream().count().class.simpleName $s.lines().distinct().count()",
    "#set($p = $k.stream().findFirst())$p.get() $s.chars().max().present $s.chars().max().asInt $k.stream().parallel",
    "#set($st = $k.stream())$st.skip(0).class.name $st.count() $s.chars().skip(0).class.name $k.stream().limit(0).count()",
]
