"""One recorded activity or course, as the audit needs it: a profile along the ground.

The readers (GPX, TCX, FIT) hand their points to ``build_activity``, which turns them into
columns (cumulative distance, elevation, time, cadence in steps per minute) and says in plain
sentences what it had to leave out or assume.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from drills.errors import InputError
from drills.runs.clock import forward, newest_first
from drills.runs.glitches import SPIKE_M, find_glitches

EARTH_RADIUS_M = 6_371_008.8  # mean Earth radius (IUGG); the choice moves distances by < 0.2 %
FOOT_SPORTS = frozenset({"running", "walking", "hiking", "mountaineering", "trail_running"})
# A runner's stride rate (one stride = two steps) stays far below this; sprinters reach ~130
# strides/min, so a track whose typical value is this high already counts steps.
STEPS_NOT_STRIDES_ABOVE = 120.0
# Longer than any run in one file (a 24-hour race is under 300 km): a track this long comes
# from a damaged distance or position, and would take the audit minutes at a sample per 10 m.
MAX_TRACK_M = 1_000_000.0
# The most points (or FIT records) the audit reads from one file: two days at one a second.
# A day-long race recorded every second is 86,400; the bound keeps a small file that claims
# millions of points from exhausting the browser's memory.
MAX_POINTS = 200_000
# Below the Dead Sea shore or above Everest: a glitch, treated as a point without elevation.
ELEVATION_RANGE_M = (-500.0, 9000.0)
# Times a watch can have recorded: GPS began in 1980, and a run dated past 2100 is a damaged
# (or forged) clock; outside them a point is read without its time.
RECORDED_YEARS = (1980, 2100)
_RECORDED_S = (
    datetime(RECORDED_YEARS[0], 1, 1, tzinfo=UTC).timestamp(),
    datetime(RECORDED_YEARS[1] + 1, 1, 1, tzinfo=UTC).timestamp(),
)
BRIDGE_MAX_M = 200.0  # a new segment within this of the last point continues it (a GPS dropout)
# Standing still this long (or an auto-pause) splits the profile: a barometer drifts with the
# weather, and the ELEMNT test ride gains 46 m and loses 29 m across its stops. Under 5 m in
# 20 s is 0.25 m/s: slower than a hiker on the steepest climbs, faster than GPS drift.
PAUSE_S, PAUSE_MOVE_M = 20.0, 5.0


@dataclass(frozen=True)
class Activity:
    """The points that carry an elevation, as columns of equal length.

    ``distances_m`` is cumulative along the ground from 0 at the first point (a multisport
    file's run leg too) and never decreases. ``times_s`` (seconds
    since 1970, UTC) is None for a course without times; ``cadences_spm`` is None when the file
    has no cadence, and 0.0 marks a point without one. ``breaks`` are the indices where a new
    piece starts: no climb or descent is counted from the point before (a pause, during which
    a barometer drifts with the weather, or a track segment far from the last).
    """

    name: str
    format: str  # "GPX", "TCX" or "FIT"
    sport: str | None  # lower-case, e.g. "running", "cycling"; None when the file does not say
    distances_m: tuple[float, ...]
    elevations_m: tuple[float, ...]
    times_s: tuple[float, ...] | None
    cadences_spm: tuple[float, ...] | None
    breaks: tuple[int, ...] = ()
    device_ascent_m: float | None = None  # the device's own session totals (FIT)
    device_descent_m: float | None = None
    warnings: tuple[str, ...] = ()


@dataclass
class RawPoints:
    """What a reader collected, point by point; None where a point lacks a value.

    ``segments`` are the indices where a track segment (GPX <trkseg>, a FIT session) begins
    after another; ``build_activity`` bridges the gap in a straight line when it is short.
    """

    lats: list[float | None]
    lons: list[float | None]
    distances: list[float | None]
    elevations: list[float | None]
    times: list[float | None]
    cadences: list[float | None]  # as recorded: strides or steps per minute, see build_activity
    segments: list[int]

    @classmethod
    def empty(cls) -> RawPoints:
        return cls([], [], [], [], [], [], [])

    def __len__(self) -> int:
        return len(self.elevations)


def _reversed(raw: RawPoints) -> RawPoints:
    """The same points the other way round: a segment that began at i now ends before n - i,
    and a recorded distance is counted from the other end."""
    n = len(raw)
    total = max((d for d in raw.distances if d is not None), default=0.0)
    return RawPoints(
        lats=raw.lats[::-1],
        lons=raw.lons[::-1],
        distances=[None if d is None else total - d for d in raw.distances[::-1]],
        elevations=raw.elevations[::-1],
        times=raw.times[::-1],
        cadences=raw.cadences[::-1],
        segments=sorted(n - i for i in raw.segments),
    )


def too_many_points(fmt: str) -> InputError:
    """What a reader raises on finding point MAX_POINTS + 1, before reading further."""
    return InputError(
        "file",
        f"This {fmt} file holds more than {MAX_POINTS:,} points, more than the audit reads "
        "(two days at one a second): export a single run.",
    )


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def _without_impossible(raw: RawPoints) -> list[str]:
    """Positions off the globe and times no watch recorded, taken out of ``raw`` (the point
    stays, without them); a sentence for each kind found."""
    notes = []
    off = 0
    for i, (lat, lon) in enumerate(zip(raw.lats, raw.lons, strict=True)):
        if (lat is not None and not -90.0 <= lat <= 90.0) or (
            lon is not None and not -180.0 <= lon <= 180.0
        ):
            raw.lats[i] = raw.lons[i] = None
            off += 1
    if off:
        notes.append(
            f"{_plural(off, 'point')} lie off the globe (latitude beyond ±90° or longitude "
            "beyond ±180°): they are read without a position."
        )
    low, high = _RECORDED_S
    wrong = 0
    for i, t in enumerate(raw.times):
        if t is not None and not low <= t < high:
            raw.times[i] = None
            wrong += 1
    if wrong:
        notes.append(
            f"{_plural(wrong, 'point')} carry times outside {RECORDED_YEARS[0]}–"
            f"{RECORDED_YEARS[1]}, which no watch recorded: they are read without them."
        )
    return notes


def _far_segments(raw: RawPoints) -> set[int]:
    """Segment starts too far from the point before to bridge (or with no way to tell)."""
    far = set()
    for i in raw.segments:
        if not 0 < i < len(raw):
            continue
        lat0, lon0, lat1, lon1 = raw.lats[i - 1], raw.lons[i - 1], raw.lats[i], raw.lons[i]
        d0, d1 = raw.distances[i - 1], raw.distances[i]
        if lat0 is not None and lon0 is not None and lat1 is not None and lon1 is not None:
            gap = haversine_m(lat0, lon0, lat1, lon1)
        elif d0 is not None and d1 is not None:
            gap = abs(d1 - d0)
        else:
            gap = math.inf
        if gap > BRIDGE_MAX_M:
            far.add(i)
    return far


def _distances_from_positions(raw: RawPoints, far: set[int]) -> list[float] | None:
    """Cumulative distance from latitude and longitude; None when no point has a position."""
    out: list[float] = []
    total = 0.0
    last: tuple[float, float] | None = None
    for i, (lat, lon) in enumerate(zip(raw.lats, raw.lons, strict=True)):
        if i in far:
            last = None
        if lat is not None and lon is not None:
            if last is not None:
                total += haversine_m(last[0], last[1], lat, lon)
            last = (lat, lon)
        out.append(total)
    return out if any(lat is not None for lat in raw.lats) else None


def _recorded_distances(raw: RawPoints, far: set[int]) -> list[float] | None:
    """The device's own cumulative distance, made monotonic; None unless nearly every point has
    one. Across a far segment, or where it falls back (a session restarting at zero), it
    continues from the last value."""
    known = sum(d is not None for d in raw.distances)
    if known == 0 or known < 0.95 * len(raw.distances):
        return None
    out: list[float] = []
    offset, last_raw, last = 0.0, 0.0, 0.0
    for i, d in enumerate(raw.distances):
        if d is not None:
            if d < last_raw - 1.0 or (i in far and out):
                offset = last - d
            last_raw = d
            last = max(last, d + offset)
        out.append(last)
    return out


def _without_stops(
    keep: list[int], times: Sequence[float] | None, dist: Sequence[float]
) -> tuple[list[int], list[int]]:
    """``keep`` less the middle of every stop, and the positions (in the result) where the
    runner moves off again after one.

    A stop is PAUSE_S or more during which the runner covers less than PAUSE_MOVE_M (an
    auto-pause, a gap in the recording, or standing still at one point a second). Its first
    point ends one piece and its last begins the next, so whatever the barometer drifted in
    between is neither climbed nor descended.
    """
    if times is None:
        return keep, []
    out: list[int] = []
    starts: list[int] = []
    i, m, n = 0, 0, len(keep)
    while i < n:
        # The last point within PAUSE_MOVE_M of point i: never behind the last one found, as
        # distances never fall, so the scan is linear (rescanning made standing still quadratic).
        m = max(m, i)
        while m + 1 < n and dist[keep[m + 1]] - dist[keep[i]] < PAUSE_MOVE_M:
            m += 1
        out.append(keep[i])
        if m > i and times[keep[m]] - times[keep[i]] >= PAUSE_S:
            starts.append(len(out))
            out.append(keep[m])
            i = m + 1
        else:
            i += 1
    return out, starts


def _cadence_factor(values: Sequence[float], sport: str | None, strides: bool) -> float:
    """2 when the recorded numbers are strides per minute, else 1.

    FIT always records a foot sport's cadence in strides; GPX and TCX apps mostly follow
    Garmin (strides) but some write steps, which their size gives away.
    """
    if strides:
        return 2.0
    nonzero = sorted(v for v in values if v > 0)
    if nonzero and nonzero[len(nonzero) // 2] >= STEPS_NOT_STRIDES_ABOVE:
        return 1.0
    return 2.0


def build_activity(
    raw: RawPoints,
    name: str,
    fmt: str,
    sport: str | None,
    *,
    cadence_in_strides: bool = False,
    bridge_segments: bool = True,
    device_totals: tuple[float | None, float | None] = (None, None),
    warnings: Sequence[str] = (),
) -> Activity:
    """Columns of the points that have an elevation, or InputError saying what is missing.

    ``bridge_segments`` False: every segment is a piece of its own (FIT sessions: a watch may
    recalibrate its altitude between two, as the multisport test file does by 81 m).
    """
    if len(raw) == 0:
        raise InputError("file", f"This {fmt} file holds no track points.")
    notes = [*warnings, *_without_impossible(raw)]
    if newest_first(raw.times):
        raw = _reversed(raw)
        notes.append("Its points are listed newest first: they are read in time order.")
    far = _far_segments(raw) if bridge_segments else {i for i in raw.segments if 0 < i < len(raw)}
    distances = _recorded_distances(raw, far) or _distances_from_positions(raw, far)
    if distances is None:
        raise InputError(
            "file",
            f"This {fmt} file's points have neither positions nor distances, so the audit "
            "cannot tell how far apart they are.",
        )
    if distances[-1] > MAX_TRACK_M:
        raise InputError(
            "file",
            f"This {fmt} file's track is {distances[-1] / 1000:,.0f} km long, more than the "
            f"{MAX_TRACK_M / 1000:,.0f} km the audit reads: its distances or positions are "
            "damaged.",
        )
    low, high = ELEVATION_RANGE_M
    keep = [i for i, e in enumerate(raw.elevations) if e is not None and low <= e <= high]
    if not keep or all(raw.elevations[i] == 0.0 for i in keep):
        raise InputError(
            "file",
            f"This {fmt} file has no elevation: its points carry no altitude"
            + (" (every one is 0 m)" if keep else "")
            + ", so there are no descents to audit. Export it again with elevation, or "
            "use a device with a barometer.",
        )
    if len(keep) < 2:
        raise InputError(
            "file", f"This {fmt} file has only one point with an elevation: no profile to audit."
        )
    if len(keep) < 0.5 * len(raw):
        notes.append(
            f"Only {len(keep)} of the {len(raw)} points carry an elevation; the profile is "
            "drawn straight between them."
        )
    starts = sorted(far)  # a far segment's start, or the first kept point after it
    keep = _without_glitches(raw, keep, distances, starts, notes)
    times = _times(raw.times, keep, notes)
    if times is not None:
        clock = dict(zip(keep, times, strict=True))
        keep, stops = _without_stops(keep, [clock.get(i, 0.0) for i in range(len(raw))], distances)
        times = tuple(clock[i] for i in keep)
    else:
        stops = []
    dist = tuple(distances[i] - distances[keep[0]] for i in keep)  # a multisport leg's from 0
    elev = tuple(float(raw.elevations[i] or 0.0) for i in keep)
    cad_values = [c for c in (raw.cadences[i] for i in keep) if c is not None]
    cadences: tuple[float, ...] | None = None
    if cad_values and any(c > 0 for c in cad_values):
        if sport is None or sport in FOOT_SPORTS:
            factor = _cadence_factor(cad_values, sport, cadence_in_strides)
            cadences = tuple((raw.cadences[i] or 0.0) * factor for i in keep)
        else:
            notes.append(f"Its cadence is left out: in {sport} it does not count steps.")
    if dist[-1] <= dist[0]:
        raise InputError("file", f"This {fmt} file's points never move: its track is 0 m long.")
    breaks = tuple(sorted({*_pieces(keep, starts), *stops}))
    return Activity(
        name=name,
        format=fmt,
        sport=sport,
        distances_m=dist,
        elevations_m=elev,
        times_s=times,
        cadences_spm=cadences,
        breaks=breaks,
        device_ascent_m=device_totals[0],
        device_descent_m=device_totals[1],
        warnings=tuple(notes),
    )


def _pieces(keep: Sequence[int], starts: Sequence[int]) -> list[int]:
    """The positions in ``keep`` that begin a new piece: the first kept point at or after each
    of the (sorted, raw) ``starts``."""
    return [
        j
        for j in range(1, len(keep))
        if bisect_right(starts, keep[j]) > bisect_right(starts, keep[j - 1])
    ]


def _without_glitches(
    raw: RawPoints,
    keep: list[int],
    distances: Sequence[float],
    starts: Sequence[int],
    notes: list[str],
) -> list[int]:
    """``keep`` less the points whose elevation is a glitch (see drills.runs.glitches), and a
    sentence saying how many, if any."""
    elevations = [float(raw.elevations[i] or 0.0) for i in keep]
    dropped = find_glitches([distances[i] for i in keep], elevations, _pieces(keep, starts))
    if dropped:
        many = len(dropped) > 1
        notes.append(
            f"{len(dropped):,} point{'s’ elevations are' if many else '’s elevation is'} "
            f"not terrain (cut off from the rest by steps of more than {SPIKE_M:g} m beyond the "
            "ground covered: a start glitch, a barometer settling, a lost fix, or 0 m written "
            "before the altitude was known): the profile is drawn across them."
        )
    return [i for j, i in enumerate(keep) if j not in dropped]


def _times(
    values: list[float | None], keep: list[int], notes: list[str]
) -> tuple[float, ...] | None:
    """The kept points' times (see drills.runs.clock), or None unless nearly all have one."""
    out = [values[i] for i in keep]
    if sum(v is not None for v in out) < max(1, 0.95 * len(out)):
        return None
    clocked = forward(out)
    if clocked is None:
        return None
    times, back, most = clocked
    if back:
        notes.append(
            f"{_plural(back, 'point')} {'are' if back > 1 else 'is'} stamped earlier than one "
            f"before {'them' if back > 1 else 'it'} (by up to {most:.0f} s): time is taken "
            "never to run backwards."
        )
    return tuple(times)
