"""``$input.path``/``$input.json`` over request bodies: JSONPath in Jayway 2.0's dialect.

One case per disagreement ``python -m conformance.fuzz_input`` found and that was fixed: how
Jayway compiles odd paths, its filter language (``Filter.parse``/``Criteria``), and the
``json('$')`` shortcut.
"""

from __future__ import annotations

import json

from . import Cases

#: The body most cases read: a list of items of mixed shapes, as real payloads have them.
ITEMS = {
    "items": [
        {"id": 1, "name": "dog", "price": 249.99, "type": "dog", "tags": ["x"], "x": None},
        {"id": 2, "name": "O'Brien", "price": 12, "type": "cat", "tags": [], "x": 1},
        {"id": 3, "name": "Rex", "price": 1.5e-7, "t": 7, "p": 2},
    ],
    "p": 1,
    "k": "K",
    "q": "Q",
    "k'q": "quoted",
    "a": {"b": [10, 20, 30]},
}


def _event(body: str) -> dict:
    return {"httpMethod": "POST", "resource": "/items", "path": "/items", "body": body}


#: (id, template, note): each reads ITEMS.
CASES = [
    ("json-root-then-path", "$input.json('$').length()|$input.json('$.a')|$input.json('$.p')",
     "json('$') kept its compact text, and later json() calls with another path returned it"),
    ("dotted-name-with-quote", "$input.path(\"$.k'q\")|$input.json(\"$.k'q'\")",
     "a dotted name becomes ['name'], whose quoted runs are the property names: .k'q is k"),
    ("filter-exists-skips-null", "$input.json('$.items[?(@.x)]')",
     "a bare @.x exists only when its value is not null"),
    ("filter-negated-exists", "$input.json('$.items[?(!@.x)].id')",
     "!@.x: missing or null"),
    ("filter-odd-operand", "$input.json('$.a[?(@.zz ===)]')",
     "'==' is found first; the rest ('=') is a plain string operand; a map is its own filter item"),
    ("slice-with-step", "$input.json('$.a.b[0:2:1]')|$input.json('$.a.b[1:3:9]')",
     "the bracket's third number is ignored: [1:3:9] is [1:3]"),
    ("filter-two-paths", "$input.json('$.items[?(@.id > @.p)].id')",
     "both operands may be paths"),
    ("filter-root-path", "$input.json('$.items[?(@.id > $.p)].id')",
     "a $ path in a filter reads the whole document"),
    ("filter-regex", "$input.json('$.items[?(@.name =~ /d.*/)].id')|$input.json('$.items[?(@.type =~ /D.G/i)].id')",
     "=~ takes a /regex/ (i: ignore case) that must match the whole text"),
    ("filter-or", "$input.json(\"$.items[?(@.type == 'cat' || @.price > 100)].id\")",
     "|| is supported"),
    ("filter-or-and", "$input.json(\"$.items[?(@.id == 3 || @.id == 1 && @.type == 'dog')].id\")",
     "&& binds to its right side"),
    ("filter-string-vs-number-fails", "[$input.path(\"$.items[?(@.t == 'x')]\")]|[$input.json(\"$.items[?(@.t == 'x')]\")]",
     "a string literal against a number is read as a BigDecimal: 'x' throws and the whole read fails"),
    ("filter-null-literal", "$input.json('$.items[?(@.x == null)].id')|$input.json(\"$.items[?(@.x != 'null')].id\")",
     "null and 'null' are both null"),
    ("filter-bad-number", "[$input.path('$.items[?(@.price > abc)]')]",
     "a bare word that is no number, against a number, fails the read"),
    ("filter-placeholder", "[$input.json('$.items[0].tags[?]')]|[$input.json('$.items[1].tags[?]')]|[$input.json('$[?]')]",
     "[?] has no filter: an empty array gives [], anything else fails"),
    ("root-token-again", "$input.json(\"$['a']$.b[0]\")|$input.json('$.a.b[1]$')",
     "a '$' inside a path is another root token, which changes nothing"),
    ("bracket-skips-letters", "$input.json('$.a.b[abc1]')|$input.json('$.a.b[0 1]')",
     "an array bracket reads from its first digit, blanks ignored"),
    ("filter-regex-on-number", "$input.json('$.items[?(@.price =~ /1.*/)].id')",
     "=~ matches the value's toString"),
    ("filter-path-and-literal-order", "$input.json('$.items[?(1 < @.id)].id')",
     "a literal on the left: the operands keep their sides"),
]


def cases() -> Cases:
    out = Cases()
    event = _event(json.dumps(ITEMS, indent=2))
    for cid, template, note in CASES:
        out.add(cid, template, event=event, note=note)
    out.add("nan-is-a-float",
            "$input.path('$').a.class.simpleName|$input.path('$').hashCode()|$input.path('$').a|$input.json('$')",
            event=_event("{a:NaN}"), note="json-smart reads NaN as Float.NaN: a Float's class and hash code")
    out.add("hash-of-deepest-body", "$input.path('$').hashCode() $input.path('$.a').hashCode()",
            event=_event('{"a":' * 399 + "[1]" + "}" * 399),
            note="hashCode of a body nested as deep as json-smart parses (400 levels)")
    merge_event = _event('{"l": [1, "x", null], "k": [2, [3]], "m": {"q": 1}}')
    head = "#set($a = $input.path('$.l'))#set($b = $input.path('$.k'))#set($m = $input.path('$.m'))"
    for k, call in enumerate(("[$a.merge($b)] $a", "[$a.merge($a)] $a", "[$b.merge($a)] $b $a",
                              "#set($c = $util.parseJson('[7]'))[$a.merge($c)] $a", "[$a.merge($m)]", "[$a.merge('s')]",
                              "[$a.merge(5)]", "[$a.merge([])]", "[$a.merge($b.subList(0, 1))]")):
        out.add(f"json-array-merge-{k}", head + call, event=merge_event,
                note="JSONArray.merge appends a JSONArray's elements; anything else fails the cast")
    return out
