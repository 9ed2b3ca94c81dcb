"""Benchmark inputs: the template files under ``data/`` and the generated request bodies.

Every generator is seeded, so two runs (and the smoke test) see the same bytes.
"""

from __future__ import annotations

import copy
import json
import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Sizes:
    """How big the generated inputs are; the smoke test shrinks them."""

    petstore_small: int = 3
    petstore_large: int = 10_000
    messages: int = 1_000
    big_body_bytes: int = 10 * 1024 * 1024


FULL = Sizes()
TINY = Sizes(petstore_small=3, petstore_large=25, messages=12, big_body_bytes=20_000)


@cache
def template(name: str) -> str:
    """The text of ``data/<name>.vm``, byte for byte."""
    return (DATA / f"{name}.vm").read_bytes().decode("utf-8")


def passthrough_event() -> dict[str, Any]:
    """A realistic REST proxy event: 10 headers, 3 query and 2 path parameters, 3 stage
    variables and a ~2 KB pretty-printed JSON order as the body."""
    event = copy.deepcopy(_event_skeleton())
    event["body"] = (DATA / "order.json").read_bytes().decode("utf-8")
    return event


def event_with_body(body: str) -> dict[str, Any]:
    """The passthrough event carrying ``body`` instead of the order."""
    event = copy.deepcopy(_event_skeleton())
    event["body"] = body
    return event


@cache
def _event_skeleton() -> dict[str, Any]:
    return json.loads((DATA / "passthrough_event.json").read_bytes())


_PET_TYPES = ("dog", "cat", "fish", "bird", "hamster", "rabbit", "turtle")


def petstore_body(count: int) -> str:
    """The PetStore integration response with ``count`` pets, indented as the demo endpoint
    sends it. Prices have two decimals, so Java and Python print them alike."""
    rng = random.Random(7)
    pets = [
        {"id": i, "type": _PET_TYPES[rng.randrange(len(_PET_TYPES))],
         "price": rng.randrange(1, 100_000) / 100}
        for i in range(1, count + 1)
    ]
    if count >= 3:  # the developer guide's first three pets
        pets[:3] = [{"id": 1, "type": "dog", "price": 249.99},
                    {"id": 2, "type": "cat", "price": 124.99},
                    {"id": 3, "type": "fish", "price": 0.99}]
    return json.dumps(pets, indent=2)


_WORDS = (
    "order", "shipped", "today", "customer", "café", "naïve", "résumé", "Zürich", "東京",
    "заказ", "price", "£12.50", "100%", "tea", "mug", "honey", "biscuits", "parcel", "neighbour",
    "delivery", "window", "weekend", "gift", "wrap", "note", "thanks", "😀", "🚚", "ok",
)
_DECOR = ('"{}"', "'{}'", "{}'s", "{}/{}", "{}\n", "{}\t", "<{}>", "{}\\{}", "{}&{}")


def messages(count: int) -> list[str]:
    """``count`` short texts mixing plain words with quotes, apostrophes, slashes, control
    characters, accents, CJK and astral emoji: all that ``escapeJavaScript`` has to escape."""
    rng = random.Random(11)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randrange(6, 18)):
            word = _WORDS[rng.randrange(len(_WORDS))]
            if rng.random() < 0.2:
                word = _DECOR[rng.randrange(len(_DECOR))].format(word, word)
            parts.append(word)
        texts.append(" ".join(parts))
    return texts


def messages_body(count: int) -> str:
    """A JSON object holding :func:`messages` under ``messages``."""
    return json.dumps({"messages": messages(count)}, ensure_ascii=False)


def big_body(size: int) -> str:
    """A JSON array of catalogue records, about ``size`` characters of ``json.dumps`` text.

    No ``/`` and no characters json-smart escapes (U+007F-U+009F, U+2000-U+20FF), and
    two-decimal prices, so ``$input.json('$')`` must equal compact ``json.dumps`` output.
    """
    rng = random.Random(3)
    records: list[dict[str, Any]] = []
    length = 2
    while length < size:
        i = len(records)
        record = {
            "id": 100_000 + i,
            "sku": f"SKU-{rng.randrange(16**6):06X}",
            "name": f"{_WORDS[i % len(_WORDS)].title()} item {i}",
            "price": rng.randrange(100, 1_000_000) / 100,
            "inStock": rng.random() < 0.8,
            "quantity": rng.randrange(0, 500),
            "tags": [_WORDS[rng.randrange(len(_WORDS))] for _ in range(rng.randrange(0, 4))],
            "dimensions": {"w": rng.randrange(1, 200), "h": rng.randrange(1, 200),
                           "unit": "cm"},
            "description": "Sturdy, well made and \"customer approved\"; ships in 2 days.",
            "discontinued": None,
        }
        records.append(record)
        length += len(json.dumps(record, ensure_ascii=False)) + 2
    return json.dumps(records, ensure_ascii=False)
