"""Run the recorded corpus against apigw-vtl and print a pass table per file and profile.

    python -m conformance.report                 # table of every corpus file
    python -m conformance.report --failures 20   # ... and the first 20 failures in full
    python -m conformance.report --feature regex --profile velocity

The ``aws`` row is the AWS recordings of ``conformance/aws/cases.json`` (apigateway only).

The comparison rules live here and are shared with ``tests/test_conformance.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from typing import Any

from .record import UNRECORDABLE, corpus_features, load_corpus, mask_identity

PROFILES = ("velocity", "apigateway")
#: Velocity exceptions thrown while a template is parsed or initialised: a VtlSyntaxError
#: is an acceptable answer for them.
INIT_TIME = {"ParseErrorException", "TemplateInitException", "MacroParseException"}


@dataclass
class Outcome:
    """The result of one (case, profile) check: ``status`` is pass, fail or skip."""

    status: str
    detail: str = ""


def _render(case: dict[str, Any], profile: str) -> tuple[str, Any]:
    """Render with apigw-vtl; returns (body, result object or None)."""
    import vtl

    if "event" in case or "response_body" in case:
        result = vtl.render(case["template"], case.get("event"), response_body=case.get("response_body"))
        return result.body, result
    return vtl.compile(case["template"], profile=profile).render(case.get("vars", {})), None


def _overrides(result: Any) -> dict[str, Any]:
    """What apigw-vtl's result says about the overrides, in the oracle's shape."""
    response = {"header": dict(getattr(result, "headers", None) or {})}
    if getattr(result, "status", None) is not None:
        response["status"] = result.status
    return {"requestOverride": getattr(result, "request_overrides", None) or {}, "responseOverride": response}


def _norm(value: Any) -> Any:
    """JSON-normalise nested values; scalars compared as text (status 418 == "418")."""
    if isinstance(value, dict):
        return {str(k): _norm(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_norm(v) for v in value]
    return value if isinstance(value, str) else json.dumps(value)


def check(case: dict[str, Any], profile: str) -> Outcome:
    """Render ``case`` in ``profile`` and compare with its recorded expectation."""
    import vtl

    expected = case.get(profile)
    if expected is None:
        return Outcome("skip", f"not recorded in the {profile} profile")
    if expected.get("error") in UNRECORDABLE:
        return Outcome("skip", f"the oracle gave no answer ({expected['error']})")
    try:
        body, result = _render(case, profile)
    except vtl.VtlError as err:
        return _check_error(expected, err)
    except Exception as exc:  # noqa: BLE001 - an engine crash is a failure to report
        return Outcome("fail", f"engine crashed: {type(exc).__name__}: {exc}")
    if "error" in expected:
        return Outcome(
            "fail",
            f"expected {expected['error']} ({expected.get('message', '')})\n  but rendered {body!r}",
        )
    want = expected["result"]
    if case.get("mask"):
        want, body = mask_identity(want), mask_identity(body)
    if body != want:
        return Outcome("fail", f"expected {want!r}\n     got {body!r}")
    if "overrides" in expected and result is not None:
        got = _norm(_overrides(result))
        if got != _norm(expected["overrides"]):
            return Outcome("fail", f"overrides: expected {expected['overrides']!r}\n  got {got!r}")
    return Outcome("pass")


def _check_error(expected: dict[str, Any], err: Any) -> Outcome:
    import vtl

    got = f"{type(err).__name__}[{err.java_class}]: {err.message}"
    want = expected.get("error")
    if want is None:
        return Outcome("fail", f"expected {expected['result']!r}\n  but raised {got}")
    if want == "ParseErrorException":
        if isinstance(err, vtl.VtlSyntaxError):
            return Outcome("pass")
        return Outcome("fail", f"expected a syntax error ({expected.get('message', '')})\n  but raised {got}")
    if isinstance(err, vtl.VtlSyntaxError):
        if want in INIT_TIME:
            return Outcome("pass")
        return Outcome("fail", f"expected runtime {want} ({expected.get('message', '')})\n  but raised {got}")
    if not isinstance(err, vtl.VtlRuntimeError):
        return Outcome("fail", f"expected runtime {want}\n  but raised {got}")
    if err.java_class is not None and err.java_class != want:
        return Outcome("fail", f"expected {want} ({expected.get('message', '')})\n  but raised {got}")
    return Outcome("pass")


def aws_cases() -> list[dict[str, Any]]:
    """The AWS recordings in the project's format (``conformance/aws/cases.json``)."""
    from .check_aws_oracle import CASES

    if not CASES.exists():
        return []
    return json.loads(CASES.read_text(encoding="utf-8"))


def _aws_answer(case: dict[str, Any]) -> dict[str, Any]:
    """Render an AWS case with apigw-vtl as AWS did; answers in the oracle's shape."""
    import vtl

    mode = case["mode"]
    if mode == "inner":
        return {"output": vtl.compile(case["template"], profile="apigateway").render(case["vars"])}
    if mode == "request":
        result = vtl.render(case["template"], case["event"])
    elif mode == "response":
        result = vtl.render(case["template"], case["event"], response_body=case["response_body"])
    elif mode == "two-stage":
        result = vtl.render(case["template"], case["event"])
        if case.get("response_template") is not None:
            body = result.body if case["stage2_input"] == "echo" else ""
            result = vtl.render(case["response_template"], case["event"], response_body=body, previous=result)
    else:
        raise ValueError(f"cannot run mode {mode}")
    return {"output": result.body, "overrides": _overrides(result)}


def check_aws(case: dict[str, Any]) -> Outcome:
    """Render an AWS recording with apigw-vtl and apply the case's comparison rule."""
    import vtl

    from .check_aws_oracle import check as aws_check

    if case["mode"] == "skip":
        return Outcome("skip", case.get("skip_reason", "not checkable offline"))
    try:
        answer = _aws_answer(case)
    except vtl.VtlError as err:
        return Outcome("fail", f"raised {type(err).__name__}[{err.java_class}]: {err.message}")
    except Exception as exc:  # noqa: BLE001 - an engine crash is a failure to report
        return Outcome("fail", f"engine crashed: {type(exc).__name__}: {exc}")
    ok, why = aws_check(case, answer)
    return Outcome("pass") if ok else Outcome("fail", f"[{case['compare']['rule']}] {why}")


def run(features: list[str], profiles: tuple[str, ...] = PROFILES) -> dict[tuple[str, str], list[tuple[str, Outcome]]]:
    """Check every case of ``features``; results keyed by (feature, profile)."""
    out: dict[tuple[str, str], list[tuple[str, Outcome]]] = {}
    for feature in features:
        for case in load_corpus(feature)["cases"]:
            for profile in profiles:
                if profile in case:
                    out.setdefault((feature, profile), []).append((case["id"], check(case, profile)))
    return out


def run_aws() -> list[tuple[str, Outcome]]:
    """Check every AWS recording."""
    return [(case["id"], check_aws(case)) for case in aws_cases()]


def table(counts: dict[tuple[str, str], Counter], profiles: tuple[str, ...] = PROFILES) -> str:
    """Format per-file pass counts: one row per file, one column per profile."""
    rows = sorted({f for f, _ in counts})
    header = f"{'file':26}" + "".join(f"{p:>22}" for p in profiles)
    lines = [header, "-" * len(header)]
    totals = {p: Counter() for p in profiles}
    for feature in rows:
        cells = []
        for profile in profiles:
            c = counts.get((feature, profile), Counter())
            totals[profile].update(c)
            cells.append(_cell(c))
        lines.append(f"{feature:26}" + "".join(f"{cell:>22}" for cell in cells))
    lines.append("-" * len(header))
    lines.append(f"{'TOTAL':26}" + "".join(f"{_cell(totals[p]):>22}" for p in profiles))
    return "\n".join(lines)


def _cell(c: Counter) -> str:
    total = sum(c.values()) - c["skip"]
    if not total:
        return "-"
    passed = c["pass"] + c["xpass"]
    return f"{passed}/{total} {100 * passed / total:5.1f}%"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m conformance.report", description=__doc__.split("\n")[0])
    parser.add_argument("--feature", action="append", help="only this corpus file (repeatable)")
    parser.add_argument("--profile", choices=PROFILES, action="append")
    parser.add_argument("--failures", type=int, default=0, metavar="N", help="show the first N failures")
    args = parser.parse_args(argv)
    try:
        import vtl  # noqa: F401
    except Exception as exc:  # noqa: BLE001
        print(f"vtl is not importable: {exc}", file=sys.stderr)
        return 2
    features = args.feature or corpus_features()
    profiles = tuple(args.profile or PROFILES)
    results = run(features, profiles)
    if not args.feature and "apigateway" in profiles:
        results[("aws", "apigateway")] = run_aws()
    counts = {key: Counter(o.status for _, o in items) for key, items in results.items()}
    print(table(counts, profiles))
    shown = 0
    for (feature, profile), items in sorted(results.items()):
        for cid, outcome in items:
            if outcome.status == "fail" and shown < args.failures:
                shown += 1
                print(f"\n{feature}/{cid} [{profile}]\n  {outcome.detail}")
    return 0 if all(c["fail"] == 0 for c in counts.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
