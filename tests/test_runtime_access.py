"""Property, method, index and iteration access (vtl.runtime.access).

Expected values are outputs of Apache Velocity 1.7 (Debian velocity 1.7-6, Java 17), quoted
in the comments with the template that produced them.
"""

from __future__ import annotations

from typing import Any

import pytest

from vtl.errors import JavaException
from vtl.runtime import (
    MISSING,
    HostObject,
    JavaArray,
    JavaList,
    call_method,
    from_json,
    get_index,
    get_property,
    iterate,
    set_index,
    set_property,
    to_string,
)


def _show(value: Any, source: str) -> str:
    """What stock Velocity prints: the source text for null/missing."""
    return source if value is None or value is MISSING else to_string(value)


def test_map_properties_and_getters() -> None:
    # '$m.a $m.get('a') $m['a'] $m.getA() $m.isEmpty() $m.size()' with m={a:1,b:[1,2]}
    # -> "1 1 1 $m.getA() false 2"
    m = from_json({"a": 1, "b": [1, 2]}, "velocity")
    parts = [
        _show(get_property(m, "a"), "$m.a"),
        _show(call_method(m, "get", ["a"]), "$m.get('a')"),
        _show(get_index(m, "a"), "$m['a']"),
        _show(call_method(m, "getA", []), "$m.getA()"),
        _show(call_method(m, "isEmpty", []), "$m.isEmpty()"),
        _show(call_method(m, "size", []), "$m.size()"),
    ]
    assert " ".join(parts) == "1 1 1 $m.getA() false 2"


def test_map_keys_shadow_is_getters_but_not_get_class() -> None:
    # '$m.size $m.empty $m.class' with m={size:S, empty:E} -> "S E class java.util.LinkedHashMap"
    m = {"size": "S", "empty": "E"}
    values = [get_property(m, name) for name in ("size", "empty", "class")]
    assert " ".join(to_string(v) for v in values) == "S E class java.util.LinkedHashMap"
    # '$m.size $m.empty' on {a:1,b:2} -> "$m.size $m.empty": a map answers null, never isEmpty()
    assert get_property({"a": 1}, "empty") is None
    assert get_property({"a": 1}, "Class").name == "java.util.LinkedHashMap"


def test_getter_and_is_properties_on_other_types() -> None:
    # '$s.bytes $s.empty $s.class $s.blank $l.empty $l.size $d.naN $d.infinite
    #  $m.class.simpleName $m.class.class' -> "[B@… false class java.lang.String false false
    #  $l.size false false LinkedHashMap class java.lang.Class"
    lst = from_json([1, 2, 3], "velocity")
    assert to_string(get_property("hello", "bytes")).startswith("[B@")
    assert get_property("hello", "empty") is False
    assert to_string(get_property("hello", "class")) == "class java.lang.String"
    assert get_property("hello", "blank") is False
    assert get_property(lst, "empty") is False
    assert get_property(lst, "size") is MISSING
    assert get_property(2.5, "naN") is False and get_property(2.5, "infinite") is False
    cls = get_property({}, "class")
    assert get_property(cls, "simpleName") == "LinkedHashMap"
    assert to_string(get_property(cls, "class")) == "class java.lang.Class"
    # '$s.length' -> "$s.length" (length() is not a getter)
    assert get_property("hello", "length") is MISSING


def test_getters_found_once_still_read_each_value() -> None:
    # The getter found for a type and a name is kept; what it returns is still per value,
    # and an int's getters depend on its range (Integer, Long, BigInteger).
    # '$e.empty $s.empty $e.empty' (e="", s="x") -> "true false true";
    # '$i.class $l.class $i.class' (i=1, l=3000000000) -> "class java.lang.Integer class
    # java.lang.Long class java.lang.Integer"; '$s.size' twice -> "$s.size $s.size"
    assert [get_property(v, "empty") for v in ("", "x", "")] == [True, False, True]
    assert [to_string(get_property(v, "class")) for v in (1, 3_000_000_000, 1)] == [
        "class java.lang.Integer", "class java.lang.Long", "class java.lang.Integer"]
    assert get_property("x", "size") is MISSING and get_property("x", "size") is MISSING


def test_entry_and_class_properties() -> None:
    # '#set($x = $m.entrySet())#foreach($e in $x)$e.key$e.getKey()#end $x.class.simpleName'
    # -> "aabb LinkedEntrySet"
    entries = call_method({"a": 1, "b": 2}, "entrySet", [])
    keys = "".join(to_string(get_property(e, "key")) + to_string(call_method(e, "getKey", [])) for e in entries)
    simple = get_property(get_property(entries, "class"), "simpleName")
    assert f"{keys} {simple}" == "aabb LinkedEntrySet"
    # '$csv.split(",").class.simpleName $csv.split(",").class.name' -> "String[] [Ljava.lang.String;"
    arr_class = get_property(JavaArray(["x", "y"]), "class")
    assert (get_property(arr_class, "simpleName"), get_property(arr_class, "name")) == (
        "String[]", "[Ljava.lang.String;")


def test_index_access() -> None:
    # '$l[0] $l[$i] $m.k[1] $m['k'][0]' with l=[10,20], i=1, m={k:[1,2]} -> "10 20 2 1"
    lst = from_json([10, 20], "velocity")
    m = from_json({"k": [1, 2]}, "velocity")
    assert [get_index(lst, 0), get_index(lst, 1), get_index(m["k"], 1), get_index(m["k"], 0)] == [10, 20, 2, 1]
    # '$l[-1]' -> "20"
    assert get_index(lst, -1) == 20
    # '$m[-1]' on {a:1,b:2} -> "$m[-1]" (map.get(size - 1) is null); '$s[0]' -> "$s[0]"
    assert get_index({"a": 1, "b": 2}, -1) is None
    assert get_index({1: "one"}, -1) is None
    assert get_index("hello", 0) is MISSING
    # '$l['0']' and a Long index resolve to nothing
    assert get_index(lst, "0") is MISSING
    assert get_index(lst, 3000000000) is MISSING
    # '$a[-1] $a[1]' with a = 'x,y'.split(',') -> "y y"
    arr = JavaArray(["x", "y"])
    assert (get_index(arr, -1), get_index(arr, 1)) == ("y", "y")


@pytest.mark.parametrize(("target", "index", "message"), [
    # '$l[5]' / '$l[-9]' on [10, 20] -> VelocityException "Error invoking method
    # 'get(java.lang.Integer)' in java.util.ArrayList"; on a String[] "... in [Ljava.lang.String;"
    (JavaList([10, 20]), 5, "Error invoking method 'get(java.lang.Integer)' in java.util.ArrayList"),
    (JavaList([10, 20]), -9, "Error invoking method 'get(java.lang.Integer)' in java.util.ArrayList"),
    (JavaArray(["x", "y"]), 5, "Error invoking method 'get(java.lang.Integer)' in [Ljava.lang.String;"),
])
def test_index_out_of_range(target: Any, index: int, message: str) -> None:
    with pytest.raises(JavaException) as info:
        get_index(target, index)
    assert info.value.java_class == "VelocityException"
    assert info.value.message == message


def test_set_property_and_index() -> None:
    # '#set($m.k = 'v')#set($m['j'] = 2)$m' with m={} -> "{k=v, j=2}"
    m: dict = {}
    assert set_property(m, "k", "v") and set_index(m, "j", 2)
    assert to_string(m) == "{k=v, j=2}"
    # '#set($l[0] = 'z')$l' with [1, 2] -> "[z, 2]"; '#set($l[-1] = 9)' on [10, 20] -> "[10, 9]"
    lst = from_json([1, 2], "velocity")
    assert set_index(lst, 0, "z") and to_string(lst) == "[z, 2]"
    assert set_index(lst, -1, 9) and to_string(lst) == "[z, 9]"
    # '#set($l["0"] = 1)' changes nothing; '#set($s.x = 1)' neither
    assert not set_index(lst, "0", 1) and to_string(lst) == "[z, 9]"
    assert not set_property("hello", "x", 1)
    # '#set($a[0] = "q")$a[0]' on a String[] -> "q"
    arr = JavaArray(["x", "y"])
    assert set_index(arr, 0, "q") and arr[0] == "q"
    # '#foreach($e in $m.entrySet())#set($e.value = 5)#end$m' -> "{a=5, b=5}"
    m2 = {"a": 1, "b": 2}
    for entry in call_method(m2, "entrySet", []):
        assert set_property(entry, "value", 5)
    assert to_string(m2) == "{a=5, b=5}"


def test_set_index_out_of_range() -> None:
    # '#set($l[9] = 1)' on [10, 20] -> MethodInvocationException "Exception calling method
    # 'set(java.lang.Integer,java.lang.Integer)' in  class java.util.ArrayList", caused by
    # IndexOutOfBoundsException: Index 9 out of bounds for length 2
    with pytest.raises(JavaException) as info:
        set_index(JavaList([10, 20]), 9, 1)
    assert info.value.java_class == "MethodInvocationException"
    assert info.value.message == (
        "Exception calling method 'set(java.lang.Integer,java.lang.Integer)' in  class java.util.ArrayList")
    assert info.value.__cause__.message == "Index 9 out of bounds for length 2"


def test_set_property_uses_item_assignment_on_dict_subclasses() -> None:
    class Recording(dict):
        def __setitem__(self, key: Any, value: Any) -> None:
            super().__setitem__(key, ("seen", value))

    m = Recording()
    set_property(m, "a", 1)
    set_index(m, "b", 2)
    call_method(m, "put", ["c", 3])
    assert dict(m) == {"a": ("seen", 1), "b": ("seen", 2), "c": ("seen", 3)}


def test_iterate() -> None:
    lst = JavaList([1, 2])
    assert iterate(lst) is lst  # live: the loop can notice modifications
    values = iterate({"b": 2, "a": 1})  # '#foreach($v in $m)' over {b:2,a:1} -> "2,1,"
    assert [values[i] for i in range(len(values))] == [2, 1]
    for not_iterable in ("abc", 5, 2.5, True, None):  # probes over-string / over-number
        assert iterate(not_iterable) is None


def test_iterate_map_sees_size_changes() -> None:
    m = {"a": 1}
    values = iterate(m)
    assert len(values) == 1
    m["b"] = 2
    assert len(values) == 2 and values[1] == 2


class Greeter(HostObject):
    __slots__ = ("name", "secret")
    java_class = "com.example.Greeter"

    def __init__(self) -> None:
        self.name = "world"
        self.secret = "hidden"

    def vtl_to_string(self) -> str:
        return f"Greeter({self.name})"

    vtl_properties = {"greeting": lambda self: "hello " + self.name}
    vtl_methods = {
        "greet": lambda self, who="you": "hi " + who,
        "getName": lambda self: self.name,
        "setName": lambda self, value: setattr(self, "name", value),
        "isFriendly": lambda self: True,
    }


def test_host_objects_expose_only_their_tables() -> None:
    g = Greeter()
    assert get_property(g, "greeting") == "hello world"
    assert get_property(g, "name") == "world"  # getter getName()
    assert get_property(g, "friendly") is True  # isFriendly()
    assert call_method(g, "greet", []) == "hi you"
    assert call_method(g, "greet", ["bob"]) == "hi bob"
    # too many arguments for every overload: Velocity 1.7 picks greet() and the call throws
    with pytest.raises(JavaException, match="wrong number of arguments"):
        call_method(g, "greet", ["a", "b"])
    for name in ("secret", "__class__", "__dict__", "vtl_methods", "__init__", "_x"):
        assert get_property(g, name) is MISSING
        assert call_method(g, name, []) is MISSING
    assert to_string(call_method(g, "getClass", [])) == "class com.example.Greeter"
    assert call_method(g, "toString", []) == "Greeter(world)"
    assert set_property(g, "name", "moon") and g.name == "moon"
    assert not set_property(g, "secret", "x") and g.secret == "hidden"


def test_dunder_names_never_resolve_on_plain_values() -> None:
    for obj in ("s", 1, 2.5, True, JavaList([1]), {"a": 1}, JavaArray(["x"])):
        for name in ("__class__", "__dict__", "__len__", "_table", "mro", "__init__"):
            assert call_method(obj, name, []) is MISSING
            if not isinstance(obj, dict):
                assert get_property(obj, name) is MISSING
