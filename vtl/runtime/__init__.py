"""The Java value model: how templates see, print, compare and call into values.

This package knows nothing of the parser or of API Gateway; the compiler calls into it.
"""

from __future__ import annotations

from . import arith, compare
from .access import call_method, get_index, get_property, iterate, set_index, set_property
from .arith import add, div, mod, mul, sub
from .compare import eq, ge, gt, is_true, java_equals, le, lt, ne
from .exceptions import qualified_name
from .regex import (
    compile_java_regex,
    java_matches,
    java_replace_all,
    java_replace_first,
    java_split,
)
from .regex import set_timeout as set_regex_timeout
from .text import json_smart_string, to_string
from .values import (
    MISSING,
    HostObject,
    JavaArray,
    JavaChar,
    JavaClass,
    JavaList,
    JsonArray,
    MapEntry,
    from_json,
    java_class_name,
)

__all__ = [
    "MISSING",
    "HostObject",
    "JavaArray",
    "JavaChar",
    "JavaClass",
    "JavaList",
    "JsonArray",
    "MapEntry",
    "add",
    "arith",
    "call_method",
    "compare",
    "compile_java_regex",
    "div",
    "eq",
    "from_json",
    "ge",
    "get_index",
    "get_property",
    "gt",
    "is_true",
    "iterate",
    "java_class_name",
    "java_equals",
    "java_matches",
    "java_replace_all",
    "java_replace_first",
    "java_split",
    "json_smart_string",
    "le",
    "lt",
    "mod",
    "mul",
    "ne",
    "qualified_name",
    "set_index",
    "set_property",
    "set_regex_timeout",
    "sub",
    "to_string",
]
