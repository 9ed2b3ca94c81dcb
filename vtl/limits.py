"""Execution budgets: how far one render may go before :class:`vtl.VtlLimitError` stops it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Budgets for one render. The defaults are far above anything API Gateway accepts.

    ``foreach_max_loops`` is not an error: like Velocity's ``directive.foreach.maxloops``
    (which API Gateway sets to 1,000) a loop silently ends after that many iterations. ``None``
    means unlimited; the API Gateway profile uses 1,000 unless you pass your own ``Limits``.
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


#: What the API Gateway profile uses by default: AWS's documented quotas plus safe budgets.
APIGATEWAY_LIMITS = Limits(foreach_max_loops=1000, max_template_size=300 * 1024)
#: Stock Velocity 1.7 has no loop limit.
VELOCITY_LIMITS = Limits()
