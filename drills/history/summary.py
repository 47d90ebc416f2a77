"""What a planner needs from a history: recent weekly descent, the steepest grade run
regularly, and the longest continuous descent, with a sentence for each."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from drills.history.model import History, Week
from drills.history.weeks import STEADY_RULE, monday
from drills.runs import Descent
from drills.words import in_words, long_date

RECENT_WEEKS = (4, 12)  # the weekly descent's two averages: this month, this season
# A grade is run "regularly" when it is a week's steepest steady grade (or gentler than it) in
# at least REGULAR_MIN_WEEKS of the last REGULAR_WINDOW_WEEKS: half the weeks, so one big day
# out does not set a plan's starting grade.
REGULAR_WINDOW_WEEKS = 6
REGULAR_MIN_WEEKS = 3


@dataclass(frozen=True)
class LongestDescent:
    descent: Descent
    path: str  # the run it was in
    started: datetime | None


@dataclass(frozen=True)
class RecentDescent:
    window_weeks: int  # one of RECENT_WEEKS
    weeks: int  # how many of them the history covers (it may begin later)
    mean_m: float  # mean descent per week over those


@dataclass(frozen=True)
class Summary:
    through: date | None  # the Monday of the last week considered; None: no runs
    recent: tuple[RecentDescent | None, ...]  # one per RECENT_WEEKS; None: not covered
    steepest_regular_pct: float | None
    longest: LongestDescent | None
    sentences: tuple[str, ...]


def recent_weeks(history: History, through: date, count: int) -> list[Week | None]:
    """The ``count`` weeks ending with ``through``: None for a week after the history's last
    (no runs), and weeks before its first left out (the archive does not say)."""
    by_start = {week.start: week for week in history.weeks}
    first = history.weeks[0].start
    starts = [through - timedelta(weeks=k) for k in range(count)]
    return [by_start.get(s) for s in starts if s >= first]


def _recent(history: History, through: date, count: int) -> RecentDescent | None:
    weeks = recent_weeks(history, through, count)
    if not weeks:
        return None
    total = math.fsum(w.descent_m for w in weeks if w is not None)
    return RecentDescent(count, len(weeks), total / len(weeks))


def _steepest_regular(history: History, through: date) -> float | None:
    window = recent_weeks(history, through, REGULAR_WINDOW_WEEKS)
    grades = sorted(
        (w.steepest_steady_pct for w in window if w and w.steepest_steady_pct is not None),
        reverse=True,
    )
    return grades[REGULAR_MIN_WEEKS - 1] if len(grades) >= REGULAR_MIN_WEEKS else None


def _longest(history: History) -> LongestDescent | None:
    found = [
        LongestDescent(d, item.path, item.started)
        for item in history.runs
        if item.audit is not None
        for d in item.audit.descents
    ]
    return max(found, key=lambda f: (f.descent.length_m, f.descent.drop_m), default=None)


def _weeks(n: int) -> str:
    return f"{in_words(n)} week{'s' if n != 1 else ''}"


def _sentences(
    recent: tuple[RecentDescent | None, ...], grade: float | None, longest: LongestDescent | None
) -> tuple[str, ...]:
    covered = {r.weeks: r for r in recent if r is not None}  # a short history: one sentence
    said = [
        f"Over the last {_weeks(r.weeks)} you descended {r.mean_m:,.0f} m a week on average."
        for r in covered.values()
    ]
    regular = (
        f"{STEADY_RULE}, in {in_words(REGULAR_MIN_WEEKS)} or more of the last "
        f"{_weeks(REGULAR_WINDOW_WEEKS)}"
    )
    if grade is None:
        said.append(f"No grade counts as regular yet: that takes {regular}.")
    else:
        said.append(f"Your steepest regular grade is {grade:g} % ({regular}).")
    if longest is not None:
        d = longest.descent
        when = f" on {long_date(longest.started.date())}" if longest.started else ""
        said.append(
            f"Your longest continuous descent{when}: {d.length_m:,.0f} m long, {d.drop_m:,.0f} m "
            f"down, {d.mean_grade_pct:.0f} % on average."
        )
    return tuple(said)


def summary(history: History, today: date | None = None) -> Summary:
    """The history's figures up to the week holding ``today`` (weeks after the last run count
    as weeks without descent), or up to its last run's week when ``today`` is None."""
    if not history.weeks:
        return Summary(None, tuple(None for _ in RECENT_WEEKS), None, None, ())
    through = history.weeks[-1].start
    if today is not None:
        through = max(through, monday(today))
    recent = tuple(_recent(history, through, n) for n in RECENT_WEEKS)
    grade = _steepest_regular(history, through)
    longest = _longest(history)
    return Summary(through, recent, grade, longest, _sentences(recent, grade, longest))
