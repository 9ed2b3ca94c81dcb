"""Variables and value samples shared by several case sources."""

from __future__ import annotations

from typing import Any

#: A small environment most generated cases render with.
VARS: dict[str, Any] = {
    "a": "A",
    "s": "hello",
    "e": "",
    "sp": "  padded  ",
    "i": 42,
    "z": 0,
    "neg": -7,
    "big": 3000000000,
    "huge": 123456789012345678901234567890,
    "d": 2.5,
    "nd": -0.5,
    "t": True,
    "f": False,
    "n": None,
    "list": [1, 2, 3],
    "strs": ["x", "y", "z"],
    "empty": [],
    "mixed": [1, "two", None, True, 1.5],
    "nested": [[1, 2], {"k": "v"}],
    "map": {"k": "v", "num": 1, "inner": {"deep": [1, {"x": "y"}]}},
    "emap": {},
    "num_s": "12",
    "uni": "é😀x",
}

#: (slug, VTL expression) operands covering every value kind a template meets.
OPERANDS: list[tuple[str, str]] = [
    ("int", "$i"),
    ("zero", "$z"),
    ("negint", "$neg"),
    ("long", "$big"),
    ("bigint", "$huge"),
    ("dbl", "$d"),
    ("str", "$s"),
    ("empty_s", "$e"),
    ("numstr", "$num_s"),
    ("true", "$t"),
    ("false", "$f"),
    ("null", "$n"),
    ("undef", "$undef"),
    ("list", "$list"),
    ("elist", "$empty"),
    ("map", "$map"),
    ("emap", "$emap"),
    ("lit_int", "3"),
    ("lit_dbl", "1.5"),
    ("lit_str", "'abc'"),
    ("lit_numstr", "'42'"),
    ("lit_true", "true"),
    ("lit_list", "[1, 2]"),
    ("lit_map", "{'a': 1}"),
]


_NAMES = {
    ".": "dot", "$": "dollar", "!": "bang", "#": "hash", "{": "lb", "}": "rb", "[": "lsq",
    "]": "rsq", "(": "lp", ")": "rp", "'": "q", '"': "dq", "\\": "bs", "-": "dash", " ": "sp",
    "\n": "nl", "\r": "cr", "\t": "tab", "_": "us", "+": "plus", "*": "star", "/": "slash",
    "%": "pct", "=": "eq", "<": "lt", ">": "gt", "&": "amp", "|": "bar", ",": "comma",
    ":": "colon", "@": "at", "~": "tilde", "^": "caret", "?": "qm", ";": "semi",
}


def slug(text: str) -> str:
    """A short, readable, id-safe rendering of ``text``."""
    parts: list[str] = []
    word = ""
    for ch in text:
        if ch.isascii() and ch.isalnum():
            word += ch
            continue
        if word:
            parts.append(word)
            word = ""
        parts.append(_NAMES.get(ch, f"u{ord(ch):x}"))
    if word:
        parts.append(word)
    return "_".join(parts)[:48] or "empty"


def needed(template: str, env: dict[str, Any] | None = None) -> dict[str, Any]:
    """The entries of ``env`` (default :data:`VARS`) whose names the template mentions."""
    import re

    env = VARS if env is None else env
    names = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", template))
    return {k: v for k, v in env.items() if k in names}
