"""The training log: what a runner records after each session, and how it adjusts the plan.

The seed article asks runners to log feelings, cadence and perceived exertion, to use the log
to adjust the next sessions, and to pause and recalibrate when the knees collapse or braking
creeps in. This module holds that loop: the log entries and their validation, the stored form
(versioned JSON, kept only in the reader's browser), and ``adjust_plan``, which takes a plan
and the log and returns the plan with its later sessions changed, each change with its reason.

Adjustments only ever make a session easier than the plan had it: never steeper, never more
repeats, never a bigger vertical drop, never a bigger week-to-week rise in steepness than the
planner allows. Pure functions, standard library only.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

from drills import planner
from drills.errors import InputError, shown
from drills.planner import Plan, Rule, Session, Week

# --- The stored form ------------------------------------------------------------------------

# Version 1 held only the entries. Version 2 added the format marker and the planner inputs the
# log was kept against, so that a coach who opens an athlete's file sees the same plan.
SCHEMA_VERSION = 2
FORMAT = "downhill-confidence-training-log"
MAX_STORE_CHARS = 500_000  # a full 24-week log with long notes is under 150 000
MAX_NOTE_CHARS = 500
MAX_PLAN_TEXT_CHARS = 40  # a planner field's text in the stored plan

# --- What an entry holds ------------------------------------------------------------------------

RPE_RANGE = (1, 10)  # session rating of perceived exertion, 1 very easy … 10 maximal
SORENESS_RANGE = (0, 10)  # muscle soreness two days (48 h) after the session, 0 none
CONFIDENCE_RANGE = (1, 5)  # confidence on the descent, 1 scared … 5 relaxed and in control
CADENCE_RANGE_SPM = (100, 250)  # measured steps per minute; wider than any running cadence
DATE_RANGE = (dt.date(2000, 1, 1), dt.date(2100, 12, 31))
MAX_SESSIONS_PER_WEEK = planner.SESSIONS_RANGE[1] + 1  # downhill sessions plus conditioning

# The things that went wrong, in the order the form and the exports list them.
FLAGS: dict[str, str] = {
    "knee_collapse": "Knee collapse",
    "heavy_braking": "Heavy braking",
    "pain": "Pain",
    "fall": "Fall or near-fall",
}

# --- Adjustment thresholds ------------------------------------------------------------------------
# All coaching practice: no study has tested log-driven adjustment of a downhill plan. They follow
# the guide's own advice (Graded exposure: "Moving up a rung", "When to step back", "Stop rules").

HIGH_SORENESS = 7  # soreness two days later at or above this: hold steepness, fewer repeats
HIGH_RPE = 8  # effort on a descent at or above this: the same
LOW_CONFIDENCE = 2  # confidence at or below this on a descent: hold steepness for a week
GOOD_CONFIDENCE = 4  # a full week at or above this confidence ...
LOW_SORENESS = 3  # ... with soreness recorded at or below this in every session: carry on
# Fewer repeats after high soreness or effort: the planner's own lighter-week cut (30 %).
VOLUME_CUT = planner.LIGHTER_WEEK_VOLUME_CUT
# The focus a descent becomes after knee collapse or heavy braking: posture and foot landing.
TECHNIQUE_FOCUS = "posture"

LOG_RULES: tuple[Rule, ...] = (
    Rule(
        "Pain or a fall: step back",
        "After a session with pain or a fall or near-fall, rest until it has settled, and see "
        "a physiotherapist or doctor if pain lasts, comes back or changes how you run. The "
        "plan steps back to the previous week's steepness, and no descent is steeper than the "
        "one in which it happened until you log a session without pain or a fall.",
        None,
        True,
    ),
    Rule(
        "Knee collapse or heavy braking: hold and practise technique",
        "The next descent becomes a posture and foot-landing session no steeper than the one "
        "where it happened, and the next week stays at this week's steepness instead of "
        "climbing. This follows the guide's advice to fix the part that broke on easier ground "
        "before trying the harder section again.",
        None,
        True,
    ),
    Rule(
        "Soreness 7/10 or more, or effort 8/10 or more on a descent: hold and do less",
        "The next week stays at this week's steepness, and the descents until the end of next "
        "week have about 30 % fewer repeats (the planner's lighter-week cut). Soreness counts "
        "after any session; effort only on descents.",
        None,
        True,
    ),
    Rule(
        "Confidence 2/5 or less on a descent: hold",
        "The next week stays at this week's steepness: move up a rung when the current one "
        "feels routine. Confidence grows from descents that go well (Bandura 1977); the "
        "threshold is ours.",
        "bandura-1977",
        True,
    ),
    Rule(
        "A good week: continue as planned",
        "When every session of a week is logged with confidence 4/5 or more and soreness 3/10 "
        "or less, the plan continues as planned. It never catches up on weeks that were held: "
        "the log can slow the plan down, never speed it up.",
        None,
        True,
    ),
    Rule(
        "The planner's own limits still apply",
        "After any change, no descent is steeper or longer than the plan had it, the steepest "
        "session rises by no more than the planner's weekly step, and no session's vertical "
        "drop is more than 10 % above your biggest of the previous 30 days (Frandsen et al. "
        "2025, for distance).",
        "frandsen-2025",
        False,
    ),
)


# --- Entries ----------------------------------------------------------------------------------


def _whole(field_name: str, label: str, value: object, low: int, high: int, extra: str = "") -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value != int(value)
        or not low <= value <= high
    ):
        raise InputError(
            field_name,
            f"{label} must be a whole number from {low} to {high}{extra}; "
            f"you entered {shown(value)}.",
        )
    return int(value)


@dataclass(frozen=True)
class LogEntry:
    """One done session: which one (week number and 1-based place in the week) and how it went."""

    week: int
    session: int  # 1-based position in the week's sessions, in day order (conditioning included)
    date: dt.date  # the day it was run
    rpe: int
    confidence: int
    soreness: int | None = None  # None until the runner fills it in, two days later
    cadence_spm: int | None = None
    flags: tuple[str, ...] = ()  # keys of FLAGS, in FLAGS order
    note: str = ""

    def __post_init__(self) -> None:
        _whole("session", "Week", self.week, 1, planner.WEEKS_RANGE[1])
        _whole("session", "Session", self.session, 1, MAX_SESSIONS_PER_WEEK)
        if isinstance(self.date, dt.datetime) or not isinstance(self.date, dt.date):
            raise InputError("date", f"Date must be a date; you entered {shown(self.date)}.")
        if not DATE_RANGE[0] <= self.date <= DATE_RANGE[1]:
            raise InputError(
                "date", f"Date must be between 2000 and 2100; you entered {self.date.isoformat()}."
            )
        _whole("rpe", "Effort (RPE)", self.rpe, *RPE_RANGE)
        _whole("confidence", "Confidence", self.confidence, *CONFIDENCE_RANGE)
        if self.soreness is not None:
            _whole("soreness", "Soreness", self.soreness, *SORENESS_RANGE, ", or empty")
        if self.cadence_spm is not None:
            _whole(
                "cadence", "Cadence", self.cadence_spm, *CADENCE_RANGE_SPM, " steps/min, or empty"
            )
        if isinstance(self.flags, str) or not all(isinstance(f, str) for f in self.flags):
            raise InputError("flags", "Flags must be a list of what went wrong.")
        unknown = [f for f in self.flags if f not in FLAGS]
        if unknown:
            raise InputError("flags", f"Unknown flag {shown(unknown[0])}.")
        object.__setattr__(self, "flags", tuple(f for f in FLAGS if f in self.flags))
        if not isinstance(self.note, str):
            raise InputError("note", "The note must be text.")
        try:
            self.note.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate, only ever from a tampered file
            raise InputError("note", "The note holds characters that cannot be saved.") from None
        if len(self.note) > MAX_NOTE_CHARS:
            raise InputError(
                "note",
                f"The note must be at most {MAX_NOTE_CHARS} characters; yours has "
                f"{len(self.note)}.",
            )

    @property
    def key(self) -> tuple[int, int]:
        return (self.week, self.session)

    def has(self, flag: str) -> bool:
        return flag in self.flags


def session_key(week: int, session: int) -> str:
    """The text form of an entry's key, as the page's session list and cells use it: "3-2"."""
    return f"{week}-{session}"


def parse_key(text: object) -> tuple[int, int] | None:
    """(week, session) from "3-2", or None when the text is not such a key."""
    if not isinstance(text, str) or len(text) > 8:
        return None
    week, dash, session = text.partition("-")
    if not (dash and week.isascii() and week.isdigit() and session.isascii() and session.isdigit()):
        return None
    return int(week), int(session)


def plan_keys(plan: Plan) -> list[tuple[int, int]]:
    """Every session's key, in plan order."""
    return [(w.number, k) for w in plan.weeks for k in range(1, len(w.sessions) + 1)]


def _int_text(text: object, field_name: str, label: str, low: int, high: int, extra: str) -> int:
    raw = text.strip() if isinstance(text, str) else text
    try:
        value: object = float(raw) if isinstance(raw, str) else raw
    except ValueError:
        value = raw
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        value = int(value)
    try:
        return _whole(field_name, label, value, low, high, extra)
    except InputError:
        raise InputError(
            field_name,
            f"{label} must be a whole number from {low} to {high}{extra}; "
            f"you entered {shown(raw)}.",
        ) from None


def read_entry_form(
    texts: Mapping[str, object], keys: Iterable[tuple[int, int]], today: dt.date
) -> tuple[LogEntry | None, dict[str, str]]:
    """A log entry from the log form's raw texts, or the errors to show beside each field.

    ``keys`` are the sessions of the plan on the page; ``today`` is the reader's date, so a
    session cannot be logged as done in the future.
    """
    errors: dict[str, str] = {}
    values: dict[str, object] = {}

    key = parse_key(texts.get("session"))
    if not texts.get("session"):
        errors["session"] = "Choose the session you are logging."
    elif key is None or key not in set(keys):
        errors["session"] = "That session is not in this plan; choose one from the list."

    date_text = texts.get("date")
    date_text = date_text.strip() if isinstance(date_text, str) else ""
    if not date_text:
        errors["date"] = "Enter the date you ran the session, like 2026-03-05."
    else:
        try:
            values["date"] = dt.date.fromisoformat(date_text)
        except ValueError:
            errors["date"] = (
                "Date must be a date like 2026-03-05 (year-month-day); "
                f"you entered {shown(date_text)}."
            )
        else:
            if values["date"] > today + dt.timedelta(days=1):  # a day's grace for time zones
                errors["date"] = "That date is in the future: log a session after you have run it."

    for name, label, (low, high), extra, optional, missing in (
        ("rpe", "Effort (RPE)", RPE_RANGE, "", False, "Choose how hard the session felt, 1–10."),
        (
            "confidence",
            "Confidence",
            CONFIDENCE_RANGE,
            "",
            False,
            "Choose how confident you felt on the descent, 1–5.",
        ),
        ("soreness", "Soreness", SORENESS_RANGE, ", or empty", True, ""),
        ("cadence", "Cadence", CADENCE_RANGE_SPM, " steps/min, or empty", True, ""),
    ):
        raw = texts.get(name, "")
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if optional:
                values[name] = None
            else:
                errors[name] = missing
            continue
        try:
            values[name] = _int_text(raw, name, label, low, high, extra)
        except InputError as error:
            errors[name] = str(error)

    flags = texts.get("flags", [])
    if not isinstance(flags, list) or not all(isinstance(f, str) and f in FLAGS for f in flags):
        errors["flags"] = "Tick only the listed problems."
    note = texts.get("note", "")
    if not isinstance(note, str):
        errors["note"] = "The note must be text."
    elif len(note.strip()) > MAX_NOTE_CHARS:
        errors["note"] = (
            f"The note must be at most {MAX_NOTE_CHARS} characters; yours has {len(note.strip())}."
        )
    if errors or key is None:
        return None, errors
    try:
        entry = LogEntry(
            key[0],
            key[1],
            values["date"],  # type: ignore[arg-type]
            values["rpe"],  # type: ignore[arg-type]
            values["confidence"],  # type: ignore[arg-type]
            soreness=values["soreness"],  # type: ignore[arg-type]
            cadence_spm=values["cadence"],  # type: ignore[arg-type]
            flags=tuple(flags),
            note=_clean_note(note),  # type: ignore[arg-type]
        )
    except InputError as error:
        return None, {error.field: str(error)}
    return entry, {}


def _clean_note(note: str) -> str:
    """The note without surrounding space, its line breaks as \\n and no other control codes."""
    note = note.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in note if c == "\n" or (c >= " " and c != "\x7f")).strip()


def entry_form_texts(entry: LogEntry) -> dict[str, object]:
    """The log form's texts for an existing entry, so the reader can edit it."""
    return {
        "session": session_key(*entry.key),
        "date": entry.date.isoformat(),
        "rpe": str(entry.rpe),
        "confidence": str(entry.confidence),
        "soreness": "" if entry.soreness is None else str(entry.soreness),
        "cadence": "" if entry.cadence_spm is None else str(entry.cadence_spm),
        "flags": list(entry.flags),
        "note": entry.note,
    }


# --- The store: versioned JSON --------------------------------------------------------------


@dataclass(frozen=True)
class Store:
    """Everything the browser keeps: the entries and the planner inputs they belong to."""

    entries: tuple[LogEntry, ...] = ()
    plan: tuple[tuple[str, str], ...] | None = None  # planner field name → text, form order

    def plan_texts(self) -> dict[str, str] | None:
        return None if self.plan is None else dict(self.plan)


def _entry_json(entry: LogEntry) -> dict[str, object]:
    return {
        "week": entry.week,
        "session": entry.session,
        "date": entry.date.isoformat(),
        "rpe": entry.rpe,
        "soreness": entry.soreness,
        "confidence": entry.confidence,
        "cadence_spm": entry.cadence_spm,
        "flags": list(entry.flags),
        "note": entry.note,
    }


_ENTRY_KEYS = frozenset(_entry_json(LogEntry(1, 1, DATE_RANGE[0], 1, 1)))


def _entry_from_json(obj: object) -> LogEntry:
    """An entry from its stored form; raises InputError or TypeError on anything else."""
    if not isinstance(obj, dict) or set(obj) != _ENTRY_KEYS:
        raise TypeError("not an entry")
    date = obj["date"]
    if not isinstance(date, str) or len(date) != 10:
        raise TypeError("not a date")
    flags = obj["flags"]
    if not isinstance(flags, list) or len(set(flags)) != len(flags):
        raise TypeError("not a list of flags")
    for name in ("week", "session", "rpe", "confidence", "soreness", "cadence_spm"):
        if isinstance(obj[name], float | bool):  # the stored form only ever holds whole ints
            raise TypeError(f"{name} is not a whole number")
    return LogEntry(
        obj["week"],
        obj["session"],
        dt.date.fromisoformat(date),
        obj["rpe"],
        obj["confidence"],
        soreness=obj["soreness"],
        cadence_spm=obj["cadence_spm"],
        flags=tuple(flags),
        note=obj["note"],
    )


def _plan_from_json(obj: object) -> tuple[tuple[str, str], ...] | None:
    names = list(planner.FORM_FIELDS.values())
    if not isinstance(obj, dict):
        return None
    kept = tuple(
        (name, obj[name])
        for name in names
        if isinstance(obj.get(name), str) and len(obj[name]) <= MAX_PLAN_TEXT_CHARS
    )
    return kept or None


def _migrate(data: dict[str, object]) -> dict[str, object]:
    """Bring an older stored form up to SCHEMA_VERSION, one version at a time."""
    if data.get("schema") == 1:  # version 1: {"schema": 1, "entries": [...]}
        data = {"format": FORMAT, "schema": 2, "plan": None, "entries": data.get("entries")}
    return data


def dump_store(
    entries: Iterable[LogEntry], plan: Mapping[str, str] | Iterable[tuple[str, str]] | None = None
) -> str:
    """The stored form of a log: canonical JSON (sorted entries, fixed key order, 2-space indent).

    ``read_store(dump_store(e, p))`` gives back exactly these entries and plan, and dumping
    what was read gives back exactly this text: the export/import round trip is exact.
    """
    ordered = sorted(entries, key=lambda e: e.key)
    for a, b in itertools.pairwise(ordered):
        if a.key == b.key:
            raise ValueError(f"two entries for week {a.week}, session {a.session}")
    plan_pairs = None if plan is None else _plan_from_json(dict(plan))
    payload = {
        "format": FORMAT,
        "schema": SCHEMA_VERSION,
        "plan": None if plan_pairs is None else dict(plan_pairs),
        "entries": [_entry_json(e) for e in ordered],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def read_store(text: object, *, source: str = "saved") -> tuple[Store, str | None]:
    """The log from its stored text, and one sentence for the reader when something was wrong.

    ``source`` is "saved" (the browser's copy) or "file" (an imported file); it only changes
    the wording. An empty text is an empty log. Text that is not a log at all gives an empty
    log and a message; a log with some unreadable entries keeps the readable ones and says how
    many were left out; an older version is migrated silently.
    """
    what = "Your saved training log" if source == "saved" else "This file"
    fix = (
        "the page starts with an empty log; importing a file you exported earlier restores it"
        if source == "saved"
        else "nothing was imported"
    )
    if text is None or (isinstance(text, str) and not text.strip()):
        return Store(), None
    if not isinstance(text, str):
        return Store(), f"{what} could not be read, so {fix}."
    if len(text) > MAX_STORE_CHARS:
        return Store(), (
            f"{what} is too large to be a training log from this page "
            f"({len(text):,} characters), so {fix}."
        )
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return Store(), f"{what} is damaged (it is not valid JSON), so {fix}."
    if not isinstance(data, dict) or not isinstance(data.get("schema"), int):
        return Store(), f"{what} is not a training log from this page, so {fix}."
    if isinstance(data["schema"], bool) or data["schema"] < 1:
        return Store(), f"{what} is not a training log from this page, so {fix}."
    if data["schema"] > SCHEMA_VERSION:
        return Store(), (
            f"{what} was saved by a newer version of this page (schema {data['schema']}), so "
            f"{'it was not read; reload the page to get the newest version' if source == 'saved' else fix}."
        )
    data = _migrate(data)
    raw_entries = data.get("entries")
    if data.get("format") != FORMAT or not isinstance(raw_entries, list):
        return Store(), f"{what} is not a training log from this page, so {fix}."
    entries: dict[tuple[int, int], LogEntry] = {}
    bad = 0
    for obj in raw_entries:
        try:
            entry = _entry_from_json(obj)
        except (InputError, TypeError, ValueError):
            bad += 1
            continue
        if entry.key in entries:
            bad += 1  # two entries for one session: keep the first, report the second
            continue
        entries[entry.key] = entry
    store = Store(tuple(entries[k] for k in sorted(entries)), _plan_from_json(data.get("plan")))
    if bad and not entries:
        return (
            Store(),
            f"None of the {bad} entries in {what[0].lower()}{what[1:]} could be read, so {fix}.",
        )
    if bad:
        noun = "entry" if bad == 1 else "entries"
        where = "your saved training log" if source == "saved" else "this file"
        return store, (
            f"{bad} of {bad + len(entries)} {noun} in {where} could not be read and "
            f"{'was' if bad == 1 else 'were'} left out."
        )
    return store, None


def parse_store(text: object) -> tuple[tuple[LogEntry, ...], str | None]:
    """The entries of the browser's stored log and, when something was wrong, one sentence."""
    store, message = read_store(text)
    return store.entries, message


# --- Adjusting the plan -------------------------------------------------------------------------


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


def _when(entry: LogEntry) -> str:
    return f"{entry.date:%A}'s session (week {entry.week})"


def _slot_name(week: Week, session: Session) -> str:
    if session.date is not None:
        return f"{session.date:%A} {session.date.day} {session.date:%B}"
    return f"week {week.number}, day {session.day}"


def _lighter(repeats: int, length: float) -> tuple[int, float]:
    """The planner's lighter-week cut: 30 % fewer repeats, or a shorter one when there is one."""
    cut = math.floor(repeats * (1.0 - VOLUME_CUT) + 1e-9)
    if cut >= 1:
        return cut, length
    return 1, math.floor(length * (1.0 - VOLUME_CUT) + 1e-9)


def _good(entry: LogEntry) -> bool:
    return (
        not entry.flags
        and entry.confidence >= GOOD_CONFIDENCE
        and entry.soreness is not None
        and entry.soreness <= LOW_SORENESS
        and entry.rpe < HIGH_RPE
    )


@dataclass
class _State:
    """What the entries so far ask of the sessions still to come (mutable, local to one call)."""

    lag: int = 0  # weeks the progression runs behind the plan
    lag_change: int | None = None  # the change that last held the progression back
    hold_next: int | None = None  # change asking the next week to keep this week's steepness
    ceiling: tuple[float, int] | None = None  # (grade, change) after pain or a fall
    technique: tuple[float, int] | None = None  # (grade cap, change) for the next descent
    cut_through: tuple[int, int] | None = None  # (last week, change) of fewer repeats
    last_descent_grade: float = 0.0


def adjust_plan(plan: Plan, entries: Iterable[LogEntry]) -> Adjusted:
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
    if not logged:
        return Adjusted(plan)

    inputs = plan.inputs
    level = inputs.level
    step = planner.MAX_GRADE_STEP_PCT[level]
    baseline = next(
        (w.number for w in plan.weeks if w.steepest_grade_pct >= planner.MIN_DESCENT_GRADE_PCT),
        len(plan.weeks) + 1,
    )
    state = _State(last_descent_grade=inputs.current_grade_pct)
    changes: list[Change] = []
    touched: dict[tuple[int, int], list[int]] = {}
    history: list[tuple[int, float]] = []  # (absolute day, unrounded drop) of descents so far
    notes_once: dict[str, int] = {}
    previous_top = inputs.current_grade_pct
    weeks: list[Week] = []

    def add(entry: LogEntry, rule: str, text: str) -> int:
        changes.append(Change(len(changes) + 1, entry.week, entry.session, rule, text))
        return len(changes)

    def once(rule: str, text: str) -> int:
        if rule not in notes_once:
            changes.append(Change(len(changes) + 1, 0, 0, rule, text))
            notes_once[rule] = len(changes)
        return notes_once[rule]

    for week in plan.weeks:
        w = week.number
        if w > 1 and (state.hold_next is not None or state.ceiling is not None):
            if w - 1 - state.lag >= 1:  # the content week would otherwise advance
                state.lag += 1
                state.lag_change = state.hold_next if state.hold_next else state.ceiling[1]  # type: ignore[index]
            state.hold_next = None
        state.lag = min(state.lag, w - 1)
        sessions: list[Session] = []
        for k, original in enumerate(week.sessions, start=1):
            why: list[int] = []
            session = original
            if original.is_downhill:
                content_week = max(1, w - state.lag)
                base = plan.weeks[content_week - 1].sessions[k - 1]
                grade = min(base.grade_pct, original.grade_pct)
                repeats = min(base.repeats, original.repeats)
                length = min(base.repeat_length_m, original.repeat_length_m)
                focus = original.focus
                if (
                    grade < original.grade_pct
                    or repeats < original.repeats
                    or length < original.repeat_length_m
                ) and state.lag_change is not None:
                    why.append(state.lag_change)
                if state.ceiling is not None and grade > state.ceiling[0]:
                    grade = state.ceiling[0]
                    why.append(state.ceiling[1])
                if state.technique is not None:
                    focus = TECHNIQUE_FOCUS
                    grade = min(grade, state.technique[0])
                    why.append(state.technique[1])
                    state.technique = None
                if state.cut_through is not None and w <= state.cut_through[0]:
                    repeats, length = _lighter(repeats, length)
                    why.append(state.cut_through[1])
                cap = round(previous_top + step, 2)
                if grade > cap:
                    grade = cap
                    why.append(
                        once(
                            "step",
                            "Some descents after a held week are less steep than the plan "
                            f"shows, because the steepest session may rise by at most {step:g} % "
                            "a week at your level: the planner's own rule.",
                        )
                    )
                day = (w - 1) * 7 + original.day
                if w > baseline:
                    limit = planner.SPIKE_LIMIT * max(
                        (
                            d
                            for earlier, d in history
                            if earlier < day and day - earlier <= planner.SPIKE_WINDOW_DAYS
                        ),
                        default=0.0,
                    )
                    spiked = False
                    while repeats > 1 and planner.vertical_drop(repeats, length, grade) > limit:
                        repeats -= 1
                        spiked = True
                    while length > 0 and planner.vertical_drop(repeats, length, grade) > limit:
                        length -= 1.0
                        spiked = True
                    if spiked:
                        why.append(
                            once(
                                "spike",
                                "Some descents after a reduced one have fewer or shorter "
                                "repeats than the plan shows, so that no session's vertical "
                                "drop is more than 10 % above your biggest of the previous 30 "
                                "days: the planner's own rule.",
                            )
                        )
                drop = planner.vertical_drop(repeats, length, grade)
                history.append((day, drop))
                if (focus, grade, repeats, length) != (
                    original.focus,
                    original.grade_pct,
                    original.repeats,
                    original.repeat_length_m,
                ):
                    drill_ids, cues, cadence_cue = planner._session_content(focus, level, grade)
                    session = replace(
                        original,
                        focus=focus,
                        grade_pct=grade,
                        repeats=repeats,
                        repeat_length_m=length,
                        vertical_drop_m=round(drop, 1),
                        drill_ids=drill_ids,
                        key_cues=cues,
                        cadence_cue=cadence_cue,
                    )
                else:
                    why = []
                state.last_descent_grade = session.grade_pct
            sessions.append(session)
            if why:
                touched[(w, k)] = sorted(set(why))
            entry = logged.get((w, k))
            if entry is not None:
                _read_entry(entry, session, week, plan, state, add, _next_descent(plan, w, k))
        new_week = replace(week, sessions=tuple(sessions))
        weeks.append(new_week)
        previous_top = new_week.steepest_grade_pct
        week_entries = [logged.get((w, k)) for k in range(1, len(week.sessions) + 1)]
        if all(e is not None and _good(e) for e in week_entries):
            add(
                week_entries[-1],  # type: ignore[arg-type]
                "good-week",
                f"Week {w}: confidence {GOOD_CONFIDENCE}/5 or more and soreness "
                f"{LOW_SORENESS}/10 or less after every session, so the plan continues as "
                "planned.",
            )

    adjusted = replace(plan, weeks=tuple(weeks))
    highest = max(wk.steepest_grade_pct for wk in weeks)
    if touched:
        reached = highest >= inputs.target_grade_pct
        tail = (
            "and still reaches your target."
            if reached
            else f"short of your {planner.pct(inputs.target_grade_pct)} % target; add weeks "
            "rather than taking bigger steps."
        )
        note = (
            f"Adjusted to your training log: the plan now reaches {planner.pct(highest)} %, {tail}"
        )
        adjusted = replace(adjusted, highest_grade_pct=highest, reached_target=reached, note=note)
    return Adjusted(adjusted, tuple(changes), {k: tuple(v) for k, v in touched.items()})


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
    add: Callable[[LogEntry, str, str], int],
    next_descent: tuple[Week, Session] | None,
) -> None:
    """Update ``state`` with what one entry asks of the sessions after it."""
    w = week.number
    last_week = len(plan.weeks)
    grade_here = session.grade_pct if session.is_downhill else state.last_descent_grade
    content_week = max(1, w - state.lag)
    held = plan.weeks[content_week - 1].steepest_grade_pct
    if state.ceiling is not None:
        held = min(held, state.ceiling[0])
    hold_text = (
        f"week {w + 1} holds steepness at {planner.pct(held)} % or less" if w < last_week else ""
    )

    what = _flagged(entry, (("pain", "pain"), ("fall", "a fall or near-fall")))
    if what:
        back = "steps back to the previous week's steepness and " if content_week > 1 else ""
        number = add(
            entry,
            "pain",
            f"{what} during {_when(entry)}: rest until it has settled, and see a "
            "physiotherapist or doctor if pain lasts, comes back or changes how you run. The "
            f"plan {back}keeps every descent at or below {planner.pct(grade_here)} % until you "
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
                f"the next descent ({_slot_name(nw, ns)}) becomes posture and foot-landing "
                f"practice at no more than {planner.pct(grade_here)} %"
            )
        if hold_text:
            parts.append(hold_text)
        if parts:
            number = add(
                entry, "form", f"{what} during {_when(entry)}: " + " and ".join(parts) + "."
            )
            if next_descent is not None:
                state.technique = (grade_here, number)
            if hold_text:
                state.hold_next = number

    causes = []
    if entry.soreness is not None and entry.soreness >= HIGH_SORENESS:
        causes.append(f"soreness was {entry.soreness}/10 two days after {_when(entry)}")
    if session.is_downhill and entry.rpe >= HIGH_RPE:
        causes.append(f"effort was {entry.rpe}/10 on {_when(entry)}")
    if causes:
        through = min(w + 1, last_week)
        fewer = (
            f"the descents until the end of week {through} have about "
            f"{round(VOLUME_CUT * 100)} % fewer repeats"
        )
        action = (
            f"{hold_text[0].upper()}{hold_text[1:]} and {fewer}"
            if hold_text
            else fewer[0].upper() + fewer[1:]
        )
        number = add(entry, "effort", f"{action}, because {' and '.join(causes)}.")
        state.cut_through = (through, number)
        if hold_text:
            state.hold_next = number

    if session.is_downhill and entry.confidence <= LOW_CONFIDENCE and hold_text:
        number = add(
            entry,
            "confidence",
            f"{hold_text[0].upper()}{hold_text[1:]}, because confidence was "
            f"{entry.confidence}/5 on {_when(entry)}: move up when a slope feels routine.",
        )
        state.hold_next = number


def adjust(plan: Plan, log_entries: Iterable[LogEntry]) -> tuple[Plan, list[str]]:
    """The public contract: the adjusted plan and the reason for each change, in plain words."""
    adjusted = adjust_plan(plan, log_entries)
    return adjusted.plan, [c.text for c in adjusted.changes]


__all__ = [
    "CADENCE_RANGE_SPM",
    "CONFIDENCE_RANGE",
    "FLAGS",
    "GOOD_CONFIDENCE",
    "HIGH_RPE",
    "HIGH_SORENESS",
    "LOG_RULES",
    "LOW_CONFIDENCE",
    "LOW_SORENESS",
    "RPE_RANGE",
    "SCHEMA_VERSION",
    "SORENESS_RANGE",
    "VOLUME_CUT",
    "Adjusted",
    "Change",
    "LogEntry",
    "Store",
    "adjust",
    "adjust_plan",
    "dump_store",
    "entry_form_texts",
    "parse_key",
    "parse_store",
    "plan_keys",
    "read_entry_form",
    "read_store",
    "session_key",
]
