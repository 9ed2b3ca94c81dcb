"""Each fixture's planted problems are reported at their exact line and column, and nothing else.

The expected positions were counted by hand from the fixture text; each comment shows the
count (columns are 1-based characters).
"""

from __future__ import annotations

import pytest
from test_lint_support import FIXTURES, engine_renders_events

from vtl.lint import RULES, lint_file
from vtl.lint.discover import iter_files

ENGINE = engine_renders_events()

EXPECTED: dict[str, list[tuple[int, int, str]]] = {
    "openapi-petstore.yaml": [
        # literal block, content indented 16: '"name": {"S": "' is 15 chars -> 16 + 15 + 1
        (21, 32, "VTL303"),
        # '"owner": {"S": "' is 16 chars; $pet comes from $input.path('$')
        (22, 33, "VTL304"),
        # '"source": {"S": "' (17) puts $ at 34; '$context.identity.' is 18 -> sourceIP at 52
        (24, 52, "VTL203"),
        # double-quoted scalar from col 33: '{' 34, '\n' 35-36, 2 spaces, '\"id\": \"' -> $ at 49
        (31, 49, "VTL301"),
        # aws_proxy: the template starts right after the single quote at col 29
        (39, 30, "VTL003"),
        # '"limit": "' is 10 chars after the '{' at 30
        (39, 41, "VTL303"),
        # '{"TableName": "pets", "Key": {"id": {"S": "' is 43 chars from col 30
        (48, 73, "VTL304"),
        # escapeJavaScript(...) spans 73-117 in the file ('' counts twice); '"}}, "caller": ' follows
        (48, 133, "VTL302"),
        # folded block, indent 16: '{"id": "$item.id.S", "name": "' is 30 chars
        (55, 47, "VTL301"),
        # gateway response: directives are sent as is
        (64, 9, "VTL104"),
        # '{"message": "please log in", "stage": "' is 39 chars after 8 spaces, then '$context.'
        (65, 57, "VTL203"),
        (66, 9, "VTL104"),
    ],
    "sam-orders.yaml": [
        # second assignment of the same response header override, indent 20
        (48, 21, "VTL402"),
        # !Sub list form: the literal block is indented 26
        (55, 27, "VTL101"),
        # Fn::Sub block indented 16: '"Key": {"pk": {"S": "' is 21 chars
        (83, 38, "VTL303"),
        # indent 18, '"trace": "$context.' -> xrayTraceId at 38
        (94, 38, "VTL203"),
        # single-quoted scalar: quote at 33, '{"message": "order ' is 19 chars from 34
        (99, 53, "VTL303"),
        # gateway response: '{"error": "$context.error.' from col 28 -> mesage at 54
        (108, 54, "VTL203"),
    ],
    "cdk.out/PetsStack.template.json": [
        # Fn::Join part 3 (JSON string, quote at col 10): 75 file chars of escaped text before $
        (44, 86, "VTL303"),
        # '$input.params().header.get('X-Tag')' is 35 chars, then '\"}, \"raw\": {\"S\": \"$util.'
        (44, 151, "VTL201"),
        # missing #end: reported at the #if that is never closed (after '\n' at col 87)
        (74, 89, "VTL001"),
    ],
    "bookshop/serverless.yml": [
        # response.template is a plain scalar: 12 spaces + 'template: '
        (35, 23, "VTL302"),
        # '{"error": "$input.path(''$.errorMessage'')", "retry": "$util.' from col 38
        (42, 99, "VTL202"),
        # #set of a nullable item property inside #foreach, read again on the next line
        (59, 17, "VTL401"),
        # no 'integration: lambda': lambda-proxy ignores templates
        (73, 34, "VTL003"),
        (73, 46, "VTL303"),
    ],
    "get-order-response.vm": [
        (6, 1, "VTL103"),
        # line 9's VTL303 is silenced by '## vtl: noqa: VTL303'
        (14, 5, "VTL401"),
        (15, 35, "VTL304"),
        (18, 13, "VTL102"),
    ],
}

#: Found by rendering a sample request, so only when the API Gateway engine is available.
EXPECTED_WITH_ENGINE: dict[str, list[tuple[int, int, str]]] = {
    # the second iteration's '},' leaves a trailing comma: the ',' is at col 167 of the string
    "cdk.out/PetsStack.template.json": [(69, 167, "VTL305")],
    # no comma after the "placedBy" member: the parser stops at the '"' of "items"
    "get-order-response.vm": [(12, 3, "VTL305")],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_diagnostics(name: str) -> None:
    diagnostics, unreadable = lint_file(FIXTURES / name, RULES)
    expected = EXPECTED[name] + (EXPECTED_WITH_ENGINE.get(name, []) if ENGINE else [])
    assert not unreadable
    assert sorted((d.line, d.column, d.code) for d in diagnostics) == sorted(expected)


@pytest.mark.skipif(not ENGINE, reason="vtl.render/vtl.event for API Gateway not available")
def test_sample_rendering_finds_what_static_rules_cannot() -> None:
    diagnostics, _ = lint_file(FIXTURES / "get-order-response.vm", {"VTL305"})
    assert [(d.line, d.column) for d in diagnostics] == [(12, 3)]
    assert "Expecting ',' delimiter" in diagnostics[0].message


def test_physical_line_is_the_file_line() -> None:
    diagnostics, _ = lint_file(FIXTURES / "cdk.out" / "PetsStack.template.json", {"VTL201"})
    (d,) = diagnostics
    assert d.physical_line.startswith('         "\\", \\"Item\\"')
    assert d.physical_line[d.column - 1 :].startswith("base64encode")
    assert d.where.endswith("Integration/RequestTemplates/application/json")


def test_directory_walk_finds_every_fixture() -> None:
    found = {p.relative_to(FIXTURES).as_posix() for p in iter_files([str(FIXTURES)])}
    assert set(EXPECTED) <= found
