"""Convert the AWS recordings into ``conformance/aws/cases.json``.

    python -m conformance.import_aws [--source PATH] [--out PATH]

Each recording is kept (id, source, notes, the template AWS ran, the request and the
``expected`` object, all verbatim) and gains what an offline check needs: a ``mode``, the
``event`` built from the request, and a ``compare`` rule. The format is described in
``conformance/README.md`` ("AWS recordings").
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "aws-recorded" / "cases.json"
DEFAULT_OUT = Path(__file__).resolve().parent / "aws" / "cases.json"

ACCOUNT = "111111111111"  # the account id the snapshots were normalised to
API_ID = "abcdef1234"

# Non-harness recordings: how each one is checked. Keys not given fall back to defaults in
# ``_convert``. "expected_key" names the field of the recorded ``expected`` to compare with.
SPECS: dict[str, dict[str, Any]] = {
    "ls-lambda-response-template-400": {
        "mode": "response",
        # The echo Lambda returned json.dumps({"statusCode": 200, "body": "customerror"}).
        "response_body": '{"statusCode": 200, "body": "customerror"}',
        "compare": {"rule": "json", "expected_key": "body_parsed"},
        "status_key": "status",
    },
    "ls-lambda-lambda-aws-integration-1": {
        "mode": "request", "compare": {"rule": "json", "expected_key": "rendered_parsed"}},
    "ls-lambda-lambda-aws-integration-2": {
        "mode": "request", "compare": {"rule": "json", "expected_key": "rendered_parsed"}},
    "ls-lambda-selection-200": {
        "mode": "request",
        "compare": {"rule": "json", "expected_key": "rendered_parsed_derived"}},
    "ls-int-invoke-path1": {
        "mode": "two-stage", "stage2_input": "mock",
        "compare": {"rule": "json", "expected_key": "body_parsed"}},
    "ls-int-invoke-path-else": {
        "mode": "two-stage", "stage2_input": "mock",
        "compare": {"rule": "json", "expected_key": "body_parsed"}},
    "ls-int-response-override-in-request-True": {
        "mode": "two-stage", "stage2_input": "mock",
        "compare": {"rule": "json", "expected_key": "body_parsed"},
        "status_key": "status", "headers_key": "headers"},
    "ls-int-response-override-in-request-False": {
        "mode": "request",
        "compare": {"rule": "none",
                    "reason": "no response template: the recorded empty body is not template output"},
        "status_key": "status", "headers_key": "headers"},
    "ls-int-mock-invalid-json-statuscode": {
        "mode": "skip",
        "reason": "records MOCK status selection and an empty responseTemplates map, not a rendering"},
    "ls-int-header-params-HTTP": {
        "mode": "request",
        "compare": {"rule": "json", "expected_key": "body_received_by_backend_parsed"}},
    "ls-int-header-params-AWS_PROXY": {
        "mode": "skip", "reason": "proxy integrations never apply templates"},
    "ls-sqs-body-without-payload": {
        "mode": "request", "compare": {"rule": "exact", "expected_key": "rendered_exact"}},
    "ls-sqs-response-template-input-path": {
        "mode": "response",
        # Shape of SQS's JSON SendMessage answer; the ids are placeholders in the recording.
        "response_body": json.dumps({"SendMessageResponse": {
            "ResponseMetadata": {"RequestId": "0f1e2d3c-0000-4000-8000-000000000002"},
            "SendMessageResult": {
                "MD5OfMessageAttributes": None,
                "MD5OfMessageBody": "99914b932bd37a50b983c5e7c90ae93b",
                "MessageId": "0f1e2d3c-0000-4000-8000-000000000001",
                "SequenceNumber": None}}}),
        "compare": {"rule": "json", "expected_key": "body_parsed"}},
    "ls-sqs-msg-attr-MessageAttribute": {
        "mode": "request",
        "compare": {"rule": "form", "expected": {
            "MessageBody": {"json": {"foo": "bar"}},
            "MessageAttribute.1.Name": "user-agent",
            "MessageAttribute.1.Value.DataType": "String",
            "MessageAttribute.1.Value.StringValue": "BAR-Header"},
            "derived_from": ["sqs_message_body_parsed", "sqs_message_attributes"]}},
    "ls-sqs-context-keyset-dump": {
        "mode": "request",
        "compare": {"rule": "json", "path": ["MessageBody"], "expected_key": "message_body_parsed"}},
    "ls-kinesis-putrecords": {
        "mode": "request",
        "compare": {"rule": "json", "path": ["Records"], "expected_key": "rendered_records_derived"}},
    "ls-ddb-Query-test": {
        "mode": "request", "compare": {"rule": "json", "expected_key": "rendered_derived"}},
    "ls-eventbridge-putevents": {
        "mode": "skip", "reason": "indirect evidence only (EventBridge accepted the rendered body)"},
    "ls-sfn-startexecution": {
        "mode": "skip", "reason": "indirect evidence only (Step Functions accepted the rendered body)"},
    "ls-s3-static-template": {
        "mode": "request", "compare": {"rule": "json", "expected_key": "s3_object_parsed"}},
    "ls-s3-binary-template-500-request": {
        "mode": "skip", "reason": "a binary (CONVERT_TO_BINARY) payload: the 500 happens before rendering"},
    "ls-basic-mock-params-path-id": {
        "mode": "response", "compare": {"rule": "json", "expected_key": "body_parsed"}},
    "ls-basic-openapi-mock-echo": {
        "mode": "response", "compare": {"rule": "json", "expected_key": "body_parsed"}},
    "ls-basic-stage-variables-local": {
        "mode": "request", "compare": {"rule": "json", "expected_key": "rendered_parsed"}},
    "ls-canary-response-canary-deployment": {
        "mode": "response", "compare": {"rule": "json", "expected_key": "body_parsed"}},
}


def build_event(request: dict[str, Any]) -> dict[str, Any]:
    """An API Gateway REST proxy event (``sam local generate-event`` shape) for a request."""
    full_path = request.get("path") or "/dev/"
    parts = full_path.split("/", 2)
    stage = request.get("stage") or (parts[1] if len(parts) > 1 and parts[1] else "dev")
    rest = "/" + (parts[2] if len(parts) > 2 else "")
    path_params = request.get("path_params")
    resource = request.get("resource_path")
    if resource is None:
        segments = rest.split("/")
        for name, value in (path_params or {}).items():
            segments = ["{" + name + "}" if s == value else s for s in segments]
        resource = "/".join(segments)

    pairs = parse_qsl(request.get("query_string") or "", keep_blank_values=True)
    query: dict[str, str] = {}
    multi_query: dict[str, list[str]] = {}
    for key, value in pairs:
        query[key] = value
        multi_query.setdefault(key, []).append(value)

    headers = {"Host": f"{API_ID}.execute-api.us-east-1.amazonaws.com"}
    if request.get("content_type"):
        headers["Content-Type"] = request["content_type"]
    headers.update(request.get("headers") or {})
    stage_vars = request.get("stage_variables") or request.get("stage_variables_effective")
    body = request.get("body")
    method = request.get("method", "GET")
    if method not in {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}:
        method = method.split()[0]

    context: dict[str, Any] = {
        "accountId": ACCOUNT,
        "resourceId": "res123",
        "stage": stage,
        "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
        "extendedRequestId": "EXTREQ0000000=",
        "requestTime": "09/Apr/2015:12:34:56 +0000",
        "requestTimeEpoch": 1428582896000,
        "identity": {"sourceIp": "203.0.113.7", "userAgent": headers.get("User-Agent", "")},
        "path": full_path,
        "resourcePath": resource,
        "httpMethod": method,
        "apiId": API_ID,
        "protocol": "HTTP/1.1",
        "domainName": f"{API_ID}.execute-api.us-east-1.amazonaws.com",
        "domainPrefix": API_ID,
        "deploymentId": "dep123",
    }
    if "canary" in request:
        context["isCanaryRequest"] = bool(request["canary"])
    return {
        "body": body if body else None,
        "resource": resource,
        "path": rest,
        "httpMethod": method,
        "isBase64Encoded": False,
        "queryStringParameters": query or None,
        "multiValueQueryStringParameters": multi_query or None,
        "pathParameters": path_params or None,
        "stageVariables": stage_vars or None,
        "headers": headers,
        "multiValueHeaders": {k: [v] for k, v in headers.items()},
        "requestContext": context,
    }


def _inner(case: dict[str, Any]) -> dict[str, Any]:
    expected = case["expected"]
    if expected.get("exact_text"):
        compare = {"rule": "exact", "expected_key": "body"}
    elif "whitespace" in expected.get("normalization", ""):
        compare = {"rule": "whitespace", "expected_key": "body"}
    else:
        compare = {"rule": "json", "expected_key": "body"}
    request = case["request"]
    return {
        "mode": "inner",
        "template": case["inner_template"],
        "vars": request["direct_variables"],
        "compare": compare,
        # The full MOCK harness AWS ran, for a two-stage re-check of the same expectation.
        "harness": {
            "request_template": request["request_template"],
            "response_template": case["template"],
            "event": build_event(request),
        },
    }


def _two_stage_templates(case: dict[str, Any]) -> tuple[str, str | None]:
    if "response_template" in case:
        return case["template"], case["response_template"]
    return case["request_template"], case["template"]


def _convert(case: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {k: case[k] for k in ("id", "source", "notes", "template_kind")}
    if "inner_template" in case:
        out.update(_inner(case))
    elif case["id"] in SPECS:
        spec = SPECS[case["id"]]
        out["mode"] = spec["mode"]
        if spec["mode"] == "skip":
            out["skip_reason"] = spec["reason"]
        else:
            request = case["request"].get("client_request", case["request"])
            out["event"] = build_event(request)
            if spec["mode"] == "two-stage":
                first, second = _two_stage_templates(case)
                out["template"], out["response_template"] = first, second
                out["stage2_input"] = spec["stage2_input"]
            else:
                out["template"] = case["template"]
            if spec["mode"] == "response":
                out["response_body"] = spec.get("response_body") or _response_body(case)
            out["compare"] = dict(spec["compare"])
            if "status_key" in spec:
                out["status"] = case["expected"][spec["status_key"]]
            if "headers_key" in spec:
                out["headers"] = case["expected"][spec["headers_key"]]
    elif case["template_kind"].startswith("two-stage"):
        out["mode"] = "two-stage"
        out["event"] = build_event(case["request"])
        out["template"], out["response_template"] = _two_stage_templates(case)
        out["stage2_input"] = "echo"
        out["compare"] = {"rule": "exact", "expected_key": "final_body"}
    elif "template_input_body_relevant_part" in case["request"]:
        out["mode"] = "response"
        out["event"] = build_event(case["request"]["client_request"])
        out["template"] = case["template"]
        out["response_body"] = _response_body(case)
        out["compare"] = {"rule": "exact" if case["expected"]["exact_text"] else "json",
                          "expected_key": "body"}
    else:
        out["mode"] = "skip"
        out["skip_reason"] = "no import rule for this recording"
    out["recorded"] = {
        "template": case["template"],
        **{k: case[k] for k in ("inner_template", "request_template", "response_template")
           if k in case},
        "request": case["request"],
        "expected": case["expected"],
    }
    return out


def _response_body(case: dict[str, Any]) -> str:
    """Integration response body: the recorded relevant part, as JSON text."""
    part = case["request"].get("template_input_body_relevant_part")
    if part is None:
        return ""
    return json.dumps(part)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    cases = json.loads(args.source.read_text(encoding="utf-8"))
    converted = [_convert(c) for c in cases]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(converted, indent=1, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    modes: dict[str, int] = {}
    for c in converted:
        modes[c["mode"]] = modes.get(c["mode"], 0) + 1
    print(f"{len(converted)} recordings -> {args.out}: {modes}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
