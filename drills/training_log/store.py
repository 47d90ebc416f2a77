"""The training log's stored form: versioned JSON, kept only in the reader's browser."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from drills.errors import InputError
from drills.json_depth import MAX_JSON_DEPTH, json_depth
from drills.planner import FORM_FIELDS
from drills.training_log.entries import DATE_RANGE, LogEntry
from drills.training_log.runs import LoggedRun, run_from_json, run_json

# Version 1 held only the entries. Version 2 added the format marker and the planner inputs the
# log was kept against, so that a coach who opens an athlete's file sees the same plan.
# Version 3 added the runs the reader added from their own activity files.
SCHEMA_VERSION = 3
FORMAT = "downhill-confidence-training-log"
MAX_STORE_CHARS = 500_000  # a full 24-week log with long notes is under 150 000
MAX_PLAN_TEXT_CHARS = 40  # a planner field's text in the stored plan


@dataclass(frozen=True)
class Store:
    """Everything the browser keeps: the entries and the planner inputs they belong to."""

    entries: tuple[LogEntry, ...] = ()
    plan: tuple[tuple[str, str], ...] | None = None  # planner field name → text, form order
    runs: tuple[LoggedRun, ...] = ()  # in date order

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
    return data


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
    plan_pairs = None if plan is None else _plan_from_json(dict(plan))
    payload = {
        "format": FORMAT,
        "schema": SCHEMA_VERSION,
        "plan": None if plan_pairs is None else dict(plan_pairs),
        "entries": [_entry_json(e) for e in ordered],
        "runs": [run_json(r) for r in sorted(set(runs), key=_run_order)],
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
    if json_depth(text) > MAX_JSON_DEPTH:  # json.loads recurses per level (drills.json_depth)
        return Store(), (
            f"{what} is nested more than {MAX_JSON_DEPTH} levels deep, deeper than any "
            f"training log, so {fix}."
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
    runs: set[LoggedRun] = set()
    raw_runs = data.get("runs")
    for obj in raw_runs if isinstance(raw_runs, list) else []:
        try:
            runs.add(run_from_json(obj))
        except InputError:
            bad += 1
    store = Store(
        tuple(entries[k] for k in sorted(entries)),
        _plan_from_json(data.get("plan")),
        tuple(sorted(runs, key=_run_order)),
    )
    if bad and not entries and not runs:
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


def _run_order(run: LoggedRun) -> tuple[object, ...]:
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
    noun = "entry" if new == 1 else "entries"
    return (
        f"Your last backup was on {last_backup.day} {last_backup:%B %Y}, {new} {noun} ago: "
        f"{press} of the new ones."
    )
