"""The same activity twice (an original upload and a re-export) counts once.

Two runs are one when they start within DUPLICATE_START_S of each other and their distances
differ by at most DUPLICATE_DISTANCE_SHARE. The one kept is the device's own file where there
is one (FIT, then TCX, then GPX: the first carry cadence and the device's totals), then the
first by path, so the result does not depend on the order items arrive in.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import replace

from drills.history.model import Item

# An upload and its re-export share the start to the second; a minute allows for an app that
# starts its file at the first GPS fix. Two runs started within a minute are one run.
DUPLICATE_START_S = 60.0
DUPLICATE_DISTANCE_SHARE = 0.05  # GPS and a footpod measure the same run within a few %
FORMAT_PREFERENCE = ("FIT", "TCX", "GPX")


def _start_s(item: Item) -> float:
    return item.started.timestamp() if item.started is not None else float("-inf")


def _distance(item: Item) -> float:
    return item.audit.distance_m if item.audit is not None else 0.0


def _preference(item: Item) -> tuple[int, str, float, float]:
    fmt = item.audit.format if item.audit is not None else ""
    rank = FORMAT_PREFERENCE.index(fmt) if fmt in FORMAT_PREFERENCE else len(FORMAT_PREFERENCE)
    return rank, item.path, _start_s(item), _distance(item)


def _same_distance(a: float, b: float) -> bool:
    return abs(a - b) <= DUPLICATE_DISTANCE_SHARE * max(a, b)


def same_activity(
    start_a_s: float, distance_a_m: float, start_b_s: float, distance_b_m: float
) -> bool:
    """Whether two runs, by their starts (seconds) and distances, are one activity (the rule
    above; the training log keeps a history by it too)."""
    return abs(start_a_s - start_b_s) <= DUPLICATE_START_S and _same_distance(
        distance_a_m, distance_b_m
    )


def mark_duplicates(items: Iterable[Item]) -> tuple[Item, ...]:
    """The items, each run that repeats a kept one marked "duplicate" with the reason."""
    others: list[Item] = []
    runs: list[Item] = []
    for item in items:
        (runs if item.status == "run" and item.started is not None else others).append(item)
    starts: list[float] = []  # the kept runs' starts, in order
    kept: list[Item] = []
    marked: list[Item] = []
    for item in sorted(runs, key=_preference):
        start = _start_s(item)
        low = bisect_left(starts, start - DUPLICATE_START_S)
        high = bisect_right(starts, start + DUPLICATE_START_S)
        twin = next(
            (k for k in kept[low:high] if _same_distance(_distance(k), _distance(item))), None
        )
        if twin is None:
            at = bisect_right(starts, start)
            starts.insert(at, start)
            kept.insert(at, item)
            continue
        reason = (
            f"Counted once: the same activity as {twin.path} (the same start and about the "
            "same distance)."
        )
        marked.append(replace(item, status="duplicate", audit=None, reason=reason))
    return (*others, *kept, *marked)
