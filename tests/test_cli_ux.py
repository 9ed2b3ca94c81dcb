"""Rough edges a new user of ``vtl`` hits: version, usage lines, bad events, bad files, output."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from test_lint_support import engine_renders_events

from vtl.cli import main

ENGINE = engine_renders_events()
needs_engine = pytest.mark.skipif(not ENGINE, reason="vtl.render/vtl.event for API Gateway not available")


@pytest.fixture
def write(tmp_path):
    def write(name: str, content: str | bytes) -> str:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return str(path)

    return write


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# -- the command itself ---------------------------------------------------------------------


def test_version(capsys) -> None:
    from vtl import __version__

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"vtl (apigw-vtl) {__version__}"


def test_no_command_lists_the_commands(capsys) -> None:
    assert main([]) == 2
    err = capsys.readouterr().err
    assert "render a template" in err and "check templates" in err


@pytest.mark.parametrize("command", ["render", "lint"])
def test_help_shows_examples_and_exit_statuses(command, capsys) -> None:
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert f"examples:\n  vtl {command} " in out
    assert "exit status: 0 " in out and "docs/cli.md" in out


@pytest.mark.parametrize("command", ["render", "lint"])
def test_unknown_option_names_the_subcommand(command, write, capsys) -> None:
    assert main([command, write("t.vm", "x"), "--frob"]) == 2
    err = capsys.readouterr().err
    assert f"usage: vtl {command} " in err
    assert f"vtl {command}: error: unrecognized arguments: --frob" in err


@pytest.mark.parametrize("argv", [["--debug", "render"], ["render", "--debug"]])
def test_debug_before_or_after_the_command(argv, write) -> None:
    from vtl.errors import VtlSyntaxError

    with pytest.raises(VtlSyntaxError):
        main([*argv, write("t.vm", "#if($a)"), "--profile", "velocity"])


def test_broken_pipe_is_quiet(monkeypatch, capsys) -> None:
    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", Closed())
    assert main(["lint", "--list-rules"]) == 1
    assert capsys.readouterr().err == ""


# -- vtl render: the event ------------------------------------------------------------------


@needs_engine
@pytest.mark.parametrize(
    ("event", "says"),
    [
        ({"body": 5}, "event['body'] must be str or None, not int"),
        ({"body": {"name": "Ada"}}, 'not dict (a proxy event carries the body as text: "body": "{\\"name\\": \\"Ada\\"}", or use --body)'),
        ({"headers": "Accept"}, "event['headers']"),
        ({"version": "2.0", "rawPath": "/"}, "HTTP API (payload 2.0)"),
        ({"body": "not base64!", "isBase64Encoded": True}, "not valid base64"),
    ],
)
def test_malformed_event_is_a_usage_error(event, says, write, capsys) -> None:
    path = write("event.json", json.dumps(event))
    assert main(["render", write("t.vm", "$input.body"), "--event", path]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"vtl render: error: {path} is not a usable API Gateway REST proxy event")
    assert says in err and "internal error" not in err


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ('{"a":\n', ":2:1: not valid JSON: Expecting value"),
        ("[1, 2]", " must hold a JSON object (an API Gateway REST proxy event), not an array"),
    ],
)
def test_event_that_is_not_an_object(content, says, write, capsys) -> None:
    path = write("event.json", content)
    assert main(["render", write("t.vm", "x"), "--event", path]) == 2
    assert capsys.readouterr().err == f"vtl render: error: {path}{says}\n"


@needs_engine
def test_body_flag_replaces_a_base64_body(write, capsys) -> None:
    import vtl

    event = vtl.event(body=b'{"old": 1}')  # sent base64-encoded
    assert event["isBase64Encoded"] is True
    path = write("event.json", json.dumps(event))
    assert main(["render", write("t.vm", "$input.json('$')"), "--event", path, "--body", '{"new": 2}']) == 0
    assert capsys.readouterr().out == '{"new":2}'


@needs_engine
def test_header_flag_keeps_the_default_headers(write, capsys) -> None:
    template = write("t.vm", "$input.params('Host')|$context.identity.userAgent|$input.params('X-Id')")
    assert main(["render", template, "--header", "X-Id: 7"]) == 0
    host, agent, given = capsys.readouterr().out.split("|")
    assert host.endswith(".amazonaws.com") and agent and given == "7"


@needs_engine
def test_header_flag_replaces_a_header_whatever_its_case(write, capsys) -> None:
    import vtl

    event = vtl.event(headers={"Accept": "text/html"})
    path = write("event.json", json.dumps(event))
    assert main(["render", write("t.vm", "$input.params().header"), "--event", path, "--header", "accept: text/xml"]) == 0
    assert capsys.readouterr().out == "{accept=text/xml}"


def test_only_one_input_from_stdin(monkeypatch, write, capsys) -> None:
    _stdin(monkeypatch, b"x")
    assert main(["render", "-", "--body", "@-"]) == 2
    assert "the template and --body cannot both come from standard input" in capsys.readouterr().err


# -- vtl render: the template ---------------------------------------------------------------


def test_template_that_is_a_directory(tmp_path, capsys) -> None:
    assert main(["render", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"vtl render: error: cannot read template {tmp_path}: it is a directory\n"


def test_template_that_is_not_utf8_names_the_byte(write, capsys) -> None:
    path = write("t.vm", b"ok\nab\xe9")
    assert main(["render", path]) == 2
    assert "not UTF-8 text (byte 0xe9 at line 2, column 3)" in capsys.readouterr().err


def test_error_at_the_end_of_the_file_shows_the_line(write, capsys) -> None:
    path = write("t.vm", "#if($x)\nhello\n")  # the parser stops on the empty last line
    assert main(["render", path, "--profile", "velocity"]) == 1
    assert capsys.readouterr().err.splitlines()[1:] == [f"  --> {path}:3:1", "  |", "3 | ", "  | ^"]


def test_error_excerpt_of_a_long_line_is_cut(write, capsys) -> None:
    path = write("t.vm", "x" * 5000 + "#if()" + "y" * 5000)
    assert main(["render", path, "--profile", "velocity"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[1] == f"  --> {path}:1:5005"
    assert max(map(len, err)) < 200
    assert err[3][err[4].index("^"):].startswith(")yyy")  # the caret stays under the ')'


@needs_engine
def test_unpaired_surrogate_prints_as_a_question_mark(write) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "vtl", "render", write("t.vm", "$util.parseJson($input.body).a"),
         "--body", '{"a": "\\ud800x"}'],
        capture_output=True, timeout=60,
    )
    assert (done.returncode, done.stdout) == (0, b"?x")


# -- vtl lint --------------------------------------------------------------------------------


def test_missing_end_points_at_the_unclosed_directive(write, capsys) -> None:
    path = write("api.yaml", (
        "x-amazon-apigateway-integration:\n"
        "  requestTemplates:\n"
        "    application/json: |\n"
        "      {\"a\": 1\n"
        "      #foreach($x in [1])\n"
        "      }\n"
        "  responses: {}\n"
    ))
    assert main(["lint", path, "--select", "VTL001"]) == 1
    out = capsys.readouterr().out.splitlines()
    # not 7:1, the next YAML key, where the parser ran out of template
    assert out[0] == f"{path}:5:7: VTL001 #foreach is never closed: the template ends before its #end"
    assert out[1:] == ["          #foreach($x in [1])", "          ^"]


def test_other_end_of_template_errors_stay_on_the_last_line(write, capsys) -> None:
    path = write("t.vm", '{"a": $input.json(\n\n')
    assert main(["lint", path, "--select", "VTL001"]) == 1
    assert capsys.readouterr().out.startswith(f"{path}:1:19: VTL001 ")


def test_lint_excerpt_of_a_long_line_is_cut(write, capsys) -> None:
    path = write("t.vm", '{"pad": "' + "x" * 3000 + '", "a": "$input.params(\'a\')", "more": "' + "y" * 3000 + '"}')
    assert main(["lint", path]) == 1
    message, line, caret = capsys.readouterr().out.splitlines()
    assert message.startswith(f"{path}:1:3019: VTL303")
    assert len(line) < 200 and line.endswith("...")
    assert line[caret.index("^"):].startswith("$input.params('a')")


@pytest.mark.parametrize(
    ("content", "says", "at"),
    [
        (b"ok\nab\xe9cd\n", "not UTF-8 text (byte 0xe9 at line 2, column 3); save the file as UTF-8", "2:3"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a binary file, not text (byte 0x89 at line 1, column 1 is not UTF-8)", "1:1"),
    ],
)
def test_lint_undecodable_file_names_the_byte(content, says, at, write, capsys) -> None:
    path = write("t.vm", content)
    assert main(["lint", path]) == 2
    assert capsys.readouterr().out == f"{path}:{at}: VTL901 cannot read: {says}\n"


def test_lint_stdin_that_is_not_utf8(monkeypatch, capsys) -> None:
    _stdin(monkeypatch, b"$x \xff")
    assert main(["lint", "-"]) == 2
    assert capsys.readouterr().out.startswith("<stdin>:1:4: VTL901 cannot read: not UTF-8 text")


def test_lint_stdin_keeps_crlf_positions(monkeypatch, capsys) -> None:
    _stdin(monkeypatch, b'{\r\n  "a": "$input.params(\'a\')"\r\n}\r\n')
    assert main(["lint", "-", "--select", "VTL303"]) == 1
    assert capsys.readouterr().out.startswith("<stdin>:2:9: VTL303")


def test_lint_prints_any_text_in_an_ascii_console(write) -> None:
    path = write("t.vm", '{"café": "$input.params(\'a\')"}')
    done = subprocess.run(
        [sys.executable, "-m", "vtl", "lint", path], capture_output=True, timeout=60,
        env={"PYTHONIOENCODING": "ascii", "PATH": ""},
    )
    assert done.returncode == 1
    assert '{"café"'.encode() in done.stdout and b"internal error" not in done.stderr


def test_lint_decode_keeps_universal_newlines() -> None:
    from vtl.lint.checker import decode  # what Path.read_text did before: positions unchanged

    assert decode(b"a\r\nb\rc\n") == "a\nb\nc\n"


# -- vtl render: chaining a request and a response template ---------------------------------


@needs_engine
def test_request_template_then_response_template(write, capsys) -> None:
    request = write("request.vm", "#set($context.requestOverride.header.X-Trace = 't-1'){\"q\": \"$input.params('q')\"}")
    response = write("response.vm", (
        "#set($context.responseOverride.header.X-Trace = $context.requestOverride.header.X-Trace)"
        "{\"id\": $input.json('$.id')}"
    ))
    argv = ["render", response, "--response-body", '{"id": 7}', "--query", "q=1", "--json"]
    assert main([*argv, "--request-template", request]) == 0
    chained = json.loads(capsys.readouterr().out)
    assert chained["body"] == '{"id": 7}'
    assert chained["headers"] == {"X-Trace": "t-1"}  # the request template's override carried on
    assert main(argv) == 0
    assert json.loads(capsys.readouterr().out)["headers"] == {"X-Trace": ""}


@pytest.mark.parametrize("extra", [[], ["--response-body", "{}", "--profile", "velocity"]])
def test_request_template_usage_errors(extra, write, capsys) -> None:
    assert main(["render", write("t.vm", "x"), "--request-template", write("r.vm", "y"), *extra]) == 2
    assert "--request-template" in capsys.readouterr().err


def test_template_reused_through_a_yaml_alias_is_reported_once(write, capsys) -> None:
    path = write("api.yaml", (
        "paths:\n"
        "  /b:\n"
        "    get:\n"
        "      x-amazon-apigateway-integration: &integ\n"
        "        requestTemplates:\n"
        "          application/json: '{\"b\": \"$input.params(''b'')\"}'\n"
        "    post:\n"
        "      x-amazon-apigateway-integration: *integ\n"
    ))
    assert main(["lint", path, "--format", "json"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert [(d["line"], d["column"], d["code"]) for d in found] == [(6, 37, "VTL303")]
    assert found[0]["template"] == "paths//b/get/x-amazon-apigateway-integration/requestTemplates/application/json"


def test_backslash_quote_syntax_error_says_how_to_write_it(write, capsys) -> None:
    path = write("t.vm", '#set($a = "\\"q\\"")$a')
    assert main(["lint", path]) == 1
    assert capsys.readouterr().out.startswith(
        f"{path}:1:14: VTL001 unexpected word 'q' (Velocity strings have no backslash escapes: "
        'write "" for a quote inside "...", or use single quotes)\n')


def test_examples_readme_names_what_lint_reports(capsys) -> None:
    from pathlib import Path

    examples = Path(__file__).resolve().parent.parent / "examples"
    assert main(["lint", str(examples), "--format", "json"]) == 1
    found = {(Path(d["path"]).name, d["code"]) for d in json.loads(capsys.readouterr().out)}
    assert found == {("passthrough.vm", "VTL304"), ("passthrough.vm", "VTL303")}
    readme = (examples / "README.md").read_text(encoding="utf-8")
    assert "(VTL304)" in readme and "(VTL303)" in readme


@needs_engine
def test_error_without_a_position_names_the_template(write, capsys) -> None:
    bad = write("bad.vm", "#set($context.responseOverride.status = 2.5)ok")
    assert main(["render", bad]) == 1
    assert capsys.readouterr().err == f"{bad}: $context.responseOverride.status must be an HTTP status code, not '2.5'\n"
    good = write("good.vm", "ok")
    assert main(["render", good, "--request-template", bad, "--response-body", "{}"]) == 1
    assert capsys.readouterr().err.startswith(f"{bad}: ")


def test_byte_order_mark_is_not_part_of_the_file(write, capsys) -> None:
    bom = "\ufeff"
    template = write("t.vm", bom + '{"a": "$input.params(\'a\')"}')
    assert main(["lint", template]) == 1  # the JSON rules still see the leading '{'
    assert capsys.readouterr().out.startswith(f"{template}:1:8: VTL303")
    document = write("api.json", bom + '{"x-amazon-apigateway-integration": {"requestTemplates": {"a": "$input.json(\'$\')x"}}}')
    assert main(["lint", document, "--select", "VTL001,VTL9"]) == 0
    broken = write("b.vm", (bom + "ok\nab").encode() + b"\xe9")
    assert main(["lint", broken]) == 2
    assert "(byte 0xe9 at line 2, column 3)" in capsys.readouterr().out
    assert main(["render", template, "--profile", "velocity"]) == 0
    assert capsys.readouterr().out == '{"a": "$input.params(\'a\')"}'
    event = write("event.json", bom + '{"body": "hi"}')
    assert main(["render", write("r.vm", "$input.body"), "--event", event]) == 0
    assert capsys.readouterr().out == "hi"


def test_exclude_patterns_are_relative_to_the_pyproject(tmp_path, monkeypatch, capsys) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.vtl.lint]\nexclude = ["legacy/*"]\n')
    (tmp_path / "legacy").mkdir()
    bad = '{"a": "$input.params(\'a\')"}'
    (tmp_path / "legacy" / "old.vm").write_text(bad)
    (tmp_path / "new.vm").write_text(bad)
    monkeypatch.chdir(tmp_path / "legacy")  # run from below the pyproject.toml
    for argv in (["old.vm"], ["."], [str(tmp_path / "legacy" / "old.vm")]):
        assert main(["lint", *argv]) == 0, argv
    assert main(["lint", str(tmp_path)]) == 1
    assert "new.vm" in capsys.readouterr().out


def test_template_lost_to_a_yaml_comment(write, capsys) -> None:
    path = write("api.yaml", (
        "x-amazon-apigateway-integration:\n"
        "  requestTemplates:\n"
        "    application/json: #set($b = $input.path('$')) {\"a\": \"$b.a\"}\n"
        "    text/plain: # an ordinary YAML comment: not reported\n"
        "  responses:\n"
        "    default:\n"
        "      responseTemplates:\n"
        "        application/json: '#set($x = 1)$x'\n"
    ))
    assert main(["lint", path]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (f"{path}:3:23: VTL004 this template is a YAML comment ('#' after 'key: '), "
                      "so the value is empty: quote it or use a block (|)")
    assert len(out) == 3
    sls = write("serverless.yml", (
        "service: s\nfunctions:\n  f:\n    events:\n      - http:\n          integration: lambda\n"
        "          request:\n            template: #if($input.params('a'))yes#end\n"
    ))
    assert main(["lint", sls, "--format", "json"]) == 1
    (found,) = json.loads(capsys.readouterr().out)
    assert (found["line"], found["column"], found["code"]) == (8, 23, "VTL004")


def test_lint_of_a_directory_without_templates_warns(tmp_path, write, capsys) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["lint", "--no-config", str(tmp_path / "empty")]) == 0
    assert "no template files found" in capsys.readouterr().err
    write("t.vm", "$input.body\n")
    assert main(["lint", "--no-config", str(tmp_path)]) == 0
    assert capsys.readouterr().err == ""


# -- lint: standard input and empty selections ------------------------------------------------


def test_lint_stdin_without_a_name_is_a_template_named_stdin(monkeypatch, capsys) -> None:
    # OpenAPI-looking text is still one template: only --stdin-filename api.yaml makes it a document
    _stdin(monkeypatch, b"openapi: 3.0.0\n#if($x)\n")
    assert main(["lint", "-"]) == 1
    assert capsys.readouterr().out.startswith("<stdin>:2:1: VTL001 #if is never closed")
    assert main(["lint", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert "- reads standard input, as a .vm template named <stdin>" in help_text
    assert "vtl lint - < request.vm" in help_text


@pytest.mark.parametrize(("argv", "says"), [
    (["-", "-"], "- (standard input) can be given only once"),
    (["--stdin-filename", "api.yaml"], "no - is among the paths"),
    (["-", "--stdin-filename", " "], "--stdin-filename needs a name"),
    (["-", "--select", ""], "--select '' names no rule"),
    (["-", "--select", " , "], "--select ' , ' names no rule"),
    (["-", "--select", "VTL1", "--select", ""], "--select '' names no rule"),
    (["-", "--ignore", ""], "--ignore '' names no rule"),
])
def test_lint_usage_errors_about_stdin_and_codes(argv, says, monkeypatch, capsys) -> None:
    _stdin(monkeypatch, b"#if($x)\n")
    assert main(["lint", *argv]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("vtl lint: error: ") and says in captured.err


def test_lint_selection_with_a_trailing_comma_still_selects(monkeypatch, capsys) -> None:
    _stdin(monkeypatch, b"#if($x)\n")
    assert main(["lint", "-", "--select", "VTL1,"]) == 0  # VTL001 is not selected
    _stdin(monkeypatch, b"#if($x)\n")
    assert main(["lint", "-", "--select", "VTL0,"]) == 1


def test_lint_stdin_that_is_closed_is_a_usage_error(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    assert main(["lint", "-"]) == 2
    assert "cannot read <stdin>: standard input is closed" in capsys.readouterr().err
    assert main(["render", "-"]) == 2
    assert "cannot read template <stdin>" in capsys.readouterr().err


@pytest.mark.parametrize(("setting", "says"), [
    ("select = []", "select = [] selects no rule"),
    ('ignore = ["VTL3", " "]', "ignore holds an empty code"),
])
def test_lint_empty_selection_in_pyproject_is_a_usage_error(setting, says, tmp_path, monkeypatch, capsys) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.vtl.lint]\n{setting}\n")
    (tmp_path / "t.vm").write_text("#if($x)\n")
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "t.vm"]) == 2
    assert says in capsys.readouterr().err


@pytest.mark.parametrize(("name", "content", "says"), [
    ("deep.json", '{"requestTemplates": {"a": ' + "[" * 20000 + "]" * 20000 + "}}",
     "deep.json:1:20027: VTL902 cannot parse: the document nests too deeply to read"),
    ("deep.yaml", "requestTemplates:\n" + "".join("  " * i + "k:\n" for i in range(2000)),
     "deep.yaml:2001:3999: VTL902 cannot parse: the document nests too deeply to read"),
    ("deep.vm", "#if(true)" * 3000 + "#end" * 3000,
     "deep.vm:1:1: VTL001 the template nests directives or expressions too deeply to check"),
])
def test_lint_of_something_nested_too_deeply_is_a_diagnostic(name, content, says, write, capsys) -> None:
    # (a RecursionError, reported as an internal error, before)
    path = write(name, content)
    assert main(["lint", "--no-config", path]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith(path[: -len(name)] + says) and captured.err == ""


def test_lint_of_a_template_holding_half_a_surrogate_pair(write, capsys) -> None:
    # a JSON (or YAML) escape can hold a lone surrogate; its size was an internal error
    document = ('{"openapi": "3.0.0", "paths": {"/a": {"get": {"x-amazon-apigateway-integration": {"type": "aws", '
                '"requestTemplates": {"application/json": "{\\"a\\": \\"$input.json(\'$\')\\ud800\\"}"}}}}}}')
    path = write("api.json", document)
    assert main(["lint", "--no-config", path]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith(f"{path}:1:150: VTL301") and captured.err == ""
