"""Long differential run: random templates rendered by apigw-vtl and by Velocity 1.7.

    python -m conformance.fuzz --examples 20000 [--profile velocity] [--seed 1] [--show 10]

Prints the agreement rate per profile, the kinds of disagreement, and the first ``--show``
disagreeing examples reduced by a small delta-debugging shrinker (a reduced example still
disagrees and the oracle still answers it the same way: output, or the same error class).
Examples the oracle could not answer (timeout, crash) are not counted.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from .record import UNRECORDABLE, expectation
from .report import PROFILES, check
from .strategies import generate

_UNITS = re.compile(r"\$!?\{?[A-Za-z_][\w-]*\}?|#\{?[A-Za-z_]\w*\}?|\r\n|\s|[A-Za-z0-9_]+|.", re.S)


def as_case(template: str, variables: dict[str, Any], profile: str, answer: dict[str, Any]) -> dict[str, Any]:
    return {"id": "fuzz", "template": template, "vars": variables, "mask": True, profile: expectation(answer)}


def _kind(answer: dict[str, Any]) -> str:
    return "output" if "output" in answer else answer.get("error", "?")


def _engine_kind(detail: str) -> str:
    """What apigw-vtl did, read from a failure detail of :func:`conformance.report.check`."""
    if detail.startswith("engine crashed"):
        return "crash " + detail.split(":")[1].strip()
    if "but raised " in detail:
        return detail.split("but raised ", 1)[1].split(":")[0]
    if detail.startswith("overrides"):
        return "other overrides"
    return "rendered" if "but rendered" in detail else "different output"


def kind_of(answer: dict[str, Any], detail: str) -> str:
    """What the oracle answered and what apigw-vtl did, in a few words."""
    return f"oracle {_kind(answer)} / vtl {_engine_kind(detail)}"


def print_summary(label: str, agreed: int, counted: int, skipped: int, elapsed: float, seed: int,
                  kinds: Counter) -> None:
    """The agreement line of a fuzzing run and its most common kinds of disagreement."""
    rate = 100.0 * agreed / counted if counted else 100.0
    print(f"[{label}] {agreed}/{counted} agree ({rate:.2f}%), {skipped} without an oracle answer, "
          f"{elapsed:.1f}s, seed {seed}")
    for kind, count in kinds.most_common(10):
        print(f"    {count:6}  {kind}")


class Differ:
    """Checks batches of (template, vars) against the oracle and apigw-vtl."""

    def __init__(self, oracle: Any, profile: str) -> None:
        self.oracle = oracle
        self.profile = profile

    def answers(self, items: list[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
        reqs = [{"template": t, "vars": v, "profile": self.profile} for t, v in items]
        return self.oracle.render_many(reqs)

    def disagreements(self, items: list[tuple[str, dict[str, Any]]]) -> list[tuple[dict[str, Any], str | None]]:
        """For each item: (oracle answer, failure detail or None when both agree)."""
        out = []
        for (template, variables), answer in zip(items, self.answers(items)):
            if answer.get("error") in UNRECORDABLE:
                out.append((answer, None))
                continue
            outcome = check(as_case(template, variables, self.profile, answer), self.profile)
            out.append((answer, outcome.detail if outcome.status == "fail" else None))
        return out

    def shrink(self, template: str, variables: dict[str, Any], kind: str, budget: float = 20.0) -> tuple[str, dict[str, Any]]:
        """Reduce a disagreeing example while it keeps disagreeing the same way."""
        deadline = time.monotonic() + budget

        def interesting(cands: list[tuple[str, dict[str, Any]]]) -> int | None:
            for k, (answer, detail) in enumerate(self.disagreements(cands)):
                if detail is not None and _kind(answer) == kind:
                    return k
            return None

        # drop variables first, then simplify the template
        for name in list(variables):
            trial = {k: v for k, v in variables.items() if k != name}
            if interesting([(template, trial)]) is not None:
                variables = trial
        units = _UNITS.findall(template)
        units = self._ddmin(units, variables, interesting, deadline)
        chars = self._ddmin(list("".join(units)), variables, interesting, deadline)
        return "".join(chars), variables

    @staticmethod
    def _ddmin(units: list[str], variables: dict[str, Any], interesting: Any, deadline: float) -> list[str]:
        n = 2
        while len(units) >= 2 and time.monotonic() < deadline:
            size = max(1, len(units) // n)
            chunks = [(i, min(i + size, len(units))) for i in range(0, len(units), size)]
            cands = [units[:a] + units[b:] for a, b in chunks]
            hit = interesting([("".join(c), variables) for c in cands])
            if hit is not None:
                units = cands[hit]
                n = max(n - 1, 2)
            elif size == 1:
                break
            else:
                n = min(len(units), n * 2)
        return units


def _random_template(rnd: random.Random) -> tuple[str, dict[str, Any]]:
    example = generate(rnd)
    return example.template, example.vars


def run(examples: int, profiles: tuple[str, ...], seed: int, show: int, batch: int, shrink: bool, *,
        make: Callable[[random.Random], tuple[str, dict[str, Any]]] = _random_template) -> int:
    """Run the differential check of the (template, variables) examples ``make`` draws (each
    profile from the same seed); prints a summary and returns the number of disagreements."""
    from .oracle import Oracle

    total_bad = 0
    with Oracle() as oracle:
        for profile in profiles:
            rnd = random.Random(seed)
            differ = Differ(oracle, profile)
            counted = agreed = skipped = 0
            kinds: Counter = Counter()
            bad: list[tuple[str, dict[str, Any], dict[str, Any], str]] = []
            started = time.monotonic()
            done = 0
            while done < examples:
                n = min(batch, examples - done)
                items = [make(rnd) for _ in range(n)]
                for (template, variables), (answer, detail) in zip(items, differ.disagreements(items)):
                    if answer.get("error") in UNRECORDABLE:
                        skipped += 1
                        continue
                    counted += 1
                    if detail is None:
                        agreed += 1
                    else:
                        kinds[kind_of(answer, detail)] += 1
                        bad.append((template, variables, answer, detail))
                done += n
            print_summary(profile, agreed, counted, skipped, time.monotonic() - started, seed, kinds)
            for k, (template, variables, answer, detail) in enumerate(bad[:show]):
                if shrink:
                    template, variables = differ.shrink(template, variables, _kind(answer))
                    answer, detail = differ.disagreements([(template, variables)])[0]
                print(f"\n  #{k + 1} template: {template!r}")
                print(f"     vars: {json.dumps(variables, ensure_ascii=False)}")
                print(f"     oracle: {json.dumps(answer, ensure_ascii=False)[:300]}")
                print("     " + (detail or "agrees after shrinking").replace("\n", "\n     "))
            total_bad += len(bad)
            print()
    return total_bad


def command_line(prog: str, doc: str, run_one: Any, argv: list[str] | None, *, profiles: bool = False,
                 batch: int = 500) -> int:
    """The shared command line of the differential fuzzers: parses ``argv`` and calls
    ``run_one(examples, [profiles,] seed, show, batch, shrink)``, which returns the number of
    disagreements. Exit status: 0 all agree, 1 disagreements, 2 no oracle."""
    per = " per profile" if profiles else ""
    parser = argparse.ArgumentParser(prog=f"python -m {prog}", description=" ".join(doc.split("\n\n")[0].split()))
    parser.add_argument("--examples", type=int, default=2000, help=f"examples{per} (default 2000)")
    if profiles:
        parser.add_argument("--profile", choices=PROFILES, action="append", help="default: both")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: random, printed)")
    parser.add_argument("--show", type=int, default=5, metavar="N", help="print the first N disagreements")
    parser.add_argument("--batch", type=int, default=batch, help="examples per oracle batch")
    parser.add_argument("--no-shrink", dest="shrink", action="store_false", help="print disagreements as found")
    args = parser.parse_args(argv)
    from .oracle import available

    if not available():
        print("the oracle is not available (java, javac or the Velocity jars are missing)", file=sys.stderr)
        return 2
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    chosen = (tuple(args.profile or PROFILES),) if profiles else ()
    return 1 if run_one(args.examples, *chosen, seed, args.show, args.batch, args.shrink) else 0


def main(argv: list[str] | None = None) -> int:
    return command_line("conformance.fuzz", __doc__ or "", run, argv, profiles=True)


if __name__ == "__main__":
    sys.exit(main())
