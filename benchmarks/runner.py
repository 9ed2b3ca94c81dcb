"""``python -m benchmarks``: measure every row and print the table (or JSON)."""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections.abc import Sequence
from typing import Any

from . import airspeed_shim, inputs, report, velocityjs, workloads
from .results import ERROR, Result, measure
from .timing import Settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Time apigw-vtl against hand-written Python and other Velocity engines.")
    parser.add_argument("--quick", action="store_true",
                        help="few repetitions and no warm-up: a smoke run, not a measurement")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--only", metavar="SECTION[,SECTION]",
                        help="run these sections: " + ", ".join(workloads.sections()))
    parser.add_argument("--tiny", action="store_true",
                        help="tiny inputs (checks that the outputs agree; figures are meaningless)")
    parser.add_argument("--no-engines", action="store_true",
                        help="leave out airspeed-ext and velocityjs")
    profile = parser.add_mutually_exclusive_group()
    profile.add_argument("--profile", dest="profile", action="store_true", default=None,
                         help="profile missed rows (the default without --quick)")
    profile.add_argument("--no-profile", dest="profile", action="store_false")
    return parser


def environment(settings: Settings, sizes: inputs.Sizes) -> dict[str, Any]:
    """What the figures were measured on."""
    import vtl

    return {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "vtl": getattr(vtl, "__version__", "?"),
        "airspeed-ext": airspeed_shim.version() or "absent",
        "velocityjs": velocityjs.version() or "absent",
        "mode": "quick" if settings == Settings.quick() else "full",
        "sizes": "tiny" if sizes == inputs.TINY else "full",
    }


def run(names: Sequence[str], sizes: inputs.Sizes, settings: Settings, *, engines: bool,
        profile: bool, progress: bool = True) -> list[Result]:
    """Build and measure the rows of the named sections, in order."""
    results: list[Result] = []
    subject_times: dict[str, float] = {}
    for name in names:
        build = workloads.sections()[name]
        try:
            rows = list(build(sizes, engines))
        except Exception as exc:  # noqa: BLE001 - report the section as broken, go on
            results.append(Result(name, "", "time", status=ERROR,
                                  note=f"{type(exc).__name__}: {exc}".splitlines()[0][:200]))
            continue
        for row in rows:
            started = time.perf_counter()
            result = measure(row, settings, subject_times, profile=profile)
            results.append(result)
            if progress:
                print(f"  {row.name} / {row.baseline_name}: {result.status} "
                      f"({time.perf_counter() - started:.1f} s)", file=sys.stderr, flush=True)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    """Run the suite; the exit status is 1 when a row errored (a missed target is not an
    error: the table says so)."""
    args = _parser().parse_args(argv)
    sections = list(workloads.sections())
    names = sections if not args.only else [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = [name for name in names if name not in sections]
    if unknown:
        _parser().error(f"unknown section(s): {', '.join(unknown)}")
    settings = Settings.quick() if args.quick else Settings()
    sizes = inputs.TINY if args.tiny else inputs.FULL
    profile = (not args.quick) if args.profile is None else args.profile
    results = run(names, sizes, settings, engines=not args.no_engines, profile=profile)
    header = environment(settings, sizes)
    if args.json:
        report.write_json(results, header, sys.stdout)
    else:
        report.write_text(results, header, sys.stdout)
    return 1 if any(result.status == ERROR for result in results) else 0
