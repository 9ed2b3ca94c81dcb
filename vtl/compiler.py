"""Turn a :mod:`vtl.ast` tree into Python closures, once; rendering just calls them.

Every statement compiles to ``f(state) -> None`` that appends strings to ``state.out``; every
expression compiles to ``f(state) -> value``. Decisions that do not depend on the data —
which profile, which operator, whether a reference has suffixes, constant literals — are
taken here, at compile time, so that the render loop does no dispatch of its own.

Positions are attached in one place: each statement and each reference closure converts
errors raised beneath it into :class:`vtl.VtlRuntimeError` carrying its line and column.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import ast
from .blocks import (
    LOCATABLE,
    located,
    make_print_run,
    make_text,
    merge_prints,
    noop,
    run_steps,
    text_of,
)
from .errors import JavaException, VtlError, VtlLimitError, VtlRuntimeError, VtlSyntaxError
from .render_state import (
    UNSET,
    BreakLoop,
    DefinedBlock,
    Expr,
    ForeachInfo,
    MacroArg,
    NullHolder,
    State,
    Stmt,
    StopRender,
    drop_holder,
    render_nested,
    value_to_text,
    write_through,
)
from .runtime import (
    MISSING,
    HostObject,
    JavaList,
    arith,
    call_method,
    compare,
    get_index,
    get_property,
    iterate,
    set_index,
    set_property,
)
from .runtime.access import LiveValues, host_method
from .runtime.doubles import double_to_string
from .runtime.hashing import java_key
from .runtime.memguard import COUNTED, LOOP_TICK
from .runtime.memguard import SMALL as SMALL_STRING
from .runtime.methods import KeySetView, MapView, find_method, int_value
from .runtime.strings import from_units
from .runtime.text import SHORT_INT

APIGATEWAY = "apigateway"
VELOCITY = "velocity"
PROFILES = (APIGATEWAY, VELOCITY)


class Compiler:
    """Compiles one parsed template for one profile."""

    def __init__(self, template: ast.Template, profile: str, parent: Compiler | None = None) -> None:
        """``parent``: the compiler of the template a string literal of which ``template`` is
        (its names, macros and loop facts are the whole template's)."""
        if profile not in PROFILES:
            raise ValueError(f"unknown profile {profile!r}; expected one of {PROFILES}")
        self.template = template
        self.source = template.source
        self.name = template.name
        self.profile = profile
        self.aws = profile == APIGATEWAY
        self.macros: dict[str, ast.MacroDef] = {} if self.aws else dict(template.macros)
        self.compiled_macros: dict[str, tuple[list[str], Stmt]] = {}
        #: Directives Velocity fails to initialise (shared with the string literals' compilers):
        #: the template then fails every render before printing anything, as it never loads.
        self.init_failures: list[tuple[ast.Node, str]] = []
        # Without macros or #evaluate (API Gateway) the names a template can read are all in
        # its source (names: None, any name may be read); _set_names: those #set rebinds.
        self.names: frozenset[str] | None = None
        self._set_names: frozenset[str] | None = None
        self._loop_names: frozenset[str] | None = None  # the names #foreach binds
        # Whether anything in the template could change a collection's size while a
        # #foreach walks it (a call outside the read-only list, #set($m.k = ...)).
        self.may_resize = not self.aws
        # Whether a template reads a loop's position ($foreach.index, .count, .first).
        self.reads_index = not self.aws
        # Whether a render needs $context built, and a regex budget (String methods taking a
        # regex): without #evaluate (API Gateway) only for a template that names them.
        self.uses_context = self.uses_regex = not self.aws
        if parent is not None:
            self.macros = parent.macros
            self.compiled_macros = parent.compiled_macros
            self.init_failures = parent.init_failures
            self.names, self._set_names = parent.names, parent._set_names
            self._loop_names = parent._loop_names
            self.may_resize, self.reads_index = parent.may_resize, parent.reads_index
        elif self.aws:
            read, rebound, looped = set(), set(), set()
            for n in ast.walk(template.body):
                if isinstance(n, ast.Reference):
                    read.add(n.name)
                elif isinstance(n, ast.Foreach):
                    looped.add(n.var.name)
                elif isinstance(n, ast.Set):
                    rebound.add(n.target.name)
                    self.may_resize = self.may_resize or bool(n.target.suffixes)
                elif isinstance(n, (ast.Method, ast.Property)):
                    if isinstance(n, ast.Method):
                        if n.name not in _READ_ONLY_METHODS:
                            self.may_resize = True
                        if n.name in _REGEX_METHODS:
                            self.uses_regex = True
                    if n.name in _INDEX_MEMBERS:
                        self.reads_index = True
            self.names, self._set_names = frozenset(read), frozenset(rebound)
            self._loop_names = frozenset(looped)
            self.uses_context = "context" in read

    # -- statements ----------------------------------------------------------------------

    def compile(self) -> Stmt:
        body = self.block(self.template.body)
        self.init_failures.extend(_macro_init_failures(self.template.body))
        if not self.init_failures:
            return body
        first, message = min(self.init_failures, key=lambda failure: failure[0].start)
        return _raise_later(message, "NullPointerException", first.line, first.column)

    def block(self, nodes: list[ast.Stmt]) -> Stmt:
        """A list of statements as one closure (see :meth:`block_steps`, :func:`run_steps`)."""
        parts, positions = self.block_steps(nodes)
        return run_steps(parts, positions)

    def block_steps(self, nodes: list[ast.Stmt]) -> tuple[list[Stmt | str], dict[Stmt, tuple[int, int]]]:
        """The steps of a block: texts (merged) and statement closures, plus where each
        statement that leaves positioning to its block starts.

        A plain reference writes the text before it (and the text after it, when no other
        reference would) from its own closure, as a single ``#if($ref)`` does the text after
        it, and consecutive plain references are one step (:func:`make_print_run`): fewer steps
        for the block to run.
        """
        parts: list[Any] = []
        positions: dict[Stmt, tuple[int, int]] = {}
        for node in nodes:
            if isinstance(node, (ast.Text, ast.Literal)) and not (isinstance(node, ast.Literal) and node.blank):
                if parts and isinstance(parts[-1], str):
                    parts[-1] += node.text
                else:
                    parts.append(node.text)
            elif isinstance(node, ast.Literal):
                # An empty #literal() body has no tokens, and Velocity dereferences one when
                # it initialises the template (see compile; in a macro body, where reached).
                self.init_failures.append((node, _EMPTY_LITERAL))
                step = _raise_later(_EMPTY_LITERAL, "NullPointerException")
                positions[step] = (node.line, node.column)
                parts.append(step)
            elif not isinstance(node, ast.MacroDef):  # macros: registered at parse time
                parts.append(node)  # compiled below, once the text around it is known
        steps: list[Stmt | str] = []
        for i, part in enumerate(parts):
            if part is _ABSORBED:
                continue
            if isinstance(part, str) or callable(part):
                steps.append(part)
            elif (isinstance(part, ast.Reference) and not part.backslashes and steps and isinstance(steps[-1], str)
                    and (chain := self.escaped_chain(part, steps[-1])) is not None):
                # The text ends with the reference's own prefix, whose backslashes Velocity
                # doubles when the value is null: the reference writes it.
                before = steps.pop()[: -chain[0] - len(chain[1])]
                if before:
                    steps.append(before)
                steps.append(self.print_reference(part, chain=chain))
            elif isinstance(part, ast.Reference) and self.prints_plainly(part):
                before = steps.pop() if steps and isinstance(steps[-1], str) else ""
                after = parts[i + 1] if self._absorbable(parts, i) else ""
                if after:
                    parts[i + 1] = _ABSORBED
                steps.append(self.print_reference(part, before, after))
            elif (isinstance(part, ast.If) and len(part.branches) == 1
                    and isinstance(part.branches[0][0], ast.Reference) and self._absorbable(parts, i)):
                steps.append(self.if_stmt(part, after=parts[i + 1]))
                parts[i + 1] = _ABSORBED
            else:
                step = self.stmt(part)
                if isinstance(part, (ast.Set, ast.Foreach, ast.Directive)):
                    positions.setdefault(step, (part.line, part.column))
                steps.append(step)
        return merge_prints(steps), positions

    def may_be_loop_variable(self, name: str) -> bool:
        """Whether some ``#foreach`` of the template could bind ``name`` (always true when
        names are not static)."""
        return self._loop_names is None or name in self._loop_names

    def sets_name(self, name: str) -> bool:
        """Whether some ``#set($name = ...)`` of the template could rebind ``name`` (always
        true when names are not static)."""
        if self.names is None or self._set_names is None:
            return True
        return name in self._set_names

    def _absorbable(self, parts: list[Any], i: int) -> bool:
        """Whether the text after ``parts[i]`` may be written by that part's closure: it is
        text, and no plain reference follows that would write it as its leading text."""
        if i + 1 >= len(parts) or not isinstance(parts[i + 1], str):
            return False
        beyond = parts[i + 2] if i + 2 < len(parts) else None
        return not (isinstance(beyond, ast.Reference) and self.prints_plainly(beyond))

    def stmt(self, node: ast.Stmt) -> Stmt:
        """A statement's closure; Set, Foreach and Directive closures leave positioning
        to the enclosing block (see :meth:`block`)."""
        if isinstance(node, ast.Reference):
            return self.print_reference(node)
        if isinstance(node, ast.Set):
            return self.set_stmt(node)
        if isinstance(node, ast.If):
            return self.if_stmt(node)
        if isinstance(node, ast.Foreach):
            return self.foreach_stmt(node)
        if isinstance(node, ast.Directive):
            return self.directive(node)
        if isinstance(node, ast.Define):
            return self.define_stmt(node)
        raise VtlSyntaxError(f"cannot compile {type(node).__name__}")

    def set_stmt(self, node: ast.Set) -> Stmt:
        value_fn = self.expr(node.value)
        target = node.target
        if target.braced or target.silent:
            # Velocity takes the target's name from the token image minus its first
            # character, so ${a} / $!b set variables no reference can read (D20).
            name = ("{" if target.braced else "!") + target.name
        else:
            name = target.name
        if not target.suffixes:
            if self.may_be_loop_variable(name):

                def set_loop_var(state: State) -> None:
                    value = value_fn(state)
                    if value is not None:
                        variables = state.vars
                        if type(variables.get(name)) is NullHolder:
                            write_through(variables, name, value)
                        else:
                            variables[name] = value

                return set_loop_var

            def set_var(state: State) -> None:
                value = value_fn(state)
                if value is not None:
                    state.vars[name] = value

            return set_var
        parent_fn = self.reference_value(
            ast.Reference(
                target.line, target.column, target.start, target.end, name=target.name,
                suffixes=target.suffixes[:-1], source_text=target.source_text,
            )
        )
        last = target.suffixes[-1]
        if isinstance(last, ast.Index):
            index_fn = self.expr(last.arg)

            def store(obj: Any, value: Any, state: State) -> None:
                set_index(obj, index_fn(state), value)  # (a null index too: a map puts null)
        else:
            # A property, or a method: Velocity sets the property named by the last node's
            # first token, so #set($m.put('a', 1) = 3) puts "put" (its arguments unread).
            prop = last.name

            def store(obj: Any, value: Any, state: State) -> None:
                set_property(obj, prop, value)

        def set_member(state: State) -> None:
            value = value_fn(state)
            if value is None:
                return
            obj = parent_fn(state)
            if obj is not None and obj is not MISSING:
                store(obj, value, state)

        return set_member

    def if_stmt(self, node: ast.If, after: str = "") -> Stmt:
        """``#if``; ``after`` is text written after it (single ``#if($ref)`` only)."""
        if len(node.branches) == 1 and isinstance(node.branches[0][0], ast.Reference):
            # #if($ref): the reference's value tested in this frame.
            cond_node, body_nodes = node.branches[0]
            value_fn = self.reference_value(cond_node)
            body = self.block(body_nodes)
            text = text_of(body)  # #if($foreach.hasNext),#end writes its text in this frame
            else_body = self.block(node.else_body) if node.else_body is not None else None
            line, column = cond_node.line, cond_node.column

            # #if($foreach.hasNext): the loop's own flag, when $foreach is the loop's.
            has_next = (cond_node.name == "foreach" and len(cond_node.suffixes) == 1
                        and isinstance(cond_node.suffixes[0], ast.Property)
                        and cond_node.suffixes[0].name == "hasNext")

            def run_if_ref(state: State) -> None:
                if has_next and type(info := state.vars.get("foreach")) is ForeachInfo:
                    value = info.has_next
                else:
                    try:
                        value = value_fn(state)
                    except LOCATABLE as exc:
                        raise located(exc, line, column, state) from None
                if value is not None and value is not MISSING and value is not False:
                    if text is None:
                        body(state)
                    else:
                        state.out.append(text)
                elif else_body is not None:
                    else_body(state)
                if after:
                    state.out.append(after)

            if has_next and text is not None and else_body is None:
                # A loop whose own $foreach this is may write the text itself (foreach_stmt).
                run_if_ref.vtl_has_next = (text, after)  # type: ignore[attr-defined]
            return run_if_ref
        branches = tuple(
            (self.condition(cond), self.block(body), cond.line, cond.column)
            for cond, body in node.branches
        )
        else_body = self.block(node.else_body) if node.else_body is not None else None

        def run_if(state: State) -> None:
            for cond, body, line, column in branches:
                try:
                    true = cond(state)
                except LOCATABLE as exc:
                    raise located(exc, line, column, state) from None
                if true:
                    body(state)
                    return
            if else_body is not None:
                else_body(state)

        return run_if

    def foreach_stmt(self, node: ast.Foreach) -> Stmt:
        var = node.var.name or "\0"  # an unnamed variable binds a name no template can read
        if node.arg_count < 2:
            return _raise_later(
                f"Index 2 out of bounds for length {node.arg_count + 1}", "ArrayIndexOutOfBoundsException"
            )
        if node.iterable is None:
            return noop
        iterable_fn = self._keys_of_map(node.iterable) or self.expr(node.iterable)
        body = self.block(node.body)
        names = self.names
        aws = self.aws
        empty = "" if aws else None  # what an unset name reads as
        # The loop variables nobody can read are not set.
        set_foreach = names is None or "foreach" in names
        set_count = names is None or "velocityCount" in names
        set_has_next = names is None or "velocityHasNext" in names
        extra = set_count or set_has_next
        # Nothing can rebind $foreach while the loop runs (the loop binds it once, at its
        # start): the loop may then answer $foreach.hasNext from its own flag.
        foreach_once = names is not None and var != "foreach" and not self.sets_name("foreach")

        # A body of statements only runs them from the loop's own frame.
        steps, positions = getattr(body, "vtl_steps", ((body,), {}))
        # A body ending in #if($foreach.hasNext)text#end: the loop writes that text from its
        # own flag, when nothing can rebind $foreach meanwhile.
        tail = getattr(steps[-1], "vtl_has_next", None) if foreach_once and set_foreach else None
        if tail is not None and steps[-1] not in positions:
            steps = steps[:-1]
            tail_text, tail_after = tail
            tail_both = tail_text + tail_after  # what an iteration with a next one writes
        else:
            tail = None
            tail_both = tail_after = ""
        # Up to four steps that locate their own errors are called one after the other
        # (s1..s3 None when absent) instead of by an inner loop.
        unrolled = not positions and len(steps) <= 4
        s0, s1, s2, s3 = (*steps, None, None, None, None)[:4]
        single = s0 if unrolled and len(steps) == 1 else None  # the most common body
        per_iteration = (set_foreach and not foreach_once) or set_count or set_has_next
        may_resize = self.may_resize
        reads_index = self.reads_index
        bookkeeping = per_iteration or reads_index

        def run_foreach(state: State) -> None:
            items = iterable_fn(state)
            if not isinstance(items, list):
                items = iterate(items)
                if items is None:
                    return
            elif may_resize and isinstance(items, MapView):
                # A map's view walks the live map, which the body may change.
                items = LiveValues(items.owner, items.step_item)
            limits = state.limits
            max_loops = limits.foreach_max_loops
            max_total = limits.max_total_iterations
            variables = state.vars
            # What the loop variables held before (a variable never holds None: None means
            # unset); unrolled, as most loops run briefly.
            saved_item = variables.get(var)
            # Inside the body a loop over the same name runs for a null element, the name's
            # reads and writes go through that loop's null holder (rare: the slow path).
            chained = type(saved_item) is NullHolder
            if chained:
                # (An unset name reads as "" in the API Gateway profile: put back, not removed.)
                saved_item = saved_item.read(empty)
            holder: NullHolder | None = None
            saved_foreach = variables.get("foreach") if set_foreach else None
            saved_extra = (variables.get("velocityCount"), variables.get("velocityHasNext")) if extra else None
            info = _new_object(ForeachInfo)  # (ForeachInfo(parent) without a frame for __init__)
            info.index = -1
            info.has_next = False
            if set_foreach:  # as Velocity's Scope: the parent is the scope $foreach held
                info.parent = saved_foreach if type(saved_foreach) is ForeachInfo else None
                info.previous = saved_foreach
            else:  # (nothing can read it)
                info.parent = info.previous = None
            n = len(items)
            stop = n if max_loops is None or max_loops >= n else max_loops
            step: Any = None
            lost_scope = False
            if set_foreach:
                # Bound once: a #set($foreach = ...) in the body lasts to the loop's end.
                variables["foreach"] = info
            try:
                for i in range(stop):
                    count = state.iterations = state.iterations + 1
                    if count > max_total:
                        raise VtlLimitError(f"more than {max_total} #foreach iterations in one render")
                    if not count & 63:
                        state.check_deadline()
                        state.check_output()
                        state.charge(LOOP_TICK)
                    item = items[i]
                    if item is None:
                        if holder is None:
                            holder = NullHolder()  # one per run of the loop, reused
                        if chained:  # the null goes to the holders beneath
                            drop_holder(variables, var, holder)  # (the last element's)
                            write_through(variables, var, None)
                            holder.outer = variables[var]
                        else:  # the context beneath holds null
                            holder.outer = None
                        variables[var] = holder
                    elif chained:
                        if holder is not None:
                            drop_holder(variables, var, holder)
                        write_through(variables, var, item)
                    else:
                        variables[var] = item  # (replacing the holder a null element left)
                    info.has_next = has_next = i + 1 < n
                    if bookkeeping:
                        info.index = i
                        if set_count:
                            variables["velocityCount"] = i + 1
                        if set_has_next:
                            variables["velocityHasNext"] = has_next
                    try:
                        if single is not None:
                            single(state)
                        elif unrolled:
                            if s0 is not None:
                                s0(state)
                            if s1 is not None:
                                s1(state)
                                if s2 is not None:
                                    s2(state)
                                    if s3 is not None:
                                        s3(state)
                        else:
                            for step in steps:
                                step(state)
                    except BreakLoop as exc:
                        if exc.scope is None or exc.scope is info:
                            break
                        raise
                    except LOCATABLE as exc:
                        where = positions.get(step)
                        if where is None:
                            raise
                        raise located(exc, where[0], where[1], state) from None
                    if tail is not None:
                        if has_next:
                            state.out.append(tail_both)
                        elif tail_after:
                            state.out.append(tail_after)
                    if may_resize and len(items) != n:
                        # The Java iterator notices the change on its next step: a list's
                        # iterator has one while its cursor is short of the new size, a map's
                        # iterator while the map had entries after this one.
                        last = i + 1 == n if type(items) is LiveValues else i + 1 == len(items)
                        if not last:
                            raise VtlRuntimeError(
                                "the collection was modified while #foreach iterated over it",
                                java_class="ConcurrentModificationException",
                            )
                        break
            finally:
                if holder is not None:
                    drop_holder(variables, var, holder)  # (left by a #break or a failure)
                if chained:
                    write_through(variables, var, saved_item, remove=saved_item is None)
                elif saved_item is None:
                    variables.pop(var, None)
                else:
                    variables[var] = saved_item
                if set_foreach:
                    # Velocity ends the scope $foreach holds now: usually this loop's; a
                    # value the body #set stays (the cast to a scope fails), and nothing
                    # at all (a loop over $foreach itself) fails in the stock profile.
                    scope = variables.get("foreach")
                    if type(scope) is ForeachInfo:
                        if scope.previous is None:
                            variables.pop("foreach", None)
                        else:
                            variables["foreach"] = scope.previous
                    elif scope is None and not aws:
                        lost_scope = True
                if saved_extra is not None:
                    _restore(variables, "velocityCount", saved_extra[0])
                    _restore(variables, "velocityHasNext", saved_extra[1])
            if lost_scope:
                raise VtlRuntimeError(
                    'Cannot invoke "org.apache.velocity.runtime.directive.Scope.getParent()" because "scope" is null',
                    java_class="NullPointerException",
                )

        return run_foreach

    def _keys_of_map(self, node: ast.Node) -> Expr | None:
        """``#foreach($k in $map.keySet())`` when nothing in the template can change a map's
        size (API Gateway): the loop walks a list of the map's keys, without the live view
        the call would make (what the view would yield then). ``None``: another iterable."""
        if (self.may_resize or not isinstance(node, ast.Reference) or len(node.suffixes) != 1
                or not isinstance(node.suffixes[0], ast.Method) or node.suffixes[0].name != "keySet"
                or node.suffixes[0].args):
            return None
        name = node.name
        general = self.expr(node)
        read_keys = KeySetView.read

        def keys_of_map(state: State) -> Any:
            mapping = state.vars.get(name)
            if type(mapping) is not dict:
                return general(state)  # (a null, an indirect value, a host object...)
            keys = read_keys(mapping)
            if len(keys) >= COUNTED:
                state.charge(8 * len(keys))
            return keys

        return keys_of_map

    def define_stmt(self, node: ast.Define) -> Stmt:
        if node.arg_count != 1:
            return _raise_later("parameter missing: block name", "VelocityException")
        if not node.target.name:
            return noop
        body = self.block(node.body)
        target = node.target
        # As for #set, ${d} and $!d name variables no reference can read.
        name = ("{" if target.braced else "!" if target.silent else "") + target.name

        if self.may_be_loop_variable(name):

            def define_loop_var(state: State) -> None:
                write_through(state.vars, name, DefinedBlock(body, state))

            return define_loop_var

        def run_define(state: State) -> None:
            state.vars[name] = DefinedBlock(body, state)

        return run_define

    def directive(self, node: ast.Directive) -> Stmt:
        name = node.name
        literal = node.source_text
        if name == "break":
            if len(node.args) > 1:
                return _raise_later(
                    "The #stop directive only accepts a single scope object", "VelocityException"
                )
            if not node.args:

                def do_break(state: State) -> None:
                    raise BreakLoop()

                return do_break
            scope_fn = self.expr(node.args[0])
            not_a_scope = (f"{self.operand_literal(node.args[0])} is not a valid "
                           "org.apache.velocity.runtime.directive.Scope instance")

            def break_scope(state: State) -> None:
                scope = scope_fn(state)
                if type(scope) is not ForeachInfo:  # ($foreach is the only scope templates see)
                    raise VtlRuntimeError(not_a_scope, java_class="VelocityException")
                raise BreakLoop(scope)

            return break_scope
        if name == "stop":

            def do_stop(state: State) -> None:
                raise StopRender()

            return do_stop
        if name == "evaluate" and not self.aws:
            if len(node.args) != 1:
                raise self.init_error(node, "#evaluate() requires exactly one argument")
            if not isinstance(node.args[0], (ast.StringLit, ast.Reference)):
                raise self.init_error(node, "#evaluate()  argument must be a string literal or reference")
            return self.evaluate_stmt(node)
        if name in ("include", "parse"):
            return self.resource_stmt(node)
        if name in ast.BODYLESS_WITHOUT_PARENS and not node.has_parens:
            # Velocity 1.7 parses a bare #foreach as a directive without children, which
            # fails when the template is initialised (see compile; a macro body compiled
            # later fails where it reaches one).
            self.init_failures.append((node, _NO_CHILDREN))
            return _raise_later(_NO_CHILDREN, "NullPointerException")
        if name in self.macros:
            return self.macro_call(node)
        if not self.aws and node.has_parens and node.body is None:
            # A macro an #evaluate defined before the call runs it (looked up at run time).
            return self.macro_call(node, literal)
        # An unknown macro call (block calls too) prints its source.
        return make_text(literal)

    def resource_stmt(self, node: ast.Directive) -> Stmt:
        """``#include``/``#parse``: there is no resource loader, so any name is missing."""
        if not node.args:
            return noop
        is_include = node.name == "include"
        arg_fns = [self.expr(a) for a in node.args]

        def load(state: State) -> None:
            for fn in arg_fns:
                value = fn(state)
                if value is None:
                    if is_include:
                        state.out.append(
                            "<!-- include error : error with arg 0 please see log. see error log -->"
                        )
                    continue
                raise VtlRuntimeError(
                    f"Unable to find resource '{value_to_text(value, state)}'",
                    java_class="ResourceNotFoundException",
                )

        return load

    def init_error(self, node: ast.Node, message: str) -> VtlSyntaxError:
        """An error Velocity reports while initialising the template (a parse error)."""
        return VtlSyntaxError(
            message, line=node.line, column=node.column, source=self.source, name=self.name,
            java_class="ParseErrorException",
        )

    def evaluate_stmt(self, node: ast.Directive) -> Stmt:
        arg_fn = self.expr(node.args[0]) if node.args else (lambda state: None)
        from .parser import parse  # local import: #evaluate is rare

        line, column = node.line, node.column

        def run_evaluate(state: State) -> None:
            src = arg_fn(state)
            if src is None:
                return
            text = value_to_text(src, state)
            try:
                tree = parse(text, macros_enabled=True, name=state.name)
                sub = Compiler(tree, self.profile)
                sub.macros.update(self.macros)
                fn = sub.compile()
                # Its own macros stay defined for the rest of the render (the first
                # definition of a name wins, and the template's own always do).
                for macro_name in tree.macros:
                    if macro_name not in self.macros:
                        if state.macros is None:
                            state.macros = {}
                        if macro_name not in state.macros:
                            state.macros[macro_name] = sub.compiled_macro(macro_name)
                state.out.append(render_nested(fn, state, "evaluate"))
            except VtlError as err:
                # Positions inside the evaluated text mean nothing in the template: report
                # the #evaluate that ran it (the outermost one, for nested evaluation).
                err.line, err.column, err.source, err.name = line, column, state.source, state.name
                raise
            except RecursionError:
                raise VtlLimitError(
                    "#evaluate nested too deeply", line=line, column=column, source=state.source,
                    name=state.name,
                ) from None

        return run_evaluate

    def macro_call(self, node: ast.Directive, unknown: str | None = None) -> Stmt:
        """A call of a macro of the template, or (``unknown``: the call's source text, printed
        when no such macro exists) of one an ``#evaluate`` defines while the template runs."""
        macro_name = node.name
        # Velocity rejects a bare word passed to a defined macro when the call first runs
        # (D30): what the template printed before stays, and a call never reached is fine.
        bad = next((arg for arg in node.args if isinstance(arg, ast.Word)), None)
        if bad is not None:
            message = f"Invalid arg '{bad.value}' in macro #{macro_name}"
            fail = _raise_later(message, "TemplateInitException", bad.line, bad.column)
            if unknown is None:
                return fail

            def fail_if_defined(state: State) -> None:
                if state.macros is not None and macro_name in state.macros:
                    fail(state)
                state.out.append(unknown)

            return fail_if_defined
        arg_fns = [self.expr(a) for a in node.args]
        arg_texts = [self.source[a.start : a.end] for a in node.args]
        body_fn = self.block(node.body) if node.body is not None else None

        def call_macro(state: State) -> None:
            if unknown is None:
                params, macro_body = self.compiled_macro(macro_name)
            else:
                found = state.macros.get(macro_name) if state.macros is not None else None
                if found is None:
                    state.out.append(unknown)
                    return
                params, macro_body = found
            if state.macro_depth >= state.limits.max_macro_depth:
                raise VtlLimitError(
                    f"Max calling depth of {state.limits.max_macro_depth} was exceeded in macro '{macro_name}'",
                    java_class="MacroOverflowException",
                )
            variables = state.vars
            # A parameter the call does not pass stays unbound: the body reads (and #set
            # writes) the caller's variable of that name, as Velocity 1.7's macro context does.
            names = list(params[:len(arg_fns)])
            if body_fn is not None:
                names.append("bodyContent")
            saved = {k: variables.get(k, UNSET) for k in names}
            bound: dict[str, MacroArg] = {}
            for param, fn, text in zip(params, arg_fns, arg_texts):
                variables[param] = bound[param] = MacroArg(fn, state, text, bound, saved)
            if body_fn is not None:
                variables["bodyContent"] = DefinedBlock(body_fn, state)
            state.macro_depth += 1
            try:
                macro_body(state)
            except BreakLoop as exc:
                if exc.scope is not None:
                    raise  # a #break($foreach) leaves the macro and that loop
            finally:
                state.macro_depth -= 1
                for k, v in saved.items():
                    if k in bound and variables.get(k) is not bound[k]:
                        continue  # a #set of the parameter wrote the caller's variable
                    if v is UNSET:
                        variables.pop(k, None)
                    else:
                        variables[k] = v

        return call_macro

    def compiled_macro(self, name: str) -> tuple[list[str], Stmt]:
        found = self.compiled_macros.get(name)
        if found is None:
            macro = self.macros[name]
            found = (macro.params, self.block(macro.body))
            self.compiled_macros[name] = found
        return found

    # -- references ----------------------------------------------------------------------

    def prints_plainly(self, node: ast.Reference) -> bool:
        """Whether printing ``node`` takes the print-run path (no backslashes before it, and
        not a bare macro parameter)."""
        plain_param = bool(self.macros) and not node.suffixes and not node.silent and not node.braced
        return node.backslashes == 0 and not plain_param

    def escaped_chain(self, node: ast.Reference, text: str) -> tuple[int, str] | None:
        """``(k, prefix)`` when ``node`` ends a chain of ``$`` prefixes after 2k >= 0
        backslashes (``\\\\$\\$z``: k = 1, prefix ``$\\``; ``$$z``: k = 0, prefix
        ``$``) and ``text``, the text before it, ends with what the lexer hands over for
        them: k backslashes and the prefix. Velocity's ASTReference keeps both in the
        reference (``escPrefix``, ``morePrefix``): it writes the backslashes twice when the
        value is null, and neither when the value is a #define block."""
        src = self.source
        end = p = node.start
        if not text or src[p : p + 1] != "$":
            return None
        while True:  # back over '$' prefixes: '$', backslashes, an optional '!', backslashes
            q = p
            while q and src[q - 1] == "\\":
                q -= 1
            r = q
            if r and src[r - 1] == "!":
                r -= 1
                while r and src[r - 1] == "\\":
                    r -= 1
            if r and src[r - 1] == "$":
                p = r - 1
                continue
            break
        escapes = p - q
        if p == end or escapes % 2:
            return None
        k, prefix = escapes // 2, src[p:end]
        if not text.endswith("\\" * k + prefix):
            return None
        return k, prefix

    def print_reference(
        self, node: ast.Reference, before: str = "", after: str = "", chain: tuple[int, str] | None = None,
    ) -> Stmt:
        """Print a reference; ``before``/``after`` are text written around it (plain
        references only, see :meth:`prints_plainly`); ``chain``: the escapes and prefix of
        a chain of ``$`` before it (see :meth:`escaped_chain`), which it writes itself."""
        value_fn = self.reference_value(node)
        n = node.backslashes
        k = n // 2
        literal = node.source_text
        silent = node.silent
        if chain is not None:
            prefix = "\\" * chain[0] + chain[1]
            null_text = "\\" * (2 * chain[0]) + chain[1] + ("" if silent else literal)
        elif n % 2 == 0:
            prefix = "\\" * k
            null_text = "\\" * (2 * k) + ("" if silent else literal)
        else:
            prefix = "\\" * k + literal  # escaped: prints the source when defined
            null_text = "\\" * (k + 1) + literal
        escaped = n % 2 == 1
        line, column = node.line, node.column
        # Only stock Velocity has macros, whose null arguments print as written.
        plain_param = bool(self.macros) and not node.suffixes and not silent and n == 0 and not node.braced
        root = node.name

        if self.prints_plainly(node) and chain is None:
            # The common case: no escapes, no macro argument to unwrap (see make_print_run, which
            # also looks up $name, $name.key and $name.key.key2 through maps itself).
            names = [sfx.name for sfx in node.suffixes if isinstance(sfx, ast.Property)]
            fast = (len(names) == len(node.suffixes) <= 2
                    and not any(name in ("class", "Class") for name in names))

            def write_other(value: Any, out: list[str], state: State) -> None:
                """Write a value that is not a str."""
                if value is None or value is MISSING:
                    out.append(null_text)
                elif type(value) is int and -SHORT_INT < value < SHORT_INT:
                    out.append(str(value))
                elif type(value) is float:
                    out.append(repr(value) if 1e-3 <= value < 1e7 else double_to_string(value))
                else:
                    try:
                        out.append(value_to_text(value, state))
                    except LOCATABLE as exc:
                        raise located(exc, line, column, state) from None

            key, key2 = (names + [None, None])[:2] if fast else (None, None)
            return make_print_run(((root if fast else None, key, key2, value_fn, (line, column), before, after,
                                write_other),))

        def print_ref(state: State) -> None:
            if plain_param:
                arg = state.vars.get(root)
                if type(arg) is MacroArg:
                    # Evaluated once (pass by name); a null argument prints as the caller
                    # wrote it ($n, not $p).
                    value = arg.value()
                    if value is None and not self.aws:
                        if chain is not None:
                            state.out.append(null_text[: len(null_text) - len(literal)])
                        state.out.append(arg.text)
                    else:
                        if prefix:
                            state.out.append(prefix)
                        state.out.append(value_to_text("" if value is None else value, state))
                    return
            try:
                value = value_fn(state)
            except LOCATABLE as exc:
                raise located(exc, line, column, state) from None
            if value is None or value is MISSING:
                state.out.append(null_text)
            elif escaped:
                state.out.append(prefix)
            else:
                if prefix and type(value) is not DefinedBlock:  # a block renders alone
                    state.out.append(prefix)
                if type(value) is str:
                    state.out.append(value)
                else:
                    try:
                        state.out.append(value_to_text(value, state))
                    except LOCATABLE as exc:
                        raise located(exc, line, column, state) from None

        return print_ref

    def reference_value(self, node: ast.Reference) -> Expr:
        """The value of a reference: ``None`` for Java null.

        The root and a run of property suffixes compile to one closure (a map key or a host
        property per step, in one frame); each method or index suffix adds a closure.
        """
        root = node.name
        aws = self.aws
        empty = "" if aws else None  # what an unset name or a null value reads as
        # API Gateway reads an unset *identifier* as "": a name that is none ('${$x}') stays
        # null there too (an escaped one prints its backslash: '\${$x}').
        unset = empty if ast.IDENTIFIER.fullmatch(root) else None
        suffixes = list(node.suffixes)
        props: list[tuple[str, bool]] = []
        while suffixes and isinstance(suffixes[0], ast.Property):
            name = suffixes.pop(0).name
            # A map resolves every property to a key, except getClass() ('class').
            props.append((name, name not in ("class", "Class")))

        if not props:

            def root_value(state: State) -> Any:
                value = state.vars.get(root)
                if value is None:
                    return unset
                if type(value) in _INDIRECT:
                    return _resolve_indirect(value, aws)
                return value

            fn: Expr = root_value
        elif len(props) == 1:
            (name, map_key), = props

            def root_property(state: State) -> Any:
                value = state.vars.get(root)
                if value is None:
                    value = unset
                    if value is None:
                        return None
                elif map_key and isinstance(value, dict):
                    value = value.get(name)
                    return empty if value is None else value
                elif type(value) in _INDIRECT:
                    value = _resolve_indirect(value, aws)
                    if value is None:
                        return None
                elif isinstance(value, HostObject):
                    getter = type(value).vtl_properties.get(name)
                    if getter is not None:  # $foreach.hasNext, $input.body, ...
                        value = getter(value)
                        return empty if value is None or value is MISSING else value
                return _property(value, name, map_key, aws)

            fn = root_property
        else:
            steps = tuple(props)

            def property_chain(state: State) -> Any:
                value = state.vars.get(root)
                if value is None:
                    value = unset
                    if value is None:
                        return None
                elif type(value) in _INDIRECT:
                    value = _resolve_indirect(value, aws)
                    if value is None:
                        return None
                for name, map_key in steps:
                    if map_key and isinstance(value, dict):
                        value = value.get(name)
                        if value is None:
                            value = empty
                            if value is None:
                                return None
                    else:
                        value = _property(value, name, map_key, aws)
                        if value is None:
                            return None
                return value

            fn = property_chain
        if suffixes and not props and isinstance(suffixes[0], ast.Method):
            # $root.m(...): the call site reads the root variable itself.
            fn = self.method(fn, suffixes.pop(0), receiver=root)
        for suffix in suffixes:
            fn = self.suffix(fn, suffix)
        return fn

    def suffix(self, inner: Expr, suffix: ast.Suffix) -> Expr:
        aws = self.aws
        if isinstance(suffix, ast.Property):
            name = suffix.name
            map_key = name not in ("class", "Class")

            def prop(state: State) -> Any:
                obj = inner(state)
                if obj is None:
                    return None
                return _property(obj, name, map_key, aws)

            return prop
        if isinstance(suffix, ast.Method):
            return self.method(inner, suffix)
        index_fn = self.expr(suffix.arg)
        line, column = suffix.line, suffix.column

        def index(state: State) -> Any:
            obj = inner(state)
            if obj is None:
                return None
            key = index_fn(state)
            if key is None:
                return None
            try:
                value = get_index(obj, key)
            except JavaException as exc:
                raise VtlRuntimeError(
                    exc.message or f"index {key!r} failed", line=line, column=column,
                    source=state.source, name=state.name, java_class="VelocityException",
                ) from None
            if value is MISSING:
                return None  # no get() for this type: the reference prints itself
            if value is None and aws:
                return ""
            return value

        return index

    def method(self, inner: Expr, suffix: ast.Method, receiver: str | None = None) -> Expr:
        """``inner.name(args)``: the Java overload is looked up once per receiver type (and
        argument types) and kept in an inline cache of this call site.

        ``receiver`` names the variable when the receiver is a bare ``$name``: the call site
        then reads it without a closure call (likewise a one-argument call whose argument is
        a bare reference).
        """
        aws = self.aws
        empty = "" if aws else None
        name = suffix.name
        arg_fns = tuple(self.expr(a) for a in suffix.args)
        line, column = suffix.line, suffix.column + 1
        # Host objects ($input, $util, ...): one method per receiver type, arguments unchecked,
        # with the function a host method may offer for a Java String argument (called
        # directly for one).
        host_calls: dict[type, tuple[Any, Any]] = {}
        # Everything else: the overload depends on the argument types too.
        cache: dict[tuple, Any] = {}

        def invoke(obj: Any, args: list[Any], state: State) -> Any:
            t = type(obj)
            try:
                if isinstance(obj, HostObject):
                    fn = host_method(obj, name, len(args))
                    if fn is None:
                        value = call_method(obj, name, args)
                    else:
                        if len(host_calls) < 32:
                            host_calls[t] = (fn, getattr(fn, "vtl_str_function", None))
                        value = fn(obj, *args)
                elif t is int:
                    value = call_method(obj, name, args)
                else:
                    key = (t, *[type(a) if type(a) is not int else _int_kind(a) for a in args])
                    fn = cache.get(key, _UNSET)
                    if fn is _UNSET:
                        fn = find_method(obj, name, args)
                        if len(cache) < 32:
                            cache[key] = fn
                    value = MISSING if fn is None else fn(obj, *args)
            except JavaException as exc:
                raise _invocation_error(exc, name, line, column, state) from None
            return _method_result(value, aws, state)

        if not arg_fns:
            # Without arguments the overload depends on the receiver's type alone.
            by_type: dict[type, Any] = {}

            def method0(state: State) -> Any:
                if receiver is None:
                    obj = inner(state)
                    if obj is None:
                        return None
                else:
                    obj = state.vars.get(receiver)
                    if obj is None:
                        obj = empty
                        if obj is None:
                            return None
                    elif type(obj) in _INDIRECT:
                        obj = _resolve_indirect(obj, aws)
                        if obj is None:
                            return None
                t = type(obj)
                fn = by_type.get(t)
                if fn is None:
                    value = invoke(obj, [], state)
                    entry = host_calls.get(t)
                    found = entry[0] if entry is not None else cache.get((t,))
                    if found is not None and t is not int and len(by_type) < 32:
                        by_type[t] = found
                    return value
                try:
                    value = fn(obj)
                except JavaException as exc:
                    raise _invocation_error(exc, name, line, column, state) from None
                t = type(value)
                if t is str:
                    size = len(value)
                    if size <= state.limits.max_string_size:
                        if size >= SMALL_STRING:
                            state.charge(size)
                        return value
                elif t is int or t is bool:
                    return value
                return _method_result(value, aws, state)

            return method0
        if len(arg_fns) == 1:
            (arg_fn,) = arg_fns
            arg_node = suffix.args[0]
            arg_root = arg_node.name if isinstance(arg_node, ast.Reference) and not arg_node.suffixes else None
            # An argument $map.get($key) (both bare): the dict lookup is made here too, as
            # the argument's own call site would make it.
            get_map = get_key = None
            if (arg_root is None and isinstance(arg_node, ast.Reference) and len(arg_node.suffixes) == 1
                    and isinstance(arg_node.suffixes[0], ast.Method) and arg_node.suffixes[0].name == "get"
                    and len(arg_node.suffixes[0].args) == 1):
                key_node = arg_node.suffixes[0].args[0]
                if isinstance(key_node, ast.Reference) and not key_node.suffixes:
                    get_map, get_key = arg_node.name, key_node.name
            # Map.get with a String key is a dict lookup (compare.map_lookup's first case);
            # the value is one the map already holds, so no string budget applies.
            is_get = name == "get"

            def method1(state: State) -> Any:
                if receiver is None:
                    obj = inner(state)
                    if obj is None:
                        return None
                else:
                    obj = state.vars.get(receiver)
                    if obj is None:
                        obj = empty
                        if obj is None:
                            return None
                    elif type(obj) in _INDIRECT:
                        obj = _resolve_indirect(obj, aws)
                        if obj is None:
                            return None
                if arg_root is None:
                    if get_map is not None and type(arg := state.vars.get(get_map)) is dict \
                            and type(key := state.vars.get(get_key)) is str:
                        arg = arg.get(key)
                        if arg is None:
                            arg = empty
                    else:
                        arg = arg_fn(state)
                else:
                    arg = state.vars.get(arg_root)
                    if arg is None:
                        arg = empty
                    elif type(arg) in _INDIRECT:
                        arg = _resolve_indirect(arg, aws)
                t = type(obj)
                if is_get and t is dict and type(arg) is str:
                    value = obj.get(arg)
                    return empty if value is None else value
                entry = host_calls.get(t)
                if entry is not None:
                    fn, direct = entry
                    try:
                        value = direct(arg) if direct is not None and type(arg) is str else fn(obj, arg)
                    except JavaException as exc:
                        raise _invocation_error(exc, name, line, column, state) from None
                else:
                    ta = type(arg)
                    if ta is int or t is int:
                        return invoke(obj, [arg], state)
                    fn = cache.get((t, ta))
                    if fn is None:
                        return invoke(obj, [arg], state)
                    try:
                        value = fn(obj, arg)
                    except JavaException as exc:
                        raise _invocation_error(exc, name, line, column, state) from None
                t = type(value)
                if t is str:
                    size = len(value)
                    if size <= state.limits.max_string_size:
                        if size >= SMALL_STRING:
                            state.charge(size)
                        return value
                elif t is int or t is bool:
                    return value
                return _method_result(value, aws, state)

            if receiver is None or (arg_root is None and get_map is None) or is_get:
                return method1  # (a get is a map's: no host object offers one)

            def host_str_call(state: State) -> Any:
                # $host.fn($s) or $host.fn($m.get($k)) with a String argument, once the site
                # has met a host object offering a function of one String: called straight
                # away. (Reading names has no effect, so anything else starts again in
                # method1, which reads them in Velocity's order.)
                variables = state.vars
                entry = host_calls.get(type(variables.get(receiver)))
                if entry is not None and entry[1] is not None:
                    if arg_root is not None:
                        arg = variables.get(arg_root)
                    else:
                        arg = variables.get(get_map)
                        key = variables.get(get_key)
                        arg = arg.get(key) if type(arg) is dict and type(key) is str else None
                    if type(arg) is str:
                        try:
                            value = entry[1](arg)
                        except JavaException as exc:
                            raise _invocation_error(exc, name, line, column, state) from None
                        if type(value) is str:
                            size = len(value)
                            if size < SMALL_STRING and size <= state.limits.max_string_size:
                                return value
                        return _method_result(value, aws, state)
                return method1(state)

            return host_str_call

        def method_n(state: State) -> Any:
            obj = inner(state)
            if obj is None:
                return None
            return invoke(obj, [f(state) for f in arg_fns], state)

        return method_n

    # -- expressions ---------------------------------------------------------------------

    def expr(self, node: ast.Expr) -> Expr:
        if isinstance(node, ast.Reference):
            return self.reference_value(node)
        if isinstance(node, (ast.IntLit, ast.FloatLit, ast.BoolLit)):
            return _const(node.value)
        if isinstance(node, ast.StringLit):
            if node.error is not None:
                java_class, message = node.error
                line, column = node.line, node.column

                def bad_literal(state: State) -> Any:
                    raise VtlRuntimeError(
                        message, line=line, column=column, source=state.source, name=state.name,
                        java_class=java_class,
                    )

                return bad_literal
            if node.template is None:
                return _const(node.value)
            return self.interpolated(node)
        if isinstance(node, ast.Word):
            return _const(node.value)
        if isinstance(node, ast.Runt):
            return _const(None)
        if isinstance(node, ast.ListLit):
            item_fns = tuple(self.expr(i) for i in node.items)

            def make_list(state: State) -> Any:
                return JavaList([f(state) for f in item_fns])

            return make_list
        if isinstance(node, ast.MapLit):
            pair_fns = tuple((self.expr(k), self.expr(v)) for k, v in node.items)
            if all(type(k) is ast.IntLit or (type(k) is ast.StringLit and k.template is None)
                   for k, _ in node.items):  # keys a dict holds as they are

                def make_plain_map(state: State) -> Any:
                    return {k(state): v(state) for k, v in pair_fns}

                return make_plain_map

            def make_map(state: State) -> Any:
                made = {}
                for k, v in pair_fns:
                    key = k(state)
                    if type(key) is not str:
                        key = java_key(key)  # 1, 1.0 and true are three keys; [1] is one
                    made[key] = v(state)
                return made

            return make_map
        if isinstance(node, ast.RangeLit):
            return self.range_expr(node)
        if isinstance(node, ast.Paren):
            return self.expr(node.expr)
        if isinstance(node, ast.Not):
            cond = self.condition(node.operand)
            return lambda state: not cond(state)
        if isinstance(node, ast.BinOp):
            return self.binop(node)
        raise VtlSyntaxError(f"cannot compile expression {type(node).__name__}")

    def interpolated(self, node: ast.StringLit) -> Expr:
        assert node.template is not None
        body = Compiler(node.template, self.profile, parent=self).compile()
        trim = "##" not in node.value

        def interpolate(state: State) -> Any:
            text = from_units(render_nested(body, state))  # one StringBuilder in Java
            if len(text) > state.limits.max_string_size:
                raise VtlLimitError(f"a string grew beyond {state.limits.max_string_size} characters")
            if len(text) >= SMALL_STRING:
                state.charge(len(text))
            return text[:-1] if trim and text else text

        return interpolate

    def range_expr(self, node: ast.RangeLit) -> Expr:
        low_fn, high_fn = self.expr(node.low), self.expr(node.high)

        def make_range(state: State) -> Any:
            low, high = low_fn(state), high_fn(state)
            if not arith.is_number(low) or not arith.is_number(high):  # (Velocity: intValue())
                return None
            low, high = int_value(low), int_value(high)  # Number.intValue(), as Java's
            size = abs(high - low) + 1
            if size > state.limits.max_range_size:
                raise VtlLimitError(f"range [{low}..{high}] is larger than {state.limits.max_range_size} items")
            step = 1 if high >= low else -1
            state.charge(8 * size)
            return JavaList(range(low, high + step, step))

        return make_range

    def operand_literal(self, node: ast.Expr) -> str:
        """What Velocity's ``literal()`` gives for an operand, the text ``+`` writes for it when
        it is null. JJTree opens an operator's node after its operator, so the node of
        ``$a * $l`` spans ``' $l'`` and the whitespace after it; a parenthesised
        expression's node spans what lies between the parentheses."""
        src = self.source
        if isinstance(node, ast.BinOp):
            start = node.left.end
            while src[start] in _EXPR_WHITESPACE:
                start += 1
            start += len(node.op)  # (only arithmetic can be null: one character)
            end = node.end
            while end < len(src) and src[end] in _EXPR_WHITESPACE:
                end += 1
            return src[start:end]
        if isinstance(node, ast.Paren):
            return src[node.start + 1 : node.end - 1]
        return src[node.start : node.end]

    def binop(self, node: ast.BinOp) -> Expr:
        op = node.op
        if op in ("and", "or"):
            left_c, right_c = self.condition(node.left), self.condition(node.right)
            if op == "and":
                return lambda state: left_c(state) and right_c(state)
            return lambda state: left_c(state) or right_c(state)
        left, right = self.expr(node.left), self.expr(node.right)
        if op in _COMPARE:
            cmp = _COMPARE[op]
            return lambda state: cmp(left(state), right(state))
        math = _ARITH[op]
        line, column = node.line, node.column
        if op == "+":
            # Concatenating a null operand writes its source text, as Velocity does.
            left_text, right_text = self.operand_literal(node.left), self.operand_literal(node.right)
            add = arith.add

            def math(a: Any, b: Any) -> Any:
                return add(a, b, left_text, right_text)

        def arithmetic(state: State) -> Any:
            value = math(left(state), right(state))
            if type(value) is str:
                if len(value) > state.limits.max_string_size:
                    raise VtlLimitError(
                        f"a string grew beyond {state.limits.max_string_size} characters",
                        line=line, column=column, source=state.source, name=state.name,
                    )
                if len(value) >= SMALL_STRING:
                    state.charge(len(value))
            return value

        return arithmetic

    def condition(self, node: ast.Expr) -> Callable[[State], bool]:
        """Velocity's ``evaluate()``: only references, booleans, logic and comparisons can be
        true; any other literal or arithmetic is false (``#if('abc')`` is false) and is not
        evaluated at all."""
        if isinstance(node, ast.Reference):
            value_fn = self.reference_value(node)

            def ref_true(state: State) -> bool:
                value = value_fn(state)
                return value is not None and value is not MISSING and value is not False

            return ref_true
        if isinstance(node, ast.BoolLit):
            return _const(node.value)
        if isinstance(node, ast.Paren):
            return self.condition(node.expr)
        if isinstance(node, ast.Not):
            inner = self.condition(node.operand)
            return lambda state: not inner(state)
        if isinstance(node, ast.BinOp) and (node.op in ("and", "or") or node.op in _COMPARE):
            fn = self.binop(node)
            return lambda state: bool(fn(state))
        # Anything else (arithmetic, an interpolated string, a literal) is false without
        # being evaluated: Velocity's math and string-literal nodes keep the default
        # evaluate() of a node, so neither their side effects nor their errors happen.
        return _const(False)


_COMPARE = {
    "==": compare.eq, "!=": compare.ne, "<": compare.lt, "<=": compare.le, ">": compare.gt,
    ">=": compare.ge,
}
_ARITH = {"+": arith.add, "-": arith.sub, "*": arith.mul, "/": arith.div, "%": arith.mod}
_UNSET = object()
#: The String methods whose argument is a Java regex (vtl.runtime.methods).
_REGEX_METHODS = frozenset(("replaceAll", "replaceFirst", "matches", "split"))
#: The members of $foreach that read the loop's position.
_INDEX_MEMBERS = frozenset(("index", "count", "first", "getIndex", "getCount", "isFirst", "getFirst"))
#: Methods that never change the size of a list or map (the others might, so a #foreach
#: checks its collection's size after each step when a template calls one).
_READ_ONLY_METHODS = frozenset((
    "get", "size", "isEmpty", "keySet", "values", "entrySet", "containsKey", "containsValue",
    "contains", "indexOf", "lastIndexOf", "length", "toString", "equals", "hashCode",
    "substring", "startsWith", "endsWith", "toLowerCase", "toUpperCase", "trim", "replace",
    "replaceAll", "replaceFirst", "split", "matches", "charAt", "concat", "format",
    "escapeJavaScript", "urlEncode", "urlDecode", "base64Encode", "base64Decode", "parseJson",
    "path", "json", "params", "getBody", "getKey", "getValue", "hasNext", "intValue",
    "longValue", "doubleValue", "getClass",
))
#: Velocity's NullPointerExceptions when it initialises a bare #foreach/#define/#literal and
#: an empty #literal().
_NO_CHILDREN = 'Cannot load from object array because "this.children" is null'
_EMPTY_LITERAL = 'Cannot read field "kind" because "t" is null'
_EXPR_WHITESPACE = frozenset(" \t\n\r")  # Velocity's <WHITESPACE> inside directive arguments
_ABSORBED = object()  # a text another closure of the block writes
_new_object = object.__new__
_INDIRECT = frozenset((MacroArg, NullHolder, DefinedBlock))  # types: a set is faster than a tuple to test


def _restore(variables: dict[str, Any], name: str, value: Any) -> None:
    """Put back what a loop variable held before the loop (``None``: it was unset)."""
    if value is None:
        variables.pop(name, None)
    else:
        variables[name] = value


def _macro_init_failures(nodes: list[ast.Stmt]) -> list[tuple[ast.Node, str]]:
    """The directives in macro bodies that Velocity fails to initialise (the template's own
    are found as it compiles; a macro body is initialised whether or not it is called)."""
    failures: list[tuple[ast.Node, str]] = []
    for node in ast.walk(nodes):
        if isinstance(node, ast.MacroDef):
            for inner in ast.walk(node.body):
                if isinstance(inner, ast.Literal) and inner.blank:
                    failures.append((inner, _EMPTY_LITERAL))
                elif (isinstance(inner, ast.Directive) and inner.name in ast.BODYLESS_WITHOUT_PARENS
                      and not inner.has_parens):
                    failures.append((inner, _NO_CHILDREN))
    return failures


def _resolve_indirect(value: Any, aws: bool) -> Any:
    """A variable holding a macro argument, a null ``#foreach`` item's holder or a
    ``#define`` block: the value a reference reads."""
    if type(value) is NullHolder:
        # An active holder reads null even in the API Gateway profile ("$x" prints itself);
        # beneath the holders an unset name reads as any unset name does.
        value = value.read("" if aws else None)
        if value is None or type(value) not in _INDIRECT:
            return value
    if type(value) is DefinedBlock:
        return None if value.depth >= value.max_depth else value
    value = value.value()
    if value is None and aws:
        return ""
    return value


def _property(obj: Any, name: str, map_key: bool, aws: bool) -> Any:
    """``obj.name`` for a non-null ``obj``: a map key, a host property or a Java getter;
    null (``""`` in the API Gateway profile) when nothing resolves."""
    if map_key and isinstance(obj, dict):
        value = obj.get(name)
    else:
        props = type(obj).vtl_properties if isinstance(obj, HostObject) else None
        getter = props.get(name) if props is not None else None
        value = getter(obj) if getter is not None else get_property(obj, name)
    if value is MISSING or value is None:
        return "" if aws else None
    return value


def _method_result(value: Any, aws: bool, state: State) -> Any:
    """What a method call reads as: ``MISSING`` (no such method) is null, a Java null is
    ``""`` in the API Gateway profile, and a string must fit the string budget."""
    if value is MISSING:
        return None
    if value is None:
        return "" if aws else None
    if type(value) is str:
        if len(value) > state.limits.max_string_size:
            raise VtlLimitError(f"a string grew beyond {state.limits.max_string_size} characters")
        if len(value) >= SMALL_STRING:
            state.charge(len(value))
    elif isinstance(value, (list, dict)) and len(value) >= COUNTED:
        state.charge(8 * len(value))  # (a copy, a view, a split: methods build most lists)
    return value


def _invocation_error(exc: JavaException, name: str, line: int, column: int, state: State) -> VtlRuntimeError:
    return VtlRuntimeError(
        f"Invocation of method '{name}' threw {exc.java_class}" + (f": {exc.message}" if exc.message else ""),
        line=line, column=column, source=state.source, name=state.name,
        java_class="MethodInvocationException",
    )


def _raise_later(message: str, java_class: str, line: int | None = None, column: int | None = None) -> Stmt:
    """A statement that fails when rendered (Velocity reports these at render time), at
    ``line``:``column`` if given (else where the statement is)."""

    def fail(state: State) -> None:
        raise VtlRuntimeError(message, java_class=java_class, line=line, column=column)

    return fail


def _int_kind(value: int) -> str:
    """Which Java integer class a value has (overloads are chosen by it)."""
    if -0x80000000 <= value <= 0x7FFFFFFF:
        return "Integer"
    return "Long" if -0x8000000000000000 <= value <= 0x7FFFFFFFFFFFFFFF else "BigInteger"


def _const(value: Any) -> Expr:
    return lambda state: value


def compile_template(template: ast.Template, profile: str) -> Stmt:
    """Compile a parsed template into its render closure."""
    return Compiler(template, profile).compile()
