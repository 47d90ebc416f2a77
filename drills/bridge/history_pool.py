"""The history page's calls when an archive is read part by part, by one worker or several.

``history_list`` (in the page's own worker) lists the files' activity files from their zip
directories, nothing parsed, and splits them into parts; each worker reads parts with
``history_part``, which answers the parts' items as JSON data (summaries, never tracks); the
page's own worker gathers them with ``history_add`` and answers the regions of the history so
far. What it gathered is kept for the visit, so ``history_render`` draws it again in other
units without any file read again. The Files reach the workers as readers of their slices
(``drills.bridge.history``): no worker holds more than the file it is reading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from drills.bridge.answers import Args
from drills.bridge.history import (
    CANCELLED,
    MAX_FILES,
    file_sources,
    keepable,
    progress_of,
    today_of,
)
from drills.errors import InputError
from drills.history import (
    DEFAULT_SPORTS,
    Item,
    as_data,
    combine,
    item_from_data,
    list_sources,
    member_from_data,
    parts,
    read_item,
    read_members,
    summary,
    workers_for,
)
from drills.render.audit_format import UNITS
from drills.render.history_stream import before_regions, streamed_regions, unread_regions
from drills.render.links import links_from

STOPPED = (
    "The guide's Python stopped while reading this archive, so nothing is shown for it; "
    "Python was started again."
)
FAILED = "The archive could not be read to its end, so nothing is shown for it."
# Why a read ended unfinished, said where its history would be (a failed call's own error is
# said beside the field too).
ENDED = {"cancelled": CANCELLED, "stopped": STOPPED, "failed": FAILED}
MAX_PART = 10_000  # members in one part: drills.history.shares makes them far fewer


@dataclass
class _Reading:
    """The read under way (or the last one), in the page's own worker."""

    items: list[Item] = field(default_factory=list)
    total: int = 0  # activity files listed
    done: int = 0  # of them, read


_KEPT = _Reading()


def _units(args: Args) -> str:
    units = args.get("units")
    return units if isinstance(units, str) and units in UNITS else "metric"


def _cores(args: Args) -> int:
    cores = args.get("cores")
    return cores if isinstance(cores, int) and not isinstance(cores, bool) and cores > 0 else 1


def history_list(args: Args) -> dict[str, Any]:
    """{name, names (several files), cores, data} → {parts: [{file, members}], workers, total,
    unread: {cancelled, stopped, failed}}: the read starts afresh, the refused files among its items."""
    sources = file_sources(args)
    if len(sources) > MAX_FILES:
        raise InputError("archive", "The files could not be read; choose them again.")
    listings = list_sources(sources)
    total = sum(len(listing.members) for listing in listings)
    workers = workers_for(total, _cores(args))
    global _KEPT
    _KEPT = _Reading([item for listing in listings for item in listing.refused], total, 0)
    return {
        "parts": [
            {"file": k, "members": as_data(part)}
            for k, listing in enumerate(listings)
            for part in parts(listing.members, workers)
        ],
        "workers": workers,
        "total": total,
        "unread": {why: unread_regions(sentence) for why, sentence in ENDED.items()},
    }


def history_part(args: Args) -> dict[str, Any]:
    """{members, data: the one file they lie in, progress} → {items}: each member read."""
    given = args.get("members")
    if not isinstance(given, list) or not 0 < len(given) <= MAX_PART:
        raise InputError("archive", "The files to read could not be read; choose them again.")
    members = [member_from_data(m) for m in given]
    (source, _), *_ = file_sources(args)
    progress = progress_of(args.get("progress"))
    items = []
    for member, content in read_members(source, members):
        items.append(read_item(content, member.path, member.row, DEFAULT_SPORTS))
        if progress is not None:
            progress(len(items), len(members))
    return {"items": as_data(items)}


def history_add(args: Args) -> dict[str, Any]:
    """{items, show, units, links, today} → {done, total} and, when ``show`` is true or the
    last file is in, {regions, runs, weeks, not_counted} of the history read so far; once the
    last file is in, ``keep`` (``drills.bridge.history.keepable``)."""
    given = args.get("items")
    if not isinstance(given, list) or len(given) > _KEPT.total - _KEPT.done:
        raise InputError("archive", "The files read could not be put together; choose again.")
    _KEPT.items.extend(item_from_data(item) for item in given)
    _KEPT.done += len(given)
    out: dict[str, Any] = {"done": _KEPT.done, "total": _KEPT.total}
    if args.get("show") is True or _KEPT.done == _KEPT.total:
        out |= history_render(args)
    if _KEPT.done == _KEPT.total:  # read whole: what "Keep this history" keeps
        out["keep"] = keepable(combine(_KEPT.items))
        out["whole"] = as_data(_KEPT.items)  # the page holds it for a read that ends unfinished
    return out


def history_back(args: Args) -> dict[str, Any]:
    """{items: the last whole read's (``history_add``'s ``whole``), units, links, today} → that
    history drawn again, saying it is the one read before, and ``keep``; {} for an empty one.
    A read that ended unfinished may have ended this Python too: the fresh one holds the
    history again, for ``history_render``."""
    given = args.get("items")
    if not isinstance(given, list) or len(given) > MAX_FILES:
        raise InputError("archive", "The history read before could not be shown; choose it again.")
    global _KEPT
    _KEPT = _Reading([item_from_data(item) for item in given], len(given), len(given))
    if not given:
        return {}
    out = history_render(args)
    out["regions"] = before_regions(out["regions"])
    return out | {"keep": keepable(combine(_KEPT.items))}


def history_render(args: Args) -> dict[str, Any]:
    """{units, links, today} → {regions, runs, weeks, not_counted}: what this worker gathered,
    drawn (again) in these units, no file read; {} when it has gathered nothing."""
    if not _KEPT.items and not _KEPT.total:
        return {}
    found = combine(_KEPT.items)
    figures = summary(found, today_of(args.get("today")))
    links = links_from(args.get("links"))
    read = (_KEPT.done, _KEPT.total)
    return {
        "regions": streamed_regions(found, figures, _units(args), links, read),
        "runs": len(found.runs),
        "weeks": len(found.weeks),
        "not_counted": len(found.items) - len(found.runs),
    }
