"""The training log beside the plan's sessions: each session's cell (Mark done, or what was
logged), what the log changed in a session and why, and the words that name sessions.

Every string from the stored log reaches the page through ``esc`` (it may be tampered with).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache

from drills import training_log
from drills.planner import Plan, Session
from drills.render.html import attrs, esc, number
from drills.render.plan_cards import DAY_NAMES, FOCUS_TITLES, SessionsLog
from drills.render.regions import Region, region
from drills.training_log import FLAGS, LogEntry, session_key

# --- Text ----------------------------------------------------------------------------------------


def short_date(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def session_name(plan: Plan, week: int, k: int) -> str:
    s = plan.weeks[week - 1].sessions[k - 1]
    when = short_date(s.date) if s.date else DAY_NAMES[s.day - 1]
    return f"Week {week}, {when}: {FOCUS_TITLES[s.focus]}"


def entry_summary(entry: LogEntry) -> str:
    parts = [
        f"effort {entry.rpe}/10",
        "soreness not yet noted" if entry.soreness is None else f"soreness {entry.soreness}/10",
        f"confidence {entry.confidence}/5",
    ]
    if entry.cadence_spm is not None:
        parts.append(f"{entry.cadence_spm} steps/min")
    return ", ".join(parts)


def change_text(before: Session, after: Session) -> str:
    """What the log changed in a session, in words."""
    parts = []
    if after.focus != before.focus:
        parts.append(
            f"{FOCUS_TITLES[after.focus].lower()} practice instead of "
            f"{FOCUS_TITLES[before.focus].lower()}"
        )
    if after.grade_pct != before.grade_pct:
        parts.append(f"{number(after.grade_pct, 1)} % instead of {number(before.grade_pct, 1)} %")
    if (after.repeats, after.repeat_length_m) != (before.repeats, before.repeat_length_m):
        parts.append(
            f"{after.repeats} × {number(after.repeat_length_m, 0)} m instead of "
            f"{before.repeats} × {number(before.repeat_length_m, 0)} m"
        )
    parts.append(f"drop {number(after.vertical_drop_m, 1)} m")
    return "; ".join(parts)


def change_notes(plan: Plan, adjusted: training_log.Adjusted) -> dict[tuple[int, int], str]:
    """Why each changed session changed, for the exports."""
    texts = {c.number: c.text for c in adjusted.changes}
    notes = {}
    for key, numbers in adjusted.sessions.items():
        before = plan.weeks[key[0] - 1].sessions[key[1] - 1]
        after = adjusted.plan.weeks[key[0] - 1].sessions[key[1] - 1]
        notes[key] = change_text(before, after) + ". " + " ".join(texts[n] for n in numbers)
    return notes


# --- The cells beside the plan's sessions ----------------------------------------------------------


def _button(action: str, key: str, text: str) -> str:
    where = f"week {key.replace('-', ', session ')}"
    return (
        f'<button type="button" class="md-button dc-log-button"'
        f"{attrs(data_action=f'log:{action}', data_key=key, aria_label=f'{text}: {where}')}>"
        f"{esc(text)}</button>"
    )


@cache  # pure, and asked for every session of every plan the reader tries
def _unlogged(key: str) -> str:
    return _button("mark", key, "Mark done")


def _cell(key: str, content: str) -> Region:
    # Focusable from script: after a save, focus moves here, to what was saved (training-log.js).
    attributes = f' class="dc-log-cell" data-log-cell="{key}" tabindex="-1"'
    return region("div", f"log-{key}", content, attributes=attributes)


def entry_html(entry: LogEntry) -> str:
    flags = (
        f' <span class="dc-log-flagged">{esc(", ".join(FLAGS[f] for f in entry.flags))}.</span>'
        if entry.flags
        else ""
    )
    note = f'<p class="dc-log-note">{esc(entry.note)}</p>' if entry.note else ""
    return (
        f'<p class="dc-log-done"><strong>Done</strong> {esc(short_date(entry.date))}: '
        f"{esc(entry_summary(entry))}.{flags}</p>{note}"
    )


def _logged_html(entry: LogEntry) -> str:
    key = session_key(*entry.key)
    return (
        f'{entry_html(entry)}<div class="dc-log-buttons">{_button("mark", key, "Edit")}'
        f"{_button('remove', key, 'Remove')}</div>"
    )


NOTE_LABEL = "Session note:"  # on the plan's card and in session mode


def _session_note(key: str, note: str, noting: bool) -> str:
    """A planned session's note (a coach's to the athlete, or back), as text; and, on a plan
    kept for a named athlete, the button that opens the note's form in the card."""
    shown = f'<p class="dc-session-note"><strong>{NOTE_LABEL}</strong> {esc(note)}</p>'
    button = _button("note", key, "Edit the note" if note else "Note for this session")
    return (shown if note else "") + (
        f'<div class="dc-log-buttons">{button}</div>' if noting else ""
    )


def beside(
    plan: Plan,
    adjusted: training_log.Adjusted | None,
    logged: Mapping[tuple[int, int], LogEntry],
    notes: Mapping[tuple[int, int], str] | None = None,
    noting: bool = False,
) -> SessionsLog:
    """The log's cell beside each session (with its note, and with ``noting`` the button to
    write one), and what the log changed in the sessions."""
    cells, changes = {}, {}
    for key in training_log.plan_keys(plan):
        text = session_key(*key)
        entry = logged.get(key)
        note = _session_note(text, (notes or {}).get(key, ""), noting)
        cells[key] = _cell(text, (_logged_html(entry) if entry else _unlogged(text)) + note)
        why = adjusted.sessions.get(key) if adjusted else None
        if adjusted and why:
            before = plan.weeks[key[0] - 1].sessions[key[1] - 1]
            after = adjusted.plan.weeks[key[0] - 1].sessions[key[1] - 1]
            links = ", ".join(f'<a href="#dc-log-change-{n}">{n}</a>' for n in why)
            changes[key] = (
                f'<p class="dc-log-change"><strong>Changed by your log:</strong> '
                f"{esc(change_text(before, after))} (reason {links}).</p>"
            )
    return SessionsLog(
        cells,
        changes,
        dict(adjusted.sessions) if adjusted else {},
        {key: short_date(e.date) for key, e in logged.items()},
    )
