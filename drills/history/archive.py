"""The archive walk: which activity files an archive holds, and their bytes, one at a time.

``list_members`` reads only the zips' directories (and Strava's activities.csv); ``read_members``
unpacks the members it is given, in the order they lie in the archive, so a zip inside the zip
(Garmin's export) is unpacked once, front to back, whether or not it was compressed. A page can
split a listing's members across workers, each calling ``read_members`` on its share.

Bounds: a member over MAX_FILE_BYTES unpacked is refused, by its declared size before it is
read and by what it actually unpacks to (unpacking stops as soon as it passes the limit); zips
are opened MAX_ZIP_DEPTH levels deep and no deeper.
"""

from __future__ import annotations

import csv
import io
import posixpath
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import IO, BinaryIO

from drills.errors import InputError
from drills.history.model import ActivityRow, Item
from drills.history.strava import read_rows
from drills.runs import MAX_FILE_BYTES
from drills.words import in_words

Source = bytes | BinaryIO
MAX_ZIP_DEPTH = 2  # the archive, and zips inside it (Garmin's export): a bomb cannot nest on
ACTIVITY_SUFFIXES = (".fit", ".gpx", ".tcx", ".fit.gz", ".gpx.gz", ".tcx.gz")
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")  # a local file header; an empty zip's end record
CSV_NAME = "activities.csv"
# A member is unpacked this much at a time: the archive is read in slices of about this size.
READ_SLICE_BYTES = 1 << 18
# What a damaged or unusual zip raises in zipfile and zlib.
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError)


@dataclass(frozen=True)
class Member:
    """An activity file in the archive, and where it lies.

    ``offsets`` are the positions of its entry in each zip on the way to it, outermost first
    (empty: the archive is the activity file itself); sorting by them is the archive's order.
    """

    path: str  # shown as text
    offsets: tuple[int, ...]
    size: int  # unpacked, as declared
    row: ActivityRow | None  # its line in Strava's activities.csv


@dataclass(frozen=True)
class Listing:
    members: tuple[Member, ...]
    refused: tuple[Item, ...]  # found but not to be read: too big, too deep, encrypted…


def shown_path(parts: Sequence[str]) -> str:
    """A path inside the archive as plain text: control and direction-changing characters
    (a name could hide ".exe" behind a right-to-left mark) are written as escapes."""
    text = "/".join(parts)
    return "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Cc", "Cf") else c for c in text
    )


def _opened(data: Source) -> BinaryIO:
    source: BinaryIO = io.BytesIO(data) if isinstance(data, bytes | bytearray) else data
    source.seek(0)
    return source


def _is_zip(source: BinaryIO) -> bool:
    start = source.read(4)
    source.seek(0)
    return start in ZIP_MAGICS


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.0f} MB"


def _too_big(size: int, declared: bool) -> str:
    how = "says it unpacks to" if declared else "unpacks to more than"
    return (
        f"This file {how} {_megabytes(size)}, over the {_megabytes(MAX_FILE_BYTES)} limit for "
        "one activity, so it was not unpacked."
    )


def _problem(info: zipfile.ZipInfo) -> str | None:
    """Why a member is refused before reading it; None when it may be read."""
    if info.flag_bits & 0x1:
        return "This file is password-protected inside the zip, so it cannot be read."
    if info.file_size > MAX_FILE_BYTES:
        return _too_big(info.file_size, declared=True)
    return None


def _is_junk(name: str) -> bool:
    # macOS adds "__MACOSX/._run.gpx" beside each file: its attributes, not a copy
    return name.startswith("__MACOSX/") or posixpath.basename(name).startswith("._")


def _unreadable(path: str, reason: str) -> Item:
    return Item(path=path, started=None, sport=None, status="unreadable", reason=reason)


def _too_deep(path: str) -> Item:
    inside = in_words(MAX_ZIP_DEPTH - 1)
    return _unreadable(
        path,
        f"This zip lies inside another zip inside the archive; zips are opened {inside} "
        f"level{'s' if MAX_ZIP_DEPTH > 2 else ''} deep (as Garmin's export has them) and no "
        "deeper, so it was not opened.",
    )


def _damaged(what: str) -> str:
    return f"This {what} is damaged, so it cannot be unpacked."


def _strava_rows(top: zipfile.ZipFile) -> tuple[dict[str, ActivityRow], list[Item]]:
    """Rows of the shallowest activities.csv by the path of their file; a problem as an item."""
    tables = [i for i in top.infolist() if posixpath.basename(i.filename).lower() == CSV_NAME]
    if not tables:
        return {}, []
    info = min(tables, key=lambda i: i.filename.count("/"))
    path = shown_path([info.filename])
    try:
        rows = read_rows(_read_bounded(top, info), info.filename)
    except (InputError, csv.Error):
        reason = (
            "Strava's list of your activities could not be read (it is damaged or not a CSV "
            "file), so each activity's sport comes from its own file instead."
        )
        return {}, [_unreadable(path, reason)]
    return {row.path: row for row in rows}, []


def _copy(path: str, first: str) -> Item:
    reason = f"Counted once: the same activity as {first} (the same file, byte for byte)."
    return Item(path=path, started=None, sport=None, status="duplicate", reason=reason)


def _walk(
    zf: zipfile.ZipFile,
    names: tuple[str, ...],
    offsets: tuple[int, ...],
    rows: dict[str, ActivityRow],
    found: tuple[list[Member], list[Item], dict[tuple[int, int], str]],
) -> None:
    members, refused, seen = found
    for info in zf.infolist():
        if info.is_dir() or _is_junk(info.filename):
            continue
        chain, at = (*names, info.filename), (*offsets, info.header_offset)
        path = shown_path(chain)
        if info.filename.lower().endswith(".zip"):
            if len(chain) >= MAX_ZIP_DEPTH:
                refused.append(_too_deep(path))
                continue
            try:
                with zf.open(info) as stream, zipfile.ZipFile(stream) as inner:
                    _walk(inner, chain, at, rows, found)
            except ZIP_ERRORS:
                refused.append(_unreadable(path, _damaged("zip inside the archive")))
        elif info.filename.lower().endswith(ACTIVITY_SUFFIXES):
            problem = _problem(info)
            if problem is not None:
                refused.append(_unreadable(path, problem))
            else:
                # The same size and CRC-32 in the directory: the same file again (exported
                # twice), counted once without reading it.
                same = (info.CRC, info.file_size)
                if same in seen:
                    refused.append(_copy(path, seen[same]))
                    continue
                seen[same] = path
                row = rows.get(info.filename) if not names else None
                members.append(Member(path, at, info.file_size, row))


def list_members(data: Source, name: str) -> Listing:
    """The activity files in a zip (Strava's or Garmin's export, or any zip of activity files),
    or the one activity file that ``data`` is.

    Raises InputError("archive", …) for an empty file or a zip whose directory is damaged.
    """
    source = _opened(data)
    if not _is_zip(source):
        size = source.seek(0, io.SEEK_END)
        source.seek(0)
        if size == 0:
            raise InputError("archive", "This file is empty.")
        return Listing((Member(shown_path([name]), (), size, None),), ())
    try:
        with zipfile.ZipFile(source) as top:
            rows, refused = _strava_rows(top)
            members: list[Member] = []
            _walk(top, (), (), rows, (members, refused, {}))
    except ZIP_ERRORS as error:
        raise InputError("archive", _damaged("zip file")) from error
    return Listing(tuple(members), tuple(refused))


def _read_bounded(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    problem = _problem(info)
    if problem is not None:
        raise InputError("file", problem)
    try:
        with zf.open(info) as stream:
            parts, size = [], 0
            while size <= MAX_FILE_BYTES and (part := stream.read(READ_SLICE_BYTES)):
                parts.append(part)
                size += len(part)
    except ZIP_ERRORS as error:
        raise InputError("file", _damaged("file")) from error
    if size > MAX_FILE_BYTES:
        raise InputError("file", _too_big(MAX_FILE_BYTES, declared=False))
    return b"".join(parts)


@dataclass
class _Opened:
    zf: zipfile.ZipFile
    entries: dict[int, zipfile.ZipInfo]  # by the position of their header
    stream: IO[bytes] | None  # the inner zip's bytes as they unpack; None for the archive

    def close(self) -> None:
        if self.stream is not None:
            self.zf.close()
            self.stream.close()


class _Zips:
    """The zips on the way to the member being read: the archive, and the inner zip the last
    member lay in, kept open while the next members lie in it too."""

    def __init__(self, top: zipfile.ZipFile) -> None:
        self.open: dict[tuple[int, ...], _Opened] = {(): _Opened(top, _entries(top), None)}

    def at(self, offsets: tuple[int, ...]) -> _Opened:
        """The zip reached through the entries at ``offsets``, outermost first."""
        if offsets in self.open:
            return self.open[offsets]
        if len(offsets) >= MAX_ZIP_DEPTH:
            raise InputError("file", "This file lies in zips nested too deep to open.")
        outer = self.at(offsets[:-1])
        for kept in [k for k in self.open if k and k != offsets[: len(k)]]:
            self.open.pop(kept).close()
        stream = outer.zf.open(outer.entries[offsets[-1]])
        inner = zipfile.ZipFile(stream)
        self.open[offsets] = _Opened(inner, _entries(inner), stream)
        return self.open[offsets]

    def close(self) -> None:
        for opened in self.open.values():
            opened.close()


def _entries(zf: zipfile.ZipFile) -> dict[int, zipfile.ZipInfo]:
    return {info.header_offset: info for info in zf.infolist()}


def read_members(
    data: Source, members: Sequence[Member]
) -> Iterator[tuple[Member, bytes | InputError]]:
    """Each member's bytes, or the InputError that says why it cannot be read, in the
    archive's order (which streams through inner zips once)."""
    source = _opened(data)
    ordered = sorted(members, key=lambda m: m.offsets)
    if not _is_zip(source):
        content = source.read(MAX_FILE_BYTES + 1)
        for member in ordered:
            yield member, content  # read_activity refuses it if it is over the limit
        return
    with zipfile.ZipFile(source) as top:
        zips = _Zips(top)
        try:
            for member in ordered:
                yield member, _read_member(zips, member)
        finally:
            zips.close()


def _read_member(zips: _Zips, member: Member) -> bytes | InputError:
    try:
        opened = zips.at(member.offsets[:-1])
        info = opened.entries.get(member.offsets[-1])
        if info is None:
            return InputError("file", "This file is no longer in the archive.")
        return _read_bounded(opened.zf, info)
    except InputError as error:
        return error
    except ZIP_ERRORS:
        return InputError("file", _damaged("zip inside the archive"))
