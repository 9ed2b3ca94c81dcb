"""Differential run of the ``$input`` layer: random bodies, JSONPaths and templates.

    python -m conformance.fuzz_input --examples 2000 [--seed 1] [--show 10]

Each example is a random payload (nested JSON with awkward keys, numbers and strings, or a
non-strict text json-smart still reads), a random JSONPath in Jayway 2.0's dialect (mostly
walking the payload, sometimes invalid) and a template using it through ``$input.path``,
``$input.json`` or ``$input.body``. The payload is a request body or, for some examples, an
integration response body. apigw-vtl and the oracle (Velocity 1.7 with Jayway JsonPath and
json-smart) render it; disagreements are counted by kind and the first ``--show`` are printed,
shrunk (template, then body) while they keep disagreeing the same way.

Not counted: an answer that shows the oracle's own stand-in for ``$input`` (printing
``$input`` itself gives ``ApiGateway$Input@...``, not AWS's class). Some templates change a
value ``$input.path`` returned and then read the payload again, which must show it as sent.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

from .fuzz import Differ, command_line, kind_of, print_summary
from .record import UNRECORDABLE, expectation
from .report import check

PROFILE = "apigateway"

# -- bodies ------------------------------------------------------------------------------------

#: Keys: plain names (most of them, so that paths find something), then awkward ones.
PLAIN_KEYS = ["a", "b", "id", "name", "items", "price", "type", "t", "p", "x", "data", "tags"]
ODD_KEYS = ["\u0001", "\u2028", "\t", "a-b", "a b", "a.b", "0", "1", "10", "é", "日本", "😀", "$", "", "length", "size", "@",
            "k'q", 'k"q', "a/b", "a\\b", "*", "-1", "true", "null", " x "]

INTS = [0, 1, -1, 2, 7, 42, -5, 100, 2**31 - 1, 2**31, -(2**31), -(2**31) - 1, 2**53 + 1,
        2**63 - 1, 2**63, -(2**63), 10**20, -(10**25), 123456789012345678901234567890]
#: Number texts written as they are into the body.
NUMBER_TEXTS = ["1.5", "0.1", "249.99", "-2.5", "100.0", "1e5", "1E-7", "1.0e+2", "2E3", "-0",
                "-0.0", "0.0", "1e21", "1e22", "1.5e-7", "3.141592653589793", "0.30000000000000004",
                "3.14159265358979323846", "12345678901234567.5", "1.00000000000000000001",
                "1e400", "-1e400", "1e-400", "123456789.0", "1.0E7", "9999999.0", "0.001",
                "0.0001", "10000000.0", "4.35", "1.10", "5e-324", "1.7976931348623157E308"]
STRINGS = ["x", "dog", "cat", "", " ", "O'Brien", 'say "hi"', "a/b", "http://x/y", "back\\slash",
           "tab\t", "line\nbreak", "cr\r", "\u0001", "\u001f", "\u007f", "\u0080", "\u009f", "\u00a0",
           "é", "日本語", "😀", "\u2028", "\u2000", "\u20ac", "\ufeff", "<b>&amp;</b>", "{a=1}",
           "[1,2]", "null", "true", "1", "1.5", "$x", "#if", "\\u0041", "'", "\ud83d"]


def _number(rnd: random.Random) -> str:
    if rnd.random() < 0.5:
        return str(rnd.choice(INTS))
    return rnd.choice(NUMBER_TEXTS)


def _key(rnd: random.Random) -> str:
    return rnd.choice(PLAIN_KEYS) if rnd.random() < 0.75 else rnd.choice(ODD_KEYS)


def _doc(rnd: random.Random, depth: int) -> Any:
    """A random JSON value; numbers are held as ``Raw`` texts written verbatim."""
    roll = rnd.random()
    if depth > 0 and roll < 0.3:
        return {_key(rnd): _doc(rnd, depth - 1) for _ in range(rnd.randint(0, 4))}
    if depth > 0 and roll < 0.5:
        return [_doc(rnd, depth - 1) for _ in range(rnd.randint(0, 4))]
    if roll < 0.7:
        return Raw(_number(rnd))
    if roll < 0.9:
        return rnd.choice(STRINGS)
    return rnd.choice([True, False, None])


class Raw(str):
    """A number's text, written into the body as it is."""


def _top(rnd: random.Random) -> Any:
    """The top-level value: mostly an object whose values are often lists of objects."""
    roll = rnd.random()
    if roll < 0.15:
        return [_item(rnd) for _ in range(rnd.randint(0, 4))]
    if roll < 0.2:
        return _doc(rnd, 1)
    out = {}
    for _ in range(rnd.randint(1, 5)):
        key = _key(rnd)
        out[key] = [_item(rnd) for _ in range(rnd.randint(0, 4))] if rnd.random() < 0.4 else _doc(rnd, 2)
    return out


def _item(rnd: random.Random) -> Any:
    """A list element as real payloads have them: an object with a few typed fields."""
    if rnd.random() < 0.15:
        return _doc(rnd, 1)
    item: dict[str, Any] = {}
    for key in rnd.sample(["id", "name", "price", "type", "t", "p", "tags", "x"], rnd.randint(0, 4)):
        if key in ("id", "price", "p"):
            item[key] = Raw(_number(rnd))
        elif key in ("name", "type", "t"):
            item[key] = rnd.choice(["x", "dog", "cat", "", "é", "a/b", "O'Brien"])
        elif key == "tags":
            item[key] = [rnd.choice(["x", "y"]) for _ in range(rnd.randint(0, 2))]
        else:
            item[key] = _doc(rnd, 1)
    return item


def write(value: Any, rnd: random.Random, style: dict[str, Any], level: int = 0) -> str:
    """Serialise ``value`` with the ``style`` of the whole body (spacing, escaping, quotes)."""
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, dict):
        items = [f"{_string(k, style)}{style['colon']}{write(v, rnd, style, level + 1)}" for k, v in value.items()]
        return "{" + _join(items, style, level) + "}"
    if isinstance(value, list):
        return "[" + _join([write(v, rnd, style, level + 1) for v in value], style, level) + "]"
    if isinstance(value, str):
        return _string(value, style)
    return json.dumps(value)


def _join(items: list[str], style: dict[str, Any], level: int) -> str:
    if not items:
        return ""
    indent = style["indent"]
    if indent is None:
        return style["comma"].join(items)
    pad = "\n" + " " * (indent * (level + 1))
    return pad + ("," + pad).join(items) + "\n" + " " * (indent * level)


def _string(text: str, style: dict[str, Any]) -> str:
    out = json.dumps(text, ensure_ascii=style["ascii"])
    if style["slash"]:
        out = out.replace("/", "\\/")
    if style["quote"] == "'" and '"' not in text and "'" not in text and "\\" not in out:
        out = "'" + out[1:-1] + "'"
    if style["bare"] and text.isidentifier() and text not in ("true", "false", "null"):
        out = text
    return out


#: Non-strict payloads json-smart reads (or rejects) in its own way.
ODD_BODIES = ["", " ", "a=1&b=2", "name=O%27Brien&x=%E6%97%A5&y=a+b&z", "k=v=w&&=&", "plain text", "{a:1, b: 'x y'}", "{'a': 'q'}", "{\"a\":1}xyz",
              "[1,2,]", "{\"a\":1,,\"b\":2}", "{\"a\": NaN}", "{\"a\": Infinity}", "{\"a\": 01}",
              "\"just a string\"", "42", "1.5", "true", "null", "[]", "{}", "{\"a\":", "[1, 2",
              "{\"a\": \"x\"} {\"b\": 1}", "{\"a\":1,\"a\":2}", "{\"a\": tru}", "{\"a\": 1 2}",
              "{\"a\": -}", "{\"a\": [1, {\"b\": x y}]}", "{\"items\": [{\"id\": 1}, {\"id\": 2}]}  \n",
              "\ufeff{\"a\":1}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\q\"}", "{\"a\":\"\\u00e9\"}",
              "[" * 399 + "1" + "]" * 399, "[" * 400 + "]" * 400, "[" * 401 + "]" * 401,
              '{"a":' * 400 + "1" + "}" * 400, '{"a":' * 401 + "1" + "}" * 401, "{\"a\":1}\u001a", "{\"a\":\"\u007f\"}"]


_MUTATIONS = [
    ('"', "'"), ('"', ""), (",", ",,"), ("]", ",]"), ("}", ",}"), (":", " : "), ("1", "01"), (".", ""),
    ("0", "NaN"), ("e", "E+"), ("\\", "\\x4"), ("\\u", "\\x"), (" ", "\t"), ("[", "[ ,"), ("x", "x y"),
    ("true", "True"), ("null", "nul"), ("-", "+"), ("{", "{ }"), ('"', '\\"'), ("a", "\x7f"), ("t", "\x1a"),
]


def mutate(rnd: random.Random, text: str) -> str:
    """A few local edits that json-smart's permissive parser may still accept."""
    for _ in range(rnd.randint(1, 3)):
        old, new = rnd.choice(_MUTATIONS)
        spots = [i for i in range(len(text)) if text.startswith(old, i)]
        if spots:
            at = rnd.choice(spots)
            text = text[:at] + new + text[at + len(old):]
    if rnd.random() < 0.2:
        text = text[: rnd.randrange(len(text) + 1)]
    return text


#: Pieces of JSON-like texts: json-smart's permissive parser reads most of what they make.
_TEXT_PIECES = ["{", "}", "[", "]", ",", ":", '"', "'", " ", "\n", "a", "b", "1", "-", ".", "e", "0", "E", "+",
                "true", "false", "null", "\\", "\\u00e9", "\\x41", "\\n", "/", "é", "😀", "\x01", "\x7f", "\x1a",
                '"a"', '"b":', "1.5", "12345678901234567890", "1e400", "Infinity", "-0", "01", " x ", "\t",
                "\u2028", '\\"', "\\'", '{"a":', "[1,", "]}", '"x"}', "tru", "nul"]


def text_body(rnd: random.Random) -> str:
    """A short text glued from JSON-like pieces."""
    return "".join(rnd.choice(_TEXT_PIECES) for _ in range(rnd.randint(1, 14)))


def body(rnd: random.Random) -> tuple[str, Any]:
    """A payload text and the value it was written from (``None`` for the odd texts)."""
    roll = rnd.random()
    if roll < 0.05:
        return text_body(rnd), None
    if roll < 0.1:
        return rnd.choice(ODD_BODIES), None
    value = _top(rnd)
    style = {"indent": rnd.choice([None, None, 2, 4]), "colon": rnd.choice([":", ": ", " : "]),
             "comma": rnd.choice([",", ", "]), "ascii": rnd.random() < 0.3, "slash": rnd.random() < 0.1,
             "quote": "'" if rnd.random() < 0.05 else '"', "bare": rnd.random() < 0.05}
    text = write(value, rnd, style)
    if rnd.random() < 0.15:
        text = mutate(rnd, text)
    roll = rnd.random()
    if roll < 0.03:
        text += " trailing"
    elif roll < 0.06:
        text = "\n  " + text + "\n"
    return text, value


# -- paths -------------------------------------------------------------------------------------

_FILTERS = ["@.p > 1", "@.p < 2", "@.p >= 1.5", "@.p == 1", "@.price > 100", "@.id == 2", "@.id != 1",
            "@.t == 'x'", "@.type == 'dog'", "@.name == 'O''Brien'", "@.p", "@.tags", "@.x",
            "@.p > 1 && @.t == 'x'", "@.id < 3 && @.id > 0", "@.name =~ /d.*/", "@.t != 'x'",
            "@.p == '1'", "@.id in [1, 2]", "@.price <= 249.99", "@.id > -1", "@['a-b']",
            "@.t == \"x\"", "@.p > @.id", "@ == 1", "@.x == null", "@.x == true", "!@.x", "!@.p",
            "@.t == 'x' || @.p > 1", "@.id == 1 || @.id == 2 && @.t", "@.type =~ /D.G/i", "@.name =~ /.*/",
            "@.p > $.p", "$.x", "@.tags[0] == 'x'", "@.x.id", "@.x.id > 0", "@ > 1", "@ == 'x'",
            "@.t > 'a'", "@.t < 'é'", "@.p>1", "@.p == 1.0", "@.p == 1e0", "@.p > abc", "@.x == false",
            "@.name == ''", "@.t == 'null'", "@.p != null", "@.id == @.p", "@.p >= -0.5", "@.p < 1E3",
            "@.tags.length() > 0", "@.x[0]", "@['name','t']", "@.*", "@..id", "@.p <", "@.p == 1 &&",
            "|| @.p", "@.p =~ 'x'", "@.t =~ /[/", "@.p == 2147483648", "@.p > 9223372036854775807"]
_SLICES = ["[0:2]", "[1:]", "[:2]", "[-2:]", "[:-1]", "[1:3]", "[0:0]", "[5:]", "[-1:]", "[2:1]"]
_ODD_STEPS = ["[ 0 ]", "[0 , 1]", "[ 1 : ]", "[1 2]", "[1a]", "[abc1]", "[(@.length-1)]", "[(@.size()-2)]",
              "[(@.length - 1)]", "[(@.length-0)]", "[(@.foo-1)]", "['a'b]", "[' a ']", "['']", "['a',]", "[,1]",
              "[1,]", "[-0]", "[:0]", "[0:-1]", "[-3:-1]", "[2147483648]", "[?]", "[?,?]", "$", ".", "['a']['b']",
              "[*][*]", ".*.*", "..*", "[\"a\"]", "['it''s']", ".a]b", "[a]", "['a' , 'b']", "['*']", "['$']"]
_SCANS = ["..KEY", "..KEY", "..*", "..[0]", "..['KEY']", "..[?(@.p > 1)]", "..KEY[0]", "..['a-b']",
          "..[*]", "..KEY.length()"]
_INVALID = ["", "$.", "$[", "$..", "$a", "a.b", "$['a", "$[?(@.x ===)]", "$.a[?]", "$[abc]", "$.a.",
            "$[0", "$.a b", "$$", "$.a[?(@.p > )]", "$[-]", "$[1:2:3]", "@.a", "$.['a']", "$..[0]",
            "$.*.*", "$[*].length()", "$['a','b'].x", "$[(@.length-1)]", "$.length()", "$..*"]


#: Pieces random paths are glued from: Jayway's compiler is a hand-written scanner that reads
#: odd texts in its own ways.
_CHAOS = ["$", ".", "..", "[", "]", "'", "?", "(", ")", "@", "*", ":", ",", "-", " ", "0", "1", "2", "a", "b",
          "id", "p", "items", "==", ">", "<", "!", "&&", "||", "=~", "/", "i", "\\", "length", "size()", "\"",
          "x", "[?(@.p > 1)]", "['a']", "[0]", "[*]", ".*", "[-1:]", "[(@.length-1)]", "t", "'x'", "null"]


def chaos_path(rnd: random.Random) -> str:
    """A path glued from random pieces, mostly starting like a path."""
    pieces = [rnd.choice(["$", "$.", "$[", "@.", "", "$.items"])]
    pieces += [rnd.choice(_CHAOS) for _ in range(rnd.randint(1, 8))]
    return "".join(pieces)


def _quoted(key: str) -> str:
    return "['" + key + "']"


def _simple(key: str) -> bool:
    return bool(key) and all(ch not in ".[ '\"*$@()?" for ch in key)


def path(rnd: random.Random, value: Any) -> str:
    """A random Jayway path, mostly one that walks ``value``."""
    roll = rnd.random()
    if roll < 0.07:
        return rnd.choice(_INVALID)
    if roll < 0.15:
        return chaos_path(rnd)
    out = "$"
    node = value
    for _ in range(rnd.randint(0, 4)):
        step, node = _step(rnd, node)
        out += step
        if rnd.random() < 0.25:
            break
    if rnd.random() < 0.05:
        out += ".length()"
    if rnd.random() < 0.05:
        out = out[2:] if out.startswith("$.") else out
    return out


def _step(rnd: random.Random, node: Any) -> tuple[str, Any]:
    roll = rnd.random()
    if isinstance(node, dict) and node and roll < 0.75:
        key = rnd.choice(list(node))
        if rnd.random() < 0.1:
            key = _key(rnd)  # maybe missing
        if _simple(key) and rnd.random() < 0.7:
            return "." + key, node.get(key)
        if "'" in key:
            return "." + key, node.get(key)
        if rnd.random() < 0.15:
            other = rnd.choice(list(node))
            if "'" not in other:
                return f"['{key}','{other}']", None
        return _quoted(key), node.get(key)
    if isinstance(node, list) and roll < 0.75:
        r = rnd.random()
        if r < 0.4 and node:
            i = rnd.randrange(len(node))
            return f"[{i}]", node[i]
        if r < 0.55:
            return "[*]", rnd.choice(node) if node else None
        if r < 0.7:
            return f"[?({rnd.choice(_FILTERS)})]", rnd.choice(node) if node else None
        if r < 0.8:
            return rnd.choice(_SLICES), rnd.choice(node) if node else None
        if r < 0.9:
            return rnd.choice(["[-1]", "[0,1]", "[1,0]", "[0, 2]", "[99]", "[(@.length-1)]"]), None
        return "[0]", node[0] if node else None
    r = rnd.random()
    if r < 0.1:
        return rnd.choice(_ODD_STEPS), None
    if r < 0.3:
        key = _key(rnd)
        return ("." + key if _simple(key) else _quoted(key.replace("'", ""))), None
    if r < 0.5:
        return rnd.choice([".*", "[*]"]), None
    if r < 0.7:
        return rnd.choice(_SCANS).replace("KEY", rnd.choice(PLAIN_KEYS)), None
    if r < 0.8:
        return f"[?({rnd.choice(_FILTERS)})]", None
    if r < 0.9:
        return rnd.choice(["[0]", "[-1]", "[1:]", "[0,1]"]), None
    return rnd.choice(["['a','b']", "['id','name']", "['x']"]), None


# -- templates ---------------------------------------------------------------------------------

#: Template pieces: ``@P@`` is a path in a single-quoted VTL string, ``@Q@`` in a double-quoted
#: one, ``@K@`` a property name or a method argument.
FORMS = [
    "$input.path(@P@)", "$input.json(@P@)", "$input.path(@P@)", "$input.json(@P@)",
    "$input.path(@P@).size()", "#foreach($x in $input.path(@P@))$x #end", "$input.path(@P@).get(0)",
    "$input.body", "$input.path(@P@).@K@", "$input.path(@P@)[0]", "$input.path(@P@).class.name",
    "$util.parseJson($input.json(@P@))", "#if($input.path(@P@))T#{else}F#end", "$input.json(@P@).length()",
    "\"$input.path(@P@)\"", "#foreach($k in $input.path(@P@).keySet())$k=$input.path(@P@).get($k);#end",
    "$input.path(@P@).isEmpty()", "#set($n = $input.path(@P@) + 1)$n", "#set($n = $input.path(@P@) * 2)$n",
    "#if($input.path(@P@) > 1)G#end", "$input.path(@P@).toString()", "#if($input.path(@P@) == 'x')EQ#end",
    "$input.path(@P@).keySet()", "$input.path(@P@).values()", "$input.path(@P@).contains('x')",
    "#foreach($x in $input.path(@P@))$x.@K@,#end", "$input.path(@P@).length()", "$input.path(@P@).entrySet()",
    "$util.escapeJavaScript($input.path(@P@))", "$input.json(@P@).replaceAll('\\\\/', '/')",
    "#set($v = $input.path(@P@))#if($v.size() > 0)$v.get(0)#end", "$input.path(@P@).hashCode()",
    "$input.path(@P@).equals($input.path(@P@))", "$input.path(@P@).indexOf(1)", "{\"v\": $input.json(@P@)}",
    "$input.path(@P@).class.simpleName", "$input.path(@P@).doubleValue()", "$input.path(@P@).intValue()",
    "$input.path(@P@).longValue()", "#if($input.path(@P@) == 1)ONE#end", "$input.path(@P@).compareTo(1)",
    "$input.path(@P@).substring(0, 1)", "$input.path(@P@).toUpperCase()", "$input.path(@P@).get('id')",
    "$input.path(@P@).get(@K@)", "#set($m = $input.path(@P@))#foreach($e in $m.entrySet())$e.key:$e.value;#end",
    "#foreach($x in $input.path(@P@))#foreach($y in $x)$y,#end;#end", "$input.path(@P@).subList(0, 1)",
    "#set($n = $input.path(@P@) - 0.5)$n", "#set($n = $input.path(@P@) / 3)$n", "#set($n = $input.path(@P@) % 2)$n",
    "$input.json(@P@).matches('.*[0-9].*')", "#set($s = \"$input.path(@P@)\")$s.length()",
    "$util.parseJson($input.json(@P@)).size()", "$util.escapeJavaScript($input.json(@P@))",
    "$input.path(@P@).toString().length()", "$input.path(@P@).containsKey('id')",
    "$input.path(@Q@)", "$input.json(@Q@)", "#set($p = @P@)$input.json($p)|$input.path($p).size()",
    "#foreach($kv in $input.path('$').split('&'))#set($p = $kv.split('='))$p[0]=$util.urlDecode($p[1]);#end",
    "#set($b = $input.path('$'))#foreach($k in $b.keySet())\"$k\": $input.json(\"$['$k']\"),#end",
    # Changing what path() handed out, then reading again: later reads see the payload as sent.
    "#set($v = $input.path(@P@))#set($x = $v.put('id', 'new'))$v|$input.json(@P@)|$input.path(@P@)",
    "#set($v = $input.path(@P@))#set($x = $v.add(7))$v|$input.json(@P@)|$input.path(@P@).size()",
    "#set($v = $input.path('$'))#set($x = $v.clear())$v|$input.json('$')|$input.path(@P@)",
    "#set($v = $input.path(@P@))#set($x = $v.remove(0))$v|$input.path(@P@)|$input.json('$')",
]


def _vtl_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def template(rnd: random.Random, value: Any) -> str:
    """One to three pieces, each reading its own random path."""
    pieces = []
    for _ in range(rnd.choice([1, 1, 2, 3])):
        form = rnd.choice(FORMS)
        chosen = path(rnd, value)
        form = form.replace("@P@", _vtl_literal(chosen)).replace("@Q@", '"' + chosen.replace('"', '""') + '"')
        form = form.replace("@K@", rnd.choice(["id", "name", "a", "p", "size", "t", "x", "'id'", "0", "1"]))
        pieces.append(form)
    return "|".join(pieces)


@dataclass
class Example:
    """One case: a template, its payload, and whether that is a response body."""

    template: str
    body: str
    response: bool

    def request(self) -> dict[str, Any]:
        """What goes with the template to the oracle (and into a corpus case)."""
        event = {"httpMethod": "POST", "resource": "/items", "path": "/items"}
        if self.response:
            return {"event": event, "response_body": self.body}
        event["body"] = self.body
        return {"event": event}


def generate(rnd: random.Random) -> Example:
    text, value = body(rnd)
    if value is None:
        value = {"a": {"b": [1, 2]}, "items": [{"id": 1}]}
    return Example(template(rnd, value), text, rnd.random() < 0.2)


# -- the check ---------------------------------------------------------------------------------


class InputDiffer(Differ):
    """:class:`conformance.fuzz.Differ` for ``$input`` examples: the "variables" of an item
    are its :meth:`Example.request` (event, maybe a response body)."""

    def __init__(self, oracle: Any) -> None:
        super().__init__(oracle, PROFILE)

    def answers(self, items: list[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
        return self.oracle.render_many([{"template": t, "profile": PROFILE, **req} for t, req in items])

    def disagreements(self, items: list[tuple[str, dict[str, Any]]]) -> list[tuple[dict[str, Any], str | None]]:
        out = []
        for (template_text, req), answer in zip(items, self.answers(items)):
            if answer.get("error") in UNRECORDABLE:
                out.append((answer, None))
                continue
            outcome = check(as_case(template_text, req, answer), PROFILE)
            failed = outcome.status == "fail" and not _oracle_artefact(answer)
            out.append((answer, outcome.detail if failed else None))
        return out

    def shrink(self, template_text: str, req: dict[str, Any], kind: str, budget: float = 20.0) -> tuple[str, dict[str, Any]]:
        """The template reduced as :class:`Differ` does, then the payload by units; ``kind``
        is what the oracle and apigw-vtl did (see :func:`kind_of`), kept while shrinking."""
        deadline = time.monotonic() + budget

        def interesting_with(make: Any) -> Any:
            def interesting(cands: list[tuple[str, dict[str, Any]]]) -> int | None:
                for k, (answer, detail) in enumerate(self.disagreements([make(c) for c in cands])):
                    if detail is not None and kind_of(answer, detail) == kind:
                        return k
                return None
            return interesting

        from .fuzz import _UNITS

        units = _UNITS.findall(template_text)
        units = self._ddmin(units, req, interesting_with(lambda c: (c[0], req)), deadline)
        template_text = "".join(units)
        key = "response_body" if "response_body" in req else None
        text = req["response_body"] if key else req["event"].get("body", "")

        def with_body(new: str) -> dict[str, Any]:
            if key:
                return {**req, "response_body": new}
            return {**req, "event": {**req["event"], "body": new}}

        chunks = _UNITS.findall(text)
        chunks = self._ddmin(chunks, req, interesting_with(lambda c: (template_text, with_body(c[0]))),
                             deadline + budget)
        return template_text, with_body("".join(chunks))


def _oracle_artefact(answer: dict[str, Any]) -> bool:
    """The oracle's own emulation shows: ``$input`` itself printed (its Java class is the
    oracle's ``ApiGateway$Input``, not AWS's)."""
    return "ApiGateway$" in answer.get("output", "") + answer.get("message", "")


def as_case(template_text: str, req: dict[str, Any], answer: dict[str, Any]) -> dict[str, Any]:
    """A corpus-shaped case holding the oracle's answer, for :func:`conformance.report.check`."""
    return {"id": "fuzz-input", "template": template_text, **req, "mask": True, PROFILE: expectation(answer)}


def run(examples: int, seed: int, show: int, batch: int, shrink: bool) -> int:
    """Run the differential check; prints a summary and returns the number of disagreements."""
    from .oracle import Oracle

    rnd = random.Random(seed)
    counted = agreed = skipped = 0
    kinds: Counter = Counter()
    bad: list[tuple[str, dict[str, Any], dict[str, Any], str]] = []
    started = time.monotonic()
    with Oracle() as oracle:
        differ = InputDiffer(oracle)
        done = 0
        while done < examples:
            n = min(batch, examples - done)
            items = [(e.template, e.request()) for e in (generate(rnd) for _ in range(n))]
            for (template_text, req), (answer, detail) in zip(items, differ.disagreements(items)):
                if answer.get("error") in UNRECORDABLE:
                    skipped += 1
                    continue
                counted += 1
                if detail is None:
                    agreed += 1
                else:
                    kinds[kind_of(answer, detail)] += 1
                    bad.append((template_text, req, answer, detail))
            done += n
        print_summary("$input", agreed, counted, skipped, time.monotonic() - started, seed, kinds)
        for k, (template_text, req, answer, detail) in enumerate(bad[:show]):
            if shrink:
                template_text, req = differ.shrink(template_text, req, kind_of(answer, detail))
                answer, detail = differ.disagreements([(template_text, req)])[0]
            where = "response_body" if "response_body" in req else "body"
            payload = req.get("response_body", req["event"].get("body"))
            print(f"\n  #{k + 1} template: {template_text!r}")
            print(f"     {where}: {payload!r}")
            print(f"     oracle: {json.dumps(answer, ensure_ascii=False)[:300]}")
            print("     " + (detail or "agrees after shrinking").replace("\n", "\n     "))
    return len(bad)


def main(argv: list[str] | None = None) -> int:
    return command_line("conformance.fuzz_input", __doc__ or "", run, argv)


if __name__ == "__main__":
    sys.exit(main())
