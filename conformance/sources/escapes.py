"""Backslashes before references and directives, in text and in string literals."""

from __future__ import annotations

from . import Cases

#: (slug, target) pairs; each is tried after 0-4 backslashes.
TARGETS = [
    ("def", "$a"),
    ("undef", "$z"),
    ("quiet_def", "$!a"),
    ("quiet_undef", "$!z"),
    ("formal_def", "${a}"),
    ("formal_undef", "${z}"),
    ("qformal_undef", "$!{z}"),
    ("prop_def", "$m.k"),
    ("prop_missing", "$m.nope"),
    ("method_def", "$a.length()"),
    ("method_missing", "$a.nope()"),
    ("null_var", "$n"),
    ("index_def", "$l[0]"),
    ("dollar_digit", "$1"),
    ("dollar_space", "$ x"),
    ("if_block", "#if(true)x#end"),
    ("if_braced", "#{if}(true)x#{end}"),
    ("else", "#if(false)x#else y#end"),
    ("end_only", "#end"),
    ("set", "#set($b = 1)$b"),
    ("set_braced", "#{set}($b = 1)$b"),
    ("foreach", "#foreach($i in [1])$i#end"),
    ("stop", "#stop tail"),
    ("define", "#define($dd)D#end$dd"),
    ("literal", "#literal()L#end"),
    ("macro_def", "#macro(mm)M#end#mm()"),
    ("unknown_word", "#foo"),
    ("unknown_call", "#foo()"),
    ("hash_alone", "# x"),
    ("textblock", "#[[t]]#"),
    ("line_comment", "## c\nx"),
    ("block_comment", "#* c *#x"),
    ("evaluate", "#evaluate('E')"),
    ("break", "#break"),
]
ENV = {"a": "A", "m": {"k": "K"}, "n": None, "l": [5]}


def cases() -> Cases:
    out = Cases()
    for name, target in TARGETS:
        for n in range(5):
            template = "<" + "\\" * n + target + ">"
            out.add(f"{name}-{n}", template, ENV)
    # inside a double-quoted string literal, which is re-parsed as a template
    for name, target in TARGETS[:13] + TARGETS[15:18] + TARGETS[19:20]:
        for n in range(4):
            inner = ("\\" * n + target).replace('"', '""')
            out.add(f"dq-{name}-{n}", f'#set($s = "<{inner}>")$s', ENV)
    # inside a single-quoted literal nothing is special
    for n in range(3):
        out.add(f"sq-def-{n}", "#set($s = '" + "\\" * n + "$a')$s", ENV)
    # a macro defined in the template counts as a known directive
    for n in range(4):
        out.add(f"macro_call-{n}", "#macro(mm)M#end" + "\\" * n + "#mm()", ENV)
        out.add(f"macro_braced-{n}", "#macro(mm)M#end" + "\\" * n + "#{mm}()", ENV)
        out.add(f"two_refs-{n}", "\\" * n + "$a" + "\\" * n + "$z", ENV)
        out.add(f"at_end-{n}", "x" + "\\" * n, ENV)
        out.add(f"after_text-{n}", "text" + "\\" * n + "$a text", ENV)
        out.add(f"before_newline-{n}", "\\" * n + "\n$a", ENV)
    extra = [
        ("unicode-in-text", "x\\u0041y \\n \\t"),
        ("backslash-runs", "a\\b\\\\c\\\\\\d"),
        ("escaped-set-then-use", "\\#set($a = 'B')$a"),
        ("double-escaped-set-then-use", "\\\\#set($a = 'B')$a"),
        ("escaped-in-if", "#if(true)\\$a \\\\$a#end"),
        ("escaped-in-foreach", "#foreach($i in [1,2])\\$i $i #end"),
        ("escaped-ref-assigned-later", "\\$b #set($b = 1)\\$b"),
        ("escape-hash-brace", "\\#{a} \\#{foo}"),
        ("escaped-else-in-if", "#if(false)x\\#else y#end"),
        ("escaped-end-in-if", "#if(true)x\\#end y#end"),
        ("escape-textblock-close", "#[[a\\]]#b"),
        # #literal prints its body's token images after init: ASTReference.getRoot cut a
        # reference's image to its last '$', escapedDirective rewrote an escaped directive.
        ("literal-escaped-ref", "#literal()\\$a|\\\\$a|\\\\\\$a|\\$a.b|x\\$!a y|\\${a}|\\$z#end"),
        ("literal-dollar-chain", "#literal()$\\$a|$$a|#$a|x$!$a|$a#$a|\\\\#$a#end"),
        ("literal-slashbang-kept", "#literal()$\\!a \\$\\!a#end"),
        ("literal-escaped-directive", "#literal()\\#if|\\\\\\#if|\\#{if}|\\#foo|\\#set($x = 1)|\\\\#set($x = 1)#end"),
        ("literal-double-escape-directive", "#literal()\\\\#if(true)#end#end"),
        ("literal-ref-after-text", "#literal()#if(!$a)#end*#$a x#$a #[[]]#$a #*c*#$a$!$a#end"),
        ("literal-dollar-before-end", "#literal()]$#end|#literal()]$!#end"),
        ("args-backslash-dollar", "#foo(\\$a \\\\$!m.k '\\$')|#set($b = \\$a)$b|#if(\\$n)y#end|$a.concat(\\$a)|$l[\\$n]|#foo(\\$1)|#foo($\\$a)"),
        ("literal-failed-bang", "#literal()$! x|$!1|\\$!1|$\\!1|$$!1|$!$a#end"),
        ("blockcall-escaped-directive", "#@foo()\\#if|\\#{if}|\\#foo|\\\\\\#if(true)#end|#@()\\#end#end"),
        ("blockcall-failed-dollar", "#@foo()$ x|$1|$!1|\\$!1|$$!1|$!$a|$!{ x#end"),
        # An escaped name that is no directive is text: no argument list follows it.
        ("escaped-unknown-directive-paren", "\\#foo($a|\\\\\\#{foo}( $a|\\#foo ($a"),
        # An odd escape before '$#$a': one escaped reference, its middle prefixes dropped.
        ("escaped-dollar-hash-dollar", "\\$#$a|\\$#$z|\\\\\\$#$a|\\$#${a}x|\\$#$a.length()|\\$#$!a|\\$!#$a|\\$#$#$a|\\$#$z.y"),
        # '$#$!#*...*#': the comment takes the whole chain of prefixes.
        ("dollar-hash-chain-comment", "$#$!#* c *#x|$#$#* c *#x|#$#* c *#x|#$#$#[[t]]#x|$#$!#[[t]]#x|=$!#$a|$!#$a"),
        # An escaped reference after a property is lexed as '$x' is there: its DOLLAR
        # pushed REFMODIFIER, so a directive's HASH pops back to it and '##' prints.
        ("refmod-escaped-ref-directive", "$m.e\\$a#e##b\n$m.e\\\\$a#e##b\n$m.e\\$!a#e##b\n$m.e\\$a.b#e##b"
         "\n$m.e\\${a}#e##b\n$m.e\\$a#if(true)##b#end\n#literal()$m.e\\$a#literal()##b#end#end"),
        # '\\#m' in a #literal body or a block call is an escaped directive when #m was
        # defined before it.
        ("literal-escaped-macro-name", "#macro(m1)x#end#literal()\\#m1#end|#literal()\\#m2#end#macro(m2)x#end"
         "|#literal()#macro(m3)x#end\\#m3#end|#macro( m4 )x#end#literal()\\#m4()\\\\#m4#end|#macro(m5)x#end#@foo()\\#m5#end"
         "|#macro(m6)#foreach()#define(1)#end#[[]]##end#end#literal()\\#m6#end"),
        # An escaped '$' glued to a '#' that starts nothing: the special text keeps the
        # escaped '$' and skips the character after it ('\\$#'' prints '\\$'').
        ("escaped-dollar-hash-terminated", "\\$#'|\\\\$#'|\\\\\\$#'|\\$!#'|\\$#]|\\$# x|\\$#{x|\\$#1|\\$!# x|\\$#(x)|x\\$#.y"),
        ("escaped-dollar-hash-newline", "\\$#\n|\\\\$# x|\\\\\\\\$# x"),
        # DOUBLE_ESCAPEs before '#$#end' or '#$#if(': k of the 2k backslashes print.
        ("double-escape-hash-dollar-control", "#if(true)\\\\#$#end x|\\\\#$#if(true)y#end|#if(true)\\\\#$!#end"
         "|#if(false)\\\\#$#else y#end|\\\\#$#e(1)"),
    ]
    for cid, template in extra:
        out.add(cid, template, ENV)
    return out
