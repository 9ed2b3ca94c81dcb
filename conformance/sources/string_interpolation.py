"""Double-quoted string literals are templates: references, directives, escapes inside."""

from __future__ import annotations

from . import Cases
from ._common import slug

ENV = {"a": "A", "n": None, "l": [1, 2], "m": {"k": "v"}, "i": 3}

#: Contents of a double-quoted literal; each is assigned with #set and printed in brackets.
CONTENTS = [
    "$a", "$!a", "${a}", "$a$a", "${a}b", "$ab", "$a.length()", "$m.k", "$m['k']", "$l[0]", "$l",
    "$m", "$n", "$!n", "$undef", "$!undef", "${undef}", "$undef.x", "\\$a", "\\\\$a", "\\$undef",
    "$a-$a", "$a.", "$a. x", "$", "x$", "$$a", "$1", "a # b", "#", "x#", "#if(true)y#end",
    "#if(false)y#{else}n#end", "#foreach($x in $l)$x,#end", "#set($b = 5)$b", "#stop after",
    "## comment", "#* c *#x", "#[[raw $a]]#", "a\nb", "#if(true)y#end\n", "#if(true)y#end\nz",
    "$a\n", "\\u0041$a", "\\n$a", "$a ", " $a", "\t$a\t", "''", "'$a'", "$a''$a",
    "#define($dd)D#end$dd", "#literal()$a#end", "$i + 1", "$velocityCount", "#{if}(true)y#{end}",
    "$a#", "$a##", "$a\\", "#evaluate('x')", "#macro(sm)S#end#sm()", "#foo()", "#foo",
    "$l.size()$m.size()", "${a}${a}", "$a.concat('\"x\"')", "$a.concat(\"\"\"y\"\"\")",
]


def cases() -> Cases:
    out = Cases()
    for text in CONTENTS:
        literal = '"' + text.replace('"', '""') + '"'
        out.add(f"set-{slug(text)}", f"#set($s = {literal})[$s]", ENV)
    for text in CONTENTS[:20]:
        literal = '"' + text.replace('"', '""') + '"'
        out.add(f"arg-{slug(text)}", f"[$a.concat({literal})]", ENV)
        out.add(f"list-{slug(text)}", f"#set($x = [{literal}])$x", ENV)
    extra = [
        ("map-key-interp", '#set($x = {"k$a": "v$a"})$x'),
        ("nested-quotes", '#set($s = "a ""$a"" b")$s'),
        ("compare-interp", '#if("$a" == "A")T#{else}F#end #if("$n" == "")T#{else}F#end'),
        ("interp-in-if-cond", '#if("$undef")T#{else}F#end'),
        ("interp-map-in-string", '#set($s = "$m")$s #set($s = "$l")$s'),
        ("interp-set-leaks", '#set($s = "#set($leak = 1)")$leak'),
        ("interp-macro-call", '#macro(m $x)<$x>#end#set($s = "#m($a)")$s'),
        ("interp-macro-arg-interp", '#macro(m $x)<$x>#end#m("in $a")'),
        ("interp-foreach-count", '#foreach($x in $l)#set($s = "$foreach.count:$x")$s #end'),
        ("interp-error-propagates", '#set($s = "$a.substring(5)")$s'),
        ("interp-newline-trim", '#set($s = "#if(true)y#end\n")[$s]'),
        ("interp-only-spaces", '#set($s = "   ")[$s]'),
        ("interp-ends-with-hash-hash", '#set($s = "x ##")[$s]'),
        ("interp-double-percent", '#set($s = "100% $a")[$s]'),
        ("interp-json", '#set($s = "{""k"": ""$a""}")$s'),
        ("interp-escape-js-idiom", '#set($s = "it\'s $a")$s'),
        ("interp-unicode-escape-ref", '#set($s = "\\u0024a")$s'),
    ]
    for cid, template in extra:
        out.add(cid, template, ENV)
    return out
