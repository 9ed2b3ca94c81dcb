"""java.lang.String: every common method with plausible and edge arguments, literals."""

from __future__ import annotations

from . import Cases
from ._common import slug

SUBJECTS = {
    "word": "hello",
    "empty": "",
    "padded": "  sp ace  ",
    "csv": "a,b,,c,,",
    "unicode": "é😀x",
    "mixed": "Hello World",
}

#: Method calls tried on every subject.
METHODS = [
    "length()", "isEmpty()", "isBlank()", "toUpperCase()", "toLowerCase()", "trim()", "strip()",
    "stripLeading()", "stripTrailing()", "toString()", "hashCode()", "intern()",
    "charAt(0)", "charAt(1)", "charAt(-1)", "charAt(99)",
    "substring(0)", "substring(1)", "substring(2, 4)", "substring(3, 1)", "substring(0, 0)",
    "substring(99)",
    "indexOf('l')", "indexOf('l', 3)", "indexOf('')", "indexOf('zz')", "lastIndexOf('l')",
    "lastIndexOf(',')", "contains('ll')", "contains('')", "startsWith('he')", "startsWith('')",
    "startsWith('l', 2)", "endsWith('o')", "endsWith(',')", "equals('hello')", "equals($n)",
    "equalsIgnoreCase('HELLO')", "compareTo('hello')", "compareTo('a')", "compareTo('z')",
    "compareToIgnoreCase('HELLO')", "concat('!')", "concat('')",
    "replace('l', 'L')", "replace('', '-')", "replace(',', ';')", "replaceAll('l', 'L')",
    "replaceAll('[aeiou]', '*')", "replaceFirst('l', '_')", "matches('h.*')", "matches('')",
    "split(',').size()", "split(',', -1).size()", "split(',', 2).size()", "split('').size()",
    "split(',')[0]", "repeat(3)", "repeat(0)", "codePointAt(0)", "codePointCount(0, 1)",
    "chars().count()", "getBytes().size()", "toCharArray().size()", "regionMatches(1, 'ell', 0, 3)",
    "contentEquals('hello')", "lines().count()", "indent(2)", "class.name", "bytes.size()",
    "join('-', 'a', 'b')", "valueOf(5)", "format('%s=%d', 'x', 3)", "empty", "blank",
    "toUpperCase().toLowerCase().length()", "substring(1).substring(1)",
]

#: Templates about string literals themselves.
LITERALS = [
    ("dq-plain", '#set($s = "abc")$s'),
    ("sq-plain", "#set($s = 'abc')$s"),
    ("dq-doubled", '#set($s = "a""b")$s'),
    ("sq-doubled", "#set($s = 'a''b')$s"),
    ("dq-sq-inside", "#set($s = \"it's\")$s"),
    ("sq-dq-inside", "#set($s = 'say \"hi\"')$s"),
    ("dq-backslash-n", '#set($s = "a\\nb")$s'),
    ("dq-backslash-t", '#set($s = "a\\tb")$s'),
    ("dq-backslash-backslash", '#set($s = "a\\\\b")$s'),
    ("dq-unicode", '#set($s = "\\u00e9\\u0041")$s'),
    ("dq-unicode-upper", '#set($s = "\\u00E9")$s'),
    ("dq-unicode-bad", '#set($s = "\\u00G1")$s'),
    ("dq-unicode-short", '#set($s = "\\u41")$s'),
    ("sq-unicode", "#set($s = '\\u0041')$s"),
    ("dq-backslash-quote", '#set($s = "a\\"b")$s'),
    ("sq-backslash-quote", "#set($s = 'a\\'b')$s"),
    ("dq-multiline", '#set($s = "l1\nl2\r\nl3")$s'),
    ("sq-multiline", "#set($s = 'l1\nl2')$s"),
    ("dq-empty", '#set($s = "")[$s]'),
    ("sq-empty", "#set($s = '')[$s]"),
    ("dq-only-doubled", '#set($s = """")[$s]'),
    ("sq-only-doubled", "#set($s = '''')[$s]"),
    ("dq-tab-literal", '#set($s = "a\tb")$s'),
    ("dq-trailing-backslash", '#set($s = "a\\")$s'),
    ("sq-trailing-backslash", "#set($s = 'a\\')$s"),
    ("dq-unterminated", '#set($s = "abc)$s'),
    ("sq-unterminated", "#set($s = 'abc)$s"),
    ("dq-hash-alone", '#set($s = "a # b")$s'),
    ("dq-dollar-alone", '#set($s = "cost: $ 5")$s'),
    ("dq-dollar-end", '#set($s = "x$")$s'),
    ("dq-ends-with-space", '#set($s = "a ")[$s]'),
    ("dq-ref-ends-with-space", '#set($s = "$a ")[$s]'),
    ("dq-non-ascii", '#set($s = "日本語 ü")$s $s.length()'),
    ("method-arg-dq", '$s.concat("-$s-")'),
    ("method-arg-sq", "$s.concat('-$s-')"),
    ("method-arg-doubled", "$s.concat('it''s')"),
    ("method-arg-unicode", '$s.concat("\\u0021")'),
    ("concat-plus", "#set($x = 'a' + 'b' + $s)$x"),
    ("concat-null", "#set($x = 'a' + $n)$x"),
    ("concat-undef", "#set($x = 'old')#set($x = 'a' + $undef)$x"),
    ("concat-number-first", "#set($x = 1 + '1')$x"),
    ("concat-list", "#set($x = 'l=' + [1, 2])$x"),
    ("concat-map", "#set($x = 'm=' + {'a': 1})$x"),
    ("concat-bool", "#set($x = 'b=' + true)$x"),
    ("concat-double", "#set($x = 'd=' + 1.50)$x"),
    ("interp-adjacent", '#set($x = "$s$s")$x'),
    ("str-equals-number", "$num.equals('12') $num.equals(12)"),
    ("string-format-varargs", "$s.format('%05d|%.2f|%s', 42, 3.14159, 'x')"),
    ("string-join-list", "$s.join(',', $strs)"),
]

ENV = {"n": None, "s": "hello", "num": "12", "a": "A", "strs": ["x", "y"]}

#: The bytes ``getBytes(charset)`` gives, over a subject with a Latin-1 letter, an astral
#: character and a lone surrogate, plus the empty string (no byte order mark either).
CHARSET_NAMES = ["UTF-8", "utf8", "ISO-8859-1", "latin1", "US-ASCII", "default", "UTF-16", "unicode",
                 "UTF-16BE", "UTF-16LE", "x-UTF-16LE-BOM", "UTF-32", "UTF-32LE", "windows-1252", "Cp1252",
                 "ISO-8859-15", "nope", "", "UTF-8 "]

#: (index, offset) pairs for ``offsetByCodePoints`` that stay inside a string of 2 to 5 units.
_OFFSETS = [(0, 0), (0, 1), (0, 2), (1, 1), (2, -1), (2, 0)]

#: Methods the fuzzers' widened strategies found missing or wrong: (id, template, vars).
FOUND = [
    ("getbytes-charset-arg-kinds", "$s.getBytes(1)|$s.getBytes($s)|$s.getBytes('UTF-8').class.name", {"s": "abc"}),
    ("getbytes-charset-null", "$s.getBytes($n)", {"s": "abc", "n": None}),
    ("getbytes-charset-size", "$s.getBytes('UTF-8').size() $s.getBytes('UTF-16').size()", {"s": "a\u00e9"}),
    ("valueof-chars-range", "#set($c = $s.toCharArray())$s.valueOf($c, 1, 2) $s.copyValueOf($c, 0, 3) "
     "[$s.valueOf($c, 3, 0)]", {"s": "abc"}),
    ("valueof-chars-range-bad", "#set($c = $s.toCharArray())$s.valueOf($c, 2, 2)", {"s": "abc"}),
    ("copyvalueof-chars-range-negative", "#set($c = $s.toCharArray())$s.copyValueOf($c, 1, -1)", {"s": "abc"}),
    ("valueof-chars-range-null", "$s.valueOf($n, 1, 1)", {"s": "abc", "n": None}),
    ("valueof-chars-range-half-pair", "#set($c = $u.toCharArray())$u.valueOf($c, 1, 1)$u.valueOf($c, 2, 1)",
     {"u": "a\U0001f600b"}),
    ("valueof-chars-range-not-chars", "$s.valueOf([1], 0, 1)", {"s": "abc"}),
    ("strip-indent", "[$a.stripIndent()][$b.stripIndent()][$c.stripIndent()][$d.stripIndent()][$e.stripIndent()]",
     {"a": "  a\n    b\n  ", "b": "  a\n    b\n", "c": "\t x \n  y  \r\n   ", "d": "   ", "e": "\n\n"}),
    ("strip-indent-more", "[$a.stripIndent()][$b.stripIndent()][$c.stripIndent()][$d.stripIndent()][$e.stripIndent()]",
     {"a": "  a\r  b", "b": "\u2003a\n b", "c": "  x\n\n    y", "d": " \u00a0a\n b", "e": ""}),
    ("translate-escapes", "[$a.translateEscapes()] $a.translateEscapes().length() [$c.translateEscapes()] "
     "[$h.translateEscapes()] [$i.translateEscapes()]",
     {"a": "x\\ty\\n\\101\\0\\477\\s\\'\\\"\\\\z", "c": "a\\\nb\\\r\nc\\\rd", "h": "\\1234",
      "i": "\\b\\f\\r"}),
    ("translate-escapes-trailing-backslash", "[$b.translateEscapes()]", {"b": "end\\"}),
    ("translate-escapes-unknown", "[$d.translateEscapes()]", {"d": "\\q"}),
    ("translate-escapes-unicode", "[$e.translateEscapes()]", {"e": "\\u0041"}),
    ("translate-escapes-astral", "[$f.translateEscapes()]", {"f": "\u00e9\\\U0001f600"}),
    ("translate-escapes-eight", "[$g.translateEscapes()]", {"g": "\\8"}),
    ("region-matches-ignore-case-null-offsets", "[$s.regionMatches(true, -1, $n, 0, 0)][$s.regionMatches(true, 0, $n, -1, 0)]"
     "[$s.regionMatches(true, 0, $n, 0, 5)][$s.regionMatches(true, 4, $n, 0, 0)]", {"s": "abc", "n": None}),
    ("region-matches-ignore-case-null", "$s.regionMatches(true, 0, $n, 0, 1)", {"s": "abc", "n": None}),
    ("region-matches-null-offsets-first", "$s.regionMatches(false, -1, $n, 0, 0)", {"s": "abc", "n": None}),
    ("region-matches-four-null", "$s.regionMatches(-1, $n, 0, 0)", {"s": "abc", "n": None}),
]


def cases() -> Cases:
    out = Cases()
    for sname, subject in SUBJECTS.items():
        for method in METHODS:
            out.add(f"{sname}-{slug(method)}", f"[$s.{method}]", {"s": subject, "n": None})
    for cid, template in LITERALS:
        out.add(cid, template, ENV)
    # The halves of an astral character printed by two references are one character again in
    # the output (Java writes one stream of UTF-16 units); apart, or reversed, they stay lone.
    out.add("surrogate-halves-printed-together", "$s.substring(0, 1)$s.substring(1)|"
            "[$s.substring(0, 1)]$s.substring(1)|$s.substring(1)$s.substring(0, 1)", {"s": "😀"})
    for name in CHARSET_NAMES:
        out.add(f"getbytes-charset-{slug(name) or 'empty'}",
                f"#foreach($b in $u.getBytes('{name}'))$b,#end|#foreach($b in $e.getBytes('{name}'))$b,#end",
                {"u": "a\u00e9\U0001f600\ud800z", "e": ""})
    for name, value in {"astral": "a\U0001f600b\u00df", "latin": "\u00ff\u00e9", "empty": "",
                        "lone": "\ud83dx\ude00"}.items():
        out.add(f"code-point-before-{name}", " ".join(f"[$s.codePointBefore({i})]" for i in range(1, 6)),
                {"s": value})
        for i in (-1, 0, 6):
            out.add(f"code-point-before-{name}-{slug(str(i))}", f"$s.codePointBefore({i})", {"s": value})
        out.add(f"offset-by-code-points-{name}",
                " ".join(f"[$s.offsetByCodePoints({a}, {b})]" for a, b in _OFFSETS if a <= len(value)),
                {"s": value})
        for a, b in ((-1, 0), (6, 0), (0, 9), (2, -3)):
            out.add(f"offset-by-code-points-{name}-{slug(str(a))}-{slug(str(b))}",
                    f"$s.offsetByCodePoints({a}, {b})", {"s": value})
    for cid, template, env in FOUND:
        out.add(cid, template, env)
    # String.formatted (Java 15+): the string is the format
    out.add("formatted-plain", "$s.formatted('a')|$s.formatted()", {"s": "abc"})
    out.add("formatted-conversions", "#set($f = '%s-%d|%05.1f')$f.formatted('a', 3, 2.25)", {})
    out.add("formatted-missing-argument", "#set($f = '%s')$f.formatted()", {})
    out.add("formatted-null-and-list", "#set($f = '%s|%s')$f.formatted($l, 1)|$f.formatted($undef, $undef)", {"l": [1]})
    out.add("formatted-braces", "#set($f = '{0.__class__}%s')$f.formatted($s)", {"s": "S"})
    return out
