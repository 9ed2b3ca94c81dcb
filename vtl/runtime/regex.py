"""``java.util.regex`` on top of the third-party ``regex`` module.

Java patterns are translated (see :mod:`vtl.runtime.regex_translate`) into ``regex``
VERSION1 syntax, compiled once (LRU cache, thread-safe; failures are cached too) and run with
a time budget so that catastrophic backtracking ends with :class:`vtl.errors.VtlLimitError`.
The match loop, replacement strings (``$1``, ``${name}``, ``\\$``) and ``split`` follow
``java.util.regex.Matcher`` and ``String.split`` exactly, not Python's ``re`` conventions.

Two paths do the work:

* *Simple* patterns cannot backtrack beyond their own length and never match empty (see
  :func:`_shape`): a literal, or alternatives that are each a run of one-character items
  (literal characters, ``.``, ``\\d``-style classes, ``[...]``, ``\\p{..}``) or one such item
  with ``+``, perhaps wrapped in groups. They are handed whole to ``str.replace``/``str.split``
  or to the engine's ``sub``/``split``, with the Java replacement translated once: their
  matches are never empty, and then Python's iteration is Java's. Their cost is at most the
  text's length times the pattern's items, so only the render's deadline is checked (and
  given to the engine as a timeout when that product is large).
* Every other pattern is *guarded*: each search is held to ``Limits.regex_timeout`` (where
  catastrophic backtracking happens) and all of them to the render's deadline. Searches run
  in batches through ``finditer``, not one Python call per match (see
  :meth:`_Budget.matches`).
"""

from __future__ import annotations

import contextvars
import functools
import re as _stdre
import threading
import time
from collections import OrderedDict
from typing import Any

import regex as _re

from ..errors import JavaException, VtlLimitError
from .budgets import check_collection_size
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

#: Seconds one search of a guarded regex operation may run (see :class:`_Budget`).
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

    def _limit(self, seconds: float | None = None) -> float:
        """The timeout of the next search: ``seconds`` (default: the whole per-search
        budget), never past the deadline; raises once the deadline has passed."""
        if seconds is None:
            seconds = self.seconds
        if self.deadline is None:
            return seconds
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise self.error()
        return min(seconds, remaining)

    def simple_timeout(self, steps: int) -> float | None:
        """The timeout of a whole operation of a simple pattern taking up to ``steps`` steps:
        none when that is quick (the engine's timeout costs a clock reading per search),
        else what is left before the deadline; raises once the deadline has passed."""
        if self.deadline is None:
            return None
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise self.error()
        return None if steps <= _UNTIMED_STEPS else remaining

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

    def matches(self, compiled: Any, text: str, pos: int, step_empty: bool) -> Any:
        """The matches of Java's find loop from ``pos``, each search held to the budget.

        They come from the engine's ``finditer``, whose iteration is Java's except after an
        empty match: Java's next search starts one unit further, while Python's first tries
        a non-empty match at the same place. Such a match is dropped and the iteration
        starts again one unit further (with ``step_empty``, for text of one-unit characters);
        without ``step_empty`` the iteration ends at an empty match, for the caller to go on.

        The engine's timeout covers a whole ``finditer``, so the searches run in batches:
        a batch gets the budget of its first search; when it runs out after some matches,
        the search under way is resumed in a new batch with what is left of its own budget
        (measured from the previous match). A batch that finds nothing in its time is a
        search over budget.
        """
        n = len(text)
        allowance = self.seconds
        while pos <= n:
            timeout = self._limit(allowance)
            progressed = False
            empty_at = -1
            resumed = time.monotonic()
            try:
                for m in compiled.finditer(text, pos, timeout=timeout):
                    start, end = m.span()
                    if start == empty_at:
                        break  # not a match Java finds: start again at pos = empty_at + 1
                    progressed = True
                    yield m
                    if start == end:
                        if not step_empty:
                            return
                        empty_at = start
                        pos = end + 1
                    else:
                        pos = end
                    resumed = time.monotonic()
                else:
                    return
            except TimeoutError:
                allowance = self.seconds - (time.monotonic() - resumed)
                if not progressed or allowance <= 0:
                    raise self.error() from None
            else:
                allowance = self.seconds

    def error(self) -> VtlLimitError:
        return VtlLimitError(f"regex evaluation exceeded its budget ({self.seconds} s per search, or the render's deadline)")


#: Steps (text length times pattern items) below which a simple pattern runs untimed: a
#: fraction of a second at worst.
_UNTIMED_STEPS = 50_000_000

_SURROGATE = _stdre.compile("[\ud800-\udfff]")


def _has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate code point (fast for ASCII)."""
    return not text.isascii() and _SURROGATE.search(text) is not None


def _find_all(compiled: Any, text: str, budget: _Budget, limit: int = -1):
    """``Matcher.find()`` repeatedly, yielding ``(start, end, match)`` in UTF-16 units.

    After an empty match the next search starts one UTF-16 unit further, as in Java. When
    that lands between the two halves of an astral character, Java looks at the lone low
    surrogate; this is reproduced by matching against the UTF-16 unit string there.
    """
    n = len(text)
    count = 0
    if is_bmp(text):
        for m in budget.matches(compiled, text, 0, True):
            start, end = m.span()
            yield start, end, m
            count += 1
            if count == limit:
                return
        return
    units = to_units(text)
    offsets = [0] * (n + 1)
    for i, ch in enumerate(text):
        offsets[i + 1] = offsets[i] + (2 if ch > "\uffff" else 1)
    unit_to_cp = {u: i for i, u in enumerate(offsets)}
    pos = 0
    while pos <= n and count != limit:
        empty_at = -1
        for m in budget.matches(compiled, text, pos, False):
            start, end = m.span()
            yield offsets[start], offsets[end], m
            count += 1
            if count == limit:
                return
            if start == end:
                empty_at = start
        if empty_at < 0:
            return  # the iteration ended without an empty match: no more matches
        start = empty_at
        pos = start + 1
        if start < n and text[start] > "\uffff":
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


def java_finds(text: str, pattern: str) -> bool:
    """``Matcher.find()`` once: whether ``pattern`` matches somewhere in ``text``."""
    compiled = compile_java_regex(pattern)
    return next(_find_all(compiled, text, _Budget(), 1), None) is not None


def _parse_replacement(replacement: str, compiled: Any) -> list[Any]:
    """Split a Java replacement string into literal text and group references.

    Mirrors ``Matcher.appendExpandedReplacement``: ``\\\\x`` is a literal ``x``, ``$n`` takes as
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


class _Replacement:
    """A Java replacement string parsed once for a pattern: its parts, or the exception Java
    throws on the first match; the literal text when it names no group; the same in the
    engine's template syntax."""

    __slots__ = ("parts", "error", "constant", "template")

    def __init__(self, replacement: str, compiled: Any) -> None:
        self.error: JavaException | None = None
        self.constant: str | None = None
        self.template: str | None = None
        try:
            self.parts = _parse_replacement(replacement, compiled)
        except JavaException as exc:
            self.parts = []
            self.error = exc.with_traceback(None)
            return
        if all(type(part) is str for part in self.parts):
            self.constant = "".join(self.parts)
        self.template = "".join(
            part.replace("\\", "\\\\") if type(part) is str else f"\\g<{part[0]}>" for part in self.parts
        )

    def raise_error(self) -> None:
        """Raise what Java throws once something matched, if the replacement is malformed."""
        if self.error is not None:
            raise JavaException(self.error.java_class, self.error.message)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _cached_replacement(replacement: str, pattern: str) -> _Replacement:
    return _Replacement(replacement, compile_java_regex(pattern))


def _replacement(replacement: str, pattern: str, compiled: Any) -> _Replacement:
    if len(replacement) <= 256:  # a cache of long strings would hold on to them
        return _cached_replacement(replacement, pattern)
    return _Replacement(replacement, compiled)


_META = frozenset("\\^$.|?*+()[]{}")


def _literal_pattern(pattern: str) -> str | None:
    """The text a pattern matches when it is a plain literal (``'``, ``\\\\'``, ``\\"``), else
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


#: Leading inline flags that do not change what the pattern's characters mean (no ``x``).
_FLAGS = _stdre.compile(r"\(\?[imsduU]+\)")
#: Escapes that stand for a class of single characters.
_CLASS_ESCAPES = frozenset("dDsSwWhHvV")
#: Escapes of control characters (one character each).
_CHAR_ESCAPES = frozenset("tnrfae")


def _class_end(pattern: str, i: int) -> int:
    """The index after the character class opening at ``pattern[i] == '['``, or -1 when it
    holds anything but characters, ranges, ``&&``, class escapes and ``\\\\p{..}``."""
    n = len(pattern)
    i += 1
    if i < n and pattern[i] == "^":
        i += 1
    if i < n and pattern[i] == "]":
        return -1
    while i < n:
        ch = pattern[i]
        if ch == "]":
            return i + 1
        if ch == "[":
            return -1
        if ch == "\\":
            if i + 1 >= n:
                return -1
            nxt = pattern[i + 1]
            if nxt in "pP":
                if i + 2 < n and pattern[i + 2] == "{":
                    close = pattern.find("}", i + 3)
                    if close < 0:
                        return -1
                    i = close + 1
                else:
                    i += 3
                continue
            if not (nxt in _CLASS_ESCAPES or nxt in _CHAR_ESCAPES or (nxt.isascii() and not nxt.isalnum())):
                return -1
            i += 2
            continue
        i += 1
    return -1


_GROUP_NAME = _stdre.compile(r"\(\?<([A-Za-z][A-Za-z0-9]*)>")


def _item_end(pattern: str, i: int) -> int:
    """The index after the one-character item at ``i`` (a literal or escaped character, ``.``,
    a class escape, a ``[...]`` class), or -1 when there is none."""
    ch = pattern[i]
    if ch == "\\":
        nxt = pattern[i + 1] if i + 1 < len(pattern) else ""
        if nxt in ("p", "P"):  # \\pL, \\p{Lu}: one character of a property
            if pattern.startswith("{", i + 2):
                close = pattern.find("}", i + 3)
                return close + 1 if close > 0 else -1
            return i + 3 if i + 2 < len(pattern) else -1
        if nxt and (nxt in _CLASS_ESCAPES or nxt in _CHAR_ESCAPES or (nxt.isascii() and not nxt.isalnum())):
            return i + 2
        return -1
    if ch == "[":
        return _class_end(pattern, i)
    if ch in _META and ch != ".":
        return -1
    return i + 1


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _shape(pattern: str) -> tuple[str | None, int]:
    """``(literal, items)``: the text of a literal pattern (else ``None``), and when the
    pattern is *simple* — it cannot backtrack beyond its own length and never matches
    empty — how many one-character items it has (else 0): at most that many steps at each
    position of the text.

    Simple: optional leading flags, then alternatives, each a run of one-character items
    (literal or escaped characters, ``.``, class escapes, ``[...]`` classes) or a single
    such item followed by ``+``; capturing, named and ``(?:)`` groups without ``|`` or a
    quantifier may wrap parts of a run. A search then costs at most the pattern's length at
    each position of the text, and the engine's own iteration is Java's.
    """
    literal = _literal_pattern(pattern)
    if literal is not None:
        return literal, len(literal)
    n = len(pattern)
    flags = _FLAGS.match(pattern)
    i = flags.end() if flags else 0
    total = 0
    while True:  # one alternative
        items = 0
        depth = 0
        repeated = False  # the run is one item with "+": nothing may follow but ")"
        while i < n:
            ch = pattern[i]
            if ch == "|":
                if depth:
                    return None, 0  # alternatives inside a group can multiply paths
                break
            if ch == ")":
                if not depth:
                    return None, 0
                depth -= 1
                i += 1
                if i < n and pattern[i] in "+*?{":
                    return None, 0
                continue
            if repeated:
                return None, 0  # X+ followed by more: may backtrack along the run
            if ch == "(":
                named = _GROUP_NAME.match(pattern, i)
                if named:
                    i = named.end()
                elif pattern.startswith("(?:", i):
                    i += 3
                elif pattern.startswith("(?", i):
                    return None, 0  # lookaround, atomic group, flags...
                else:
                    i += 1
                depth += 1
                continue
            i = _item_end(pattern, i)
            if i < 0:
                return None, 0
            items += 1
            if i < n and pattern[i] == "+":
                if items != 1:
                    return None, 0
                repeated = True
                i += 1
        if depth or not items:
            return None, 0  # an empty alternative matches empty
        total += items
        if i >= n:
            return None, total
        i += 1  # the "|"


def _needs_from_units(text: str, replacement: str) -> bool:
    """Whether a result built from these may hold surrogate halves to join (as the find loop's
    ``from_units`` does)."""
    return _has_surrogate(text) or _has_surrogate(replacement)


def _replace_simple(
    compiled: Any, literal: str | None, items: int, text: str, replacement: str, pattern: str, limit: int,
    budget: _Budget,
) -> str:
    """replaceAll/replaceFirst of a simple pattern of ``items`` items (see :func:`_shape`), in
    C: matches are never empty, so ``str.replace`` or the engine's ``sub`` agree with Java's
    find loop."""
    timeout = budget.simple_timeout(len(text) * items)
    repl = _replacement(replacement, pattern, compiled)
    if literal is not None:
        if literal not in text:
            return text
        repl.raise_error()
        # a literal pattern has no groups: $0 is the literal itself
        new = repl.constant
        if new is None:
            new = "".join(part if type(part) is str else literal for part in repl.parts)
        result = text.replace(literal, new, limit)
    else:
        try:
            if repl.error is not None:
                if compiled.search(text, timeout=timeout) is None:
                    return text
                repl.raise_error()
            result, count = compiled.subn(repl.template, text, count=0 if limit < 0 else limit, timeout=timeout)
        except TimeoutError:
            raise budget.error() from None
        if not count:
            return text
    if _needs_from_units(text, replacement):
        result = from_units(result)
    return result


def _replace_guarded(compiled: Any, text: str, replacement: str, pattern: str, limit: int, budget: _Budget) -> str:
    """replaceAll/replaceFirst over Java's find loop, each search under the budget."""
    subject = text if is_bmp(text) else to_units(text)
    out: list[str] = []
    last = 0
    repl: _Replacement | None = None
    constant: str | None = None
    parts: list[Any] = []
    for start, end, m in _find_all(compiled, text, budget, limit):
        if repl is None:  # Java parses the replacement only once something matched
            repl = _replacement(replacement, pattern, compiled)
            repl.raise_error()
            constant, parts = repl.constant, repl.parts
        out.append(subject[last:start])
        out.append(constant if constant is not None else _expand(parts, m))
        last = end
    if repl is None:
        return text
    out.append(subject[last:])
    result = "".join(out)
    if subject is not text or _needs_from_units(text, replacement):
        result = from_units(result)  # join the surrogate halves of the unit string
    return result


def _replace(text: str, pattern: str, replacement: str, limit: int) -> str:
    compiled = compile_java_regex(pattern)
    literal, items = _shape(pattern)
    if items:
        return _replace_simple(compiled, literal, items, text, replacement, pattern, limit, _Budget())
    return _replace_guarded(compiled, text, replacement, pattern, limit, _Budget())


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


def _split_rules(pieces: list[str], text: str, limit: int) -> list[str]:
    """Java's rules on the pieces of a split by non-empty matches: no match gives the text
    itself; with ``limit == 0`` the trailing empty strings go. Surrogate halves that meet
    are joined, as the find loop does when it works on UTF-16 units."""
    if len(pieces) == 1:
        return [text]
    if limit == 0:
        while pieces and pieces[-1] == "":
            pieces.pop()
    if _has_surrogate(text) and not is_bmp(text):
        pieces = [from_units(p) for p in pieces]  # as the find loop's unit slices are joined
    return pieces


def _split_literal(text: str, literal: str, limit: int) -> list[str]:
    """``String.split`` by a pattern that matches only ``literal``, in C."""
    if limit == 1:  # one piece: the whole text
        return _split_rules([text, ""] if literal in text else [text], text, -1)[:1]
    if limit <= 0 or limit > 1024:  # counted in C before millions of pieces are built
        check_collection_size(text.count(literal) + 1 if limit <= 0 else min(limit, text.count(literal) + 1))
    return _split_rules(text.split(literal, limit - 1 if limit > 0 else -1), text, limit)


_PIECES_CHECK = 4096  # pieces between two checks of max_collection_size


def _split_guarded(compiled: Any, text: str, limit: int, budget: _Budget) -> list[str]:
    """``String.split`` over Java's find loop, each search under the budget."""
    limited = limit > 0
    subject = text if is_bmp(text) else to_units(text)  # _find_all reports UTF-16 positions
    pieces: list[str] = []
    index = 0
    countdown = _PIECES_CHECK
    for start, end, _ in _find_all(compiled, text, budget):
        if not limited or len(pieces) < limit - 1:
            if index == 0 and start == 0 and end == 0:
                continue  # no leading empty piece for a zero-width match at the start
            pieces.append(subject[index:start])
            countdown -= 1
            if not countdown:  # split("") of a long text: millions of pieces
                check_collection_size(len(pieces) + 1)
                countdown = _PIECES_CHECK
            index = end
        else:
            pieces.append(subject[index:])
            index = end
            break
    if index == 0:
        return [text]
    if not limited or len(pieces) < limit:
        pieces.append(subject[index:])
    check_collection_size(len(pieces))
    if limit == 0:
        while pieces and pieces[-1] == "":
            pieces.pop()
    if subject is not text:
        pieces = [from_units(p) for p in pieces]
    return pieces


def _split_simple(compiled: Any, literal: str | None, items: int, text: str, limit: int, budget: _Budget) -> list[str]:
    """``String.split`` by a simple pattern of ``items`` items (see :func:`_shape`), in C."""
    timeout = budget.simple_timeout(len(text) * items)
    if literal is not None:
        return _split_literal(text, literal, limit)
    try:
        if limit == 1:
            found = compiled.search(text, timeout=timeout) is not None
            return _split_rules([text, ""] if found else [text], text, -1)[:1]
        pieces = compiled.split(text, maxsplit=limit - 1 if limit > 0 else 0, timeout=timeout)
    except TimeoutError:
        raise budget.error() from None
    if compiled.groups:  # the engine puts each match's groups between the pieces
        pieces = pieces[:: compiled.groups + 1]
    check_collection_size(len(pieces))
    return _split_rules(pieces, text, limit)


def java_split(text: str, pattern: str, limit: int = 0) -> list[str]:
    """``String.split(regex, limit)`` with Java 8+ rules.

    A zero-width match at index 0 yields no leading empty string; with ``limit == 0`` the
    trailing empty strings are removed; a positive limit caps the number of pieces.
    """
    ch = _fast_split_char(pattern)
    if ch is not None:  # Java's own fast path: positions are code points, no regex
        return _split_literal(text, ch, limit)
    compiled = compile_java_regex(pattern)
    literal, items = _shape(pattern)
    if items:
        return _split_simple(compiled, literal, items, text, limit, _Budget())
    return _split_guarded(compiled, text, limit, _Budget())
