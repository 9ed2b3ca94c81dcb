"""Differential test of the API Gateway layer: ``$util``, ``$input.params``, ``$context`` and
``$stageVariables`` over random events, apigw-vtl against Velocity 1.7 with the real Java
libraries (``python -m conformance.fuzz_util`` runs the same check at length).

The examples come from fixed seeds (reproducible CI); ``VTL_DIFF_RANDOM=1`` draws a new seed
and ``VTL_DIFF_EXAMPLES=N`` changes the count. Skipped without Java.
"""

from __future__ import annotations

import os
import random

from conformance import fuzz_util

#: Examples per run; VTL_DIFF_EXAMPLES raises it locally.
EXAMPLES = int(os.environ.get("VTL_DIFF_EXAMPLES", "500"))
SEED = random.randrange(1 << 30) if os.environ.get("VTL_DIFF_RANDOM") == "1" else 20261125


def _examples(seed: int, count: int) -> list[fuzz_util.Example]:
    rnd = random.Random(seed)
    examples = (fuzz_util.generate(rnd) for _ in range(count))
    return [e for e in examples if fuzz_util.known_gap(e) is None]


def test_generator_is_deterministic():
    first = _examples(7, 20)
    again = _examples(7, 20)
    assert [(e.template, e.event) for e in first] == [(e.template, e.event) for e in again]
    assert len({e.template for e in first}) > 10  # and varied


def test_generator_covers_the_helpers():
    text = "\n".join(e.text for e in _examples(SEED, EXAMPLES))
    for needle in ("$util.escapeJavaScript(", "$util.urlEncode(", "$util.urlDecode(", "$util.base64Encode(",
                   "$util.base64Decode(", "$util.parseJson(", "$input.params()", "$input.params('",
                   "$context.identity", "$context.requestOverride.", "$context.responseOverride.",
                   "$stageVariables"):
        assert needle in text, needle
    examples = _examples(SEED, EXAMPLES)
    assert any(e.then is not None for e in examples)  # request then response template
    assert any(e.then is None and e.response_body is not None for e in examples)  # response template


def test_matches_velocity(oracle):
    examples = _examples(SEED, EXAMPLES)
    failures = []
    for example, (answer, outcome) in zip(examples, fuzz_util.disagreements(oracle, examples)):
        if outcome.status == "fail":
            failures.append(f"template {example.template!r}\nevent {example.event!r}\n"
                            f"oracle {answer!r}\n{outcome.detail}")
    assert not failures, f"{len(failures)} disagreements (seed {SEED}); the first:\n" + failures[0]

