"""Java exceptions thrown by the value model.

A :class:`vtl.errors.JavaException` carries the *simple* class name (``StringIndexOutOfBoundsException``),
as Velocity's error classes are named; :func:`qualified_name` gives back the package, which
Velocity prints in messages ("threw exception java.lang.StringIndexOutOfBoundsException: ...").
"""

from __future__ import annotations

from ..errors import JavaException

__all__ = ["java_exception", "qualified_name"]

_QUALIFIED: dict[str, str] = {
    name.rsplit(".", 1)[-1]: name
    for name in (
        "java.lang.ArithmeticException",
        "java.lang.ArrayIndexOutOfBoundsException",
        "java.lang.ClassCastException",
        "java.lang.IllegalArgumentException",
        "java.lang.IllegalMonitorStateException",
        "java.lang.IndexOutOfBoundsException",
        "java.lang.NullPointerException",
        "java.lang.NumberFormatException",
        "java.lang.StackOverflowError",
        "java.lang.StringIndexOutOfBoundsException",
        "java.lang.UnsupportedOperationException",
        "java.util.ConcurrentModificationException",
        "java.util.NoSuchElementException",
        "java.util.regex.PatternSyntaxException",
        "org.apache.velocity.exception.MethodInvocationException",
        "org.apache.velocity.exception.VelocityException",
    )
}


def java_exception(qualified: str, message: str = "") -> JavaException:
    """A ``JavaException`` for the Java class ``qualified`` (stored by its simple name)."""
    simple = qualified.rsplit(".", 1)[-1]
    _QUALIFIED.setdefault(simple, qualified)
    return JavaException(simple, message)


def qualified_name(java_class: str) -> str:
    """The fully qualified name of an exception class the model throws (``java.lang.…``)."""
    return _QUALIFIED.get(java_class, java_class)
