"""From the bytes of a chosen file to an Activity: size limit, gzip, and which format it is.

The format is told by content, never by name alone: a FIT file has ".FIT" at byte 8, GPX and
TCX are XML whose first element is <gpx> or <TrainingCenterDatabase>; gzip (any of them
compressed) starts with the bytes 1f 8b.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import replace

from drills.errors import InputError, shown
from drills.runs.activity import Activity
from drills.runs.fit import is_fit, read_fit
from drills.runs.xml_tracks import read_xml

MAX_FILE_BYTES = 50_000_000  # a day-long 1 s recording is ~15 MB as GPX; bigger is not a run
GZIP_MAGIC = b"\x1f\x8b"
SNIFF_BYTES = 4096
_ROOT = re.compile(rb"<(?:[\w.-]+:)?(gpx|TrainingCenterDatabase)[\s>/]")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def _too_big(size: int, what: str) -> InputError:
    return InputError(
        "file",
        f"This file is too big {what}: {_megabytes(size)}, and the limit is "
        f"{MAX_FILE_BYTES // 1_000_000} MB. Export a single run (or gzip it).",
    )


def _gunzip(data: bytes) -> tuple[bytes, bool]:
    """The unpacked bytes of every member, as gzip tools read them (``cat a.gz b.gz``), bounded
    by the size limit; and whether the last member was complete. Bytes after the last member
    that start no other (padding) are ignored, as gzip does."""
    out = bytearray()
    view = memoryview(data)
    pos, complete = 0, False
    while data[pos : pos + 2] == GZIP_MAGIC:
        unpacker = zlib.decompressobj(wbits=31)
        # Input in growing pieces: what follows a member's end is copied (unused_data), and a
        # piece at most twice the member keeps that linear however many members there are.
        piece = 1024
        while not unpacker.eof and pos < len(data):
            chunk = view[pos : pos + piece]
            try:
                out += unpacker.decompress(chunk, MAX_FILE_BYTES + 1 - len(out))
            except zlib.error as error:
                raise InputError(
                    "file", "This gzip file is damaged, so it cannot be unpacked."
                ) from error
            if len(out) > MAX_FILE_BYTES:
                raise InputError(
                    "file",
                    f"This file unpacks to more than {MAX_FILE_BYTES // 1_000_000} MB, the size "
                    "limit; export a single run.",
                )
            pos += len(chunk) - len(unpacker.unused_data)
            piece *= 2
        complete = unpacker.eof
        if not complete:
            break
    return bytes(out), complete


def _display_name(name: str) -> str:
    return name[:-3] if name.lower().endswith(".gz") else name


def read_activity(data: bytes, name: str) -> Activity:
    """The activity or course in a GPX, TCX or FIT file (or any of them gzipped).

    Raises InputError("file", reason) for anything else: empty, too big, another format, a
    file without a track or without elevation.
    """
    if len(data) > MAX_FILE_BYTES:
        raise _too_big(len(data), "to audit")
    if not data:
        raise InputError("file", "This file is empty.")
    shown_name = _display_name(name)
    early = False
    if data[:2] == GZIP_MAGIC:
        data, complete = _gunzip(data)
        early = not complete
        if not data:
            raise InputError("file", "This gzip file is empty or cut off before its content.")
    activity = _read(data, shown_name)
    if early:
        note = "The gzip file ends early: the audit covers what could be unpacked."
        return _with_warning(activity, note)
    return activity


def _with_warning(activity: Activity, note: str) -> Activity:
    return replace(activity, warnings=(note, *activity.warnings))


def _read(data: bytes, name: str) -> Activity:
    if is_fit(data):
        return read_fit(data, name)
    if data.startswith(_UTF16_BOMS):
        text = data[:SNIFF_BYTES].decode("utf-16", errors="ignore").encode("utf-8")
    else:
        # expat refuses a UTF-8 byte-order mark followed by blank lines before "<?xml"
        data = data.removeprefix(b"\xef\xbb\xbf").lstrip()
        text = data[:SNIFF_BYTES]
    root = _ROOT.search(text)
    if root:
        fmt = "GPX" if root[1] == b"gpx" else "TCX"
        return read_xml(data, name, fmt)
    raise InputError("file", _not_an_activity(data, name))


def _not_an_activity(data: bytes, name: str) -> str:
    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    kinds = "a GPX, TCX or FIT activity file"
    if suffix == "fit":
        if data[:1] in (b"\x0c", b"\x0e") and len(data) >= 12:
            return "This FIT file's header is damaged (it lacks the mark “.FIT”), so it cannot be read."
        return f"This file is named {shown(name)} but is not a FIT file: it has no FIT header."
    if data.lstrip()[:1] == b"<":
        return f"This file is XML but not {kinds}: it has no <gpx> or <TrainingCenterDatabase>."
    return f"This file is not {kinds}; choose the file your watch or app exported."
