"""The training log on the planner page: its form, its HTML, and the calls the browser makes.

The browser keeps the log as the exact text ``training_log.dump_store`` returns and hands it
back, untouched, with every call. Nothing here trusts that text: it may be damaged or
tampered with, so it is parsed by ``training_log.read_store`` and every string that reaches
the page is escaped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from drills import training_log
from drills.errors import InputError
from drills.exposure import CONFIDENCE_RANGE, RPE_RANGE, SORENESS_RANGE
from drills.planner import Plan, Session
from drills.render import exports, forms, log_cells, planner_view
from drills.render.html import attrs, esc, fingerprint, number
from drills.rule_text import LOG_RULES
from drills.training_log import FLAGS, LogEntry, Store, session_key

ROOT = planner_view.ROOT
NOT_SAVED = "Please correct the highlighted fields; nothing was saved."
DAY_NAMES = planner_view.DAY_NAMES

RPE_LABELS = {1: "very easy", 2: "easy", 3: "moderate", 4: "somewhat hard", 5: "hard"}
RPE_LABELS |= {7: "very hard", 10: "maximal"}
SORENESS_LABELS = {0: "none", 10: "worst imaginable"}
CONFIDENCE_LABELS = {
    1: "scared, braking all the way",
    2: "tense, braking often",
    3: "cautious but in control",
    4: "mostly relaxed",
    5: "relaxed and in control",
}


# --- The static part: rendered once at build time ----------------------------------------------


def _options(choices: list[tuple[str, str]]) -> str:
    return "".join(f"<option{attrs(value=v)}>{esc(label)}</option>" for v, label in choices)


def _scale(low: int, high: int, labels: dict[int, str]) -> list[tuple[str, str]]:
    return [(str(n), f"{n} – {labels[n]}" if n in labels else str(n)) for n in range(low, high + 1)]


def _field(name: str, label: str, hint: str, control: str) -> str:
    return (
        f'<div class="dc-field">'
        f'<label for="dc-log-{name}">{esc(label)}</label>{control}'
        f'<p class="dc-hint" id="dc-log-{name}-hint">{esc(hint)}</p>'
        f'<p class="dc-error" id="dc-log-{name}-error" data-log-error-for="{name}"></p></div>'
    )


def _described(name: str) -> dict[str, str]:
    return {
        "id": f"dc-log-{name}",
        "name": name,
        "aria_describedby": f"dc-log-{name}-hint dc-log-{name}-error",
    }


def _select(name: str, choices: list[tuple[str, str]]) -> str:
    return f"<select{attrs(**_described(name))}>{_options(choices)}</select>"


def form_html(session_options: str) -> str:
    """The log form, its session list showing the plan the page was built with."""
    flags = "".join(
        f'<label class="dc-check"><input type="checkbox" name="flags"{attrs(value=key)}> '
        f"{esc(label)}</label>"
        for key, label in FLAGS.items()
    )
    fields = [
        _field(
            "session",
            "Session",
            "Or press “Mark done” beside a session in the plan.",
            f"<select{attrs(**_described('session'), data_log_shown=fingerprint(session_options))}>"
            f"{session_options}</select>",
        ),
        _field(
            "date",
            "Date you ran it",
            "The day you ran the session.",
            f'<input type="date"{attrs(**_described("date"), autocomplete="off")}>',
        ),
        _field(
            "rpe",
            "Effort (RPE, 1–10)",
            "How hard the whole session felt.",
            _select("rpe", [("", "Choose"), *_scale(*RPE_RANGE, RPE_LABELS)]),
        ),
        _field(
            "confidence",
            "Confidence on the descent (1–5)",
            "How in control you felt going down.",
            _select(
                "confidence",
                [("", "Choose"), *_scale(*CONFIDENCE_RANGE, CONFIDENCE_LABELS)],
            ),
        ),
        _field(
            "soreness",
            "Soreness two days later (0–10)",
            "Leave empty now; come back in 48 hours and edit the entry.",
            _select(
                "soreness",
                [("", "Not yet"), *_scale(*SORENESS_RANGE, SORENESS_LABELS)],
            ),
        ),
        _field(
            "cadence",
            "Measured cadence (steps/min, optional)",
            "Count one foot for 30 s and multiply by 4, or read your watch.",
            f'<input type="text"{attrs(**_described("cadence"), inputmode="numeric", autocomplete="off", spellcheck="false")}>',
        ),
    ]
    return (
        '<form class="dc-log-form" data-log-form novalidate aria-labelledby="dc-log-form-title">'
        '<h3 id="dc-log-form-title">Mark a session done</h3>'
        f'<div class="dc-log-fields">{"".join(fields)}'
        '<fieldset class="dc-field dc-log-flags" aria-describedby="dc-log-flags-error">'
        "<legend>Anything that went wrong?</legend>"
        f'{flags}<p class="dc-error" id="dc-log-flags-error" data-log-error-for="flags"></p>'
        "</fieldset>"
        '<div class="dc-field dc-log-note-field">'
        '<label for="dc-log-note">Note (optional)</label>'
        f"<textarea{attrs(**_described('note'), rows=3, maxlength=training_log.MAX_NOTE_CHARS)}>"
        "</textarea>"
        '<p class="dc-hint" id="dc-log-note-hint">How it felt, the slope, the weather: up to '
        f"{training_log.MAX_NOTE_CHARS} characters.</p>"
        '<p class="dc-error" id="dc-log-note-error" data-log-error-for="note"></p></div>'
        "</div>"
        '<div class="dc-actions">'
        '<button type="submit" class="md-button md-button--primary">Save to the log</button>'
        "</div></form>"
    )


def rules_html() -> str:
    items = []
    for rule in LOG_RULES:
        source = (
            f' <a href="{ROOT}references/#{esc(rule.source_key)}">Source</a>.'
            if rule.source_key
            else ""
        )
        label = " <em>(coaching practice)</em>" if rule.practice_based else ""
        items.append(
            f"<li><strong>{esc(rule.title)}.</strong> {esc(rule.text)}{label}{source}</li>"
        )
    return f'<ol class="dc-rules dc-log-rules">{"".join(items)}</ol>'


def section_html(fields: dict[str, str]) -> str:
    """The whole log section below the plan, as the page is built: an empty log for the plan
    of these form texts, exactly as ``view`` shows it in the browser."""
    empty = view({"fields": fields, "store": ""})
    return (
        '<section class="dc-log" data-log aria-labelledby="dc-log-title">'
        '<h2 id="dc-log-title">Your training log</h2>'
        '<p class="dc-log-intro">Mark each session done and note how it went; the plan adjusts '
        "the sessions still to come. The log stays in this browser: nothing is sent anywhere "
        "and there is no account. Export it to keep a copy or to send it to your coach.</p>"
        '<p class="dc-status" role="status" data-log-status>'
        "The training log starts once the live calculator has loaded.</p>"
        f"{form_html(empty['options'])}"
        f'<div class="dc-log-view" data-log-view{attrs(data_log_shown=empty["shown"]["html"])}>'
        f"{empty['html']}</div>"
        '<div class="dc-log-files">'
        '<h3 id="dc-log-files-title">Files for you and your coach</h3>'
        '<div class="dc-actions">'
        '<button type="button" class="md-button" data-log-action="export-json">'
        "Export the log (JSON)</button>"
        '<button type="button" class="md-button" data-log-action="export-ics">'
        "Calendar of the plan (.ics)</button>"
        '<button type="button" class="md-button" data-log-action="export-csv-plan">'
        "Plan spreadsheet (CSV)</button>"
        '<button type="button" class="md-button" data-log-action="export-csv-log">'
        "Log spreadsheet (CSV)</button>"
        "</div>"
        '<div class="dc-field dc-field--inline">'
        '<label for="dc-log-import">Import a log file (JSON)</label>'
        '<input type="file" id="dc-log-import" accept=".json,application/json" data-log-import '
        'aria-describedby="dc-log-import-hint">'
        '<p class="dc-hint" id="dc-log-import-hint">Importing replaces the log kept in this '
        "browser and shows the plan it belongs to; export yours first to keep it.</p></div>"
        '<p class="dc-hint">The calendar has one all-day event per session, from your start '
        "date or from today; the spreadsheets open in any spreadsheet program.</p>"
        '<div class="dc-actions"><button type="button" class="md-button" '
        'data-log-action="clear">Delete the log from this browser</button></div>'
        "</div>"
        '<h3 id="dc-log-rules-title">How your log changes the plan</h3>'
        f"{rules_html()}"
        "</section>"
    )


# --- Reading the call arguments -------------------------------------------------------------


def _today(args: dict[str, Any]) -> dt.date:
    text = args.get("today")
    if isinstance(text, str):
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            pass
    return dt.date.today()


def _plan(fields: object, start: dt.date | None = None) -> tuple[Plan | None, dict[str, str]]:
    """The plan for the planner form's raw texts (None when they are not valid) and the texts."""
    raw = (
        {k: v for k, v in fields.items() if isinstance(k, str)} if isinstance(fields, dict) else {}
    )
    reading = forms.read(planner_view.FIELDS, raw)
    if reading.errors:
        return None, reading.texts
    values = dict(reading.values)
    if start is not None and values["start"] is None:
        values["start"] = start
    try:
        return planner_view.compute(values), reading.texts
    except InputError:
        return None, reading.texts


def _same_plan(a: Plan, b: Plan) -> bool:
    """Whether a log kept for one plan fits the other: the same sessions, week by week.

    A different start date only moves the sessions, and a different number of weeks only
    adds or drops weeks at the end (a shorter plan is a prefix of a longer one), so a runner
    who lengthens the plan keeps the log.
    """
    return replace(a.inputs, start_date=None, weeks=0) == replace(
        b.inputs, start_date=None, weeks=0
    )


def _stored_plan(store: Store) -> Plan | None:
    texts = store.plan_texts()
    return None if texts is None else _plan(texts)[0]


# --- The dynamic part: what the log looks like against the plan on the page -----------------


def _short_date(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def _session_name(plan: Plan, week: int, k: int) -> str:
    s = plan.weeks[week - 1].sessions[k - 1]
    when = _short_date(s.date) if s.date else DAY_NAMES[s.day - 1]
    return f"Week {week}, {when}: {planner_view.FOCUS_TITLES[s.focus]}"


def _entry_summary(entry: LogEntry) -> str:
    parts = [
        f"effort {entry.rpe}/10",
        "soreness not yet noted" if entry.soreness is None else f"soreness {entry.soreness}/10",
        f"confidence {entry.confidence}/5",
    ]
    if entry.cadence_spm is not None:
        parts.append(f"{entry.cadence_spm} steps/min")
    return ", ".join(parts)


def _entry_html(entry: LogEntry) -> str:
    flags = (
        f' <span class="dc-log-flagged">{esc(", ".join(FLAGS[f] for f in entry.flags))}.</span>'
        if entry.flags
        else ""
    )
    note = f'<p class="dc-log-note">{esc(entry.note)}</p>' if entry.note else ""
    return (
        f'<p class="dc-log-done"><strong>Done</strong> {esc(_short_date(entry.date))}: '
        f"{esc(_entry_summary(entry))}.{flags}</p>{note}"
    )


def _change_text(before: Session, after: Session) -> str:
    parts = []
    if after.focus != before.focus:
        parts.append(
            f"{planner_view.FOCUS_TITLES[after.focus].lower()} practice instead of "
            f"{planner_view.FOCUS_TITLES[before.focus].lower()}"
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


def _cells(plan: Plan, adjusted: training_log.Adjusted, logged: dict) -> dict[str, str]:
    cells = {}
    for week, new_week in zip(plan.weeks, adjusted.plan.weeks, strict=True):
        for k, (before, after) in enumerate(zip(week.sessions, new_week.sessions, strict=True), 1):
            key = session_key(week.number, k)
            where = log_cells.where(week.number, k)
            entry = logged.get((week.number, k))
            if entry is not None:
                html = (
                    _entry_html(entry)
                    + '<div class="dc-log-buttons">'
                    + log_cells.button("mark", key, "Edit", where)
                    + log_cells.button("remove", key, "Remove", where)
                    + "</div>"
                )
            else:
                html = log_cells.unlogged(week.number, k)
                why = adjusted.sessions.get((week.number, k))
                if why:
                    links = ", ".join(f'<a href="#dc-log-change-{n}">{n}</a>' for n in why)
                    html += (
                        f'<p class="dc-log-change"><strong>Changed by your log:</strong> '
                        f"{esc(_change_text(before, after))} (reason {links}).</p>"
                    )
            cells[key] = html
    return cells


def _describe(texts: dict[str, str]) -> str:
    return (
        f"{texts.get('current', '?')} % to {texts.get('target', '?')} % over "
        f"{texts.get('weeks', '?')} weeks, {texts.get('sessions', '?')} descents a week, "
        f"{texts.get('level', '?')}"
    )


def _notes(plan: Plan, adjusted: training_log.Adjusted) -> dict[tuple[int, int], str]:
    """Why each changed session changed, for the exports."""
    texts = {c.number: c.text for c in adjusted.changes}
    notes = {}
    for key, numbers in adjusted.sessions.items():
        before = plan.weeks[key[0] - 1].sessions[key[1] - 1]
        after = adjusted.plan.weeks[key[0] - 1].sessions[key[1] - 1]
        notes[key] = _change_text(before, after) + ". " + " ".join(texts[n] for n in numbers)
    return notes


def render(
    plan: Plan | None,
    store: Store,
    message: str | None,
    *,
    texts: dict[str, str],
    today: dt.date,
    has_query: bool = False,
    selected: object = None,
) -> dict[str, Any]:
    """Everything the page shows of the log for this plan, as JSON-able escaped HTML."""
    message_html = f'<p class="dc-log-message">{esc(message)}</p>' if message else ""
    if plan is None:
        html = (
            message_html + '<p class="dc-log-message">Correct the plan’s highlighted fields to '
            "see your log beside it.</p>"
        )
        return {
            "html": html,
            "shown": {"html": fingerprint(html)},
            "cells": None,
            "message": message,
            "summary": message or "Correct the plan’s highlighted fields to see your log.",
        }
    keys = training_log.plan_keys(plan)
    logged = {e.key: e for e in store.entries if e.key in set(keys)}
    outside = [e for e in store.entries if e.key not in set(keys)]
    adjusted = training_log.adjust_plan(plan, store.entries)

    stored = _stored_plan(store)
    mismatch = bool(store.entries) and stored is not None and not _same_plan(stored, plan)
    # Without a share link in the address, the page shows the plan the log was kept for,
    # start date included; a share link wins, with a notice when the plans differ.
    restore = None
    if store.entries and stored is not None and not has_query:
        own = forms.read(planner_view.FIELDS, store.plan_texts() or {}).texts
        restore = own if own != texts else None

    selected_key = selected if isinstance(selected, str) else ""
    options = '<option value="">Choose a session</option>' + "".join(
        f"<option{attrs(value=session_key(*key), selected=session_key(*key) == selected_key)}>"
        f"{esc(_session_name(plan, *key))}{' (done)' if key in logged else ''}</option>"
        for key in keys
    )
    form_texts = {}
    for key in keys:
        entry = logged.get(key)
        if entry is not None:
            form_texts[session_key(*key)] = training_log.entry_form_texts(entry)
        else:
            planned = plan.weeks[key[0] - 1].sessions[key[1] - 1].date
            day = planned if planned is not None and planned <= today else today
            form_texts[session_key(*key)] = {
                "session": session_key(*key),
                "date": day.isoformat(),
                "rpe": "",
                "confidence": "",
                "soreness": "",
                "cadence": "",
                "flags": [],
                "note": "",
            }

    parts = [message_html]
    if mismatch:
        parts.append(
            '<div class="dc-log-notice"><p>This log was kept for a different plan '
            f"({esc(_describe(store.plan_texts() or {}))}), so its entries are not shown beside "
            "this one.</p>"
            '<p><button type="button" class="md-button" data-log-action="show-plan">'
            "Show the plan this log belongs to</button></p></div>"
        )
    remaining = sum(1 for key in adjusted.sessions if key not in logged)
    changes = "".join(
        f'<li id="dc-log-change-{c.number}">{esc(c.text)}</li>' for c in adjusted.changes
    )
    parts.append(
        '<h3 id="dc-log-changes-title">What your log changed</h3>'
        f'<p data-log-count="{len(logged)}">{len(logged)} of {len(keys)} sessions logged.'
        + (
            f" The log changed {remaining} of the sessions still to come; each change says "
            "why beside the session."
            if remaining
            else ""
        )
        + "</p>"
        + (
            f'<ol class="dc-log-changes">{changes}</ol>'
            if changes and not mismatch
            else "<p>Nothing yet: sessions go as planned until your log says otherwise.</p>"
        )
    )
    if outside and not mismatch:
        items = "".join(
            f"<li>Week {e.week}, session {e.session}: {esc(_short_date(e.date))}, "
            f"{esc(_entry_summary(e))}.</li>"
            for e in outside
        )
        parts.append(
            "<p>Entries for sessions this plan does not have (kept, not used):</p>"
            f'<ul class="dc-log-outside">{items}</ul>'
        )
    if mismatch:
        summary = "This log belongs to a different plan; press “Show the plan this log belongs to”."
        cells = {session_key(*key): log_cells.unlogged(*key) for key in keys}
    else:
        summary = f"Training log: {len(logged)} of {len(keys)} sessions logged" + (
            f", {remaining} later sessions adjusted." if remaining else "."
        )
        cells = _cells(plan, adjusted, logged)
    html = "".join(parts)
    return {
        "html": html,
        "cells": cells,
        "options": options,
        # What the page compares before it rewrites a part (see drills.render.log_cells).
        "shown": {
            "html": fingerprint(html),
            "options": fingerprint(options),
            "cells": {key: fingerprint(cell) for key, cell in cells.items()},
        },
        "forms": form_texts,
        "message": message,
        "summary": message or summary,
        "restore": restore,
        "logged_plan": store.plan_texts() if mismatch else None,
    }


# --- The calls -------------------------------------------------------------------------------


def _read(args: dict[str, Any]) -> tuple[Store, str | None]:
    return training_log.read_store(args.get("store"))


def view(args: dict[str, Any]) -> dict[str, Any]:
    """The log against the plan in the planner form: {fields, store, query, today, selected}."""
    plan, texts = _plan(args.get("fields"))
    store, message = _read(args)
    return render(
        plan,
        store,
        message,
        texts=texts,
        today=_today(args),
        has_query=bool(args.get("query")) and args.get("query") != "?",
        selected=args.get("selected"),
    )


def save(args: dict[str, Any]) -> dict[str, Any]:
    """Add or replace one entry: {fields, store, entry: {session, date, rpe, ...}, today}."""
    plan, texts = _plan(args.get("fields"))
    if plan is None:
        return {
            "errors": {"session": "Correct the plan’s highlighted fields first."},
            "summary": NOT_SAVED,
        }
    store, _ = _read(args)
    stored = _stored_plan(store)
    if store.entries and stored is not None and not _same_plan(stored, plan):
        return {
            "errors": {
                "session": "Your log belongs to a different plan: show that plan first, or "
                "export and delete the log to start a new one."
            },
            "summary": NOT_SAVED,
        }
    raw = args.get("entry")
    entry, errors = training_log.read_entry_form(
        raw if isinstance(raw, dict) else {}, training_log.plan_keys(plan), _today(args)
    )
    if entry is None:
        return {"errors": errors, "summary": NOT_SAVED}
    entries = [e for e in store.entries if e.key != entry.key] + [entry]
    text = training_log.dump_store(entries, texts)
    new_store, _ = training_log.read_store(text)
    out = render(plan, new_store, None, texts=texts, today=_today(args), selected="")
    out["store"] = text
    out["errors"] = {}
    out["summary"] = f"Saved {_session_name(plan, *entry.key)}. " + out["summary"].removeprefix(
        "Training log: "
    )
    return out


def remove(args: dict[str, Any]) -> dict[str, Any]:
    """Remove one entry: {fields, store, key, today}."""
    plan, texts = _plan(args.get("fields"))
    store, _ = _read(args)
    key = training_log.parse_key(args.get("key"))
    entries = [e for e in store.entries if e.key != key]
    text = training_log.dump_store(entries, store.plan)
    out = render(plan, Store(tuple(entries), store.plan), None, texts=texts, today=_today(args))
    out["store"] = text
    if plan is not None and key is not None and key in set(training_log.plan_keys(plan)):
        out["summary"] = f"Removed {_session_name(plan, *key)} from the log."
    return out


def import_file(args: dict[str, Any]) -> dict[str, Any]:
    """A log from a file's text: {text, fields}. Nothing changes when the file is not a log."""
    store, message = training_log.read_store(args.get("text"), source="file")
    if not store.entries and message:
        return {"error": message}
    if not store.entries:
        return {"error": "This file holds no log entries, so nothing was imported."}
    text = training_log.dump_store(store.entries, store.plan)
    plan, _ = _plan(args.get("fields"))
    stored = _stored_plan(store)
    restore = (
        store.plan_texts()
        if stored is not None and (plan is None or not _same_plan(stored, plan))
        else None
    )
    noun = "entry" if len(store.entries) == 1 else "entries"
    summary = f"Imported {len(store.entries)} log {noun}." + (f" {message}" if message else "")
    return {"store": text, "restore": restore, "summary": summary, "message": message}


def export_log(args: dict[str, Any]) -> dict[str, Any]:
    """The log as a JSON file, exactly as stored: {store, today}."""
    store, message = _read(args)
    if not store.entries:
        raise InputError("export", message or "The log is empty: mark a session done first.")
    return {
        "filename": f"downhill-training-log-{_today(args).isoformat()}.json",
        "mime": "application/json",
        "text": training_log.dump_store(store.entries, store.plan),
    }


def _adjusted_for_export(
    args: dict[str, Any], start: dt.date | None
) -> tuple[Plan, training_log.Adjusted, Store]:
    plan, _ = _plan(args.get("fields"), start)
    if plan is None:
        raise InputError("export", "Correct the plan’s highlighted fields first.")
    store, _ = _read(args)
    stored = _stored_plan(store)
    if store.entries and stored is not None and not _same_plan(stored, plan):
        store = Store((), store.plan)  # a different plan's log does not belong in this export
    return plan, training_log.adjust_plan(plan, store.entries), store


def export_ics(args: dict[str, Any]) -> dict[str, Any]:
    """The plan, as the log has adjusted it, as a calendar: {fields, store, today}."""
    plan, adjusted, store = _adjusted_for_export(args, _today(args))
    text = exports.plan_ics(
        adjusted.plan,
        dt.datetime.now(dt.UTC).replace(microsecond=0),
        store.entries,
        _notes(plan, adjusted),
    )
    return {"filename": "downhill-plan.ics", "mime": "text/calendar", "text": text}


def export_csv(args: dict[str, Any]) -> dict[str, Any]:
    """The plan or the log as CSV: {fields, store, kind: "plan" | "log"}."""
    kind = args.get("kind")
    if kind == "log":
        store, message = _read(args)
        if not store.entries:
            raise InputError("export", message or "The log is empty: mark a session done first.")
        text, name = exports.log_csv(store.entries), "downhill-training-log.csv"
    elif kind == "plan":
        plan, adjusted, store = _adjusted_for_export(args, None)
        text = exports.plan_csv(adjusted.plan, store.entries, _notes(plan, adjusted))
        name = "downhill-plan.csv"
    else:
        raise InputError("kind", "Choose the plan or the log.")
    # A byte-order mark so that Excel reads the file as UTF-8; other programs ignore it.
    return {"filename": name, "mime": "text/csv;charset=utf-8", "text": "\ufeff" + text}
