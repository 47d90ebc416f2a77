"""Items and members as JSON data, and back: what several workers hand each other.

A page reading an archive with several workers (``drills.bridge.history_pool``) gets each
share's items from one worker and gives them to another to combine; the members to read go
the other way. The data are summaries only (an item's audit keeps no profile), and reading
them back checks every field's type, so a tampered value is refused, never trusted.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import datetime
from functools import cache
from typing import Any

from drills.errors import InputError
from drills.history.archive import Member
from drills.history.model import Item

NOT_READ_BACK = "What the page's workers read could not be put together; choose the files again."


def as_data(value: object) -> Any:
    """A frozen dataclass (an Item, a Member) as JSON data: datetimes in ISO form."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: as_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [as_data(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _read(kind: Any, value: object) -> object:
    """``value`` read back as ``kind`` (a type hint); InputError when it is not one."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (types.UnionType, typing.Union):
        for option in args:
            try:
                return _read(option, value)
            except InputError:
                continue
    elif origin is typing.Literal:
        if value in args:
            return value
    elif origin is tuple and isinstance(value, list):
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_read(args[0], v) for v in value)
        if len(args) == len(value):
            return tuple(_read(a, v) for a, v in zip(args, value, strict=True))
    elif kind is type(None):
        if value is None:
            return None
    elif kind is float:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
    elif kind in (int, str, bool):
        if type(value) is kind:
            return value
    elif kind is datetime:
        if isinstance(value, str):
            try:
                return datetime.fromisoformat(value)
            except ValueError:
                pass
    elif isinstance(kind, type) and dataclasses.is_dataclass(kind) and isinstance(value, dict):
        hints = _hints(kind)
        if set(value) == set(hints):
            try:
                return kind(**{name: _read(hint, value[name]) for name, hint in hints.items()})
            except (TypeError, ValueError) as error:  # a field's own check (Item's)
                raise InputError("archive", NOT_READ_BACK) from error
    raise InputError("archive", NOT_READ_BACK)


def item_from_data(value: object) -> Item:
    """An item as ``as_data`` wrote it. Raises InputError("archive", …) for anything else."""
    item = _read(Item, value)
    assert isinstance(item, Item)
    return item


def member_from_data(value: object) -> Member:
    """A member as ``as_data`` wrote it. Raises InputError("archive", …) for anything else."""
    member = _read(Member, value)
    assert isinstance(member, Member)
    return member


__all__ = ["NOT_READ_BACK", "as_data", "item_from_data", "member_from_data"]
