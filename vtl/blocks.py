"""How a compiled block runs: its steps (texts written, statements called, failures given
the failing statement's position) and its runs of plain prints, written from one frame."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .errors import JavaException, VtlError, VtlLimitError, VtlRuntimeError
from .render_state import State, Stmt


def noop(state: State) -> None:
    return None


def run_steps(parts: list[Stmt | str], positions: dict[Stmt, tuple[int, int]]) -> Stmt:
    """The closure that runs a block's steps: texts are written, statements called, and a
    failure beneath a statement of ``positions`` gets that statement's position (here, in the
    block's loop, instead of through a wrapper closure per call)."""
    if not parts:
        return noop
    if len(parts) == 1:
        part = parts[0]
        if isinstance(part, str):
            return make_text(part)
        if part in positions:
            return positioned(part, *positions[part])
        return part
    if sum(isinstance(part, str) for part in parts) == 1 and len(parts) > 2:
        # One text among statements: a text closure beats a type test at every step.
        parts = [make_text(part) if isinstance(part, str) else part for part in parts]
    steps_t = tuple(parts)
    if not any(isinstance(part, str) for part in parts):

        def run_statements(state: State) -> None:
            step: Any = None
            try:
                for step in steps_t:
                    step(state)
            except LOCATABLE as exc:
                where = positions.get(step)
                if where is None:
                    raise
                raise located(exc, where[0], where[1], state) from None

        run_statements.vtl_steps = (steps_t, positions)  # type: ignore[attr-defined]
        return run_statements

    def run_block(state: State) -> None:
        out = state.out
        step: Any = None
        try:
            for step in steps_t:
                if type(step) is str:
                    out.append(step)
                else:
                    step(state)
                    out = state.out  # a statement may have swapped the buffer back
        except LOCATABLE as exc:
            where = positions.get(step)
            if where is None:
                raise
            raise located(exc, where[0], where[1], state) from None

    return run_block


def merge_prints(steps: list[Stmt | str]) -> list[Stmt | str]:
    """Steps with each run of consecutive plain prints made one :func:`make_print_run`."""
    merged: list[Stmt | str] = []
    run: list[Any] = []  # the prints of the current run
    for step in [*steps, None]:
        if step is not None and hasattr(step, "vtl_specs"):
            run.append(step)
            continue
        if len(run) > 1:
            merged.append(make_print_run(tuple(spec for fn in run for spec in fn.vtl_specs)))
        else:
            merged.extend(run)
        run = []
        if step is not None:
            merged.append(step)
    return merged


def make_print_run(specs: tuple[tuple[Any, ...], ...]) -> Stmt:
    """Plain prints (each with the text written before and after it) in one frame.

    A spec is the root name, up to two keys (the root None: no map path), the value closure,
    its position, the texts and the writer of values that are not str. A value found
    through maps that is a str, an int or a plain float is written straight away; anything
    else (a missing key too) is read by the value closure.
    """

    def print_run(state: State, start: int = 0) -> None:
        out = state.out
        variables = state.vars
        for root, key, key2, value_fn, where, before, after, write_other in specs[start:] if start else specs:
            if root is not None:
                value = variables.get(root)
                if key is not None:
                    if isinstance(value, dict):
                        value = value.get(key)
                        if key2 is not None:
                            value = value.get(key2) if isinstance(value, dict) else None
                    else:
                        value = None
                t = type(value)
                if t is not str:
                    if t is int:
                        try:
                            value = str(value)
                        except ValueError:  # beyond str()'s digit limit: printed by write_other
                            value = None
                    elif t is float and 1e-3 <= value < 1e7:
                        value = repr(value)
                    else:
                        value = None  # read again by the value closure
                if value is not None:
                    if before:
                        out.append(before)
                    out.append(value)
                    if after:
                        out.append(after)
                    continue
            if before:
                out.append(before)
            try:
                value = value_fn(state)
            except LOCATABLE as exc:
                raise located(exc, where[0], where[1], state) from None
            if type(value) is str:
                out.append(value)
            else:
                write_other(value, out, state)
            if after:
                out.append(after)

    print_run.vtl_specs = specs  # type: ignore[attr-defined]
    roots = {spec[0] for spec in specs}
    if len(specs) > 1 and len(roots) == 1 and None not in roots and all(spec[1] is not None for spec in specs):
        return make_field_run(specs, print_run)
    return print_run


def make_field_run(specs: tuple[tuple[Any, ...], ...], general: Callable[[State, int], None]) -> Stmt:
    """A print run whose references all read keys of one map (``$pet.id $pet.name``,
    ``$context.identity.sourceIp``): the map is read once. From the first value that is not
    a str, an int or a plain float on, the run is printed by ``general``, :func:`make_print_run`'s
    loop (which reads the map again for each: a value closure may run template code)."""
    root = specs[0][0]
    fields = tuple((key, key2, before, after, i) for i, (_, key, key2, _, _, before, after, _) in enumerate(specs))

    def print_fields(state: State) -> None:
        base = state.vars.get(root)
        if not isinstance(base, dict):
            return general(state)
        out = state.out
        for key, key2, before, after, index in fields:
            value = base.get(key)
            if key2 is not None:
                value = value.get(key2) if isinstance(value, dict) else None
            t = type(value)
            if t is not str:
                if t is int:
                    try:
                        value = str(value)
                    except ValueError:  # beyond str()'s digit limit
                        return general(state, index)
                elif t is float and 1e-3 <= value < 1e7:
                    value = repr(value)
                else:
                    return general(state, index)
            if before:
                out.append(before)
            out.append(value)
            if after:
                out.append(after)
        return None

    print_fields.vtl_specs = specs  # type: ignore[attr-defined]
    return print_fields


def positioned(fn: Stmt, line: int, column: int) -> Stmt:
    """``fn`` with any failure beneath it located at ``line``:``column``."""

    def run(state: State) -> None:
        try:
            fn(state)
        except LOCATABLE as exc:
            raise located(exc, line, column, state) from None

    return run


def make_text(text: str) -> Stmt:
    def write(state: State) -> None:
        state.out.append(text)

    write.vtl_text = text  # type: ignore[attr-defined]
    return write


def text_of(stmt: Stmt) -> str | None:
    """The text a statement made by :func:`make_text` writes, else ``None``."""
    return getattr(stmt, "vtl_text", None)


LOCATABLE = (VtlError, JavaException, RecursionError)


def located(exc: BaseException, line: int, column: int, state: State) -> VtlError:
    """The one place a failure beneath a statement or reference gets that position: a
    ``VtlError`` keeps any position it already has, a Java exception becomes a
    ``VtlRuntimeError`` and runaway recursion a ``VtlLimitError``."""
    if isinstance(exc, VtlError):
        return exc.with_position(line, column, state.source, state.name)
    if isinstance(exc, JavaException):
        return VtlRuntimeError(
            exc.message or exc.java_class, line=line, column=column, source=state.source,
            name=state.name, java_class=exc.java_class,
        )
    return VtlLimitError(
        "template nesting too deep", line=line, column=column, source=state.source, name=state.name
    )
