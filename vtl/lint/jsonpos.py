"""A JSON reader that remembers where every string came from.

The standard :mod:`json` module drops positions, so this is a small recursive-descent reader
producing :class:`~vtl.lint.sourcemap.Str`, ``Dict`` and ``List`` values. String contents are
decoded by :func:`json.decoder.scanstring`; the offset of each decoded character is rebuilt
lazily, only for the strings that turn out to be templates.
"""

from __future__ import annotations

import re
from json.decoder import scanstring

from .sourcemap import Dict, List, Str

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?")


class JsonError(ValueError):
    """The document is not JSON; ``offset`` is where reading stopped."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


def loads(text: str) -> object:
    """Parse ``text``; raises :class:`JsonError` with the offset of the problem."""
    reader = _Reader(text)
    pos = reader.skip(1 if text.startswith("\ufeff") else 0)
    value, pos = reader.value(pos, 0)
    pos = reader.skip(pos)
    if pos != len(text):
        raise JsonError("extra data after the JSON value", pos)
    return value


def string_offsets(text: str, quote: int) -> list[int]:
    """Offsets of the characters a JSON string literal starting at ``quote`` decodes to."""
    out: list[int] = []
    i = quote + 1
    while True:
        ch = text[i]
        if ch == '"':
            return out
        out.append(i)
        if ch != "\\":
            i += 1
        elif text[i + 1] == "u":
            code = int(text[i + 2 : i + 6], 16)
            i += 6
            # a surrogate pair decodes to one Python character
            if 0xD800 <= code < 0xDC00 and text[i : i + 2] == "\\u":
                low = int(text[i + 2 : i + 6], 16)
                if 0xDC00 <= low < 0xE000:
                    i += 6
        else:
            i += 2


#: The json module's string errors, in plain words.
_PLAIN = {
    "Unterminated string starting at": "the string opened here is never closed",
    "Invalid control character at": "a line break or other control character inside a JSON string: write it as \\n, \\t ...",
    "Invalid \\escape": "an invalid escape in a JSON string: only \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX exist",
    "Invalid \\uXXXX escape": "an invalid \\uXXXX escape in a JSON string",
}


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text

    def skip(self, pos: int) -> int:
        return _WS.match(self.text, pos).end()  # type: ignore[union-attr]

    def value(self, pos: int, depth: int) -> tuple[object, int]:
        text = self.text
        if depth > 500:
            raise JsonError("nested too deeply", pos)
        if pos >= len(text):
            raise JsonError("unexpected end of document", pos)
        ch = text[pos]
        if ch == '"':
            return self.string(pos)
        if ch == "{":
            return self.object(pos, depth)
        if ch == "[":
            return self.array(pos, depth)
        for word, result in (("true", True), ("false", False), ("null", None)):
            if text.startswith(word, pos):
                return result, pos + len(word)
        m = _NUMBER.match(text, pos)
        if m and m.end() > pos:
            number = m.group()
            return (float(number) if m.group(1) or m.group(2) else int(number)), m.end()
        raise JsonError("expected a JSON value", pos)

    def string(self, pos: int) -> tuple[Str, int]:
        try:
            value, end = scanstring(self.text, pos + 1, True)
        except ValueError as err:
            message = getattr(err, "msg", str(err))
            raise JsonError(_PLAIN.get(message, message), getattr(err, "pos", pos)) from None
        text = self.text
        return Str(value, pos + 1, lambda: string_offsets(text, pos)), end

    def unclosed(self, start: int, pos: int, expected: str) -> JsonError:
        """The error for a missing separator: an unclosed bracket at the end of the file."""
        if pos >= len(self.text):
            return JsonError(f"the '{self.text[start]}' opened here is never closed: the file ends first", start)
        return JsonError(expected, pos)

    def object(self, pos: int, depth: int) -> tuple[Dict, int]:
        result = Dict()
        result.start = start = pos
        pos = self.skip(pos + 1)
        if self.text.startswith("}", pos):
            return result, pos + 1
        while True:
            if not self.text.startswith('"', pos):
                if self.text.startswith("}", pos) and result:
                    raise JsonError("a comma before '}': JSON allows no trailing comma", pos)
                if self.text.startswith("'", pos):
                    raise JsonError("a property name in single quotes: JSON needs double quotes", pos)
                if pos >= len(self.text):
                    raise self.unclosed(start, pos, "")
                raise JsonError("expected a property name in double quotes", pos)
            key, pos = self.string(pos)
            pos = self.skip(pos)
            if not self.text.startswith(":", pos):
                raise JsonError("expected ':'", pos)
            value, pos = self.value(self.skip(pos + 1), depth + 1)
            result[str(key)] = value
            pos = self.skip(pos)
            if self.text.startswith(",", pos):
                pos = self.skip(pos + 1)
            elif self.text.startswith("}", pos):
                return result, pos + 1
            else:
                raise self.unclosed(start, pos, "expected ',' or '}'")

    def array(self, pos: int, depth: int) -> tuple[List, int]:
        result = List()
        result.start = start = pos
        pos = self.skip(pos + 1)
        if self.text.startswith("]", pos):
            return result, pos + 1
        while True:
            if self.text.startswith("]", pos) and result:
                raise JsonError("a comma before ']': JSON allows no trailing comma", pos)
            if pos >= len(self.text):
                raise self.unclosed(start, pos, "")
            value, pos = self.value(pos, depth + 1)
            result.append(value)
            pos = self.skip(pos)
            if self.text.startswith(",", pos):
                pos = self.skip(pos + 1)
            elif self.text.startswith("]", pos):
                return result, pos + 1
            else:
                raise self.unclosed(start, pos, "expected ',' or ']'")
