"""Output formats: text with caret, JSON, GitHub annotations, SARIF 2.1.0."""

from __future__ import annotations

import json

from vtl.lint.diagnostic import Diagnostic
from vtl.lint.report import format_diagnostics
from vtl.lint.rules import RULES

D1 = Diagnostic("api/openapi.yaml", 12, 9, "VTL303", "request value, unescaped", "warning", '  "a": "$x",', "paths//a")
D2 = Diagnostic("t.vm", 3, 3, "VTL001", "unexpected ')', 100%", "error", "\t\t)")


def test_text_shows_the_line_and_a_caret() -> None:
    out = format_diagnostics([D1], "text")
    assert out == (
        "api/openapi.yaml:12:9: VTL303 request value, unescaped\n"
        '      "a": "$x",\n'
        "            ^\n"
    )


def test_text_caret_keeps_tabs() -> None:
    lines = format_diagnostics([D2], "text").splitlines()
    assert lines[2] == "    \t\t^"


def test_json() -> None:
    (item,) = json.loads(format_diagnostics([D1], "json"))
    assert item == {
        "path": "api/openapi.yaml", "line": 12, "column": 9, "code": "VTL303",
        "rule": "unescaped-request-value", "severity": "warning",
        "message": "request value, unescaped", "template": "paths//a",
    }


def test_github_annotations_escape_their_data() -> None:
    out = format_diagnostics([D1, D2._replace(path="a,b:c.vm", message="x\ny 100%")], "github")
    assert out.splitlines() == [
        "::warning file=api/openapi.yaml,line=12,col=9,title=VTL303::VTL303 request value, unescaped",
        "::error file=a%2Cb%3Ac.vm,line=3,col=3,title=VTL001::VTL001 x%0Ay 100%25",
    ]


def test_sarif() -> None:
    log = json.loads(format_diagnostics([D1, D2], "sarif"))
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(RULES)
    first = run["results"][0]
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"] == "VTL303"
    assert first["level"] == "warning"
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "api/openapi.yaml"},
        "region": {"startLine": 12, "startColumn": 9},
    }
    assert run["results"][1]["level"] == "error"


def test_nothing_to_report() -> None:
    assert format_diagnostics([], "text") == ""
    assert json.loads(format_diagnostics([], "json")) == []
    assert json.loads(format_diagnostics([], "sarif"))["runs"][0]["results"] == []


def test_docs_explain_every_rule() -> None:
    from pathlib import Path

    docs = (Path(__file__).parent.parent / "docs" / "cli.md").read_text(encoding="utf-8")
    missing = [code for code in RULES if f"**{code} —" not in docs]
    assert missing == []
