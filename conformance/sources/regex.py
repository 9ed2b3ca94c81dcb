"""Java regular expressions through matches, replaceAll, replaceFirst and split."""

from __future__ import annotations

from . import Cases
from ._common import slug

SUBJECT = "Hello World 123, foo_bar-baz@example.com; ÄÖü 4.5"

#: (pattern, replacement) pairs given to replaceAll and replaceFirst.
REPLACEMENTS = [
    ("l", "L"), ("[aeiou]", "*"), ("\\d+", "#"), ("\\d", "<$0>"), ("(\\w+)@(\\w+)", "$2 at $1"),
    ("(o)", "[$1]"), ("\\s+", " "), ("\\s", ""), ("^", ">"), ("$", "<"), ("\\b", "|"),
    ("(?i)hello", "bye"), ("[^a-z]", ""), ("\\W", "_"), ("\\p{L}+", "W"), ("\\p{Lu}", "U"),
    ("o(?=r)", "0"), ("(?<=l)l", "L"), ("l{2}", "2l"), ("a|o", "@"), ("\\.", "!"), (".", "."),
    ("", "-"), ("x*", "-"), ("(\\d)(\\d)", "$2$1"), ("(?<n>\\d+)", "${n}!"), ("o", "\\$"),
    ("o", "$"), ("o", "\\"), ("o", "$9"), ("(", "x"), ("[a-", "x"), ("*", "x"), ("\\", "x"),
    ("(?x) l # comment", "L"), ("\\Q.\\E", ","), ("[[:alpha:]]", "a"), ("\\p{Alpha}+", "A"),
    ("(?s).*", "all"), ("(?m)^", "#"), ("[\\u00c4-\\u00dc]", "?"), ("\\h", "_"), ("\\R", "/"),
    ("(a)|b", "[$1]"), ("\\G\\w", "*"), ("(?:fo)+", "F"), ("o{,2}", "x"), ("\\x41", "a"),
]
#: Patterns given to matches.
MATCHES = [
    "Hello.*", ".*\\d+.*", "hello.*", "(?i)hello.*", "\\w+", ".*", "", "H.*4\\.5", "[\\s\\S]*",
    ".*@.*\\..*", "(", "a{2,1}", ".*ÄÖü.*", "\\p{Lu}.*",
]
#: (pattern, limit) pairs given to split.
SPLITS = [
    (",", None), ("\\s+", None), ("", None), ("o", None), ("o", -1), ("o", 2), ("o", 0),
    ("[,;]\\s*", None), ("\\d", None), ("x", None), ("\\b", None), ("(?<=o)", None), ("|", None),
    ("\\.", None), (".", None), ("(", None),
]


def _dq(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _sq(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def cases() -> Cases:
    out = Cases()
    env = {"s": SUBJECT}
    for k, (pattern, repl) in enumerate(REPLACEMENTS):
        tag = f"{k:02d}-{slug(pattern)}"
        args = f"{_sq(pattern)}, {_sq(repl)}"
        out.add(f"replaceAll-{tag}", f"$s.replaceAll({args})", env)
        out.add(f"replaceFirst-{tag}", f"$s.replaceFirst({args})", env)
    for k, pattern in enumerate(MATCHES):
        out.add(f"matches-{k:02d}-{slug(pattern)}", f"$s.matches({_sq(pattern)})", env)
    for k, (pattern, limit) in enumerate(SPLITS):
        args = _sq(pattern) + ("" if limit is None else f", {limit}")
        template = f"#set($p = $s.split({args}))$p.size():#foreach($x in $p)[$x]#end"
        out.add(f"split-{k:02d}-{slug(pattern)}", template, env)
    extra = [
        ("dq-backslashes", '$s.replaceAll("\\\\d", "D")'),
        ("dq-dollar-group", '$s.replaceAll("(l+)", "<$1>")'),
        ("dq-dollar-group-braced", '$s.replaceAll("(l+)", "<${1}>")'),
        ("dq-escaped-dollar", '$s.replaceAll("l", "\\$")'),
        ("sq-quote-idiom", "$q.replaceAll(\"\\\\'\", \"'\")"),
        ("sq-quote-idiom-single", "$q.replaceAll('\\\\''', '''')"),
        ("replace-literal-regex-chars", "$s.replace('.', '!') $s.replace('(', '[')"),
        ("replace-char-seq", "$s.replace('l', '') $s.replace('World', '')"),
        ("unicode-case", "$s.replaceAll('(?iu)ö', 'o') $s.replaceAll('(?i)ö', 'o')"),
        ("matches-whole", "$e.matches('[a-z]+@[a-z]+\\.com') $e.matches('[a-z]+')"),
        ("chained-replace", "$s.replaceAll('\\d', '').replaceAll('\\s+', ' ').trim()"),
        ("group-zero", "$s.replaceFirst('W(or)ld', '$0/$1')"),
        ("bad-group-ref", "$s.replaceAll('x', '$1')"),
        ("bad-named-group", "$s.replaceAll('x', '${nope}')"),
        ("trailing-backslash-repl", "$s.replaceAll('o', 'a\\')"),
        ("empty-subject", "$e2.replaceAll('', 'x') $e2.split(',').size() $e2.matches('')"),
        ("newline-subject", "$nl.replaceAll('\\n', '|') $nl.replaceAll('(?m)^', '> ') $nl.split('\\r?\\n').size()"),
        ("possessive", "$s.replaceAll('l++o', 'X')"),
        ("backreference", "$r.replaceAll('(\\w)\\1', '<$1$1>')"),
        ("surrogates", "$u.replaceAll('.', '.') $u.length() $u.split('').size()"),
    ]
    env2 = {"s": SUBJECT, "q": "it\\'s", "e": "me@example.com", "e2": "", "nl": "a\nb\r\nc", "r": "aabbcd", "u": "x😀y"}
    for cid, template in extra:
        out.add(cid, template, env2)
    return out
