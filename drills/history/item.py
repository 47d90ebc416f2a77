"""One member of an archive becomes one item: its audit if it is a run, else why not.

``read_item`` is a pure function of the member's bytes, its path and its activities.csv row,
so a page can read members in several workers and merge what they return.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection
from dataclasses import replace
from datetime import UTC, datetime

from drills.errors import InputError
from drills.history.model import ActivityRow, Item
from drills.history.sports import DEFAULT_SPORTS, skip_reason
from drills.runs import Activity, audit, read_activity
from drills.runs.audit import FASTEST_RUN_MS

ROUTE_REASON = "Skipped: this is a route or a course, with no times, so it was planned, not run."


def _started(activity: Activity, row: ActivityRow | None) -> datetime | None:
    if activity.times_s is not None:
        return datetime.fromtimestamp(activity.times_s[0], UTC)
    return None if row is None else row.started


def _too_fast(distance_m: float, moving_s: float | None) -> str | None:
    if not moving_s or distance_m / moving_s <= FASTEST_RUN_MS:
        return None
    return (
        f"Skipped: it moved at {distance_m / moving_s * 3.6:.0f} km/h on average, faster than "
        "any runner, and the file does not name its sport: a ride or a drive, most likely."
    )


def read_item(
    data: bytes | InputError,
    path: str,
    row: ActivityRow | None,
    sports: Collection[str] = DEFAULT_SPORTS,
) -> Item:
    """The item for one activity file (``data``: its bytes, or why they could not be read).

    A sport named by activities.csv wins over the file's own (the runner may have corrected
    it on Strava); a file that names none counts as a run unless it moved faster than any
    runner. A file of another sport is not audited.
    """
    title = None if row is None else row.title
    sport = None if row is None else row.sport
    when = None if row is None else row.started
    reason = skip_reason(sport, sports)
    if reason is not None:  # no need to read a ride to skip it
        return Item(path, when, sport, "skipped", reason=reason, title=title)
    try:
        if isinstance(data, InputError):
            raise data
        activity = read_activity(data, posixpath.basename(path))
        sport, when = sport or activity.sport, _started(activity, row)
        reason = ROUTE_REASON if activity.times_s is None else skip_reason(sport, sports)
        if reason is not None:
            return Item(path, when, sport, "skipped", reason=reason, title=title)
        result = audit(activity)
    except InputError as error:
        return Item(path, when, sport, "unreadable", reason=str(error), title=title)
    except Exception as error:  # a reader's bug on one odd file must not stop thousands
        reason = f"This file could not be read: the reader failed on it ({type(error).__name__})."
        return Item(path, when, sport, "unreadable", reason=reason, title=title)
    if sport is None and (reason := _too_fast(result.distance_m, result.moving_time_s)):
        return Item(path, when, sport, "skipped", reason=reason, title=title)
    return Item(path, when, sport, "run", audit=replace(result, profile=()), title=title)
