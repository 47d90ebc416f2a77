"""``read_archive``: an archive (or one activity file) in, its History out; ``read_files``:
many files chosen at once (activity files, archives, or both), one History."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from drills.errors import InputError
from drills.history.archive import Listing, Source, list_members, read_members, shown_path
from drills.history.combine import combine
from drills.history.item import read_item
from drills.history.model import History, Item
from drills.history.sports import DEFAULT_SPORTS

Progress = Callable[[int, int], None]
NOTHING_FOUND = (
    "This zip holds no GPX, TCX or FIT file: choose the export of Strava or Garmin Connect as "
    "you downloaded it, or a zip of your activity files."
)


def check_sports(sports: Collection[str]) -> None:
    if not sports:
        raise InputError("sports", "Choose at least one sport for the history to count.")


def _read(
    sources: Sequence[tuple[Source, Listing]], progress: Progress | None, sports: Collection[str]
) -> History:
    """Every listed member read into its item (the refused ones as they are), one History."""
    total = sum(len(listing.members) for _, listing in sources)
    items = [item for _, listing in sources for item in listing.refused]
    if progress is not None:
        progress(0, total)
    done = 0
    for data, listing in sources:
        if not listing.members:  # nothing to open: a file refused whole may not even be a zip
            continue
        for member, content in read_members(data, listing.members):
            items.append(read_item(content, member.path, member.row, sports))
            done += 1
            if progress is not None:
                progress(done, total)
    return combine(items)


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
    check_sports(sports)
    listing = list_members(data, name)
    if not listing.members and not listing.refused:
        raise InputError("archive", NOTHING_FOUND)
    return _read([(data, listing)], progress, sports)


def list_sources(files: Sequence[tuple[Source, str]]) -> list[Listing]:
    """Each file's listing, ``(data, name)`` as ``read_archive`` takes it: a file that cannot be
    read at all is a listing of one refused item saying why, never stopping the others.
    Raises InputError("archive", …) only when none of them holds an activity file."""
    listings = []
    for data, name in files:
        try:
            listings.append(list_members(data, name))
        except InputError as error:
            refused = Item(shown_path([name]), None, None, "unreadable", reason=str(error))
            listings.append(Listing((), (refused,)))
    if not any(listing.members or listing.refused for listing in listings):
        raise InputError("archive", NOTHING_FOUND)
    return listings


def read_files(
    files: Sequence[tuple[Source, str]],
    progress: Progress | None = None,
    *,
    sports: Collection[str] = DEFAULT_SPORTS,
) -> History:
    """One History of many files chosen at once, each ``(data, name)`` as ``read_archive``
    takes it (see ``list_sources``)."""
    check_sports(sports)
    listings = list_sources(files)
    return _read(
        [(data, listing) for (data, _), listing in zip(files, listings, strict=True)],
        progress,
        sports,
    )
