"""airspeed-ext in the same process, with simplified ``$input``/``$util`` objects in the
manner of LocalStack's API Gateway emulation. Optional: :func:`available` says whether the
package is importable, and nothing here imports it before that is asked.

The shim aims at comparable *work*, not at AWS's output: JSONPath is reduced to ``$`` and
dotted names, and ``escapeJavaScript`` is ``json.dumps`` without the quotes, as LocalStack
writes it.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from typing import Any


def available() -> bool:
    """True when ``import airspeed`` would work."""
    return importlib.util.find_spec("airspeed") is not None


def version() -> str | None:
    """The installed airspeed-ext version, if any."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version("airspeed-ext")
    except PackageNotFoundError:
        return None


class _Input:
    def __init__(self, body: str | None, params: dict[str, dict[str, str]]) -> None:
        self.body = body or "{}"
        self._params = params

    def path(self, path: str) -> Any:
        value = json.loads(self.body)
        for name in path.lstrip("$").split("."):
            if name:
                value = value.get(name) if isinstance(value, dict) else None
        return value

    def json(self, path: str) -> str:
        return json.dumps(self.path(path))

    def params(self, name: str | None = None) -> Any:
        if name is None:
            return self._params
        for group in self._params.values():
            if name in group:
                return group[name]
        return ""


class _Util:
    def escapeJavaScript(self, text: Any) -> str:  # noqa: N802 - the VTL method name
        return json.dumps(str(text))[1:-1]

    def parseJson(self, text: str) -> Any:  # noqa: N802 - the VTL method name
        return json.loads(text)


def namespace(event: dict[str, Any], body: str | None = None) -> dict[str, Any]:
    """The variables a template sees for ``event`` (``body`` replaces its body)."""
    params = {
        "path": dict(event.get("pathParameters") or {}),
        "querystring": dict(event.get("queryStringParameters") or {}),
        "header": dict(event.get("headers") or {}),
    }
    return {
        "input": _Input(event.get("body") if body is None else body, params),
        "util": _Util(),
        "context": event.get("requestContext") or {},
        "stageVariables": event.get("stageVariables") or {},
    }


def renderer(source: str) -> Callable[[dict[str, Any]], str]:
    """Parse ``source`` once; the result renders a namespace."""
    import airspeed

    template = airspeed.Template(source)
    template.ensure_compiled()
    return template.merge


def compiler(source: str) -> Callable[[], object]:
    """A function that parses ``source`` afresh on every call."""
    import airspeed

    def parse() -> object:
        template = airspeed.Template(source)
        template.ensure_compiled()
        return template

    return parse
