"""``java.util.regex`` on top of the third-party ``regex`` module.

Java patterns are translated (see :mod:`vtl.runtime.regex_translate`) into ``regex``
VERSION1 syntax, compiled once (LRU cache, thread-safe; failures are cached too) and run with
a time budget so that catastrophic backtracking ends with :class:`vtl.errors.VtlLimitError`.
The match loop, replacement strings (``$1``, ``${name}``, ``\\$``) and ``split`` follow
``java.util.regex.Matcher`` and ``String.split`` exactly, not Python's ``re`` conventions.
"""

from __future__ import annotations

import contextvars
import threading
import time
from collections import OrderedDict
from typing import Any

import regex as _re

from ..errors import JavaException, VtlLimitError
from .exceptions import java_exception
from .regex_translate import translate
from .strings import from_units, is_bmp, to_units

__all__ = [
    "DEFAULT_TIMEOUT",
    "compile_java_regex",
    "java_matches",
    "java_replace_all",
    "java_replace_first",
    "java_split",
    "set_timeout",
]

#: Seconds one regex operation (a whole replaceAll/split/matches) may run.
DEFAULT_TIMEOUT = 1.0
_CACHE_SIZE = 512
_cache: OrderedDict[str, Any] = OrderedDict()
_lock = threading.Lock()


#: The budget of the render running in this thread: (``vtl.Limits.regex_timeout``, the
#: render's deadline on the ``time.monotonic`` clock or ``None``).
_render_timeout: contextvars.ContextVar[tuple[float, float | None] | None] = contextvars.ContextVar(
    "vtl_regex_timeout", default=None
)


def set_timeout(seconds: float) -> None:
    """Change the default time budget of every regex operation (seconds)."""
    global DEFAULT_TIMEOUT
    DEFAULT_TIMEOUT = float(seconds)


def use_render_timeout(seconds: float, deadline: float | None = None) -> contextvars.Token:
    """Set this thread's budget for the render about to run: ``seconds`` per operation, and
    never past ``deadline`` (``time.monotonic``); pass the token to
    :func:`reset_render_timeout` afterwards."""
    return _render_timeout.set((seconds, deadline))


def reset_render_timeout(token: contextvars.Token) -> None:
    _render_timeout.reset(token)


def compile_java_regex(pattern: str) -> Any:
    """Compile a Java regex (cached); raises ``JavaException('PatternSyntaxException')``."""
    with _lock:
        entry = _cache.get(pattern)
        if entry is not None:
            _cache.move_to_end(pattern)
    if entry is None:
        try:
            entry = _re.compile(translate(pattern), _re.VERSION1)
        except JavaException as exc:
            entry = exc
        except _re.error as exc:  # a construct the translator let through but regex rejects
            entry = java_exception(
                "java.util.regex.PatternSyntaxException", f"{exc.msg} near index {exc.pos or 0}\n{pattern}"
            )
        with _lock:
            _cache[pattern] = entry
            if len(_cache) > _CACHE_SIZE:
                _cache.popitem(last=False)
    if isinstance(entry, JavaException):
        raise JavaException(entry.java_class, entry.message)
    return entry


class _Budget:
    """Time limits for the searches of one Java call.

    Each search may take ``seconds`` (catastrophic backtracking happens inside one search);
    all of them together stop at the render's deadline, when there is one. So a replaceAll
    over a 10 MB body with a million cheap matches runs to the end, while one pathological
    match is cut off.
    """

    __slots__ = ("seconds", "deadline")

    def __init__(self) -> None:
        budget = _render_timeout.get()
        if budget is None:
            self.seconds, self.deadline = DEFAULT_TIMEOUT, None
        else:
            self.seconds, self.deadline = budget

    def _limit(self) -> float:
        if self.deadline is None:
            return self.seconds
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise self.error()
        return min(self.seconds, remaining)

    def search(self, compiled: Any, text: str, pos: int) -> Any:
        try:
            return compiled.search(text, pos, timeout=self._limit())
        except TimeoutError:
            raise self.error() from None

    def match(self, compiled: Any, text: str, pos: int) -> Any:
        try:
            return compiled.match(text, pos, timeout=self._limit())
        except TimeoutError:
            raise self.error() from None

    def fullmatch(self, compiled: Any, text: str) -> Any:
        try:
            return compiled.fullmatch(text, timeout=self._limit())
        except TimeoutError:
            raise self.error() from None

    def error(self) -> VtlLimitError:
        return VtlLimitError(f"regex evaluation exceeded its budget ({self.seconds} s per search, or the render's deadline)")


def _find_all(compiled: Any, text: str, budget: _Budget, limit: int = -1):
    """``Matcher.find()`` repeatedly, yielding ``(start, end, match)`` in UTF-16 units.

    After an empty match the next search starts one UTF-16 unit further, as in Java. When
    that lands between the two halves of an astral character, Java looks at the lone low
    surrogate; this is reproduced by matching against the UTF-16 unit string there.
    """
    n = len(text)
    count = 0
    pos = 0
    if is_bmp(text):
        while pos <= n and count != limit:
            m = budget.search(compiled, text, pos)
            if m is None:
                return
            start, end = m.span()
            yield start, end, m
            count += 1
            pos = end + 1 if end == start else end
        return
    units = to_units(text)
    offsets = [0] * (n + 1)
    for i, ch in enumerate(text):
        offsets[i + 1] = offsets[i] + (2 if ch > "\uffff" else 1)
    unit_to_cp = {u: i for i, u in enumerate(offsets)}
    while pos <= n and count != limit:
        m = budget.search(compiled, text, pos)
        if m is None:
            return
        start, end = m.span()
        yield offsets[start], offsets[end], m
        count += 1
        if end != start:
            pos = end
            continue
        pos = start + 1
        if start < n and text[start] > "\uffff" and count != limit:
            mid = offsets[start] + 1
            inner = budget.match(compiled, units, mid)
            if inner is not None and (inner.end() == mid or inner.end() in unit_to_cp):
                yield mid, inner.end(), inner
                count += 1
                pos = max(pos, unit_to_cp.get(inner.end(), pos))


def java_matches(text: str, pattern: str) -> bool:
    """``String.matches``: the whole string must match."""
    compiled = compile_java_regex(pattern)
    return _Budget().fullmatch(compiled, text) is not None


def _parse_replacement(replacement: str, compiled: Any) -> list[Any]:
    """Split a Java replacement string into literal text and group references.

    Mirrors ``Matcher.appendExpandedReplacement``: ``\\x`` is a literal ``x``, ``$n`` takes as
    many digits as still name an existing group, ``${name}`` a named group.
    """
    parts: list[Any] = []
    literal: list[str] = []
    groups = compiled.groups
    names = compiled.groupindex
    i, n = 0, len(replacement)
    while i < n:
        ch = replacement[i]
        if ch == "\\":
            i += 1
            if i >= n:
                raise java_exception("java.lang.IllegalArgumentException", "character to be escaped is missing")
            literal.append(replacement[i])
            i += 1
        elif ch == "$":
            i += 1
            if i >= n:
                raise java_exception("java.lang.IllegalArgumentException", "Illegal group reference: group index is missing")
            if replacement[i] == "{":
                i += 1
                start = i
                while i < n and (replacement[i].isascii() and replacement[i].isalnum()):
                    i += 1
                name = replacement[start:i]
                if not name:
                    raise java_exception("java.lang.IllegalArgumentException", "named capturing group has 0 length name")
                if i >= n or replacement[i] != "}":
                    raise java_exception("java.lang.IllegalArgumentException", "named capturing group is missing trailing '}'")
                i += 1
                if name[0].isdigit() or not all(c.isalpha() or c.isdigit() for c in name):
                    raise java_exception("java.lang.IllegalArgumentException", f"capturing group name {{{name}}} starts with digit character")
                if name not in names:
                    raise java_exception("java.lang.IllegalArgumentException", f"No group with name {{{name}}}")
                ref: Any = name
            else:
                digit = ord(replacement[i]) - 48
                if not 0 <= digit <= 9:
                    raise java_exception("java.lang.IllegalArgumentException", "Illegal group reference")
                ref = digit
                i += 1
                while i < n:
                    nxt = ord(replacement[i]) - 48
                    if not 0 <= nxt <= 9:
                        break
                    candidate = ref * 10 + nxt
                    if candidate > groups:
                        break
                    ref = candidate
                    i += 1
                if ref > groups:
                    raise java_exception("java.lang.IndexOutOfBoundsException", f"No group {ref}")
            if literal:
                parts.append("".join(literal))
                literal = []
            parts.append((ref,))
        else:
            literal.append(ch)
            i += 1
    if literal:
        parts.append("".join(literal))
    return parts


def _expand(parts: list[Any], m: Any) -> str:
    out = []
    for part in parts:
        if type(part) is str:
            out.append(part)
        else:
            value = m.group(part[0])
            if value is not None:
                out.append(value)
    return "".join(out)


def _replace(text: str, pattern: str, replacement: str, limit: int) -> str:
    compiled = compile_java_regex(pattern)
    budget = _Budget()
    literal = _literal_pattern(pattern)
    if literal and is_bmp(text):
        return _replace_literal(compiled, literal, text, replacement, limit, budget)
    subject = to_units(text)
    out: list[str] = []
    last = 0
    parts: list[Any] | None = None
    for start, end, m in _find_all(compiled, text, budget, limit):
        if parts is None:  # Java parses the replacement only once something matched
            parts = _parse_replacement(replacement, compiled)
        out.append(subject[last:start])
        out.append(_expand(parts, m))
        last = end
    if parts is None:
        return text
    out.append(subject[last:])
    return from_units("".join(out))


_META = frozenset("\\^$.|?*+()[]{}")


def _literal_pattern(pattern: str) -> str | None:
    """The text a pattern matches when it is a plain literal (``'``, ``\\'``, ``\"``), else
    ``None``. Escapes of non-alphanumerics stand for themselves in Java."""
    out = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            if i + 1 >= n or pattern[i + 1].isalnum() or not pattern[i + 1].isascii():
                return None
            out.append(pattern[i + 1])
            i += 2
        elif ch in _META:
            return None
        else:
            out.append(ch)
            i += 1
    return "".join(out) or None


def _replace_literal(
    compiled: Any, literal: str, text: str, replacement: str, limit: int, budget: _Budget
) -> str:
    """Replace a non-empty literal in a string of one-unit characters: matches cannot be
    empty, so str.replace (or the engine's ``sub`` for ``$n`` replacements) agrees with
    Java's find loop."""
    if literal not in text:
        return text
    if "$" not in replacement and "\\" not in replacement:
        return text.replace(literal, replacement, -1 if limit < 0 else limit)
    parsed: list[list[Any]] = []

    def expand(m: Any) -> str:
        if not parsed:  # Java parses the replacement only once something matched
            parsed.append(_parse_replacement(replacement, compiled))
        return _expand(parsed[0], m)

    try:
        return compiled.sub(expand, text, count=0 if limit < 0 else limit, timeout=budget._limit())
    except TimeoutError:
        raise budget.error() from None


def java_replace_all(text: str, pattern: str, replacement: str) -> str:
    """``String.replaceAll``."""
    return _replace(text, pattern, replacement, -1)


def java_replace_first(text: str, pattern: str, replacement: str) -> str:
    """``String.replaceFirst``."""
    return _replace(text, pattern, replacement, 1)


_SPLIT_SPECIAL = ".$|()[{^?*+\\"


def _fast_split_char(pattern: str) -> str | None:
    """The character ``String.split`` splits on without a regex (its fast path), if any."""
    if len(pattern) == 1 and pattern not in _SPLIT_SPECIAL:
        ch = pattern
    elif len(pattern) == 2 and pattern[0] == "\\" and not (pattern[1].isascii() and pattern[1].isalnum()):
        ch = pattern[1]
    else:
        return None
    return None if "\ud800" <= ch <= "\udfff" else ch


def java_split(text: str, pattern: str, limit: int = 0) -> list[str]:
    """``String.split(regex, limit)`` with Java 8+ rules.

    A zero-width match at index 0 yields no leading empty string; with ``limit == 0`` the
    trailing empty strings are removed; a positive limit caps the number of pieces.
    """
    limited = limit > 0
    ch = _fast_split_char(pattern)
    if ch is not None:
        subject = text  # positions are code points; the separator is a single character
        width = 1
        bounds = []
        at = text.find(ch)
        while at != -1:
            bounds.append((at, at + width))
            at = text.find(ch, at + width)
    else:
        subject = to_units(text)  # _find_all reports UTF-16 positions
        bounds = ((start, end) for start, end, _ in _find_all(compile_java_regex(pattern), text, _Budget()))
    pieces: list[str] = []
    index = 0
    for start, end in bounds:
        if not limited or len(pieces) < limit - 1:
            if index == 0 and start == 0 and end == 0:
                continue  # no leading empty piece for a zero-width match at the start
            pieces.append(subject[index:start])
            index = end
        else:
            pieces.append(subject[index:])
            index = end
            break
    if index == 0:
        return [text]
    if not limited or len(pieces) < limit:
        pieces.append(subject[index:])
    if limit == 0:
        while pieces and pieces[-1] == "":
            pieces.pop()
    if subject is not text:
        pieces = [from_units(p) for p in pieces]
    return pieces
