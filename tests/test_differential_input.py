"""Differential test of ``$input``: random bodies, JSONPaths and templates rendered by
apigw-vtl and by the oracle (Velocity 1.7 with Jayway JsonPath 2.0 and json-smart).

The examples are fixed (seeded); ``VTL_DIFF_INPUT_EXAMPLES=N`` and ``VTL_DIFF_INPUT_SEED=S``
change them. ``python -m conformance.fuzz_input`` runs the same check at length and shrinks
what it finds. Skipped without Java and Debian's Velocity jars.
"""

from __future__ import annotations

import os
import random

from conformance.fuzz_input import InputDiffer, generate

EXAMPLES = int(os.environ.get("VTL_DIFF_INPUT_EXAMPLES", "800"))
SEED = int(os.environ.get("VTL_DIFF_INPUT_SEED", "20261125"))


def _examples(count: int, seed: int) -> list[tuple[str, dict]]:
    rnd = random.Random(seed)
    return [(e.template, e.request()) for e in (generate(rnd) for _ in range(count))]


def test_examples_are_reproducible():
    assert _examples(20, SEED) == _examples(20, SEED)
    templates = [t for t, _ in _examples(200, SEED)]
    assert any("$input.path(" in t for t in templates)
    assert any("$input.json(" in t for t in templates)
    assert any("[?(" in t for t in templates)


def test_input_matches_the_oracle(oracle):
    items = _examples(EXAMPLES, SEED)
    differ = InputDiffer(oracle)
    failures = []
    for (template, request), (_answer, detail) in zip(items, differ.disagreements(items)):
        if detail is not None:
            payload = request.get("response_body", request["event"].get("body"))
            failures.append(f"template {template!r}\n  payload {payload!r}\n  {detail}")
    assert not failures, f"{len(failures)} of {len(items)} disagree; first:\n" + "\n".join(failures[:3])
