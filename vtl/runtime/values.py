"""Python representations of the Java values a Velocity template sees.

Type map (Java -> Python):

====================================  =================================================
Java                                  Python
====================================  =================================================
null                                  ``None``
java.lang.String                      ``str``
java.lang.Boolean                     ``bool``
Integer / Long / BigInteger           ``int`` (the Java class follows from the magnitude)
java.lang.Double                      ``float``
java.util.ArrayList                   :class:`JavaList`
net.minidev.json.JSONArray            :class:`JsonArray` (prints as compact JSON)
java.util.LinkedHashMap / JSONObject  ``dict`` (insertion order is Java's iteration order)
String[] / Object[]                   :class:`JavaArray`
Map.Entry                             :class:`MapEntry`
java.lang.Class                       :class:`JavaClass` (names only: no reflection)
host objects ($input, $util, ...)     subclasses of :class:`HostObject`
====================================  =================================================

``MISSING`` is distinct from ``None``: it means "no such method/property", which Velocity
prints as the reference's source text in every profile, while ``None`` is a Java null.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False


#: "No such method or property" (as opposed to ``None``, a Java null).
MISSING: Any = _Missing()


class JavaList(list):
    """A ``java.util.ArrayList``: prints ``[a, b]``."""

    __slots__ = ()
    java_class = "java.util.ArrayList"


class JsonArray(JavaList):
    """A json-smart ``JSONArray`` (from ``$util.parseJson``/``$input.path``): prints compact JSON."""

    __slots__ = ()
    java_class = "net.minidev.json.JSONArray"


class JavaArray(list):
    """A Java array such as the ``String[]`` that ``split`` returns.

    Velocity lets templates call list methods on arrays; printing one shows Java's
    ``[Ljava.lang.String;@1b6d3586`` identity string.
    """

    __slots__ = ("element_class",)

    def __init__(self, items: Any = (), element_class: str = "java.lang.String") -> None:
        super().__init__(items)
        self.element_class = element_class


class MapEntry:
    """A ``Map.Entry`` from ``entrySet()``: ``.key``/``.value``; prints ``k=v``."""

    __slots__ = ("key", "value")

    def __init__(self, key: Any, value: Any) -> None:
        self.key = key
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MapEntry) and (self.key, self.value) == (other.key, other.value)

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        return f"MapEntry({self.key!r}, {self.value!r})"


class JavaClass:
    """What ``$x.class`` / ``$x.getClass()`` gives: a harmless name holder.

    Only ``name``, ``simpleName`` and ``toString`` are reachable; there is no reflection, so
    ``$x.class.forName(...)`` and ``getClassLoader()`` resolve to nothing.
    """

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    @property
    def simple_name(self) -> str:
        base = self.name.rsplit(".", 1)[-1]
        if base.startswith("[L") and base.endswith(";"):
            return base[2:-1] + "[]"
        return base

    def __eq__(self, other: object) -> bool:
        return isinstance(other, JavaClass) and other.name == self.name

    def __hash__(self) -> int:
        return hash(self.name)


class HostObject:
    """Base class for objects the embedding application exposes to templates.

    A subclass declares what templates may reach, and nothing else is reachable:

    * ``vtl_methods``: Java method name -> ``function(self, *args)``; ``$obj.name(args)``.
    * ``vtl_properties``: property name -> ``function(self)``; ``$obj.name``.

    The access chokepoint (:mod:`vtl.runtime.access`) consults only these class-level tables;
    it never calls ``getattr`` with a template-supplied name.
    """

    __slots__ = ()
    vtl_methods: ClassVar[dict[str, Callable[..., Any]]] = {}
    vtl_properties: ClassVar[dict[str, Callable[[Any], Any]]] = {}
    java_class: ClassVar[str] = "java.lang.Object"

    def vtl_to_string(self) -> str:
        """What Velocity prints for the object itself."""
        return f"{self.java_class}@{id(self) & 0xFFFFFFF:x}"
