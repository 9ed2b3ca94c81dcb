"""Syntax-heavy differential run: short random mixes of VTL punctuation, directives,
comments and names, rendered by apigw-vtl and by Velocity 1.7.

    python -m conformance.fuzz_syntax --examples 3000 [--profile velocity] [--seed 1] [--show 10]

Where :mod:`conformance.fuzz` draws plausible templates, this one draws the odd corners of
the lexer: prefixes glued to each other (``$#$!{``), comments and text blocks inside
arguments, unbalanced brackets, directives without parentheses. Most examples fail to
parse in Velocity; what counts is that apigw-vtl fails too (any syntax error matches a
``ParseErrorException``), or prints the same text. Output and shrinking are those of
:mod:`conformance.fuzz`.
"""

from __future__ import annotations

import os
import random
import sys
from typing import Any

from .fuzz import command_line, run

#: The pieces a template is made of, by kind: each kind is drawn with the same weight.
PIECES: dict[str, tuple[str, ...]] = {
    "prefix": ("$", "$!", "#", "\\", "\\\\", "${", "$!{", "#$", "$#", "#{"),
    "bracket": ("{", "}", "(", ")", "[", "]", "()", "[]", "{}"),
    "quote": ("'", '"', "'a'", '"$s"', "''"),
    "comment": ("##", "#*", "*#", "#**#", "#[[", "]]#", "## c\n", "#*c*#"),
    "directive": (
        "#if(", "#if(true)", "#else", "#elseif(", "#end", "#{end}", "#set(", "#set($y=", "#foreach(",
        "#foreach($i in", "#define(", "#macro(", "#macro(m", "#literal(", "#@m(", "#break", "#stop",
        "#e", "#e(", "#m(", "#{else}", "#evaluate(",
    ),
    "name": ("s", "m", "a", "x", "e", "y", "$s", "$m", "$a", "$x", ".e", ".a", ".e(", "$s.e", "$m.a", "$l[0]", "in"),
    "punct": (".", ",", "=", ":", "..", "-", "!", "*", "@", "1", "-1", "1.5", "true", "|"),
    "blank": (" ", "\n", "  ", "\t", "\r\n"),
    "phrase": (
        "#macro(m $p)", "#macro(m)", "#m('a' $s)", "#m($s)", "#m()", "#@m()", "#literal()", "#define($d)", "$d",
        "#foreach($i in [1..2])", "$i", "$foreach.count", "$velocityCount", "$bodyContent", "#evaluate('$s')",
        "\\#if", "\\#end", "\\$s", "\\\\$s", '"a$s#if(true)b#end"', "#set($y = \"$s\")", "#set($y = $s)", "$y",
        "#if($s == 'abc')", "#elseif(false)", "#{else}", "$s.length()", "$s.substring(1)", "$m.get('a')", "$l.get(0)",
        "${s}", "$!{y}", "$!y", "$s.e()", "#[[$s]]#", "#*$s*#", "## $s\n", "$l[1]", "$m['a']", "[1, 2]", "{'a': 1}",
    ),
}
_KINDS = tuple(PIECES)

#: Variables every example renders with.
VARIABLES: dict[str, Any] = {"s": "abc", "m": {"a": 1}, "l": [1, 2], "a": "A", "x": "X"}


def random_template(rnd: random.Random) -> tuple[str, dict[str, Any]]:
    """A template of 2 to 14 pieces and the fixed variables."""
    parts = [rnd.choice(PIECES[rnd.choice(_KINDS)]) for _ in range(rnd.randint(2, 14))]
    return "".join(parts), dict(VARIABLES)


def random_string_template(rnd: random.Random) -> tuple[str, dict[str, Any]]:
    """A mix of pieces inside an interpolated string literal: ``#set($x = "...")[$x]``
    (the string is a template of its own; a '"' piece ends it early or doubles)."""
    inner, variables = random_template(rnd)
    return f'#set($x = "{inner}")[$x]', variables


def run_syntax(examples: int, profiles: tuple[str, ...], seed: int, show: int, batch: int, shrink: bool) -> int:
    """Run the differential check over :func:`random_template` examples (with
    ``VTL_FUZZ_STRINGS=1`` in the environment, over :func:`random_string_template`)."""
    make = random_string_template if os.environ.get("VTL_FUZZ_STRINGS") == "1" else random_template
    return run(examples, profiles, seed, show, batch, shrink, make=make)


def main(argv: list[str] | None = None) -> int:
    return command_line("conformance.fuzz_syntax", __doc__ or "", run_syntax, argv, profiles=True)


if __name__ == "__main__":
    sys.exit(main())
