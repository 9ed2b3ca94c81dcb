"""JSONPath as ``$input.path``/``$input.json`` evaluate it: Jayway JsonPath 2.0.

A path compiles once (LRU cache, safe across threads) as Jayway's ``PathCompiler`` does it,
quirks included, into its tokens: property (``.a``, ``['a']``, ``['a','b']``), array
index/slice (``[0]``, ``[0,1]``, ``[1:]``, ``[:2]``, ``[1:3]``, ``[(@.length-1)]``), wildcard
(``*``, ``[*]``), deep scan (``..``) and filter (``[?(...)]``). :meth:`JsonPath.read` then
gives what ``JsonPath.read`` returns:

* a *definite* path (only properties and single indices) gives its one value;
* any other path gives a :class:`~vtl.runtime.JsonArray` of the matches;
* when Jayway throws (``PathNotFoundException``, ``InvalidPathException``, or whatever a
  filter lets through) the result is :data:`NOT_FOUND`: that is what ``$input`` turns into
  null / ``""``.

Jayway 2.0's rules are kept, including the surprising ones: a missing *last* property throws
even in an indefinite path (``$.items[*].name`` is not found as soon as one item is a map
without ``name``, while a non-map item is skipped), a single negative index (``[-1]``) is out
of bounds, ``["a"]`` is not a property, ``.length()`` is just a property name, a path
without ``$`` gets ``$.`` in front, a dotted name is read as ``['name']`` (so ``.k'q`` is
``k``), an array bracket takes the digits it finds (``[1:2:3]`` is ``[1:2]``).

Filters (``Filter.parse``/``Criteria``) are ported too: ``&&``/``||`` (no parentheses), the
operators ``== != < <= > >= =~`` (the first of them, in that order, found anywhere in the
criterion), ``@``/``$`` paths (definite only), ``'strings'``, ``/regex/i`` and bare words;
a bare ``@.x`` is an existence test (a null value does not exist). Values compare as
Jayway's ``safeCompare`` does: a literal is a string, read as a ``BigDecimal`` against a
number (a literal that is no number then fails the whole read), ``"null"`` is null, and
values of other kinds do not match.
"""

from __future__ import annotations

import re
import time
from contextvars import ContextVar
from decimal import Decimal
from functools import lru_cache
from typing import Any

from ..errors import JavaException, VtlLimitError
from ..runtime import JsonArray, java_matches, to_string
from ..runtime.doubles import double_to_string
from ..runtime.regex import compile_java_regex
from ..runtime.strings import compare_to

__all__ = ["NOT_FOUND", "JsonPath", "JsonPathSyntaxError", "compile_path"]


class _NotFound:
    __slots__ = ()

    def __repr__(self) -> str:
        return "NOT_FOUND"


#: What a path gives when Jayway throws (nothing found, or not applicable to the document).
NOT_FOUND: Any = _NotFound()


class JsonPathSyntaxError(ValueError):
    """The path does not compile (Jayway's ``InvalidPathException``)."""


class _Failed(Exception):
    """Jayway threw while evaluating (``InvalidPathException``, or a runtime exception)."""


class _Missing(_Failed):
    """``PathNotFoundException``: swallowed by a wildcard over an array, and a non-match in a
    filter."""


class _Context:
    """One evaluation: the matches found, the root document, whether missing properties
    of a multi-property leaf throw (``Option.REQUIRE_PROPERTIES``, set by existence tests),
    and the nodes a deep scan has visited."""

    __slots__ = ("found", "root", "require", "visited")

    def __init__(self, root: Any, require: bool = False) -> None:
        self.found: list[Any] = []
        self.root = root
        self.require = require
        self.visited = 0


#: When the running search must stop (``time.monotonic()``; None: no bound). Chained deep
#: scans multiply (``$..a..a..a`` over a deeply nested body), so a search checks it as it goes.
_deadline: ContextVar[float | None] = ContextVar("vtl_jsonpath_deadline", default=None)


def _check_deadline() -> None:
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline:
        raise VtlLimitError("a JSONPath search ran past the render's deadline")


# -- tokens ------------------------------------------------------------------------------------
# Each token evaluates ``model`` and hands what it selects to the rest of the path (``path``
# from index ``at + 1``), or adds it to ``ctx.found`` when it is the last token.


class _Token:
    __slots__ = ()
    definite = True

    def evaluate(self, path: JsonPath, at: int, model: Any, ctx: _Context) -> None:
        raise NotImplementedError


def _forward(path: JsonPath, at: int, value: Any, ctx: _Context) -> None:
    if at == len(path.tokens) - 1:
        ctx.found.append(value)
    else:
        path.tokens[at + 1].evaluate(path, at + 1, value, ctx)


def _index(path: JsonPath, at: int, model: list[Any], index: int, ctx: _Context) -> None:
    """``handleArrayIndex``: ``model.get(index)``; out of range is not found."""
    if not 0 <= index < len(model):
        raise _Missing
    _forward(path, at, model[index], ctx)


class _Root(_Token):
    """A ``$`` after the start of the path: Jayway appends another root token, which hands
    its model on unchanged."""

    __slots__ = ()

    def evaluate(self, path: JsonPath, at: int, model: Any, ctx: _Context) -> None:
        _forward(path, at, model, ctx)


class _Property(_Token):
    __slots__ = ("names",)

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names

    def evaluate(self, path: JsonPath, at: int, model: Any, ctx: _Context) -> None:
        if not isinstance(model, dict):
            raise _Missing
        if len(self.names) != 1:
            if at != len(path.tokens) - 1:
                raise _Failed  # multi properties can only be used as path leafs
            if ctx.require and any(name not in model for name in self.names):
                raise _Missing
            ctx.found.append({name: model[name] for name in self.names if name in model})
            return
        name = self.names[0]
        if name not in model:
            if at == len(path.tokens) - 1 or path.upstream_definite[at]:
                raise _Missing
            return
        _forward(path, at, model[name], ctx)


class _Wildcard(_Token):
    __slots__ = ()
    definite = False

    def evaluate(self, path: JsonPath, at: int, model: Any, ctx: _Context) -> None:
        if isinstance(model, dict):
            for value in list(model.values()):
                _forward(path, at, value, ctx)
        elif isinstance(model, list):
            for i in range(len(model)):
                try:
                    _index(path, at, model, i, ctx)
                except _Missing:
                    pass


class _Array(_Token):
    """Index, index list, slices and ``[(@.length-n)]`` (``ArrayPathToken``)."""

    __slots__ = ("op", "numbers", "definite")

    def __init__(self, op: str, numbers: tuple[int, ...]) -> None:
        self.op = op
        self.numbers = numbers
        self.definite = op in ("index", "size")

    def evaluate(self, path: JsonPath, at: int, model: Any, ctx: _Context) -> None:
        if model is None:
            raise _Missing
        if not isinstance(model, list):
            raise _Failed  # "can only be applied to arrays"
        length, numbers, op = len(model), self.numbers, self.op
        if op == "index":
            indices: Any = numbers[:1]
        elif op == "list":
            indices = numbers
        elif op == "size":
            indices = (length + numbers[0],)
        elif op == "from":
            start = numbers[0] + length if numbers[0] < 0 else numbers[0]
            indices = range(max(0, start), length)
        elif op == "to":
            stop = numbers[0] + length if numbers[0] < 0 else numbers[0]
            indices = range(0, min(length, stop)) if length else ()
        elif op == "between":
            stop = min(length, numbers[1])
            indices = range(numbers[0], stop) if numbers[0] < stop and length else ()
        else:  # no operation (Jayway's switch on null throws)
            raise _Failed
        for i in indices:
            _index(path, at, model, i, ctx)


class _Filter(_Token):
    """``[?(...)]`` (``PredicatePathToken``); ``[?]`` has no predicate (``None``), which throws
    as soon as it is applied."""

    __slots__ = ("predicate",)
    definite = False

    def __init__(self, predicate: Any) -> None:
        self.predicate = predicate

    def accept(self, value: Any, ctx: _Context) -> bool:
        if self.predicate is None:
            raise _Failed  # NullPointerException
        return self.predicate.apply(value, ctx.root)

    def evaluate(self, path: JsonPath, at: int, model: Any, ctx: _Context) -> None:
        if isinstance(model, dict):
            if self.accept(model, ctx):
                _forward(path, at, model, ctx)
        elif isinstance(model, list):
            for i, item in enumerate(list(model)):
                if self.accept(item, ctx):
                    _index(path, at, model, i, ctx)
        else:
            raise _Failed  # "can not be applied to primitives"


class _Scan(_Token):
    """``..``: the rest of the path from every node of the subtree that suits its next token."""

    __slots__ = ()
    definite = False

    def evaluate(self, path: JsonPath, at: int, model: Any, ctx: _Context) -> None:
        target = path.tokens[at + 1]
        self.walk(path, at + 1, target, model, ctx)

    def matches(self, target: _Token, model: Any, ctx: _Context) -> bool:
        if isinstance(target, _Property):
            return isinstance(model, dict) and all(name in model for name in target.names)
        if isinstance(target, _Array):
            return isinstance(model, list)
        if isinstance(target, _Wildcard):
            return True
        if isinstance(target, _Filter):
            return target.accept(model, ctx)
        return False

    def walk(self, path: JsonPath, at: int, target: _Token, model: Any, ctx: _Context) -> None:
        ctx.visited += 1
        if not ctx.visited & 4095:
            _check_deadline()
        if isinstance(model, dict):
            if self.matches(target, model, ctx):
                target.evaluate(path, at, model, ctx)
            for value in list(model.values()):
                self.walk(path, at, target, value, ctx)
        elif isinstance(model, list):
            if self.matches(target, model, ctx):
                if at == len(path.tokens) - 1:
                    target.evaluate(path, at, model, ctx)
                else:  # Jayway 2.0 hands each element to the token after the target
                    for item in list(model):
                        path.tokens[at + 1].evaluate(path, at + 1, item, ctx)
            for item in list(model):
                self.walk(path, at, target, item, ctx)


# -- the compiled path -------------------------------------------------------------------------


class JsonPath:
    """A compiled path; :meth:`read` evaluates it against a parsed document."""

    __slots__ = ("source", "tokens", "definite", "keys", "upstream_definite", "from_root")

    def __init__(self, source: str, tokens: tuple[_Token, ...], from_root: bool = True) -> None:
        self.source = source
        self.tokens = tokens
        #: False for a path that starts with ``@`` (a filter evaluates it on the current item).
        self.from_root = from_root
        self.definite = all(t.definite for t in tokens)
        #: Jayway's ``isUpstreamDefinite`` of each token: the token is definite and so is the
        #: path from the token before it to the end (the root's "path" is the whole path).
        self.upstream_definite = tuple(
            token.definite and all(t.definite for t in tokens[max(at - 1, 0):])
            for at, token in enumerate(tokens)
        )
        #: For a path of single properties and non-negative indices, the keys it walks.
        self.keys = _simple_keys(tokens)

    def read(self, root: Any, seconds: float | None = None) -> Any:
        """The value of a definite path, a ``JsonArray`` of matches for any other path, or
        ``NOT_FOUND`` where Jayway throws.

        Raises:
            VtlLimitError: the search took more than ``seconds`` (None: no bound).
        """
        keys = self.keys
        if keys is not None:
            node = root
            for key in keys:
                if type(key) is str:
                    if not isinstance(node, dict) or key not in node:
                        return NOT_FOUND
                elif not isinstance(node, list) or key >= len(node):
                    return NOT_FOUND
                node = node[key]
            return node
        token = _deadline.set(time.monotonic() + seconds) if seconds is not None else None
        try:
            found = self._evaluate(root, root, False)
        except (_Failed, RecursionError):
            return NOT_FOUND
        finally:
            if token is not None:
                _deadline.reset(token)
        if self.definite:
            return found[0] if found else NOT_FOUND
        return JsonArray(found)

    def value(self, model: Any, root: Any, require: bool = False) -> Any:
        """``evaluate(...).getValue()`` of a definite path inside a filter: the value, or
        :class:`_Missing` when there is none (other failures propagate)."""
        found = self._evaluate(model, root, require)
        if not found:
            raise _Missing
        return found[0]

    def _evaluate(self, model: Any, root: Any, require: bool) -> list[Any]:
        ctx = _Context(root, require)
        if self.tokens:
            self.tokens[0].evaluate(self, 0, model, ctx)
        else:
            ctx.found.append(model)
        return ctx.found

    def __repr__(self) -> str:
        return f"JsonPath({self.source!r})"


def _simple_keys(tokens: tuple[_Token, ...]) -> tuple[str | int, ...] | None:
    keys: list[str | int] = []
    for token in tokens:
        if isinstance(token, _Property) and len(token.names) == 1:
            keys.append(token.names[0])
        elif isinstance(token, _Array) and token.op == "index" and token.numbers[0] >= 0:
            keys.append(token.numbers[0])
        else:
            return None
    return tuple(keys)


@lru_cache(maxsize=2048)
def compile_path(path: str) -> JsonPath:
    """Compile ``path`` as Jayway 2.0's ``PathCompiler`` does (cached).

    Raises:
        JsonPathSyntaxError: Jayway would throw (``InvalidPathException`` or another
            exception while compiling).
    """
    text = path.strip(_JAVA_SPACE)
    if not text:
        raise JsonPathSyntaxError("path can not be null or empty")
    if text.endswith(".."):
        raise JsonPathSyntaxError("A path can not end with a scan.")
    if text[0] not in "$@":
        text = "$." + text
    from_root = text[0] == "$"
    text = "$" + text[1:]
    if len(text) > 1 and text[1] not in ".[":
        raise JsonPathSyntaxError(f"Invalid path {text}")
    try:
        tokens = _tokens(text)
    except JsonPathSyntaxError:
        raise
    except (IndexError, ValueError):  # Java's StringIndexOutOfBounds-, NumberFormatException
        raise JsonPathSyntaxError(f"Invalid path {text}") from None
    if tokens and isinstance(tokens[-1], _Scan):
        raise JsonPathSyntaxError("A path can not end with a scan.")
    return JsonPath(path, tuple(tokens), from_root)


_JAVA_SPACE = "".join(chr(c) for c in range(33))  # String.trim() strips these


def _tokens(text: str) -> list[_Token]:
    """``PathCompiler.compile``'s loop: each step becomes a fragment, analysed on its own
    (an index past the end is Java's ``StringIndexOutOfBoundsException``: ``IndexError``)."""
    tokens: list[_Token] = []
    i, n = 1, len(text)
    while i < n:
        ch = text[i]
        if ch == " ":
            raise JsonPathSyntaxError("Space not allowed in path")
        if ch == "$":
            tokens.append(_Root())
            i += 1
            continue
        if ch == "[":
            end = _bracket_end(text, i)
            fragment = text[i:end]
            i = end
        elif ch == ".":
            i += 1
            if text[i] == ".":
                tokens.append(_Scan())
                i += 1
                continue
            end = _name_end(text, i)
            if end == i:
                continue
            fragment = "[*]" if text[i:end] == "*" else "['" + text[i:end] + "']"
            i = end
        elif ch == "*":
            fragment = "[*]"
            i += 1
        else:
            end = _name_end(text, i)
            fragment = "['" + text[i:end] + "']"
            i = end
        tokens.append(_analyze(fragment))
    return tokens


def _name_end(text: str, i: int) -> int:
    while i < len(text) and text[i] not in ".[ ":
        i += 1
    return i


def _bracket_end(text: str, i: int) -> int:
    """``fastForwardUntilClosed``: the index after the matching ``]`` (nested brackets count)."""
    depth = 0
    i += 1
    while i < len(text):
        ch = text[i]
        i += 1
        if ch == "]":
            if depth == 0:
                return i
            depth -= 1
        elif ch == "[":
            depth += 1
    return i


#: Fragments of ``?`` placeholders only (``[?]``, ``[?,?]``): filters given as arguments,
#: which ``$input`` never gives.
_PLACEHOLDERS = re.compile(r"\[[ \t\n\x0b\f\r]*\?[ \t\n\x0b\f\r]*[, \t\n\x0b\f\r*?]*?[ \t\n\x0b\f\r]*]")


def _analyze(fragment: str) -> _Token:
    """``PathComponentAnalyzer.analyze``: the first ``?``, ``'``, digit, ``:``, ``-`` or
    ``@`` of a fragment says what it is."""
    if fragment == "[*]":
        return _Wildcard()
    if _PLACEHOLDERS.fullmatch(fragment):
        return _Filter(None)
    for i, ch in enumerate(fragment):
        if ch == "?":
            return _Filter(_filter(fragment, i))
        if ch == "'":
            return _Property(_property_names(fragment, i))
        if ch.isdecimal() or ch in ":-@":
            return _array(fragment, i)
    raise JsonPathSyntaxError(f"Could not analyze path component: {fragment}")


def _property_names(fragment: str, i: int) -> tuple[str, ...]:
    """``analyzeProperty``: every single-quoted run up to the first ``]`` (no escapes, anything
    between the runs ignored)."""
    names: list[str] = []
    buffer: list[str] = []
    is_open = False
    current = fragment[i]
    while current != "]":
        if current == "'":
            if is_open:
                names.append("".join(buffer))
                buffer.clear()
            is_open = not is_open
        elif is_open:
            buffer.append(current)
        i += 1
        current = fragment[i]
    return tuple(names)


def _parse_int(text: str) -> int:
    """``Integer.parseInt`` of the digits and ``-`` signs an array bracket collected."""
    value = int(text)  # ValueError for "", "-", "1-2"
    if not -(2**31) <= value < 2**31:
        raise ValueError(text)
    return value


def _array(fragment: str, i: int) -> _Array:
    """``analyzeArraySequence``, from the first digit, ``:``, ``-`` or ``@`` at ``i``."""
    current = fragment[i]
    buffer = ""
    numbers: list[int] = []
    context = current == "@"
    slice_to = slice_from = between = sequence = False
    if context:
        i += 2
        current = fragment[i]
        while current != "-":
            if current not in " ()":
                buffer += current
            i += 1
            current = fragment[i]
        if buffer not in ("size", "length"):
            raise JsonPathSyntaxError(f"Invalid function: @.{buffer}")
        buffer = ""
        while current != ")":
            if current != " ":
                buffer += current
            i += 1
            current = fragment[i]
    else:
        while current.isdecimal() or current in ", :-":
            if current == ":":
                to = not buffer
                if to:
                    slice_to = True
                else:
                    numbers.append(_parse_int(buffer))
                    buffer = ""
                i += 1
                current = fragment[i]
                while current.isdecimal() or current in " -":
                    if current != " ":
                        buffer += current
                    i += 1
                    current = fragment[i]
                if to:
                    numbers.append(_parse_int(buffer))
                    buffer = ""
                elif not buffer:
                    slice_from = True
                else:
                    between = True
                    numbers.append(_parse_int(buffer))
                    buffer = ""
            elif current == ",":
                numbers.append(_parse_int(buffer))
                buffer = ""
                sequence = True
            elif current != " ":
                buffer += current
            if current == "]":
                break
            i += 1
            current = fragment[i]
    if buffer:
        numbers.append(_parse_int(buffer))
    if len(numbers) == 1 and not slice_to and not slice_from and not context:
        op = "index"
    elif sequence:
        op = "list"
    elif slice_from:
        op = "from"
    elif slice_to:
        op = "to"
    elif between:
        op = "between"
    elif context:
        op = "size"
    else:
        op = "none"
    return _Array(op, tuple(numbers))


# -- filters -----------------------------------------------------------------------------------


class _ValueCompare(Exception):
    """``ValueCompareException``: the two values cannot be compared (a non-match)."""


def _filter(fragment: str, i: int) -> Any:
    """``analyzeCriteriaSequence4``: the filter from the ``[`` before ``i`` to its ``]``
    (``findFilterBounds``: brackets and parentheses outside quotes must balance)."""
    start = fragment.rindex("[", 0, i + 1)
    end = 0
    curr = start
    mem = " "
    in_quotes = False
    squares = parens = 0
    while end == 0:
        c = fragment[curr]
        if c == "'":
            if mem != "\\":
                in_quotes = not in_quotes
        elif not in_quotes:
            if c == "(":
                parens += 1
            elif c == ")":
                parens -= 1
            elif c == "[":
                squares += 1
            elif c == "]":
                squares -= 1
                if parens == 0:
                    end = curr + 1
        mem = c
        curr += 1
    if parens or squares:
        raise JsonPathSyntaxError("Filter brackets are not balanced")
    return _parse_filter(fragment[start:end])


_OPERATOR_SPLIT = re.compile(r"(?:(?<=&&|\|\|)|(?=&&|\|\|))")


def _java_trim(text: str) -> str:
    return text.strip(_JAVA_SPACE)


def _parse_filter(text: str) -> Any:
    """``Filter.parse``: criteria joined by ``&&``/``||``, combined from the right."""
    text = _java_trim(text)
    if not (text.startswith("[") and text.endswith("]")):
        raise JsonPathSyntaxError("Filter must start with '[' and end with ']'")
    text = _java_trim(text[1:-1])
    if not text.startswith("?"):
        raise JsonPathSyntaxError("Filter must start with '[?' and end with ']'")
    text = _java_trim(text[1:])
    if len(text) < 2 or not (text.startswith("(") and text.endswith(")")):
        raise JsonPathSyntaxError("Filter must start with '[?(' and end with ')]'")
    text = _java_trim(text[1:-1])
    parts = _OPERATOR_SPLIT.split(text)
    if len(parts) > 1 and parts[0] == "" and _OPERATOR_SPLIT.match(text):
        parts = parts[1:]  # Java's split drops an empty first piece of a match at 0...
    while len(parts) > 1 and parts[-1] == "":
        parts.pop()  # ... and the trailing empty pieces
    operators: list[str] = []
    criteria: list[Any] = []
    for part in parts:
        part = _java_trim(part)
        if part in ("&&", "||"):
            operators.append(part)
        else:
            criteria.append(_criterion(_clean(part)))
    if not criteria:
        raise JsonPathSyntaxError("Invalid filter")  # Java's EmptyStackException
    root: Any = _And([criteria.pop()])
    while operators:
        if not criteria:
            raise JsonPathSyntaxError("Invalid operators")
        if operators.pop() == "&&":
            root = root.and_(criteria.pop())
        else:
            root = _Or(root, criteria.pop())
    if criteria:
        raise JsonPathSyntaxError("Invalid operators")
    return root


def _clean(text: str) -> str:
    """``cleanCriteria``: ``[``, ``?``, ``(`` and blanks cut from the front, ``)`` and blanks
    from the back."""
    begin, end = 0, len(text) - 1
    while text[begin] in "[?( ":
        begin += 1
    while end >= 0 and text[end] in ") ":
        end -= 1
    if end < 0 or begin > end + 1:
        raise JsonPathSyntaxError("Invalid criteria")
    return text[begin:end + 1]


class _And:
    """Predicates that must all hold, tried in order (``AndFilter``; a lone criterion too)."""

    __slots__ = ("items",)

    def __init__(self, items: list[Any]) -> None:
        self.items = items

    def and_(self, other: Any) -> _And:
        return _And([*self.items, other])

    def apply(self, item: Any, root: Any) -> bool:
        return all(p.apply(item, root) for p in self.items)


class _Or:
    """``OrFilter``: ``and`` binds to its right side."""

    __slots__ = ("left", "right")

    def __init__(self, left: Any, right: Any) -> None:
        self.left = left
        self.right = right

    def and_(self, other: Any) -> _Or:
        return _Or(self.left, _And([self.right, other]))

    def apply(self, item: Any, root: Any) -> bool:
        return self.left.apply(item, root) or self.right.apply(item, root)


_OPERATORS = ("==", ">=", "<=", "!=", "<", ">", "=~")


def _criterion(text: str) -> Any:
    """``Criteria.parse``/``create``."""
    for operator in _OPERATORS:
        at = text.find(operator)
        if at != -1:
            left, right = _java_trim(text[:at]), _java_trim(text[at + len(operator):])
            break
    else:
        operator, left, right = "", _java_trim(text), ""
    exists = True
    left_value: Any = left
    if left.startswith(("$", "@", "!@")):
        if left[0] == "!":
            exists = False
            left = left[1:]
        left_value = _definite(left)
    else:
        left_value = _operand(left)
    if right.startswith(("$", "@", "!@")):
        if right[0] == "!":
            raise JsonPathSyntaxError("Invalid negation")
        right_value = _definite(right)
    else:
        right_value = _operand(right)
    if isinstance(left_value, JsonPath) and not operator:
        return _Exists(left_value, exists)
    if not operator:
        raise JsonPathSyntaxError("CriteriaType can not be parsed")
    return _Compare(left_value, operator, right_value)


def _definite(text: str) -> JsonPath:
    path = compile_path(text)
    if not path.definite:
        raise JsonPathSyntaxError(f"the predicate path: {text} is not definite")
    return path


class _Pattern:
    """A ``/regex/`` or ``/regex/i`` operand (a ``java.util.regex.Pattern``)."""

    __slots__ = ("regex", "source")

    def __init__(self, source: str, regex: str) -> None:
        self.source = source
        self.regex = regex

    def matches(self, text: str) -> bool:
        return java_matches(text, self.regex)


def _operand(text: str) -> Any:
    """A literal: ``'string'`` (quotes cut), ``/pattern/``, or the text itself."""
    if text[:1] == "'" and text[-1:] == "'":
        if len(text) < 2:
            raise JsonPathSyntaxError("Invalid string")
        return text[1:-1]
    if text[:1] == "/" and (text[-1] == "/" or (text[-2:-1] == "/" and text[-1] == "i")):
        last = text.rindex("/")
        if last < 1:
            raise JsonPathSyntaxError("Invalid pattern")
        regex = text[1:last]
        if text.endswith("i"):
            regex = "(?i)" + regex
        try:
            compile_java_regex(regex)
        except JavaException:
            raise JsonPathSyntaxError(f"Invalid pattern {text}") from None
        return _Pattern(text[1:last], regex)
    return text


class _Exists:
    """A bare path: it exists when it finds a value that is not null (``!`` negates)."""

    __slots__ = ("path", "exists")

    def __init__(self, path: JsonPath, exists: bool) -> None:
        self.path = path
        self.exists = exists

    def apply(self, item: Any, root: Any) -> bool:
        try:
            value = self.path.value(item, root, require=True)
        except _Missing:
            return not self.exists
        return (value is not None) == self.exists


class _Compare:
    """``left operator right``; a missing path or values that cannot be compared do not
    match."""

    __slots__ = ("left", "operator", "right")

    def __init__(self, left: Any, operator: str, right: Any) -> None:
        self.left = left
        self.operator = operator
        self.right = right

    def apply(self, item: Any, root: Any) -> bool:
        try:
            model = _resolve(self.left, item, root)
            expected = _resolve(self.right, item, root)
            return _evaluate(self.operator, expected, model)
        except (_Missing, _ValueCompare):
            return False


def _resolve(operand: Any, item: Any, root: Any) -> Any:
    if isinstance(operand, JsonPath):
        return operand.value(root if operand.from_root else item, root)
    return operand


def _evaluate(operator: str, expected: Any, model: Any) -> bool:
    """``CriteriaType.eval(expected, model)``."""
    if operator == "==":
        return _safe_compare(expected, model) == 0
    if operator == "!=":
        return _safe_compare(expected, model) != 0
    if operator == "=~":
        if isinstance(model, _Pattern):
            pattern, target = model, expected
        else:
            pattern, target = expected, model
        if target is None:
            return False
        if not isinstance(pattern, _Pattern):
            raise _Failed  # ClassCastException, or a NullPointerException
        return pattern.matches(target.source if isinstance(target, _Pattern) else to_string(target))
    if (expected is None) != (model is None):
        return False
    order = _safe_compare(expected, model)
    if operator == ">":
        return order < 0
    if operator == ">=":
        return order <= 0
    if operator == "<":
        return order > 0
    return order >= 0  # "<="


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


_BIG_DECIMAL = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


@lru_cache(maxsize=256)
def _literal(text: str) -> Decimal:
    """``new BigDecimal(text)``: a text that is no number throws."""
    if not _BIG_DECIMAL.fullmatch(text):
        raise _Failed  # NumberFormatException
    return Decimal(text)


def _number(value: Any) -> Any:
    """A number as ``new BigDecimal(value.toString())`` orders it: ints and BigDecimals as
    they are, a finite double as itself (see :func:`_number_order`), a string parsed."""
    if isinstance(value, str):
        return _literal(value)
    if isinstance(value, float) and (value != value or value in (_INFINITY, -_INFINITY)):
        raise _Failed  # NumberFormatException: "NaN", "Infinity"
    return value


_INFINITY = float("inf")


def _number_order(a: Any, b: Any) -> int:
    """The order of two numbers from :func:`_number`. A double stands for the decimal
    ``Double.toString`` writes, which rounds to it: where the two round to different doubles
    their order is that of the doubles, and only a tie needs the decimal."""
    if type(a) is float or type(b) is float:
        try:
            fa, fb = float(a), float(b)
        except OverflowError:
            fa = fb = 0.0
        if fa != fb:
            return _sign(fa, fb)
        if type(a) is float:
            a = Decimal(double_to_string(a))
        if type(b) is float:
            b = Decimal(double_to_string(b))
    return _sign(a, b)


def _sign(a: Any, b: Any) -> int:
    return (a > b) - (a < b)


def _safe_compare(left: Any, right: Any) -> int:
    """``Criteria.safeCompare``: nulls (and the string ``"null"``) first, strings by UTF-16
    order, numbers (and a string against a number) as ``BigDecimal``, booleans; anything
    else cannot be compared."""
    if left is right:
        return 0
    left_null = left is None or left == "null"
    right_null = right is None or right == "null"
    if left_null or right_null:
        return (right_null - left_null) if left_null != right_null else 0
    if isinstance(left, str):
        if isinstance(right, str):
            return compare_to(left.replace("\\'", "'"), right)
        if _is_number(right):
            return _number_order(_number(left), _number(right))
        if isinstance(right, bool):
            return _sign(left.lower() == "true", right)
    elif _is_number(left) and _is_number(right):
        return _number_order(_number(left), _number(right))
    elif isinstance(left, bool) and isinstance(right, bool):
        return _sign(left, right)
    raise _ValueCompare
