"""The ``vtl`` command: ``vtl render`` prints what a template renders, ``vtl lint`` checks templates.

Exit status: 0 success (no diagnostics), 1 a template error or diagnostics, 2 a usage or I/O
error. ``--debug`` shows Python tracebacks instead of one-line messages.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import VtlError


class UsageError(Exception):
    """Bad command-line input (exit status 2)."""


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else 2
    if args.command is None:
        parser.print_usage(sys.stderr)
        return 2
    try:
        return args.run(args)
    except UsageError as err:
        if args.debug:
            raise
        print(f"vtl {args.command}: error: {err}", file=sys.stderr)
        return 2
    except VtlError as err:
        if args.debug:
            raise
        print(str(err), file=sys.stderr)
        return 1
    except Exception as err:  # noqa: BLE001 - one line, not a traceback, without --debug
        if args.debug:
            raise
        print(f"vtl {args.command}: internal error: {type(err).__name__}: {err} (run with --debug for the traceback)", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", help="show Python tracebacks")
    parser = argparse.ArgumentParser(prog="vtl", description="Render and lint Amazon API Gateway mapping templates.", parents=[common])
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    render = commands.add_parser("render", parents=[common], help="render a template", description=(
        "Render TEMPLATE as API Gateway does and print the body exactly (no newline is added)."
    ))
    render.add_argument("template", metavar="TEMPLATE", help="template file, or - for standard input")
    render.add_argument("--event", metavar="FILE", help="API Gateway REST proxy event (JSON file, or -); with --profile velocity: a JSON object of variables")
    render.add_argument("--body", metavar="TEXT|@FILE", help="request body")
    render.add_argument("--header", metavar="NAME:VALUE", action="append", default=[], type=_pair(":"), help="request header (repeatable)")
    render.add_argument("--query", metavar="NAME=VALUE", action="append", default=[], type=_pair("="), help="query string parameter (repeatable)")
    render.add_argument("--path-param", metavar="NAME=VALUE", action="append", default=[], type=_pair("="), help="path parameter (repeatable)")
    render.add_argument("--stage-var", metavar="NAME=VALUE", action="append", default=[], type=_pair("="), help="stage variable (repeatable)")
    render.add_argument("--response-body", metavar="TEXT|@FILE", help="integration response body: render TEMPLATE as a response template")
    render.add_argument("--profile", choices=("apigateway", "velocity"), default="apigateway", help="API Gateway (default) or stock Velocity 1.7 semantics")
    render.add_argument("--json", action="store_true", help="print body, status, headers and request overrides as JSON")
    render.set_defaults(run=_run_render)

    lint = commands.add_parser("lint", parents=[common], help="check templates", description=(
        "Check mapping templates in .vm/.vtl files, OpenAPI documents, CloudFormation/SAM/CDK "
        "templates and serverless.yml. Directories are searched recursively."
    ))
    lint.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: .); - reads a template from standard input")
    lint.add_argument("--format", choices=("text", "json", "github", "sarif"), help="output format (default: text)")
    lint.add_argument("--select", metavar="CODES", action="append", help="comma-separated codes or prefixes to run")
    lint.add_argument("--ignore", metavar="CODES", action="append", help="comma-separated codes or prefixes to skip")
    lint.add_argument("--stdin-filename", metavar="NAME", default="<stdin>", help="name (and so file type) of what - reads")
    lint.add_argument("--no-config", action="store_true", help="ignore [tool.vtl.lint] in pyproject.toml")
    lint.add_argument("--explain", metavar="CODE", help="explain one rule and exit")
    lint.add_argument("--list-rules", action="store_true", help="list every rule and exit")
    lint.set_defaults(run=_run_lint)
    return parser


def _pair(separator: str) -> Callable[[str], tuple[str, str]]:
    """An argparse type for ``NAME<separator>VALUE``."""

    def parse(text: str) -> tuple[str, str]:
        name, sep, value = text.partition(separator)
        if not sep or not name.strip():
            raise argparse.ArgumentTypeError(f"expected NAME{separator}VALUE, got {text!r}")
        return name.strip(), value.strip() if separator == ":" else value

    return parse


# -- vtl render ----------------------------------------------------------------------------


def _read(name: str, what: str) -> str:
    """Read a file (``-`` is standard input) as text; failures are usage errors."""
    try:  # no newline translation: a template's \r\n reaches the output as written
        if name == "-":
            buffer = getattr(sys.stdin, "buffer", None)
            return buffer.read().decode("utf-8") if buffer is not None else sys.stdin.read()
        with open(name, encoding="utf-8", newline="") as file:
            return file.read()
    except (OSError, UnicodeDecodeError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        raise UsageError(f"cannot read {what} {name}: {reason}") from None


def _text_or_file(value: str | None, what: str) -> str | None:
    if value is not None and value.startswith("@"):
        return _read(value[1:], what)
    return value


def _run_render(args: argparse.Namespace) -> int:
    import vtl

    if args.template == "-" and args.event == "-":
        raise UsageError("the template and the event cannot both come from standard input")
    source = _read(args.template, "template")
    name = "<stdin>" if args.template == "-" else args.template
    event_data = _load_json(_read(args.event, "event"), args.event) if args.event else None
    if args.profile == "velocity":
        given = [flag for flag, value in (
            ("--body", args.body), ("--header", args.header), ("--query", args.query),
            ("--path-param", args.path_param), ("--stage-var", args.stage_var),
            ("--response-body", args.response_body),
        ) if value]
        if given:
            raise UsageError(f"{', '.join(given)} only apply to --profile apigateway")
        if event_data is not None and not isinstance(event_data, dict):
            raise UsageError("with --profile velocity, --event must hold a JSON object of variables")
        body = vtl.compile(source, profile="velocity", name=name).render(event_data or {})
        result: dict[str, Any] = {"body": body, "status": None, "headers": {}, "request_overrides": {}}
    else:
        if event_data is not None and not isinstance(event_data, dict):
            raise UsageError("--event must hold a JSON object (an API Gateway proxy event)")
        template = vtl.compile(source, profile="apigateway", name=name)
        event = _event(args, event_data)
        response_body = _text_or_file(args.response_body, "response body")
        rendered = vtl.render(template, event, response_body=response_body)
        result = {
            "body": rendered.body,
            "status": getattr(rendered, "status", None),
            "headers": getattr(rendered, "headers", {}),
            "request_overrides": getattr(rendered, "request_overrides", {}),
        }
    if args.json:
        _write_exact(json.dumps(result, indent=2, ensure_ascii=False, default=str) + "\n")
    else:
        _write_exact(result["body"])
    return 0


def _write_exact(text: str) -> None:
    """Write UTF-8 bytes, untouched by the console's encoding or newline translation."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def _load_json(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise UsageError(f"{name} is not JSON: {err}") from None


def _event(args: argparse.Namespace, base: dict | None) -> dict:
    """The event: ``--event`` (or a default one) with the other flags laid over it."""
    import vtl

    body = _text_or_file(args.body, "body")
    parts = {
        "headers": dict(args.header), "query": dict(args.query),
        "path_params": dict(args.path_param), "stage_variables": dict(args.stage_var),
    }
    if base is None:
        kwargs: dict[str, Any] = {key: value for key, value in parts.items() if value}
        if body is not None:
            kwargs["body"] = body
        return vtl.event(**kwargs)
    event = dict(base)
    if body is not None:
        event["body"] = body
    for key, multi, values in (
        ("headers", "multiValueHeaders", parts["headers"]),
        ("queryStringParameters", "multiValueQueryStringParameters", parts["query"]),
        ("pathParameters", None, parts["path_params"]),
        ("stageVariables", None, parts["stage_variables"]),
    ):
        if values:
            event[key] = {**(event.get(key) or {}), **values}
            if multi and isinstance(event.get(multi), dict):
                event[multi] = {**event[multi], **{k: [v] for k, v in values.items()}}
    return event


# -- vtl lint ------------------------------------------------------------------------------


def _codes(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [code.strip().upper() for value in values for code in value.split(",") if code.strip()]


def _run_lint(args: argparse.Namespace) -> int:
    from .lint.checker import lint_file, lint_text
    from .lint.config import ConfigError, LintConfig, load_config
    from .lint.discover import iter_files
    from .lint.report import format_diagnostics
    from .lint.rules import RULES, select_codes, unknown_codes

    if args.explain:
        rule = RULES.get(args.explain.strip().upper())
        if rule is None:
            raise UsageError(f"no rule {args.explain!r}; see vtl lint --list-rules")
        print(f"{rule.code} ({rule.name}, {rule.severity}): {rule.summary}\n{rule.explanation}")
        return 0
    if args.list_rules:
        for rule in RULES.values():
            print(f"{rule.code}  {rule.severity:<7}  {rule.name:<30}  {rule.summary}")
        return 0
    try:
        config = LintConfig() if args.no_config else load_config(Path.cwd())
    except ConfigError as err:
        raise UsageError(str(err)) from None
    select = _codes(args.select) if args.select else config.select
    ignore = _codes(args.ignore) if args.ignore else config.ignore
    bad = unknown_codes([*(select or []), *ignore])
    if bad:
        raise UsageError(f"unknown rule code(s): {', '.join(bad)}")
    fmt = args.format or config.format or "text"
    if fmt not in ("text", "json", "github", "sarif"):
        raise UsageError(f"unknown format {fmt!r} in {config.path}")
    codes = select_codes(select, ignore)

    diagnostics = []
    io_error = False
    for name in args.paths or ["."]:
        if name == "-":
            diagnostics.extend(lint_text(args.stdin_filename, sys.stdin.read(), codes))
            continue
        if not Path(name).exists():
            print(f"vtl lint: error: {name}: no such file or directory", file=sys.stderr)
            io_error = True
            continue
        for path in iter_files([name], config.exclude):
            found, unreadable = lint_file(path, codes)
            diagnostics.extend(found)
            io_error |= unreadable
    sys.stdout.write(format_diagnostics(diagnostics, fmt))
    sys.stdout.flush()
    if io_error:
        return 2
    return 1 if diagnostics else 0
