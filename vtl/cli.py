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
        args, extra = parser.parse_known_args(argv)
        if extra:  # name the subcommand whose options were wrong, with its own usage line
            _SUBPARSERS.get(getattr(args, "command", None), parser).error(
                f"unrecognized arguments: {' '.join(extra)}")
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else 2
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return args.run(args)
    except BrokenPipeError:  # `vtl lint | head`: the reader left, nothing more to say
        _silence_stdout()
        return 1
    except UsageError as err:
        if args.debug:
            raise
        print(f"vtl {args.command}: error: {err}", file=sys.stderr)
        return 2
    except VtlError as err:
        if args.debug:
            raise
        template = getattr(args, "template", None)
        print(_error_text(err, "<stdin>" if template == "-" else template), file=sys.stderr)
        return 1
    except Exception as err:  # noqa: BLE001 - one line, not a traceback, without --debug
        if args.debug:
            raise
        print(f"vtl {args.command}: internal error: {type(err).__name__}: {err} (run with --debug for the traceback)", file=sys.stderr)
        return 1


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's exit flush does not fail again."""
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file descriptor (tests)
        pass


def _error_text(err: VtlError, template: str | None = None) -> str:
    """``str(err)``; an error without a position (an override with a bad value, found after
    rendering) is prefixed with the template's name, so that it is clear which file it is
    about."""
    if err.line is None:
        name = err.name if err.name != "<template>" else template
        return f"{name}: {err.message}" if name else str(err)
    return str(err)


#: The subcommand parsers by name (for error messages that show the right usage line).
_SUBPARSERS: dict[str | None, argparse.ArgumentParser] = {}


def _version() -> str:
    from . import __version__

    return f"vtl (apigw-vtl) {__version__}"


_RENDER_EPILOG = """\
examples:
  vtl render request.vm --body '{"name": "Ada"}' --query page=2 --header 'Accept: text/csv'
  vtl render request.vm --event event.json --path-param id=42 --json
  vtl render response.vm --response-body @lambda-output.json --request-template request.vm

exit status: 0 rendered, 1 the template failed, 2 usage error or unreadable input.
Reference: docs/cli.md"""

_LINT_EPILOG = """\
examples:
  vtl lint .                          every template below the current directory
  vtl lint template.yaml --format github
  vtl lint - < request.vm             one template from standard input, named <stdin>
  vtl lint - --stdin-filename api.yaml < api.yaml
  vtl lint --explain VTL303

exit status: 0 no diagnostics, 1 diagnostics, 2 usage error or unreadable file.
Silence a line with '## vtl: noqa: VTL303'. Reference: docs/cli.md"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vtl", description="Render and lint Amazon API Gateway mapping templates.")
    parser.add_argument("--debug", action="store_true", help="show Python tracebacks")
    # after the command too; SUPPRESS keeps a `vtl --debug render` from being reset to False
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show Python tracebacks")
    parser.add_argument("--version", action="version", version=_version())
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    render = commands.add_parser("render", parents=[common], help="render a template", description=(
        "Render TEMPLATE as API Gateway does and print the body exactly (no newline is added)."
    ), epilog=_RENDER_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    render.add_argument("template", metavar="TEMPLATE", help="template file, or - for standard input")
    render.add_argument("--event", metavar="FILE", help="API Gateway REST proxy event (JSON file, or -); with --profile velocity: a JSON object of variables")
    render.add_argument("--body", metavar="TEXT|@FILE", help="request body")
    render.add_argument("--header", metavar="NAME:VALUE", action="append", default=[], type=_pair(":"), help="request header (repeatable)")
    render.add_argument("--query", metavar="NAME=VALUE", action="append", default=[], type=_pair("="), help="query string parameter (repeatable)")
    render.add_argument("--path-param", metavar="NAME=VALUE", action="append", default=[], type=_pair("="), help="path parameter (repeatable)")
    render.add_argument("--stage-var", metavar="NAME=VALUE", action="append", default=[], type=_pair("="), help="stage variable (repeatable)")
    render.add_argument("--response-body", metavar="TEXT|@FILE", help="integration response body: render TEMPLATE as a response template")
    render.add_argument("--request-template", metavar="FILE", help=(
        "with --response-body: render FILE first as the request template; its $context "
        "(overrides included) carries on into TEMPLATE"))
    render.add_argument("--profile", choices=("apigateway", "velocity"), default="apigateway", help="API Gateway (default) or stock Velocity 1.7 semantics")
    render.add_argument("--json", action="store_true", help="print body, status, headers and request overrides as JSON")
    render.set_defaults(run=_run_render)

    lint = commands.add_parser("lint", parents=[common], help="check templates", description=(
        "Check mapping templates in .vm/.vtl files, OpenAPI documents, CloudFormation/SAM/CDK "
        "templates and serverless.yml. Directories are searched recursively."
    ), epilog=_LINT_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    lint.add_argument("paths", nargs="*", metavar="PATH", help=(
        "files or directories (default: .); - reads standard input, as a .vm template named "
        "<stdin> unless --stdin-filename says otherwise"))
    lint.add_argument("--format", choices=("text", "json", "github", "sarif"), help="output format (default: text)")
    lint.add_argument("--select", metavar="CODES", action="append", help="comma-separated codes or prefixes to run (default: every rule)")
    lint.add_argument("--ignore", metavar="CODES", action="append", help="comma-separated codes or prefixes to skip")
    lint.add_argument("--stdin-filename", metavar="NAME", help=(
        "the name what - reads is reported under; its suffix decides how it is read "
        "(api.yaml: a document); default: <stdin>, a template"))
    lint.add_argument("--no-config", action="store_true", help="ignore [tool.vtl.lint] in pyproject.toml")
    lint.add_argument("--explain", metavar="CODE", help="explain one rule and exit")
    lint.add_argument("--list-rules", action="store_true", help="list every rule and exit")
    lint.set_defaults(run=_run_lint)
    _SUBPARSERS.update(render=render, lint=lint)
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


def _stdin_bytes() -> bytes:
    """All of standard input; ``OSError`` when there is none to read (closed: ``<&-``)."""
    stdin = sys.stdin
    if stdin is None:
        raise OSError("standard input is closed")
    try:
        buffer = getattr(stdin, "buffer", None)
        return buffer.read() if buffer is not None else stdin.read().encode("utf-8", "surrogateescape")
    except ValueError as err:  # I/O operation on a closed file
        raise OSError(str(err)) from None


def _read(name: str, what: str) -> str:
    """Read a file (``-`` is standard input) as text; failures are usage errors."""
    where = "<stdin>" if name == "-" else name
    if name != "-" and Path(name).is_dir():
        raise UsageError(f"cannot read {what} {where}: it is a directory")
    try:  # no newline translation: a template's \r\n reaches the output as written
        data = _stdin_bytes() if name == "-" else Path(name).read_bytes()
    except OSError as err:
        raise UsageError(f"cannot read {what} {where}: {err.strerror or err}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        before = data[:err.start].decode("utf-8")
        line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
        raise UsageError(f"cannot read {what} {where}: not UTF-8 text (byte 0x{data[err.start]:02x} "
                         f"at line {line}, column {column})") from None


def _without_bom(text: str) -> str:
    """A file's text without the byte-order mark some Windows editors write first.

    The mark says how the file is encoded; it is not part of a template or an event (bodies
    given with ``@FILE`` are data and keep it).
    """
    return text[1:] if text.startswith("\ufeff") else text


def _text_or_file(value: str | None, what: str) -> str | None:
    if value is not None and value.startswith("@"):
        return _read(value[1:], what)
    return value


def _run_render(args: argparse.Namespace) -> int:
    import vtl

    from_stdin = [what for what, value in (
        ("the template", args.template), ("--event", args.event),
        ("--body", "-" if args.body == "@-" else None),
        ("--response-body", "-" if args.response_body == "@-" else None),
        ("--request-template", args.request_template),
    ) if value == "-"]
    if len(from_stdin) > 1:
        raise UsageError(f"{' and '.join(from_stdin)} cannot both come from standard input")
    source = _without_bom(_read(args.template, "template"))
    name = "<stdin>" if args.template == "-" else args.template
    event_data = _load_json(_without_bom(_read(args.event, "event")), args.event) if args.event else None
    if args.profile == "velocity":
        given = [flag for flag, value in (
            ("--body", args.body), ("--header", args.header), ("--query", args.query),
            ("--path-param", args.path_param), ("--stage-var", args.stage_var),
            ("--response-body", args.response_body), ("--request-template", args.request_template),
        ) if value]
        if given:
            raise UsageError(f"{', '.join(given)} only apply to --profile apigateway")
        if event_data is not None and not isinstance(event_data, dict):
            raise UsageError("with --profile velocity, --event must hold a JSON object of variables")
        body = vtl.compile(source, profile="velocity", name=name).render(event_data or {})
        result: dict[str, Any] = {"body": body, "status": None, "headers": {}, "request_overrides": {}}
    else:
        if event_data is not None and not isinstance(event_data, dict):
            raise UsageError(f"{'<stdin>' if args.event == '-' else args.event} must hold a JSON object "
                             f"(an API Gateway REST proxy event), not {_json_kind(event_data)}")
        template = vtl.compile(source, profile="apigateway", name=name)
        event = _event(args, event_data)
        if event_data is not None:
            _check_event(event, args.event)
        response_body = _text_or_file(args.response_body, "response body")
        previous = None
        if args.request_template is not None:
            if response_body is None:
                raise UsageError("--request-template needs --response-body (what the integration "
                                 "answered, which TEMPLATE reads)")
            request_name = "<stdin>" if args.request_template == "-" else args.request_template
            request_source = _without_bom(_read(args.request_template, "request template"))
            request_template = vtl.compile(request_source, name=request_name)
            try:
                previous = vtl.render(request_template, event)
            except VtlError as err:  # name the request template, not TEMPLATE
                err.name = request_name if err.name == "<template>" else err.name
                raise
        rendered = vtl.render(template, event, response_body=response_body, previous=previous)
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


def _json_kind(value: Any) -> str:
    kinds = {list: "an array", str: "a string", bool: "true/false", int: "a number", float: "a number"}
    return kinds.get(type(value), "null")


def _write_exact(text: str) -> None:
    """Write UTF-8 bytes, untouched by the console's encoding or newline translation."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    sys.stdout.flush()
    # an unpaired surrogate becomes '?', as Java's String.getBytes("UTF-8") writes it
    buffer.write(text.encode("utf-8", "replace"))
    buffer.flush()


def _load_json(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        where = "<stdin>" if name == "-" else name
        raise UsageError(f"{where}:{err.lineno}:{err.colno}: not valid JSON: {err.msg}") from None


def _check_event(event: dict, name: str) -> None:
    """Reject an event the engine cannot read, naming the file (a usage error, not a crash)."""
    from .apigateway.request import read_event

    try:
        read_event(event)
    except TypeError as err:
        where = "<stdin>" if name == "-" else name
        problem = str(err)
        body = event.get("body")
        if isinstance(body, (dict, list)) and "['body']" in problem:  # a hand-written event, body as JSON
            problem = (f"event['body'] must be str or None, not {type(body).__name__} (a proxy event "
                       'carries the body as text: "body": "{\\"name\\": \\"Ada\\"}", or use --body)')
        raise UsageError(f"{where} is not a usable API Gateway REST proxy event: {problem}") from None


def _grouped(pairs: list[tuple[str, str]], fold_case: bool = False) -> dict[str, list[str]]:
    """``NAME=VALUE`` flags by name, every value of a repeated name kept in order."""
    groups: dict[str, list[str]] = {}
    for name, value in pairs:
        if fold_case:  # header names are case-insensitive: the first spelling wins
            name = next((known for known in groups if known.lower() == name.lower()), name)
        groups.setdefault(name, []).append(value)
    return groups


def _event(args: argparse.Namespace, base: dict | None) -> dict:
    """The event: ``--event`` (or a default one) with the other flags laid over it."""
    import vtl

    body = _text_or_file(args.body, "body")
    if base is None:  # vtl.event's defaults (curl-like headers, a context), flags on top
        base = vtl.event(body=body) if body is not None else vtl.event()
    event = dict(base)
    if body is not None:
        event["body"] = body
        event["isBase64Encoded"] = False  # the flag's text is the body itself, never base64
    for key, multi, values in (
        ("headers", "multiValueHeaders", _grouped(args.header, fold_case=True)),
        ("queryStringParameters", "multiValueQueryStringParameters", _grouped(args.query)),
        ("pathParameters", None, _grouped(args.path_param)),
        ("stageVariables", None, _grouped(args.stage_var)),
    ):
        if not values:
            continue
        fold = key == "headers"
        event[key] = _overlay(event.get(key), {name: vals[-1] for name, vals in values.items()}, fold)
        if multi and isinstance(event.get(multi), dict):
            event[multi] = _overlay(event[multi], values, fold)
    return event


def _overlay(old: Any, new: dict[str, Any], fold_case: bool) -> dict[str, Any]:
    """``old`` (a map, or nothing) with the names of ``new`` replaced or added."""
    if not isinstance(old, dict):
        return dict(new)
    if not fold_case:
        return {**old, **new}
    spelled = {name.lower(): name for name in new}
    merged: dict[str, Any] = {}
    for key, value in old.items():  # a replaced header keeps its place, in the new spelling
        name = spelled.get(key.lower(), key) if isinstance(key, str) else key
        merged[name] = new.get(name, value)
    merged.update(new)
    return merged


# -- vtl lint ------------------------------------------------------------------------------


def _codes(values: list[str] | None, flag: str) -> list[str] | None:
    """The codes of every ``flag`` given (``None``: not given); a value naming no code at all
    (``--select ''``, as an unset shell variable gives) is a usage error, not "every rule"."""
    if values is None:
        return None
    codes = []
    for value in values:
        found = [code.strip().upper() for code in value.split(",") if code.strip()]
        if not found:
            raise UsageError(f"{flag} {value!r} names no rule: give codes or prefixes such as VTL3 "
                             f"(without {flag}, {'every rule runs' if flag == '--select' else 'no rule is skipped'})")
        codes += found
    return codes


def _stdin_name(args: argparse.Namespace) -> str:
    """The name what ``-`` reads is linted under (checking ``-`` and ``--stdin-filename``)."""
    reads = args.paths.count("-")
    if reads > 1:
        raise UsageError("- (standard input) can be given only once")
    if args.stdin_filename is None:
        return "<stdin>"
    if not reads:
        raise UsageError("--stdin-filename names what - reads, but no - is among the paths")
    if not args.stdin_filename.strip():
        raise UsageError("--stdin-filename needs a name (its suffix decides how the input is read)")
    return args.stdin_filename


def _lint_stdin_bytes() -> bytes:
    try:
        return _stdin_bytes()
    except OSError as err:
        raise UsageError(f"cannot read <stdin>: {err.strerror or err}") from None


def _run_lint(args: argparse.Namespace) -> int:
    from .lint.checker import decode, lint_file, lint_text, undecodable
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
    stdin_name = _stdin_name(args)
    select = _codes(args.select, "--select") if args.select else config.select
    ignore = _codes(args.ignore, "--ignore") if args.ignore else config.ignore
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
            data = _lint_stdin_bytes()
            try:
                diagnostics.extend(lint_text(stdin_name, decode(data), codes))
            except UnicodeDecodeError as err:
                diagnostics.append(undecodable(stdin_name, data, err))
                io_error = True
            continue
        if not Path(name).exists():
            print(f"vtl lint: error: {name}: no such file or directory", file=sys.stderr)
            io_error = True
            continue
        base = config.path.parent if config.path is not None else None
        checked = 0
        for path in iter_files([name], config.exclude, base):
            found, unreadable = lint_file(path, codes)
            diagnostics.extend(found)
            io_error |= unreadable
            checked += 1
        if not checked:  # a mistyped directory must not pass a CI job unnoticed
            print(f"vtl lint: warning: {name}: no template files found there", file=sys.stderr)
    _write_exact(format_diagnostics(diagnostics, fmt))  # file text in any console encoding
    if io_error:
        return 2
    return 1 if diagnostics else 0
