"""``read_archive``: an archive (or one activity file) in, its History out."""

from __future__ import annotations

from collections.abc import Callable, Collection

from drills.errors import InputError
from drills.history.archive import Source, list_members, read_members
from drills.history.combine import combine
from drills.history.item import read_item
from drills.history.model import History
from drills.history.sports import DEFAULT_SPORTS

Progress = Callable[[int, int], None]


def read_archive(
    data: Source,
    name: str,
    progress: Progress | None = None,
    *,
    sports: Collection[str] = DEFAULT_SPORTS,
) -> History:
    """The History of a Strava or Garmin export, a zip of activity files, or one file.

    ``data`` is the bytes or a binary file object with seek (read a slice at a time: one
    activity file is in memory at once). ``progress(done, total)`` is called before the first
    file and after each; an exception it raises (a Cancel) stops the reading. Raises
    InputError("archive", …) when the archive itself cannot be read or holds no activity file.
    """
    if not sports:
        raise InputError("sports", "Choose at least one sport for the history to count.")
    listing = list_members(data, name)
    if not listing.members and not listing.refused:
        raise InputError(
            "archive",
            "This zip holds no GPX, TCX or FIT file: choose the export of Strava or Garmin "
            "Connect as you downloaded it, or a zip of your activity files.",
        )
    total = len(listing.members)
    items = list(listing.refused)
    if progress is not None:
        progress(0, total)
    for done, (member, content) in enumerate(read_members(data, listing.members), start=1):
        items.append(read_item(content, member.path, member.row, sports))
        if progress is not None:
            progress(done, total)
    return combine(items)
