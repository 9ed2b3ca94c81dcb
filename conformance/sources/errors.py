"""Templates that fail: parse errors at every kind of position, and runtime exceptions."""

from __future__ import annotations

from . import Cases

PARSE = [
    ("eof-dollar", "Hello $"), ("eof-dollar-bang", "Hello $!"), ("eof-hash", "Hello #"),
    ("eof-dollar-brace", "Hello ${"), ("unclosed-brace", "${a"), ("brace-space", "${a }"),
    ("unclosed-if", "#if(true) unclosed"), ("unclosed-if-nested", "#if(true)#if(true)x#end"),
    ("unclosed-foreach", "#foreach($i in [1])$i"), ("unclosed-define", "#define($d)x"),
    ("unclosed-paren-if", "#if(true"), ("unclosed-paren-set", "#set($a = 1"),
    ("unclosed-paren-foreach", "#foreach($i in [1]"), ("unclosed-method", "$a.b(1"),
    ("unclosed-index", "$a[0"), ("unclosed-list", "#set($a = [1, 2)"),
    ("unclosed-map", "#set($a = {'a': 1)"), ("unclosed-string-dq", '#set($a = "x)'),
    ("unclosed-string-sq", "#set($a = 'x)"), ("unclosed-textblock", "#[[never"),
    ("unclosed-comment", "a #* never"), ("set-empty-rhs", "#set($x = )"),
    ("set-no-target", "#set( = 1)"), ("set-number-target", "#set(1 = 1)"),
    ("if-empty", "#if()x#end"), ("if-bare-word", "#if(a)x#end"), ("if-assign", "#if($a = 1)x#end"),
    ("if-trailing-op", "#if($a ==)x#end"), ("if-leading-op", "#if(== $a)x#end"),
    ("if-double-op", "#if(1 + * 2)x#end"), ("if-unbalanced", "#if((1 == 1)x#end"),
    ("if-extra-paren", "#if(1 == 1))x#end"), ("if-comment-inside", "#if(true ## c\n)x#end"),
    ("if-block-comment-inside", "#if(true #* c *#)x#end"), ("stray-end", "x#end"),
    ("stray-else", "x#else"), ("stray-elseif", "x#elseif(true)"), ("endy", "#if(true)x#endy"),
    ("minus-no-space", "#set($x = 5-3)"), ("minus-space-literal", "#set($x = 5 -3)"),
    ("unary-minus-ref", "#set($x = -$a)"), ("unary-plus", "#set($x = +1)"),
    ("hex-literal", "#set($x = 0x10)"), ("float-range", "#set($x = [1.5..3])"),
    ("string-range", "#set($x = ['a'..'c'])"), ("bare-range", "#set($x = 1..3)"),
    ("list-trailing-comma", "#set($x = [1,])"), ("map-no-colon", "#set($x = {'a' 1})"),
    ("map-trailing-comma", "#set($x = {'a': 1,})"), ("method-on-literal", "#set($x = 'ab'.length())"),
    ("method-blank-args", "$a.length( )"), ("method-operator-arg", "$a.substring(1+0)"),
    ("method-trailing-comma", "$a.substring(1,)"), ("index-float", "$l[1.5]"),
    ("index-expr", "$l[1 + 1]"), ("index-empty", "$l[]"), ("true-ref", "$true"),
    ("false-prop", "$m.false"), ("true-braced", "${true}"), ("set-tab", "#set\t($a = 1)"),
    ("macro-expr-arg", "#macro(m $x)$x#end#m(1 + 2)"), ("macro-word-arg", "#macro(m $x)$x#end#m(foo)"),
    ("macro-no-parens", "#macro m()x#end"), ("foreach-no-parens", "#foreach"),
    ("literal-no-parens", "#literal\nx#end"), ("define-no-parens", "#define\nx#end"),
    ("directive-prose", "Call #support (24/7)"), ("dq-backslash-quote", '#set($s = "a\\"b")'),
    ("aws-batman", '#set($s = "\\"batman\\"")$s'), ("word-op-glued", "#if(true andfalse)x#end"),
    ("double-bang-ref", "$!!a"), ("set-in-args", "$a.concat(#set($b = 1))"),
    ("else-args-unclosed", "#if(false)#else(x#end"), ("elseif-missing-paren", "#if(false)#elseif#end"),
    ("nested-unclosed-string-in-if", "#if('x)y#end"), ("break-args", "#foreach($i in [1])#break(1 2)#end"),
    ("evaluate-unclosed-paren", "#evaluate('x'"), ("stop-unclosed-paren", "#stop("),
    ("unknown-unclosed-paren", "#foo($a"), ("unknown-bad-arg", "#foo($a + 1)"),
    # A block directive without '(' has no body: a render fails only when it reaches it.
    ("foreach-no-parens-not-reached", "#if(false)#foreach#end ok"),
    ("foreach-no-parens-after-text", "text before #foreach x"), ("define-no-parens-braced", "a#{define}b"),
    ("literal-no-parens-in-if", "#if(true)x #literal y#end"), ("foreach-no-parens-end", "#foreach x#end"),
]

RUNTIME = [
    ("substring-oob", "$s.substring(10)"), ("substring-neg", "$s.substring(-1)"),
    ("charat-oob", "$s.charAt(9)"), ("list-get-oob", "$l.get(5)"), ("list-index-oob", "$l[5]"),
    ("list-index-neg-oob", "$l[-5]"), ("list-remove-oob", "$l.remove(9)"),
    ("list-set-oob", "$l.set(9, 1)"), ("list-sublist-bad", "$l.subList(2, 1)"),
    ("bad-regex", "$s.replaceAll('(', 'x')"), ("bad-regex-split", "$s.split('[')"),
    ("bad-group", "$s.replaceAll('a', '$2')"), ("parse-int", "$i.parseInt('x')"),
    ("number-format-double", "$d.parseDouble('x')"), ("repeat-negative", "$s.repeat(-1)"),
    ("iterator-empty", "$e.iterator().next()"), ("null-arg-npe", "$s.concat($n).length()"),
    ("contains-null", "$s.contains($n)"), ("format-bad", "$s.format('%d', 'x')"),
    ("format-missing", "$s.format('%s %s', 'x')"), ("concurrent-modification", "#foreach($x in $l)#set($d = $l.add(9))#end"),
    ("macro-overflow", "#macro(r $n)#set($k = $n + 1)#r($k)#end#r(0)"),
    ("include-missing", "#include('missing.vm')"), ("parse-missing", "#parse('missing.vm')"),
    ("evaluate-parse-error", "#evaluate('#if(')"), ("unicode-escape-bad", '#set($x = "\\u00zz")$x'),
    ("partial-output", "before $s.substring(10) after"), ("error-in-if-cond", "#if($s.substring(10))x#end"),
    ("error-in-set", "#set($x = $s.substring(10))x"), ("error-in-foreach-iterable", "#foreach($x in $s.split('['))$x#end"),
    ("error-in-macro", "#macro(m)$s.charAt(99)#end#m()"), ("error-in-string-literal", '#set($x = "a$s.charAt(99)")'),
    ("error-after-loop", "#foreach($i in [1,2])$i#end$l.get(7)"), ("error-in-method-arg", "$s.concat($s.charAt(99))"),
    ("map-literal-key-null", "#set($m = {$n: 1})$m"), ("list-add-to-range", "#set($r = [1..2])$r.add(3) $r"),
    ("keyset-add", "$m.keySet().add('x')"), ("entry-set-value-literal", "#foreach($e in {'a': 1}.entrySet())#end"),
]

# A '#' glued to a number in arguments heads the number's image, which Velocity cannot
# convert when it initialises the template: every render fails, reached or not.
INIT = [
    ("hash-integer-directive-arg", "#e(#1)"), ("hash-integer-not-reached", "#if(false)#e(#1)#end"),
    ("hash-integer-set", "#set($a = #1)$a"), ("hash-integer-if", "#if(#1)x#end"),
    ("hash-integer-call-arg", "$s.concat(#1)"), ("hash-integer-null-call-arg", "$n.concat(#1)"),
    ("hash-integer-index", "$l[#1]"), ("hash-float", "#e(#1.5)"), ("hash-negative", "#e(#-1)"),
    ("hash-float-dot", "#e(#.5)"), ("hash-float-exponent", "#e(#1e3)"), ("hash-negative-float", "#e(#-.5)"),
    ("hash-integer-operand", "#set($a = 2 - #1)$a"), ("hash-integer-range", "#set($a = [#1..2])"),
    ("hash-integer-macro-body", "#macro(m)#e(#1)#end ok"), ("hash-integer-long", "#e(#12345678901234)"),
    ("hash-integer-after-text", "text #e(#1) more"),
    ("dollar-hash-integer", "#e($#1)"), ("dollar-hash-float", "#e($#1.5)"), ("dollarbang-hash-negative", "#e($!#-1)"),
]

# What a '#' may not head in arguments: parse errors.
PARSE_HASH = [
    ("hash-bracketed-word-arg", "#e(#{a})"), ("hash-word-lparen-arg", "#e(#e(1))"),
    ("hash-minus-word-arg", "#e(#-a)"), ("hash-blank-after-blank", "#set($a = # 1)$a"),
    ("hash-blank-after-blank-operator", "#set($b = 1 # == 1)$b"), ("hash-word-in-if", "#if(#true)x#end"),
    ("hash-word-index", "$l[#true]"), ("hash-comma-call-arg", "$s.substring(#,1)"),
    ("hash-word-call-arg", "$s.concat(#x)"), ("hash-comment-arg", "#e(##)"), ("hash-block-comment-arg", "#e(#*x*#)"),
]

ENV = {"s": "abc", "l": [1, 2], "e": [], "n": None, "i": 1, "d": 1.5, "m": {"a": 1}, "a": "A"}


def cases() -> Cases:
    out = Cases()
    for cid, template in PARSE:
        out.add(f"parse-{cid}", template, ENV)
    for cid, template in RUNTIME:
        out.add(f"runtime-{cid}", template, ENV)
    for cid, template in INIT:
        out.add(f"init-{cid}", template, ENV)
    for cid, template in PARSE_HASH:
        out.add(f"parse-{cid}", template, ENV)
    return out
