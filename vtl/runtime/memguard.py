"""How much memory one render may make the process take (``Limits.max_memory_growth``).

The other budgets bound each value a template builds; this one bounds how many of them it
keeps. The compiled template counts the work that can keep memory, in units of about a
byte: the characters of long strings it builds, eight per element of the lists and maps
methods hand it, a few kilobytes per iteration of a loop. After every ``_EVERY`` units the
render's guard reads the process's resident size (Linux: ``/proc/self/statm``, a few
microseconds) and fails the render with :class:`vtl.VtlLimitError` once the process has
grown by more than the limit since the render's first reading. Counting too much only reads
the size more often; a render that builds little never reads it, nor makes a guard. Where
the resident size cannot be read there is no guard (cap the process: docs/security.md).

The size is the whole process's, so what other threads allocate meanwhile counts too: the
limit is a safety net against runaway templates, set far above what a template needs.
"""

from __future__ import annotations

import os
import threading

from ..errors import VtlLimitError

__all__ = ["Guard", "available", "note", "RUNNING", "LOOP_TICK", "SMALL", "COUNTED"]

#: Units of work between two readings of the resident size.
_EVERY = 16 << 20
#: What 64 iterations of a loop count for (each may keep a few kilobytes).
LOOP_TICK = 64 * 4096
#: Strings shorter than this are not counted one by one (the loop ticks cover them).
SMALL = 4096
#: Nor are lists and maps with fewer elements.
COUNTED = 512


class Guard:
    """The memory budget of one render."""

    __slots__ = ("limit", "baseline", "pending")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.baseline: int | None = None  # the resident size at the first reading
        self.pending = 0  # units counted since the last reading

    def charge(self, units: int) -> None:
        """Count ``units`` of work; read the resident size once enough has piled up."""
        self.pending += units
        if self.pending >= _EVERY:
            self.pending = 0
            self.check()

    def check(self) -> None:
        """Read the resident size: the first reading is the baseline, a later one more than
        ``limit`` above it fails the render."""
        size = _resident_size()
        if size is None:
            return
        if self.baseline is None:
            self.baseline = size
        elif size - self.baseline > self.limit:
            raise VtlLimitError(
                f"the render made the process grow by more than {self.limit} bytes "
                "(Limits.max_memory_growth)"
            )


# -- the render running in this thread -----------------------------------------------------
#
# Methods that grow a list or map in place (addAll, putAll) return no collection the compiled
# template could count, and have no render state at hand: they count through the state of
# the render running in their thread: each render's state stores itself in ``RUNNING.state``
# when it is made, and the render clears it when done (renders never interleave within a
# thread: nothing in a render awaits).

RUNNING = threading.local()


def note(units: int) -> None:
    """Count ``units`` against the render running in this thread, if any."""
    state = getattr(RUNNING, "state", None)
    if state is not None:
        state.charge(units)  # type: ignore[attr-defined]


# -- reading the resident size -------------------------------------------------------------

_STATM = "/proc/self/statm"
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_lock = threading.Lock()
_file: list = []  # [pid, descriptor] of the open statm file (reopened after a fork)


def _resident_size() -> int | None:
    """The process's resident set size in bytes, or ``None`` where it cannot be read."""
    pid = os.getpid()
    with _lock:
        if not _file or _file[0] != pid:
            try:
                fd = os.open(_STATM, os.O_RDONLY)
            except OSError:
                return None
            _file[:] = [pid, fd]
        fd = _file[1]
    try:
        return int(os.pread(fd, 128, 0).split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return None


_AVAILABLE: list[bool] = []


def available() -> bool:
    """Whether the resident size can be read here (read once)."""
    if not _AVAILABLE:
        _AVAILABLE.append(_resident_size() is not None)
    return _AVAILABLE[0]
