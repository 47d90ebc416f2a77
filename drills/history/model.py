"""What a history is made of: one item per activity file, the weeks they add up to.

Frozen dataclasses only; ``drills.history.combine`` builds a History from items, and
``drills.history.read`` reads items from an archive.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from drills.runs import Audit

# "run": counted; "skipped": another sport or a route; "duplicate": the same activity as a
# counted one; "unreadable": damaged, too big, or not an activity at all.
Status = Literal["run", "skipped", "duplicate", "unreadable"]


@dataclass(frozen=True)
class ActivityRow:
    """One line of Strava's activities.csv, as far as the history needs it."""

    activity_id: str
    started: datetime | None  # UTC; None when the date is in a format we do not read
    title: str  # the runner's name for it, e.g. "Morning Run"
    sport: str | None  # in the files' words (drills.history.sports); None: type unknown
    path: str  # the activity file inside the archive, e.g. "activities/123.fit.gz"


@dataclass(frozen=True)
class Item:
    """One activity file of the archive: its audit when it counts, else the reason it does not.

    The audit keeps no elevation profile (``profile`` is empty): a history holds summaries,
    never tracks.
    """

    path: str  # inside the archive, shown as text
    started: datetime | None  # UTC
    sport: str | None
    status: Status
    audit: Audit | None = None
    reason: str | None = None
    title: str | None = None  # the activity's name in Strava's activities.csv

    def __post_init__(self) -> None:
        run = self.status == "run"
        if (self.audit is not None) != run or (self.reason is None) != run:
            raise ValueError("A counted run has an audit and no reason; any other item a reason.")


@dataclass(frozen=True)
class WeekBand:
    """One grade band's downhill running in a week, summed over its runs."""

    grade_from_pct: float
    grade_to_pct: float | None  # None: open-ended
    descent_m: float
    distance_m: float
    time_s: float  # moving time
    steady_time_s: float  # of it, in runs whose cadence held steady there (or had none)


@dataclass(frozen=True)
class Week:
    start: date  # a Monday (UTC dates)
    runs: int
    distance_m: float
    descent_m: float
    moving_time_s: float
    bands: tuple[WeekBand, ...]
    steepest_steady_pct: float | None  # see drills.history.weeks.STEADY_RULE


@dataclass(frozen=True)
class History:
    items: tuple[Item, ...]  # in time order; items without a time last
    weeks: tuple[Week, ...]  # Monday-start, contiguous, from the first run's week to the last's

    @property
    def runs(self) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.status == "run")
