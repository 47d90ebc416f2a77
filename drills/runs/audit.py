"""The descent audit: how much downhill a run held, at which grades, how fast and at what cadence.

Grades are positive downhill, as the planner's are. The bands' drops add up to the audit's
``descent_m`` because both come from one cleaned profile (``drills.runs.profile``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from drills.runs.activity import FOOT_SPORTS, Activity
from drills.runs.profile import Profile, build_profile, interpolate, running_median, step_lookup

BAND_EDGES_PCT: tuple[float, ...] = (0.0, 5.0, 10.0, 15.0, 20.0, 30.0)  # the last is open
GRADE_WINDOW_POINTS = 5  # a step's grade is the median of 5 steps' (50 m): one noisy step can't
# put a metre in the wrong band, and a clean slope keeps its exact grade up to its corners.
STEEPEST_WINDOW_M = 50.0  # "steepest grade" means held over this much ground
SUSTAINED_MIN_GRADE_PCT = 3.0  # gentler is running on the flat, whatever the map says
SUSTAINED_MIN_DROP_M = 10.0  # about half a minute of running downhill: less is a dip
SUSTAINED_BREAK_M = 100.0  # a gentler stretch this long ends one descent; shorter ones are kept
MOVING_MIN_SPEED_MS = 0.5  # slower between two points is standing (or GPS drift), not moving
GAP_S, GAP_M = 60.0, 100.0  # no point for a minute while moving 100 m: the recording had a gap
FASTEST_RUN_MS = 6.5  # 23 km/h moving average, above any marathon record pace (~5.9 m/s)
PROFILE_POINTS = 160  # samples kept for the elevation chart
MICROMETRE = 1e-6


@dataclass(frozen=True)
class Band:
    """Downhill running within one grade band (grade_to_pct None: open-ended)."""

    grade_from_pct: float
    grade_to_pct: float | None
    distance_m: float
    descent_m: float
    time_s: float | None  # moving time; None without times
    cadence_spm: float | None  # time-weighted mean steps/min; None without cadence
    cadence_spread_spm: float | None  # time-weighted standard deviation of that cadence


@dataclass(frozen=True)
class Descent:
    """One sustained descent, numbered along the track."""

    number: int
    start_m: float
    end_m: float
    top_m: float  # elevation at its start
    drop_m: float
    length_m: float
    mean_grade_pct: float
    steepest_grade_pct: float  # over STEEPEST_WINDOW_M
    time_s: float | None
    cadence_spm: float | None


@dataclass(frozen=True)
class Audit:
    name: str
    format: str
    sport: str | None
    start_time_s: float | None  # seconds since 1970 (UTC) of the first point, None: a course
    distance_m: float
    ascent_m: float
    descent_m: float
    moving_time_s: float | None  # None when the file has no times (route mode)
    device_ascent_m: float | None
    device_descent_m: float | None
    lowest_m: float
    highest_m: float
    warnings: tuple[str, ...]
    bands: tuple[Band, ...]
    descents: tuple[Descent, ...]
    profile: tuple[tuple[float, float], ...]  # (distance, elevation) downsampled for a chart


def _moving_times(activity: Activity) -> tuple[list[float], list[str]] | None:
    """Cumulative moving time at each point, and warnings about gaps; None without times."""
    times, dist = activity.times_s, activity.distances_m
    if times is None:
        return None
    total, out, gaps = 0.0, [0.0], []
    for k in range(1, len(times)):
        dt, dd = times[k] - times[k - 1], dist[k] - dist[k - 1]
        if dt > 0 and dd >= MOVING_MIN_SPEED_MS * dt:
            total += dt
        if dt > GAP_S and dd > GAP_M:
            gaps.append((dt, dd))
        out.append(total)
    notes = []
    if gaps:
        dt, dd = max(gaps)
        notes.append(
            f"The recording has {len(gaps)} gap{'s' if len(gaps) > 1 else ''} (no point for "
            f"over a minute while moving; the longest {dt / 60:.0f} min over {dd:.0f} m): "
            "the profile is drawn straight across."
        )
    return out, notes


def _sport_warnings(activity: Activity, moving: float | None) -> list[str]:
    sport = activity.sport
    notes = []
    if sport in FOOT_SPORTS and sport != "running":
        notes.append(
            f"This is not a run: the file says {sport}. Its descents are audited all the "
            "same, but its times and cadences are a walker's."
        )
    elif sport is not None and sport != "running":
        notes.append(
            f"This is not a run: the file says {sport}. Its descents are audited all the "
            "same, but its times are not a runner's."
        )
    if moving and sport in (None, "running"):
        speed = (activity.distances_m[-1] - activity.distances_m[0]) / moving  # its own span
        if speed > FASTEST_RUN_MS:
            notes.append(
                f"It moved at {speed * 3.6:.0f} km/h on average, faster than any runner: it may "
                "be a ride or a drive."
            )
    return notes


def _change(before: float, after: float) -> float:
    """How far ``after`` lies below ``before``; float noise (a micrometre) is no change."""
    drop = before - after
    return drop if drop > MICROMETRE else 0.0


def _step_grades(p: Profile, lengths: Sequence[float], drops: Sequence[float]) -> list[float]:
    """Each step's grade in % (positive down), labelled robustly: the median of the steps'
    grades around it, rounded so a clean 10 % does not fall to 9.999… % and the 5–10 band."""
    raw = [
        (p.clean_m[i] - p.clean_m[i + 1]) / length * 100.0 if length > 0 else 0.0
        for i, length in enumerate(lengths)
    ]
    return [round(g, 6) for g in running_median(raw, GRADE_WINDOW_POINTS)]


def _band_index(grade: float) -> int:
    for k in range(len(BAND_EDGES_PCT) - 1, -1, -1):
        if grade >= BAND_EDGES_PCT[k]:
            return k
    return 0


def _weighted(values: Sequence[float], weights: Sequence[float]) -> tuple[float, float] | None:
    """Weighted mean and standard deviation of the values above 0 (0: no cadence recorded)."""
    pairs = [(v, w) for v, w in zip(values, weights, strict=True) if v > 0 and w > 0]
    total = sum(w for _, w in pairs)
    if total <= 0:
        return None
    mean = sum(v * w for v, w in pairs) / total
    spread = math.sqrt(sum(w * (v - mean) ** 2 for v, w in pairs) / total)
    return mean, spread


@dataclass(frozen=True)
class _Steps:
    lengths: list[float]
    drops: list[float]
    grades: list[float]
    times: list[float] | None
    cadences: list[float] | None


def _steps(activity: Activity, p: Profile, moving: list[float] | None) -> _Steps:
    at, clean = p.positions_m, p.clean_m
    lengths = [0.0 if i in p.joins else at[i + 1] - at[i] for i in range(len(at) - 1)]
    drops = [_change(clean[i], clean[i + 1]) if lengths[i] else 0.0 for i in range(len(lengths))]
    times = None
    if moving is not None:
        clock = interpolate(activity.distances_m, moving, at)
        times = [clock[i + 1] - clock[i] for i in range(len(at) - 1)]
    cadences = None
    if activity.cadences_spm is not None:
        middles = [(at[i] + at[i + 1]) / 2 for i in range(len(at) - 1)]
        cadences = step_lookup(activity.distances_m, activity.cadences_spm, middles)
    return _Steps(lengths, drops, _step_grades(p, lengths, drops), times, cadences)


def _bands(s: _Steps) -> tuple[Band, ...]:
    count = len(BAND_EDGES_PCT)
    members: list[list[int]] = [[] for _ in range(count)]
    for i, drop in enumerate(s.drops):
        if drop > 0:
            members[_band_index(s.grades[i])].append(i)
    bands = []
    for k, steps in enumerate(members):
        time = None if s.times is None else math.fsum(s.times[i] for i in steps)
        cadence = None
        if s.cadences is not None and s.times is not None:
            cadence = _weighted([s.cadences[i] for i in steps], [s.times[i] for i in steps])
        elif s.cadences is not None:
            cadence = _weighted([s.cadences[i] for i in steps], [s.lengths[i] for i in steps])
        bands.append(
            Band(
                grade_from_pct=BAND_EDGES_PCT[k],
                grade_to_pct=BAND_EDGES_PCT[k + 1] if k + 1 < count else None,
                distance_m=math.fsum(s.lengths[i] for i in steps),
                descent_m=math.fsum(s.drops[i] for i in steps),
                time_s=time,
                cadence_spm=None if cadence is None else cadence[0],
                cadence_spread_spm=None if cadence is None else cadence[1],
            )
        )
    return tuple(bands)


def _runs(s: _Steps, first: int, last: int) -> list[tuple[int, int]]:
    """Stretches of steps [a, b) within one descent leg at the sustained grade or steeper,
    joined across gentler stretches shorter than SUSTAINED_BREAK_M."""
    runs: list[tuple[int, int]] = []
    start, end, gentle = -1, 0, 0.0
    for i in range(first, last):
        steep = s.grades[i] >= SUSTAINED_MIN_GRADE_PCT and s.drops[i] > 0
        if steep:
            if start < 0:
                start = i
            elif gentle >= SUSTAINED_BREAK_M:
                runs.append((start, end))
                start = i
            end, gentle = i + 1, 0.0
        elif start >= 0:
            gentle += s.lengths[i]
    if start >= 0:
        runs.append((start, end))
    return runs


def _descents(p: Profile, s: _Steps) -> tuple[Descent, ...]:
    at, clean = p.positions_m, p.clean_m
    found: list[Descent] = []
    for high, low in p.falling:
        for a, b in _runs(s, high, low):
            drop, length = clean[a] - clean[b], at[b] - at[a]
            if drop < SUSTAINED_MIN_DROP_M or length < STEEPEST_WINDOW_M:
                continue
            steepest = drop / length
            k = a
            for j in range(a, b + 1):  # the 50 m window ending at j, start k trailing behind
                while at[j] - at[k + 1] >= STEEPEST_WINDOW_M:
                    k += 1
                if at[j] - at[k] >= STEEPEST_WINDOW_M:
                    steepest = max(steepest, (clean[k] - clean[j]) / (at[j] - at[k]))
            time = None if s.times is None else sum(s.times[a:b])
            cadence = None
            if s.cadences is not None:
                weights = s.times[a:b] if s.times is not None else s.lengths[a:b]
                mean = _weighted(s.cadences[a:b], weights)
                cadence = None if mean is None else mean[0]
            found.append(
                Descent(
                    number=len(found) + 1,
                    start_m=at[a],
                    end_m=at[b],
                    top_m=clean[a],
                    drop_m=drop,
                    length_m=length,
                    mean_grade_pct=drop / length * 100.0,
                    steepest_grade_pct=steepest * 100.0,
                    time_s=time,
                    cadence_spm=cadence,
                )
            )
    return tuple(found)


def _downsample(p: Profile) -> tuple[tuple[float, float], ...]:
    n = len(p.positions_m)
    if n <= PROFILE_POINTS:
        picks = list(range(n))
    else:
        picks = sorted({round(k * (n - 1) / (PROFILE_POINTS - 1)) for k in range(PROFILE_POINTS)})
    return tuple((round(p.positions_m[i], 1), round(p.elevations_m[i], 1)) for i in picks)


def audit(activity: Activity) -> Audit:
    """The descent audit of one activity or course."""
    p = build_profile(activity.distances_m, activity.elevations_m, activity.breaks)
    moving = _moving_times(activity)
    steps = _steps(activity, p, None if moving is None else moving[0])
    moving_s = None if moving is None else moving[0][-1]
    notes = [
        *activity.warnings,
        *(moving[1] if moving else []),
        *_sport_warnings(activity, moving_s),
    ]
    clean = p.clean_m
    return Audit(
        name=activity.name,
        format=activity.format,
        sport=activity.sport,
        start_time_s=None if activity.times_s is None else activity.times_s[0],
        distance_m=activity.distances_m[-1] - activity.distances_m[0],
        ascent_m=sum(
            _change(clean[i + 1], clean[i]) if steps.lengths[i] else 0.0
            for i in range(len(steps.lengths))
        ),
        descent_m=sum(steps.drops),
        moving_time_s=moving_s,
        device_ascent_m=activity.device_ascent_m,
        device_descent_m=activity.device_descent_m,
        lowest_m=min(p.elevations_m),
        highest_m=max(p.elevations_m),
        warnings=tuple(notes),
        bands=_bands(steps),
        descents=_descents(p, steps),
        profile=_downsample(p),
    )
