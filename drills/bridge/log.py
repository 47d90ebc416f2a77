"""The training log's calls: save, remove, import, and the files for the runner and coach.

The browser keeps the log as the exact text ``training_log.dump_store`` (one plan) or
``training_log.dump_book`` (many plans, ``drills.bridge.roster``) returns and hands it back,
untouched, with every call; these calls change the current plan's log (a book stays a book,
its other plans untouched). A call that changes the log answers with the new text and
the whole page's changes (``answers.answer``), so the page needs no second call to show it.
A kept text the page cannot read in full is never written over: the answer asks the page to
keep it aside first (``keep_aside``), or, when a newer version of the page saved it, refuses.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from drills import training_log
from drills.bridge.answers import Args, answer, context_of, raw_fields, today_of
from drills.errors import InputError
from drills.planner import Plan
from drills.render import exports, forms, planner_view
from drills.render.log_sessions import change_notes, session_name
from drills.render.tools import TOOLS
from drills.training_log import Book, Reading, Store
from drills.words import counted

NOT_SAVED = "Please correct the highlighted fields; nothing was saved."
NEWER = (
    "Your training log was saved by a newer version of this page, so nothing was changed here: "
    "reload the page to get the newest version."
)
KEPT_ASIDE = (
    "The saved log this page could not read in full is kept aside in this browser, to download "
    "from the training log at any time."
)
PLANNER = TOOLS["planner"]
HISTORY_CAME = "Your kept running history came with it."


def _kept(args: Args) -> Reading:
    """The log as this browser keeps it, to be changed: refused when a newer version of the
    page saved it (only that version may change it)."""
    kept = training_log.read_text(args.get("store"))
    if kept.newer:
        raise InputError("log", NEWER)
    return kept


def _said(kept: Reading, summary: str | None) -> str | None:
    """``summary``, and what became of the old text when the page could not read all of it."""
    if kept.complete:
        return summary
    return f"{summary} {KEPT_ASIDE}" if summary else KEPT_ASIDE


def _changed(args: Args, kept: Reading, text: str, summary: str | None = None) -> dict[str, Any]:
    """The page's answer once the log's text is ``text``; ``summary`` for the log's status.
    ``keep_aside`` asks the page to keep the old text aside before writing the new one, when
    the page could not read all of it (writing over it would lose the rest)."""
    if not kept.complete:
        args = {**args, "aside": True}  # the page shows the kept text once it is written
    text = training_log.written_back(args.get("store"), text)  # a book keeps its other plans
    out = planner_answer(args, text, _said(kept, summary))
    out["keep_aside"] = not kept.complete
    return out


def planner_answer(args: Args, text: str, summary: str | None) -> dict[str, Any]:
    """The planner page's answer once the kept text is ``text`` (to keep); ``summary`` for the
    log's status line."""
    out = answer(PLANNER, raw_fields(args), context_of(args, store=text), args.get("marks"))
    out["store"] = text
    out["keep_aside"] = False
    if summary is not None:
        out["data"]["log_summary"] = summary
    return out


def _refused(field: str, message: str) -> dict[str, Any]:
    return {"log_errors": {field: message}, "log_summary": NOT_SAVED}


def save(args: Args) -> dict[str, Any]:
    """Add or replace one entry: {fields, store, entry: {session, date, rpe, ...}, today}."""
    texts = forms.read(planner_view.FIELDS, raw_fields(args)).texts
    plan = planner_view.plan_for(texts)
    if plan is None:
        return _refused("session", "Correct the plan’s highlighted fields first.")
    kept = _kept(args)
    store = kept.store
    if not training_log.fits(store, plan, planner_view.stored_plan(store)):
        return _refused(
            "session",
            "Your log belongs to a different plan: show that plan first, or export and delete "
            "the log to start a new one.",
        )
    raw = args.get("entry")
    entry, errors = training_log.read_entry_form(
        raw if isinstance(raw, dict) else {}, training_log.plan_keys(plan), today_of(args)
    )
    if entry is None:
        return {"log_errors": errors, "log_summary": NOT_SAVED}
    entries = [e for e in store.entries if e.key != entry.key] + [entry]
    text = training_log.with_changes(store, entries=entries, plan=texts)
    logged = sum(1 for e in entries if e.key in set(training_log.plan_keys(plan)))
    total = len(training_log.plan_keys(plan))
    shown = training_log.adjust_plan(plan, entries, store.runs).plan  # as the page shows it
    out = _changed(
        {**args, "selected": ""},
        kept,
        text,
        f"Saved {session_name(shown, *entry.key)}. {logged} of {counted(total, 'session', 'sessions')} "
        "logged.",
    )
    out["log_errors"] = {}
    return out


def remove(args: Args) -> dict[str, Any]:
    """Remove one entry: {fields, store, key, today}."""
    kept = _kept(args)
    store = kept.store
    key = training_log.parse_key(args.get("key"))
    entries = [e for e in store.entries if e.key != key]
    text = training_log.with_changes(store, entries=entries)
    plan = planner_view.plan_for(raw_fields(args))
    summary = None
    if plan is not None and key is not None and key in set(training_log.plan_keys(plan)):
        summary = f"Removed {session_name(plan, *key)} from the log."
    return _changed(args, kept, text, summary)


def add_run(args: Args) -> dict[str, Any]:
    """Add a run from the descent audit to the log: {store, run: {date, name, descent_m, ...}}.
    Answers with the new stored text and a sentence; the planner page reads it on its next visit.
    """
    run = training_log.run_from_json(args.get("run"))
    training_log.check_run_day(run, today_of(args))
    kept = _kept(args)
    store = kept.store
    if run in store.runs:
        return {"error": f"Your run of {run.date.isoformat()} ({run.name}) is already in the log."}
    text = training_log.with_changes(store, runs=[*store.runs, run])
    text = training_log.written_back(args.get("store"), text)
    return {
        "store": text,
        "keep_aside": not kept.complete,  # as _changed
        "summary": _said(kept, f"Added your run of {run.date.isoformat()} to the training log."),
    }


def remove_run(args: Args) -> dict[str, Any]:
    """Remove one run from the log: {store, fields, run_key, ...}."""
    kept = _kept(args)
    key = args.get("run_key")
    runs = [r for r in kept.store.runs if training_log.run_key(r) != key]
    return _changed(
        args,
        kept,
        training_log.with_changes(kept.store, runs=runs),
        "Removed the run from the log.",
    )


def clear(args: Args) -> dict[str, Any]:
    """Delete the log this browser keeps: {fields, ...}. The page asked the reader first; a text
    it could not read in full is kept aside all the same (it could not be exported)."""
    kept = training_log.read_text(args.get("store"))  # a newer version's too: the reader asked
    return _changed(args, kept, "", "Deleted the training log from this browser.")


def import_file(args: Args) -> dict[str, Any]:
    """A log file merged into the log this browser keeps: {text, store, fields, ...}.

    Nothing changes when the file is not a log, or when it belongs to a different plan than
    the entries already kept (merging them would mix two plans; the reader is told why).
    """
    reading = training_log.read_text(args.get("text"), source="file", today=today_of(args))
    incoming, message = reading.store, reading.message
    histories = training_log.read_book(args.get("text"), source="file").book.histories
    if not incoming.entries and not incoming.runs and not histories:
        return {"error": message or "This file holds no log entries, so nothing was imported."}
    kept_reading = _kept(args)
    kept = kept_reading.store
    mine, theirs = planner_view.stored_plan(kept), planner_view.stored_plan(incoming)
    if (
        kept.entries
        and mine is not None
        and theirs is not None
        and not training_log.same_plan(mine, theirs)
    ):
        return {
            "error": "This file's log belongs to a different plan from the log kept in this "
            "browser, so nothing was imported: export this browser's log first, delete it, "
            "then import the file."
        }
    entries, added, replaced = training_log.merge_entries(kept.entries, incoming.entries)
    runs = {*kept.runs, *incoming.runs}
    try:
        text = training_log.with_changes(kept, entries, incoming.plan or kept.plan, runs)
        args = {**args, "store": _with_histories(args.get("store"), histories)}
    except InputError:
        return {"error": training_log.IMPORT_TOO_LARGE}
    summary = f"Imported {counted(len(incoming.entries), 'log entry', 'log entries')}: {added} new"
    summary += f", {replaced} replaced by the file's version." if replaced else "."
    summary += f" {HISTORY_CAME}" if histories else ""
    summary += f" {message}" if message else ""
    # The page shows the plan the file belongs to (the log restores it: no share link wins).
    return _changed({**args, "query": ""}, kept_reading, text, summary)


def plan_file(book: Book, plan_id: object) -> dict[str, Any]:
    """One plan as a file for the athlete or coach: its name carries the athlete, start and
    grades; its content the athlete's name, the coach's session notes and the athlete's kept
    history."""
    one = training_log.export_book(book, plan_id)
    plan = one.plans[0]
    return {
        "entries": len(plan.entries),
        "filename": training_log.export_name(plan),
        "mime": "application/json",
        "text": training_log.dump_book(one),
    }


def _with_histories(kept_text: object, histories: tuple[training_log.KeptHistory, ...]) -> object:
    """The kept text with a file's kept histories kept too (a book's export carries its
    runner's history); the kept text itself when the file has none."""
    if not histories:
        return kept_text
    book = training_log.read_book(kept_text).book
    for history in histories:
        book = training_log.keep_history(book, history)
    return training_log.dump_book(book)


def export_log(args: Args) -> dict[str, Any]:
    """The current plan's log as a JSON file: {store, today}. A plan kept for an athlete (a
    coach's link), with a coach's session notes or with its runner's kept history goes as the
    roster's export does, named for the athlete, so it comes back to their row with its notes
    and history; a kept history with no plan goes on its own."""
    store, message = training_log.read_store(args.get("store"))
    book = training_log.read_book(args.get("store")).book
    current = book.current_log
    history = book.history_of(current.athlete if current is not None else "")
    if not store.entries and not store.runs and history is None:
        raise InputError("export", message or "The log is empty: mark a session done first.")
    if current is not None and (current.athlete or current.notes or history is not None):
        return plan_file(book, current.id)
    text = training_log.with_changes(store)
    if history is not None:  # no plan: the history alone
        text = training_log.dump_book(Book(histories=(history,)))
    return {
        "entries": len(store.entries),  # the page notes the backup: date and entries
        "filename": f"downhill-training-log-{today_of(args).isoformat()}.json",
        "mime": "application/json",
        "text": text,
    }


def export_unread(args: Args) -> dict[str, Any]:
    """A text the page could not read in full, exactly as kept: {which: "stored" (the log as
    this browser keeps it) or "aside" (the copy kept aside), store, aside_text, today}."""
    text = args.get("store") if args.get("which") == "stored" else args.get("aside_text")
    if not isinstance(text, str) or not text:
        raise InputError("export", "There is no unread log in this browser to download.")
    return {
        "filename": f"downhill-training-log-unread-{today_of(args).isoformat()}.json",
        "mime": "application/json",
        "text": text,
    }


def _adjusted_for_export(
    args: Args, start: dt.date | None
) -> tuple[Plan, training_log.Adjusted, Store]:
    plan = planner_view.plan_for(raw_fields(args), start)
    if plan is None:
        raise InputError("export", "Correct the plan’s highlighted fields first.")
    store, _ = training_log.read_store(args.get("store"))
    if not training_log.fits(store, plan, planner_view.stored_plan(store)):
        store = Store((), store.plan)  # a different plan's log does not belong in this export
    return plan, training_log.adjust_plan(plan, store.entries, store.runs), store


def export_ics(args: Args) -> dict[str, Any]:
    """The plan, as the log has adjusted it, as a calendar: {fields, store, today}."""
    plan, adjusted, store = _adjusted_for_export(args, today_of(args))
    text = exports.plan_ics(
        adjusted.plan,
        dt.datetime.now(dt.UTC).replace(microsecond=0),
        store.entries,
        change_notes(plan, adjusted),
    )
    return {"filename": "downhill-plan.ics", "mime": "text/calendar", "text": text}


def export_csv(args: Args) -> dict[str, Any]:
    """The plan or the log as CSV: {fields, store, kind: "plan" | "log"}."""
    kind = args.get("kind")
    if kind == "log":
        store, message = training_log.read_store(args.get("store"))
        if not store.entries:
            raise InputError("export", message or "The log is empty: mark a session done first.")
        text, name = exports.log_csv(store.entries), "downhill-training-log.csv"
    elif kind == "plan":
        plan, adjusted, store = _adjusted_for_export(args, None)
        text = exports.plan_csv(adjusted.plan, store.entries, change_notes(plan, adjusted))
        name = "downhill-plan.csv"
    else:
        raise InputError("kind", "Choose the plan or the log.")
    # A byte-order mark so that Excel reads the file as UTF-8; other programs ignore it.
    return {"filename": name, "mime": "text/csv;charset=utf-8", "text": "\ufeff" + text}
