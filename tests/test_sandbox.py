"""The sandbox: a template reaches data, never the Python process or the host objects' guts.

A catalogue of escape attempts taken from Velocity SSTI write-ups and from the way this engine
is built (Python dunders, host objects, closures). Each entry is rendered in both profiles and
must either print something harmless — its own source text (a reference that does not
resolve, as Velocity prints it) or an empty string (API Gateway's null) — or raise a
:class:`vtl.VtlError`.

Where stock Velocity 1.7 *does* reach reflection (checked with the real engine:
``$x.class.forName('java.lang.Runtime')`` prints ``class java.lang.Runtime`` and
``.getRuntime()`` a live ``java.lang.Runtime@...``), we deliberately differ: ``$x.class`` and
``$x.getClass()`` give a name holder that only knows ``getName``/``getSimpleName``/
``getTypeName``/``isArray`` (and ``toString``/``equals``/``hashCode``), so ``forName``,
``getClassLoader``, ``getMethods``... are methods that do not exist and the reference prints
its source (see docs/security.md).

Memory bombs that would exhaust the interpreter when a budget is missing run in a child
process with a capped address space (see ``test_budgets.py``).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import vtl
from vtl.runtime import HostObject

ROOT = Path(vtl.__file__).resolve().parent

#: The output equals the template source (an unresolved reference printed literally).
LITERAL = "<literal>"
#: The output is empty.
EMPTY = ""

Expect = Any  # str | re.Pattern | type[VtlError] | tuple of alternatives


@dataclass(frozen=True)
class Escape:
    id: str
    template: str
    velocity: Expect
    apigateway: Expect

    def expected(self, profile: str) -> Expect:
        return self.velocity if profile == "velocity" else self.apigateway


def _hex_identity(java_class: str, suffix: str = "") -> re.Pattern:
    return re.compile(re.escape(java_class) + "@[0-9a-f]+" + re.escape(suffix))


class Vault(HostObject):
    """An embedder's host object with Python state that must stay out of reach."""

    __slots__ = ("secret", "_token")
    java_class = "com.example.Vault"
    vtl_methods = {"getPublic": lambda self: "public"}

    def __init__(self) -> None:
        self.secret = "s3cr3t"
        self._token = "t0ken"

    def getSecret(self) -> str:  # noqa: N802 - deliberately Java-looking, but not declared
        return self.secret


VARIABLES = {
    "x": "abc",
    "l": [1, 2, 3],
    "m": {"a": 1, "__class__": "k"},
    "n": 7,
    "s": "a" * 25 + "!",
    "vault": Vault(),
}

R = re.compile

CATALOGUE: list[Escape] = [
    # -- Python dunders: not Velocity identifiers, so `$x` ends before `.__class__` ---------
    Escape("dunder-class", "$x.__class__", "abc.__class__", "abc.__class__"),
    Escape("dunder-mro", "$x.__class__.__mro__", "abc.__class__.__mro__", "abc.__class__.__mro__"),
    Escape("dunder-dict-map", "$m.__dict__", "{a=1, __class__=k}.__dict__", "{a=1, __class__=k}.__dict__"),
    Escape("dunder-call", "$l.__getitem__(0)", "[1, 2, 3].__getitem__(0)", "[1,2,3].__getitem__(0)"),
    Escape("dunder-pow", "$n.__pow__(99999)", "7.__pow__(99999)", "7.__pow__(99999)"),
    Escape("dunder-input-dict", "$input.__dict__", "$input.__dict__", ".__dict__"),
    Escape("dunder-util-globals", "$util.__init__.__globals__", "$util.__init__.__globals__", ".__init__.__globals__"),
    # a map key spelled like a dunder is plain data; a string has no get(String)
    Escape("dunder-map-key", "$m['__class__']", "k", "k"),
    Escape("dunder-string-index", "$x['__class__']", LITERAL, LITERAL),
    Escape("dunder-map-get", "$m.get('__dict__')", LITERAL, EMPTY),
    Escape("dunder-set-target", "#set($m.__class__ = 1)$m", vtl.VtlSyntaxError, vtl.VtlSyntaxError),
    # -- Python methods of the underlying objects are not Java methods --------------------
    Escape("py-dict-keys", "$m.keys()", LITERAL, LITERAL),
    Escape("py-dict-items", "$m.items()", LITERAL, LITERAL),
    Escape("py-list-pop", "$l.pop()$l.size()", "$l.pop()3", "$l.pop()3"),
    Escape("py-list-append", "$l.append(4)$l.size()", "$l.append(4)3", "$l.append(4)3"),
    Escape("py-str-encode", "$x.encode()", LITERAL, LITERAL),
    Escape("py-str-join", "$x.join(['a'])", LITERAL, LITERAL),
    Escape("py-int-bit-length", "$n.bit_length()", LITERAL, LITERAL),
    # -- Java reflection, as in Velocity SSTI payloads -------------------------------------
    Escape("class-prop", "$x.class", "class java.lang.String", "class java.lang.String"),
    Escape("getclass", "$x.getClass()", "class java.lang.String", "class java.lang.String"),
    Escape("class-name", "$x.class.name $l.class.name", "java.lang.String java.util.ArrayList",
           "java.lang.String net.minidev.json.JSONArray"),
    Escape("class-simple-name", "$x.class.simpleName", "String", "String"),
    Escape("class-of-class", "$x.class.class", "class java.lang.Class", "class java.lang.Class"),
    Escape("forname", "$x.class.forName('java.lang.Runtime')", LITERAL, LITERAL),
    Escape("forname-exec", "$x.getClass().forName('java.lang.Runtime').getRuntime().exec('id')", LITERAL, LITERAL),
    Escape("forname-via-class-class", "$x.class.class.forName('java.lang.System').getProperty('user.home')",
           LITERAL, LITERAL),
    Escape("forname-processbuilder", "$n.class.forName('java.lang.ProcessBuilder')", LITERAL, LITERAL),
    Escape("forname-set-then-use",
           "#set($rt = $x.class.forName('java.lang.Runtime'))$rt.getRuntime().exec('id')",
           "$rt.getRuntime().exec('id')", "$rt.getRuntime().exec('id')"),
    Escape("classloader", "$x.getClass().getClassLoader()", LITERAL, LITERAL),
    Escape("classloader-prop", "$x.class.classLoader", LITERAL, EMPTY),
    Escape("class-methods-prop", "$x.class.methods", LITERAL, EMPTY),
    Escape("class-getmethods", "$x.class.getMethods()", LITERAL, LITERAL),
    Escape("class-declared", "$x.class.getDeclaredMethods()", LITERAL, LITERAL),
    Escape("class-field", "$x.class.getDeclaredField('value').get($x)", LITERAL, LITERAL),
    Escape("class-newinstance", "$x.class.newInstance()", LITERAL, LITERAL),
    Escape("class-resource", "$x.class.getResource('/')", LITERAL, LITERAL),
    Escape("class-protection-domain", "$l.getClass().getProtectionDomain()", LITERAL, LITERAL),
    Escape("class-getmethod", "$m.getClass().getMethod('get', $x.class)", LITERAL, LITERAL),
    Escape("class-module", "$x.class.module", LITERAL, EMPTY),
    Escape("array-component-type", "$x.getBytes().getClass().getComponentType()", LITERAL, LITERAL),
    Escape("name-string-classloader", "$x.class.getName().getClass().getClassLoader()", LITERAL, LITERAL),
    Escape("velocity-tools-class", "$class.inspect('java.lang.Runtime').type", LITERAL, LITERAL),
    Escape("class-setname", "#set($c = $x.class)#set($c.name = 'java.lang.Runtime')$c.name",
           "java.lang.String", "java.lang.String"),
    Escape("class-put", "#set($c = $x.class)#set($z = $c.put('name', 1))$c.name",
           "java.lang.String", "java.lang.String"),
    Escape("silent-forname", "$!x.class.forName('java.lang.Runtime')", EMPTY, EMPTY),
    # -- the engine's own objects ----------------------------------------------------------
    # (Velocity's ForeachScope is a map: it prints as {} — the oracle's answer.)
    Escape("foreach-init", "#foreach($i in [1])$foreach.__init__#end", "{}.__init__", "{}.__init__"),
    Escape("foreach-tables", "#foreach($i in [1])$foreach.vtl_methods|$foreach.vtl_properties|$foreach.java_class#end",
           "$foreach.vtl_methods|$foreach.vtl_properties|$foreach.java_class", "||"),
    Escape("foreach-parent-chain", "#foreach($i in [1])$foreach.parent.parent.index#end",
           "$foreach.parent.parent.index", EMPTY),
    Escape("foreach-class", "#foreach($i in [1])$foreach.class.name#end",
           "org.apache.velocity.runtime.directive.ForeachScope",
           "org.apache.velocity.runtime.directive.ForeachScope"),
    Escape("foreach-forname", "#foreach($i in [1])$foreach.getClass().forName('java.lang.Runtime')#end",
           "$foreach.getClass().forName('java.lang.Runtime')",
           "$foreach.getClass().forName('java.lang.Runtime')"),
    Escape("define-internals", "#define($d)x#end$d.body|$d.state|$d.state.vars",
           "$d.body|$d.state|$d.state.vars", "||"),
    Escape("define-method", "#define($d)x#end$d.vtl_to_string()$d.render()", "$d.vtl_to_string()$d.render()",
           "$d.vtl_to_string()$d.render()"),
    Escape("define-class", "#define($d)x#end$d.class.name",
           "org.apache.velocity.runtime.directive.Block$Reference",
           "org.apache.velocity.runtime.directive.Block$Reference"),
    Escape("macro-arg-internals", "#macro(m $a)$a.expr|$a.state#end#m($x)", "$a.expr|$a.state", "#m($x)"),
    Escape("body-content-internals", "#macro(m)$bodyContent.state|$bodyContent#end#@m()x#end",
           "$bodyContent.state|x", "#@m()x#end"),
    Escape("host-python-attr", "$vault.secret|$vault.getSecret()|$vault.public|$vault.Public|$vault['secret']",
           "$vault.secret|$vault.getSecret()|public|public|$vault['secret']",
           "|$vault.getSecret()|public|public|$vault['secret']"),
    # `_token` is not an identifier: the reference ends at `$vault`, which prints its identity
    Escape("host-underscore", "$vault._token", _hex_identity("com.example.Vault", "._token"),
           _hex_identity("com.example.Vault", "._token")),
    Escape("host-tables", "$vault.vtl_methods|$vault.getVtl_methods()|$vault.java_class",
           "$vault.vtl_methods|$vault.getVtl_methods()|$vault.java_class", "|$vault.getVtl_methods()|"),
    Escape("host-setattr", "#set($vault.secret = 'x')#set($vault.java_class = 'y')$vault.public $vault.class.name",
           "public com.example.Vault", "public com.example.Vault"),
    # -- format strings are never interpreted ------------------------------------------------
    # String.format is a port of java.util.Formatter: Java conversions only, no Python format
    Escape("string-format", "$x.format('%s|%n|%%', $x)", "abc|\n|%", "abc|\n|%"),
    Escape("string-format-python-braces", "$x.format('{0.__class__}{x}', 1)", "{0.__class__}{x}", "{0.__class__}{x}"),
    # `%(` is Java's "negative in parentheses" flag, which %x rejects
    Escape("string-format-python-percent", "$x.format('%(x)s', 1)", vtl.VtlRuntimeError, vtl.VtlRuntimeError),
    Escape("string-format-huge-width", "$x.format('%2147483647s', $x)", vtl.VtlLimitError, vtl.VtlLimitError),
    Escape("string-format-huge-precision", "$x.format('%.999999999f', 1.5)", vtl.VtlLimitError, vtl.VtlLimitError),
    Escape("string-format-missing-arg", "$x.format('%s')", vtl.VtlRuntimeError, vtl.VtlRuntimeError),
    # String.formatted (Java 15+) formats the string itself with the same port: 'abc' has no
    # conversion, so the argument is unused (checked on Java 17)
    Escape("string-formatted", "$x.formatted('a')", "abc", "abc"),
    Escape("string-formatted-python-braces", "#set($f = '{0.__class__}%s')$f.formatted($x)",
           "{0.__class__}abc", "{0.__class__}abc"),
    Escape("percent-literal", "#set($f = '%s%n%x{0.__class__}')$f", "%s%n%x{0.__class__}", "%s%n%x{0.__class__}"),
    Escape("brace-format-data", "$x.concat('{0.__class__.__mro__}')", "abc{0.__class__.__mro__}",
           "abc{0.__class__.__mro__}"),
    Escape("replacement-percent", "$x.replaceAll('(a)', '%s{0}$1')", "%s{0}abc", "%s{0}abc"),
    Escape("replacement-named-group", "$x.replaceAll('(a)', '${x}')", vtl.VtlRuntimeError, vtl.VtlRuntimeError),
    Escape("regex-python-code", "$x.matches('(?{print(1)})')", vtl.VtlRuntimeError, vtl.VtlRuntimeError),
    # features of Python's `regex` module that Java lacks stay syntax errors (checked on Java 17)
    Escape("regex-recursion", "$x.matches('(a)(?R)?')", vtl.VtlRuntimeError, vtl.VtlRuntimeError),
    Escape("regex-fuzzy", "$x.matches('(a){e<=1}')", vtl.VtlRuntimeError, vtl.VtlRuntimeError),
    Escape("regex-version-flag", "$x.matches('(?V1)a')", vtl.VtlRuntimeError, vtl.VtlRuntimeError),
    Escape("regex-python-named-group", "$x.matches('(?P<n>a)')", vtl.VtlRuntimeError, vtl.VtlRuntimeError),
    # -- indexes ------------------------------------------------------------------------------
    # a Long index finds no get(int): no method, so the reference prints its source
    Escape("index-huge-negative", "$l[-999999999999]", LITERAL, LITERAL),
    Escape("index-huge", "$l[99999999999999999999]", LITERAL, LITERAL),
    Escape("index-int-max", "$l[2147483647]", vtl.VtlRuntimeError, vtl.VtlRuntimeError),
    Escape("index-int-min", "$l[-2147483648]", vtl.VtlRuntimeError, vtl.VtlRuntimeError),
    Escape("index-string", "$x[0]", LITERAL, LITERAL),
    Escape("set-index-long", "#set($l[99999999999] = 1)$l.size()", "3", "3"),
    Escape("substring-long", "$x.substring(99999999999)", LITERAL, LITERAL),
    Escape("charat-int-max", "$x.charAt(2147483647)", vtl.VtlRuntimeError, vtl.VtlRuntimeError),
    Escape("sublist-huge", "$l.subList(0, 999999999)", vtl.VtlRuntimeError, vtl.VtlRuntimeError),
    # -- size bombs stopped by a budget ---------------------------------------------------------
    Escape("range-huge", "#set($r = [0..999999999999])", vtl.VtlLimitError, vtl.VtlLimitError),
    Escape("range-huge-negative", "#foreach($i in [-999999999999..999999999999])#end",
           vtl.VtlLimitError, vtl.VtlLimitError),
    Escape("repeat-huge", "$x.repeat(2147483647)", vtl.VtlLimitError, vtl.VtlLimitError),
    Escape("concat-doubling", "#set($s = 'a')#foreach($i in [1..100])#set($s = $s + $s)#end",
           vtl.VtlLimitError, vtl.VtlLimitError),
    Escape("concat-method-doubling", "#set($s = 'a')#foreach($i in [1..100])#set($s = $s.concat($s))#end",
           vtl.VtlLimitError, vtl.VtlLimitError),
    # ArrayList.toString marks itself; json-smart's JSONArray recurses (StackOverflowError)
    Escape("self-containing-list", "#set($z = $l.add($l))$l", "[1, 2, 3, (this Collection)]", vtl.VtlRuntimeError),
    Escape("cyclic-lists", "#set($a = [])#set($b = [$a])#set($z = $a.add($b))$a",
           vtl.VtlError, vtl.VtlError),
    Escape("cyclic-hash", "#set($a = [])#set($b = [$a])#set($z = $a.add($b))$a.hashCode()",
           vtl.VtlError, vtl.VtlError),
    # -- recursion ----------------------------------------------------------------------------
    # Velocity 1.7 stops a #define block nested in itself more than twice and prints the
    # reference (checked on the real engine: `aa$d`, `$d`, `xyxy$a`)
    Escape("define-self", "#define($d)$d#end$d", "$d", "$d"),
    Escape("define-self-text", "#define($d)a$d#end$d", "aa$d", "aa$d"),
    Escape("define-mutual", "#define($a)x$b#end#define($b)y$a#end$a", "xyxy$a", "xyxy$a"),
    Escape("define-doubling", "#define($d)$d$d#end$d", "$d$d$d$d", "$d$d$d$d"),
    Escape("evaluate-self", "#set($e = '#evaluate($e)')#evaluate($e)", vtl.VtlLimitError, "#evaluate($e)"),
    Escape("macro-self", "#macro(m)#m()#end#m()", vtl.VtlRuntimeError, "#m()"),
    Escape("macro-mutual", "#macro(a)#b()#end#macro(b)#a()#end#a()", vtl.VtlRuntimeError, "#a()"),
    Escape("macro-evaluate", "#macro(m)#evaluate('#m()')#end#m()", vtl.VtlRuntimeError, "#m()"),
    Escape("deep-parens", "#set($v = " + "(" * 3000 + "1" + ")" * 3000 + ")$v", vtl.VtlError, vtl.VtlError),
    Escape("deep-if", "#if(true)" * 3000 + "x" + "#end" * 3000, vtl.VtlError, vtl.VtlError),
    Escape("deep-foreach", "#foreach($i in [1])" * 400 + "x" + "#end" * 400, (vtl.VtlError, "x"), (vtl.VtlError, "x")),
    # -- no files, no includes ----------------------------------------------------------------
    Escape("include-file", "#include('/etc/passwd')", vtl.VtlRuntimeError, vtl.VtlRuntimeError),
    Escape("parse-file", "#parse('/etc/passwd')", vtl.VtlRuntimeError, vtl.VtlRuntimeError),
    Escape("include-variable", "#set($f = '/etc/hostname')#include($f)", vtl.VtlRuntimeError, vtl.VtlRuntimeError),
]

# Output that would betray a Python object leaking into the page.
LEAK = re.compile(
    r"<(function|bound method|built-in|module|class|object|generator|frame)\b|object at 0x|"
    r"Traceback|__builtins__|site-packages|/work/|mappingproxy|\bdict_keys\b|s3cr3t|t0ken"
)


def test_catalogue_is_large_enough() -> None:
    assert len(CATALOGUE) >= 40
    assert len({e.id for e in CATALOGUE}) == len(CATALOGUE)


def _check(escape: Escape, profile: str) -> None:
    expected = escape.expected(profile)
    alternatives = expected if isinstance(expected, tuple) else (expected,)
    error_types = tuple(a for a in alternatives if isinstance(a, type))
    try:
        template = vtl.compile(escape.template, profile=profile)
        out = template.render(VARIABLES_FRESH())
    except vtl.VtlError as err:
        assert error_types and isinstance(err, error_types), f"unexpected {err!r}"
        # a runtime error always says where
        if isinstance(err, vtl.VtlRuntimeError):
            assert err.line is not None, f"{err!r} has no position"
        return
    assert not LEAK.search(out), out
    wanted = [escape.template if a == LITERAL else a for a in alternatives if not isinstance(a, type)]
    for want in wanted:
        if isinstance(want, re.Pattern) and want.fullmatch(out):
            return
        if out == want:
            return
    pytest.fail(f"{profile}: {escape.template!r} printed {out!r}; expected one of {alternatives!r}")


def VARIABLES_FRESH() -> dict[str, Any]:  # noqa: N802 - a factory that reads like the constant
    """A fresh copy: some entries mutate their lists."""
    return {k: (list(v) if isinstance(v, list) else dict(v) if isinstance(v, dict) else v) for k, v in VARIABLES.items()}


@pytest.mark.parametrize("escape", CATALOGUE, ids=lambda e: e.id)
@pytest.mark.parametrize("profile", ["velocity", "apigateway"])
def test_escape_attempt_is_harmless(escape: Escape, profile: str) -> None:
    _check(escape, profile)


class TestNameHolders:
    """What ``$x.class`` gives: a ``java.lang.Class`` that only knows its name."""

    @pytest.mark.parametrize("profile", ["velocity", "apigateway"])
    @pytest.mark.parametrize(
        ("value", "name"),
        [("s", "java.lang.String"), (7, "java.lang.Integer"), (2**40, "java.lang.Long"),
         (1.5, "java.lang.Double"), (True, "java.lang.Boolean"), ({}, "java.util.LinkedHashMap")],
    )
    def test_name_is_the_java_class_name(self, value: Any, name: str, profile: str) -> None:
        out = vtl.compile("$v.class.name|$v.getClass().getName()|$v.class", profile=profile).render({"v": value})
        assert out == f"{name}|{name}|class {name}"

    def test_the_same_class_is_equal(self) -> None:
        out = vtl.compile("$a.class.equals($b.class) $a.class.equals($n.class)", profile="velocity").render(
            {"a": "x", "b": "y", "n": 1}
        )
        assert out == "true false"

    def test_name_holder_cannot_be_renamed(self) -> None:
        src = "#set($c = $x.class)#set($c.name = 'java.lang.Runtime')#set($z = $c.put('name', 1))$x.class.name"
        for profile in ("velocity", "apigateway"):
            assert vtl.compile(src, profile=profile).render({"x": "a"}) == "java.lang.String"


class TestHostObjects:
    """Only what a host object declares in ``vtl_methods``/``vtl_properties`` is reachable."""

    def test_declared_method_and_getter_property(self) -> None:
        assert vtl.compile("$v.getPublic() $v.public $v.Public", profile="velocity").render({"v": Vault()}) == (
            "public public public"
        )

    @pytest.mark.parametrize(
        "name",
        ["secret", "_token", "getSecret", "__init__", "__class__", "__dict__", "__slots__", "vtl_methods",
         "vtl_properties", "vtl_to_string", "java_class", "__reduce__", "mro"],
    )
    def test_python_attributes_are_out_of_reach(self, name: str) -> None:
        from vtl.runtime import MISSING, call_method, get_index, get_property

        vault = Vault()
        assert get_property(vault, name) is MISSING
        assert call_method(vault, name, []) is MISSING
        assert call_method(vault, name, ["x"]) is MISSING
        assert get_index(vault, name) is MISSING

    @pytest.mark.parametrize("name", ["__class__", "__dict__", "__len__", "__getitem__", "keys", "pop", "format",
                                      "__init_subclass__", "mro", "__subclasses__", "__globals__", "__code__"])
    @pytest.mark.parametrize("value", ["abc", 7, 1.5, True, [1], {"a": 1}], ids=repr)
    def test_python_members_of_plain_values_are_out_of_reach(self, value: Any, name: str) -> None:
        from vtl.runtime import MISSING, call_method, get_property

        assert call_method(value, name, []) is MISSING
        assert call_method(value, name, [1]) is MISSING
        prop = get_property(value, name)
        # a map answers any property from its keys (here: none of them exist)
        assert prop is MISSING or (isinstance(value, dict) and prop is None)


# -- the chokepoint never looks a template-supplied name up with getattr ------------------------

_CHOKEPOINT_FILES = ["runtime/access.py", "runtime/methods.py", "compiler.py", "blocks.py", "render_state.py",
                     "template.py"] + sorted(
    f"runtime/{p.name}" for p in (ROOT / "runtime").glob("*.py") if p.name not in ("access.py", "methods.py")
)
_DYNAMIC_ATTR_FUNCS = {"getattr", "setattr", "delattr", "hasattr", "__import__", "eval", "exec", "vars",
                       "attrgetter", "methodcaller", "import_module"}


def _dynamic_attribute_calls(path: Path) -> list[str]:
    """Calls of getattr/setattr/... whose attribute name is not a string literal."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
        if name not in _DYNAMIC_ATTR_FUNCS:
            continue
        if name in ("getattr", "setattr", "delattr", "hasattr"):
            if len(node.args) >= 2 and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str):
                continue
        found.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
    return found


@pytest.mark.parametrize("relative", _CHOKEPOINT_FILES)
def test_no_getattr_with_a_computed_name(relative: str) -> None:
    path = ROOT / relative
    assert _dynamic_attribute_calls(path) == []


def test_apigateway_objects_use_no_computed_getattr() -> None:
    files = sorted((ROOT / "apigateway").glob("*.py"))
    if not files:
        pytest.skip("vtl.apigateway not written yet")
    problems = [p for f in files for p in _dynamic_attribute_calls(f)]
    assert problems == []


def test_the_detector_finds_a_computed_getattr(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f(o, n):\n    return getattr(o, n), getattr(o, 'ok'), setattr(o, n, 1)\n")
    assert len(_dynamic_attribute_calls(bad)) == 2


def test_no_dunder_or_dict_access_in_the_chokepoint() -> None:
    """access.py reaches values only through declared tables, never ``__dict__``/``vars``."""
    text = (ROOT / "runtime" / "access.py").read_text(encoding="utf-8")
    for forbidden in ("__dict__", "__getattribute__", "object.__getattr", "operator.attrgetter"):
        assert forbidden not in text


# -- the API Gateway host objects ----------------------------------------------------------------

_EVENT_BODY = '{"a": {"b": [1, 2]}, "__class__": "k"}'
_INPUT = "com.amazonaws.apigateway.mapping.Input"
_UTIL = "com.amazonaws.apigateway.mapping.Util"

APIGATEWAY_CATALOGUE: list[tuple[str, Any]] = [
    ("$input.__dict__", _hex_identity(_INPUT, ".__dict__")),
    ("$input._body", _hex_identity(_INPUT, "._body")),
    ("$input.vtl_methods|$input.vtl_properties|$input.java_class", "||"),
    ("$input.all_params()", LITERAL),
    ("$input.getBody().class.name", "java.lang.String"),
    ("$input._read('$')", _hex_identity(_INPUT, "._read('$')")),
    ("$input.class.name", _INPUT),
    ("$input.getClass().forName('java.lang.Runtime').getRuntime()", LITERAL),
    ("$input.class.classLoader", EMPTY),
    ("$util.__init__.__globals__", _hex_identity(_UTIL, ".__init__.__globals__")),
    ("$util.class.name", _UTIL),
    ("$util.vtl_methods|$util.escapeJavaScript|$util.qr", "||"),
    ("$util.getClass().getMethods()", LITERAL),
    ("$context['__class__']|$context.get('__dict__')|$context.class.name", "||java.util.HashMap"),
    ("$context.requestOverride.class.name", "java.util.HashMap"),
    ("$input.path('$.__class__')|$input.json('$..__class__')", 'k|["k"]'),
    ("$input.path('$.a.__init__')|$input.path(\"$['__class__']\")", "|k"),
    ("$input.path(\"$[?(@.a == 'x' || __import__('os'))]\")", EMPTY),
    ("$input.json('$.a.b[999999999999]')|$input.json('$.a.b[-999999999999]')", '""|""'),
    ("$util.parseJson('{\"__class__\": 1}').__class__", "{__class__=1}.__class__"),
    ("$input.params('__class__')|$input.params().class.name|$stageVariables.class.name",
     "|java.util.LinkedHashMap|java.util.LinkedHashMap"),
    ("$util.urlDecode('%')", vtl.VtlRuntimeError),
    ("$util.base64Decode('!!!')", vtl.VtlRuntimeError),
    ("$util.parseJson('[')", vtl.VtlRuntimeError),
    ("$util.parseJson($input.body).getClass().forName('java.lang.System').exit(1)", LITERAL),
    ("#set($p = $input.params())#set($x = $p.put('x', $util))$p.x.class.name", _UTIL),
    ("#set($context.requestOverride.header.X = $util.class)$context.requestOverride.header.X",
     "class " + _UTIL),
]


@pytest.mark.parametrize(("template", "expected"), APIGATEWAY_CATALOGUE, ids=[t[:40] for t, _ in APIGATEWAY_CATALOGUE])
def test_host_object_escape_attempt(template: str, expected: Any) -> None:
    event = vtl.event(body=_EVENT_BODY, headers={"h": "v"}, stage_variables={"sv": "x"})
    if isinstance(expected, type):
        with pytest.raises(expected) as info:
            vtl.render(template, event)
        assert info.value.line is not None
        return
    out = vtl.render(template, event).body
    assert not LEAK.search(out), out
    if expected == LITERAL:
        assert out == template
    elif isinstance(expected, re.Pattern):
        assert expected.fullmatch(out), out
    else:
        assert out == expected


def test_host_objects_declare_only_java_names() -> None:
    """Every name a host object exposes looks like a Java member: no underscores, no dunders."""
    from vtl.apigateway.input import Input
    from vtl.apigateway.util import Util

    for cls in (Input, Util):
        for name in [*cls.vtl_methods, *cls.vtl_properties]:
            assert re.fullmatch(r"[a-zA-Z][a-zA-Z0-9]*", name), (cls.__name__, name)


def test_override_values_must_be_valid() -> None:
    with pytest.raises(vtl.VtlError):
        vtl.render("#set($context.responseOverride.status = 'abc')", vtl.event())
