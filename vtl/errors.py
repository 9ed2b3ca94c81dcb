"""The exception hierarchy: every failure of apigw-vtl is a :class:`VtlError`.

Each error may carry the template source and a 1-based ``line``/``column``; ``str()`` then
shows the message, the position and an excerpt of the offending line with a caret.
"""

from __future__ import annotations

#: Longest source line shown whole under a message; longer ones (minified JSON, a 300 KB
#: template on one line) are cut to this many characters around the column.
EXCERPT_WIDTH = 160


def line_excerpt(line: str, column: int, width: int = EXCERPT_WIDTH) -> tuple[str, str]:
    """The part of ``line`` to show and the caret line under 1-based ``column``.

    A line longer than ``width`` is cut around the column, with ``...`` where text was left
    out; tabs are kept in the caret line so that it lines up under the same character.
    """
    index = max(0, column - 1)
    if len(line) > width:
        start = max(0, min(index - width // 2, len(line) - width))
        shown = ("..." if start else "") + line[start:start + width] + ("..." if start + width < len(line) else "")
        index = index - start + (3 if start else 0)
    else:
        shown = line
    caret = "".join("\t" if ch == "\t" else " " for ch in shown[:index]) + "^"
    return shown, caret


class VtlError(Exception):
    """Base class of every error raised by apigw-vtl."""

    def __init__(
        self,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        source: str | None = None,
        name: str = "<template>",
        java_class: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.source = source
        self.name = name
        #: The Java exception class Velocity would have thrown (for conformance checks).
        self.java_class = java_class

    def with_position(self, line: int, column: int, source: str | None, name: str | None = None) -> VtlError:
        """Attach a position unless the error already has one; returns ``self``."""
        if self.line is None:
            self.line, self.column = line, column
        if self.source is None:
            self.source = source
        if name is not None and self.name == "<template>":
            self.name = name
        return self

    def excerpt(self) -> str:
        """The offending source line with a caret under the column (empty if unknown).

        Lines are counted at ``\n`` as positions are; a position just past a final newline
        shows that empty line, and a long line is cut around the column.
        """
        if self.source is None or self.line is None:
            return ""
        lines = self.source.split("\n")
        if not 1 <= self.line <= len(lines):
            return ""
        shown, caret = line_excerpt(lines[self.line - 1].rstrip("\r"), self.column or 1)
        gutter = str(self.line)
        pad = " " * len(gutter)
        return f"{pad} |\n{gutter} | {shown}\n{pad} | {caret}"

    def __str__(self) -> str:
        where = ""
        if self.line is not None:
            where = f"\n  --> {self.name}:{self.line}:{self.column}"
        ex = self.excerpt()
        return f"{self.message}{where}" + (f"\n{ex}" if ex else "")

    def __reduce__(self):  # keep errors picklable across processes
        return (_rebuild, (type(self), self.message, self.__dict__))


def _rebuild(cls, message, state):
    err = cls.__new__(cls)
    Exception.__init__(err, message)
    err.__dict__.update(state)
    return err


class VtlSyntaxError(VtlError):
    """The template does not parse (Velocity's ``ParseErrorException``)."""

    #: For a template that ends inside a block: ``(directive, line, column)`` of the block
    #: left open (``("#if", 3, 1)``), as far as the parser can tell; otherwise ``None``.
    unclosed: tuple[str, int, int] | None = None


class VtlRuntimeError(VtlError):
    """Rendering failed (a Java method threw, an override was set twice, ...)."""


class VtlLimitError(VtlRuntimeError):
    """A configured budget (loop iterations, output size, deadline, ...) was exceeded."""


class VtlSecurityError(VtlRuntimeError):
    """The template tried to reach something outside the sandbox."""


class JavaException(Exception):
    """Raised inside the value model when a Java method would throw.

    The compiler turns it into a :class:`VtlRuntimeError` with the template position. It is
    internal: it never escapes ``render``.
    """

    def __init__(self, java_class: str, message: str = "") -> None:
        super().__init__(f"{java_class}: {message}" if message else java_class)
        self.java_class = java_class
        self.message = message
