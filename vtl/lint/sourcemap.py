"""Positions in the file the user edits: offsets → line/column, and located document values.

A template found inside a YAML or JSON document is not the file's text: escapes, quotes,
indentation and folding sit between the two. Every template therefore carries ``offsets``,
the file offset of each of its characters (plus one for the end), so that a diagnostic at
template offset ``i`` is reported at ``offsets[i]`` in the file.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence


class SourceFile:
    """The text of one file, able to turn character offsets into 1-based line/column."""

    __slots__ = ("path", "text", "_starts")

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of character ``offset`` (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1

    def line_text(self, line: int) -> str:
        """The text of 1-based ``line`` without its line break ("" when out of range)."""
        if not 1 <= line <= len(self._starts):
            return ""
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else len(self.text)
        return self.text[start:end].rstrip("\r")


class Str(str):
    """A string read from a document that knows where each of its characters came from."""

    start: int
    _locate: Callable[[], Sequence[int] | None]

    def __new__(cls, value: str, start: int, locate: Callable[[], Sequence[int] | None]) -> Str:
        obj = super().__new__(cls, value)
        obj.start = start
        obj._locate = locate
        return obj

    def offsets(self) -> list[int]:
        """File offsets of every character plus one past the end.

        When the exact mapping cannot be rebuilt, every character maps to the start of the
        value: diagnostics then point at the scalar instead of inside it.
        """
        found = self._locate()
        if found is None or len(found) != len(self):
            return [self.start] * (len(self) + 1)
        found = list(found)
        found.append(found[-1] + 1 if found else self.start)
        return found


class Dict(dict):
    """A mapping read from a document, with the file offset where it starts."""

    start: int = 0


class List(list):
    """A sequence read from a document, with the file offset where it starts."""

    start: int = 0


def start_of(value: object, default: int = 0) -> int:
    """The file offset where a located value starts (``default`` for plain values)."""
    return getattr(value, "start", default)
