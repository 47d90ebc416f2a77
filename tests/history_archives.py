"""Strava- and Garmin-shaped export archives for drills.history's tests, made from the real
recordings in fixtures/activities and from devtools.tracks' tracks of known geometry."""

from __future__ import annotations

import gzip
import io
import struct
import zipfile
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from devtools import tracks as synth

FIXTURES = Path(__file__).parent / "fixtures" / "activities"
DAY_S = 86_400.0
STRAVA_HEADER = (
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,"
    "Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,"
    "Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance"
)


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def on_day(points: list[synth.Point], days: float) -> list[synth.Point]:
    """The track recorded ``days`` after devtools.tracks.START."""
    return [replace(p, time_s=(p.time_s or 0.0) + days * DAY_S) for p in points]


def started(days: float) -> datetime:
    return synth.START + timedelta(days=days)


@dataclass(frozen=True)
class Entry:
    """A file in an export, with what the test knows about it."""

    path: str
    data: bytes
    strava_type: str | None = None  # its activities.csv row's type; None: no row
    when: datetime | None = None  # its activities.csv date


def strava_date(when: datetime) -> str:
    return f'"{when:%b} {when.day}, {when.year}, {when:%I:%M:%S %p}"'.replace(" 0", " ")


def strava_csv(entries: list[Entry]) -> bytes:
    lines = [STRAVA_HEADER]
    for k, e in enumerate(entries, start=1):
        if e.strava_type is None:
            continue
        when = strava_date(e.when or datetime(2020, 1, 1, tzinfo=UTC))
        lines.append(
            f"{k},{when},Activity {k},{e.strava_type},,60,1.0,,,false,,,{e.path},,,60,60,1"
        )
    lines.append(
        f"{len(entries) + 1},{strava_date(datetime(2020, 1, 1, tzinfo=UTC))},By hand,Run,,60,1,,,,,,,,,,,"
    )
    return ("\n".join(lines) + "\n").encode()


def make_zip(files: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return out.getvalue()


def strava_export(entries: list[Entry]) -> bytes:
    files = {"activities.csv": strava_csv(entries), "profile.csv": b"Athlete ID\n1\n"}
    files |= {e.path: e.data for e in entries}
    files["media/photo.jpg"] = b"\xff\xd8\xff\xe0 not really a photo"
    return make_zip(files)


GARMIN_PART = "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip"


def garmin_export(fits: dict[str, bytes], inner_method: int, outer_method: int) -> bytes:
    part = make_zip(fits, inner_method)
    return make_zip(
        {
            "DI_CONNECT/DI-Connect-Fitness/runner_0_summarizedActivities.json": b"[]",
            GARMIN_PART: part,
            "DI_CONNECT/DI-Connect-User/user_profile.json": b"{}",
        },
        outer_method,
    )


def gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def lie_about_size(archive: bytes, name: str, size: int) -> bytes:
    """The zip with ``name``'s declared unpacked size replaced by ``size`` (local header and
    central directory alike): a zip bomb that claims to be small."""
    data = bytearray(archive)
    with zipfile.ZipFile(io.BytesIO(archive)) as z:
        info = z.getinfo(name)
    local = info.header_offset
    assert data[local : local + 4] == b"PK\x03\x04"
    struct.pack_into("<I", data, local + 22, size)
    for at in _central_entries(data):
        length = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46 : at + 46 + length]).decode() == name:
            struct.pack_into("<I", data, at + 24, size)
    return bytes(data)


def _central_entries(data: bytearray) -> list[int]:
    found, at = [], data.find(b"PK\x01\x02")
    while at >= 0:
        found.append(at)
        at = data.find(b"PK\x01\x02", at + 4)
    return found


class SliceFile:
    """A binary file over bytes that records how much each read returned, as a browser's
    reader would serve slices of a File."""

    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0
        self.reads: list[int] = []

    def read(self, size: int = -1) -> bytes:
        end = len(self.data) if size < 0 else self.at + size  # zipfile reads the last 22 bytes so
        chunk = self.data[self.at : end]
        self.at += len(chunk)
        self.reads.append(len(chunk))
        return chunk

    def seek(self, offset: int, whence: int = 0) -> int:
        base = (0, self.at, len(self.data))[whence]
        self.at = max(0, base + offset)
        return self.at

    def tell(self) -> int:
        return self.at

    def seekable(self) -> bool:
        return True

    def readable(self) -> bool:
        return True
