"""Record the Velocity corpus: render every source case in the real engine.

    python -m conformance.record                  # every feature
    python -m conformance.record --feature regex  # one feature (repeatable)
    python -m conformance.record --check          # fail if a recording is out of date

Each case is rendered by the oracle (Apache Velocity 1.7 on the JVM) in both profiles and
``conformance/velocity/<feature>.json`` is rewritten. The format is described in
``conformance/README.md`` ("Velocity corpus").
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from . import sources

CORPUS = Path(__file__).resolve().parent / "velocity"
FORMAT_VERSION = 1
#: Oracle answers that say nothing about Velocity: such cases are left out of comparisons.
UNRECORDABLE = {"Timeout", "OracleCrashed", "BadRequest"}
_MESSAGE_LIMIT = 300
_SURROGATE = re.compile("[\ud800-\udfff]")
_IDENTITY = re.compile(r"(\[*L?[A-Za-z_$][\w.$]*;?)@[0-9a-f]{1,8}\b")


def mask_identity(text: str) -> str:
    """Replace Java identity hashes (``[Ljava.lang.String;@4fe4c0ba``) by ``@HASH``."""
    return _IDENTITY.sub(r"\1@HASH", text)


def recorded_with() -> str:
    """A description of the reference engine, for the corpus header."""
    velocity = "velocity 1.7"
    if shutil.which("dpkg-query"):
        done = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "velocity"], capture_output=True, text=True)
        if done.returncode == 0 and done.stdout:
            velocity = f"Debian velocity {done.stdout.strip()}"
    java = "Java"
    done = subprocess.run(["java", "-version"], capture_output=True, text=True)
    match = re.search(r'version "([^"]+)"', done.stderr)
    if match:
        java = f"OpenJDK {match.group(1)}"
    return f"Apache Velocity 1.7 ({velocity}), {java}"


def requests_for(case: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The (profile, oracle request) pairs recording ``case`` needs."""
    out = []
    for profile in case.get("profiles", sources.PROFILES):
        req: dict[str, Any] = {"template": case["template"], "profile": profile,
                               "vars": case.get("vars", {})}
        for key in ("event", "response_body"):
            if key in case:
                req[key] = case[key]
        out.append((profile, req))
    return out


def expectation(answer: dict[str, Any]) -> dict[str, Any]:
    """The corpus form of one oracle answer."""
    if "output" in answer:
        out = {"result": answer["output"]}
        if answer.get("overrides"):
            out["overrides"] = answer["overrides"]
        return out
    message = answer.get("message") or ""
    first = message.splitlines()[0] if message else ""
    if len(first) > _MESSAGE_LIMIT:
        first = first[:_MESSAGE_LIMIT] + "..."
    return {"error": answer.get("error", "Unknown"), "message": first}


def record_feature(oracle: Any, feature: str, engine: str) -> dict[str, Any]:
    """Render every case of ``feature``; returns the corpus document."""
    cases = sources.load(feature)
    plan = [(case, profile, req) for case in cases for profile, req in requests_for(case)]
    answers = oracle.render_many([req for _, _, req in plan])
    by_case: dict[str, dict[str, Any]] = {}
    for (case, profile, _), answer in zip(plan, answers):
        entry = by_case.setdefault(case["id"], dict(case))
        entry[profile] = expectation(answer)
        if case.get("mask"):
            # identity hashes change from run to run: keep the file reproducible
            for key in ("result", "message"):
                if key in entry[profile]:
                    entry[profile][key] = mask_identity(entry[profile][key])
    return {
        "cases": [_ordered(by_case[case["id"]]) for case in cases],
        "feature": feature,
        "format": FORMAT_VERSION,
        "recorded_with": engine,
    }


def _ordered(entry: dict[str, Any]) -> dict[str, Any]:
    """The case with its own keys sorted; values (maps in vars!) keep their order."""
    return {key: entry[key] for key in sorted(entry)}


def dump(doc: dict[str, Any]) -> str:
    """Serialise a corpus document deterministically.

    Keys are written in the order given: JSON objects inside ``vars`` and ``event`` are Java
    maps whose iteration order matters, so they must not be sorted.

    Lone UTF-16 surrogates (Java strings may hold half of an emoji) stay ``\\udXXX`` escapes
    so that the file is valid UTF-8.
    """
    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def load_corpus(feature: str) -> dict[str, Any]:
    """Read ``conformance/velocity/<feature>.json``."""
    return json.loads((CORPUS / f"{feature}.json").read_text(encoding="utf-8"))


def corpus_features() -> list[str]:
    """Features with a recorded corpus file, sorted."""
    return sorted(p.stem for p in CORPUS.glob("*.json"))


def _problems(doc: dict[str, Any]) -> list[str]:
    bad = []
    for case in doc["cases"]:
        for profile in sources.PROFILES:
            err = case.get(profile, {}).get("error")
            if err in UNRECORDABLE:
                bad.append(f"{doc['feature']}/{case['id']} [{profile}]: {err}")
    return bad


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m conformance.record", description=__doc__.split("\n")[0])
    parser.add_argument("--feature", action="append", help="record only this feature (repeatable)")
    parser.add_argument("--check", action="store_true", help="compare with the files instead of writing them")
    args = parser.parse_args(argv)

    from .oracle import Oracle, available

    if not available():
        print("the oracle is not available (java, javac or the Velocity jars are missing)", file=sys.stderr)
        return 2
    names = args.feature or sources.features()
    unknown = set(names) - set(sources.features())
    if unknown:
        parser.error(f"unknown feature(s): {', '.join(sorted(unknown))}")
    engine = recorded_with()
    CORPUS.mkdir(exist_ok=True)
    status = 0
    with Oracle() as oracle:
        for name in names:
            doc = record_feature(oracle, name, engine)
            text = dump(doc)
            path = CORPUS / f"{name}.json"
            for problem in _problems(doc):
                print(f"warning: {problem}", file=sys.stderr)
            errors = sum(1 for c in doc["cases"] for p in sources.PROFILES if "error" in c.get(p, {}))
            if args.check:
                same = path.exists() and path.read_text(encoding="utf-8") == text
                print(f"{name:24} {len(doc['cases']):5} cases  {'up to date' if same else 'OUT OF DATE'}")
                status |= 0 if same else 1
            else:
                path.write_text(text, encoding="utf-8")
                print(f"{name:24} {len(doc['cases']):5} cases  {errors:4} error answers  -> {path.name}")
    return status


if __name__ == "__main__":
    sys.exit(main())
