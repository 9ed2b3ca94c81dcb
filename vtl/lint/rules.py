"""The rule table: every diagnostic code with its summary and explanation.

Codes are stable. ``VTL0xx`` concern the template as a whole, ``VTL1xx`` directives API
Gateway does not run, ``VTL2xx`` the ``$input``/``$util``/``$context`` members, ``VTL3xx`` the
JSON a template prints, ``VTL4xx`` evaluation semantics, ``VTL9xx`` files that cannot be read.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Rule:
    """One diagnostic code."""

    code: str
    name: str
    summary: str
    explanation: str
    severity: str = WARNING


_RULES = [
    Rule("VTL001", "syntax-error", "the template does not parse", """
API Gateway parses a template when it is used: a syntax error makes every request that
selects it fail with a 500 (`Internal server error`), and the deployment does not warn you.
The message is the parser's own and the position is where parsing stopped (for a block that
is never closed: its opening directive). Typical causes: an
unclosed `#if`/`#foreach` (missing `#end`), a `$` followed by nothing, a `"\\"...\\""` string
literal (Velocity 1.7 has no backslash escapes in strings: double the quote instead).""", ERROR),
    Rule("VTL002", "template-too-large", "the template is larger than API Gateway's 300 KB quota", """
A mapping template may be at most 300 KB (307,200 bytes of UTF-8). A larger one is rejected
when the API is created or updated. Move data out of the template (a stage variable, the
backend) or split the work between the request and the response template.""", ERROR),
    Rule("VTL003", "template-on-proxy-integration", "the template is never applied: the integration is a proxy", """
Proxy integrations (AWS_PROXY, HTTP_PROXY, Serverless Framework's default `lambda-proxy`)
pass the request and the response through untouched; their request and response templates
are ignored. Switch the integration to AWS/HTTP (`integration: lambda` in serverless.yml) or
delete the template."""),
    Rule("VTL004", "template-is-yaml-comment", "the template is a YAML comment: its value is empty", """
In YAML, a `#` after `key: ` starts a comment, so `application/json: #set($b = ...) {...}`
gives the content type no template at all (null): the whole line is dropped before API
Gateway, CloudFormation or the Serverless Framework sees it. Quote the value or write the
template as a block scalar (`application/json: |` and the template on the next lines).""", ERROR),
    Rule("VTL101", "macro-disabled", "#macro is disabled on API Gateway", """
API Gateway turns off inline macros: a `#macro(...)...#end` definition is dropped without a
word, and a call `#name(...)` is printed literally, arguments and all. Inline the macro's
body, or compute the value once with `#set` and reuse the variable."""),
    Rule("VTL102", "evaluate-disabled", "#evaluate is disabled on API Gateway: it prints literally", """
API Gateway removes the `#evaluate` directive: `#evaluate("...")` appears verbatim in the
output and its argument is not interpolated. There is no replacement for evaluating text as
a template; build the output with ordinary references and directives."""),
    Rule("VTL103", "no-resource-loader", "#include/#parse cannot load anything on API Gateway", """
A mapping template cannot read other files: API Gateway has no template store, so
`#include` and `#parse` fail and the request gets a 500. Paste the content into the
template instead.""", ERROR),
    Rule("VTL104", "vtl-in-gateway-response", "gateway response templates are not VTL: this is printed as is", """
Gateway responses (`x-amazon-apigateway-gateway-responses`, `AWS::ApiGateway::GatewayResponse`)
are not run through Velocity. API Gateway only substitutes `$context.*`, `$stageVariables.*`
and method request parameters; directives (`#if`, `#set` ...) and `$input`/`$util` reach the
client unchanged."""),
    Rule("VTL105", "set-without-parentheses", "#set without parentheses is printed as text", """
`#set` is a directive only when `(` follows it: `#set $x = 1` is text, printed as it stands
(with `$x` replaced by its value), and nothing is assigned. Write `#set($x = 1)`."""),
    Rule("VTL106", "else-if", "#else if(...) is an #else followed by text: write #elseif(...)", """
Velocity spells the chained condition `#elseif`. In `#else if($b)...#end` the `#else` branch
starts with the text ` if(`, prints it together with the value of `$b` and `)`, and the
condition is never tested."""),
    Rule("VTL107", "block-without-parentheses", "#foreach, #define or #literal without parentheses fails the render", """
Velocity parses `#foreach`, `#define` and `#literal` without `(` as a directive with nothing
inside it, and throws (a NullPointerException) whenever a render reaches it: the request
gets a 500. A `#foreach` mentioned in text is enough; escape it as `\\#foreach` or write the
loop as `#foreach($item in $list)`.""", ERROR),
    Rule("VTL201", "unknown-member", "unknown $input/$util member", """
`$input` offers `body`, `json(path)`, `path(path)` and `params([name])`; `$util` offers
`escapeJavaScript`, `parseJson`, `urlEncode`, `urlDecode`, `base64Encode` and `base64Decode`.
Anything else resolves to nothing: a property prints empty, an unknown method prints its own
source text. Helpers such as `$util.toJson` or `$util.qr` belong to AppSync resolvers and do
not exist in API Gateway. A method used without parentheses (`$util.escapeJavaScript`) is a
property lookup and prints empty."""),
    Rule("VTL202", "wrong-argument-count", "wrong number of arguments", """
A `$input`/`$util` method called with the wrong number of arguments is a method Java cannot
find: API Gateway prints the call's source text instead of its result. `json`, `path` and
every `$util` function take exactly one argument; `params` takes none or one. Called with
two or more, `params` fails the render instead: Velocity falls back to `params()`, whose call
with arguments throws.""", ERROR),
    Rule("VTL203", "unknown-context-variable", "unknown $context variable", """
`$context` holds the documented variables (requestId, identity.sourceIp, authorizer.*,
requestOverride.*, ...). A misspelt name is not an error on API Gateway: it silently renders
as an empty string. The message suggests the closest known name. `$context.error.*` exists
only in gateway responses and access logs, not in mapping templates."""),
    Rule("VTL301", "json-in-json-string", "$input.json(...) inside a JSON string encodes the value twice", """
`$input.json(path)` already prints JSON text: a string comes back with its quotes
(`"abc"`), an object as `{...}`. Written inside quotes (`"name": "$input.json('$.name')"`)
the result is `""abc""` or `"{"a":1}"`, which is not valid JSON. Drop the surrounding quotes,
or use `$input.path(...)` for the bare value."""),
    Rule("VTL302", "java-map-in-json", "prints a Java map ({key=value}), not JSON", """
`$input.path('$')`, `$util.parseJson(...)`, `$input.params()` and `$context` maps such as
`$context.identity` or `$context.authorizer` are Java maps. Printing one gives Java's
`{key=value, other=1}` text, not JSON — and API Gateway prints its nested `$context` maps
(`identity`, `requestOverride`, ...) as nothing at all. Use `$input.json(...)` for body parts,
or print the fields one by one."""),
    Rule("VTL303", "unescaped-request-value", "request value inserted into a JSON string without $util.escapeJavaScript", """
A parameter, header, path parameter, user agent or raw body goes into the output exactly as
the client sent it. A `"` or `\\` in it ends the JSON string early: the backend receives
invalid JSON, or JSON with fields the client chose. Wrap the value:
`"$util.escapeJavaScript($input.params('name')).replaceAll("\\\\'","'")"`."""),
    Rule("VTL304", "escaped-single-quote", "$util.escapeJavaScript(...) escapes ' as \\' which is invalid JSON", """
`$util.escapeJavaScript` is Java's JavaScript escaper: it turns `'` into `\\'`, an escape
JSON does not have, so a value holding an apostrophe (`O'Brien`) makes the JSON invalid.
When the value can contain a single quote, undo that one escape with the documented idiom:
`$util.escapeJavaScript($value).replaceAll("\\\\'","'")`."""),
    Rule("VTL305", "invalid-json-output", "renders invalid JSON for a sample request", """
The template's output looks like JSON (it starts with `{` or `[`, or its content type is
JSON), so the linter renders it for a sample request built from the paths and parameters the
template reads, and parses the result. The position is the template text that produced the
offending character: commonly a comma left after the last item of a `#foreach` (use
`#if($foreach.hasNext),#end`), a missing comma, or an unquoted string value.""", ERROR),
    Rule("VTL401", "set-null-in-loop", "#set from a value that can be null, inside #foreach", """
In stock Velocity 1.7, `#set($x = $item.maybe)` with a null right-hand side leaves `$x`
unchanged, so inside a loop the previous item's value silently carries over. API Gateway
turns nulls into empty strings, so there `$x` becomes empty. The same template then renders
differently on AWS and in other Velocity tools, and logic written for one breaks on the
other. Reset the variable first (`#set($x = "")`) or test the value with `#if` before use."""),
    Rule("VTL402", "override-set-twice", "the same override parameter is set twice", """
Overrides are final: setting the same `$context.requestOverride.*` or
`$context.responseOverride.*` parameter a second time in one template makes API Gateway
answer with a 5XX error instead of keeping the last value. Set each parameter once (compute
the value in a variable first); assignments in different branches of one `#if` are fine. An
assignment inside `#foreach` with a fixed name repeats on every iteration.""", ERROR),
    Rule("VTL403", "bare-word-argument", "a bare word argument is always null", """
A method argument written without `$` or quotes (`$input.params(name)`, `$map.get(key)`) is
not a string: Velocity reads it as a reference with no value, so the call gets null
(`$input.params(name)` is always empty). Quote it for the literal name (`'name'`) or add `$`
for a variable (`$name`)."""),
    Rule("VTL901", "unreadable-file", "the file cannot be read", """
The path does not exist, is not a regular file, or is not UTF-8 text.""", ERROR),
    Rule("VTL902", "unparsable-document", "the file is not valid JSON/YAML", """
The file looks like it may hold mapping templates but does not parse as JSON or YAML, so
its templates could not be checked. The position is where the parser gave up.""", ERROR),
]

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}


def select_codes(select: list[str] | None, ignore: list[str] | None) -> frozenset[str]:
    """The codes enabled by ``select``/``ignore`` lists of codes or prefixes (``VTL3``).

    As in flake8, the longer (more specific) matching prefix wins: ``--select VTL3
    --ignore VTL305`` keeps every VTL3xx code but VTL305.
    """
    chosen = set()
    for code in RULES:
        sel = max((len(p) for p in select or ["VTL"] if code.startswith(p.upper())), default=-1)
        ign = max((len(p) for p in ignore or [] if code.startswith(p.upper())), default=-1)
        if sel >= 0 and sel > ign:
            chosen.add(code)
    return frozenset(chosen)


def unknown_codes(prefixes: list[str]) -> list[str]:
    """The entries of ``prefixes`` that match no rule code."""
    return [p for p in prefixes if not any(code.startswith(p.upper()) for code in RULES)]
