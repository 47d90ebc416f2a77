"""Files a runner or coach takes away: a calendar of the plan, and spreadsheets of plan and log.

The calendar is iCalendar (RFC 5545): one all-day event per session, since the planner gives
days, not times of day. Each event's UID is derived from the plan's inputs (not its start
date or length) and the session's week and place, so an export after changing the start date,
lengthening the plan or logging more sessions carries the same UIDs as the one before. Lines
end in CRLF and are folded at 75 octets without splitting a UTF-8 character; text values
escape backslash, semicolon, comma and line breaks.

The spreadsheets are CSV (RFC 4180): UTF-8, a header row, one row per session or entry. A
spreadsheet may split a row at a comma, a semicolon or a tab (by its locale), and read a cell
that starts with = + - @ as a formula. Every cell holding one of these anywhere is quoted, and
an apostrophe goes before = + - @ wherever a cell could start in any locale (the cell's start,
after a separator or a line break): a locale that splits at another separator than ours does
not see our quotes, and must still find no formula.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping

from drills import catalog
from drills.csv_cells import csv_text
from drills.errors import InputError
from drills.planner import Plan, PlanInputs, Session, Week
from drills.render.plan_cards import FOCUS_TITLES
from drills.session_content import practice_note
from drills.training_log import FLAGS, LogEntry
from drills.words import pct

UID_DOMAIN = "downhill-confidence.example"  # the site's host (mkdocs.yml site_url)
PRODID = "-//Downhill Confidence//Progression planner//EN"
MAX_LINE_OCTETS = 75

FOCUS_NAMES = FOCUS_TITLES  # the planner page's names for each kind of session

Key = tuple[int, int]


# --- iCalendar ----------------------------------------------------------------------------------


def ics_text(value: str) -> str:
    """A TEXT value escaped as RFC 5545 §3.3.11 asks: \\\\, \\;, \\, and \\n for a line break."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = "".join(c for c in value if c in "\n\t" or (ord(c) >= 0x20 and c != "\x7f"))
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded into CRLF-separated pieces of at most 75 octets (RFC 5545 §3.1).

    Each continuation starts with a space, which counts towards its 75 octets; a UTF-8
    character is never split.
    """
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > MAX_LINE_OCTETS:
            pieces.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += octets
    pieces.append("".join(current))
    return "\r\n".join(pieces)


def plan_id(inputs: PlanInputs) -> str:
    """A short, stable id for a plan's inputs.

    The start date and the number of weeks are left out on purpose: changing them moves the
    sessions or adds weeks at the end (a shorter plan is a prefix of a longer one), and the
    calendar should update the same events rather than add copies.
    """
    text = "|".join(
        (
            repr(float(inputs.current_grade_pct)),
            repr(float(inputs.target_grade_pct)),
            str(inputs.sessions_per_week),
            inputs.level,
            repr(float(inputs.slope_length_m)),
        )
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def session_uid(inputs: PlanInputs, week: int, session: int) -> str:
    return f"{plan_id(inputs)}-w{week:02d}-s{session}@{UID_DOMAIN}"


def _work(s: Session) -> str:
    if not s.is_downhill:
        return f"{s.repeats} rounds of the conditioning circuit"
    return (
        f"{pct(s.grade_pct)} % slope, {s.repeats} × {s.repeat_length_m:g} m repeats, "
        f"{s.vertical_drop_m:.1f} m vertical drop; walk back up between repeats"
    )


def _entry_text(entry: LogEntry) -> str:
    parts = [
        f"Done on {entry.date.isoformat()}",
        f"effort {entry.rpe}/10",
        "soreness not yet noted" if entry.soreness is None else f"soreness {entry.soreness}/10",
        f"confidence {entry.confidence}/5",
    ]
    if entry.cadence_spm is not None:
        parts.append(f"cadence {entry.cadence_spm} steps/min")
    if entry.flags:
        parts.append(", ".join(FLAGS[f].lower() for f in entry.flags))
    text = "; ".join(parts) + "."
    return text + (f"\nNote: {entry.note}" if entry.note else "")


def _description(week: Week, k: int, s: Session, entry: LogEntry | None, note: str | None) -> str:
    lines = [
        f"Week {week.number}{', lighter week' if week.is_lighter else ''}, session {k} of "
        f"{len(week.sessions)}.",
        f"{FOCUS_NAMES[s.focus]}: {_work(s)}.",
    ]
    if s.key_cues:
        lines.append("Key cues:\n" + "\n".join(f"- {cue}" for cue in s.key_cues))
    lines.append("Cadence: " + s.cadence_cue)
    if s.drill_ids:
        lines.append("Drills: " + "; ".join(catalog.get(i).name for i in s.drill_ids))
    if s.practice_ids:
        lines.append(practice_note(s.practice_ids))
    if note:
        lines.append("Changed by your log: " + note)
    if entry is not None:
        lines.append(_entry_text(entry))
    return "\n".join(lines)


def plan_ics(
    plan: Plan,
    dtstamp: dt.datetime,
    entries: Iterable[LogEntry] = (),
    notes: Mapping[Key, str] | None = None,
) -> str:
    """The plan's sessions as an iCalendar file: one all-day event per session.

    The plan needs dates (a start date); ``dtstamp`` is when the file is made (a naive time is
    taken as UTC). ``entries`` add what was logged to each session's description and ``notes``
    why the log changed it.
    """
    if any(s.date is None for w in plan.weeks for s in w.sessions):
        raise InputError("start", "The calendar needs a start date: enter one in Start date.")
    if dtstamp.tzinfo is not None:
        dtstamp = dtstamp.astimezone(dt.UTC)
    stamp = dtstamp.strftime("%Y%m%dT%H%M%SZ")
    logged = {e.key: e for e in entries}
    notes = notes or {}
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + ics_text("Downhill plan"),
    ]
    for week in plan.weeks:
        for k, s in enumerate(week.sessions, start=1):
            assert s.date is not None
            title = f"Downhill: {FOCUS_NAMES[s.focus]}"
            if s.is_downhill:
                title += f", {pct(s.grade_pct)} %"
            lines += [
                "BEGIN:VEVENT",
                f"UID:{session_uid(plan.inputs, week.number, k)}",
                f"DTSTAMP:{stamp}",
                f"DTSTART;VALUE=DATE:{s.date:%Y%m%d}",
                f"DTEND;VALUE=DATE:{s.date + dt.timedelta(days=1):%Y%m%d}",
                "SUMMARY:" + ics_text(title),
                "DESCRIPTION:"
                + ics_text(
                    _description(
                        week, k, s, logged.get((week.number, k)), notes.get((week.number, k))
                    )
                ),
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


# --- CSV ----------------------------------------------------------------------------------------

LOG_COLUMNS = (
    "Done on",
    "Effort (RPE 1-10)",
    "Soreness after 48 h (0-10)",
    "Confidence (1-5)",
    "Cadence (steps/min)",
    *FLAGS.values(),
    "Note",
)
PLAN_COLUMNS = (
    "Week",
    "Session",
    "Date",
    "Day",
    "Lighter week",
    "Focus",
    "Steepness (%)",
    "Repeats or rounds",
    "Repeat length (m)",
    "Vertical drop (m)",
    "Drills",
    "Key cues",
    "Cadence cue",
    "Changed by the log",
    *LOG_COLUMNS,
)
LOG_CSV_COLUMNS = ("Week", "Session", *LOG_COLUMNS)


def _number(value: float) -> str:
    return f"{round(value, 2):g}"


def _log_cells(entry: LogEntry | None) -> list[str]:
    if entry is None:
        return [""] * len(LOG_COLUMNS)
    return [
        entry.date.isoformat(),
        str(entry.rpe),
        "" if entry.soreness is None else str(entry.soreness),
        str(entry.confidence),
        "" if entry.cadence_spm is None else str(entry.cadence_spm),
        *("yes" if entry.has(flag) else "" for flag in FLAGS),
        entry.note,
    ]


def plan_csv(
    plan: Plan, entries: Iterable[LogEntry] = (), notes: Mapping[Key, str] | None = None
) -> str:
    """The plan as CSV, one row per session, with the log entry (if any) beside each."""
    logged = {e.key: e for e in entries}
    notes = notes or {}
    rows: list[list[str]] = [list(PLAN_COLUMNS)]
    for week in plan.weeks:
        for k, s in enumerate(week.sessions, start=1):
            rows.append(
                [
                    str(week.number),
                    str(k),
                    "" if s.date is None else s.date.isoformat(),
                    str(s.day),
                    "yes" if week.is_lighter else "",
                    FOCUS_NAMES[s.focus],
                    _number(s.grade_pct) if s.is_downhill else "",
                    str(s.repeats),
                    _number(s.repeat_length_m) if s.is_downhill else "",
                    f"{s.vertical_drop_m:.1f}" if s.is_downhill else "",
                    _drills_cell(s),
                    " ".join(s.key_cues),
                    s.cadence_cue,
                    notes.get((week.number, k), ""),
                    *_log_cells(logged.get((week.number, k))),
                ]
            )
    return csv_text(rows)


def _drills_cell(s: Session) -> str:
    names = "; ".join(catalog.get(i).name for i in s.drill_ids)
    return f"{names} {practice_note(s.practice_ids)}".strip()


def log_csv(entries: Iterable[LogEntry]) -> str:
    """The log as CSV, one row per entry in plan order."""
    rows: list[list[str]] = [list(LOG_CSV_COLUMNS)]
    for entry in sorted(entries, key=lambda e: e.key):
        rows.append([str(entry.week), str(entry.session), *_log_cells(entry)])
    return csv_text(rows)


__all__ = [
    "LOG_COLUMNS",
    "LOG_CSV_COLUMNS",
    "PLAN_COLUMNS",
    "fold",
    "ics_text",
    "log_csv",
    "plan_csv",
    "plan_ics",
    "plan_id",
    "session_uid",
]
