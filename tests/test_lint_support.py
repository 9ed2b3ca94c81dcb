"""Shared helpers for the linter and CLI tests (no tests of its own)."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "lint"


def engine_renders_events() -> bool:
    """Can ``vtl.render`` run an API Gateway template for a ``vtl.event``?"""
    try:
        import vtl

        result = vtl.render('{"a": "$input.params(\'q\')"}', vtl.event(query={"q": "x"}))
    except Exception:  # the API Gateway layer is not there (yet)
        return False
    return getattr(result, "body", None) == '{"a": "x"}'
