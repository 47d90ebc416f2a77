"""How the training log adjusts a plan: each entry shapes the sessions after it.

Adjustments only ever make a session easier than the plan had it: never steeper, never more
repeats, never a bigger vertical drop, never a bigger week-to-week rise in steepness than the
planner allows. The thresholds and the planner's own limits come from ``drills.exposure``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

from drills import exposure as x
from drills.planner import Plan, Session, Week, make_session
from drills.safety import after_session
from drills.training_log.entries import LogEntry, plan_keys
from drills.training_log.runs import LoggedRun, place
from drills.words import pct

# The focus a descent becomes after knee collapse or heavy braking: body position and landing.
TECHNIQUE_FOCUS = "posture"


@dataclass(frozen=True)
class Change:
    """One thing the log changed (or confirmed), with its reason in plain words."""

    number: int  # 1-based, in the order the page lists them
    week: int  # the entry that caused it
    session: int
    rule: str  # "pain", "form", "effort", "confidence", "good-week", "step", "spike"
    text: str


@dataclass(frozen=True)
class Adjusted:
    """The adjusted plan, the changes in order, and which changes touched each session."""

    plan: Plan
    changes: tuple[Change, ...] = ()
    sessions: Mapping[tuple[int, int], tuple[int, ...]] = field(default_factory=dict)


def _when(week: Week, session: Session) -> str:
    """The planned session an entry is for, by its planned day: the run's own date may be
    another day ("Wednesday's session (week 1)", run on the Monday after)."""
    day = f"{session.date:%A}" if session.date is not None else f"day {session.day}"
    return f"{day}'s session (week {week.number})"


def _slot_name(week: Week, session: Session) -> str:
    if session.date is not None:
        return f"{session.date:%A} {session.date.day} {session.date:%B}"
    return f"week {week.number}, day {session.day}"


def _good(entry: LogEntry) -> bool:
    return (
        not entry.flags
        and entry.confidence >= x.GOOD_CONFIDENCE
        and entry.soreness is not None
        and entry.soreness <= x.MILD_SORENESS
        and entry.rpe < x.HIGH_RPE
    )


@dataclass
class _State:
    """What the entries so far ask of the sessions still to come (mutable, local to one call)."""

    lag: int = 0  # weeks the progression runs behind the plan
    lag_change: int | None = None  # the change that last held the progression back
    hold_next: int | None = None  # change asking the next week to keep this week's steepness
    held: tuple[float, int] | None = None  # (grade, change): this week's cap, from that ask
    ceiling: tuple[float, int] | None = None  # (grade, change) after pain or a fall
    technique: tuple[float, int] | None = None  # (grade cap, change) for the next descent
    cut_through: tuple[int, int] | None = None  # (last week, change) of fewer repeats
    last_descent_grade: float = 0.0


class _Run:
    """One pass of the log over a plan: the state the entries build up and the changes made
    (mutable, local to one ``adjust_plan`` call)."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.state = _State(last_descent_grade=plan.inputs.current_grade_pct)
        self.changes: list[Change] = []
        self.touched: dict[tuple[int, int], tuple[int, ...]] = {}
        self.history: list[tuple[int, float]] = []  # (absolute day, unrounded drop), date order
        self.notes_once: dict[str, int] = {}
        self.previous_top = plan.inputs.current_grade_pct
        self.baseline = next(
            (w.number for w in plan.weeks if w.steepest_grade_pct >= x.MIN_DESCENT_GRADE_PCT),
            len(plan.weeks) + 1,
        )

    def add(self, key: tuple[int, int], rule: str, text: str) -> int:
        """A change caused by what was logged at session ``key``; its number."""
        self.changes.append(Change(len(self.changes) + 1, key[0], key[1], rule, text))
        return len(self.changes)

    def once(self, rule: str, text: str) -> int:
        if rule not in self.notes_once:
            self.changes.append(Change(len(self.changes) + 1, 0, 0, rule, text))
            self.notes_once[rule] = len(self.changes)
        return self.notes_once[rule]

    def start_week(self, w: int) -> None:
        state = self.state
        # A held week keeps the steepness the week before it ran, not only what the plan had
        # there: pain may have kept that week lower than its plan.
        state.held = (self.previous_top, state.hold_next) if state.hold_next is not None else None
        if w > 1 and (state.hold_next is not None or state.ceiling is not None):
            if w - 1 - state.lag >= 1:  # the content week would otherwise advance
                state.lag += 1
                state.lag_change = state.hold_next or (state.ceiling[1] if state.ceiling else None)
            state.hold_next = None
        state.lag = min(state.lag, w - 1)

    def descent(self, w: int, k: int, original: Session) -> tuple[Session, list[int]]:
        """The session as the log leaves it, and the changes that shaped it."""
        state, level = self.state, self.plan.inputs.level
        base = self.plan.weeks[max(1, w - state.lag) - 1].sessions[k - 1]
        grade = min(base.grade_pct, original.grade_pct)
        repeats = min(base.repeats, original.repeats)
        length = min(base.repeat_length_m, original.repeat_length_m)
        focus = original.focus
        why: list[int] = []
        if (
            grade < original.grade_pct
            or repeats < original.repeats
            or length < original.repeat_length_m
        ) and state.lag_change is not None:
            why.append(state.lag_change)
        if state.ceiling is not None and grade > state.ceiling[0]:
            grade = state.ceiling[0]
            why.append(state.ceiling[1])
        if state.held is not None and grade > state.held[0]:
            grade = state.held[0]
            why.append(state.held[1])
        if state.technique is not None:
            focus = TECHNIQUE_FOCUS
            grade = min(grade, state.technique[0])
            why.append(state.technique[1])
            state.technique = None
        if state.cut_through is not None and w <= state.cut_through[0]:
            repeats, length = x.lighter(repeats, length)
            why.append(state.cut_through[1])
        cap = x.step_cap(self.previous_top, level)
        if grade > cap:
            grade = cap
            why.append(
                self.once(
                    "step",
                    "Some descents after a held week are less steep than the plan shows, "
                    f"because the steepest session may rise by at most "
                    f"{x.MAX_GRADE_STEP_PCT[level]:g} % a week at your level: the planner's "
                    "own rule.",
                )
            )
        day = (w - 1) * 7 + original.day
        if w > self.baseline:
            fitted = x.fit_to_limit(repeats, length, grade, x.spike_limit(self.history, day))
            if fitted != (repeats, length):
                repeats, length = fitted
                why.append(
                    self.once(
                        "spike",
                        "Some descents after a reduced one have fewer or shorter repeats than "
                        "the plan shows, so that no session's vertical drop is more than "
                        f"{round((x.SPIKE_LIMIT - 1) * 100)} % above your biggest of the "
                        f"previous {x.SPIKE_WINDOW_DAYS} days: the planner's own rule.",
                    )
                )
        drop = x.vertical_drop(repeats, length, grade)
        self.history.append((day, drop))
        planned = (original.focus, original.grade_pct, original.repeats, original.repeat_length_m)
        if (focus, grade, repeats, length) == planned:
            return original, []
        session = make_session(
            self.plan.inputs, w, original.day, focus, grade, repeats, length, drop
        )
        return session, why


def adjust_plan(
    plan: Plan, entries: Iterable[LogEntry], runs: Iterable[LoggedRun] = ()
) -> Adjusted:
    """The plan with the sessions after each logged one changed as the log asks, and why.

    Entries are read in plan order; each one shapes the sessions after it, and a logged session
    shows the plan as the entries before it left it. Entries for sessions the plan does not
    have are ignored. The same plan and entries always give the same result, in any order.
    """
    logged: dict[tuple[int, int], LogEntry] = {}
    for entry in sorted(entries, key=_entry_order):
        if not isinstance(entry, LogEntry):
            raise TypeError("adjust needs LogEntry values")
        logged[entry.key] = entry  # of two entries for one session, the later-sorting one wins
    keys = set(plan_keys(plan))
    logged = {k: e for k, e in logged.items() if k in keys}
    placed = place(runs, plan, logged.values())
    if not logged and not placed:
        return Adjusted(plan)

    run = _Run(plan)
    weeks: list[Week] = []
    for week in plan.weeks:
        w = week.number
        run.start_week(w)
        sessions: list[Session] = []
        for k, original in enumerate(week.sessions, start=1):
            session = original
            if original.is_downhill:
                session, why = run.descent(w, k, original)
                run.state.last_descent_grade = session.grade_pct
                if why:
                    run.touched[(w, k)] = tuple(sorted(set(why)))
            sessions.append(session)
            done = logged.get((w, k))
            if done is not None:
                _read_entry(
                    done, session, week, plan, run.state, run.add, _next_descent(plan, w, k)
                )
            for real_run, day in placed.get((w, k), []):
                _read_run(real_run, day, (w, k), plan, run.state, run.history, run.add)
        new_week = replace(week, sessions=tuple(sessions))
        weeks.append(new_week)
        run.previous_top = new_week.steepest_grade_pct
        week_entries = [logged.get((w, k)) for k in range(1, len(week.sessions) + 1)]
        last = week_entries[-1]
        if last is not None and all(e is not None and _good(e) for e in week_entries):
            run.add(
                last.key,
                "good-week",
                f"Week {w}: confidence {x.GOOD_CONFIDENCE}/5 or more and soreness "
                f"{x.MILD_SORENESS}/10 or less after every session, so the plan continues as "
                "planned.",
            )
    return Adjusted(_with_note(plan, weeks, bool(run.touched)), tuple(run.changes), run.touched)


def _with_note(plan: Plan, weeks: list[Week], touched: bool) -> Plan:
    adjusted = replace(plan, weeks=tuple(weeks))
    if not touched:
        return adjusted
    highest = max(wk.steepest_grade_pct for wk in weeks)
    reached = highest >= plan.inputs.target_grade_pct
    tail = (
        "and still reaches your target."
        if reached
        else f"short of your {pct(plan.inputs.target_grade_pct)} % target; add weeks "
        "rather than taking bigger steps."
    )
    note = f"Adjusted to your training log: the plan now reaches {pct(highest)} %, {tail}"
    return replace(adjusted, highest_grade_pct=highest, reached_target=reached, note=note)


def _entry_order(entry: LogEntry) -> tuple[object, ...]:
    return (
        entry.key,
        entry.date,
        entry.rpe,
        entry.confidence,
        -1 if entry.soreness is None else entry.soreness,
        -1 if entry.cadence_spm is None else entry.cadence_spm,
        entry.flags,
        entry.note,
    )


def _next_descent(plan: Plan, week: int, session: int) -> tuple[Week, Session] | None:
    """The first downhill session after (week, session), if the plan has one."""
    for w in plan.weeks[week - 1 :]:
        for k, s in enumerate(w.sessions, start=1):
            if (w.number, k) > (week, session) and s.is_downhill:
                return w, s
    return None


def _flagged(entry: LogEntry, flags: tuple[tuple[str, str], ...]) -> str:
    """ "Pain and a fall or near-fall": the entry's flags among these, as the start of a sentence."""
    what = " and ".join(label for flag, label in flags if entry.has(flag))
    return what[:1].upper() + what[1:]


def _read_entry(
    entry: LogEntry,
    session: Session,
    week: Week,
    plan: Plan,
    state: _State,
    add: Callable[[tuple[int, int], str, str], int],
    next_descent: tuple[Week, Session] | None,
) -> None:
    """Update ``state`` with what one entry asks of the sessions after it."""
    w = week.number
    last_week = len(plan.weeks)
    grade_here = session.grade_pct if session.is_downhill else state.last_descent_grade
    content_week = max(1, w - state.lag)
    hold_text = _hold_text(state, plan, w)
    when = _when(week, session)

    what = _flagged(entry, (("pain", "pain"), ("fall", "a fall or near-fall")))
    if what:
        back = "steps back to the previous week's steepness and " if content_week > 1 else ""
        advice = after_session(pain=entry.has("pain"), fall=entry.has("fall"))
        number = add(
            entry.key,
            "pain",
            f"{what} during {when}: no more descents until it has settled. {advice} "
            f"The plan {back}keeps every descent at or below {pct(grade_here)} % until you "
            "log a session without pain or a fall.",
        )
        ceiling = grade_here if state.ceiling is None else min(grade_here, state.ceiling[0])
        state.ceiling = (ceiling, number)
        if content_week > 1:
            state.lag += 1
            state.lag_change = number
    else:
        state.ceiling = None  # a session without pain or a fall lifts the hold

    what = _flagged(entry, (("knee_collapse", "knee collapse"), ("heavy_braking", "heavy braking")))
    if what:
        parts = []
        if next_descent is not None:
            nw, ns = next_descent
            parts.append(
                f"the next descent ({_slot_name(nw, ns)}) becomes body-position and landing "
                f"practice at no more than {pct(grade_here)} %"
            )
        if hold_text:
            parts.append(hold_text)
        if parts:
            number = add(entry.key, "form", f"{what} during {when}: " + " and ".join(parts) + ".")
            if next_descent is not None:
                state.technique = (grade_here, number)
            if hold_text:
                state.hold_next = number

    causes = []
    if entry.soreness is not None and entry.soreness > x.MILD_SORENESS:
        causes.append(f"soreness was {entry.soreness}/10, more than mild, two days after {when}")
    if session.is_downhill and entry.rpe >= x.HIGH_RPE:
        causes.append(f"effort was {entry.rpe}/10 on {when}")
    if causes:
        _hold_and_cut(state, w, last_week, hold_text, causes, add, entry.key, "effort")

    if session.is_downhill and entry.confidence <= x.LOW_CONFIDENCE and hold_text:
        number = add(
            entry.key,
            "confidence",
            f"{hold_text[0].upper()}{hold_text[1:]}, because confidence was "
            f"{entry.confidence}/5 on {when}: move up when a slope feels routine.",
        )
        state.hold_next = number


def _hold_text(state: _State, plan: Plan, w: int) -> str:
    """ "week 4 holds steepness at 6 % or less": what holding next week means, if there is one."""
    held = plan.weeks[max(1, w - state.lag) - 1].steepest_grade_pct
    if state.ceiling is not None:
        held = min(held, state.ceiling[0])
    return f"week {w + 1} holds steepness at {pct(held)} % or less" if w < len(plan.weeks) else ""


def _read_run(
    done: LoggedRun,
    day: int,
    key: tuple[int, int],
    plan: Plan,
    state: _State,
    history: list[tuple[int, float]],
    add: Callable[[tuple[int, int], str, str], int],
) -> None:
    """A run far bigger than the recent sessions is a spike the runner took on their own: the
    plan holds and does less, as after a session that felt too hard (Frandsen et al. 2025)."""
    limit = x.spike_limit(history, day + 1)  # sessions of the run's own day count as before it
    if limit <= 0 or done.descent_m <= limit:
        return
    cause = (
        f"your run of {done.date.isoformat()} descended {done.descent_m:.0f} m, more than "
        f"{round((x.SPIKE_LIMIT - 1) * 100)} % above your biggest session of the previous "
        f"{x.SPIKE_WINDOW_DAYS} days"
    )
    _hold_and_cut(
        state, key[0], len(plan.weeks), _hold_text(state, plan, key[0]), [cause], add, key, "run"
    )


def _hold_and_cut(
    state: _State,
    w: int,
    last_week: int,
    hold_text: str,
    causes: list[str],
    add: Callable[[tuple[int, int], str, str], int],
    key: tuple[int, int],
    rule: str,
) -> None:
    """Hold next week's steepness and cut the descents until its end, for these causes."""
    through = min(w + 1, last_week)
    fewer = (
        f"the descents until the end of week {through} have about "
        f"{round(x.LIGHTER_WEEK_VOLUME_CUT * 100)} % fewer repeats"
    )
    action = (
        f"{hold_text[0].upper()}{hold_text[1:]} and {fewer}" if hold_text else fewer.capitalize()
    )
    number = add(key, rule, f"{action}, because {' and '.join(causes)}.")
    state.cut_through = (through, number)
    if hold_text:
        state.hold_next = number


def adjust(plan: Plan, log_entries: Iterable[LogEntry]) -> tuple[Plan, list[str]]:
    """The public contract: the adjusted plan and the reason for each change, in plain words."""
    adjusted = adjust_plan(plan, log_entries)
    return adjusted.plan, [c.text for c in adjusted.changes]
