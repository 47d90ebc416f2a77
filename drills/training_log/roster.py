"""A coach's roster: each athlete's current plan, how far they are, and who needs attention.

Everything here is read from a ``Book``: the plan each log was kept for (``plan_form``), its
entries and runs, and what the log changed (``adjustment``). The flags use the log's own
thresholds (``drills.exposure``), and the order's rule is worded from the same constants.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from drills import exposure as x
from drills.plan_form import plan_from_texts
from drills.planner import Plan
from drills.training_log.adjustment import adjust_plan
from drills.training_log.entries import FLAGS, LogEntry, plan_keys
from drills.training_log.kept_history import KeptHistory, runs_between
from drills.training_log.plan_logs import Book, PlanLog, athlete_key
from drills.training_log.runs import LoggedRun, place
from drills.words import listing, long_date, pct

# What a last session may raise, most urgent first: the roster's order follows this tuple.
ATTENTION: dict[str, str] = {
    "pain": FLAGS["pain"],
    "fall": FLAGS["fall"],
    "low_confidence": (f"Low confidence ({x.LOW_CONFIDENCE}/{x.CONFIDENCE_RANGE[1]} or less)"),
    "high_soreness": f"High soreness (over {x.MILD_SORENESS}/{x.SORENESS_RANGE[1]})",
}


NO_PLAN = "No plan was kept with this log"  # a log from before the page kept its plan (schema 1)
UNREADABLE_PLAN = "A plan this page cannot read"


def attention_flags(entry: LogEntry) -> tuple[str, ...]:
    """The keys of ``ATTENTION`` this entry raises, in that order."""
    raised = {
        "pain": entry.has("pain"),
        "fall": entry.has("fall"),
        "low_confidence": entry.confidence <= x.LOW_CONFIDENCE,
        "high_soreness": entry.soreness is not None and entry.soreness > x.MILD_SORENESS,
    }
    return tuple(k for k in ATTENTION if raised[k])


def order_rule() -> str:
    """The roster's order in words, from ``ATTENTION``."""
    labels = [label[0].lower() + label[1:] for label in ATTENTION.values()]
    return (
        f"Athletes whose last logged session had {listing(labels, 'or')} come first, in that "
        "order; then those with fewer sessions done than planned so far; then the others, by "
        "name."
    )


@dataclass(frozen=True)
class Progress:
    """One plan's log against the plan: this week's sessions and the whole plan's."""

    plan_id: str
    athlete: str
    name: str  # "4 → 10 %, 8 weeks, from 2 March 2026"
    start: dt.date | None
    end: dt.date | None
    week: int  # the plan's week "this week" is (today's, or the last logged one's)
    done_week: int
    planned_week: int
    done: int  # sessions of the plan logged
    planned: int
    due: int  # sessions planned up to today (all of them when the plan has no dates)
    current: bool
    readable: bool = True  # the plan's texts make a plan


@dataclass(frozen=True)
class RosterRow:
    """One athlete: their current plan's progress, the last session and what it changed."""

    athlete: str
    progress: Progress
    plans: int  # how many plans the athlete has in the book
    last: LogEntry | None
    flags: tuple[str, ...]  # keys of ATTENTION
    changes: tuple[str, ...]  # what the last session changed in the plan, one sentence each

    @property
    def behind(self) -> bool:
        return self.progress.done < self.progress.due


def _plan(log: PlanLog) -> Plan | None:
    return plan_from_texts(log.plan_texts())


def plan_name(plan: Plan) -> str:
    inputs = plan.inputs
    when = f", from {long_date(inputs.start_date)}" if inputs.start_date else ""
    return (
        f"{pct(inputs.current_grade_pct)} → {pct(inputs.target_grade_pct)} %, "
        f"{inputs.weeks} weeks{when}"
    )


def progress(log: PlanLog, today: dt.date, current: bool = False) -> Progress:
    plan = _plan(log)
    if plan is None:
        n = len(log.entries)
        name = NO_PLAN if log.plan is None else UNREADABLE_PLAN
        return Progress(log.id, log.athlete, name, None, None, 1, 0, 0, n, n, n, current,
                        readable=False)  # fmt: skip
    keys = set(plan_keys(plan))
    done = [e for e in log.entries if e.key in keys]
    start = plan.inputs.start_date
    if start is not None:
        week = min(max((today - start).days // 7 + 1, 1), len(plan.weeks))
        due = sum(
            1 for w in plan.weeks for s in w.sessions if s.date is not None and s.date <= today
        )
        end = start + dt.timedelta(days=7 * len(plan.weeks) - 1)
    else:
        week = max((e.week for e in done), default=1)
        due, end = len(keys), None
    return Progress(
        log.id,
        log.athlete,
        plan_name(plan),
        start,
        end,
        week,
        sum(1 for e in done if e.week == week),
        len(plan.weeks[week - 1].sessions),
        len(done),
        len(keys),
        due,
        current,
    )


def plan_list(book: Book, today: dt.date) -> tuple[Progress, ...]:
    """Every plan in the book, in the order it gained them, the current one marked."""
    return tuple(progress(log, today, log.id == book.current) for log in book.plans)


def _last(log: PlanLog) -> LogEntry | None:
    return max(log.entries, key=lambda e: (e.date, e.key), default=None)


def _changes(log: PlanLog, last: LogEntry | None) -> tuple[str, ...]:
    plan = _plan(log)
    if plan is None or last is None:
        return ()
    adjusted = adjust_plan(plan, log.entries, log.runs)
    return tuple(c.text for c in adjusted.changes if (c.week, c.session) == last.key)


def athlete_plan(book: Book, athlete: str) -> PlanLog:
    """The athlete's current plan: the book's current one if it is theirs, else their latest."""
    theirs = [p for p in book.plans if athlete_key(p.athlete) == athlete_key(athlete)]
    return next((p for p in theirs if p.id == book.current), theirs[-1])


def roster_rows(book: Book, today: dt.date) -> tuple[RosterRow, ...]:
    """One row per athlete (the plans with no athlete are one row, named ""), the athlete who
    needs attention first (``order_rule``)."""
    names: dict[str, str] = {}
    for log in book.plans:
        names.setdefault(athlete_key(log.athlete), log.athlete)
    rows = []
    for key, name in names.items():
        log = athlete_plan(book, name)
        last = _last(log)
        rows.append(
            RosterRow(
                name,
                progress(log, today, log.id == book.current),
                sum(1 for p in book.plans if athlete_key(p.athlete) == key),
                last,
                attention_flags(last) if last is not None else (),
                _changes(log, last),
            )
        )
    return tuple(sorted(rows, key=_urgency))


def _urgency(row: RosterRow) -> tuple[object, ...]:
    first = min((list(ATTENTION).index(f) for f in row.flags), default=len(ATTENTION))
    return (first, not row.behind, athlete_key(row.athlete))


@dataclass(frozen=True)
class WeekDescent:
    """One week of a plan: the descent planned, the descent of the sessions logged (as the log
    adjusted them) and the descent of the runs added from activity files, in metres."""

    week: int
    planned_m: float
    logged_m: float
    run_m: float


def planned_and_done(log: PlanLog, history: KeptHistory | None = None) -> tuple[WeekDescent, ...]:
    """Week by week, the plan's descent against what was logged and run (empty when the log's
    plan cannot be read)."""
    plan = _plan(log)
    if plan is None:
        return ()
    return plan_against(plan, log.entries, log.runs, history)


def plan_against(
    plan: Plan,
    entries: tuple[LogEntry, ...],
    runs: tuple[LoggedRun, ...],
    history: KeptHistory | None = None,
) -> tuple[WeekDescent, ...]:
    """Week by week, ``plan``'s descent against the log's sessions and runs and, once the plan
    has dates, the kept history's runs in each of its weeks (a run the log has too counts once)."""
    adjusted = adjust_plan(plan, entries, runs).plan
    logged = {e.key for e in entries}
    placed = place(runs, plan, entries)
    run_m = {w.number: 0.0 for w in plan.weeks}
    for (week, _), found in placed.items():
        run_m[week] += sum(r.descent_m for r, _ in found)
    start = plan.inputs.start_date
    if history is not None and start is not None:
        for w in plan.weeks:
            first = start + dt.timedelta(weeks=w.number - 1)
            ran = runs_between(history, first, first + dt.timedelta(days=6), runs)
            run_m[w.number] += sum(r.descent_m for r in ran)
    return tuple(
        WeekDescent(
            original.number,
            original.total_drop_m,
            sum(
                (
                    s.vertical_drop_m
                    for k, s in enumerate(shown.sessions, start=1)
                    if (original.number, k) in logged
                ),
                0.0,
            ),
            run_m[original.number],
        )
        for original, shown in zip(plan.weeks, adjusted.weeks, strict=True)
    )
