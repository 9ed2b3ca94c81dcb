"""Static checks for API Gateway mapping templates, wherever they live.

>>> from vtl.lint import lint_text
>>> [d.code for d in lint_text("t.vm", '{"a": "$input.json(\\'$.a\\')"}')]
['VTL301']
"""

from __future__ import annotations

from collections.abc import Iterable

from .checker import lint_file
from .checker import lint_text as _lint_text
from .diagnostic import Diagnostic
from .rules import RULES, Rule


def lint_text(path: str, text: str, codes: Iterable[str] | None = None) -> list[Diagnostic]:
    """Lint the text of one file (a template, or a JSON/YAML document by ``path``'s suffix).

    Arguments:
        path: the file name to report; its suffix decides how ``text`` is read.
        text: the file's contents.
        codes: the rule codes to run (all of them by default).

    Returns:
        The diagnostics, sorted by position.
    """
    return _lint_text(path, text, RULES if codes is None else codes)


__all__ = ["RULES", "Diagnostic", "Rule", "lint_file", "lint_text"]
