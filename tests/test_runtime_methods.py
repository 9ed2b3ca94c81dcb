"""The allow-listed Java methods (vtl.runtime.methods through access.call_method).

JAVA_CALLS was recorded with Apache Velocity 1.7 (Debian velocity 1.7-6, Java 17): for each
row, ``#set($r = 'NULL')#set($r = $recv.method(args))$r|$r.class.name|$recv`` was rendered
with the variables below (``$arr`` = ``$csv.split(',')``, ``$c`` = ``$s.charAt(1)``,
``$nul`` undefined), giving the printed result, its class and the receiver afterwards;
"MISSING" rows are those where strict mode reported "does not contain method", "EXC" rows
the exception the method threw. Pasted verbatim; identity hashes (``[B@1b6d3586``) differ
per run and are compared up to the ``@``.
"""

from __future__ import annotations

import pytest

from vtl.errors import JavaException, VtlLimitError
from vtl.runtime import (
    MISSING,
    JavaArray,
    JavaChar,
    call_method,
    from_json,
    java_class_name,
    qualified_name,
    to_string,
)
from vtl.runtime.regex import java_split

VARS = {'s': 'hello', 'u': 'é😀x', 'e': '', 'sp': ' \t a b \u2003', 'i': 42, 'l': 3000000000, 'd': 2.5, 't': True, 'lst': [1, 'two', None, 2.5], 'm': {'a': 1, 'b': [1, 2]}, 'csv': 'a,b,,c,,'}

# (receiver, method, args, printed result | "NULL" | "MISSING" | "EXC <exception>", class, receiver after)
JAVA_CALLS = [
    ('s', 'length', [], '5', 'java.lang.Integer', 'hello'),
    ('u', 'length', [], '4', 'java.lang.Integer', 'é😀x'),
    ('e', 'isEmpty', [], 'true', 'java.lang.Boolean', ''),
    ('sp', 'isBlank', [], 'false', 'java.lang.Boolean', ' \t a b \u2003'),
    ('s', 'isBlank', [], 'false', 'java.lang.Boolean', 'hello'),
    ('s', 'charAt', [1], 'e', 'java.lang.Character', 'hello'),
    ('u', 'charAt', [1], '?', 'java.lang.Character', 'é😀x'),
    ('s', 'charAt', [5], 'EXC java.lang.StringIndexOutOfBoundsException: String index out of range: 5', None, None),
    ('s', 'charAt', [-1], 'EXC java.lang.StringIndexOutOfBoundsException: String index out of range: -1', None, None),
    ('u', 'codePointAt', [1], '128512', 'java.lang.Integer', 'é😀x'),
    ('s', 'codePointAt', [9], 'EXC java.lang.StringIndexOutOfBoundsException: index 9, length 5', None, None),
    ('s', 'substring', [1], 'ello', 'java.lang.String', 'hello'),
    ('s', 'substring', [1, 3], 'el', 'java.lang.String', 'hello'),
    ('u', 'substring', [0, 2], 'é?', 'java.lang.String', 'é😀x'),
    ('u', 'substring', [2], '?x', 'java.lang.String', 'é😀x'),
    ('s', 'substring', [10], 'EXC java.lang.StringIndexOutOfBoundsException: begin 10, end 5, length 5', None, None),
    ('s', 'substring', [3, 1], 'EXC java.lang.StringIndexOutOfBoundsException: begin 3, end 1, length 5', None, None),
    ('s', 'substring', [-1, 2], 'EXC java.lang.StringIndexOutOfBoundsException: begin -1, end 2, length 5', None, None),
    ('s', 'substring', ['1'], 'MISSING', None, 'hello'),
    ('s', 'substring', [1.0], 'MISSING', None, 'hello'),
    ('s', 'substring', [3000000000], 'MISSING', None, 'hello'),
    ('s', 'subSequence', [0, 2], 'he', 'java.lang.String', 'hello'),
    ('s', 'indexOf', ['l'], '2', 'java.lang.Integer', 'hello'),
    ('s', 'indexOf', ['l', 3], '3', 'java.lang.Integer', 'hello'),
    ('s', 'indexOf', ['l', -5], '2', 'java.lang.Integer', 'hello'),
    ('s', 'indexOf', ['', 10], '5', 'java.lang.Integer', 'hello'),
    ('s', 'indexOf', [108], '2', 'java.lang.Integer', 'hello'),
    ('s', 'indexOf', [108, 3], '3', 'java.lang.Integer', 'hello'),
    ('s', 'indexOf', ['$c'], 'MISSING', None, 'hello'),
    ('u', 'indexOf', ['x'], '3', 'java.lang.Integer', 'é😀x'),
    ('s', 'indexOf', [None], 'EXC java.lang.NullPointerException: Cannot invoke "String.coder()" because "str" is null', None, None),
    ('s', 'lastIndexOf', ['l'], '3', 'java.lang.Integer', 'hello'),
    ('s', 'lastIndexOf', ['l', 2], '2', 'java.lang.Integer', 'hello'),
    ('s', 'lastIndexOf', ['l', -1], '-1', 'java.lang.Integer', 'hello'),
    ('s', 'lastIndexOf', ['', 10], '5', 'java.lang.Integer', 'hello'),
    ('s', 'lastIndexOf', [108], '3', 'java.lang.Integer', 'hello'),
    ('s', 'lastIndexOf', [108, 2], '2', 'java.lang.Integer', 'hello'),
    ('u', 'lastIndexOf', ['x'], '3', 'java.lang.Integer', 'é😀x'),
    ('s', 'contains', ['ell'], 'true', 'java.lang.Boolean', 'hello'),
    ('s', 'contains', [None], 'EXC java.lang.NullPointerException: Cannot invoke "java.lang.CharSequence.toString()" because "s" is null', None, None),
    ('s', 'startsWith', ['he'], 'true', 'java.lang.Boolean', 'hello'),
    ('s', 'startsWith', ['l', 2], 'true', 'java.lang.Boolean', 'hello'),
    ('s', 'startsWith', ['', 9], 'false', 'java.lang.Boolean', 'hello'),
    ('s', 'endsWith', ['lo'], 'true', 'java.lang.Boolean', 'hello'),
    ('s', 'equals', ['hello'], 'true', 'java.lang.Boolean', 'hello'),
    ('s', 'equals', ['$c'], 'false', 'java.lang.Boolean', 'hello'),
    ('c', 'equals', ['e'], 'false', 'java.lang.Boolean', 'e'),
    ('s', 'equalsIgnoreCase', ['HELLO'], 'true', 'java.lang.Boolean', 'hello'),
    ('s', 'equalsIgnoreCase', [None], 'false', 'java.lang.Boolean', 'hello'),
    ('s', 'contentEquals', ['hello'], 'true', 'java.lang.Boolean', 'hello'),
    ('s', 'compareTo', ['help'], '-4', 'java.lang.Integer', 'hello'),
    ('s', 'compareTo', ['hello world'], '-6', 'java.lang.Integer', 'hello'),
    ('s', 'compareTo', [1], "EXC java.lang.ClassCastException: class java.lang.Integer cannot be cast to class java.lang.String (java.lang.Integer and java.lang.String are in module java.base of loader 'bootstrap')", None, None),
    ('s', 'compareToIgnoreCase', ['HELP'], '-4', 'java.lang.Integer', 'hello'),
    ('u', 'compareTo', ['é'], '3', 'java.lang.Integer', 'é😀x'),
    ('sp', 'trim', [], 'a b \u2003', 'java.lang.String', ' \t a b \u2003'),
    ('sp', 'strip', [], 'a b', 'java.lang.String', ' \t a b \u2003'),
    ('sp', 'stripLeading', [], 'a b \u2003', 'java.lang.String', ' \t a b \u2003'),
    ('sp', 'stripTrailing', [], ' \t a b', 'java.lang.String', ' \t a b \u2003'),
    ('u', 'toUpperCase', [], 'É😀X', 'java.lang.String', 'é😀x'),
    ('s', 'toLowerCase', [], 'hello', 'java.lang.String', 'hello'),
    ('s', 'replace', ['l', 'L'], 'heLLo', 'java.lang.String', 'hello'),
    ('s', 'replace', ['', '-'], '-h-e-l-l-o-', 'java.lang.String', 'hello'),
    ('s', 'replace', ['$c', '$c'], 'hello', 'java.lang.String', 'hello'),
    ('s', 'replace', ['$c', 'x'], 'MISSING', None, 'hello'),
    ('s', 'replaceAll', ['l+', 'L'], 'heLo', 'java.lang.String', 'hello'),
    ('s', 'replaceFirst', ['l', 'L'], 'heLlo', 'java.lang.String', 'hello'),
    ('s', 'matches', ['h.*'], 'true', 'java.lang.Boolean', 'hello'),
    ('csv', 'split', [','], '[Ljava.lang.String;@4501b7af', '[Ljava.lang.String;', 'a,b,,c,,'),
    ('csv', 'split', [',', -1], '[Ljava.lang.String;@26653222', '[Ljava.lang.String;', 'a,b,,c,,'),
    ('csv', 'split', [',', 2], '[Ljava.lang.String;@47c62251', '[Ljava.lang.String;', 'a,b,,c,,'),
    ('s', 'concat', ['!'], 'hello!', 'java.lang.String', 'hello'),
    ('s', 'concat', [None], 'EXC java.lang.NullPointerException: Cannot invoke "String.isEmpty()" because "str" is null', None, None),
    ('s', 'hashCode', [], '99162322', 'java.lang.Integer', 'hello'),
    ('u', 'hashCode', [], '61901292', 'java.lang.Integer', 'é😀x'),
    ('s', 'toString', [], 'hello', 'java.lang.String', 'hello'),
    ('s', 'getBytes', [], '[B@146ba0ac', '[B', 'hello'),
    ('s', 'repeat', [2], 'hellohello', 'java.lang.String', 'hello'),
    ('s', 'intern', [], 'hello', 'java.lang.String', 'hello'),
    ('s', 'getClass', [], 'class java.lang.String', 'java.lang.Class', 'hello'),
    ('i', 'intValue', [], '42', 'java.lang.Integer', '42'),
    ('i', 'longValue', [], '42', 'java.lang.Long', '42'),
    ('i', 'doubleValue', [], '42.0', 'java.lang.Double', '42'),
    ('i', 'toString', [], '42', 'java.lang.String', '42'),
    ('i', 'compareTo', [41], '1', 'java.lang.Integer', '42'),
    ('i', 'compareTo', [42.0], "EXC java.lang.ClassCastException: class java.lang.Double cannot be cast to class java.lang.Integer (java.lang.Double and java.lang.Integer are in module java.base of loader 'bootstrap')", None, None),
    ('i', 'compareTo', [None], 'EXC java.lang.NullPointerException: Cannot read field "value" because "anotherInteger" is null', None, None),
    ('i', 'equals', [42], 'true', 'java.lang.Boolean', '42'),
    ('i', 'equals', [42.0], 'false', 'java.lang.Boolean', '42'),
    ('i', 'hashCode', [], '42', 'java.lang.Integer', '42'),
    ('i', 'parseInt', ['-12'], '-12', 'java.lang.Integer', '42'),
    ('i', 'parseInt', ['+7'], '7', 'java.lang.Integer', '42'),
    ('i', 'parseInt', ['x1'], 'EXC java.lang.NumberFormatException: For input string: "x1"', None, None),
    ('i', 'parseInt', [''], 'EXC java.lang.NumberFormatException: For input string: ""', None, None),
    ('i', 'parseInt', [None], 'EXC java.lang.NumberFormatException: Cannot parse null string', None, None),
    ('i', 'parseInt', ['2147483648'], 'EXC java.lang.NumberFormatException: For input string: "2147483648"', None, None),
    ('i', 'parseInt', ['ff', 16], '255', 'java.lang.Integer', '42'),
    ('i', 'parseInt', ['zz', 10], 'EXC java.lang.NumberFormatException: For input string: "zz"', None, None),
    ('i', 'valueOf', ['5'], '5', 'java.lang.Integer', '42'),
    ('i', 'toString', [255, 16], 'ff', 'java.lang.String', '42'),
    ('i', 'max', [1, 99], '99', 'java.lang.Integer', '42'),
    ('l', 'intValue', [], '-1294967296', 'java.lang.Integer', '3000000000'),
    ('l', 'compareTo', [3000000001], '-1', 'java.lang.Integer', '3000000000'),
    ('l', 'hashCode', [], '-1294967296', 'java.lang.Integer', '3000000000'),
    ('l', 'parseLong', ['-9000000000'], '-9000000000', 'java.lang.Long', '3000000000'),
    ('l', 'parseInt', ['1'], 'MISSING', None, '3000000000'),
    ('d', 'intValue', [], '2', 'java.lang.Integer', '2.5'),
    ('d', 'longValue', [], '2', 'java.lang.Long', '2.5'),
    ('d', 'compareTo', [2.0], '1', 'java.lang.Integer', '2.5'),
    ('d', 'isNaN', [], 'false', 'java.lang.Boolean', '2.5'),
    ('d', 'isInfinite', [], 'false', 'java.lang.Boolean', '2.5'),
    ('d', 'hashCode', [], '1074003968', 'java.lang.Integer', '2.5'),
    ('d', 'parseDouble', [' 1.5e3 '], '1500.0', 'java.lang.Double', '2.5'),
    ('d', 'parseDouble', ['1,5'], 'EXC java.lang.NumberFormatException: For input string: "1,5"', None, None),
    ('d', 'parseDouble', [''], 'EXC java.lang.NumberFormatException: empty String', None, None),
    ('d', 'parseDouble', ['0x1p3'], '8.0', 'java.lang.Double', '2.5'),
    ('d', 'parseDouble', ['-Infinity'], '-Infinity', 'java.lang.Double', '2.5'),
    ('d', 'parseDouble', ['1d'], '1.0', 'java.lang.Double', '2.5'),
    ('d', 'valueOf', ['3'], '3.0', 'java.lang.Double', '2.5'),
    ('d', 'toString', [], '2.5', 'java.lang.String', '2.5'),
    ('t', 'booleanValue', [], 'true', 'java.lang.Boolean', 'true'),
    ('t', 'toString', [], 'true', 'java.lang.String', 'true'),
    ('t', 'compareTo', [False], '1', 'java.lang.Integer', 'true'),
    ('t', 'hashCode', [], '1231', 'java.lang.Integer', 'true'),
    ('t', 'parseBoolean', ['TRUE'], 'true', 'java.lang.Boolean', 'true'),
    ('t', 'valueOf', ['yes'], 'false', 'java.lang.Boolean', 'true'),
    ('t', 'equals', ['true'], 'false', 'java.lang.Boolean', 'true'),
    ('c', 'charValue', [], 'e', 'java.lang.Character', 'e'),
    ('c', 'compareTo', ['$c'], '0', 'java.lang.Integer', 'e'),
    ('c', 'toString', [], 'e', 'java.lang.String', 'e'),
    ('c', 'hashCode', [], '101', 'java.lang.Integer', 'e'),
    ('lst', 'size', [], '4', 'java.lang.Integer', '[1, two, null, 2.5]'),
    ('lst', 'get', [1], 'two', 'java.lang.String', '[1, two, null, 2.5]'),
    ('lst', 'get', [9], 'EXC java.lang.IndexOutOfBoundsException: Index 9 out of bounds for length 4', None, None),
    ('lst', 'get', [-1], 'EXC java.lang.IndexOutOfBoundsException: Index -1 out of bounds for length 4', None, None),
    ('lst', 'get', ['1'], 'MISSING', None, '[1, two, null, 2.5]'),
    ('lst', 'isEmpty', [], 'false', 'java.lang.Boolean', '[1, two, null, 2.5]'),
    ('lst', 'contains', [2.5], 'true', 'java.lang.Boolean', '[1, two, null, 2.5]'),
    ('lst', 'contains', [None], 'true', 'java.lang.Boolean', '[1, two, null, 2.5]'),
    ('lst', 'contains', ['2.5'], 'false', 'java.lang.Boolean', '[1, two, null, 2.5]'),
    ('lst', 'indexOf', ['two'], '1', 'java.lang.Integer', '[1, two, null, 2.5]'),
    ('lst', 'lastIndexOf', [None], '2', 'java.lang.Integer', '[1, two, null, 2.5]'),
    ('lst', 'add', ['x'], 'true', 'java.lang.Boolean', '[1, two, null, 2.5, x]'),
    ('lst', 'add', [1, 'x'], '', 'java.lang.String', '[1, x, two, null, 2.5]'),
    ('lst', 'add', [9, 'x'], 'EXC java.lang.IndexOutOfBoundsException: Index: 9, Size: 4', None, None),
    ('lst', 'set', [0, 'z'], '1', 'java.lang.Integer', '[z, two, null, 2.5]'),
    ('lst', 'set', [9, 'z'], 'EXC java.lang.IndexOutOfBoundsException: Index 9 out of bounds for length 4', None, None),
    ('lst', 'remove', [0], '1', 'java.lang.Integer', '[two, null, 2.5]'),
    ('lst', 'remove', ['two'], 'true', 'java.lang.Boolean', '[1, null, 2.5]'),
    ('lst', 'remove', ['nope'], 'false', 'java.lang.Boolean', '[1, two, null, 2.5]'),
    ('lst', 'remove', [9], 'EXC java.lang.IndexOutOfBoundsException: Index 9 out of bounds for length 4', None, None),
    ('lst', 'addAll', [[7, 8]], 'true', 'java.lang.Boolean', '[1, two, null, 2.5, 7, 8]'),
    ('lst', 'addAll', [1, [7]], 'true', 'java.lang.Boolean', '[1, 7, two, null, 2.5]'),
    ('lst', 'containsAll', [[1, 'two']], 'true', 'java.lang.Boolean', '[1, two, null, 2.5]'),
    ('lst', 'removeAll', [[1]], 'true', 'java.lang.Boolean', '[two, null, 2.5]'),
    ('lst', 'retainAll', [[1]], 'true', 'java.lang.Boolean', '[1]'),
    ('lst', 'clear', [], '', 'java.lang.String', '[]'),
    ('lst', 'subList', [1, 3], '[two, null]', 'java.util.ArrayList$SubList', '[1, two, null, 2.5]'),
    ('lst', 'subList', [3, 1], 'EXC java.lang.IllegalArgumentException: fromIndex(3) > toIndex(1)', None, None),
    ('lst', 'subList', [0, 9], 'EXC java.lang.IndexOutOfBoundsException: toIndex = 9', None, None),
    ('lst', 'hashCode', [], '1185737516', 'java.lang.Integer', '[1, two, null, 2.5]'),
    ('lst', 'equals', [[1, 'two', None, 2.5]], 'true', 'java.lang.Boolean', '[1, two, null, 2.5]'),
    ('lst', 'toString', [], '[1, two, null, 2.5]', 'java.lang.String', '[1, two, null, 2.5]'),
    ('lst', 'getClass', [], 'class java.util.ArrayList', 'java.lang.Class', '[1, two, null, 2.5]'),
    ('arr', 'size', [], '4', 'java.lang.Integer', '[Ljava.lang.String;@735f7ae5'),
    ('arr', 'get', [3], 'c', 'java.lang.String', '[Ljava.lang.String;@2ef9b8bc'),
    ('arr', 'get', [9], 'EXC java.lang.ArrayIndexOutOfBoundsException', None, None),
    ('arr', 'isEmpty', [], 'false', 'java.lang.Boolean', '[Ljava.lang.String;@3567135c'),
    ('arr', 'contains', ['c'], 'true', 'java.lang.Boolean', '[Ljava.lang.String;@6615435c'),
    ('arr', 'indexOf', ['c'], '3', 'java.lang.Integer', '[Ljava.lang.String;@366e2eef'),
    ('arr', 'add', ['x'], 'EXC java.lang.UnsupportedOperationException', None, None),
    ('arr', 'set', [0, 'q'], 'a', 'java.lang.String', '[Ljava.lang.String;@2c9f9fb0'),
    ('arr', 'length', [], 'MISSING', None, '[Ljava.lang.String;@13a57a3b'),
    ('arr', 'clear', [], 'EXC java.lang.UnsupportedOperationException', None, None),
    ('m', 'get', ['a'], '1', 'java.lang.Integer', '{a=1, b=[1, 2]}'),
    ('m', 'get', ['zz'], 'NULL', 'java.lang.String', '{a=1, b=[1, 2]}'),
    ('m', 'get', [1], 'NULL', 'java.lang.String', '{a=1, b=[1, 2]}'),
    ('m', 'put', ['a', 9], '1', 'java.lang.Integer', '{a=9, b=[1, 2]}'),
    ('m', 'put', ['z', 1], 'NULL', 'java.lang.String', '{a=1, b=[1, 2], z=1}'),
    ('m', 'remove', ['a'], '1', 'java.lang.Integer', '{b=[1, 2]}'),
    ('m', 'remove', ['zz'], 'NULL', 'java.lang.String', '{a=1, b=[1, 2]}'),
    ('m', 'containsKey', ['b'], 'true', 'java.lang.Boolean', '{a=1, b=[1, 2]}'),
    ('m', 'containsValue', [1], 'true', 'java.lang.Boolean', '{a=1, b=[1, 2]}'),
    ('m', 'keySet', [], '[a, b]', 'java.util.LinkedHashMap$LinkedKeySet', '{a=1, b=[1, 2]}'),
    ('m', 'values', [], '[1, [1, 2]]', 'java.util.LinkedHashMap$LinkedValues', '{a=1, b=[1, 2]}'),
    ('m', 'entrySet', [], '[a=1, b=[1, 2]]', 'java.util.LinkedHashMap$LinkedEntrySet', '{a=1, b=[1, 2]}'),
    ('m', 'size', [], '2', 'java.lang.Integer', '{a=1, b=[1, 2]}'),
    ('m', 'isEmpty', [], 'false', 'java.lang.Boolean', '{a=1, b=[1, 2]}'),
    ('m', 'putAll', [{'x': 1}], '', 'java.lang.String', '{a=1, b=[1, 2], x=1}'),
    ('m', 'clear', [], '', 'java.lang.String', '{}'),
    ('m', 'getOrDefault', ['zz', 5], '5', 'java.lang.Integer', '{a=1, b=[1, 2]}'),
    ('m', 'getOrDefault', ['a', 5], '1', 'java.lang.Integer', '{a=1, b=[1, 2]}'),
    ('m', 'putIfAbsent', ['a', 7], '1', 'java.lang.Integer', '{a=1, b=[1, 2]}'),
    ('m', 'putIfAbsent', ['n', 7], 'NULL', 'java.lang.String', '{a=1, b=[1, 2], n=7}'),
    ('m', 'hashCode', [], '992', 'java.lang.Integer', '{a=1, b=[1, 2]}'),
    ('m', 'equals', [{'a': 1, 'b': [1, 2]}], 'true', 'java.lang.Boolean', '{a=1, b=[1, 2]}'),
    ('m', 'toString', [], '{a=1, b=[1, 2]}', 'java.lang.String', '{a=1, b=[1, 2]}'),
]

# More calls recorded the same way (static methods called on instances, varargs, ...).
JAVA_CALLS += [
    ('s', 'valueOf', [1.5], '1.5', 'java.lang.String', 'hello'),
    ('s', 'valueOf', ['$lst'], '[1, two, null, 2.5]', 'java.lang.String', 'hello'),
    ('s', 'join', ['/', 'a', 'b', 'c'], 'a/b/c', 'java.lang.String', 'hello'),
    ('s', 'join', ['-'], '', 'java.lang.String', 'hello'),
    ('s', 'join', [',', ['x', 'y']], 'x,y', 'java.lang.String', 'hello'),
    ('s', 'join', [',', [1, 2]], "EXC java.lang.ClassCastException: class java.lang.Integer cannot be cast to class java.lang.CharSequence (java.lang.Integer and java.lang.CharSequence are in module java.base of loader 'bootstrap')", None, None),
    ('s', 'codePointCount', [0, 2], '2', 'java.lang.Integer', 'hello'),
    ('u', 'codePointCount', [0, 3], '2', 'java.lang.Integer', 'é😀x'),
    ('s', 'codePointCount', [3, 1], 'EXC java.lang.IndexOutOfBoundsException', None, None),
    ('s', 'regionMatches', [1, 'ell', 0, 3], 'true', 'java.lang.Boolean', 'hello'),
    ('s', 'regionMatches', [True, 0, 'HE', 0, 2], 'true', 'java.lang.Boolean', 'hello'),
    ('s', 'regionMatches', [4, 'ox', 0, 2], 'false', 'java.lang.Boolean', 'hello'),
    ('s', 'indent', [2], '  hello\n', 'java.lang.String', 'hello'),
    ('csv', 'indent', [-1], 'a,b,,c,,\n', 'java.lang.String', 'a,b,,c,,'),
    ('e', 'indent', [3], '', 'java.lang.String', ''),
    ('i', 'toBinaryString', [5], '101', 'java.lang.String', '42'),
    ('i', 'toHexString', [-1], 'ffffffff', 'java.lang.String', '42'),
    ('i', 'toOctalString', [8], '10', 'java.lang.String', '42'),
    ('i', 'sum', [2147483647, 1], '-2147483648', 'java.lang.Integer', '42'),
    ('i', 'compare', [1, 2], '-1', 'java.lang.Integer', '42'),
    ('i', 'signum', [-5], '-1', 'java.lang.Integer', '42'),
    ('i', 'bitCount', [255], '8', 'java.lang.Integer', '42'),
    ('l', 'toHexString', [-1], 'ffffffffffffffff', 'java.lang.String', '3000000000'),
    ('l', 'sum', [1, 2], '3', 'java.lang.Long', '3000000000'),
    ('d', 'compare', [1.0, 2.0], '-1', 'java.lang.Integer', '2.5'),
    ('d', 'isNaN', [1.0], 'false', 'java.lang.Boolean', '2.5'),
    ('d', 'isFinite', [1.0], 'true', 'java.lang.Boolean', '2.5'),
    ('d', 'sum', [1, 2.5], '3.5', 'java.lang.Double', '2.5'),
    ('t', 'logicalAnd', [True, False], 'false', 'java.lang.Boolean', 'true'),
    ('t', 'logicalXor', [True, False], 'true', 'java.lang.Boolean', 'true'),
    ('t', 'compare', [False, True], '-1', 'java.lang.Integer', 'true'),
    ('lst', 'toArray', [], '[Ljava.lang.Object;@42d80b78', '[Ljava.lang.Object;', '[1, two, null, 2.5]'),
    ('lst', 'sort', [None], "EXC java.lang.ClassCastException: class java.lang.Integer cannot be cast to class java.lang.String (java.lang.Integer and java.lang.String are in module java.base of loader 'bootstrap')", None, None),
    ('lst', 'iterator', [], 'java.util.ArrayList$Itr@7d9d1a19', 'java.util.ArrayList$Itr', '[1, two, null, 2.5]'),
    ('m', 'replace', ['a', 5], '1', 'java.lang.Integer', '{a=5, b=[1, 2]}'),
    ('m', 'replace', ['zz', 5], 'NULL', 'java.lang.String', '{a=1, b=[1, 2]}'),
    ('m', 'replace', ['a', 1, 7], 'true', 'java.lang.Boolean', '{a=7, b=[1, 2]}'),
    ('m', 'replace', ['a', 2, 7], 'false', 'java.lang.Boolean', '{a=1, b=[1, 2]}'),
    ('s', 'wait', [], 'EXC java.lang.IllegalMonitorStateException: current thread is not owner', None, None),
    ('s', 'notify', [], 'EXC java.lang.IllegalMonitorStateException: current thread is not owner', None, None),
    ('m', 'keySet', [], '[a, b]', 'java.util.LinkedHashMap$LinkedKeySet', '{a=1, b=[1, 2]}'),
]


def _values() -> dict:
    values = from_json(VARS, "velocity")
    values["arr"] = JavaArray(java_split(values["csv"], ","))
    values["c"] = JavaChar(values["s"][1])
    return values


def _arg(arg: object, values: dict) -> object:
    if isinstance(arg, str) and arg.startswith("$"):
        return values[arg[1:]]
    return from_json(arg, "velocity")


def _same(ours: str | None, java: str | None) -> bool:
    if ours is not None:
        # Java wrote the output as UTF-8, turning a lone surrogate into "?"
        ours = ours.encode("utf-8", "replace").decode("utf-8")
    if ours is None or java is None or "@" not in java:
        return ours == java
    return ours.split("@")[0] == java.split("@")[0]


def _magnitude_class(value: object, java_class: str | None) -> str | None:
    # Integers are plain ints: Long results that fit in an int report Integer (documented).
    if java_class == "java.lang.Long" and type(value) is int and -(2**31) <= value < 2**31:
        return "java.lang.Integer"
    return java_class


@pytest.mark.parametrize(("recv", "name", "args", "printed", "java_class", "after"), JAVA_CALLS)
def test_calls_match_velocity(recv, name, args, printed, java_class, after) -> None:
    values = _values()
    target = values[recv]
    call_args = [_arg(a, values) for a in args]
    if printed.startswith("EXC "):
        with pytest.raises(JavaException) as info:
            call_method(target, name, call_args)
        exc = info.value
        # the model names exceptions by simple class name; Velocity printed the qualified one
        qualified = qualified_name(exc.java_class)
        assert "EXC " + qualified + (": " + exc.message if exc.message else "") == printed
        return
    result = call_method(target, name, call_args)
    if printed == "MISSING":
        assert result is MISSING
    elif printed == "NULL":
        assert result is None
    else:
        assert _same(to_string(result), printed)
        assert java_class_name(result) == _magnitude_class(result, java_class)
    assert _same(to_string(target), after)


def test_charat_returns_a_character() -> None:
    c = call_method("hello", "charAt", [1])
    assert type(c) is JavaChar and c == JavaChar("e")
    assert java_class_name(c) == "java.lang.Character"


def test_utf16_indexing() -> None:
    # Velocity 1.7 probe unicode: "é😀x".length() == 4, substring(0,1) == "é"
    assert call_method("é😀x", "length", []) == 4
    assert call_method("é😀x", "substring", [0, 1]) == "é"
    assert call_method("é😀x", "substring", [1, 3]) == "😀"
    assert call_method("é😀x", "indexOf", ["x"]) == 3


def test_repeat_is_bounded() -> None:
    with pytest.raises(VtlLimitError):
        call_method("abc", "repeat", [10**8])


def test_reflection_is_not_reachable() -> None:
    # String.format is reachable (Velocity calls the static through an instance); see
    # tests/test_runtime_format.py
    assert call_method("hello", "getClass", []).name == "java.lang.String"
    assert call_method(call_method("x", "getClass", []), "forName", ["java.lang.Runtime"]) is MISSING
    assert call_method(call_method("x", "getClass", []), "getClassLoader", []) is MISSING


def test_void_methods_return_empty_string() -> None:
    # Velocity 1.7 renders a void method as "" (probe: $l.add(0, 'x') printed nothing)
    items = from_json([1], "velocity")
    assert call_method(items, "add", [0, "x"]) == ""
    assert call_method({}, "clear", []) == ""


def test_map_entry_set_value_writes_through() -> None:
    mapping = {"a": 1}
    entry = call_method(mapping, "entrySet", [])[0]
    assert call_method(entry, "setValue", [5]) == 1
    assert mapping == {"a": 5}


def test_compact_string_code_paths() -> None:
    # Velocity 1.7 on Java 17: "x😀".charAt(3) throws "index 3, length 3" (UTF-16 string) while
    # "hello".charAt(5) throws "String index out of range: 5" (Latin-1 string);
    # "é😀x😀".compareToIgnoreCase("😀") is -128279 (code points compared around surrogates)
    with pytest.raises(JavaException, match="index 3, length 3"):
        call_method("x😀", "charAt", [3])
    with pytest.raises(JavaException, match="String index out of range: 5"):
        call_method("hello", "charAt", [5])
    assert call_method("é😀x😀", "compareToIgnoreCase", ["😀"]) == -128279
