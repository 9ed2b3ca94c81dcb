"""Measure one :class:`~benchmarks.workloads.Row` into a :class:`Result`."""

from __future__ import annotations

import traceback
from dataclasses import asdict, dataclass, field
from typing import Any

from . import profiling, timing
from .timing import Settings
from .workloads import BUDGET, EXTERNAL, MEMORY, TIME, Row

MET, MISSED, INFO, SKIPPED, ERROR = "met", "missed", "info", "skipped", "error"


@dataclass
class Result:
    """A measured row. ``vtl``/``baseline`` are nanoseconds per call, or bytes for memory
    rows (the baseline then being the body size); ``ratio`` is vtl / baseline."""

    name: str
    baseline_name: str
    kind: str
    vtl: float | None = None
    baseline: float | None = None
    ratio: float | None = None
    target: float | None = None
    status: str = INFO
    note: str = ""
    profile: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)


def measure(row: Row, settings: Settings, subject_times: dict[str, float], *,
            profile: bool = False) -> Result:
    """Check, time and judge ``row``. ``subject_times`` carries the vtl median of a group to
    its external-engine rows; a failure becomes an ``error`` result, not an exception."""
    result = Result(row.name, row.baseline_name, row.kind, target=row.target)
    if row.skip:
        result.status, result.note = SKIPPED, row.skip
        return result
    try:
        same = row.check()
        if same is not None and not row.must_match:
            result.note = "same output" if same else "output differs"
        _time(row, result, settings, subject_times)
    except Exception as exc:  # noqa: BLE001 - one broken row must not stop the report
        result.status = ERROR
        result.note = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
        result.profile = [{"traceback": traceback.format_exc(limit=-6)}]
        return result
    if result.vtl is not None and result.baseline:
        result.ratio = result.vtl / result.baseline
    if row.target is None or result.ratio is None:
        result.status = INFO
    else:
        result.status = MET if result.ratio <= row.target else MISSED
    if profile and result.status == MISSED:
        if row.kind == MEMORY:
            result.profile = profiling.memory_costs(row.subject, result.vtl)
        else:
            result.profile = profiling.time_costs(row.subject)
    return result


def _time(row: Row, result: Result, settings: Settings, subject_times: dict[str, float]) -> None:
    if row.kind == TIME:
        result.vtl, result.baseline = timing.compare_ns(row.subject, row.baseline, settings)
    elif row.kind == BUDGET:
        result.vtl, result.baseline = timing.median_ns(row.subject, settings), row.budget_ns
    elif row.kind == EXTERNAL:
        mine = subject_times.get(row.group)
        result.vtl = mine if mine is not None else timing.median_ns(row.subject, settings)
        result.baseline, output = row.external(settings)
        if output is not None and row.output is not None:
            result.note = "same output" if output == row.output(row.subject()) else "output differs"
    elif row.kind == MEMORY:
        result.vtl, result.baseline = float(timing.peak_bytes(row.subject)), row.size_bytes
    if row.group and row.kind in (TIME, BUDGET) and row.group not in subject_times:
        subject_times[row.group] = result.vtl
