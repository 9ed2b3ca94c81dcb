"""Translate ``java.util.regex`` syntax into ``regex`` (VERSION1) syntax."""

from __future__ import annotations

__all__ = ["translate"]


def translate(pattern: str) -> str:
    """The ``regex``-module equivalent of a Java pattern (placeholder: passes it through)."""
    return pattern
