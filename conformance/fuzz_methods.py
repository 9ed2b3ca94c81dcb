"""Differential fuzzing of Java method calls: String, List, Map and Number methods called
from templates with realistic receivers and arguments, in apigw-vtl and in Velocity 1.7.

    python -m conformance.fuzz_methods --examples 2000 [--profile velocity] [--seed 1] [--show 10]

Where ``conformance.fuzz`` generates structurally random templates, this generator writes the
calls templates in the wild make (``$s.substring(2, 5)``, ``$l.subList(1, 3)``,
``$s.split(",").get(1).trim()``) with arguments in range, out of range, of the wrong type or
null, on receivers holding unicode (``ß``, ``İ``, final sigma, astral characters), nulls and
nested collections. Disagreements are reported and shrunk as ``conformance.fuzz`` does.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field
from typing import Any

from .fuzz import command_line, run

# -- receivers -------------------------------------------------------------------------------

STRINGS = [
    "", "a", "abc", "hello world", "a,b,,c,", ",a,", " sp ", "  ", "\t x \u000b", "A-1", "10", "-7",
    "3.5", "true", "O'Brien", "a.b.c", "AbC", "x\u0000y", "ß", "straße", "STRASSE", "İstanbul", "ıi",
    "ΟΔΟΣ", "όσος", "Σ", "😀", "a😀b", "😀😀x", "ǅ", "ﬁ", "Ⅻ", "ÀÉ", "e\u0301", "\u00a0nb\u00a0",
    "\u2003em", "a\nb\r\nc", "𝔘𝔫𝔦", "k=v&x=y", "[1, 2]", "{a=1}", "$x", "\\d", "%s",
    "ΣΑΣ ΟΔΟΣ.", "aΣ", "Σa", "a\u0301Σ", "AΣ\u0301b", "ᾳ", "ŉ", "ǰ", "Ab\u0345", "İi", "Iı", "ǈ", "𐐀𐐨",
    "a\\tb\\101", "x\\", "\\q", "  x\n    y\n  ", "\ud83dz\ude00", "\udc00\ud800", "  a\r\n\tb  ",
]
LISTS: list[list[Any]] = [
    [], [1, 2, 3], ["a", "b", "c", "a"], [1, None, "x"], [None], [[1, 2], [3]], [{"a": 1}, {"b": None}],
    ["ß", "😀", ""], [1.5, 2, 3000000000], [True, False], ["x"], [3, 1, 2, 1], ["10", 10, 10.0],
    [1e20, -0.0, 0.1, 12345678901234567890], [{"a": [1, {"b": None}]}, [None, "x"]], ["a", ["a"], {"a": "a"}],
]
MAPS: list[dict[str, Any]] = [
    {}, {"a": 1, "b": None}, {"k": "v", "n": [1, 2]}, {"x": {"y": 1}}, {"1": "one", "a": "A"},
    {"ß": "s", "😀": 2}, {"a": 1, "b": 2, "c": 3}, {"empty": "", "size": 5},
    {"a": [1, {"b": [None]}], "n": 1e20, "z": -0.0}, {"k": True, "x": "1", "1": 1},
]
NUMBERS: list[Any] = [
    0, 1, 5, -3, 42, 2147483647, -2147483648, 3000000000, -9223372036854775808, 9223372036854775807,
    1.5, -0.0, 0.1, 1e20, 100.0, 2.5e-8, 12345678901234567890,
]

# -- argument literals -----------------------------------------------------------------------

STRING_LITERALS = ["'a'", "','", "''", "' '", "'b'", "'c'", "'ab'", "'A'", "'ss'", "'SS'", "'ß'", "'i'",
                   "'I'", "'😀'", '"x"', "'.'", "'-'", "'abc'", "'hello'", "'world'", "'o'", "'l'"]
REGEX_LITERALS = ["','", "'\\s+'", "'[,.]'", "'(a)(b)?'", "'$'", "'^'", "'.'", "'|'", "'\\.'", "'a*'",
                  "'(?i)A'", "'\\b'", "'[^a-z]'", "'\\p{L}'", "'\\p{Lu}+'", "'(?<n>a)'", "'\\d+'", "'='",
                  "'&'", "''", "'(?=b)'", "'x?'", "'\\W'", "'[😀]'", "'.*'", "' '", "'\\\\'"]
REPLACEMENT_LITERALS = ["'x'", "'$1'", "'\\$'", "'$0$0'", "'${n}'", "'\\\\'", "''", "'[$0]'", "'-'", "'$2'",
                        "'\\x'"]
INT_SMALL = ["0", "1", "2", "3", "-1", "5", "10", "100"]
WRONG_INTS = ["3000000000", "1.0", "'1'", "$null", "true", "-2147483648", "2147483647"]
OBJECTS = ["1", "'a'", "$null", "'x'", "2", "1.5", "true", "[1, 2]", "{'a': 1}", "'1'", "3000000000", "''", "[]"]


@dataclass
class Call:
    """One method: its name and the kinds of its arguments (``i`` int, ``s`` string, ``r``
    regex, ``p`` replacement, ``o`` any object, ``l`` list, ``m`` map, ``c`` one character,
    ``f`` format string, ``n`` number), and the kind of value it returns."""

    name: str
    args: str = ""
    returns: str = "?"
    weight: int = 1


STRING_CALLS = [
    Call("substring", "i", "S", 3), Call("substring", "ii", "S", 4), Call("indexOf", "s", "N", 2),
    Call("indexOf", "si", "N"), Call("indexOf", "c", "N"), Call("lastIndexOf", "s", "N"), Call("lastIndexOf", "si", "N"),
    Call("replace", "ss", "S", 2), Call("replace", "cc", "S"), Call("replaceAll", "rp", "S", 3), Call("replaceFirst", "rp", "S"),
    Call("split", "r", "A", 3), Call("split", "ri", "A", 2), Call("matches", "r", "B"), Call("contains", "s", "B"),
    Call("startsWith", "s", "B"), Call("startsWith", "si", "B"), Call("endsWith", "s", "B"),
    Call("toUpperCase", "", "S", 3), Call("toLowerCase", "", "S", 3), Call("trim", "", "S", 2), Call("length", "", "N", 2),
    Call("charAt", "i", "C", 2), Call("isEmpty", "", "B"), Call("equals", "o", "B"), Call("equalsIgnoreCase", "s", "B", 2),
    Call("compareTo", "s", "N"), Call("compareToIgnoreCase", "s", "N", 2), Call("concat", "s", "S"),
    Call("codePointAt", "i", "N"), Call("hashCode", "", "N"), Call("join", "sl", "S"), Call("join", "sss", "S"),
    Call("format", "fo", "S", 2), Call("format", "foo", "S"), Call("valueOf", "o", "S"), Call("chars().count", "", "P"),
    Call("toString", "", "S"), Call("strip", "", "S"), Call("isBlank", "", "B"), Call("repeat", "i", "S"),
    Call("codePointCount", "ii", "N"), Call("subSequence", "ii", "S"), Call("toCharArray", "", "A"),
    Call("getBytes", "", "A"), Call("contentEquals", "s", "B"), Call("regionMatches", "isii", "B"),
    Call("regionMatches", "bisii", "B"), Call("codePointBefore", "i", "N"), Call("offsetByCodePoints", "ii", "N"),
    Call("getBytes", "e", "A"), Call("stripIndent", "", "S"), Call("translateEscapes", "", "S"),
    Call("indexOf", "ci", "N"), Call("lastIndexOf", "ci", "N"), Call("lastIndexOf", "c", "N"), Call("endsWith", "s", "B"),
    Call("stripLeading", "", "S"), Call("stripTrailing", "", "S"), Call("lines().count", "", "P"),
    Call("indent", "i", "S"), Call("codePoints().count", "", "P"), Call("intern", "", "S"),
    Call("chars().max", "", "P"), Call("chars().distinct().count", "", "P"), Call("chars().limit", "i", "P"),
    Call("codePoints().sorted().boxed().toList", "", "L"),
]
LIST_CALLS = [
    Call("get", "i", "?", 4), Call("size", "", "N", 2), Call("isEmpty", "", "B"), Call("contains", "o", "B", 2),
    Call("indexOf", "o", "N"), Call("lastIndexOf", "o", "N"), Call("add", "o", "B", 2), Call("add", "io", "S", 2),
    Call("remove", "i", "?", 2), Call("remove", "o", "?", 2), Call("set", "io", "?", 2), Call("subList", "ii", "A", 3),
    Call("addAll", "l", "B"), Call("addAll", "il", "B"), Call("containsAll", "l", "B"), Call("clear", "", "S"),
    Call("toString", "", "S", 2), Call("equals", "o", "B"), Call("hashCode", "", "N"), Call("removeAll", "l", "B"),
    Call("retainAll", "l", "B"), Call("iterator().next", "", "?"), Call("sort", "z", "S"), Call("toArray", "", "A"),
    Call("stream().count", "", "P"), Call("removeIf", "z", "S"), Call("replaceAll", "z", "S"),
    Call("stream().distinct().toList", "", "L"), Call("stream().sorted().toList", "", "L"),
    Call("stream().findFirst().orElse", "o", "?"), Call("stream().skip", "i", "P"), Call("listIterator", "i", "P"),
]
ARRAY_CALLS = [Call("get", "i", "S", 4), Call("size", "", "N", 2), Call("isEmpty", "", "B"), Call("contains", "o", "B"),
               Call("indexOf", "o", "N"), Call("set", "io", "?"), Call("iterator().next", "", "?"), Call("remove", "o", "B"),
               Call("removeAll", "l", "B"), Call("retainAll", "l", "B"), Call("sort", "z", "S"), Call("lastIndexOf", "o", "N"),
               Call("subList", "ii", "A"), Call("toArray", "", "A"), Call("containsAll", "l", "B")]
MAP_CALLS = [
    Call("get", "k", "?", 4), Call("put", "ko", "?", 3), Call("putAll", "m", "S"), Call("remove", "k", "?", 2),
    Call("containsKey", "k", "B", 2), Call("containsValue", "o", "B"), Call("keySet", "", "L", 2),
    Call("values", "", "A", 2), Call("entrySet", "", "L"), Call("size", "", "N"), Call("isEmpty", "", "B"),
    Call("getOrDefault", "ko", "?", 2), Call("putIfAbsent", "ko", "?", 2), Call("toString", "", "S"),
    Call("equals", "o", "B"), Call("hashCode", "", "N"), Call("clear", "", "S"), Call("remove", "ko", "B"),
    Call("replace", "ko", "?"), Call("replace", "koo", "B"), Call("remove", "ko", "B"), Call("compute", "kz", "?"),
    Call("merge", "koz", "?"), Call("replaceAll", "z", "S"),
]
NUMBER_CALLS = [
    Call("intValue", "", "N", 2), Call("longValue", "", "P"), Call("doubleValue", "", "N", 2), Call("floatValue", "", "N"),
    Call("shortValue", "", "P"), Call("byteValue", "", "P"), Call("compareTo", "n", "N", 2), Call("equals", "n", "B", 2),
    Call("toString", "", "S", 2), Call("hashCode", "", "N"), Call("isNaN", "", "B"), Call("isInfinite", "", "B"),
    Call("toString", "n", "S"), Call("valueOf", "s", "P"), Call("parseInt", "s", "N"), Call("parseLong", "s", "P"),
    Call("parseDouble", "s", "N"), Call("max", "nn", "P"), Call("min", "nn", "P"), Call("sum", "nn", "P"),
    Call("signum", "n", "N"), Call("toHexString", "n", "S"), Call("compare", "nn", "N"), Call("abs", "n", "P"),
    Call("decode", "d", "P"), Call("parseUnsignedInt", "d", "N"), Call("parseUnsignedLong", "d", "P"),
    Call("parseInt", "di", "N"), Call("parseLong", "di", "P"), Call("valueOf", "di", "P"), Call("toString", "ni", "S"),
    Call("toUnsignedString", "n", "S"), Call("toUnsignedString", "ni", "S"), Call("doubleToLongBits", "n", "P"),
    Call("longBitsToDouble", "n", "N"), Call("toBinaryString", "n", "S"), Call("toOctalString", "n", "S"),
]
BOOLEAN_CALLS = [Call("toString", "", "S"), Call("equals", "o", "B"), Call("hashCode", "", "N"),
                 Call("compareTo", "o", "N"), Call("booleanValue", "", "B"), Call("logicalAnd", "oo", "B"),
                 Call("parseBoolean", "s", "B"), Call("valueOf", "s", "B"), Call("getClass().getSimpleName", "", "S")]
CHAR_CALLS = [Call("toString", "", "S"), Call("equals", "o", "B"), Call("hashCode", "", "N"), Call("compareTo", "o", "N"),
              Call("charValue", "", "C"), Call("isLetter", "c", "B"), Call("toUpperCase", "c", "C"),
              Call("getNumericValue", "c", "N"), Call("isDigit", "c", "B"), Call("getClass().getSimpleName", "", "S")]
CALLS = {"S": STRING_CALLS, "L": LIST_CALLS, "A": ARRAY_CALLS, "M": MAP_CALLS, "N": NUMBER_CALLS,
         "B": BOOLEAN_CALLS, "C": CHAR_CALLS}
NUMBER_ARGS = ["0", "1", "-1", "5", "2.5", "3000000000", "'7'", "$null", "-0.0", "2147483647", "1e3"]
#: Texts for parse/decode calls: signs, prefixes, radix digits, range edges.
NUMBER_TEXTS = ["'0x1F'", "'-#10'", "'010'", "'08'", "'+5'", "'-0'", "''", "' 1'", "'--1'", "'2147483648'", "'-2147483649'",
                "'4294967295'", "'-21474836480'", "'18446744073709551615'", "'ff'", "'FFFFFFFF'", "'zz'", "'1e3'", "'0x'",
                "'9223372036854775808'", "'-9223372036854775808'", "'\u0661\u0662'", "$null", "'+'", "'1_000'"]
#: Charset names for ``getBytes``.
CHARSET_LITERALS = ["'UTF-8'", "'utf8'", "'ISO-8859-1'", "'US-ASCII'", "'UTF-16'", "'UTF-16LE'", "'UTF-32'", "'latin1'",
                    "'nope'", "''", "$null", "'Cp1252'"]
FORMATS_MORE = ["'%5s|'", "'%.2f'", "'%d'", "'%X'", "'%g'", "'%a'", "'%(d'", "'% d'", "'%+.1e'", "'%08d'",
                "'%2$s'", "'%<s'", "'%5%'", "'%-d'", "'%,.2f'", "'%.3s'", "'%10.4f|'", "'%-8b|'", "'%#x'", "'%#o'",
                "'%s %s %s'", "'%c%c'", "'%.0f'", "'%e'", "'%.10g'", "'%S'", "'%1$s-%1$S'", "'%-10s|'"]
FORMATS = ["'%s'", "'%d'", "'%5.2f'", "'%-4s|'", "'%x'", "'%s-%s'", "'%,d'", "'%08.3f'", "'%b'", "'%c'", "'%%'",
           "'%S'", "'%e'", "'%.1s'", "'%10s'", "'%n'", "'%o'", "'%h'", "'%1$s%1$s'", "'%+d'"]


#: Call sequences templates use, with holes: ``{S}``/``{L}``/``{M}``/``{N}`` a variable of that
#: kind, ``{i}``/``{s}``/``{r}``/``{o}``/``{k}``/``{f}`` an argument of that kind, ``{j}`` a small
#: integer literal.
IDIOMS = [
    "#set($p = {S}.indexOf({s}))#if($p >= 0){S}.substring(0, $p)|{S}.substring($p)#end",
    "{S}.substring({S}.length())",
    "#set($n = {S}.length() - {i})[{S}.substring($n)]",
    "#foreach($x in {S}.split({r}))[$x.trim()]#end",
    "#foreach($x in {S}.split({r}, {i}))[$x]#end",
    "{S}.split({r}).get({i}).trim()",
    "{S}.split({r}).size()",
    "#if({S}.matches({r}))y#{else}n#end",
    "{S}.replaceAll({r}, {s}).toUpperCase()",
    "{S}.toLowerCase().contains({S}.toLowerCase())",
    "{S}.substring(0, 1).toUpperCase(){S}.substring(1)",
    "{S}.charAt(0).toString().equals({s})",
    "{S}.codePointAt({i}) {S}.length() {S}.codePointCount(0, {S}.length())",
    "#set($l = {S}.split({r}))$l.size() #foreach($x in $l)$velocityCount:$x #end",
    "{L}.get(0).get({k})",
    "{L}.subList({i}, {L}.size())",
    "#foreach($x in {L})$x.getClass().getSimpleName() #end",
    "{L}.contains({L}.get({i}))",
    "#set($d = {L}.add({o}))#set($d = {L}.remove({i})){L} {L}.size()",
    "{L}.indexOf({o}) {L}.lastIndexOf({o}) {L}.contains({o})",
    "{M}.keySet() {M}.values() {M}.entrySet()",
    "#foreach($e in {M}.entrySet())$e.key=$e.value;#end",
    "#set($d = {M}.put({k}, {o})){M} {M}.size() {M}.containsKey({k})",
    "{M}.get({k}).toString().length()",
    "{M}.getOrDefault({k}, {o}) {M}.putIfAbsent({k}, {o}) {M}",
    "#set($d = {M}.remove({k})){M}.keySet().toString()",
    "{M}.equals({M}) {M}.hashCode() {L}.hashCode() {S}.hashCode()",
    "{S}.format({f}, {o}) {S}.format({f}, {N})",
    "{S}.format({f}, {S}) {S}.format({f}, {L}) {S}.format({f}, {M})",
    "{S}.format({f}, {N}, {o}, {s})",
    "{S}.format({f}, {S}.charAt(0)) {S}.format({f}, {S}.length())",
    "{N}.toString().length() {N}.intValue() {N}.doubleValue()",
    "#set($x = {N} + {i}){N}.compareTo($x) $x.equals({N})",
    "{S}.valueOf({o}) {S}.valueOf({L}) {S}.valueOf({M})",
    "{S}.join({s}, {L})",
    "{S}.equalsIgnoreCase({S}.toUpperCase()) {S}.compareToIgnoreCase({S}.toLowerCase())",
    "{S}.toUpperCase().length() {S}.toLowerCase().length()",
    "{S}.trim().isEmpty() {S}.strip().isEmpty() {S}.isBlank()",
    "#set($r = [{j}..{j}])$r $r.size() $r.subList(0, $r.size()) $r.get({i}) $r.contains({o})",
    "#set($r = [{j}..3])#foreach($x in $r){S}.substring($x) #end",
    "#foreach($x in {L})$x.equals({o}) $x.hashCode() #end",
    "#foreach($k in {M}.keySet()){M}.get($k).getClass().getName() #end",
    "{S}.isEmpty().equals({S}.length() == 0) {S}.charAt({i}).isLetter({S}.charAt({i}))",
]


@dataclass
class Builder:
    """Builds one example: variables, ``#set`` lines and printed calls."""

    rnd: random.Random
    variables: dict[str, Any] = field(default_factory=dict)
    head: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # variable -> kind

    def pick(self, items: list[Any]) -> Any:
        return self.rnd.choice(items)

    def chance(self, p: float) -> bool:
        return self.rnd.random() < p

    def receiver(self, kind: str) -> str:
        """A reference to a fresh or existing variable of ``kind`` (S, L, M, N)."""
        existing = [n for n, k in self.names.items() if k == kind]
        if existing and self.chance(0.4):
            return existing[0]
        name = f"{kind.lower()}{len(self.names)}"
        self.names[name] = kind
        value = self.pick({"S": STRINGS, "L": LISTS, "M": MAPS, "N": NUMBERS}[kind])
        if self.chance(0.25) and kind != "N":
            literal = _literal(value)
            if literal is not None:
                self.head.append(f"#set(${name} = {literal})")
                return name
        self.variables[name] = value
        return name

    def index(self) -> str:
        if self.chance(0.12):
            return self.pick(WRONG_INTS)
        if self.chance(0.1):
            return "$" + self.receiver("N")
        return self.pick(INT_SMALL)

    def string(self) -> str:
        roll = self.rnd.random()
        if roll < 0.6:
            return self.pick(STRING_LITERALS)
        if roll < 0.75:
            return "$" + self.receiver("S")
        if roll < 0.82:
            return "$null"
        if roll < 0.9:
            return self.pick(["1", "1.5", "true", "[1]"])
        return f'"${self.receiver("S")}x"'

    def argument(self, kind: str) -> str:
        if kind == "i":
            return self.index()
        if kind == "j":  # a range bound (a Long bound is a gap of the compiler, not of the methods)
            return self.pick(INT_SMALL)
        if kind == "s":
            return self.string()
        if kind == "r":
            return self.pick(REGEX_LITERALS) if self.chance(0.9) else self.string()
        if kind == "p":
            return self.pick(REPLACEMENT_LITERALS) if self.chance(0.9) else self.string()
        if kind == "c":
            return self.pick(["'a'", "'b'", "'ß'", "'😀'", "$s0.charAt(0)", "97"]) if self.chance(0.9) else self.string()
        if kind == "f":
            return self.pick(FORMATS) if self.chance(0.6) else self.pick(FORMATS_MORE)
        if kind == "n":
            return self.pick(NUMBER_ARGS)
        if kind == "d":
            return self.pick(NUMBER_TEXTS) if self.chance(0.85) else self.string()
        if kind == "e":
            return self.pick(CHARSET_LITERALS)
        if kind == "b":
            return self.pick(["true", "false", "$null", "1"])
        if kind == "z":  # a functional argument: templates only have null (or a wrong value)
            return "$null" if self.chance(0.85) else self.pick(["1", "'f'", "[]"])
        if kind == "l":
            return self.pick(["[1, 2]", "['a']", "[]", "$null", "[$null]", "'a'"]) if self.chance(0.6) else "$" + self.receiver("L")
        if kind == "m":
            return self.pick(["{'a': 2}", "{}", "$null", "{'z': $null}"]) if self.chance(0.6) else "$" + self.receiver("M")
        if kind == "k":
            return self.pick(["'a'", "'b'", "'k'", "'x'", "'1'", "1", "$null", "'zz'", "'😀'", "'ß'", "'empty'"])
        return self.pick(OBJECTS) if self.chance(0.8) else "$" + self.receiver(self.pick("SLMN"))

    def call(self, kind: str) -> tuple[str, str]:
        calls = CALLS[kind]
        method = self.rnd.choices(calls, weights=[c.weight for c in calls])[0]
        if kind == "A" and self.chance(0.3):  # a wrong arity now and then (what it returns may be
            method = Call(method.name, method.args + "i", "P")  # an array: its hashCode is an identity)
        args = ", ".join(self.argument(a) for a in method.args)
        return f".{method.name}({args})", method.returns

    def expression(self) -> str:
        kind = self.pick("SSSSLLLMMN")
        ref = self.receiver(kind)
        text = ref
        for _ in range(self.rnd.choice((1, 1, 1, 2, 2, 3))):
            if kind == "?":
                kind = self.pick("SSLM")
            if kind == "P":  # a Long, Short or Byte: its class is not modelled, print it
                break
            part, kind = self.call(kind)
            text += part
        return text

    def idiom(self) -> str:
        """One of :data:`IDIOMS` with its holes filled."""
        parts = self.pick(IDIOMS).split("{")
        out = [parts[0]]
        same: dict[str, str] = {}  # one variable per kind within the idiom
        for part in parts[1:]:
            hole, rest = part[0], part[2:]
            if hole in "SLMN":
                same.setdefault(hole, "$" + self.receiver(hole))
                out.append(same[hole])
            else:
                out.append(self.argument(hole))
            out.append(rest)
        return "".join(out)

    def statement(self) -> str:
        if self.chance(0.3):
            return f"[{self.idiom()}]"
        expr = self.expression()
        roll = self.rnd.random()
        if roll < 0.1:
            return f"#set($r = ${expr})[$r]"
        if roll < 0.15:
            return f"[$!{expr}]"
        if roll < 0.2:
            return f"[${{{expr}}}]"
        return f"[${expr}]"

    def template(self) -> str:
        body = " ".join(self.statement() for _ in range(self.rnd.choice((1, 1, 2, 3))))
        if self.chance(0.3) and self.names:  # print a receiver after the calls (mutations)
            body += " $" + self.pick(sorted(self.names))
        if "$s0" in body and "s0" not in self.names:
            self.variables["s0"] = "abc"
        return "".join(self.head) + body


def _literal(value: Any) -> str | None:
    """``value`` as a VTL literal, or None when it has no faithful single-quoted form."""
    if value is None:
        return "$null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, int) or "e" not in repr(value) else None
    if isinstance(value, str):
        return None if "'" in value or "\n" in value or "\r" in value else f"'{value}'"
    if isinstance(value, list):
        parts = [_literal(v) for v in value]
        return None if None in parts else "[" + ", ".join(parts) + "]"
    if isinstance(value, dict):
        parts = [(_literal(k), _literal(v)) for k, v in value.items()]
        if any(k is None or v is None for k, v in parts):
            return None
        return "{" + ", ".join(f"{k}: {v}" for k, v in parts) + "}"
    return None


def generate(rnd: random.Random) -> tuple[str, dict[str, Any]]:
    """One random (template, variables) example."""
    builder = Builder(rnd)
    template = builder.template()
    return template, builder.variables


# -- driver ----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    def run_methods(*args: Any) -> int:
        return run(*args, make=generate)

    return command_line("conformance.fuzz_methods", __doc__ or "", run_methods, argv, profiles=True)


if __name__ == "__main__":
    sys.exit(main())
