"""What #if, !, && and || consider true, for every kind of value."""

from __future__ import annotations

from . import Cases
from ._common import OPERANDS, VARS, needed

#: Condition shapes; X is replaced by the operand.
SHAPES = {
    "if": "#if(X)T#{else}F#end",
    "not": "#if(!X)T#{else}F#end",
    "notnot": "#if(!!X)T#{else}F#end",
    "and": "#if(X && true)T#{else}F#end",
    "or": "#if(false || X)T#{else}F#end",
    "paren": "#if((X))T#{else}F#end",
    "set-not": "#set($b = 'old')#set($b = !X)$b",
    "set-and": "#set($b = 'old')#set($b = X && true)$b",
    "elseif": "#if(false)x#elseif(X)T#{else}F#end",
}


def cases() -> Cases:
    out = Cases()
    for oname, operand in OPERANDS:
        for sname, shape in SHAPES.items():
            template = shape.replace("X", operand)
            out.add(f"{sname}-{oname}", template, needed(template, VARS))
    extra = [
        ("json-values", "#foreach($k in ['es','el','em','z','f','n','s','zs','sp','d0'])#if($v[$k])T#{else}F#end#end",
         {"v": {"es": "", "el": [], "em": {}, "z": 0, "f": False, "n": None, "s": "x", "zs": "0", "sp": " ", "d0": 0.0}}),
        ("string-false", "#if($s)T#{else}F#end", {"s": "false"}),
        ("map-false-entry", "#if($m.f)T#{else}F#end #if($m.missing)T#{else}F#end", {"m": {"f": False}}),
        ("method-returning-false", "#if($s.isEmpty())T#{else}F#end #if($s.contains('x'))T#{else}F#end", {"s": "abc"}),
        ("method-returning-null", "#if($m.get('zz'))T#{else}F#end", {"m": {}}),
        ("undefined-method", "#if($s.nope())T#{else}F#end", {"s": "abc"}),
        ("literal-strings", "#if('')T#{else}F#end #if('x')T#{else}F#end #if(\"\")T#{else}F#end #if(\"$s\")T#{else}F#end", {"s": "abc"}),
        ("literal-numbers", "#if(0)T#{else}F#end #if(1)T#{else}F#end #if(0.0)T#{else}F#end #if(-1)T#{else}F#end", {}),
        ("literal-collections", "#if([])T#{else}F#end #if([1])T#{else}F#end #if({})T#{else}F#end #if([1..2])T#{else}F#end", {}),
        ("not-literal", "#if(!'x')T#{else}F#end #if(!0)T#{else}F#end #if(![])T#{else}F#end", {}),
        ("and-short-circuit", "#if(false && $s.substring(9))T#{else}F#end", {"s": "a"}),
        ("or-short-circuit", "#if(true || $s.substring(9))T#{else}F#end", {"s": "a"}),
        ("and-no-short-circuit", "#if(true && $s.substring(9))T#{else}F#end", {"s": "a"}),
        ("word-not", "#if(not $t)T#{else}F#end #if(not not $t)T#{else}F#end", {"t": True}),
        ("and-or-mixed", "#if($t and $f or $t)T#{else}F#end #if($t && ($f || $t))T#{else}F#end", {"t": True, "f": False}),
        ("set-or-values", "#set($b = $s || $n)$b #set($c = $n || $s)$c", {"s": "x", "n": None}),
        ("ternary-like", "#if($n)#set($v = $n)#{else}#set($v = 'default')#end$v", {"n": None}),
        ("if-bool-string-var", "#if($b == 'true')T#{else}F#end #if($b)T#{else}F#end", {"b": "true"}),
        ("boolean-object-methods", "$t.booleanValue() $t.toString() $f.equals(false) $t.compareTo(false)", {"t": True, "f": False}),
        # Arithmetic and interpolated strings are false in a condition without being
        # evaluated: no side effect, no error.
        ("arith-not-evaluated", "#set($l = [])#if($l.add(1) + 1)T#{else}F#end$l", {}),
        ("arith-not-evaluated-not", "#set($l = [])#if(!($l.add(1) * 2))T#{else}F#end$l", {}),
        ("arith-not-evaluated-and-or", "#set($l = [])#set($a = ($l.add(1) - 1) && true)#set($o = ($l.add(2) % 2) || true)$a $o $l", {}),
        ("arith-not-evaluated-elseif", "#set($l = [])#if(false)x#elseif($l.add(1) / 1)T#{else}F#end$l", {}),
        ("arith-error-not-raised", "#if($s[-1] + 1)T#{else}F#end #if(1 / 0)T#{else}F#end", {"s": "abc"}),
        ("arith-inside-comparison-evaluated", "#set($l = [])#if(($l.add(1) + 1) == 2)T#{else}F#end$l", {}),
        ("interpolation-not-evaluated", "#set($l = [])#if(\"$l.add(1)\")T#{else}F#end #set($b = !\"$l.add(2)\")$b$l", {}),
    ]
    for cid, template, env in extra:
        out.add(cid, template, env)
    return out
