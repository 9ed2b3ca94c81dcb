"""Python representations of the Java values a Velocity template sees.

Type map (Java -> Python):

====================================  =================================================
Java                                  Python
====================================  =================================================
null                                  ``None``
java.lang.String                      ``str``
java.lang.Boolean                     ``bool``
Integer / Long / BigInteger           ``int`` (the Java class follows from the magnitude)
Byte / Short / a small Long or         :class:`BoxedInt` subclasses (arithmetic keeps the
BigInteger                            wider operand's class; ``longValue()`` ...)
java.lang.Double                      ``float``
java.lang.Float                       :class:`JavaFloat` (only ``floatValue()`` makes one)
java.math.BigDecimal                  ``decimal.Decimal`` (only arithmetic on BigInteger + Double makes one)
java.lang.Character                   :class:`JavaChar` (a one-character ``str``; ``charAt`` returns it)
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
from decimal import Decimal
from typing import Any, ClassVar

from ..errors import VtlRuntimeError

INT_MIN, INT_MAX = -(2**31), 2**31 - 1
LONG_MIN, LONG_MAX = -(2**63), 2**63 - 1


class JavaKey:
    """A map key that a Python ``dict`` cannot hold faithfully as itself.

    ``str`` and ``int`` keys are stored as they are (Python and Java agree on them, and the
    ``dict.get(str)`` of every property lookup stays a plain lookup). Any other key (a
    Boolean, Double, Float, BigDecimal, list, map, entry, ...) is stored wrapped in a
    ``JavaKey``: its hash is the Java ``hashCode`` taken when the key went in (a list key
    mutated afterwards is not found again, as in a ``HashMap``) and it equals another
    ``JavaKey`` when the values are Java-``equals`` (``1``, ``1.0`` and ``true`` are three
    keys; ``[1]`` and another ``[1]`` one). Whatever shows a key to a template unwraps it
    (:func:`vtl.runtime.hashing.java_key` makes one, ``.value`` gives the key back).
    """

    __slots__ = ("value", "hash")

    #: Java ``equals`` (installed by :mod:`vtl.runtime.compare`, which imports this module).
    equals: ClassVar[Callable[[Any, Any], bool]]

    def __init__(self, value: Any, hash_code: int) -> None:
        self.value = value
        self.hash = hash_code

    def __hash__(self) -> int:
        return self.hash

    def __eq__(self, other: object) -> bool:
        if type(other) is not JavaKey:
            return False
        return self.value is other.value or JavaKey.equals(self.value, other.value)

    def __repr__(self) -> str:
        return f"JavaKey({self.value!r})"


def plain_key(key: Any) -> Any:
    """A stored map key as the template sees it (unwraps a :class:`JavaKey`)."""
    return key.value if type(key) is JavaKey else key


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


_PRIMITIVE_NAMES = {
    "B": "byte", "C": "char", "S": "short", "I": "int", "J": "long", "F": "float", "D": "double",
    "Z": "boolean",
}


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
        """``Class.getSimpleName``: no package, no outer class, ``[]`` per array dimension."""
        name = self.name
        dims = len(name) - len(name.lstrip("["))
        name = name[dims:]
        if dims:
            name = name[1:-1] if name.startswith("L") else _PRIMITIVE_NAMES.get(name, name)
        return name.rsplit(".", 1)[-1].rsplit("$", 1)[-1] + "[]" * dims

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
    #: The object is a ``java.util.Map`` to Velocity: a property without a getter is looked
    #: up with its ``get`` method before any ``isName()`` is tried.
    vtl_is_map: ClassVar[bool] = False

    def vtl_to_string(self) -> str:
        """What Velocity prints for the object itself."""
        return f"{self.java_class}@{id(self) & 0xFFFFFFF:x}"


class JavaChar(str):
    """A ``java.lang.Character``: prints as the character, but is not a ``String`` to Java.

    ``$s.charAt(0).equals('h')`` is false in Java (Character vs String) while
    ``$s.charAt(0) == 'h'`` is true (Velocity compares the printed forms). It never equals
    (or hashes like) a plain ``str``, so a Character and a String stay distinct map keys.
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return type(other) is JavaChar and str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return hash(("java.lang.Character", str(self)))

    def __repr__(self) -> str:
        return f"JavaChar({str.__repr__(self)})"


class JavaFloat(float):
    """A ``java.lang.Float``: a ``float`` holding a single-precision value.

    Only ``floatValue()`` makes one (see :func:`vtl.runtime.doubles.to_float32`); it prints
    with ``Float.toString`` and equals only another Float.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"JavaFloat({float.__repr__(self)})"


class BoxedInt(int):
    """An integral value whose Java class is not the one its magnitude gives a plain ``int``
    (Integer, then Long, then BigInteger): a Byte or a Short, a Long that fits an Integer, a
    BigInteger that fits a Long. Velocity's arithmetic keeps the wider operand's class
    (``$long - $long`` is a Long however small), and ``longValue()``, ``shortValue()`` and
    ``byteValue()`` make them. They print as their digits, but a small Long is no ``int``
    argument (``$list.get($long)`` finds no method) and never equals an Integer.
    """

    __slots__ = ()
    #: The simple name of the Java class (set by each subclass).
    java_name: ClassVar[str] = ""
    __str__ = int.__repr__

    def __repr__(self) -> str:
        return f"{type(self).__name__}({int.__repr__(self)})"


class JavaByte(BoxedInt):
    """A ``java.lang.Byte`` (only ``byteValue()`` and Byte arithmetic make one)."""

    __slots__ = ()
    java_name = "Byte"


class JavaShort(BoxedInt):
    """A ``java.lang.Short`` (only ``shortValue()`` and Short arithmetic make one)."""

    __slots__ = ()
    java_name = "Short"


class JavaLong(BoxedInt):
    """A ``java.lang.Long`` holding a value an Integer could hold."""

    __slots__ = ()
    java_name = "Long"


class JavaBigInteger(BoxedInt):
    """A ``java.math.BigInteger`` holding a value a Long could hold."""

    __slots__ = ()
    java_name = "BigInteger"


#: Integral classes by size, as MathUtils orders them (the wider operand's class wins).
INTEGRAL_SIZES = {"Byte": 0, "Short": 1, "Integer": 2, "Long": 3, "BigInteger": 4}
_RANGES = {"Byte": (-128, 127), "Short": (-32768, 32767), "Integer": (INT_MIN, INT_MAX),
           "Long": (LONG_MIN, LONG_MAX)}
_BOXES: dict[str, type[BoxedInt]] = {"Byte": JavaByte, "Short": JavaShort, "Long": JavaLong,
                                      "BigInteger": JavaBigInteger}


def integral_class(value: int) -> str:
    """The simple Java class name of an integral value: its box's, or the magnitude's."""
    if type(value) is int:
        if INT_MIN <= value <= INT_MAX:
            return "Integer"
        return "Long" if LONG_MIN <= value <= LONG_MAX else "BigInteger"
    return type(value).java_name  # type: ignore[attr-defined]


def as_integral(value: int, java_name: str) -> int:
    """``value`` as an instance of Java class ``java_name`` (a plain ``int`` when the
    magnitude already says so). A BigInteger stays one; the other classes widen as
    MathUtils.wrapPrimitive does when the value does not fit them."""
    if java_name != "BigInteger":
        for name in ("Byte", "Short", "Integer", "Long")[INTEGRAL_SIZES[java_name]:]:
            low, high = _RANGES[name]
            if low <= value <= high:
                java_name = name
                break
        else:
            return value  # beyond a Long: a BigInteger, as its magnitude says
    if integral_class(int(value)) == java_name:
        return int(value)
    return _BOXES[java_name](value)


def int_class_name(value: int) -> str:
    """The Java class Velocity/json-smart use for an integral value."""
    name = integral_class(value)
    return "java.math.BigInteger" if name == "BigInteger" else "java.lang." + name


_ARRAY_CODES = {
    "byte": "B", "char": "C", "short": "S", "int": "I", "long": "J", "float": "F",
    "double": "D", "boolean": "Z",
}


def java_class_name(value: Any) -> str:
    """The Java class name of a value (``"null"`` for ``None``)."""
    t = type(value)
    if t is str:
        return "java.lang.String"
    if t is bool:
        return "java.lang.Boolean"
    if t is int:
        return int_class_name(value)
    if t is float:
        return "java.lang.Double"
    if value is None:
        return "null"
    if t is JavaFloat:
        return "java.lang.Float"
    if isinstance(value, JavaChar):
        return "java.lang.Character"
    if isinstance(value, str):
        return "java.lang.String"
    if isinstance(value, JavaArray):
        code = _ARRAY_CODES.get(value.element_class)
        return "[" + code if code else f"[L{value.element_class};"
    if isinstance(value, (JavaList, HostObject)):
        return value.java_class
    if isinstance(value, dict):
        return getattr(t, "java_class", "java.util.LinkedHashMap")
    if isinstance(value, (list, tuple)):
        return "java.util.ArrayList"
    if isinstance(value, Decimal):
        return "java.math.BigDecimal"
    if isinstance(value, MapEntry):
        return "java.util.LinkedHashMap$Entry"
    if isinstance(value, JavaClass):
        return "java.lang.Class"
    if isinstance(value, BoxedInt):
        return int_class_name(value)
    if isinstance(value, int):
        return int_class_name(int(value))
    if isinstance(value, float):
        return "java.lang.Double"
    return "java.lang.Object"


def from_json(value: Any, profile: str) -> Any:
    """Convert a JSON-like Python value (as ``json.loads`` makes) into Java values.

    Objects become new ``dict``s in the same order; arrays become :class:`JsonArray`
    (json-smart, profile ``"apigateway"``) or :class:`JavaList` (profile ``"velocity"``).
    Values that are already Java values (host objects, ...) pass through unchanged.

    Subclasses of ``str``, ``int`` and ``float`` become the plain values they hold, read
    without calling any method the subclass overrides, so a hostile ``__str__``/``__len__``
    /``__eq__`` never runs inside a render. A mapping or sequence whose own methods fail
    while it is copied raises :class:`vtl.VtlRuntimeError` (``RecursionError`` propagates:
    the caller reports a value nested too deeply).
    """
    array_type = JsonArray if profile == "apigateway" else JavaList
    try:
        return _convert(value, array_type)
    except RecursionError:
        raise
    except Exception as exc:  # noqa: BLE001 - a caller's object failed while being copied
        raise VtlRuntimeError(
            f"a variable could not be read: {type(exc).__name__}: {exc}", line=1, column=1
        ) from exc


def _stored_key(key: Any) -> Any:
    """A key given by the application as the map stores it (see :class:`JavaKey`)."""
    t = type(key)
    if t is int or key is None or t is JavaKey:
        return key
    plain = _plain_scalar(key, t)
    if plain is not _NOT_SCALAR:
        if type(plain) is str or type(plain) is int:
            return plain
        key = plain
    from .hashing import java_key  # hashing imports this module

    return java_key(key)


_NOT_SCALAR: Any = object()


def _plain_scalar(value: Any, t: type) -> Any:
    """The plain ``str``/``int``/``float`` a subclass instance holds (``_NOT_SCALAR`` for
    anything else, and for the model's own subclasses ``JavaChar``, ``JavaFloat``, ``bool``,
    :class:`BoxedInt`).
    The base type's own slot copies the value: no method of the subclass is called."""
    if issubclass(t, str):
        return _NOT_SCALAR if t is JavaChar else str.__str__(value)
    if issubclass(t, int):
        return _NOT_SCALAR if t is bool or issubclass(t, BoxedInt) else int.__int__(value)
    if issubclass(t, float):
        return _NOT_SCALAR if t is JavaFloat else float.__float__(value)
    return _NOT_SCALAR


def _convert(value: Any, array_type: type) -> Any:
    t = type(value)
    if t is str or t is int or t is float or t is bool or value is None:
        return value
    if isinstance(value, dict):
        return {k if type(k) is str else _stored_key(k): _convert(v, array_type) for k, v in value.items()}
    if isinstance(value, (list, tuple)) and not isinstance(value, (JavaList, JavaArray)):
        return array_type(_convert(v, array_type) for v in value)
    if isinstance(value, JavaList):
        return type(value)(_convert(v, array_type) for v in value)
    plain = _plain_scalar(value, t)
    return value if plain is _NOT_SCALAR else plain
