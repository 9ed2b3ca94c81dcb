"""Which files to lint: the paths given, and template-bearing files below directories."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator
from pathlib import Path

from .extract import DOCUMENT_SUFFIXES, TEMPLATE_SUFFIXES

#: Directories never searched: VCS data, dependencies, caches, and build outputs that copy
#: the real sources (.aws-sam/build, .serverless). Hidden directories are skipped too.
SKIP_DIRS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})


def _wanted(name: str) -> bool:
    return name.lower().endswith(TEMPLATE_SUFFIXES + DOCUMENT_SUFFIXES)


def _excluded(path: Path, patterns: list[str], base: Path | None = None) -> bool:
    """Does a pattern match the path as given, its name, or the path relative to ``base``?"""
    if not patterns:
        return False
    texts = [path.as_posix(), path.name]
    if base is not None:  # the directory of the pyproject.toml the patterns come from
        try:
            texts.append(path.resolve().relative_to(base.resolve()).as_posix())
        except (ValueError, OSError):
            pass
    return any(fnmatch.fnmatch(text, p) for text in texts for p in patterns)


def iter_files(paths: list[str], exclude: list[str] | None = None, base: Path | None = None) -> Iterator[Path]:
    """The files to lint, in a stable order.

    A file named on the command line is always linted (even with another suffix: it is then
    read as a template). Below a directory only ``.vm``/``.vtl``/``.json``/``.yaml``/``.yml``/
    ``.template`` files are; in a ``cdk.out`` directory only ``*.template.json`` (the synthesized
    CloudFormation, not the copied assets). ``exclude`` patterns match a path as given, its
    name, or its path relative to ``base`` (where the settings live), from any directory.
    """
    exclude = exclude or []
    for name in paths:
        path = Path(name)
        if not path.is_dir():
            if not _excluded(path, exclude, base):
                yield path
            continue
        for root, dirs, files in os.walk(path):
            root_path = Path(root)
            in_cdk_out = "cdk.out" in root_path.parts
            dirs[:] = sorted(
                d for d in dirs
                if not d.startswith(".") and d not in SKIP_DIRS and not (in_cdk_out and d.startswith("asset."))
                and not _excluded(root_path / d, exclude, base)
            )
            for file in sorted(files):
                if in_cdk_out and not file.endswith(".template.json"):
                    continue
                if _wanted(file) and not _excluded(root_path / file, exclude, base):
                    yield root_path / file
