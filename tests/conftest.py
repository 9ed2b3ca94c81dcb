"""Shared fixtures and the conformance summary.

The project root is put on ``sys.path`` so that tests can import ``conformance``.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

_conformance: dict[tuple[str, str], Counter] = {}


@pytest.fixture(scope="session")
def oracle():
    """One Velocity 1.7 oracle JVM for the whole session (skips when Java is missing)."""
    from conformance.oracle import Oracle, available

    if not available():
        pytest.skip("the Velocity oracle needs java, javac and Debian's velocity jars")
    with Oracle() as instance:
        yield instance


def pytest_runtest_logreport(report):
    """Tally conformance outcomes per (corpus file, profile)."""
    props = dict(report.user_properties)
    key = props.get("conformance")
    if key is None:
        return
    if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
        if hasattr(report, "wasxfail"):
            status = "xpass" if report.outcome == "passed" else "xfail"
        else:
            status = {"passed": "pass", "failed": "fail", "skipped": "skip"}[report.outcome]
        feature, profile = key.split("|")
        _conformance.setdefault((feature, profile), Counter())[status] += 1


def pytest_terminal_summary(terminalreporter):
    """Print the per-file pass table of the conformance corpus."""
    if not _conformance:
        return
    from conformance.report import table

    terminalreporter.section("conformance: passed / checked per corpus file")
    terminalreporter.write_line(table(_conformance))
    xfail = sum(c["xfail"] for c in _conformance.values())
    xpass = sum(c["xpass"] for c in _conformance.values())
    if xfail or xpass:
        terminalreporter.write_line(f"known gaps (XFAIL): {xfail}, fixed gaps still listed (XPASS): {xpass}")
