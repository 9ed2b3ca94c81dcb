"""apigw-vtl: render Amazon API Gateway mapping templates exactly as AWS does.

>>> import vtl
>>> vtl.compile("#set($n = 7 / 2)$n", profile="velocity").render()
'3'
"""

from __future__ import annotations

from .errors import VtlError as VtlError
from .errors import VtlLimitError as VtlLimitError
from .errors import VtlRuntimeError as VtlRuntimeError
from .errors import VtlSecurityError as VtlSecurityError
from .errors import VtlSyntaxError as VtlSyntaxError
from .limits import Limits as Limits
from .template import Template as Template
from .template import compile as compile  # noqa: A004
from .template import render as render


def event(**kwargs):  # noqa: ANN003 - forwards to the builder
    """Build an API Gateway REST proxy event for tests; see :func:`vtl.apigateway.event`."""
    from .apigateway import event as build_event

    return build_event(**kwargs)


__all__ = [
    "Limits",
    "Template",
    "VtlError",
    "VtlLimitError",
    "VtlRuntimeError",
    "VtlSecurityError",
    "VtlSyntaxError",
    "compile",
    "event",
    "render",
]
__version__ = "0.1.0"
