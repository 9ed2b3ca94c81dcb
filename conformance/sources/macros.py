"""#macro: definitions, arguments, scoping, recursion, block calls (dropped on AWS)."""

from __future__ import annotations

from . import Cases

ENV = {"a": "A", "l": [1, 2], "m": {"k": "v"}, "n": None}

CASES = [
    # '#@name' with no parentheses opens no block: it prints itself.
    ("block-call-no-parens", "#@foo|#@foo x|#@foo\nx|#macro(foo)F#end#@foo x|k#@null"),
    ("block-call-no-parens-stray-end", "#macro(foo)F#end#@foo x#end"),
    ("no-args", "#macro(m)X#end#m()#m"),
    ("one-arg", "#macro(m $p)[$p]#end#m('x')#m($a)#m(1)#m([1, 2])#m({'k': 1})"),
    ("two-args-spaces", "#macro(m $p $q)[$p|$q]#end#m(1 2)#m(1, 2)#m( 1 ,2 )"),
    ("missing-arg", "#macro(m $p $q)[$p|$q]#end#m('x')"),
    ("extra-arg", "#macro(m $p)[$p]#end#m('x' 'y')"),
    ("null-arg", "#macro(m $p)[$p][$!p]#end#m($n)#m($undef)"),
    ("ref-arg-by-name", "#macro(m $p)$p $p#end#set($i = 0)#m(\"#set($i = $i + 1)$i\")"),
    ("arg-shadows-global", "#set($p = 'global')#macro(m $p)[$p]#end#m('local') $p"),
    ("set-inside-visible", "#macro(m)#set($inner = 'set')#end#m()$inner"),
    ("set-arg-inside", "#macro(m $p)#set($p = 'changed')#end#set($v = 'orig')#m($v)$v"),
    ("global-read", "#set($g = 'G')#macro(m)[$g]#end#m()"),
    ("forward-reference", "#m()#macro(m)x#end#m()"),
    ("redefine", "#macro(m)1#end#m()#macro(m)2#end#m()"),
    ("recursion", "#macro(fact $n)#if($n <= 1)1#else#set($k = $n - 1)$n*#fact($k)#end#end#fact(4)"),
    ("deep-recursion", "#macro(r $n)#set($k = $n + 1)#r($k)#end#r(0)"),
    ("depth-20", "#macro(r $n)#if($n < 19)#set($k = $n + 1)#r($k)#end$n,#end#r(0)"),
    ("body-content", "#macro(wrap)<$bodyContent>#end#@wrap()inner $a#end"),
    ("body-content-missing", "#macro(wrap)<$bodyContent>#end#wrap()"),
    ("block-call-args", "#macro(tag $t)<$t>$bodyContent</$t>#end#@tag('b')bold#end"),
    ("block-call-undefined", "#@nosuch()x#end"),
    ("block-call-nested", "#macro(w)[$bodyContent]#end#@w()a#@w()b#end#end"),
    ("undefined-call", "#nosuch() #nosuch('a', $a) #nosuch"),
    ("undefined-call-newline", "#nosuch($a)  \nnext"),
    ("word-arg", "#macro(m $p)[$p]#end#m(foo)"),
    ("expr-arg", "#macro(m $p)[$p]#end#m(1 + 2)"),
    ("range-arg", "#macro(m $p)$p#end#m([1..3])"),
    ("bool-arg", "#macro(m $p)#if($p)T#{else}F#end#end#m(true)#m(false)"),
    ("double-quoted-arg", "#macro(m $p)[$p]#end#m(\"v=$a\")"),
    ("macro-name-with-at", "#macro(m@x)X#end#m@x()"),
    ("macro-name-digit", "#macro(m1)X#end#m1()"),
    ("macro-no-name", "#macro()X#end"),
    ("macro-name-ref", "#macro($m)X#end"),
    ("macro-bad-param", "#macro(m 'x')X#end"),
    ("macro-comma-params", "#macro(m, $a, $b)[$a$b]#end#m(1, 2)"),
    ("macro-unclosed", "#macro(m)X"),
    ("macro-in-if", "#if(false)#macro(m)X#end#end#m()"),
    ("macro-with-foreach", "#macro(list $xs)#foreach($x in $xs)$x;#end#end#list($l)"),
    ("macro-foreach-break", "#macro(mb)#break#end#foreach($i in [1,2,3])$i#mb()#end"),
    ("macro-stop", "#macro(ms)a#stop b#end#ms() c"),
    ("macro-whitespace", "#macro(m)\n  body\n#end\n#m()\n#m()\n"),
    ("macro-call-in-string", "#macro(m)M#end#set($s = \"[#m()]\")$s"),
    ("macro-defined-in-string", "#set($s = \"#macro(sm)S#end\")#sm()"),
    ("macro-call-braced", "#macro(m)M#end#{m}() #{m}"),
    ("macro-call-space", "#macro(m $x)[$x]#end#m ('a') #m\n('b')"),
    ("macro-named-like-directive", "#macro(foreach)X#end#foreach()"),
    ("macro-arg-is-map-modified", "#macro(m $p)#set($d = $p.put('k', 'new'))#end#m($m)$m"),
    ("macro-local-var-leak", "#macro(m)#set($leak = 1)#end$!leak#m()$leak"),
    ("macro-velocity-count", "#macro(m)$velocityCount#end#foreach($i in [1,2])#m()#end"),
    ("macro-foreach-var", "#macro(m)$foreach.count#end#foreach($i in [1,2])#m()#end"),
    ("macro-bodycontent-define", "#macro(w)$bodyContent$bodyContent#end#set($c = 0)#@w()#set($c = $c + 1)$c#end"),
    ("macro-arg-quiet-ref", "#macro(m $p)[$p]#end#m($!undef)"),
    ("macro-arg-index", "#macro(m $p)[$p]#end#m($l[0])#m($m['k'])"),
    ("macro-arg-method", "#macro(m $p)[$p]#end#m($a.toLowerCase())"),
    ("macro-doc-pattern", "#macro(field $name $value)\"$name\": \"$value\"#end{#field('a' $a), #field('b' 'B')}"),
    ("macro-bare-word-after-text", "x#macro(m)y#end#m(a)"),
    ("macro-bare-word-not-reached", "#macro(m)y#end#if(false)#m(a)#end z"),
    ("macro-braced-null-arg", "#macro(m1 $p)${p}|$p#end#m1($zz)"),
    ("macro-quiet-braced-null-arg", "#macro(m1 $p)$!{p}|$!p#end#m1($zz)"),
    # A parameter the call leaves out reads (and #set writes) the caller's variable, and a
    # #set of a passed parameter writes the caller's variable too.
    ("macro-missing-arg-reads-caller", "#set($p=5)#macro(m1 $p)[$p]#end#m1()$p"),
    ("macro-missing-arg-nested", "#macro(m1 $p)[$p]#end#macro(m2 $p)#m1()#end#m2(7)"),
    ("macro-missing-arg-set", "#set($p=5)#macro(m1 $p)#set($p=6)[$p]#end#m1()$p"),
    ("macro-missing-second-arg", "#macro(m1 $p $q)[$p$q]#end#set($q = 2)#m1(1)$q"),
    ("macro-set-passed-arg", "#macro(m1 $p)#set($p = 3)[$p]#end#set($p = 1)#m1(9)$p"),
    ("macro-passed-arg-restored", "#macro(m1 $p)[$p]#end#set($p = 1)#m1(9)$p"),
    # A comma may come before the first argument of a directive or macro call (never twice
    # in a row, nor after the last).
    ("leading-comma-unknown-call", "#e(,1)|=#m(,x)#e|#e( , 1)|#e( ,1)|#e(, 1)|#@e(,1)x#end"),
    ("leading-comma-foreach", "#foreach(,$i in [1])$i#end"),
    ("leading-comma-define", "#define(,$d)x#end$d"),
    ("leading-comma-macro-name", "#macro(,m $a)x$a#end#m(2)"),
    ("leading-comma-macro-call", "#macro(m $a)x$a#end#m(,5)"),
    ("leading-comma-literal", "#literal(,1)x#end"),
    ("comma-trailing", "#e(1,)"), ("comma-alone", "#e(,)x"), ("comma-doubled", "#e(1,,2)"),
    ("comma-doubled-blank", "#e(1 , ,2)"), ("comma-alone-macro-call", "#macro(m)x#end#m(,)"),
    ("leading-comma-if", "#if(,true)x#end"),
    # A block call's images leave out a '#' before a terminator, also after ']]'.
    ("block-call-hash-terminator-after-brackets", "#@()]]#\"#end|#@foo()]]#x#end|#@foo()#[[a]]#\"#end|#@foo()a#\"#end"),
    # '@' starts a WORD in directive arguments.
    ("args-at-word", "#e(@)|#e(@x y)"), ("args-at-word-defined-macro", "#macro(m $a)[$a]#end#m(@)"),
    # An argument is evaluated in the caller's context: one naming the parameter reads the
    # caller's variable of that name (it recursed through the parameter itself).
    ("arg-named-like-param", "#macro(m1 $p)[$p]#end#m1($p)#set($p = 5)#m1($p)[$p]"),
    ("arg-named-like-param-set", "#macro(m1 $p)#set($p = 7)[$p]#end#set($p = 5)#m1($p)[$p]"),
    ("arg-named-like-other-param", "#macro(m1 $p $q)[$p$q]#end#m1($q $p)#set($p = 1)#set($q = 2)#m1($q $p)"),
    ("arg-named-like-param-set-other", "#macro(m1 $p $q)#set($p = 7)[$q]#end#set($p = 5)#m1($p $p)[$p]"),
    ("arg-through-two-macros", "#macro(m1 $p)[$p]#end#macro(m2)#m1($p)#end#m2()#set($p = 5)#m2()"),
    ("arg-through-two-macros-params", "#macro(m1 $p)[$p]#end#macro(m2 $p)#m1($p)#end#m2(3)#macro(m3 $q)#m1($p)#end#m3(1)"),
    ("arg-interpolated-param", "#macro(m1 $p)[$p]#end#macro(m2 $p)#m1(\"$p!\")#end#m2('a')"),
    ("arg-same-name-chain", "#macro(m1 $a)#m2($a)#end#macro(m2 $a)[$a]#end#set($a = 'A')#m1($a)#m1('z')"),
    ("arg-same-name-loop-var", "#macro(m1 $p)#foreach($p in [1,2])$p#end[$p]#end#set($p = 'a')#m1($p)[$p]"),
    ("arg-same-name-block-call", "#macro(m1 $p)$bodyContent#end#set($p = 'a')#@m1($p)<$p>#end"),
    ("arg-same-name-if-map", "#macro(m1$p)#if($p)#end#end#macro(m2)#m1($p {'':2,'':false})#end#m2"),
    ("arg-recursion-rebound", "#macro(rec $n)#if($n > 0)$n#set($m = $n - 1)#rec($m)#end#end#rec(3)"),
]


def cases() -> Cases:
    out = Cases()
    for cid, template in CASES:
        out.add(cid, template, ENV)
    return out
