"""Compile once, render many: :class:`Template`, :func:`compile` and :func:`render`."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

from . import compiler
from .apigateway.render import RenderResult, prepare
from .compiler import APIGATEWAY, PROFILES
from .errors import JavaException, VtlError, VtlLimitError, VtlRuntimeError
from .limits import APIGATEWAY_LIMITS, VELOCITY_LIMITS, Limits
from .parser import parse
from .render_state import BreakLoop, State, StopRender
from .runtime import HostObject, budgets, from_json, memguard, regex
from .runtime.strings import from_units


class Template:
    """A compiled template: immutable, safe to render from many threads at once."""

    __slots__ = ("source", "name", "profile", "limits", "_render", "_tree", "_uses_context", "_uses_regex")

    def __init__(
        self,
        source: str,
        *,
        profile: str = APIGATEWAY,
        name: str = "<template>",
        limits: Limits | None = None,
    ) -> None:
        if not isinstance(source, str):
            raise TypeError(f"template source must be str, not {type(source).__name__}")
        if profile not in PROFILES:
            raise ValueError(f"unknown profile {profile!r}; expected one of {PROFILES}")
        self.source = source
        self.name = name
        self.profile = profile
        if limits is not None and not isinstance(limits, Limits):
            raise TypeError(f"limits must be a vtl.Limits, not {type(limits).__name__}")
        self.limits = limits or (APIGATEWAY_LIMITS if profile == APIGATEWAY else VELOCITY_LIMITS)
        max_size = self.limits.max_template_size
        if max_size is not None and len(source) * 4 > max_size and len(source.encode("utf-8")) > max_size:
            raise VtlLimitError(
                f"template is {len(source.encode('utf-8'))} bytes; API Gateway accepts at most {max_size}",
                line=1, column=1, source=source[:200], name=name,
            )
        self._tree = parse(source, macros_enabled=profile != APIGATEWAY, name=name)
        try:
            compiled = compiler.Compiler(self._tree, profile)
            self._render = compiled.compile()
            self._uses_context, self._uses_regex = compiled.uses_context, compiled.uses_regex
        except RecursionError:
            raise VtlLimitError(
                "template is nested too deeply to compile", line=1, column=1, source=source, name=name
            ) from None

    def __repr__(self) -> str:
        return f"<vtl.Template {self.name!r} profile={self.profile!r}>"

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle as the source and options: unpickling compiles again (closures do not
        pickle), so templates can cross to worker processes."""
        return (_recompile, (self.source, self.profile, self.name, self.limits))

    def render(self, variables: Mapping[str, Any] | None = None) -> str:
        """Render with ``variables``; JSON-like values become Java values of the profile.

        Raises:
            VtlRuntimeError: a Java method threw, a budget ran out, ...
        """
        if variables is None:
            variables = {}
        elif not isinstance(variables, Mapping):
            raise TypeError(f"variables must be a mapping, not {type(variables).__name__}")
        converted = {}
        for key, value in variables.items():
            if not isinstance(key, str):
                raise TypeError(f"variable names must be str, not {type(key).__name__}")
            if isinstance(value, HostObject):
                converted[key] = value
                continue
            try:
                converted[key] = from_json(value, self.profile)
            except RecursionError:
                raise VtlLimitError(
                    f"variable {key!r} is nested too deeply", line=1, column=1, source=self.source,
                    name=self.name,
                ) from None
        return self._run(converted)

    def _run(self, variables: dict[str, Any]) -> str:
        state = State(variables, self.limits, self.source, self.name)
        timeout_token = (
            regex.use_render_timeout(self.limits.regex_timeout, state.deadline) if self._uses_regex else None
        )
        budget_token = budgets.use_limits(self.limits)
        try:
            self._render(state)
        except StopRender:
            pass
        except BreakLoop as exc:
            if exc.scope is not None:  # the #foreach it names is over: nothing catches it
                raise VtlRuntimeError(
                    "StopCommand: org.apache.velocity.runtime.directive.Foreach", line=1, column=1,
                    source=self.source, name=self.name, java_class="StopCommand",
                ) from None
        except VtlError as err:
            if err.source is None:
                err.source = self.source
            raise
        except JavaException as exc:
            raise VtlRuntimeError(
                exc.message or exc.java_class, line=1, column=1, source=self.source,
                name=self.name, java_class=exc.java_class,
            ) from None
        except RecursionError:
            raise VtlLimitError("template nesting too deep", line=1, column=1, source=self.source, name=self.name) from None
        except MemoryError:
            raise VtlLimitError("rendering ran out of memory", line=1, column=1, source=self.source, name=self.name) from None
        except Exception as exc:  # noqa: BLE001 - the last line of the error contract
            # A bug of ours must still reach the embedding host as a VtlError, never as a
            # stray KeyError or TypeError; the original stays attached as __cause__.
            raise VtlRuntimeError(
                f"internal error while rendering: {type(exc).__name__}: {exc}", line=1, column=1,
                source=self.source, name=self.name,
            ) from exc
        finally:
            if timeout_token is not None:
                regex.reset_render_timeout(timeout_token)
            if budget_token is not None:
                budgets.reset_limits(budget_token)
            _running.state = None  # (set by State: the render running in this thread)
        out = "".join(state.out)
        out = from_units(out)  # Java writes one stream of UTF-16 units
        if len(out) > self.limits.max_output_size:
            raise VtlLimitError(f"output exceeded {self.limits.max_output_size} characters", line=1, column=1, source=self.source, name=self.name)
        return out

    def render_request(
        self,
        event: Mapping[str, Any] | None = None,
        *,
        response_body: str | None = None,
        previous: RenderResult | None = None,
    ) -> RenderResult:
        """Render as an API Gateway mapping template for ``event`` (a REST proxy event).

        With ``response_body`` the template is a response template: ``$input`` reads that
        body, and ``$context`` with its overrides carries on from ``previous`` (the result of
        the request template).
        """
        variables, finish = prepare(
            event, response_body=response_body, previous=previous, uses_context=self._uses_context,
            deadline=self.limits.deadline,
        )
        text = self._run(variables)
        try:
            return finish(text)
        except VtlError as err:  # an override the template set is unusable
            if err.name == "<template>":
                err.name = self.name
            raise


def _recompile(source: str, profile: str, name: str, limits: Limits) -> Template:
    return Template(source, profile=profile, name=name, limits=limits)


_running = memguard.RUNNING
_cache: OrderedDict[tuple[str, str], Template] = OrderedDict()
_cache_lock = threading.Lock()
_CACHE_SIZE = 256


def clear_cache() -> None:
    """Forget every template :func:`render` has compiled."""
    with _cache_lock:
        _cache.clear()


def compile(source: str, profile: str = APIGATEWAY, *, name: str = "<template>", limits: Limits | None = None) -> Template:  # noqa: A001
    """Compile ``source`` into a reusable :class:`Template`.

    Raises:
        VtlSyntaxError: the template does not parse.
    """
    return Template(source, profile=profile, name=name, limits=limits)


def cached(source: str, profile: str = APIGATEWAY) -> Template:
    """The compiled template for ``source`` from an LRU cache (compiling on a miss)."""
    key = (profile, source)
    template = _cache.get(key)
    if template is not None:
        try:
            _cache.move_to_end(key)  # atomic under the GIL; may race with an eviction
        except KeyError:
            pass
        return template
    template = Template(source, profile=profile)
    with _cache_lock:
        _cache[key] = template
        if len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return template


def render(
    template: str | Template,
    event: Mapping[str, Any] | None = None,
    *,
    response_body: str | None = None,
    previous: RenderResult | None = None,
    profile: str = APIGATEWAY,
) -> RenderResult:
    """Render an API Gateway mapping template for ``event``; returns a ``RenderResult``.

    ``template`` is source text (compiled once and cached) or a compiled :class:`Template`.
    """
    if isinstance(template, str):
        template = cached(template, profile)
    elif not isinstance(template, Template):
        raise TypeError(f"template must be str or vtl.Template, not {type(template).__name__}")
    return template.render_request(event, response_body=response_body, previous=previous)
