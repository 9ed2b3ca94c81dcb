"""The API Gateway layer: ``$input``, ``$util``, ``$context`` and ``$stageVariables`` for a
proxy event, and the :class:`RenderResult` of a mapping template.

>>> from vtl.apigateway import event, prepare
>>> variables, finish = prepare(event(body='{"a": 1}'))
>>> variables["input"].json("$.a")
'1'
"""

from __future__ import annotations

from .events import event
from .render import RenderResult, prepare

__all__ = ["RenderResult", "event", "prepare"]
