"""Differential test of Java method calls (``conformance.fuzz_methods``): realistic String,
List, Map and Number calls with in-range, out-of-range, wrongly typed and null arguments,
rendered by apigw-vtl and by Velocity 1.7 (skipped without Java).

The examples are fixed (one seed) so CI is reproducible; ``python -m conformance.fuzz_methods``
explores new ones.
"""

from __future__ import annotations

import random

import pytest

from conformance.fuzz import Differ
from conformance.fuzz_methods import generate
from conformance.report import PROFILES

#: Examples per profile and the seed they are drawn with.
EXAMPLES = 400
SEED = 20261125


@pytest.mark.parametrize("profile", PROFILES)
def test_method_calls_match_velocity(oracle, profile):
    rnd = random.Random(SEED)
    items = [generate(rnd) for _ in range(EXAMPLES)]
    failures = [
        f"template {template!r}\nvars {variables!r}\n{detail}"
        for (template, variables), (_, detail) in zip(items, Differ(oracle, profile).disagreements(items))
        if detail is not None
    ]
    assert not failures, f"{len(failures)} disagreements, the first:\n" + "\n\n".join(failures[:3])


def test_generated_calls_cover_the_method_families():
    rnd = random.Random(SEED)
    text = " ".join(generate(rnd)[0] for _ in range(EXAMPLES))
    for call in (".substring(", ".split(", ".subList(", ".getOrDefault(", ".compareTo(", ".replaceAll(",
                 ".toUpperCase()", ".put(", ".get(", ".intValue()"):
        assert call in text, call
