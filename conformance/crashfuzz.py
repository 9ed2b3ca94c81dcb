"""Long-run crash fuzzer: whatever the template, variables or event, apigw-vtl may only raise
:class:`vtl.VtlError` (or ``TypeError`` for arguments of the wrong Python type).

    python -m conformance.crashfuzz --inputs 100000 [--seed N] [--show 5] [--seconds S]

Inputs are random text biased towards VTL syntax, mutations and splices of real templates
(the seeds below, the conformance corpus, the AWS recordings' templates and examples/*.vm),
random variables, and random API Gateway events with JSON or garbage bodies. Each one goes
through ``vtl.compile(...).render(...)`` in both profiles and through ``vtl.render(...)`` /
``Template.render_request(...)`` with a request or response body.

Any other exception is a crash: the run prints how many inputs it tried, then each distinct
crash (exception type and the innermost frame of vtl) with a reproduction reduced by delta
debugging. The process caps its own address space (Linux) so a missing budget shows up as
``MemoryError`` rather than taking the machine down, and every render runs under a short
deadline. The exit status is 1 when something crashed.

The generators are shared with ``tests/test_error_discipline.py``.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import vtl

ROOT = Path(__file__).resolve().parent.parent

# -- seeds: realistic mapping templates (written for this project after the shapes the API
#    Gateway guide and the recorded cases use) ---------------------------------------------

SEEDS: list[str] = [
    # a request template that forwards everything
    """#set($allParams = $input.params())
{
  "body-json" : $input.json('$'),
  "params" : {
    #foreach($type in $allParams.keySet())
    #set($params = $allParams.get($type))
    "$type" : {
      #foreach($paramName in $params.keySet())
      "$paramName" : "$util.escapeJavaScript($params.get($paramName))"#if($foreach.hasNext),#end
      #end
    }#if($foreach.hasNext),#end
    #end
  },
  "stage-variables" : {
    #foreach($key in $stageVariables.keySet())
    "$key" : "$util.escapeJavaScript($stageVariables.get($key))"#if($foreach.hasNext),#end
    #end
  },
  "context" : {
    "account-id" : "$context.identity.accountId",
    "http-method" : "$context.httpMethod",
    "request-id" : "$context.requestId",
    "resource-path" : "$context.resourcePath",
    "source-ip" : "$context.identity.sourceIp"
  }
}
""",
    # a response transform over a list
    """#set($inputRoot = $input.path('$'))
[
#foreach($elem in $inputRoot.items)
  {
    "id": $elem.id,
    "label": "Item $elem.id is a ${elem.type}.",
    "price": $elem.price#if($elem.tags),
    "tags": [#foreach($t in $elem.tags)"$util.escapeJavaScript($t)"#if($foreach.hasNext), #end#end]#end
  }#if($foreach.hasNext),#end
#end
]
""",
    # error mapping with overrides
    """#set($err = $util.parseJson($input.path('$.errorMessage')))
#if($err.code == 'NotFound')
#set($context.responseOverride.status = 404)
#elseif($err.code.startsWith('Invalid'))
#set($context.responseOverride.status = 400)
#set($context.responseOverride.header.X-Reason = "$err.code")
#end
{"message": "$util.escapeJavaScript($err.message).replaceAll("\\\\'", "'")", "at": $context.requestTimeEpoch}
""",
    # SQS / Kinesis style request
    """Action=SendMessage&MessageBody=$util.urlEncode($input.body)&MessageAttribute.1.Name=id&MessageAttribute.1.Value.StringValue=$util.urlEncode($input.params('id'))""",
    """{
  "StreamName": "$stageVariables.stream",
  "Records": [
    #set($n = $input.path('$.records').size())
    #if($n > 0)
    #set($max = $n - 1)
    #foreach($i in [0..$max])
    #set($r = $input.path("$.records[$i]"))
    {"Data": "$util.base64Encode($r.data)", "PartitionKey": "$r.key"}#if($foreach.hasNext),#end
    #end
    #end
  ]
}""",
    # a step functions start with the body as a string
    """{"input": "$util.escapeJavaScript($input.json('$'))", "name": "$context.requestId",
 "stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:$stageVariables.machine"}""",
    # maps, ranges, define and strings
    """#set($m = {"a": 1, "b": [1, 2, 3], "c": {"d": true}})
#set($total = 0)
#foreach($v in $m.b)#set($total = $total + $v)#end
#define($row)$k=$m.get($k)#end
#foreach($k in $m.keySet())$row#if($foreach.hasNext);#end#end
total=$total ${m.c.d} $m.b[-1] $m.b.size() "$m.keySet()" $m.containsKey('a')
#if($total >= 6 && !$m.isEmpty())big#{else}small#end""",
    # string methods and escapes
    """#set($s = $input.params('q'))
#set($parts = $s.split(','))
#foreach($p in $parts)[$p.trim().toLowerCase()]#end
$s.length() $s.indexOf('x') $s.replaceAll('[^a-z]', '_') $s.matches('^[a-z,]*$')
\\$notAVar \\#if ## comment
#* block
comment *#$!missing ${s}s $util.urlDecode($util.urlEncode($s))""",
    # macros and evaluate (velocity profile), literals, break and stop
    """#macro(item $x $i)<li id="$i">$x</li>#end
#foreach($x in ['a', 'b', 'c'])#item($x $foreach.index)#if($foreach.count == 2)#break#end#end
#set($tpl = '#set($z = 3)$z')#evaluate($tpl)
#literal()#if($nope)$x#end#end
#[[ raw $x ]]#
#if($stop)#stop#end after""",
    # numbers
    """#set($a = 7)#set($b = 2)#set($f = 1.5)
$a/$b=#set($q = $a / $b)$q $a%$b=#set($r = $a % $b)$r ${f}*2=#set($p = $f * 2)$p
#set($big = 2147483647)#set($big = $big + 1)$big $big.class.name
#set($n = $input.path('$.n'))#if($n > 10)many#elseif($n)some#{else}none#end""",
]

#: Tokens random text is built from: VTL punctuation, directives, references and keywords.
VTL_TOKENS: list[str] = [
    "$", "#", "(", ")", "{", "}", "[", "]", '"', "'", "\\", "!", ".", ",", "=", "..", " ", "\n",
    "\t", "\r\n", "*", "+", "-", "/", "%", "<", ">", "&&", "||", "==", "!=", ">=", "<=", "|",
    ":", ";", "@", "0", "1", "-1", "2147483648", "9" * 25, "1.5", "1e400", "0x1F", "a", "x",
    "é", "\U0001f600", "\ud800", "\x00", "##", "#*", "*#", "#[[", "]]#", "${", "$!", "$!{",
    "#set(", "#if(", "#elseif(", "#else", "#end", "#foreach(", " in ", "#break", "#stop",
    "#define(", "#macro(", "#evaluate(", "#parse(", "#include(", "#literal()", "#{end}",
    "#{else}", "#@", "true", "false", "null", "and", "or", "not", "eq", "ne", "lt", "gt",
    "le", "ge", "$x", "$y", "$l", "$m", "$s", "$n", "$input", "$util", "$context",
    "$foreach", "$velocityCount", "$bodyContent", ".size()", ".get(0)", ".keySet()",
    ".substring(1)", ".replaceAll('a', 'b')", ".split(',')", ".matches('a*')",
    ".toString()", ".class", ".getClass()", ".put('k', 1)", ".add(1)", ".repeat(3)",
    "$input.path('$')", "$input.json('$.a')", "$input.params()", "$input.body",
    "$util.parseJson($input.body)", "$util.escapeJavaScript($s)", "$util.urlDecode('%')",
    "$util.base64Decode($s)", "$context.requestOverride.header.h", "[1..3]", "[0..$n]",
    "{'k': 1}", "['a', 2]", "$l[0]", "$m['k']", "$l[-1]", "$l[$n]",
    # values as keys and arguments of every kind
    "{[1]: 2}", "{$l: $m}", "{{}: 1}", ".put($l, 1)", ".put($m, $m)", ".containsKey($l)",
    ".add($l)", ".addAll($l)", ".remove($m)", ".indexOf($m)", ".equals($l)", ".hashCode()",
    ".compareTo($s)", ".entrySet()", ".values()", ".contains($m)", ".putAll($m)",
    ".set(0, $l)", ".subList(0, 1)", ".toArray()", ".getKey()", ".setValue($l)",
    "$foreach.parent", "$foreach.index", "$velocityHasNext", "$s.charAt(0)", ".length()",
    ".trim()", ".toUpperCase()", ".format('%s')", ".getBytes()", ".intValue()",
]

_KEYS = ["a", "b", "k", "id", "items", "records", "errorMessage", "n", "", "é", "__class__",
         "x y", "$", "0"]
_STRINGS = ["", "x", "hello", "a,b,c", " sp ", "\u00fc\u00df", "\U0001f600", "%E2%82%AC", "%",
            "YWJj", "!!!", "{\"a\":1}", "[1,2", "'", '"', "\\", "\n", "\ud800", "$x", "#if",
            "NotFound", "InvalidInput"]


def random_json(rng: random.Random, depth: int = 0) -> Any:
    """A random JSON value (as ``json.loads`` would build it)."""
    roll = rng.random()
    if depth > 3 or roll < 0.45:
        kind = rng.randrange(7)
        if kind == 0:
            return rng.choice(_STRINGS)
        if kind == 1:
            return rng.choice([0, 1, -1, 7, 2**31, -(2**31) - 1, 2**63, 2**70, 10**25])
        if kind == 2:
            return rng.choice([0.1, -0.0, 1.5, 1e300, 2.5e-8, 100.0])
        if kind == 3:
            return rng.choice([True, False])
        if kind == 4:
            return None
        return rng.choice(_STRINGS) + rng.choice(_STRINGS)
    if roll < 0.7:
        return [random_json(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {rng.choice(_KEYS): random_json(rng, depth + 1) for _ in range(rng.randrange(5))}


def random_body(rng: random.Random) -> str:
    """A request or response body: JSON most of the time, sometimes garbage."""
    roll = rng.random()
    if roll < 0.55:
        return json.dumps(random_json(rng), ensure_ascii=rng.random() < 0.5)
    if roll < 0.7:
        text = json.dumps(random_json(rng))
        cut = rng.randrange(len(text) + 1)
        return text[:cut] + rng.choice(["", "}", "]", ",", "\\", '"', "\\u12", "\\ud800", "nul"])
    pieces = ["{", "}", "[", "]", '"', ":", ",", "1", "-", "e", "E", ".", "true", "nul", "a",
              "\\u0041", "\\ud83d\\ude00", "\\ud800", "\\", " ", "\n", "\u00e9", "\x00", "NaN",
              "Infinity", "'", "0x10", "1" * 30, "/*", "//"]
    return "".join(rng.choice(pieces) for _ in range(rng.randrange(12)))


def random_text(rng: random.Random, size: int = 30) -> str:
    """Random text biased towards VTL: mostly tokens, sometimes a raw character."""
    out = []
    for _ in range(rng.randrange(size + 1)):
        if rng.random() < 0.85:
            out.append(rng.choice(VTL_TOKENS))
        else:
            out.append(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x80, 0x800),
                                       rng.randrange(0, 32), rng.randrange(0x10000, 0x10FFFF)])))
    return "".join(out)


def mutate(rng: random.Random, template: str, others: list[str]) -> str:
    """One to four random edits of ``template``: delete, duplicate, insert or splice."""
    text = template
    for _ in range(rng.randint(1, 4)):
        n = len(text)
        i = rng.randrange(n + 1)
        j = min(n, i + rng.randrange(1, 12))
        op = rng.randrange(6)
        if op == 0:
            text = text[:i] + text[j:]
        elif op == 1:
            text = text[:i] + rng.choice(VTL_TOKENS) + text[i:]
        elif op == 2:
            text = text[:j] + text[i:j] + text[j:]
        elif op == 3:
            other = rng.choice(others) if others else template
            k = rng.randrange(len(other) + 1)
            text = text[:i] + other[k:k + rng.randrange(1, 40)] + text[j:]
        elif op == 4:
            text = text[:i] + random_text(rng, 4) + text[j:]
        else:
            text = text[:i] + text[i:j][::-1] + text[j:]
    return text


def random_variables(rng: random.Random) -> dict[str, Any]:
    names = ["x", "y", "l", "m", "s", "n", "a", "b"]
    return {name: random_json(rng, 1) for name in rng.sample(names, rng.randrange(len(names)))}


def random_event(rng: random.Random) -> dict[str, Any]:
    """A REST proxy event from :func:`vtl.event` with random parts."""
    def small_map() -> dict[str, str] | None:
        if rng.random() < 0.3:
            return None
        return {rng.choice(_KEYS + ["Content-Type", "Accept"]) or "e": rng.choice(_STRINGS)
                for _ in range(rng.randrange(4))}

    kwargs: dict[str, Any] = {"method": rng.choice(["GET", "POST", "PUT"])}
    if rng.random() < 0.8:
        kwargs["body"] = random_body(rng)
    for key in ("headers", "path_params", "stage_variables"):
        value = small_map()
        if value is not None:
            kwargs[key] = value
    if rng.random() < 0.5:
        kwargs["query"] = rng.choice([small_map() or {}, "a=1&b=%E2%82%AC&a=2", "x", "%zz=1&&="])
    if rng.random() < 0.2:
        kwargs["authorizer"] = {"principalId": "me", "claims": {"sub": "1"}, "n": 1}
    if rng.random() < 0.1:
        kwargs["body"] = rng.choice([b"\x00\xff binary", b"", "bm90IGJhc2U2NA=="])
        kwargs["is_base64"] = True
    return vtl.event(**kwargs)


def corpus(root: Path = ROOT) -> list[str]:
    """The seeds plus every template of the conformance corpus and examples, when present."""
    templates = list(SEEDS)
    for path in sorted((root / "conformance" / "velocity").glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        cases = data.get("cases", []) if isinstance(data, dict) else data
        templates.extend(c["template"] for c in cases if isinstance(c, dict) and isinstance(c.get("template"), str))
    aws = root / "conformance" / "aws" / "cases.json"
    if aws.exists():
        try:
            cases = json.loads(aws.read_text(encoding="utf-8"))
            templates.extend(c["template"] for c in cases if isinstance(c.get("template"), str))
        except (OSError, ValueError, AttributeError):
            pass
    for path in sorted((root / "examples").glob("**/*.vm")):
        try:
            templates.append(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
    return templates


# -- running one input ----------------------------------------------------------------------

#: Budgets that keep one fuzz input short; they are still far above what the inputs need.
FUZZ_LIMITS = vtl.Limits(deadline=2.0, max_output_size=4_000_000, max_string_size=2_000_000,
                         max_total_iterations=200_000)
FUZZ_AWS_LIMITS = vtl.Limits(foreach_max_loops=1000, max_template_size=300 * 1024, deadline=2.0,
                             max_output_size=4_000_000, max_string_size=2_000_000,
                             max_total_iterations=200_000)


@dataclass
class Case:
    """One fuzz input: how to run it and what it is made of."""

    mode: str  # "velocity", "apigateway", "request", "response", "render"
    template: str
    variables: dict[str, Any]
    event: dict[str, Any] | None
    response_body: str | None = None

    def run(self) -> None:
        if self.mode in ("velocity", "apigateway"):
            limits = FUZZ_LIMITS if self.mode == "velocity" else FUZZ_AWS_LIMITS
            vtl.compile(self.template, self.mode, limits=limits).render(self.variables)
        elif self.mode == "render":
            result = vtl.render(self.template, self.event)
            _touch(result)
        else:
            template = vtl.compile(self.template, limits=FUZZ_AWS_LIMITS)
            first = template.render_request(self.event)
            _touch(first)
            if self.mode == "response":
                _touch(template.render_request(self.event, response_body=self.response_body, previous=first))

    def repro(self) -> str:
        """Python source that reproduces this input."""
        if self.mode in ("velocity", "apigateway"):
            return f"vtl.compile({self.template!r}, {self.mode!r}).render({self.variables!r})"
        if self.mode == "render":
            return f"vtl.render({self.template!r}, {self.event!r})"
        code = f"t = vtl.compile({self.template!r})\nfirst = t.render_request({self.event!r})"
        if self.mode == "response":
            code += f"\nt.render_request({self.event!r}, response_body={self.response_body!r}, previous=first)"
        return code


def _touch(result: Any) -> None:
    """Read every field of a render result, as a caller would."""
    for name in ("body", "status", "headers", "request_overrides", "response_overrides"):
        value = getattr(result, name, None)
        if isinstance(value, dict):
            list(value.items())
    str(result)


def _valid_generator() -> Callable[[random.Random], Any] | None:
    """The differential fuzzer's generator of valid templates, when it is importable."""
    try:
        from .strategies import generate
    except ImportError:
        return None
    return generate


_VALID = _valid_generator()


def random_case(rng: random.Random, templates: list[str]) -> Case:
    roll = rng.random()
    variables = random_variables(rng)
    if roll < 0.25:
        template = random_text(rng, rng.choice([10, 30, 80]))
    elif roll < 0.75:
        template = mutate(rng, rng.choice(templates), templates)
    elif roll < 0.85 or _VALID is None:
        template = rng.choice(templates)
    else:
        example = _VALID(rng)  # a valid template with variables of the names it uses
        template = example.template if rng.random() < 0.7 else mutate(rng, example.template, templates)
        variables = {**variables, **example.vars}
    mode = rng.choice(["velocity", "apigateway", "apigateway", "request", "response", "render"])
    event = random_event(rng) if mode in ("request", "response", "render") else None
    return Case(mode, template, variables, event, random_body(rng) if mode == "response" else None)


def crash_of(case: Case, outcomes: dict[str, int] | None = None) -> BaseException | None:
    """The exception ``case`` raises that is not allowed, or ``None``.

    ``outcomes`` counts what happened: ``ok`` or the class of the VtlError raised."""
    try:
        try:
            case.run()
        except vtl.VtlError as err:
            str(err)  # the message, position and excerpt must always render
            pickle.loads(pickle.dumps(err))
            raise
    except vtl.VtlError as err:
        if outcomes is not None:
            kind = type(err).__name__
            outcomes[kind] = outcomes.get(kind, 0) + 1
        return None
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # noqa: BLE001 - anything else is the finding
        return exc
    if outcomes is not None:
        outcomes["ok"] = outcomes.get("ok", 0) + 1
    return None


def signature(exc: BaseException) -> str:
    """Exception type plus the innermost frame inside the vtl package."""
    frames = traceback.extract_tb(exc.__traceback__)
    inner = [f for f in frames if "/vtl/" in f.filename.replace("\\", "/")]
    where = f"{Path(inner[-1].filename).name}:{inner[-1].lineno} in {inner[-1].name}" if inner else "?"
    return f"{type(exc).__name__} at {where}"


def minimize(case: Case, same: Callable[[Case], bool]) -> Case:
    """Delta debugging on the template text (then on the variables) keeping ``same`` true.

    First tries the simplest way to run it: a plain compile/render, then the default event."""
    for simpler in (Case("apigateway", case.template, {}, None), Case("velocity", case.template, {}, None),
                    Case(case.mode, case.template, case.variables, None, case.response_body)):
        if simpler.mode != case.mode or case.event is not None:
            if same(simpler):
                case = simpler
                break
    text = case.template
    chunk = max(1, len(text) // 2)
    while chunk >= 1:
        i = 0
        changed = False
        while i < len(text):
            candidate = text[:i] + text[i + chunk:]
            trial = Case(case.mode, candidate, case.variables, case.event, case.response_body)
            if same(trial):
                text = candidate
                changed = True
            else:
                i += chunk
        if not changed:
            chunk //= 2
    variables = dict(case.variables)
    for key in list(variables):
        trial_vars = {k: v for k, v in variables.items() if k != key}
        if same(Case(case.mode, text, trial_vars, case.event, case.response_body)):
            variables = trial_vars
            continue
        for simpler_value in _simpler(variables[key]):
            trial_vars = {**variables, key: simpler_value}
            if same(Case(case.mode, text, trial_vars, case.event, case.response_body)):
                variables = trial_vars
                break
    return Case(case.mode, text, variables, case.event, case.response_body)


def _simpler(value: Any) -> list[Any]:
    """Smaller values of the same kind, simplest first."""
    if isinstance(value, dict):
        return [{}] + [{k: v} for k, v in value.items()]
    if isinstance(value, list):
        return [[]] + [[v] for v in value]
    if isinstance(value, str):
        return ["", "x"] if value not in ("", "x") else []
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [0, 1] if value not in (0, 1) else []
    return []


def _cap_memory(megabytes: int) -> None:
    try:
        import resource

        cap = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    except (ImportError, ValueError, OSError):
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m conformance.crashfuzz", description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=10_000, help="how many inputs to try")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: random)")
    parser.add_argument("--show", type=int, default=5, help="crashes to print with a reproduction")
    parser.add_argument("--seconds", type=float, default=None, help="stop after this many seconds")
    parser.add_argument("--memory", type=int, default=3000, help="address-space cap in MB (0: none)")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    rng = random.Random(seed)
    if args.memory:
        _cap_memory(args.memory)
    templates = corpus()
    crashes: dict[str, tuple[Case, BaseException]] = {}
    counts: dict[str, int] = {}
    outcomes: dict[str, int] = {}
    tried = 0
    start = time.monotonic()
    slowest = (0.0, None)
    for tried in range(1, args.inputs + 1):
        case = random_case(rng, templates)
        t0 = time.monotonic()
        exc = crash_of(case, outcomes)
        took = time.monotonic() - t0
        if took > slowest[0]:
            slowest = (took, case)
        if exc is not None:
            sig = signature(exc)
            counts[sig] = counts.get(sig, 0) + 1
            crashes.setdefault(sig, (case, exc))
        if tried % 5000 == 0:
            print(f"... {tried} inputs, {len(crashes)} distinct crashes, {time.monotonic() - start:.0f} s",
                  file=sys.stderr, flush=True)
        if args.seconds is not None and time.monotonic() - start > args.seconds:
            break
    elapsed = time.monotonic() - start
    print(f"seed {seed}: {tried} inputs tried in {elapsed:.1f} s; "
          f"{sum(counts.values())} crashed ({len(crashes)} distinct)")
    print("outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items(), key=lambda kv: -kv[1])))
    if slowest[1] is not None:
        print(f"slowest input: {slowest[0]:.2f} s ({slowest[1].mode}, {len(slowest[1].template)} chars)")
    for n, (sig, (case, exc)) in enumerate(sorted(crashes.items(), key=lambda kv: -counts[kv[0]])):
        print(f"\n[{counts[sig]}x] {sig}: {type(exc).__name__}: {str(exc)[:300]}")
        if n >= args.show:
            continue

        def same(trial: Case, sig: str = sig) -> bool:
            found = crash_of(trial)
            return found is not None and signature(found) == sig

        small = minimize(case, same)
        print("reproduction:\n    import vtl\n    " + small.repro().replace("\n", "\n    "))
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
