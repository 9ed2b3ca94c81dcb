"""Plain Python functions that print exactly what the benchmark templates print.

They are the baselines: what a developer would write by hand instead of a template. Each
one does the whole job from the same input (the event or the body text), JSON parsing
included, and the runner checks that its output equals the engine's before timing.
"""

from __future__ import annotations

import json
import re
from typing import Any

_HIDDEN_HEADERS = frozenset((
    "connection", "content-length", "content-md5", "expect", "max-forwards",
    "proxy-authenticate", "server", "te", "transfer-encoding", "trailer", "upgrade",
    "www-authenticate",
))

# -- commons-lang 2.6 StringEscapeUtils.escapeJavaScript --------------------------------------

_SHORT = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r",
          '"': '\\"', "'": "\\'", "\\": "\\\\", "/": "\\/"}
_NEEDS_ESCAPE = re.compile("[\x00-\x1f\"'\\\\/\u0080-\U0010ffff]")


def _escape_one(match: re.Match[str]) -> str:
    char = match.group()
    short = _SHORT.get(char)
    if short is not None:
        return short
    code = ord(char)
    if code > 0xFFFF:  # Java strings are UTF-16: one escape per surrogate
        code -= 0x10000
        return f"\\u{0xD800 | code >> 10:04X}\\u{0xDC00 | code & 0x3FF:04X}"
    return f"\\u{code:04X}"


def escape_js(text: str) -> str:
    """``$util.escapeJavaScript``: quotes, backslash, slash, controls and non-ASCII."""
    return _NEEDS_ESCAPE.sub(_escape_one, text)


def compact_json(body: str) -> str:
    """``$input.json('$')`` for a strict JSON body: compact, ``/`` as ``\\/``, the rest as
    ``json.dumps`` writes it (json-smart also escapes U+007F-U+009F and U+2000-U+20FF, which
    the benchmark bodies do not contain)."""
    return json.dumps(json.loads(body), ensure_ascii=False, separators=(",", ":")).replace(
        "/", "\\/")


def json_roundtrip(body: str) -> str:
    """The plain ``json.loads`` + ``json.dumps`` the 10 MB workload is measured against."""
    return json.dumps(json.loads(body), ensure_ascii=False, separators=(",", ":"))


# -- the AWS console's "Method Request passthrough" template ----------------------------------

_CONTEXT_FIELDS = (
    ("account-id", "identity", "accountId"), ("api-id", None, "apiId"),
    ("api-key", "identity", "apiKey"), ("authorizer-principal-id", "authorizer", "principalId"),
    ("caller", "identity", "caller"),
    ("cognito-authentication-provider", "identity", "cognitoAuthenticationProvider"),
    ("cognito-authentication-type", "identity", "cognitoAuthenticationType"),
    ("cognito-identity-id", "identity", "cognitoIdentityId"),
    ("cognito-identity-pool-id", "identity", "cognitoIdentityPoolId"),
    ("http-method", None, "httpMethod"), ("stage", None, "stage"),
    ("source-ip", "identity", "sourceIp"), ("user", "identity", "user"),
    ("user-agent", "identity", "userAgent"), ("user-arn", "identity", "userArn"),
    ("request-id", None, "requestId"), ("resource-id", None, "resourceId"),
    ("resource-path", None, "resourcePath"),
)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def passthrough(event: dict[str, Any]) -> str:
    """Render the passthrough template for a REST proxy event with a strict JSON body."""
    headers = {k: v for k, v in (event.get("headers") or {}).items()
               if k.lower() not in _HIDDEN_HEADERS}
    groups = (("path", event.get("pathParameters") or {}),
              ("querystring", event.get("queryStringParameters") or {}),
              ("header", headers))
    out = ['{\n"body-json" : ', compact_json(event.get("body") or "{}"), ',\n"params" : {\n']
    for number, (group, params) in enumerate(groups, 1):
        out.append(f'"{group}" : {{\n    ')
        last = len(params)
        for index, (name, value) in enumerate(params.items(), 1):
            out.append(f'    "{name}" : "{escape_js(value)}"\n        ')
            out.append(",    " if index < last else "    ")
        out.append("}\n    ," if number < len(groups) else "}\n    ")
    out.append('},\n"stage-variables" : {\n')
    stage = event.get("stageVariables") or {}
    last = len(stage)
    for index, (name, value) in enumerate(stage.items(), 1):
        out.append(f'"{name}" : "{escape_js(value)}"\n    ')
        if index < last:
            out.append(",")
    out.append('},\n"context" : {\n')
    context = event.get("requestContext") or {}
    for number, (label, group, key) in enumerate(_CONTEXT_FIELDS, 1):
        holder = context if group is None else context.get(group) or {}
        comma = "," if number < len(_CONTEXT_FIELDS) else ""
        out.append(f'    "{label}" : "{_text(holder.get(key))}"{comma}\n')
    out.append("    }\n}\n")
    return "".join(out)


# -- PetStore (developer guide, integration response) ----------------------------------------

def petstore(body: str) -> str:
    """The guide's PetStore transform: one ``description``/``askingPrice`` object per pet."""
    pets = json.loads(body)
    items = [
        f'  {{\n    "description" : "Item {pet["id"]} is a {pet["type"]}.",\n'
        f'    "askingPrice" : {pet["price"]!r}\n  }}'
        for pet in pets
    ]
    return "[\n" + ",\n".join(items) + ("\n]" if items else "]")


# -- escapeJavaScript + replaceAll over many strings ------------------------------------------

_ESCAPED_APOSTROPHE = "\\'"


def escape_messages(body: str) -> str:
    """Escape every message for a JSON string, turning ``\\'`` back into ``'``."""
    texts = json.loads(body)["messages"]
    lines = ['    "' + escape_js(text).replace(_ESCAPED_APOSTROPHE, "'") + '"' for text in texts]
    return (f'{{\n  "count": {len(texts)},\n  "messages": [\n'
            + ",\n".join(lines) + ("\n" if lines else "") + "  ]\n}\n")
