"""The kept log's stored form for many plans and the runners' kept histories (schema 5), and
reading every version of it.

A browser that keeps one plan may still hold the single-plan form (``store``); every reader
here takes either, and an older export reads as a book of one plan with nothing lost.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from drills.errors import InputError
from drills.planner import FORM_FIELDS, WEEKS_RANGE
from drills.training_log.entries import MAX_NOTE_CHARS, MAX_SESSIONS_PER_WEEK
from drills.training_log.kept_history import (
    KeptHistory,
    KeptRun,
    KeptWeek,
    history_json,
    kept_run_from_json,
    kept_week_from_json,
)
from drills.training_log.plan_logs import (
    Book,
    PlanLog,
    athlete_key,
    clean_athlete,
    from_store,
    is_plan_id,
    put_current,
)
from drills.training_log.runs import run_json
from drills.training_log.store import (
    BOOK_SCHEMA,
    FORMAT,
    SCHEMA_VERSION,
    Items,
    Reading,
    Store,
    checked_size,
    entry_json,
    left_out,
    plan_from_json,
    read_items,
    read_single,
    whole,
)
from drills.words import counted


def _plan_json(log: PlanLog) -> dict[str, object]:
    return {
        "id": log.id,
        "athlete": log.athlete,
        "plan": log.plan_texts(),
        "entries": [entry_json(e) for e in log.entries],
        "runs": [run_json(r) for r in log.runs],
        "notes": [{"week": w, "session": s, "note": t} for w, s, t in log.notes],
    }


def dump_book(book: Book) -> str:
    """The stored form of a book: canonical JSON, so reading it and dumping again gives the
    same text; InputError when it is over the size the page reads back."""
    payload = {
        "format": FORMAT,
        "schema": SCHEMA_VERSION,
        "current": book.current,
        "plans": [_plan_json(log) for log in book.plans],
        "histories": [history_json(h) for h in book.histories],
    }
    return checked_size(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


@dataclass(frozen=True)
class BookReading:
    """A stored text as read: the book, one sentence when something was wrong, whether every
    part was read, whether a newer page saved it, and whether it was a book (schema 4 or later)
    at all."""

    book: Book = field(default_factory=Book)
    message: str | None = None
    complete: bool = True
    newer: bool = False
    many: bool = False  # stored as a book: a change is written back as one


def _notes(raw: object) -> tuple[tuple[int, int, str], ...]:
    """The notes that read; the others are dropped (a note is never worth losing a plan)."""
    kept = []
    for obj in raw if isinstance(raw, list) else []:
        if not isinstance(obj, dict):
            continue
        week, session, note = obj.get("week"), obj.get("session"), obj.get("note")
        if (
            type(week) is int
            and type(session) is int
            and 1 <= week <= WEEKS_RANGE[1]  # the range is of a plan's length: week 1 too
            and 1 <= session <= MAX_SESSIONS_PER_WEEK
            and isinstance(note, str)
            and len(note) <= MAX_NOTE_CHARS
        ):
            kept.append((week, session, note))
    return tuple({(w, s): (w, s, t) for w, s, t in kept}.values())


def _plan_log(obj: object, today: dt.date | None) -> tuple[PlanLog, Items] | None:
    if not isinstance(obj, dict) or not is_plan_id(obj.get("id")):
        return None
    raw_entries, raw_runs = obj.get("entries"), obj.get("runs")
    if not isinstance(raw_entries, list) or not isinstance(raw_runs, list):
        return None
    items = read_items(raw_entries, raw_runs, today)
    try:
        athlete = clean_athlete(obj.get("athlete", ""))
        log = PlanLog(
            obj["id"],
            athlete,
            plan_from_json(obj.get("plan")),
            items.entries,
            items.runs,
            _notes(obj.get("notes")),
        )
    except InputError:
        return None
    return log, items


def _histories(raw: object) -> tuple[tuple[KeptHistory, ...], int]:
    """The kept histories, each run and week that reads (a history is summaries the reader
    can keep again from their export: a damaged one is left out and counted, never a plan)."""
    kept: list[KeptHistory] = []
    unread = 0
    for obj in raw if isinstance(raw, list) else []:
        try:
            if not isinstance(obj, dict) or any(
                not isinstance(obj.get(k), list) for k in ("runs", "weeks")
            ):
                raise TypeError("not a kept history")
            runs: list[KeptRun] = []
            weeks: dict[dt.date, KeptWeek] = {}
            for one in obj["runs"]:
                try:
                    runs.append(kept_run_from_json(one))
                except (InputError, TypeError, ValueError, KeyError):
                    unread += 1
            for one in obj["weeks"]:
                try:
                    week = kept_week_from_json(one)
                    weeks.setdefault(week.start, week)
                except (InputError, TypeError, ValueError, KeyError):
                    unread += 1
            history = KeptHistory(
                clean_athlete(obj.get("athlete", "")), tuple(runs), tuple(weeks.values())
            )
            if any(athlete_key(h.athlete) == athlete_key(history.athlete) for h in kept):
                raise TypeError("a second history for one runner")
            kept.append(history)
        except (InputError, TypeError, ValueError, KeyError):
            unread += 1
    return tuple(kept), unread


def read_kept_history(obj: object) -> tuple[KeptHistory | None, str | None]:
    """A history as the history page hands it back to keep (``kept_history.history_json``'s
    form), and a sentence when any of it could not be read (None: all of it read)."""
    found, unread = _histories([obj])
    if not found:
        return None, "This history could not be read, so nothing was kept: read your export again."
    if unread:
        return found[0], f"{counted(unread, 'part', 'parts')} of this history could not be read."
    return found[0], None


def _read_many(data: Mapping[str, object], source: str, today: dt.date | None) -> BookReading:
    raw = data["plans"]
    assert isinstance(raw, list)  # whole checked
    logs: list[PlanLog] = []
    read: list[Items] = []
    unread_plans = 0
    for obj in raw:
        found = _plan_log(obj, today)
        if found is None or any(p.id == found[0].id for p in logs):
            unread_plans += 1
            continue
        logs.append(found[0])
        read.append(found[1])
    ids = {p.id for p in logs}
    current = data.get("current")
    last = logs[-1].id if logs else None
    histories, unread_history = _histories(data.get("histories"))
    book = Book(
        tuple(logs), current if isinstance(current, str) and current in ids else last, histories
    )
    kept = any(p.entries or p.runs for p in logs)
    sentences = [left_out(read, source, kept or bool(logs))] if read else []
    where = "Your saved training log" if source == "saved" else "This file"
    for count, what in (
        (unread_plans, counted(unread_plans, "plan", "plans")),
        (unread_history, f"{counted(unread_history, 'part', 'parts')} of a kept running history"),
    ):
        if count:
            sentences.append(
                f"{where} holds {what} that could not be read and "
                f"{'was' if count == 1 else 'were'} left out."
            )
    return BookReading(
        book,
        " ".join(s for s in sentences if s) or None,
        complete=not unread_plans and not unread_history and not any(+i.unread for i in read),
        many=True,
    )


def read_book(text: object, *, source: str = "saved", today: dt.date | None = None) -> BookReading:
    """The book from a stored text of any version (an empty text is an empty book); the
    single-plan forms read as a book of one plan, with nothing lost."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return BookReading()
    data = whole(text, source)
    if isinstance(data, Reading):
        return BookReading(message=data.message, complete=data.complete, newer=data.newer)
    schema = data.get("schema")
    if isinstance(schema, int) and schema >= BOOK_SCHEMA:  # ``whole`` refused a newer one
        return _read_many(data, source, today)
    single = read_single(data, source, today)
    return BookReading(from_store(single.store), single.message, single.complete)


def read_text(text: object, *, source: str = "saved", today: dt.date | None = None) -> Reading:
    """The current plan's log from a stored text of any version, with what the reader needs
    to know about it: the single-plan page reads a book through this.

    ``source`` is "saved" (the browser's copy) or "file" (an imported file); it only changes
    the wording. ``today``, the reader's date, leaves out entries and runs dated after it (a
    file's; the browser's own copy is read whole). An empty text is an empty log. Text that is
    not a log at all gives an empty log and a message; a log with some unreadable entries keeps
    the readable ones and says how many were left out; an older version is migrated silently.
    """
    if isinstance(text, str) and source == "saved" and today is None:
        return _read_saved(text)
    return _read_text(text, source, today)


# The page's every call brings the same kept text (drills.bridge keeps it): read once. A reading
# is frozen, so the callers share it.
@lru_cache(maxsize=2)
def saved_book(text: str) -> BookReading:
    """The browser's kept text as a book (``read_book``), read once however often it is asked."""
    return read_book(text)


@lru_cache(maxsize=2)
def _read_saved(text: str) -> Reading:
    return _current(saved_book(text))


def _read_text(text: object, source: str, today: dt.date | None) -> Reading:
    return _current(read_book(text, source=source, today=today))


def _current(reading: BookReading) -> Reading:
    log = reading.book.current_log
    if log is None:
        return Reading(Store(), reading.message, reading.complete, reading.newer)
    return Reading(
        log.store, reading.message, reading.complete, reading.newer, log.athlete, log.notes
    )


def read_store(text: object, *, source: str = "saved") -> tuple[Store, str | None]:
    """The current plan's log from its stored text, and one sentence for the reader when
    something was wrong (``read_text``, for callers that need only these)."""
    reading = read_text(text, source=source)
    return reading.store, reading.message


def written_back(kept_text: object, single_text: str) -> str:
    """What to keep after a single-plan change: ``single_text`` itself when the browser kept
    one plan, else the kept book with its current plan's log replaced by it (the other plans
    untouched; an emptied text deletes only the current plan)."""
    reading = read_book(kept_text)
    if not reading.many:
        return single_text
    return dump_book(put_current(reading.book, read_text(single_text).store))


def _slug(text: str) -> str:
    """Lower-case ASCII letters and digits joined by single hyphens ("Žan Kovač" → "zan-kovac")."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", plain.lower()))


def export_name(log: PlanLog) -> str:
    """The file name of one plan's export: athlete, start and grades, in safe characters
    only ("downhill-log-anna-berg-2026-03-02-4-to-12pct.json")."""
    texts = log.plan_texts() or {}
    start = texts.get(FORM_FIELDS["start_date"], "")
    grades = [texts.get(FORM_FIELDS[k], "") for k in ("current_grade_pct", "target_grade_pct")]
    low, high = (_slug(g.replace(".", "p")) for g in grades)
    parts = [
        _slug(log.athlete),
        start if re.fullmatch(r"\d{4}-\d\d-\d\d", start) else "undated",
        f"{low}-to-{high}pct" if low and high else "",
    ]
    return "downhill-log-" + "-".join(p for p in parts if p) + ".json"
