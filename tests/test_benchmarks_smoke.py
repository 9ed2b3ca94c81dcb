"""Smoke test of ``python -m benchmarks`` on tiny inputs: outputs agree, the report builds.

No timing is asserted here; speed targets live in ``benchmarks/`` and are read by people.
"""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout

import pytest

from benchmarks import airspeed_shim, inputs, runner, velocityjs, workloads

ROWS = workloads.rows(inputs.TINY, engines=False)


@pytest.mark.parametrize("row", [r for r in ROWS if r.must_match],
                         ids=lambda r: f"{r.name} / {r.baseline_name}")
def test_vtl_and_baseline_print_the_same(row: workloads.Row) -> None:
    assert row.check() is True


def _run(*args: str) -> tuple[int, dict]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = runner.main(["--quick", "--tiny", "--json", "--no-profile", *args])
    return status, json.loads(out.getvalue())


def test_quick_run_reports_every_row_without_errors() -> None:
    status, report = _run()
    results = report["results"]
    assert status == 0, [r for r in results if r["status"] == "error"]
    assert len(results) == len(workloads.rows(inputs.TINY))
    assert {r["status"] for r in results} <= {"met", "missed", "info", "skipped"}
    targeted = [r for r in results if r["target"] is not None and r["status"] != "skipped"]
    assert targeted and all(r["ratio"] is not None for r in targeted)
    expected_skips = (not airspeed_shim.available()) + (not velocityjs.available())
    assert expected_skips or all(r["status"] != "skipped" for r in results)


def test_missing_engines_are_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(airspeed_shim, "available", lambda: False)
    monkeypatch.setattr(velocityjs, "available", lambda: False)
    status, report = _run("--only", "passthrough,compile")
    assert status == 0
    others = [r for r in report["results"] if "airspeed" in r["baseline_name"]
              or "velocityjs" in r["baseline_name"]]
    assert others and all(r["status"] == "skipped" for r in others)


def test_text_table_lists_the_targets() -> None:
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(io.StringIO()):
        assert runner.main(["--quick", "--tiny", "--no-engines", "--only", "escape"]) == 0
    text = out.getvalue()
    assert "escapeJavaScript + replaceAll" in text and "≤ 2×" in text
