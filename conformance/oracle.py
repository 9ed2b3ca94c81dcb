"""Client for the reference renderer: Apache Velocity 1.7 running in a JVM.

The Java side (``conformance/oracle/*.java``) is compiled on demand into
``conformance/oracle/build/`` and kept running as one subprocess that answers
JSON Lines requests (protocol in ``conformance/README.md``, section "Oracle").

    with Oracle() as o:
        o.render("Hello $name", {"name": "World"})                 # stock Velocity 1.7
        o.render("$input.params('q')", profile="apigateway", event=ev)
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import selectors
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent / "oracle"
BUILD = HERE / "build"
JAR_DIR = Path(os.environ.get("VTL_ORACLE_JARS", "/usr/share/java"))
REQUIRED_JARS = (
    "velocity-1.7.jar",
    "commons-collections3.jar",
    "commons-lang.jar",
    "json-smart.jar",
    "accessors-smart.jar",
    "json-path.jar",
    "slf4j-api.jar",
)
OPTIONAL_JARS = ("oro.jar", "asm.jar", "slf4j-nop.jar")
CHUNK = 200
_GRACE = 15.0


def _classpath() -> str:
    jars = [JAR_DIR / j for j in REQUIRED_JARS + OPTIONAL_JARS if (JAR_DIR / j).exists()]
    return os.pathsep.join([str(BUILD), *map(str, jars)])


def available() -> bool:
    """True when java, javac and the jars the oracle needs are installed."""
    if not (shutil.which("java") and shutil.which("javac")):
        return False
    return all((JAR_DIR / j).exists() for j in REQUIRED_JARS)


def _stale() -> bool:
    sources = list(HERE.glob("*.java"))
    newest = max(p.stat().st_mtime for p in sources)
    for src in sources:
        cls = BUILD / (src.stem + ".class")
        if not cls.exists() or cls.stat().st_mtime < newest:
            return True
    return False


def build() -> None:
    """Compile the Java sources into ``build/`` unless the classes are up to date."""
    BUILD.mkdir(parents=True, exist_ok=True)
    with open(BUILD / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not _stale():
            return
        with tempfile.TemporaryDirectory(dir=BUILD) as tmp:
            cmd = ["javac", "-nowarn", "-Xlint:none", "-encoding", "UTF-8",
                   "-cp", _classpath(), "-d", tmp, *map(str, sorted(HERE.glob("*.java")))]
            done = subprocess.run(cmd, capture_output=True, text=True)
            if done.returncode:
                raise RuntimeError("javac failed:\n" + done.stderr)
            for cls in Path(tmp).glob("*.class"):
                os.replace(cls, BUILD / cls.name)


class OracleError(RuntimeError):
    """The JVM could not be started or stopped answering."""


class Oracle:
    """One reusable JVM rendering templates with real Velocity 1.7."""

    def __init__(self, timeout: float = 10.0) -> None:
        self.timeout = timeout
        self._proc: subprocess.Popen[bytes] | None = None
        self._buf = b""
        self._next_id = 0

    # -- lifecycle -------------------------------------------------------
    def __enter__(self) -> Oracle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the JVM (it is restarted by the next request)."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        with contextlib.suppress(OSError):
            proc.stdin.close()  # type: ignore[union-attr]
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        with contextlib.suppress(OSError):
            proc.stdout.close()  # type: ignore[union-attr]

    def _start(self) -> subprocess.Popen[bytes]:
        if self._proc is not None and self._proc.poll() is None:
            return self._proc
        self.close()
        if not available():
            raise OracleError("java, javac or the Velocity jars are missing")
        build()
        # Reflection keeps its native accessors: once inflated to generated ones (after 15
        # calls of a method), Java 17 throws IllegalArgumentException without its message
        # ("wrong number of arguments"), so a recording would depend on what ran before it.
        # For the same reason the JIT may not replace an exception thrown often at one place
        # by a preallocated one without message (ArrayIndexOutOfBoundsException's index).
        cmd = ["java", "-Xmx1g", "-XX:+UseSerialGC", "-Dsun.reflect.inflationThreshold=2147483647",
               "-XX:-OmitStackTraceInFastThrow", "-cp", _classpath(), "Oracle", str(int(self.timeout * 1000))]
        self._proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      stderr=subprocess.DEVNULL)
        self._buf = b""
        return self._proc

    # -- requests --------------------------------------------------------
    def render(
        self,
        template: str,
        vars: dict | None = None,
        *,
        profile: str = "velocity",
        event: dict | None = None,
        response_body: str | None = None,
        context_overrides: dict | None = None,
    ) -> dict:
        """Render one template; returns ``{"output"}`` or ``{"error", "message", "partial"}``."""
        req: dict[str, Any] = {"template": template, "profile": profile}
        if vars is not None:
            req["vars"] = vars
        if event is not None:
            req["event"] = event
        if response_body is not None:
            req["response_body"] = response_body
        if context_overrides is not None:
            req["context_overrides"] = context_overrides
        return self.render_many([req])[0]

    def render_many(self, requests: list[dict]) -> list[dict]:
        """Render many requests (protocol keys without ``id``), pipelined in chunks."""
        results: list[dict] = []
        for start in range(0, len(requests), CHUNK):
            results.extend(self._chunk(requests[start:start + CHUNK]))
        return results

    def _chunk(self, requests: list[dict]) -> list[dict]:
        answers: list[dict] = []
        while len(answers) < len(requests):
            todo = requests[len(answers):]
            got = self._exchange(todo)
            answers.extend(got)
            if len(got) < len(todo):
                # The JVM died or hung on the next case: report it and go on without it.
                answers.append({"error": "OracleCrashed", "message": "the JVM stopped answering",
                                "partial": ""})
                self.close()
        return answers

    def _exchange(self, requests: list[dict]) -> list[dict]:
        proc = self._start()
        ids = []
        lines = []
        for req in requests:
            self._next_id += 1
            ids.append(self._next_id)
            lines.append(json.dumps({**req, "id": self._next_id}) + "\n")
        payload = "".join(lines).encode()

        def feed() -> None:
            with contextlib.suppress(OSError, ValueError):
                proc.stdin.write(payload)  # type: ignore[union-attr]
                proc.stdin.flush()  # type: ignore[union-attr]

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        out: list[dict] = []
        for want in ids:
            line = self._readline(proc)
            if line is None:
                break
            answer = json.loads(line)
            if answer.pop("id", None) != want:
                raise OracleError(f"answer out of order: wanted {want}")
            out.append(answer)
        writer.join(timeout=1)
        return out

    def _readline(self, proc: subprocess.Popen[bytes]) -> bytes | None:
        fd = proc.stdout.fileno()  # type: ignore[union-attr]
        with selectors.DefaultSelector() as sel:
            sel.register(fd, selectors.EVENT_READ)
            while b"\n" not in self._buf:
                if not sel.select(timeout=self.timeout + _GRACE):
                    return None
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    return None
                self._buf += chunk
        line, _, self._buf = self._buf.partition(b"\n")
        return line
