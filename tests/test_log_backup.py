"""The log survives: imports merge and never drop entries silently, backups are asked for."""

from __future__ import annotations

import datetime as dt
import json

from drills import bridge, training_log
from drills.training_log import LogEntry, dump_store, read_store
from drills.training_log.store import BACKUP_REMINDER_DAYS, backup_reminder, merge_entries
from tests.pages import LINKS

FIELDS = {"current": "4", "target": "10", "weeks": "10", "sessions": "3", "level": "beginner", "slope": "200", "start": ""}  # fmt: skip
MONDAY = dt.date(2026, 3, 2)


def entry(week: int, session: int, rpe: int = 5) -> LogEntry:
    return LogEntry(week, session, MONDAY + dt.timedelta(days=7 * (week - 1)), rpe, 4)


def call(name: str, **args: object) -> dict:
    return json.loads(bridge.call(name, json.dumps({"links": LINKS.as_data(), **args})))


def test_merge_keeps_every_session_and_counts_what_the_file_changed() -> None:
    kept = [entry(1, 1), entry(1, 2)]
    incoming = [entry(1, 2, rpe=9), entry(2, 1), entry(1, 1)]
    merged, added, replaced = merge_entries(kept, incoming)
    assert [e.key for e in merged] == [(1, 1), (1, 2), (2, 1)]
    assert merged[1].rpe == 9 and (added, replaced) == (1, 1)


def test_import_merges_into_the_kept_log_and_says_so() -> None:
    kept = dump_store([entry(1, 1), entry(1, 2)], FIELDS)
    file = dump_store([entry(1, 2, rpe=9), entry(2, 1)], FIELDS)
    out = call("log_import", fields=FIELDS, store=kept, text=file, query="?x")
    store, _ = read_store(out["store"])
    assert [e.key for e in store.entries] == [(1, 1), (1, 2), (2, 1)]
    assert out["data"]["log_summary"] == (
        "Imported 2 log entries: 1 new, 1 replaced by the file's version."
    )


def test_import_of_another_plans_log_changes_nothing_and_says_why() -> None:
    kept = dump_store([entry(1, 1)], FIELDS)
    file = dump_store([entry(2, 1)], {**FIELDS, "slope": "300"})
    out = call("log_import", fields=FIELDS, store=kept, text=file)
    assert "store" not in out and "different plan" in out["error"]
    assert "nothing was imported" in out["error"]


def test_a_backup_is_asked_for_once_entries_outside_one_span_three_weeks() -> None:
    entries = [entry(1, 1), entry(2, 1), entry(3, 1)]
    first = entries[0].date
    due = first + dt.timedelta(days=BACKUP_REMINDER_DAYS)
    assert backup_reminder(entries, None, 0, due - dt.timedelta(days=1)) is None
    assert "no backup yet" in (backup_reminder(entries, None, 0, due) or "")
    assert backup_reminder(entries, due, 3, due + dt.timedelta(days=60)) is None  # all in it
    later = backup_reminder(entries, first, 1, due)
    assert later == (
        "Your last backup was on 2 March 2026, 2 entries ago: press “Export the log (JSON)” "
        "to keep a copy of the new ones."
    )


def test_the_reminder_reaches_the_page_and_the_export_counts_the_entries() -> None:
    store = dump_store([entry(1, 1), entry(2, 1)], FIELDS)
    args = {"tool": "planner", "fields": FIELDS, "store": store, "query": "?x"}
    late = call("compute", **args, today="2026-04-01")
    assert "no backup yet" in late["regions"]["log-view"]["html"]
    noted = call("compute", **args, today="2026-04-01", backup={"date": "2026-03-30", "entries": 2})
    assert "backup" not in noted["regions"].get("log-view", {}).get("html", "")
    assert call("log_export", store=store, today="2026-04-01")["entries"] == 2
    assert training_log.read_store(store)[0].entries  # the export did not change the log
