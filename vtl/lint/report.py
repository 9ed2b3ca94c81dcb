"""Print diagnostics: ``text`` (flake8 style with the source line), ``json``, ``github``, ``sarif``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from ..errors import line_excerpt as excerpt
from .diagnostic import Diagnostic
from .rules import RULES

FORMATS = ("text", "json", "github", "sarif")


def format_diagnostics(diagnostics: list[Diagnostic], fmt: str) -> str:
    """Render ``diagnostics`` in format ``fmt`` (one of :data:`FORMATS`)."""
    return _FORMATTERS[fmt](diagnostics)


def _text(diagnostics: list[Diagnostic]) -> str:
    out = []
    for d in diagnostics:
        out.append(f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}\n")
        if d.physical_line:
            shown, caret = excerpt(d.physical_line, d.column)
            out.append(f"    {shown}\n    {caret}\n")
    return "".join(out)


def _json(diagnostics: list[Diagnostic]) -> str:
    items = [
        {
            "path": d.path, "line": d.line, "column": d.column, "code": d.code,
            "rule": RULES[d.code].name, "severity": d.severity, "message": d.message,
            "template": d.where,
        }
        for d in diagnostics
    ]
    return json.dumps(items, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _github(diagnostics: list[Diagnostic]) -> str:
    out = []
    for d in diagnostics:
        props = f"file={_escape_property(d.path)},line={d.line},col={d.column},title={_escape_property(d.code)}"
        out.append(f"::{d.severity} {props}::{_escape_data(f'{d.code} {d.message}')}\n")
    return "".join(out)


def _sarif(diagnostics: list[Diagnostic]) -> str:
    codes = sorted(RULES)
    rules = [
        {
            "id": code,
            "name": RULES[code].name,
            "shortDescription": {"text": RULES[code].summary},
            "fullDescription": {"text": RULES[code].explanation.strip()},
            "defaultConfiguration": {"level": RULES[code].severity},
        }
        for code in codes
    ]
    results = [
        {
            "ruleId": d.code,
            "ruleIndex": codes.index(d.code),
            "level": d.severity,
            "message": {"text": d.message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": Path(d.path).as_posix()},
                    "region": {"startLine": d.line, "startColumn": d.column},
                },
            }],
        }
        for d in diagnostics
    ]
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "vtl-lint", "version": _version(), "rules": rules}},
            "results": results,
        }],
    }
    return json.dumps(log, indent=2) + "\n"


def _version() -> str:
    from .. import __version__

    return __version__


_FORMATTERS: dict[str, Callable[[list[Diagnostic]], str]] = {
    "text": _text, "json": _json, "github": _github, "sarif": _sarif,
}
