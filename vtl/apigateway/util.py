"""``$util``: the helper functions API Gateway gives every mapping template.

Each takes a Java ``String``: called with another kind of value (a number, a map) the method
does not apply, and Velocity prints the reference as written, as for any method that does not
exist. A Java exception (a bad ``%`` escape, invalid Base64, JSON json-smart rejects) fails the
template, as it makes AWS answer 500.
"""

from __future__ import annotations

from typing import Any

from ..runtime import MISSING, HostObject, JavaChar
from .encoding import base64_decode, base64_encode, escape_javascript, url_decode, url_encode
from .javajson import parse_json

__all__ = ["Util", "UTIL"]


def _string_method(function: Any) -> Any:
    """Wrap ``function(str)`` as a host method taking one Java String (null stays null)."""

    def method(self: Util, value: Any) -> Any:
        if type(value) is str:
            return function(value)
        if value is None:
            return None
        if not isinstance(value, str) or type(value) is JavaChar:
            return MISSING
        return function(value)

    method.__name__ = function.__name__
    method.vtl_str_function = function  # type: ignore[attr-defined]  # what a str argument gets
    return method


class Util(HostObject):
    """The ``$util`` variable (stateless: one instance serves every render)."""

    __slots__ = ()
    java_class = "com.amazonaws.apigateway.mapping.Util"

    vtl_methods = {
        "escapeJavaScript": _string_method(escape_javascript),
        "parseJson": _string_method(parse_json),
        "urlEncode": _string_method(url_encode),
        "urlDecode": _string_method(url_decode),
        "base64Encode": _string_method(base64_encode),
        "base64Decode": _string_method(base64_decode),
    }


#: The shared ``$util`` instance.
UTIL = Util()
