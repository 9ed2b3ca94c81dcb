"""Lint one template, one file: parse, run the selected rules, honour ``noqa``, map positions."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from pathlib import Path

from ..ast import Template
from ..errors import VtlError
from ..parser import parse
from . import checks, gateway, sample
from .analysis import analyse
from .diagnostic import Diagnostic, Finding
from .extract import (
    DOCUMENT_SUFFIXES,
    GATEWAY,
    RESPONSE,
    TEMPLATE_SUFFIXES,
    EmbeddedTemplate,
    find_templates,
    may_hold_templates,
    template_file,
)
from .jsonpos import JsonError
from .jsonpos import loads as load_json
from .rules import RULES
from .sourcemap import SourceFile

#: API Gateway's quota on one mapping template, in bytes.
MAX_TEMPLATE_BYTES = 300 * 1024

_NOQA = re.compile(r"##\s*vtl:\s*noqa(?::\s*(?P<codes>[A-Z]+[0-9]*(?:[\s,]+[A-Z]+[0-9]*)*))?", re.I)


def check_template(tpl: EmbeddedTemplate, codes: Iterable[str], name: str = "<template>") -> list[Finding]:
    """Findings (in template offsets) of the rules in ``codes``, ``noqa`` lines removed."""
    codes = frozenset(codes)
    if tpl.yaml_comment:  # nothing reaches API Gateway: the one thing to say
        message = "this template is a YAML comment ('#' after 'key: '), so the value is empty: quote it or use a block (|)"
        return [Finding("VTL004", 0, message)] if "VTL004" in codes else []
    findings: list[Finding] = []
    # a JSON/YAML escape can hold half of a surrogate pair: UTF-8 of it would take 3 bytes
    size = len(tpl.text.encode("utf-8", "surrogatepass"))
    if size > MAX_TEMPLATE_BYTES:
        findings.append(Finding("VTL002", 0, f"the template is {size:,} bytes; API Gateway accepts at most {MAX_TEMPLATE_BYTES:,}"))
    if tpl.proxy:
        findings.append(Finding("VTL003", 0, "this template is never applied: the integration is a proxy integration"))
    if tpl.kind == GATEWAY:
        findings.extend(gateway.check(tpl.text))
    else:
        findings.extend(_vtl_findings(tpl, codes, name))
    kept = [f for f in findings if f.code in codes]
    return _without_noqa(tpl.text, kept)


def _vtl_findings(tpl: EmbeddedTemplate, codes: frozenset[str], name: str) -> list[Finding]:
    try:
        tree = parse(tpl.text, macros_enabled=False, name=name)
    except VtlError as err:
        return [_syntax_finding(tpl.text, err)]
    try:
        return _rule_findings(tree, tpl, codes)
    except RecursionError:  # the rules walk the tree by recursion, as the compiler does
        return [Finding("VTL001", 0, "the template nests directives or expressions too deeply to check; "
                                     "vtl refuses to compile it too (nested too deeply to compile)")]


def _rule_findings(tree: Template, tpl: EmbeddedTemplate, codes: frozenset[str]) -> list[Finding]:
    facts = analyse(tree)
    findings = [
        *checks.directives(tree), *checks.mistakes(tree), *checks.members(tree), *checks.loop_sets(facts),
        *checks.overrides(facts),
    ]
    json_output = facts.json_text
    if json_output is None:
        # no literal text to judge by: a response's content type is what the client gets;
        # a request template's key is the *incoming* media type, which says nothing
        json_output = tpl.kind == RESPONSE and "json" in (tpl.content_type or "").lower()
    if json_output:
        findings.extend(checks.json_strings(facts, tpl.content_type))
        if "VTL305" in codes:
            # where a more specific rule already points (on the same line), the rendering
            # check adds nothing
            taken = {_line_of(tpl.text, f.offset) for f in findings if f.code in codes}
            findings.extend(
                f for f in sample.check(tree, facts, tpl.kind == RESPONSE, tpl.content_type)
                if _line_of(tpl.text, f.offset) not in taken
            )
    return findings


def _syntax_finding(text: str, err: VtlError) -> Finding:
    """VTL001 where the user can act on it.

    The parser stops at the end of the template when a block is never closed; past the last
    line of a file, or on the next key of a YAML document, that position names nothing. The
    diagnostic goes to the unclosed directive instead (and any other error found at the end
    goes right after the template's last visible character).
    """
    unclosed = getattr(err, "unclosed", None)
    if unclosed is not None:
        directive, line, column = unclosed
        offset = _offset_of(text, line, column)
        return Finding("VTL001", offset, f"{directive} is never closed: the template ends before its #end")
    offset = min(_offset_of(text, err.line or 1, err.column or 1), len(text.rstrip()))
    message = err.message
    if text[max(0, offset - 2):offset] == '\\"':  # "\"q\"": the string ended at \", then q
        message += ' (Velocity strings have no backslash escapes: write "" for a quote inside "...", or use single quotes)'
    return Finding("VTL001", offset, message)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


def _offset_of(text: str, line: int, column: int) -> int:
    offset = 0
    for _ in range(line - 1):
        nl = text.find("\n", offset)
        if nl == -1:
            break
        offset = nl + 1
    return min(len(text), offset + column - 1)


def _without_noqa(text: str, findings: list[Finding]) -> list[Finding]:
    if "noqa" not in text:
        return findings
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    kept = []
    for finding in findings:
        index = bisect_right(starts, finding.offset) - 1
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        m = _NOQA.search(text, starts[index], end)
        if m is None:
            kept.append(finding)
        elif m.group("codes"):
            listed = [c.upper() for c in re.split(r"[\s,]+", m.group("codes")) if c]
            if not any(finding.code.startswith(c) for c in listed):
                kept.append(finding)
    return kept


class DocumentError(Exception):
    """A JSON/YAML document that does not parse."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


def templates_in(path: Path, text: str) -> list[EmbeddedTemplate]:
    """Every template of one file (its suffix decides how it is read).

    Raises:
        DocumentError: a JSON/YAML document does not parse, or nests too deeply to read.
    """
    try:
        return _templates_in(path, text)
    except RecursionError:  # the readers and the search for templates recurse per level
        raise DocumentError("the document nests too deeply to read", _deepest_offset(text)) from None


def _deepest_offset(text: str) -> int:
    """Where a document nests deepest: its deepest ``[``/``{`` (outside double-quoted
    strings), else the first character of its most indented line."""
    depth = deepest = 0
    where = -1
    quoted = escaped = False
    for i, ch in enumerate(text):
        if quoted:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                quoted = False
        elif ch == '"':
            quoted = True
        elif ch in "[{":
            depth += 1
            if depth > deepest:
                deepest, where = depth, i
        elif ch in "]}":
            depth -= 1
    if deepest > 1:
        return where
    best = offset = 0
    for line in text.splitlines(keepends=True):
        indent = len(line) - len(line.lstrip(" "))
        if indent > best and line.strip():
            best, where = indent, offset + indent
        offset += len(line)
    return max(where, 0)


def _templates_in(path: Path, text: str) -> list[EmbeddedTemplate]:
    suffix = path.suffix.lower()
    if suffix not in DOCUMENT_SUFFIXES or suffix in TEMPLATE_SUFFIXES:
        return [template_file(text)]
    if not may_hold_templates(text):
        return []
    as_json = suffix == ".json" or (suffix == ".template" and text.lstrip("\ufeff \t\r\n").startswith("{"))
    if as_json:
        try:
            documents = [load_json(text)]
        except JsonError as err:
            raise DocumentError(err.message, err.offset) from None
    else:
        try:
            from .yamlpos import YamlError, load_all
        except ImportError:
            raise DocumentError("reading YAML needs PyYAML: pip install 'apigw-vtl[lint]'", 0) from None
        try:
            documents = list(load_all(text))
        except YamlError as err:
            raise DocumentError(err.message, err.offset) from None
    return [tpl for document in documents for tpl in find_templates(document)]


def lint_text(path: str, text: str, codes: Iterable[str]) -> list[Diagnostic]:
    """Lint the contents of one file; ``path`` decides how it is read and is reported."""
    codes = frozenset(codes)
    source = SourceFile(path, text)
    try:
        templates = templates_in(Path(path), text)
    except DocumentError as err:
        if "VTL902" not in codes:
            return []
        return [_diagnostic(source, err.offset, Finding("VTL902", 0, f"cannot parse: {err.message}"), "")]
    # one diagnostic per position and message: a YAML alias (*common) that reuses a template
    # in several places reports it once, under the first place it is used
    diagnostics: dict[tuple[int, int, str, str], Diagnostic] = {}
    for tpl in templates:
        for finding in check_template(tpl, codes, name=path):
            if finding.code == "VTL001":  # the parser's "opened at L:C" is in template coordinates
                finding = finding._replace(message=_AT.sub(lambda m, t=tpl: _file_at(source, t, m), finding.message))
            if finding.related >= 0:
                related_line = source.position(_file_offset(tpl, finding.related))[0]
                finding = finding._replace(message=finding.message.replace("{related}", str(related_line)))
            found = _diagnostic(source, _file_offset(tpl, finding.offset), finding, tpl.where)
            diagnostics.setdefault((found.line, found.column, found.code, found.message), found)
    return sorted(diagnostics.values(), key=Diagnostic.sort_key)


_AT = re.compile(r"\bat (\d+):(\d+)")


def _file_at(source: SourceFile, tpl: EmbeddedTemplate, m: re.Match[str]) -> str:
    line, column = source.position(_file_offset(tpl, _offset_of(tpl.text, int(m.group(1)), int(m.group(2)))))
    return f"at {line}:{column}"


def _file_offset(tpl: EmbeddedTemplate, offset: int) -> int:
    return tpl.offsets[min(max(offset, 0), len(tpl.text))]


def lint_file(path: Path, codes: Iterable[str]) -> tuple[list[Diagnostic], bool]:
    """Lint one file; returns its diagnostics and whether it could not be read."""
    try:
        data = path.read_bytes()
    except OSError as err:
        return [unreadable(str(path), f"cannot read: {err.strerror or err}")], True
    try:
        text = decode(data)
    except UnicodeDecodeError as err:
        return [undecodable(str(path), data, err)], True
    return lint_text(str(path), text, codes), False


def decode(data: bytes) -> str:
    """A file's text as Python reads it with ``encoding="utf-8-sig"``: ``\\r\\n`` becomes ``\\n``,
    and a leading byte-order mark is dropped (editors do not count it as a column, and it
    would hide a template's leading ``{`` from the JSON rules)."""
    return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")


def unreadable(path: str, message: str, line: int = 1, column: int = 1) -> Diagnostic:
    """A VTL901 diagnostic."""
    return Diagnostic(path, line, column, "VTL901", message, RULES["VTL901"].severity)


def undecodable(path: str, data: bytes, err: UnicodeDecodeError) -> Diagnostic:
    """VTL901 at the first byte that is not UTF-8, saying so in plain words."""
    decoded = bytes(err.object)  # what was decoded: without a byte-order mark
    before = decode(decoded[:err.start])
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    where = f"byte 0x{decoded[err.start]:02x} at line {line}, column {column}"
    if b"\0" in data[:8192]:
        return unreadable(path, f"cannot read: a binary file, not text ({where} is not UTF-8)", line, column)
    return unreadable(path, f"cannot read: not UTF-8 text ({where}); save the file as UTF-8", line, column)


def _diagnostic(source: SourceFile, offset: int, finding: Finding, where: str) -> Diagnostic:
    line, column = source.position(offset)
    rule = RULES[finding.code]
    return Diagnostic(source.path, line, column, finding.code, finding.message, rule.severity, source.line_text(line), where)
