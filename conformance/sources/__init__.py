"""Case sources for the recorded Velocity corpus.

Each feature is a module here exposing ``cases() -> list[dict]`` or a ``<feature>.json``
file holding such a list. A case is a dict:

``id``        unique within the feature, readable (it becomes part of the pytest id)
``template``  the VTL source
``vars``      JSON variables (optional, default ``{}``)
``profiles``  the profiles to record it in (optional, default both)
``mask``      true when the output holds Java identity hashes (``[Ljava.lang.String;@1b6d``);
              comparisons then replace every ``@<hex>`` after a class name by ``@HASH``
``note``      free text (optional)
``event``     an API Gateway REST proxy event (optional): the case is then an API Gateway
              mapping template, rendered with ``$input``/``$util``/``$context`` built from it,
              in the ``apigateway`` profile only
``response_body``  with ``event``: render as a response template over this integration body

Expectations never live here: ``python -m conformance.record`` asks the real engine.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
PROFILES = ("velocity", "apigateway")
_KEYS = {"id", "template", "vars", "profiles", "mask", "note", "event", "response_body"}


def case(
    id: str,  # noqa: A002 - the corpus field is called id
    template: str,
    vars: dict[str, Any] | None = None,  # noqa: A002
    *,
    profiles: tuple[str, ...] | list[str] | None = None,
    mask: bool = False,
    note: str | None = None,
    event: dict[str, Any] | None = None,
    response_body: str | None = None,
) -> dict[str, Any]:
    """Build one case dict (only the keys that carry information)."""
    out: dict[str, Any] = {"id": id, "template": template}
    if vars:
        out["vars"] = vars
    if profiles is not None:
        out["profiles"] = list(profiles)
    if mask:
        out["mask"] = True
    if note:
        out["note"] = note
    if event is not None:
        out["event"] = event
        out["profiles"] = ["apigateway"]
    if response_body is not None:
        out["response_body"] = response_body
    return out


class Cases(list):
    """A list of cases that refuses duplicate ids and duplicate (template, vars) pairs."""

    def __init__(self) -> None:
        super().__init__()
        self._ids: set[str] = set()
        self._keys: set[str] = set()

    def add(self, id: str, template: str, vars: dict[str, Any] | None = None, **opts: Any) -> None:  # noqa: A002
        """Append a case; a repeated id raises, a repeated (template, vars) is skipped."""
        if id in self._ids:
            raise ValueError(f"duplicate case id {id!r}")
        key = json.dumps(
            [template, vars or {}, opts.get("profiles"), opts.get("event"), opts.get("response_body")],
            sort_keys=True,
        )
        if key in self._keys:
            return
        self._ids.add(id)
        self._keys.add(key)
        self.append(case(id, template, vars, **opts))


def features() -> list[str]:
    """Names of every feature with a source, sorted."""
    names = {p.stem for p in HERE.glob("*.py") if not p.stem.startswith("_")}
    names |= {p.stem for p in HERE.glob("*.json")}
    return sorted(names)


def load(feature: str) -> list[dict[str, Any]]:
    """The validated cases of ``feature``."""
    path = HERE / f"{feature}.json"
    if path.exists():
        items = json.loads(path.read_text(encoding="utf-8"))
    else:
        items = list(importlib.import_module(f"{__name__}.{feature}").cases())
    seen: set[str] = set()
    for item in items:
        extra = set(item) - _KEYS
        if extra or "id" not in item or "template" not in item:
            raise ValueError(f"{feature}: malformed case {item!r}")
        if item["id"] in seen:
            raise ValueError(f"{feature}: duplicate case id {item['id']!r}")
        seen.add(item["id"])
        for profile in item.get("profiles", PROFILES):
            if profile not in PROFILES:
                raise ValueError(f"{feature}/{item['id']}: unknown profile {profile!r}")
        if ("event" in item or "response_body" in item) and item.get("profiles") != ["apigateway"]:
            raise ValueError(f"{feature}/{item['id']}: event cases belong to the apigateway profile only")
        json.dumps(item.get("vars", {}))  # must be JSON
    return items
