"""Variables for one mapping-template render, and what the render produced.

:func:`prepare` turns a proxy event into the template variables (``$input``, ``$util``,
``$context``, ``$stageVariables``) and a ``finish`` callback that wraps the rendered text in a
:class:`RenderResult`, reading the overrides the template set. For a response template, pass
the integration's ``response_body`` and the request template's result as ``previous``:
``$context`` (overrides included) carries on from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..errors import VtlRuntimeError
from ..runtime import to_string
from .context import build_context, carry_context
from .events import event as build_event
from .input import Input
from .request import Request, read_event
from .util import UTIL

__all__ = ["RenderResult", "prepare"]


@dataclass
class RenderResult:
    """The outcome of rendering one mapping template."""

    #: The rendered text, exactly as produced (never trimmed).
    body: str
    #: ``$context.responseOverride.status``, or ``None`` when the template did not set it.
    status: int | None = None
    #: ``$context.responseOverride.header``; a list value becomes ``"a,b"`` (a multi-value header).
    headers: dict[str, str] = field(default_factory=dict)
    #: ``$context.requestOverride``: ``{"header": {...}, "querystring": {...}, "path": {...}}``;
    #: values are strings, or lists of strings where the template assigned a list
    #: (a multi-value header or query parameter).
    request_overrides: dict[str, dict[str, str | list[str]]] = field(default_factory=dict)
    #: ``$context`` as the template left it; a response template continues from it.
    context: dict[str, Any] = field(default_factory=dict, repr=False)
    #: The method request, so that a response template can read its parameters.
    request: Request | None = field(default=None, repr=False)


def _param_text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ",".join(to_string(item) for item in value)
    return to_string(value)


def _param_map(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not value:
        return {}
    return {to_string(k): _param_text(v) for k, v in value.items() if v is not None}


def _param_values(value: Any) -> dict[str, str | list[str]]:
    if not isinstance(value, dict) or not value:
        return {}
    return {
        to_string(k): [to_string(item) for item in v] if isinstance(v, (list, tuple)) else to_string(v)
        for k, v in value.items()
        if v is not None
    }


def _status(value: Any) -> int | None:
    if value is None:
        return None
    number: Any = None
    if isinstance(value, int) and type(value) is not bool:  # (a Long or Short too)
        number = int(value)
    elif isinstance(value, (float, Decimal)) and value == int(value):
        number = int(value)
    elif isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    if number is None or not 100 <= number <= 599:
        raise VtlRuntimeError(
            f"$context.responseOverride.status must be an HTTP status code, not {to_string(value)!r}"
        )
    return number


def _result(body: str, context: dict[str, Any], request: Request) -> RenderResult:
    status = None
    headers: dict[str, str] = {}
    header = querystring = path = None  # the request override maps (falsy: nothing set)
    if context:  # (a template that never names $context has none)
        response = context.get("responseOverride")
        if isinstance(response, dict) and response:
            status = response.get("status")
            if status is not None:
                status = _status(status)
            response_header = response.get("header")
            if response_header:
                headers = _param_map(response_header)
        overrides = context.get("requestOverride")
        if isinstance(overrides, dict) and overrides:
            header = overrides.get("header")
            querystring = overrides.get("querystring")
            path = overrides.get("path")
    return RenderResult(
        body,
        status,
        headers,
        {"header": _param_values(header) if header else {},
         "querystring": _param_values(querystring) if querystring else {},
         "path": _param_values(path) if path else {}},
        context,
        request,
    )


_DEFAULT: list[Request] = []


def _default_request() -> Request:
    """The request of :func:`event` with no arguments (built once; never mutated)."""
    if not _DEFAULT:
        _DEFAULT.append(read_event(build_event()))
    return _DEFAULT[0]


def prepare(
    event: dict[str, Any] | None,
    *,
    response_body: str | None = None,
    previous: RenderResult | None = None,
    uses_context: bool = True,
    deadline: float | None = None,
) -> tuple[dict[str, Any], Callable[[str], RenderResult]]:
    """The variables for one render and the ``finish(text) -> RenderResult`` callback.

    ``event`` is a REST or WebSocket proxy event (``None``: the default :func:`event`). With
    ``response_body`` the template is a response template: ``$input`` reads that body while
    ``$input.params()`` still shows the method request. ``previous`` (a request template's
    result) supplies ``$context`` and, when ``event`` is ``None``, the request.
    ``uses_context=False`` (the template never names ``$context``) skips building it.
    ``deadline`` (seconds) bounds each JSONPath search of ``$input``.

    Raises:
        TypeError: the event (or ``previous``) has the wrong shape; a base64 body that does
            not decode raises a subclass that is also a ``ValueError``.
    """
    if previous is not None and not isinstance(previous, RenderResult):
        raise TypeError(f"previous must be a RenderResult, not {type(previous).__name__}")
    if response_body is not None and not isinstance(response_body, str):
        raise TypeError(f"response_body must be str, not {type(response_body).__name__}")
    if event is not None:
        request = read_event(event)
    elif previous is not None and previous.request is not None:
        request = previous.request
    else:
        request = _default_request()
    if previous is not None and previous.context:
        context = carry_context(previous.context)
    else:
        # Without $context in the template: nothing to build, and no override to report
        # (a response template chained to this result builds a fresh one).
        context = build_context(request) if uses_context else {}
    variables = {
        "input": Input(request.body if response_body is None else response_body, request, deadline),
        "util": UTIL,
        "context": context,
        "stageVariables": dict(request.stage_variables),
    }

    def finish(text: str) -> RenderResult:
        return _result(text, context, request)

    return variables, finish
