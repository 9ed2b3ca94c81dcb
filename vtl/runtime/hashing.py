"""Java ``hashCode()`` of model values (32-bit signed ints, as Java computes them), and the
clock that walks over whole values (hashing here, ``equals`` in :mod:`.compare`) check
against the render's deadline."""

from __future__ import annotations

import contextvars
import struct
import sys
import time
from array import array
from decimal import Decimal
from operator import mul
from typing import Any

from ..errors import VtlLimitError
from ..limits import Limits
from .bignum import int_from_digits
from .exceptions import java_exception
from .memguard import RUNNING
from .values import BoxedInt, JavaArray, JavaChar, JavaClass, JavaFloat, JavaKey, MapEntry

__all__ = ["java_hash", "java_key", "string_hash", "use_deadline", "reset_deadline", "WorkClock"]

# -- the render's deadline, seen from a walk over a value -------------------------------------

_UNSET = object()
#: The deadline of the render running in this context (``time.monotonic``; ``None``: none),
#: or ``_UNSET`` outside a render that set it.
_deadline: contextvars.ContextVar[Any] = contextvars.ContextVar("vtl_walk_deadline", default=_UNSET)
#: Seconds one walk may take when no render set a deadline (the default ``Limits.deadline``).
FALLBACK_SECONDS: float = Limits().deadline or 10.0
#: Steps (elements visited) of a walk between two readings of the clock.
CHECK_EVERY = 4096


def use_deadline(deadline: float | None) -> contextvars.Token:
    """Set the deadline (``time.monotonic``, or ``None`` for none) of the render about to
    run; pass the token to :func:`reset_deadline` afterwards."""
    return _deadline.set(deadline)


def reset_deadline(token: contextvars.Token) -> None:
    _deadline.reset(token)


class WorkClock:
    """The time budget of one walk over a value (a hash, an ``equals``): the deadline of
    the render running in this thread, or :data:`FALLBACK_SECONDS` from the first check
    outside a render.
    Callers count their steps and call :meth:`check` every :data:`CHECK_EVERY` of them."""

    __slots__ = ("deadline",)

    def __init__(self) -> None:
        deadline = _deadline.get()
        if deadline is _UNSET:  # the render running in this thread, if any (memguard.RUNNING)
            state = getattr(RUNNING, "state", None)
            if state is not None:
                deadline = state.deadline
        self.deadline: Any = deadline

    def check(self) -> None:
        """Raise :class:`VtlLimitError` once the deadline has passed."""
        deadline = self.deadline
        if deadline is _UNSET:
            deadline = self.deadline = time.monotonic() + FALLBACK_SECONDS
        if deadline is not None and time.monotonic() > deadline:
            raise VtlLimitError("comparing or hashing a value ran past the render's deadline")


def _int32(value: int) -> int:
    value &= 0xFFFFFFFF
    return value - (1 << 32) if value >> 31 else value


_BLOCK = 4096  # code units hashed by one C-level sum
#: 31**(_BLOCK-1), ..., 31, 1 in 32 bits: a block's hash is its units' dot product with these.
_POWERS = [pow(31, _BLOCK - 1 - i, 1 << 32) for i in range(_BLOCK)]
_SHORT_TEXT = 64  # code units hashed by a plain loop
_UNITS_PER_CHECK = 1 << 20  # code units hashed between two readings of the clock


def string_hash(text: str) -> int:
    """``String.hashCode`` over UTF-16 code units: ``s[0]*31**(n-1) + ... + s[n-1]`` in 32
    bits. Long text is hashed a block of units at a time (a dot product with the powers of 31
    run in C, several times faster than a Python loop per unit), reading the render's clock
    every few hundred blocks: a 32-million-character string takes about a second."""
    data = text.encode("utf-16-le", "surrogatepass")
    if len(data) <= 2 * _SHORT_TEXT:
        h = 0
        for i in range(0, len(data), 2):
            h = (31 * h + (data[i] | data[i + 1] << 8)) & 0xFFFFFFFF
        return _int32(h)
    units = array("H")
    units.frombytes(data)
    del data
    if sys.byteorder == "big":
        units.byteswap()
    n = len(units)
    full = n - n % _BLOCK
    step = pow(31, _BLOCK, 1 << 32)
    clock = WorkClock() if n > _UNITS_PER_CHECK else None
    h = 0
    for start in range(0, full, _BLOCK):
        h = (h * step + sum(map(mul, units[start : start + _BLOCK], _POWERS))) & 0xFFFFFFFF
        if clock is not None and not start % _UNITS_PER_CHECK:
            clock.check()
    rest = n - full
    if rest:
        h = (h * pow(31, rest, 1 << 32) + sum(map(mul, units[full:], _POWERS[_BLOCK - rest :]))) & 0xFFFFFFFF
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
    if isinstance(value, BoxedInt):  # by its class, not its magnitude
        name = t.java_name
        if name == "Long":
            return _long_hash(value)
        return _big_integer_hash(value) if name == "BigInteger" else int(value)
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
    Python's). Each container, and each long string, is hashed once per call (``memo``, by
    identity): Java would hash a part shared n times n times over, which for a list holding
    copies of itself ($l.add($l.clone()) in a loop) never ends; the value is the same, as
    nothing changes while it is computed. A container that holds itself throws Java's
    StackOverflowError, where Java's own recursion ends. The render's deadline is checked
    every few thousand parts."""
    clock = WorkClock()
    budget = CHECK_EVERY
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
        parts = _children(value)
        budget -= len(parts) + 1
        if budget <= 0:
            budget = CHECK_EVERY
            clock.check()
        stack.extend((part, False) for part in parts if _is_container(part) and id(part) not in memo)
    return memo[id(root)]


#: Strings at least this long, integers past this bound and BigDecimals are hashed once per
#: container hash (by identity, in ``memo``): a list may hold the same long string or number
#: millions of times.
_LONG_TEXT = 256
_BIG_INT = 1 << 4096


def _part_hash(value: Any, memo: dict[int, int]) -> int:
    if _is_container(value):
        return memo[id(value)]
    t = type(value)
    if (t is str and len(value) >= _LONG_TEXT) or (t is int and not -_BIG_INT < value < _BIG_INT) or t is Decimal:
        key = id(value)
        h = memo.get(key)
        if h is None:
            h = memo[key] = java_hash(value)
        return h
    return java_hash(value)


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
