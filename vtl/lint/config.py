"""Settings from ``[tool.vtl.lint]`` in the nearest ``pyproject.toml``.

```toml
[tool.vtl.lint]
select = ["VTL"]          # codes or prefixes to run (default: all)
ignore = ["VTL401"]       # codes or prefixes to skip
exclude = ["legacy/*"]    # glob patterns of paths not to lint
format = "text"           # text | json | github | sarif
```
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    tomllib = None  # type: ignore[assignment]


class ConfigError(ValueError):
    """The ``[tool.vtl.lint]`` table is malformed."""


@dataclass(frozen=True)
class LintConfig:
    """Linter settings; ``path`` is the pyproject.toml they came from (None: defaults)."""

    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    format: str | None = None
    path: Path | None = None


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` in ``start`` or one of its parents."""
    start = start.resolve()
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(start: Path) -> LintConfig:
    """Read ``[tool.vtl.lint]`` from the nearest pyproject.toml above ``start``.

    Raises:
        ConfigError: the file does not parse or a setting has the wrong type.
    """
    path = find_pyproject(start)
    if path is None or tomllib is None:
        return LintConfig()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"{path}: {err}") from None
    table = data.get("tool", {}).get("vtl", {}).get("lint", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.vtl.lint] must be a table")
    unknown = set(table) - {"select", "ignore", "exclude", "format"}
    if unknown:
        raise ConfigError(f"{path}: unknown [tool.vtl.lint] setting(s): {', '.join(sorted(unknown))}")

    def strings(name: str) -> list[str] | None:
        value = table.get(name)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: [tool.vtl.lint] {name} must be a list of strings")
        if name != "exclude" and not all(v.strip() for v in value):
            raise ConfigError(f"{path}: [tool.vtl.lint] {name} holds an empty code")
        return value

    if table.get("select") == []:
        raise ConfigError(f"{path}: [tool.vtl.lint] select = [] selects no rule (leave it out to run every rule)")

    fmt = table.get("format")
    if fmt is not None and not isinstance(fmt, str):
        raise ConfigError(f"{path}: [tool.vtl.lint] format must be a string")
    return LintConfig(strings("select"), strings("ignore") or [], strings("exclude") or [], fmt, path)
