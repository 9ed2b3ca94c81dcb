"""The README's ``$ vtl ...`` commands run as written, from the repository root."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from vtl.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _sessions() -> list[tuple[list[str], str]]:
    """Each ``$ vtl ...`` line of the README's shell blocks, with the output shown under it."""
    found = []
    for block in re.findall(r"```bash\n(.*?)```", README, re.S):
        lines = block.splitlines()
        for i, line in enumerate(lines):
            if line.startswith("$ vtl "):
                shown = []
                for out in lines[i + 1:]:
                    if out.startswith("$") or not out:
                        break
                    shown.append(out)
                found.append((shlex.split(line[2:], comments=True)[1:], "\n".join(shown)))
    return found


SESSIONS = _sessions()


def test_the_readme_shows_commands() -> None:
    assert len(SESSIONS) >= 4


@pytest.mark.parametrize(("argv", "shown"), SESSIONS, ids=[" ".join(a) for a, _ in SESSIONS])
def test_readme_command_runs_as_shown(argv, shown, monkeypatch, capsys) -> None:
    monkeypatch.chdir(ROOT)
    status = main(argv)
    out = capsys.readouterr().out
    assert status == (1 if argv[0] == "lint" and shown else 0)
    if shown:  # the output shown is the start of the real one ('...' marks the cut)
        assert out.startswith(shown.removesuffix("...").rstrip("\n")), out[:2000]
