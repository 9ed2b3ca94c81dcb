"""Values from JSON (variables, $input.path, $util.parseJson) and the $input/$util helpers."""

from __future__ import annotations

import json

from . import Cases
from ._common import slug

#: JSON documents used both as variables and as request bodies.
DOCS = {
    "flat": {"name": "Bella", "age": 6, "price": 249.99, "ok": True, "none": None},
    "nested": {"a": {"b": {"c": [1, {"d": "e"}]}}, "list": [[1, 2], [], [{"x": None}]]},
    "array": [{"id": 1, "type": "dog"}, {"id": 2, "type": "cat"}],
    "numbers": {"i": 1, "neg": -5, "long": 3000000000, "big": 123456789012345678901234567890,
                "d": 1.5, "e": 1e21, "small": 1.5e-7, "whole": 100.0, "z": -0.0},
    "strings": {"quote": 'say "hi"', "apos": "it's", "slash": "a/b\\c", "ctl": "t\tn\nr\r",
                "uni": "é日😀", "empty": "", "html": "<b>&amp;</b>"},
    "empty_obj": {},
    "empty_arr": [],
}
#: Expressions over the variable ``$v`` holding a document.
VAR_EXPRS = [
    "$v", "$v.size()", "$v.keySet()", "$v.values()", "$v.entrySet()", "$v.class.simpleName",
    "$v.toString()", "#foreach($x in $v)[$x]#end", "#foreach($k in $v.keySet())$k=$v.get($k);#end",
]
#: JSONPath expressions given to $input.json and $input.path.
PATHS = [
    "$", "$.name", "$.age", "$.price", "$.ok", "$.none", "$.missing", "$.a", "$.a.b.c", "$.a.b.c[1]",
    "$.a.b.c[1].d", "$.list", "$.list[0]", "$.list[2][0]", "$[0]", "$[0].type", "$[*].type",
    "$..id", "$.length()", "$[-1:]", "$[?(@.id > 1)]", "$.i", "$.long", "$.big", "$.d", "$.e",
    "$.small", "$.whole", "$.z", "$.quote", "$.apos", "$.slash", "$.ctl", "$.uni", "$.html",
    "$['name']", "$.*", "", "name", "$.", "$[",
]
#: Strings given to the $util functions.
UTIL_STRINGS = [
    "plain", "", "O'Brien", 'say "hi"', "a/b\\c", "tab\there", "line\nbreak\r\n", "é", "日本",
    "😀", "\u0001\u001f\u007f", "<script>", "a b+c&d=e?f#g%h", "~*-._", "100%", "Zm9v", "Zm9",
    "not base64!", "%41%zz", "%E6%97%A5", "+plus+",
]
UTIL_FUNCS = ["escapeJavaScript", "urlEncode", "urlDecode", "base64Encode", "base64Decode"]


def _event(body: str | None = None, **extra) -> dict:
    event = {"httpMethod": "POST", "resource": "/items", "path": "/items"}
    if body is not None:
        event["body"] = body
    event.update(extra)
    return event


def cases() -> Cases:
    out = Cases()
    for dname, doc in DOCS.items():
        for expr in VAR_EXPRS:
            out.add(f"var-{dname}-{slug(expr)}", expr, {"v": doc})
    bodies = {name: json.dumps(doc, indent=2) for name, doc in DOCS.items()}
    for dname in ("flat", "nested", "array", "numbers", "strings"):
        event = _event(bodies[dname])
        for path in PATHS:
            lit = "'" + path.replace("'", "''") + "'"
            template = f"json=$input.json({lit})|path=$input.path({lit})"
            out.add(f"input-{dname}-{slug(path)}", template, event=event)
    # the strings reach $util through a variable read from the body
    for fname in UTIL_FUNCS:
        for k, text in enumerate(UTIL_STRINGS):
            template = f"#set($s = $input.path('$.s'))[$util.{fname}($s)]"
            out.add(f"util-{fname}-{k:02d}", template, event=_event(json.dumps({"s": text})))
    extra = [
        ("parseJson-print", "#set($o = $util.parseJson($input.json('$')))$o|$o.a|$o.list|$o.list[0]"),
        ("parseJson-string", "#set($o = $util.parseJson('{\"k\": [1, \"x\", null, {\"z\": 1.0}]}'))$o $o.k $o.k[3].z"),
        ("parseJson-scalar", "#set($o = $util.parseJson('42'))$o $o.class.simpleName #set($p = $util.parseJson('\"s\"'))$p"),
        ("parseJson-invalid", "#set($o = $util.parseJson('{bad'))[$o]"),
        ("parseJson-null-arg", "[$util.parseJson($nope)]"),
        ("parseJson-modify", "#set($o = $util.parseJson('{\"l\": []}'))#set($d = $o.l.add('x'))#set($d = $o.put('m', {}))$o"),
        ("input-body", "[$input.body]"),
        ("input-body-prop", "[$input.body.a]"),
        ("input-json-nested-print", "$input.json('$.a')"),
        ("input-path-modify", "#set($p = $input.path('$'))#set($d = $p.put('new', 1))$p"),
        ("input-params-all", "$input.params()"),
        ("input-params-each", "$input.params('id')|$input.params('q')|$input.params('X-H')|$input.params('none')"),
        ("input-params-groups", "$input.params().path|$input.params().querystring|$input.params().header"),
        ("input-params-hidden-header", "[$input.params('Content-Length')][$input.params().header.size()]"),
        ("input-params-case", "[$input.params('x-h')][$input.params('X-H')]"),
        ("util-escape-idiom", "\"$util.escapeJavaScript($input.path('$.q')).replaceAll(\"\\\\'\", \"'\")\""),
        ("context-basics", "$context.httpMethod|$context.resourcePath|$context.stage|$context.requestId"),
        ("context-identity", "$context.identity.sourceIp|$context.identity.userAgent|[$context.identity.user]"),
        ("context-missing", "[$context.nope][$context.identity.nope][$!context.nope]"),
        ("context-overrides-initial", "$context.requestOverride|$context.responseOverride"),
        ("stage-variables", "[$stageVariables.env][$stageVariables.nope]"),
        ("set-status-override", "#set($context.responseOverride.status = 418)done"),
        ("set-header-override", "#set($context.responseOverride.header.X-Custom = 'v')#set($context.requestOverride.header['X-Req'] = 'r')done"),
        ("set-querystring-override", "#set($context.requestOverride.querystring.q = 'new')$context.requestOverride.querystring"),
        ("undefined-empty", "[$nope][$nope.x][$nope.x()][$!nope]#if($nope)T#{else}F#end"),
        ("undefined-compare", "#if($nope == '')T#{else}F#end #if($nope == $null)T#{else}F#end"),
        ("macro-dropped", "#macro(m)M#end[#m()]"),
        ("evaluate-literal", "#evaluate('$x')"),
    ]
    event = _event(
        json.dumps({"a": {"b": 1}, "list": [1, "two"], "q": "it's \"q\""}),
        pathParameters={"id": "7"},
        queryStringParameters={"q": "a b", "id": "shadowed"},
        headers={"X-H": "hv", "Content-Length": "10", "Accept": "application/json"},
        stageVariables={"env": "test"},
        requestContext={"stage": "dev", "requestId": "req-1", "identity": {"sourceIp": "203.0.113.9", "userAgent": "curl"}},
    )
    for cid, template in extra:
        out.add(cid, template, event=event)
    return out
