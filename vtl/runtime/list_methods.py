"""The allow-listed methods of lists, arrays and iterators."""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from .budgets import check_collection_size
from .compare import java_equals
from .exceptions import java_exception
from .method_support import (
    _NPE_CALL,
    _TO_INT,
    IOOBE,
    UOE,
    VOID,
    Impl,
    Table,
    _ambiguous,
    _cast_error,
    _check_index,
    _compare_to,
    _is_string,
    _npe,
)
from .streams import ImmutableList, RefStream
from .string_methods import (
    _PRIMITIVE_ELEMENTS,
)
from .text import json_smart_string
from .values import (
    INT_MAX,
    INT_MIN,
    MISSING,
    HostObject,
    JavaArray,
    JavaByte,
    JavaChar,
    JavaList,
    JsonArray,
    java_class_name,
)
from .views import (
    MapView,
    SubListView,
)

# -- java.util.List / arrays -----------------------------------------------------------------


def _index_of(items: list, value: Any) -> int:
    for i, item in enumerate(items):
        if java_equals(value, item) if value is not None else item is None:
            return i
    return -1


def _last_index_of(items: list, value: Any) -> int:
    for i in range(len(items) - 1, -1, -1):
        item = items[i]
        if java_equals(value, item) if value is not None else item is None:
            return i
    return -1


def _l_get(items: list, index: int) -> Any:
    _check_index(index, len(items))
    return items[index]


def _l_set(items: list, index: int, value: Any) -> Any:
    _check_index(index, len(items))
    old = items[index]
    items[index] = value
    return old


def _l_add(items: list, value: Any) -> bool:
    items.append(value)
    return True


def _l_insert(items: list, index: int, value: Any) -> str:
    if index < 0 or index > len(items):
        raise java_exception(IOOBE, f"Index: {index}, Size: {len(items)}")
    items.insert(index, value)
    return VOID


def _l_remove_at(items: list, index: int) -> Any:
    _check_index(index, len(items))
    return items.pop(index)


def _l_remove(items: list, value: Any) -> bool:
    i = _index_of(items, value)
    if i < 0:
        return False
    del items[i]
    return True


_NPE_TO_ARRAY = _NPE_CALL.format("java.util.Collection.toArray()", "c")


def _l_add_all(items: list, other: Any) -> bool:
    if other is None:
        raise _npe(_NPE_TO_ARRAY)
    other = list(other)
    check_collection_size(len(items) + len(other))  # $l.addAll($l) in a loop doubles it
    items.extend(other)
    return bool(other)


def _l_insert_all(items: list, index: int, other: Any) -> bool:
    if index < 0 or index > len(items):
        raise java_exception(IOOBE, f"Index: {index}, Size: {len(items)}")
    if other is None:
        raise _npe(_NPE_TO_ARRAY)
    other = list(other)
    check_collection_size(len(items) + len(other))
    items[index:index] = other
    return bool(other)


def _l_contains_all(items: list, other: Any) -> bool:
    if other is None:
        raise _npe(_NPE_CALL.format("java.util.Collection.iterator()", "c"))
    return all(_index_of(items, v) >= 0 for v in other)


def _l_remove_all(items: list, other: Any, keep: bool = False) -> bool:
    if other is None:
        raise _npe()
    other = list(other)
    kept = [v for v in items if (_index_of(other, v) >= 0) == keep]
    changed = len(kept) != len(items)
    items[:] = kept
    return changed


def _l_clear(items: list) -> str:
    items.clear()
    return VOID


def _l_sub_list(items: list, start: int, end: int) -> SubListView:
    if start < 0:
        raise java_exception(IOOBE, f"fromIndex = {start}")
    if end > len(items):
        raise java_exception(IOOBE, f"toIndex = {end}")
    if start > end:
        raise java_exception("java.lang.IllegalArgumentException", f"fromIndex({start}) > toIndex({end})")
    return SubListView(items[start:end])


def _unsupported(*_: Any) -> Any:
    raise java_exception(UOE)


def _add_all_unsupported(items: Any, other: Any) -> bool:
    """``AbstractCollection.addAll`` of a collection without ``add``: it adds (and so throws)
    only when ``other`` has elements."""
    if other is None:
        raise _npe(_NPE_CALL.format("java.util.Collection.iterator()", "c"))
    if len(other):
        raise java_exception(UOE)
    return False


_COLLECTION_READ: Table = {
    "size": [((), len)],
    "isEmpty": [((), lambda items: len(items) == 0)],
    "contains": [(("Object",), lambda items, v: _index_of(items, v) >= 0)],
    "containsAll": [(("Collection",), _l_contains_all)],
}

def _natural_compare(x: Any, y: Any, receiver: str) -> int:
    """``((Comparable) x).compareTo(y)`` as ComparableTimSort calls it."""
    if x is None:
        raise _npe(_NPE_CALL.format("java.lang.Comparable.compareTo(Object)", receiver))
    if not isinstance(x, (str, bool, int, float, Decimal)):
        raise _cast_error(java_class_name(x), "java.lang.Comparable")
    return _compare_to(x, y)


def _l_sort(items: list, comparator: None, receiver: str | None = None) -> str:
    """``List.sort(null)``: natural order with Java's ComparableTimSort.

    Below 32 elements this follows ComparableTimSort step by step (a first run, then a binary
    insertion sort), so a null or an incomparable element fails on the same comparison as in
    Java; longer lists use a stable sort giving the same order.
    """
    a = list(items)
    n = len(a)
    if n < 2:
        return VOID
    if n < 32:
        if _natural_compare(a[1], a[0], receiver or "a[runHi]") < 0:
            run = 2
            while run < n and _natural_compare(a[run], a[run - 1], receiver or "a[runHi]") < 0:
                run += 1
            a[:run] = a[:run][::-1]
        else:
            run = 2
            while run < n and _natural_compare(a[run], a[run - 1], receiver or "a[runHi]") >= 0:
                run += 1
        for start in range(run, n):
            pivot = a[start]
            left, right = 0, start
            while left < right:
                mid = (left + right) >> 1
                if _natural_compare(pivot, a[mid], receiver or "pivot") < 0:
                    right = mid
                else:
                    left = mid + 1
            a[left + 1 : start + 1] = a[left:start]
            a[left] = pivot
    else:
        a.sort(key=functools.cmp_to_key(lambda x, y: _natural_compare(x, y, receiver or "a[runHi]")))
    items[:] = a
    return VOID


class JavaIterator(HostObject):
    """``collection.iterator()``: ``hasNext()``/``next()``/``remove()`` over a list."""

    __slots__ = ("items", "index", "size", "last")
    java_class = "java.util.ArrayList$Itr"

    def __init__(self, items: list) -> None:
        self.items = items
        self.index = 0
        self.size = len(items)
        self.last = -1  # the index next() returned last, -1 once removed

    def _next(self) -> Any:
        if len(self.items) != self.size:
            raise java_exception("java.util.ConcurrentModificationException")
        if self.index >= len(self.items):
            raise java_exception("java.util.NoSuchElementException")
        self.last = self.index
        self.index += 1
        return self.items[self.index - 1]

    def _remove(self) -> str:
        if self.last < 0:
            raise java_exception("java.lang.IllegalStateException")
        if len(self.items) != self.size:
            raise java_exception("java.util.ConcurrentModificationException")
        if isinstance(self.items, ImmutableList):
            raise java_exception(UOE)
        del self.items[self.last]
        self.index, self.last = self.last, -1
        self.size = len(self.items)
        return VOID

    def _for_each_remaining(self, action: Any) -> Any:
        """``forEachRemaining``: a template can only pass null (requireNonNull throws)."""
        if action is not None:
            return MISSING
        raise _npe()

    vtl_methods = {
        "hasNext": lambda self: self.index != len(self.items),
        "next": _next,
        "remove": _remove,
        "forEachRemaining": _for_each_remaining,
    }


class ViewIterator(JavaIterator):
    """A map view's ``iterator()``: ``remove()`` takes the last item's mapping out of the map."""

    __slots__ = ()

    @property
    def java_class(self) -> str:  # type: ignore[override]
        return type(self.items).iterator_class

    def _next_item(self) -> Any:
        if len(self.items.owner) != self.size:
            raise java_exception("java.util.ConcurrentModificationException")
        self.items.sync()
        return JavaIterator._next(self)

    def _remove_item(self) -> str:
        if self.last < 0:
            raise java_exception("java.lang.IllegalStateException")
        if len(self.items.owner) != self.size:
            raise java_exception("java.util.ConcurrentModificationException")
        self.items.sync()
        self.items.delete(self.last)
        self.index, self.last = self.last, -1
        self.size = len(self.items)
        return VOID

    vtl_methods = {
        "hasNext": lambda self: self.index < len(self.items),
        "next": _next_item,
        "remove": _remove_item,
        "forEachRemaining": JavaIterator._for_each_remaining,
    }


class JavaListIterator(JavaIterator):
    """``list.listIterator([index])``: walks both ways; ``set``/``add``/``remove`` write
    through to the list (an array's wrapper allows only ``set``)."""

    __slots__ = ()

    @property
    def java_class(self) -> str:  # type: ignore[override]
        if isinstance(self.items, JavaArray):
            return "java.util.AbstractList$ListItr"
        if isinstance(self.items, ImmutableList):
            return "java.util.ImmutableCollections$ListItr"
        return "java.util.ArrayList$ListItr"

    def _check(self) -> None:
        if len(self.items) != self.size:
            raise java_exception("java.util.ConcurrentModificationException")

    def _previous(self) -> Any:
        self._check()
        if self.index <= 0:
            raise java_exception("java.util.NoSuchElementException")
        self.index -= 1
        self.last = self.index
        return self.items[self.index]

    def _set(self, value: Any) -> str:
        if self.last < 0:
            raise java_exception("java.lang.IllegalStateException")
        self._check()
        if isinstance(self.items, ImmutableList):
            raise java_exception(UOE)
        if isinstance(self.items, JavaArray):
            _array_set(self.items, self.last, value)
        else:
            self.items[self.last] = value
        return VOID

    def _add(self, value: Any) -> str:
        self._check()
        if isinstance(self.items, (JavaArray, ImmutableList)):
            raise java_exception(UOE)
        self.items.insert(self.index, value)
        self.index, self.last = self.index + 1, -1
        self.size = len(self.items)
        return VOID

    def _remove_here(self) -> str:
        if isinstance(self.items, JavaArray) and self.last >= 0:
            raise java_exception(UOE)
        return JavaIterator._remove(self)

    vtl_methods = {
        **JavaIterator.vtl_methods,
        "hasPrevious": lambda self: self.index != 0,
        "previous": _previous,
        "nextIndex": lambda self: self.index,
        "previousIndex": lambda self: self.index - 1,
        "set": _set,
        "add": _add,
        "remove": _remove_here,
    }


def _list_iterator(items: list, index: int = 0) -> JavaListIterator:
    """``listIterator(index)``: an index past the end throws (ArrayList and an array's
    AbstractList word it differently)."""
    if index < 0 or index > len(items):
        size = f", Size: {len(items)}" if isinstance(items, JavaArray) else ""
        raise java_exception(IOOBE, f"Index: {index}{size}")
    it = JavaListIterator(items)
    it.index = index
    return it


def _null_function(*_: Any) -> Any:
    """``removeIf``/``forEach`` given null (a template has no lambdas): requireNonNull."""
    raise _npe()


LIST_METHODS: Table = {
    **_COLLECTION_READ,
    "toArray": [((), lambda items: JavaArray(items, "java.lang.Object")), (("null",), _ambiguous),
                # toArray(T[]): Velocity passes a lone argument as a one-element array
                (("Object",), lambda items, _: JavaArray(list(items) or [None], "java.lang.Object"))],
    "sort": [(("Comparator",), _l_sort)],
    "iterator": [((), JavaIterator)],
    "listIterator": [((), _list_iterator), (("int",), _list_iterator)],
    "ensureCapacity": [(("int",), lambda items, n: VOID)],
    "trimToSize": [((), lambda items: VOID)],
    "removeIf": [(("Function",), _null_function)],
    "forEach": [(("Function",), _null_function)],
    "replaceAll": [(("Function",), _null_function)],
    "get": [(("int",), _l_get)],
    "indexOf": [(("Object",), _index_of)],
    "lastIndexOf": [(("Object",), _last_index_of)],
    "add": [(("Object",), _l_add), (("int", "Object"), _l_insert)],
    "set": [(("int", "Object"), _l_set)],
    "remove": [(("int",), _l_remove_at), (("Object",), _l_remove)],
    "addAll": [(("Collection",), _l_add_all), (("int", "Collection"), _l_insert_all)],
    "removeAll": [(("Collection",), _l_remove_all)],
    "retainAll": [(("Collection",), lambda items, o: _l_remove_all(items, o, keep=True))],
    "clear": [((), _l_clear)],
    "subList": [(("int", "int"), _l_sub_list)],
    "clone": [((), lambda items: (type(items) if isinstance(items, JavaList) else JavaList)(items))],
    "stream": [((), lambda items: RefStream(list(items)))],
}

# List.of / Stream.toList: every mutator throws UnsupportedOperationException.
IMMUTABLE_LIST_METHODS: Table = {
    **LIST_METHODS,
    **{name: [(kinds, _unsupported) for kinds, _ in LIST_METHODS[name]]
       for name in ("add", "set", "remove", "addAll", "removeAll", "retainAll", "clear", "sort", "removeIf",
                    "replaceAll")},
    "clone": [], "ensureCapacity": [], "trimToSize": [],
}

def _json_array_merge(items: JsonArray, other: Any) -> str:
    """``JSONArray.merge(Object)``: appends another JSONArray's elements; anything else fails
    the cast to JSONArray."""
    if other is None:
        return VOID
    if not isinstance(other, JsonArray):
        raise _cast_error(java_class_name(other), "net.minidev.json.JSONArray")
    items.extend(list(other))
    return VOID


JSON_ARRAY_METHODS: Table = {
    **LIST_METHODS,
    "toJSONString": [((), json_smart_string)],
    "merge": [(("Object",), _json_array_merge)],
}

def _array_check(items: list, index: int) -> None:
    if index < 0 or index >= len(items):
        # java.lang.reflect.Array.get throws it without a message
        raise java_exception("java.lang.ArrayIndexOutOfBoundsException")


#: Whether an array of an element class holds a value (``java.lang.reflect.Array.set``: a
#: byte[] takes only a Byte, an int[] widens a Character, Byte or Short).
_ARRAY_ELEMENT: dict[str, Callable[[Any], bool]] = {
    "java.lang.Object": lambda v: True,
    "java.lang.String": lambda v: v is None or _is_string(v),
    "char": lambda v: type(v) is JavaChar,
    "int": lambda v: type(v) is JavaChar or (type(v) is int and INT_MIN <= v <= INT_MAX) or type(v) in _TO_INT,
    "byte": lambda v: type(v) is JavaByte,
}


def _array_set(items: JavaArray, index: int, value: Any) -> Any:
    """``ArrayListWrapper.set``: reads the old element, then ``Array.set`` checks the type."""
    _array_check(items, index)
    if not _ARRAY_ELEMENT.get(items.element_class, _ARRAY_ELEMENT["java.lang.Object"])(value):
        primitive = items.element_class in _PRIMITIVE_ELEMENTS
        raise java_exception("java.lang.IllegalArgumentException",
                             "argument type mismatch" if primitive else "array element type mismatch")
    return _l_set(items, index, value)


class ArrayIterator(JavaIterator):
    """An array's ``iterator()`` (``AbstractList.Itr`` over Velocity's wrapper): ``remove()``
    after ``next()`` throws UnsupportedOperationException."""

    __slots__ = ()
    java_class = "java.util.AbstractList$Itr"

    def _remove_unsupported(self) -> str:
        if self.last < 0:
            raise java_exception("java.lang.IllegalStateException")
        raise java_exception(UOE)

    vtl_methods = {**JavaIterator.vtl_methods, "remove": _remove_unsupported}


def _array_to_array_null(*_: Any) -> Any:
    raise _npe(_NPE_CALL.format("java.util.function.IntFunction.apply(int)", "generator"))


def _array_remove(items: JavaArray, value: Any) -> bool:
    """``AbstractCollection.remove(Object)``: false when absent, else the removal throws."""
    if _index_of(items, value) >= 0:
        raise java_exception(UOE)
    return False


def _array_remove_all(items: JavaArray, other: Any, keep: bool = False) -> bool:
    """``AbstractCollection.removeAll``/``retainAll``: false when nothing goes, else the first
    removal throws."""
    if other is None:
        raise _npe()
    others = list(other)
    if any((_index_of(others, item) >= 0) != keep for item in items):
        raise java_exception(UOE)
    return False


# Velocity wraps arrays in an ArrayListWrapper (a fixed-size AbstractList).
ARRAY_METHODS: Table = {
    **_COLLECTION_READ,
    "get": [(("int",), lambda a, i: _array_check(a, i) or a[i])],
    "set": [(("int", "Object"), _array_set)],
    "indexOf": [(("Object",), _index_of)],
    "lastIndexOf": [(("Object",), _last_index_of)],
    "subList": [(("int", "int"), _l_sub_list)],
    "add": [(("Object",), _unsupported), (("int", "Object"), _unsupported)],
    "remove": [(("int",), _unsupported), (("Object",), _array_remove)],
    "addAll": [(("Collection",), _add_all_unsupported)],
    "removeAll": [(("Collection",), _array_remove_all)],
    "retainAll": [(("Collection",), lambda items, other: _array_remove_all(items, other, keep=True))],
    "clear": [((), _unsupported)],
    "iterator": [((), lambda items: ArrayIterator(items))],
    "listIterator": [((), _list_iterator), (("int",), _list_iterator)],
    # toArray(null): the wrapper's introspection finds Collection.toArray(IntFunction)
    "toArray": [((), LIST_METHODS["toArray"][0][1]), (("null",), _array_to_array_null),
                LIST_METHODS["toArray"][2]],
    "stream": LIST_METHODS["stream"],
    "sort": LIST_METHODS["sort"],
    "forEach": [(("Function",), _null_function)],
    "removeIf": [(("Function",), _null_function)],
    "replaceAll": [(("Function",), _null_function)],
}


def _synced(fn: Impl) -> Impl:
    """``fn`` called on the view as its map stands now."""

    def call(view: Any, *args: Any) -> Any:
        if isinstance(view, MapView):
            view.sync()
        return fn(view, *args)

    return call


def _view_contains_all(view: MapView, other: Any) -> bool:
    if other is None:
        raise _npe(_NPE_CALL.format("java.util.Collection.iterator()", "c"))
    return all(view.contains_item(v) for v in other)


# Map views: plain collections (no index access) that read and write through to the map.
VIEW_METHODS: Table = {
    name: [(kinds, _synced(fn)) for kinds, fn in overloads]
    for name, overloads in {
        **_COLLECTION_READ,
        "contains": [(("Object",), lambda view, value: view.contains_item(value))],
        "containsAll": [(("Collection",), _view_contains_all)],
        "add": [(("Object",), _unsupported)],
        "addAll": [(("Collection",), _add_all_unsupported)],
        "iterator": [((), lambda view: ViewIterator(view))],
        "toArray": [((), lambda items: JavaArray(items, "java.lang.Object")), (("null",), _ambiguous),
                # toArray(T[]): Velocity passes a lone argument as a one-element array
                (("Object",), lambda items, _: JavaArray(list(items) or [None], "java.lang.Object"))],
        "stream": [((), lambda items: RefStream(list(items)))],
        "remove": [(("Object",), lambda view, value: view.remove_item(value))],
        "removeAll": [(("Collection",), lambda view, other: view.remove_all(other))],
        "retainAll": [(("Collection",), lambda view, other: view.remove_all(other, keep=True))],
        "clear": [((), lambda view: view.clear_all())],
        "removeIf": [(("Function",), _null_function)],
        "forEach": [(("Function",), _null_function)],
    }.items()
}
