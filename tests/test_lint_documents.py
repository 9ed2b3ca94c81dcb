"""VTL902: a JSON/YAML document that does not parse is reported in plain words, where to fix it."""

from __future__ import annotations

import pytest

from vtl.lint import lint_text

pytest.importorskip("yaml")


def _only(path: str, text: str) -> tuple[int, int, str]:
    (d,) = lint_text(path, text)
    assert d.code == "VTL902"
    return d.line, d.column, d.message.removeprefix("cannot parse: ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unclosed construct is reported where it opens, not past the end of the file
        ('requestTemplates:\n  a: "unterminated\n', (2, 6, "the quoted string opened here is never closed: the file ends first")),
        ("x-amazon-apigateway-integration:\n  requestTemplates: {a: 1\n",
         (2, 21, "the '{' opened here is never closed: the file ends first")),
        ("requestTemplates:\n  a: [\n", (2, 7, "a value is missing: the file ends first")),
        ("requestTemplates:\n\ta: x\n", (2, 1, "a tab cannot indent YAML: indent with spaces")),
        ("requestTemplates:\n  a: b\n c: d\n", (3, 2, "bad indentation: this line does not line up with the lines above it")),
        ("requestTemplates:\n  a: b: c\n", (2, 7, "': ' inside a plain value: quote the value (mapping values are not allowed here)")),
        ("requestTemplates:\n  a: [1, 2\n  b: 3\n", (3, 4, "expected ',' or ']', but got ':' (in the '[' opened at 2:6)")),
    ],
)
def test_yaml_errors(text, expected) -> None:
    assert _only("api.yaml", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"requestTemplates": {"a": "x",}}', (1, 32, "a comma before '}': JSON allows no trailing comma")),
        ('{"requestTemplates": ["a",]}', (1, 27, "a comma before ']': JSON allows no trailing comma")),
        ("{'requestTemplates': 1}", (1, 2, "a property name in single quotes: JSON needs double quotes")),
        ('{"requestTemplates": {"a": "x"}\n', (1, 1, "the '{' opened here is never closed: the file ends first")),
        ('{"requestTemplates": ["a", ', (1, 22, "the '[' opened here is never closed: the file ends first")),
        ('{"requestTemplates": {"a": "x', (1, 28, "the string opened here is never closed")),
        ('{"requestTemplates": {"a": "x\n"}}', (1, 30, "a line break or other control character inside a JSON string: write it as \\n, \\t ...")),
        ('{"requestTemplates": {"a": "\\\'"}}', (1, 29, 'an invalid escape in a JSON string: only \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX exist')),
        ('{"requestTemplates": {"a": "x"}} trailing', (1, 34, "extra data after the JSON value")),
    ],
)
def test_json_errors(text, expected) -> None:
    assert _only("api.json", text) == expected
