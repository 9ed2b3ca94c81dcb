"""The result of linting: one :class:`Diagnostic` per problem, flake8-style."""

from __future__ import annotations

from typing import NamedTuple


class Finding(NamedTuple):
    """A problem found in a template, at an offset into the template's own text."""

    code: str
    offset: int
    message: str
    #: Another template offset the message refers to as ``{related}`` (its file line).
    related: int = -1


class Diagnostic(NamedTuple):
    """A problem at a 1-based line and column of the file the user edits.

    ``physical_line`` is that line's text (for the caret display); ``where`` names the
    template inside a document (``paths//pets/get/...``), empty for template files.
    """

    path: str
    line: int
    column: int
    code: str
    message: str
    severity: str = "warning"
    physical_line: str = ""
    where: str = ""

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)
