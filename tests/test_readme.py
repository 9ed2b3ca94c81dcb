"""The README's examples run as written."""

import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_pytest_example_passes():
    text = README.read_text(encoding="utf-8")
    match = re.search(r"```python\n(import vtl\n\nTEMPLATE.*?)```", text, re.S)
    assert match, "the README lost its pytest example"
    namespace: dict = {}
    exec(compile(match.group(1), "README.md", "exec"), namespace)  # noqa: S102 - our own README
    namespace["test_request_mapping"]()
