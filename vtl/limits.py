"""Execution budgets: how far one render may go before :class:`vtl.VtlLimitError` stops it.

Every budget is per render (one call of ``Template.render``/``render_request``/``vtl.render``)
and none of them is shared between threads. The defaults are far above what a realistic
mapping template needs — API Gateway itself refuses payloads over 10 MB and templates over
300 KB — and low enough that a hostile or buggy template cannot take the host process down.
Pass your own ``Limits`` to :func:`vtl.compile` to change them::

    vtl.compile(source, limits=vtl.Limits(deadline=1.0, max_output_size=1_000_000))

A ``Limits`` you pass replaces the profile's defaults entirely: to keep API Gateway's quotas
with other budgets, start from :data:`APIGATEWAY_LIMITS` with :func:`dataclasses.replace`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Limits:
    """Budgets for one render. The defaults are far above anything API Gateway accepts.

    ``foreach_max_loops`` is not an error: like Velocity's ``directive.foreach.maxloops``
    (which API Gateway sets to 1,000) a loop silently ends after that many iterations. ``None``
    means unlimited; the API Gateway profile uses 1,000 unless you pass your own ``Limits``.
    Every other budget raises :class:`vtl.VtlLimitError` carrying the template position.
    """

    #: Iterations after which a #foreach silently ends (Velocity's maxloops).
    foreach_max_loops: int | None = None
    #: Iterations of all loops of one render together (raises).
    max_total_iterations: int = 1_000_000
    #: Largest integer range literal ``[a..b]`` (raises).
    max_range_size: int = 1_000_000
    #: Largest output, in characters (raises).
    max_output_size: int = 64 * 1024 * 1024
    #: Largest string one concatenation or replacement may build, in characters (raises).
    max_string_size: int = 32 * 1024 * 1024
    #: Largest list ``addAll`` may build, in elements (raises): doubling a list in a loop
    #: would otherwise take all the memory there is.
    max_collection_size: int = 10_000_000
    #: Most decimal digits of one BigInteger (or BigDecimal coefficient) a render may build,
    #: parse or print (raises): squaring a number in a loop doubles its length each time.
    max_number_digits: int = 1_000_000
    #: Nesting depth of macro calls, as Velocity's ``velocimacro.max.depth`` (raises).
    max_macro_depth: int = 20
    #: Nesting depth of #evaluate / interpolated strings / blocks at render time (raises).
    max_render_depth: int = 200
    #: Seconds one regular expression evaluation may take (raises).
    regex_timeout: float = 1.0
    #: Wall-clock seconds one render may take (raises); ``None`` for no deadline.
    deadline: float | None = 10.0
    #: Largest template source, in bytes of UTF-8 (API Gateway's quota is 300 KB).
    max_template_size: int | None = None
    #: Bytes the process may grow by while one render runs (raises; checked as long strings,
    #: large collections and loop iterations pile up, where the resident size can be read:
    #: Linux); ``None`` for no check. Each value is bounded by the budgets above, this bounds
    #: how many of them a template keeps.
    max_memory_growth: int | None = 1 << 30

    def __post_init__(self) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            optional = field.name in _OPTIONAL
            if value is None and optional:
                continue
            if field.name in _SECONDS:
                if type(value) not in (int, float):
                    raise TypeError(f"Limits.{field.name} must be a number of seconds, not {value!r}")
                if not value > 0:
                    raise ValueError(f"Limits.{field.name} must be positive, not {value!r}")
                continue
            if type(value) is not int:
                raise TypeError(f"Limits.{field.name} must be an int, not {value!r}")
            if value < 0:
                raise ValueError(f"Limits.{field.name} must not be negative, not {value!r}")


_OPTIONAL = frozenset({"foreach_max_loops", "deadline", "max_template_size", "max_memory_growth"})
_SECONDS = frozenset({"regex_timeout", "deadline"})

#: What the API Gateway profile uses by default: AWS's documented quotas plus safe budgets.
APIGATEWAY_LIMITS = Limits(foreach_max_loops=1000, max_template_size=300 * 1024)
#: Stock Velocity 1.7 has no loop limit.
VELOCITY_LIMITS = Limits()
