"""The history page's call: a Strava or Garmin export (or a zip of activity files, or one
file) in, the page's regions out (drills.render.history_view).

The archive reaches Python in the page's worker, never a server: as bytes, or as a reader the
page serves slices of the File through (``size`` and ``slice(start, end)``), so a 2 GB archive
is never in memory whole; or several such files chosen at once, read into one history. ``progress(done, total)``, when the page gives one, is called as
files are read; its returning true cancels the reading. Nothing is kept unless the reader
asks: the answer carries the history's summaries (``keep``), which the page hands back to
``keep`` when "Keep this history" is pressed.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any, BinaryIO, cast

from drills import training_log
from drills.bridge import log, roster
from drills.bridge.answers import Args
from drills.errors import InputError, shown
from drills.history import History, read_archive, read_files, summary
from drills.render.audit_format import UNITS
from drills.render.history_view import history_regions, kept_html
from drills.render.links import links_from
from drills.words import counted

SLICE_BYTES = 1 << 18  # as drills.history reads a member: one slice of the File per read
MAX_FILES = 100_000  # files chosen at once: more than any runner's years of runs
CANCELLED = "Cancelled: the archive was not read to its end, so nothing is shown for it."


class SliceReader(io.RawIOBase):
    """A seekable binary file over an object with ``size`` and ``slice(start, end)`` (bytes,
    or a JavaScript Uint8Array's proxy with ``to_bytes``): the page's reader of a File."""

    def __init__(self, source: Any) -> None:
        self.source, self.size, self.at = source, int(source.size), 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.at

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = (0, self.at, self.size)[whence]
        self.at = max(0, base + offset)
        return self.at

    def readinto(self, buffer: Any) -> int:
        end = min(self.size, self.at + len(buffer))
        if end <= self.at:
            return 0
        chunk = self.source.slice(self.at, end)
        to_bytes = getattr(chunk, "to_bytes", None)
        data = bytes(to_bytes() if callable(to_bytes) else chunk)
        buffer[: len(data)] = data
        self.at += len(data)
        return len(data)


def _source(data: object, name: str) -> bytes | BinaryIO:
    if isinstance(data, bytes):
        return data
    if hasattr(data, "slice") and hasattr(data, "size"):
        return cast(BinaryIO, io.BufferedReader(SliceReader(data), SLICE_BYTES))
    if hasattr(data, "read") and hasattr(data, "seek"):
        return cast(BinaryIO, data)
    raise InputError("archive", f"The archive {shown(name)} could not be read; choose it again.")


def today_of(value: object) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if isinstance(value, str) else None
    except ValueError:
        return None


def progress_of(given: object) -> Callable[[int, int], None] | None:
    if not callable(given):
        return None

    def report(done: int, total: int) -> None:
        if given(done, total) is True:
            raise InputError("archive", CANCELLED)

    return report


def _many(data: object) -> list[object] | None:
    """The files when the page sent several (a list; in the browser, a JavaScript Array)."""
    to_py = getattr(data, "to_py", None)
    if callable(to_py) and not hasattr(data, "size"):  # a File's reader has a size; an Array not
        data = to_py(depth=1)
    return list(data) if isinstance(data, list | tuple) else None


def file_sources(args: Args) -> list[tuple[bytes | BinaryIO, str]]:
    """The file (or files) the page sent as ``data``, each with its name."""
    name = args.get("name")
    name = name if isinstance(name, str) else "your archive"
    data = args.get("data")
    many = _many(data)
    if many is None:
        return [(_source(data, name), name)]
    names = args.get("names")
    if not isinstance(names, list) or len(names) != len(many) or len(many) > MAX_FILES:
        raise InputError("archive", "The files could not be read; choose them again.")
    shown_names = [n if isinstance(n, str) else "your file" for n in names]
    return [(_source(d, n), n) for d, n in zip(many, shown_names, strict=True)]


def _read(args: Args) -> History:
    progress = progress_of(args.get("progress"))
    files = file_sources(args)
    if _many(args.get("data")) is None:
        return read_archive(*files[0], progress)
    return read_files(files, progress)


def history(args: Args) -> dict[str, Any]:
    """{name, units, links, today (optional, "2026-03-05"), data, progress (optional)} →
    {regions: {key: html}, runs, weeks, not_counted}. For several files at once, ``data`` is
    a list of them and ``names`` their names."""
    units = args.get("units")
    units = units if units in UNITS else "metric"
    links = links_from(args.get("links"))
    found = _read(args)
    figures = summary(found, today_of(args.get("today")))
    return {
        "regions": history_regions(found, figures, units, links),
        "runs": len(found.runs),
        "weeks": len(found.weeks),
        "not_counted": len(found.items) - len(found.runs),
        "keep": keepable(found),
    }


def keepable(found: History) -> dict[str, object] | None:
    """The history's summaries, for the page to hand back to ``keep``; None: no run to keep."""
    if not found.runs:
        return None
    return training_log.history_json(training_log.kept_from(found))


TOO_BIG = (
    "Keeping this history would grow your training log over the {size} this page can keep, "
    "so nothing was kept: keep a shorter export (the last year or two of runs)."
)


def keep(args: Args) -> dict[str, Any]:
    """Keep a history in the training log: {store, history (``keepable``'s)}. It goes to the
    runner of the current plan ("" when there is none), over what was kept for them."""
    reading = training_log.read_book(args.get("store"))
    if reading.newer:
        raise InputError("keep", log.NEWER)
    if not reading.complete:
        raise InputError("keep", roster.UNREAD)
    history, problem = training_log.read_kept_history(args.get("history"))
    if history is None:
        raise InputError("keep", problem or "")
    book = reading.book
    kept = training_log.keep_history(book, replace(history, athlete=book.current_athlete))
    try:
        text = training_log.dump_book(kept)
    except InputError:
        raise InputError("keep", TOO_BIG.format(size=training_log.SIZE_TEXT)) from None
    runs, weeks = len(history.runs), len(history.weeks)
    summary = (
        f"Kept {counted(runs, 'run', 'runs')} and {counted(weeks, 'week', 'weeks')} of your "
        "history in this browser's training log (a summary of each, never a track): the "
        "planner sets your plan's weeks beside the descent you ran, and the log's export "
        "carries it."
    )
    return {"store": text, "summary": f"{summary} {problem}" if problem else summary}


def kept(args: Args) -> dict[str, Any]:
    """The history kept for the current plan's runner, and "Use in the planner" from it:
    {store, links, today, brief} → {html} ("" when none is kept; brief: beside a read)."""
    book = training_log.read_book(args.get("store")).book
    today = today_of(args.get("today")) or date.today()
    links = links_from(args.get("links"))
    return {"html": kept_html(book.current_history, today, links, args.get("brief") is True)}
