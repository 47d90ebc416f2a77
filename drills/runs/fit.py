"""A focused reader of Garmin's FIT activity files: only what the descent audit needs.

fitdecode reads every field of every message and takes about 1.4 s for 14,000 records on
CPython, several times that in Pyodide; this reader builds one ``struct.Struct`` per definition
message that picks out just the record fields the audit uses and skips everything else
(developer fields included) by size. It checks the header but not the CRC: a damaged or
truncated file is read up to where it stops making sense, with a warning. The tests compare it
with fitdecode on every FIT test file.
"""

from __future__ import annotations

import struct
from bisect import bisect_right
from dataclasses import dataclass, field

from drills.errors import InputError
from drills.runs.activity import MAX_POINTS, Activity, RawPoints, build_activity, too_many_points

FIT_EPOCH_S = 631_065_600  # 1989-12-31T00:00:00Z, FIT's time zero, in Unix seconds
# A FIT time below this counts seconds since the watch was switched on (its clock not yet set
# from GPS), not since FIT's time zero; older Forerunners record whole runs so.
FIT_SYSTEM_TIME_BELOW = 0x10000000
SEMICIRCLE_DEG = 180.0 / 2**31

# Base type (low five bits of the field's base-type byte): struct code, size, "no value" marker.
_BASE: dict[int, tuple[str, int, float]] = {
    0x00: ("B", 1, 0xFF),  # enum
    0x01: ("b", 1, 0x7F),
    0x02: ("B", 1, 0xFF),
    0x03: ("h", 2, 0x7FFF),
    0x04: ("H", 2, 0xFFFF),
    0x05: ("i", 4, 0x7FFFFFFF),
    0x06: ("I", 4, 0xFFFFFFFF),
    0x0A: ("B", 1, 0),  # uint8z
    0x0B: ("H", 2, 0),
    0x0C: ("I", 4, 0),
    0x0D: ("B", 1, 0xFF),  # byte
}

FILE_ID, SPORT, SESSION, RECORD, MONITORING = 0, 12, 18, 20, 55
TIMESTAMP = 253
# The fields read from each message, by field number; every other message gives only its time.
_RECORD_FIELDS = (TIMESTAMP, 0, 1, 2, 78, 5, 4, 53)  # time, lat, lon, alt, enhanced alt, ...
_R_TIME, _R_LAT, _R_LON, _R_ALT, _R_EALT, _R_DIST, _R_CAD, _R_FRAC = range(8)
_WANTED: dict[int, tuple[int, ...]] = {
    FILE_ID: (0, 4),  # type, time_created
    SPORT: (0,),
    SESSION: (TIMESTAMP, 2, 5, 22, 23),  # end, start_time, sport, total_ascent, total_descent
    RECORD: _RECORD_FIELDS,
}
# Older Forerunners record no distance field, only a record's 3-byte compressed_speed_distance
# (field 8): speed in 1/100 m/s in its low 12 bits, distance in 1/16 m in its high 12, which roll
# over every 256 m and are added up from one record to the next (FIT profile: accumulated).
COMPRESSED_SPEED_DISTANCE, COMPRESSED_BYTES = 8, 3
COMPRESSED_SPEED_BITS, COMPRESSED_DISTANCE_BITS, COMPRESSED_DISTANCE_SCALE = 12, 12, 16
_NO_BYTES = b"\xff" * COMPRESSED_BYTES  # a byte array's "no value"
FILE_TYPES = {2: "settings", 3: "sport", 5: "workout", 6: "course", 9: "weight", 10: "totals"}
MONITORING_FILE_TYPES = {15, 28, 32}  # monitoring_a, monitoring_daily, monitoring_b
SPORTS = {
    0: None,  # generic: the file does not say
    1: "running",
    2: "cycling",
    3: "transition",
    4: "fitness equipment",
    5: "swimming",
    10: "training",
    11: "walking",
    12: "cross-country skiing",
    13: "alpine skiing",
    15: "rowing",
    16: "mountaineering",
    17: "hiking",
    21: "e-biking",
    22: "motorcycling",
    24: "driving",
    35: "snowshoeing",
}


@dataclass(frozen=True)
class _Definition:
    global_num: int
    size: int  # bytes of one data message, developer fields included
    unpack: struct.Struct | None  # None: nothing wanted, not even a timestamp
    slots: tuple[tuple[int, int, float], ...]  # (wanted position, value index, no-value marker)
    time_index: int  # index of the timestamp in the unpacked values, -1 if none
    compressed_index: int = -1  # index of a record's compressed_speed_distance, -1 if none


@dataclass
class FitContent:
    """What a FIT file holds for the audit: record columns (raw FIT units, None where a record
    lacks the field; see _RECORD_FIELDS), sessions by field slot, the file type and sport."""

    records: list[list[float | None]] = field(default_factory=lambda: [[] for _ in range(8)])
    sessions: list[dict[int, float]] = field(default_factory=list)
    file_type: int | None = None
    created: int | None = None  # file_id.time_created, FIT seconds
    sport: int | None = None
    monitoring: int = 0
    damage: str | None = None  # why reading stopped early


def is_fit(data: bytes) -> bool:
    return len(data) >= 12 and data[8:12] == b".FIT"


def _definition(data: bytes, pos: int, has_dev: bool) -> tuple[_Definition, int]:
    arch = data[pos + 1]
    if arch > 1:
        raise ValueError("unknown byte order")
    endian = ">" if arch else "<"
    global_num = struct.unpack_from(endian + "H", data, pos + 2)[0]
    count = data[pos + 4]
    pos += 5
    wanted = _WANTED.get(global_num, (TIMESTAMP,))
    code, size, time_index, compressed, unpacked = [endian], 0, -1, -1, 0
    slots: list[tuple[int, int, float]] = []
    for _ in range(count):
        num, fsize, base = data[pos], data[pos + 1], data[pos + 2] & 0x1F
        pos += 3
        kind = _BASE.get(base)
        if global_num == RECORD and num == COMPRESSED_SPEED_DISTANCE and fsize == COMPRESSED_BYTES:
            compressed, unpacked = unpacked, unpacked + 1  # read apart: see _read_file
            code.append(f"{fsize}s")
        elif num in wanted and kind is not None and kind[1] == fsize:
            if num == TIMESTAMP:
                time_index = unpacked
            slots.append((wanted.index(num), unpacked, kind[2]))
            unpacked += 1
            code.append(kind[0])
        elif fsize:
            code.append(f"{fsize}x")
        size += fsize
    if has_dev:
        for _ in range(data[pos]):
            size += data[pos + 2]
            pos += 3
        pos += 1
    unpack = struct.Struct("".join(code)) if unpacked else None
    return _Definition(global_num, size, unpack, tuple(slots), time_index, compressed), pos


def _read_file(data: bytes, start: int, found: FitContent) -> int:
    """Read one FIT file beginning at ``start``; return where the next one would begin."""
    header_size = data[start]
    if header_size not in (12, 14) or data[start + 8 : start + 12] != b".FIT":
        raise InputError("file", "This FIT file's header is damaged, so it cannot be read.")
    if data[start + 1] >> 4 > 2:
        raise InputError("file", "This FIT file uses a protocol version this reader does not know.")
    body = struct.unpack_from("<I", data, start + 4)[0]
    pos = start + header_size
    end = pos + body if body else len(data)  # 0: the device never finished writing it
    if end > len(data):
        found.damage = "ends early"
        end = len(data)
    defs: dict[int, _Definition] = {}
    last_time = 0
    rolling, covered = 0, 0  # the last compressed distance read, and the total it adds up to
    mask = (1 << COMPRESSED_DISTANCE_BITS) - 1
    records, sessions = found.records, found.sessions
    while pos < end:
        head = data[pos]
        pos += 1
        given_time = -1
        if head & 0x80:  # compressed timestamp header: 5 bits of seconds on the last time
            local, offset = (head >> 5) & 3, head & 0x1F
            given_time = last_time - (last_time & 0x1F) + offset
            if offset < last_time & 0x1F:
                given_time += 32
            last_time = given_time
        elif head & 0x40:
            try:
                defs[head & 0x0F], pos = _definition(data, pos, bool(head & 0x20))
            except (IndexError, ValueError, struct.error):
                found.damage = "ends early" if pos + 5 >= end else "damaged"
                break
            continue
        else:
            local = head & 0x0F
        d = defs.get(local)
        if d is None or pos + d.size > end:
            found.damage = "ends early" if d is not None else "damaged"
            break
        if d.unpack is None:
            found.monitoring += d.global_num == MONITORING
            pos += d.size
            continue
        values = d.unpack.unpack_from(data, pos)
        pos += d.size
        if d.time_index >= 0 and values[d.time_index] != 0xFFFFFFFF:
            last_time = values[d.time_index]
        if given_time >= 0:
            last_time = given_time
        if d.global_num == RECORD:
            if len(records[0]) == MAX_POINTS:
                raise too_many_points("FIT")
            row: list[float | None] = [None] * 8
            for slot, index, missing in d.slots:
                value = values[index]
                if value != missing:
                    row[slot] = value
            if d.compressed_index >= 0 and values[d.compressed_index] != _NO_BYTES:
                now = int.from_bytes(values[d.compressed_index], "little") >> COMPRESSED_SPEED_BITS
                covered += (now - rolling) & mask
                rolling = now
                if row[_R_DIST] is None:  # in the distance field's unit, 1/100 m
                    row[_R_DIST] = covered * 100 / COMPRESSED_DISTANCE_SCALE
            if given_time >= 0:
                row[_R_TIME] = given_time
            for column, value in zip(records, row, strict=True):
                column.append(value)
        elif d.global_num == SESSION:
            sessions.append(
                {slot: values[i] for slot, i, missing in d.slots if values[i] != missing}
            )
        elif d.global_num == FILE_ID:  # the first file's type and time, in a chain
            for slot, index, missing in d.slots:
                if values[index] != missing and slot == 0 and found.file_type is None:
                    found.file_type = int(values[index])
                elif values[index] != missing and slot == 1 and found.created is None:
                    found.created = int(values[index])
        elif d.global_num == SPORT and d.slots and values[0] != 0xFF:
            found.sport = int(values[0])
        elif d.global_num == MONITORING:
            found.monitoring += 1
    return end + 2  # the file's CRC follows its body


def decode_fit(data: bytes) -> FitContent:
    """The records, sessions, file type and sport of a FIT file (or InputError for a damaged
    header); reading stops early, saying why in ``damage``, where the file stops making sense."""
    if len(data) < 12:
        raise InputError("file", "This file is too short to be a FIT file.")
    found = FitContent()
    start = _read_file(data, 0, found)
    # Devices may chain several FIT files in one.
    while found.damage is None and data[start + 8 : start + 12] == b".FIT":
        start = _read_file(data, start, found)
    return found


def read_fit(data: bytes, name: str) -> Activity:
    """The activity in a FIT file, or InputError saying why there is none."""
    return _activity(decode_fit(data), name)


def _sport_name(code: float | None) -> str | None:
    if code is None or code == 0xFF:
        return None
    return SPORTS.get(int(code), f"sport {code:g}")


def _activity(found: FitContent, name: str) -> Activity:
    count = len(found.records[0])
    if found.file_type in MONITORING_FILE_TYPES or (found.monitoring and not count):
        raise InputError(
            "file",
            "This is a daily-monitoring FIT file (steps and heart rate through the day), not a "
            "recorded activity. Choose the file of a run: on Garmin watches it is in "
            "GARMIN/Activity.",
        )
    if not count:
        kind = FILE_TYPES.get(found.file_type or -1)
        what = f"a {kind} file" if kind else "not a recorded activity"
        raise InputError(
            "file",
            f"This FIT file holds no track records: it is {what}. Choose the file of a run.",
        )
    keep, segments = list(range(count)), list[int]()
    notes: list[str] = []
    sessions = [s for s in found.sessions if 0 in s and 1 in s]
    sports = [_sport_name(s.get(2)) for s in found.sessions]
    named = [s for s in sports if s and s != "transition"]
    sport = named[0] if named else _sport_name(found.sport)
    used = found.sessions
    if len(set(sports)) > 1:
        runs = [s for s in sessions if _sport_name(s.get(2)) == "running"]
        others = sorted({s for s in sports if s and s not in ("running", "transition")})
        if runs:
            keep, segments = _within(found.records[_R_TIME], runs)
            sport, used = "running", runs
            notes.append(
                f"This file holds several sports ({', '.join([*others, 'running'])}); "
                "only its running parts are audited."
            )
        else:
            notes.append(f"This file holds several sports ({', '.join(others)}).")
    raw = _points(found.records, keep, _epoch(found, notes))
    raw.segments = segments
    if found.file_type == 6:  # a course: its times are a virtual partner's, not a run's
        raw.times = [None] * len(raw)
    if found.damage == "ends early":
        notes.append(
            "The file ends early (cut off while copying, or the watch stopped writing): the "
            f"audit covers its first {count} records."
        )
    elif found.damage:
        notes.append(f"The file is damaged after {count} records: the audit covers those.")
    ascents = [s.get(3) for s in used]
    descents = [s.get(4) for s in used]
    totals = (
        float(sum(a for a in ascents if a is not None)) if used and None not in ascents else None,
        float(sum(d for d in descents if d is not None)) if used and None not in descents else None,
    )
    return build_activity(
        raw,
        name,
        "FIT",
        sport,
        cadence_in_strides=True,
        bridge_segments=False,
        device_totals=totals,
        warnings=notes,
    )


def _within(
    times: list[float | None], sessions: list[dict[int, float]]
) -> tuple[list[int], list[int]]:
    """The records within the sessions' time spans, each once, and where each part after the
    first begins among them. Sessions that overlap make one part: a file listing the same
    span 200 times once had every record read 200 times."""
    parts: list[list[float]] = []  # [start, end], by start
    for session in sorted(sessions, key=lambda s: s[1]):
        start, end = session[1], session[0]
        if parts and start < parts[-1][1]:
            parts[-1][1] = max(parts[-1][1], end)
        else:
            parts.append([start, end])
    starts = [start for start, _ in parts]
    keep: list[int] = []
    segments = []
    last = -1
    for i, t in enumerate(times):
        if t is None:
            continue
        part = bisect_right(starts, t) - 1
        if part < 0 or t > parts[part][1]:
            continue
        if keep and part != last:
            segments.append(len(keep))
        keep.append(i)
        last = part
    return keep, segments


def _epoch(found: FitContent, notes: list[str]) -> float:
    """What a record's FIT time adds to for seconds since 1970: FIT's time zero, or where the
    watch's clock was not set (times since it was switched on) the file's creation time, which
    its first record is taken to share."""
    first = next((t for t in found.records[_R_TIME] if t is not None), None)
    if first is None or first >= FIT_SYSTEM_TIME_BELOW:
        return FIT_EPOCH_S
    if found.created is not None and found.created >= FIT_SYSTEM_TIME_BELOW:
        return FIT_EPOCH_S + found.created - first
    notes.append(
        "The watch's clock was not set: its times count from when it was switched on, so "
        "the run's date is unknown (its durations are right)."
    )
    return FIT_EPOCH_S


def _points(records: list[list[float | None]], keep: list[int], epoch: float) -> RawPoints:
    times, lats, lons, alts, ealts, dists, cads, fracs = records
    raw = RawPoints.empty()
    for i in keep:
        t, lat, lon, dist = times[i], lats[i], lons[i], dists[i]
        raw.times.append(None if t is None else float(t + epoch))
        raw.lats.append(None if lat is None else lat * SEMICIRCLE_DEG)
        raw.lons.append(None if lon is None else lon * SEMICIRCLE_DEG)
        alt = ealts[i] if ealts[i] is not None else alts[i]
        raw.elevations.append(None if alt is None else alt / 5.0 - 500.0)
        raw.distances.append(None if dist is None else dist / 100.0)
        cad = cads[i]
        raw.cadences.append(None if cad is None else cad + (fracs[i] or 0) / 128.0)
    return raw
