"""Live views of a map (``keySet()``, ``values()``, ``entrySet()``) and of a list
(``subList``): removals write through, as Java's views do."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .compare import java_equals, map_lookup
from .hashing import java_key
from .method_support import (
    VOID,
    _npe,
)
from .text import LIVE_TYPES
from .values import (
    MISSING,
    JavaKey,
    JavaList,
    MapEntry,
    plain_key,
)

# -- collection views ----------------------------------------------------------------------


class MapView(JavaList):
    """A view of a map (``keySet()``, ``values()``, ``entrySet()``): its items are the map's
    as of the last :meth:`sync`, and its removals write through to the map, as Java's live
    views do."""

    __slots__ = ("owner",)

    #: What a #foreach step over the live map yields for a key (None: the value).
    step_item: Callable[[dict, Any], Any] | None = None

    @staticmethod
    def read(owner: dict) -> list:
        raise NotImplementedError

    def sync(self) -> MapView:
        """Read the map again (it may have changed since the view was made)."""
        fresh = self.read(self.owner)
        if len(fresh) != len(self) or any(a is not b for a, b in zip(fresh, self)):
            self[:] = fresh
        return self

    def matches(self, item: Any, value: Any) -> bool:
        """Whether ``value`` (an argument) equals the view's ``item``."""
        return java_equals(value, item) if value is not None else item is None

    def contains_item(self, value: Any) -> bool:
        """``contains(value)``."""
        return any(self.matches(item, value) for item in self)

    def remove_item(self, value: Any) -> bool:
        """``remove(value)``: the first matching item's mapping leaves the map."""
        for i, item in enumerate(self):
            if self.matches(item, value):
                self.delete(i)
                return True
        return False

    def delete(self, i: int) -> None:
        """Remove the mapping of item ``i`` from the map and the view."""
        del self.owner[list(self.owner)[i]]
        del self[i]

    def remove_all(self, other: Any, keep: bool = False) -> bool:
        """``removeAll(other)`` (``retainAll`` with ``keep``): the mappings whose item
        matches some element of ``other`` (matches none) leave the map."""
        if other is None:
            raise _npe()
        other = list(other)
        self.sync()
        doomed = [key for key, item in zip(list(self.owner), self)
                  if any(self.matches(item, y) for y in other) != keep]
        for key in doomed:
            del self.owner[key]  # a key as stored
        self.sync()
        return bool(doomed)

    def clear_all(self) -> str:
        self.owner.clear()
        self.clear()
        return VOID


class KeySetView(MapView):
    """``map.keySet()``."""

    __slots__ = ()
    java_class = "java.util.LinkedHashMap$LinkedKeySet"
    java_kind = "set"
    iterator_class = "java.util.LinkedHashMap$LinkedKeyIterator"

    @staticmethod
    def read(owner: dict) -> list:
        keys = list(owner)
        if _has_wrapped_keys(keys):
            keys = [key.value if type(key) is JavaKey else key for key in keys]
        return keys

    def contains_item(self, value: Any) -> bool:
        return map_lookup(self.owner, value)[0]  # by hash, as a HashMap finds a key

    @staticmethod
    def step_item(owner: dict, key: Any) -> Any:
        return plain_key(key)

    def remove_item(self, value: Any) -> bool:
        found, _ = map_lookup(self.owner, value)
        if found:
            _m_remove(self.owner, value)
            self.sync()
        return found


class ValuesView(MapView):
    """``map.values()``."""

    __slots__ = ()
    java_class = "java.util.LinkedHashMap$LinkedValues"
    java_kind = "collection"
    iterator_class = "java.util.LinkedHashMap$LinkedValueIterator"

    @staticmethod
    def read(owner: dict) -> list:
        return list(owner.values())


class EntrySetView(MapView):
    """``map.entrySet()``: entries whose ``setValue`` writes through to the map."""

    __slots__ = ()
    java_class = "java.util.LinkedHashMap$LinkedEntrySet"
    java_kind = "set"
    iterator_class = "java.util.LinkedHashMap$LinkedEntryIterator"

    @staticmethod
    def read(owner: dict) -> list:
        return [LiveMapEntry(k.value if type(k) is JavaKey else k, v, owner, k) for k, v in owner.items()]

    @staticmethod
    def step_item(owner: dict, key: Any) -> Any:
        return LiveMapEntry(plain_key(key), owner.get(key), owner, key)

    def sync(self) -> MapView:
        owner = self.owner
        if len(owner) != len(self) or any(
                e.key is not (k.value if type(k) is JavaKey else k) or e.value is not v
                for e, (k, v) in zip(self, owner.items())):
            self[:] = self.read(owner)
        return self

    def matches(self, item: Any, value: Any) -> bool:
        # removeNode(key, value, matchValue): the key as a map key, value.equals(mapped)
        if not isinstance(value, MapEntry):
            return False
        if not (java_equals(value.key, item.key) if value.key is not None else item.key is None):
            return False
        return item.value is value.value or (value.value is not None and java_equals(value.value, item.value))

    def contains_item(self, value: Any) -> bool:
        if not isinstance(value, MapEntry):
            return False
        found, mapped = map_lookup(self.owner, value.key)
        return found and (mapped is value.value or java_equals(mapped, value.value))

    def remove_item(self, value: Any) -> bool:
        if not isinstance(value, MapEntry):
            return False
        found, mapped = map_lookup(self.owner, value.key)
        if not found or not (mapped is value.value or (value.value is not None and java_equals(value.value, mapped))):
            return False
        _m_remove(self.owner, value.key)
        self.sync()
        return True


class SubListView(JavaList):
    """``list.subList(a, b)`` (a snapshot: writes do not reach the original list)."""

    __slots__ = ()
    java_class = "java.util.ArrayList$SubList"


LIVE_TYPES.update((KeySetView, ValuesView, EntrySetView))


def _has_wrapped_keys(keys: list) -> bool:
    """Whether a :class:`JavaKey` is among a map's stored keys (all str, the usual map, is
    told at C speed by a join)."""
    try:
        _join(keys)
    except TypeError:
        return JavaKey in map(type, keys)
    return False


_join = "".join


def _key_set(m: dict) -> KeySetView:
    view = KeySetView(m)  # the keys as stored: unwrapped only when a JavaKey is among them
    if _has_wrapped_keys(view):
        view[:] = [key.value if type(key) is JavaKey else key for key in view]
    view.owner = m
    return view


def _values(m: dict) -> ValuesView:
    view = ValuesView(m.values())
    view.owner = m
    return view


def _entry_set(m: dict) -> EntrySetView:
    view = EntrySetView(EntrySetView.read(m))
    view.owner = m
    return view


class LiveMapEntry(MapEntry):
    """A ``Map.Entry`` that belongs to a map: while its key is in the map it reads the map's
    value (Java's entry is the map's node), and ``setValue`` writes through."""

    __slots__ = ("owner", "_value", "slot")

    def __init__(self, key: Any, value: Any, owner: dict, slot: Any = MISSING) -> None:
        self.owner = owner
        self.slot = key if slot is MISSING else slot  # the key as the dict holds it
        super().__init__(key, value)

    @property  # type: ignore[override]
    def value(self) -> Any:
        current = self.owner.get(self.slot, MISSING)
        return self._value if current is MISSING else current

    @value.setter
    def value(self, value: Any) -> None:
        self._value = value




def _m_remove(m: dict, key: Any) -> Any:
    return m.pop(java_key(key), None)
