"""The templates in ``examples/`` render to the outputs recorded with the Velocity 1.7 oracle."""

from __future__ import annotations

import json
from pathlib import Path

import vtl

EXAMPLES = Path(__file__).parent.parent / "examples"


def _text(name: str) -> str:
    return (EXAMPLES / name).read_text(encoding="utf-8")


def test_passthrough():
    event = json.loads(_text("event.json"))
    result = vtl.render(_text("passthrough.vm"), event)
    assert result.body == _text("passthrough.out")
    assert json.loads(result.body)["params"]["path"] == {"petId": "42"}


def test_petstore_response_template():
    result = vtl.render(_text("petstore.vm"), vtl.event(method="GET", path="/pets"),
                        response_body=_text("petstore-response.json"))
    assert result.body == _text("petstore.out")
