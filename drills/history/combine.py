"""A History from items, whatever order they were read in (one worker or several)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from drills.history.duplicates import mark_duplicates
from drills.history.model import History, Item
from drills.history.weeks import weekly

_NEVER = datetime.min.replace(tzinfo=UTC)


def _time_order(item: Item) -> tuple[bool, datetime, str, str, str]:
    return (
        item.started is None,
        item.started or _NEVER,
        item.path,
        item.status,
        item.reason or "",
    )


def combine(items: Iterable[Item]) -> History:
    """The items in time order (those without a time last), the same activity counted once,
    and the weeks of the runs."""
    ordered = tuple(sorted(mark_duplicates(items), key=_time_order))
    return History(ordered, weekly([item for item in ordered if item.status == "run"]))
