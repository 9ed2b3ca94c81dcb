"""velocityjs under node, for reference figures. Optional: used only when ``node`` is on the
PATH and ``require('velocityjs')`` resolves (locally or in ``npm root -g``)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

from .timing import Settings

SCRIPT = Path(__file__).resolve().parent / "velocityjs_bench.js"


@cache
def _node_env() -> dict[str, str] | None:
    """The environment under which node finds velocityjs, or None when it cannot."""
    node = shutil.which("node")
    if node is None:
        return None
    env = dict(os.environ)
    paths = [p for p in env.get("NODE_PATH", "").split(os.pathsep) if p]
    npm = shutil.which("npm")
    if npm is not None:
        try:
            root = subprocess.run([npm, "root", "-g"], capture_output=True, text=True,
                                  timeout=30).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            root = ""
        if root:
            paths.append(root)
    env["NODE_PATH"] = os.pathsep.join(paths)
    try:
        found = subprocess.run([node, "-e", "require.resolve('velocityjs')"], env=env,
                               capture_output=True, timeout=30, cwd=SCRIPT.parent)
    except (OSError, subprocess.SubprocessError):
        return None
    return env if found.returncode == 0 else None


def available() -> bool:
    """True when node can load velocityjs."""
    return _node_env() is not None


@cache
def version() -> str | None:
    """The velocityjs version node loads, if any."""
    env = _node_env()
    if env is None:
        return None
    script = ("const path = require('path'), fs = require('fs');"
              "let dir = path.dirname(require.resolve('velocityjs'));"
              "while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);"
              "require(path.join(dir, 'package.json')).version")
    done = subprocess.run(["node", "-p", script],
                          env=env, capture_output=True, text=True, timeout=30)
    return done.stdout.strip() or None


def measure(mode: str, template: str, settings: Settings, event: dict[str, Any] | None = None,
            body: str | None = None) -> tuple[float, str | None]:
    """(median ns per call, output of one render) for ``mode`` "render" or "compile"."""
    env = _node_env()
    if env is None:
        raise RuntimeError("velocityjs is not available")
    job = {"mode": mode, "template": template, "event": event or {}, "body": body,
           "warmup_ns": settings.warmup_ns, "samples": max(settings.min_samples, 11),
           "batch_ns": settings.batch_ns}
    done = subprocess.run(["node", str(SCRIPT)], input=json.dumps(job), env=env,
                          capture_output=True, text=True, timeout=600, cwd=SCRIPT.parent)
    if done.returncode:
        raise RuntimeError(f"velocityjs failed: {done.stderr.strip()[-500:]}")
    result = json.loads(done.stdout)
    return float(result["median_ns"]), result.get("output")
