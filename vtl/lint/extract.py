"""Find mapping templates in files: template files, OpenAPI, CloudFormation/SAM/CDK, Serverless.

Every template comes out as an :class:`EmbeddedTemplate` holding its text, the file offset of
each character, whether it is a request, response or gateway-response template, and its
content type. Documents are read with positions (:mod:`.jsonpos`, :mod:`.yamlpos`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .sourcemap import Str, start_of

FILE, REQUEST, RESPONSE, GATEWAY = "file", "request", "response", "gateway"
TEMPLATE_SUFFIXES = (".vm", ".vtl")
DOCUMENT_SUFFIXES = (".json", ".yaml", ".yml", ".template")
#: A document can only hold templates if its text contains one of these.
_MARKERS = re.compile(
    r"[Rr]equestTemplates|[Rr]esponseTemplates|x-amazon-apigateway-|^\s*\"?template\"?\s*:", re.M
)
#: ``${Name}`` placeholders of Fn::Sub (``${!Literal}`` is a literal ``${Literal}``).
_SUB = re.compile(r"\$\{(!?)([^}]*)\}")
#: The start of a Serverless Framework variable: ``${self:...}``, ``${opt:...}``, ``${file(...)}``.
_SLS_VAR = re.compile(r"\$\{[A-Za-z][\w-]*[:(]")
#: What a masked placeholder becomes: inert in VTL, valid in and outside JSON strings.
MASK = "0"


@dataclass(frozen=True)
class EmbeddedTemplate:
    """A template and where it lives.

    ``offsets[i]`` is the file offset of ``text[i]``; ``offsets[len(text)]`` is one past its
    end. ``kind`` is ``file``, ``request``, ``response`` or ``gateway``. ``proxy`` is set when
    the template belongs to a proxy integration, which never applies templates.
    ``yaml_comment`` is set when YAML read the template as a comment (``key: #set(...)``):
    ``text`` is then that comment, and the content type has no template.
    """

    text: str
    offsets: Sequence[int]
    kind: str
    content_type: str | None = None
    where: str = ""
    proxy: bool = False
    yaml_comment: bool = False


def template_file(text: str) -> EmbeddedTemplate:
    """The whole of a ``.vm``/``.vtl`` file as one template."""
    return EmbeddedTemplate(text, range(len(text) + 1), FILE)


def may_hold_templates(text: str) -> bool:
    """Cheap test: can this JSON/YAML document contain a mapping template at all?"""
    return _MARKERS.search(text) is not None


def find_templates(document: object) -> Iterator[EmbeddedTemplate]:
    """Yield every mapping template of one parsed (located) document."""
    serverless = isinstance(document, dict) and "functions" in document and (
        "provider" in document or "service" in document
    )
    for tpl in _find(document):
        yield _mask_serverless(tpl) if serverless else tpl


def _find(document: object) -> Iterator[EmbeddedTemplate]:
    yield from _openapi(document, ())
    if not isinstance(document, dict):
        return
    resources = document.get("Resources")
    if isinstance(resources, dict):
        yield from _cloudformation(resources, ("Resources",))
    extra = document.get("resources")
    if isinstance(extra, dict) and isinstance(extra.get("Resources"), dict):
        yield from _cloudformation(extra["Resources"], ("resources", "Resources"))
    functions = document.get("functions")
    if isinstance(functions, dict):
        yield from _serverless(functions)


# -- OpenAPI (also inside CloudFormation's Body / DefinitionBody) ---------------------------


def _openapi(node: object, path: tuple[str, ...]) -> Iterator[EmbeddedTemplate]:
    if isinstance(node, dict):
        for key, value in node.items():
            here = (*path, key)
            if key == "x-amazon-apigateway-integration" and isinstance(value, dict):
                proxy = str(value.get("type", "")).lower().endswith("_proxy")
                yield from _by_type(value.get("requestTemplates"), REQUEST, (*here, "requestTemplates"), proxy)
                responses = value.get("responses")
                if isinstance(responses, dict):
                    for status, response in responses.items():
                        if isinstance(response, dict):
                            where = (*here, "responses", status, "responseTemplates")
                            yield from _by_type(response.get("responseTemplates"), RESPONSE, where, proxy)
            elif key == "x-amazon-apigateway-gateway-responses" and isinstance(value, dict):
                for name, response in value.items():
                    if isinstance(response, dict):
                        where = (*here, name, "responseTemplates")
                        yield from _by_type(response.get("responseTemplates"), GATEWAY, where)
            else:
                yield from _openapi(value, here)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _openapi(item, (*path, str(index)))


# -- CloudFormation / SAM / CDK -------------------------------------------------------------


def _cloudformation(resources: dict, path: tuple[str, ...]) -> Iterator[EmbeddedTemplate]:
    for name, resource in resources.items():
        if not isinstance(resource, dict) or not isinstance(resource.get("Properties"), dict):
            continue
        kind = resource.get("Type")
        props = resource["Properties"]
        here = (*path, name, "Properties")
        if kind == "AWS::ApiGateway::Method" and isinstance(props.get("Integration"), dict):
            integration = props["Integration"]
            proxy = str(integration.get("Type", "")).upper().endswith("_PROXY")
            where = (*here, "Integration")
            yield from _by_type(integration.get("RequestTemplates"), REQUEST, (*where, "RequestTemplates"), proxy)
            responses = integration.get("IntegrationResponses")
            if isinstance(responses, list):
                for index, response in enumerate(responses):
                    if isinstance(response, dict):
                        at = (*where, "IntegrationResponses", str(index), "ResponseTemplates")
                        yield from _by_type(response.get("ResponseTemplates"), RESPONSE, at, proxy)
        elif kind == "AWS::ApiGateway::GatewayResponse":
            yield from _by_type(props.get("ResponseTemplates"), GATEWAY, (*here, "ResponseTemplates"))


# -- Serverless Framework -------------------------------------------------------------------

_SLS_TEMPLATE_INTEGRATIONS = {"lambda", "aws", "http", "mock"}


def _serverless(functions: dict) -> Iterator[EmbeddedTemplate]:
    for fname, function in functions.items():
        events = function.get("events") if isinstance(function, dict) else None
        if not isinstance(events, list):
            continue
        for index, event in enumerate(events):
            http = event.get("http") if isinstance(event, dict) else None
            if not isinstance(http, dict):
                continue
            here = ("functions", fname, "events", str(index), "http")
            # templates apply only to the non-proxy integrations; the default is lambda-proxy
            proxy = str(http.get("integration", "lambda-proxy")).lower() not in _SLS_TEMPLATE_INTEGRATIONS
            request = http.get("request")
            if isinstance(request, dict):
                where = (*here, "request", "template")
                yield from _sls_templates(request.get("template"), REQUEST, where, proxy)
                yield from _commented(request, "template", REQUEST, where, proxy)
            response = http.get("response")
            if isinstance(response, dict):
                where = (*here, "response", "template")
                yield from _sls_templates(response.get("template"), RESPONSE, where, proxy)
                yield from _commented(response, "template", RESPONSE, where, proxy)
                codes = response.get("statusCodes")
                if isinstance(codes, dict):
                    for code, spec in codes.items():
                        if isinstance(spec, dict):
                            where = (*here, "response", "statusCodes", str(code), "template")
                            yield from _sls_templates(spec.get("template"), RESPONSE, where, proxy)
                            yield from _commented(spec, "template", RESPONSE, where, proxy)


def _sls_templates(value: object, kind: str, where: tuple[str, ...], proxy: bool) -> Iterator[EmbeddedTemplate]:
    if isinstance(value, dict) and not _is_intrinsic(value):
        yield from _by_type(value, kind, where, proxy)
    elif value is not None:
        # a single template applies to application/json
        tpl = _template(value, kind, "application/json", where, proxy)
        if tpl is not None:
            yield tpl


# -- values → templates ---------------------------------------------------------------------


def _by_type(templates: object, kind: str, where: tuple[str, ...], proxy: bool = False) -> Iterator[EmbeddedTemplate]:
    """Templates keyed by content type (``requestTemplates`` and friends)."""
    if not isinstance(templates, dict) or _is_intrinsic(templates):
        return
    for content_type, value in templates.items():
        tpl = _template(value, kind, str(content_type), (*where, str(content_type)), proxy)
        if tpl is not None:
            yield tpl
        else:
            yield from _commented(templates, content_type, kind, (*where, str(content_type)), proxy)


def _commented(mapping: object, key: str, kind: str, where: tuple[str, ...], proxy: bool) -> Iterator[EmbeddedTemplate]:
    """The template YAML read as a comment under ``mapping[key]`` (``key: #set(...)``), if any."""
    comment = getattr(mapping, "comments", {}).get(key) if isinstance(mapping, dict) else None
    if comment is not None and mapping.get(key) is None:
        yield EmbeddedTemplate(str(comment), comment.offsets(), kind, key, "/".join(where), proxy, yaml_comment=True)


def _template(value: object, kind: str, content_type: str | None, where: tuple[str, ...], proxy: bool) -> EmbeddedTemplate | None:
    found = literal_text(value)
    if found is None:
        return None
    text, offsets = found
    return EmbeddedTemplate(text, offsets, kind, content_type, "/".join(where), proxy)


def _is_intrinsic(value: dict) -> bool:
    """Is this mapping a CloudFormation function (``Ref``, ``Fn::If`` ...) rather than data?"""
    if len(value) == 1 and next(iter(value)) in ("Ref", "Condition"):
        return True
    return any(str(key).startswith("Fn::") for key in value)


def literal_text(value: object) -> tuple[str, list[int]] | None:
    """The text of a template value with its offsets: a string, ``Fn::Sub`` or ``Fn::Join``.

    ``Fn::Sub`` placeholders and non-literal ``Fn::Join`` parts become :data:`MASK` so that
    what CloudFormation will substitute cannot cause false alarms. Anything else (``Ref``,
    ``Fn::If`` ...) is not linted: returns None.
    """
    if isinstance(value, Str):
        return str(value), value.offsets()
    if isinstance(value, str):
        return value, [0] * (len(value) + 1)
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (key, arg), = value.items()
    if key == "Fn::Sub":
        body = arg[0] if isinstance(arg, list) and arg else arg
        found = literal_text(body) if isinstance(body, str) else None
        return _mask_sub(*found) if found else None
    if key == "Fn::Join" and isinstance(arg, list) and len(arg) == 2 and isinstance(arg[1], list):
        delimiter = literal_text(arg[0]) if isinstance(arg[0], str) else ("", [start_of(value)])
        if delimiter is None:
            return None
        text: list[str] = []
        offsets: list[int] = []
        for index, part in enumerate(arg[1]):
            if index:
                text.append(delimiter[0])
                offsets.extend(delimiter[1][:-1])
            found = literal_text(part)
            if found is None:
                text.append(MASK)
                offsets.append(start_of(part, start_of(arg[1])))
            else:
                text.append(found[0])
                offsets.extend(found[1][:-1])
        offsets.append(offsets[-1] + 1 if offsets else start_of(value))
        return "".join(text), offsets
    return None


def _mask_sub(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    out: list[str] = []
    out_offsets: list[int] = []
    last = 0
    for m in _SUB.finditer(text):
        out.append(text[last : m.start()])
        out_offsets.extend(offsets[last : m.start()])
        if m.group(1):  # ${!x} is the literal ${x}
            kept = [i for i in range(m.start(), m.end()) if i != m.start(1)]
            out.append("".join(text[i] for i in kept))
            out_offsets.extend(offsets[i] for i in kept)
        else:
            out.append(MASK)
            out_offsets.append(offsets[m.start()])
        last = m.end()
    out.append(text[last:])
    out_offsets.extend(offsets[last:])
    return "".join(out), out_offsets


def _mask_serverless(tpl: EmbeddedTemplate) -> EmbeddedTemplate:
    """Replace Serverless Framework variables (``${self:custom.x}``, nesting allowed)."""
    text = tpl.text
    if "${" not in text:
        return tpl
    out: list[str] = []
    offsets: list[int] = []
    i = 0
    while i < len(text):
        m = _SLS_VAR.match(text, i) if text.startswith("${", i) else None
        if m is None:
            out.append(text[i])
            offsets.append(tpl.offsets[i])
            i += 1
            continue
        depth, j = 0, i
        while j < len(text):
            if text.startswith("${", j):
                depth += 1
                j += 2
                continue
            if text[j] == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        out.append(MASK)
        offsets.append(tpl.offsets[i])
        i = j + 1
    offsets.append(tpl.offsets[len(text)])
    return EmbeddedTemplate("".join(out), offsets, tpl.kind, tpl.content_type, tpl.where, tpl.proxy)


__all__ = [
    "DOCUMENT_SUFFIXES", "FILE", "GATEWAY", "REQUEST", "RESPONSE", "TEMPLATE_SUFFIXES",
    "EmbeddedTemplate", "find_templates", "literal_text", "may_hold_templates",
    "template_file",
]
