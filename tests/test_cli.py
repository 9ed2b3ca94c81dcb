"""The command line through ``main(argv)``: ``vtl render`` and ``vtl lint``."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from test_lint_support import FIXTURES, engine_renders_events

from vtl.cli import main
from vtl.lint.rules import RULES

ENGINE = engine_renders_events()
needs_engine = pytest.mark.skipif(not ENGINE, reason="vtl.render/vtl.event for API Gateway not available")


@pytest.fixture
def tpl(tmp_path):
    def write(text: str, name: str = "t.vm"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


# -- vtl render -----------------------------------------------------------------------------


def test_render_velocity_profile_uses_event_keys_as_variables(tpl, capsys) -> None:
    event = tpl(json.dumps({"name": "Ada", "items": [1, 2]}), "vars.json")
    assert main(["render", tpl("Hi $name #foreach($i in $items)$i#end$missing"), "--profile", "velocity", "--event", event]) == 0
    assert capsys.readouterr().out == "Hi Ada 12$missing"  # exactly, no newline added


def test_render_velocity_json_output(tpl, capsys) -> None:
    assert main(["render", tpl("#set($a = 7 / 2)$a"), "--profile", "velocity", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"body": "3", "status": None, "headers": {}, "request_overrides": {}}


def test_render_syntax_error_exits_1_with_a_caret(tpl, capsys) -> None:
    path = tpl('{\n  "a": $input.params("x"\n}')
    assert main(["render", path]) == 1
    err = capsys.readouterr().err
    assert f"{path}:3:2" in err  # the end of the template: the call is never closed
    assert err.rstrip().endswith("^")


def test_render_runtime_error_exits_1(tpl, capsys) -> None:
    path = tpl('#parse("other.vm")')
    assert main(["render", path, "--profile", "velocity"]) == 1
    err = capsys.readouterr().err
    assert "other.vm" in err and f"{path}:1:1" in err


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["render"],
        ["render", "/no/such/template.vm"],
        ["render", "{t}", "--header", "no-colon"],
        ["render", "{t}", "--query", "novalue"],
        ["render", "{t}", "--profile", "jinja"],
        ["render", "{t}", "--profile", "velocity", "--body", "x"],
        ["render", "{t}", "--profile", "velocity", "--event", "{bad}"],
        ["render", "{t}", "--event", "/no/such/event.json"],
        ["render", "-", "--event", "-"],
        ["frobnicate"],
    ],
)
def test_render_usage_errors_exit_2(argv, tpl, capsys) -> None:
    t = tpl("x")
    bad = tpl("{not json", "bad.json")
    argv = [a.replace("{t}", t).replace("{bad}", bad) for a in argv]
    assert main(argv) == 2
    assert capsys.readouterr().err


def test_render_debug_shows_the_exception(tpl) -> None:
    from vtl.errors import VtlSyntaxError

    with pytest.raises(VtlSyntaxError):
        main(["render", tpl("#if($a)"), "--profile", "velocity", "--debug"])


def test_render_template_from_stdin(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("#set($x = 'a')$x$x"))
    assert main(["render", "-", "--profile", "velocity"]) == 0
    assert capsys.readouterr().out == "aa"


@needs_engine
def test_render_request_template(tpl, capsys) -> None:
    path = tpl('{"q": "$input.params(\'q\')", "h": "$input.params(\'X-Id\')", "n": $input.path(\'$.n\')}\n')
    assert main(["render", path, "--body", '{"n": 5}', "--query", "q=a b", "--header", "X-Id: 7"]) == 0
    assert capsys.readouterr().out == '{"q": "a b", "h": "7", "n": 5}\n'


@needs_engine
def test_render_json_reports_overrides(tpl, capsys) -> None:
    path = tpl("#set($context.responseOverride.status = 418)#set($context.requestOverride.header.X = 'y')ok")
    assert main(["render", path, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["body"] == "ok"
    assert result["status"] == 418
    assert set(result) == {"body", "status", "headers", "request_overrides"}


@needs_engine
def test_render_response_template_and_files(tpl, capsys) -> None:
    body = tpl('{"id": 42}', "resp.json")
    assert main(["render", tpl("id=$input.path('$.id')"), "--response-body", f"@{body}"]) == 0
    assert capsys.readouterr().out == "id=42"


@needs_engine
def test_render_event_file_with_flags_on_top(tpl, capsys) -> None:
    import vtl

    event = vtl.event(body="{}", query={"a": "1", "b": "2"}, stage_variables={"env": "dev"})
    path = tpl(json.dumps(event), "event.json")
    assert main(["render", tpl("$input.params('a')$input.params('b')$stageVariables.env"), "--event", path, "--query", "b=9"]) == 0
    assert capsys.readouterr().out == "19dev"


def test_python_dash_m(tpl) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "vtl", "render", tpl("$a$a"), "--profile", "velocity", "--event", tpl('{"a": "x"}', "e.json")],
        capture_output=True, text=True, timeout=60,
    )
    assert (done.returncode, done.stdout) == (0, "xx")


# -- vtl lint -------------------------------------------------------------------------------


def test_lint_clean_file(tpl, capsys) -> None:
    assert main(["lint", tpl('{"id": "$context.requestId"}')]) == 0
    assert capsys.readouterr().out == ""


def test_lint_text_output(tpl, capsys) -> None:
    path = tpl('{\n  "a": "$input.json(\'$.a\')"\n}')
    assert main(["lint", path]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{path}:2:9: VTL301 $input.json('$.a') prints JSON; inside a JSON string it is encoded twice",
        "      \"a\": \"$input.json('$.a')\"",
        "            ^",
    ]


def test_lint_formats_and_selection(capsys) -> None:
    fixture = str(FIXTURES / "sam-orders.yaml")
    assert main(["lint", fixture, "--format", "json", "--select", "VTL3,VTL1", "--ignore", "VTL101"]) == 1
    items = json.loads(capsys.readouterr().out)
    assert [(i["line"], i["code"]) for i in items] == [(83, "VTL303"), (99, "VTL303")]
    assert main(["lint", fixture, "--format", "github", "--select", "VTL402"]) == 1
    assert capsys.readouterr().out.startswith("::error file=")
    assert main(["lint", fixture, "--format", "sarif", "--select", "VTL9"]) == 0
    assert json.loads(capsys.readouterr().out)["runs"][0]["results"] == []


def test_lint_unknown_code_is_a_usage_error(tpl, capsys) -> None:
    assert main(["lint", tpl("x"), "--select", "VTL999"]) == 2
    assert "VTL999" in capsys.readouterr().err


def test_lint_explain_and_list(capsys) -> None:
    assert main(["lint", "--explain", "vtl304"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("VTL304 (escaped-single-quote, warning)")
    assert '.replaceAll("\\\\\'","\'")' in out
    assert main(["lint", "--explain", "VTL000"]) == 2
    capsys.readouterr()
    assert main(["lint", "--list-rules"]) == 0
    listed = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert listed == list(RULES)


def test_lint_reads_pyproject(tmp_path, monkeypatch, capsys) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.vtl.lint]\nignore = ["VTL301"]\nformat = "json"\n')
    sub = tmp_path / "api"
    sub.mkdir()
    (sub / "t.vm").write_text('{"a": "$input.json(\'$\')", "b": "$input.params(\'b\')"}')
    monkeypatch.chdir(sub)  # the nearest pyproject.toml is in the parent
    assert main(["lint", "t.vm"]) == 1
    assert [i["code"] for i in json.loads(capsys.readouterr().out)] == ["VTL303"]
    assert main(["lint", "t.vm", "--ignore", "VTL303", "--format", "text"]) == 1  # the command line wins
    assert "VTL301" in capsys.readouterr().out
    assert main(["lint", "t.vm", "--no-config"]) == 1
    assert "VTL301" in capsys.readouterr().out


def test_lint_bad_pyproject_is_a_usage_error(tmp_path, monkeypatch, capsys) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.vtl.lint]\nselct = ['VTL1']\n")
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "."]) == 2
    assert "selct" in capsys.readouterr().err


def test_lint_keeps_going_after_io_errors(tmp_path, capsys) -> None:
    good = tmp_path / "good.vm"
    good.write_text('{"a": "$input.json(\'$\')"}')
    binary = tmp_path / "binary.vm"
    binary.write_bytes(b"\xff\xfe\x00bad")
    assert main(["lint", str(tmp_path / "missing.vm"), str(binary), str(good)]) == 2
    captured = capsys.readouterr()
    assert "missing.vm: no such file" in captured.err
    assert f"{binary}:1:1: VTL901" in captured.out
    assert f"{good}:1:8: VTL301" in captured.out


def test_lint_reports_documents_that_do_not_parse(tmp_path, capsys) -> None:
    broken = tmp_path / "openapi.yaml"
    broken.write_text("paths:\n  /a:\n    x-amazon-apigateway-integration: [oops\n")
    unrelated = tmp_path / "values.yaml"
    unrelated.write_text("{{ .Values.helm }}: [\n")  # no template markers: never parsed
    broken_json = tmp_path / "stack.json"
    broken_json.write_text('{"Resources": {"requestTemplates": }}')
    assert main(["lint", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"{broken}:3:38: VTL902 cannot parse: the '[' opened here is never closed" in out
    assert f"{broken_json}:1:36: VTL902" in out
    assert "values.yaml" not in out


def test_lint_directory_walk_skips_dependencies_and_assets(tmp_path, capsys) -> None:
    bad = '{"a": "$input.json(\'$\')"}'
    for rel in ("api/t.vm", "node_modules/x/t.vm", ".aws-sam/build/t.vm", "cdk.out/asset.1/t.vm", "notes.txt"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(bad)
    stack = {"Resources": {"M": {"Type": "AWS::ApiGateway::Method", "Properties": {
        "Integration": {"RequestTemplates": {"application/json": bad}}}}}}
    (tmp_path / "cdk.out" / "Stack.template.json").write_text(json.dumps(stack))
    (tmp_path / "cdk.out" / "tree.json").write_text(json.dumps(stack))
    assert main(["lint", str(tmp_path), "--format", "json"]) == 1
    paths = sorted({i["path"] for i in json.loads(capsys.readouterr().out)})
    assert paths == [str(tmp_path / "api" / "t.vm"), str(tmp_path / "cdk.out" / "Stack.template.json")]


def test_lint_stdin(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("openapi: 3.0.0\nx-amazon-apigateway-gateway-responses:\n  A:\n    responseTemplates:\n      application/json: '$context.stag'\n"))
    assert main(["lint", "-", "--stdin-filename", "api.yaml"]) == 1
    assert capsys.readouterr().out.startswith("api.yaml:5:35: VTL203")


def test_render_writes_utf8_bytes_exactly(tpl) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "vtl", "render", tpl("$a\r\n"), "--profile", "velocity", "--event", tpl('{"a": "é"}', "e.json")],
        capture_output=True, timeout=60, env={"PYTHONIOENCODING": "ascii", "PATH": ""},
    )
    assert (done.returncode, done.stdout) == (0, "é\r\n".encode())
