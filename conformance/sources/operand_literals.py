"""What ``+`` writes for a null operand next to a string: Velocity's ``literal()`` of the
operand's node, which for an operator's node is not the source of the whole operation."""

from __future__ import annotations

from . import Cases
from ._common import slug

ENV = {"s": "S", "i": 2, "n": None}

#: Operands that are null (arithmetic over unset names, a method on null...), as written.
NULL_OPERANDS = [
    "$a*$l", "$a * $l", "$a *  $l  ", "$a*$l.b", "$a*$l.foo()", "$a*$l[0]", "$a*${l}", "$a*$!l",
    "$a*$!{l}", "$a*($l)", "$a*( $l )", "$a*( $l*$m )", "$a*$l*$m", "$a*$l/$m", "$a%$l", "$a/$l",
    "1*$l", "$a*2", "$a*2.5", "$a*-1", "$a*true", "$a*'q'", "$a*[1]", "$a*{}", "$a*!$l", "$a*[1..2]",
    "$a*\n$l", "$a*\t$l", "($a*$l)", "( $a*$l )", "(  ($a*$l) )", "$i*$l", "$s*$l", "$n*$l",
    "$l*$i", "$undef.x()", "$n", "$undef", "$n.foo()", "$a+$l", "$a + $l",
]


def cases() -> Cases:
    out = Cases()
    for operand in NULL_OPERANDS:
        name = slug(operand)
        out.add(f"left-{name}", f"#set($y = {operand} + 'x')[$y]", ENV)
        out.add(f"right-{name}", f"#set($y = 'x' + {operand})[$y]", ENV)
        out.add(f"right-spaced-{name}", f"#set($y = 'x' + {operand} )[$y]", ENV)
    extra = [
        ("chain-left-null", "#set($y = $a*$l + $m*$b + 'x')[$y]"),
        ("chain-paren-null", "#set($y = $a*$l + ( $m*$b ) + 'x')[$y]"),
        ("no-spaces", "#set($y=$a*$l+'x')[$y]"),
        ("wide-spaces", "#set($y = $a*$l  +  'x')[$y]"),
        ("api-no-vars", "#set($y=$a*$l+$n)[$y]"),
        ("api-number-right", "#set($y=$a*2+$n)[$y]"),
        ("in-method-arg", "[$s.concat($a*$l + 'x')]"),
        ("in-list", "#set($y = [$a*$l + 'x', 'x' + $a * $l ])$y"),
        ("in-map", "#set($y = {'k': $a * $l + 'x'})$y"),
        ("in-if", "#if($a*$l + 'x' == '$l x')T#{else}F#end"),
        ("in-foreach", "#foreach($x in [$a*$l + 'x'])[$x]#end"),
        ("in-string", "#set($y = \"#set($z = $a*$l + 'x')$z\")[$y]"),
        ("in-macro-arg", "#macro(m $p)[$p]#end#m($a*$l + 'x')"),
        ("both-null", "#set($y = $a*$l + $m*$b)[$y]"),
        ("multiline", "#set($y = $a\n*\n$l\n+\n'x')[$y]"),
    ]
    for case_id, template in extra:
        out.add(case_id, template, ENV)
    return out
