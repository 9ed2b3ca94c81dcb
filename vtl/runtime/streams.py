"""Java streams, minimally: ``chars()``, ``codePoints()``, ``lines()`` and ``stream()``.

A template can count a stream, collect it (``toList()``, ``toArray()``) or sum an
``IntStream``; as in Java a stream can be used only once (then ``IllegalStateException``),
and printing one shows its identity string (``java.util.stream.IntPipeline$Head@1b6d3586``).
"""

from __future__ import annotations

from typing import Any

from .exceptions import java_exception
from .values import HostObject, JavaArray, JavaList

__all__ = ["IntStream", "RefStream", "ImmutableList"]


class ImmutableList(JavaList):
    """What ``Stream.toList()`` returns (``ImmutableCollections.ListN``)."""

    __slots__ = ()
    java_class = "java.util.ImmutableCollections$ListN"


class _Stream(HostObject):
    __slots__ = ("items", "used")

    def __init__(self, items: list[Any]) -> None:
        self.items = items
        self.used = False

    def _take(self) -> list[Any]:
        if self.used:
            raise java_exception(
                "java.lang.IllegalStateException", "stream has already been operated upon or closed"
            )
        self.used = True
        return self.items

    def _count(self) -> int:
        return len(self._take())


class IntStream(_Stream):
    """``String.chars()``/``codePoints()``: an ``IntStream`` of UTF-16 units or code points."""

    __slots__ = ()
    java_class = "java.util.stream.IntPipeline$Head"

    def _sum(self) -> int:
        total = sum(self._take()) & 0xFFFFFFFF
        return total - (1 << 32) if total >> 31 else total

    vtl_methods = {
        "count": _Stream._count,
        "sum": _sum,
        "toArray": lambda self: JavaArray(self._take(), "int"),
    }


class RefStream(_Stream):
    """``Collection.stream()``/``String.lines()``: a ``Stream`` of objects."""

    __slots__ = ()
    java_class = "java.util.stream.ReferencePipeline$Head"

    vtl_methods = {
        "count": _Stream._count,
        "toList": lambda self: ImmutableList(self._take()),
        "toArray": lambda self: JavaArray(self._take(), "java.lang.Object"),
    }



