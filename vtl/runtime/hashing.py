"""Java ``hashCode()`` of model values (32-bit signed ints, as Java computes them)."""

from __future__ import annotations

import struct
from decimal import Decimal
from typing import Any

from .bignum import int_from_digits
from .exceptions import java_exception
from .values import JavaArray, JavaChar, JavaClass, JavaFloat, JavaKey, MapEntry

__all__ = ["java_hash", "java_key", "string_hash"]


def _int32(value: int) -> int:
    value &= 0xFFFFFFFF
    return value - (1 << 32) if value >> 31 else value


def string_hash(text: str) -> int:
    """``String.hashCode`` over UTF-16 code units."""
    h = 0
    data = text.encode("utf-16-le", "surrogatepass")
    for i in range(0, len(data), 2):
        h = (31 * h + (data[i] | data[i + 1] << 8)) & 0xFFFFFFFF
    return _int32(h)


def _long_hash(value: int) -> int:
    value &= 0xFFFFFFFFFFFFFFFF
    return _int32(value ^ (value >> 32))


def _big_integer_hash(value: int) -> int:
    """``BigInteger.hashCode``: the 32-bit words of the magnitude, most significant first
    (read in one pass: shifting the number word by word would take quadratic time)."""
    mag = abs(value)
    data = mag.to_bytes((mag.bit_length() + 31) // 32 * 4, "big")
    h = 0
    for (word,) in struct.iter_unpack(">I", data):
        h = (31 * h + word) & 0xFFFFFFFF
    return _int32(h * (1 if value > 0 else -1 if value < 0 else 0))


def _double_hash(value: float) -> int:
    if value != value:
        bits = 0x7FF8000000000000
    else:
        bits = struct.unpack("<Q", struct.pack("<d", value))[0]
    return _int32(bits ^ (bits >> 32))


def _decimal_hash(value: Decimal) -> int:
    sign, digits, exponent = value.as_tuple()
    unscaled = int_from_digits("".join(map(str, digits)) or "0") * (-1 if sign else 1)
    scale = -exponent
    if -(2**63) < unscaled < 2**63:  # BigDecimal's compact form
        mag = abs(unscaled)
        temp = _int32(_int32(mag >> 32) * 31 + (mag & 0xFFFFFFFF))
        return _int32(31 * (-temp if unscaled < 0 else temp) + scale)
    return _int32(31 * _big_integer_hash(unscaled) + scale)


def java_hash(value: Any) -> int:
    """``value.hashCode()`` (``0`` for null; identity-based for objects without equality)."""
    t = type(value)
    if value is None:
        return 0
    if t is str:
        return string_hash(value)
    if t is bool:
        return 1231 if value else 1237
    if t is int:
        if -(2**31) <= value < 2**31:
            return value
        if -(2**63) <= value < 2**63:
            return _long_hash(value)
        return _big_integer_hash(value)
    if t is float:
        return _double_hash(value)
    if t is Decimal:
        return _decimal_hash(value)
    if t is JavaFloat:  # Float.hashCode: floatToIntBits
        bits = 0x7FC00000 if value != value else struct.unpack("<I", struct.pack("<f", value))[0]
        return _int32(bits)
    if isinstance(value, JavaChar):
        return ord(value) if len(value) == 1 else string_hash(value)
    if isinstance(value, str):
        return string_hash(value)
    if _is_container(value):
        return _container_hash(value, {})
    if isinstance(value, JavaClass):
        return string_hash(value.name)  # stands in for an identity hash
    if t is JavaKey:
        return java_hash(value.value)
    return (id(value) * 2654435761) & 0x7FFFFFFF


def java_key(key: Any) -> Any:
    """``key`` as a ``dict`` stores it as a Java map key: ``str``, ``int`` and ``None`` as
    they are, anything else in a :class:`JavaKey` hashed now (a ``JavaKey`` is unwrapped and
    hashed again, as Java hashes the key object on every ``put``/``get``)."""
    t = type(key)
    if t is str or t is int or key is None:
        return key
    if t is JavaKey:
        key = key.value
        t = type(key)
        if t is str or t is int or key is None:
            return key
    return JavaKey(key, java_hash(key))


def _is_container(value: Any) -> bool:
    return isinstance(value, (dict, MapEntry)) or (
        isinstance(value, (list, tuple)) and not isinstance(value, JavaArray))


def _children(value: Any) -> list[Any]:
    """The parts of a container whose hashes its own hash combines."""
    if isinstance(value, dict):
        return [part for k, v in value.items() for part in (k.value if type(k) is JavaKey else k, v)]
    if isinstance(value, MapEntry):
        return [value.key, value.value]
    if getattr(type(value), "java_kind", "list") == "collection":
        return []  # an identity hash: nothing inside is read
    return list(value)


def _container_hash(root: Any, memo: dict[int, int]) -> int:
    """The hash of a map, entry or collection, nested to any depth (an explicit stack, not
    Python's). Each container is hashed once per call (``memo``, by identity): Java would
    hash a part shared n times n times over, which for a list holding copies of itself
    ($l.add($l.clone()) in a loop) never ends; the value is the same, as nothing changes
    while it is computed. A container that holds itself throws Java's StackOverflowError,
    where Java's own recursion ends."""
    on_path: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        value, parts_done = stack.pop()
        key = id(value)
        if parts_done:
            on_path.discard(key)
            memo[key] = _combine(value, memo)
            continue
        if key in memo:
            continue
        if key in on_path:
            raise java_exception("java.lang.StackOverflowError")  # it holds itself
        on_path.add(key)
        stack.append((value, True))
        stack.extend((part, False) for part in _children(value)
                     if _is_container(part) and id(part) not in memo)
    return memo[id(root)]


def _part_hash(value: Any, memo: dict[int, int]) -> int:
    return memo[id(value)] if _is_container(value) else java_hash(value)


def _combine(value: Any, memo: dict[int, int]) -> int:
    """A container's hash from its parts' (every container part is in ``memo`` by now)."""
    if isinstance(value, dict):
        return _int32(sum(_part_hash(k.value if type(k) is JavaKey else k, memo) ^ _part_hash(v, memo)
                          for k, v in value.items()))
    if isinstance(value, MapEntry):
        return _part_hash(value.key, memo) ^ _part_hash(value.value, memo)
    kind = getattr(type(value), "java_kind", "list")
    if kind == "set":  # AbstractSet: the sum of the elements' hashes
        return _int32(sum(_part_hash(item, memo) for item in value))
    if kind == "collection":  # map.values(): Object.hashCode of the map's one view
        return (id(getattr(value, "owner", value)) * 2654435761) & 0x7FFFFFFF
    h = 1
    for item in value:
        h = (31 * h + _part_hash(item, memo)) & 0xFFFFFFFF
    return _int32(h)
