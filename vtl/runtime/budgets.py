"""Budgets that the value model's methods check themselves, for the render running in this
context (a thread, or an asyncio task). A template sets them only when its ``Limits``
differ from the defaults, so a render with the defaults pays nothing for them."""

from __future__ import annotations

import contextvars

from ..errors import VtlLimitError
from ..limits import Limits
from . import memguard

__all__ = ["DEFAULT_COLLECTION_SIZE", "DEFAULT_STRING_SIZE", "check_collection_size",
           "number_digit_limit", "string_limit", "use_limits", "reset_limits"]

DEFAULT_STRING_SIZE = Limits().max_string_size
DEFAULT_COLLECTION_SIZE = Limits().max_collection_size
DEFAULT_NUMBER_DIGITS = Limits().max_number_digits
_DEFAULTS = (DEFAULT_STRING_SIZE, DEFAULT_COLLECTION_SIZE, DEFAULT_NUMBER_DIGITS)

#: (max_string_size, max_collection_size, max_number_digits) of the running render.
_budgets: contextvars.ContextVar[tuple[int, int, int]] = contextvars.ContextVar(
    "vtl_method_budgets", default=_DEFAULTS)


def string_limit() -> int:
    """The longest string a method may build (``max_string_size``)."""
    return _budgets.get()[0]


def number_digit_limit() -> int:
    """The most decimal digits a number may have (``max_number_digits``)."""
    return _budgets.get()[2]


def check_collection_size(size: int) -> None:
    """Raise :class:`VtlLimitError` when a list would hold more than the render allows."""
    limit = _budgets.get()[1]
    if size > limit:
        raise VtlLimitError(f"a list would hold more than {limit} elements")
    if size >= memguard.COUNTED:
        memguard.note(8 * size)  # (the render's memory guard)


def use_limits(limits: Limits) -> contextvars.Token | None:
    """Set the budgets of the render about to run (``None``: the defaults apply, nothing was
    set); pass a token to :func:`reset_limits` afterwards."""
    budgets = (limits.max_string_size, limits.max_collection_size, limits.max_number_digits)
    return None if budgets == _DEFAULTS else _budgets.set(budgets)


def reset_limits(token: contextvars.Token) -> None:
    _budgets.reset(token)
