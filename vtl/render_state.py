"""What one render carries: its :class:`State`, the values only the engine makes
(``$foreach``, ``#define`` blocks, macro arguments passed by name, the null holders of loop
variables) and the signals ``#break`` and ``#stop`` raise. The compiled closures of
:mod:`vtl.compiler` take a :class:`State` and nothing else."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from .errors import VtlLimitError
from .limits import Limits
from .runtime import HostObject, JavaList, memguard
from .runtime.memguard import SMALL as SMALL_STRING
from .runtime.text import to_string_within

Stmt = Callable[["State"], None]
Expr = Callable[["State"], Any]

class BreakLoop(Exception):
    """``#break``: leaves the innermost scope (``#foreach``, ``#define`` block, ...), or the
    ``#foreach`` whose ``$foreach`` object it was given."""

    def __init__(self, scope: Any = None) -> None:
        super().__init__()
        self.scope = scope


class StopRender(Exception):
    """``#stop``: ends the render, keeping what was written."""


class State:
    """The mutable state of one render (never shared between threads)."""

    __slots__ = (
        "vars", "out", "limits", "iterations", "deadline", "macro_depth", "render_depth",
        "source", "name", "counted_pieces", "counted_size", "counted_buffer",
        "define_sizes", "macros", "guard",
    )

    def __init__(self, variables: dict[str, Any], limits: Limits, source: str, name: str) -> None:
        self.vars = variables
        self.out: list[str] = []
        self.limits = limits
        self.iterations = 0
        self.deadline = (time.monotonic() + limits.deadline) if limits.deadline else None
        self.macro_depth = 0
        self.render_depth = 0
        self.source = source
        self.name = name
        self.counted_pieces = 0  # output pieces already summed by check_output
        self.counted_size = 0
        self.counted_buffer: list[str] | None = None
        #: Per nesting depth: the buffer #define blocks are printed into and how much they
        #: wrote there (made at the first #define printed).
        self.define_sizes: dict[int, list[Any]] | None = None
        #: The macros #evaluate'd text defined during this render (stock profile only).
        self.macros: dict[str, tuple[list[str], Stmt]] | None = None
        #: What counts the memory this render keeps (made at the first count; see charge).
        self.guard: memguard.Guard | None = None
        _running.state = self  # (memguard.note: methods that grow a collection in place)

    def charge(self, units: int) -> None:
        """Count work that can keep memory against ``Limits.max_memory_growth``
        (:mod:`vtl.runtime.memguard`)."""
        guard = self.guard
        if guard is None:
            limit = self.limits.max_memory_growth
            if limit is None or not memguard.available():
                self.guard = guard = _NO_GUARD
            else:
                self.guard = guard = memguard.Guard(limit)
        guard.charge(units)

    def check_deadline(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise VtlLimitError(f"render exceeded its deadline of {self.limits.deadline} s")

    def check_output(self) -> None:
        out = self.out
        if out is not self.counted_buffer:  # another (nested) buffer: count it afresh
            self.counted_buffer, self.counted_pieces, self.counted_size = out, 0, 0
        size = self.counted_size + sum(map(len, out[self.counted_pieces :]))
        self.counted_pieces, self.counted_size = len(out), size
        if size > self.limits.max_output_size:
            raise VtlLimitError(f"output exceeded {self.limits.max_output_size} characters")


class _NoGuard:
    """The memory guard of a render without one: counts nothing."""

    __slots__ = ()

    def charge(self, units: int) -> None:
        return None


_NO_GUARD: Any = _NoGuard()
_running = memguard.RUNNING


class ForeachInfo(HostObject):
    """``$foreach``: index, count, hasNext, first, last and parent of the running loop."""

    __slots__ = ("index", "has_next", "parent", "previous")
    java_class = "org.apache.velocity.runtime.directive.ForeachScope"
    vtl_is_map = True  # $foreach.empty is get("empty"), not isEmpty()

    def __init__(self, parent: ForeachInfo | None) -> None:
        self.index = -1
        self.has_next = False
        self.parent = parent
        #: What ``$foreach`` held when the loop began (put back at its end).
        self.previous: Any = None

    vtl_properties = {
        "index": lambda self: self.index,
        "count": lambda self: self.index + 1,
        "hasNext": lambda self: self.has_next,
        "first": lambda self: self.index == 0,
        "last": lambda self: not self.has_next,
        "parent": lambda self: self.parent,
        "topmost": lambda self: self.topmost(),
    }
    vtl_methods = {
        "getIndex": lambda self: self.index,
        "getCount": lambda self: self.index + 1,
        "hasNext": lambda self: self.has_next,
        "getHasNext": lambda self: self.has_next,
        "isFirst": lambda self: self.index == 0,
        "getFirst": lambda self: self.index == 0,
        "isLast": lambda self: not self.has_next,
        "getLast": lambda self: not self.has_next,
        "getParent": lambda self: self.parent,
        "getTopmost": lambda self: self.topmost(),
        # Velocity's Scope is also a Map (AbstractMap) holding what templates put() in it.
        "get": lambda self, key: None,
        "containsKey": lambda self, key: False,
        "size": lambda self: 0,
        "isEmpty": lambda self: True,
        "keySet": lambda self: JavaList(),
        "toString": lambda self: "{}",
    }

    def vtl_to_string(self) -> str:
        # Velocity's Scope is an AbstractMap of what templates put() in it: nothing here.
        return "{}"

    def topmost(self) -> ForeachInfo:
        info = self
        while info.parent is not None:
            info = info.parent
        return info


class DefinedBlock(HostObject):
    """The value ``#define`` binds: the block renders afresh each time it is printed."""

    __slots__ = ("body", "state", "depth")
    java_class = "org.apache.velocity.runtime.directive.Block$Reference"
    #: Velocity renders a block inside itself at most this deep; deeper, it is null.
    max_depth = 2

    def __init__(self, body: Stmt, state: State) -> None:
        self.body = body
        self.state = state
        self.depth = 0

    def vtl_to_string(self) -> str:
        self.depth += 1
        try:
            text = render_nested(self.body, self.state, "define")
        finally:
            self.depth -= 1
        state = self.state
        limits = state.limits
        if len(text) > limits.max_string_size:
            raise VtlLimitError(f"a #define block grew beyond {limits.max_string_size} characters")
        if len(text) >= SMALL_STRING:
            state.charge(len(text))
        # Blocks printing blocks grow exponentially without any loop: what they write into
        # one buffer counts against that buffer's budget (a nested buffer becomes a string).
        sizes = state.define_sizes
        if sizes is None:
            sizes = state.define_sizes = {}
        depth = state.render_depth
        entry = sizes.get(depth)
        if entry is None or entry[0] is not state.out:
            entry = sizes[depth] = [state.out, 0]
        entry[1] += len(text)
        if depth == 0:
            if entry[1] > limits.max_output_size:
                raise VtlLimitError(f"output exceeded {limits.max_output_size} characters")
        elif entry[1] > limits.max_string_size:
            raise VtlLimitError(f"a #define block grew beyond {limits.max_string_size} characters")
        return text


class NullHolder:
    """What a ``#foreach`` variable holds while the loop's body runs for a null element.

    Velocity 1.7 renders such a body in a ``NullHolderContext`` over the loop's context: one
    per loop run, reused by every null element. While ``active`` it reads the variable as
    null, even in the API Gateway profile where other unset names read as ``""`` (recorded:
    ``[$x]`` prints itself for a null list element). A write of a value passes through to
    the context beneath (``outer``: another holder of an enclosing loop, or the value itself,
    ``None`` when unset) without changing what the variable reads as; a write of null (an
    inner loop's null element) makes the holder active again, and a removal (an inner loop
    putting back an unset variable) makes it inactive for the rest of the loop.
    """

    __slots__ = ("active", "outer")

    def __init__(self) -> None:
        self.active = True
        self.outer: Any = None

    def read(self, unset: Any) -> Any:
        """The variable's value seen through this holder and those beneath it: ``None``
        while a holder is active, ``unset`` when the name is unset beneath them all."""
        holder = self
        while True:
            if holder.active:
                return None
            holder = holder.outer
            if type(holder) is not NullHolder:
                return unset if holder is None else holder


def drop_holder(variables: dict[str, Any], name: str, holder: NullHolder) -> None:
    """Take a loop's null holder off ``name`` (if on top), leaving what lies beneath it."""
    if variables.get(name) is holder:
        beneath = holder.outer
        if beneath is None:
            del variables[name]
        else:
            variables[name] = beneath


def write_through(variables: dict[str, Any], name: str, value: Any, remove: bool = False) -> None:
    """Put ``value`` into (``remove``: take ``name`` out of) the context a template writes
    to, through the null holders over ``name`` if any."""
    holder = variables.get(name)
    if type(holder) is not NullHolder:
        if remove or value is None:
            variables.pop(name, None)
        else:
            variables[name] = value
        return
    while True:
        if remove:
            holder.active = False
        elif value is None:
            holder.active = True
        beneath = holder.outer
        if type(beneath) is not NullHolder:
            holder.outer = None if remove else value
            return
        holder = beneath


#: What a name held before a macro call bound it: nothing.
UNSET: Any = object()


class MacroArg:
    """A macro argument passed by name: re-evaluated at each use inside the macro body, in
    the caller's context (``#m($p)`` for a parameter ``$p`` reads the caller's ``$p``)."""

    __slots__ = ("expr", "state", "text", "bound", "callers")

    def __init__(self, expr: Expr, state: State, text: str = "", bound: dict[str, Any] | None = None,
                 callers: dict[str, Any] | None = None) -> None:
        self.expr = expr
        self.state = state
        self.text = text  # the argument as written: what a null parameter prints
        #: The call's arguments by parameter name, and what those names held in the caller
        #: (``UNSET``: nothing); the same two maps for every argument of one call.
        self.bound = {} if bound is None else bound
        self.callers = {} if callers is None else callers

    def value(self) -> Any:
        """The argument's value now. The parameters the call still binds (a ``#set`` of one
        writes the caller's variable instead) read as in the caller while it is evaluated."""
        variables = self.state.vars
        swapped = []
        for name, arg in self.bound.items():
            if variables.get(name) is arg:
                before = self.callers[name]
                if before is UNSET:
                    del variables[name]
                else:
                    variables[name] = before
                swapped.append((name, arg))
        try:
            return self.expr(self.state)
        finally:
            for name, arg in swapped:
                variables[name] = arg


def render_nested(body: Stmt, state: State, scope: str = "") -> str:
    """Render ``body`` into a separate buffer (string interpolation, #define, #evaluate).

    ``scope`` says which of ``#break``/``#stop`` end this body: a ``"define"`` block ends at
    an unscoped ``#break`` (``#stop`` ends the whole render, keeping what the block wrote),
    an ``"evaluate"`` body ends at either.
    """
    if state.render_depth >= state.limits.max_render_depth:
        raise VtlLimitError(f"nesting deeper than {state.limits.max_render_depth} levels")
    state.check_deadline()  # nested #define expansion can multiply without any loop
    saved = state.out
    state.out = []
    state.render_depth += 1
    try:
        body(state)
    except BreakLoop as exc:
        if not scope or exc.scope is not None:
            raise
    except StopRender:
        if scope == "define":
            saved.append("".join(state.out))
        if scope != "evaluate":
            raise
    finally:
        state.render_depth -= 1
        text = "".join(state.out)
        state.out = saved
    return text


def value_to_text(value: Any, state: State) -> str:
    """What printing ``value`` writes (Java ``String.valueOf``, #define blocks rendered)."""
    if type(value) is str:
        return value
    if isinstance(value, DefinedBlock):
        return value.vtl_to_string()
    return to_string_within(value, state.limits.max_string_size, state.check_deadline)
