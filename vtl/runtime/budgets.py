"""Budgets that the value model's methods check themselves, for the render running in this
context (a thread, or an asyncio task): the template sets them only when its ``Limits``
differ from the defaults, so a render with the defaults pays nothing."""

from __future__ import annotations

import contextvars

from ..errors import VtlLimitError
from ..limits import Limits

__all__ = ["DEFAULT_COLLECTION_SIZE", "check_collection_size", "use_collection_limit",
           "reset_collection_limit"]

DEFAULT_COLLECTION_SIZE = Limits().max_collection_size

_collection_limit: contextvars.ContextVar[int] = contextvars.ContextVar(
    "vtl_max_collection_size", default=DEFAULT_COLLECTION_SIZE)


def check_collection_size(size: int) -> None:
    """Raise :class:`VtlLimitError` when a list would hold more than the render allows."""
    limit = _collection_limit.get()
    if size > limit:
        raise VtlLimitError(f"a list would hold more than {limit} elements")


def use_collection_limit(limit: int) -> contextvars.Token:
    """Set the collection budget of the render about to run; pass the token to
    :func:`reset_collection_limit` afterwards."""
    return _collection_limit.set(limit)


def reset_collection_limit(token: contextvars.Token) -> None:
    _collection_limit.reset(token)
