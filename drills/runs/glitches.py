"""What in a recorded elevation is not terrain, found before anything is measured.

A step between two points that rises or falls more than ``SPIKE_M`` beyond the ground covered
between them (steeper than 100 %) is no runner's. Such steps cut each piece of the track into
runs of points that agree with each other, and three kinds of run are glitches, whose
elevations are left out (the profile is drawn straight across them):

- the points before a piece's first run longer than ``GLITCH_POINTS``, if there are at most
  ``GLITCH_POINTS`` of them: a start glitch, or a barometer settling in the first seconds after
  the watch is switched on (a piece's end is left as it is: there the GPX test track's last
  point is right and the one before it a spike);
- a run of at most ``GLITCH_POINTS`` points standing more than ``SPIKE_M`` above (or below) the
  points on both sides of it: a lost GPS fix;
- a run of points all at exactly 0 m: an altitude written before it was known. Zero is an
  elevation like any other where the points around it agree with it (a run on a beach).

Every other steep step is counted as it is: GPS elevation on a switchback climbs in bursts,
steeper between two points than the terrain is between them, and leaving those steps out lost
real climbing (the GPX test track: 35 m in one step).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

SPIKE_M = 2.0  # beyond the ground covered between two points: steeper than 100 %, no runner's
# The three high points at the start of a FIT, a barometer settling over a few seconds at one
# point a second, a GPS fix lost for a few points: a longer run is the terrain.
GLITCH_POINTS = 10


def impossible(d0: float, e0: float, d1: float, e1: float) -> bool:
    """Whether going from (d0, e0) to (d1, e1) climbs or drops more than any runner could."""
    return abs(e1 - e0) > SPIKE_M + abs(d1 - d0)


def _runs(
    distances: Sequence[float], elevations: Sequence[float], first: int, stop: int
) -> list[tuple[int, int]]:
    """The runs [a, b) of one piece, cut where a step is impossible."""
    cuts = [
        i
        for i in range(first + 1, stop)
        if impossible(distances[i - 1], elevations[i - 1], distances[i], elevations[i])
    ]
    return list(itertools.pairwise([first, *cuts, stop]))


def _start(runs: list[tuple[int, int]]) -> range:
    """The points before a piece's first long run, where they are few enough."""
    first_long = next((a for a, b in runs if b - a > GLITCH_POINTS), None)
    if first_long is None or first_long - runs[0][0] > GLITCH_POINTS:
        return range(0)  # nothing agrees for long, or a long start: nothing to tell it by
    return range(runs[0][0], first_long)


def _stands_off(elevations: Sequence[float], before: float, a: int, b: int) -> bool:
    """Whether run [a, b) lies wholly above, or wholly below, the points either side of it
    (``before``: the last one kept)."""
    after, run = elevations[b], elevations[a:b]
    return min(run) > max(before, after) + SPIKE_M or max(run) < min(before, after) - SPIKE_M


def find_glitches(
    distances: Sequence[float], elevations: Sequence[float], pieces: Sequence[int] = ()
) -> frozenset[int]:
    """The positions of the points whose elevation is a glitch; ``pieces`` are the positions
    where a new piece begins (a far-apart segment), across which no step is judged."""
    n = len(elevations)
    edges = sorted({0, n, *(p for p in pieces if 0 < p < n)})
    dropped: set[int] = set()
    for first, stop in itertools.pairwise(edges):
        runs = _runs(distances, elevations, first, stop)
        if len(runs) == 1:
            continue
        start = _start(runs)
        dropped.update(start)
        before: float | None = None  # the elevation of the last point kept
        for a, b in runs:
            zeros = all(elevations[k] == 0.0 for k in range(a, b))
            spike = (
                before is not None
                and b < stop
                and b - a <= GLITCH_POINTS
                and _stands_off(elevations, before, a, b)
            )
            if zeros or spike:
                dropped.update(range(a, b))
            elif a not in start:
                before = elevations[b - 1]
    return frozenset(dropped) if n - len(dropped) >= 2 else frozenset()
