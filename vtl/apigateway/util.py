"""``$util``: the helper functions API Gateway gives every mapping template.

Each takes a Java ``String``: called with another kind of value (a number, a map) the method
does not apply, and Velocity prints the reference as written, as for any method that does not
exist. A Java exception (a bad ``%`` escape, invalid Base64, JSON json-smart rejects, a null
argument to any but ``escapeJavaScript``) fails the template, as it makes AWS answer 500.
"""

from __future__ import annotations

from typing import Any

from ..runtime import MISSING, HostObject, JavaChar, memguard
from ..runtime.exceptions import java_exception
from .encoding import base64_decode, base64_encode, escape_javascript, url_decode, url_encode
from .javajson import parse_json

__all__ = ["Util", "UTIL"]


def _string_method(function: Any, null_message: str | None = None) -> Any:
    """Wrap ``function(str)`` as a host method taking one Java String.

    A null argument (an index into something that is no list or map, a null loop element:
    the nulls the API Gateway profile does not turn into ``""``) gives null when the Java
    method accepts it (``null_message`` None), else the NullPointerException it throws.
    """

    def method(self: Util, value: Any) -> Any:
        if type(value) is str:
            return function(value)
        if value is None:
            if null_message is None:
                return None
            raise java_exception("java.lang.NullPointerException", null_message)
        if not isinstance(value, str) or type(value) is JavaChar:
            return MISSING
        return function(value)

    method.__name__ = function.__name__
    method.vtl_str_function = function  # type: ignore[attr-defined]  # what a str argument gets
    return method


def _parse_json(text: str) -> Any:
    """``parseJson``: the tree may be ten times the text, counted against the render's
    memory guard (a loop parsing a large text again and again keeps every tree)."""
    if len(text) >= memguard.SMALL:
        memguard.note(8 * len(text))
    return parse_json(text)


_NPE = 'Cannot invoke "%s" because "%s" is null'


class Util(HostObject):
    """The ``$util`` variable (stateless: one instance serves every render)."""

    __slots__ = ()
    java_class = "com.amazonaws.apigateway.mapping.Util"

    # commons-lang's escapeJavaScript(null) is null; the others dereference their argument
    # (messages as Java 17 words them, like the rest of the model's Java exceptions).
    vtl_methods = {
        "escapeJavaScript": _string_method(escape_javascript),
        "parseJson": _string_method(_parse_json, _NPE % ("String.length()", "in")),
        "urlEncode": _string_method(url_encode, _NPE % ("String.length()", "s")),
        "urlDecode": _string_method(url_decode, _NPE % ("String.length()", "s")),
        "base64Encode": _string_method(base64_encode, _NPE % ("String.getBytes(java.nio.charset.Charset)", "<parameter1>")),
        "base64Decode": _string_method(base64_decode, _NPE % ("String.getBytes(java.nio.charset.Charset)", "src")),
    }


#: The shared ``$util`` instance.
UTIL = Util()
