"""The training log on the planner page: the regions it fills and the data its form needs
(what it shows beside each session is ``log_sessions``).

The log is read from the stored text the browser keeps (``training_log.read_store``), which may
be damaged or tampered with; every string that reaches the page goes through ``esc``. The log's
static markup (its form, its files and rules) is a template (overrides/partials/tools/).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from drills import training_log
from drills.planner import Plan
from drills.render import forms, planner_view
from drills.render.context import Context
from drills.render.html import attrs, esc, number
from drills.render.log_sessions import (
    beside,
    entry_html,
    entry_summary,
    session_name,
    short_date,
)
from drills.render.plan_cards import SessionsLog
from drills.render.regions import Region, region
from drills.training_log import LogEntry, Reading, Store, session_key
from drills.words import counted, day_date


@dataclass(frozen=True)
class LogView:
    """What the page shows of the log for one plan: the plan as the log has adjusted it, its
    regions, what it shows beside the plan's sessions, the status line, and data for the
    page's script."""

    plan: Plan | None  # None: the planner's form is invalid
    beside: SessionsLog
    regions: tuple[Region, ...]
    summary: str
    data: Mapping[str, Any] = field(default_factory=dict)
    fits: bool = False  # the kept log belongs to this plan


def restored_texts(store: Store, texts: Mapping[str, str]) -> dict[str, str] | None:
    """The planner texts the log was kept for, when the page should show them instead."""
    if not store.entries or planner_view.stored_plan(store) is None:
        return None
    own = forms.read(planner_view.FIELDS, store.plan_texts() or {}).texts
    return own if own != dict(texts) else None


# --- The log's own regions ---------------------------------------------------------------------------


def _describe(texts: Mapping[str, str]) -> str:
    return (
        f"{texts.get('current', '?')} % to {texts.get('target', '?')} % over "
        f"{texts.get('weeks', '?')} weeks, {texts.get('sessions', '?')} descents a week, "
        f"{texts.get('level', '?')}"
    )


@lru_cache(maxsize=256)  # the same sessions' options, change after change
def _option(value: str, name: str, selected: bool, done: bool) -> str:
    label = f"{esc(name)}{' (done)' if done else ''}"
    return f"<option{attrs(value=value, selected=selected)}>{label}</option>"


def _options(
    plan: Plan | None, logged: Mapping[tuple[int, int], LogEntry], selected: str
) -> Region:
    options = ['<option value="">Choose a session</option>']
    for key in training_log.plan_keys(plan) if plan else []:
        text = session_key(*key)
        name = session_name(plan, *key)  # type: ignore[arg-type]
        options.append(_option(text, name, text == selected, key in logged))
    attributes = attrs(
        id="dc-log-session",
        name="session",
        aria_describedby="dc-log-session-hint dc-log-session-error",
    )
    return region("select", "log-options", "".join(options), attributes=attributes)


def _runs_html(runs: tuple[training_log.LoggedRun, ...]) -> str:
    """The runs added from activity files, each with what the log reads of it."""
    items = []
    for run in runs:
        steepest = (
            f", steepest sustained {number(run.steepest_grade_pct, 0)} %"
            if run.steepest_grade_pct is not None
            else ""
        )
        key = training_log.run_key(run)
        button = (
            f'<button type="button" class="md-button dc-log-button"'
            f"{attrs(data_action='log:remove-run', data_key=key, aria_label=f'Remove the run of {run.date.isoformat()}')}>"
            "Remove</button>"
        )
        items.append(
            f"<li>{esc(day_date(run.date))}, {esc(run.name)}: "
            f"{number(run.descent_m, 0)} m of descent{steepest}. {button}</li>"
        )
    return (
        '<h3 id="dc-log-runs-title">Runs from your activity files</h3>'
        "<p>The log reads these too: a run with far more descent than your recent sessions "
        "holds the plan back.</p>"
        f'<ul class="dc-log-runs">{"".join(items)}</ul>'
    )


def _printed(plan: Plan, logged: Mapping[tuple[int, int], LogEntry]) -> str:
    """The logged sessions for the printed handout (on screen each card shows its own)."""
    items = "".join(
        f'<li data-log-entry="{session_key(*key)}"><strong>{esc(session_name(plan, *key))}'
        f"</strong>{entry_html(logged[key])}</li>"
        for key in sorted(logged)
    )
    return f'<div class="dc-print-only"><h4>Sessions logged</h4><ul class="dc-log-printed">{items}</ul></div>'


def _blank_form(plan: Plan, key: tuple[int, int], today: dt.date) -> dict[str, object]:
    planned = plan.weeks[key[0] - 1].sessions[key[1] - 1].date
    day = planned if planned is not None and planned <= today else today
    texts: dict[str, object] = dict.fromkeys(
        ("rpe", "confidence", "soreness", "cadence", "note"), ""
    )
    return {**texts, "session": session_key(*key), "date": day.isoformat(), "flags": []}


def _view(region_html: str) -> Region:
    return region("div", "log-view", region_html, attributes=' class="dc-log-view" data-log-view')


def _unread_button(which: str, text: str) -> str:
    return (
        f'<button type="button" class="md-button"'
        f"{attrs(data_action='log:export-unread', data_key=which)}>{esc(text)}</button>"
    )


def _unread_notice(reading: Reading, aside: bool) -> str:
    """What the page could not read of the kept log, what becomes of it, and its download.

    A text the page cannot read in full is never written over (``bridge.log``): the next
    change keeps it aside in this browser, or is refused when a newer page version saved it.
    """
    html = ""
    if not reading.complete and reading.message:
        if reading.newer:
            then = "Nothing is changed on this page until then, so that log stays as it is."
        elif reading.store.entries or reading.store.runs:
            then = (
                "Nothing is lost: your next change keeps what could be read, and the whole text "
                "is kept aside in this browser, to download at any time."
            )
        else:
            then = (
                "Nothing is lost: your next change starts a new log, and this text is kept aside "
                "in this browser, to download at any time."
            )
        if aside and not reading.newer:
            then = (
                "This browser already keeps an unread log aside, and keeps one at a time: "
                "download that one and delete it, so that your next change can set this one "
                "aside too."
            )
        html += (
            f'<div class="dc-log-notice" data-log-unread><p class="dc-log-message">'
            f"{esc(reading.message)}</p><p>{esc(then)}</p>"
            f"<p>{_unread_button('stored', 'Download it as it is')}</p></div>"
        )
    if aside:
        html += (
            '<div class="dc-log-notice" data-log-aside><p>A training log this page could not '
            "read in full is kept aside in this browser, exactly as it was.</p><p>"
            f"{_unread_button('aside', 'Download the kept log')} "
            '<button type="button" class="md-button" data-action="log:drop-aside">'
            "Delete the kept log</button></p></div>"
        )
    return html


def plan_notes(reading: Reading, plan: Plan) -> dict[tuple[int, int], str] | None:
    """The notes on ``plan``'s sessions (a coach's to the athlete, or back), or None when the
    log was kept for another plan: another plan's notes are no notes for this one."""
    kept = planner_view.stored_plan(reading.store)
    if kept is None or not training_log.same_plan(kept, plan):
        return None
    keys = set(training_log.plan_keys(plan))
    return {(w, k): text for w, k, text in reading.notes if text and (w, k) in keys}


def log_view(plan: Plan | None, reading: Reading, context: Context) -> LogView:
    """Everything the page shows of the log beside this plan (None: the form is invalid)."""
    today, selected = context.today, context.selected
    store, message = reading.store, reading.message
    message_html = _unread_notice(reading, context.aside)
    if message and reading.complete:
        message_html += f'<p class="dc-log-message">{esc(message)}</p>'
    reminder = training_log.backup_reminder(
        store.entries, context.backup_date, context.backed_up, today
    )
    if reminder:
        message_html += f'<p class="dc-log-message dc-log-backup">{esc(reminder)}</p>'
    if plan is None:
        html = (
            message_html + '<p class="dc-log-message">Correct the plan’s highlighted fields to '
            "see your log beside it.</p>"
        )
        summary = message or "Correct the plan’s highlighted fields to see your log."
        regions = (_view(html), _options(None, {}, ""))
        return LogView(None, SessionsLog({}), regions, summary, {"message": message})
    keys = training_log.plan_keys(plan)
    kept = planner_view.stored_plan(store)
    mismatch = not training_log.fits(store, plan, kept)
    logged = {e.key: e for e in store.entries if e.key in set(keys)}
    outside = [] if mismatch else [e for e in store.entries if e.key not in set(keys)]
    adjusted = None if mismatch else training_log.adjust_plan(plan, store.entries, store.runs)
    shown = adjusted.plan if adjusted else plan  # what the page shows, everywhere
    forms_data = {
        session_key(*key): (
            training_log.entry_form_texts(logged[key])
            if key in logged and not mismatch  # another plan's entry is no start for this one
            else _blank_form(plan, key, today)
        )
        for key in keys
    }
    own = plan_notes(reading, plan)
    notes = own or {}
    noting = own is not None and bool(reading.athlete)
    parts = [message_html]
    if mismatch:
        parts.append(
            '<div class="dc-log-notice"><p>This log was kept for a different plan '
            f"({esc(_describe(store.plan_texts() or {}))}), so its entries are not shown beside "
            "this one.</p>"
            '<p><button type="button" class="md-button" data-action="log:show-plan">'
            "Show the plan this log belongs to</button></p></div>"
        )
    remaining = sum(1 for key in adjusted.sessions if key not in logged) if adjusted else 0
    changes = "".join(
        f'<li id="dc-log-change-{c.number}">{esc(c.text)}</li>'
        for c in (adjusted.changes if adjusted else ())
    )
    parts.append(
        '<h3 id="dc-log-changes-title">What your log changed</h3>'
        f'<p data-log-count="{len(logged)}">{len(logged)} of '
        f"{counted(len(keys), 'session', 'sessions')} logged."
        + (
            f" The log changed {remaining} of the sessions still to come; each change says "
            "why on the session's card."
            if remaining
            else ""
        )
        + "</p>"
        + (
            f'<ol class="dc-log-changes">{changes}</ol>'
            if changes
            else "<p>Nothing yet: sessions go as planned until your log says otherwise.</p>"
        )
    )
    if logged and not mismatch:
        parts.append(_printed(shown, logged))
    if outside:
        items = "".join(
            f"<li>Week {e.week}, session {e.session}: {esc(short_date(e.date))}, "
            f"{esc(entry_summary(e))}.</li>"
            for e in outside
        )
        parts.append(
            "<p>Entries for sessions this plan does not have (kept, not used):</p>"
            f'<ul class="dc-log-outside">{items}</ul>'
        )
    if store.runs:
        parts.append(_runs_html(store.runs))
    if mismatch:
        summary = "This log belongs to a different plan; press “Show the plan this log belongs to”."
    else:
        summary = f"Training log: {len(logged)} of {counted(len(keys), 'session', 'sessions')}" + (
            f" logged, {counted(remaining, 'later session', 'later sessions')} adjusted."
            if remaining
            else " logged."
        )
    return LogView(
        shown,
        beside(plan, adjusted, {} if mismatch else logged, notes, noting),
        (_view("".join(parts)), _options(shown, logged, selected)),
        message or summary,
        {
            "forms": forms_data,
            "message": message,
            "logged_plan": store.plan_texts() if mismatch else None,
            "notes": {session_key(*key): text for key, text in notes.items()},
        },
        fits=not mismatch,
    )
