"""Training-log entries: what a runner records after a session, and reading it from the form."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from drills.errors import InputError, check_whole, shown
from drills.exposure import CONFIDENCE_RANGE, RPE_RANGE, SORENESS_RANGE
from drills.planner import DATE_RANGE as DATE_RANGE
from drills.planner import SESSIONS_RANGE, WEEKS_RANGE, Plan
from drills.words import long_date

MAX_NOTE_CHARS = 500
CADENCE_RANGE_SPM = (100, 250)  # measured steps per minute; wider than any running cadence
# The first day a session or run may be dated: GPS running watches came later, and a watch that
# has lost its clock dates a run at its clock's zero (1970, 1980 or 1989).
# (the planner's DATE_RANGE, one rule for plans, sessions and runs)
FIRST_DATE = DATE_RANGE[0]
FUTURE_GRACE = dt.timedelta(days=1)  # the reader's "today" may be a day behind the runner's
MAX_SESSIONS_PER_WEEK = SESSIONS_RANGE[1] + 1  # downhill sessions plus conditioning

# The things that went wrong, in the order the form and the exports list them.
FLAGS: dict[str, str] = {
    "knee_collapse": "Knee collapse",
    "heavy_braking": "Heavy braking",
    "pain": "Pain",
    "fall": "Fall or near-fall",
}


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
        check_whole("session", "Week", self.week, 1, WEEKS_RANGE[1])
        check_whole("session", "Session", self.session, 1, MAX_SESSIONS_PER_WEEK)
        if isinstance(self.date, dt.datetime) or not isinstance(self.date, dt.date):
            raise InputError("date", f"Date must be a date; you entered {shown(self.date)}.")
        if not DATE_RANGE[0] <= self.date <= DATE_RANGE[1]:
            raise InputError(
                "date",
                f"Date must be between {long_date(DATE_RANGE[0])} and {long_date(DATE_RANGE[1])}; "
                f"you entered {self.date.isoformat()}.",
            )
        check_whole("rpe", "Effort (RPE)", self.rpe, *RPE_RANGE)
        check_whole("confidence", "Confidence", self.confidence, *CONFIDENCE_RANGE)
        if self.soreness is not None:
            check_whole("soreness", "Soreness", self.soreness, *SORENESS_RANGE, ", or empty")
        if self.cadence_spm is not None:
            check_whole(
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


def after_today(day: dt.date, today: dt.date) -> bool:
    """Whether a session or run dated ``day`` cannot have happened yet, ``today`` being the
    reader's date (a day's grace for time zones)."""
    return day > today + FUTURE_GRACE


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
        return check_whole(field_name, label, value, low, high, extra)
    except InputError:
        raise InputError(
            field_name,
            f"{label} must be a whole number from {low} to {high}{extra}; "
            f"you entered {shown(raw)}.",
        ) from None


def low_high(bounds: tuple[int, int]) -> str:
    """ "1–10": a scale's range as the form's messages say it."""
    return f"{bounds[0]}–{bounds[1]}"


def read_entry_form(
    texts: Mapping[str, object], keys: Iterable[tuple[int, int]], today: dt.date
) -> tuple[LogEntry | None, dict[str, str]]:
    """A log entry from the log form's raw texts, or the errors to show beside each field.

    ``keys`` are the sessions of the plan on the page; ``today`` is the reader's date, so a
    session cannot be logged as done in the future.
    """
    errors: dict[str, str] = {}
    key = parse_key(texts.get("session"))
    if not texts.get("session"):
        errors["session"] = "Choose the session you are logging."
    elif key is None or key not in set(keys):
        errors["session"] = "That session is not in this plan; choose one from the list."

    day: dt.date | None = None
    date_text = texts.get("date")
    date_text = date_text.strip() if isinstance(date_text, str) else ""
    if not date_text:
        errors["date"] = "Enter the date you ran the session, like 2026-03-05."
    else:
        try:
            day = dt.date.fromisoformat(date_text)
        except ValueError:
            errors["date"] = (
                "Date must be a date like 2026-03-05 (year-month-day); "
                f"you entered {shown(date_text)}."
            )
        else:
            if after_today(day, today):
                errors["date"] = "That date is in the future: log a session after you have run it."
            elif day < FIRST_DATE:
                errors["date"] = (
                    f"Date must be on or after {long_date(FIRST_DATE)}; you entered {date_text}."
                )

    numbers: dict[str, int | None] = {}
    for name, label, (low, high), extra, missing in (
        (
            "rpe",
            "Effort (RPE)",
            RPE_RANGE,
            "",
            f"Choose how hard the session felt, {low_high(RPE_RANGE)}.",
        ),
        (
            "confidence",
            "Confidence",
            CONFIDENCE_RANGE,
            "",
            f"Choose how confident you felt on the descent, {low_high(CONFIDENCE_RANGE)}.",
        ),
        ("soreness", "Soreness", SORENESS_RANGE, ", or empty", None),
        ("cadence", "Cadence", CADENCE_RANGE_SPM, " steps/min, or empty", None),
    ):
        raw = texts.get(name, "")
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            numbers[name] = None
            if missing is not None:
                errors[name] = missing
            continue
        try:
            numbers[name] = _int_text(raw, name, label, low, high, extra)
        except InputError as error:
            errors[name] = str(error)

    flags = texts.get("flags", [])
    ticked = (
        [f for f in flags if isinstance(f, str) and f in FLAGS] if isinstance(flags, list) else []
    )
    if not isinstance(flags, list) or len(ticked) != len(flags):
        errors["flags"] = "Tick only the listed problems."
    note = texts.get("note", "")
    if not isinstance(note, str):
        errors["note"] = "The note must be text."
        note = ""
    elif len(note.strip()) > MAX_NOTE_CHARS:
        errors["note"] = (
            f"The note must be at most {MAX_NOTE_CHARS} characters; yours has {len(note.strip())}."
        )
    rpe, confidence = numbers.get("rpe"), numbers.get("confidence")
    if errors or key is None or day is None or rpe is None or confidence is None:
        return None, errors
    try:
        entry = LogEntry(
            key[0],
            key[1],
            day,
            rpe,
            confidence,
            soreness=numbers["soreness"],
            cadence_spm=numbers["cadence"],
            flags=tuple(ticked),
            note=_clean_note(note),
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
