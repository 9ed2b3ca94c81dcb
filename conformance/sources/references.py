"""References: names, quiet and formal forms, property/method/index chains, null handling."""

from __future__ import annotations

from . import Cases
from ._common import slug

VALUES = {
    "str": "A",
    "int": 7,
    "dbl": 1.5,
    "bool": True,
    "empty": "",
    "null": None,
    "map": {"b": 1, "c": None, "d": {"e": "E"}, "size": "S"},
    "list": [10, 20, 30],
}
FORMS = {"plain": "$v", "quiet": "$!v", "formal": "${v}", "qformal": "$!{v}"}
FOLLOWERS = [
    "", ".", ".b", ".c", ".d.e", ".d.x", ".x", ".size()", ".length()", ".toString()",
    ".class.simpleName", "[0]", "[-1]", "['b']", "[5]", "-", "-x", "(", "()", " .b", "x",
    "..", ".1", "._b", "#", "\\", "$", ".b(", ".get('b')", ".isEmpty()",
]
BRACED_FOLLOWERS = ["", ".b", ".d.e", ".size()", "[0]", "['b']", "x", "-x"]

#: Hand-written cases for the lexical corner of references.
EXTRA = [
    ("name-chars", "$a-b $a_b $a1 $_x $a-", {"a": "A", "a-b": "dash", "a_b": "us", "a1": "one", "_x": "u"}),
    ("name-dash-only-prefix", "$a-b", {"a": "A"}),
    ("name-leading-digit", "$1a $9 $-a", {"1a": "no"}),
    ("name-non-ascii", "$é $aé", {"a": "A"}),
    ("dollar-dollar", "$$a $$$a", {"a": "A"}),
    ("dollar-bang-space", "$! a $!1", {"a": "A"}),
    ("empty-index-tokens", "$[0] $![0] $.a $!.a", {"a": "A"}),
    ("true-ref", "$true", {"true": 1}),
    ("false-ref", "${false}", {}),
    ("prop-true", "$m.true", {"m": {"true": 1}}),
    ("prop-false-braced", "${m.false}", {"m": {}}),
    ("prop-uppercase-getter", "$m.Key $m.key", {"m": {"key": "lower", "Key": "upper"}}),
    ("prop-dash", "$m.a-b $m.a", {"m": {"a-b": "dash", "a": "A"}}),
    ("prop-numeric-key", "$m.1 $m['1']", {"m": {"1": "one"}}),
    ("prop-on-string", "$s.empty $s.bytes.size() $s.class.name", {"s": "x"}),
    ("prop-is-getter", "$l.empty $m.empty", {"l": [], "m": {"x": 1}}),
    ("braced-then-text", "${a}bc ${a}.b ${a}[0] ${a}()", {"a": "A"}),
    ("braced-space", "${ a} ${a }", {"a": "A"}),
    ("braced-unclosed", "${a", {"a": "A"}),
    ("braced-method-space", "${a.length() }", {"a": "A"}),
    ("method-space-inside", "$a.length( )", {"a": "A"}),
    ("method-args-spaces", "$a.substring( 0 , 1 )|$a.substring(0,1)|$a.substring(\t0,\n1)", {"a": "AB"}),
    ("method-arg-operator", "$a.substring(1+0)", {"a": "AB"}),
    ("method-unclosed-eof", "$a.substring(", {"a": "AB"}),
    ("method-unclosed", "$a.substring(1 x", {"a": "AB"}),
    ("method-chain", "$a.toLowerCase().toUpperCase().length()", {"a": "AbC"}),
    ("method-on-index", "$l[0].length() $l[1].size()", {"l": ["abc", [1, 2]]}),
    ("index-chain", "$l[1][0] $m['x'][1]['y']", {"l": [0, [5, 6]], "m": {"x": [0, {"y": "Y"}]}}),
    ("index-ref", "$l[$i] $m[$k] $l[$m.i]", {"l": [1, 2], "i": 1, "m": {"kk": "v", "i": 0}, "k": "kk"}),
    ("index-space", "$l [0] $l[ 0 ] $l[0 ]", {"l": [1, 2]}),
    ("index-float", "$l[1.5]", {"l": [1, 2]}),
    ("index-bool", "$m[true]", {"m": {"true": 1}}),
    ("index-string-double", '$m["k"] $m["$k"]', {"m": {"k": "v"}, "k": "k"}),
    ("index-expr", "$l[1 + 0]", {"l": [1, 2]}),
    ("index-on-string", "$s[0]", {"s": "abc"}),
    ("index-on-null", "$n[0] $!n[0]", {"n": None}),
    ("index-neg-beyond", "$l[-3]", {"l": [1, 2]}),
    ("index-map-missing", "[$m['zz']] [$!m['zz']] [$m.zz]", {"m": {}}),
    ("index-map-int", "$m[1]", {"m": {"1": "one"}}),
    ("email", "user@$host.com user@${host}.com $host.", {"host": "example"}),
    ("price", "$$price $ 5 US$5", {"price": 3}),
    ("jquery", "$('#id').hide() $.ajax()", {}),
    ("quiet-chain", "[$!m.x.y] [$!m.b.length()]", {"m": {"b": "bee"}}),
    ("undefined-method-chain", "$nope.a().b $nope.length()", {}),
    ("null-property-literal", "$m.c|$!m.c|${m.c}|$!{m.c}", {"m": {"c": None}}),
    ("missing-method-on-object", "$s.noSuchMethod() $s.noSuch $s.length", {"s": "abc"}),
    ("get-method-literal", "$m.get('k') $m.getK() $m.get('nope')", {"m": {"k": "v"}}),
    ("ref-hash-ref", "$a#$a $a##x\n$a#*y*#$a", {"a": "A"}),
    ("ref-at-eof", "x$", {}),
    ("ref-bang-at-eof", "x$!", {}),
    ("brace-at-eof", "x${", {}),
    ("ref-in-quotes", "'$a' \"$a\" `$a`", {"a": "A"}),
    ("ref-adjacent-braced", "${a}${a}$!{a}${u}", {"a": "A"}),
    ("dollar-before-set-word", "a $#set b", {}),
    ("dollar-before-set", "a $#set($b = 1)$b", {}),
    ("dollar-before-if", "a $#if(true)x#end", {}),
    ("dollar-before-unknown", "a $#foo b", {}),
    ("dollar-bang-before-end", "#if(true)a $!#end", {}),
    ("dollar-before-else", "#if(false)a$#{else}b#end", {}),
    ("dollar-before-escape", "$\\#if $\\$a", {"a": "A"}),
    # A '$' (or '$!', '#') prefix glued to backslash escapes: DOUBLE_ESCAPE and
    # ESCAPE_DIRECTIVE drop it, a lone '\\' prints it, '\\$' continues the reference's prefix.
    ("dollar-before-escape-directives", "$\\#if|$\\#foo|$\\#end|$\\#{if}|$\\#set($b = 1)$b|$!\\#if|$$\\#if", {}),
    ("dollar-before-escape-directive-runs", "$\\\\#if(true)x#end|$\\\\#foo|$\\\\#set($b = 1)$b", {}),
    ("dollar-before-escape-macro", "#macro(m)M#end$\\#m()", {}),
    ("dollar-before-double-escape", "$\\x|$\\\\x|$\\\\\\x|$\\|$\\\\|$!\\x|$!\\\\x", {}),
    ("dollar-before-escape-comment", "$\\#[[x]]#|$\\##c\nz|$\\#*c*#z", {}),
    ("hash-before-escape", "#\\#if|#\\#foo|#\\\\x|#\\x|#\\\\#if(true)x#end|#$\\#if|#$\\\\x|#$\\x|#$!\\#end", {}),
    ("dollar-chain-escaped-dollar", "$\\$a|$\\$z|$\\\\$a|$\\\\$z|$\\\\\\$a|$\\$!a|$\\$!z", {"a": "A"}),
    ("dollar-chain-prefixes", "$!\\$a|$!\\$z|$$\\$a|$\\$\\$a|$\\$!\\$a|#$\\$a|#$$a|$$!a|$a$\\$a", {"a": "A"}),
    ("dollar-chain-suffixes", "$\\${a}|$\\$a.length()|$\\$a.nope|$!\\$a.nope|$\\$!a.nope|$\\$a{b}|", {"a": "A"}),
    ("dollar-chain-even-escapes", "\\\\$\\$a|\\\\$$a|\\\\\\\\$\\$a", {"a": "A"}),
    ("dollar-chain-even-escapes-null", "\\\\$\\$z|\\\\$$z|\\\\$\\$!z", {}),
    ("dollar-chain-even-escapes-null-forms", "\\\\$\\${z}|\\\\$!\\$!{z}|\\\\\\\\$\\\\\\$z|\\\\$$$z.x|\\\\$\\$a.x|x!\\\\$\\$z.length()|\\\\$!$\\$!a", {"a": "A"}),
    ("dollar-chain-even-escapes-null-after", "$a\\\\$\\$z|#if(true)\\\\$\\$z#end|#foreach($i in [1])\\\\$\\$z\\\\$\\$i#end|\\\\$\\$z\\\\$\\$z", {"a": "A"}),
    ("dollar-chain-even-escapes-null-string", '#set($s = "x\\\\$\\$z|\\\\$$!z|\\\\\\\\$\\$a")$s', {"a": "A"}),
    ("dollar-chain-even-escapes-null-macro", "#macro(m $p)\\\\$\\$p|\\\\$\\$q#end#m($z)|#m($a)", {"a": "A"}),
    ("dollar-chain-escaped", "\\$\\$a|\\$\\$z|\\$$a|\\$$z|\\$$!z", {"a": "A"}),
    ("dollar-chain-not-reference", "$\\$1|$!\\$1|$\\$!1|\\$\\$1|\\\\$\\$1|$\\$ x|$\\${ a}|$\\$.x|$\\$\\x", {}),
    ("dollar-chain-before-hash", "$\\$#if(true)y#end|$\\$#foo|$\\$##c\nz|$\\$\\#if|$\\$\\\\x", {}),
    ("dollar-chain-in-string", '#set($b = "$\\$a")$b|#set($b = "x$\\#if")$b', {"a": "A"}),
    ("dollar-slashbang", "$\\!a|$\\!z|$\\\\!a|$\\!{a}|\\$\\!a|\\\\$\\!a|$\\\\\\!a|$!\\!a|$\\!$a|$\\! x", {"a": "A"}),
    ("dollar-slashbang-suffixes", "$\\!a.length()|$\\!a.b|$\\!a[0]|$\\!a-b|", {"a": "A"}),
    ("dollar-chain-index", "$\\$[", {}),
    ("dollar-chain-empty-index", "$$[1]|$$.x|$!$[1]|$$![1]|\\$$[1]|$\\![1]|$\\\\![1]|$!\\![1]|$$\\![1]|$\\$.x|$$!.x", {"a": "A"}),
    ("dollar-chain-escaped-slashbang-index", "\\$\\![1]", {}),
    ("dollar-chain-misc", "$!$a|$!$z|$$!{a}|$$$a|$$ x|#$$ x|#$!$a|$$#if(true)y#end|$$##c\nz|$$a.b.c|$\\$a{b}c}|\\#$\\$a|", {"a": "A"}),
    ("dollar-chain-before-set", "a $$#set($b = 1)$b|$$ #set($c = 1)$c|$\\ #set($d = 1)$d", {}),
    ("dollar-slashbang-at-eof", "$\\!", {}),
    ("ref-long-chain", "$m.d.e.length().toString().length()", {"m": {"d": {"e": "hello world!"}}}),
    ("ref-property-of-list", "$l.size $l.empty $l.class.simpleName", {"l": [1]}),
    # After a '.name' property Velocity's lexer is in REFMODIFIER, which has no '##' token:
    # the first '#' is a prefix glued to what follows, so '##' is no comment there. After a
    # method call or a bare name the state is REFERENCE again and '##' is a comment.
    ("refmod-hash-hash-text", "$m.c##x|$m.c##\nz|$m.nope##x|$!m.nope##x|$m.c-##x|$m.d.e##1", {"m": {"c": "C", "d": {"e": "E"}}}),
    ("refmod-hash-hash-null", "$f.c##x|$f.c##\nz|$f.c.d##x|$!f.c##x|$f.c-##x", {}),
    ("refmod-hash-hash-after-index", "$m.c[0]##x|$m.c[$i]##x|$m[0]##x|$m.c(1)[0]##x|$m.c[0].d##x", {"m": {"c": "C"}, "i": 0}),
    ("refmod-hash-hash-after-method", "$m.c()##x\n$m.get('c').d##x|${m.c}##x|$m##x", {"m": {"c": "C"}}),
    ("refmod-hash-hash-at-eof", "$m.c##", {"m": {"c": "C"}}),
    ("refmod-triple-hash-comment", "$m.c###x\nz|$m.c####x\ny", {"m": {"c": "C"}}),
    ("refmod-hash-hash-block-comment", "$m.c##*x*#y|$m.c##**x*#z|$m.c###*x*#w", {"m": {"c": "C"}}),
    ("refmod-hash-hash-textblock", "$m.c##[[x]]#y", {"m": {"c": "C"}}),
    ("refmod-hash-hash-directive", "$m.c##if(true)y#end|$m.c##{if}(true)z#end|#if(false)$m.c##else!#end", {"m": {"c": "C"}}),
    ("refmod-hash-hash-end", "$m.c##end", {"m": {"c": "C"}}),
    ("refmod-hash-hash-set-word", "$m.c##set($a=1)$a", {"m": {"c": "C"}}),
    ("refmod-hash-hash-set", "$m.c## #set($a=1)$a|$m.c##  #set($b=2)$b", {"m": {"c": "C"}}),
    ("refmod-hash-hash-word", "$m.c##foo(1)|$m.c##foo|#macro(foo)M#end$m.c##foo()", {"m": {"c": "C"}}),
    ("refmod-hash-hash-word-args", "$m.c##foo($a=1)", {"m": {"c": "C"}}),
    ("refmod-hash-hash-foreach", "$m.c##foreach($i in [1])$i#end", {"m": {"c": "C"}}),
    ("refmod-hash-hash-block-call", "$m.c##@m()#end", {"m": {"c": "C"}}),
    ("refmod-hash-hash-refs", "$m.c##$m.c|$m.c##$m.c##x|$m.c##$m.nope|$m.c##$!m.nope.", {"m": {"c": "C"}}),
    ("refmod-hash-hash-escapes", "$m.c##\\#if|$m.c##\\\\x|$m.c##\\x|$m.c##\\$m|$m.c##\\$nope", {"m": {"c": "C"}}),
    ("refmod-hash-hash-dollar-eof", "$m.c##$", {"m": {"c": "C"}}),
    ("refmod-hash-hash-in-literal", "#literal()$m.c##x#end", {"m": {"c": "C"}}),
    # Block comments and text blocks push the REFMODIFIER state and pop back to it: '##'
    # after them is still no comment, and what follows is lexed in that state.
    ("refmod-comment-then-hash-hash", "$m.c#[[a]]###x\nb|$m.c#[[]]###}|$m.c#*c*###x\nb|$m.c#**c*###x\nb|$m.c#[[a]]##*c*###x\nb|$m.c[0]#[[a]]###x\nb", {"m": {"c": "C"}}),
    ("refmod-comment-then-comment", "$m.c#[[a]]##[[b]]###x\nb|$m.c#[[a]]##*c*#d|$m.c#[[a]]# ##x\nb|$m.c#[[a]]#-##x\nb|$m.c#[[a]]##if(true)y#end", {"m": {"c": "C"}}),
    ("refmod-comment-then-word", "$m.c#*c*#x##y\nb|$m.c#[[a]]#x-y##z\nb|$m.c#*c*#x#*d*###z\nb|$m.c#*c*#x y##z\nb|$m.c#*c*#x\n##z\nb", {"m": {"c": "C"}}),
    ("refmod-comment-then-word-suffixes", "$m.c#*c*#x.y##z\nb|$m.c#*c*#x.y[0]|$m.c#*c*#x.y.z##w\nb|$m.c#*c*#x-1.y|$m.c#*c*#x.1|$m.c#*c*#x.y(1)##z\nb|$m.c#*c*#x.y[0]#*c*###z\nb", {"m": {"c": "C"}}),
    ("refmod-comment-then-dot-brace", "$m.c#*c*#.e##y\nb|$m.c#*c*#.e.f##y\nb|$m.c#*c*#x{##y\nb|$m.c#*c*#{{##y\nb|$m.c#*c*#{x}##y\nb|$m.c#*c*#}##y\nb", {"m": {"c": "C"}}),
    ("refmod-comment-then-true", "$m.c#*c*#true b", {"m": {"c": "C"}}),
    ("refmod-comment-then-dot-true", "$m.c#*c*#x.true", {"m": {"c": "C"}}),
    ("refmod-comment-then-bracket", "$m.c#*c*#[0]", {"m": {"c": "C"}}),
    ("refmod-comment-then-paren", "$m.c#*c*#x(1)", {"m": {"c": "C"}}),
    ("refmod-comment-then-brace-word", "$m.c#*c*#{x b", {"m": {"c": "C"}}),
    # REFMODIFIER has no EMPTY_INDEX: '$' or '$!' before '.name' prefixes the DOT token and
    # is dropped, the reference goes on. '$}' and '$!}' print and keep the state.
    ("refmod-dollar-dot", "$m.c$.x|$m.c$.length()|$m.c$!.length()|$m.c$.x.y|$m.c$.x$.y|$!m.c$.x|$m.c$.x()|$b.k$.x|$m.c$.x##y\nb|$m$.x|$m.c()$.x|$m.c$.1|$m.c$ b|$m.c$-b|$m.c$$.x", {"m": {"c": "C"}}),
    ("refmod-dollar-dot-braced", "${m.c$.x}|${m.c$.length()}", {"m": {"c": "C"}}),
    ("refmod-dollar-dot-open-call", "$m.c$.x(", {"m": {"c": "C"}}),
    ("refmod-dollar-dot-true", "$m.c$.true", {"m": {"c": "C"}}),
    # '#set(...)' (with the blanks before it) also pushes REFMODIFIER and pops back to it.
    ("refmod-set-then-hash-hash", "$m.c#set($x=1)##c\nb|$m.c#set($x=($y))## |$m.c#{set}($x=1)##c\nb|$m.c #set($x=1)##c\nb|$m.c\t#set($x=1)##c\nb|$m.c#set($x=1)\n##c\nb|$m.c[0]#set($x=1)##c\nb", {"m": {"c": "C"}}),
    ("refmod-set-then-more", "$m.c#set($x=1)x##c\nb|$m.c#set($x=1)#*c*###c\nb|$m.c#set($x=1)#set($y=1)##c\nb|$m.c#set($x=1)\nx##c\nb|$m.c#set($x=1)x.y##c\nb|$m.c#[[a]]##set($x=1)##c\nb|$m.c#set($x=1)#[[a]]###c\nb|$m.c #set($x=1) #set($y=2)##c\nb$y", {"m": {"c": "C"}}),
    ("refmod-set-then-dollar", "$m.c#set($x=1)$.x|$m.c#set($x=1)$.x.y##c\nb|$m.c#set($x=1)$!.x##c\nb|$m.c#set($x=1)$}##c\nb|$m.c#set($x=1)$}$.x##c\nb|$m.c#*c*#$.x##c\nb|$m.c#set($x=1)$x##c\nb", {"m": {"c": "C"}}),
    ("refmod-set-not-refmod", "$m.c()#set($x=1)##c\nb|$m#set($x=1)##c\nb|$m.c#if(true)#end##c\nb", {"m": {"c": "C"}}),
    # '$#end', '$#{end}', '$!#end' and '$#word(...)' take the '$' prefix and keep
    # REFMODIFIER, and so do '${}' and '$!{}'; '$##', '$#*', '$#[[', '$#set(' and '$#if(' do not.
    ("refmod-dollar-end", "#if(true)$m.c$#end##x\nb|#if(true)$m.c$#{end}##x\nb|#if(true)$m.c$#end\n##x\nb|#if(true)$m.c$#end#*c*###x\nb|#if(true)$m.c[0]$#end##x\nb|#if(true)$m.c$!#end##x\nb|#if(true)$m.c$!#{end}##x\nb|#if(true)$m$#end##x\nb|#if(true)$m.c$#end$.x##x\nb|#if(true)$m.c$#end b|#if(true)$m.c#end##x\nb", {"m": {"c": "C"}}),
    ("refmod-dollar-word", "$m.c$#x##y\nb|$m.c$#x(1)##z\nb|$m.c$#x y##z\nb|$m.c$#foreach(1)##x\nb|$m.c$#literal()##x\nb|$m.c$#define(1)##x\nb|$m.c$#macro(1)##x\nb|$m.c$#{foo}##x\nb|$m.c$#foo()x.y##x\nb|$m.c#x##y\nb", {"m": {"c": "C"}}),
    ("refmod-dollar-word-evaluate", "$m.c$#evaluate(1)##x\nb", {"m": {"c": "C"}}),
    ("refmod-dollar-comment-leaves", "$m.c$##x\nb|$m.c$#*c*###x\nb|$m.c$#[[a]]###x\nb|$m.c$#set($x=1)##x\nb|$m.c$#if(true)y#end##x\nb", {"m": {"c": "C"}}),
    ("refmod-dollar-empty-braces", "$m.c${}###|$m.c${}##x\nb|$m.c${}x##y\nb|$m.c$!{}##x\nb|$m.c{}##x\nb|$m.c${##x\nb", {"m": {"c": "C"}}),
    # In the REFERENCE state after an index or a call, and after the EMPTY_INDEX '$$.', an
    # identifier prints and the suffixes after it are dropped ('.name' leaves REFMODIFIER).
    ("reference-state-words", "$b['']x.a|$b[0]x.a|$b['']x.a()|$b['']x y.a|$b['']x[0]|$b.c()x.a|$b.c[0]x.a|$b[0]x.a##y\nb|$b[0]x##y\nb|$b[0]x.a(1)z|$b[0]x$.a|$b[0]{x}|$b[0]x{y}|$b.c()x(|$b[0]x.|$b[0]x.a[0]##y\nb|$b[0]x[0]##y\nb|$b[0]x.a()##y\nb|$b[0]_x.a|$b[0]x-y.a", {}),
    ("reference-state-words-refmod", "$h.t[0]x##y\nb|$h.t[0]x.a|$h[0]x(|$h.t[0]x(1", {"h": {"t": [1]}}),
    ("reference-state-words-refmod-paren-eof", "$h.t[0]x(", {"h": {"t": [1]}}),
    ("reference-state-words-refmod-paren-bar", "$h.t[0]x(|", {"h": {"t": [1]}}),
    ("reference-state-words-true", "$b[0]true", {}),
    ("reference-state-words-paren-rparen", "$h.t[0]x(1)", {"h": {"t": [1]}}),
    ("reference-state-words-paren-blank", "$h.t[0]x( ", {"h": {"t": [1]}}),
    ("refmod-comment-word-paren", "$m.c#*c*#x(1", {"m": {"c": "C"}}),
    ("refmod-comment-word-paren-eof", "$m.c#*c*#x(", {"m": {"c": "C"}}),
    ("refmod-comment-word-paren-blank", "$m.c#*c*#x( ", {"m": {"c": "C"}}),
    ("refmod-comment-word-paren-hash", "$m.c#*c*#x(##", {"m": {"c": "C"}}),
    ("dollar-chain-empty-index-words", "$$.t[1]|$$.t|$$.t.u|$$.t[1]x|$$.t(1)|$$.t x.u|$$.t##x\nb|$$.t.u##x\nb", {}),
    ("dollar-chain-empty-index-true", "$$.true", {}),
    ("stray-brace-then-set", "$e{ #set($a=1)$a|$e{{ #set($a=2)$a|$e.x{ #set($a=3)$a|$e{\t#set($a=4)$a|${e}{ #set($a=5)$a|$e{#set($a=6)$a|$e{ x", {}),
    ("stray-brace-then-set-eof", "$e{ #set($a=1)", {}),
    # In an argument list a '$' or '$!' not followed by a name is a MORE prefix glued to
    # the next token (a literal, an operator, a blank, a parenthesis) and is dropped.
    ("args-dollar-prefix", "#set($a=$'x')$a|#set($a=$\"y\")$a|#set($a=$1)$a|#set($a=$1.5)$a|#set($a=$ 1)$a|#set($a=$!'z')$a|#set($a=$-1)$a|#set($a=$(1))$a|#set($a=$true)$a|#set($a=$false)$a|#set($a=1 $+ 1)$a|#set($a=$$b)$a|#set($a = [$1, $'b'])$a|#set($a = {$'k': $2})$a|#set($a=$ $1)$a|#set($a=$\n1)$a|#set($a=1$)$a", {}),
    ("args-dollar-prefix-calls", "$h.t($'x')|$h[$'t']|$h.t($1)|#if(false)#if(true!=$'')#end#end|#if(true$)y#end|#foreach($i in [1]$)$i#end|#define($1)#end|#define($1)x#end$1", {"h": {"t": "T"}}),
    ("args-dollar-prefix-macro", "#macro(m $a)[$a]#end#m($'x')|#m($1 $2)", {}),
    ("args-dollar-prefix-bracket", "#set($a=$[1])$a", {}),
    ("args-dollar-prefix-brace", "#set($a=${'x':1})$a", {}),
    ("args-dollar-prefix-empty", "#set($a=$)", {}),
    ("args-dollar-prefix-blank-only", "#if($ )#end", {}),
    ("args-dollar-prefix-minus-only", "#set($a=$-)", {}),
    ("args-dollar-prefix-hash", "#set($a=$#*c*#1)$a", {}),
    ("args-dollar-prefix-backslash", "#set($a=$\\'x')$a", {}),
    ("refmod-second-ref-directive", "#if(true)$h.t$x#end##y\n#end|#if(true)$h.t$x[0]#end##y\n#end|#if(true)$h.t$a[0]#end##y\n#end|#if(true)$h.t$x.length()#end##y\n#end|#if(true)$h.t$h.t#end##y\n#end|#if(true)$h.t$!x#end##y\n#end|#if(true)$h.t$x#{end}##y\n#end|#if(true)$h.t$x#end$.t#end|#if(true)$h.t$x#end #set($c=1)##y\n#end|#if(true)$h.t$x#end#*c*###y\n#end|#if(true)$h.t$x#end w##y\n#end|#if(true)$h.t$x#end}##y\n#end", {"h": {"t": "T"}, "x": "X", "a": ["A"]}),
    ("refmod-second-ref-word-directive", "$h.t$x#foo(1)##y\n|$h.t${x}#foo##y\n|#if(false)$h.t$x#else##y#end|#if(false)$h.t$x#{else}##y#end|$h.t$x#if(true)w#end##y\n|$h.t$x#if(true)w#end$.t|#macro(m)M#end$h.t$x#m()##y\n|$h.t$x#m##y\n", {"h": {"t": "T"}, "x": "X"}),
    ("refmod-second-ref-rbrace", "$h.t$x}##y\n|$h.t$a[0]}##y\n|$h.t$x.length()}##y\n|$h.t$h.t}##y\n|$h.t$x}}##y\n|$h.t$x}$x##y\n|$h.t$x}$x}##y\n|$h.t$x}w##y\n|$h.t$x}.w##y\n", {"h": {"t": "T"}, "x": "X", "a": ["A"]}),
    ("refmod-second-ref-formal", "$h.t${x}##y\n|$h.t$!{x}##y\n|$h.t${x}#*c*###y\n|$h.t${x}#[[c]]###y\n|$h.t${x} ##y\n|$h.t${x}w##y\n|$h.t${x}.w##y\n|$h.t${x}$.t##y\n|$h.t${x}$!}##y\n|$h.t${x}}##y\n|$h.t${x}#set($c=1)##y\n|$h.t${x} #set($c=1)##y\n|$h.t$a[0]${x}##y\n|$h.t$x${x}##y\n|$h.t$x.length()${x}##y\n|$h.t${x}(", {"h": {"t": "T"}, "x": "X", "a": ["A"]}),
    ("refmod-second-ref-leaves", "$h.t$x##y\n|$h.t$x#*c*###y\n|$h.t$x#[[c]]###y\n|$h.t$x ##y\n|$h.t$x#set($c=1)##y\n|$h.t$x #set($c=1)##y\n|$h.t$x#$x##y\n|$h.t$x$x##y\n|$h.t$x)##y\n|$h.t$x|##y\n|$h.t$x,##y\n|#if(true)$h.t$x$x#end##y\n#end|#if(true)$h.t$x#end$x##y\n#end|#if(true)$h.t${x}#end##y\n#end", {"h": {"t": "T"}, "x": "X"}),
    ("refmod-second-ref-index-error", "$h.t${x}[0]", {"h": {"t": "T"}, "x": "X"}),
    ("method-bare-name-arg", "$m.get(key)|$m.containsKey(key)|$s.concat(a, 'b')|$s.equals( key )|$m.get(k-1)", {"m": {"key": 1}, "s": "S", "key": "k", "a": "A"}),
    ("method-bare-name-arg-null", "$s.concat(key)", {"s": "S", "key": "k"}),
    ("refmod-prefixed-index", "$m.l$[0]|$m.l$![1]|$m.l##$[0]|$m.l#$[1]|$m.l\\$[0]|$m.l$[0].size()|$m.l$[0]$[0]|$m.l$[0]##x\n|$m.l[0]$[0]|${m.l$[1]}|$m.l$$[0]|$m.l#[0]|$l$[0]", {"m": {"l": [1, 2]}, "l": [3]}),
    ("refmod-prefixed-dot", "$m.l$.size()|$m.l$!.size()|$m.l##$.size()|$m.l#$.size()|$m.l\\$.size()", {"m": {"l": [1, 2]}}),
    ("refmod-prefixed-index-open", "$m.l$[", {"m": {"l": [1, 2]}}),
    ("refmod-hash-dollar-number", "$m.c##$5|$m.c##$!5|$m.c##$$5|$m.c##$-5|$m.c##$.5 x|$m.c##$5##y\n|$m.c##$ 5|$m.c##$x5|$m.c#$5|$m.c###$5\n", {"m": {"c": "C"}}),
    ("formal-open-bracket", "${[x", {}),
    ("formal-open-brace", "$!{{x", {}),
    ("formal-open-dollar", "${$a", {"a": "A"}),
    ("formal-open-text", "${]x|${.x|${ [|$!{(x|${}x|${#x|${1x", {}),
    ("refmod-prefixed-call", "$a.concat$('x')|$a.concat$!('x')|$a.concat\\$('x').length()|$a.concat$('x')$[0]|$a.concat##$('x')|$a.concat#$('x')|$a.concat$()|$m.c$(1)|$a.concat$('y')##z\n|$a.concat$(", {"a": "A", "m": {"c": "C"}}),
    ("refmod-prefixed-call-open", "$a.concat$(x", {"a": "A"}),
    ("reference-set-then-index", "$a#set($x=1)[0]", {"a": "A"}),
    ("reference-blank-set-then-index", "$a.s() #set($x=1)[0]", {"a": "A"}),
    ("reference-set-then-brace", "$a#set($x=1){b}|$a#*c*#{b}|$a#[[x]]#{b}|$a[0]#set($x=1){b}|${a}#set($x=1)[0]|$a#set($x=1)x.b", {"a": "A", "l": [1]}),
    ("reference-comment-then-words", "$a#*c*#x.b|$a#[[y]]#x[0]|$a#set($x=1)x.b|$a#*c*#x.b##c\n|$a.s()#*c*#x.b|${a}#*c*#x.b", {"a": "A"}),
    ("refmod-lparen-after-ref", "$s.y$e(x)", {}),
    ("refmod-lparen-after-formal-ref", "$s.y${e}()", {}),
    ("refmod-lparen-after-call", "$s.y$e.f()()", {}),
    ("refmod-lparen-after-index", "$m.l[0](abc)", {"m": {"l": [1]}}),
    ("refmod-lparen-text", "$s.y$e(|$s.y$e(x|$l[0]()|$s.y$e ()|$m.l[0](abc", {"m": {"l": [1]}, "l": [2]}),
    ("stray-brace-bracket", "$l[1]{[0]}", {"l": [1, 2]}),
    ("stray-brace-bracket-refmod", "$m.l{[", {"m": {"l": [1]}}),
    ("refmod-prefixed-null-images", "#literal()$x.h$.x|$x.h$!.x|$x.h##$.x|$x.h\\$.x|$x.h$('a')|$x.h$!('a')|$x.h$\\!('a')#end|$x.h$!('a')|$x.h$\\!('a')|$x.h$.x", {}),
    ("stray-brace-dollar-name", "$l{$d}|$a{{$d}|$m.l{$!d}|$l{$$d}|$l{${d}}|$l{$1}|$a{ $d", {"l": [1], "a": "A", "m": {"l": [2]}}),
    ("stray-brace-dollar-name-open", "$l{$d", {"l": [1]}),
    ("refmod-comment-lparen", "$s.v#*c*#(x)", {}),
    ("refmod-textblock-lparen-text", "$s.v#[[]]#(x|$s.v#[[t]]#(", {}),
    ("escaped-dollar-dot", "\\$.x|\\$!.x|x\\\\$.x|\\$.x.y|\\$.x##c\n|$!.a.b|$!.a[0]|\\$.a{b}|#literal()\\$.x|$!.a#end|#@foo()\\$.x|$!.a#end", {}),
    ("escaped-dollar-bracket", "\\$[0]", {}),
    ("reference-prefixed-dot", "$a\\$.x|$a$!.x|$a\\$!.x|$m\\$.l|$m$!.l.size()|$m$.l|$m$![0]|$l\\$[0]|$l\\$[0]##c\n|$l\\$[0]$[0]|$a\\$[0]|#literal()$a\\$.x|$a$!.x|$a\\$[0]#end", {"a": "A", "m": {"l": [1, 2]}, "l": [3]}),
    ("bang-dollar-dot-text", "$!.|$!. x|$!.1|$!..|\\$.|\\$!. x|x\\\\$.|#$.|#literal()$!. x|\\$.#end|#@foo()$!. x|\\$.#end", {}),
    ("hash-dollar-dot", "#$.x|#$!.x.y|#$.x##c\n|a#$.x|#literal()#$.x|#$!.x#end|#@foo()#$.x#end", {}),
    ("refmod-dollar-set-end", "#if(true)$h.t$#set($y=1)#end## x\n|#if(true)$h.t$#[[]]##end## x\n|#if(true)$h.t$#*c*##end## x\n|$h.t$#set($y=1)## x\n|$h.t$#set($y=1)x## x\n|#if(true)$h.t$#set($y=1)#end x## x\n|#if(true)$h.t#set($y=1)#end## x\n", {"h": {"t": "T"}}),
    ("refmod-pushed-if-hashes", "$m.l$[0]#if(true)##y\n#end|$m.l$[0]#if(true)w#end##y\n|$h.t$x#if(true)##y\n#end|$h.t$x#if(true)\n##y\n#end|$h.t$x#if(true) ##y\n#end|#if(false)$h.t$x#elseif(true)##y\n#end|$m.l$[0]#{if}(true)##y\n#end|$h.t$x#if(true)##if(true)z#end#end", {"m": {"l": [1]}, "h": {"t": "T"}, "x": "X"}),
    ("refmod-pushed-index-directive", "$m.l$[0]#foo()##y\n|$m.l$[0].size()#foo()##y\n|$m.l$[0][0]#foo()##y\n|${m.l$[0]}#foo()##y\n|$m.l$[0]#set($q=1)##y\n|$m.l$[0].size()x##y\n", {"m": {"l": [[1]]}}),
    ("lparen-hash-after-property", "$f.c(#x", {"f": {"c": "C"}}),
    ("lparen-hash-after-comment-word", "$s.v#*c*#(ab#x", {}),
    ("lparen-hash-after-comment-if", "$s.v#*c*#(#if(true)a#end", {}),
    ("lparen-hash-after-property-blocks", "$n.k(#foreach($b [])#literal()#define(1)#end#end#end", {}),
    ("lparen-hash-after-comment-comment", "$s.v#*c*#(#*c*#a", {}),
    ("lparen-hash-after-property-close", "$f.c(#x)", {"f": {"c": "C"}}),
    ("lparen-hash-after-property-blank", "$s.v#*c*#(#if(true)a#end b", {}),
    ("refmod-dollar-rbrace", "$m.c$}## |$m.c$}##x\nb|$m.c$}}##x\nb|$m.c$}x##y\nb|$m.c$}#*c*###y\nb|$!m.c$}##x\nb|$m.c$!}##x\nb|$m$}##x\nb|$m.c$}x", {"m": {"c": "C"}}),
    # '${' then '.name': the '.name' is lexed as after a property.
    ("lbrace-dot-word", "${.e.f|$!{.e.f}x|${.e#if(true)y#end|${.e.f#*c*#.g|${.e(x", {}),
    ("lbrace-dot-word-call", "${.e()", {}),
    # '.name(' then '.word': no argument starts with '.', so '.name' is a property.
    ("lparen-dot-word-after-property", "[$s.h(.x)]|$s.length(.x.y|$m.c(.x$s|$m.c(.x #if(true)y#end|$l[0](.x)|$s.h(.x#*c*#.y",
     {"s": "abc", "m": {"c": "C"}, "l": [1]}),
    # A '$' glued to '.name' after an index is no part of the null reference's literal.
    ("refmod-dollar-dot-after-index", "$x[0].e$.x|$y[0].e$!.x|$x[0].e##$.x|\\$x[0].e$.x$.y|$x.m()$.x", {"y": {"e": "E"}}),
    # '$' prefixes then '}' or '{': RCURLY and LCURLY print their whole image.
    ("dollar-chain-braces", "$$!}|$!$!}|$$}|\\$$!}|$\\$!}|$!$}|$$$!}x|$$!{}|$$!{ x}|$\\!{ x}|$$!{5}", {}),
    ("dollar-chain-lbrace-lbracket", "$${[", {}),
    # '.name(' at the very end after a dropped '$' prefix: the '(' is text.
    ("dollar-dot-words-lparen-end", "$!.x.y(", {}),
    ("dollar-dot-words-index-lparen-end", "\\$.x[0].y(", {}),
    ("lbrace-dot-words-lparen-end", "${.x.y.z(", {}),
    # After a stray '{', '$' and '#' prefixes glue to the identifier up to a '}'.
    ("stray-brace-prefixed-name", "$a{$#$a}|$a{\\$zz}|$a{#$a}x", {"a": "A"}),
    ("stray-brace-hash-dollar-open", "$a{#$a", {"a": "A"}),
    ("stray-brace-hash-dollar-then-ref", "$a{#$a$!{a}", {"a": "A"}),
    ("stray-brace-escaped-dollar-open", "$a{\\$zz", {"a": "A"}),
    # A '(' left open after '$a.b$c' takes references too.
    ("refmod-lparen-references", "$h.t$a($f|$h.t$a($#$f|$h.t$a($!f|$h.t$a($f#if(true)y#end|$h.t$a(${f}|$h.t$a($#$!a|$h.t$a($f.x(1)[0]",
     {"h": {"t": "T"}, "a": 1, "f": "F"}),
    # '$!#' before a character that ends the directive: only '$#' prints.
    ("dollarbang-hash-terminator", "a$!# x|a$!#.|$h.t##}$!#  |$h.t$!# x|#literal()a$!# x#end|#@m()a$!# x#end|#@m()a$# x#end",
     {"h": {"t": "T"}}),
    # Before a number (a token there) '$!#' keeps its '!'.
    ("dollarbang-hash-number", "$!#1|$!#-1|$!#.5|$!#-x|$\\$zz$s.length()$!#1#1", {"s": "abc"}),
    ("dollarbang-rbrace", "$!}|a$!}}b|\\$!}|#if(true)$!}#end|#set($s = \"$!}\")$s|#literal()$!}#end", {}),
    # '$#$#' (any '$' prefix, then '#$#'): all of it glues to the next '#' token, which
    # swallows it when it is #if, #else, #end or #set, as after '#$#'.
    ("dollar-hash-dollar-hash-directive", "#if(true)x$#$#end|#if(true)x$!#$#else y#end|x$#$!#if(true)y#end"
     "|x\\$#$#if(true)y#end|x\\\\$#$#if(true)y#end|x$#$#set($a=1)z|x$#$#foo z|x$#$#e()x(y)|x$#$#if(true)w.z#end"
     "|x$#$## c\nz", {}),
    ("dollar-hash-dollar-hash-word-open", "x$#$#e()x(y", {}),
    # A '$' or '$!' right after a HASH is no EMPTY_INDEX: before '[' or '.name' it makes an
    # LBRACKET or DOT token that continues the reference before it (a parse error when
    # there is none).
    ("hash-dollar-suffix", "$h.t$#$[0] x|$h.t#$[0] x|$h.t$#$![0] x|$h.t$#$#$[0] y|$h.t##$#$[0] y|$h.t$#$[0]w.z y"
     "|$x#$[0] y|$x$#$[0] y|$x[0]#$[0] y|$x.y()#$[0] y|$l#$[1] y|$h#$['t'] y|$h$!#$['t'] y"
     "|$h.t$#$.x y|$h.t$!#$.x y|$h.t$#$!.x y|$h.t$#$.x.y z|$x$#$.y z|$s$#$.length() z|$x[0]$#$.y z"
     "|#literal()$x#$[0] y$h.t$#$.x y#end|$h.t#$[0]#e##y\n$h.t$#$.x#e##y", {"h": {"t": "T"}, "l": [1, 2], "s": "abc"}),
    ("hash-dollar-suffix-open", "$h.t$#$[", {"h": {"t": "T"}}),
    ("hash-dollar-lbracket-alone", "x$#$[0] y", {}),
    ("hash-dollar-lbracket-alone-2", "#$[0] x", {}),
    ("hash-dollar-lbracket-alone-3", "x$!#$![0] y", {}),
    ("hash-dollar-lbracket-after-formal", "${x}#$[0] y", {"x": "X"}),
    ("hash-dollar-lbracket-after-blank", "$x $#$[0] y", {"x": "X"}),
    ("hash-dollar-lbracket-textblock", "x\\#$[[x]]# y", {}),
    # '$#{x.y}' after a property (or an index, a reference or a comment there): '{x.y' is no
    # BRACKETED_WORD, the prefixes are lost and '{' is a stray brace.
    ("refmod-dollar-hash-brace", "$a.v$#{x.y} z|$a.v$!#{x.y} z|$a.v\\$#{x.y} z|$a.v$#{$x} z|$a.v$#{x[0]} z"
     "|$a.v$#{x.y}.z w|$a.v$x$#{x.y} z|$a.v$#*c*#$#{x.y} z|$a.v[0]$#{x.y} z|$a.v$x#set($b=1)$#{x.y} z"
     "|$a.v$#{x} y|$a.v$#{ z|$a.v$#{} z|$a.v()$#{x.y} z|$x$#{x.y} z|$a.v$#{x.y}$#{x.y} z|$a.v$#{x.y}#e##y",
     {"a": {"v": "V"}, "x": "X"}),
    ("refmod-dollar-hash-brace-open", "$a.v$#{x.y", {"a": {"v": "V"}}),
    # The same after a reference whose '$' pushed REFMODIFIER, with the HASH alone.
    ("refmod-pushed-hash-brace", "$h.t$l#{o.p} z|$h.t$x#{o.p} z|$h.t$.x#{o.p} z|$h.t$[0]#{o.p} z|$h.t$x#{$o} z"
     "|$h.t$x#*c*##{o.p} z|$h.t$x.y#{o.p} z|$h.t$.x#*c*##{o.p} z|$h.t$x#{o} z|$h.t#{o.p} z",
     {"h": {"t": "T"}, "x": "X"}),
    ("refmod-pushed-hash-brace-open", "$h.t$l#{o", {}),
    ("refmod-pushed-hash-brace-lbracket", "$h.t$x#{[} z", {"h": {"t": "T"}, "x": "X"}),
    # '$a.b$.c#(' or '##(' (also after '$a.b$x.c'): the HASH pops back to the pushed
    # REFMODIFIER, where the '(' after '.c' opens a method call (not before a '#').
    ("refmod-pushed-hash-call", "$a.v$.length#()|$a.v$.substring#(1)|$a.v$.substring#('x')|$n.length$.length##()"
     "|$y.k$.o##(x)|$a.v$x.length#()|$a.v$x.length##()|$h.t$.length##(#if(true)y#end|$a.v$x.length#(#if(true)y#end"
     "|$a.v$.length#()w.z|$a.v$.length#()#e##y", {"a": {"v": "V"}, "h": {"t": "T"}, "n": {"length": 3}, "x": "X"}),
    ("refmod-pushed-hash-call-open", "$y.k$.o##(x", {}),
    ("refmod-pushed-hash-call-open-2", "$y.k$.o#($x", {}),
    ("refmod-pushed-hash-call-open-3", "$h.t$.length##(1", {"h": {"t": "T"}}),
    ("refmod-pushed-hash-call-unclosed-brace", "$y.k$.o##(#literal()#if([]gt 5)#end}#end", {}),
    ("refmod-pushed-hash-call-after-call", "$a.v$.length()#()", {"a": {"v": "V"}}),
    # HASH prefixes glued to the ')' of a call without arguments: '$s.length(#)' is
    # '$s.length()'; '$h.t$f#[0]': the HASH pops to REFMODIFIER, where '[0]' indexes '$f'.
    ("call-hash-rparen", "$s.length(#)x|$s.length(##) x|$m.y(#)x|$s.length(#).y x|$m[0].y(#)x|#literal()$m.y(#)x#end",
     {"s": "abc", "m": {"y": "Y"}}),
    ("call-hash-word-rparen", "$m.y(#e)x", {"m": {}}),
    ("refmod-ref-hash-index", "$f.c$f#[0] z|$f.c$l#[0] z|$h.t$l#[1] z|$h.t$.x#[0] z|$h.t$l#[0]#e##y\n$f.c$l#[0]w.z",
     {"f": "F", "l": [1, 2], "h": {"t": "T"}}),
    ("refmod-ref-hash-index-open", "$f.c$f#[", {"f": "F"}),
    # A '${' after '$a.b$m' that starts no reference is text (the reference before it is
    # lexed once).
    ("refmod-ref-then-brace-text", ")$a.va$m${|$a.va$m${ x|$a.va$m$!{", {"a": {"v": "V"}, "m": "M"}),
    # A chain of '$' prefixes before '.' that starts no property prints its '$'s only.
    ("dollar-chain-dot-text", ".v$$!.:.v|$$!.:|$!$!.(|$$!.(|$$!.x|$!$.(", {}),
    # '$!#$' before something that starts no reference: only the '$' and '#' print.
    ("dollarbang-hash-dollar-text", "$!#$! = |$!#\\|$!#$ x|$!#$!#$! x|$!#$1|$!#$!x|$!#$.x|$#$.x.y z", {"x": "X"}),
    # '$#set(...)': its DOLLAR pushed REFERENCE, where the text after ')' is lexed.
    ("dollar-set-then-words", "$!#set($q=1).v.v |$#set($q=1)w.v |$#set($q=1){x}|$#set($q=1) x|$#set($q=1)\nx.y"
     "|$#set($q=1)#*c*#x.y|$#set($q=1)$x.y|$a#*c*#.x.y z|$a#set($q=1).x.y z|$a.v()#*c*#.x.y z|$#set($q=1)#e##y",
     {"a": "A", "x": "X"}),
    ("dollar-set-then-lbracket", "$#set($q=1)[.b", {}),
    ("dollars-set-then-lbracket", "$$#set($q=1)[.b", {}),
    # '${{': the second LCURLY is a stray brace.
    ("formal-double-brace", "${{x}|${{ |${{}|$!{{x}|${{x.y}|${{,x)", {"x": "X"}),
    ("formal-double-brace-open", "${{x", {}),
    # A HASH glued to a word in macro-call arguments is that word.
    ("args-hash-word", "#{e}(#e))1|#e(#e)|#e(#e #f)|#e(#e,#f)|#e(#set)|#e($a #e)|#e(#e_1@x)", {"a": "A"}),
    # A HASH glued to a '$' in directive arguments is dropped with it where a '$' would be.
    ("args-hash-dollar", "#m(#$x)$s$s|#m(#$x #$y)|#m(#$!x)|#m(#$ 1)|#m(#$1)|#macro(m $p)[$p]#end#m(#$x)"
     "|#foreach($i in #$l)$i#end|#define(#$d)x#end$d", {"x": "X", "l": [1, 2]}),
    # In the directive state that '#$}' or '#${a}' return to, '$' before '.name' is lost
    # and before '[' makes an LBRACKET with nothing to index.
    ("pre-directive-dollar-dot", "#$}$.x|#$}$.x.y z|#${a}$.x|#$}$!.x y|#$}$x|#$#e()$.x y", {"a": "A"}),
    ("pre-directive-dollar-lbracket", "#$}$[0]", {}),
    ("pre-directive-dollarbang-lbracket", "#${a}$![0]", {"a": "A"}),
    # '$}' in the never-closing LPAREN after an index.
    ("lparen-dollar-rcurly", "$s.e[$a]($}x", {"s": "S", "a": 0}),
    ("lparen-dollarbang-rcurly", "$s.e[$a]($!}", {"s": "S", "a": 0}),
    ("lparen-dollar-rcurly-blank", "$s.e[$a]($} x", {"s": "S", "a": 0}),
    # '${$x}': the DOLLAR prefixes glue to the IDENTIFIER, a name no variable has: the
    # reference is null and prints itself; what cannot follow it inside braces fails.
    ("formal-dollar-name", "${$q}|${$x} y|${\\$x}|${$x.y}|${$!x}|$!{$x}|${$$x}|${$x.length()}|${$x[0]}|#if(true)${$x}#end"
     "|#set($s = \"${$x}\")$s", {"x": "X"}),
    ("formal-dollar-name-equals", "==${\\$!$q.b=", {}),
    ("formal-dollar-name-equals-2", "${$q=", {}),
    ("formal-dollar-name-open", "${$x", {"x": "X"}),
    # A '$' chain before '.name': the chain is lost and '.name' lexed as after a property.
    ("dollar-chain-dot-word", "$$!.x.y z|$$!.x|$!$!.x##y", {}),
    ("dollar-chain-dot-call-equals", "$!$!.b1(1=1", {}),
    ("dollar-chain-dot-call-open", "$$!.x(1) z", {}),
    ("args-hash-word-defined-macro", "#macro(m $x)[$x]#end#m(#e)", {}),
    ("args-hash-braced-word", "#e(#{e})", {}),
    ("args-hash-if", "#e(#if)", {}),
    ("args-hash-word-foreach", "#foreach($i in #e)#end", {}),
    # A comment or text block right after a '$' leaves the REFERENCE state its DOLLAR pushed.
    ("dollar-comment-then-words", "$#*c*#x.y z|$#[[t]]#x.y z|$#*c*#{x}", {}),
    ("dollar-comment-then-lbracket", "$#*c*#[0]", {}),
    ("dollarbang-textblock-then-lbracket", "$!#[[t]]#[0]", {}),
    # A '$.name' right after a word that a property's state prints is dropped with it.
    ("refmod-word-dollar-dot", "$a.b#*c*#w$.x.y z|$!.v$.v.w z|$!.v$.v=|$!.v.w z", {"a": {"b": "B"}}),
    # '$$m' after a property: the prefixes print and '$m' is lexed as '$m' is there.
    ("refmod-dollars-ref-lparen", "$a.v$$m(x", {"a": {"v": "V"}, "m": "M"}),
    ("refmod-dollars-ref", "$a.v$$m#e##y\n$a.v$$m z|$a.v$!$m z|$a.v$$$m z|$a.v$${m} z|$a.v$$1 z",
     {"a": {"v": "V"}, "m": "M"}),
    ("refmod-dollars-ref-lparen-rbracket", "$a.v$$m(x]", {"a": {"v": "V"}, "m": "M"}),
    # Plain '{'s after a reference, then '.name': it prints, its suffixes are dropped.
    ("brace-then-dot-word", "$s{.b.b|$s{.b z|$s{{.b z|$s{ .b z|$s.v{.b.c z|$s.v{##x", {"s": "S"}),
    # A '$!' prefix dropped in arguments: a null reference's literal shows its '$' only.
    ("null-literal-dollarbang-arg", "$z.f($!1)|$z.f($! 1)|$z.f(0,$! 1)|$l[$!0]|$z[$!0]|$z.f($!'x')|$z.f([$!1])|#m($!'x' $!1)",
     {"l": [1]}),
    ("refmod-dollar-hash-brace-lbracket", "$a.v$#{[} z", {"a": {"v": "V"}}),
    # A '#' in arguments before what starts no word, directive or comment is dropped
    # (PRE_DIRECTIVE ends on a special token); a null reference's literal still shows it,
    # unless a '$' follows it.
    ("hash-dropped-directive-args", "#e(#'a')|#e(#\"a\")|#e(#[1])|#e({#'a':1})|#e( #'a')|#e(#,1)|#e(#)|#e(# #)|#e(a#)|#e(1#,2)|#e(#'a'#'b')|#e(#\\$s)",
     {"s": "S"}),
    ("hash-dropped-expressions", "#set($a = #'x')$a|#set($a = #[1, 2])$a|#set($a = #(1))$a|#set($a = #!true)$a|"
     "#set($a =# 1)$a|#set($a = 1 #)$a|#set($a = 2 #- 1)$a|#set($b = 1 #== 1)$b|#if(# true)t#end|#set($b = #[1..#$i])$b",
     {"i": 2}),
    ("hash-dropped-foreach", "#foreach($i in #[1, 2])$i#end|#foreach($x in#[1])$x#end", {}),
    ("hash-dropped-call-args", "$s.concat(#'x')|$s.concat(#\"x\")|$s.concat(# 'x')|$s.concat(#'x' )|$s.concat(#$s)|"
     "$s.concat(#\\$s)|$s.substring(1#,1)|$s.concat('x'#)", {"s": "abc"}),
    ("hash-dropped-index", "$m[#'a']|$m[#\"a\"]|$m[# 'a']|$m[#'a'#]|$m[#$k]", {"m": {"a": 1}}),
    ("hash-dropped-null-literal", "$n.concat(#$s)|$n.concat(#'x')|$n[#'x']|$n.f(#\\$s)", {"s": "abc"}),
    ("hash-dropped-macro-args", "#macro(m $x)[$x]#end#m(#'ab')#m(#\"ab\")#m(#[1])", {}),
    # No '##' token in a call's arguments or an index: both '#'s are dropped there.
    ("hashes-dropped-index", "$m[##$m]\n}$x|$m[##$k]|$m[##'a']|$m['a'##]|$n[##'x']", {"m": {"a": 1}, "x": "X"}),
    ("hashes-dropped-call-args", "$s.concat(##'x')|$s.concat(##$s)|$s.concat('x'##)|$n.f(##$s)", {"s": "abc"}),
    ("hashes-index-errors", "$m[##]", {}), ("hashes-index-word", "$m[##x]", {}), ("hashes-index-three", "$m[###'a']", {}),
    ("hashes-call-three", "$s.concat('x'###)", {"s": "abc"}), ("hashes-in-set", "#set($a = ##'x')$a", {}),
    # A method call needs what its arguments may start with after '(': an RCURLY ('$}')
    # leaves the property and an LPAREN that never closes.
    ("lparen-dollar-rcurly-after-property", "$s.e($}|$s.e($!}x|$s.e($}$s|$s.e($}#e|$s.e($$}", {"s": "abc"}),
    ("lparen-dollar-rcurly-after-property-prefixed", "$s.e$($$}x|$s.e$!($}x", {"s": "abc"}),
    ("lparen-dollar-rcurly-then-rparen", "$s.e($})", {"s": "abc"}),
    ("lparen-dollar-rcurly-then-blank", "$s.e($} x", {"s": "abc"}),
    ("lparen-dollar-rcurly-call-arg", "$s.concat($}'x')", {"s": "abc"}),
    # '${' or '$!{' before a '$' that starts no name there: the LCURLY prints as text.
    ("lcurly-then-dollar", "$!{$!{|${$![:$m(|${$!{|${$ x|${$}|${$1|${$$ z|${$!$ z|${$[ z|${$![ z|${$. z|${$.x z|${$#e z",
     {"m": {"a": 1}}),
    ("lcurly-then-reference", "${$!{x} y|${${x}|${$#if(true)y#end z", {"x": "X"}),
    ("lcurly-then-dollar-name-unclosed", "${$m z", {"m": {"a": 1}}),
    # '$#' in arguments: the DOLLAR joins what the HASH makes.
    ("dollar-hash-args", "#e($#)|#e($#e)|#e($#'a')|$s.concat($#'x')|#e($!#'a')|$n.f($#'x')|$n.f($#$s)|#e($#$s)|#e( $# )"
     "|#e($# )|#e(1 $#)|$m[$#'a']|$n[$#'a']|#foreach($i $#in [1])$i#end|#e($#\\$s)", {"s": "abc", "m": {"a": 1}}),
    ("dollar-hash-set", "#set($a = $#'x')$a", {}),
    ("dollar-hash-index-comment", "$m[$##'a']", {"m": {"a": 1}}),
    # '${' before DOLLAR (and HASH) prefixes glued to a name: one reference named by the
    # whole chain, which no variable has.
    ("lcurly-glued-chain", "${#$x}|${#$x} z|$${$x}|$${$x} z|#\\${$s}", {"x": "X", "s": "abc"}),
    ("lcurly-glued-chain-unclosed", "${#$x", {"x": "X"}), ("lcurly-glued-chain-unclosed-2", "$${$x", {"x": "X"}),
    ("lcurly-glued-chain-unclosed-3", "#\\${$s", {"s": "abc"}),
    # '#$@': no reference, '@...' is a word in the directive state the '#' began.
    ("hash-dollar-at-word", "#$@|#$@x(1)|#$@ z|#$!@ z|$#$@ z", {}),
    # '(' then '.name' after '${.e' or '${{.e' is text, as after a property.
    ("lcurly-dot-lparen-dot", "${.e(.a|${.e(.a.b z|${{.e(x|${{.e(#e", {}),
    ("lcurly-lcurly-dot-lparen-brace", "${{.e({", {}),
    # A comment right after '#$' leaves the REFERENCE state its DOLLAR pushed.
    ("hash-dollar-comment-reference-state", "#$#**#{t}|#$#*c*#{t} z|#$#*c*#x.y z|#$#*c*#x(y) z|#$#*c*##set($a=1)x$a"
     "|#$#*c*# #set($a=1)x$a|#$#*c*#$s.x z|#$#[[t]]#x.y z|#$!#*c*#x.y z|$#$#*c*#x.y z|#$#*c*#x#e(1) z", {"s": "abc"}),
    ("hash-dollar-comment-lcurly-unclosed", "#$#**#{t", {}),
    ("hash-dollar-comment-lbracket", "#$#*c*#[0]", {}),
    # After an even run of backslashes, '$#' before a reference is its prefix: k of the 2k
    # backslashes, the prefix, the value.
    ("escaped-even-dollar-hash-ref", "\\\\$#$s|\\\\\\\\$#$s|\\\\$!#$s", {"s": "abc"}),
    # '$!#$.' before what starts no DOT: the special text of the chain, no '!'.
    ("dollarbang-hash-dollar-dot", "$!#$.|#$!#$.|$#$.|$!#$.x|$!#$ x", {}),
    # '${' then a comment: the REFERENCE state goes on after it.
    ("lcurly-comment-then", "${#*c*#x}|${#*c*#x z", {}), ("lcurly-comment-lbracket", "${#*c*#[", {}),
    ("lcurly-doc-comment-true", "${#**#true", {}), ("lcurly-doc-comment-lbracket", "${#**#[", {}),
    # A '(' that never closes after a property: numbers and strings print as text.
    ("lparen-never-closing-literals", "#$.e(1.|#$.e(1x|#$.e('a'x|#$.e(-1x|#$.e(1.5e3x|#$.e('a\nb'x|#$.e(.5x|#$.e(1e"
     "|${.e(''|${.e(''$s|$s[0](1x|$s[0]('a'x|$m.a{(1x", {"s": "abc", "m": {"a": 1}}),
    ("lparen-never-closing-true", "#$.e(true", {}), ("lparen-never-closing-range", "#$.e(1..2x", {}),
    ("lparen-never-closing-string-blank", "#$.e('a' x", {}), ("lparen-never-closing-number-blank", "#$.e(1 z", {}),
    ("lparen-never-closing-string-unclosed", "#$.e('a", {}), ("lparen-never-closing-comma", "#$.e(1,x", {}),
    ("lparen-never-closing-minus-word", "#$.e(-x", {}), ("lparen-never-closing-rparen", "#$.e('')", {}),
    # '###' there: a HASH prefix and a line comment.
    ("lparen-never-closing-hash-comment", "$m.e(###|$m.e(### z\nw|$m.e(###\nw|$m.e(#### z\nw", {"m": {"a": 1}}),
    ("lparen-never-closing-hash-comment-pending", "$m.e(### #", {"m": {"a": 1}}),
    # String literals there are STRING_LITERAL tokens: printed as written, never lexed.
    ("lparen-never-closing-string-verbatim", "$#**#.e(\"$s\"|$#**#.e(\"$s\"x$s|#$.e('$s'x|#$.e(\"#if(true)y#end\"x"
     "|$s[0](\"$s\"x", {"s": "abc"}),
    # '$${.e(' as '${.e(': '.e' is a word and '(' an LPAREN that never closes.
    ("dollars-lcurly-dot-lparen", "$${.e(x|$${.e(.a z|$${.e z", {}),
    ("dollars-lcurly-dot-lparen-star", "$${.e(*", {}),
    # '$a.b$(.e': no call; the prefix prints, '(' is text and '.e' a word.
    ("refmod-dollar-lparen-dot", "$m.a$(.e|$m.a$(.e.f z|$m.a$!(.e z", {"m": {"a": 1}}),
    # DOLLAR prefixes glued to the RCURLY of '${...}': it closes the reference all the same.
    ("braced-dollar-rcurly", "${e$}|${e$!}|${e.x$}|${s$}|${s$} z|${e$$}|${e\\$}|${s.length()$}|${l[0]$}",
     {"s": "abc", "e": [], "l": [1]}),
    # '$ #set(...)' and '#$ #set(...)': the REFERENCE state the DOLLAR pushed goes on after ')'.
    ("dollar-blank-set-reference-state", "$ #set($y=1)x.y z|$$ #set($y=1)x.y z|$ #set($y=1){x} z|#$ #set($y=1)x.y z", {}),
    ("dollar-blank-set-lbracket", "$ #set($y=1)[", {}), ("hash-dollar-blank-set-lbracket", "#$ #set($y=1)[", {}),
    ("dollarbang-dollar-blank-set-lbracket", "$!$ #set($y=1)[", {}),
    # After a stray '{' and a comment, the REFERENCE state goes on.
    ("stray-brace-comment", "$a{#*c*#x.y z|$a{{#*c*#x z|$a{#[[t]]#x.y z|$a.b{#*c*#x.y z", {"a": "A"}),
    ("stray-brace-comment-lbracket", "$a{#*c*#[", {"a": "A"}), ("stray-brace-doc-comment-lbracket", "$a{#**#[", {"a": "A"}),
    # '#$$@', '#$\\$@': as '#$@'.
    ("hash-dollars-at-word", "#$$@|#$$!@ z|$#$$@ z|#$\\$@ z", {}),
    # '$a.b$(#e': no call, as '$a.b(#e'.
    ("refmod-dollar-lparen-hash-word", "$m.a$(#e|$m.a$(#e(1)x|$m.a$(#if(true)y#end z|$m.a$!(#e z", {"m": {"a": 1}}),
    # After a '(' that never closes, one RCURLY may follow an unbraced reference.
    ("lparen-never-closing-ref-rcurly", "$n.k(#e$l['']}|$n.k(#e$l}x|$n.k(#e$l.a}x", {"l": [1, 2]}),
    ("lparen-never-closing-ref-rcurly-twice", "$n.k(#e$l}}", {"l": [1, 2]}),
    ("lparen-never-closing-braced-ref-rcurly", "$n.k(#e${l}}x", {"l": [1, 2]}),
    ("lparen-never-closing-ref-rcurly-blank", "$n.k(#e$l} x", {"l": [1, 2]}),
    ("lparen-never-closing-ref-rcurly-define", "#define(1)#foreach([[]])$n.k(#end#end$l['']}", {"l": [1, 2]}),
    # A '#' before a string or a number there prints; before '.name' it ends the LPAREN's
    # state ('$s.e(#.a z' is no call and prints itself).
    ("lparen-never-closing-hash-literal", "${.e(#'a'x|${.e(#1x|${.e(#.a|$s.e(#.a|$s.e(#.a z", {"s": "abc"}),
    ("lparen-never-closing-hash-blank", "${.e(# x", {}), ("lparen-never-closing-hash-rparen", "${.e(#)", {}),
    ("lparen-never-closing-hash-minus", "${.e(#-x", {}), ("lparen-never-closing-hash-ref-blank", "${.e(#$s x", {"s": "abc"}),
    # A DOLLAR glued to a line comment there.
    ("lparen-never-closing-dollar-comment", "#$.e($##|#$.e($## c\nx|#$.e($!## c\nx", {}),
    # A word and a comment after a reference's state: still that state after the comment.
    ("reference-word-comment", "$#[[]]#e#*c*#x.y z|$#[[]]#e#*c*#{x} z|$a[0]e#*c*#x.y z|$s.length()e#*c*#x.y z",
     {"s": "abc"}),
    ("reference-word-comment-lbracket", "$#[[]]#e#**#[", {}), ("index-word-comment-lbracket", "$a[0]e#*c*#[", {}),
    ("call-word-comment-lbracket", "$s.length()e#*c*#[", {"s": "abc"}),
    # '#$#set(...)': SET_DIRECTIVE returns to the REFERENCE state the DOLLAR pushed.
    ("hash-dollar-set-reference-state", "#$#set($y=$s)t(|#$#set($y=$s)t($)|#$#set($y=$s)t x(y)|#$#set($y=$s)#e(1)x(y)"
     "|#$#set($y=$s)x.y z|$#$#set($y=$s)t(|#$#set($y=$s)\nt(|#$#set($y=$s)$y", {"s": "abc"}),
    ("hash-dollar-set-lbracket", "#$#set($y=$s)[", {"s": "abc"}),
    # '${' after a property that starts no name: '(' then is an LPAREN that never closes,
    # a comment pops back to REFMODIFIER.
    ("refmod-dollar-lcurly-lparen", "$s.e${(x|$s.e${(x y", {"s": "abc"}),
    ("refmod-dollar-lcurly-lparen-rparen", "$s.e${()", {"s": "abc"}),
    ("refmod-dollar-lcurly-comment", "$s.e${##\n## |$s.e${##\nx|$s.e${## c\n##x\ny|$s.e$!{##\n## ", {"s": "abc"}),
    ("refmod-dollar-lcurly-comment-directive", "$s.e${##\n#e(1)x(", {"s": "abc"}),
    # '$$#*c*#', '$!$#*c*#': the REFERENCE state goes on after the comment, as after '$#*c*#'.
    ("dollars-comment-reference-state", "$$#*c*#x.y z", {}), ("dollars-comment-lbracket", "$$#**#[", {}),
    ("dollarbang-dollar-comment-lbracket", "$!$#*c*#[", {}),
    # An LCURLY glued to a reference in directive arguments is a parse error.
    ("args-reference-lcurly-map", "#v($l{'':1})", {"l": [1]}), ("args-reference-lcurly", "#v($l{})", {"l": [1]}),
    ("args-braced-reference-lcurly", "#v(${l}{})", {"l": [1]}),
    # '${#set(...)': the REFERENCE state goes on after the #set.
    ("lcurly-set-reference-state", "${#set($y=1)x.y z|${#set($y=1)$y|$!{#set($y=1)x.y z|${ #set($y=1)x.y z", {}),
    ("lcurly-set-lbracket", "${#set($y=\"\")[", {}),
]


def cases() -> Cases:
    out = Cases()
    for vname, value in VALUES.items():
        env = {"v": value} if vname != "undef" else {}
        for fname in ("plain", "quiet"):
            form = FORMS[fname]
            for follower in FOLLOWERS if fname == "plain" else FOLLOWERS[:12]:
                fid = f"{vname}-{fname}-{slug(follower)}"
                out.add(fid, f"[{form}{follower}]", env)
        for fname in ("formal", "qformal"):
            form = FORMS[fname]
            for follower in BRACED_FOLLOWERS:
                fid = f"{vname}-{fname}-{slug(follower)}"
                out.add(fid, f"[{form[:-1]}{follower}}}]", env)
    for follower in FOLLOWERS[:12]:
        out.add(f"undef-{slug(follower)}", f"[$v{follower}] [$!v{follower}]")
    for cid, template, env in EXTRA:
        out.add(cid, template, env)
    # Null there, Velocity writes the 2k backslashes and the literal; vtl's compiler finds
    # no '#' in a reference's prefix chain, so only API Gateway's reading ('' for the
    # value) is recorded.
    out.add("escaped-even-dollar-hash-null", "\\\\$#$z|\\\\$#$s.x", {"s": "abc"}, profiles=("apigateway",))
    # '${$x}' names no identifier: unset, it stays null in the API Gateway profile too.
    for i, template in enumerate([r"\${$x}", r"\\${$x}", r"\${$x.a}|$!{$x}", r"\$!{$x}", r"\${x}|\$x"]):
        out.add(f"non-identifier-name-{i}", template, {})
    return out
