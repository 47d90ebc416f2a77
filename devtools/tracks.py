"""Synthetic activities of known geometry for the descent audit's tests and benchmark.

A track is a list of points along a meridian (so the distance between two points is exactly
the audit's own great-circle distance), written as GPX (by gpxpy), TCX (by hand, as Garmin
Connect writes it) or FIT (by the small writer below, which fitdecode reads back).
"""

from __future__ import annotations

import math
import struct
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

import gpxpy
import gpxpy.gpx

from drills.runs.activity import EARTH_RADIUS_M

START = datetime(2026, 5, 2, 7, 30, tzinfo=UTC)
LAT0, LON0 = 45.0, 7.0
TPX = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1"


@dataclass(frozen=True)
class Point:
    distance_m: float
    elevation_m: float | None
    time_s: float | None = None  # seconds after START
    cadence_strides: float | None = None  # strides per minute, as Garmin records a run's

    @property
    def lat(self) -> float:
        return LAT0 + math.degrees(self.distance_m / EARTH_RADIUS_M)


def slope(
    flat_m: float = 200.0,
    length_m: float = 1000.0,
    grade: float = 0.10,
    after_m: float = 200.0,
    spacing_m: float = 5.0,
    top_m: float = 600.0,
    speed_ms: float | None = 3.0,
    cadence: float | None = 85.0,
) -> list[Point]:
    """Flat, then a straight descent at ``grade`` (drop = grade × length), then flat."""
    total = flat_m + length_m + after_m
    points = []
    for k in range(round(total / spacing_m) + 1):
        d = k * spacing_m
        into = min(max(d - flat_m, 0.0), length_m)
        t = None if speed_ms is None else d / speed_ms
        points.append(Point(d, top_m - grade * into, t, cadence))
    return points


def hour_run(points: int = 3000, seconds: float = 3600.0) -> list[Point]:
    """A rolling 1-hour run at ~3 m/s: two hill wavelengths, cadence 80–90 strides/min."""
    out = []
    for k in range(points):
        t = k * seconds / (points - 1)
        d = 3.0 * t
        ele = 400 + 60 * math.sin(2 * math.pi * d / 3000) + 12 * math.sin(2 * math.pi * d / 700)
        cad = 85 + 5 * math.sin(2 * math.pi * t / 300)
        out.append(Point(d, round(ele, 1), t, round(cad)))
    return out


def reversed_track(points: list[Point]) -> list[Point]:
    """The same ground the other way, at the same times from the start."""
    end = points[-1].distance_m
    times = [p.time_s for p in points]
    return [
        replace(p, distance_m=end - p.distance_m, time_s=t)
        for p, t in zip(reversed(points), times, strict=True)
    ]


def to_gpx(points: list[Point], sport: str | None = "running", version: str = "1.1") -> bytes:
    gpx = gpxpy.gpx.GPX()
    gpx.creator = "downhill-confidence tests"
    gpx.nsmap["gpxtpx"] = TPX
    track = gpxpy.gpx.GPXTrack()
    track.type = sport  # type: ignore[assignment]  # gpxpy declares it None
    segment = gpxpy.gpx.GPXTrackSegment()
    for p in points:
        when = None if p.time_s is None else START + timedelta(seconds=p.time_s)
        tp = gpxpy.gpx.GPXTrackPoint(p.lat, LON0, elevation=p.elevation_m, time=when)
        if p.cadence_strides is not None:
            ext = ET.Element(f"{{{TPX}}}TrackPointExtension")
            ET.SubElement(ext, f"{{{TPX}}}cad").text = f"{p.cadence_strides:g}"
            tp.extensions.append(ext)
        segment.points.append(tp)
    track.segments.append(segment)
    gpx.tracks.append(track)
    if version == "1.0":
        return gpx.to_xml(version="1.0").encode()
    return gpx.to_xml().encode()


def to_tcx(points: list[Point], sport: str = "Running") -> bytes:
    """Garmin Connect's shape: DistanceMeters per point, RunCadence (strides) in TPX."""
    rows = []
    for p in points:
        when = START + timedelta(seconds=p.time_s or 0.0)
        parts = [
            f"<Time>{when.isoformat().replace('+00:00', 'Z')}</Time>",
            f"<Position><LatitudeDegrees>{p.lat!r}</LatitudeDegrees>"
            f"<LongitudeDegrees>{LON0}</LongitudeDegrees></Position>",
        ]
        if p.elevation_m is not None:
            parts.append(f"<AltitudeMeters>{p.elevation_m!r}</AltitudeMeters>")
        parts.append(f"<DistanceMeters>{p.distance_m!r}</DistanceMeters>")
        if p.cadence_strides is not None:
            parts.append(
                f"<Extensions><ns3:TPX><ns3:RunCadence>{p.cadence_strides:g}</ns3:RunCadence>"
                "</ns3:TPX></Extensions>"
            )
        rows.append("<Trackpoint>" + "".join(parts) + "</Trackpoint>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" '
        'xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">'
        f'<Activities><Activity Sport="{sport}"><Id>{START.isoformat()}</Id>'
        f'<Lap StartTime="{START.isoformat()}"><Track>' + "\n".join(rows) + "</Track></Lap>"
        "</Activity></Activities></TrainingCenterDatabase>\n"
    ).encode()


# ---- FIT -------------------------------------------------------------------------------------

FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)
_CRC_TABLE = (
    0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
    0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
)  # fmt: skip


def fit_crc(data: bytes, crc: int = 0) -> int:
    for byte in data:
        for nibble in (byte & 0xF, byte >> 4):
            tmp = _CRC_TABLE[crc & 0xF]
            crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ _CRC_TABLE[nibble]
    return crc


# (field number, struct code, base type byte)
_RECORD = [(253, "I", 0x86), (0, "i", 0x85), (1, "i", 0x85), (78, "I", 0x86), (2, "H", 0x84),
           (5, "I", 0x86), (4, "B", 0x02), (53, "B", 0x02)]  # fmt: skip
_SESSION = [(253, "I", 0x86), (2, "I", 0x86), (5, "B", 0x00), (22, "H", 0x84), (23, "H", 0x84)]
_FILE_ID = [(0, "B", 0x00), (1, "H", 0x84)]
FIT_SPORTS = {
    "running": 1,
    "cycling": 2,
    "transition": 3,
    "swimming": 5,
    "walking": 11,
    "generic": 0,
}


Fields = list[tuple[int, str, int]]  # (field number, struct code, FIT base type)


def _definition(local: int, number: int, fields: Fields, big: bool, dev: int = 0) -> bytes:
    head = 0x40 | local | (0x20 if dev else 0)
    out = bytes([head, 0, 1 if big else 0]) + struct.pack(">H" if big else "<H", number)
    out += bytes([len(fields)])
    for num, code, base in fields:
        out += bytes([num, struct.calcsize(code), base])
    if dev:
        out += bytes([1, 0, dev, 0])  # one developer field of ``dev`` bytes
    return out


def _data(local: int, fields: Fields, values: Sequence[object], big: bool, dev: int = 0) -> bytes:
    fmt = (">" if big else "<") + "".join(code for _, code, _ in fields)
    return bytes([local]) + struct.pack(fmt, *values) + b"\xab" * dev


def to_fit(
    points: list[Point],
    sport: str = "running",
    file_type: int = 4,
    totals: tuple[int, int] | None = None,
    *,
    big_endian: bool = False,
    compressed_times: bool = False,
    developer_bytes: int = 0,
    fractional: bool = True,
    sessions: list[tuple[float, float, str]] | None = None,
) -> bytes:
    """A FIT activity file: file_id, the records, one session (with ``totals`` if given), or
    ``sessions`` (start and end in seconds after START, and sport) without totals.

    ``compressed_times`` writes every record after the first with a compressed-timestamp
    header (5 bits of seconds; the points must then be under 32 s apart).
    """
    big = big_endian
    body = _definition(0, 0, _FILE_ID, big) + _data(0, _FILE_ID, [file_type, 1], big)
    fields = _RECORD if fractional else _RECORD[:-1]
    body += _definition(1, 20, fields, big, developer_bytes)
    short = fields[1:]
    if compressed_times:
        body += _definition(2, 20, short, big, developer_bytes)
    last = 0
    for k, p in enumerate(points):
        stamp = round((START - FIT_EPOCH).total_seconds() + (p.time_s or 0.0))
        alt = 0xFFFFFFFF if p.elevation_m is None else round((p.elevation_m + 500) * 5)
        alt16 = 0xFFFF if p.elevation_m is None else min(0xFFFE, round((p.elevation_m + 500) * 5))
        cad = p.cadence_strides or 0.0
        values = [
            stamp,
            round(p.lat / (180 / 2**31)),
            round(LON0 / (180 / 2**31)),
            alt,
            alt16,
            round(p.distance_m * 100),
            int(cad),
            round((cad - int(cad)) * 128),
        ][: len(fields)]
        if compressed_times and k:
            assert stamp - last < 32
            head = 0x80 | (2 << 5) | (stamp & 0x1F)
            body += bytes([head]) + _data(0, short, values[1:], big, developer_bytes)[1:]
        else:
            body += _data(1, fields, values, big, developer_bytes)
        last = stamp
    start = round((START - FIT_EPOCH).total_seconds())
    up, down = totals or (0xFFFF, 0xFFFF)
    body += _definition(3, 18, _SESSION, big)
    if sessions is None:
        body += _data(3, _SESSION, [last, start, FIT_SPORTS[sport], up, down], big)
    for begin, end, kind in sessions or ():
        span = [start + round(end), start + round(begin), FIT_SPORTS[kind], 0xFFFF, 0xFFFF]
        body += _data(3, _SESSION, span, big)
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(body), b".FIT")
    header += struct.pack("<H", fit_crc(header))
    data = header + body
    return data + struct.pack("<H", fit_crc(data))


def to_fit_compressed(
    rows: list[tuple[int, float, float, int | None]],
    elevations: list[float] | None = None,
    created: int | None = None,
) -> bytes:
    """A FIT activity as older Forerunners wrote it: each record's speed and distance only in
    ``compressed_speed_distance`` (3 bytes: speed in 1/100 m/s in the low 12 bits, distance in
    1/16 m in the high 12, rolling over every 256 m), from rows of (FIT timestamp, speed m/s,
    distance m, cadence or None); ``elevations`` adds an altitude to each record, ``created``
    the file's time_created (FIT seconds)."""
    fields = [(253, "I", 0x86), (8, "3s", 0x0D), (4, "B", 0x02)]
    if elevations is not None:
        fields.append((2, "H", 0x84))
    file_id = [*_FILE_ID, (4, "I", 0x86)]
    body = _definition(0, 0, file_id, False)
    body += _data(0, file_id, [4, 1, 0xFFFFFFFF if created is None else created], False)
    body += _definition(1, 20, fields, False)
    for k, (stamp, speed, distance, cadence) in enumerate(rows):
        packed = (round(speed * 100) & 0xFFF) | ((round(distance * 16) & 0xFFF) << 12)
        values: list[object] = [
            stamp,
            packed.to_bytes(3, "little"),
            0xFF if cadence is None else cadence,
        ]
        if elevations is not None:
            values.append(round((elevations[k] + 500) * 5))
        body += _data(1, fields, values, False)
    header = struct.pack("<BBHI4s", 14, 0x10, 100, len(body), b".FIT")
    header += struct.pack("<H", fit_crc(header))
    data = header + body
    return data + struct.pack("<H", fit_crc(data))


def mountain_course(length_m: float = 40_000.0, spacing_m: float = 10.0) -> list[Point]:
    """A 40 km mountain race course (no times): three big climbs and descents of 800 m, on
    ground that rolls every 700 m, so some fifty sustained descents, the steepest over 40 %."""
    out = []
    for k in range(round(length_m / spacing_m) + 1):
        d = k * spacing_m
        ele = 1500 + 400 * math.sin(2 * math.pi * d / 13_000) + 30 * math.sin(2 * math.pi * d / 700)
        out.append(Point(d, round(ele, 1), None, None))
    return out
