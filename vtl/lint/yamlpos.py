"""Read YAML with positions: PyYAML's node tree turned into located values.

``yaml.compose`` keeps the start and end mark of every node and accepts any tag, so
CloudFormation short forms (``!Sub``, ``!Ref``, ``!GetAtt`` ...) need no constructor: they
become ``{"Fn::Sub": ...}``-style mappings, as in CloudFormation's JSON syntax.

For a scalar, the offsets of its characters are rebuilt by re-reading the raw text between
the marks with the same rules as PyYAML's scanner (plain and quoted folding, escapes, literal
and folded block scalars with chomping). The result is checked against the value PyYAML
produced; when they differ the scalar's characters all map to its start.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from .sourcemap import Dict, List, Str

_SIMPLE_ESCAPES = {
    "0": "\0", "a": "\x07", "b": "\x08", "t": "\t", "\t": "\t", "n": "\n", "v": "\x0b",
    "f": "\x0c", "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\",
    "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029",
}
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}
_IMPLICIT = "tag:yaml.org,2002:"


class YamlError(ValueError):
    """The document is not YAML; ``offset`` is where the problem was found."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


#: ``: #set(...)``, ``: #if(...)``, ``: ##``, ``: #*``, ``: #{...}``: a template YAML took for a comment.
_VALUE_COMMENT = re.compile(r"[ \t]*:[ \t]+(?P<comment>#(?:[A-Za-z]+[ \t]*\(|#|\*|\{)[^\r\n]*)")

#: PyYAML's contexts for constructs that something must close, in plain words.
_OPENED = {
    "while scanning a quoted scalar": "the quoted string",
    "while parsing a flow mapping": "the '{'",
    "while parsing a flow sequence": "the '['",
}


def _explain(err: yaml.MarkedYAMLError, text: str) -> tuple[str, int]:
    """A plain-words message for PyYAML's error, and the offset to report it at.

    A construct left open (a quote, a ``[``, a ``{``) is reported where it opens, since the
    parser only notices at the end of the file; an indentation mistake says so; any other
    position past the last visible character moves back to it.
    """
    problem = err.problem or str(err)
    mark = err.problem_mark or err.context_mark
    offset = mark.index if mark else 0
    opened = _OPENED.get(err.context or "")
    opener = err.context_mark
    where = f"{opener.line + 1}:{opener.column + 1}" if opener else ""
    if opened and opener and ("end of stream" in problem or "<stream end>" in problem):
        return f"{opened} opened here is never closed: the file ends first", opener.index
    if problem.startswith("found character '\\t'"):
        message = "a tab cannot indent YAML: indent with spaces"
    elif problem.startswith("expected <block end>"):
        message = "bad indentation: this line does not line up with the lines above it"
    elif problem.startswith("expected the node content"):
        message = "a value is missing here" if "<stream end>" not in problem else "a value is missing: the file ends first"
    elif problem == "mapping values are not allowed here":
        message = "': ' inside a plain value: quote the value (mapping values are not allowed here)"
    else:
        message = problem.replace("'<stream end>'", "the end of the file")
        if opened and opener:
            message += f" (in {opened} opened at {where})"
    return message, min(offset, len(text.rstrip()))


def load_all(text: str) -> Iterator[object]:
    """Yield each document of ``text`` as located values; raises :class:`YamlError`."""
    try:
        nodes = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as err:
        raise YamlError(*_explain(err, text)) from None
    except yaml.YAMLError as err:
        raise YamlError(str(err), 0) from None
    for node in nodes:
        if node is not None:
            yield _Converter(text).convert(node)


class _Converter:
    def __init__(self, text: str) -> None:
        self.text = text
        self.memo: dict[int, object] = {}  # aliases share nodes: convert each once

    def convert(self, node: yaml.Node) -> object:
        key = id(node)
        if key not in self.memo:
            self.memo[key] = self._convert(node)
        return self.memo[key]

    def _convert(self, node: yaml.Node) -> object:
        tag = node.tag or ""
        start = node.start_mark.index
        if not tag.startswith(_IMPLICIT) and tag.startswith("!"):
            name = tag[1:]
            key = name if name in ("Ref", "Condition") else f"Fn::{name}"
            inner = self._untagged(node)
            wrapped = Dict({key: inner})
            wrapped.start = start
            return wrapped
        return self._untagged(node)

    def _untagged(self, node: yaml.Node) -> object:
        start = node.start_mark.index
        if isinstance(node, yaml.MappingNode):
            result = Dict()
            result.start = start
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else repr(key_node)
                result[str(key)] = self.convert(value_node)
                if result[str(key)] is None:
                    self._note_comment(result, str(key), key_node)
            return result
        if isinstance(node, yaml.SequenceNode):
            items = List(self.convert(item) for item in node.value)
            items.start = start
            return items
        return self._scalar(node)

    def _note_comment(self, mapping: Dict, key: str, key_node: yaml.Node) -> None:
        """Keep a VTL-looking comment that took a key's value (``key: #set(...)``) on the mapping.

        YAML reads it as a comment and the key as null; :mod:`.extract` reports it as a lost
        template. The comment is kept as a located string in ``mapping.comments[key]``.
        """
        m = _VALUE_COMMENT.match(self.text, key_node.end_mark.index)
        if m is None:
            return
        start = m.start("comment")
        comment = m.group("comment").rstrip()
        located = Str(comment, start, lambda: range(start, start + len(comment) + 1))
        if not hasattr(mapping, "comments"):
            mapping.comments = {}
        mapping.comments[key] = located

    def _scalar(self, node: yaml.ScalarNode) -> object:
        value = node.value
        if node.style is None:
            kind = node.tag.removeprefix(_IMPLICIT)
            if kind == "null":
                return None
            if kind == "bool":
                return value.lower() in ("true", "yes", "on", "y")
            if kind in ("int", "float"):
                try:
                    return int(value.replace("_", ""), 0) if kind == "int" else float(value.replace("_", ""))
                except ValueError:
                    pass
        text = self.text
        return Str(value, node.start_mark.index, lambda: scalar_offsets(text, node))


def scalar_offsets(text: str, node: yaml.ScalarNode) -> list[int] | None:
    """File offsets of the characters of ``node.value``, or None if they cannot be rebuilt."""
    start, end = node.start_mark.index, node.end_mark.index
    i = _skip_properties(text, start, end)
    chars: list[str] = []
    offsets: list[int] = []
    try:
        if node.style in ("|", ">"):
            _block(text, i, end, node.style == ">", chars, offsets)
        elif node.style in ("'", '"'):
            _flow(text, i + 1, end - 1, node.style, chars, offsets)
        else:
            _flow(text, i, end, None, chars, offsets)
    except (IndexError, ValueError):
        return None
    return offsets if "".join(chars) == node.value else None


def _skip_properties(text: str, i: int, end: int) -> int:
    """Skip a tag (``!Sub``) and an anchor (``&name``) in front of a scalar."""
    while i < end and text[i] in "!&":
        while i < end and text[i] not in " \t\r\n":
            i += 1
        while i < end and text[i] in " \t\r\n":
            i += 1
    return i


def _skip_break(text: str, i: int) -> int:
    return i + 2 if text.startswith("\r\n", i) else i + 1


def _emit(chars: list[str], offsets: list[int], value: str, offset: int) -> None:
    chars.append(value)
    offsets.extend([offset] * len(value))


def _fold(text: str, i: int, end: int, escaped: bool, chars: list[str], offsets: list[int]) -> int:
    """Fold the line break at ``i`` (flow and plain scalars); returns where reading resumes."""
    first = i
    i = _skip_break(text, i)
    breaks = []
    while True:
        while i < end and text[i] in " \t":
            i += 1
        if i < end and text[i] in "\r\n":
            breaks.append(i)
            i = _skip_break(text, i)
        else:
            break
    for b in breaks:
        _emit(chars, offsets, "\n", b)
    if not breaks and not escaped:
        _emit(chars, offsets, " ", first)
    return i


def _flow(text: str, i: int, end: int, style: str | None, chars: list[str], offsets: list[int]) -> None:
    """Plain, single- and double-quoted scalars between ``i`` and ``end``."""
    while i < end:
        ch = text[i]
        if ch in " \t":
            j = i
            while j < end and text[j] in " \t":
                j += 1
            if j < end and text[j] in "\r\n":
                i = j  # blanks before a line break are dropped
                continue
            for k in range(i, j):
                _emit(chars, offsets, text[k], k)
            i = j
        elif ch in "\r\n":
            i = _fold(text, i, end, False, chars, offsets)
        elif style == "'" and ch == "'":
            _emit(chars, offsets, "'", i)
            i += 2
        elif style == '"' and ch == "\\":
            nxt = text[i + 1]
            if nxt in "\r\n":
                i = _fold(text, i + 1, end, True, chars, offsets)
            elif nxt in _SIMPLE_ESCAPES:
                _emit(chars, offsets, _SIMPLE_ESCAPES[nxt], i)
                i += 2
            elif nxt in _HEX_ESCAPES:
                size = _HEX_ESCAPES[nxt]
                _emit(chars, offsets, chr(int(text[i + 2 : i + 2 + size], 16)), i)
                i += 2 + size
            else:
                raise ValueError(f"unknown escape \\{nxt}")
        else:
            _emit(chars, offsets, ch, i)
            i += 1


def _block(text: str, i: int, end: int, folded: bool, chars: list[str], offsets: list[int]) -> None:
    """A literal (``|``) or folded (``>``) block scalar whose indicator is at ``i``."""
    header_line = text.rfind("\n", 0, i) + 1
    base = len(text[header_line:i]) - len(text[header_line:i].lstrip(" "))
    i += 1
    chomping: bool | None = None
    increment = 0
    while i < end and text[i] in "+-123456789":
        if text[i] == "+":
            chomping = True
        elif text[i] == "-":
            chomping = False
        else:
            increment = int(text[i])
        i += 1
    while i < end and text[i] not in "\r\n":
        i += 1  # blanks and a comment after the header
    if i < end:
        i = _skip_break(text, i)
    breaks: list[int] = []
    if increment:
        indent = base + increment
        i, breaks, column = _block_breaks(text, i, end, indent)
    else:
        column = max_indent = 0
        while i < end and text[i] in " \r\n":
            if text[i] == " ":
                column += 1
                max_indent = max(max_indent, column)
                i += 1
            else:
                breaks.append(i)
                i = _skip_break(text, i)
                column = 0
        indent = max(1, max_indent)
    line_break: int | None = None
    while column == indent and i < end:
        for b in breaks:
            _emit(chars, offsets, "\n", b)
        leading_non_space = text[i] not in " \t"
        j = i
        while j < end and text[j] not in "\r\n":
            j += 1
        for k in range(i, j):
            _emit(chars, offsets, text[k], k)
        line_break = j if j < end else None
        i = _skip_break(text, j) if j < end else j
        i, breaks, column = _block_breaks(text, i, end, indent)
        if column == indent and i < end:
            if folded and line_break is not None and leading_non_space and text[i] not in " \t":
                if not breaks:
                    _emit(chars, offsets, " ", line_break)
            elif line_break is not None:
                _emit(chars, offsets, "\n", line_break)
        else:
            break
    if chomping is not False and line_break is not None:
        _emit(chars, offsets, "\n", line_break)
    if chomping is True:
        for b in breaks:
            _emit(chars, offsets, "\n", b)


def _block_breaks(text: str, i: int, end: int, indent: int) -> tuple[int, list[int], int]:
    """Skip indentation and empty lines inside a block scalar; returns (pos, breaks, column)."""
    breaks: list[int] = []
    column = 0
    while column < indent and i < end and text[i] == " ":
        i += 1
        column += 1
    while i < end and text[i] in "\r\n":
        breaks.append(i)
        i = _skip_break(text, i)
        column = 0
        while column < indent and i < end and text[i] == " ":
            i += 1
            column += 1
    return i, breaks, column
