"""Java streams, minimally: ``chars()``, ``codePoints()``, ``lines()`` and ``stream()``.

A template can count a stream, collect it (``toList()``, ``toArray()``), sum an
``IntStream`` or take its ``max()``/``min()``/``average()``, and chain ``limit``, ``skip``,
``sorted``, ``distinct`` and ``boxed``. As in Java the chained steps run when a terminal
operation asks (so a sort fails there), a stream can be used only once (then
``IllegalStateException``), an operation given a function can only be given null (a template
has no lambdas: ``NullPointerException``), and printing a stream shows its identity string
(``java.util.stream.IntPipeline$Head@1b6d3586``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .exceptions import java_exception
from .hashing import java_hash, java_key
from .text import to_string
from .values import (
    INT_MAX,
    INT_MIN,
    LONG_MAX,
    LONG_MIN,
    MISSING,
    HostObject,
    JavaArray,
    JavaList,
    JavaLong,
)

__all__ = ["IntStream", "RefStream", "ImmutableList", "JavaOptional"]

Op = Callable[[list[Any]], list[Any]]


class ImmutableList(JavaList):
    """What ``Stream.toList()`` returns (``ImmutableCollections.ListN``)."""

    __slots__ = ()
    java_class = "java.util.ImmutableCollections$ListN"


def _is_long(value: Any) -> bool:
    """Whether a template value converts to a ``long`` parameter."""
    return (type(value) is int and LONG_MIN <= value <= LONG_MAX) or type(value) is JavaLong


def _null_function(self: _Stream, function: Any) -> Any:
    """An operation taking a function, predicate or comparator: only null can be passed."""
    if function is not None:
        return MISSING
    raise java_exception("java.lang.NullPointerException")


class _Stream(HostObject):
    __slots__ = ("items", "used", "ops", "cls")
    head_class = "java.util.stream.ReferencePipeline$Head"

    def __init__(self, items: list[Any], ops: tuple[tuple[Op, bool], ...] = (), cls: str | None = None) -> None:
        self.items = items
        self.used = False
        self.ops = ops
        self.cls = cls

    @property
    def java_class(self) -> str:  # type: ignore[override]
        return self.cls or self.head_class

    def _use(self) -> None:
        if self.used:
            raise java_exception(
                "java.lang.IllegalStateException", "stream has already been operated upon or closed"
            )
        self.used = True

    def _take(self) -> list[Any]:
        """The elements, after the chained steps (a terminal operation)."""
        self._use()
        items = self.items
        for op, _ in self.ops:
            items = op(items)
        return items

    def _chain(self, op: Op, cls: str, kind: type[_Stream] | None = None, sized: bool = False) -> _Stream:
        """A stream running ``op`` after this one's steps; ``sized`` when ``op`` keeps the
        number of elements known (``count()`` then runs no step, as in Java 17)."""
        self._use()
        return (kind or type(self))(self.items, (*self.ops, (op, sized)), cls)

    def _slice(self, n: Any, skip: bool) -> Any:
        """``limit(n)``/``skip(n)``: a negative count throws at once; ``skip(0)`` is a no-op."""
        if not _is_long(n):
            return MISSING
        if n < 0:
            raise java_exception("java.lang.IllegalArgumentException", str(int(n)))
        if skip and n == 0:  # Java returns the stream itself
            return self
        op: Op = (lambda items: items[n:]) if skip else (lambda items: items[:n])
        return self._chain(op, self.slice_class)

    def _count(self) -> int:
        if all(sized for _, sized in self.ops):
            self._use()
            return JavaLong(len(self.items))
        return JavaLong(len(self._take()))

    slice_class = "java.util.stream.SliceOps$1"


class IntStream(_Stream):
    """``String.chars()``/``codePoints()``: an ``IntStream`` of UTF-16 units or code points."""

    __slots__ = ()
    head_class = "java.util.stream.IntPipeline$Head"
    slice_class = "java.util.stream.SliceOps$2"

    def _sum(self) -> int:
        total = sum(self._take()) & 0xFFFFFFFF
        return total - (1 << 32) if total >> 31 else total

    def _extreme(self, pick: Callable[..., int]) -> OptionalInt:
        items = self._take()
        return OptionalInt(pick(items) if items else None)

    def _average(self) -> OptionalDouble:
        items = self._take()
        return OptionalDouble(sum(items) / len(items) if items else None)

    def _distinct(self) -> _Stream:
        return self._chain(lambda items: list(dict.fromkeys(items)), "java.util.stream.ReferencePipeline$4")

    def _boxed(self) -> _Stream:
        return self._chain(lambda items: items, "java.util.stream.IntPipeline$1", RefStream, sized=True)

    vtl_methods = {
        "count": _Stream._count,
        "sum": _sum,
        "toArray": lambda self: JavaArray(self._take(), "int"),
        "max": lambda self: self._extreme(max),
        "min": lambda self: self._extreme(min),
        "average": _average,
        "limit": lambda self, n: self._slice(n, skip=False),
        "skip": lambda self, n: self._slice(n, skip=True),
        "sorted": lambda self: self._chain(sorted, "java.util.stream.SortedOps$OfInt", sized=True),
        "isParallel": lambda self: False,
        "distinct": _distinct,
        "boxed": _boxed,
        **{name: _null_function for name in (
            "filter", "map", "mapToObj", "mapToLong", "mapToDouble", "flatMap", "peek", "forEach",
            "forEachOrdered", "anyMatch", "allMatch", "noneMatch", "takeWhile", "dropWhile")},
    }


def _sorted_naturally(items: list[Any]) -> list[Any]:
    """``Stream.sorted()``: natural order, comparing as ``Comparator.naturalOrder()`` does."""
    from .list_methods import _l_sort  # (list_methods imports this module)

    out = list(items)
    _l_sort(out, None, receiver="c1")
    return out


def _distinct_objects(items: list[Any]) -> list[Any]:
    """``Stream.distinct()``: the first of equal elements, in order (a LinkedHashSet)."""
    seen: dict[Any, Any] = {}
    for item in items:
        seen.setdefault(java_key(item), item)
    return list(seen.values())


class RefStream(_Stream):
    """``Collection.stream()``/``String.lines()``: a ``Stream`` of objects."""

    __slots__ = ()

    def _first(self) -> JavaOptional:
        items = self._take()
        if items and items[0] is None:
            raise java_exception("java.lang.NullPointerException")
        return JavaOptional(items[0] if items else None)

    vtl_methods = {
        "count": _Stream._count,
        "toList": lambda self: ImmutableList(self._take()),
        "toArray": lambda self: JavaArray(self._take(), "java.lang.Object"),
        "findFirst": _first,
        "findAny": _first,
        "limit": lambda self, n: self._slice(n, skip=False),
        "skip": lambda self, n: self._slice(n, skip=True),
        "sorted": lambda self: self._chain(_sorted_naturally, "java.util.stream.SortedOps$OfRef", sized=True),
        "isParallel": lambda self: False,
        "distinct": lambda self: self._chain(_distinct_objects, "java.util.stream.DistinctOps$1"),
        **{name: _null_function for name in (
            "filter", "map", "mapToInt", "mapToLong", "mapToDouble", "flatMap", "peek", "forEach",
            "forEachOrdered", "anyMatch", "allMatch", "noneMatch", "takeWhile", "dropWhile", "max", "min",
            "collect", "reduce")},
    }


class JavaOptional(HostObject):
    """``Optional``, ``OptionalInt`` or ``OptionalDouble`` (see the subclasses): a value or
    nothing."""

    __slots__ = ("value",)
    kind = "Optional"

    def __init__(self, value: Any) -> None:
        self.value = value

    @property
    def java_class(self) -> str:  # type: ignore[override]
        return "java.util." + self.kind

    def vtl_to_string(self) -> str:
        if self.value is None:
            return self.kind + ".empty"
        return f"{self.kind}[{to_string(self.value)}]"

    def _get(self) -> Any:
        if self.value is None:
            raise java_exception("java.util.NoSuchElementException", "No value present")
        return self.value

    def _or_else(self, other: Any) -> Any:
        return other if self.value is None else self.value

    def _equals(self, other: Any) -> bool:
        from .compare import java_equals

        return (type(other) is type(self)
                and (self.value is other.value or java_equals(self.value, other.value)))

    vtl_methods = {
        # Velocity reads a property of an Optional with get(): '$o.present' resolves nothing
        "get": _get,
        "orElseThrow": _get,
        "isPresent": lambda self: self.value is not None,
        "isEmpty": lambda self: self.value is None,
        "orElse": _or_else,
        "toString": vtl_to_string,
        "equals": _equals,
        "hashCode": lambda self: 0 if self.value is None else java_hash(self.value),
    }


class OptionalInt(JavaOptional):
    __slots__ = ()
    kind = "OptionalInt"

    def _or_else_int(self, other: Any) -> Any:
        if not (type(other) is int and INT_MIN <= other <= INT_MAX):
            return MISSING
        return other if self.value is None else self.value

    vtl_methods = {
        **{k: v for k, v in JavaOptional.vtl_methods.items() if k != "get"},
        "getAsInt": JavaOptional._get,
        "orElse": _or_else_int,
    }


class OptionalDouble(JavaOptional):
    __slots__ = ()
    kind = "OptionalDouble"

    def _or_else_double(self, other: Any) -> Any:
        if not isinstance(other, (int, float)) or type(other) is bool:
            return MISSING
        return float(other) if self.value is None else self.value

    vtl_methods = {
        **{k: v for k, v in JavaOptional.vtl_methods.items() if k != "get"},
        "getAsDouble": JavaOptional._get,
        "orElse": _or_else_double,
    }
