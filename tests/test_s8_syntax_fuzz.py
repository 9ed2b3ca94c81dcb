"""The syntax fuzzer (conformance/fuzz_syntax.py) at a fixed seed: short random mixes of
VTL punctuation, comments and directives render as Velocity 1.7 renders them (or fail to
parse where it fails). ``python -m conformance.fuzz_syntax`` runs many more examples."""

from __future__ import annotations

import random

import pytest

from conformance.fuzz import Differ
from conformance.fuzz_syntax import random_template
from conformance.report import PROFILES

#: Examples per profile, drawn from a fixed seed.
EXAMPLES = 400
SEED = 20261125


@pytest.mark.parametrize("profile", PROFILES)
def test_syntax_mixes_match_velocity(oracle, profile: str) -> None:
    rnd = random.Random(SEED)
    items = [random_template(rnd) for _ in range(EXAMPLES)]
    differ = Differ(oracle, profile)
    bad = [(template, detail) for (template, _), (_, detail) in zip(items, differ.disagreements(items)) if detail]
    assert not bad, "\n".join(f"{template!r}: {detail}" for template, detail in bad[:5])
