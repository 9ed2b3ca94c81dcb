"""Differential fuzzing of the API Gateway layer: ``$util``, ``$input.params``, ``$context``
and ``$stageVariables``, rendered by apigw-vtl and by the oracle (Velocity 1.7 with the real
Java libraries behind ``$util``).

    python -m conformance.fuzz_util --examples 2000 [--seed 1] [--show 10]

Each example is a random REST proxy event (headers with their multi-value twins, query
string, path parameters, stage variables, a complete ``requestContext`` with identity and
sometimes an authorizer) and a template of a few *pieces*, each exercising one helper on a
value the event (or a literal) supplies: awkward strings (controls, quotes, backslashes,
``/<>&``, astral characters, ``%`` escapes valid or not, ``+``, Base64 and JSON texts valid or
not) and non-String arguments. The comparison rules are those of the recorded corpus
(:func:`conformance.report.check`, overrides included). A disagreement is shrunk by dropping
pieces, event entries and characters of the event's strings while it still disagrees the same
way.

The ``requestContext`` is always complete: where it lacks a field, apigw-vtl fills a
documented default and the oracle leaves it empty (an accepted difference).
"""

from __future__ import annotations

import base64
import functools
import json
import random
import sys
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .fuzz import _kind, command_line, kind_of, print_summary
from .record import UNRECORDABLE, expectation
from .report import Outcome, _check_error, _norm, _overrides, check

PROFILE = "apigateway"

# -- strings ---------------------------------------------------------------------------------

_ASCII = "".join(chr(c) for c in range(0x20, 0x7F))
_CONTROLS = "".join(chr(c) for c in range(0x20)) + "\x7f"
_SPECIAL = "'\"\\/<>&%+=?#$ "
_UNICODE = ["é", "ü", "日本", "😀", "𝄞", "\u2028", "\u00a0", "\ufeff", "\uffff", "e\u0301", "Ω", "ß", "\u0080"]
_BAD_PERCENT = ["%", "%4", "%zz", "%G1", "%-1", "%+1", "%e6%97", "%ED%A0%80", "%C3", "%FF", "%%", "%١٢"]
_LENIENT_JSON = [
    "{a:1}", "{'a':'q'}", "[1,2,]", "1 2", "tru", '{"a":1}x', " ", "", "null", "NaN", "1e400",
    "-0", "01", "{\"a\":}", "[", "'s'", "abc", "a=1&b=2", "{\"a\":{\"b\":[1,{}]}}", "\"\\u00e9\"",
    "{\"a\":1,\"a\":2}", "[1,[2,[3]]]", "{\"a\":\"x\\/y\"}", "1.50", "123456789012345678901",
    "{\"size\":3}", "{\"a\":null}", "true", "\"\"", "{\"a\":1.0E2}",
]


def _chars(rnd: random.Random, alphabet: str, hi: int = 8) -> str:
    return "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, hi)))


def _json_value(rnd: random.Random, depth: int = 0) -> Any:
    kind = rnd.randrange(7 if depth < 2 else 4)
    if kind == 0:
        return rnd.choice([0, 1, -7, 2147483648, 3.5, -0.25, 1e21])
    if kind == 1:
        return rnd.choice([True, False, None])
    if kind in (2, 3):
        return _plain_string(rnd)
    if kind in (4, 5):
        return {rnd.choice(["a", "b", "size", "é", "x y"]): _json_value(rnd, depth + 1) for _ in range(rnd.randint(0, 3))}
    return [_json_value(rnd, depth + 1) for _ in range(rnd.randint(0, 3))]


def _plain_string(rnd: random.Random) -> str:
    kind = rnd.randrange(4)
    if kind == 0:
        return _chars(rnd, "abcxyz019 -_.")
    if kind == 1:
        return _chars(rnd, _ASCII)
    if kind == 2:
        return _chars(rnd, "ab" + _SPECIAL, 5)
    return rnd.choice(_UNICODE) + _chars(rnd, "ab ", 2)


def _piece(rnd: random.Random) -> str:
    """One fragment of a random string, of one of the interesting kinds."""
    kind = rnd.randrange(12)
    if kind == 0:
        return _chars(rnd, _ASCII)
    if kind == 1:
        return _chars(rnd, _CONTROLS + "ab", 4)
    if kind == 2:
        return _chars(rnd, _SPECIAL + "ab", 6)
    if kind == 3:
        return "".join(rnd.choice(_UNICODE) for _ in range(rnd.randint(1, 3)))
    if kind == 4:
        return urllib.parse.quote(_plain_string(rnd), safe=rnd.choice(["", "/", "+"]))
    if kind == 5:
        return rnd.choice(_BAD_PERCENT) + _chars(rnd, "ab+", 2)
    if kind == 6:
        return _chars(rnd, "a+ %20", 5)
    if kind == 7:
        encoded = base64.b64encode(_plain_string(rnd).encode("utf-8")).decode("ascii")
        return rnd.choice([encoded, encoded.rstrip("="), encoded + "=", encoded[:-1], "=" + encoded,
                           encoded.replace("A", "-"), encoded + " ", encoded + "\n", "Zg", "Z", "Zg=x"])
    if kind == 8:
        return json.dumps(_json_value(rnd), ensure_ascii=rnd.random() < 0.5)
    if kind == 9:
        return rnd.choice(_LENIENT_JSON)
    if kind == 10:
        return base64.b64encode(bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 6)))).decode("ascii")
    return ""


def random_string(rnd: random.Random) -> str:
    """A string made of one to three fragments of the interesting kinds."""
    return "".join(_piece(rnd) for _ in range(rnd.choice([1, 1, 1, 2, 3])))


# -- events ----------------------------------------------------------------------------------

_HEADER_NAMES = ["Accept", "Host", "User-Agent", "X-Custom", "x-custom", "X-CUSTOM", "Content-Type",
                 "content-length", "Content-Length", "Connection", "X-Amz-Date", "q", "id", "Authorization",
                 "TE", "Expect", "X-Forwarded-For", "Cookie"]
_QUERY_NAMES = ["q", "id", "page", "Accept", "x-custom", "filter[a]", "a b", "é"]
_PATH_NAMES = ["id", "proxy", "q", "name", "X-Custom"]
_STAGE_NAMES = ["s0", "s1", "env", "url", "json", "my-var", "a.b", "_x", "lambdaAlias", "X"]
_IDENTITY_KEYS = ("cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller", "sourceIp",
                  "principalOrgId", "accessKey", "cognitoAuthenticationType",
                  "cognitoAuthenticationProvider", "userArn", "userAgent", "user")
_CONTEXT_STRINGS = ("resourceId", "extendedRequestId", "requestTime", "accountId", "protocol",
                    "stage", "domainPrefix", "requestId", "domainName", "deploymentId", "apiId")


def _value(rnd: random.Random) -> str:
    return random_string(rnd) if rnd.random() < 0.7 else _plain_string(rnd)


def _some(rnd: random.Random, names: list[str], most: int) -> dict[str, str]:
    return {name: _value(rnd) for name in rnd.sample(names, rnd.randint(0, min(most, len(names))))}


def random_event(rnd: random.Random) -> dict[str, Any]:
    """A REST proxy event with a complete ``requestContext`` (see the module docstring)."""
    headers = _some(rnd, _HEADER_NAMES, 6)
    query = _some(rnd, _QUERY_NAMES, 4)
    path_params = _some(rnd, _PATH_NAMES, 3)
    stage_vars = _some(rnd, _STAGE_NAMES, 4)
    method = rnd.choice(["GET", "POST", "PUT", "DELETE"])
    resource = rnd.choice(["/", "/items", "/items/{id}", "/{proxy+}"])
    path = rnd.choice(["/", "/items", "/items/7", "/a/b%20c"])
    stage = rnd.choice(["dev", "prod", "v1", ""])
    identity: dict[str, Any] = {k: (_value(rnd) if rnd.random() < 0.3 else None) for k in _IDENTITY_KEYS}
    identity["sourceIp"] = "198.51.100.7"
    context: dict[str, Any] = {k: f"{k}-1" for k in _CONTEXT_STRINGS}
    context.update({"resourcePath": resource, "httpMethod": method, "path": f"/{stage}{path}", "stage": stage,
                    "requestTimeEpoch": 1700000000123, "identity": identity})
    if rnd.random() < 0.3:
        context["requestId"] = _value(rnd)
    if rnd.random() < 0.4:
        context["authorizer"] = _authorizer(rnd)
    if rnd.random() < 0.2:
        _exotic_context(rnd, context)
    body: dict[str, Any] = {"b0": _value(rnd), "b1": _value(rnd), "n": rnd.choice([1, -2.5, 10000000000]),
                            "o": {"a": _value(rnd), "k": [1, "x"]}, "l": ["x", 2]}
    text = json.dumps(body, ensure_ascii=rnd.random() < 0.5)
    if rnd.random() < 0.15:  # a form post, as the urlDecode idiom reads it
        text = "&".join(f"{urllib.parse.quote_plus(_plain_string(rnd))}={rnd.choice([_value(rnd), 'x%20y', 'a+b'])}"
                        for _ in range(rnd.randint(1, 3)))
    elif rnd.random() < 0.05:
        text = random_string(rnd)
    return {
        "resource": resource,
        "path": path,
        "httpMethod": method,
        "headers": headers,
        "multiValueHeaders": {k: ([_plain_string(rnd)] if rnd.random() < 0.2 else []) + [v] for k, v in headers.items()},
        "queryStringParameters": query or None,
        "multiValueQueryStringParameters": {k: [v] for k, v in query.items()} or None,
        "pathParameters": path_params or None,
        "stageVariables": stage_vars or None,
        "requestContext": context,
        "body": text,
        "isBase64Encoded": False,
    }


def built_event(rnd: random.Random) -> dict[str, Any]:
    """An event made by :func:`vtl.event` from random arguments (a raw query string, repeated
    parameters, multi-value headers, bytes bodies, ...)."""
    import vtl

    args: dict[str, Any] = {}
    if rnd.random() < 0.5:
        args["headers"] = _some(rnd, _HEADER_NAMES, 4)
    if rnd.random() < 0.3:
        args["multi_value_headers"] = {k: [_plain_string(rnd), _value(rnd)] for k in rnd.sample(_HEADER_NAMES, 2)}
    query = rnd.randrange(4)
    if query == 1:
        args["query"] = _some(rnd, _QUERY_NAMES, 3)
    elif query == 2:
        args["query"] = {"q": [_value(rnd), _value(rnd)], "id": _value(rnd)}
    elif query == 3:
        args["query"] = "&".join(f"{rnd.choice(_QUERY_NAMES)}={_piece(rnd)}" for _ in range(rnd.randint(0, 3)))
    if rnd.random() < 0.5:
        args["path_params"] = _some(rnd, _PATH_NAMES, 2)
    if rnd.random() < 0.5:
        args["stage_variables"] = _some(rnd, _STAGE_NAMES, 3)
    if rnd.random() < 0.3:
        args["authorizer"] = _authorizer(rnd)
    body = rnd.randrange(4)
    if body == 1:
        args["body"] = {"b0": _value(rnd), "o": {"a": _value(rnd)}}
    elif body == 2:
        args["body"] = json.dumps({"b0": _value(rnd), "b1": _value(rnd)})
    args["method"] = rnd.choice(["GET", "POST"])
    args["stage"] = rnd.choice(["dev", "prod"])
    return vtl.event(**args)


def _authorizer(rnd: random.Random) -> dict[str, Any]:
    out: dict[str, Any] = {"principalId": _value(rnd)}
    if rnd.random() < 0.5:
        out["claims"] = {"sub": "abc-123", "email": _plain_string(rnd), "cognito:groups": "admin"}
    extra = {"tenant": _value(rnd), "n": 42, "flag": True, "ratio": 0.5, "whole": 1.0, "huge": 1e21,
             "big": 12345678901234567890, "none": None, "list": ["a", 1], "neg": -0.0, "false": False}
    for key in rnd.sample(sorted(extra), rnd.randint(0, 3)):
        out[key] = extra[key]
    return out


def _exotic_context(rnd: random.Random, context: dict[str, Any]) -> None:
    """Rarer requestContext content: optional identity keys, extra keys, odd value types."""
    identity = context["identity"]
    for key in rnd.sample(["apiKey", "apiKeyId", "vpcId", "vpceId", "clientCert"], rnd.randint(0, 2)):
        identity[key] = ({"clientCertPem": "-----BEGIN", "subjectDN": _plain_string(rnd),
                          "validity": {"notBefore": "May 28 12:30:02 2019 GMT"}}
                         if key == "clientCert" else _value(rnd))
    for key in rnd.sample(["wafResponseCode", "operationName", "isCanaryRequest", "awsEndpointRequestId",
                           "webaclArn"], rnd.randint(0, 2)):
        context[key] = True if key == "isCanaryRequest" else _plain_string(rnd)
    if rnd.random() < 0.3:
        context["requestTimeEpoch"] = rnd.choice(["1700000000123", 1.7e12, 0])


# -- templates -------------------------------------------------------------------------------

_FUNCTIONS = ["escapeJavaScript", "urlEncode", "urlDecode", "base64Encode", "base64Decode", "parseJson"]
_STRING_CHAINS = ["", "", "", ".length()", ".replaceAll(\"\\\\'\", \"'\")", ".toString()", ".isEmpty()",
                  ".trim()", ".substring(0, 1)", ".toUpperCase()", ".split(\"%\").size()"]
_JSON_CHAINS = ["", "", ".a", ".size()", ".get(0)", "[0]", ".keySet()", ".a.b", ".class.simpleName",
                ".toString()", ".isEmpty()", ".length()", ".get('a')"]
_DECODERS = {"urlDecode": "urlEncode", "base64Decode": "base64Encode"}
_ARG_METHODS = [".substring(0, 1)", ".substring(1)", ".charAt(0)", ".toString()", ".concat('\u00e9')",
                ".toLowerCase()", ".trim()", ".replace('a', '%')"]
_ODD_CALLS = ["$util.{f}()", "$util.{f}({x}, 'b')", "$util.{f}", "$util.{f}.length()", "$!util.{f}(1)",
              "$util.urlencode({x})", "$util.{f}($util)"]
_NON_STRINGS = ["1", "-2.5", "true", "{}", "{'a': 1}", "[]", "['x', 1]", "$nope", "$null", "$nope.x",
                "$input.path('$.n')", "$input.path('$.o')", "$input.path('$.l')", "$context.requestTimeEpoch",
                "$context.identity", "$util", "$input.params()", "$input.path('$.missing')"]


def _literal(text: str) -> str:
    """A single-quoted Velocity string literal holding ``text`` (no interpolation)."""
    return "'" + text.replace("'", "''") + "'"


@dataclass
class Example:
    """One generated case: an event and the template pieces (joined by newlines)."""

    event: dict[str, Any]
    pieces: list[str] = field(default_factory=list)
    #: A response template's integration response body (None: a request template).
    response_body: str | None = None
    #: A response template rendered after this one (``previous=``), its overrides carried on.
    then: list[str] | None = None

    @property
    def then_template(self) -> str:
        return "\n".join(self.then or ())

    @property
    def text(self) -> str:
        """Both templates (what the known-gap tests look at)."""
        return self.template + "\n" + self.then_template

    @property
    def template(self) -> str:
        return "\n".join(self.pieces)


class _Gen:
    """Builds template pieces over one event."""

    def __init__(self, rnd: random.Random, event: dict[str, Any]) -> None:
        self.rnd = rnd
        self.event = event
        self.serial = 0
        self.replaced: set[str] = set()  # override maps replaced by a whole-map #set

    def name(self, stem: str) -> str:
        self.serial += 1
        return f"{stem}{self.serial}"

    def string_source(self, quoted: bool = False) -> str:
        """An expression whose value is a String taken from the event or a literal
        (``quoted``: one that may stand inside a double-quoted string)."""
        rnd, ev = self.rnd, self.event
        options: list[Callable[[], str]] = [lambda: f"$input.path('$.{rnd.choice(['b0', 'b1', 'o.a'])}')",
                                            lambda: "$input.body"]
        if not quoted:
            options.append(lambda: _literal(random_string(rnd)))
            options.append(lambda: '"' + "".join(c for c in random_string(rnd) if c not in '"$#\\') + '"')
        if ev["stageVariables"]:
            names = list(ev["stageVariables"])
            options.append(lambda: f"$stageVariables.{rnd.choice(names)}")
            options.append(lambda: f"$stageVariables.get('{rnd.choice(names)}')")
        params = [*(ev["pathParameters"] or {}), *(ev["queryStringParameters"] or {}), *ev["headers"]]
        if params:
            options.append(lambda: f"$input.params({_literal(rnd.choice(params))})")
        if ev["requestContext"]["identity"].get("userAgent") is not None:
            options.append(lambda: "$context.identity.userAgent")
        if "authorizer" in ev["requestContext"]:
            options.append(lambda: "$context.authorizer.principalId")
        return rnd.choice(options)()

    def argument(self, function: str = "", quoted: bool = False) -> str:
        """An argument for ``$util.<function>``: mostly a String, sometimes anything."""
        rnd = self.rnd
        source = self.string_source(quoted)
        if rnd.random() < 0.12:
            return rnd.choice(_NON_STRINGS)
        if rnd.random() < 0.1:  # a String method's result: lone surrogates, a Character, ...
            return f"{source}{rnd.choice(_ARG_METHODS)}" if source.startswith("$") else source
        if function in _DECODERS and rnd.random() < 0.6:  # mostly decodable, so the template goes on
            return f"$util.{_DECODERS[function]}({source})"
        if function == "parseJson" and rnd.random() < 0.5:
            return rnd.choice(["$input.body", "$input.json('$')", "$input.json('$.o')", "$input.json('$.l')"])
        if rnd.random() < 0.1:  # a helper's result as the argument
            return f"$util.{rnd.choice(_FUNCTIONS[:5])}({source})"
        if rnd.random() < 0.05:
            return f"$input.json('$.{rnd.choice(['b0', 'o', 'l', 'n'])}')"
        return source

    def util_piece(self) -> str:
        rnd = self.rnd
        function = rnd.choice(_FUNCTIONS)
        form = rnd.randrange(5)
        if form == 4:  # no such method: printed as written
            return f"[{rnd.choice(_ODD_CALLS).format(f=function, x=self.string_source(True))}]"
        call = f"$util.{function}({self.argument(function, quoted=form == 3)})"
        chains = _JSON_CHAINS if function == "parseJson" else _STRING_CHAINS
        chain = rnd.choice([c for c in chains if '"' not in c] if form == 3 else chains)
        if form == 0:
            return f"[{call}{chain}]"
        var = self.name("v")
        if form == 1:
            return f"#set(${var} = {call})[${var}{chain}]"
        if form == 2:
            return f"[$!{call[1:]}{chain}]"
        return f"#set(${var} = \"{call}{chain}\")[${var}]"

    def params_piece(self) -> str:
        rnd, ev = self.rnd, self.event
        names = [*(ev["pathParameters"] or {}), *(ev["queryStringParameters"] or {}), *ev["headers"], "nope"]
        name = rnd.choice(names)
        name = rnd.choice([name, name, name.lower(), name.upper()])
        group = rnd.choice(["path", "querystring", "header"])
        return rnd.choice([
            "$input.params()",
            f"[$input.params({_literal(name)})]",
            f"[$input.params(\"{name}\")]",
            "$input.params().header.keySet()",
            f"$input.params().{group}.keySet()",
            f"$input.params().{group}",
            f"[$input.params().{group}.get({_literal(name)})]",
            f"$input.params().{group}.size()",
            f"#foreach($k in $input.params().{group}.keySet())$k=$input.params().{group}.get($k);#end",
            f"[$input.params().get('{group}').containsKey({_literal(name)})]",
            "$input.params().keySet()",
            f"#set($d = $input.params().{group}.put({_literal(name)}, 'new'))[$input.params({_literal(name)})]",
            f"#set($d = $input.params().{group}.remove({_literal(name)}))[$input.params({_literal(name)})]",
            "[$input.params(1)][$input.params($nope)][$input.params('')][$input.params($input.params())]",
            f"#foreach($v in $input.params().{group})[$v]#end",
            f"[$input.params().{group}.{rnd.choice(names).replace(' ', '')}]",
        ])

    def context_piece(self) -> str:
        rnd, ev = self.rnd, self.event
        rc = ev["requestContext"]
        key = rnd.choice([*rc, "nope"])
        options = [
            f"[$context.{key}]",
            f"[$context.get('{key}')]",
            f"[$context.identity.{rnd.choice(_IDENTITY_KEYS)}]",
            "[$context.identity]",
            "$context.identity.keySet()",
            "[$context.identity.apiKey][$context.identity.clientCert][$context.identity.clientCert.subjectDN]",
            "[$context.wafResponseCode][$context.isCanaryRequest][$context.operationName]",
            "[$context.identity.nope]",
            "[$context.requestOverride][$context.responseOverride]",
            "$context.requestOverride.keySet()",
        ]
        options.append("$context.keySet()")
        if "authorizer" in rc:
            akey = rnd.choice([*rc["authorizer"], "nope"])
            options += [f"[$context.authorizer.{akey}]", "$context.authorizer.keySet()",
                        "[$context.authorizer.claims.sub]", "[$context.authorizer.claims]",
                        "#foreach($k in $context.authorizer.keySet())$k=$context.authorizer.get($k);#end"]
        return rnd.choice(options)

    def override_piece(self) -> str:
        rnd = self.rnd
        target = rnd.choice(["requestOverride.header", "requestOverride.querystring", "requestOverride.path",
                             "responseOverride.header"])
        values = [self.string_source(), self.string_source(), "42"]
        if target.startswith("request"):  # (RenderResult.headers joins a list into "a,b", by design)
            values.append("['a', 'b']")
        value = rnd.choice(values)
        name = self.name(rnd.choice(["X-Over", "q", "p"]))
        form = rnd.randrange(3)
        if form == 0:
            piece = f"#set($context.{target}.{name} = {value})"
        elif form == 1:
            piece = f"#set($context.{target}['{name}'] = {value})"
        else:
            piece = f"#set($d = $context.{target}.put('{name}', {value}))"
        if rnd.random() < 0.2:  # the rarer ways to touch an override map
            whole = [] if target in self.replaced else [f"#set($context.{target} = {{'{name}': 'v'}})[$context.{target}]"]
            piece = rnd.choice([
                *whole,
                f"#set($d = $context.{target}.putAll({{'{name}': 'v', 'b{name}': 1}}))",
                f"#set($d = $context.{target}.put('{name}', 'v'))#set($d = $context.{target}.remove('{name}'))[$d]",
                f"#set($context.{target}.{name} = $input.path('$.missing'))[$context.{target}.containsKey('{name}')]",
                f"#set($context.{target}.{name} = $nope)[$context.{target}.{name}]",
                f"#set($d = $context.{target}.put('{name}', 1))[$d][$context.{target}.get('{name}').class.simpleName]",
            ])
            if piece.startswith(f"#set($context.{target} ="):  # (once: a second write fails the template)
                self.replaced.add(target)
        return piece + rnd.choice(["", f"[$context.{target}.{name}]", f"$context.{target}.keySet()"])

    def idiom_piece(self) -> str:
        """A template people write: the console passthrough, the quote idiom, form parsing, ..."""
        rnd = self.rnd
        source = self.string_source()
        return rnd.choice([
            _passthrough(),
            f'{{"name": "$util.escapeJavaScript({source}).replaceAll("\\\\\'", "\'")"}}',
            "#set($body = $util.parseJson($input.body))[$body.o.a][$body.b0][$body.l.size()]",
            "Action=SendMessage&MessageBody=$util.urlEncode($input.body)",
            f"[$util.base64Decode($util.base64Encode({source}))]",
            "[$util.base64Encode($input.json('$'))]",
            "#foreach($kv in $input.path('$').split('&'))#set($p = $kv.split('='))"
            "[$util.urlDecode($p[0])=#if($p.size() > 1)$util.urlDecode($p[1])#end]#end",
            "#foreach($k in $input.params().header.keySet())"
            '"$k": "$util.escapeJavaScript($input.params().header.get($k))"#if($foreach.hasNext),#end#end',
            f'#set($q = "{source.replace(chr(34), chr(39))}")[$q]',
        ])

    def carried_piece(self) -> str:
        """In a response template: what the request template's overrides left."""
        rnd = self.rnd
        target = rnd.choice(["requestOverride.header", "requestOverride.querystring", "requestOverride.path",
                             "responseOverride.header"])
        return rnd.choice([
            f"$context.{target}.keySet()",
            f"#foreach($k in $context.{target}.keySet())$k=$context.{target}.get($k);#end",
            "[$context.responseOverride.status]",
            f"[$context.{target}.size()]",
        ])

    def status_piece(self) -> str:
        status = self.rnd.choice(["200", "201", "404", "418", "500", "302"])
        return f"#set($context.responseOverride.status = {status})[$context.responseOverride.status]"

    def stage_piece(self) -> str:
        rnd = self.rnd
        names = [*(self.event["stageVariables"] or {}), "nope"]
        return rnd.choice([
            "$stageVariables", "$stageVariables.keySet()", "$stageVariables.size()",
            f"[$stageVariables.{rnd.choice(names)}]", f"[$stageVariables['{rnd.choice(names)}']]",
        ])


@functools.lru_cache(maxsize=1)
def _passthrough() -> str:
    """The console's method-request passthrough template (examples/passthrough.vm)."""
    return (Path(__file__).resolve().parent.parent / "examples" / "passthrough.vm").read_text(encoding="utf-8")


def generate(rnd: random.Random) -> Example:
    """A random event and a template of one to four pieces over it."""
    event = built_event(rnd) if rnd.random() < 0.2 else random_event(rnd)
    gen = _Gen(rnd, event)
    makers = [gen.util_piece] * 5 + [gen.params_piece] * 2 + [gen.context_piece] * 2 + [
        gen.override_piece, gen.stage_piece, gen.idiom_piece]
    pieces = [rnd.choice(makers)() for _ in range(rnd.randint(1, 4))]
    if rnd.random() < 0.1:
        pieces.append(gen.status_piece())
    response_body = then = None
    if rnd.random() < 0.3:  # a response template: $input reads this body, params the request
        response_body = rnd.choice([json.dumps({"b0": _value(rnd), "o": {"a": _value(rnd)}}), random_string(rnd), ""])
        if rnd.random() < 0.5:  # ... rendered after the request template, overrides carried on
            pieces.append(gen.override_piece())
            then = [rnd.choice([gen.carried_piece] * 3 + makers)() for _ in range(rnd.randint(1, 3))]
            if rnd.random() < 0.2:  # (once: a second write of an override fails the template)
                then.append(gen.status_piece())
    return Example(event, pieces, response_body, then)


# -- comparison ------------------------------------------------------------------------------

#: Known differences: (test on an example, why it is not compared). Each is either a gap of
#: apigw-vtl outside this fuzzer's files or a point where the oracle's emulation of API
#: Gateway (conformance/oracle/ApiGateway.java), not the Java libraries, decides.
KNOWN: list[tuple[Callable[[Example], bool], str]] = [
    (
        lambda e: e.then is not None and "['a', 'b']" in e.template,
        "conformance/oracle/ApiGateway.java: an override value carried into the response template "
        "goes through JSON and comes back a json-smart array (prints [\"a\",\"b\"]); apigw-vtl "
        "carries the template's own list (prints [a, b])",
    ),
    (
        lambda e: ("$context.keySet()" in e.text and "authorizer" in e.event["requestContext"])
        or (("$context.keySet()" in e.text or "$context.identity.keySet()" in e.text) and _extra_context_keys(e.event)),
        "conformance/oracle/ApiGateway.java: $context and $context.identity are LinkedHashMaps that "
        "append optional keys (authorizer, apiKey, vpceId, wafResponseCode, ...) last; apigw-vtl keeps "
        "Java HashMap order, which the recorded keySet() shows for the standard keys",
    ),
    (
        lambda e: None in e.event["requestContext"].get("authorizer", {}).values() and "authorizer" in e.text,
        "conformance/oracle/ApiGateway.java: an authorizer value that is null is dropped; "
        "apigw-vtl keeps the key with an empty string (no recording says which AWS does)",
    ),
    (
        lambda e: "clientCert" in e.event["requestContext"]["identity"] and "clientCert" in e.text,
        "conformance/oracle/ApiGateway.java: $context.identity.clientCert is a plain map that "
        "prints {k=v}; apigw-vtl makes it a context map that prints as '' like identity itself",
    ),
    (
        lambda e: "operationName" in e.event["requestContext"] and "operationName" in e.text,
        "conformance/oracle/ApiGateway.java: every requestContext key of the event becomes a "
        "$context key; apigw-vtl keeps only API Gateway's documented variables",
    ),
]

_STANDARD_CONTEXT = frozenset((*_CONTEXT_STRINGS, "resourcePath", "httpMethod", "path", "requestTimeEpoch",
                               "identity", "authorizer"))


def _extra_context_keys(event: dict[str, Any]) -> bool:
    """Whether the event's requestContext or identity has keys beyond the standard ones."""
    rc = event["requestContext"]
    return bool(set(rc) - _STANDARD_CONTEXT or set(rc["identity"]) - set(_IDENTITY_KEYS))


def known_gap(example: Example) -> str | None:
    """Why ``example`` is not compared, or None."""
    return next((why for test, why in KNOWN if test(example)), None)


def _request(example: Example) -> dict[str, Any]:
    request = {"template": example.template, "profile": PROFILE, "event": example.event}
    if example.response_body is not None and example.then is None:
        request["response_body"] = example.response_body
    return request


def _second_request(example: Example, first: dict[str, Any]) -> dict[str, Any]:
    return {"template": example.then_template, "profile": PROFILE, "event": example.event,
            "response_body": example.response_body or "", "context_overrides": first.get("overrides") or {}}


def _compare_second(example: Example, answer: dict[str, Any]) -> Outcome:
    """The response template of a two-stage example against the oracle's ``answer``."""
    import vtl

    if answer.get("error") in UNRECORDABLE:
        return Outcome("skip", answer["error"])
    expected = expectation(answer)
    try:
        first = vtl.render(example.template, example.event)
        result = vtl.render(example.then_template, example.event, response_body=example.response_body or "",
                            previous=first)
    except vtl.VtlError as err:
        outcome = _check_error(expected, err)
        return Outcome(outcome.status, "response template: " + outcome.detail if outcome.detail else "")
    if "error" in expected:
        return Outcome("fail", f"response template: expected {expected['error']}\n  but rendered {result.body!r}")
    if result.body != expected["result"]:
        return Outcome("fail", f"response template: expected {expected['result']!r}\n     got {result.body!r}")
    got = _norm(_overrides(result))
    if got != _norm(expected.get("overrides", {})):
        return Outcome("fail", f"overrides after the response template: expected {expected.get('overrides')!r}"
                               f"\n  got {got!r}")
    return Outcome("pass")


def compare(example: Example, answer: dict[str, Any]) -> Outcome:
    """apigw-vtl's rendering of ``example`` against the oracle's ``answer``."""
    if answer.get("error") in UNRECORDABLE:
        return Outcome("skip", answer["error"])
    case = {"id": "fuzz", "template": example.template, "event": example.event, PROFILE: expectation(answer)}
    if example.response_body is not None and example.then is None:
        case["response_body"] = example.response_body
    return check(case, PROFILE)


def disagreements(oracle: Any, examples: list[Example]) -> list[tuple[dict[str, Any], Outcome]]:
    """Each example's oracle answer and outcome (``fail`` when both disagree)."""
    answers = oracle.render_many([_request(e) for e in examples])
    out = [(answer, compare(e, answer)) for e, answer in zip(examples, answers)]
    # Two-stage examples whose request template agreed and rendered: their response templates.
    second = [k for k, (e, (answer, outcome)) in enumerate(zip(examples, out))
              if e.then is not None and outcome.status == "pass" and "output" in answer]
    if second:
        replies = oracle.render_many([_second_request(examples[k], out[k][0]) for k in second])
        for k, answer in zip(second, replies):
            out[k] = (answer, _compare_second(examples[k], answer))
    return out


# -- shrinking -------------------------------------------------------------------------------


def _event_variants(event: dict[str, Any]) -> list[dict[str, Any]]:
    """Smaller events: one optional entry dropped, or one string value halved."""
    out: list[dict[str, Any]] = []
    for group in ("headers", "queryStringParameters", "pathParameters", "stageVariables"):
        values = event.get(group) or {}
        for key, value in values.items():
            smaller = {k: v for k, v in values.items() if k != key}
            out.append(_with(event, group, smaller))
            for part in (value[: len(value) // 2], value[len(value) // 2 :], value[1:], value[:-1]):
                if part != value:
                    out.append(_with(event, group, {**values, key: part}))
    return out


def _with(event: dict[str, Any], group: str, values: dict[str, str]) -> dict[str, Any]:
    new = dict(event, **{group: values or None})
    if group == "headers":
        new["multiValueHeaders"] = {k: [v] for k, v in values.items()}
    elif group == "queryStringParameters":
        new["multiValueQueryStringParameters"] = {k: [v] for k, v in values.items()} or None
    return new


def shrink(oracle: Any, example: Example, answer: dict[str, Any], budget: float = 20.0) -> Example:
    """Drop pieces and event entries while the example disagrees with the same oracle kind."""
    deadline = time.monotonic() + budget
    kind = _kind(answer)

    def first(cands: list[Example]) -> Example | None:
        for cand, (ans, outcome) in zip(cands, disagreements(oracle, cands)):
            if outcome.status == "fail" and _kind(ans) == kind:
                return cand
        return None

    progress = True
    while progress and time.monotonic() < deadline:
        progress = False
        if len(example.pieces) > 1:
            hit = first([Example(example.event, example.pieces[:i] + example.pieces[i + 1 :], example.response_body,
                                  example.then)
                          for i in range(len(example.pieces))])
            if hit is not None:
                example, progress = hit, True
                continue
        if example.then is not None and len(example.then) > 1:
            hit = first([Example(example.event, example.pieces, example.response_body,
                                 example.then[:i] + example.then[i + 1 :]) for i in range(len(example.then))])
            if hit is not None:
                example, progress = hit, True
                continue
        hit = first([Example(ev, example.pieces, example.response_body, example.then)
                     for ev in _event_variants(example.event)])
        if hit is not None:
            example, progress = hit, True
    return example


# -- driver ----------------------------------------------------------------------------------


def run(examples: int, seed: int, show: int, batch: int = 400, do_shrink: bool = True) -> int:
    """Run the check; prints a summary and returns the number of disagreements."""
    from .oracle import Oracle

    rnd = random.Random(seed)
    kinds: Counter = Counter()
    known: Counter = Counter()
    bad: list[tuple[Example, dict[str, Any], Outcome]] = []
    counted = skipped = 0
    started = time.monotonic()
    with Oracle() as oracle:
        done = 0
        while done < examples:
            items = [generate(rnd) for _ in range(min(batch, examples - done))]
            gaps = [known_gap(e) for e in items]
            known.update(g for g in gaps if g is not None)
            items = [e for e, g in zip(items, gaps) if g is None]
            for example, (answer, outcome) in zip(items, disagreements(oracle, items)):
                if outcome.status == "skip":
                    skipped += 1
                    continue
                counted += 1
                if outcome.status == "fail":
                    kinds[kind_of(answer, outcome.detail)] += 1
                    bad.append((example, answer, outcome))
            done += min(batch, examples - done)
        print_summary("util", counted - len(bad), counted, skipped, time.monotonic() - started, seed, kinds)
        for why, count in known.most_common():
            print(f"    {count:6}  not compared, known: {why.split(':')[0]} ({why.split(': ', 1)[1][:70]}...)")
        for k, (example, answer, outcome) in enumerate(bad[:show]):
            if do_shrink:
                example = shrink(oracle, example, answer)
                answer, outcome = disagreements(oracle, [example])[0]
            print(f"\n  #{k + 1} template: {example.template!r}")
            if example.then is not None:
                print(f"     then: {example.then_template!r} over {example.response_body!r}")
            print(f"     event: {json.dumps(_compact_event(example.event), ensure_ascii=False)}")
            print(f"     oracle: {json.dumps(answer, ensure_ascii=False)[:300]}")
            print("     " + (outcome.detail or "agrees after shrinking").replace("\n", "\n     "))
    return len(bad)


def _compact_event(event: dict[str, Any]) -> dict[str, Any]:
    """The parts of an event worth printing (the generated requestContext is left out)."""
    keep = ("headers", "queryStringParameters", "pathParameters", "stageVariables", "body")
    out = {k: event[k] for k in keep if event.get(k)}
    rc = event["requestContext"]
    out["requestContext"] = {k: rc[k] for k in ("requestId", "stage", "authorizer") if k in rc}
    out["requestContext"]["identity"] = {k: v for k, v in rc["identity"].items() if v is not None}
    return out


def main(argv: list[str] | None = None) -> int:
    return command_line("conformance.fuzz_util", __doc__ or "", run, argv, batch=400)


if __name__ == "__main__":
    sys.exit(main())
