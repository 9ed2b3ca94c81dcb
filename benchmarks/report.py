"""Print results: one aligned text table (plus the profiles of missed rows), or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from .results import Result
from .workloads import BUDGET, MEMORY

_HEADERS = ("workload", "baseline", "vtl", "baseline", "ratio", "target", "result", "note")


def time_text(ns: float) -> str:
    """``ns`` nanoseconds in the most readable unit."""
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}" if ns < 100 * scale else f"{ns / scale:.0f} {unit}"
    return f"{ns:.0f} ns"


def bytes_text(size: float) -> str:
    """``size`` bytes in MB, KB or bytes."""
    if size >= 2**20:
        return f"{size / 2**20:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size:.0f} B"


def _values(result: Result) -> tuple[str, str, str]:
    shown = bytes_text if result.kind == MEMORY else time_text
    vtl = "" if result.vtl is None else shown(result.vtl)
    base = "" if result.baseline is None else shown(result.baseline)
    if result.target is None:
        target = ""
    elif result.kind == BUDGET and result.baseline is not None:
        target = f"≤ {time_text(result.baseline * result.target)}"
    else:
        target = f"≤ {result.target:g}×"
    return vtl, base, target


def _cells(result: Result) -> tuple[str, ...]:
    vtl, base, target = _values(result)
    ratio = "" if result.ratio is None else f"{result.ratio:.2f}×"
    return (result.name, result.baseline_name, vtl, base, ratio, target, result.status,
            result.note)


def table(results: Sequence[Result]) -> str:
    """The results as an aligned text table."""
    rows = [_HEADERS, *(_cells(result) for result in results)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_HEADERS))]
    right = {2, 3, 4}
    lines = []
    for number, row in enumerate(rows):
        cells = [cell.rjust(width) if i in right else cell.ljust(width)
                 for i, (cell, width) in enumerate(zip(row, widths))]
        lines.append("  ".join(cells).rstrip())
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def profiles(results: Sequence[Result]) -> str:
    """The top costs of every profiled row, as text."""
    blocks = []
    for result in results:
        if not result.profile:
            continue
        lines = [f"{result.name} / {result.baseline_name} ({result.status}):"]
        for entry in result.profile:
            if "traceback" in entry:
                lines.append(entry["traceback"].rstrip())
            elif "bytes" in entry:
                lines.append(f"  {entry['share']:6.1%}  {bytes_text(entry['bytes']):>9}  "
                             f"{entry['function']}")
            else:
                lines.append(f"  {entry['self_share']:6.1%} self {entry['cumulative_share']:6.1%}"
                             f" cum  {entry['calls_per_op']:>9.6g}/op  {entry['function']}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def write_text(results: Sequence[Result], header: dict[str, Any], out: TextIO) -> None:
    """The environment, the table and the profiles, for a person."""
    out.write("  ".join(f"{key}: {value}" for key, value in header.items()) + "\n\n")
    out.write(table(results) + "\n")
    detail = profiles(results)
    if detail:
        out.write("\nTop costs (cProfile own time, or memory held near the peak):\n\n")
        out.write(detail + "\n")


def write_json(results: Sequence[Result], header: dict[str, Any], out: TextIO) -> None:
    """Everything as one JSON document: ``{"environment": ..., "results": [...]}``."""
    json.dump({"environment": header, "results": [r.as_dict() for r in results]}, out,
              indent=2, ensure_ascii=False)
    out.write("\n")
