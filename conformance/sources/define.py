"""#define: lazily rendered blocks and how they see variables."""

from __future__ import annotations

from . import Cases

ENV = {"a": "A", "l": [1, 2]}

CASES = [
    ("basic", "#define($d)D#end$d"), ("late-binding", "#define($d)x=$x#end#set($x = 1)$d #set($x = 2)$d"),
    ("undefined-var", "#define($d)[$nope]#end$d"), ("quiet", "#define($d)#end[$d][$!d]"),
    ("multiline", "#define($d)\n  line1\n  line2\n#end\n[$d]"), ("with-foreach", "#define($d)#foreach($i in $l)$i#end#end$d$d"),
    ("with-set", "#define($d)#set($c = 'set')#end$!c$d$c"), ("redefine", "#define($d)1#end#define($d)2#end$d"),
    ("set-overrides", "#define($d)D#end#set($d = 'S')$d"), ("define-overrides-set", "#set($d = 'S')#define($d)D#end$d"),
    ("methods", "#define($d)abc#end$d.length() $d.toString() $d.class.simpleName"),
    ("in-if", "#define($d)D#end#if($d)T#{else}F#end #if($d == 'D')eq#{else}ne#end"),
    ("in-string", '#define($d)D#end#set($s = "[$d]")$s'), ("as-method-arg", "#define($d)D#end$a.concat($d)"),
    ("self-reference", "#define($d)x$d#end$d"), ("nested-define", "#define($o)#define($i)I#end[$i]#end$o$i"),
    ("no-args", "#define()x#end"), ("literal-arg", "#define('d')x#end"), ("two-args", "#define($d $e)x#end"),
    ("unclosed", "#define($d)x"), ("define-name-dash", "#define($a-b)X#end$a-b"),
    ("braced-name", "#define(${d})X#end$d"), ("quiet-name", "#define($!d)X#end$d"),
    ("property-name", "#define($a.b)X#end$a"), ("define-then-concat", "#define($d)D#end#set($s = $d + 'x')$s"),
    ("define-stop", "#define($d)a#stop b#end[$d]c"), ("define-in-foreach", "#foreach($i in $l)#define($d)v$i#end#end$d"),
    ("define-uses-loop-var", "#define($d)[$i]#end#foreach($i in $l)$d#end"),
    ("define-macro-call", "#macro(m)M#end#define($d)#m()#end$d"), ("define-whitespace", "#define( $d )X#end$d"),
    # A block renders without the '$' prefixes or escaped backslashes before its reference.
    ("define-prefixed", r"#define($d)X#end#define($e)#end[$$d|$!$d|\\$d|\\$$!d|$\\$d|$$e]#set($s = 'S')[$$s|\\$s]"),
]


def cases() -> Cases:
    out = Cases()
    for cid, template in CASES:
        out.add(cid, template, ENV)
    return out
