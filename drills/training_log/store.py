"""The training log's stored form: versioned JSON, kept only in the reader's browser."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from drills.errors import InputError
from drills.json_depth import MAX_JSON_DEPTH, json_depth
from drills.planner import FORM_FIELDS
from drills.training_log.entries import DATE_RANGE, LogEntry, after_today
from drills.training_log.runs import LoggedRun, run_from_json, run_json
from drills.words import counted, listing, long_date

# Version 1 held only the entries. Version 2 added the format marker and the planner inputs the
# log was kept against, so that a coach who opens an athlete's file sees the same plan.
# Version 3 added the runs the reader added from their own activity files. Version 4 keeps
# many plans, each with its own log, optionally under an athlete's name (``book``); this
# module reads and writes the single-plan forms, which the planner page still writes for a
# browser that keeps one plan. Version 5 adds each runner's kept history (per-run and per-week
# summaries from the history page, ``kept_history``); a version 4 book reads as one without.
SINGLE_SCHEMA = 3
BOOK_SCHEMA = 4  # the first version that keeps many plans
SCHEMA_VERSION = 5
FORMAT = "downhill-confidence-training-log"
# One size for a log the page reads, stores and imports, a coach's roster included: a full
# 24-week log with long notes is under 150 000 characters (a real one a tenth of that), so a
# roster of six such logs fits, and the text and the copy the page may keep aside, at two
# bytes a character, stay under the 5 MB a browser's localStorage keeps for one site.
MAX_STORE_CHARS = 1_000_000
SIZE_TEXT = f"{MAX_STORE_CHARS:,} characters"
# What a reader does when the kept log is full (a coach's roster of many seasons): the page
# never drops a plan by itself.
MAKE_ROOM = (
    "To make room, export the plans you no longer need (each becomes a file to keep), then "
    "delete them from this browser."
)
IMPORT_TOO_LARGE = (
    f"With this file the log would grow over the {SIZE_TEXT} this page can keep, so nothing "
    f"was imported. {MAKE_ROOM}"
)
MAX_PLAN_TEXT_CHARS = 40  # a planner field's text in the stored plan


@dataclass(frozen=True)
class Store:
    """Everything the browser keeps: the entries and the planner inputs they belong to."""

    entries: tuple[LogEntry, ...] = ()
    plan: tuple[tuple[str, str], ...] | None = None  # planner field name → text, form order
    runs: tuple[LoggedRun, ...] = ()  # in date order

    def plan_texts(self) -> dict[str, str] | None:
        return None if self.plan is None else dict(self.plan)


def entry_json(entry: LogEntry) -> dict[str, object]:
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


_ENTRY_KEYS = frozenset(entry_json(LogEntry(1, 1, DATE_RANGE[0], 1, 1)))


def entry_from_json(obj: object) -> LogEntry:
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


def plan_from_json(obj: object) -> tuple[tuple[str, str], ...] | None:
    names = list(FORM_FIELDS.values())
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
    if data.get("schema") == 2:
        data = {**data, "schema": 3, "runs": []}
    return data  # versions 4 and 5 are read by ``book``


def dump_store(
    entries: Iterable[LogEntry],
    plan: Mapping[str, str] | Iterable[tuple[str, str]] | None = None,
    runs: Iterable[LoggedRun] = (),
) -> str:
    """The stored form of a log: canonical JSON (sorted entries, fixed key order, 2-space indent).

    ``read_store(dump_store(e, p, r))`` gives back exactly these entries, plan and runs, and
    dumping what was read gives back exactly this text: the export/import round trip is exact.
    """
    ordered = sorted(entries, key=lambda e: e.key)
    for a, b in itertools.pairwise(ordered):
        if a.key == b.key:
            raise ValueError(f"two entries for week {a.week}, session {a.session}")
    plan_pairs = None if plan is None else plan_from_json(dict(plan))
    payload = {
        "format": FORMAT,
        "schema": SINGLE_SCHEMA,
        "plan": None if plan_pairs is None else dict(plan_pairs),
        "entries": [entry_json(e) for e in ordered],
        "runs": [run_json(r) for r in sorted(set(runs), key=run_order)],
    }
    text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    return checked_size(text)


def checked_size(text: str) -> str:
    """``text``, or InputError when it is over the size the page reads back."""
    if len(text) > MAX_STORE_CHARS:  # never store what the page could not read back
        raise InputError(
            "log",
            f"The log would grow over the {SIZE_TEXT} this page can keep, so nothing was "
            f"changed. {MAKE_ROOM}",
        )
    return text


@dataclass(frozen=True)
class Reading:
    """A stored text as read: the log, one sentence for the reader when something was wrong,
    and whether the text may be written over (nothing in it left unread)."""

    store: Store = Store()
    message: str | None = None
    complete: bool = True  # every part was read: writing the log back loses nothing
    newer: bool = False  # saved by a newer version of the page, which alone may change it
    athlete: str = ""  # the current plan's athlete, when a book names one
    notes: tuple[tuple[int, int, str], ...] = ()  # the current plan's session notes (a book's)


def whole(text: object, source: str) -> Reading | dict[str, object]:
    """The text's JSON data, a single-plan form brought up to SINGLE_SCHEMA (a book, schema 4,
    as it is), or the Reading that refuses it."""
    what = "Your saved training log" if source == "saved" else "This file"
    fix = "this page cannot show it" if source == "saved" else "nothing was imported"

    def refused(why: str, *, newer: bool = False) -> Reading:
        return Reading(Store(), f"{what} {why}, so {fix}.", complete=False, newer=newer)

    if not isinstance(text, str):
        return refused("could not be read")
    if len(text) > MAX_STORE_CHARS:
        return refused(f"is too large to be a training log from this page (over {SIZE_TEXT})")
    if json_depth(text) > MAX_JSON_DEPTH:  # json.loads recurses per level (drills.json_depth)
        return refused(f"is nested more than {MAX_JSON_DEPTH} levels deep, deeper than any log")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return refused("is damaged (it is not valid JSON)")
    schema = data.get("schema") if isinstance(data, dict) else None
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        return refused("is not a training log from this page")
    if schema > SCHEMA_VERSION:
        if source == "saved":
            fix = "it was not read; reload the page to get the newest version"
        return refused(f"was saved by a newer version of this page (schema {schema})", newer=True)
    data = _migrate(data)
    items = "plans" if schema >= BOOK_SCHEMA else "entries"
    if data.get("format") != FORMAT or not isinstance(data.get(items), list):
        return refused("is not a training log from this page")
    return data


def read_single(data: dict[str, object], source: str, today: dt.date | None) -> Reading:
    """The log from a single-plan stored form's data (``whole``'s, schema 1 to 3): an entry
    or run that cannot be read is left out and counted (``left_out``)."""
    raw_entries, raw_runs = data["entries"], data.get("runs")
    assert isinstance(raw_entries, list)  # whole checked
    items = read_items(raw_entries, raw_runs if isinstance(raw_runs, list) else [], today)
    store = Store(items.entries, plan_from_json(data.get("plan")), items.runs)
    kept = bool(items.entries or items.runs)
    return Reading(
        store if kept or not items.said else Store(),
        left_out([items], source, kept),
        complete=not +items.unread,
    )


@dataclass(frozen=True)
class Items:
    """The entries and runs of one log as read, and how many of each were left out and why."""

    entries: tuple[LogEntry, ...]
    runs: tuple[LoggedRun, ...]
    unread: Counter[str]
    late: Counter[str]
    totals: Counter[str]

    @property
    def said(self) -> bool:
        return bool(+self.unread or +self.late)


def read_items(raw_entries: list[object], raw_runs: list[object], today: dt.date | None) -> Items:
    """Every entry and run that reads (``today``: leave out those dated after it); of two
    entries for one session the first is kept and the second counted as unread."""
    unread, late = Counter[str](), Counter[str]()
    read_entries, unread["entries"], late["entries"] = _items(raw_entries, entry_from_json, today)
    runs, unread["runs"], late["runs"] = _items(raw_runs, run_from_json, today)
    entries: dict[tuple[int, int], LogEntry] = {}
    for entry in read_entries:
        if entry.key in entries:
            unread["entries"] += 1  # two entries for one session: keep the first, report the second
        else:
            entries[entry.key] = entry
    totals = Counter({"entries": len(raw_entries), "runs": len(raw_runs)})
    return Items(
        tuple(entries[k] for k in sorted(entries)),
        tuple(sorted(set(runs), key=run_order)),
        unread,
        late,
        totals,
    )


def left_out(logs: Sequence[Items], source: str, kept: bool) -> str | None:
    """One sentence per reason for what the logs left out, or None; ``kept``: whether any entry
    or run was read (else the last sentence says nothing came of the text)."""
    unread, late, totals = Counter[str](), Counter[str](), Counter[str]()
    for items in logs:
        unread.update(items.unread)
        late.update(items.late)
        totals.update(items.totals)
    where = "your saved training log" if source == "saved" else "this file"
    fix = "this page cannot show it" if source == "saved" else "nothing was imported"
    said = [(counts, why) for counts, why in ((unread, _UNREAD), (late, _LATE)) if +counts]
    sentences = [
        _left_out(counts, totals, where, why, None if kept or i < len(said) - 1 else fix)
        for i, (counts, why) in enumerate(said)
    ]
    return " ".join(sentences) or None


# A TypeVar rather than PEP 695's def f[T]: the shared import-cycle tool parses with Python 3.11.
T = TypeVar("T", LogEntry, LoggedRun)


def _items(  # noqa: UP047 (see T above)
    raw: list[object], read: Callable[[object], T], today: dt.date | None
) -> tuple[list[T], int, int]:
    """The entries or runs ``read`` makes of ``raw``; how many it could not read, and how many
    are dated after ``today`` (left out, when a day is given)."""
    kept: list[T] = []
    unread = late = 0
    for obj in raw:
        try:
            item = read(obj)
        except (InputError, TypeError, ValueError):
            unread += 1
            continue
        if today is not None and after_today(item.date, today):
            late += 1
        else:
            kept.append(item)
    return kept, unread, late


_UNREAD = ("could not be read", "could not be read")
_LATE = ("is dated after today", "are dated after today")


def _some(kind: str, count: int, total: int) -> str:
    """ "1 of 3 entries", "all 3 entries", "the one entry": how many of a kind, in words."""
    one, many = ("entry", "entries") if kind == "entries" else ("run", "runs")
    if count < total:
        return f"{count} of {counted(total, one, many)}"
    return f"the one {one}" if total == 1 else f"all {counted(total, one, many)}"


def _left_out(
    counts: Counter[str], totals: Counter[str], where: str, why: tuple[str, str], fix: str | None
) -> str:
    """ "1 of 3 entries and all 2 runs in this file could not be read and were left out." """
    parts = [_some(kind, counts[kind], totals[kind]) for kind in totals if counts[kind]]
    one = len(parts) == 1 and sum(counts.values()) == 1
    tail = f", so {fix}" if fix else f" and {'was' if one else 'were'} left out"
    text = f"{listing(parts)} in {where} {why[0] if one else why[1]}{tail}."
    return text[0].upper() + text[1:]


def run_order(run: LoggedRun) -> tuple[object, ...]:
    return (run.date, run.name, run.descent_m)


def with_changes(
    store: Store,
    entries: Iterable[LogEntry] | None = None,
    plan: Mapping[str, str] | Iterable[tuple[str, str]] | None = None,
    runs: Iterable[LoggedRun] | None = None,
) -> str:
    """The stored text of ``store`` with its entries, plan or runs replaced (the rest kept)."""
    return dump_store(
        store.entries if entries is None else entries,
        store.plan if plan is None else plan,
        store.runs if runs is None else runs,
    )


def merge_entries(
    kept: Iterable[LogEntry], incoming: Iterable[LogEntry]
) -> tuple[tuple[LogEntry, ...], int, int]:
    """The entries of both logs by session, the incoming one where both have a session; and
    how many sessions were added and how many replaced by a different entry."""
    merged = {e.key: e for e in kept}
    added = replaced = 0
    for entry in incoming:
        if entry.key not in merged:
            added += 1
        elif merged[entry.key] != entry:
            replaced += 1
        merged[entry.key] = entry
    return tuple(merged[k] for k in sorted(merged)), added, replaced


# Remind the reader to download a backup once entries not in one span this many days: a
# browser may clear a site's storage (Safari after seven days unvisited), and a two-week
# training cycle should never ride on one copy. Our choice, not a studied figure.
BACKUP_REMINDER_DAYS = 21


def backup_reminder(
    entries: Sequence[LogEntry], last_backup: dt.date | None, backed_up: int, today: dt.date
) -> str | None:
    """One sentence asking for a backup, or None when the last one is recent enough."""
    new = len(entries) - backed_up if last_backup is not None else len(entries)
    if new <= 0:
        return None
    since = last_backup if last_backup is not None else min(e.date for e in entries)
    if (today - since).days < BACKUP_REMINDER_DAYS:
        return None
    press = "press “Export the log (JSON)” to keep a copy"
    if last_backup is None:
        return f"This log lives only in this browser and has no backup yet: {press}."
    return (
        f"Your last backup was on {long_date(last_backup)}, {counted(new, 'entry', 'entries')} ago: "
        f"{press} of the new ones."
    )
