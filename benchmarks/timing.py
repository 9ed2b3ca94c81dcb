"""Median time per call and peak traced memory, measured the same way for every side.

Time: a call is repeated in batches long enough for the clock (``perf_counter_ns``); a
sample is one batch's time divided by its length; the result is the median of the samples.
Two functions being compared are warmed up, then sampled alternately (A B, B A, A B, ...),
so drift on a shared machine hits both sides alike. The garbage collector runs between
batches, not inside them, as ``timeit`` does.
"""

from __future__ import annotations

import gc
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """How hard to measure: warm-up time, samples per side, and the batch length."""

    warmup_ns: int = 200_000_000
    min_samples: int = 7
    max_samples: int = 41
    budget_ns: int = 1_500_000_000  # per side, split over the samples
    batch_ns: int = 20_000_000

    @classmethod
    def quick(cls) -> Settings:
        """A smoke run: little warm-up, three samples, short batches."""
        return cls(warmup_ns=0, min_samples=3, max_samples=3, budget_ns=0, batch_ns=1_000_000)


def _batch(fn: Callable[[], object], number: int, *, collect: bool = True) -> int:
    if collect:
        gc.collect()
    gc.disable()
    try:
        start = time.perf_counter_ns()
        for _ in range(number):
            fn()
        return time.perf_counter_ns() - start
    finally:
        gc.enable()


def _calibrate(fn: Callable[[], object], settings: Settings) -> tuple[int, int]:
    """Warm ``fn`` up; return (calls per batch, nanoseconds per call estimate)."""
    once = max(_batch(fn, 1), 1)
    calls, spent = 1, once
    while spent < settings.warmup_ns:
        step = max(1, min(calls, (settings.warmup_ns - spent) // max(spent // calls, 1)))
        spent += _batch(fn, step, collect=False)
        calls += step
    per_call = max(spent // calls, 1)
    if settings.batch_ns // per_call > 1:  # a fresh estimate, now that it is warm
        number = settings.batch_ns // per_call
        per_call = max(_batch(fn, number) // number, 1)
    return max(1, settings.batch_ns // per_call), per_call


def _sample_count(per_call_ns: int, number: int, settings: Settings) -> int:
    wanted = settings.budget_ns // max(per_call_ns * number, 1)
    return int(min(settings.max_samples, max(settings.min_samples, wanted)))


def median_ns(fn: Callable[[], object], settings: Settings) -> float:
    """Median nanoseconds per call of ``fn``."""
    number, per_call = _calibrate(fn, settings)
    samples = [_batch(fn, number) / number
               for _ in range(_sample_count(per_call, number, settings))]
    return statistics.median(samples)


def compare_ns(a: Callable[[], object], b: Callable[[], object],
               settings: Settings) -> tuple[float, float]:
    """Median nanoseconds per call of ``a`` and of ``b``, sampled alternately."""
    number_a, per_a = _calibrate(a, settings)
    number_b, per_b = _calibrate(b, settings)
    count = min(_sample_count(per_a, number_a, settings), _sample_count(per_b, number_b, settings))
    samples_a: list[float] = []
    samples_b: list[float] = []
    for index in range(count):
        first_a = index % 2 == 0
        if first_a:
            samples_a.append(_batch(a, number_a) / number_a)
        samples_b.append(_batch(b, number_b) / number_b)
        if not first_a:
            samples_a.append(_batch(a, number_a) / number_a)
    return statistics.median(samples_a), statistics.median(samples_b)


def peak_bytes(fn: Callable[[], object]) -> int:
    """Peak of the memory ``tracemalloc`` sees allocated while ``fn`` runs (result included)."""
    gc.collect()
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        result = fn()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    del result
    return peak
