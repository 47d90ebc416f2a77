"""Many plans in one browser: the plan list, the coach's roster and their changes.

The page keeps one text (``training_log.dump_book``'s; an older single-plan text reads as a
book of one plan) and hands it, untouched, to every call as ``store``. A call that changes it
answers ``store`` (the new text, to keep) with the regions that changed; a call that only
shows answers the regions. A text the page cannot read in full is never changed here: the
call says so (the planner page's own calls keep it aside first).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from drills import training_log
from drills.bridge import log
from drills.bridge.answers import Args, raw_fields, today_of
from drills.errors import InputError
from drills.render import forms, planner_view, regions, roster_view
from drills.render.links import links_from
from drills.training_log import Book, BookReading
from drills.words import counted

UNREAD = (
    "Your saved training log could not be read in full, so nothing was changed: download it "
    "from the training log first."
)
NOT_CONFIRMED = "Deleting a plan needs your confirmation; nothing was deleted."


def _reading(args: Args) -> BookReading:
    reading = training_log.read_book(args.get("store"))
    if reading.newer:
        raise InputError("log", log.NEWER)
    return reading


def _book(args: Args) -> Book:
    """The kept book, to be changed: refused when any of it could not be read."""
    reading = _reading(args)
    if not reading.complete:
        raise InputError("log", UNREAD)
    return reading.book


def _shown(book: Book, args: Args) -> dict[str, Any]:
    """The regions of the roster, the plan list and the current plan's planned-versus-done
    chart that differ from the marks the page sent."""
    today = today_of(args)
    tops = [
        roster_view.roster_region(book, today),
        roster_view.plans_region(book, today),
        roster_view.planned_done_region(book.current_log, book.current_history),
    ]
    marks = args.get("marks")
    return {
        "regions": regions.changes(tops, marks if isinstance(marks, dict) else {}),
        "current": book.current,
        "fields": book.current_log.plan_texts() if book.current_log else None,
    }


def _changed(book: Book, args: Args, summary: str) -> dict[str, Any]:
    return {**_shown(book, args), "store": training_log.dump_book(book), "summary": summary}


def _athlete(args: Args) -> str:
    """The athlete named by the call, else by the plan link the page was opened with."""
    name = args.get("athlete")
    if name is None:
        name = forms.link_value(args.get("query"), planner_view.ATHLETE_KEY)
    return training_log.clean_athlete(name)


def _owner(book: Book, texts: dict[str, str], args: Args) -> str:
    """The athlete the call or its link names, else the one whose plan the page shows."""
    return _athlete(args) or training_log.current_owner(book, texts)


def _page_texts(args: Args) -> dict[str, str]:
    """The planner form's texts, refused when they make no plan."""
    texts = forms.read(planner_view.FIELDS, raw_fields(args)).texts
    if planner_view.plan_for(texts) is None:
        raise InputError("plan", "Correct the plan’s highlighted fields first.")
    return texts


def link(args: Args) -> dict[str, Any]:
    """A coach's plan link for an athlete: {store, plan, links} (a kept plan, for its athlete)
    or {fields, athlete, links}. The athlete who opens it logs under their name, so their
    export comes back to the same row. Answers the query, the planner's address with it
    (relative to the page) and what the page says once it is copied, or not."""
    if "plan" in args:
        kept = _reading(args).book.get(args.get("plan"))
        texts, name = kept.plan_texts() or {}, kept.athlete
        if planner_view.plan_for(texts) is None:
            raise InputError("plan", "This plan’s settings could not be read, so it has no link.")
    else:
        texts, name = _page_texts(args), _athlete({"athlete": args.get("athlete", "")})
    query = forms.to_query(planner_view.FIELDS, texts)
    query += f"&{urlencode({planner_view.ATHLETE_KEY: name})}" if name else ""
    whom = f" for {name}" if name else ""
    return {
        "query": query,
        "href": links_from(args.get("links")).planner + query,
        "copied": f"Plan link{whom} copied to the clipboard: send it to them.",
        "copy": f"Copy this plan link{whom} and send it to them:",
    }


def view(args: Args) -> dict[str, Any]:
    """The roster and plan list for the kept text: {store, today, marks}."""
    reading = _reading(args)
    return {**_shown(reading.book, args), "message": reading.message}


def start(args: Args) -> dict[str, Any]:
    """The page's plan made current: {store, fields, athlete or query, today, marks}. The
    athlete's plan kept for the same sessions when there is one, else a new plan beside the
    others."""
    texts = _page_texts(args)
    book = _book(args)
    started = training_log.start_plan(book, texts, _owner(book, texts, args))
    new = len(started.plans) > len(book.plans)
    summary = (
        "Started this plan beside your other plans; they are kept as they were."
        if new and book.plans
        else "This plan is now your current plan."
    )
    return _changed(started, args, summary)


def save(args: Args) -> dict[str, Any]:
    """Log a session into the page's plan (``log.save``'s arguments, and ``athlete`` or the
    plan link's ``query`` naming one): a log kept for another plan is kept beside it, never
    refused. A kept text the page cannot read in full, or a form that makes no plan, goes to
    ``log.save`` as it is (which keeps the text aside first, or says what to correct)."""
    reading = _reading(args)
    texts = forms.read(planner_view.FIELDS, raw_fields(args)).texts
    if not reading.complete or planner_view.plan_for(texts) is None:
        return log.save(args)
    before = reading.book
    book = training_log.start_plan(before, texts, _owner(before, texts, args))
    out = log.save({**args, "store": training_log.dump_book(book)})
    if "store" in out:  # saved: the plan list and roster change too
        shown = _shown(training_log.read_book(out["store"]).book, args)
        out["regions"] = {**out["regions"], **shown["regions"]}
        out["current"] = shown["current"]
        if len(book.plans) > len(before.plans) and before.plans:
            out["data"]["log_summary"] += " Your other plans are kept in “Your plans”."
    return out


def switch(args: Args) -> dict[str, Any]:
    """Make another kept plan current: {store, plan, today, marks}."""
    book = training_log.switch_plan(_book(args), args.get("plan"))
    return _changed(book, args, "Switched plans: the planner shows this plan and its log.")


def import_file(args: Args) -> dict[str, Any]:
    """An athlete's log file into their plans: {store, text, athlete (the row's, for a file
    that names no athlete), today, marks}. Never refused for belonging to another plan."""
    reading = training_log.read_book(args.get("text"), source="file", today=today_of(args))
    if not reading.book.entry_count and not any(p.runs for p in reading.book.plans):
        return {
            "error": reading.message or "This file holds no log entries, so nothing was imported."
        }
    done = training_log.import_book(_book(args), reading.book, _athlete(args))
    try:
        text = training_log.dump_book(done.book)
    except InputError:
        return {"error": training_log.IMPORT_TOO_LARGE}
    names = sorted({done.book.get(i).athlete or roster_view.NO_NAME for i in done.plans})
    summary = (
        f"Imported {counted(reading.book.entry_count, 'log entry', 'log entries')} into "
        f"{', '.join(names)}: {done.added} new"
        + (f", {done.replaced} replaced by the file's version." if done.replaced else ".")
        + (f" {reading.message}" if reading.message else "")
    )
    return {**_shown(done.book, args), "store": text, "summary": summary}


def export(args: Args) -> dict[str, Any]:
    """One plan as a file for the athlete or coach: {store, plan}."""
    book = _reading(args).book
    return log.plan_file(book, args.get("plan", book.current))


def delete(args: Args) -> dict[str, Any]:
    """Delete one plan and its log: {store, plan, confirmed: true, today, marks}. The page asks
    the reader (offering the plan's export first) and sends ``confirmed`` only then."""
    if args.get("confirmed") is not True:
        raise InputError("confirmed", NOT_CONFIRMED)
    book = _book(args)
    gone = book.get(args.get("plan"))
    left = training_log.delete_plan(book, gone.id)
    return _changed(
        left, args, f"Deleted {counted(len(gone.entries), 'entry', 'entries')} and their plan."
    )


def _note_text(args: Args, field: str) -> str:
    text = args.get("note")
    if not isinstance(text, str) or len(text.strip()) > training_log.MAX_NOTE_CHARS:
        counted_chars = f"; this one has {len(text.strip())}" if isinstance(text, str) else ""
        raise InputError(
            field,
            f"A session's note must be text of at most {training_log.MAX_NOTE_CHARS} "
            f"characters{counted_chars}.",
        )
    return text


def _noted(text: str) -> str:
    return "Saved the session’s note." if text.strip() else "Removed the session’s note."


def note(args: Args) -> dict[str, Any]:
    """A note on a planned session: {store, plan, key: "3-2", note, today, marks}."""
    key = training_log.parse_key(args.get("key"))
    text = _note_text(args, "note")
    if key is None:
        raise InputError("session", "That session is not in this plan; choose one from the list.")
    book = training_log.set_note(_book(args), args.get("plan"), key, text)
    return _changed(book, args, _noted(text))


SESSION_NOTE = "session_note"  # the planner's note form's field (the log's own is "note")


def log_note(args: Args) -> dict[str, Any]:
    """The planner's note on a session of the plan it shows, the current plan (a coach's to an
    athlete, or the athlete's back): {store, fields, key, note, ...}; the planner's answer."""
    text = _note_text(args, SESSION_NOTE)
    book = _book(args)
    shown = planner_view.plan_for(_page_texts(args))
    current = book.current_log
    kept = None if current is None else planner_view.stored_plan(current.store)
    key = training_log.parse_key(args.get("key"))
    if current is None or kept is None or shown is None or not training_log.same_plan(kept, shown):
        raise InputError(SESSION_NOTE, "Show the athlete’s plan first: this is not it.")
    if key is None or key not in training_log.plan_keys(shown):
        raise InputError(SESSION_NOTE, "That session is not in this plan.")
    changed = training_log.set_note(book, current.id, key, text)
    return log.planner_answer(args, training_log.dump_book(changed), _noted(text))


def import_log(args: Args) -> dict[str, Any]:
    """The planner's import: a plan's export that names an athlete or holds session notes (a
    coach's, or an athlete's) goes in beside the plans kept, with its notes, and is shown; any
    other file as ``log.import_file``: {text, store, fields, today, ...}."""
    reading = training_log.read_book(args.get("text"), source="file", today=today_of(args))
    kept = _reading(args)
    incoming = reading.book
    if (
        not reading.many
        or not kept.complete
        or not any(p.athlete or p.notes for p in incoming.plans)
    ):
        return log.import_file(args)
    done = training_log.import_book(kept.book, incoming)
    book = training_log.switch_plan(done.book, done.plans[0])
    try:
        text = training_log.dump_book(book)
    except InputError:
        return {"error": training_log.IMPORT_TOO_LARGE}
    notes = sum(1 for p in incoming.plans for _, _, note in p.notes if note)
    summary = (
        f"Imported {counted(incoming.entry_count, 'log entry', 'log entries')} and "
        f"{counted(notes, 'session note', 'session notes')}: {done.added} new"
        + (f", {done.replaced} replaced by the file's version." if done.replaced else ".")
        + (f" {log.HISTORY_CAME}" if incoming.histories else "")
        + (f" {reading.message}" if reading.message else "")
    )
    # The page shows the file's plan (the log restores it: no share link wins).
    return log.planner_answer({**args, "query": ""}, text, summary)
