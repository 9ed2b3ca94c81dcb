"""The benchmark rows: what vtl runs, what it is compared with, and the target ratio.

A :class:`Row` pairs a ``subject`` (vtl) with a ``baseline``: a Python callable timed in the
same loop, a fixed budget, the input size (memory rows), or an external engine. A row with
``must_match`` compares the two outputs before anything is timed; rows without a target are
reference figures ("info").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from . import airspeed_shim, handwritten, inputs, velocityjs
from .inputs import Sizes
from .timing import Settings

#: Kinds of row: timed against a callable, timed against a budget, timed against an external
#: engine, or peak memory against the body size.
TIME, BUDGET, EXTERNAL, MEMORY = "time", "budget", "external", "memory"


@dataclass
class Row:
    """One line of the report, before it is measured."""

    name: str
    baseline_name: str
    kind: str
    subject: Callable[[], Any]
    baseline: Callable[[], Any] | None = None
    target: float | None = None  # largest acceptable ratio; None: a reference figure
    must_match: bool = False  # subject and baseline outputs must be equal
    output: Callable[[Any], str] | None = None  # a call's result as text; None: not compared
    budget_ns: float | None = None  # BUDGET rows
    size_bytes: int | None = None  # MEMORY rows: the body size the peak is divided by
    external: Callable[[Settings], tuple[float, str | None]] | None = None  # EXTERNAL rows
    skip: str | None = None  # why the row cannot run here
    group: str = field(default="")  # rows of one group share the subject's timing

    def check(self) -> bool | None:
        """Whether the outputs agree (None when there is nothing to compare).

        Raises:
            AssertionError: ``must_match`` and they differ.
        """
        if self.baseline is None or self.output is None or self.kind not in (TIME, MEMORY):
            return None
        mine, theirs = self.output(self.subject()), self.output(self.baseline())
        if self.must_match and mine != theirs:
            raise AssertionError(f"{self.name}: vtl and {self.baseline_name} differ\n"
                                 f"{_first_difference(mine, theirs)}")
        return mine == theirs


def _first_difference(a: str, b: str) -> str:
    index = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"at {index}: vtl {a[index - 40:index + 40]!r}\n   other {b[index - 40:index + 40]!r}"


def _body(result: Any) -> str:
    """The text of a render: a ``RenderResult``'s body, or the string itself."""
    return result if isinstance(result, str) else result.body


def sections() -> dict[str, Callable[[Sizes, bool], Iterator[Row]]]:
    """The row builders by section name, in report order. Each takes the input sizes and
    whether to include the other engines (airspeed-ext, velocityjs)."""
    return {"passthrough": _passthrough, "petstore": _petstore, "escape": _escaping,
            "bigbody": _big_body, "compile": _compiling}


def rows(sizes: Sizes = inputs.FULL, *, engines: bool = True) -> list[Row]:
    """Every row, in report order (a section that fails to build raises)."""
    return [row for build in sections().values() for row in build(sizes, engines)]


def _airspeed_skip(engines: bool) -> str | None:
    if not engines:
        return "other engines left out"
    return None if airspeed_shim.available() else "airspeed-ext not installed"


def _velocityjs_skip(engines: bool) -> str | None:
    if not engines:
        return "other engines left out"
    return None if velocityjs.available() else "node or velocityjs not installed"


def _passthrough(sizes: Sizes, engines: bool) -> Iterator[Row]:
    import vtl

    source = inputs.template("passthrough")
    template = vtl.compile(source)
    event = inputs.passthrough_event()
    render = partial(template.render_request, event)
    yield Row("passthrough, compiled", "hand-written", TIME, render,
              partial(handwritten.passthrough, event), target=1.5, must_match=True,
              output=_body, group="passthrough")
    yield Row("vtl.render(source, event), source seen", "Template.render_request", TIME,
              partial(vtl.render, source, event), render, target=1.1, must_match=True,
              output=_body)
    skip = _airspeed_skip(engines)
    merge = airspeed_shim.renderer(source) if skip is None else None
    yield Row("passthrough, compiled", "airspeed-ext", TIME, render,
              partial(_airspeed_render, merge, event), output=_body,
              skip=skip, group="passthrough")
    yield Row("passthrough, compiled", "velocityjs (node)", EXTERNAL, render, output=_body,
              external=partial(velocityjs.measure, "render", source, event=event),
              skip=_velocityjs_skip(engines), group="passthrough")


def _petstore(sizes: Sizes, engines: bool) -> Iterator[Row]:
    import vtl

    source = inputs.template("petstore")
    # The guide's 10,000-pet figure needs more than API Gateway's 1,000 loop iterations.
    unlimited = vtl.Limits(foreach_max_loops=None, max_template_size=300 * 1024)
    template = vtl.compile(source, limits=unlimited)
    event = inputs.passthrough_event()
    skip = _airspeed_skip(engines)
    merge = airspeed_shim.renderer(source) if skip is None else None
    for count in (sizes.petstore_small, sizes.petstore_large):
        body = inputs.petstore_body(count)
        label = f"PetStore transform, {count:,} items"
        render = partial(template.render_request, event, response_body=body)
        group = f"petstore-{count}"
        yield Row(label, "hand-written", TIME, render, partial(handwritten.petstore, body),
                  target=2.0, must_match=True, output=_body, group=group)
        if count != sizes.petstore_large:
            continue
        yield Row(label, "airspeed-ext", TIME, render,
                  partial(_airspeed_render, merge, event, body), output=_body, skip=skip,
                  group=group)
        yield Row(label, "velocityjs (node)", EXTERNAL, render, output=_body,
                  external=partial(velocityjs.measure, "render", source, event=event, body=body),
                  skip=_velocityjs_skip(engines), group=group)


def _airspeed_render(merge: Callable[[dict[str, Any]], str], event: dict[str, Any],
                     body: str | None = None) -> str:
    return merge(airspeed_shim.namespace(event, body))


def _escaping(sizes: Sizes, engines: bool) -> Iterator[Row]:
    import vtl

    template = vtl.compile(inputs.template("escape"))
    body = inputs.messages_body(sizes.messages)
    event = inputs.event_with_body(body)
    yield Row(f"escapeJavaScript + replaceAll, {sizes.messages:,} strings", "hand-written loop",
              TIME, partial(template.render_request, event),
              partial(handwritten.escape_messages, body), target=2.0, must_match=True,
              output=_body)


def _big_body(sizes: Sizes, engines: bool) -> Iterator[Row]:
    import vtl

    json_template = vtl.compile(inputs.template("input_json"))
    passthrough = vtl.compile(inputs.template("passthrough"))
    body = inputs.big_body(sizes.big_body_bytes)
    size = len(body.encode("utf-8"))
    event = inputs.event_with_body(body)
    mb = f"{size / 2**20:.0f} MB" if size >= 2**20 else f"{size / 1024:.0f} KB"
    render = partial(json_template.render_request, event)
    yield Row(f"$input.json('$'), {mb} body", "json.loads + json.dumps", TIME, render,
              partial(handwritten.json_roundtrip, body), target=2.0, must_match=True,
              output=_body)
    yield Row(f"peak memory, $input.json('$'), {mb} body", "body size", MEMORY, render,
              target=4.0, size_bytes=size)
    yield Row(f"peak memory, passthrough, {mb} body", "body size", MEMORY,
              partial(passthrough.render_request, event), partial(handwritten.passthrough, event),
              must_match=True, output=_body, size_bytes=size)
    yield Row(f"peak memory, json.loads + json.dumps, {mb} body", "body size", MEMORY,
              partial(handwritten.json_roundtrip, body), size_bytes=size)


def _compiling(sizes: Sizes, engines: bool) -> Iterator[Row]:
    import vtl

    skip = _airspeed_skip(engines)
    for name, label in (("passthrough", "passthrough"), ("large", "300-line template")):
        source = inputs.template(name)
        compile_ = partial(vtl.compile, source)
        title = f"compile {label} (cold)"
        group = f"compile-{name}"
        if name == "large":
            yield Row(title, "budget 20 ms", BUDGET, compile_, target=1.0, budget_ns=20e6,
                      group=group)
        yield Row(title, "airspeed-ext parse", TIME, compile_,
                  airspeed_shim.compiler(source) if skip is None else None,
                  target=2.0 if name == "passthrough" else None, skip=skip, group=group)
        yield Row(title, "velocityjs parse (node)", EXTERNAL, compile_,
                  external=partial(velocityjs.measure, "compile", source),
                  skip=_velocityjs_skip(engines), group=group)
