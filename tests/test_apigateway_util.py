"""``$util``: Java's codecs and json-smart's parser, byte for byte."""

from __future__ import annotations

import pytest

import vtl
from vtl.apigateway import event
from vtl.apigateway.encoding import (
    base64_decode,
    base64_encode,
    escape_javascript,
    url_decode,
    url_encode,
)
from vtl.apigateway.javajson import parse_json
from vtl.errors import JavaException
from vtl.runtime import java_class_name, json_smart_string, to_string


def _units(text):
    """A string as Java's UTF-16 code units (a surrogate pair and its code point compare equal)."""
    return text.encode("utf-16-le", "surrogatepass") if isinstance(text, str) else text


def _outcome(function, argument):
    try:
        return (_units(function(argument)),)
    except JavaException as exc:
        return ("!" + exc.java_class, exc.message)


def _expected(row):
    return (_units(row[1]),) if len(row) == 2 else tuple(row[1:])


# Recorded on OpenJDK 17 with commons-lang 2.6 (StringEscapeUtils.escapeJavaScript),
# java.net.URLEncoder/URLDecoder with "UTF-8", and java.util.Base64's basic encoder/decoder over
# UTF-8 (new String(bytes, UTF_8) for the decoded bytes). "!Class", "message": Java threw.
ESCAPE_JAVASCRIPT = [
    ("", ""),
    ("plain", "plain"),
    ("a\"b", "a\\\"b"),
    ("it's", "it\\'s"),
    ("back\\slash", "back\\\\slash"),
    ("a/b</script>", "a\\/b<\\/script>"),
    ("\b\f\n\r\t", "\\b\\f\\n\\r\\t"),
    ("\u0000\u0001\u000b\u000e\u001f", "\\u0000\\u0001\\u000B\\u000E\\u001F"),
    ("\u007f", "\u007f"),
    ("\u0080\u00a0\u00e9\u00ff", "\\u0080\\u00A0\\u00E9\\u00FF"),
    ("\u0100\u0fff\u1000\u2028\uffff", "\\u0100\\u0FFF\\u1000\\u2028\\uFFFF"),
    ("\ud83d\ude00", "\\uD83D\\uDE00"),
    ("\ud800", "\\uD800"),
    ("x\udc00y", "x\\uDC00y"),
    ("{\"Price\":\"249.99\"}", "{\\\"Price\\\":\\\"249.99\\\"}"),
    ("\u00e9t\u00e9", "\\u00E9t\\u00E9"),
    ("{\"data\":\"Order is created\"}", "{\\\"data\\\":\\\"Order is created\\\"}"),
]
URL_ENCODE = [
    ("", ""),
    ("a b", "a+b"),
    ("a+b", "a%2Bb"),
    ("*-._~", "*-._%7E"),
    ("!'()", "%21%27%28%29"),
    ("\u00e9", "%C3%A9"),
    ("\ud83d\ude00", "%F0%9F%98%80"),
    ("\ud800", "%3F"),
    ("a\udc00b", "a%3Fb"),
    ("&=?/#%", "%26%3D%3F%2F%23%25"),
    ("AZaz09", "AZaz09"),
    ("\u0000\n", "%00%0A"),
    ("{\"some\": \"value\"}", "%7B%22some%22%3A+%22value%22%7D"),
    ("some raw data", "some+raw+data"),
]
URL_DECODE = [
    ("", ""),
    ("a+b", "a b"),
    ("a%20b", "a b"),
    ("%7E", "~"),
    ("%e9", "\ufffd"),
    ("%C3%A9", "\u00e9"),
    ("%C3", "\ufffd"),
    ("%C3%28", "\ufffd("),
    ("%", "!IllegalArgumentException", "URLDecoder: Incomplete trailing escape (%) pattern"),
    ("%2", "!IllegalArgumentException", "URLDecoder: Incomplete trailing escape (%) pattern"),
    ("a%zz", "!IllegalArgumentException", "URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: \"zz\""),
    ("%-1", "!IllegalArgumentException", "URLDecoder: Illegal hex characters in escape (%) pattern - negative value"),
    ("%+1", "\u0001"),
    ("%ED%A0%80", "\ufffd"),
    ("%ED%A0", "\ufffd"),
    ("%F0%9F%98%80", "\ud83d\ude00"),
    ("%F0%9F%98", "\ufffd"),
    ("%80%80", "\ufffd\ufffd"),
    ("\u00e9%20", "\u00e9 "),
    ("100%", "!IllegalArgumentException", "URLDecoder: Incomplete trailing escape (%) pattern"),
    ("%1g", "!IllegalArgumentException", "URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 1 in: \"1g\""),
    ("%FF%FE", "\ufffd\ufffd"),
    ("%E2%82%28", "\ufffd("),
    ("%F4%90%80%80", "\ufffd\ufffd\ufffd\ufffd"),
    ("%C0%AF", "\ufffd\ufffd"),
    ("%ef%bf%bf", "\uffff"),
    ("test%203", "test 3"),
    ("%\u0663\u0663", "3"),
    ("%\uff21\uff21", "\ufffd"),
]
BASE64_ENCODE = [
    ("", ""),
    ("a", "YQ=="),
    ("ab", "YWI="),
    ("abc", "YWJj"),
    ("{\"foo\": \"bar1\"}", "eyJmb28iOiAiYmFyMSJ9"),
    ("\u00e9", "w6k="),
    ("\ud83d\ude00", "8J+YgA=="),
    ("\ud800", "Pw=="),
]
BASE64_DECODE = [
    ("", ""),
    ("YQ==", "a"),
    ("YQ", "a"),
    ("YWJj", "abc"),
    ("Y", "!IllegalArgumentException", "Input byte[] should at least have 2 bytes for base64 bytes"),
    ("YW Jj", "!IllegalArgumentException", "Illegal base64 character 20"),
    ("YWJj\n", "!IllegalArgumentException", "Illegal base64 character a"),
    ("YW-_", "!IllegalArgumentException", "Illegal base64 character 2d"),
    ("w6k=", "\u00e9"),
    ("/w==", "\ufffd"),
    ("eyJtZXNzYWdlIjogInBhdGgxIn0=", "{\"message\": \"path1\"}"),
    ("====", "!IllegalArgumentException", "Input byte array has wrong 4-byte ending unit"),
    ("YQ==YQ==", "!IllegalArgumentException", "Input byte array has incorrect ending byte at 4"),
    ("YQ=", "!IllegalArgumentException", "Input byte array has wrong 4-byte ending unit"),
    ("7aCA", "\ufffd"),
    ("YWJjY", "!IllegalArgumentException", "Last unit does not have enough valid bits"),
    ("\u00e9A==", "!IllegalArgumentException", "Illegal base64 character -17"),
    ("YQ==x", "!IllegalArgumentException", "Input byte array has incorrect ending byte at 4"),
    ("A=0\n", "!IllegalArgumentException", "Last unit does not have enough valid bits"),
]


@pytest.mark.parametrize(("function", "row"), [
    *[(escape_javascript, row) for row in ESCAPE_JAVASCRIPT],
    *[(url_encode, row) for row in URL_ENCODE],
    *[(url_decode, row) for row in URL_DECODE],
    *[(base64_encode, row) for row in BASE64_ENCODE],
    *[(base64_decode, row) for row in BASE64_DECODE],
], ids=lambda v: getattr(v, "__name__", None) or repr(v[0])[:30])
def test_codecs_match_java(function, row):
    assert _outcome(function, row[0]) == _expected(row)


# Recorded with json-smart 2.2: new JSONParser(MODE_PERMISSIVE).parse(text,
# JSONValue.defaultReader.DEFAULT_ORDERED) (what Jayway's JsonSmartJsonProvider does), shown as
# (class, String.valueOf(value), JSONValue.toJSONString(value)); None when too long to list.
PARSE_JSON = [
    ("{\"a\":1}", "java.util.LinkedHashMap", "{a=1}", "{\"a\":1}"),
    ("", "java.lang.String", "", "\"\""),
    ("   ", "java.lang.String", "", "\"\""),
    ("abc", "java.lang.String", "abc", "\"abc\""),
    ("abc def", "java.lang.String", "abc def", "\"abc def\""),
    ("\"x\"", "java.lang.String", "x", "\"x\""),
    ("'x'", "java.lang.String", "x", "\"x\""),
    ("1", "java.lang.Integer", "1", "1"),
    ("-0", "java.lang.Integer", "0", "0"),
    ("1.0", "java.lang.Double", "1.0", "1.0"),
    ("1e2", "java.lang.Double", "100.0", "100.0"),
    ("1E400", "java.lang.Double", "Infinity", "null"),
    ("-1e-400", "java.lang.Double", "-0.0", "-0.0"),
    ("12345678901234567890", "java.math.BigInteger", "12345678901234567890", "12345678901234567890"),
    ("123456789012", "java.lang.Long", "123456789012", "123456789012"),
    ("2147483648", "java.lang.Long", "2147483648", "2147483648"),
    ("2147483647", "java.lang.Integer", "2147483647", "2147483647"),
    ("0.1", "java.lang.Double", "0.1", "0.1"),
    ("1.23456789012345678901234", "java.math.BigDecimal", "1.23456789012345678901234", "1.23456789012345678901234"),
    ("00012", "java.lang.Integer", "12", "12"),
    ("-", "java.lang.Integer", "0", "0"),
    ("NaN", "java.lang.Float", "NaN", "NaN"),
    ("Infinity", "java.lang.String", "Infinity", "\"Infinity\""),
    ("true", "java.lang.Boolean", "true", "true"),
    ("TRUE", "java.lang.String", "TRUE", "\"TRUE\""),
    ("null", "null", "null", "null"),
    ("nul", "java.lang.String", "nul", "\"nul\""),
    ("{\"a\":1,\"a\":2}", "java.util.LinkedHashMap", "{a=2}", "{\"a\":2}"),
    ("{\"b\":1,\"a\":2,\"b\":3}", "java.util.LinkedHashMap", "{b=3, a=2}", "{\"b\":3,\"a\":2}"),
    ("{\"a\":1}x", "java.util.LinkedHashMap", "{a=1}", "{\"a\":1}"),
    ("{\"a\":1}{", "java.util.LinkedHashMap", "{a=1}", "{\"a\":1}"),
    ("[1,2,]", "net.minidev.json.JSONArray", "[1,2]", "[1,2]"),
    ("[1,,2]", "net.minidev.json.JSONArray", "[1,2]", "[1,2]"),
    ("{a:1,}", "java.util.LinkedHashMap", "{a=1}", "{\"a\":1}"),
    ("{\"a\":\"\\u00e9\\/\"}", "java.util.LinkedHashMap", "{a=\u00e9/}", "{\"a\":\"\u00e9\\/\"}"),
    ("{\"a\":\"\\x\"}", "!ParseException", "Unexpected unicode escape sequence \" at position 8."),
    ("{\"a\":\"line\nbreak\"}", "java.util.LinkedHashMap", "{a=line\nbreak}", "{\"a\":\"line\\nbreak\"}"),
    ("{\"a\":'q'}", "java.util.LinkedHashMap", "{a=q}", "{\"a\":\"q\"}"),
    ("{\"a\":b c}", "java.util.LinkedHashMap", "{a=b c}", "{\"a\":\"b c\"}"),
    ("{\"a\":b,c:d}", "java.util.LinkedHashMap", "{a=b, c=d}", "{\"a\":\"b\",\"c\":\"d\"}"),
    ("[a b, c]", "net.minidev.json.JSONArray", "[\"a b\",\"c\"]", "[\"a b\",\"c\"]"),
    ("{\"a\":[}", "!ParseException", "Unexpected character (}) at position 6."),
    ("{\"a\"", "!ParseException", "Unexpected End Of File position 3: null"),
    ("{", "!ParseException", "Unexpected End Of File position 0: null"),
    ("[", "!ParseException", "Unexpected End Of File position 0: EOF"),
    ("1 2", "java.lang.String", "1 2", "\"1 2\""),
    ("{\"a\":01}", "java.util.LinkedHashMap", "{a=1}", "{\"a\":1}"),
    ("{\"a\":1.}", "java.util.LinkedHashMap", "{a=1.0}", "{\"a\":1.0}"),
    ("{\"a\":.5}", "java.util.LinkedHashMap", "{a=.5}", "{\"a\":\".5\"}"),
    ("{\"a\":+1}", "java.util.LinkedHashMap", "{a=+1}", "{\"a\":\"+1\"}"),
    ("\ufeff{\"a\":1}", "java.lang.String", "\ufeff{\"a\":1}", "\"\ufeff{\\\"a\\\":1}\""),
    ("{\"a\":tru}", "java.util.LinkedHashMap", "{a=tru}", "{\"a\":\"tru\"}"),
    ("{\"a\":true1}", "java.util.LinkedHashMap", "{a=true1}", "{\"a\":\"true1\"}"),
    ("{1:2}", "java.util.LinkedHashMap", "{1=2}", "{\"1\":2}"),
    ("{\"\":1}", "java.util.LinkedHashMap", "{=1}", "{\"\":1}"),
    ("{\"a\":null}", "java.util.LinkedHashMap", "{a=null}", "{\"a\":null}"),
    ("[null]", "net.minidev.json.JSONArray", "[null]", "[null]"),
    ("\"\\ud83d\\ude00\"", "java.lang.String", "\ud83d\ude00", "\"\ud83d\ude00\""),
    ("\"\\ud83d\"", "java.lang.String", "\ud83d", "\"\ud83d\""),
    ("{\"a\":\"\\u00\"}", "!ParseException", "Unexpected unicode escape sequence \" at position 10."),
    ("-1.0E-7", "java.lang.Double", "-1.0E-7", "-1.0E-7"),
    ("1.0E7", "java.lang.Double", "1.0E7", "1.0E7"),
    ("0.00001", "java.lang.Double", "1.0E-5", "1.0E-5"),
    ("123e10", "java.lang.Double", "1.23E12", "1.23E12"),
    ("9.999999999999999e22", "java.math.BigDecimal", "9.999999999999999E+22", "9.999999999999999E+22"),
    ("{\"a\":{\"b\":{\"c\":[1,{\"d\":2}]}}}", "java.util.LinkedHashMap", "{a={b={c=[1,{\"d\":2}]}}}", "{\"a\":{\"b\":{\"c\":[1,{\"d\":2}]}}}"),
    ("[[]]", "net.minidev.json.JSONArray", "[[]]", "[[]]"),
    ("{}", "java.util.LinkedHashMap", "{}", "{}"),
    ("[]", "net.minidev.json.JSONArray", "[]", "[]"),
    ("{\"a\": 1e}", "java.util.LinkedHashMap", "{a=1e}", "{\"a\":\"1e\"}"),
    ("{\"a\": -}", "java.util.LinkedHashMap", "{a=0}", "{\"a\":0}"),
    ("-.", "!NumberFormatException", "For input string: \"-.\""),
    ("1e+", "!NumberFormatException", "For input string: \"1e+\""),
    ("{\"a\":1}}", "java.util.LinkedHashMap", "{a=1}", "{\"a\":1}"),
    ("\"abc\" x", "java.lang.String", "abc", "\"abc\""),
    ("<xml>Hello World</xml>", "java.lang.String", "<xml>Hello World</xml>", "\"<xml>Hello World<\\/xml>\""),
    ("{\"a\":\"x\\u0041\\q\"}", "java.util.LinkedHashMap", "{a=xA}", "{\"a\":\"xA\"}"),
    ("{\"a\":\"tab\there\\n\"}", "java.util.LinkedHashMap", "{a=tabhere\n}", "{\"a\":\"tabhere\\n\"}"),
    ("{\"k\":\"a\u007fb\\n\"}", "java.util.LinkedHashMap", "{k=ab\n}", "{\"k\":\"ab\\n\"}"),
    ("{\"k\":\"a\u007fb\"}", "java.util.LinkedHashMap", "{k=a\u007fb}", "{\"k\":\"a\\u007Fb\"}"),
    ("{\"message\": \"path1\"}", "java.util.LinkedHashMap", "{message=path1}", "{\"message\":\"path1\"}"),
    ("{\"statusCode\": 200}", "java.util.LinkedHashMap", "{statusCode=200}", "{\"statusCode\":200}"),
    ("{statusCode: 200}", "java.util.LinkedHashMap", "{statusCode=200}", "{\"statusCode\":200}"),
    ('[' * 401 + ']' * 401, "!ParseException", "Malicious payload, having non natural depths, parsing stoped on [ at position 400."),
    ('[' * 399 + ']' * 399, "net.minidev.json.JSONArray", None, None),
]


def _java_view(value):
    if isinstance(value, float) and value != value:
        return "java.lang.Float"  # json-smart reads NaN as a Float
    return "java.util.LinkedHashMap" if isinstance(value, dict) else java_class_name(value)


@pytest.mark.parametrize("row", PARSE_JSON, ids=lambda row: repr(row[0])[:40])
def test_parse_json_matches_json_smart(row):
    try:
        value = parse_json(row[0])
    except JavaException as exc:
        assert ("!" + exc.java_class, exc.message) == tuple(row[1:])
        return
    assert _java_view(value) == row[1]
    if row[2] is not None:
        assert _units(to_string(value)) == _units(row[2])
        assert _units(json_smart_string(value)) == _units(row[3])


def test_parse_json_keeps_key_order_and_last_duplicate():
    assert list(parse_json('{"b":1,"a":2,"b":3}').items()) == [("b", 3), ("a", 2)]


def _render(template, **kw):
    return vtl.render(template, event(**kw)).body


def test_util_through_templates():
    # Recorded AWS output (ls-common-input-body-url-encode-json-body): URLEncoder's '+' for space.
    assert _render("EncodedBody=$util.urlEncode($input.body)", body='{"some": "value"}') == (
        "EncodedBody=%7B%22some%22%3A+%22value%22%7D"
    )
    # Recorded (ls-kinesis-putrecords, rendered_records_derived): Base64 of the UTF-8 bytes.
    assert _render("$util.base64Encode($input.path('$.d'))", body='{"d": "{\\"foo\\": \\"bar1\\"}"}') == (
        "eyJmb28iOiAiYmFyMSJ9"
    )
    # Recorded (ls-int-invoke-path1): base64Decode then parseJson gives a map.
    assert _render("#set($m = $util.parseJson($util.base64Decode('eyJtZXNzYWdlIjogInBhdGgxIn0=')))"
                   "$m.message $m.getClass().getName()") == "path1 java.util.LinkedHashMap"
    # Documented idiom: escapeJavaScript escapes ' and the replaceAll turns it back.
    assert _render("$util.escapeJavaScript(\"it's /x\").replaceAll(\"\\\\'\",\"'\")") == "it's \\/x"
    assert _render("$util.urlDecode('a+b%21')") == "a b!"


def test_non_string_arguments_find_no_method():
    # The $util methods take a String: like any Java method that does not apply, the
    # reference prints as written.
    assert _render("$util.escapeJavaScript(12)|$util.urlEncode([1])") == (
        "$util.escapeJavaScript(12)|$util.urlEncode([1])"
    )


@pytest.mark.parametrize(("template", "java_class"), [
    ("$util.urlDecode('100%')", "IllegalArgumentException"),
    ("$util.base64Decode('Y')", "IllegalArgumentException"),
    ("$util.parseJson('{\"a\":')", "ParseException"),
])
def test_java_exceptions_fail_the_render(template, java_class):
    with pytest.raises(vtl.VtlRuntimeError) as info:
        vtl.render("x\n  " + template, event())
    assert java_class in str(info.value) or java_class in (info.value.java_class or "")
    assert info.value.line == 2


@pytest.mark.parametrize("function", ["urlEncode", "urlDecode", "base64Encode", "base64Decode", "parseJson"])
def test_a_null_argument_throws_where_java_dereferences_it(function):
    # An index into a String gives a real null (the profile's "" applies to printing and to
    # property and method results only); Velocity 1.7 then fails with the method's NPE
    # (recorded: mapping_templates/util-null-from-index-*).
    with pytest.raises(vtl.VtlRuntimeError) as info:
        vtl.render(f"#set($s = 'abc')[$util.{function}($s['x'])]", event())
    assert info.value.java_class == "MethodInvocationException"
    assert "NullPointerException" in str(info.value)


def test_escape_javascript_of_null_is_null():
    # commons-lang returns null for null, which prints as "" in the API Gateway profile.
    assert _render("#set($s = 'abc')[$util.escapeJavaScript($s['x'])]") == "[]"
