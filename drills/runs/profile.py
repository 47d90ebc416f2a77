"""Elevation along the ground, cleaned of the recorder's noise, as the audit measures it.

GPS elevation wanders by metres from one second to the next and a barometer by a few tenths,
so adding up every rise and fall inflates the totals, the more the slower the runner (more
points per metre) and the longer the stops. The method, and why:

0. Before: a start glitch, a settling barometer, a run of points lost high or low and 0 m
   written before the altitude was known are left out (``drills.runs.glitches``).
1. Remove glitches: a point that stands above (or below) both its neighbours by more than
   ``SPIKE_M`` plus the distance to the nearer one (a 100 % grade, which no runner meets) is a
   lost GPS fix and takes its nearer neighbour's elevation. The GPX test track has one of 60 m.
2. Resample every ``STEP_M`` metres along the ground (straight lines between points): the
   totals then depend on the terrain, not on how often the device recorded or how long the
   runner stood still.
3. Hysteresis: a climb or a descent counts only once the elevation has turned by more than
   ``HYSTERESIS_M`` from its last high or low point, and then counts in full from that point.
   Wobbles smaller than that (noise, a kerb) are not counted, real hills lose nothing. Between
   two turning points the profile is made monotonic (running minimum on the way down, maximum
   on the way up), so the descent is exactly the sum of the profile's downward steps and every
   metre of it can be placed in a grade band.
4. Each piece (between pauses and far-apart track segments) is measured on its own: nothing
   is climbed or descended while standing still.

A running median over 50 m before step 3 was tried and dropped: it clips every summit and
valley, and cut the test trail run's descent to 738 m where the watch says 802 m (this method:
801 m; its first running leg 734 m up where the watch says 732 m).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from drills.runs.glitches import SPIKE_M

STEP_M = 10.0  # fine enough for a 50 m pitch, coarse enough that a stop is one sample
# Above a barometer's noise (tenths of a metre) and a kerb; chosen against the watch's own
# totals in the multisport test file, which it matches within 1 % (tests/test_runs_audit.py).
HYSTERESIS_M = 3.0


@dataclass(frozen=True)
class Profile:
    """Samples every STEP_M along the ground, each piece ending on its last point."""

    positions_m: tuple[float, ...]
    elevations_m: tuple[float, ...]  # as recorded, resampled: the shape to draw
    clean_m: tuple[float, ...]  # monotonic between turning points: the shape to measure
    falling: tuple[tuple[int, int], ...]  # (high, low) sample indices of each descent leg
    joins: frozenset[int]  # steps (i to i + 1) from one piece to the next: not measured


def positions(start: float, end: float, step: float = STEP_M) -> list[float]:
    count = int((end - start) // step)
    out = [start + k * step for k in range(count + 1)]
    if end - out[-1] > 1e-9 * max(1.0, abs(end)):
        out.append(end)
    return out


def interpolate(xs: Sequence[float], ys: Sequence[float], at: Sequence[float]) -> list[float]:
    """``ys`` at each of the increasing ``at``, straight between points (``xs`` non-decreasing;
    where several points share one x the last one counts)."""
    out: list[float] = []
    j, last = 0, len(xs) - 1
    for x in at:
        while j < last and xs[j + 1] <= x:
            j += 1
        if j == last or xs[j + 1] == xs[j]:
            out.append(ys[j])
        else:
            share = (x - xs[j]) / (xs[j + 1] - xs[j])
            out.append(ys[j] + (ys[j + 1] - ys[j]) * max(0.0, share))
    return out


def step_lookup(xs: Sequence[float], ys: Sequence[float], at: Sequence[float]) -> list[float]:
    """The value of the last point at or before each of the increasing ``at`` (no blending:
    a cadence of 0 next to 170 means "not recorded", not 85)."""
    out: list[float] = []
    j, last = 0, len(xs) - 1
    for x in at:
        while j < last and xs[j + 1] <= x:
            j += 1
        out.append(ys[j])
    return out


def running_median(values: Sequence[float], points: int) -> list[float]:
    """Centred running median; the window shrinks symmetrically at the ends, so a sequence
    that only rises (or only falls) comes out unchanged."""
    half, n = points // 2, len(values)
    out: list[float] = []
    for i in range(n):
        h = min(half, i, n - 1 - i)
        window = sorted(values[i - h : i + h + 1])
        out.append(window[h])
    return out


def despike(distances: Sequence[float], elevations: Sequence[float]) -> list[float]:
    """Single-point glitches replaced by the nearer neighbour's elevation (see step 1)."""
    out = list(elevations)
    for i in range(1, len(out) - 1):
        before, here, after = out[i - 1], out[i], out[i + 1]
        limit = SPIKE_M + min(distances[i] - distances[i - 1], distances[i + 1] - distances[i])
        if here - max(before, after) > limit:
            out[i] = max(before, after)
        elif min(before, after) - here > limit:
            out[i] = min(before, after)
    return out


def turning_points(values: Sequence[float], threshold: float = HYSTERESIS_M) -> list[int]:
    """Indices of confirmed highs and lows, alternating, with the start first.

    A high is confirmed when the values fall ``threshold`` below it, a low when they rise
    ``threshold`` above it; the last candidate counts at the end of the track.
    """
    turns, direction, best = [0], 0, 0
    for i in range(1, len(values)):
        v = values[i]
        if direction == 0:
            if abs(v - values[0]) >= threshold:
                direction, best = (1 if v > values[0] else -1), i
        elif direction > 0:
            if v > values[best]:
                best = i
            elif v <= values[best] - threshold:
                turns.append(best)
                direction, best = -1, i
        elif v < values[best]:
            best = i
        elif v >= values[best] + threshold:
            turns.append(best)
            direction, best = 1, i
    if direction:
        turns.append(best)
    return turns


def envelope(values: Sequence[float], turns: Sequence[int]) -> list[float]:
    """Monotonic between turning points: the running extreme from each one towards the next,
    which ends exactly on it; flat before the first and after the last."""
    out = [values[0]] * len(values)
    for a, b in itertools.pairwise(turns):
        going_down = values[b] < values[a]
        level = values[a]
        for i in range(a, b + 1):
            v = values[i]
            level = min(level, v) if going_down else max(level, v)
            out[i] = level
    last = turns[-1]
    out[last:] = [values[last]] * (len(values) - last)
    return out


def build_profile(
    distances: Sequence[float], elevations: Sequence[float], breaks: Sequence[int] = ()
) -> Profile:
    """Resample and clean an elevation profile (distances non-decreasing), piece by piece."""
    at: list[float] = []
    resampled: list[float] = []
    clean: list[float] = []
    falling: list[tuple[int, int]] = []
    joins: set[int] = set()
    edges = [0, *sorted(b for b in set(breaks) if 0 < b < len(distances)), len(distances)]
    for first, stop in itertools.pairwise(edges):
        d = distances[first:stop]
        here = positions(d[0], d[-1])
        z = interpolate(d, despike(d, elevations[first:stop]), here)
        turns = turning_points(z)
        offset = len(at)
        if offset:
            joins.add(offset - 1)
        at += here
        resampled += z
        piece = envelope(z, turns)
        clean += piece
        falling += [
            (a + offset, b + offset) for a, b in itertools.pairwise(turns) if piece[b] < piece[a]
        ]
    return Profile(tuple(at), tuple(resampled), tuple(clean), tuple(falling), frozenset(joins))
