"""The one gate between templates and values: property, method, index and iteration access.

Everything a template reaches goes through these functions, and they only ever consult the
allow-listed tables of :mod:`vtl.runtime.methods` or a :class:`HostObject`'s declared
``vtl_methods``/``vtl_properties``. Names coming from a template are never passed to
``getattr``; anything not listed resolves to ``MISSING``.

Resolution follows Velocity 1.7's ``UberspectImpl``:

* ``$obj.name``: the getter ``getName()`` (or ``getname()``), then for a map ``map.get("name")``
  (a map never looks further: a missing key is null), then ``isName()``.
* ``$obj.name(args)``: the overload whose parameters accept the arguments.
* ``$obj[i]``: ``obj.get(i)``, a negative Integer counting from the end.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from ..errors import JavaException
from .compare import map_lookup
from .exceptions import java_exception
from .hashing import java_key
from .methods import JavaIterator, find_method, object_method
from .values import MISSING, HostObject, JavaClass, java_class_name

__all__ = ["get_property", "call_method", "get_index", "set_property", "set_index", "iterate"]

def _flip_first(name: str) -> str:
    first = name[:1]
    return (first.upper() if first.islower() else first.lower()) + name[1:]


def _call_host(obj: HostObject, name: str, args: list[Any]) -> Any:
    fn = type(obj).vtl_methods.get(name)
    if fn is not None:
        if _accepts_arity(fn, len(args)):
            return fn(obj, *args)
        if args and _arity(fn)[0] == 0:
            raise _wrong_arity()
    if name in ("getClass", "toString", "hashCode", "equals"):
        if args and name != "equals":
            raise _wrong_arity()
        return _call_object_method(obj, name, args)
    if name in _MONITOR_METHODS:  # wait/notify: the template's thread never owns the monitor
        impl = object_method(name, args)
        if impl is None:
            raise _wrong_arity()
        return impl(obj, *args)
    return MISSING


_MONITOR_METHODS = frozenset(("wait", "notify", "notifyAll"))


def _wrong_arity() -> JavaException:
    """Velocity 1.7 lets a method without parameters take any arguments when no overload
    with parameters fits them; the reflective call then throws."""
    return java_exception("java.lang.IllegalArgumentException", "wrong number of arguments")


def host_method(obj: HostObject, name: str, nargs: int) -> Callable[..., Any] | None:
    """The declared method ``name`` of a host object's class taking ``nargs`` template
    arguments (the same choice :func:`call_method` makes), or ``None``."""
    fn = type(obj).vtl_methods.get(name)
    if fn is not None and _accepts_arity(fn, nargs):
        return fn
    return None


def _call_object_method(obj: HostObject, name: str, args: list[Any]) -> Any:
    if name == "getClass" and not args:
        return JavaClass(obj.java_class)
    if name == "toString" and not args:
        return obj.vtl_to_string()
    if name == "hashCode" and not args:
        return (id(obj) * 2654435761) & 0x7FFFFFFF
    if name == "equals" and len(args) == 1:
        return obj is args[0]
    return MISSING


@lru_cache(maxsize=1024)
def _arity(fn: Callable[..., Any]) -> tuple[int, int]:
    """(minimum, maximum) number of template arguments a host method takes (after self)."""
    try:
        params = list(inspect.signature(fn).parameters.values())[1:]
    except (TypeError, ValueError):
        return 0, 255
    lo = hi = 0
    for p in params:
        if p.kind in (p.VAR_POSITIONAL,):
            hi = 255
        elif p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
            hi += 1
            if p.default is p.empty:
                lo += 1
    return lo, max(hi, lo)


def _accepts_arity(fn: Callable[..., Any], n: int) -> bool:
    lo, hi = _arity(fn)
    return lo <= n <= hi


def _zero_arg_host(obj: HostObject, name: str) -> Any:
    fn = type(obj).vtl_methods.get(name)
    if fn is not None and _accepts_arity(fn, 0):
        return fn(obj)
    if name == "getClass":
        return JavaClass(obj.java_class)
    return MISSING


def get_property(obj: Any, name: str) -> Any:
    """``$obj.name``: the value, ``None`` (Java null) or ``MISSING`` (nothing resolves)."""
    if obj is None or obj is MISSING or not name:
        return MISSING
    if isinstance(obj, HostObject):
        props = type(obj).vtl_properties
        getter = props.get(name)
        if getter is not None:
            return getter(obj)
        for candidate in ("get" + name, "get" + _flip_first(name)):
            value = _zero_arg_host(obj, candidate)
            if value is not MISSING:
                return value
        if type(obj).vtl_is_map:  # Velocity tries Map.get(name) before isName()
            get = type(obj).vtl_methods.get("get")
            return get(obj, name) if get is not None else None
        get = type(obj).vtl_methods.get("get")
        if get is not None and _arity(get)[1] == 0:
            # Velocity 1.7 takes a get() without parameters for get(name), whose call fails:
            # the property resolves to nothing before any isName() is tried
            return MISSING
        for candidate in ("is" + name, "is" + _flip_first(name)):
            value = _zero_arg_host(obj, candidate)
            if type(value) is bool:
                return value
        return MISSING
    if isinstance(obj, dict):
        # getClass() is a map's only zero-argument getter; every other name is a key
        if name in ("class", "Class"):
            return JavaClass(java_class_name(obj))
        return map_lookup(obj, name)[1]
    t = type(obj)
    if t is int:  # Integer, Long and BigInteger differ
        getters = _getters(obj, name)
    else:
        getters = _GETTERS.get((t, name), _UNSET)
        if getters is _UNSET:
            getters = _getters(obj, name)
            if len(_GETTERS) >= _GETTERS_SIZE:
                _GETTERS.clear()
            _GETTERS[t, name] = getters
    if getters is None:
        return MISSING
    if callable(getters):
        return getters(obj)
    for fn in getters:
        value = fn(obj)
        if type(value) is bool:
            return value
    return MISSING


# What get_property finds for a type and a name (the lookup depends on nothing else but an
# int's range): a getX/getx method, a tuple of isX/isx methods, or None. Bounded, and only
# ever holds what find_method would answer again.
_GETTERS: dict[tuple[type, str], Any] = {}
_GETTERS_SIZE = 4096
_UNSET: Any = object()


def _getters(obj: Any, name: str) -> Any:
    """The getter Velocity calls for ``obj.name``, the boolean getters it tries, or None."""
    for candidate in ("get" + name, "get" + _flip_first(name)):
        fn = find_method(obj, candidate, [])
        if fn is not None:
            return fn
    flags = tuple(fn for candidate in ("is" + name, "is" + _flip_first(name))
                  if (fn := find_method(obj, candidate, [])) is not None)
    return flags or None


def call_method(obj: Any, name: str, args: list[Any]) -> Any:
    """``$obj.name(args)``: the result, ``None``, ``""`` for a void method, or ``MISSING``
    when the type has no such method for these arguments. Raises ``JavaException`` when
    the Java method would throw."""
    if obj is None or obj is MISSING:
        return MISSING
    if isinstance(obj, HostObject):
        return _call_host(obj, name, args)
    fn = find_method(obj, name, args)
    if fn is None:
        return MISSING
    return fn(obj, *args)


def _adjust_negative(obj: Any, index: Any) -> Any:
    """``ASTIndex.adjMinusIndexArg``: a negative Integer index counts back from ``size()``."""
    if type(index) is int and -(2**31) <= index < 0:
        size = call_method(obj, "size", [])
        if size is MISSING:
            raise java_exception(
                "org.apache.velocity.exception.VelocityException",
                f"A 'size()' method required for negative value {index} does not exist for class "
                f"'{java_class_name(obj)}'",
            )
        if type(size) is not int:
            raise java_exception(
                "org.apache.velocity.exception.VelocityException",
                f"Method 'size()' on class '{java_class_name(obj)}' returned "
                f"'{java_class_name(size)}' when Integer was expected",
            )
        return size + index
    return index


def get_index(obj: Any, index: Any) -> Any:
    """``$obj[index]``: ``obj.get(index)`` (lists by Integer, negative from the end; maps by
    key). ``MISSING`` when there is no applicable ``get`` (strings, a Long index...); a Java
    exception surfaces as Velocity's ``VelocityException`` "Error invoking method 'get(...)'"."""
    if obj is None or obj is MISSING:
        return MISSING
    index = _adjust_negative(obj, index)
    if isinstance(obj, dict) and type(index) is str:
        return map_lookup(obj, index)[1]
    try:
        return call_method(obj, "get", [index])
    except JavaException as exc:
        arg_class = "null" if index is None else java_class_name(index)
        raise java_exception(
            "org.apache.velocity.exception.VelocityException",
            f"Error invoking method 'get({arg_class})' in {java_class_name(obj)}",
        ) from exc


def set_property(obj: Any, name: str, value: Any) -> bool:
    """``#set($obj.name = value)``: a setter ``setName(value)``, else ``map.put(name, value)``.

    Returns False when nothing can be set (the assignment is then ignored)."""
    if obj is None or obj is MISSING or not name:
        return False
    setters = ("set" + name, "set" + _flip_first(name))
    if isinstance(obj, HostObject):
        for candidate in setters:
            fn = type(obj).vtl_methods.get(candidate)
            if fn is not None and _accepts_arity(fn, 1):
                fn(obj, value)
                return True
        return False
    for candidate in setters:
        fn = find_method(obj, candidate, [value])
        if fn is not None:
            fn(obj, value)
            return True
    if isinstance(obj, dict):
        obj[name] = value  # dict subclasses may intercept writes
        return True
    return False


def set_index(obj: Any, index: Any, value: Any) -> bool:
    """``#set($obj[index] = value)``: ``obj.set(index, value)``, else ``obj.put(index, value)``.

    An index out of range raises ``JavaException`` (Velocity's MethodInvocationException
    "Exception calling method 'set(...)'", the Java exception as ``__cause__``).
    Returns False when the object has neither method."""
    if obj is None or obj is MISSING:
        return False
    index = _adjust_negative(obj, index)
    if isinstance(obj, dict):
        obj[java_key(index)] = value  # dict subclasses may intercept writes
        return True
    for name in ("set", "put"):
        try:
            result = call_method(obj, name, [index, value])
        except JavaException as exc:
            # Velocity: "Exception calling method 'set(java.lang.Integer,java.lang.String)'..."
            classes = ",".join("null" if a is None else java_class_name(a) for a in (index, value))
            raise java_exception(
                "org.apache.velocity.exception.MethodInvocationException",
                f"Exception calling method '{name}({classes})' in  class {java_class_name(obj)}",
            ) from exc
        if result is not MISSING:
            return True
    return False


class LiveValues:
    """What ``#foreach`` walks for a map: its values, read through the live map.

    ``len()`` is the map's current size, so a loop that checks the size after each step sees
    additions and removals (where Java throws ``ConcurrentModificationException``).
    """

    __slots__ = ("mapping", "keys", "item")

    def __init__(self, mapping: dict, item: Callable[[dict, Any], Any] | None = None) -> None:
        """``item(mapping, key)``: what a step yields, the value by default (a map view
        yields its key or its entry)."""
        self.mapping = mapping
        self.keys = list(mapping)
        self.item = item

    def __len__(self) -> int:
        return len(self.mapping)

    def __getitem__(self, i: int) -> Any:
        if len(self.keys) != len(self.mapping):
            self.keys = list(self.mapping)
        key = self.keys[i]
        if self.item is not None:
            return self.item(self.mapping, key)
        return self.mapping.get(key)


def iterate(value: Any) -> Any:
    """What ``#foreach`` iterates, or ``None`` when Velocity would not iterate at all.

    Lists and arrays are returned *live* (the same object, so a loop can notice that the
    body changed the size); a map yields a :class:`LiveValues` over its values. Strings,
    numbers, booleans, null and other objects give ``None``: no iterations.
    """
    if isinstance(value, (list, tuple)):
        return value
    if isinstance(value, dict):
        return LiveValues(value)
    if isinstance(value, JavaIterator):  # Velocity walks what is left of an Iterator
        rest = value.items[value.index:]
        value.index = len(value.items)
        return rest
    if isinstance(value, HostObject):
        fn = type(value).vtl_methods.get("iterator")
        if fn is not None and _accepts_arity(fn, 0):
            items = fn(value)
            return items if isinstance(items, (list, tuple)) else list(items)
    return None

