"""## line comments, #* block *# and #** doc *# comments, #[[ unparsed ]]# blocks."""

from __future__ import annotations

from . import Cases

ENV = {"a": "A", "t": True}

CASES = [
    ("line-mid", "a ## c\nb"), ("line-own", "a\n## c\nb"), ("line-indented", "a\n   ## c\nb"),
    ("line-crlf", "a ## c\r\nb"), ("line-cr", "a ## c\rb"), ("line-eof", "a ## c"),
    ("line-empty", "a##\nb"), ("line-double", "a ## c ## d\nb"), ("line-after-ref", "$a## c\nb"),
    ("line-after-ref-space", "$a ## c\nb"), ("line-hash-hash-hash", "a ### c\nb"),
    ("line-in-if", "#if(true)## c\nx#end"), ("line-after-directive", "#set($x = 1)## c\n$x"),
    ("line-after-end", "#if(true)x#end## c\ny"), ("line-then-blank", "a ## c\n\nb"),
    ("line-with-dollar", "a ## $a #if(\nb"), ("line-with-block-open", "a ## #* c\nb *# d"),
    ("block-mid", "a #* c *# b"), ("block-multiline", "a #* c\nd\n *# b"), ("block-own-line", "a\n#* c *#\nb"),
    ("block-adjacent", "a#*c*#b"), ("block-not-nested", "a #* #* c *# b *# d"),
    ("block-empty", "a#**#b"), ("block-star-star", "a #*** c ***# b"), ("block-with-hash", "a #* # ## *# b"),
    ("block-unclosed", "a #* never"), ("block-after-ref", "$a#* c *#b"), ("block-between-refs", "$a#**#$a"),
    ("block-in-directive-line", "#set($x = 1)#* c *#\n$x"), ("block-crlf-after", "#* c *#\r\nb"),
    ("block-contains-end", "#if(true)x#* #end *#y#end"), ("block-contains-quote", "a #* ' \" *# b"),
    ("doc-comment", "a #** doc *# b"), ("doc-comment-multiline", "#**\n * doc\n *#\nb"),
    ("textblock", "#[[ $a #if( ]]#"), ("textblock-multi", "#[[a\nb]]#\nc"),
    ("textblock-bracket-end", "#[[a]]]]#"), ("textblock-empty", "x#[[]]#y"),
    ("textblock-with-comment", "#[[ ## not a comment ]]#x"), ("textblock-unclosed", "a#[[x"),
    ("textblock-after-dollar", "a$#[[x]]#b"), ("comment-after-dollar", "a$## c\nb"),
    ("comment-after-dollar-bang", "a$!## c\nb"), ("block-after-dollar", "a$#* c *#b"),
    ("textblock-nested-open", "#[[ #[[ ]]# ]]#"), ("textblock-in-if", "#if(true)#[[#end]]##end"),
    ("textblock-in-string", '#set($s = "#[[$a]]#")$s'), ("comment-in-string", '#set($s = "a ## b")[$s]'),
    ("block-comment-in-string", '#set($s = "a #* b *# c")[$s]'), ("comment-in-method-args", "$a.concat('x' ## c\n)"),
    ("hash-star-in-text", "5 #*3 = 15 *# ok"), ("comment-then-set", "## c\n  #set($x = 1)\nx"),
    ("block-open-at-eof", "a #*"), ("block-open-one-char", "a #*x"), ("doc-open-at-eof", "a #**"),
    ("block-open-newline", "a #*\n"), ("line-comment-at-eof-no-text", "##"),
    # Inside a block comment '#*' is a unit, so its '*' never closes it; a '$' or '#' prefix
    # still pending at the end of the template is a lexical error.
    ("block-close-after-hash", "a#*#*#b|"), ("block-close-after-hash-2", "a#*x##*#b|"),
    ("block-close-after-dollar-hash", "a#*x$#*#b*#c|"), ("block-close-hash-star-star", "a#*x#**#b|"),
    ("block-close-after-prefixes", "a#*x#$*#b|a#*x$*#c|a#*x\\*#d|a#*x#[*#e|a#*#x*#f"),
    ("doc-close-after-hash", "a#**x#*#b|"), ("doc-close-line-inside", "a#* x## y *#b|a#* x##\n*#c"),
    ("block-unclosed-pending-hash", "a#*x#"), ("block-unclosed-pending-hash-star", "a#*x#*"),
    ("block-unclosed-pending-dollar", "a#*x$"), ("block-unclosed-pending-dollar-bang", "a#*x$!"),
    ("block-unclosed-pending-hashes", "a#*x##"), ("doc-unclosed-pending-dollar", "a#**x$"),
    ("block-unclosed-trailing", "a#*x\\|a#*x#[|a#*x*"),
    # The image of an empty comment keeps a '$' prefix, which ASTComment prints.
    ("block-empty-after-dollar", "a$#**#b|a$#***#c|a$!#***#d|a\\$#***#e|a$#*x*#f|a$#**x*#g"),
    ("block-doc-unusual-shapes", "a#***#b|a#***#b*#c|a#****#d|a#*****#e|a#*** x *#f"),
    # A '#' (or '$') prefix before blanks and '#set(' joins the SET_DIRECTIVE token and is
    # not printed; before other blanks it prints.
    ("hash-prefix-set", "# #set($l = 5)$l|#\t#set($l = 6)$l|#  #set ($l = 7)$l|x# #{set}($l = 8)$l"),
    ("hash-prefix-set-newline", "# #set($l = 5)\nz$l"),
    ("hash-prefix-blank-no-set", "# #if(true)y#end|# #foo|#  x"),
    # '#\\$a': the backslashes before '$' belong to the DOLLAR prefix that '#' heads; they
    # print unchanged before the value ('#' never escapes).
    ("hash-backslash-dollar", "#\\$a|#\\\\$a|#\\\\\\$a|#\\$!a|#\\\\$!a|#\\$a.length()"),
    ("hash-backslash-dollar-null", "#\\$z|#\\\\$z|#\\$!z|#\\\\$!z."),
    ("dollar-hash-escape", "$#\\#if|$#\\$a|$#\\$z|\\$#\\$a|$#\\\\x"),
    # '$#word' is a directive token whose name keeps the '#', so never a directive or macro:
    # it prints its source, its arguments are parsed as a macro call's.
    ("dollar-hash-word-args", "$#foo(1)|$#foo('x' $a)|$!#foo(1)|$#{foo}(2)|\\$#foo(1)"),
    ("dollar-hash-word-bad-args", "$#foo($a = 1)"),
    ("dollar-hash-macro-name", "#macro(foo)M#end$#foo()|$#foo"),
    # In a line comment the MORE prefixes still chain as in a block comment: a chain left
    # pending at the end of the template is a lexical error, the chain pending at the
    # newline joins the comment's image (which #literal prints), a pending '#**' eats it.
    ("line-pending-dollar-at-eof", "a##$"), ("line-pending-hash-at-eof", "a###"),
    ("line-pending-hash-at-eof-2", "a## x #"), ("line-pending-escaped-dollar-at-eof", "a##\\$"),
    ("line-pending-dollar-bang-at-eof", "a##$!"), ("line-pending-hash-star-at-eof", "a## #*"),
    ("line-pending-textblock-at-eof", "a## #[["), ("line-pending-dollars-at-eof", "a## $$"),
    ("line-not-pending-at-eof", "a##\\|a## #**|a## #[|a## $x|a## #x"),
    ("line-doc-prefix-eats-newline", "a## #**\nb*#c|\nd"), ("line-doc-prefix-not-pending", "a## #**x\nb*#c"),
    ("line-doc-prefix-after-dollar", "a## $#**\nb*#c"),
    ("literal-line-comment-chain", "#literal()##a$#\n##a#*\n##a#[[\n##a\\$\n##a\\\\$!\n##a$x\n#end"),
    ("literal-line-comment-hashes", "#literal()###\nx###\r\ny$a## x$\nz$a##x\n#end"),
    ("literal-line-comment-doc-prefix", "#literal()##a#**\n#end"),
    ("block-comment-then-index", "$a#*x*#[0]"), ("doc-comment-then-index", "$a.b()#**#["),
    ("textblock-then-index", "$l[0]#[[x]]#[0]"), ("comments-then-index", "$a#*x*##*y*#[0]"),
    ("literal-refmod-hash-prefixes", "#literal()$n.v##$b|$n.v['']##$b.c|$n.v##${b}|$n.v##\\$b|$n.v#$!b#end"),
    ("hash-dollar-hash-prefixes", "#if(true)x#$#end|#if(true)x#$!#{end}|#$#foo(1)|#$#if(true)y#end|#$#*c*#z|#$##c\n|#$#set($q=1)$q|#$#[[t]]#|#literal()#$#*c*#z#end|#@foo()#$#*c*#z#end"),
    ("comment-then-bracket-text", "${a}#*x*#[0]|$a #*x*#[0]|$a#*x*#.b|$a#*x*#]|$a#*x*#(|$a##x\n[0]"),
    # A #literal right after '$n.k$f' starts in REFMODIFIER: its '##' is no comment.
    ("literal-after-refmod-ref-hashes", "$n.k$f#literal()x##=\n##y\n#end"),
    # The same for a block macro call's body: '##' before a terminator is not in its image.
    ("block-call-after-refmod-ref-hashes", "$n.k$f#@m()##=#end|$n.k$f#@m()x##=\n#end|$n.k$f#@m()##y#end|$n.k$f#@m()##y()#end"),
    # After '$a.b$#if(...)' or '$a.b$x#if(...)' the state is REFMODIFIER again.
    ("refmod-dollar-if-hashes", "$m.k$#if(true)##y#end|$m.k$!#if(true)##y\n#end|$m.k$#if(true)#[[a]]###y#end|$m.k$#if(false)#elseif(true)##y#end##z"),
    ("refmod-dollar-if-words", "$m.k$#if(true)x.y#end|$m.k$#if(true)$.x#end|$m.k$#if(true){x}#end|$m.k$#if(true)x[0]#end"
     "|$m.k$a#if(true)x.y#end|$m.k$a#if(true){x}#end|$m.k$a#if(true)x[0]#end|$m.k$a#if(true)$.x#end"),
    ("refmod-dollar-set-words", "$m.k$#set($q=1)x.y|$m.k$a#set($q=1)x.y|$m.k$a#set($q=1)(a#if(true)x#end"),
    ("refmod-dollar-set-lparen-blank", "$m.k$#set($q=1)( a"),
    ("refmod-ref-set-lparen-blank", "$m.k$a#set($q=1)( a"),
    ("refmod-ref-comment-lparen-blank", "$m.k$a#*c*#( a"),
    # After '$a.b$x' and a comment or text block, a directive's HASH pops back to REFMODIFIER.
    ("refmod-ref-textblock-directive", "$m.v$a#[[]]##e()##y|$m.v$a#*c*##e()x.y|$m.v$a#*c*##if(true)##y#end|$m.v$#*c*##e##y"
     "|$m.v#set($s=[])$l['']#[[]]##foreach($n [])##end|$m.v$a#set($x=1)#e()##y|$m.v$a#[[x]]##{e}##y"),
    ("refmod-ref-textblock-directive-stray-end", "$m.v#set($s=[])$l['']#[[]]##e()##end"),
    # '$#' or '$!#' after a property: before '(' it makes a method call, before '.name' or
    # '[' the suffix joins the reference (its literal shows '$#').
    ("refmod-dollar-hash-call", "$a.length$#()|$a.length$!#()|$a.substring$#(1)|$m.t$#()|$m.t$!#()|$a.length$#(#if(true)#end"),
    ("refmod-dollar-hash-call-blank", "$a.length$#( )|"),
    ("refmod-dollar-hash-call-open", "$a.length$#(x"),
    ("refmod-dollar-hash-lparen-hash-blank", "$a.v$#(#if(true)#end "),
    ("refmod-dollar-hash-suffix", "$zz.b$#.c|$zz.b$!#.c|$zz.b$#.c$#.d|$zz.b()$#.c|$zz.b$#[0]|$zz.b$!#[0]|$zz[0].b$#.c"
     "|#literal()$zz.b$#.c#end|$a.v$#.x y|$a.v$#.length()|$a.bytes$#[0]|$a.v$#[0]#*x*#w.y"),
    # A HASH prefix after a property, then a comment or text block: back in the directive state.
    ("refmod-hash-comment-then-word", "$a.b###c\nt(x)|$a.b##*c*#if(true)x#end|$a.b##[[c]]#t(x)|$a.b##*c*#t|$a.b###c\nt x"),
    ("refmod-hash-line-comment-then-word-open", "$a.b###\rt("),
    ("refmod-hash-block-comment-then-word-open", "$a.b##*c*#t("),
    # Backslashes before '$#if', '$#end', '$#else' after a property: the same as without.
    ("refmod-escaped-dollar-directives", "$m.t\\$#if(true)##x#end|$m.t\\\\$#if(true)x.y#end|$m.t\\$!#if(true)##x\n#end"
     "|#if(true)$f.c\\$#end##'|#literal()$f.c\\$#end##'|#if(true)$f.c\\$#else##'#end|$m.t\\$#e()##x|$m.t\\$#{e}##x"),
    ("refmod-escaped-dollar-if-lbracket", "$m.t\\$#if(true)["),
    ("refmod-dollar-else-hashes", "#if(true)$f.c$#else##'#end|#if(false)$f.c$#else##'#end|#if(false)$f.c$#{else}x.y#end"),
    # Inside a comment '#**' takes the character after it: no '*#' closes there.
    ("block-comment-formal-prefix-inside", "#*#***# x *# y|#*#**** x *# y|#* #***# x *# y|#*#*#**# x *# y|#**#***# x *# y"),
    # '$a.b$c#(': the '(' is an LPAREN after the HASH.
    ("refmod-ref-hash-lparen", "$a.length$a#(#if(true)y#end|#literal()$a.v$a#(#if(true)#end#end"),
    ("refmod-ref-hash-lparen-blank", "$a.length$a#(#if(true)y#end "),
    ("block-comment-formal-prefix-unclosed", "#*#***##if($n)#if([]&&[])#end#end#[[]]#"),
    # '$a.b$.c' (also '$!.c', '\\$.c', and then '.d', '()', '[0]'): the '$' pushed
    # REFMODIFIER, so a directive's HASH pops back to it and a '##' after it is no comment;
    # a '#$.c' does not push.
    ("refmod-dollar-dot-directive", "$m.v$.x#e##y\n$m.v$!.x#e##y\n$m.v\\$.x#e##y\n$m.v#$.x#e##y\n$m.v$.x.y#e##y"
     "\n$m.v$.x()#e##y\n$m.v$.x[0]#e##y\n$m.v$.x#{e}##y\n$m.v$.x#e()##y\n$a.v$.x$.y#e##y\n$m.v$.x#e#f##y"),
    ("refmod-dollar-dot-if", "$m.v$.x#if(true)##y#end|$m.v$.x#if(true)w.z#end|$m.v$.x#if(true)#end##y"),
    ("refmod-dollar-dot-if-lparen", "$m.v$.x#if(true)(#end"),
    ("refmod-dollar-dot-comment-directive", "$m.v$.x#[[t]]##e##'\n$m.v$.x#*c*##e##y\n$m.v$.x#set($a=1)#e##y"
     "\n$m.v$.x()#*c*##e##y\n$m.v$.x()#[[t]]##e##y\n$m.v$.x()#set($a=1)#e##y\n$m.v$[0]#*c*##e##y"
     "\n$m.v$.x#*c*##*d*##e##y\n$m.v$.x#*c*#w.z\n$m.v$.x#set($a=1)##e##y"),
    # '$a.b$x.y' ends in REFMODIFIER pushed over REFMODIFIER: after a comment, text block or
    # #set there a '##' is no comment, and a directive's HASH pops back to it.
    ("refmod-ref-property-comment", "$m.c$o.t#**###/\n$m.c$o.t#*c*##e##/\n$m.c$o.t#[[t]]###/\n$m.c$o.t#set($q=1)#e##/"
     "\n$m.c$o.t#*c*#w.z\n$m.c$o.t[0]#*c*##e##/\n$m.c$o.t()#*c*##e##/\n$m.c$a.length()#*c*##e##/"),
    ("refmod-ref-property-comment-lparen", "$m.c$o.t#*c*#(#end"),
    # A '##' comment after a DOLLAR that pushed REFERENCE over REFMODIFIER ('$a.b$##',
    # '$a.b$x##', '$a.b$[0]##', '$a.b$.c()##') pops back there: a '##' after it prints.
    ("refmod-dollar-comment-then-hashes", "$m.y$##\n##p\n$m.y$!##\n##q\n$m.y\\$##\n##r\n$m.y$##\n#e##s\n$m.y$##\nw.z"
     "\n$m.y$##\n$.z\n$m.k$x##\n##u\n$m.k$x##\nw.z\n$m.k$[0]##\n##v\n$m.k$.f('')##\n##w\n$m.k$.f('')##\nw.z"
     "\n$m.k$.x##\n##x\n$m.k$x##\n{x}"),
    ("refmod-dollar-comment-then-lparen", "$m.k$x##\n(x"),
    # After a comment or #set following a property: '(' before '.name' is text; '##$.x'
    # loses its prefixes and '.x' prints as a word; a dropped index must still parse; a
    # '##' after '$#set(...)' or '$#*c*#' pops back to REFMODIFIER.
    ("refmod-comment-words", "$m.y#set($s=$a)(.m|$m.y#set($s=$a)(.m.n|$m.y#*c*#(.m.n z|$m.e#set($b=${m})##$.x"
     "|$m.e#set($b=1)##$!.x|$m.e#*c*###$.x|$m.e#set($b=1)##$.x.y z|$m.e#*c*##$.5|$m.t#*c*#d[0]|$m.t#*c*#d[ 'a' ]"
     "|$m.t#*c*#d[-1]|$m.t#*c*#d[$a]|$m.t#*c*#d[true]|$m.t#*c*#d[$a.y(1)[0]]|$m.t#*c*#d.e()[0]"),
    ("refmod-comment-words-lparen-open", "$m.y#set($s=$a)(.m("),
    ("refmod-comment-empty-index", "$m.t#*c*#d[]"),
    ("refmod-comment-word-index", "$m.t#*c*#d[x]"),
    ("refmod-comment-float-index", "$m.t#*c*#d[1.5]"),
    ("refmod-comment-list-index", "$m.t#*c*#d[[]]"),
    ("refmod-comment-property-empty-index", "$m.t#*c*#d.e[]"),
    ("refmod-literal-empty-index", "$m.t$t#literal()d[]#end"),
    # '#end' and '#else' in the directive state a HASH and a comment after a property
    # return to ('$a.b###<newline>'): they pop only their own HASH's push, so a word right
    # after them is a directive too (not after a newline they took).
    ("refmod-hash-comment-end-word", "#define()$m.y['']###\n#[[]]##{end}t("),
    ("refmod-hash-comment-end-word-2", "#define($d)$m.y['']###\n#endt(x)"),
    ("refmod-hash-comment-else-word", "#if(true)$m.y###\n#else{x}(y)#end|#if(true)$m.y###\n#{else}x(y)#end"
     "|#define($d)$m.y['']###\n#end\nt(x)|#define($d)$m.y['']###\n#end t(x)$d|#define($d)$m.y['']###\n#end#if(true)y#end$d"),
    # In the never-closing LPAREN after a property, '##' before a directive name is a HASH
    # prefix, not a comment; plain '{'s after a property then '(' open that LPAREN too.
    *[(f"refmod-lparen-hash-prefix-{i}", t) for i, t in enumerate([
        "#macro(m)#define(2)#end$y.k(##{end}", "$y.k(##if(true)x#end", "#if(true)$y.k(##{end}",
        "#if(true)$y.k(##{else}x#end", "$y.k(##e()x", "$y.k(##e"])],
    ("refmod-lparen-hash-prefix-end-alone", "$y.k(##{end}"),
    ("refmod-lparen-hash-prefix-blank", "$y.k(##e x"),
    *[(f"refmod-brace-lparen-{i}", t) for i, t in enumerate([
        "$m.d{(", "$m.d{(x", "$m.d{{(x", "$m.d{ (x", "$m{(x)", "$m.d{(#if(true)y#end"])],
    ("refmod-brace-lparen-rparen", "$m.d{(x)"),
    ("refmod-brace-lparen-at", "$m.d{(@"),
    ("refmod-braces-lparen-rparen", "$m.d{{(x)"),
    # A '$.name' after an #if condition, a comment or #set that follow a property: its
    # DOLLAR pushed REFMODIFIER, so a directive's HASH pops back there ('##' prints after).
    ("refmod-resumed-dollar-dot", "$n.y$m#if(true)$.t#end##,\n$n.y$m#if(true)$!.t#end##,\n$n.y#*c*#$.t#e##,\n$n.y#*c*#$.t##,"
     "\n$n.y#*c*#$.t#*d*##e##,\n$n.y#set($q=1)$.t.u#e##,\n#if(\"\")$n.y[0]$m#foreach()$.t$#set($n=$s)#end#end##,"),
    ("refmod-resumed-dollar-dot-lparen-hash", "$n.y$m#if(true)$.t.u(#end"),
    ("refmod-word-lparen-hash", "$n.y#*c*#w.u(#if(true)x#end"),
    # Plain '{'s after a property leave REFMODIFIER: '##' after them is no comment.
    ("refmod-braces-hashes", "$y.d{##x\n$y.d{{##x\n$y.d{#e##x\n$y.d{ ##x\n$y.d{##\n"),
    # '$#5' after a property: the number ends the HASH's state, back in REFMODIFIER.
    ("refmod-dollar-hash-number-hashes", "$h.t$#5## \n$h.t$#5##x\n$h.t$#5 x\n$h.t$#5#e##x\n$h.t$#5x.y z\n$h.t$#-1##x"
     "\n$h.t$#.5##x\n$h.t$#5$x##y"),
    # '##{' after '$a.b$.c' that is no BRACKETED_WORD: a stray brace.
    ("refmod-pushed-hashes-brace", "$l.v$.d##{a}|$l.v$.d##{a.b} z|$l.v$.d##{$a} z"),
    ("refmod-pushed-hashes-brace-open", "$l.v$.d##{a"),
    ("refmod-pushed-hashes-brace-blank", "$l.v$.d##{a x"),
    # '##name(...)' after a property returns to the directive state, where a word with
    # '(' is a directive too.
    ("refmod-hashes-directive-then-word", "$y.y##e()t(x)|$y.y##e t(|$y.y##e()x|$y.y##e() t(|$y.y##if(5)t#end"),
    ("refmod-hashes-if-then-word-open", "$y.y##if(5)#f()t(#end"),
    ("refmod-hashes-word-then-word-open", "$y.y##e()t("),
    ("refmod-hashes-word-newline-word-open", "$y.y##e()\nt("),
    # '$}' after '$a.b$.c' keeps the REFMODIFIER its DOLLAR pushed.
    ("refmod-pushed-dollar-rcurly", "$b.d$.e$}#literal()##)#define(2)#end#end|$b.d$.e$}#e##x\n$b.d$.e$!}#e##x\n$b.d$.e #e##x"),
    ("refmod-dollar-set-comment", "$m.d#**#$#set($y=(true))##\n##\n|$m.d#**#$#*c*###\n##\n|$m.d$#set($y=1)##\nw.z"),
    ("refmod-dollar-comment-at-end", "$m.y$## c"),
    # '#(' after a comment over a REFERENCE pushed over REFMODIFIER: an LPAREN that never
    # closes.
    ("refmod-ref-comment-hash-lparen", "$m.s$b#*c*##(x|$m.s$b#set($q=1)#(x|$m.s$b#*c*##(#if(true)y#end"),
    ("refmod-ref-comment-hash-lparen-newline", "$m.s$b.y()#**##(\r"),
    ("refmod-ref-comment-hash-lparen-newline-2", "$m.s$b#*c*##(\r"),
    # The HASH prefix of '# #set(' is not printed by a block macro call.
    ("block-call-hash-prefix-set", "#@foo()# #set($y=[])x#end|#@foo()x# #set($y=[])x#end|#@foo()#*c*# #set($y=[])x#end"
     "|#@foo()#\t#set($y=[])x#end|#@foo()#  #set ($y=[])x#end|#@()#if(5)#@()# #set($y=[])#if($a)#end#end#end#end"),
    # A '#end' token's image starts at its MORE prefixes: a #literal body ends before them
    # (a body left empty fails as an empty one does), a block call prints them with '#end'.
    ("literal-end-prefixed", "#literal()## c\n$#end|#literal()#*c*#$#end|#literal()#**c*#$#end|#literal()x$!#$#end"
     "|#literal()x#$#end|#literal()x\\$#$#end|#literal()a$# x$!#$#end|#@foo()## c\n$#end|#@foo()#*c*#$#end"),
    ("literal-end-prefixed-empty", "#literal()$#end"),
    ("literal-end-prefixed-empty-newline", "#literal()\n$!#$#end"),
    # '#$#end' and '#$#else' pop to the directive state the '$' pushed: a '#set(' right
    # after them is a word there, and its '=' an error; after blanks it is a #set again.
    ("hash-dollar-end-set", "#if(true)#$#end#set($y=$s)$y"),
    ("hash-dollar-end-newline-set", "#if(true)#$#end\n#set($y=$s)$y"),
    ("hash-dollar-braced-end-set", "#if(true)#$#{end}#set($y=$s)$y"),
    ("hash-dollar-else-set", "#if(true)#$#else#set($y=$s)$y#end"),
    ("hash-dollar-define-end-set", "#define()#$#end#set($y=1)"),
    ("hash-dollar-end-set-no-equals", "#if(true)#$#end#set($y)|#if(false)#$#else#set($y)#end"),
    ("hash-dollar-end-then", "#if(true)#$#end #set($y=$s)$y|#if(true)#$#end $s|#if(true)#$#end$s|#if(true)#$#end#e(1)x"
     "|#if(true)#$#end##c\n#set($y=$s)$y|#if(true)#$#end#if(true)b#end#set($y=$s)$y"),
    ("hash-dollar-end-word", "#if(true)#$#{end}x(y)|#if(true)#$#end\nx(y)|#if(true)#$#end  \nx(y) z|#if(true)#$#end x(y)"),
    # '#$ #set(': the prefixes glue to SET_DIRECTIVE and disappear with its blanks.
    ("hash-dollar-blank-set", "#$ #set($y=1)x|a#$ #set($y=1)x|#$!  #set($y=1)x|$#$ #set($y=1)x|x$!#$ #set($y=1)x"
     "|$!#$! #set($y=1)x|#$\t#set($y=1)x|#$ x|#$ #if(true)a#end"),
]


def cases() -> Cases:
    out = Cases()
    for cid, template in CASES:
        out.add(cid, template, ENV)
    return out
