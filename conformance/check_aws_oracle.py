"""Score the oracle's ``apigateway`` profile against the AWS recordings.

    python -m conformance.check_aws_oracle [--cases PATH] [--harness] [-v]

Runs every case of ``conformance/aws/cases.json`` through the Java oracle and compares
the result with the recorded expectation under the case's rule. ``compare_output`` and
``run_case`` take any renderer with the oracle's ``render`` signature, so the same cases can
score another implementation.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

CASES = Path(__file__).resolve().parent / "aws" / "cases.json"

PLACEHOLDER = re.compile(r"^<[A-Za-z][A-Za-z0-9_-]*(:\d+)?>$")
OPAQUE_VALUES = frozenset({"request-time-epoch"})

Render = Callable[..., dict]


def is_wildcard(expected: object) -> bool:
    """True for a snapshot placeholder such as ``<uuid:1>`` (matches any non-empty string)."""
    return isinstance(expected, str) and (
        bool(PLACEHOLDER.match(expected)) or expected in OPAQUE_VALUES)


def matches(expected: object, actual: object) -> bool:
    """Structural equality where placeholders match any non-empty string."""
    if is_wildcard(expected):
        return isinstance(actual, str) and actual != "" or isinstance(actual, int | float)
    if isinstance(expected, dict):
        return (isinstance(actual, dict) and expected.keys() == actual.keys()
                and all(matches(v, actual[k]) for k, v in expected.items()))
    if isinstance(expected, list):
        return (isinstance(actual, list) and len(expected) == len(actual)
                and all(matches(e, a) for e, a in zip(expected, actual)))
    return type(expected) is type(actual) and expected == actual


def collapse(text: str) -> str:
    """The recordings' whitespace normalisation: runs of whitespace to one space, stripped."""
    return re.sub(r"\s+", " ", text).strip()


def expected_value(case: dict[str, Any]) -> Any:
    compare = case["compare"]
    if "expected" in compare:
        return compare["expected"]
    return case["recorded"]["expected"][compare["expected_key"]]


def compare_output(case: dict[str, Any], output: str) -> tuple[bool, str]:
    """Apply the case's rule to a rendered body; returns (ok, explanation)."""
    rule = case["compare"]["rule"]
    want = expected_value(case) if rule != "none" else None
    if rule == "none":
        return True, ""
    if rule == "exact":
        return output == want, f"want {want!r}\n got {output!r}"
    if rule == "whitespace":
        return collapse(output) == want, f"want {want!r}\n got {collapse(output)!r}"
    if rule == "json":
        try:
            value: Any = json.loads(output)
            for key in case["compare"].get("path", []):
                value = value[key]
                if isinstance(value, str):
                    value = json.loads(value)
        except (ValueError, KeyError, TypeError) as exc:
            return False, f"not JSON ({exc}): {output!r}"
        if isinstance(want, str):  # a recorded rendering kept as text: compare parsed
            want = json.loads(want)
        return matches(want, value), f"want {want!r}\n got {value!r}"
    if rule == "form":
        fields = dict(parse_qsl(output, keep_blank_values=True))
        for key, spec in want.items():
            got = fields.get(key)
            if isinstance(spec, dict) and "json" in spec:
                try:
                    ok = got is not None and matches(spec["json"], json.loads(got))
                except ValueError:
                    ok = False
            else:
                ok = got is not None and (got == spec or matches(spec, got))
            if not ok:
                return False, f"field {key}: want {spec!r} got {got!r} in {output!r}"
        return True, ""
    raise ValueError(f"unknown rule {rule}")


def run_case(render: Render, case: dict[str, Any]) -> dict[str, Any]:
    """Render a case as AWS did; returns the final answer (output/error, overrides)."""
    mode = case["mode"]
    aws = {"profile": "apigateway"}
    if mode == "inner":
        return render(case["template"], case["vars"], **aws)
    if mode == "request":
        return render(case["template"], event=case["event"], **aws)
    if mode == "response":
        return render(case["template"], event=case["event"],
                      response_body=case["response_body"], **aws)
    if mode == "two-stage":
        first = render(case["template"], event=case["event"], **aws)
        if "error" in first or case.get("response_template") is None:
            return first
        body = first["output"] if case["stage2_input"] == "echo" else ""
        return render(case["response_template"], event=case["event"], response_body=body,
                      context_overrides=first.get("overrides"), **aws)
    raise ValueError(f"cannot run mode {mode}")


def run_harness(render: Render, case: dict[str, Any]) -> dict[str, Any]:
    """Run an inner case the way AWS did: the MOCK request template, then the full template."""
    h = case["harness"]
    aws = {"profile": "apigateway"}
    first = render(h["request_template"], event=h["event"], **aws)
    if "error" in first:
        return first
    return render(h["response_template"], event=h["event"], response_body="",
                  context_overrides=first.get("overrides"), **aws)


def check(case: dict[str, Any], answer: dict[str, Any]) -> tuple[bool, str]:
    """Body rule plus recorded status/headers."""
    if "error" in answer:
        return False, f"{answer['error']}: {answer.get('message', '')}"
    ok, why = compare_output(case, answer["output"])
    if not ok:
        return False, why
    override = (answer.get("overrides") or {}).get("responseOverride") or {}
    if "status" in case and str(override.get("status", 200)) != str(case["status"]):
        return False, f"status: want {case['status']} got {override.get('status')}"
    for name, value in (case.get("headers") or {}).items():
        if (override.get("header") or {}).get(name) != value:
            return False, f"header {name}: want {value!r} got {override.get('header')!r}"
    return True, ""


def main(argv: list[str] | None = None) -> int:
    from conformance.oracle import Oracle, available

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=CASES)
    parser.add_argument("--harness", action="store_true",
                        help="also run inner cases through the full MOCK harness")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    if not available():
        print("oracle not available (java, javac or jars missing)", file=sys.stderr)
        return 2
    cases = json.loads(args.cases.read_text(encoding="utf-8"))
    tally: dict[str, list[int]] = {}
    failures: list[str] = []
    with Oracle() as oracle:
        for case in cases:
            if case["mode"] == "skip":
                tally.setdefault("skip", [0, 0])[1] += 1
                continue
            runs = [("", run_case(oracle.render, case))]
            if args.harness and case["mode"] == "inner":
                runs.append(("harness:", run_harness(oracle.render, case)))
            for prefix, answer in runs:
                ok, why = check(case, answer)
                key = prefix + case["compare"]["rule"]
                t = tally.setdefault(key, [0, 0])
                t[0] += ok
                t[1] += 1
                if not ok:
                    failures.append(f"FAIL {prefix}{case['id']} [{key}]\n  {why}")
    for line in failures:
        print(line)
    for key in sorted(tally):
        passed, total = tally[key]
        print(f"{key:20} skipped {total}" if key == "skip" else f"{key:20} {passed}/{total}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
