"""Java regular expressions (vtl.runtime.regex) against java.util.regex.

Every table was produced by a small Java 17 program (OpenJDK 17.0.21) calling
``Pattern.compile``/``Matcher.find``/``String.split``/``String.replaceAll``/``String.matches``
on the same inputs; its output is pasted verbatim.
"""

from __future__ import annotations

import time

import pytest

from vtl.errors import JavaException, VtlLimitError
from vtl.runtime import qualified_name
from vtl.runtime import regex as jregex

# (pattern, PatternSyntaxException.getMessage())
JAVA_SYNTAX_ERRORS = [
    ('(', 'Unclosed group near index 1\n('),
    ('*a', "Dangling meta character '*' near index 0\n*a\n^"),
    ('a**', "Dangling meta character '*' near index 2\na**\n  ^"),
    ('a{', 'Illegal repetition near index 2\na{'),
    ('{', 'Illegal repetition near index 1\n{'),
    ('a{1', 'Unclosed counted closure near index 3\na{1'),
    ('a{2,1}', 'Illegal repetition range near index 5\na{2,1}\n     ^'),
    ('a{,2}', 'Illegal repetition near index 2\na{,2}\n  ^'),
    ('[a', 'Unclosed character class near index 1\n[a\n ^'),
    ('a)', "Unmatched closing ')' near index 0\na)\n^"),
    (')', "Unmatched closing ')'\n)"),
    ('\\k<x>', 'named capturing group <x> does not exist near index 4\n\\k<x>\n    ^'),
    ('(?<1a>x)', 'capturing group name does not start with a Latin letter near index 3\n(?<1a>x)\n   ^'),
    ('(?Q)', 'Unknown inline modifier near index 2\n(?Q)\n  ^'),
    ('\\p{Foo}', 'Unknown character property name {Foo} near index 6\n\\p{Foo}\n      ^'),
    ('\\pX', 'Unknown character property name {X} near index 2\n\\pX\n  ^'),
    ('\\q', 'Illegal/unsupported escape sequence near index 1\n\\q\n ^'),
    ('\\0', 'Illegal octal escape sequence near index 2\n\\0'),
    ('\\08', 'Illegal octal escape sequence near index 2\n\\08\n  ^'),
    ('\\x{110000}', 'Hexadecimal codepoint is too big near index 8\n\\x{110000}\n        ^'),
    ('[b-a]', 'Illegal character range near index 3\n[b-a]\n   ^'),
    ('\\c', 'Illegal control escape sequence near index 1\n\\c\n ^'),
    ('[a-\\d]', 'Illegal character range near index 4\n[a-\\d]\n    ^'),
    ('\\u00', 'Illegal Unicode escape sequence near index 4\n\\u00'),
    ('a|*', "Dangling meta character '*' near index 2\na|*\n  ^"),
    ('(?<n>a)(?<n>b)', 'Named capturing group <n> is already defined near index 11\n(?<n>a)(?<n>b)\n           ^'),
    ('\\p{IsEmoji}', 'Unknown character property name {IsEmoji} near index 10\n\\p{IsEmoji}\n          ^'),
    ('a{99999999999}', 'Illegal repetition range near index 11\na{99999999999}\n           ^'),
    ('\\p{', 'Unclosed character family near index 3\n\\p{'),
    ('\\p{}', 'Empty character family near index 3\n\\p{}\n   ^'),
    ('\\p{foo=bar}', 'Unknown Unicode property {name=<foo>, value=<bar>} near index 10\n\\p{foo=bar}\n          ^'),
    ('(?<a', "named capturing group is missing trailing '>' near index 4\n(?<a"),
    ('(?$)', 'Unknown group type near index 2\n(?$)\n  ^'),
    ('\\b{x}', 'Illegal repetition near index 3\n\\b{x}\n   ^'),
    ('\\kx', "\\k is not followed by '<' for named capturing group near index 2\n\\kx\n  ^"),
    ('\\xG', 'Illegal hexadecimal escape sequence near index 2\n\\xG\n  ^'),
    ('\\x{12', 'Unclosed hexadecimal escape sequence near index 5\n\\x{12'),
    ('\\N{FOO}', 'Unknown character name [FOO] near index 6\n\\N{FOO}\n      ^'),
    ('(?i:a', 'Unclosed group near index 5\n(?i:a'),
    ('a{1,2', 'Unclosed counted closure near index 5\na{1,2'),
    ('[', 'Unclosed character class near index 0\n[\n^'),
    ('(?', 'Unknown inline modifier near index 2\n(?'),
]

# (pattern, input, "start-end" of each Matcher.find())
JAVA_FIND = [
    ('.', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '0-1 1-2 2-3 3-4 4-5 5-6 6-7 7-8 8-9 9-10 10-11 13-14 14-15 15-16 16-17 17-18 18-19 19-20 21-22 22-23 23-24 26-27 27-28 28-29 30-31 31-32 32-33'),
    ('^', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '0-0'),
    ('$', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '33-33 34-34'),
    ('(?m)^', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '0-0 13-13 21-21 25-25 26-26 30-30'),
    ('(?m)$', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '11-11 20-20 24-24 25-25 29-29 33-33 34-34'),
    ('(?d)(?m)^.', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '0-1 13-14 21-22'),
    ('(?d)$', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '33-33 34-34'),
    ('(?s).', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '0-1 1-2 2-3 3-4 4-5 5-6 6-7 7-8 8-9 9-10 10-11 11-12 12-13 13-14 14-15 15-16 16-17 17-18 18-19 19-20 20-21 21-22 22-23 23-24 24-25 25-26 26-27 27-28 28-29 29-30 30-31 31-32 32-33 33-34'),
    ('\\Z', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '33-33 34-34'),
    ('\\z', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '34-34'),
    ('(?m)^\\w+$', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '21-24 26-29 30-33'),
    ('\\R', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '11-13 20-21 24-25 25-26 29-30 33-34'),
    ('(?i)a', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '18-19 22-23'),
    ('(?i)é', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', ''),
    ('(?iu)é', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', ''),
    ('(?i)[a-c]', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '17-18 18-19 21-22 22-23'),
    ('(?i)[^a-c]', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '0-1 1-2 2-3 3-4 4-5 5-6 6-7 7-8 8-9 9-10 10-11 11-12 12-13 13-14 14-15 15-16 16-17 19-20 20-21 23-24 24-25 25-26 26-27 27-28 28-29 29-30 30-31 31-32 32-33 33-34'),
    ('(?iu)σ', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', ''),
    ('(?i)\\p{Lower}', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '0-1 1-2 2-3 3-4 4-5 6-7 7-8 8-9 9-10 10-11 13-14 14-15 15-16 17-18 18-19 19-20 21-22 22-23 23-24 26-27 27-28 28-29 30-31 31-32 32-33'),
    ('\\p{Lu}', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '0-1 6-7'),
    ('\\w+', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '0-5 6-11 13-16 17-20 21-24 26-29 30-33'),
    ('(?U)\\w+', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '0-5 6-11 13-16 17-20 21-24 26-29 30-33'),
    ('\\d', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', ''),
    ('(?U)\\d', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', ''),
    ('\\s', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '5-6 11-12 12-13 16-17 20-21 24-25 33-34'),
    ('\\b', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '0-0 5-5 6-6 11-11 13-13 16-16 17-17 20-20 21-21 24-24 26-26 29-29 30-30 33-33'),
    ('\\B', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '1-1 2-2 3-3 4-4 7-7 8-8 9-9 10-10 12-12 14-14 15-15 18-18 19-19 22-22 23-23 25-25 27-27 28-28 31-31 32-32 34-34'),
    ('\\h', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '5-6 16-17'),
    ('\\v', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '11-12 12-13 20-21 24-25 25-26 29-30 33-34'),
    ('\\p{Punct}', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', ''),
    ('\\p{IsAlphabetic}+', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '0-5 6-11 13-16 17-20 21-24 26-29 30-33'),
    ('\\P{L}+', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '5-6 11-13 16-17 20-21 24-26 29-30 33-34'),
    ('[\\p{L}&&[^a-z]]+', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '0-1 6-7'),
    ('[a-z&&[^aeiou]]+', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '2-4 8-11 13-14 17-18 19-20 21-22 23-24 26-27 28-29 31-33'),
    ('[^a-z&&[^x]]', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '0-1 5-6 6-7 11-12 12-13 16-17 20-21 24-25 25-26 28-29 29-30 33-34'),
    ('[a-c[x-z]]+', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '17-19 21-24 28-29'),
    ('(?<g>o)\\k<g>', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '14-16'),
    ('(l)\\1', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '2-4'),
    ('(l)\\11', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', ''),
    ('\\1(a)', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', ''),
    ('(?i)(h)\\1', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', ''),
    ('(?<=o)r', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '8-9'),
    ('(?>fo|foo)bar', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', ''),
    ('o*+o', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', ''),
    ('x*', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '0-0 1-1 2-2 3-3 4-4 5-5 6-6 7-7 8-8 9-9 10-10 11-11 12-12 13-13 14-14 15-15 16-16 17-17 18-18 19-19 20-20 21-21 22-22 23-23 24-24 25-25 26-26 27-27 28-29 29-29 30-30 31-31 32-32 33-33 34-34'),
    ('(?x) l  o # comment', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '3-5'),
    ('(?x)[ l ]', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '2-3 3-4 9-10'),
    ('\\Q.\\E', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', ''),
    ('\\0101', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', ''),
    ('\\cA', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', ''),
    ('\\N{LATIN SMALL LETTER O}', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '4-5 7-8 14-15 15-16'),
    ('\\p{InBasicLatin}+', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '0-25 26-29 30-34'),
    ('\\p{IsGreek}+', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', ''),
    ('[]a]', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '18-19 22-23'),
    ('[a&&&b]', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '17-18 18-19 21-22 22-23'),
    ('[a-z&&]', 'Hello World\r\nfoo bar\nbaz\r\u2028qux\x85end\n', '1-2 2-3 3-4 4-5 7-8 8-9 9-10 10-11 13-14 14-15 15-16 17-18 18-19 19-20 21-22 22-23 23-24 26-27 27-28 28-29 30-31 31-32 32-33'),
    ('.', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '0-1 1-2 2-3 3-4 4-5 5-6 6-7 7-8 8-9 9-10 10-11 11-12 12-13 13-14 14-15 15-16 16-17 17-18 18-19 19-20 20-21 21-22 22-23 23-24 24-25 25-26 26-27 27-28 28-29 29-30 30-31 31-32 32-33 33-34 34-35 35-36'),
    ('^', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '0-0'),
    ('$', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '36-36'),
    ('(?m)^', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '0-0'),
    ('(?m)$', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '36-36'),
    ('(?d)(?m)^.', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '0-1'),
    ('(?d)$', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '36-36'),
    ('(?s).', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '0-1 1-2 2-3 3-4 4-5 5-6 6-7 7-8 8-9 9-10 10-11 11-12 12-13 13-14 14-15 15-16 16-17 17-18 18-19 19-20 20-21 21-22 22-23 23-24 24-25 25-26 26-27 27-28 28-29 29-30 30-31 31-32 32-33 33-34 34-35 35-36'),
    ('\\Z', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '36-36'),
    ('\\z', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '36-36'),
    ('(?m)^\\w+$', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', ''),
    ('\\R', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', ''),
    ('(?i)a', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '0-1 1-2 11-12'),
    ('(?i)é', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '5-6'),
    ('(?iu)é', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '5-6 6-7'),
    ('(?i)[a-c]', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '0-1 1-2 2-3 3-4 11-12'),
    ('(?i)[^a-c]', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '4-5 5-6 6-7 7-8 8-9 9-10 10-11 12-13 13-14 14-15 15-16 16-17 17-18 18-19 19-20 20-21 21-22 22-23 23-24 24-25 25-26 26-27 27-28 28-29 29-30 30-31 31-32 32-33 33-34 34-35 35-36'),
    ('(?iu)σ', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '15-16 17-18'),
    ('(?i)\\p{Lower}', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '0-1 1-2 2-3 3-4 8-9 9-10 10-11 11-12 13-14 20-21 31-32 33-34 35-36'),
    ('\\p{Lu}', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '1-2 3-4 6-7 15-16 16-17 17-18 19-20'),
    ('\\w+', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '0-4 8-12 13-14 20-21 24-27 30-32 33-34 35-36'),
    ('(?U)\\w+', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '0-4 5-7 8-14 15-18 19-21 22-23 24-27 28-29 30-32 33-34 35-36'),
    ('\\d', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '24-25 25-26 26-27'),
    ('(?U)\\d', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '24-25 25-26 26-27 28-29'),
    ('\\s', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '4-5 7-8 14-15 18-19 21-22 23-24 27-28 29-30'),
    ('\\b', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '0-0 4-4 5-5 7-7 8-8 14-14 15-15 18-18 19-19 21-21 22-22 23-23 24-24 27-27 28-28 29-29 30-30 32-32 33-33 34-34 35-35 36-36'),
    ('\\B', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '1-1 2-2 3-3 6-6 9-9 10-10 11-11 12-12 13-13 16-16 17-17 20-20 25-25 26-26 31-31'),
    ('\\h', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '4-5 7-8 14-15 18-19 21-22 23-24 27-28 29-30'),
    ('\\v', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', ''),
    ('\\p{Punct}', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '30-31 32-33 34-35'),
    ('\\p{IsAlphabetic}+', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '0-4 5-7 8-14 15-18 19-21 22-23 31-32 33-34 35-36'),
    ('\\P{L}+', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '4-5 7-8 14-15 18-19 21-22 23-31 32-33 34-35'),
    ('[\\p{L}&&[^a-z]]+', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '1-2 3-4 5-7 12-13 15-18 19-20 22-23'),
    ('[a-z&&[^aeiou]]+', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '2-3 8-11 31-32 33-34 35-36'),
    ('[^a-z&&[^x]]', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '1-2 3-4 4-5 5-6 6-7 7-8 12-13 14-15 15-16 16-17 17-18 18-19 19-20 21-22 22-23 23-24 24-25 25-26 26-27 27-28 28-29 29-30 30-31 31-32 32-33 34-35'),
    ('[a-c[x-z]]+', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '0-1 2-3 11-12 31-32 33-34 35-36'),
    ('(?<g>o)\\k<g>', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', ''),
    ('(l)\\1', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', ''),
    ('(l)\\11', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', ''),
    ('\\1(a)', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', ''),
    ('(?i)(h)\\1', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', ''),
    ('(?<=o)r', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', ''),
    ('(?>fo|foo)bar', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', ''),
    ('o*+o', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', ''),
    ('x*', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '0-0 1-1 2-2 3-3 4-4 5-5 6-6 7-7 8-8 9-9 10-10 11-11 12-12 13-13 14-14 15-15 16-16 17-17 18-18 19-19 20-20 21-21 22-22 23-23 24-24 25-25 26-26 27-27 28-28 29-29 30-30 31-32 32-32 33-33 34-34 35-35 36-36'),
    ('(?x) l  o # comment', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', ''),
    ('(?x)[ l ]', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', ''),
    ('\\Q.\\E', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '34-35'),
    ('\\0101', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '1-2'),
    ('\\cA', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', ''),
    ('\\N{LATIN SMALL LETTER O}', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', ''),
    ('\\p{InBasicLatin}+', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '0-5 7-12 13-15 18-19 20-22 23-28 29-36'),
    ('\\p{IsGreek}+', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '15-18'),
    ('[]a]', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '0-1 11-12'),
    ('[a&&&b]', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '0-1 2-3 11-12'),
    ('[a-z&&]', 'aAbB éÉ straße ΣΑΣ İi ǅ 123 ٣ _x-y.z', '0-1 2-3 8-9 9-10 10-11 11-12 13-14 20-21 31-32 33-34 35-36'),
]

# (pattern, input, limit, String.split(pattern, limit))
JAVA_SPLIT = [
    (',', 'a,b,,c,,', 0, ['a', 'b', '', 'c']),
    (',', 'a,b,,c,,', -1, ['a', 'b', '', 'c', '', '']),
    (',', 'a,b,,c,,', 2, ['a', 'b,,c,,']),
    ('', 'a,b,,c,,', 0, ['a', ',', 'b', ',', ',', 'c', ',', ',']),
    ('', 'a,b,,c,,', -1, ['a', ',', 'b', ',', ',', 'c', ',', ',', '']),
    ('', 'a,b,,c,,', 2, ['a', ',b,,c,,']),
    ('\\d+', 'a,b,,c,,', 0, ['a,b,,c,,']),
    ('\\d+', 'a,b,,c,,', -1, ['a,b,,c,,']),
    ('\\d+', 'a,b,,c,,', 2, ['a,b,,c,,']),
    ('\\d*', 'a,b,,c,,', 0, ['a', ',', 'b', ',', ',', 'c', ',', ',']),
    ('\\d*', 'a,b,,c,,', -1, ['a', ',', 'b', ',', ',', 'c', ',', ',', '']),
    ('\\d*', 'a,b,,c,,', 2, ['a', ',b,,c,,']),
    ('(?=b)', 'a,b,,c,,', 0, ['a,', 'b,,c,,']),
    ('(?=b)', 'a,b,,c,,', -1, ['a,', 'b,,c,,']),
    ('(?=b)', 'a,b,,c,,', 2, ['a,', 'b,,c,,']),
    ('\\s+', 'a,b,,c,,', 0, ['a,b,,c,,']),
    ('\\s+', 'a,b,,c,,', -1, ['a,b,,c,,']),
    ('\\s+', 'a,b,,c,,', 2, ['a,b,,c,,']),
    ('|', 'a,b,,c,,', 0, ['a', ',', 'b', ',', ',', 'c', ',', ',']),
    ('|', 'a,b,,c,,', -1, ['a', ',', 'b', ',', ',', 'c', ',', ',', '']),
    ('|', 'a,b,,c,,', 2, ['a', ',b,,c,,']),
    ('\\|', 'a,b,,c,,', 0, ['a,b,,c,,']),
    ('\\|', 'a,b,,c,,', -1, ['a,b,,c,,']),
    ('\\|', 'a,b,,c,,', 2, ['a,b,,c,,']),
    ('$', 'a,b,,c,,', 0, ['a,b,,c,,']),
    ('$', 'a,b,,c,,', -1, ['a,b,,c,,', '']),
    ('$', 'a,b,,c,,', 2, ['a,b,,c,,', '']),
    ('\\b', 'a,b,,c,,', 0, ['a', ',', 'b', ',,', 'c', ',,']),
    ('\\b', 'a,b,,c,,', -1, ['a', ',', 'b', ',,', 'c', ',,']),
    ('\\b', 'a,b,,c,,', 2, ['a', ',b,,c,,']),
    (',', ',a,b', 0, ['', 'a', 'b']),
    (',', ',a,b', -1, ['', 'a', 'b']),
    (',', ',a,b', 2, ['', 'a,b']),
    ('', ',a,b', 0, [',', 'a', ',', 'b']),
    ('', ',a,b', -1, [',', 'a', ',', 'b', '']),
    ('', ',a,b', 2, [',', 'a,b']),
    ('\\d+', ',a,b', 0, [',a,b']),
    ('\\d+', ',a,b', -1, [',a,b']),
    ('\\d+', ',a,b', 2, [',a,b']),
    ('\\d*', ',a,b', 0, [',', 'a', ',', 'b']),
    ('\\d*', ',a,b', -1, [',', 'a', ',', 'b', '']),
    ('\\d*', ',a,b', 2, [',', 'a,b']),
    ('(?=b)', ',a,b', 0, [',a,', 'b']),
    ('(?=b)', ',a,b', -1, [',a,', 'b']),
    ('(?=b)', ',a,b', 2, [',a,', 'b']),
    ('\\s+', ',a,b', 0, [',a,b']),
    ('\\s+', ',a,b', -1, [',a,b']),
    ('\\s+', ',a,b', 2, [',a,b']),
    ('|', ',a,b', 0, [',', 'a', ',', 'b']),
    ('|', ',a,b', -1, [',', 'a', ',', 'b', '']),
    ('|', ',a,b', 2, [',', 'a,b']),
    ('\\|', ',a,b', 0, [',a,b']),
    ('\\|', ',a,b', -1, [',a,b']),
    ('\\|', ',a,b', 2, [',a,b']),
    ('$', ',a,b', 0, [',a,b']),
    ('$', ',a,b', -1, [',a,b', '']),
    ('$', ',a,b', 2, [',a,b', '']),
    ('\\b', ',a,b', 0, [',', 'a', ',', 'b']),
    ('\\b', ',a,b', -1, [',', 'a', ',', 'b', '']),
    ('\\b', ',a,b', 2, [',', 'a,b']),
    (',', '', 0, ['']),
    (',', '', -1, ['']),
    (',', '', 2, ['']),
    ('', '', 0, ['']),
    ('', '', -1, ['']),
    ('', '', 2, ['']),
    ('\\d+', '', 0, ['']),
    ('\\d+', '', -1, ['']),
    ('\\d+', '', 2, ['']),
    ('\\d*', '', 0, ['']),
    ('\\d*', '', -1, ['']),
    ('\\d*', '', 2, ['']),
    ('(?=b)', '', 0, ['']),
    ('(?=b)', '', -1, ['']),
    ('(?=b)', '', 2, ['']),
    ('\\s+', '', 0, ['']),
    ('\\s+', '', -1, ['']),
    ('\\s+', '', 2, ['']),
    ('|', '', 0, ['']),
    ('|', '', -1, ['']),
    ('|', '', 2, ['']),
    ('\\|', '', 0, ['']),
    ('\\|', '', -1, ['']),
    ('\\|', '', 2, ['']),
    ('$', '', 0, ['']),
    ('$', '', -1, ['']),
    ('$', '', 2, ['']),
    ('\\b', '', 0, ['']),
    ('\\b', '', -1, ['']),
    ('\\b', '', 2, ['']),
    (',', 'a1b22c333', 0, ['a1b22c333']),
    (',', 'a1b22c333', -1, ['a1b22c333']),
    (',', 'a1b22c333', 2, ['a1b22c333']),
    ('', 'a1b22c333', 0, ['a', '1', 'b', '2', '2', 'c', '3', '3', '3']),
    ('', 'a1b22c333', -1, ['a', '1', 'b', '2', '2', 'c', '3', '3', '3', '']),
    ('', 'a1b22c333', 2, ['a', '1b22c333']),
    ('\\d+', 'a1b22c333', 0, ['a', 'b', 'c']),
    ('\\d+', 'a1b22c333', -1, ['a', 'b', 'c', '']),
    ('\\d+', 'a1b22c333', 2, ['a', 'b22c333']),
    ('\\d*', 'a1b22c333', 0, ['a', '', 'b', '', 'c']),
    ('\\d*', 'a1b22c333', -1, ['a', '', 'b', '', 'c', '', '']),
    ('\\d*', 'a1b22c333', 2, ['a', 'b22c333']),
    ('(?=b)', 'a1b22c333', 0, ['a1', 'b22c333']),
    ('(?=b)', 'a1b22c333', -1, ['a1', 'b22c333']),
    ('(?=b)', 'a1b22c333', 2, ['a1', 'b22c333']),
    ('\\s+', 'a1b22c333', 0, ['a1b22c333']),
    ('\\s+', 'a1b22c333', -1, ['a1b22c333']),
    ('\\s+', 'a1b22c333', 2, ['a1b22c333']),
    ('|', 'a1b22c333', 0, ['a', '1', 'b', '2', '2', 'c', '3', '3', '3']),
    ('|', 'a1b22c333', -1, ['a', '1', 'b', '2', '2', 'c', '3', '3', '3', '']),
    ('|', 'a1b22c333', 2, ['a', '1b22c333']),
    ('\\|', 'a1b22c333', 0, ['a1b22c333']),
    ('\\|', 'a1b22c333', -1, ['a1b22c333']),
    ('\\|', 'a1b22c333', 2, ['a1b22c333']),
    ('$', 'a1b22c333', 0, ['a1b22c333']),
    ('$', 'a1b22c333', -1, ['a1b22c333', '']),
    ('$', 'a1b22c333', 2, ['a1b22c333', '']),
    ('\\b', 'a1b22c333', 0, ['a1b22c333']),
    ('\\b', 'a1b22c333', -1, ['a1b22c333', '']),
    ('\\b', 'a1b22c333', 2, ['a1b22c333', '']),
    (',', ' a  b ', 0, [' a  b ']),
    (',', ' a  b ', -1, [' a  b ']),
    (',', ' a  b ', 2, [' a  b ']),
    ('', ' a  b ', 0, [' ', 'a', ' ', ' ', 'b', ' ']),
    ('', ' a  b ', -1, [' ', 'a', ' ', ' ', 'b', ' ', '']),
    ('', ' a  b ', 2, [' ', 'a  b ']),
    ('\\d+', ' a  b ', 0, [' a  b ']),
    ('\\d+', ' a  b ', -1, [' a  b ']),
    ('\\d+', ' a  b ', 2, [' a  b ']),
    ('\\d*', ' a  b ', 0, [' ', 'a', ' ', ' ', 'b', ' ']),
    ('\\d*', ' a  b ', -1, [' ', 'a', ' ', ' ', 'b', ' ', '']),
    ('\\d*', ' a  b ', 2, [' ', 'a  b ']),
    ('(?=b)', ' a  b ', 0, [' a  ', 'b ']),
    ('(?=b)', ' a  b ', -1, [' a  ', 'b ']),
    ('(?=b)', ' a  b ', 2, [' a  ', 'b ']),
    ('\\s+', ' a  b ', 0, ['', 'a', 'b']),
    ('\\s+', ' a  b ', -1, ['', 'a', 'b', '']),
    ('\\s+', ' a  b ', 2, ['', 'a  b ']),
    ('|', ' a  b ', 0, [' ', 'a', ' ', ' ', 'b', ' ']),
    ('|', ' a  b ', -1, [' ', 'a', ' ', ' ', 'b', ' ', '']),
    ('|', ' a  b ', 2, [' ', 'a  b ']),
    ('\\|', ' a  b ', 0, [' a  b ']),
    ('\\|', ' a  b ', -1, [' a  b ']),
    ('\\|', ' a  b ', 2, [' a  b ']),
    ('$', ' a  b ', 0, [' a  b ']),
    ('$', ' a  b ', -1, [' a  b ', '']),
    ('$', ' a  b ', 2, [' a  b ', '']),
    ('\\b', ' a  b ', 0, [' ', 'a', '  ', 'b', ' ']),
    ('\\b', ' a  b ', -1, [' ', 'a', '  ', 'b', ' ']),
    ('\\b', ' a  b ', 2, [' ', 'a  b ']),
]

# (pattern, input, replacement, String.replaceAll result, or "EXC " + the exception thrown)
JAVA_REPLACE_ALL = [
    ('l', 'hello world', 'L', 'heLLo worLd'),
    ('(l+)', 'hello world', '[$1]', 'he[ll]o wor[l]d'),
    ('(?<n>o)', 'hello world', '<${n}>', 'hell<o> w<o>rld'),
    ('o', 'hello world', '\\$', 'hell$ w$rld'),
    ('o', 'hello world', '$0$0', 'helloo woorld'),
    ('a*', 'hello world', '-', '-h-e-l-l-o- -w-o-r-l-d-'),
    ('', 'hello world', '-', '-h-e-l-l-o- -w-o-r-l-d-'),
    ('(a)(b)?', 'hello world', '[$2]', 'hello world'),
    ('(l)', 'hello world', '$11', 'hel1l1o worl1d'),
    ('(l)', 'hello world', '$2', 'EXC java.lang.IndexOutOfBoundsException: No group 2'),
    ('(l)', 'hello world', '${x}', 'EXC java.lang.IllegalArgumentException: No group with name {x}'),
    ('(l)', 'hello world', '\\', 'EXC java.lang.IllegalArgumentException: character to be escaped is missing'),
    ('(l)', 'hello world', '$', 'EXC java.lang.IllegalArgumentException: Illegal group reference: group index is missing'),
    ('(l)', 'hello world', '${1}', 'EXC java.lang.IllegalArgumentException: capturing group name {1} starts with digit character'),
    ('(l)', 'hello world', '$a', 'EXC java.lang.IllegalArgumentException: Illegal group reference'),
    ('\\b', 'hello world', '|', '|hello| |world|'),
    ('$', 'hello world', '!', 'hello world!'),
    ('(?<=l)', 'hello world', '_', 'hel_l_o worl_d'),
    ('nomatch', 'hello world', '$9', 'hello world'),
    ('l', 'aaa', 'L', 'aaa'),
    ('(l+)', 'aaa', '[$1]', 'aaa'),
    ('(?<n>o)', 'aaa', '<${n}>', 'aaa'),
    ('o', 'aaa', '\\$', 'aaa'),
    ('o', 'aaa', '$0$0', 'aaa'),
    ('a*', 'aaa', '-', '--'),
    ('', 'aaa', '-', '-a-a-a-'),
    ('(a)(b)?', 'aaa', '[$2]', '[][][]'),
    ('(l)', 'aaa', '$11', 'aaa'),
    ('(l)', 'aaa', '$2', 'aaa'),
    ('(l)', 'aaa', '${x}', 'aaa'),
    ('(l)', 'aaa', '\\', 'aaa'),
    ('(l)', 'aaa', '$', 'aaa'),
    ('(l)', 'aaa', '${1}', 'aaa'),
    ('(l)', 'aaa', '$a', 'aaa'),
    ('\\b', 'aaa', '|', '|aaa|'),
    ('$', 'aaa', '!', 'aaa!'),
    ('(?<=l)', 'aaa', '_', 'aaa'),
    ('nomatch', 'aaa', '$9', 'aaa'),
    ('l', '', 'L', ''),
    ('(l+)', '', '[$1]', ''),
    ('(?<n>o)', '', '<${n}>', ''),
    ('o', '', '\\$', ''),
    ('o', '', '$0$0', ''),
    ('a*', '', '-', '-'),
    ('', '', '-', '-'),
    ('(a)(b)?', '', '[$2]', ''),
    ('(l)', '', '$11', ''),
    ('(l)', '', '$2', ''),
    ('(l)', '', '${x}', ''),
    ('(l)', '', '\\', ''),
    ('(l)', '', '$', ''),
    ('(l)', '', '${1}', ''),
    ('(l)', '', '$a', ''),
    ('\\b', '', '|', ''),
    ('$', '', '!', '!'),
    ('(?<=l)', '', '_', ''),
    ('nomatch', '', '$9', ''),
    ('l', 'a.b.c', 'L', 'a.b.c'),
    ('(l+)', 'a.b.c', '[$1]', 'a.b.c'),
    ('(?<n>o)', 'a.b.c', '<${n}>', 'a.b.c'),
    ('o', 'a.b.c', '\\$', 'a.b.c'),
    ('o', 'a.b.c', '$0$0', 'a.b.c'),
    ('a*', 'a.b.c', '-', '--.-b-.-c-'),
    ('', 'a.b.c', '-', '-a-.-b-.-c-'),
    ('(a)(b)?', 'a.b.c', '[$2]', '[].b.c'),
    ('(l)', 'a.b.c', '$11', 'a.b.c'),
    ('(l)', 'a.b.c', '$2', 'a.b.c'),
    ('(l)', 'a.b.c', '${x}', 'a.b.c'),
    ('(l)', 'a.b.c', '\\', 'a.b.c'),
    ('(l)', 'a.b.c', '$', 'a.b.c'),
    ('(l)', 'a.b.c', '${1}', 'a.b.c'),
    ('(l)', 'a.b.c', '$a', 'a.b.c'),
    ('\\b', 'a.b.c', '|', '|a|.|b|.|c|'),
    ('$', 'a.b.c', '!', 'a.b.c!'),
    ('(?<=l)', 'a.b.c', '_', 'a.b.c'),
    ('nomatch', 'a.b.c', '$9', 'a.b.c'),
]

# (pattern, input, String.matches)
JAVA_MATCHES = [
    ('h.*o', 'hello', True),
    ('hello$', 'hello', True),
    ('abc$', 'hello', False),
    ('abc', 'hello', False),
    ('a$', 'hello', False),
    ('.', 'hello', False),
    ('(?i)abc', 'hello', False),
    ('', 'hello', False),
    ('.*', 'hello', True),
    ('h.*o', '', False),
    ('hello$', '', False),
    ('abc$', '', False),
    ('abc', '', False),
    ('a$', '', False),
    ('.', '', False),
    ('(?i)abc', '', False),
    ('', '', True),
    ('.*', '', True),
    ('h.*o', 'abc\n', False),
    ('hello$', 'abc\n', False),
    ('abc$', 'abc\n', False),
    ('abc', 'abc\n', False),
    ('a$', 'abc\n', False),
    ('.', 'abc\n', False),
    ('(?i)abc', 'abc\n', False),
    ('', 'abc\n', False),
    ('.*', 'abc\n', False),
    ('h.*o', 'a\r\n', False),
    ('hello$', 'a\r\n', False),
    ('abc$', 'a\r\n', False),
    ('abc', 'a\r\n', False),
    ('a$', 'a\r\n', False),
    ('.', 'a\r\n', False),
    ('(?i)abc', 'a\r\n', False),
    ('', 'a\r\n', False),
    ('.*', 'a\r\n', False),
    ('h.*o', 'AbC', False),
    ('hello$', 'AbC', False),
    ('abc$', 'AbC', False),
    ('abc', 'AbC', False),
    ('a$', 'AbC', False),
    ('.', 'AbC', False),
    ('(?i)abc', 'AbC', True),
    ('', 'AbC', False),
    ('.*', 'AbC', True),
]


@pytest.mark.parametrize(("pattern", "message"), JAVA_SYNTAX_ERRORS)
def test_syntax_errors_match_java(pattern: str, message: str) -> None:
    with pytest.raises(JavaException) as info:
        jregex.compile_java_regex(pattern)
    assert info.value.java_class == "PatternSyntaxException"
    assert qualified_name(info.value.java_class) == "java.util.regex.PatternSyntaxException"
    assert info.value.message == message


def test_syntax_errors_are_cached_and_raised_each_time() -> None:
    for _ in range(2):
        with pytest.raises(JavaException):
            jregex.compile_java_regex("(")


@pytest.mark.parametrize(("pattern", "text", "spans"), JAVA_FIND)
def test_find_matches_java(pattern: str, text: str, spans: str) -> None:
    compiled = jregex.compile_java_regex(pattern)
    found = [f"{start}-{end}" for start, end, _ in jregex._find_all(compiled, text, jregex._Budget())]
    assert " ".join(found) == spans


@pytest.mark.parametrize(("pattern", "text", "limit", "pieces"), JAVA_SPLIT)
def test_split_matches_java(pattern: str, text: str, limit: int, pieces: list[str]) -> None:
    assert jregex.java_split(text, pattern, limit) == pieces


@pytest.mark.parametrize(("pattern", "text", "replacement", "expected"), JAVA_REPLACE_ALL)
def test_replace_all_matches_java(pattern: str, text: str, replacement: str, expected: str) -> None:
    if expected.startswith("EXC "):
        java_class, message = expected[4:].split(": ", 1)
        with pytest.raises(JavaException) as info:
            jregex.java_replace_all(text, pattern, replacement)
        assert (qualified_name(info.value.java_class), info.value.message) == (java_class, message)
    else:
        assert jregex.java_replace_all(text, pattern, replacement) == expected


@pytest.mark.parametrize(("pattern", "text", "expected"), JAVA_MATCHES)
def test_matches_matches_java(pattern: str, text: str, expected: bool) -> None:
    assert jregex.java_matches(text, pattern) is expected


def test_replace_first() -> None:
    # Velocity 1.7 probe replaceAll-backref: "hello".replaceFirst('l', '_') -> he_lo
    assert jregex.java_replace_first("hello", "l", "_") == "he_lo"
    assert jregex.java_replace_first("hello", "(l+)", "<$1>") == "he<ll>o"


def test_split_probe() -> None:
    # Velocity 1.7 probe split: "a,b,,c,,".split(',') has 4 elements a, b, "", c
    assert jregex.java_split("a,b,,c,,", ",") == ["a", "b", "", "c"]


def test_empty_matches_split_surrogate_pairs_like_java() -> None:
    # Java 17: "x😀y".replaceAll("", "-") -> "-x-\ud83d-\ude00-y-" (after an empty match Java
    # moves one UTF-16 unit on, into the middle of the pair); "é😀x😀".split("") has 6 pieces
    assert jregex.java_replace_all("x😀y", "", "-") == "-x-\ud83d-\ude00-y-"
    assert jregex.java_replace_all("x😀y", "x*", "_") == "__\ud83d_\ude00_y_"
    assert len(jregex.java_split("é😀x😀", "")) == 6
    assert jregex.java_split("a😀b😀", "b|") == ["a", "\ud83d", "\ude00", "", "\ud83d", "\ude00"]
    assert jregex.java_replace_all("a😀b", "😀", "-") == "a-b"


def test_catastrophic_backtracking_is_stopped() -> None:
    old = jregex.DEFAULT_TIMEOUT
    jregex.set_timeout(0.2)
    try:
        start = time.monotonic()
        with pytest.raises(VtlLimitError):
            jregex.java_matches("a" * 60 + "b", "(a|aa)+$")
        assert time.monotonic() - start < 2
    finally:
        jregex.set_timeout(old)
