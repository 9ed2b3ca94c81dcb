"""Map keys that a Python dict cannot hold as themselves (see vtl.runtime.values.JavaKey).

The Java behaviour is recorded from Velocity 1.7 in conformance/velocity/collections.json
(cases ``key-*``); these tests cover what only the Python API can do: hand in such keys.
"""

from __future__ import annotations

import pytest

import vtl
from vtl.runtime.hashing import java_key
from vtl.runtime.values import JavaKey, JavaList


@pytest.mark.parametrize("profile", ["velocity", "apigateway"])
def test_variable_keys_are_java_keys(profile: str) -> None:
    m = {1.5: "d", True: "b", "s": "str", 2: "int", None: "null"}
    out = vtl.compile("$m $m.get(1.5) $m.get(true) $m.get(2) $m.keySet() $m.size()", profile).render({"m": m})
    assert out == "{1.5=d, true=b, s=str, 2=int, null=null} d b int [1.5, true, s, 2, null] 5"


def test_strings_and_ints_stay_raw() -> None:
    assert java_key("a") == "a" and type(java_key("a")) is str
    assert java_key(7) == 7 and type(java_key(7)) is int
    assert java_key(None) is None


def test_java_key_equality_is_type_strict() -> None:
    assert java_key(True) != java_key(1.0)
    assert java_key(1.0) == java_key(1.0)
    assert java_key(0.0) != java_key(-0.0)
    assert java_key(float("nan")) == java_key(float("nan"))
    assert java_key(JavaList([1])) == java_key(JavaList([1]))
    assert java_key(java_key(True)) == java_key(True)
    assert type(java_key(java_key(True))) is JavaKey
    assert len({java_key(True), 1, java_key(1.0), "1"}) == 4


def test_literal_map_keeps_keys_apart() -> None:
    out = vtl.compile("#set($m = {1: 'i', 1.0: 'd', true: 'b', [1]: 'l'})$m $m.get([1])", "velocity").render()
    assert out == "{1=i, 1.0=d, true=b, [1]=l} l"
