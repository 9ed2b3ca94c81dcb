"""The allow-listed Java methods of each value type, and how a call finds one.

The tables live in one module per family (:mod:`.string_methods`, :mod:`.number_methods`,
:mod:`.list_methods`, the maps' here); :mod:`.method_support` holds what they share.

Each table maps a Java method name to its overloads: ``(parameter kinds, implementation)``.
An overload applies when every argument converts to its parameter the way Velocity 1.7's
introspector allows (an ``int`` parameter takes an Integer, never a Long, Double or String;
reference parameters take null). The first applicable overload in table order wins, which
lists the most specific first as Java's overload resolution would.

Implementations take ``(receiver, *args)`` and return a model value; a method declared
``void`` in Java returns ``""`` (what Velocity 1.7 substitutes for it). Java exceptions are
raised as :class:`vtl.errors.JavaException` with Java 17's class names and messages.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from . import memguard
from .budgets import string_limit
from .compare import java_equals, map_lookup
from .exceptions import java_exception
from .hashing import java_hash, java_key
from .list_methods import (
    ARRAY_METHODS,
    IMMUTABLE_LIST_METHODS,
    JSON_ARRAY_METHODS,
    LIST_METHODS,
    VIEW_METHODS,
    JavaIterator,
    _index_of,
    _null_function,
)
from .method_support import (
    _NPE_CALL,
    VOID,
    Impl,
    Table,
    _applicable,
    _npe,
)
from .number_methods import (
    BIGINTEGER_METHODS,
    BOOLEAN_METHODS,
    BYTE_METHODS,
    CHARACTER_METHODS,
    DECIMAL_METHODS,
    DOUBLE_METHODS,
    FLOAT_METHODS,
    INTEGER_METHODS,
    LONG_METHODS,
    SHORT_METHODS,
    int_value,
)
from .streams import ImmutableList
from .string_methods import (
    STRING_METHODS,
)
from .text import identity_string, to_string_within
from .values import (
    INT_MAX,
    INT_MIN,
    LONG_MAX,
    LONG_MIN,
    HostObject,
    JavaArray,
    JavaBigInteger,
    JavaByte,
    JavaChar,
    JavaClass,
    JavaFloat,
    JavaLong,
    JavaShort,
    JsonArray,
    MapEntry,
    java_class_name,
)
from .views import (
    EntrySetView,
    KeySetView,
    LiveMapEntry,
    MapView,
    SubListView,
    ValuesView,
    _entry_set,
    _key_set,
    _m_remove,
    _values,
)

__all__ = [
    "VOID", "find_method", "object_method", "MapView", "KeySetView", "ValuesView", "EntrySetView", "LiveMapEntry",
    "SubListView", "JavaIterator", "JavaPackage", "int_value",
]


# -- java.util.Map -----------------------------------------------------------------------------


def _m_get(m: dict, key: Any) -> Any:
    return map_lookup(m, key)[1]


def _m_put(m: dict, key: Any, value: Any) -> Any:
    key = java_key(key)
    old = m.get(key)
    m[key] = value  # an equal key already there stays (and keeps its place), as in Java
    return old


def _m_remove_pair(m: dict, key: Any, value: Any) -> bool:
    found, old = map_lookup(m, key)
    if found and java_equals(value, old) if value is not None else (found and old is None):
        _m_remove(m, key)
        return True
    return False


def _m_put_all(m: dict, other: dict | None) -> str:
    if other is None:
        raise _npe(_NPE_CALL.format("java.util.Map.size()", "m"))
    if len(other) >= memguard.COUNTED:
        memguard.note(8 * len(other))  # (the render's memory guard)
    for k, v in list(other.items()):
        _m_put(m, k, v)
    return VOID


def _m_clear(m: dict) -> str:
    m.clear()
    return VOID


def _m_get_or_default(m: dict, key: Any, default: Any) -> Any:
    found, value = map_lookup(m, key)
    return value if found else default


def _m_put_if_absent(m: dict, key: Any, value: Any) -> Any:
    found, old = map_lookup(m, key)
    if old is None:
        _m_put(m, key, value)
    return old


def _m_replace(m: dict, key: Any, value: Any) -> Any:
    found, old = map_lookup(m, key)
    if found:
        _m_put(m, key, value)
    return old


def _m_replace_if(m: dict, key: Any, expected: Any, value: Any) -> bool:
    found, old = map_lookup(m, key)
    if not found or not (java_equals(expected, old) if expected is not None else old is None):
        return False
    _m_put(m, key, value)
    return True


def _m_contains_value(m: dict, value: Any) -> bool:
    return _index_of(list(m.values()), value) >= 0


MAP_METHODS: Table = {
    "get": [(("Object",), _m_get)],
    "put": [(("Object", "Object"), _m_put)],
    "remove": [(("Object",), _m_remove), (("Object", "Object"), _m_remove_pair)],
    "containsKey": [(("Object",), lambda m, k: map_lookup(m, k)[0])],
    "containsValue": [(("Object",), _m_contains_value)],
    "keySet": [((), _key_set)],
    "values": [((), _values)],
    "entrySet": [((), _entry_set)],
    "size": [((), len)],
    "isEmpty": [((), lambda m: len(m) == 0)],
    "putAll": [(("Map",), _m_put_all)],
    "clear": [((), _m_clear)],
    "getOrDefault": [(("Object", "Object"), _m_get_or_default)],
    "putIfAbsent": [(("Object", "Object"), _m_put_if_absent)],
    "replace": [(("Object", "Object"), _m_replace), (("Object", "Object", "Object"), _m_replace_if)],
    "clone": [((), lambda m: dict(m))],
    "forEach": [(("Function",), _null_function)],
    "replaceAll": [(("Function",), _null_function)],
    "compute": [(("Object", "Function"), _null_function)],
    "computeIfAbsent": [(("Object", "Function"), _null_function)],
    "computeIfPresent": [(("Object", "Function"), _null_function)],
    "merge": [(("Object", "Object", "Function"), _null_function)],
}


def _e_set_value(entry: MapEntry, value: Any) -> Any:
    """``Entry.setValue``: writes through to the map while the key is still in it (the entry
    of a removed key is detached, as Java's node is)."""
    old = entry.value
    entry.value = value
    if isinstance(entry, LiveMapEntry) and entry.slot in entry.owner:
        entry.owner[entry.slot] = value
    return old


ENTRY_METHODS: Table = {
    "getKey": [((), lambda e: e.key)],
    "getValue": [((), lambda e: e.value)],
    "setValue": [(("Object",), _e_set_value)],
}

def _type_name(cls: JavaClass) -> str:
    """``Class.getTypeName``: ``java.lang.String[]`` for arrays, else the name."""
    name = cls.name
    dims = len(name) - len(name.lstrip("["))
    if not dims:
        return name
    component = name[dims:]
    if component.startswith("L"):
        component = component[1:-1]
    else:
        component = JavaClass("[" + component).simple_name[:-2]
    return component + "[]" * dims


# Superclasses of the classes a template can meet.
_SUPERCLASS = {
    "java.lang.Integer": "java.lang.Number", "java.lang.Long": "java.lang.Number",
    "java.lang.Double": "java.lang.Number", "java.math.BigInteger": "java.lang.Number",
    "java.math.BigDecimal": "java.lang.Number", "java.util.ArrayList": "java.util.AbstractList",
    "java.util.AbstractList": "java.util.AbstractCollection", "net.minidev.json.JSONArray": "java.util.ArrayList",
    "java.util.LinkedHashMap": "java.util.HashMap", "java.util.HashMap": "java.util.AbstractMap",
    "net.minidev.json.JSONObject": "java.util.HashMap",
}


def _superclass(cls: JavaClass) -> JavaClass | None:
    if cls.name == "java.lang.Object":
        return None
    return JavaClass(_SUPERCLASS.get(cls.name, "java.lang.Object"))


def _is_instance(cls: JavaClass, value: Any) -> bool:
    if value is None:
        return False
    name = java_class_name(value)
    while True:
        if name == cls.name:
            return True
        if name == "java.lang.Object":
            return False
        name = _SUPERCLASS.get(name, "java.lang.Object")


class JavaPackage(HostObject):
    """``Class.getPackage()``: only its name."""

    __slots__ = ("name",)
    java_class = "java.lang.Package"

    def __init__(self, name: str) -> None:
        self.name = name

    def vtl_to_string(self) -> str:
        return "package " + self.name

    vtl_methods = {"getName": lambda self: self.name}


def _package_name(cls: JavaClass) -> str:
    name = cls.name.lstrip("[")
    return name.rsplit(".", 1)[0].lstrip("L") if "." in name else ""


CLASS_METHODS: Table = {
    "getSuperclass": [((), _superclass)],
    "isInstance": [(("Object",), _is_instance)],
    "getPackageName": [((), _package_name)],
    "getPackage": [((), lambda c: JavaPackage(_package_name(c)))],
    "getName": [((), lambda c: c.name)],
    "getTypeName": [((), _type_name)],
    "getSimpleName": [((), lambda c: c.simple_name)],
    "isArray": [((), lambda c: c.name.startswith("["))],
}

# Methods every object has (java.lang.Object).
def _monitor(*_: Any) -> Any:
    raise java_exception("java.lang.IllegalMonitorStateException", "current thread is not owner")


def _bounded_to_string(value: Any) -> str:
    """``toString()``: a collection whose parts are shared prints exponentially long text, so
    the text is held to the render's string budget as it is built."""
    return to_string_within(value, string_limit())


OBJECT_METHODS: Table = {
    "wait": [((), _monitor), (("long",), _monitor), (("long", "int"), _monitor)],
    "notify": [((), _monitor)],
    "notifyAll": [((), _monitor)],
    "getClass": [((), lambda o: JavaClass(java_class_name(o)))],
    "toString": [((), _bounded_to_string)],
    "equals": [(("Object",), java_equals)],
    "hashCode": [((), java_hash)],
}


def _table_for(obj: Any) -> Table | None:
    t = type(obj)
    if t is str:
        return STRING_METHODS
    if t is int:
        if INT_MIN <= obj <= INT_MAX:
            return INTEGER_METHODS
        return LONG_METHODS if LONG_MIN <= obj <= LONG_MAX else BIGINTEGER_METHODS
    if t is float:
        return DOUBLE_METHODS
    if t is bool:
        return BOOLEAN_METHODS
    if t is JavaFloat:
        return FLOAT_METHODS
    if t is JavaChar:
        return CHARACTER_METHODS
    if t in _BOXED_TABLES:
        return _BOXED_TABLES[t]
    if isinstance(obj, dict):
        return MAP_METHODS
    if isinstance(obj, (KeySetView, ValuesView, EntrySetView)):
        return VIEW_METHODS
    if isinstance(obj, JsonArray):
        return JSON_ARRAY_METHODS
    if isinstance(obj, JavaArray):
        return ARRAY_METHODS
    if isinstance(obj, ImmutableList):
        return IMMUTABLE_LIST_METHODS
    if isinstance(obj, (list, tuple)):
        return LIST_METHODS
    if isinstance(obj, MapEntry):
        return ENTRY_METHODS
    if isinstance(obj, JavaClass):
        return CLASS_METHODS
    if t is Decimal:
        return DECIMAL_METHODS
    if isinstance(obj, str):
        return STRING_METHODS
    return None


_BOXED_TABLES: dict[type, Table] = {
    JavaLong: LONG_METHODS, JavaBigInteger: BIGINTEGER_METHODS, JavaShort: SHORT_METHODS,
    JavaByte: BYTE_METHODS,
}


def find_method(obj: Any, name: str, args: list[Any]) -> Impl | None:
    """The implementation Velocity would invoke for ``obj.name(args)``, or ``None``.

    Host objects are not handled here (see :mod:`vtl.runtime.access`).
    """
    if isinstance(obj, HostObject):
        return None
    table = _table_for(obj)
    if table is not None:
        overloads = table.get(name)
        if overloads:
            for kinds, fn in overloads:
                if _applicable(kinds, args):
                    return fn
    if isinstance(obj, JavaArray) and name in _ARRAY_IDENTITY and _applicable(OBJECT_METHODS[name][0][0], args):
        return _ARRAY_IDENTITY[name]
    overloads = OBJECT_METHODS.get(name)
    if overloads:
        for kinds, fn in overloads:
            if _applicable(kinds, args):
                return fn
    if args and _has_no_arg_overload(table, name):
        return _wrong_arity
    return None


def object_method(name: str, args: list[Any]) -> Impl | None:
    """The ``java.lang.Object`` method ``name`` that takes ``args``, or ``None``."""
    for kinds, fn in OBJECT_METHODS.get(name, []):
        if _applicable(kinds, args):
            return fn
    return None


def _has_no_arg_overload(table: Table | None, name: str) -> bool:
    """Whether ``name`` has an overload without parameters in ``table`` or on Object."""
    overloads = (table or {}).get(name, []) + OBJECT_METHODS.get(name, [])
    return any(not kinds for kinds, _ in overloads)


def _wrong_arity(*_: Any) -> Any:
    """What calling a method without parameters with arguments does: Velocity 1.7's
    ``MethodMap.isApplicable`` accepts any arguments for it (when no overload with
    parameters applies), and the reflective call then throws."""
    raise java_exception("java.lang.IllegalArgumentException", "wrong number of arguments")


_ARRAY_IDENTITY: dict[str, Impl] = {
    "toString": identity_string,
    "equals": lambda a, b: a is b,
    "hashCode": java_hash,
}
