"""Gateway-response templates: not VTL, only ``$context``/``$stageVariables`` substitution.

They are checked on their text with regular expressions, never parsed: what Velocity would
call a syntax error is just text there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import ast
from .checks import context_names
from .diagnostic import Finding
from .members import GATEWAY_CONTEXT

_CONTEXT_REF = re.compile(r"\$!?\{?context((?:\.[A-Za-z_][\w]*)+)")
_VTL_ONLY = re.compile(
    r"#\{?(?:set|if|elseif|else|end|foreach|macro|define|evaluate|include|parse|stop|break|literal)\b"
    r"|\$!?\{?(?:input|util)\b"
)


def check(text: str) -> Iterator[Finding]:
    """VTL104 and VTL203 for one gateway-response template."""
    for m in _VTL_ONLY.finditer(text):
        yield Finding("VTL104", m.start(), f"{m.group()} is not evaluated in a gateway response: it is sent as is")
    for m in _CONTEXT_REF.finditer(text):
        suffixes: list[ast.Suffix] = []
        pos = m.start(1)
        for name in m.group(1)[1:].split("."):
            suffixes.append(ast.Property(1, 1, pos, pos + 1 + len(name), name))
            pos += 1 + len(name)
        yield from context_names(suffixes, GATEWAY_CONTEXT)
