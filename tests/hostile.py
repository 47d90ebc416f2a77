"""Hostile files, made by code: the shapes an attacker's files took in issue 28.

Each is small (kilobytes) and was once a crash, a hang or a wrong answer; the tests
(test_runs_hostile.py, and test_shipped_stdlib.py in Pyodide) check each gets a sentence.
"""

from __future__ import annotations

import gzip
import struct

from devtools import tracks as synth

GPX_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


def descent_60m() -> list[synth.Point]:
    """A 60 m descent over 600 m at 10 %, a point every 10 m and 3 s (whole seconds, for FIT)."""
    return synth.slope(flat_m=100.0, length_m=600.0, after_m=100.0, spacing_m=10.0, speed_ms=10 / 3)


def fit_overlapping_sessions(sessions: int = 200) -> bytes:
    """A 60 m descent whose file lists ``sessions`` running sessions, each over the whole run,
    and a cycling one: once each record was read once per session (5.9 kB gave 11,960 m)."""
    points = descent_60m()
    end = points[-1].time_s or 0.0
    parts = [(0.0, end, "running")] * sessions + [(end + 1, end + 2, "cycling")]
    return synth.to_fit(points, sessions=parts)


def gpx_standing(points: int) -> bytes:
    """A 60 m descent, then ``points`` points at its last place and second: standing still,
    as a watch that keeps writing without a clock might (once quadratic: 153 kB gz, ≈15 h)."""
    track = descent_60m()
    return synth.to_gpx(track + [track[-1]] * points)


def gpx_entities(kind: str) -> bytes:
    """A GPX whose DOCTYPE declares entities: ``laughs`` (nested expansion), ``xxe`` (an
    external file), ``big`` (one entity of 1,000 characters used 3,000 times)."""
    declared = {
        "laughs": '<!ENTITY a "aaaaaaaaaa">'
        + "".join(
            f'<!ENTITY {b} "{("&" + a + ";") * 10}">'
            for a, b in zip("abcdefg", "bcdefgh", strict=True)
        ),
        "xxe": '<!ENTITY a SYSTEM "file:///etc/passwd">',
        "big": f'<!ENTITY a "{"x" * 1000}">',
    }[kind]
    used = {"laughs": "&h;", "xxe": "&a;", "big": "&a;" * 3000}[kind]
    track = synth.to_gpx(descent_60m()).decode().split("?>", 1)[1]
    body = track.replace("<trk>", f"<trk><name>{used}</name>", 1)
    return f"{GPX_HEAD}<!DOCTYPE gpx [{declared}]>{body}".encode()


def gpx_deep(depth: int, where: str = "extensions") -> bytes:
    """A valid run with ``depth`` elements nested inside one point's extensions, or (``where``
    "root") nested at the top: Pyodide's stack once ran out at 3,000 (46 kB)."""
    text = synth.to_gpx(descent_60m()).decode()
    nest = "<a>" * depth + "</a>" * depth
    if where == "root":
        return text.replace("<trk>", nest + "<trk>", 1).encode()
    return text.replace("</trkpt>", f"<extensions>{nest}</extensions></trkpt>", 1).encode()


def json_deep(depth: int) -> str:
    """A training-log export with its plan nested ``depth`` deep (2,000: 4 kB, fatal in Pyodide)."""
    return (
        '{"format": "downhill-confidence-training-log", "schema": 3, "entries": [], "runs": [], '
        f'"plan": {"[" * depth}{"]" * depth}}}'
    )


def gzip_members() -> tuple[bytes, int]:
    """A GPX gzipped as two members (as `cat a.gz b.gz` or pigz make): once the second was lost
    as "cut off while copying". Also the number of points."""
    whole = synth.to_gpx(descent_60m())
    half = len(whole) // 2
    return gzip.compress(whole[:half]) + gzip.compress(whole[half:]), len(descent_60m())


def gpx_off_globe() -> bytes:
    """A run with one point at latitude 1000 and one at longitude −5000."""
    text = synth.to_gpx(descent_60m()).decode()
    points = text.split("<trkpt ")
    points[5] = 'lat="1000" ' + points[5].split(" ", 1)[1]
    points[9] = points[9].replace(f'lon="{synth.LON0}"', 'lon="-5000"', 1)
    return "<trkpt ".join(points).encode()


def gpx_dated(day_hour: str, zone: str) -> bytes:
    """A run on ``day_hour`` ("9999-12-31T23") in ``zone`` ("-05:00"): once an OverflowError."""
    text = synth.to_gpx(descent_60m()).decode()
    start = synth.START.strftime("%Y-%m-%dT%H")
    assert text.count(start) == len(descent_60m())
    return text.replace(start, day_hour).replace("Z</time>", f"{zone}</time>").encode()


def fit_records(records: int) -> bytes:
    """A FIT file of ``records`` two-byte records (a cadence each): the most records per byte."""
    body = bytes([0x40, 0, 0, 20, 0, 1, 4, 1, 0x02]) + b"\x00\x55" * records
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(body), b".FIT")
    return header + b"\x00\x00" + body + b"\x00\x00"


def gpx_points(points: int) -> bytes:
    """A GPX of ``points`` bare points: the most points per byte."""
    return f"<gpx><trk><trkseg>{'<trkpt lat="45" lon="7"/>' * points}</trkseg></trk></gpx>".encode()
