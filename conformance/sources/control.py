"""#if/#elseif/#else, #stop, #evaluate, #literal, #include/#parse and their syntax."""

from __future__ import annotations

from itertools import product

from . import Cases

CONDS = {"T": "true", "F": "false", "U": "$undef", "N": "$n", "S": "$s"}
ENV = {"n": None, "s": "x", "t": True, "l": [1, 2], "m": {"k": "v"}}


def cases() -> Cases:
    out = Cases()
    # every combination of branch conditions, with and without #else
    for a, b in product(CONDS, repeat=2):
        out.add(f"if-elseif-{a}{b}", f"#if({CONDS[a]})1#elseif({CONDS[b]})2#end.", ENV)
        out.add(f"if-elseif-else-{a}{b}", f"#if({CONDS[a]})1#elseif({CONDS[b]})2#{{else}}3#end.", ENV)
    for a, b, c in product("TF", repeat=3):
        out.add(
            f"if-3-elseif-{a}{b}{c}",
            f"#if({CONDS[a]})1#elseif({CONDS[b]})2#elseif({CONDS[c]})3#else 4#end.",
            ENV,
        )
    for a, b in product("TF", repeat=2):
        out.add(f"nested-if-{a}{b}", f"#if({CONDS[a]})A#if({CONDS[b]})B#{{else}}b#end#{{else}}a#end", ENV)
    extra = [
        ("if-space-newline-paren", "#if \n ($t)y#end #if\t(true)z#end"),
        ("if-braced", "#{if}(true)y#{else}n#{end}"),
        ("if-braced-elseif", "#if(false)a#{elseif}(true)b#end"),
        ("if-no-paren", "#if true y#end"),
        ("if-empty-parens", "#if()y#end"),
        ("if-unclosed", "#if(true)y"),
        ("if-unclosed-paren", "#if(true y#end"),
        ("else-with-parens", "#if(false)a#else(b)#end"),
        ("elseif-no-paren", "#if(false)a#elseif true b#end"),
        ("else-after-else", "#if(false)a#else b#else c#end"),
        ("elseif-after-else", "#if(false)a#else b#elseif(true)c#end"),
        ("stray-else", "a#else b"),
        ("stray-elseif", "a#elseif(true) b"),
        ("stray-end", "a#end b"),
        ("endif-word", "#if(true)a#endif"),
        ("end-then-word", "#if(true)a#end if"),
        ("elsey-word", "#if(false)a#elsey#end"),
        ("else-if-words", "#if(false)a#else if(true)b#end"),
        ("if-set-inside", "#if(true)#set($v = 1)#end$v"),
        ("if-false-set-inside", "#if(false)#set($v = 1)#end$v"),
        ("if-assign", "#if($x = 1)y#end"),
        ("if-string-cond", "#if('true')y#{else}n#end"),
        ("if-ref-method-cond", "#if($l.contains(1))y#{else}n#end #if($m.containsKey('z'))y#{else}n#end"),
        ("if-nested-deep", "#if(true)#if(true)#if(true)#if(true)deep#end#end#end#end"),
        ("stop-plain", "before#stop after"),
        ("stop-paren", "before#stop() after"),
        ("stop-in-if", "a#if(true)b#stop c#end d"),
        ("stop-in-false-if", "a#if(false)#stop#end b"),
        ("stop-args", "a#stop('x') b"),
        ("stop-in-define", "#define($d)x#stop y#end[$d] after"),
        ("stop-in-string", '#set($s = "a#stop b")[$s] after'),
        ("stop-in-macro", "#macro(m)x#stop y#end#m() after"),
        # #break(x): only a scope ($foreach) may be named; a loop that is over is named in vain
        ("break-number", "#foreach($x in [1,2])#break(1)$x#end|"),
        ("break-string-null-list-map", "a#break('a')|#break($undef)|#break([1])|#break($m)"),
        ("break-loop-variable", "#foreach($x in [1,2])#break($x)$x#end|"),
        ("break-define-block", "#define($d)x#end#break($d)"),
        ("break-null-in-define", "#define($d)a#break($undef)b#end$d|"),
        ("break-parent-scope", "#foreach($x in [1,2])#foreach($y in [1,2])#break($foreach.parent)$y#end$x#end|"),
        ("break-finished-loop", "a#foreach($x in [1,2])#set($f = $foreach)#end#break($f)|"),
        ("break-finished-loop-in-loop", "#foreach($x in [1,2])#set($f = $foreach)#end#foreach($y in [1])#break($f)$y#end|"),
        ("break-finished-loop-in-define", "#foreach($x in [1,2])#set($f = $foreach)#end#define($d)q#break($f)#end$d|"),
        # what Velocity fails to initialise fails even where no render goes: an empty
        # #literal(), and a bare #foreach or an empty #literal() in a macro body
        ("literal-empty-unreached", "#if(false)#literal()#end#end|"),
        ("literal-empty-in-macro", "#macro(m)#literal()#end#end|"),
        ("foreach-bare-in-macro", "#macro(m $a)#if($a)#foreach#end#end|"),
        ("literal-empty-after-bare-foreach", "x#if(false)#foreach#end#literal()#end"),
        ("evaluate-basic", "#set($src = '#set($y = 5)$y!')#evaluate($src) $y"),
        ("evaluate-literal", "#evaluate('$s and #if(true)yes#end')"),
        ("evaluate-dq", '#evaluate("$s")'),
        ("evaluate-null", "#evaluate($n)x"),
        ("evaluate-number", "#evaluate(5)"),
        ("evaluate-bad", "#evaluate('#if(')"),
        ("evaluate-no-args", "#evaluate()x"),
        ("evaluate-two-args", "#evaluate('a' 'b')"),
        ("evaluate-stop", "#evaluate('a#stop b') c"),
        ("evaluate-macro", "#evaluate('#macro(em)E#end')#em()"),
        ("evaluate-macro-in-evaluate", "#evaluate('#macro(em)E#end')#evaluate('#em()')"),
        ("evaluate-macro-args", "#evaluate('#macro(em $x)[$x]#end')#em('q')#em()"),
        ("evaluate-macro-keeps-template-macro", "#macro(em)A#end#evaluate('#macro(em)B#end')#em()"),
        ("evaluate-macro-first-wins", "#evaluate('#macro(em)B#end')#evaluate('#macro(em)C#end')#em()"),
        ("evaluate-macro-before-definition", "#em()#evaluate('#macro(em)E#end')#em()"),
        ("literal-block", "#literal()$s #if(true)x#end #set($q = 1)#end|$q"),
        ("literal-nested-end", "#literal()#foreach($i in [1])$i#end#end"),
        ("literal-comment", "#literal()a ## c\nb #* d *# e#end"),
        ("literal-args", "#literal($s)x#end"),
        ("literal-unclosed", "#literal()x"),
        ("literal-empty", "a#literal()#end b"),
        ("literal-block-comment", "#literal()a#* c *#b#** d *#e#end"),
        # A #** doc comment prints its token image, '*#' once a character was skipped;
        # '#*' comments print nothing.
        ("literal-doc-comment-shapes", "#literal()a#**#b|#***#c|#*** x *#d|#** x **#e|#**\n*#f|#****#g#end"),
        ("literal-doc-comment-prefix", "#literal()a$#** d *#b|$!#** d *#c|\\#** d *#d|$a#** d *#e|$#***#f|$!#***#g|\\$#***#h|\\#***#i|$#**#j#end"),
        ("literal-doc-comment-around", "#literal()#** d *##if(true)#** d *#x#end, #** d *#b #** d *#\n#end"),
        ("literal-doc-comment-chain", "#literal()a#** x$*#b|#** x$!*#c|#** x\\$*#d|#** x\\*#e|#** x #**#f|#** x#$*#g|#** x#[[*#h#end"),
        ("literal-doc-comment-nested", "#literal()#** d *# #literal() #** e *# #end#end"),
        ("literal-doc-comment-after-line", "#literal()a ## c\n#** d *#b#** x## y\nz*#c#end"),
        ("literal-doc-comment-unclosed-inner", "#literal()a#** x#*#*#b#end"),
        ("literal-doc-comment-line-inside", "#literal()a#** x##*#b#end"),
        ("literal-doc-comment-unclosed", "#literal()a#** x"),
        ("literal-textblock", "#literal()a#[[ $x ]]#b#end"),
        ("literal-escapes", "#literal()\\$s \\#if(true)#end#end"),
        ("foreach-empty-args", "a#foreach()x#end|"),
        ("foreach-one-arg", "a#foreach($i)x#end|"),
        ("define-literal-arg", "a#define(2)x#end|"),
        ("define-string-arg", "a#define('d')x#end|$d"),
        ("literal-only-space", "a#literal() #end b"),
        ("define-empty", "a#define($e)#end[$e] b"),
        ("literal-no-paren", "#literal x#end"),
        ("include-missing", "a#include('nope.vm')b"),
        ("parse-missing", "a#parse('nope.vm')b"),
        ("include-no-arg", "a#include()b"),
        ("include-null", "a#include($n)b"),
        ("parse-null", "a#parse($n)b"),
        ("break-alone", "a#break b"),
        ("break-in-if", "a#if(true)b#break c#end d"),
        ("break-in-define", "#define($d)x#break y#end[$d]"),
        ("set-no-paren", "#set $a = 1"),
        ("set-tab-paren", "#set\t($a = 1)$a"),
        ("set-newline-paren", "#set\n($a = 1)$a"),
        ("set-no-eq", "#set($a)$a"),
        ("set-two-eq", "#set($a = = 1)$a"),
        ("set-literal-target", "#set('a' = 1)"),
        ("set-braced-target", "#set(${b} = 1)$b|${b}"),
        ("set-quiet-target", "#set($!b = 1)$b|$!b"),
        ("set-method-target", "#set($s.length() = 1)$s"),
        ("set-index-target-expr", "#set($l[0] = 1 + 1)$l"),
        ("set-unclosed", "#set($a = 1"),
        ("set-multi", "#set($a = 1, $b = 2)$a$b"),
        ("set-comparison", "#set($a = 1 == 1)$a #set($b = 1 < 2 && 2 < 1)$b"),
        ("set-null-removes-var", "#set($a = 1)#set($a = $n)$a"),
        ("set-null-map-entry", "#set($m.k = $n)$m"),
        ("set-undefined-map-entry", "#set($m.k = $undef)$m"),
        ("set-chain-ref", "#set($a = $m)#set($a.k = 'changed')$m"),
        ("set-self-ref", "#set($a = 'x')#set($a = \"$a$a\")$a"),
        ("set-prop-on-null", "#set($n.k = 1)$n"),
        ("set-prop-on-string", "#set($s.k = 1)$s"),
        ("set-list-to-var-prop", "#set($m.k = [1, 2])$m"),
        ("set-dash-name", "#set($a-b = 1)$a-b $a"),
        ("set-then-ref-dash", "#set($x = 3)$x-1"),
        ("macro-evaluate-disabled-like-text", "#evaluate('ok')"),
        ("word-arg-literal", "#literal(a)x#end"),
        ("word-arg-define-unrun", "#if(false)#define(a)x#end#end"),
        ("word-arg-foreach-iterable", "#foreach($i in a)x#end"),
        ("word-arg-include-in-macro", "#macro(n)#include(a)#end"),
        ("word-arg-macro-param", "#macro(m $x a)x#end"),
        ("word-arg-stop", "#stop(a)"),
        ("word-arg-macro-call", "#macro(m)x#end#m(1 a)"),
        # After '$m.k$x' or '$m.k$', '#if(...)' leaves a '(' that opens a never-closing list.
        ("refmod-if-lparen", "$m.k$x#if(true)(a#end#if(true)b#end"),
        ("refmod-dollar-elseif-lparen", "$m.k$!#if(false)x#elseif(true)(y#end"),
        ("refmod-if-lparen-blank", "$m.k$x#if(true)( a#end"),
        ("refmod-dollar-elseif-lparen-brace", "#if(false)$m.k$#elseif(true)(#end}"),
        # $foreach is bound once per loop: a #set of it in the body lasts to the loop's end.
        ("foreach-set-scope-lasts", "#foreach($k in [1,2])[$foreach.index]#set($foreach = 'x')#end"
         "#foreach($k in [1,2])#foreach($j in [3])$foreach.index#end$foreach.index$foreach.hasNext#end"),
        ("word-arg-in-literal", "#literal()#literal(a)#end#end"),
        ("word-arg-allowed", "#foreach($i, on, [1])$i#end#macro(m $x)#end#{foreach}($j inside [2])$j#end"),
        ("evaluate-no-args-in-macro", "#macro(n)#evaluate#end"),
        ("evaluate-bad-arg-in-macro", "#macro(n)#evaluate(1)#end"),
        ("block-call-literal-hash-terminator", "#@()#\n#end|#@()#.#end|#@()# #end|#@()#)#end|#@()#-#end|#@()#'#end|#@()#\"#end|#@()#(#end|#@()#}#end|#@()#]#end|#@()#\t#end|#@()#\r\n#end|#@()x#\n#end|#@() #\n#end|#@()#\n#\n#end|#@()\n#\n#end|#@foo()#\n#end|#@(\"\")#\n#end|#@()#[x#end|#@()#{#end|#@()#{x#end"),
        ("block-call-literal-hash-kept", "#@()#1#end|#@()#0#end|#@()##\n#end|#@()#[[x]]#\n#end|#@()$#end|#@()#$#end|#@()a#b#c#end|#@()a#{b}#c#end|#@()#set($a=1)#end|#@()#if(true)x#end#end"),
        ("block-call-literal-comments", "#@()#*c*#\n#end|#@()#*}*#\n#end|#@()#**c*#\n#end|#@()#*c*#x#end|#@()#**#\n#end|#@()#***#\n#end|#@()##x\n#end|#@()#**c*##x\n#end|#@()#*}*##end#[[]]#"),
        ("block-call-literal-nested", "#@()#if(true)#\n#end#end|#@()#foreach($i in [1])#.$i#end#end|#@()#literal()#.#end#end|#@()$x#.#end|#@()$$x#end|#if(true)#@()#\n#end#end"),
        # A '$' glued after '#' returns to the directive state when its reference or
        # directive ends: a word right there is a directive that prints itself.
        ("hash-dollar-directive-then-word", "#$#e()x(y)|#$#e()x ($s)|#$#e()5(y)|#$!#e()x(y)z(w)|#$$#e()x y|#$#{e}x(y)|#$#e{x}(y)"),
        ("hash-dollar-directive-then-word-open", "#$#e()x(y"),
        ("hash-dollar-directive-then-word-open-newline", "#$#e()\nx(y"),
        ("hash-dollar-directive-then-if", "#$#e()if(true)x#end|#$#e(){if}(true)y#end"),
        ("hash-dollar-directive-then-end", "#if(true)#$#e()end|"),
        ("hash-dollar-directive-then-stray-end", "#$#e()end"),
        ("hash-dollar-directive-then-set", "#$#e()set($a=1)$a"),
        ("hash-dollar-if-then-word-open", "#$#if(true)x(y#end"),
        ("hash-braced-ref-then-word", "#${s}x(y)|#$!{s}x|#${m.k}if(true)z#end|#${s}{x}(y)|#${s}5(y)"),
        ("hash-braced-ref-then-word-open", "#${s}x(y"),
        ("hash-braced-ref-then-end", "#${s}end"),
        ("hash-braced-ref-then-set", "#${zz}#set($x = 1)"),
        # A directive or comment in that state returns to it afterwards.
        ("hash-braced-ref-hash-directive-then-word", "#${zz}#e()x(y)|#${zz}#e()#f()x(y)z(w)|#${s}#if(true)x(y)#end|#${zz}#foreach($i in [1])x(y)#end"
         "|#${zz}##c\nx(y)|#${zz}#*c*#x(y)|#${zz}#[[t]]#x(y)|#${zz}#**c*#if(true)z#end|#${zz}#e x(y)"),
        ("hash-braced-ref-hash-directive-then-word-open", "#${zz}#e()#f()x(y)z(w"),
        ("hash-braced-ref-comment-then-word-open", "#${zz}##c\nx(y"),
        ("refmod-hash-comment-define-then-word-open", "$m.p###\n#define()t(#end"),
        ("pre-directive-ref-directive-then-word", "$m.d###\n$s#e()t(y)|$m.d###\n$s x(y)|#${zz}$s#e()x(y)"),
        ("pre-directive-ref-foreach-then-word-open", "$m.d###\n$m#foreach()t(#end"),
        ("hash-braced-ref-then-set-word", "#${zz}#set($x)|#${s}#{set} ($x)"),
        ("hash-dollar-rbrace-then-word", "#$}x(y)|#$!}if(true)x#end"),
        ("hash-dollar-rbrace-then-word-open", "#$}x("),
        ("hash-ref-directive-then-word", "#$s#e()x(y)|#$m.k#e()x|#$m.get('k')#e()x(y)|#$s#if(true)x(y)#end|#if(true)#$s#end x(y)|#$s#e x(y)"),
        ("hash-ref-directive-then-word-open", "#$s#e()x(y"),
        ("hash-ref-foreach-then-word-open", "#$m#foreach()t(#end"),
        # With four or more arguments #foreach renders its fourth argument, not its body.
        ("foreach-fourth-arg-is-body", "#foreach($x in [1,2] $x)body#end|#foreach($x in [1,2] [$x, 'a', {$s: $x}] 5)b#end"
         "|#foreach($x in [1,2] [1..$x])b#end|#foreach($x in [1,2] \"$x\")b#end|#foreach($x n[4]5)<#end|#foreach($x in [1] $zz)b#end"),
    ]
    for cid, template in extra:
        # (StopCommand's message names the loop by its identity hash)
        out.add(cid, template, ENV, mask=cid.startswith("break-finished-loop"))
    return out
