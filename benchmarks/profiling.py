"""Where a missed row spends: cProfile's top functions, or the allocations alive at the peak."""

from __future__ import annotations

import cProfile
import gc
import pstats
import sys
import threading
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

_ROOT = Path(__file__).resolve().parent.parent


def _short(filename: str) -> str:
    path = Path(filename)
    try:
        return str(path.resolve().relative_to(_ROOT))
    except ValueError:
        return "/".join(path.parts[-2:])


def _where(filename: str, line: int, function: str) -> str:
    if filename == "~":  # a built-in
        return function
    return f"{function} ({_short(filename)}:{line})"


def time_costs(fn: Callable[[], object], *, top: int = 12,
               min_seconds: float = 0.5, max_calls: int = 10_000) -> list[dict[str, Any]]:
    """The ``top`` functions by own time while ``fn`` runs repeatedly under cProfile.

    Each entry: ``function``, ``self_share`` and ``cumulative_share`` (of all profiled time)
    and ``calls_per_op`` (calls per call of ``fn``).
    """
    fn()  # warm: caches and lazy imports are not what we are after
    profiler = cProfile.Profile()
    calls = 0
    start = time.perf_counter()
    profiler.enable()
    while calls < max_calls and (calls == 0 or time.perf_counter() - start < min_seconds):
        fn()
        calls += 1
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = stats.total_tt or 1.0
    entries = []
    for (filename, line, function), (_, ncalls, own, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        if function == "disable" and filename == "~":
            continue
        entries.append({"function": _where(filename, line, function),
                        "self_share": own / total, "cumulative_share": cumulative / total,
                        "calls_per_op": ncalls / calls})
    entries.sort(key=lambda entry: entry["self_share"], reverse=True)
    return entries[:top]


def memory_costs(fn: Callable[[], object], peak: float, *, top: int = 10,
                 frames: int = 3) -> list[dict[str, Any]]:
    """What holds memory near the peak of ``fn`` (``peak`` bytes, as measured before):
    allocation sites, a short call chain each, by size. While ``fn`` runs under tracemalloc a
    watcher thread snapshots the traces whenever their total passes a new high above half of
    ``peak``; the last (highest) snapshot is reported. Tracing makes ``fn`` several times
    slower, so this runs only for a missed memory row."""
    gc.collect()
    switch = sys.getswitchinterval()
    snapshots: list[tracemalloc.Snapshot] = []
    done = threading.Event()

    def watch() -> None:
        high = peak / 2
        while not done.is_set():
            current = tracemalloc.get_traced_memory()[0]
            if current > high:
                snapshots.append(tracemalloc.take_snapshot())
                high = max(current * 1.05, high)
            time.sleep(0.0005)

    tracemalloc.start(frames)
    watcher = threading.Thread(target=watch, daemon=True)
    sys.setswitchinterval(0.0005)
    watcher.start()
    try:
        fn()
    finally:
        done.set()
        watcher.join()
        sys.setswitchinterval(switch)
        tracemalloc.stop()
    if not snapshots:
        return []
    stats = snapshots[-1].statistics("traceback")
    held = sum(stat.size for stat in stats) or 1
    return [{"function": " <- ".join(f"{_short(f.filename)}:{f.lineno}"
                                     for f in reversed(stat.traceback)),
             "bytes": stat.size, "share": stat.size / held}
            for stat in stats[:top]]
