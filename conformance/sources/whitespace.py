"""Whitespace around every directive: what is kept, what a directive swallows."""

from __future__ import annotations

from . import Cases
from ._common import needed, slug

#: Text before the directive.
PREFIXES = [
    "", "a", "a ", "$a ", "${a}  ", "$u ", "  ", "a\n", "a\n  ", "a\n\t", "a\r\n  ", "$a\n  ",
    "#if(true)#end  ", "## c\n  ",
]
#: The prefixes tried with the less common directives.
SHORT_PREFIXES = ["", "a ", "$a ", "  ", "a\n", "a\n  ", "$a\n  ", "## c\n  "]
#: Text after the directive's opening part.
SUFFIXES = [
    "", "b", " b", "\nb", "  \nb", "\t\nb", "\r\nb", "\rb", "\n\nb", " \t \r\nb", "   ", "\n",
]

#: (slug, opening part, closing part): the template is prefix + open + suffix + close.
CORE = [
    ("set", "#set($x = 1)", "$x"),
    ("if_open", "#if(true)", "Y#end"),
    ("end", "#if(true)Y#end", ""),
    ("else", "#if(false)N#else", "Y#end"),
    ("foreach_open", "#foreach($i in [1,2])", "$i#end"),
    ("foreach_end", "#foreach($i in [1,2])$i#end", ""),
]
#: Core directives whose prefix and suffix are tried in every combination.
FULL_PRODUCT = {"set", "if_open"}
OTHERS = [
    ("set_braced", "#{set}($x = 1)", "$x"),
    ("set_space", "#set  ($x = 1)", "$x"),
    ("set_str", "#set($x = \"q\")", "$x"),
    ("set_map", "#set($m = {})#set($m.k = 2)", "$m"),
    ("end_braced", "#if(true)Y#{end}", ""),
    ("else_braced", "#if(false)N#{else}", "Y#end"),
    ("elseif", "#if(false)N#elseif(true)", "Y#end"),
    ("elseif_end", "#if(false)N#elseif(true)Y#end", ""),
    ("if_false_end", "#if(false)N#end", ""),
    ("if_space_paren", "#if ($t)", "Y#end"),
    ("define_open", "#define($dd)", "D#end$dd"),
    ("define_end", "#define($dd)D#end", "$dd"),
    ("macro_open", "#macro(mm)", "M#end#mm()"),
    ("macro_end", "#macro(mm)M#end", "#mm()"),
    ("macro_call", "#macro(mm)M#end#mm()", ""),
    ("macro_call_noparen", "#macro(mm)M#end#mm", ""),
    ("unknown_call", "#foo()", ""),
    ("unknown_call_args", "#foo($a 'x')", ""),
    ("unknown_word", "#foo", ""),
    ("line_comment", "## note", ""),
    ("block_comment", "#* note *#", ""),
    ("doc_comment", "#** note *#", ""),
    ("textblock", "#[[raw $a]]#", ""),
    ("literal_open", "#literal()", "L$a#end"),
    ("literal_end", "#literal()L$a#end", ""),
    ("stop", "#stop", "after"),
    ("stop_paren", "#stop()", "after"),
    ("break", "#foreach($i in [1,2])$i#break", "#end"),
    ("evaluate", "#evaluate('E')", ""),
    ("ref", "$a", ""),
    ("ref_method", "$s.length()", ""),
    ("ref_undef", "$nope", ""),
]

#: Multi-line layouts typical of mapping templates; NL and IND are substituted.
LAYOUTS = {
    "object": '{NL#set($x = "v")NL"a": "$x",NL#if($t)NL{IND}"b": trueNL#endNL}',
    "array": "[NL#foreach($i in $list)NL{IND}$i#if($foreach.hasNext),#endNL#end]",
    "nested": "#foreach($k in $map.keySet())NL{IND}#if($k == 'k')NL{IND}{IND}k:$map.get($k)NL"
    "{IND}#elseNL{IND}{IND}other:$kNL{IND}#endNL#end",
    "sets": "{IND}#set($a1 = 1)NL{IND}#set($a2 = 2)NL{IND}$a1$a2NL",
    "comments": "## headNL{IND}## indentedNLx #* c *#NL{IND}#* cc *#NLy",
    "trailing": "#if($t)NL{IND}yNL#end",
    "blank_lines": "NLNL#set($q = 1)NLNL{IND}$qNLNL",
    "json_body": '#set($body = $map)NL{NL{IND}"k": "$body.k",NL{IND}"items": [NL'
    "#foreach($x in $list){IND}{IND}$x#if($foreach.hasNext),#end NL#end{IND}]NL}NL",
}
NEWLINES = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}
INDENTS = {"none": "", "sp2": "  ", "tab": "\t", "sp4": "    "}


def cases() -> Cases:
    out = Cases()

    def add(cid: str, template: str) -> None:
        out.add(cid, template, needed(template, None) | {"a": "A", "t": True})

    for name, opening, closing in CORE:
        if name in FULL_PRODUCT:
            for pi, prefix in enumerate(PREFIXES):
                for si, suffix in enumerate(SUFFIXES):
                    add(f"{name}-p{pi}-s{si}", prefix + opening + suffix + closing)
        else:
            for pi, prefix in enumerate(PREFIXES):
                add(f"{name}-p{pi}", prefix + opening + "\n" + closing)
            for si, suffix in enumerate(SUFFIXES):
                add(f"{name}-s{si}", "a\n  " + opening + suffix + closing)
    for name, opening, closing in OTHERS:
        for pi, prefix in enumerate(SHORT_PREFIXES):
            add(f"{name}-q{pi}", prefix + opening + "\n" + closing)
        for si, suffix in enumerate(SUFFIXES):
            add(f"{name}-s{si}", "\n" + opening + suffix + closing)
    for lname, layout in LAYOUTS.items():
        for nname, nl in NEWLINES.items():
            for iname, ind in INDENTS.items():
                text = layout.replace("NL", nl).replace("{IND}", ind)
                add(f"layout-{lname}-{nname}-{iname}", text)
    # the same directive line repeated with growing indentation
    for n in range(4):
        pad = " " * n
        add(f"staircase-{n}", f"{pad}#set($a = 1)\n{pad} #set($b = 2)\n{pad}  $a$b\n")
    for ws in [" ", "\t", "  \t", "\n", "\r\n"]:
        add(f"between-sets-{slug(ws)}", f"#set($a = 1){ws}#set($b = 2){ws}$a$b")
        add(f"between-ends-{slug(ws)}", f"#if(true)#if(true)x#end{ws}#end{ws}y")
    # In an argument list a '$' or '$!' glued to blanks makes one WHITESPACE token: after
    # other blanks that is two in a row, a parse error; anywhere else it is dropped.
    for i, template in enumerate([
        "#set($a = $ 1)", "#set($a = 1 $ )", "#set($a= $! 1)", "#set($a =1 + $! 1)", "#if( $! true)x#end",
        "#set($a = [ $! 1])", "#set($a = 1 $$! )", "#set($a = 1\n$ )", "#m( $ 1)", "#foreach($i in $ [1])#end",
        "$a.substring(0, $ 1)", "$a[ $ 0]", "#define( $ $d)x#end", "#set($a = $a $\t)",
    ]):
        add(f"arg-dollar-blank-after-blank-{i}", template)
    # A '#' glued to blanks in a macro call's or directive's arguments: the same.
    add("arg-hash-blank", "#e(# )|#e(#\n)|#macro(m $p)[$p]#end#m(# 1)|#e(#\t)|#e(1# 2)|#e( #$a)")
    for i, template in enumerate(["#e(1 # 2)", "#e( # 2)", "#foreach($i in # [1])$i#end"]):
        add(f"arg-hash-blank-after-blank-{i}", template)
    add("arg-dollar-blank", "#set($q =$! 1)$q|#set($q = [1 ,$! 2])$q|#set($q$ = 3)$q|#set($ $q = 4)$q|#m($ 1)|#m($! 1)"
        "|#set($q =1 +$! 1)$q|#if(true$! )x#end|#set($q = [$! 1 ])$q")
    # A '}' right after an unbraced reference (or a lone '$') is a token of its own, so the
    # blanks after it go to a '#set' that follows.
    for i, template in enumerate([
        "$} #set($b = 1)x", "$a} #set($b = 1)x", "$a.b} #set($b = 1)x", "$a.b()} \t#set($b = 1)x",
        "$!} #{set}($b = 1)x", "\\$a} #set($b = 1)x", "${a}} #set($b = 1)x", "$}} #set($b = 1)x",
        "$a} x #set($b = 1)y", "$a} #if(true)y#end",
    ]):
        add(f"rcurly-then-set-{i}", template)
    return out
